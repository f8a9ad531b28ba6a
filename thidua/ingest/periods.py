"""Periods of ``Thời gian thực hiện`` (``spec/submission-form.md``, "The header row": a
period ``dd/mm/yyyy - dd/mm/yyyy``, ``mm/yyyy - mm/yyyy`` or a real date cell, which must
overlap the report year), read in every way units write them: :func:`parse_period` for one
cell, :func:`period_of_two` for ``Từ ngày`` | ``Đến ngày``, :func:`with_report_year` for
the periods that need the report year (``Cả năm``, ``Từ năm 2020``, ``01/2024 -``). Whether a
period that does not read is impossible (``30/02``, ``26-20/5/2024``) is
:mod:`thidua.ingest.periodcheck`'s; telling a unit its period was read without the documents it
names is :mod:`thidua.ingest.plandocs`'.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from thidua.ingest.columnar import by_value
from thidua.ingest.limits import MAX_PERIOD_CHARS
from thidua.text import clean_text, match_key, year_digits

_DATE = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})"
_MONTH = r"(\d{1,2})\s*[/.\-]\s*(\d{4})"
#: What separates the two ends of a period (``A - B``, ``A đến B``; in English ``A to B``,
#: ``A until B``: fresh tester N's N159).
RANGE_SEP = r"\s*(?:->|=>|→|-|–|—|đến hết|den het|đến|den|tới|toi|~|\bto\b|\buntil\b|\btill\b)\s*"
#: Most places a period's text is split at when each side is read as one end of a range
#: (:func:`range_splits`): a range has one middle, and its ends' own dashes add a few
#: (``05-03-2024 - 30-11-2024``: 5); a text with more is a list or prose, never two ends.
MAX_RANGE_SPLITS = 12


def range_splits(text: str) -> list[tuple[str, str]]:
    """``(first, last)``, the text before and after each :data:`RANGE_SEP` of ``text``
    (``01/2024 - 12/2024`` → ``[("01/2024", "12/2024")]``), for a caller that reads each side
    as a whole period (:func:`thidua.ingest.periodcheck.period_problem`,
    :func:`thidua.ingest.periodswap.turned`); ``[]`` when there are more than
    :data:`MAX_RANGE_SPLITS` (``1-1-1-…``), so that such a caller reads at most that many
    pairs: without the bound one 1.000-character cell of dashes took 5–9 s each (reading each
    side splits it again)."""
    splits = []
    for sep in re.finditer(RANGE_SEP, text):
        if len(splits) == MAX_RANGE_SPLITS:
            return []
        splits.append((since_dropped(text[:sep.start()].strip()), text[sep.end():].strip()))
    return splits


#: The words before a period saying from when a model runs, as a matching key: ``Từ``, ``Kể
#: từ``, ``Bắt đầu`` (with or without ``từ``), and a verb of running it then ``từ`` (``Duy trì
#: từ``, ``Triển khai từ``, ``Thực hiện từ``, ``Áp dụng từ``, ``Khởi động từ``, ``Tổ chức
#: từ``, ``Vận hành từ``, ``Hoạt động từ``, ``Tính từ``). Before one point (``Từ năm 2020``)
#: they open a range whose end is not written: :func:`_since` (fresh tester W's W704, W708).
#: ``Tiếp tục từ`` is none of them (``test_period_words.py``: asked, or read by
#: :mod:`thidua.ingest.yearwords`).
_SINCE_VERBS = ("bat dau", "duy tri", "trien khai", "thuc hien", "ap dung", "khoi dong",
                "to chuc", "van hanh", "hoat dong", "tinh")
_SINCE = re.compile(rf"^(?:(?:{'|'.join(_SINCE_VERBS)})\s+(?:(?:hang|moi)\s+nam\s+)?(?:ke\s+)?tu"
                    rf"|ke\s+tu|bat\s+dau|tu)\s+")  # ``Duy trì hằng năm từ 2018`` (Z033)


def since_dropped(first: str) -> str:
    """``first`` (a range's first end, as written or as a matching key) without the words of
    :data:`_SINCE` before it (``Từ 12/2024`` → ``12/2024``, ``Duy trì từ 2021`` → ``2021``): in
    a range they say where the range starts, so the end alone is the point after them."""
    if not (said := _SINCE.match(match_key(first))):
        return first
    words = len(said.group().split())
    rest = first.split(None, words)
    return rest[words] if len(rest) > words else ""


#: The kinds of document a period may name the plan of (``KH``, ``Kế hoạch``, ``QĐ``,
#: ``Quyết định``, ``NQ``, ``Nghị quyết``, ``CV``, ``Công văn``, ``TB``, ``Thông báo``,
#: ``Chỉ thị``, ``Hướng dẫn``, ``Chương trình``, ``Kết luận``, ``Văn bản``), as matching keys.
_DOC_KINDS = ("ke hoach", "kh", "quyet dinh", "qd", "nghi quyet", "nq", "cong van", "cv",
              "thong bao", "tb", "chi thi", "ct", "huong dan", "hd", "chuong trinh", "ctr",
              "ket luan", "kl", "van ban", "vb")
#: A document's number: figures then its code (``05/KH-CĐCS``, ``08-NQ/TU``, ``15/QĐ-CĐ``,
#: ``01/KH``, ``15/2024/QĐ-UBND``), or figures alone after ``số`` (``KH số 05``). Never a date
#: or a month: a code has letters, and figures alone follow ``số``.
_DOC_NUMBER = (r"(?:so\s*)?\d{1,4}(?:/\d{4})?[/\-][a-z][a-z0-9]*(?:[\-/.][a-z0-9]+)*"
               r"|so\s*\d{1,4}(?![\d/.\-])")
#: A document named in a period cell (``Theo KH số 05/KH-CĐCS ngày 10/01/2024``, ``theo QĐ
#: 15/QĐ-CĐ``, ``Nghị quyết số 08-NQ/TU``), as a matching key: ``theo``/``căn cứ`` (and a verb
#: before them: ``thực hiện theo``), the kind (:data:`_DOC_KINDS`), its number
#: (:data:`_DOC_NUMBER`) and the day it was signed (``ngày 10/01/2024``, ``ngày 10 tháng 1 năm
#: 2024``; group ``signed``). The number is never a date, the day it was signed never the
#: period (fresh tester W's W707): :func:`documents_dropped`.
_DOCUMENT = re.compile(
    r"(?:(?:(?:thuc hien|trien khai|to chuc)\s+)?(?:theo|can cu(?:\s+vao)?|kem theo)\s+)?"
    rf"\b(?:{'|'.join(_DOC_KINDS)})\s*(?:{_DOC_NUMBER})\b"
    r"(?:\s*,?\s*(?:ban hanh\s+|ky\s+)?ngay\s*(?P<signed>\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}"
    r"|\d{1,2}\s+thang\s+\d{1,2}\s*,?\s+nam\s+\d{4})(?!\d))?")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


def _documents(key: str) -> tuple[str, list[re.Match]]:
    """``(rest, found)``: a matching key without the documents it names (:data:`_DOCUMENT`),
    brackets they leave empty and the spaces and ``,;:`` around, and those documents."""
    found = list(_DOCUMENT.finditer(key))
    if not found:
        return key, []
    rest = _EMPTY_BRACKETS.sub(" ", _DOCUMENT.sub(" ", key))
    return " ".join(rest.split()).strip(" ,;:"), found


def documents_only(key: str) -> bool:
    """Whether a period cell's matching key names documents and nothing else (``theo kh số
    05/kh-cdcs ngày 10/01/2024``): its period is then the year they were signed
    (:func:`documents_dropped`)."""
    rest, found = _documents(key)
    return bool(found) and not rest


def documents_dropped(key: str) -> tuple[str, bool]:
    """``(rest, named)``: a period cell's matching key without the documents it names
    (:data:`_DOCUMENT`) and whether it named one. ``rest`` is the period the cell also
    states (``năm 2024 theo nghị quyết số 08-nq/tu`` → ``năm 2024``, ``từ 01/2024 theo qđ
    15/qđ-cđ`` → ``từ 01/2024``, brackets left empty dropped: ``năm 2024 (kh 01/kh ngày
    02/01/2024)`` → ``năm 2024``); for a cell stating nothing else, the year the documents
    were signed (``theo kh số 05/kh-cdcs ngày 10/01/2024`` → ``nam 2024``), ``ca nam`` (the
    report year, :func:`_point`) when they give no day, ``""`` (no period) when they give
    days of two years. ``(key, False)`` for a cell naming no document."""
    rest, found = _documents(key)
    if not found:
        return key, False
    if rest:
        return rest, True
    years = {re.search(r"\d{4}$", m.group("signed")).group() for m in found if m.group("signed")}
    if not years:
        return "ca nam", True
    return (f"nam {years.pop()}" if len(years) == 1 else ""), True


#: A week's name before its days (``Tuần lễ 20-26/5/2024``), dropped: only before days of
#: one month with its year (``Tuần 1/2024`` is no month).
_WEEK = re.compile(r"^tuan(?:\s+le)?\s+(?=\d{1,2}\s*-\s*\d{1,2}\s*[/.]\s*\d{1,2}"
                   r"(?:\s*[/.]\s*\d{4})?)")
#: A remark in brackets after a period (``01/2024 - 12/2024 (đang thực hiện)``).
_REMARK = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")
_ISO = re.compile(r"(\d{4})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{1,2})")  # ``2024-01-15``, ``2024/01/15``
#: Words saying a model runs all through the report year (``Thường xuyên``, ``Hằng năm``).
_ALL_YEAR = ("ca nam", "nam nay", "thuong xuyen", "hang nam", "hng nam", "lien tuc",
             "quanh nam", "trong nam", "ca nam nay")
_NOW = ("nay", "hien nay", "hien tai", "nay van tiep tuc", "thoi diem hien tai", "thoi diem nay",
        "bay gio", "hien gio")
#: What a period may be written in without a date, or around the year alone (``Thường xuyên,
#: liên tục``, ``Lâu dài``, ``Đang thực hiện``, ``suốt năm 2024``, ``trong năm 2024``, ``từ đầu
#: năm 2024``, ``đầu năm - cuối năm 2024``): the whole year (fresh tester I's I104, I125,
#: I126, I140: each row rejected "Không đọc được 'Thời gian thực hiện'"). ``_ALL_YEAR_PHRASES``
#: say the whole year alone; the others only go with a year. ``Tiếp tục`` is none of them: in
#: a year column it says the model goes on from an earlier year (asked, or read by
#: :mod:`thidua.ingest.yearwords` when a year is with it).
_ALL_YEAR_PHRASES = ("thuong xuyen", "lien tuc", "lau dai", "dai han", "hang nam", "hng nam",
                     "quanh nam", "ca nam", "trong nam", "suot nam", "dang thuc hien",
                     "dang trien khai", "duy tri", "hang ngay", "hang tuan", "hang thang",
                     "hang quy", "moi ngay", "moi tuan", "moi thang", "moi quy", "moi nam",
                     "dinh ky", "dinh ki")
#: The days of a weekly model (``Thứ 7 hằng tuần``, ``Các ngày thứ 2, thứ 6 hằng tuần``,
#: ``Chủ nhật hằng tuần``, ``Cuối tuần``): dropped before :func:`_year_in_words` reads the
#: rest, only when it says the model recurs (``hằng tuần``, ``mỗi tuần``, ``định kỳ``).
_WEEK_DAYS = re.compile(r"\b(?:(?:cac\s+)?(?:ngay\s+)?(?:thu\s*(?:[2-7]|hai|ba|tu|nam|sau|bay)"
                        r"|chu\s*nhat|cn|cuoi\s+tuan)\b\s*(?:,|va|\+|&)?\s*)+")
_RECURS = re.compile(r"\b(?:hang|moi)\s+tuan\b|\bdinh\s+k[yi]\b")
#: How often (``1 lần/tháng``, ``2 lần mỗi tuần``, ``mỗi tháng một lần``): as ``hằng tháng``.
_TIMES = r"(?:\d{1,2}|mot|hai|ba|bon)\s+lan"
_HOW_OFTEN = re.compile(rf"\b{_TIMES}\s*(?:/|moi|trong|tren|mot)?\s*(tuan|thang|quy|nam)\b"
                        rf"|\b(?:hang|moi)\s+(tuan|thang|quy|nam)\s*,?\s*{_TIMES}\b")
_YEAR_PHRASES = (*_ALL_YEAR_PHRASES, "cac nam tiep theo", "nam tiep theo", "dau nam",
                 "cuoi nam", "giua nam", "ke tu", "bat dau", "den het", "thuc hien",
                 "trien khai", "tu", "den", "toi", "het", "va", "nam", "trong", "suot", "ca")
#: A month or quarter followed by ``năm`` and its year (``T12 năm 2024``, ``quý 4 năm 2024``):
#: written ``T12/2024``, so that a range's first end borrows the year (``T1 đến T12 năm 2024``).
_KIND_YEAR = re.compile(r"\b(thang|t|quy|q)\s*(\d{1,2}|iv|i{1,3})\s+nam\s+(\d{4})\b")
_SCHOOL_YEAR = re.compile(r"(?:nam hoc|nh)\s*(\d{4})\s*[-–/]\s*(\d{4})")
#: A date or month in words, ``ngày 5 tháng 3 năm 2024``, ``5 tháng 3, năm 2024`` / ``tháng
#: 12 năm 2024`` (accents stripped): read as ``5/3/2024`` / ``12/2024``.
_IN_WORDS = re.compile(r"(?:(?:ngay\s*)?(\d{1,2})\s*,?\s+)?thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})")
#: A day and month in words without their year (``ngày 15 tháng 1``, ``15 tháng 1``): ``15/1``,
#: the first end of a range borrowing the other's year; ``15 tháng 12/2024``: ``15/12/2024``.
_DAY_IN_WORDS = re.compile(r"(?:ngay\s*)?\b(\d{1,2})\s+thang\s*(\d{1,2})\b")
#: A date with a two-digit year (``31/12/24``, as a ``dd/mm/yy`` cell shows it): of 20yy.
_SHORT_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})\s*([/.])\s*(\d{1,2})\s*\2\s*(\d{2})(?![\d/.])")
#: A date with a two-digit year and dashes (``05-03-24``, ``5-3-24``; what Excel writes into a
#: CSV for a date cell formatted ``dd-mm-yy``): of 20yy, day first. No spaces around its own
#: dashes, so a spaced dash stays a range's middle (``05-03-24 - 30-11-24``); two such dates
#: joined by a bare dash (``05-03-24-30-11-24``) are two dates, the dash between them a range's.
#: Never inside a longer number (``2024-03-05``, ``01-03-2024``; fresh tester's T141, T180,
#: T190: each row rejected "Không đọc được 'Từ ngày' '05-03-24'").
_SHORT_YEAR_DASHED = re.compile(r"(?<![\d/.])(\d{1,2})-(\d{1,2})-(\d{2})(?![\d/.])")


#: One end of a range written with separators, beside one typed without (``01/2024 - 122024``,
#: ``05.03.2024 - 30112024``; fresh tester V's V030).
_SEPARATED_END = r"\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{1,2}[/.]\d{4}"
#: A cell of dates typed without separators and nothing else (``5032024``, ``05032024 -
#: 30112024``, ``20240305``, ``032024``): runs of 5 to 8 digits joined by a range's middle
#: (:data:`RANGE_SEP`, over a matching key), one end of which may be written with separators.
_DIGIT_CELL = re.compile(rf"\s*(?:\d{{5,8}}|{_SEPARATED_END})(?:{RANGE_SEP}(?:\d{{5,8}}|{_SEPARATED_END}))?\s*")
_DIGIT_RUN = re.compile(r"\d{5,8}")


def _valid(day: int, month: int, year: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return 1990 <= year <= 2099


def _digit_readings(run: str) -> list[str]:
    """The ways a date or a month typed without separators reads, written with them:
    ``20240305`` (yyyymmdd) and ``05032024`` (ddmmyyyy) → ``05/03/2024``, ``5032024``
    (dmmyyyy; ``ddmyyyy`` would be the 50th) → ``5/03/2024``, ``032024`` (mmyyyy) →
    ``03/2024``, ``32024`` → ``3/2024``, ``050324`` (ddmmyy) → ``05/03/2024``, ``202312`` (yyyymm) →
    ``12/2023`` (fresh tester V's V031, V032); two for ``1012024`` (1 January or 10 January),
    none for ``99999999``."""
    readings = []
    if len(run) == 8:
        if _valid(int(run[6:]), int(run[4:6]), int(run[:4])):
            readings.append(f"{run[6:]}/{run[4:6]}/{run[:4]}")
        if _valid(int(run[:2]), int(run[2:4]), int(run[4:])):
            readings.append(f"{run[:2]}/{run[2:4]}/{run[4:]}")
    elif len(run) == 7:
        for day, month in ((run[:1], run[1:3]), (run[:2], run[2:3])):
            if _valid(int(day), int(month), int(run[3:])):
                readings.append(f"{day}/{month}/{run[3:]}")
    else:
        if 1 <= int(run[:-4]) <= 12 and 1990 <= int(run[-4:]) <= 2099:  # (m)myyyy
            readings.append(f"{run[:-4]}/{run[-4:]}")
        if len(run) == 6 and _valid(int(run[:2]), int(run[2:4]), 2000 + int(run[4:])):
            readings.append(f"{run[:2]}/{run[2:4]}/20{run[4:]}")  # ddmmyy
        if len(run) == 6 and 1 <= int(run[4:]) <= 12 and 1990 <= int(run[:4]) <= 2099:
            readings.append(f"{run[4:]}/{run[:4]}")  # yyyymm
    return list(dict.fromkeys(readings))


def _digit_date(run: str) -> str | None:
    """The one reading of a run of digits (:func:`_digit_readings`), ``None`` for none or two."""
    readings = _digit_readings(run)
    return readings[0] if len(readings) == 1 else None


def _padded(date: str) -> str:
    """``1/01/2024`` → ``01/01/2024``: each day and month of two digits."""
    return "/".join(p.zfill(2) for p in date.split("/"))


def digit_problem(text: str) -> str | None:
    """What is wrong with a cell of dates typed without separators that :func:`digit_dates`
    left as it is, in Vietnamese: a date read two ways (``1012024``: "đọc được hai cách
    (01/01/2024 hoặc 10/01/2024)"), or none (``99999999``); ``None`` for any other text."""
    if not _DIGIT_CELL.fullmatch(text):
        return None
    for run in _DIGIT_RUN.findall(text):
        readings = _digit_readings(run)
        if len(readings) == 1:
            continue
        said = "" if run == text.strip() else f"'{run}' "  # the cell is quoted before it
        if not readings:
            return f"{said}không phải ngày (dd/mm/yyyy) hay tháng (mm/yyyy) ghi liền"
        # two at most: a run's shapes of one length never hold three ways at once
        return (f"{said}ghi ngày liền không có dấu phân cách, đọc được hai cách "
                f"({' hoặc '.join(_padded(r) for r in readings)}): đề nghị ghi dd/mm/yyyy")
    return None


def digit_dates(text: str) -> str:
    """``text`` with its dates typed without separators written with them (:func:`_digit_date`)
    when the text is nothing but such dates, one or a range of two (:data:`_DIGIT_CELL`: fresh
    tester T's T145, T146: each such row rejected); ``text`` as it is otherwise, or when a date
    reads no way or two."""
    if not _DIGIT_CELL.fullmatch(text):
        return text
    dates = {run: _digit_date(run) for run in _DIGIT_RUN.findall(text)}
    if not all(dates.values()):
        return text
    return _DIGIT_RUN.sub(lambda m: dates[m.group()], text)


def short_years(text: str) -> str:
    """``text`` (a matching key) with each date of a two-digit year written with its four
    (of 20yy), day first: ``31/12/24``, ``31.12.24`` (:data:`_SHORT_YEAR`), ``31-12-24``
    (:data:`_SHORT_YEAR_DASHED`) → ``31/12/2024``; as Excel shows a ``dd/mm/yy`` or
    ``dd-mm-yy`` date cell."""
    text = _SHORT_YEAR.sub(r"\1/\3/20\4", text)
    return _SHORT_YEAR_DASHED.sub(r"\1/\2/20\3", text)
#: Excel's day numbers of 01/01/2000 and 31/12/2099 (a date cell read as a number).
_SERIALS = (36526, 73050)


def serial_note(value: str) -> str:
    """`` (ô ngày của Excel: 01/01/2023)`` after a value that is Excel's day number of a
    date (``44927``: a date cell formatted as a number), or a range of two (``44927 - 45291``,
    a period in two such cells: `` (ô ngày của Excel: 01/01/2023 – 31/12/2023)``), naming the
    dates they stand for, so that a unit told "not in the report year" sees which dates;
    ``""`` for any other value."""
    found = re.fullmatch(r"\s*(\d{5})(?:\.0+)?(?:\s*[-–]\s*(\d{5})(?:\.0+)?)?\s*", value)
    if not found:
        return ""
    days = [int(d) for d in found.groups() if d]
    if not all(_SERIALS[0] <= d <= _SERIALS[1] for d in days):
        return ""
    dates = " – ".join(f"{dt.date(1899, 12, 30) + dt.timedelta(days=d):%d/%m/%Y}" for d in days)
    return f" (ô ngày của Excel: {dates})"


#: The first days of Excel's two date systems (1900, as Excel counts it, and 1904).
_EPOCHS = (dt.date(1899, 12, 30), dt.date(1904, 1, 1))


def year_of_date_cell(value: object) -> int | None:
    """The year typed in a cell formatted as a date: a date whose day number (Excel's, in
    either date system) is a year from 2000 to 2099 (``2024`` typed in a ``dd/mm/yyyy``
    cell shows ``16/07/1905``, or ``17/07/1909`` in a 1904 workbook); ``None`` for any other
    value. Fresh tester I's I025: the title's ``Năm:`` so written rejected the whole file."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return None
    found = [days for epoch in _EPOCHS if 2000 <= (days := (value - epoch).days) <= 2099]
    return found[0] if found else None


def _parse_date(day: str | None, month: str, year: str, end: bool) -> dt.date:
    y, m = int(year), int(month)
    if day is not None:
        return dt.date(y, m, int(day))
    if end:
        return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return dt.date(y, m, 1)


_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
#: Roman months after ``Tháng``/``T`` (``Tháng I - XII/2024``: fresh tester J's J035).
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}
_ROMAN_MONTH = re.compile(r"^(thang|t)\s*(xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)"
                          r"(?=\s*[/.\-]\s*\d{4}$)")
#: A month with a two-digit year (``1/24``, ``T3/24``; J036, J035): of 20yy, only when the
#: year cannot be a month (13–99), so that ``01/03`` of ``01/03 - 30/11/2024`` stays a day.
_MONTH_SHORT = re.compile(r"(\d{1,2})\s*[/.]\s*(1[3-9]|[2-9]\d)")
#: A day and month without a year (``26/5``, ``3.6``; fresh tester Z's Z034: ``20-26/5``,
#: ``28/5 - 3/6``): of the report year when the whole cell names no year, as ``Tháng 5`` is;
#: a month of 13–99 is a month and its year (:data:`_MONTH_SHORT`), a month of 0 or 13+ with a
#: day first no date (``ValueError``).
_DAY_MONTH = re.compile(r"(\d{1,2})\s*[/.]\s*(\d{1,2})")
#: A month with its year first (``2024/01``, ``2024-01``; J036).
_YEAR_MONTH = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})")
#: A length of time without a year (``12 tháng``, ``06 tháng``, ``1 năm``, ``365 ngày``, a
#: bare ``12``; J045): of the report year when it is given, as nothing names another.
_DURATION = re.compile(r"(\d{1,3})\s*(thang|nam|ngay|tuan)?")
_DURATION_MAX = {"thang": 12, "nam": 1, "ngay": 366, "tuan": 53, None: 12}
#: A quarter without a year (``Quý 4``, ``Quý IV``; J045): of the report year.
_BARE_QUARTER = re.compile(r"(?:quy|q)\s*(iv|i{1,3}|[1-4])")
#: A school term (``HK II năm học 2023-2024``, ``Học kỳ I năm học 2024-2025``; J112): term I
#: from 01/09 of the first year to 15/01 of the second, term II from 16/01 to 31/05.
_TERM = re.compile(r"(?:hoc ky|hoc ki|hk)\s*(ii|i|1|2)\s*,?\s*(?:nam hoc|nh)?\s*(\d{4})\s*[-–/]\s*(\d{4})")
_QUARTER = re.compile(r"(?:quy|q)\s*(iv|i{1,3}|[1-4])\s*(?:[/.\-]|nam)?\s*(\d{4})")
#: The first or last months of a year (``6 tháng đầu năm``, ``Nửa cuối năm``, ``9 tháng đầu năm
#: 2024``, ``3 tháng cuối năm``, ``chín tháng đầu năm``; fresh tester's T144): how many months,
#: in figures (1–12) or in words, and whether first or last.
_HALF = re.compile(r"(?:(\d{1,2}|muoi mot|muoi hai|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi)"
                   r"\s+thang|(nua))\s+(dau|cuoi)\s*(?:nam)?\s*(\d{4})?")
_MONTH_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
                "chin": 9, "muoi": 10, "muoi mot": 11, "muoi hai": 12}


def _point(text: str, year: int | None, lone: int | None = None
           ) -> tuple[dt.date, dt.date] | None:
    """One end of a period as its first and last day: a date, a month (``3/2024``, ``tháng
    3/2024``, ``T3/2024``), a quarter (``Quý II/2024``, ``Quý 2 năm 2024``), a half year (``6
    tháng đầu năm 2024``, any number of months 1–12 first or last: ``9 tháng đầu năm``, ``3 tháng
    cuối năm``), a year (``2024``, ``Năm 2024``, ``Cả năm 2024``); ``Cả năm`` and ``N tháng
    đầu/cuối năm`` without a year are of ``year`` when given. Raises ``ValueError`` for
    a day or month that does not exist. ``lone``: the report year when the whole cell names
    no year, for a length of time (``12 tháng``) or a quarter alone (``Quý 4``), which are
    of it (never of it when the other end of a range names a year: ``Quý I - Quý IV/2025``)."""
    text = text.strip(" .,")
    text = _ROMAN_MONTH.sub(lambda m: f"{m.group(1)}{_ROMAN[m.group(2)]}", text)
    month_word = re.match(r"(?:thang|t)\s*(?=\d)", text) is not None  # never a day then
    text = re.sub(r"^(?:ngay|thang|t)\s*(?=\d)", "", text)
    text = re.sub(r"^(?:ca\s+)?nam\s+(?=\d{4}$)", "", text)
    if re.fullmatch(r"\d{5}(?:\.0+)?", text):  # a date cell's day number, as text
        days = float(text)  # outside 2000–2099 no date (and never read again as text)
        return parse_period(days, year) if _SERIALS[0] <= days <= _SERIALS[1] else None
    if not month_word and (m := re.fullmatch(_DATE, text)):
        day = _parse_date(*m.groups(), end=False)
        return day, day
    if m := re.fullmatch(_MONTH, text):
        return (_parse_date(None, *m.groups(), end=False),
                _parse_date(None, *m.groups(), end=True))
    if (m := _MONTH_SHORT.fullmatch(text)) and 1 <= int(m.group(1)) <= 12:
        full = (m.group(1), f"20{m.group(2)}")
        return _parse_date(None, *full, end=False), _parse_date(None, *full, end=True)
    if lone and not month_word and (m := _DAY_MONTH.fullmatch(text)):  # ``26/5``: of ``lone``
        day = _parse_date(m.group(1), m.group(2), str(lone), end=False)
        return day, day
    if (m := _YEAR_MONTH.fullmatch(text)) and 1 <= int(m.group(2)) <= 12:
        full = (m.group(2), m.group(1))
        return _parse_date(None, *full, end=False), _parse_date(None, *full, end=True)
    if m := _TERM.fullmatch(text):
        first, second = int(m.group(2)), int(m.group(3))
        if second == first + 1:
            return ((dt.date(first, 9, 1), dt.date(second, 1, 15)) if m.group(1) in ("i", "1")
                    else (dt.date(second, 1, 16), dt.date(second, 5, 31)))
    if lone and not month_word and (m := _DURATION.fullmatch(text)) and \
            1 <= int(m.group(1)) <= _DURATION_MAX[m.group(2)]:
        return dt.date(lone, 1, 1), dt.date(lone, 12, 31)
    if lone and month_word and (m := re.fullmatch(r"\d{1,2}", text)):  # ``Tháng 3``: of ``lone``
        return (_parse_date(None, m.group(0), str(lone), end=False),
                _parse_date(None, m.group(0), str(lone), end=True))
    if lone and (m := _BARE_QUARTER.fullmatch(text)):
        first = 3 * _QUARTERS[m.group(1)] - 2
        return (_parse_date(None, str(first), str(lone), end=False),
                _parse_date(None, str(first + 2), str(lone), end=True))
    if m := _QUARTER.fullmatch(text):
        first = 3 * _QUARTERS[m.group(1)] - 2
        return (_parse_date(None, str(first), m.group(2), end=False),
                _parse_date(None, str(first + 2), m.group(2), end=True))
    if (m := _HALF.fullmatch(text)) and (m.group(4) or year):
        y, months = int(m.group(4) or year), 6 if m.group(2) else \
            _MONTH_WORDS.get(m.group(1)) or int(m.group(1))
        if not 1 <= months <= 12:  # ``13 tháng đầu năm``: no part of one year
            return None
        return ((dt.date(y, 1, 1), _parse_date(None, str(months), str(y), end=True))
                if m.group(3) == "dau" else (dt.date(y, 13 - months, 1), dt.date(y, 12, 31)))
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    if m := _ISO.fullmatch(text):
        day = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        return day, day
    if m := _SCHOOL_YEAR.fullmatch(text):  # a school year runs September to August
        return dt.date(int(m.group(1)), 9, 1), dt.date(int(m.group(2)), 8, 31)
    if text in _ALL_YEAR and year:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if text in _NOW and year:  # ``… đến nay``: to the end of the report year
        return dt.date(year, 12, 31), dt.date(year, 12, 31)
    return None


#: A day alone (``20``, ``ngày 20``) as the first end of a range or the first item of a list
#: whose last is a whole date (``20-26/5/2024``, ``Ngày 1, 2/9/2024``).
_LONE_DAY = re.compile(r"(?:ngay\s*)?\d{1,2}")
_WHOLE_DATE_END = re.compile(r"(?<![\d/.])\d{1,2}\s*([/.])\s*(\d{1,2})\s*\1\s*(\d{4})$")
#: A day and month without a year closing a range (``26/5`` of ``20-26/5``; Z034).
_DAY_MONTH_END = re.compile(r"(?<![\d/.])\d{1,2}\s*[/.]\s*(0?[1-9]|1[0-2])$")


def day_of_range(first: str, last: str) -> str | None:
    """``first``, a day alone, with the month and year of ``last``, a whole date
    (``20`` of ``20-26/5/2024`` → ``20/5/2024``, ``ngay 1`` of ``ngay 1, 2/9/2024`` →
    ``1/9/2024``): the days of one month (fresh tester W's W705, W709: ``20-26/5/2024`` was
    unread, ``1-15/10/2024`` read as 01/01–15/10/2024, its first day as a month); a day and
    month without a year lends its month alone (``20`` of ``20-26/5`` → ``20/5``, read as of
    the report year by :func:`_point`; Z034); ``None`` when ``first`` is no day alone or
    ``last`` no date. The day is not checked
    (``30`` of ``30-31/2/2024`` → ``30/2/2024``, which :func:`_point` refuses)."""
    if not _LONE_DAY.fullmatch(first.strip()):
        return None
    day = re.search(r"\d+", first).group()
    if m := _WHOLE_DATE_END.search(last.strip()):
        return f"{day}/{m.group(2)}/{m.group(3)}"
    if m := _DAY_MONTH_END.search(last.strip()):  # ``20`` of ``20-26/5`` → ``20/5``
        return f"{day}/{m.group(1)}"
    return None


def _shared_year(first: str, last: str) -> str:
    """``first`` with the year and the kind word of ``last``'s range when it has none:
    ``Quý I`` of ``Quý I-IV/2024`` → ``quy i/2024``, ``T1`` of ``T1-T12/2024`` → ``t1/2024``,
    ``01/03`` of ``01/03 - 30/11/2024`` → ``01/03/2024``; a day alone before a whole date
    takes its month too (``20`` of ``20-26/5/2024`` → ``20/5/2024``: :func:`day_of_range`)."""
    if day := day_of_range(first, last):
        return day
    if re.search(r"\d{4}", first) or not (m := re.search(r"[/.\-\s](\d{4})$", last)):
        return first
    return f"{first}/{m.group(1)}"


def _kind_of(first: str, last: str) -> str:
    """``last`` with the kind word of ``first`` (``quy``, ``thang``, ``t``) when it has none:
    ``IV/2024`` of ``Quý I-IV/2024`` → ``quy iv/2024``."""
    kind = re.match(r"(quy|q|thang|t)\s*(?=[\divx])", first)
    if kind and not re.match(r"(quy|q|thang|t)\s*(?=[\divx])", last):
        return f"{kind.group(1)} {last}"
    return last


#: Marks around a whole cell (``"01/2024 - 12/2024"``, ``“…”``, ``(…)``, ``[…]``, ``«…»``)
#: and a bullet before it (``• ``, ``- ``, ``* ``, ``+ ``), as text copied from a CSV viewer
#: or a Word list brings them (fresh tester L's L069, L070, L140).
_WRAPS = {'"': '"', "'": "'", "“": "”", "”": "”", "‘": "’", "«": "»", "(": ")", "[": "]",
          "{": "}", "„": "“"}
_BULLET = re.compile(r"^(?:[•·▪●◦‣→]\s*|[*+\-–—]\s+)(?=\S)")


def unwrapped(text: str) -> str:
    """``text`` without marks wrapping all of it (:data:`_WRAPS`) nor a bullet before it
    (``“01/2024 - 12/2024”``, ``• 01/2024 - 12/2024`` → ``01/2024 - 12/2024``); a text they do
    not wrap whole (``01/2024 - 12/2024 (đang thực hiện)``) is returned as it is."""
    for _ in range(3):
        before = text
        text = _BULLET.sub("", text)
        if len(text) > 2 and _WRAPS.get(text[0]) == text[-1] \
                and text[0] not in text[1:-1] and text[-1] not in text[1:-1]:
            text = text[1:-1].strip()
        if text == before:
            break
    return text


#: A time of day written after a date (``2024-01-15 00:00:00``, ``15/01/2024 08:30``,
#: ``2024-01-15T00:00:00.000``, ``…T00:00:00+07:00``, ``… 8:30 AM``): a date-time as a script writes it
#: (``str(datetime)``), or a date-time cell pasted as text; the date is the period's day
#: (fresh tester M's M014: such periods were rejected).
_TIME_OF_DAY = re.compile(r"(?<=\d)(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?"
                          r"(?:Z|\s*(?:GMT|UTC)?\s*[+-]\d{2}:?\d{2}|\s*(?:GMT|UTC)\b)?"
                          r"(?:\s*(?:AM|PM|SA|CH)\b)?", re.IGNORECASE)
#: Two ISO dates joined by a slash, ISO 8601's interval (``2024-02-01/2024-11-30``).
_ISO_INTERVAL = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})\s*/\s*(\d{4}-\d{1,2}-\d{1,2})")


def over_long(value: object) -> bool:
    """Whether a period cell is text longer than :data:`~thidua.ingest.limits.MAX_PERIOD_CHARS`
    (1.000 characters): never read as a period (its row is rejected saying so, by
    :func:`thidua.ingest.periodcheck.period_problem`), so that reading one cell stays bounded
    (fresh tester's T200, T204, T215: one 15–30k-character cell took 105–130 s)."""
    return isinstance(value, str) and len(value) > MAX_PERIOD_CHARS


def parse_period(value: object, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """A period cell as ``(start, end)`` dates, ``None`` when it cannot be read.

    Accepts a real date cell (that one day; a year typed in a date cell, ``16/07/1905``, is
    that year: :func:`year_of_date_cell`), one period or a range of two (``A - B``, ``A đến
    B``, ``Từ A đến B``: from the first day of ``A`` to the last of ``B``), each a date
    (``dd/mm/yyyy``), a month (``mm/yyyy``, ``tháng 3/2024``, ``T3/2024``), a quarter (``Quý
    II/2024``, ``Quý 2/2024``), a half year (``6 tháng đầu năm 2024``) or a year (``2024``,
    ``Năm 2024``); ``Cả năm`` and ``6 tháng đầu/cuối năm`` without a year are of ``year``
    (the report year) when given, else unreadable (see :func:`_point`). Also: ISO dates
    (``2024-03-01``), Excel's day number of a date cell read as a number (2000–2099), a
    school year (``Năm học 2023-2024``: 01/09/2023–31/08/2024), a range whose first end
    borrows the year and kind of the second (``Quý I-IV/2024``, ``T1-T12/2024``, ``Tháng
    1-12/2024``, ``01/03 - 30/11/2024``), ``… đến nay`` (to the end of ``year``) and words
    for all of ``year`` (``Thường xuyên``, ``Hằng năm``, ``Liên tục``, ``Quanh năm``), and
    dates or months in words (``Từ tháng 1 đến tháng 12 năm 2024``, ``ngày 5 tháng 3 năm 2024``),
    an arrow between the ends (``01/2024 -> 12/2024``, ``→``), a remark in brackets after
    the period (``01/2024 - 12/2024 (đang thực hiện)``), a time of day after a date
    (:data:`_TIME_OF_DAY`) and an ISO interval (:data:`_ISO_INTERVAL`), English dates
    (:func:`english_dates`: ``15-Jan-2024``, ``Mon Jan 15 2024``) and ``1 - 12/2024``
    (months 1 to 12 of 2024, :data:`_MONTHS_RANGE`), a Vietnamese weekday before a date
    (``Thứ 2 ngày 02/12/2024``, ``CN 01/12/2024``: :data:`_VN_WEEKDAY`) and a recurring model
    (``Hằng tuần``, ``Thứ 7 hằng tuần``, ``1 lần/tháng``: the whole year, :func:`_year_in_words`).
    One point after the words saying from when (``Từ năm 2020``, ``Duy trì từ 2018``, ``Bắt
    đầu từ tháng 5/2023``: :data:`_SINCE`) runs to the end of ``year``, as ``01/2020 -`` does,
    and, as it does, is ``None`` without ``year`` (:func:`_since`); days of one month
    (``20-26/5/2024``, ``Tuần lễ 20-26/5/2024``, ``Ngày 1, 2/9/2024``: :func:`day_of_range`);
    the documents a period names (``Theo KH số 05/KH-CĐCS ngày 10/01/2024``, ``Từ 01/2024 theo
    QĐ 15/QĐ-CĐ``) are dropped, the period being the one the cell also states, else the year
    they were signed, else ``year`` (:func:`documents_dropped`). Fresh tester W's W704, W705,
    W707, W708, W709 (``test_period_starts.py``).
    A text longer than :data:`~thidua.ingest.limits.MAX_PERIOD_CHARS` is ``None`` at once
    (:func:`over_long`).
    """
    if over_long(value):
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if typed := year_of_date_cell(value):  # ``2024`` in a date cell: ``16/07/1905``
        return dt.date(typed, 1, 1), dt.date(typed, 12, 31)
    if isinstance(value, dt.date):
        return value, value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and \
            _SERIALS[0] <= value <= _SERIALS[1] and float(value).is_integer():
        day = dt.date(1899, 12, 30) + dt.timedelta(days=int(value))  # a date cell as a number
        return day, day
    text = _ISO_INTERVAL.sub(r"\1 - \2", _TIME_OF_DAY.sub("", unwrapped(clean_text(value))))
    if ":" in text:  # ``Thời gian: 01/2024 - 12/2024``: a mail-merge's label before it
        from thidua.ingest.values import unlabelled  # values → columnar: no cycle at run time
        text = unlabelled(text, ("period", "period_from", "period_to"))
    text, _ = documents_dropped(match_key(year_digits(text)))  # ``Theo KH số 05/KH-CĐCS …``
    text = _CHO.sub(r"\1", _EMPTY_END.sub("", text))  # ``01/2024 - nan``, ``cho đến nay``
    text = _GOES_ON.sub(r" \1", text)  # ``Từ 9/2023, duy trì đến nay``: ``Từ 9/2023 đến nay``
    since = _SINCE.match(text)  # ``Từ năm 2020``: from then on
    text = text[since.end():] if since else re.sub(r"^giai doan\s+", "", text)
    text = _WEEK.sub("", text)  # ``Tuần lễ 20-26/5/2024``
    text = digit_dates(text)  # ``05032024 - 30112024``: dates typed without separators
    found = _parse_text(text, year, since is not None)
    if found is None and (folded := _LOOKALIKE.sub(_digits_of, text)) != text:
        return _parse_text(folded, year, since is not None)  # ``01/2O24``: letters for digits
    return found


#: A run of digits with the letters ``o``/``l`` typed for ``0``/``1`` (``2O24``, ``0l``,
#: ``O1``, ``l2``; fresh tester J's J101), never inside a word (``hoc``, ``lo``).
_LOOKALIKE = re.compile(r"(?<![a-z\d])(?=[ol\d]*\d)(?=[ol\d]*[ol])[ol\d]+(?![a-z\d])")
#: A verb of going on between a start and ``đến nay`` (``Bắt đầu từ tháng 9/2023, duy trì đến
#: nay``; fresh tester Z's Z033).
_GOES_ON = re.compile(r"\s*[,;]?\s*(?:va\s+)?(?:duy tri|tiep tuc|thuc hien|trien khai)\s+(den|toi)\b")
#: ``cho`` before a range's middle (``Từ 2020 cho đến nay``: ``đến nay``; fresh tester Z's Z030).
_CHO = re.compile(r"\bcho\s+(den|toi)\b")
#: A range's end a program wrote for an empty date (``01/2024 - nan``, ``NaT - 12/2024``: a
#: script joining two date cells; Z02A): an open end.
EMPTY_WORDS = ("nan", "nat", "null", "none")
_EMPTY_END = re.compile(rf"(?<![a-z])(?:{'|'.join(EMPTY_WORDS)})(?![a-z])")
#: An open end (``01/2024 -``, ``- 12/2024``; J036): a range with one end left blank.
_OPEN_END = re.compile(r"\s*(?:->|=>|→|-|–|—|den|toi|~)\s*")


def _digits_of(found: re.Match) -> str:
    return found.group(0).replace("o", "0").replace("l", "1")


#: English month names and their abbreviations (a date shown by Excel's ``d-mmm-yyyy``
#: or ``mmm-yy`` format and pasted as text, ``15-Jan-2024``, ``Jan-24``; a program's English
#: date, ``January 15, 2024``, ``Mon Jan 15 2024``; fresh tester M's M125: rejected).
_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
           "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_MONTH_NAME = (r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
               r"(?:uary|ruary|ch|il|e|y|ust|t|tember|ober|ember)?\.?")
_WEEKDAY = re.compile(r"\b(?:mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday|s)?"
                      r"\.?,?\s*(?=(?:\d{1,2}[\s\-/.,]*)?"
                      + _MONTH_NAME[:_MONTH_NAME.index(")") + 1] + r")")  # never ``Thứ 5, 05/12``
_DAY_MONTH_YEAR = re.compile(r"(?<![a-z][\-/. ])\b(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]*" + _MONTH_NAME
                             + r"[\s\-/.,]*(\d{4}|\d{2})\b")
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH_NAME + r"\s*(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b" + _MONTH_NAME + r"(?:[\s\-/.,]*(\d{4})|[\-/.'](\d{2}))\b")
_MONTH_DAY = re.compile(r"\b" + _MONTH_NAME + r"\s*(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)")


#: ``1 - 12/2024``: months 1 to 12 of 2024, never the date 01/12/2024 (a date has no spaces
#: around one separator and none around the other).
_MONTHS_RANGE = re.compile(r"\d{1,2}\s+[-–]\s+\d{1,2}\s*/\s*\d{4}")


def _full_year(digits: str) -> str:
    return digits if len(digits) == 4 else f"20{digits}"


def english_dates(text: str) -> str:
    """``text`` (a matching key) with English dates written as numbers: ``15-jan-2024``,
    ``jan 15, 2024``, ``mon jan 15 2024`` → ``15/1/2024``; ``jan-24``, ``january 2024`` →
    ``1/2024``; ``jan 15`` (a range's first end) → ``15/1``; ``jan 15`` is never January 2015."""
    if not re.search(r"[a-z]{3}", text):
        return text
    text = _WEEKDAY.sub("", text)
    text = _DAY_MONTH_YEAR.sub(
        lambda m: f"{m.group(1)}/{_MONTHS[m.group(2)]}/{_full_year(m.group(3))}", text)
    text = _MONTH_DAY_YEAR.sub(lambda m: f"{m.group(2)}/{_MONTHS[m.group(1)]}/{m.group(3)}", text)
    text = _MONTH_YEAR.sub(
        lambda m: f"{_MONTHS[m.group(1)]}/{_full_year(m.group(2) or m.group(3))}", text)
    return _MONTH_DAY.sub(lambda m: f"{m.group(2)}/{_MONTHS[m.group(1)]}", text)  # ``jan 15 - …``


#: A Vietnamese weekday before a date (``Thứ 2 ngày 02/12/2024``, ``Thứ Hai, 02/12/2024``,
#: ``T6 27/12/2024``, ``CN 01/12/2024``, ``Chủ nhật, ngày 1 tháng 12 năm 2024``), as match keys:
#: dropped with the ``ngày`` after it. Only before a date with its day, month and year (or a
#: day in words): ``T2 - T12/2024`` are months, ``Thứ 2 hằng tuần`` is no date.
_VN_WEEKDAY = re.compile(
    r"\b(?:thu\s*(?:[2-7]|hai|ba|tu|nam|sau|bay)|chu\s*nhat|cn|t\s*[2-7])\b\s*[,.:\-]?\s*"
    r"(?:ngay\s*)?(?=\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}|\d{1,2}\s*,?\s+thang\b)")


def _since(text: str, year: int | None, lone: int | None
           ) -> tuple[dt.date, dt.date] | None | bool:
    """A period after the words of :data:`_SINCE` (``Từ năm 2020``, ``Duy trì từ 2018``, ``Từ
    tháng 5/2023``, ``Từ năm 2015 (duy trì hằng năm)``, ``Từ đầu năm 2020``) that is one point
    (a remark in brackets after it dropped): a range left open at its end, read as
    ``01/2024 -`` is (``docs/contracts.md``, "Periods written every other way"): from the
    point's first day to the end of the report ``year``; a point after that year is the
    point itself (``Từ năm 2025`` in 2024: rejected as not in the year). ``False`` when the
    text is no one point (a range, ``01/2024 đến 12/2024``: read as written); ``None`` when it
    is one but no ``year`` is given (it waits for the report year, as ``01/2024 -`` does), or
    a day or month that does not exist. Fresh tester W's W704, W708: each such row was
    rejected "không trùng với năm báo cáo 2024"."""
    bare = _REMARK.sub("", text).strip()
    if _MONTHS_RANGE.fullmatch(bare):  # ``Từ 1 - 12/2024``: months 1 to 12, a range
        return False
    try:
        start = _point(bare, year, lone)
    except ValueError:  # ``Từ 30/02/2024``
        return None
    if start is None and (m := _YEAR_START.fullmatch(bare)) and (m.group(1) or year):
        y = int(m.group(1) or year)  # ``Từ đầu năm 2020``, ``Từ đầu năm``
        start = dt.date(y, 1, 1), dt.date(y, 12, 31)
    if start is None:
        return False
    if not year:
        return None
    return (start[0], dt.date(year, 12, 31)) if start[0].year <= year else start


def _parse_text(text: str, year: int | None, since: bool = False
                ) -> tuple[dt.date, dt.date] | None:
    """:func:`parse_period` of a cell's matching key; ``since``: the key followed the words
    of :data:`_SINCE` (``Từ …``), so that one point is from then on (:func:`_since`)."""
    text = english_dates(_VN_WEEKDAY.sub("", text))
    text = short_years(text)  # ``01/01/24``, ``01-01-24``: Excel's ``dd/mm/yy`` shown
    text = _IN_WORDS.sub(lambda m: "/".join(g for g in m.groups() if g), text)
    text = _DAY_IN_WORDS.sub(r"\1/\2", text)  # ``15 tháng 1`` of ``… đến 15 tháng 12 năm 2024``
    text = _KIND_YEAR.sub(r"\1\2/\3", text)
    lone = year if not re.search(r"\d{4}", text) else None
    if since and (opened := _since(text, year, lone)) is not False:
        return opened
    try:
        if not _MONTHS_RANGE.fullmatch(text) and (whole := _point(text, year, lone)):
            return whole
        for sep in re.finditer(RANGE_SEP, text):
            a, b = text[:sep.start()], text[sep.end():]
            a = day_of_range(a, b) or a  # ``1-3/10``: days 1 to 3, never a length of 1
            if _KIND.match(a.strip()) and re.fullmatch(r"\s*\d{1,2}\s*", b):
                b = _kind_of(a.strip(), b.strip())  # ``Tháng 3 - 9``: month 9, no length of 9
            first, last = _point(a, year, lone), _point(b, year, lone)
            if not first and (m := _YEAR_START.fullmatch(a.strip(" "))) and \
                    (last or (b.strip(" .") in _TO_YEAR_END and (m.group(1) or year))):
                y = int(m.group(1) or (last[0].year if last else year))  # ``Đầu năm đến nay``
                first = (dt.date(y, 1, 1),) * 2
            if first and not last and b.strip(" .") in _TO_YEAR_END:  # ``… đến hết năm``
                last = (dt.date(first[1].year, 12, 31),) * 2
            if not (first and last):  # ``Quý I-IV/2024``, ``T1-T12/2024``, ``Quý I - IV``
                # ``Tháng 3 đến hết năm 2024``: a year alone takes no kind word
                b = b if last and _A_YEAR.fullmatch(b.strip()) else _kind_of(a, b)
                first, last = _point(_shared_year(a, b), year, lone), _point(b, year, lone)
                if first and last and first[0] > last[1] and first[0].month >= 7 \
                        and last[1].month <= 6:  # ``15/12 - 15/1/2025``: from the year before
                    first = _year_on(first, -1)
            if first and last and first[0] > last[1] and lone and first[0].month >= 7 \
                    and last[1].month <= 6:
                last = _year_on(last)  # ``15/12 - 15/1``: into the next year (ABB4)
            if first and last:
                return (first[0], last[1]) if first[0] <= last[1] else None
    except ValueError:  # 31/02/2024 and the like
        return None
    if (bare := _REMARK.sub("", text)) != text and bare:  # ``… (đang thực hiện)``
        return parse_period(bare, year)
    if (bare := _CALENDAR.sub("", text)) != text and bare:  # ``Tháng 11/2024 âm lịch``
        return parse_period(bare, year)
    try:
        if listed := _listed(text, year, lone):  # ``Quý I, II/2024``, ``Đợt 1: 3/2024; …``
            return listed
    except ValueError:  # ``Tháng 3, 13/2024``: an item that does not exist
        return None
    if m := re.fullmatch(rf"(.*?\d.*?){_OPEN_END.pattern}", text):  # ``01/2024 -``: from then on
        if not year:  # ``2020 -`` waits for the report year too (it was the year 2020 alone)
            return None
        if start := _open_end(m.group(1), year):
            return (start[0], dt.date(year, 12, 31)) if start[0].year <= year else start
    if m := re.fullmatch(rf"{_OPEN_END.pattern}(.*?\d.*?)", text):  # ``- 12/2024``: until then
        return _open_end(m.group(1), year)
    return _year_in_words(text, year)


def _year_on(point: tuple[dt.date, dt.date], step: int = 1) -> tuple[dt.date, dt.date] | None:
    """A range's second end read in the report year (no year written in the cell), a year on:
    ``15/1`` of ``15/12 - 15/1`` is of the next year, as ``Tháng 11 - tháng 2`` ends in it
    (fresh tester AB's ABB4: rejected); only when it ends before the first starts, the first
    in the year's second half and the second in its first half (``26-20/5``, ``1/6 - 1/5``
    stay unread: ends written the wrong way round); ``None`` for a day the next year has not
    (29/2). ``step=-1``: a first end borrowing the second's year, a year back (``15/12`` of
    ``15/12 - 15/1/2025`` is of 2024)."""
    start, end = point
    try:
        later = (start.replace(year=start.year + step), end.replace(year=end.year + step))
    except ValueError:
        return None
    return later


_A_YEAR = re.compile(r"(?:nam\s+)?\d{4}")
#: A range's kind word (``Tháng 3 - 9``, ``Quý I - III``), which its second end borrows.
_KIND = re.compile(r"(?:thang|t|quy|q)\s*(?=[\divx])")
#: The start of a year as a range's first end (``Đầu năm đến nay``, ``Từ đầu năm 2024 đến
#: 30/6/2024``): 1 January of its year, else of the other end's (``đến nay``: the report
#: year, :data:`_NOW`; fresh tester's T144).
_YEAR_START = re.compile(r"dau\s+nam(?:\s+(\d{4}))?")
#: The calendar named after a period (``Tháng 11/2024 âm lịch``, ``… (ÂL)``, ``dương lịch``):
#: dropped, the dates read as written (a lunar month is within a few weeks of the solar one of
#: the same number, and only the period's overlap with the report year is asked; fresh tester
#: N's N161: rejected).
_CALENDAR = re.compile(r"\s*[,(]?\s*(?:theo\s+)?(?:am lich|duong lich|al|dl)\s*\)?\s*$")
#: The second end of a range that is the end of the first end's year (``Từ tháng 3/2024 đến hết
#: năm``; RANGE_SEP has taken ``đến hết``).
_TO_YEAR_END = ("nam", "het nam", "cuoi nam", "nam nay", "het nam nay", "cuoi nam nay")
#: What separates the items of a list of periods (``Quý I, II/2024``, ``Tháng 3, 4, 5/2024``,
#: ``3/2024; 9/2024``, ``Năm 2023 và 2024``), and a label before an item (``Đợt 1:``, ``Lần 2:``).
_LIST_SEP = re.compile(r"\s*(?:[,;+&]|\bva\b)\s*")
_ITEM_LABEL = re.compile(r"^(?:dot|lan|giai doan|gd|buoc)\s*\d{1,2}\s*[:.\-)]\s*")
#: A label before a whole list (``Các buổi: 05/01/2024, 12/01/2024, …``, ``Ngày: …``; fresh
#: tester's T207): words without figures, then a colon; dropped when every item reads.
_LIST_LABEL = re.compile(r"([a-z][a-z ]{0,39}?)\s*:\s*")
#: Dates joined by spaced dashes, three or more (``05/01/2024 - 12/01/2024 - 19/01/2024``, a
#: tool's join; T210): a list, each item a whole date or month with its year.
_DASHED_LIST = re.compile(r"\s+[-–—]\s+")
_A_DAY_OR_MONTH = re.compile(r"(?:\d{1,2}\s*[/.\-]\s*)?\d{1,2}\s*[/.\-]\s*\d{4}")


def _other_label(label: str) -> bool:
    """Whether a list's label (a matching key) is a header of a form column other than the
    period's (``ghi chu``): its value is that column's, never read as a period."""
    from thidua.ingest.headers import header_name  # headers → … → periods: no cycle at run time
    return header_name(label) not in (None, "period", "period_from", "period_to")


def _listed(text: str, year: int | None, lone: int | None) -> tuple[dt.date, dt.date] | None:
    """A list of periods as one period from the first day of its earliest item to the last of
    its latest (fresh tester N's N154, N155, N158, N164: each row rejected), each item read
    as :func:`_point` reads one end, an item without its year or kind borrowing those of the
    last (``Quý I, II/2024`` → ``Quý I/2024``, ``Quý II/2024``), or a range itself
    (``01/2024 - 03/2024; 09/2024 - 12/2024``); ``None`` unless every item reads. A label
    before the list is dropped (``Các buổi: 05/01/2024, 12/01/2024``: :data:`_LIST_LABEL`),
    unless it is another form column's header (``Ghi chú: …``); three or more dates or months
    joined by spaced dashes are a list too (``05/01/2024 - 12/01/2024 - 19/01/2024``:
    :data:`_DASHED_LIST`; fresh tester's T207, T210)."""
    if (label := _LIST_LABEL.match(text)) and _other_label(label.group(1)):
        return None  # ``Ghi chú: …``: another column's value
    text = text[label.end():] if label else text
    items = [_ITEM_LABEL.sub("", i) for i in _LIST_SEP.split(text)]
    if len(items) < 2:
        dashed = _DASHED_LIST.split(text)  # ``05/01/2024 - 12/01/2024 - 19/01/2024``
        if len(dashed) < 3 or not all(_A_DAY_OR_MONTH.fullmatch(i) for i in dashed):
            return None
        items = dashed
    last = items[-1]
    found = []
    for item in items:
        item = day_of_range(item, last) or item  # ``Ngày 1, 2/9``: day 1, never a length of 1
        borrowed = _shared_year(_kind_of(items[0], item), last)
        point = (_point(_kind_of(items[0], item), year, lone) or _point(borrowed, year, lone)
                 or _parse_text(item if re.search(r"\d{4}", item) else borrowed, year))
        if point is None:  # an item that is a range itself: ``01/2024 - 03/2024, 09/2024 - …``
            return None
        found.append(point)
    return min(p[0] for p in found), max(p[1] for p in found)


def _open_end(text: str, year: int | None) -> tuple[dt.date, dt.date] | None:
    """The one end given of a range left open (``01/2024 -``): a date, a month, a quarter
    or a year, read as :func:`_point` reads it."""
    try:
        return _point(text, year)
    except ValueError:
        return None


def _year_in_words(text: str, year: int | None) -> tuple[dt.date, dt.date] | None:
    """The whole year a text of :data:`_YEAR_PHRASES` names: the one year it holds (``suốt
    năm 2024``, ``đầu năm - cuối năm 2024``), or ``year`` when it holds no number and says
    the whole year (:data:`_ALL_YEAR_PHRASES`: ``Thường xuyên, liên tục``, ``Lâu dài``);
    ``None`` for any other word or number, and for a range to now (``từ năm 2020 đến nay``)."""
    text = _HOW_OFTEN.sub(lambda m: f"hang {m.group(1) or m.group(2)}", text)
    if _RECURS.search(text):  # ``Thứ 7 hằng tuần``: the days of a weekly model
        text = _WEEK_DAYS.sub(" ", text)
    words = re.findall(r"[a-z]+|\d+", text)
    numbers, said, i = set(), [], 0
    while i < len(words):
        if words[i].isdigit():
            numbers.add(words[i])
            i += 1
            continue
        found = next((p for p in _YEAR_PHRASES if words[i:i + len(p.split())] == p.split()), None)
        if found is None:
            return None
        said.append(found)
        i += len(found.split())
    if not numbers:
        whole = year and any(p in _ALL_YEAR_PHRASES for p in said)
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)) if whole else None
    if len(numbers) == 1 and len(found := numbers.pop()) == 4:
        return dt.date(int(found), 1, 1), dt.date(int(found), 12, 31)
    return None


