"""Dates and years in a title block's text (``spec/submission-form.md``, "Title block"): the
``Ngày gửi:`` value as a date, the dated line of a document, and the year a heading names.
The block itself, and what a unit is told of its dates, is :mod:`thidua.ingest.titleblock`'s."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from thidua.ingest.periodcheck import period_problem
from thidua.ingest.periods import english_dates
from thidua.text import match_key

__all__ = ["DATED_LINE", "assumed_sent_date", "heading_year", "parse_day_month", "parse_sent_date",
           "parse_sent_time", "sent_date_problem", "undated_line", "undated_problem"]

#: The dated line of a Vietnamese document (``Hà Nội, ngày 05 tháng 12 năm 2024``): its date
#: is the sent date when no ``Ngày gửi:`` says otherwise.
DATED_LINE = re.compile(r"^[^,]{1,40},\s*(ngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})")


#: The shapes of a ``Ngày gửi:`` value (``spec/submission-form.md``, "Title block"): regex over
#: the match key, and the groups of year, month, day. A year of two digits is 20yy. A number
#: never runs into another (``2024-12-05`` is never read as ``24-12-05``).
_SENT_FORMATS = (
    (r"(?<!\d)(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?!\d)", (1, 2, 3)),  # 2024-12-05
    (r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})(?!\d)", (3, 2, 1)),
    # 05/12/2024, 5/12/24, 05-12-2024, 05.12.2024; a date in words first becomes one of these
    # (:func:`_in_figures`)
)

#: A month in words after ``tháng`` (match keys): ``tháng mười hai`` as Windows' Vietnamese
#: long date writes it (``05 Tháng Mười Hai 2024``). ``tháng năm`` (May) is left out: ``năm``
#: also says the year follows.
_MONTH_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "sau": 6, "bay": 7, "tam": 8,
                "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12}
_MONTH = r"((?:1[0-2]|0?[1-9])(?!\d)|" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")"

#: A date in words as a person writes it after ``Ngày gửi:`` (match keys): the day (``ngày``
#: before it or not, a comma after it or not), ``tháng`` (or Google Sheets' ``thg``) and the
#: month, then the year after ``năm``, a ``/``, ``-`` or ``.``, a comma or a space:
#: ``05 tháng 12 năm 2024``, ``ngày 05, tháng 12, năm 2024``, ``5 thg 12, 2024``, ``05 tháng
#: 12/2024``, ``05 tháng mười hai 2024``. A year of two digits only after ``năm`` or a
#: separator (``05 tháng 12 năm 24``), never after a space alone (``05 tháng 12 16:40``).
_DATE_IN_WORDS = re.compile(
    r"(?<!\d)(?:ngay\s*)?(\d{1,2})\s*,?\s*(?:thang|thg)\s*" + _MONTH
    + r"(?:\s*,?\s*nam\s*(\d{4}|\d{2})|\s*[/.\-]\s*(\d{4}|\d{2})|\s*,?\s*(\d{4}))(?![\d:h])")


def _in_figures(key: str) -> str:
    """A match key with each date in words (:data:`_DATE_IN_WORDS`) written ``d/m/yyyy``, the
    rest as it was: ``05 thang 12 nam 2024 16:40`` → ``05/12/2024 16:40``."""
    def figures(m: re.Match) -> str:
        month = _MONTH_WORDS.get(m[2]) or m[2]
        return f"{m[1]}/{month}/{m[3] or m[4] or m[5]}"
    return _DATE_IN_WORDS.sub(figures, key)


def parse_sent_date(value: str) -> dt.date | None:
    """A ``Ngày gửi:`` value as a date: ``dd/mm/yyyy``, ``d/m/yy`` (a two-digit year is 20yy),
    with ``/``, ``-`` or ``.`` between, ``yyyy-mm-dd``, a date in words with or without
    ``ngày`` (``05 tháng 12 năm 2024``, ``5 thg 12, 2024``, ``05 tháng 12/2024``, ``Hà Nội,
    ngày 05 tháng 12 năm 2024``: :data:`_DATE_IN_WORDS`; fresh tester N's N107, N172), an
    English date (``Dec 5, 2024``, ``5-Dec-2024``: :func:`thidua.ingest.periods.english_dates`), or Excel's
    day number of a date cell shown as a number (``45631``, 2000–2099), a US locale's
    ``mm/dd/yyyy`` when only it is a date (``11/25/2024``); ``None`` when it is none of them or
    not a real date (31/02). Whether the date is plausible (the report year or
    the next) is :func:`checked_sent_date`'s."""
    key = _in_figures(english_dates(match_key(value)))
    if re.fullmatch(r"\d{5}(\.0+)?", key) and 36526 <= float(key) < 73051:
        return dt.date(1899, 12, 30) + dt.timedelta(days=int(float(key)))
    for pattern, (y, m, d) in _SENT_FORMATS:
        if found := re.search(pattern, key):
            year = int(found.group(y))
            year += 2000 if len(found.group(y)) == 2 else 0
            month, day = int(found.group(m)), int(found.group(d))
            if month > 12 and day <= 12 and d < m:  # ``11/25/2024``: US
                month, day = day, month
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


#: A sent date written without its year, and nothing else (as a match key): the day and the
#: month in figures (``20/11``, ``20-11``, ``20.11``) or in words (``20 tháng 11``, ``ngày 20
#: tháng 11``, ``20 thg 11``, ``20 tháng mười một``), after a place or a weekday and a comma or
#: not (``Hà Nội, ngày 20 tháng 11``, ``Thứ Tư, 20/11``), a ``năm`` left blank after it or not
#: (``ngày 20 tháng 11 năm``, a template's). Any number in figures (``31/11``, ``5/13``) is
#: kept, to tell a day that does not exist (:func:`undated_problem`); a time or a year after it
#: (``05 tháng 12 16:40``) makes it no such date.
_DAY_MONTH = re.compile(
    r"(?:[^,\d]{1,40},\s*)?(?:ngay\s*)?(\d{1,2})\s*(?:[/.\-]\s*(\d{1,2})|,?\s*(?:thang|thg)\s*"
    + _MONTH + r")(?:\s*,?\s*nam)?[\s.,_…]*")


def parse_day_month(value: str) -> tuple[int, int] | None:
    """``(day, month)`` of a ``Ngày gửi:`` value (or a dated line) that is a day and a month
    without a year (:data:`_DAY_MONTH`: ``20/11``, ``20 tháng 11``, ``Hà Nội, ngày 20 tháng
    11``), whether or not that day exists (``31/11`` → ``(31, 11)``); ``None`` for any other
    value, a full date included. Its year is :func:`assumed_sent_date`'s."""
    found = _DAY_MONTH.fullmatch(match_key(value).strip())
    if found is None:
        return None
    month = found[2] or found[3]
    return int(found[1]), _MONTH_WORDS.get(month) or int(month)


def undated_line(cell: str) -> tuple[int, int] | None:
    """``(day, month)`` of a document's dated line written without its year (``Hà Nội, ngày
    20 tháng 11``, ``Hà Nội, ngày 20 tháng 11 năm``): a place, a comma, ``ngày``, the day,
    ``tháng`` and the month (:func:`parse_day_month`); ``None`` otherwise."""
    key = match_key(cell).strip()
    if not re.match(r"[^,\d]{1,40},\s*ngay\s*\d", key):
        return None
    return parse_day_month(cell)


#: The first month of the months a report year's files are sent in: a year ``Y``'s lists are
#: sent from the second half of ``Y`` (registrations, the year-end evaluation in November and
#: December) to the first half of ``Y + 1`` (late lists, corrections); a day and month from
#: July on is of ``Y``, before July of ``Y + 1``.
SENDING_STARTS = 7


def assumed_sent_date(day: int, month: int, year: int,
                      near: dt.date | None = None) -> tuple[int, dt.date | None]:
    """The year of a sent date written without it (``Ngày gửi: 20/11``), and the date
    (``None`` when that day does not exist that year: ``31/11``, ``29/02`` of 2025), for a file
    of report year ``year``. With ``near``, a full date the same title gives elsewhere (a dated
    line ``Hà Nội, ngày 20 tháng 11 năm 2024``, another date label), the year is never guessed:
    the year of ``near`` or the one before or after, whichever puts the day nearest to it
    (``03/01`` beside ``28/12/2024`` is of 2025). Without it: ``year`` for a month from
    :data:`SENDING_STARTS` (July) on, ``year + 1`` before: a year's lists are sent late in the
    year and corrected early in the next (``checked_sent_date`` accepts only those two years).
    The modification time is not asked: it is the very thing a sent date overrides (a copy, a
    download or the office's Save change it; fresh tester AA's AA47: ``5/12`` was saved on
    30/11, and the year before that, 2023, would have lost to ``20/11`` of 2024).
    An extension of ``spec/submission-form.md``, "Corrections" (``docs/contracts.md``)."""
    if near is not None:
        dates = []
        for candidate in (near.year - 1, near.year, near.year + 1):
            try:
                dates.append(dt.date(candidate, month, day))
            except ValueError:
                continue
        if dates:
            best = min(dates, key=lambda d: abs(d - near))
            return best.year, best
        chosen = near.year
    else:
        chosen = year if month >= SENDING_STARTS else year + 1
    try:
        return chosen, dt.date(chosen, month, day)
    except ValueError:
        return chosen, None


def undated_problem(day: int, month: int, year: int) -> str | None:
    """Why a day and month without a year (:func:`parse_day_month`) is no date, in
    Vietnamese, for the unit, once its year is assumed as ``year``: ``tháng 13 không có
    (tháng chỉ từ 01 đến 12)``, ``ngày 31/11 không có (tháng 11 chỉ có 30 ngày)``, ``ngày 30/02
    không có (tháng 02 chỉ có 28 hoặc 29 ngày)``, ``ngày 29/02/2025 không có (tháng 02/2025 có
    28 ngày)``; ``None`` when it is a date."""
    if not 1 <= month <= 12:
        return f"tháng {month:02d} không có (tháng chỉ từ 01 đến 12)"
    most = calendar.monthrange(2024, month)[1]  # a leap year: the most days a month has
    if not 1 <= day <= most:
        days = "28 hoặc 29" if month == 2 else str(most)
        return f"ngày {day:02d}/{month:02d} không có (tháng {month:02d} chỉ có {days} ngày)"
    if day > (days := calendar.monthrange(year, month)[1]):
        return f"ngày {day:02d}/{month:02d}/{year} không có (tháng {month:02d}/{year} có {days} ngày)"
    return None


def sent_date_problem(value: str) -> str:
    """Why a ``Ngày gửi:`` value :func:`parse_sent_date` cannot read is no date, in Vietnamese,
    for the unit: a day that does not exist (``31/11/2024``, ``ngày 31 tháng 11 năm 2024``:
    :func:`thidua.ingest.periodcheck.period_problem` of its figures), else what a sent date
    needs, with both ways of writing it (``ngày 5 tháng 12``, ``tháng 12/2024``: no day or no
    year)."""
    return period_problem(_in_figures(match_key(value))) or (
        "cần ghi đủ ngày, tháng, năm, ví dụ 05/12/2024 hoặc 05 tháng 12 năm 2024")


#: A time of day in a ``Ngày gửi:`` value (as a match key): ``16:40``, ``9h15``, ``15h``,
#: ``16 giờ 40 phút``, ``3 giờ chiều``, ``4:40 PM``; the hour never a date's number (``05/12``).
_TIME = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*(?::|h|gio)\s*(\d{2})?(?:\s*(?:phut|p)\b)?"
                   r"(?:\s*(sang|trua|chieu|toi|am|pm)\b)?(?![\d/.\-])")


