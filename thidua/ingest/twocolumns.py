"""A form header over two columns without sub-headers, its second column a part of it.

A unit may merge a header over two columns (or leave the second column's header empty, as a
CSV of such a sheet does) and write two things under it (fresh form cases of 01/12):

* ``Thời gian thực hiện``: the start | the end (``01/03/2024`` | ``30/11/2024``). Read as one
  column, the period was its first cell alone: a single day, or, for ``12/2023`` |
  ``06/2024``, a period outside the report year that rejected a real registration. When
  every row that fills the second column gives a date, month or year in each (the second
  not before the first) the two are ``period_from`` | ``period_to``, as under ``Từ ngày`` |
  ``Đến ngày`` (issue 16.3).
* ``Tên tập thể/cá nhân``: the name | the position (``Nguyễn Văn An`` | ``Chủ tịch CĐCS``),
  in a table without ``Chức vụ``. Read as one column, every individual was rejected
  "Thiếu 'Chức vụ'". When most filled cells of the second column start with a position's
  words (:data:`schemas.form.POSITION_WORDS`), it is the ``Chức vụ`` column.

An extension of ``spec/submission-form.md``, "The header row" (``docs/contracts.md``).
"""

from __future__ import annotations

from thidua.ingest.headers import header_name
from thidua.ingest.periods import over_long, parse_period, range_splits, since_dropped
from thidua.ingest.registrant import is_position
from thidua.ingest.workbook import Grid
from thidua.text import clean_text, match_key

#: How many rows under the header are looked at.
LOOKED_AT = 200
#: The share of a name's second column's filled cells that must read as positions.
MIN_SHARE = 0.75


def _ends(first: object, last: object) -> bool:
    """Whether two cells are a period's start and end: each one date, month or year (not a
    range), the end not before the start. The start may say so (``Từ 01/2023`` | ``06/2023``:
    :func:`thidua.ingest.periods.since_dropped`; alone, ``Từ 01/2023`` runs to the end of the
    report year)."""
    a = parse_period(since_dropped(clean_text(first)) if isinstance(first, str) else first)
    b = parse_period(last)
    if a is None or b is None or b[1] < a[0]:
        return False
    return not _is_range(first) and not _is_range(last)


def _is_range(value: object) -> bool:
    """Whether a cell's text is a range of two points (``01/2024 - 12/2024``), not one
    (``01-03-2024`` splits into no two points); a text over
    :data:`~thidua.ingest.limits.MAX_PERIOD_CHARS` is none, unsearched."""
    if over_long(value):
        return False
    text = match_key(clean_text(value))
    return any(parse_period(a) and parse_period(b) for a, b in range_splits(text))


def _second(grid: Grid, rows: tuple[int, ...], columns: dict[int, str],
            unknown: dict[int, str], name: str) -> tuple[int, list[tuple[object, object]]] | None:
    """``(column of name, [(its cell, the right cell)] of the next LOOKED_AT rows filling the
    right one)`` when the column right of form column ``name`` is headed the same (a merged
    header repeated) or not at all and some row fills it; else ``None``."""
    at = next((c for c, n in columns.items() if n == name), None)
    if at is None:
        return None
    right = at + 1
    if right in columns or (right in unknown and header_name(unknown[right]) != name):
        return None
    below = grid[rows[-1] + 1:rows[-1] + 1 + LOOKED_AT]
    pairs = [(row[at] if at < len(row) else "", row[right]) for row in below
             if right < len(row) and clean_text(row[right])]
    return (at, pairs) if pairs else None


def _named(columns: dict[int, str], unknown: dict[int, str], at: int, first: str,
           second: str) -> tuple[dict[int, str], dict[int, str]]:
    """``columns`` with ``at`` named ``first`` and the column right of it ``second``."""
    columns = {**columns, at: first, at + 1: second}
    return dict(sorted(columns.items())), {c: h for c, h in unknown.items() if c != at + 1}


def two_column_headers(grid: Grid, rows: tuple[int, ...], columns: dict[int, str],
                       unknown: dict[int, str]) -> tuple[dict[int, str], dict[int, str]]:
    """``(columns, unknown)`` of a header (grid rows ``rows``) with the column right of
    ``Thời gian thực hiện`` or of ``Tên tập thể/cá nhân`` read as a part of it (module doc),
    when that column is headed the same (a merged header repeated) or not at all and the
    rows below (:data:`LOOKED_AT`) that fill it say so: every one a start and an end
    (``period_from`` | ``period_to``); three quarters of them a position, in a table without
    ``Chức vụ`` (``registrant`` | ``position``). Else unchanged. ``columns``: grid column →
    form name; ``unknown``: grid column → header text."""
    if "period_from" not in columns.values() and \
            (found := _second(grid, rows, columns, unknown, "period")) is not None:
        at, pairs = found
        if all(_ends(a, b) for a, b in pairs):
            columns, unknown = _named(columns, unknown, at, "period_from", "period_to")
    if "position" not in columns.values() and \
            (found := _second(grid, rows, columns, unknown, "registrant")) is not None:
        at, pairs = found
        if sum(is_position(b) for _, b in pairs) >= MIN_SHARE * len(pairs):
            columns, unknown = _named(columns, unknown, at, "registrant", "position")
    return columns, unknown
