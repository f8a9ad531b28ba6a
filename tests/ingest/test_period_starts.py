"""Periods that say from when a model runs, days of one month, and periods naming the plan
they follow (fresh tester W's W704, W705, W707, W708, W709; ``docs/contracts.md``, "Periods
from a start, days of one month, plans named"):

* ``Từ năm 2020``, ``Duy trì từ 2018``, ``Từ tháng 5/2023``: a range whose end is not written,
  from that start to the end of the report year, as ``01/2024 -`` is (each such row was
  rejected "không trùng với năm báo cáo 2024"); a start after the report year stays that
  point (rejected so); ``Duy trì từ 2021 đến 2024`` is a range (it was unread);
* ``20-26/5/2024``: days 20 to 26 of May (unread; ``1-15/10/2024`` was 01/01–15/10/2024, its
  first day read as a month, and the column was told it was written month first);
* ``Theo KH số 05/KH-CĐCS ngày 10/01/2024``: the document's number is no date, the day it was
  signed no period (each row unread); the period is the one the cell also states, else the
  year the document was signed, else the report year, told.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from corpus_rows import HEADER, reg
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.periodcheck import period_problem
from thidua.ingest.periods import (day_of_range, documents_dropped, documents_only, parse_period,
                                   range_splits, since_dropped)
from thidua.ingest.periodswap import turned
from thidua.ingest.plandocs import document_hint, document_note
from thidua.ingest.usdates import month_first, read_day_first

D = dt.date
YEAR = (D(2024, 1, 1), D(2024, 12, 31))
END = D(2024, 12, 31)


# --- 1. from a start, the end not written (W704, W708) ----------------------------------------


@pytest.mark.parametrize("text, start", [
    # the tester's cells
    ("Từ năm 2020", D(2020, 1, 1)), ("Từ 2021", D(2021, 1, 1)),
    ("Từ tháng 5/2023", D(2023, 5, 1)), ("Bắt đầu từ năm 2022", D(2022, 1, 1)),
    ("Triển khai từ 2019", D(2019, 1, 1)), ("Duy trì từ 2018", D(2018, 1, 1)),
    ("Từ năm 2015 (duy trì hằng năm)", D(2015, 1, 1)), ("Duy trì từ năm 2020", D(2020, 1, 1)),
    ("Từ 2023", D(2023, 1, 1)),
    # other verbs before ``từ``, ``kể từ``, ``bắt đầu`` alone
    ("Thực hiện từ 2020", D(2020, 1, 1)), ("Áp dụng từ 01/2022", D(2022, 1, 1)),
    ("Khởi động từ năm 2021", D(2021, 1, 1)), ("Tổ chức từ năm 2022", D(2022, 1, 1)),
    ("Vận hành từ 2023", D(2023, 1, 1)), ("Hoạt động từ 2017", D(2017, 1, 1)),
    ("Tính từ 2020", D(2020, 1, 1)), ("Kể từ năm 2019", D(2019, 1, 1)),
    ("Duy trì kể từ 2019", D(2019, 1, 1)), ("Bắt đầu 2022", D(2022, 1, 1)),
    # each kind of point after it
    ("Từ T5/2023", D(2023, 5, 1)), ("từ 5/2023", D(2023, 5, 1)),
    ("Từ ngày 15/03/2023", D(2023, 3, 15)), ("Từ 15 tháng 3 năm 2023", D(2023, 3, 15)),
    ("Từ tháng 3 năm 2023", D(2023, 3, 1)), ("Từ quý II/2023", D(2023, 4, 1)),
    ("Từ đầu năm 2020", D(2020, 1, 1)), ("Từ 2024", D(2024, 1, 1)),
    ("Từ 01/2024", D(2024, 1, 1)), ("Từ tháng 3", D(2024, 3, 1)),  # no year: the report year's
    ("Từ đầu năm", D(2024, 1, 1)),
    # written every way
    ("TỪ NĂM 2020", D(2020, 1, 1)), ("Tu nam 2020", D(2020, 1, 1)),
    ("  Từ   năm 2020 ", D(2020, 1, 1)), ("Từ năm 2020 (đang thực hiện)", D(2020, 1, 1)),
    ("Từ năm 2.020", D(2020, 1, 1)), ("Từ 05/2O23", D(2023, 5, 1)),  # letters for digits
])
def test_a_start_runs_to_the_end_of_the_report_year(text, start):
    assert parse_period(text, 2024) == (start, END)


@pytest.mark.parametrize("text", [
    "Từ năm 2020", "Từ tháng 5/2023", "Duy trì từ 2018", "Bắt đầu từ 02/2024", "Từ 2024",
    "2020 -",  # an open end waits too (it was read as the year 2020 alone, rejected so)
])
def test_without_the_report_year_a_start_waits_for_it(text):
    """As ``01/2024 -`` and ``Từ năm 2020 đến nay`` do (``test_period_kinds.py``): the
    normaliser's first reading has no report year, and the validation reads it again with
    the year (``with_report_year``)."""
    assert parse_period(text) is None


@pytest.mark.parametrize("written, start", [
    ("01/2024", D(2024, 1, 1)), ("năm 2020", D(2020, 1, 1)), ("tháng 5/2023", D(2023, 5, 1)),
    ("Quý IV/2023", D(2023, 10, 1)), ("15/03/2023", D(2023, 3, 15)), ("01/2025", D(2025, 1, 1)),
])
@pytest.mark.parametrize("year", [None, 2024, 2025])
def test_from_a_point_is_the_point_left_open(written, start, year):
    assert parse_period(f"Từ {written}", year) == parse_period(f"{written} -", year)


@pytest.mark.parametrize("text, period", [
    ("Từ năm 2025", (D(2025, 1, 1), D(2025, 12, 31))),  # after the report year: its own
    ("Từ 01/2025", (D(2025, 1, 1), D(2025, 1, 31))),
    ("Duy trì từ 2026", (D(2026, 1, 1), D(2026, 12, 31))),
])
def test_a_start_after_the_report_year_is_that_point(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text, period", [
    ("Duy trì từ 2021 đến 2024", (D(2021, 1, 1), END)),  # was unread
    ("Triển khai từ 2019 - 2024", (D(2019, 1, 1), END)),
    ("Thực hiện từ 01/2024 đến 06/2024", (D(2024, 1, 1), D(2024, 6, 30))),
    ("Áp dụng từ 03/2024 đến hết năm", (D(2024, 3, 1), END)),
    ("Từ năm 2020 đến 2022", (D(2020, 1, 1), D(2022, 12, 31))),  # closed, before: its own
    ("từ năm 2020 đến nay", (D(2020, 1, 1), END)), ("2020 - nay", (D(2020, 1, 1), END)),
    ("từ 2020 tới nay", (D(2020, 1, 1), END)), ("Duy trì từ 2018 đến nay", (D(2018, 1, 1), END)),
    ("2020 -", (D(2020, 1, 1), END)), ("Từ 1 - 12/2024", YEAR),  # months 1 to 12
    ("Từ 20-26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),
])
def test_a_range_after_the_words_is_read_as_written(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", [
    "Tiếp tục từ năm 2024",  # going on from before: asked (``test_period_words.py``)
    "Từ 30/02/2023", "Từ 13/2023", "Từ xyz", "Từ", "Tự quản 2024 abc",
])
def test_what_stays_unread(text):
    assert parse_period(text, 2024) is None


@pytest.mark.parametrize("first, kept", [
    ("Từ 12/2024", "12/2024"), ("Duy trì từ 2021", "2021"), ("tu nam 2020", "nam 2020"),
    ("Bắt đầu từ ngày 05/03/2024", "ngày 05/03/2024"), ("Từ", "Từ"), ("12/2024", "12/2024"),
    ("Tiếp tục từ 2021", "Tiếp tục từ 2021"),
])
def test_a_range_s_first_end_is_read_without_the_words(first, kept):
    assert since_dropped(first) == kept


def test_range_splits_give_the_first_end_without_the_words():
    assert range_splits("Từ 12/2024 đến 01/2024") == [("12/2024", "01/2024")]
    assert range_splits("Duy trì từ 2021 - 2024") == [("2021", "2024")]


def test_a_range_from_a_start_written_backwards_is_turned_and_told_why():
    # the first end was read with its ``Từ`` dropped: the swap and the message see it too
    assert turned("Từ 12/2024 đến 01/2024") == "01/2024 - 12/2024"
    assert period_problem("Từ 12/2024 đến 01/2024") == (
        "tháng kết thúc (01/2024) trước tháng bắt đầu (12/2024)")


# --- 2. days of one month (W705, W709) -----------------------------------------------------


@pytest.mark.parametrize("text, period", [
    ("20-26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("20 - 26/05/2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("28-31/12/2024", (D(2024, 12, 28), D(2024, 12, 31))),
    ("20–26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),  # an en dash
    ("20—26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("ngày 20-26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("Tuần lễ 20-26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("Tuần 20-26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("20 đến 26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("20-26.5.2024", (D(2024, 5, 20), D(2024, 5, 26))),
    ("20-26/5/24", (D(2024, 5, 20), D(2024, 5, 26))),  # a two-digit year
    ("20-20/5/2024", (D(2024, 5, 20), D(2024, 5, 20))),  # one day
    ("1-15/10/2024", (D(2024, 10, 1), D(2024, 10, 15))),  # was 01/01/2024 - 15/10/2024
    ("3-5/10/2024", (D(2024, 10, 3), D(2024, 10, 5))),  # was 01/03/2024 - 05/10/2024
    ("Ngày 1, 2/9/2024", (D(2024, 9, 1), D(2024, 9, 2))),  # a list: was 01/01 - 02/09
    ("Ngày 1, 2, 3/9/2024", (D(2024, 9, 1), D(2024, 9, 3))),
    # across months, and what kept its reading
    ("28/5-3/6/2024", (D(2024, 5, 28), D(2024, 6, 3))),
    ("28/5 - 3/6/2024", (D(2024, 5, 28), D(2024, 6, 3))),
    ("30/12/2024-2/1/2025", (D(2024, 12, 30), D(2025, 1, 2))),
    ("10-12/2024", (D(2024, 12, 10), D(2024, 12, 10))),  # no spaces: the date 10/12/2024
    ("1 - 12/2024", YEAR),  # spaced, a month: months 1 to 12
    ("T3 - 5/2024", (D(2024, 3, 1), D(2024, 5, 31))),  # a month word: months 3 to 5
])
def test_days_of_one_month(text, period):
    assert parse_period(text, 2024) == period
    assert parse_period(text) == period  # none needs the report year


@pytest.mark.parametrize("text", ["26-20/5/2024", "30-31/2/2024", "32-3/5/2024", "0-3/5/2024",
                                  "Tuần 1/2024 - x"])
def test_an_impossible_day_range_is_unread(text):
    assert parse_period(text, 2024) is None


@pytest.mark.parametrize("text, problem", [
    ("26-20/5/2024", "ngày kết thúc (20/5/2024) trước ngày bắt đầu (26/5/2024)"),
    ("ngày 26-20/5/2024", "ngày kết thúc (20/5/2024) trước ngày bắt đầu (26/5/2024)"),
    ("30-31/2/2024", "ngày 31/02/2024 không có (tháng 02/2024 có 29 ngày)"),
    ("30-29/2/2024", "ngày 30/02/2024 không có (tháng 02/2024 có 29 ngày)"),
    ("32-3/5/2024", "ngày 32/05/2024 không có (tháng 05/2024 có 31 ngày)"),
    ("20-26/5/2024", None),
])
def test_an_impossible_day_range_says_why(text, problem):
    assert period_problem(text) == problem


@pytest.mark.parametrize("first, last, day", [
    ("20", "26/5/2024", "20/5/2024"), ("ngay 1", "2/9/2024", "1/9/2024"),
    ("20 ", " 26.05.2024", "20/05/2024"), ("t3", "5/2024", None), ("20", "5/2024", None),
    ("2023", "26/5/2024", None), ("20", "126/5/2024", None),
])
def test_a_day_alone_takes_the_month_and_year_of_the_whole_date(first, last, day):
    assert day_of_range(first, last) == day


def test_a_day_range_is_no_date_written_month_first():
    """``1-15/10/2024`` held the "date" ``1-15/10`` (month 1, day 15, year 10): its column was
    read month first and told so (W709)."""
    assert month_first(pd.Series(["1-15/10/2024", "3-5/10/2024"], dtype=object)) is False
    data = pd.DataFrame({"period": ["1-15/10/2024", "20-26/5/2024", "Ngày 1, 2/9/2024"]},
                        index=pd.RangeIndex(8, 11))
    assert read_day_first(data) == (data, None)
    us = pd.DataFrame({"period": ["3/15/24 - 11/30/24", "1-15/10/2024"]})  # still told
    assert read_day_first(us)[1] is not None


# --- 3. the plan or decision a period follows (W707) ----------------------------------------


@pytest.mark.parametrize("text, period", [
    ("Theo KH số 05/KH-CĐCS ngày 10/01/2024", YEAR),  # the year it was signed
    ("Theo Kế hoạch 12/KH-LĐLĐ ngày 05/02/2024", YEAR),
    ("Năm 2024 (KH 01/KH ngày 02/01/2024)", YEAR),
    ("Từ 01/2024 theo QĐ 15/QĐ-CĐ", YEAR),  # from 01/2024 on
    ("Theo KH 05/KH-CĐCS", YEAR),  # no day: the report year
    ("Năm 2024 theo Nghị quyết số 08-NQ/TU", YEAR),
    ("Theo KH 12/KH-LĐLĐ", YEAR),  # never December
    ("Quý II/2024 theo Kế hoạch số 15/KH-CĐ", (D(2024, 4, 1), D(2024, 6, 30))),
    ("01/03/2024 - 30/11/2024 (theo QĐ số 15/2024/QĐ-UBND)", (D(2024, 3, 1), D(2024, 11, 30))),
    ("Thực hiện theo Kế hoạch số 05 ngày 10 tháng 1 năm 2024", YEAR),
    ("Căn cứ Quyết định 15/QĐ-LĐLĐ ngày 10/01/2024", YEAR),
    ("Tháng 5/2024, theo CV 20/CV-CĐ", (D(2024, 5, 1), D(2024, 5, 31))),
    ("Theo KH số 05/KH-CĐCS ngày 10/12/2023", (D(2023, 1, 1), D(2023, 12, 31))),  # signed then
    ("Năm 2023 theo KH 05/KH", (D(2023, 1, 1), D(2023, 12, 31))),
])
def test_a_period_naming_its_plan(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", ["Theo KH 05/KH-CĐCS", "Từ 01/2024 theo QĐ 15/QĐ-CĐ"])
def test_a_plan_without_its_day_waits_for_the_report_year(text):
    assert parse_period(text) is None


@pytest.mark.parametrize("text", [
    "Theo KH số 05/KH ngày 10/01/2023, KH số 06/KH ngày 05/01/2024",  # signed in two years
    "Theo KH 05/KH-CĐCS, hoàn thành tốt",  # other words: no period named
])
def test_a_plan_with_no_one_period_is_unread(text):
    assert parse_period(text, 2024) is None


@pytest.mark.parametrize("key, rest", [
    ("theo kh so 05/kh-cdcs ngay 10/01/2024", ("nam 2024", True)),
    ("nam 2024 (kh 01/kh ngay 02/01/2024)", ("nam 2024", True)),
    ("tu 01/2024 theo qd 15/qd-cd", ("tu 01/2024", True)),
    ("nam 2024 theo nghi quyet so 08-nq/tu", ("nam 2024", True)),
    ("theo kh 05/kh-cdcs", ("ca nam", True)),
    ("01/2024 - 12/2024", ("01/2024 - 12/2024", False)),
    ("q1-q4/2024", ("q1-q4/2024", False)),  # no document's kind before: no number
    ("t3 - 12/2024", ("t3 - 12/2024", False)),
    ("kh 2024", ("kh 2024", False)),  # figures alone need ``số``
])
def test_a_document_s_number_and_day_are_dropped(key, rest):
    assert documents_dropped(key) == rest


def test_only_documents():
    assert documents_only("theo kh so 05/kh-cdcs ngay 10/01/2024")
    assert not documents_only("nam 2024 theo kh 05/kh")
    assert not documents_only("01/2024")


def test_a_document_s_number_is_never_an_impossible_month():
    # ``15/2024`` of ``15/2024/QĐ-UBND`` was told "tháng 15/2024 không có"
    assert period_problem("Theo QĐ 15/2024/QĐ-UBND, hoàn thành tốt") is None
    assert period_problem("Theo QĐ 15/2024/QĐ-UBND ngày 31/02/2024") is None  # no period


def test_the_note_names_the_rows_read_with_their_plan():
    data = pd.DataFrame({"period": ["Theo KH số 05/KH-CĐCS ngày 10/01/2024", "01/2024 - 12/2024",
                                    "Theo KH 05/KH-CĐCS", "Theo KH số 05/KH ngày 10/12/2023",
                                    None, 45292.0]}, index=pd.RangeIndex(8, 14))
    assert document_note(data, None, 2024) == (
        "Cột 'Thời gian thực hiện' ghi kèm văn bản (kế hoạch, quyết định, nghị quyết…) ở dòng "
        "8, 10: số hiệu và ngày ký văn bản không phải thời gian thực hiện; đã đọc thời gian ghi "
        "kèm, hoặc, khi ô chỉ ghi văn bản, cả năm ký văn bản (văn bản không ghi ngày: năm báo "
        "cáo) (ví dụ 'Theo KH số 05/KH-CĐCS ngày 10/01/2024' là 01/01/2024 - 31/12/2024). Nếu "
        "cần, đề nghị ghi rõ thời gian thực hiện dd/mm/yyyy - dd/mm/yyyy và ghi văn bản ở cột "
        "'Ghi chú'.")
    assert document_note(data.iloc[1:2], None, 2024) is None
    assert document_note(pd.DataFrame({"model": ["x"]}), None, 2024) is None
    assert document_note(data.iloc[:1], "Thời gian", 2024).startswith("Cột 'Thời gian' ghi kèm")


def test_the_note_names_a_plan_s_period_running_into_the_next_year():
    """Mutation review: a period from the report year into the next one overlaps it."""
    data = pd.DataFrame({"period": ["Từ 09/2024 đến 05/2025 theo KH số 05/KH-CĐCS",
                                    "Từ 09/2023 đến 05/2024 theo KH số 06/KH-CĐCS",
                                    "Từ 01/2025 đến 05/2025 theo KH số 07/KH-CĐCS"]},
                        index=pd.RangeIndex(8, 11))
    note = document_note(data, None, 2024)
    assert " ở dòng 8, 9: " in note
    assert "là 01/09/2024 - 31/05/2025)" in note


def test_the_hint_of_a_plan_signed_in_another_year():
    assert document_hint("Theo KH số 05/KH ngày 10/12/2023", 2024) == (
        " Ô chỉ ghi văn bản: đã hiểu thời gian là năm ký văn bản (2023); nếu mô hình thực hiện "
        "trong năm 2024, đề nghị ghi rõ thời gian thực hiện (dd/mm/yyyy - dd/mm/yyyy).")
    assert document_hint("Năm 2023 theo KH 05/KH", 2024) == ""  # the period is written
    assert document_hint("2023", 2024) == "" and document_hint(None, 2024) == ""


# --- every rule in a unit's file ----------------------------------------------------------


def _read(tmp_path, context, periods: list[str]):
    rows = [reg(i, period=p) for i, p in enumerate(periods)]
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    return ingest_file(input_file(path), context)


def test_a_unit_s_starts_count(tmp_path, context):
    """W708's eight cells, each was rejected "không trùng với năm báo cáo 2024"."""
    cells = ["Từ năm 2020", "Từ 2021", "Từ tháng 5/2023", "Bắt đầu từ năm 2022",
             "Triển khai từ 2019", "Duy trì từ 2018", "Từ năm 2015 (duy trì hằng năm)", "Từ 2023"]
    result = _read(tmp_path, context, cells)
    assert result.rows == {"read": 8, "valid": 8, "rejected": 0, "ignored": 0}
    assert result.registrations["period_start"].dt.date.tolist() == [
        D(2020, 1, 1), D(2021, 1, 1), D(2023, 5, 1), D(2022, 1, 1), D(2019, 1, 1),
        D(2018, 1, 1), D(2015, 1, 1), D(2023, 1, 1)]
    assert set(result.registrations["period_end"].dt.date) == {END}
    assert result.registrations["period"].tolist() == cells  # quoted as written


