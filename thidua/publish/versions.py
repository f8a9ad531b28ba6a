"""Published versions of a year's report, and what changed between two of them.

Layout (``spec/outputs.md``, extended by issue 4)::

    data/out/<year>/versions/v<N>/   bao-cao-dan-van-kheo-<year>.pdf, summary.json,
                                     rejected.csv, manifest.json   (never modified once written)
    data/out/<year>/                 a copy of the latest version's files

A version's ``manifest.json`` carries ``version``, ``replaces`` (``{"version", "date"}`` or
null), ``report_date``, ``fingerprint`` (inputs, registry and program; equal fingerprints
mean nothing to publish) and ``changes`` (Vietnamese lines, see :func:`describe_changes`).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from schemas.form import FIELDS, TYPES
from thidua.publish.latest import (  # noqa: F401 - the versions' API, kept where it was
    VERSIONS,
    Version,
    fingerprint,
    latest_version,
    load_version,
    program_sha256,
    version_dir,
    version_numbers,
)
from thidua.publish.outputs import neutralise_formula

#: Columns of a changes table (``diff-vN-vM.csv``).
CHANGE_COLUMNS = ["section", "unit", "file", "field", "type", "before", "after", "detail"]
#: ``section`` of the report date's change: the day a replacing version was made, not a change
#: of the data, said apart (:func:`date_change`).
REPORT_DATE = "ngày báo cáo"


def _counts(summary: dict) -> pd.Series:
    by_unit = summary.get("by_unit", {})
    records = {(unit, field, kind): n for unit, fields in by_unit.items()
               for field, kinds in fields.items() for kind, n in kinds.items()}
    index = pd.MultiIndex.from_tuples(list(records) or [], names=["unit", "field", "type"])
    return pd.Series(list(records.values()), index=index, dtype="int64")


def _not_counted(entry: dict) -> str:
    """Why a file added or changed is not counted, after its change: `` (bị từ chối)``, `` (không
    dùng: đơn vị có tệp mới hơn)`` for a file superseded as soon as it came (a correction older
    than the file in use), else ``""``."""
    return {"rejected": " (bị từ chối)",
            "superseded": " (không dùng: đơn vị có tệp mới hơn)"}.get(entry.get("status"), "")


def _file_changes(before: list[dict], after: list[dict]) -> list[dict]:
    """Files added, removed, replaced, newly rejected or superseded; entries that are not
    submissions (``skipped``: lock and temporary files) are never a change."""
    old = {i["path"]: i for i in before if i.get("status") != "skipped"}
    new = {i["path"]: i for i in after if i.get("status") != "skipped"}
    rows = []
    for path in sorted(old.keys() | new.keys()):
        o, n = old.get(path), new.get(path)
        unit = (n or o).get("unit") or ""
        if o is None:
            detail = "thêm tệp" + _not_counted(n)
        elif n is None:
            detail = "bỏ tệp"
        elif o["sha256"] != n["sha256"] and o.get("rows_sha256") \
                and o.get("rows_sha256") == n.get("rows_sha256"):
            detail = "lưu lại, các dòng không đổi" + _not_counted(n)
        elif o["sha256"] != n["sha256"]:
            detail = "thay nội dung tệp" + _not_counted(n)
        elif o["status"] != n["status"]:
            detail = {"rejected": "mới bị từ chối", "superseded": "được thay bằng tệp mới hơn",
                      "used": "được dùng lại"}[n["status"]]
        else:
            continue
        rows.append({"section": "tệp", "unit": unit, "file": path, "detail": detail})
    return rows


def _coverage_changes(before: dict, after: dict) -> list[dict]:
    """Units that newly sent or stopped sending, the coverage, and the rejected rows, as
    ``"khác"`` lines (issue 13.3)."""
    rows = []
    old_missing = set(before.get("units", {}).get("missing", []))
    new_missing = set(after.get("units", {}).get("missing", []))
    for unit in sorted(old_missing - new_missing):
        rows.append({"section": "khác", "unit": unit, "detail": "đơn vị mới gửi danh sách"})
    for unit in sorted(new_missing - old_missing):
        rows.append({"section": "khác", "unit": unit, "detail": "đơn vị không còn tệp dùng được"})
    old_units, new_units = before.get("units", {}), after.get("units", {})
    if (old_units.get("submitted"), old_units.get("expected")) != \
            (new_units.get("submitted"), new_units.get("expected")) and new_units:
        rows.append({"section": "khác", "detail": f"số đơn vị đã gửi: {old_units.get('submitted')}/"
                     f"{old_units.get('expected')} → {new_units.get('submitted')}/"
                     f"{new_units.get('expected')}"})
    old_rejected = before.get("rows", {}).get("rejected")
    new_rejected = after.get("rows", {}).get("rejected")
    if old_rejected is not None and new_rejected is not None and old_rejected != new_rejected:
        rows.append({"section": "khác", "detail": f"số dòng bị từ chối: {old_rejected} → "
                                                  f"{new_rejected}"})
    return rows


def _exemplary_changes(before: dict, after: dict) -> list[dict]:
    """Models newly evaluated Tiêu biểu, or no longer, by name (``"tiêu biểu"`` rows: ``unit``,
    ``field``, ``type``, ``detail`` the model's title and, for an individual, the registrant;
    ``after`` 1 added, 0 removed). Nothing when either summary predates ``exemplary_models``
    (:func:`thidua.report.figures.summary_dict`): no list to compare is no change (issue 13.3)."""
    if "exemplary_models" not in before or "exemplary_models" not in after:
        return []
    key = lambda m: tuple(" ".join(str(m.get(k) or "").split())  # noqa: E731  one line each
                          for k in ("unit", "field", "type", "model", "registrant"))
    old, new = ({key(m) for m in s["exemplary_models"]} for s in (before, after))
    rows = []
    for models, present in ((new - old, 1), (old - new, 0)):
        for unit, field, kind, model, registrant in sorted(models):
            rows.append({"section": "tiêu biểu", "unit": unit, "field": field, "type": kind,
                         "after": present, "detail": f"“{model}”" + (
                             f" ({registrant})" if registrant and kind == "individual" else "")})
    return rows


def compare(before: Version, after_manifest: dict, after_summary: dict) -> pd.DataFrame:
    """What changed from version ``before`` to a new manifest and summary.

    Returns a DataFrame with :data:`CHANGE_COLUMNS`: ``section`` ``"tệp"`` (a file added,
    removed, replaced, newly rejected or superseded: ``file``, ``unit``, ``detail``),
    ``"số liệu"`` (a unit × field × type count that changed: ``before``, ``after``) and
    ``"tổng"`` (the totals before and after: ``type`` collective/individual/total),
    ``"khác"`` (the registry, the program, the units that sent and the rejected rows:
    ``detail``), :data:`REPORT_DATE` (the report date, ``detail`` ``26/11/2024 → 05/12/2024``)
    and ``"tiêu biểu"`` (an exemplary model added or removed, by name:
    :func:`_exemplary_changes`).
    ``before``/``after`` are Int64, the rest str.
    """
    rows = _file_changes(before.manifest.get("inputs", []), after_manifest.get("inputs", []))
    for key, what in (("registry_sha256", "danh mục đơn vị thay đổi"),
                      ("program_sha256", "chương trình lập báo cáo thay đổi")):
        if before.manifest.get(key) != after_manifest.get(key):
            rows.append({"section": "khác", "detail": what})
    old_date, new_date = before.manifest.get("report_date"), after_manifest.get("report_date")
    if old_date and new_date and old_date != new_date:
        day = lambda iso: "/".join(reversed(iso.split("-")))  # noqa: E731  2024-12-05 → 05/12/2024
        rows.append({"section": REPORT_DATE, "detail": f"{day(old_date)} → {day(new_date)}"})
    rows += _coverage_changes(before.summary, after_summary)
    rows += _exemplary_changes(before.summary, after_summary)
    old, new = _counts(before.summary), _counts(after_summary)
    both = pd.concat({"before": old, "after": new}, axis=1).fillna(0).astype("int64")
    changed = both[both["before"] != both["after"]]
    for (unit, field, kind), r in changed.iterrows():
        rows.append({"section": "số liệu", "unit": unit, "field": field, "type": kind,
                     "before": int(r["before"]), "after": int(r["after"])})
    for kind in ("collective", "individual", "total"):
        rows.append({"section": "tổng", "type": kind,
                     "before": int(before.summary["registrations"][kind]),
                     "after": int(after_summary["registrations"][kind])})
    frame = pd.DataFrame.from_records(rows, columns=CHANGE_COLUMNS)
    frame[["before", "after"]] = frame[["before", "after"]].astype("Int64")
    for name in CHANGE_COLUMNS:
        if name not in ("before", "after"):
            frame[name] = frame[name].astype(object).fillna("").astype("str")
    return frame


def describe_changes(changes: pd.DataFrame, unit_names: dict[str, str]) -> list[str]:
    """The changes as Vietnamese sentences, one per line, for the report, the terminal and
    the e-mail: other changes (registry, program, units, coverage, rejected rows), files,
    exemplary models added or removed (by name), each changed count, then the new totals.
    The report date is not among them: it is said apart (:func:`date_change`)."""
    from thidua.report.formatting import number

    lines = []
    for r in changes[changes["section"] == "khác"].itertuples():
        who = f"{unit_names.get(r.unit, r.unit)}: " if r.unit else ""
        text = f"{who}{r.detail}"
        lines.append(f"{text[:1].upper()}{text[1:]}.")
    for r in changes[changes["section"] == "tệp"].itertuples():
        who = unit_names.get(r.unit, r.unit) or "không rõ đơn vị"
        lines.append(f"Tệp {r.file} ({who}): {r.detail}.")
    for r in changes[changes["section"] == "tiêu biểu"].itertuples():
        what = "thêm mô hình tiêu biểu" if r.after == 1 else "không còn là mô hình tiêu biểu"
        lines.append(f"{unit_names.get(r.unit, r.unit)}, lĩnh vực {FIELDS[r.field].lower()}, "
                     f"{TYPES[r.type].lower()}: {what} {r.detail}.")
    for r in changes[changes["section"] == "số liệu"].itertuples():
        delta = int(r.after) - int(r.before)
        lines.append(f"{unit_names.get(r.unit, r.unit)}, lĩnh vực {FIELDS[r.field].lower()}, "
                     f"{TYPES[r.type].lower()}: {number(int(r.before))} → {number(int(r.after))} "
                     f"({'+' if delta > 0 else '−'}{number(abs(delta))}).")
    totals = changes[changes["section"] == "tổng"].set_index("type")
    if not totals.empty and (totals["before"] == totals["after"]).all():
        lines.append(f"Tổng số mô hình không đổi: {number(int(totals.at['total', 'after']))} (tập "
                     f"thể {number(int(totals.at['collective', 'after']))}, cá nhân "
                     f"{number(int(totals.at['individual', 'after']))}).")
    elif not totals.empty:
        t = totals.loc["total"]
        lines.append(
            f"Tổng số mô hình: {number(int(t.before))} → {number(int(t.after))} (tập thể "
            f"{number(int(totals.at['collective', 'before']))} → {number(int(totals.at['collective', 'after']))}, "
            f"cá nhân {number(int(totals.at['individual', 'before']))} → "
            f"{number(int(totals.at['individual', 'after']))}).")
    return lines


def date_change(changes: pd.DataFrame) -> str | None:
    """``Ngày báo cáo: 26/11/2024 → 05/12/2024.``: the report date's change (:data:`REPORT_DATE`),
    said apart from the data's under :data:`thidua.report.formatting.NOT_DATA_HEADING`: a replacing version is dated
    the day it is made, so its date changes even when no figure does; ``None`` when the date
    did not change."""
    found = changes[changes["section"] == REPORT_DATE] if len(changes) else changes
    return f"Ngày báo cáo: {found['detail'].iloc[0]}." if len(found) else None


def diff_versions(out_dir: Path, first: int | None = None, second: int | None = None
                  ) -> tuple[int, int, pd.DataFrame]:
    """Compare two published versions (default: the latest and the one before it).

    Returns ``(first, second, changes)`` with changes as :func:`compare` gives them. Raises
    ``ValueError`` (Vietnamese message) when fewer than two versions exist, a number is not a
    published version, or both are the same.
    """
    numbers = version_numbers(out_dir)
    if len(numbers) < 2 and not (first and second):
        have = f"mới có bản số {numbers[0]}" if numbers else "chưa có bản nào"
        raise ValueError(f"Cần ít nhất hai bản để so sánh; trong {out_dir / VERSIONS} {have}.")
    second = second or numbers[-1]
    first = first or second - 1
    if first == second:
        raise ValueError(f"--from và --to cùng là bản số {first}: hãy chọn hai bản khác nhau.")
    for n in (first, second):
        if n not in numbers:
            have = ", ".join(map(str, numbers)) or "chưa có bản nào"
            raise ValueError(f"Không có bản số {n} trong {out_dir / VERSIONS} (hiện có: {have}).")
    after = load_version(out_dir, second)
    return first, second, compare(load_version(out_dir, first), after.manifest, after.summary)


#: The header of ``diff-vN-vM.csv``: each of :data:`CHANGE_COLUMNS` in Vietnamese.
DIFF_CSV_HEADERS = {"section": "Mục", "unit": "Mã đơn vị", "file": "Tệp", "field": "Lĩnh vực",
                    "type": "Hình thức", "before": "Trước", "after": "Sau", "detail": "Nội dung"}


def diff_csv_bytes(changes: pd.DataFrame) -> bytes:
    """``diff-vN-vM.csv``: :data:`CHANGE_COLUMNS` under :data:`DIFF_CSV_HEADERS`, fields and
    types by their Vietnamese names (``Kinh tế``, ``Tập thể``, ``Tổng``), UTF-8 with
    BOM for Excel; text that Excel would run as a formula (a file named ``=HYPERLINK(…)``)
    is written as text (:func:`thidua.publish.outputs.neutralise_formula`)."""
    frame = changes[CHANGE_COLUMNS].astype(object).copy()
    frame["field"] = frame["field"].map(lambda v: FIELDS.get(v, v))
    frame["type"] = frame["type"].map(lambda v: {**TYPES, "total": "Tổng"}.get(v, v))
    frame = frame.map(neutralise_formula)
    return (frame.rename(columns=DIFF_CSV_HEADERS)
            .to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig"))
