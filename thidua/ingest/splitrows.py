"""One row of a sheet made several registrations: what :mod:`thidua.ingest.severalpeople` (several
people in one registrant cell) and :mod:`thidua.ingest.severalmodels` (several models in one model
cell) share. Each part keeps the row's other cells and its Excel row; a part repeating another
registration of the sheet, or an earlier part of its row, is not counted again (the duplicate rule
of ``spec/submission-form.md``, "Errors", by :func:`thidua.ingest.duplicates.duplicate_key`).
"""

from __future__ import annotations

import pandas as pd

from thidua.ingest.duplicates import DUPLICATE_KEY, duplicate_key


def split_rows(valid: pd.DataFrame, parts: dict[int, list[dict[str, object]]]
               ) -> tuple[pd.DataFrame, dict[int, list[int | None]]]:
    """``valid`` (normalised valid rows, index Excel row, in order) with each row of ``parts``
    made one row per part, in order: the part's cells (``{column: value}``; a ``None`` value
    keeps the row's cell) over the row's, the index the row's Excel row. Returns the rows and,
    per row split, for each part the Excel row it repeats (the first registration with its
    duplicate key, :data:`thidua.ingest.duplicates.DUPLICATE_KEY`) or ``None`` when it is
    counted. ``valid`` is not modified."""
    columns = [c for c in DUPLICATE_KEY if c in valid]

    def key(record: dict) -> tuple:
        return tuple(duplicate_key(record[c]) if isinstance(record[c], str) else None
                     for c in columns)

    def cells(record: dict, part: dict[str, object]) -> dict:
        return {**record, **{c: v for c, v in part.items() if v is not None}}

    seen = {key(valid.iloc[at].to_dict()): int(row) for at, row in enumerate(valid.index)
            if row not in parts}
    repeats: dict[int, list[int | None]] = {}
    take: list[int] = []  # positions in ``valid``, one per registration kept
    edits: list[tuple[int, dict[str, object]]] = []  # (position in the result, part)
    for at, row in enumerate(valid.index):
        if row not in parts:
            take.append(at)
            continue
        record, done = valid.iloc[at].to_dict(), set()
        repeats[int(row)] = []
        for part in parts[row]:
            found = key(cells(record, part))
            first = seen.setdefault(found, int(row))
            again = first if first != int(row) or found in done else None
            done.add(found)
            repeats[int(row)].append(again)
            if again is None:
                edits.append((len(take), part))
                take.append(at)
    out = valid.iloc[take].copy()
    for at, part in edits:
        for column, value in part.items():
            if column in out and value is not None:
                out.iloc[at, out.columns.get_loc(column)] = value
    return out, repeats
