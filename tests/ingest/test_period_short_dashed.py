"""Dates of a two-digit year written with dashes (``05-03-24``: what Excel writes into a CSV
for a date cell formatted ``dd-mm-yy``, or such a cell typed as text) are read day first, of
20yy, as ``05/03/24`` and ``05.03.24`` were, in ``Thời gian thực hiện`` and in ``Từ ngày`` |
``Đến ngày`` (fresh tester's T141, T180, T190: every row rejected "Không đọc được 'Từ ngày'
'05-03-24'"). ``periods.short_years``; ``docs/contracts.md``, "Accepted values"."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.periodcheck import period_problem
from thidua.ingest.periods import parse_period, period_of_two, short_years

D = dt.date
MAR_NOV = (D(2024, 3, 5), D(2024, 11, 30))


@pytest.mark.parametrize(("text", "period"), [  # T141's cells
    ("05-03-24 - 30-11-24", MAR_NOV), ("01-01-24 - 31-12-24", (D(2024, 1, 1), D(2024, 12, 31))),
    ("05-03-24 đến 30-11-24", MAR_NOV), ("01-03-24", (D(2024, 3, 1), D(2024, 3, 1))),
    ("5-3-24 - 30-11-24", MAR_NOV), ("Từ 05-03-24 đến 30-11-24", MAR_NOV),
    ("01-06-24 - 31-12-24", (D(2024, 6, 1), D(2024, 12, 31))),
    ("15-01-24 - 15-12-24", (D(2024, 1, 15), D(2024, 12, 15))),
    ("05-03-24-30-11-24", MAR_NOV),  # two dates joined by a bare dash: the range's middle
    ("05-03-24 – 30-11-24", MAR_NOV), ("05/03/24 - 30-11-24", MAR_NOV),
])
def test_a_dashed_date_of_a_two_digit_year_is_read_day_first(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize(("text", "period"), [  # longer numbers are never cut into one
    ("2024-03-05", (D(2024, 3, 5), D(2024, 3, 5))), ("01-03-2024", (D(2024, 3, 1),) * 2),
    ("2024-03-05 - 2024-11-30", MAR_NOV), ("03-2024 - 11-2024", (D(2024, 3, 1), D(2024, 11, 30))),
    ("1-12/2024", (D(2024, 12, 1),) * 2),
])
def test_four_digit_years_keep_their_reading(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize(("text", "full"), [
    ("05-03-24", "05/03/2024"), ("05-03-24 - 30-11-24", "05/03/2024 - 30/11/2024"),
    ("05-03-24-30-11-24", "05/03/2024-30/11/2024"), ("31.12.24", "31/12/2024"),
    ("2024-03-05", "2024-03-05"), ("01-03-2024", "01-03-2024"), ("05 - 03 - 24", "05 - 03 - 24"),
    ("123-03-24", "123-03-24"),
])
def test_short_years(text, full):
    assert short_years(text) == full


def test_in_two_columns():
    assert period_of_two("05-03-24", "30-11-24", 2024) == ("05-03-24 - 30-11-24", *MAR_NOV)
    assert period_of_two("01-03-24", "", 2024)[1:] == (D(2024, 3, 1), D(2024, 3, 1))


def test_an_impossible_dashed_date_says_which_day():
    assert period_problem("31-02-24") == "ngày 31/02/2024 không có (tháng 02/2024 có 29 ngày)"
    assert parse_period("31-02-24", 2024) is None


def test_a_csv_of_dd_mm_yy_cells_in_two_columns_counts_its_rows(tmp_path, context):
    """T180: Excel's CSV of ``Từ ngày`` | ``Đến ngày`` date cells formatted ``dd-mm-yy``."""
    header = [*HEADER[:8], "Từ ngày", "Đến ngày", *HEADER[9:]]
    ends = [("05-03-24", "30-11-24"), ("01-01-24", "31-12-24"), ("05-03-23", "30-11-23")]
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], header]
    rows += [[*reg(i)[:8], a, b, *reg(i)[9:]] for i, (a, b) in enumerate(ends)]
    write_csv(tmp_path / "Q-HK_dk.csv", rows, encoding="utf-8-sig")
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.csv"), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 2, 1)
    assert result.registrations["period_start"].dt.date.tolist() == [D(2024, 3, 5), D(2024, 1, 1)]
    assert result.registrations["period_end"].dt.date.tolist() == [D(2024, 11, 30), D(2024, 12, 31)]
    assert result.rejections[["row", "column", "error"]].values.tolist() == [
        [6, "Từ ngày", "'Thời gian thực hiện' ('Từ ngày' – 'Đến ngày') '05-03-23 - 30-11-23' "
                       "không trùng với năm báo cáo 2024."]]