def test_a_unit_s_days_and_plans_count_and_the_unit_is_told(tmp_path, context):
    cells = ["20-26/5/2024", "Tuần lễ 20-26/5/2024", "1-15/10/2024", "Ngày 1, 2/9/2024",
             "Theo KH số 05/KH-CĐCS ngày 10/01/2024", "Từ 01/2024 theo QĐ 15/QĐ-CĐ",
             "Theo KH 05/KH-CĐCS", "2020 -", "Duy trì từ 2021 đến 2024"]
    result = _read(tmp_path, context, cells)
    assert result.rows == {"read": 9, "valid": 9, "rejected": 0, "ignored": 0}
    reg_ = result.registrations
    assert list(zip(reg_["period_start"].dt.date, reg_["period_end"].dt.date)) == [
        (D(2024, 5, 20), D(2024, 5, 26)), (D(2024, 5, 20), D(2024, 5, 26)),
        (D(2024, 10, 1), D(2024, 10, 15)), (D(2024, 9, 1), D(2024, 9, 2)), YEAR, YEAR, YEAR,
        (D(2020, 1, 1), END), (D(2021, 1, 1), END)]
    told = [n for n in result.notes if "văn bản" in n]
    assert len(told) == 1 and "ở dòng 8, 9, 10:" in told[0]
    assert not any("tháng/ngày/năm" in n for n in result.notes)  # no month first (W709)


