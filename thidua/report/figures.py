"""All figures of one year's report, computed once, for ``summary.json`` and for the PDF.

:func:`compute_figures` is the aggregation step of the flow; :func:`summary_dict` is the
``summary.json`` contract of ``spec/outputs.md`` (required keys kept, more added).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from schemas.form import FIELDS, LEVELS, RESULTS, TYPES
from thidua.ingest.files import SKIPPED, USED, FileResult
from thidua.ingest.selection import file_table
from thidua.ingest.validate import REJECTION_COLUMNS
from thidua.report import aggregate

REGISTRATION_COLUMNS = ["unit", "file", "sheet", "model", "field", "type", "registrant",
                        "position", "level", "grassroots_union", "period", "period_start",
                        "period_end", "result", "note"]


@dataclass(frozen=True)
class Figures:
    """Every table of the report. DataFrames as returned by :mod:`thidua.report.aggregate`;
    ``registrations`` has :data:`REGISTRATION_COLUMNS` (index: Excel row); ``files`` is
    :func:`thidua.ingest.selection.file_table`; ``rejections`` has ``rejected.csv``'s columns plus
    ``unit``; ``expected`` is :func:`thidua.ingest.registry.expected_units`."""

    year: int
    expected: pd.DataFrame
    files: pd.DataFrame
    registrations: pd.DataFrame
    rejections: pd.DataFrame
    by_field: pd.DataFrame
    by_level: pd.DataFrame
    by_result: pd.DataFrame
    by_unit: pd.DataFrame
    exemplary: pd.DataFrame
    quality: pd.DataFrame
    coverage: dict
    rows: dict[str, int]
    #: Coded values of the used files' valid rows read by approximation (issue 9.1).
    interpreted: int = 0
    #: The whole registry (:func:`thidua.ingest.registry.load_registry`), when known: names
    #: of units that sent without being expected, successors for the comparison.
    registry: pd.DataFrame | None = None
    #: ``summary.json``'s ``previous_year`` block (:func:`thidua.report.comparison.compare_years`).
    previous_year: dict | None = None
    #: Registrations by year and field of the published years (:mod:`thidua.report.history`).
    history: list | None = None

    @property
    def unit_names(self) -> dict[str, str]:
        """Unit code → official name: every unit of the registry (its latest period's name),
        the expected units' names last."""
        names = {}
        if self.registry is not None:
            names.update(zip(self.registry["code"], self.registry["name"]))
        names.update(zip(self.expected["code"], self.expected["name"]))
        return names


def compute_figures(year: int, results: list[FileResult], expected: pd.DataFrame,
                    registry: pd.DataFrame | None = None) -> Figures:
    """Aggregate the used files of a year (after :func:`thidua.ingest.selection.select_submissions`).

    Rejections are those of used and rejected files (a superseded file's rows are never
    counted, nor reported). Rows counts sum the used files.
    """
    used = [r for r in results if r.status == USED]
    frames = [r.registrations for r in used if len(r.registrations)]
    registrations = (pd.concat(frames) if frames else
                     pd.DataFrame(columns=REGISTRATION_COLUMNS).astype("str"))
    registrations = registrations[REGISTRATION_COLUMNS]
    rejections = pd.concat(
        [r.rejections.assign(unit=r.unit or "") for r in results if r.status != "superseded"],
        ignore_index=True)[[*REJECTION_COLUMNS, "unit"]]
    files = file_table(results)
    submitted = files[files["status"] != SKIPPED]  # skipped entries are no unit's files
    rows = {k: int(sum(r.rows[k] for r in used)) for k in ("read", "valid", "rejected", "ignored")}
    return Figures(
        year=year, expected=expected, files=files, registrations=registrations,
        rejections=rejections,
        by_field=aggregate.count_by_field(registrations),
        by_level=aggregate.count_by_level(registrations),
        by_result=aggregate.count_by_result(registrations),
        by_unit=aggregate.count_by_unit(registrations, expected),
        exemplary=aggregate.exemplary_models(registrations),
        quality=aggregate.quality_by_unit(submitted, expected),
        coverage=aggregate.coverage(submitted, expected),
        rows=rows,
        interpreted=int(sum(r.interpreted for r in used)),
        registry=registry,
    )


#: What names an exemplary model in ``summary.json`` (``exemplary_models``).
EXEMPLARY_KEYS = ("unit", "field", "type", "model", "registrant")


def _types(row: pd.Series) -> dict[str, int]:
    return {kind: int(row[kind]) for kind in TYPES}


def _exemplary_models(exemplary: pd.DataFrame) -> list[dict[str, str]]:
    """``{key: str(value)}`` of :data:`EXEMPLARY_KEYS` for each row of ``exemplary``, in
    order (column by column: a national year has a hundred thousand of them, issue 10)."""
    columns = [exemplary[key].tolist() for key in EXEMPLARY_KEYS]
    return [dict(zip(EXEMPLARY_KEYS, map(str, values))) for values in zip(*columns)]


def summary_dict(figures: Figures) -> dict:
    """``summary.json`` (``spec/outputs.md``): registrations, by_field, by_level, by_unit,
    rows, units; plus by_result, files and rejected (counts), ``exemplary`` (how many models
    were evaluated Tiêu biểu) and ``exemplary_models`` (each of them, ``{"unit", "field",
    "type", "model", "registrant"}``, in :func:`thidua.report.aggregate.exemplary_models`'
    order: what a new version's change list names, issue 13.3), and ``values_interpreted``:
    how many coded values of counted rows were read by approximation (``đã hiểu là …``,
    issue 9.1)."""
    bf, bu = figures.by_field, figures.by_unit
    totals = {kind: int(bf[kind].sum()) for kind in TYPES}
    statuses = figures.files["status"].value_counts()
    return {
        "year": figures.year,
        "registrations": {"total": sum(totals.values()), **totals},
        "by_field": {f: _types(bf.loc[f]) for f in FIELDS},
        "by_level": {lv: _types(figures.by_level.loc[lv]) for lv in LEVELS},
        "by_result": {r: _types(figures.by_result.loc[r]) for r in RESULTS},
        "by_unit": {code: {f: {kind: int(bu.at[code, f"{f}_{kind}"]) for kind in TYPES}
                           for f in FIELDS} for code in bu.index},
        "rows": dict(figures.rows),
        "units": {k: figures.coverage[k] for k in ("expected", "submitted", "missing")},
        "files": {"found": int(len(figures.files)),
                  **{s: int(statuses.get(s, 0))
                     for s in ("used", "superseded", "rejected", "skipped")}},
        "exemplary": int(len(figures.exemplary)),
        "exemplary_models": _exemplary_models(figures.exemplary),
        # coded values of counted rows read by approximation, "đã hiểu là …" (issue 9.1)
        "values_interpreted": figures.interpreted,
        # the comparison with the previous year's summary.json, when it was found (issue 12)
        **({"previous_year": figures.previous_year} if figures.previous_year else {}),
    }
