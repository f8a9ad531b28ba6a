"""Numbers at their edges (issue 14.2): percentages at rounding boundaries, rounded half up
("làm tròn" as Vietnamese reports do; the decree sets no rule), thousands, dates."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from thidua.report.formatting import decree_date, number, percent


@pytest.mark.parametrize("part, whole, one, none, two", [
    (2, 3, "66,7%", "67%", "66,67%"),
    (1, 3, "33,3%", "33%", "33,33%"),
    (1, 6, "16,7%", "17%", "16,67%"),
    (1, 16, "6,3%", "6%", "6,25%"),        # 6,25 → half up, not half even (6,2)
    (3, 16, "18,8%", "19%", "18,75%"),
    (1, 8, "12,5%", "13%", "12,50%"),      # 12,5 → 13 with no decimals
    (1, 2000, "0,1%", "0%", "0,05%"),      # 0,05 → 0,1
    (1, 200, "0,5%", "1%", "0,50%"),
    (12345, 12346, "100,0%", "100%", "99,99%"),
    (0, 7, "0,0%", "0%", "0,00%"),
    (8333, 8333, "100,0%", "100%", "100,00%"),
    (20001, 20000, "100,0%", "100%", "100,01%"),
])
def test_percentages_round_half_up_at_every_boundary(part, whole, one, none, two):
    assert (percent(part, whole), percent(part, whole, 0), percent(part, whole, 2)) == (one, none, two)


def test_percent_agrees_with_exact_half_up_arithmetic_for_every_share_of_a_small_whole():
    """An independent computation with fractions: floor(x * 10 + 1/2) / 10."""
    for whole in range(1, 41):
        for part in range(whole + 1):
            tenths = int(Fraction(part * 1000, whole) + Fraction(1, 2))
            expected = f"{tenths // 10},{tenths % 10}%"
            assert percent(part, whole) == expected, (part, whole)


def test_percent_of_nothing_is_a_dash():
    assert percent(0, 0) == percent(5, 0) == "–"


@pytest.mark.parametrize("value, text", [(0, "0"), (999, "999"), (1000, "1.000"), (1129, "1.129"),
                                         (1234567, "1.234.567"), (-1, "-1"), (12.5, "12,5")])
def test_numbers_group_thousands_with_dots(value, text):
    assert number(value) == text


@pytest.mark.parametrize("day, text", [
    (dt.date(2024, 1, 1), "Hà Nội, ngày 01 tháng 01 năm 2024"),
    (dt.date(2024, 2, 29), "Hà Nội, ngày 29 tháng 02 năm 2024"),
    (dt.date(2024, 3, 9), "Hà Nội, ngày 09 tháng 3 năm 2024"),
    (dt.date(2024, 10, 10), "Hà Nội, ngày 10 tháng 10 năm 2024"),
])
def test_decree_dates_pad_days_below_10_and_months_1_and_2(day, text):
    assert decree_date(day) == text
