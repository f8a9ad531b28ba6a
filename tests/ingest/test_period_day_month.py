"""Days and months written without a year (fresh tester Z's Z034).

A unit writes ``20-26/5`` for a week of its report year, as it writes ``Tháng 5`` or ``Quý 4``
(read as of the report year since tester J's J045). Each such row was rejected ("không đọc
được"), and ``1-3/10`` would have been 1 January–3 October: its ``1`` a length of one month.
``docs/contracts.md``, "Periods written every other way".
"""
from __future__ import annotations

import datetime as dt

import pytest

from thidua.ingest.periods import day_of_range, parse_period

D = dt.date


@pytest.mark.parametrize("text, period", [
    ("20-26/5", (D(2024, 5, 20), D(2024, 5, 26))),
    ("Ngày 20 - 26/5", (D(2024, 5, 20), D(2024, 5, 26))),
    ("1-3/10", (D(2024, 10, 1), D(2024, 10, 3))),  # never 01/01 - 03/10
    ("1 - 3/10", (D(2024, 10, 1), D(2024, 10, 3))),
    ("20–26/5", (D(2024, 5, 20), D(2024, 5, 26))),  # an en dash
    ("20-26.5", (D(2024, 5, 20), D(2024, 5, 26))),
    ("20 đến 26/5", (D(2024, 5, 20), D(2024, 5, 26))),
    ("Tuần lễ 20-26/5", (D(2024, 5, 20), D(2024, 5, 26))),
    ("Tuần 1-3/10", (D(2024, 10, 1), D(2024, 10, 3))),
    # across months
    ("28/5 - 3/6", (D(2024, 5, 28), D(2024, 6, 3))),
    ("30/9-2/10", (D(2024, 9, 30), D(2024, 10, 2))),
    ("20/5-26/5", (D(2024, 5, 20), D(2024, 5, 26))),
    ("Từ 20/5 đến 26/5", (D(2024, 5, 20), D(2024, 5, 26))),
    ("Từ ngày 28/5 đến ngày 3/6", (D(2024, 5, 28), D(2024, 6, 3))),
    # one day, from a day on, a list of days
    ("3/2", (D(2024, 2, 3), D(2024, 2, 3))),
    ("ngày 15/3", (D(2024, 3, 15), D(2024, 3, 15))),
    ("31/12", (D(2024, 12, 31), D(2024, 12, 31))),
    ("29/2", (D(2024, 2, 29), D(2024, 2, 29))),  # 2024 has it
    ("Từ 20/5", (D(2024, 5, 20), D(2024, 12, 31))),
    ("20/5 - nay", (D(2024, 5, 20), D(2024, 12, 31))),
    ("Ngày 1, 2/9", (D(2024, 9, 1), D(2024, 9, 2))),
    ("Ngày 1, 2, 3/9", (D(2024, 9, 1), D(2024, 9, 3))),
    # a list of months borrows the first's kind word: ``4`` is month 4, no length of 4
    ("Tháng 3, 4, 5", (D(2024, 3, 1), D(2024, 5, 31))),
    ("T3, 4, 5", (D(2024, 3, 1), D(2024, 5, 31))),
    # what kept its reading
    ("5/24", (D(2024, 5, 1), D(2024, 5, 31))),  # month 5 of 2024: 24 is no month
    ("3/13", (D(2013, 3, 1), D(2013, 3, 31))),  # month 3 of 2013 (rejected: not of 2024)
    ("1 - 12/24", (D(2024, 1, 1), D(2024, 12, 31))),
    ("1 - 12/2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("20-26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("28/5 - 3/6/2024", (D(2024, 5, 28), D(2024, 6, 3))),
])
def test_a_day_and_month_without_a_year_is_of_the_report_year(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text, period", [
    ("20-26/5", (D(2023, 5, 20), D(2023, 5, 26))),
    ("28/5 - 3/6", (D(2023, 5, 28), D(2023, 6, 3))),
    ("3/2", (D(2023, 2, 3), D(2023, 2, 3))),
])
def test_the_year_is_the_report_year_given(text, period):
    assert parse_period(text, 2023) == period


@pytest.mark.parametrize("text", ["20-26/5", "28/5 - 3/6", "3/2", "Ngày 1, 2/9", "Tháng 3, 4, 5"])
def test_without_the_report_year_they_wait_for_it(text):
    assert parse_period(text) is None


@pytest.mark.parametrize("text, year", [
    ("29/2", 2023),      # 2023 has no 29 February
    ("31/4", 2024), ("0/5", 2024), ("5/0", 2024), ("32/5", 2024),
    ("26-20/5", 2024),   # the end before the start
    ("1-3/13", 2024),    # no month 13 (and 13 as a two-digit year: 1-3 is no month range)
])
def test_an_impossible_day_and_month_is_unread(text, year):
    assert parse_period(text, year) is None


@pytest.mark.parametrize("first, last, day", [
    ("20", "26/5", "20/5"), ("ngay 1", "2/9", "1/9"), ("1", "3/10", "1/10"),
    ("20", "26.05", "20/05"),
    ("20", "26/5/2024", "20/5/2024"),
    ("1", "12/24", None),     # 24 is no month: ``1 - 12/24`` are months
    ("1", "12/2024", None),   # a month and its year
    ("t1", "3/10", None),     # a month word is no day
    ("20", "126/5", None),
])
def test_a_day_alone_takes_the_month_of_a_day_and_month(first, last, day):
    assert day_of_range(first, last) == day


@pytest.mark.parametrize("text, period", [
    ("15/12 - 15/1", (D(2024, 12, 15), D(2025, 1, 15))),   # ABB4: was unread
    ("Từ 15/12 đến 15/1", (D(2024, 12, 15), D(2025, 1, 15))),
    ("28/12 - 3/1", (D(2024, 12, 28), D(2025, 1, 3))),
    ("1/9 - 31/5", (D(2024, 9, 1), D(2025, 5, 31))),        # a school year's days
    ("Quý IV - Quý I", (D(2024, 10, 1), D(2025, 3, 31))),
    ("15/12 - 15/1/2025", (D(2024, 12, 15), D(2025, 1, 15))),  # the first a year back
    ("15/12 - 15/1/2024", (D(2023, 12, 15), D(2024, 1, 15))),
    ("Tháng 12 - tháng 1/2025", (D(2024, 12, 1), D(2025, 1, 31))),
    ("T12 - T2/2025", (D(2024, 12, 1), D(2025, 2, 28))),
    # the wrong way round stays unread: an end before its start in one half of the year
    ("1/7 - 30/6", (D(2024, 7, 1), D(2025, 6, 30))), ("1/12 - 1/7", None),  # the halves' bounds
    ("1/12 - 30/6/2025", (D(2024, 12, 1), D(2025, 6, 30))), ("1/12 - 1/7/2025", None),
    ("26-20/5", None), ("1/6 - 1/5", None), ("26-20/5/2024", None), ("12/2024 - 01/2024", None),
])
def test_a_range_over_new_year_without_the_year(text, period):
    assert parse_period(text, 2024) == period