def with_report_year(rows: pd.DataFrame, raw: pd.DataFrame, year: int) -> pd.DataFrame:
    """``rows`` (:func:`normalise_rows`) with the periods written without a year (``Cả năm``,
    ``6 tháng đầu năm``) read as of the report ``year``: only where a ``Thời gian thực hiện``
    cell is filled and did not read on its own."""
    two = "period_from" in raw or "period_to" in raw
    if ("period" not in raw and not two) or rows.empty:
        return rows
    unread = rows["period_start"].isna()
    if not unread.any():  # every period read on its own: the common case (issue 10)
        return rows
    cells = [raw[c] for c in ("period", "period_from", "period_to") if c in raw]
    todo = unread & pd.concat([by_value(c, clean_text).ne("") for c in cells], axis=1).any(axis=1)
    if not todo.any():
        return rows
    rows = rows.copy()
    for row in rows.index[todo.to_numpy()]:
        if two:  # ``01/09/2023`` | ``đến nay``
            _, *found = period_of_two(raw.at[row, "period_from"] if "period_from" in raw else "",
                                      raw.at[row, "period_to"] if "period_to" in raw else "",
                                      year)
            found = None if found[0] is None else found
        else:
            found = parse_period(raw.at[row, "period"], year)
        if found:
            rows.at[row, "period_start"], rows.at[row, "period_end"] = map(pd.Timestamp, found)
    return rows


