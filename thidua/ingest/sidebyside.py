"""Two tables side by side on one sheet (``Tập thể`` in A:K, ``Cá nhân`` in M:W under the
same title): each is read as a table of its own, never as one table whose repeated headers
are twins (the tester B's F1: the right table's rows beyond the left one's were counted
nowhere, and its cells were glued onto the left table's rows).

A header row names the form's two markers (``Tên mô hình`` and ``Lĩnh vực``,
:data:`schemas.form.HEADER_MARKERS`) in a block of columns, then again in a block further
right that starts after at least one empty header cell, or with the header the left block
starts with (``STT``). The sheet then becomes two: the left part keeps the columns before the
right block, the right part (named ``<sheet> (bảng từ cột M)``) the columns from it; each
keeps every cell where it was, so that rows and column letters in messages are the sheet's
own. An extension of ``spec/submission-form.md``, "The file" (one table per data sheet),
listed in ``docs/contracts.md``.
"""

from __future__ import annotations

from schemas.form import HEADER_MARKERS
from thidua.ingest.rows import SheetData, column_letter
from thidua.ingest.table import Table, find_table, row_names
from thidua.ingest.twins import OTHER_TIME
from thidua.text import clean_text, match_key

Grid = list[list]


def right_block(grid: Grid, table: Table) -> int | None:
    """The 0-based column where a second table beside ``table`` starts in ``grid``, or
    ``None`` when its header row holds one table only."""
    names: dict[int, str] = {}
    for r in table.header_rows:
        for c, name in row_names(grid[r]).items():
            names.setdefault(c, name)
    markers = sorted(c for c, n in names.items() if n == HEADER_MARKERS[0])
    if len(markers) < 2:
        return None
    header = [any(clean_text(grid[r][c]) for r in table.header_rows if c < len(grid[r]))
              for c in range(max(len(grid[r]) for r in table.header_rows))]
    start = markers[0]
    while start > 0 and header[start - 1]:
        start -= 1  # the left block's first column
    for second in markers[1:]:
        split = _block_start(header, names, start, second)
        if split is None:
            continue
        left = {n for c, n in names.items() if c < split}
        right = {n for c, n in names.items() if c >= split and not _other_time(grid, table, c)}
        if set(HEADER_MARKERS) <= left and set(HEADER_MARKERS) <= right \
                and right & {"registrant", "type"}:  # a table, not two columns of notes
            return split
    return None


def _other_time(grid: Grid, table: Table, c: int) -> bool:
    """Whether column ``c``'s header names another time than the report's (``Tên mô hình năm
    2023``: last year's columns kept to the right, fresh tester C's s01), as a twin's may not."""
    texts = " ".join(clean_text(grid[r][c]) for r in table.header_rows if c < len(grid[r]))
    return OTHER_TIME.search(match_key(texts)) is not None


def _block_start(header: list[bool], names: dict[int, str], start: int,
                 marker: int) -> int | None:
    """Where the block holding the later ``marker`` column begins: after the last empty
    header cell before it, or at the header the left block starts with repeated."""
    c = marker
    while c > start and header[c - 1]:
        c -= 1
    if c > start:
        return c  # an empty header cell before the block
    first = names.get(start)
    repeated = [c for c in range(start + 1, marker + 1) if first and names.get(c) == first]
    return repeated[-1] if repeated else None


def _keep(grid: Grid, first: int, last: int | None) -> Grid:
    """``grid`` with every cell outside columns ``first`` … ``last - 1`` emptied, in place."""
    return [[v if first <= c and (last is None or c < last) else "" for c, v in enumerate(row)]
            for row in grid]


def split_side_by_side(sheet: SheetData, hidden: frozenset[int] = frozenset()
                       ) -> list[SheetData]:
    """``[sheet]``, or its two tables side by side (:func:`right_block`) as two sheets: the
    left one under the sheet's name with the title block, the right one named ``<sheet>
    (bảng từ cột M)`` (a CSV's: ``Bảng từ cột M``); ``hidden``: the sheet's hidden columns (0-based), as
    :func:`thidua.ingest.table.find_table` takes them."""
    split = right_block(sheet.grid, sheet.table)
    if split is None:
        return [sheet]
    parts = []
    right = f"bảng từ cột {column_letter(split)}"  # a CSV's sheet has no name
    for name, grid in ((sheet.sheet, _keep(sheet.grid, 0, split)),
                       (f"{sheet.sheet} ({right})" if sheet.sheet else "B" + right[1:],
                        _keep(sheet.grid, split, None))):
        table = find_table(grid, hidden)
        if table is None:
            return [sheet]
        parts.append(SheetData(name, grid, table, sheet.encoding, sheet.facts))
    return parts
