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
])
def test_english_dates(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", ["Jan 15", "15 Foo 2024", "Mon 2024 Jan", "Jan 15 - Dec 45, 2024"])
def test_what_stays_unread(text):
    """``Jan 15`` alone names no year; ``Jan 15`` is never January 2015."""
    assert parse_period(text, 2024) is None


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
