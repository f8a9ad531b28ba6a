"""Periods of ``Thời gian thực hiện`` (``spec/submission-form.md``, "The header row"), each
way of writing them and each limit just inside and just outside (issue 14: the mutation run
of :mod:`thidua.ingest.periods`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from thidua.ingest.periods import parse_period, period_of_two, serial_note, with_report_year

D = dt.date


@pytest.mark.parametrize("value, note", [
    ("73050", " (ô ngày của Excel: 31/12/2099)"), ("73051", ""),     # the last day kept
    (" 44927 ", " (ô ngày của Excel: 01/01/2023)"), ("44927.00", " (ô ngày của Excel: 01/01/2023)"),
    ("44927.5", ""), ("4492", ""), ("a44927", ""),
])
def test_an_excel_day_number_is_named_only_within_2000_to_2099(value, note):
    assert serial_note(value) == note


@pytest.mark.parametrize("value, expected", [
    (36526, (D(2000, 1, 1), D(2000, 1, 1))), (36525, None),
    (73050, (D(2099, 12, 31), D(2099, 12, 31))), (73051, None),
    ("73050", (D(2099, 12, 31), D(2099, 12, 31))), ("36525", None),
    # a five-digit number outside those years is no date (it recursed without end before)
    ("12345", None), (10000.0, None), ("99999.0", None),
    (dt.datetime(2024, 3, 5, 17, 30), (D(2024, 3, 5), D(2024, 3, 5))),
    (D(2024, 3, 5), (D(2024, 3, 5), D(2024, 3, 5))),
])
def test_date_cells_and_their_day_numbers(value, expected):
    assert parse_period(value) == expected


@pytest.mark.parametrize("value, expected", [
    # each separator between the two ends
    ("01/2024 — 03/2024", (D(2024, 1, 1), D(2024, 3, 31))),
    ("01/2024 ~ 03/2024", (D(2024, 1, 1), D(2024, 3, 31))),
    ("01/2024 tới 03/2024", (D(2024, 1, 1), D(2024, 3, 31))),
    ("01/2024 đến hết 03/2024", (D(2024, 1, 1), D(2024, 3, 31))),
    ("Kể từ 01/2024 đến 03/2024", (D(2024, 1, 1), D(2024, 3, 31))),
    ("Bắt đầu từ 02/2024 đến 03/2024", (D(2024, 2, 1), D(2024, 3, 31))),
    # one point after ``từ`` is from then on, to the end of the report year: without it, it
    # waits for it, as ``02/2024 -`` does (W704, W708; was February 2024 alone:
    # ``test_period_starts.py``)
    ("Bắt đầu từ 02/2024", None),
    # a day, month, quarter, half year, year: first and last day of each
    ("5.3.2024", (D(2024, 3, 5), D(2024, 3, 5))),
    ("5 / 3 / 2024.", (D(2024, 3, 5), D(2024, 3, 5))),
    ("12/2023", (D(2023, 12, 1), D(2023, 12, 31))),
    ("11/2024", (D(2024, 11, 1), D(2024, 11, 30))),
    ("Tháng 2/2023", (D(2023, 2, 1), D(2023, 2, 28))),
    ("Ngày 5/3/2024", (D(2024, 3, 5), D(2024, 3, 5))),
    ("Q4/2024", (D(2024, 10, 1), D(2024, 12, 31))),
    ("Quý III/2024", (D(2024, 7, 1), D(2024, 9, 30))),
    ("Quý 1 - 2024", (D(2024, 1, 1), D(2024, 3, 31))),
    ("Sáu tháng đầu năm 2024", (D(2024, 1, 1), D(2024, 6, 30))),
    ("Nửa cuối 2024", (D(2024, 7, 1), D(2024, 12, 31))),
    ("2023", (D(2023, 1, 1), D(2023, 12, 31))),
    ("2024 - 03 - 05", (D(2024, 3, 5), D(2024, 3, 5))),
    ("Năm học 2024/2025", (D(2024, 9, 1), D(2025, 8, 31))),
    # the two ends
    ("01/03/2024 - 01/03/2024", (D(2024, 3, 1), D(2024, 3, 1))),   # the same day: kept
    ("02/03/2024 - 01/03/2024", None),                             # reversed by one day
    ("Quý II - Quý IV/2024", (D(2024, 4, 1), D(2024, 12, 31))),
    ("Quý II-IV 2024", (D(2024, 4, 1), D(2024, 12, 31))),
    ("T3 - 5/2024", (D(2024, 3, 1), D(2024, 5, 31))),
    ("01/03 - 2024", (D(2024, 3, 1), D(2024, 3, 1))),              # one date, spaced separators
    # a first end holding its own year never borrows the second's: ``nh 2023/2024`` would
    # read as the school year 2023-2024
    ("Năm học 2023 - 12/2024", None), ("NH 2023 đến 31/12/2024", None),
    ("03/2024 - xyz", None), ("xyz - 03/2024", None), ("", None), (None, None),
])
def test_each_way_of_writing_a_period(value, expected):
    assert parse_period(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("Cả năm nay", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Năm nay", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Hiện nay", (D(2024, 12, 31), D(2024, 12, 31))),
    ("Từ 3/2024 đến hiện tại", (D(2024, 3, 1), D(2024, 12, 31))),
    ("Nửa đầu năm", (D(2024, 1, 1), D(2024, 6, 30))),
    ("6 tháng cuối năm 2023", (D(2023, 7, 1), D(2023, 12, 31))),   # its own year wins
])
def test_words_read_in_the_report_year(value, expected):
    assert parse_period(value, 2024) == expected
    assert parse_period(value, None) == (expected if "2023" in value else None)


def test_an_impossible_day_in_a_range_or_a_month_of_a_range_is_no_period():
    assert parse_period("30/02/2024 - 31/03/2024") is None
    assert parse_period("01/2024 - 13/2024") is None
    assert parse_period("2024-02-30") is None


# --- the report year for periods without one, and a period in two columns -------------------
def test_periods_without_a_year_take_the_report_year_only_where_unread():
    raw = pd.DataFrame({"period": ["Cả năm", "03/2023", "", "6 tháng đầu năm", "xyz"]},
                       index=[7, 8, 9, 10, 11], dtype=object)
    nat = pd.NaT
    rows = pd.DataFrame({"period_start": [nat, pd.Timestamp("2023-03-01"), nat, nat, nat],
                         "period_end": [nat, pd.Timestamp("2023-03-31"), nat, nat, nat]},
                        index=raw.index)
    out = with_report_year(rows, raw, 2024)
    assert out["period_start"].tolist()[:2] == [pd.Timestamp("2024-01-01"),
                                                pd.Timestamp("2023-03-01")]
    assert out["period_end"].tolist()[:2] == [pd.Timestamp("2024-12-31"),
                                              pd.Timestamp("2023-03-31")]
    assert out.at[10, "period_end"] == pd.Timestamp("2024-06-30")
    assert out[["period_start", "period_end"]].loc[[9, 11]].isna().all().all()
    assert rows["period_start"].isna().sum() == 4  # the caller's rows are left as they were


def test_with_the_report_year_rows_without_a_period_column_or_nothing_to_read_are_kept():
    rows = pd.DataFrame({"period_start": [pd.NaT], "period_end": [pd.NaT]}, index=[7])
    assert with_report_year(rows, pd.DataFrame({"model": ["A"]}, index=[7]), 2024) is rows
    assert with_report_year(rows, pd.DataFrame({"period": ["  "]}, index=[7]), 2024) is rows
    empty = rows.iloc[:0]
    assert with_report_year(empty, pd.DataFrame({"period": []}), 2024) is empty


@pytest.mark.parametrize("first, last, expected", [
    ("01/03/2024", "30/11/2024", ("01/03/2024 - 30/11/2024", D(2024, 3, 1), D(2024, 11, 30))),
    ("03/2024", "11/2024", ("03/2024 - 11/2024", D(2024, 3, 1), D(2024, 11, 30))),
    (dt.datetime(2024, 3, 1), None, ("01/03/2024", D(2024, 3, 1), D(2024, 3, 1))),
    ("", "2024", ("2024", D(2024, 1, 1), D(2024, 12, 31))),
    ("2024", " ", ("2024", D(2024, 1, 1), D(2024, 12, 31))),
    ("11/2024", "03/2024", ("11/2024 - 03/2024", D(2024, 11, 1), D(2024, 3, 31))),  # kept
    ("xyz", "03/2024", ("xyz - 03/2024", None, None)),
    ("03/2024", "xyz", ("03/2024 - xyz", None, None)),
])
def test_a_period_in_two_columns(first, last, expected):
    assert period_of_two(first, last) == expected


def test_two_empty_period_columns_are_no_period():
    text, start, end = period_of_two(None, "")
    assert text is pd.NA and (start, end) == (None, None)


@pytest.mark.parametrize("first, last, year, expected", [
    # fresh tester F's 126: ``01/09/2023`` | ``đến nay`` was rejected, the same in one cell read
    ("01/09/2023", "đến nay", 2024, ("01/09/2023 - đến nay", D(2023, 9, 1), D(2024, 12, 31))),
    ("01/09/2023", "Đến nay", 2024, ("01/09/2023 - Đến nay", D(2023, 9, 1), D(2024, 12, 31))),
    ("09/2023", "hiện nay", 2024, ("09/2023 - hiện nay", D(2023, 9, 1), D(2024, 12, 31))),
    ("09/2023", "tới nay", 2025, ("09/2023 - tới nay", D(2023, 9, 1), D(2025, 12, 31))),
    ("01/2024", "đến 12/2024", None, ("01/2024 - đến 12/2024", D(2024, 1, 1), D(2024, 12, 31))),
    ("01/09/2023", "đến nay", None, ("01/09/2023 - đến nay", None, None)),  # no year: unread
    ("01/09/2023", "đến khi xong", 2024, ("01/09/2023 - đến khi xong", None, None)),
])
def test_the_second_column_saying_to_now(first, last, year, expected):
    assert period_of_two(first, last, year) == expected


def test_a_two_column_period_to_now_is_read_with_the_report_year():
    rows = pd.DataFrame({"period_start": [pd.NaT, pd.Timestamp(2024, 1, 1)],
                         "period_end": [pd.NaT, pd.Timestamp(2024, 12, 31)]})
    raw = pd.DataFrame({"period_from": ["01/09/2023", "01/2024"],
                        "period_to": ["đến nay", "12/2024"]})
    out = with_report_year(rows, raw, 2024)
    assert out["period_start"].tolist() == [pd.Timestamp(2023, 9, 1), pd.Timestamp(2024, 1, 1)]
    assert out["period_end"].tolist() == [pd.Timestamp(2024, 12, 31), pd.Timestamp(2024, 12, 31)]
    only_to = with_report_year(rows, raw[["period_to"]].assign(period_to=["nay", ""]), 2024)
    assert only_to["period_end"].tolist()[0] == pd.Timestamp(2024, 12, 31)
