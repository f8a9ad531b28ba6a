"""Two columns under one required form header (``spec/submission-form.md``, "Columns"; an
extension in ``docs/contracts.md``): a row that leaves the column read empty takes the value
its twin holds, never rejected as missing a value its file gives."""

from __future__ import annotations

import re

from schemas.form import BY_NAME
from thidua.ingest.headers import header_name
from thidua.ingest.table import Table
from thidua.ingest.workbook import Grid
from thidua.text import clean_text, match_key


def twins(table: Table, merges: tuple[tuple[int, int, int, int], ...] = ()) -> dict[int, int]:
    """Grid column read for a required form column (:data:`schemas.form.BY_NAME`,
    ``required``: model, field, type, registrant) → the first other column carrying the same
    header (kept in ``table.unknown``; which one is read: :func:`thidua.ingest.table.find_table`).
    Only required columns: a blank optional cell is a valid answer, never filled from
    another column (a hidden ``Kết quả`` of last year), except the other half of one header
    cell merged over both (``merges``: the sheet's merged ranges, 0-based ``(first row, first
    col, last row, last col)``; ``Kết quả`` merged over J:K, results typed in J on some rows
    and in K on others: one column, fresh tester J's J075); and never a twin whose header
    names another time (:data:`OTHER_TIME`: ``Lĩnh vực (năm trước)``)."""
    read = {name: c for c, name in table.columns.items()}
    pairs: dict[int, int] = {}
    for twin, text in table.unknown.items():
        name = header_name(text)
        if name in read and twin not in table.marks and not OTHER_TIME.search(match_key(text)) \
                and (BY_NAME[name].required or _one_cell(merges, table.header_rows, read[name], twin)):
            pairs.setdefault(read[name], twin)
    return pairs


def _one_cell(merges: tuple[tuple[int, int, int, int], ...], rows: tuple[int, ...], a: int,
              b: int) -> bool:
    """Whether grid columns ``a`` and ``b`` are under one header cell: a merged range that
    starts in the header ``rows`` and spans both."""
    return bool(rows) and any(rows[0] <= r1 <= rows[-1] and c1 <= min(a, b) and max(a, b) <= c2
                              for r1, c1, _, c2 in merges)


#: A header naming another time than the report's (``Lĩnh vực (năm trước)``, ``… 2023``,
#: ``… cũ``, ``… kế hoạch``): another column, never a twin to take values from.
OTHER_TIME = re.compile(r"\b(?:nam truoc|nam ngoai|cu|(?:19|20)\d\d|ke hoach|du kien|"
                         r"truoc day|lan truoc)\b")


def twin_rows(grid: Grid, start: int, stop: int, pairs: dict[int, int]) -> dict[int, list[int]]:
    """For each pair of :func:`twins` (column read → twin), the 0-based grid rows
    from ``start`` to ``stop`` (excluded) whose column read is empty and whose twin holds a
    value: the rows that take the twin's value. Pairs with no such row are left out."""
    found: dict[int, list[int]] = {}
    for read, twin in pairs.items():
        rows = [r for r in range(start, stop)
                if not clean_text(grid[r][read] if read < len(grid[r]) else "")
                and clean_text(grid[r][twin] if twin < len(grid[r]) else "")]
        if rows:
            found[read] = rows
    return found
