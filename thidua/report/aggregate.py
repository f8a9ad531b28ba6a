"""Counting registrations: by field and type, by level, by unit, by result; coverage and quality.

Every function takes the registrations table (valid rows of the used files: columns
``unit, field, type, level, result, model, registrant, position`` as ``str``) and returns a
small DataFrame with every category present, zeros included, in the report's order
(:data:`schemas.form.FIELDS`, :data:`~schemas.form.TYPES`, :data:`~schemas.form.LEVELS`).
"""

from __future__ import annotations

import pandas as pd

from schemas.form import FIELDS, LEVELS, RESULTS, TYPES

TYPE_ORDER = list(TYPES)


def _crosstab(registrations: pd.DataFrame, by: str, order: list[str]) -> pd.DataFrame:
    counts = (registrations.groupby([by, "type"]).size().unstack("type")
              .reindex(index=order, columns=TYPE_ORDER).fillna(0).astype("int64"))
    counts.index.name, counts.columns.name = by, None
    counts["total"] = counts[TYPE_ORDER].sum(axis=1)
    return counts


def count_by_field(registrations: pd.DataFrame) -> pd.DataFrame:
    """Registrations by field × type. Index ``field`` (KT, VHXH, ANQP, XDHTCT); int64
    columns ``collective, individual, total``."""
    return _crosstab(registrations, "field", list(FIELDS))


def count_by_level(registrations: pd.DataFrame) -> pd.DataFrame:
    """Registrations by level × type. Index ``level`` (thanh_pho, cap_tren_co_so, co_so);
    int64 columns ``collective, individual, total``."""
    return _crosstab(registrations, "level", list(LEVELS))


def count_by_result(registrations: pd.DataFrame) -> pd.DataFrame:
    """Registrations by year-end result × type. Index ``result`` (:data:`RESULTS` order);
    int64 columns ``collective, individual, total``."""
    return _crosstab(registrations, "result", list(RESULTS))


def count_by_unit(registrations: pd.DataFrame, expected: pd.DataFrame) -> pd.DataFrame:
    """Registrations of every expected unit by field × type, zeros included.

    ``expected``: :func:`thidua.ingest.registry.expected_units`. Index ``unit`` (expected
    codes in registry order, then, sorted, units that sent registrations without being
    expected: accepted units that ended during the year, ``spec/unit-registry.md``); int64 columns ``<FIELD>_<type>`` for each field and type (e.g. ``KT_collective``),
    then ``collective, individual, total``.
    """
    codes = list(expected["code"])
    codes += sorted(set(registrations["unit"].dropna()) - set(codes))
    wide = (registrations.groupby(["unit", "field", "type"]).size()
            .unstack(["field", "type"])
            .reindex(index=codes,
                     columns=pd.MultiIndex.from_product([list(FIELDS), TYPE_ORDER]))
            .fillna(0).astype("int64"))
    wide.columns = [f"{f}_{t}" for f, t in wide.columns]
    wide.index.name = "unit"
    for kind in TYPE_ORDER:
        wide[kind] = wide[[f"{f}_{kind}" for f in FIELDS]].sum(axis=1)
    wide["total"] = wide["collective"] + wide["individual"]
    return wide


def exemplary_models(registrations: pd.DataFrame) -> pd.DataFrame:
    """Registrations evaluated ``tieu_bieu`` (Tiêu biểu), sorted by field, unit, type, model.

    Columns: ``field, unit, type, model, registrant, position`` (str).
    """
    chosen = registrations[registrations["result"] == "tieu_bieu"]
    columns = ["field", "unit", "type", "model", "registrant", "position"]
    order = {f: i for i, f in enumerate(FIELDS)}
    return (chosen[columns].sort_values(["field", "unit", "type", "model"],
                                        key=lambda s: s.map(order) if s.name == "field" else s)
            .reset_index(drop=True))


def coverage(files: pd.DataFrame, expected: pd.DataFrame) -> dict:
    """Which expected units sent a usable file.

    ``files``: :func:`thidua.ingest.selection.file_table`. Returns ``{"expected": n, "submitted": n,
    "missing": [codes], "late_or_unusable": [codes that sent only rejected files]}``.
    """
    codes = list(expected["code"])
    used = set(files.loc[files["status"] == "used", "unit"].dropna())
    tried = set(files["unit"].dropna())
    missing = [c for c in codes if c not in used]
    return {"expected": len(codes), "submitted": sum(c in used for c in codes),
            "missing": missing, "only_rejected_files": [c for c in missing if c in tried]}


def quality_by_unit(files: pd.DataFrame, expected: pd.DataFrame) -> pd.DataFrame:
    """Per unit: files used/superseded/rejected and rows read/valid/rejected/ignored.

    Index ``unit`` (expected codes in registry order, then ``""`` for files whose unit could
    not be told); int64 columns ``files_used, files_superseded, files_rejected, read, valid,
    rejected, ignored``. Rows are counted over the used files only.
    """
    frame = files.assign(unit=files["unit"].fillna(""))
    used = frame[frame["status"] == "used"]
    rows = used.groupby("unit")[["read", "valid", "rejected", "ignored"]].sum()
    status = (frame.groupby(["unit", "status"]).size().unstack("status")
              .reindex(columns=["used", "superseded", "rejected"]))
    status.columns = ["files_used", "files_superseded", "files_rejected"]
    order = list(expected["code"]) + ([""] if (frame["unit"] == "").any() else [])
    extra = [u for u in status.index if u not in order]
    table = status.join(rows).reindex(order + extra).fillna(0).astype("int64")
    table.index.name = "unit"
    return table