def test_what_is_still_rejected_says_why(tmp_path, context):
    result = _read(tmp_path, context, ["Từ năm 2025", "Từ năm 2020 đến 2022", "26-20/5/2024",
                                       "30-31/2/2024", "Theo KH số 05/KH ngày 10/12/2023",
                                       "01/2024 - 12/2024"])
    assert result.rows == {"read": 6, "valid": 1, "rejected": 5, "ignored": 0}
    assert result.rejections["error"].tolist() == [
        "'Thời gian thực hiện' 'Từ năm 2025' không trùng với năm báo cáo 2024.",
        "'Thời gian thực hiện' 'Từ năm 2020 đến 2022' không trùng với năm báo cáo 2024.",
        "'Thời gian thực hiện' '26-20/5/2024': ngày kết thúc (20/5/2024) trước ngày bắt đầu "
        "(26/5/2024); đề nghị sửa lại.",
        "'Thời gian thực hiện' '30-31/2/2024': ngày 31/02/2024 không có (tháng 02/2024 có 29 "
        "ngày); đề nghị sửa lại.",
        "'Thời gian thực hiện' 'Theo KH số 05/KH ngày 10/12/2023' không trùng với năm báo cáo "
        "2024. Ô chỉ ghi văn bản: đã hiểu thời gian là năm ký văn bản (2023); nếu mô hình thực "
        "hiện trong năm 2024, đề nghị ghi rõ thời gian thực hiện (dd/mm/yyyy - dd/mm/yyyy)."]


