"""Periods written with dates in words: Vietnamese ``15 tháng 1 năm 2024`` without ``ngày``,
a first end without its year (``Từ 15 tháng 1 đến 15 tháng 12 năm 2024``), English dates
(a ``d-mmm-yy`` cell pasted as text, ``Jan 15, 2024``, a program's ``Mon Jan 15 2024
00:00:00 GMT+0700``: fresh tester M's M125), and ``1 - 12/2024`` (months 1 to 12, not the
date 01/12/2024). ``thidua/ingest/periods.py``."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.periods import parse_period

D = dt.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))
FROM_15_JAN = (D(2024, 1, 15), D(2024, 12, 15))


@pytest.mark.parametrize("text, period", [
    ("15 tháng 1 năm 2024 - 15 tháng 12 năm 2024", FROM_15_JAN),
    ("ngày 15 tháng 1, năm 2024", (D(2024, 1, 15), D(2024, 1, 15))),
    ("Từ 15 tháng 1 đến 15 tháng 12 năm 2024", FROM_15_JAN),
    ("ngày 15 tháng 1 đến ngày 15 tháng 12 năm 2024", FROM_15_JAN),
    ("15 tháng 1 - 15 tháng 12/2024", FROM_15_JAN),
    ("Từ tháng 1 đến tháng 12 năm 2024", YEAR),
    ("6 tháng đầu năm 2024", (D(2024, 1, 1), D(2024, 6, 30))),
    ("1 - 12/2024", YEAR),
    ("01 - 12/2024", YEAR),
    ("3 - 9/2024", (D(2024, 3, 1), D(2024, 9, 30))),
    ("01/12/2024", (D(2024, 12, 1), D(2024, 12, 1))),
])
def test_vietnamese_dates_in_words(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text, period", [
    ("15-Jan-2024", (D(2024, 1, 15), D(2024, 1, 15))),
    ("15-Jan-24 - 15-Dec-24", FROM_15_JAN),
    ("15 Jan 2024 - 15 Dec 2024", FROM_15_JAN),
    ("January 15, 2024 - December 15, 2024", FROM_15_JAN),
    ("Jan 15 - Dec 15, 2024", FROM_15_JAN),
    ("Sept. 3rd, 2024 - Nov 30th, 2024", (D(2024, 9, 3), D(2024, 11, 30))),
    ("Mon Jan 15 2024 - Sun Dec 15 2024", FROM_15_JAN),
    ("Mon Jan 15 2024 00:00:00 GMT+0700 (Indochina Time)", (D(2024, 1, 15), D(2024, 1, 15))),
    ("Tue, 15 Jan 2024", (D(2024, 1, 15), D(2024, 1, 15))),
    ("Wednesday, March 6, 2024", (D(2024, 3, 6), D(2024, 3, 6))),
    ("Jan 2024 - Dec 2024", YEAR),
    ("January 2024 - December 2024", YEAR),
    ("Jan-24 - Dec-24", YEAR),
    ("Feb'24", (D(2024, 2, 1), D(2024, 2, 29))),
    ("may 2024", (D(2024, 5, 1), D(2024, 5, 31))),
    ("15/01/2024 08:30 UTC", (D(2024, 1, 15), D(2024, 1, 15))),
    ("2024-01-15 00:00:00 GMT", (D(2024, 1, 15), D(2024, 1, 15))),
    # fresh tester N's N159: English words between the ends; N054: ``+`` (a list)
    ("01/01/2024 to 31/12/2024", YEAR), ("Jan 2024 to Dec 2024", YEAR),
    ("01/2024 until 12/2024", YEAR), ("03/2024 till 09/2024", (D(2024, 3, 1), D(2024, 9, 30))),
    ("01/2024 + 12/2024", YEAR),
    ("Jan 15", (D(2024, 1, 15), D(2024, 1, 15))),  # no year: of the report year (Z034)
])
def test_english_dates(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", ["Jan 45", "15 Foo 2024", "Mon 2024 Jan", "Jan 15 - Dec 45, 2024"])
def test_what_stays_unread(text):
    """``Jan 15`` alone names no year; ``Jan 15`` is never January 2015."""
    assert parse_period(text, 2024) is None


def test_thu_5_is_a_vietnamese_weekday_never_may():
    """``Thứ 5`` (Thursday in Vietnamese) is never read as May, nor its ``thu`` as an English
    weekday: it is dropped as a Vietnamese weekday before the date
    (``test_period_weekdays.py``)."""
    assert parse_period("Thứ 5, 05/12/2024", 2024) == (D(2024, 12, 5), D(2024, 12, 5))
    assert parse_period("Thứ 5 05/12", 2024) is None  # no year: not a whole date


def test_jan_15_is_never_january_2015():
    assert parse_period("Jan 15 - Dec 2024", 2024) != (D(2015, 1, 1), D(2024, 12, 31))


def test_rows_with_such_periods_count(tmp_path, context):
    rows = regs(4)
    for row, text in zip(rows, ["15 tháng 1 năm 2024 - 15 tháng 12 năm 2024", "15-Jan-2024",
                                "Mon Jan 15 2024", "1 - 12/2024"]):
        row[8] = text
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}


# --- fresh tester N: lists, months without a year, "to the end of the year", words ----------


@pytest.mark.parametrize("text, period", [
    ("Quý I, II/2024", (D(2024, 1, 1), D(2024, 6, 30))),
    ("Quý III, IV năm 2024", (D(2024, 7, 1), D(2024, 12, 31))),
    ("Quý 1 và quý 2/2024", (D(2024, 1, 1), D(2024, 6, 30))),
    ("Tháng 3, 4, 5/2024", (D(2024, 3, 1), D(2024, 5, 31))),
    ("T3, T4/2024", (D(2024, 3, 1), D(2024, 4, 30))),
    ("03/2024, 05/2024", (D(2024, 3, 1), D(2024, 5, 31))),
    ("01/03/2024; 15/09/2024", (D(2024, 3, 1), D(2024, 9, 15))),
    ("Đợt 1: 3/2024; Đợt 2: 9/2024", (D(2024, 3, 1), D(2024, 9, 30))),
    ("Lần 1: 3/2024, lần 2: 9/2024", (D(2024, 3, 1), D(2024, 9, 30))),
    ("Năm 2023 và 2024", (D(2023, 1, 1), D(2024, 12, 31))),
    ("Tháng 1 - tháng 12", YEAR),
    ("tháng 3 - tháng 9", (D(2024, 3, 1), D(2024, 9, 30))),
    ("Từ tháng 3/2024 đến hết năm", (D(2024, 3, 1), D(2024, 12, 31))),
    ("15/3/2024 - hết năm", (D(2024, 3, 15), D(2024, 12, 31))),
    ("Tháng 3 đến hết năm 2024", (D(2024, 3, 1), D(2024, 12, 31))),
    ("Quý 1-4/2024", YEAR),
    ("Quý I - IV", YEAR),
    # a list of ranges, and a list whose items borrow another year than the report's
    ("01/2024 - 03/2024; 09/2024 - 11/2024", (D(2024, 1, 1), D(2024, 11, 30))),
    ("T1-T3, T9-T11/2024", (D(2024, 1, 1), D(2024, 11, 30))),
    ("Quý I, II/2025", (D(2025, 1, 1), D(2025, 6, 30))),
    ("T1-T3, T9-T11/2025", (D(2025, 1, 1), D(2025, 11, 30))),
])
def test_lists_and_open_years(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", ["Quý I, V/2024", "Tháng 3, 13/2024", "3/2024; abc",
                                  "Kinh tế, xã hội 2024"])
def test_a_list_with_an_item_that_does_not_read_is_no_period(text):
    assert parse_period(text, 2024) is None


def test_a_month_without_a_year_needs_the_report_year():
    assert parse_period("Tháng 1 - tháng 12") is None
    assert parse_period("tháng 3", 2025) == (D(2025, 3, 1), D(2025, 3, 31))


@pytest.mark.parametrize("text, kept", [
    ("Hè 2024", "2024"), ("Dịp Tết Nguyên đán 2024", "2024"), ("Tháng Công nhân 2024", "2024"),
    ("Từ năm 2020 đến nay", "Từ năm 2020 đến nay"),  # reads with the report year: left
    ("Năm 2023 và 2024", "Năm 2023 và 2024"),          # a list of two years: left
    ("Tháng 11/2024 âm lịch", "Tháng 11/2024 âm lịch"),  # another number: left
    ("2024", "2024"),
])
def test_one_year_among_words_is_that_year(text, kept):
    from thidua.ingest.yearwords import year_among_words
    assert year_among_words(text, 2024) == kept


def test_rows_with_a_period_in_words_count_and_the_unit_is_told(tmp_path, context):
    rows = regs(4)
    for row, text in zip(rows, ["Hè 2024", "Dịp Tết Nguyên đán 2024", "Quý I, II/2024",
                                "Tháng 1 - tháng 12"]):
        row[8] = text
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert ("Cột 'Thời gian thực hiện' ghi thời gian bằng lời, không có ngày tháng đọc được, ở "
            "dòng 4, 5: đã hiểu là cả năm ghi trong ô (ví dụ 'Hè 2024' là năm 2024). Nếu cần, "
            "đề nghị ghi rõ dd/mm/yyyy - dd/mm/yyyy.") in result.notes
    starts = result.registrations["period_start"].dt.date.tolist()
    assert starts == [D(2024, 1, 1)] * 4


@pytest.mark.parametrize("text, period", [
    ("Tháng 11/2024 âm lịch", (D(2024, 11, 1), D(2024, 11, 30))),
    ("Tháng 11/2024 (âm lịch)", (D(2024, 11, 1), D(2024, 11, 30))),
    ("Tháng 11/2024 theo âm lịch", (D(2024, 11, 1), D(2024, 11, 30))),
    ("15/8/2024 ÂL", (D(2024, 8, 15), D(2024, 8, 15))),
    ("01/2024 - 12/2024 dương lịch", YEAR),
])
def test_the_calendar_named_after_a_period_is_dropped(text, period):
    """Fresh tester N's N161: the dates are read as written (a lunar month is within weeks of
    the solar one; only the overlap with the report year is asked)."""
    assert parse_period(text, 2024) == period


def test_a_calendar_word_alone_is_no_period():
    assert parse_period("âm lịch", 2024) is None
