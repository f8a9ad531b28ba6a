"""What a sheet's cells really hold, beyond the values python-calamine reads (issues 9.2, 9.4,
16.1, 16.5): merged ranges, hidden rows, the text Excel shows for a number under a number
format, formulas saved without their result, and ``.xls`` date formulas.

python-calamine stays the value reader (:mod:`thidua.ingest.workbook`); this module picks
the format's reader of these facts (:class:`thidua.ingest.cellfacts.SheetFacts`), which reads
them only for the data sheet and as cheaply as the format allows (:mod:`thidua.ingest.xlsxfacts`,
:mod:`thidua.ingest.xlsfacts`, :mod:`thidua.ingest.odsfacts`), and applies them to a grid
(merged ranges filled).

Positions are 0-based ``(row, column)`` of the grid (row 0 = Excel row 1).
"""

from __future__ import annotations

import io
import zipfile

from thidua.ingest.cellfacts import Cell, SheetFacts
from thidua.ingest.odsfacts import ods_facts
from thidua.ingest.xlsfacts import xls_facts
from thidua.ingest.xlsxfacts import xlsx_facts

__all__ = ["Cell", "SheetFacts", "fill_merges", "restore_unowned", "sheet_facts"]


def sheet_facts(data: bytes, sheet: str, rows: int | None = None) -> SheetFacts:
    """The :class:`SheetFacts` of worksheet ``sheet`` of a workbook's bytes (format from the
    content). ``rows``: the grid's height; the rows of an ``.xlsx`` below it (styled, hidden,
    empty rows down to row 1,048,576) are not looked at. A workbook whose facts cannot be read
    gives empty facts: the values python-calamine read still count, as before."""
    try:
        if data.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" in names:
                    return xlsx_facts(archive, sheet, rows)
                if "content.xml" in names:
                    return ods_facts(archive, sheet)
        elif data.startswith(b"\xd0\xcf\x11\xe0"):
            return xls_facts(data, sheet)
    except Exception:  # noqa: BLE001 - facts are extra; a reader's failure must not lose the values
        return SheetFacts()
    return SheetFacts()


# --- applying the facts to a grid ------------------------------------------------------------
def fill_merges(grid: list[list], merges: tuple[tuple[int, int, int, int], ...],
                first_row: int) -> list[list]:
    """A copy of ``grid`` in which each merged range that ends on or below ``first_row`` (the
    header) holds its top-left value in every cell of the range, clipped to the grid (a
    range declared down to row 1,048,576 never makes rows). Ranges wholly above ``first_row``
    (the title block) are left as read. Only changed rows are copied."""
    out = list(grid)
    for r1, c1, r2, c2 in merges:
        if r2 < first_row or r1 >= len(grid) or c1 >= len(grid[r1]):
            continue
        value = grid[r1][c1]
        if value is None or value == "":
            continue
        for r in range(r1, min(r2, len(grid) - 1) + 1):
            if out[r] is grid[r]:
                out[r] = list(grid[r])
            row = out[r]
            for c in range(c1, min(c2, len(row) - 1) + 1):
                if (r, c) != (r1, c1):
                    row[c] = value
    return out


def restore_unowned(filled: list[list], grid: list[list], start: int) -> list[list]:
    """``filled`` with the rows from ``start`` on that hold nothing of their own in ``grid``
    (every value came from a merge begun above) put back as read: a merged range that runs on
    past the last model does not make rows of its own (they stay blank)."""
    out = list(filled)
    for r in range(start, len(grid)):
        if out[r] is not grid[r] and all(v is None or v == "" for v in grid[r]):
            out[r] = grid[r]
    return out
