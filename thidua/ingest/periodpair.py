"""``Thời gian thực hiện`` over two columns without sub-headers: start | end.

A unit may merge the ``Thời gian thực hiện`` header over two columns (or leave the second
column's header empty, as a CSV of such a sheet does) and write the start in the first and
the end in the second (``01/03/2024`` | ``30/11/2024``). Read as one column, the period was
its first cell alone: a single day, or, for ``12/2023`` | ``06/2024``, a period outside the
report year that rejected a real registration (fresh form cases of 01/12). When every row
that fills the second column gives a date, month or year in each (the second not before the
first) the two are ``period_from`` | ``period_to``, as under ``Từ ngày`` | ``Đến ngày``
(issue 16.3). An extension of ``spec/submission-form.md``, "The header row".
"""

from __future__ import annotations

import re

from thidua.ingest.headers import header_name
from thidua.ingest.periods import RANGE_SEP, parse_period
from thidua.ingest.workbook import Grid
from thidua.text import clean_text, match_key

#: How many rows under the header are looked at.
LOOKED_AT = 200


def _ends(first: object, last: object) -> bool:
    """Whether two cells are a period's start and end: each one date, month or year (not a
    range), the end not before the start."""
    a, b = parse_period(first), parse_period(last)
    if a is None or b is None or b[1] < a[0]:
        return False
    return not _is_range(first) and not _is_range(last)


def _is_range(value: object) -> bool:
    """Whether a cell's text is a range of two points (``01/2024 - 12/2024``), not one
    (``01-03-2024`` splits into no two points)."""
    text = match_key(clean_text(value))
    return any(parse_period(text[:sep.start()]) and parse_period(text[sep.end():])
               for sep in re.finditer(RANGE_SEP, text))


def period_in_two(grid: Grid, rows: tuple[int, ...], columns: dict[int, str],
                  unknown: dict[int, str]) -> tuple[dict[int, str], dict[int, str]]:
    """``(columns, unknown)`` of a header (grid rows ``rows``) with ``Thời gian thực hiện``
    and the column to its right read as ``period_from`` | ``period_to`` when that column is
    headed the same (a merged header repeated) or not at all, and every one of the next
    :data:`LOOKED_AT` rows that fills it holds a start and an end there (at least one such
    row); else unchanged. ``columns``: grid column → form name; ``unknown``: grid column →
    header text."""
    at = next((c for c, name in columns.items() if name == "period"), None)
    if at is None or "period_from" in columns.values():
        return columns, unknown
    right = at + 1
    if right in columns or (right in unknown and header_name(unknown[right]) != "period"):
        return columns, unknown
    below = grid[rows[-1] + 1:rows[-1] + 1 + LOOKED_AT]
    pairs = [(row[at] if at < len(row) else "", row[right]) for row in below
             if right < len(row) and clean_text(row[right])]
    if not pairs or not all(_ends(a, b) for a, b in pairs):
        return columns, unknown
    columns = {**columns, at: "period_from", right: "period_to"}
    return dict(sorted(columns.items())), {c: h for c, h in unknown.items() if c != right}
