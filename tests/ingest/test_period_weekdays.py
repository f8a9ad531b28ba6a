"""Periods with a Vietnamese weekday before a date (``Thứ 2 ngày 02/12/2024``, ``CN
01/12/2024``, ``T2 02/12/2024 - T6 27/12/2024``) and periods of a recurring model (``Hằng
tuần``, ``Thứ 7 hằng tuần``, ``1 lần/tháng``, ``Định kỳ``): before, each rejected the
registration "Không đọc được 'Thời gian thực hiện'". ``thidua/ingest/periods.py``
(``_VN_WEEKDAY``, ``_ALL_YEAR_PHRASES``, ``_WEEK_DAYS``, ``_HOW_OFTEN``)."""

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
DEC_2 = (D(2024, 12, 2), D(2024, 12, 2))


@pytest.mark.parametrize("text, period", [
    ("Thứ 2 ngày 2/12/2024", DEC_2),
    ("Thứ Hai, 02/12/2024", DEC_2),
    ("thứ hai ngày 02-12-2024", DEC_2),
    ("Thứ 2, ngày 02 tháng 12 năm 2024", DEC_2),
    ("T2 02/12/2024", DEC_2),
    ("T2, 02/12/2024 - T6, 27/12/2024", (D(2024, 12, 2), D(2024, 12, 27))),
    ("Từ thứ 2 ngày 02/12/2024 đến thứ 6 ngày 27/12/2024", (D(2024, 12, 2), D(2024, 12, 27))),
    ("Thứ năm ngày 05/12/2024", (D(2024, 12, 5), D(2024, 12, 5))),
    ("Thứ Bảy, 07/12/2024", (D(2024, 12, 7), D(2024, 12, 7))),
    ("CN 01/12/2024", (D(2024, 12, 1), D(2024, 12, 1))),
    ("Chủ nhật, ngày 01 tháng 12 năm 2024", (D(2024, 12, 1), D(2024, 12, 1))),
    ("Thứ 2 ngày 2/12/24", DEC_2),
])
def test_a_weekday_before_a_date_is_dropped(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text, period", [
    ("T2 - T12/2024", (D(2024, 2, 1), D(2024, 12, 31))),  # months, never a weekday
    ("T3/2024", (D(2024, 3, 1), D(2024, 3, 31))),
    ("T6 - T12/2024", (D(2024, 6, 1), D(2024, 12, 31))),
])
def test_a_month_written_t_and_its_number_stays_a_month(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", [
    "Hằng tuần", "Hàng tuần", "Hằng tháng", "Hằng quý", "Hằng ngày", "Mỗi tuần", "Mỗi tháng",
    "Định kỳ", "Định kỳ hằng tháng", "Thứ 7 hằng tuần", "Chủ nhật hằng tuần",
    "Các ngày thứ 2, thứ 6 hằng tuần", "Thứ 2 và thứ 5 hằng tuần", "Cuối tuần hằng tuần",
    "1 lần/tháng", "2 lần mỗi tuần", "Mỗi tháng một lần", "Hằng tuần 2 lần",
    "Thứ 7, 1 lần/tuần", "Định kỳ hằng tháng năm 2024", "Chủ nhật hằng tuần năm 2024",
])
def test_a_recurring_model_runs_all_the_report_year(text):
    assert parse_period(text, 2024) == YEAR


def test_a_recurring_model_with_another_year_is_of_that_year():
    assert parse_period("Hằng tháng năm 2023", 2024) == (D(2023, 1, 1), D(2023, 12, 31))
    assert parse_period("1 lần/tháng, năm 2024, 2025", 2024) == (D(2024, 1, 1), D(2025, 12, 31))


@pytest.mark.parametrize("text", [
    "Thứ 2",  # a weekday alone: no period
    "Thứ 7, chủ nhật",
    "Cuối tuần",
    "5 lần",  # how many times, not when
    "Hằng tuần",  # without a report year to read it in
])
def test_what_stays_unread(text):
    year = None if text == "Hằng tuần" else 2024
    assert parse_period(text, year) is None


def test_rows_with_such_periods_count(tmp_path, context):
    rows = regs(4)
    for row, text in zip(rows, ["Thứ 2 ngày 2/12/2024", "CN 01/12/2024", "Thứ 7 hằng tuần",
                                "1 lần/tháng"]):
        row[8] = text
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["period_start"].dt.date.tolist() == [
        D(2024, 12, 2), D(2024, 12, 1), D(2024, 1, 1), D(2024, 1, 1)]