@pytest.mark.parametrize("value, period", [
    ("Từ 2020 cho đến nay", (dt.date(2020, 1, 1), dt.date(2024, 12, 31))),  # Z030, Z039
    ("Từ 2019 cho tới nay", (dt.date(2019, 1, 1), dt.date(2024, 12, 31))),
    ("Duy trì từ 2018 cho đến nay", (dt.date(2018, 1, 1), dt.date(2024, 12, 31))),
    ("Từ năm 2020 cho đến bây giờ", (dt.date(2020, 1, 1), dt.date(2024, 12, 31))),
    ("Từ năm 2020 đến thời điểm hiện tại", (dt.date(2020, 1, 1), dt.date(2024, 12, 31))),
    ("01/2024 - nan", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),  # Z02A: an empty end
    ("01/2024 - NaT", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
])
def test_now_in_other_words_and_an_end_a_program_left_empty(value, period):
    assert parse_period(value, 2024) == period


@pytest.mark.parametrize("value, period", [
    ("Duy trì hằng năm từ 2018", (dt.date(2018, 1, 1), dt.date(2024, 12, 31))),  # Z033
    ("Duy trì mỗi năm từ 2019", (dt.date(2019, 1, 1), dt.date(2024, 12, 31))),
    ("Bắt đầu từ tháng 9/2023, duy trì đến nay", (dt.date(2023, 9, 1), dt.date(2024, 12, 31))),
    ("Từ 01/2024, tiếp tục đến nay", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("Từ 3/2024 và duy trì đến 11/2024", (dt.date(2024, 3, 1), dt.date(2024, 11, 30))),
])
def test_every_year_from_a_start_and_going_on_to_now(value, period):
    assert parse_period(value, 2024) == period


def test_going_on_from_a_start_still_needs_the_report_year():
    assert parse_period("Tiếp tục từ 2020", 2024) is None  # asked (test_period_words.py)