#: ``đến``/``tới`` opening the second cell of a period in two columns (``đến nay``).
_TO_WORD = re.compile(r"^(?:đến|tới|den|toi)\s+", re.IGNORECASE)


def period_of_two(first: object, last: object, year: int | None = None
                  ) -> tuple[object, object, object]:
    """``(text, start, end)`` of a period written in ``Từ ngày`` | ``Đến ngày``: each cell a
    date cell, ``dd/mm/yyyy``, ``mm/yyyy`` or a year; the start is the first day of the first
    cell, the end the last day of the second (one cell alone stands for the whole period).
    The second may open with ``đến``/``tới`` and say ``nay`` (``đến nay``: to the end of the
    report ``year`` when given, :func:`parse_period`). ``text`` is ``<NA>`` when both are
    empty; a date is ``None`` when a cell given cannot be read (then both are ``None``)."""
    a, b = clean_text(first), clean_text(last)
    if not a and not b:
        return pd.NA, None, None
    text = f"{a} - {b}" if a and b else a or b
    if b and isinstance(last, str):
        last = _TO_WORD.sub("", b)
    start = parse_period(first, year) if a else None
    end = parse_period(last, year) if b else None
    if (a and start is None) or (b and end is None):
        return text, None, None
    return text, (start or end)[0], (end or start)[1]
