"""The registrant type given by a table's section headings, not by a column.

Some units' forms have no ``Hình thức`` column: their table is split into sections headed
``I. TẬP THỂ`` and ``II. CÁ NHÂN`` (often each with its own header row). Then every row takes
the type of the nearest heading above it (``spec/submission-form.md``, "Rows that are not
data": the heading rows themselves stay ignored as sub-headings).
"""

from __future__ import annotations

import re

from schemas.form import TYPES
from thidua.ingest.values import EXACT, read_value
from thidua.text import clean_text


def heading_type(row: list) -> str | None:
    """The type (``Tập thể`` or ``Cá nhân``) a section heading row names: its text, one cell
    or a numbering and one cell (``I. TẬP THỂ``, ``II | Cá nhân``, ``B. Cá nhân:``), read
    exactly as a type (:func:`thidua.ingest.values.read_value`); ``None`` for any other row."""
    texts = list(dict.fromkeys(t for t in (clean_text(v) for v in row) if t))
    if not 1 <= len(texts) <= 2 or len(" ".join(texts)) > 40:
        return None
    if len(texts) == 2 and not re.fullmatch(r"[IVXivx]{1,4}|\d{1,2}|[A-Za-z]", texts[0]):
        return None  # two cells: a numbering, then the heading
    reading = read_value("type", ". ".join(texts).rstrip(":"))
    return TYPES[reading.code] if reading.how == EXACT and reading.code else None


def types_from_headings(grid: list[list], start: int, stop: int, header_row: int,
                        is_header) -> list[str] | None:
    """Per row of ``grid[start:stop]``: the type of the nearest section heading above it
    (:func:`heading_type`), counting the heading just above the part's header row
    ``header_row`` (``I. TẬP THỂ`` over the header); ``""`` for a heading row, a blank row, a
    header row
    (``is_header(row)``: a later table's header, left to be ignored) and rows before any
    heading; ``None`` when no heading names a type."""
    current = ""
    for r in range(header_row - 1, -1, -1):  # the nearest non-empty row above the header
        if any(clean_text(v) for v in grid[r]):
            current = heading_type(grid[r]) or ""
            break
    out, found = [], bool(current)
    for r in range(start, stop):
        named = heading_type(grid[r])
        if named is not None:
            current, found = named, True
            out.append("")
        else:
            blank = not any(clean_text(v) for v in grid[r])
            out.append("" if blank or is_header(grid[r]) else current)
    return out if found else None
