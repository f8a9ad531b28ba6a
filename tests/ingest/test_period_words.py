"""Periods written in everyday words (fresh tester I's I104, I125, I126): the year alone among
words of time, words for "all year" without a date, a month or quarter followed by ``năm``
and its year. Each row was rejected "Không đọc được 'Thời gian thực hiện'"."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.ingest.periods import parse_period

YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize("text", [
    "suốt năm 2024", "trong năm 2024", "từ đầu năm 2024", "đầu năm - cuối năm 2024",
    "Năm 2024 và các năm tiếp theo", "SUỐT NĂM 2024", "Trong cả năm 2024",
    "Thường xuyên, liên tục", "Lâu dài", "Dài hạn", "Duy trì thường xuyên", "Liên tục",
    "T1 đến T12 năm 2024", "Tháng 1 đến tháng 12 năm 2024", "Quý 1 đến quý 4 năm 2024",
    "Quý I - Quý IV năm 2024",
])
def test_words_of_the_whole_year_read_as_the_year(text):
    assert parse_period(text, 2024) == YEAR


@pytest.mark.parametrize(("text", "period"), [
    ("T3 năm 2024", (dt.date(2024, 3, 1), dt.date(2024, 3, 31))),
    ("quý 2 năm 2024", (dt.date(2024, 4, 1), dt.date(2024, 6, 30))),
    ("T3 năm 2024 đến nay", (dt.date(2024, 3, 1), dt.date(2024, 12, 31))),
    ("suốt năm 2023", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),  # another year: its own
])
def test_a_month_or_quarter_with_its_year_in_words(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", [
    "trước năm 2024", "sau năm 2024", "Dự kiến", "suốt năm 2024 - 2025 và 2026",
    "trong năm 24", "Lâu dài 5 năm",
])
def test_other_words_or_numbers_stay_unread(text):
    assert parse_period(text, 2024) is None


def test_a_list_of_two_years_in_words_spans_both():
    """Since lists of periods are read (fresh tester N's N154…, ``periods._listed``), ``đầu
    năm - cuối năm 2024, 2025`` is both years, as ``Năm 2023 và 2024`` is (it was pinned
    unread before)."""
    assert parse_period("đầu năm - cuối năm 2024, 2025", 2024) == (dt.date(2024, 1, 1),
                                                                  dt.date(2025, 12, 31))


def test_without_the_report_year_words_alone_name_no_year():
    assert parse_period("Thường xuyên, liên tục", None) is None
    assert parse_period("suốt năm 2024", None) == YEAR


def test_a_range_to_now_is_never_the_one_year_it_names():
    # fresh tester I's I140: ``Từ năm 2020 đến nay`` was read as the year 2020 (rejected "không
    # trùng với năm báo cáo") when first read without the report year
    assert parse_period("Từ năm 2020 đến nay") is None
    assert parse_period("Từ năm 2020 đến nay", 2024) == (dt.date(2020, 1, 1), dt.date(2024, 12, 31))
    assert parse_period("năm 2024 đến hiện tại", 2024) == YEAR


@pytest.mark.parametrize(("text", "period"), [
    ("giai đoạn 2024-2025", (dt.date(2024, 1, 1), dt.date(2025, 12, 31))),
    ("Đang thực hiện", YEAR), ("Cuối năm 2024", YEAR), ("Đầu năm 2024", YEAR),
])
def test_more_words_of_i140(text, period):
    assert parse_period(text, 2024) == period


@pytest.mark.parametrize("text", ["Tiếp tục", "2024, tiếp tục", "Tiếp tục từ năm 2024"])
def test_going_on_from_before_is_no_period_of_the_year(text):
    # ``Tiếp tục`` says the model goes on from an earlier year: in a year column it is asked,
    # or read by the year among its words, told (``test_year_words.py``)
    assert parse_period(text, 2024) is None