#: A remark in brackets, and what may stand between a date and its time (``05/12/2024
#: 16:40``, ``15h ngày 05/12/2024``, ``ngày 05/12/2024, lúc 9 giờ``, ``2024-12-05T16:40``).
_BRACKETED = re.compile(r"[(\[][^()\[\]]*[)\]]")
_BETWEEN = re.compile(r"[\s,;\-–t]*(?:(?:vao )?luc|ngay)?[\s,;:\-–]*")


#: Words right before a time that make it a deadline (``hạn 17h``, ``trước 17h``, ``chậm nhất
#: 17h``), as match keys.
_DEADLINE = re.compile(r"(?:^|\s)(?:han|han chot|het han|truoc|cham nhat|den|toi)\s*:?\s*(?:luc\s*)?$")


def parse_sent_time(value: str) -> dt.time | None:
    """The time of day a ``Ngày gửi:`` value gives besides its date (``05/12/2024 16:40``,
    ``15h ngày 05/12/2024``, ``ngày 05/12/2024, 9 giờ 15``; ``chiều``, ``tối`` or ``PM`` after an
    hour below 12 add 12 hours), written next to the date (a time in brackets or after other
    words, ``(hạn 17h)``, ``thay bản gửi lúc 9h``, is not when the file was sent), else
    ``None``: two files of a unit sent the same day are
    ordered by it (fresh tester D's 516, 519, 520: the earlier file won by its modification
    time). An extension of ``spec/submission-form.md``, "Corrections"."""
    key = _BRACKETED.sub(" ", _in_figures(match_key(value)))  # ``(hạn 17h)``: a remark, not the time sent
    date = next((m for pattern, _ in _SENT_FORMATS if (m := re.search(pattern, key))), None)
    if date is None:
        return None
    for found in _TIME.finditer(key):
        between = key[found.end():date.start()] if found.end() <= date.start() \
            else key[date.end():found.start()]
        if not _BETWEEN.fullmatch(between):
            continue  # ``… thay bản gửi lúc 9h``: another time than the date's
        if _DEADLINE.search(key[:found.start()]):
            continue  # ``hạn 17h, 05/12/2024``: the deadline, not the time sent
        hour, minute = int(found.group(1)), int(found.group(2) or 0)
        if found.group(3) in ("chieu", "toi", "pm") and hour < 12:
            hour += 12
        if hour <= 23 and minute <= 59:
            return dt.time(hour, minute)
    return None


