"""A number as Excel shows it under its number format (issue 9.2: a cell means what Excel
shows), code by code: sections, signs, rounding half up, optional digits, literals, padding,
colours, conditions, percentages, a year alone. ``thidua/ingest/numfmt.py``. Each value below is
what Excel 365 shows (checked by hand against its Format Cells preview)."""

from __future__ import annotations

import pytest

from thidua.ingest.numfmt import format_number, general, is_year_only


@pytest.mark.parametrize("value, code, shown", [
    # sections: positive;negative;zero
    (-5, "0", "-5"), (-5, "0;(0)", "(5)"), (0, '0;-0;"không"', "không"), (0, "0;-0", "0"),
    (5, "0;(0)", "5"), (-0.4, "0", "-0"),
    # rounding half up, never to even
    (2.5, "0", "3"), (3.5, "0", "4"), (0.125, "0.00", "0.13"), (1234567.891, "#,##0.0",
                                                                  "1,234,567.9"),
    # optional digits and zeros
    (0.5, "0.##", "0.5"), (0.5, "#.##", ".5"), (1.5, "0.0#", "1.5"), (1.25, "0.0#", "1.25"),
    (12, "00.00", "12.00"), (0, "#", ""), (0, "#,###", ""), (1000, "#,###", "1,000"),
    (-1234.5, "#,##0.00", "-1,234.50"), (7, "00", "07"), (300, "0000", "0300"),
    # literals, padding, fill, colours
    (7, "\\D000", "D007"), (7, '"ĐV"000', "ĐV007"), (7, "0_)", "7 "), (7, "* 0", "7"),
    (7, "[Red]0", "7"), (7, "[Blue]0;[Red]-0", "7"),
    # percentages
    (0.3, "0%", "30%"), (0.05, "0%", "5%"), (0.005, "0.0%", "0.5%"), (0.125, "0%", "13%"),
    # General and text
    (0.1 + 0.2, "General", "0.3"), (1e15, "General", "1E+15"), (123.456, "General", "123.456"),
    (300, "@", "300"), (5, "", "5"), (12.0, "GENERAL", "12"),
    # words
    (5, '"Kinh tế"', "Kinh tế"),
    # conditions: the first section whose condition holds, else one without a condition
    (1, '[=1]"Tập thể";[=2]"Cá nhân"', "Tập thể"), (2, '[=1]"Tập thể";[=2]"Cá nhân"', "Cá nhân"),
    (2, '[=1]"Tập thể";"khác"', "khác"), (150, '[>=100]"lớn";0', "lớn"), (5, '[>=100]"lớn";0', "5"),
    (5, '[<>1]"khác";"một"', "khác"), (1, '[<>1]"khác";"một"', "một"),
    (1, '[<=1]"ít";"nhiều"', "ít"), (2, '[<=1]"ít";"nhiều"', "nhiều"),
    (0, '[<1]"không";0', "không"), (3, '[>2]"trên hai";0', "trên hai"), (2, '[>2]"x";0', "2"),
    (1.5, '[=1.5]"rưỡi";0', "rưỡi"), (-1, '[=-1]"âm một";0', "âm một"),
    # a year alone (a title's ``Năm:`` typed as a date)
    (45458, "yyyy", "2024"), (45458, "yy", "24"), (45458, '"Năm "yyyy', "Năm 2024"),
    (45458, "[$-42A]yyyy", "2024"), (367, "yyyy", "1901"),
    (1, "yyyy", "1900"), (59, "yy", "00"), (366, "yyyy", "1900"),  # 01/01, 28/02, 31/12/1900
])
def test_a_number_is_shown_as_excel_shows_it(value, code, shown):
    assert format_number(value, code) == shown


@pytest.mark.parametrize("value, code", [
    # codes this module does not format: the caller keeps the value as read
    (1, "0.00E+00"), (1, "# ?/?"), (45458, "dd/mm/yyyy"), (45458, "mmm"), (0.5, "h:mm"),
    (3, '[=1]"Tập thể";[=2]"Cá nhân"'),  # no section shows 3
    (0, "yyyy"), (3e6, "yyyy"),  # outside Excel's dates
    # not numbers
    (True, "0"), (float("nan"), "0"), ("x", "0"), (None, "0"),
])
def test_what_is_not_formatted_is_none(value, code):
    assert format_number(value, code) is None


@pytest.mark.parametrize("value, shown", [
    (-3.0, "-3"), (1 / 3, "0.3333333333"), (1e20, "1E+20"), (2.5e-7, "2.5E-07"),
    (999999999999999.0, "999999999999999"), (0.0, "0"),
])
def test_general(value, shown):
    assert general(value) == shown


@pytest.mark.parametrize("code, year_only", [
    ("yyyy", True), ("yy", True), ("YYYY", True), ("[$-42A]yyyy", True), ('"Năm "yyyy', True),
    ("yyyy\\ ", True), ("dd/mm/yyyy", False), ("y", False), ("yyyyy", False), ("0", False),
    ("", False), (None, False), ("mm/yyyy", False),
])
def test_a_year_alone(code, year_only):
    assert is_year_only(code) is year_only
