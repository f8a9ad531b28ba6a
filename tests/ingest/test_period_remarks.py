"""A period with a remark in brackets or an arrow between its ends, and a ``Ngày gửi:`` in a US
locale's month-first order when only that order is a date (fresh tester A's smaller points,
30/11: the period's row was rejected; the sent date was not read)."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.ingest.periods import parse_period
from thidua.ingest.titledates import parse_sent_date

YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize("text, period", [
    ("01/2024 - 12/2024 (đang thực hiện)", YEAR), ("01/2024 - 12/2024 [dự kiến]", YEAR),
    ("01/2024 - 12/2024 (dự kiến) (x)", YEAR), ("2024 (cả năm)", YEAR),
    ("01/2024 -> 12/2024", YEAR), ("01/2024 → 12/2024", YEAR), ("01/2024=>12/2024", YEAR),
    ("15/03/2024 (bắt đầu)", (dt.date(2024, 3, 15), dt.date(2024, 3, 15))),
    # ``đang thực hiện`` (being carried out) says the whole report year (fresh tester I's I140;
    # these two did not read before)
    ("(đang thực hiện)", YEAR), ("đang thực hiện (2024)", YEAR),
])
def test_a_remark_or_an_arrow_leaves_the_period_readable(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", ["(dự kiến)", "dự kiến (2024)", "01/2024 (12/2024",
                                  "31/02/2024 (x)"])
def test_a_remark_alone_or_an_impossible_period_still_does_not_read(text):
    assert parse_period(text, 2024) is None


@pytest.mark.parametrize("text, date", [
    ("11/25/2024", dt.date(2024, 11, 25)), ("12/31/24", dt.date(2024, 12, 31)),
    ("12/13/2024", dt.date(2024, 12, 13)),  # the first month-first day past the 12th
    ("05/12/2024", dt.date(2024, 12, 5)),  # both orders dates: day first, the form's
    ("13/13/2024", None), ("ngày 5 tháng 25 năm 2024", None), ("2024-25-11", None),
])
def test_a_sent_date_is_read_month_first_only_when_only_that_is_a_date(text, date):
    assert parse_sent_date(text) == date