#: ``năm 2024`` in a heading (``DANH SÁCH ĐĂNG KÝ … NĂM 2024``), not ``năm học 2024-2025``.
#: Words come before it: a line starting ``Năm 2024 …`` is a label's line (its own rules).
_HEADING_YEAR = re.compile(r"\S\s+nam\s+((?:19|20)\d{2})(?![\d\-/])")


def heading_year(lines: tuple[str, ...] | list[str]) -> int | None:
    """The year a title block's heading names when it has no ``Năm:`` line (``DANH SÁCH ĐĂNG
    KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2023``): the one year written ``năm YYYY`` in its lines, the
    dated line (``Hà Nội, ngày 05 tháng 12 năm 2024``: when it was sent, not what it reports)
    aside; ``None`` when there is none or more than one."""
    years = {int(m[1]) for line in lines if not DATED_LINE.match(key := match_key(line))
             and "thang" not in key for m in _HEADING_YEAR.finditer(key)}
    return years.pop() if len(years) == 1 else None


def heading_line(lines: tuple[str, ...] | list[str], year: int | None) -> str | None:
    """The line of a title block's heading that names ``year`` (:func:`heading_year`) as
    written, to quote it; ``None`` for no year or no such line."""
    if year is None:
        return None
    return next((line for line in lines if not DATED_LINE.match(key := match_key(line))
                 and "thang" not in key
                 and any(int(m[1]) == year for m in _HEADING_YEAR.finditer(key))), None)
