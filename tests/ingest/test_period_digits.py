"""Dates typed without separators (``5032024``, ``05032024 - 30112024``, ``20240305``,
``032024``), as text or as a number cell, are read when they read one way only; one that reads
two ways (``1012024``) rejects its row saying both (fresh tester T's T145, T146;
:func:`thidua.ingest.periods.digit_dates`)."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import read_form, row
from thidua.ingest.periodcheck import period_problem
from thidua.ingest.periods import parse_period

D = dt.date


@pytest.mark.parametrize("value, period", [
    ("5032024", (D(2024, 3, 5), D(2024, 3, 5))),                     # dmmyyyy
    ("05032024", (D(2024, 3, 5), D(2024, 3, 5))),                    # ddmmyyyy
    ("20240305", (D(2024, 3, 5), D(2024, 3, 5))),                    # yyyymmdd
    ("05032024 - 30112024", (D(2024, 3, 5), D(2024, 11, 30))),
    ("20240305 đến 20241130", (D(2024, 3, 5), D(2024, 11, 30))),
    ("032024", (D(2024, 3, 1), D(2024, 3, 31))),                     # mmyyyy
    ("32024", (D(2024, 3, 1), D(2024, 3, 31))),                      # myyyy
    ("012024 - 122024", (D(2024, 1, 1), D(2024, 12, 31))),
    (5032024.0, (D(2024, 3, 5), D(2024, 3, 5))),                     # a number cell
    (20240305, (D(2024, 3, 5), D(2024, 3, 5))),
    ("31122024", (D(2024, 12, 31), D(2024, 12, 31))),
    ("050324 - 301124", (D(2024, 3, 5), D(2024, 11, 30))),           # ddmmyy (V031)
    ("010124", (D(2024, 1, 1), D(2024, 1, 1))),
    ("202312 - 202403", (D(2023, 12, 1), D(2024, 3, 31))),           # yyyymm (V032)
    ("01/2024-122024", (D(2024, 1, 1), D(2024, 12, 31))),            # one end separated (V030)
    ("05/03/2024 - 30112024", (D(2024, 3, 5), D(2024, 11, 30))),
    ("5032024 đến 30/11/2024", (D(2024, 3, 5), D(2024, 11, 30))),
    ("01.2024 - 122024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("032024 - 30.11.2024", (D(2024, 3, 1), D(2024, 11, 30))),
])
def test_dates_typed_without_separators_are_read(value, period):
    assert parse_period(value, 2024) == period


@pytest.mark.parametrize("value", ["1012024", "99999999", "132024", "12345", "1012024 - 30112024",
                                   "201203"])
def test_a_run_of_digits_reading_two_ways_or_none_is_not_read(value):
    assert parse_period(value, 2024) is None


@pytest.mark.parametrize("value, said", [
    ("1012024", "ghi ngày liền không có dấu phân cách, đọc được hai cách (01/01/2024 hoặc "
                "10/01/2024): đề nghị ghi dd/mm/yyyy"),
    ("1012024 - 30112024", "'1012024' ghi ngày liền không có dấu phân cách, đọc được hai cách "
                           "(01/01/2024 hoặc 10/01/2024): đề nghị ghi dd/mm/yyyy"),
    ("99999999", "không phải ngày (dd/mm/yyyy) hay tháng (mm/yyyy) ghi liền"),
    ("05032024 - 1012024", "'1012024' ghi ngày liền không có dấu phân cách, đọc được hai cách "
                           "(01/01/2024 hoặc 10/01/2024): đề nghị ghi dd/mm/yyyy"),
    ("05032024 - 99999999", "'99999999' không phải ngày (dd/mm/yyyy) hay tháng (mm/yyyy) ghi liền"),
    ("01/2024 - 1012024", "'1012024' ghi ngày liền không có dấu phân cách, đọc được hai cách "
                          "(01/01/2024 hoặc 10/01/2024): đề nghị ghi dd/mm/yyyy"),
    ("201203", "ghi ngày liền không có dấu phân cách, đọc được hai cách (20/12/2003 hoặc "
               "03/2012): đề nghị ghi dd/mm/yyyy"),
])
def test_the_unit_is_told_why(value, said):
    assert period_problem(value) == said


def test_rows_with_such_periods_count(tmp_path, context):
    result = read_form(tmp_path, context, [
        row(model="Mô hình số 1", period="05032024 - 30112024", stt=1),
        row(model="Mô hình số 2", period=20240305, stt=2),
        row(model="Mô hình số 3", period="1012024", stt=3)])
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.registrations["period_start"].dt.date.tolist() == [D(2024, 3, 5)] * 2
    assert result.rejections["error"].tolist() == [
        "'Thời gian thực hiện' '1012024': ghi ngày liền không có dấu phân cách, đọc được hai "
        "cách (01/01/2024 hoặc 10/01/2024): đề nghị ghi dd/mm/yyyy; đề nghị sửa lại."]


@pytest.mark.parametrize("middle", [" - ", " – ", "->", " đến ", " tới ", " den ", "~"])
def test_any_range_middle_joins_two_runs_of_digits(middle):
    """The middles of every range (``periods.RANGE_SEP``), not a list of this module's own."""
    assert parse_period(f"05032024{middle}30112024", 2024) == (D(2024, 3, 5), D(2024, 11, 30))


@pytest.mark.parametrize("run, readings", [
    ("20241305", []), ("20241231", ["31/12/2024"]), ("19900101", ["01/01/1990"]),  # yyyymmdd
    ("19891231", []), ("20991231", ["31/12/2099"]), ("21000101", []),
    ("5112024", ["5/11/2024"]), ("1012024", ["1/01/2024", "10/1/2024"]),      # dmmyyyy, ddmyyyy
    ("121990", ["12/1990"]), ("121989", []), ("122099", ["12/2099"]),         # mmyyyy
    ("122100", []), ("132024", []), ("012024", ["01/2024"]), ("12099", ["1/2099"]),
    ("290232", ["29/02/2032"]), ("290233", []), ("010124", ["01/01/2024"]),   # ddmmyy
    ("199001", ["01/1990"]), ("198912", []), ("209912", ["12/2099"]),         # yyyymm
    ("210001", []), ("202400", []), ("202413", []), ("202402", ["02/2024"]),
    ("202401", ["01/2024"]),
])
def test_each_shape_reads_within_its_bounds_only(run, readings):
    """Just inside and just outside each shape's bounds (years 1990–2099, months 1–12, real
    days: 29/02 of a leap year only)."""
    from thidua.ingest.periods import _digit_readings

    assert _digit_readings(run) == readings
