"""The bounds of :mod:`thidua.ingest.registrydates` (issue 14, mutation testing): the time of
day after a date, the month of a year first date, which day first dates read both ways, and
what ``registry_dates`` gives back for the cells it cannot read."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from thidua.ingest.registry import read_registry_table
from thidua.ingest.registrydates import DateFault, _Day, read_date, registry_dates


@pytest.mark.parametrize("written, day", [
    ("01/10/2025 23:59:59", _Day(dt.date(2025, 10, 1), False)),
    ("01/10/2025 0:59", _Day(dt.date(2025, 10, 1), False)),
    ("01/10/2025 9:05:07,5", _Day(dt.date(2025, 10, 1), False)),
    ("2025-10-01T23:00:00.000", _Day(dt.date(2025, 10, 1), True)),
])
def test_the_last_hour_minute_and_second_of_a_day_are_a_time(written, day):
    assert read_date(written) == day


@pytest.mark.parametrize("written", [
    "01/10/2025 24:00", "01/10/2025 0:60", "01/10/2025 0:00:60", "2025-10-01T24:00:00",
])
def test_an_hour_minute_or_second_one_past_the_last_is_no_date(written):
    assert read_date(written) == "không phải ngày"


@pytest.mark.parametrize("written, read", [
    ("2025-12-31", _Day(dt.date(2025, 12, 31), True)),
    ("2025/1/31", _Day(dt.date(2025, 1, 31), True)),
    ("2025-13-01", "tháng 13 không có (tháng chỉ từ 01 đến 12)"),
    ("2025-00-10", "tháng 00 không có (tháng chỉ từ 01 đến 12)"),
    ("31/12/2025", _Day(dt.date(2025, 12, 31), False)),
])
def test_a_year_first_month_is_01_to_12(written, read):
    assert read_date(written) == read


@pytest.mark.parametrize("written, both", [
    ("12/10/2025", True),   # 12 October or 10 December
    ("13/10/2025", False),  # no 13th month
    ("01/12/2025", True),   # 1 December or 12 January
    ("12/12/2025", False),  # the same day either way
    ("2025-10-01", False),  # year first: never month first
])
def test_which_day_first_dates_read_both_ways(written, both):
    assert read_date(written).both_ways() is both


def test_registry_dates_writes_what_it_reads_and_leaves_each_fault_as_written(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("code,valid_from,valid_to\n"
                    "A,2025-07-01,\nB, 12/10/2025 ,\nC,13/10/2025,\nD,01/12/2025,\n"
                    "E,12/12/2025 23:59:59,\nF,,\nG,31/02/2025,\n", encoding="utf-8")
    frame, header = read_registry_table(path)
    out, faults = registry_dates(frame, header)
    two_ways = ("cột này ghi ngày theo hai kiểu (năm trước, như '2025-07-01' ở dòng 2, và ngày "
                "trước), nên không rõ là ngày {} hay ngày {} năm 2025; hãy ghi mọi ngày của cột "
                "theo một kiểu")
    assert faults == [
        DateFault(1, "valid_from", "12/10/2025", two_ways.format("12 tháng 10", "10 tháng 12")),
        DateFault(3, "valid_from", "01/12/2025", two_ways.format("01 tháng 12", "12 tháng 01")),
        DateFault(6, "valid_from", "31/02/2025",
                  "ngày 31/02/2025 không có (tháng 02/2025 có 28 ngày)"),
    ]
    expected = pd.Series(["2025-07-01", " 12/10/2025 ", "2025-10-13", "01/12/2025", "2025-12-12",
                          None, "31/02/2025"], name="valid_from", dtype=frame["valid_from"].dtype)
    pd.testing.assert_series_equal(out["valid_from"], expected)
    # a column of empty cells comes back as it was: text, NaN (never None)
    pd.testing.assert_series_equal(out["valid_to"], frame["valid_to"])
    pd.testing.assert_frame_equal(frame.drop(columns=["valid_from"]), out.drop(columns=["valid_from"]))
