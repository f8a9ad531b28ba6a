"""Periods written every other way units write them (fresh tester J's J035, J036, J045, J046,
J101, J112): lengths of time and quarters without a year, two-digit years, the year first,
open ends, Roman months, school terms, placeholders and letters typed for digits. Each row
was rejected "Không đọc được 'Thời gian thực hiện' …" although ``Thời gian thực hiện`` is
optional and nothing in the cell names another year; a cell naming another year still does."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from thidua.ingest.normalise import normalise_rows
from thidua.ingest.periods import parse_period

D = dt.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))


@pytest.mark.parametrize(("text", "period"), [
    ("12 tháng", YEAR), ("12", YEAR), ("06 tháng", YEAR), ("1 năm", YEAR), ("365 ngày", YEAR),
    ("52 tuần", YEAR), ("10 tháng (3-12)", YEAR), ("3 - 12", YEAR),
    ("Quý 4", (D(2024, 10, 1), D(2024, 12, 31))), ("Quý IV", (D(2024, 10, 1), D(2024, 12, 31))),
    ("quý 2", (D(2024, 4, 1), D(2024, 6, 30))), ("Quý I - IV", YEAR),
])
def test_a_length_of_time_or_a_quarter_alone_is_of_the_report_year(text, period):
    assert parse_period(text, 2024) == period
    assert parse_period(text) is None  # no year without the report year


@pytest.mark.parametrize("text", [
    "13", "0", "2 năm", "tháng 3", "T12", "13 tháng", "400 ngày", "24", "Quý 5", "Lâu dài 5 năm", "2023",
])
def test_what_is_no_length_within_one_year_is_not_made_one(text):
    assert parse_period(text, 2024) != YEAR


@pytest.mark.parametrize(("text", "period"), [
    ("Quý I - Quý IV/2025", (D(2025, 1, 1), D(2025, 12, 31))),  # never Q1 of the report year
    ("Quý 4/2023", (D(2023, 10, 1), D(2023, 12, 31))),
    ("12 - 2023", (D(2023, 12, 1), D(2023, 12, 31))),
    ("2023", (D(2023, 1, 1), D(2023, 12, 31))),
    ("Từ năm 2020 đến nay", (D(2020, 1, 1), D(2024, 12, 31))),
])
def test_a_cell_naming_a_year_keeps_it(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize(("text", "period"), [
    ("1/24 - 12/24", YEAR), ("T3/24 - T12/24", (D(2024, 3, 1), D(2024, 12, 31))),
    ("01.24 - 12.24", YEAR), ("2024/01 - 2024/12", YEAR), ("2024-01 - 2024-12", YEAR),
    ("2024.03 - 2024.11", (D(2024, 3, 1), D(2024, 11, 30))),
    ("Tháng I - XII/2024", YEAR), ("Tháng III/2024", (D(2024, 3, 1), D(2024, 3, 31))),
    ("T IX/2024 - T XII/2024", (D(2024, 9, 1), D(2024, 12, 31))),
    ("HK II năm học 2023-2024", (D(2024, 1, 16), D(2024, 5, 31))),
    ("Học kỳ I năm học 2024-2025", (D(2024, 9, 1), D(2025, 1, 15))),
    ("HK1 NH 2024-2025", (D(2024, 9, 1), D(2025, 1, 15))),
    ("học kì 2 năm học 2024-2025", (D(2025, 1, 16), D(2025, 5, 31))),
    ("01/2O24 - 12/2O24", YEAR), ("0l/2024", (D(2024, 1, 1), D(2024, 1, 31))),
    ("O1/2024", (D(2024, 1, 1), D(2024, 1, 31))), ("l2/2024", (D(2024, 12, 1), D(2024, 12, 31))),
    ("01/01/2O24 - 3l/12/2024", YEAR),
])
def test_other_spellings_of_months_terms_and_years(text, period):
    assert parse_period(text) == period
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize(("text", "period"), [
    ("01/2024 - 01/03", None),  # ``01/03`` stays a day and month: no year to borrow
    ("01/03 - 30/11/2024", (D(2024, 3, 1), D(2024, 11, 30))),
    ("Quý I-IV năm 2024", YEAR), ("2023 - 2024", (D(2023, 1, 1), D(2024, 12, 31))),
    ("học kỳ 3 năm học 2024-2025", None), ("HK I năm học 2024-2026", None),
    ("hoc 2O24", None), ("lo 2024", None),
])
def test_look_alikes_that_keep_their_reading(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize(("text", "period"), [
    ("01/2024 -", YEAR), ("03/2024 đến", (D(2024, 3, 1), D(2024, 12, 31))),
    ("01/2023 -", (D(2023, 1, 1), D(2024, 12, 31))),  # going on from 2023: into the year
    ("01/2025 -", (D(2025, 1, 1), D(2025, 1, 31))),  # of another year: rejected so
    ("- 12/2024", (D(2024, 12, 1), D(2024, 12, 31))), ("– 31/12/2023", (D(2023, 12, 31),) * 2),
    # a start after ``từ`` is the same open end (W704, W708: ``test_period_starts.py``)
    ("2020 -", (D(2020, 1, 1), D(2024, 12, 31))), ("Từ năm 2020", (D(2020, 1, 1), D(2024, 12, 31))),
    ("Từ 01/2025", (D(2025, 1, 1), D(2025, 1, 31))),
])
def test_a_range_with_one_end_open(text, period):
    assert parse_period(text, 2024) == period


def test_an_open_end_waits_for_the_report_year():
    assert parse_period("01/2024 -") is None
    assert parse_period("2020 -") is None  # was the year 2020 alone, rejected so (W708)
    assert parse_period("Từ năm 2020") is None
    # an end that needs the report year reads it (a half year without its year)
    assert parse_period("6 tháng đầu năm -", 2024) == YEAR
    assert parse_period("- 6 tháng cuối năm", 2024) == (D(2024, 7, 1), D(2024, 12, 31))
    assert parse_period("6 tháng đầu năm -") is None


def test_placeholders_in_the_period_are_empty_and_only_there():
    cells = [0, "0", "x", "X", "N/A", "n/a", "Không", "chưa xác định", "Chưa có", "-", "12/2024"]
    raw = pd.DataFrame({"model": "Bữa cơm", "field": "Kinh tế", "type": "Tập thể",
                        "registrant": "CĐCS A", "period": cells, "result": "x",
                        "position": "Không"}, dtype=object)
    raw.index = pd.RangeIndex(7, 7 + len(cells), name="row")
    out = normalise_rows(raw)
    assert out["period"].isna().tolist() == [True] * 10 + [False]
    assert out.at[17, "period"] == "12/2024"
    assert out["period_start"].isna().tolist() == [True] * 10 + [False]
    assert out["position"].isna().all()  # says nothing there too (tester J's J140)
    assert set(out["result"]) == {"x"}


@pytest.mark.parametrize(("text", "period"), [
    ("45292", (D(2024, 1, 1),) * 2), ("36526", (D(2000, 1, 1),) * 2), ("36525", None),
    ("73050", (D(2099, 12, 31),) * 2), ("73050.0", (D(2099, 12, 31),) * 2), ("73051", None),
    ("45292 - 45657", YEAR),
])
def test_excel_s_day_number_typed_as_text_from_2000_to_2099(text, period):
    """In this process (the file-reading tests run it in the parsing worker)."""
    assert parse_period(text) == period
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize(("text", "year", "period"), [
    # a mail-merge's label before the period, each column's own
    ("Thời gian: 01/2024 - 12/2024", None, YEAR),
    ("Thời gian thực hiện: 03/2024", 2024, (D(2024, 3, 1), D(2024, 3, 31))),
    ("Từ ngày: 01/2024", None, (D(2024, 1, 1), D(2024, 1, 31))),
    ("Đến ngày: 12/2024", None, (D(2024, 12, 1), D(2024, 12, 31))),
    ("l2 tháng", 2024, YEAR),  # letters for digits, then of the report year
    ("Cả năm - 12/2024", 2024, YEAR),  # the first end of the report year, the last its own
    ("2024 - 06/2024", None, (D(2024, 1, 1), D(2024, 6, 30))),  # from the first's first day
    ("03/2024 (đang thực hiện)", 2024, (D(2024, 3, 1), D(2024, 3, 31))),  # a remark after
    ("HK I năm học 2024-2025 -", 2024, (D(2024, 9, 1), D(2024, 12, 31))),  # from its start
])
def test_each_way_a_period_is_read_in_this_process(text, year, period):
    assert parse_period(text, year) == period
