"""Why a ``Thời gian thực hiện`` written in a right shape could not be read: a day or month
that does not exist (``30/02/2024``, ``13/2024``), or an end before the start
(``spec/submission-form.md``, "Errors"). Only asked of a period :func:`parse_period` could
not read; the unit is told what to fix instead of the list of accepted shapes.
"""

from __future__ import annotations

import calendar
import re

from thidua.ingest.limits import MAX_PERIOD_CHARS, number
from thidua.ingest.periods import (day_of_range, digit_problem, documents_dropped, over_long,
                                    parse_period, range_splits, short_years)
from thidua.text import match_key

_DAY = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_MONTH = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")


def _missing_day(day: int, month: int, year: int) -> str | None:
    if not 1 <= month <= 12:
        us = (f"; có vẻ ghi theo kiểu tháng/ngày/năm (bảng tính đặt ngôn ngữ Mỹ, ví dụ Google "
              f"Sheets): nếu là ngày {month:02d} tháng {day:02d}, đề nghị ghi "
              f"{month:02d}/{day:02d}/{year} (ngày/tháng/năm) hoặc đổi ngôn ngữ bảng tính sang "
              f"Việt Nam") if 1 <= day <= 12 and month <= calendar.monthrange(year, day)[1] else ""
        return f"ngày {day:02d}/{month:02d}/{year} không có (tháng chỉ từ 01 đến 12){us}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return (f"ngày {day:02d}/{month:02d}/{year} không có (tháng {month:02d}/{year} có {days} "
                f"ngày)")
    return None


def _kind(text: str) -> str:
    if _DAY.fullmatch(text):
        return "ngày"
    return "tháng" if _MONTH.fullmatch(text) else "thời gian"


def period_problem(value: object) -> str | None:
    """What is wrong with a period cell of a readable shape, in Vietnamese, else ``None``:
    ``ngày 30/02/2024 không có (tháng 02/2024 có 29 ngày)``, ``tháng 13/2024 không có (tháng
    chỉ từ 01 đến 12)``, ``ngày kết thúc (01/01/2024) trước ngày bắt đầu (31/12/2024)``
    (``tháng …`` for ``mm/yyyy`` ends, ``thời gian …`` for others: ``Quý IV/2024 - Quý
    I/2024``); a date of a two-digit year as of 20yy (``31-02-24``: ``ngày 31/02/2024 không
    có …``, :func:`thidua.ingest.periods.short_years`). ``value``: the cell as read (any
    type). A text longer than
    :data:`~thidua.ingest.limits.MAX_PERIOD_CHARS` is told so at once (``dài 30.000 ký tự,
    quá 1.000 ký tự …``), never searched (:func:`thidua.ingest.periods.over_long`). Dates typed
    without separators that read two ways or none are told so
    (:func:`thidua.ingest.periods.digit_problem`). The first day of days of one month is of
    that month (``26-20/5/2024``: ``ngày kết thúc (20/5/2024) trước ngày bắt đầu (26/5/2024)``;
    ``30-29/2/2024``: ``ngày 30/02/2024 không có …``; fresh tester W's W705, W709:
    :func:`thidua.ingest.periods.day_of_range`); a document's number or day of signing is no
    period (``Theo KH 15/2024/QĐ-UBND`` is no month 15:
    :func:`thidua.ingest.periods.documents_dropped`)."""
    if over_long(value):
        return (f"dài {number(len(value))} ký tự, quá {number(MAX_PERIOD_CHARS)} ký tự đọc được "
                f"của một thời gian (cần dd/mm/yyyy - dd/mm/yyyy hoặc mm/yyyy - mm/yyyy); phần "
                f"mô tả đề nghị ghi ở cột 'Ghi chú'")
    if problem := digit_problem(match_key(value)):  # ``1012024``: 1 or 10 January?
        return problem
    text = short_years(documents_dropped(match_key(value))[0])  # ``31-02-24``: ``31/02/2024``
    splits = [(day_of_range(a, b) or a, b) for a, b in range_splits(text)]  # ``26-20/5/2024``
    for m in [*_DAY.finditer(text), *(m for a, _ in splits if (m := _DAY.fullmatch(a)))]:
        if problem := _missing_day(*map(int, m.groups())):
            return problem
    for m in _MONTH.finditer(_DAY.sub(" ", text)):
        month, year = map(int, m.groups())
        if not 1 <= month <= 12:
            return f"tháng {month:02d}/{year} không có (tháng chỉ từ 01 đến 12)"
    for a, b in splits:
        first, last = parse_period(a), parse_period(b)
        if first and last and first[0] > last[1]:
            kind = _kind(b) if _kind(a) == _kind(b) else "thời gian"
            return f"{kind} kết thúc ({b}) trước {kind} bắt đầu ({a})"
    return None


__all__ = ["period_problem"]
