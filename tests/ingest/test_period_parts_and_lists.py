"""Parts of a year and lists of dates in ``Thời gian thực hiện`` (fresh tester's T144, T207,
T210: each row rejected "Không đọc được 'Thời gian thực hiện'"): ``N tháng đầu/cuối năm`` for
any N from 1 to 12, ``Đầu năm đến nay`` (to the end of the report year, as ``… đến nay``
always is), a list of dates after a label (``Các buổi: 05/01/2024, 12/01/2024, …``) and dates
joined by spaced dashes: from the first to the last. ``periods._HALF``, ``_YEAR_START``,
``_LIST_LABEL``, ``_DASHED_LIST``; ``docs/contracts.md``, "Accepted values"."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.periods import parse_period

D = dt.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))
#: 52 Fridays of 2024, as the tester's T207 and T210 list them.
FRIDAYS = [D(2024, 1, 5) + dt.timedelta(weeks=w) for w in range(52)]


@pytest.mark.parametrize("n", range(1, 13))
def test_the_first_and_last_n_months_of_the_year(n):
    last_day = calendar.monthrange(2024, n)[1]
    assert parse_period(f"{n} tháng đầu năm", 2024) == (D(2024, 1, 1), D(2024, n, last_day))
    assert parse_period(f"{n} tháng cuối năm", 2024) == (D(2024, 13 - n, 1), D(2024, 12, 31))
    assert parse_period(f"{n} tháng đầu năm 2023") == (
        D(2023, 1, 1), D(2023, n, calendar.monthrange(2023, n)[1]))
    assert parse_period(f"{n} tháng đầu năm") is None  # no year without the report year


@pytest.mark.parametrize(("text", "period"), [
    ("Sáu tháng đầu năm", (D(2024, 1, 1), D(2024, 6, 30))),
    ("chín tháng đầu năm", (D(2024, 1, 1), D(2024, 9, 30))),
    ("Ba tháng cuối năm", (D(2024, 10, 1), D(2024, 12, 31))),
    ("Năm tháng đầu năm", (D(2024, 1, 1), D(2024, 5, 31))),  # ``năm``: five, then the year
    ("Mười hai tháng cuối năm", YEAR), ("Nửa cuối năm", (D(2024, 7, 1), D(2024, 12, 31))),
    ("09 tháng đầu năm 2024", (D(2024, 1, 1), D(2024, 9, 30))),
])
def test_the_months_in_words_or_with_a_zero(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", ["0 tháng đầu năm", "13 tháng đầu năm", "24 tháng cuối năm"])
def test_no_part_of_one_year_is_made_one(text):
    assert parse_period(text, 2024) is None


@pytest.mark.parametrize(("text", "period"), [
    ("Đầu năm đến nay", YEAR), ("Từ đầu năm đến nay", YEAR), ("từ đầu năm 2024 đến nay", YEAR),
    ("Đầu năm đến 30/6/2024", (D(2024, 1, 1), D(2024, 6, 30))),
    ("Đầu năm đến cuối năm", YEAR), ("Từ đầu năm đến hết năm", YEAR),
    ("Đầu năm 2023 đến cuối năm", (D(2023, 1, 1), D(2023, 12, 31))),
    ("Đầu năm 2023 đến nay", (D(2023, 1, 1), D(2024, 12, 31))),
])
def test_from_the_start_of_the_year(text, period):
    assert parse_period(text, 2024) == period


def test_from_the_start_of_the_year_to_now_needs_the_report_year():
    assert parse_period("Đầu năm đến nay") is None


@pytest.mark.parametrize(("text", "period"), [  # the neighbours, each pinned
    ("Quý I", (D(2024, 1, 1), D(2024, 3, 31))), ("Quý I-III", (D(2024, 1, 1), D(2024, 9, 30))),
    ("Quý I - III/2024", (D(2024, 1, 1), D(2024, 9, 30))),
    ("Quý II đến Quý IV", (D(2024, 4, 1), D(2024, 12, 31))),
    ("Cả năm", YEAR), ("Năm 2024", YEAR), ("Nửa đầu năm 2024", (D(2024, 1, 1), D(2024, 6, 30))),
    ("Tháng 3 đến tháng 9", (D(2024, 3, 1), D(2024, 9, 30))),
    ("Tháng 3 - 9", (D(2024, 3, 1), D(2024, 9, 30))),  # was 3 to 12: ``9`` read as 9 months
    ("T3 - 9/2024", (D(2024, 3, 1), D(2024, 9, 30))),
    ("3 - 12", YEAR),  # a length of time (test_period_kinds.py), no kind word before it
])
def test_neighbours(text, period):
    assert parse_period(text, 2024) == period


def test_a_list_of_dates_after_a_label():
    listed = ", ".join(f"{d:%d/%m/%Y}" for d in FRIDAYS)
    assert parse_period(f"Các buổi: {listed}", 2024) == (D(2024, 1, 5), D(2024, 12, 27))
    assert parse_period("Ngày: 05/01/2024; 12/01/2024") == (D(2024, 1, 5), D(2024, 1, 12))
    assert parse_period("Các đợt: 3/2024, 9/2024") == (D(2024, 3, 1), D(2024, 9, 30))


def test_another_column_s_label_is_never_read_as_the_period():
    assert parse_period("Ghi chú: 05/01/2024, 12/01/2024", 2024) is None


def test_dates_joined_by_spaced_dashes_are_a_list():
    joined = " - ".join(f"{d:%d/%m/%Y}" for d in FRIDAYS)
    assert len(joined) == 673  # as T210
    assert parse_period(joined, 2024) == (D(2024, 1, 5), D(2024, 12, 27))
    assert parse_period("01/2024 - 03/2024 - 06/2024") == (D(2024, 1, 1), D(2024, 6, 30))
    assert parse_period("05/01/2024 - 12/01/2024 - 19/01/2024") == (D(2024, 1, 5), D(2024, 1, 19))


@pytest.mark.parametrize("text", [
    "05/01/2024 - 12/01/2024 - họp", "05/01/2024 - Quý I - 19/01/2024", "05/01/2024 - 31/02/2024 - 19/01/2024",
])
def test_a_dashed_list_with_an_item_that_is_no_date_is_unread(text):
    assert parse_period(text, 2024) is None


def test_the_tester_s_cells_count(tmp_path, context):
    periods = ["6 tháng đầu năm", "6 tháng cuối năm", "6 tháng đầu năm 2024", "9 tháng đầu năm",
               "Cả năm", "Nửa cuối năm", "Quý I", "Đầu năm đến nay",  # T144
               "Các buổi: " + ", ".join(f"{d:%d/%m/%Y}" for d in FRIDAYS),  # T207
               " - ".join(f"{d:%d/%m/%Y}" for d in FRIDAYS),  # T210
               "9 tháng đầu năm 2023"]
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER]
    rows += [[*reg(i)[:8], p, *reg(i)[9:]] for i, p in enumerate(periods)]
    write_csv(tmp_path / "Q-HK_dk.csv", rows)
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.csv"), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 10, 1)
    assert result.registrations["period_end"].dt.date.tolist() == [
        D(2024, 6, 30), D(2024, 12, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31),
        D(2024, 12, 31), D(2024, 3, 31), D(2024, 12, 31), D(2024, 12, 27), D(2024, 12, 27)]
    assert result.rejections[["row", "error"]].values.tolist() == [
        [14, "'Thời gian thực hiện' '9 tháng đầu năm 2023' không trùng với năm báo cáo 2024."]]
