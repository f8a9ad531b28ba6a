"""A period written as a script writes a date-time (``str(datetime)``: ``2024-01-15
00:00:00``), a date-time cell pasted as text (``15/01/2024 08:30``), or an ISO 8601 interval
(``2024-02-01/2024-11-30``): the dates are the period (fresh tester M's M014: 4 registrations
rejected "Không đọc được 'Thời gian thực hiện'"). ``docs/contracts.md``."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import read_form, row
from thidua.ingest.periods import parse_period

DAY = (dt.date(2024, 1, 15), dt.date(2024, 1, 15))
SPAN = (dt.date(2024, 2, 1), dt.date(2024, 11, 30))


@pytest.mark.parametrize("text, period", [
    ("2024-01-15 00:00:00", DAY), ("2024-01-15T00:00:00", DAY), ("2024-01-15T00:00:00.000", DAY),
    ("2024-01-15 00:00", DAY), ("15/01/2024 08:30", DAY), ("15/01/2024 8:30 AM", DAY),
    ("15/01/2024 08:30:15 CH", DAY),
    ("2024-02-01 00:00:00 - 2024-11-30 00:00:00", SPAN), ("2024-02-01/2024-11-30", SPAN),
    ("2024-02-01 / 2024-11-30", SPAN), ("01/02/2024 00:00 đến 30/11/2024 23:59", SPAN),
    # fresh tester M's M125: a time zone after the time; a year first with slashes or dots
    ("2024-01-15T00:00:00+07:00", DAY), ("2024-01-15T08:30:00Z", DAY), ("2024/01/15", DAY),
    ("2024.01.15", DAY), ("2024/02/01 - 2024/11/30", SPAN),
])
def test_a_time_of_day_after_a_date_and_an_iso_interval_are_read(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", ["10:30", "00:00:00", "2024-01-15 giờ 10", "2024/01/15/2024",
                                  "2024/13/01", "2024/01-15"])
def test_a_time_alone_is_no_period(text):
    assert parse_period(text, 2024) is None


def test_rows_with_such_periods_count(tmp_path, context):
    result = read_form(tmp_path, context, [
        row(model="Mô hình số một", period="2024-01-15 00:00:00", stt=1),
        row(model="Mô hình số hai", period="2024-02-01 - 2024-11-30", stt=2),
        row(model="Mô hình số ba", period="2024-02-01T00:00:00/2024-11-30T00:00:00", stt=3)])
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert [(a.date(), b.date()) for a, b in zip(got["period_start"], got["period_end"])] == [
        DAY, SPAN, SPAN]
