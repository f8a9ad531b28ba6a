"""The sheets of one unit file that count, put together into the fields of its
:class:`thidua.ingest.files.FileResult` (an extension of ``spec/submission-form.md``, "The
file": every visible sheet with the form's header row counts)."""

from __future__ import annotations

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.normalise import IGNORED_REASONS
from thidua.ingest.salvage import LOST_STRING
from thidua.ingest.sheetrows import SheetOutcome
from thidua.ingest.validate import duplicates_across_sheets
from thidua.text import on_sheet


def _unmarked(value: object) -> object:
    """A rejected row's cell as the unit wrote it: a cell whose shared string was lost in the
    file (:data:`thidua.ingest.salvage.LOST_STRING`) is empty, never the mark."""
    return "" if isinstance(value, str) and value.startswith(LOST_STRING) else value


def combined(outcomes: list[SheetOutcome], unit: str | None, file: str) -> dict:
    """The :class:`FileResult` fields of a file's sheets together: rows of every sheet (the
    duplicate rule across sheets applied,
    :func:`thidua.ingest.duplicates.duplicates_across_sheets`),
    ``rejected_rows`` indexed ``(sheet, row)``, counts summed and kept per sheet, notes of a
    file with several sheets each starting ``Trang '<sheet>': ``."""
    kept, across = duplicates_across_sheets([(o.sheet, o.valid) for o in outcomes], file=file)
    valid = [v.assign(unit=unit, file=file, sheet=o.sheet) for o, v in zip(outcomes, kept)]
    rejections = [o.rejections for o in outcomes]
    if len(across):
        rejections = [pd.concat([r, across[across["sheet"] == o.sheet]], ignore_index=True)
                      .sort_values(["row", "column"], kind="stable", ignore_index=True)
                      for o, r in zip(outcomes, rejections)]
    rejected_rows = pd.concat(
        [o.raw.loc[sorted(r["row"].dropna().unique().astype(int)), list(o.headers)]
         .rename(columns=o.headers) for o, r in zip(outcomes, rejections)],
        keys=[o.sheet for o in outcomes], names=["sheet", "row"]).map(_unmarked)  # ``J15`` lost
    # a row of several people (:mod:`thidua.ingest.severalpeople`) is one row read, valid
    # unless one of them is rejected
    sheets = tuple({"sheet": o.sheet, "read": o.read,
                    "valid": len(set(v.index) - set(r["row"].dropna().astype(int))),
                    "rejected": int(r["row"].nunique()), "ignored": sum(o.ignored.values())}
                   for o, v, r in zip(outcomes, kept, rejections))

    def told(o: SheetOutcome, notes: tuple[str, ...]) -> list[str]:
        return [on_sheet(o.sheet, n) for n in notes] if len(outcomes) > 1 else list(notes)
    headers: dict[str, str] = {}
    for o in outcomes:
        for name, header in o.headers.items():
            if name in BY_NAME:
                headers.setdefault(BY_NAME[name].header, header)
    return dict(
        registrations=pd.concat([v for v in valid if len(v)] or valid[:1]),
        rejections=pd.concat(rejections, ignore_index=True),
        rejected_rows=rejected_rows, headers=headers, sheets=sheets,
        rows={k: sum(s[k] for s in sheets) for k in ("read", "valid", "rejected", "ignored")},
        ignored={r: sum(o.ignored[r] for o in outcomes) for r in IGNORED_REASONS},
        interpreted=sum(o.interpreted for o in outcomes),
        remarks=[n for o in outcomes for n in told(o, o.remarks)],
        readings=[n for o in outcomes for n in told(o, o.readings)])
