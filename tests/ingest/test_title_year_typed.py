"""A title's ``Năm:`` typed with other digits: full-width (``２０２４``, a phone's or an Asian
keyboard), spaced out (``2 0 2 4``), or two digits (``24``: read as 2024 and told). Before, the
file was rejected "Dòng 'Năm: ２０２４' ở phần tiêu đề không phải là một năm" although its
heading and folder said 2024 (fresh tester J's J100; ``docs/contracts.md``). The letter O for
a zero (``2O24``, ``2o25``) is read too, told; other letters still reject."""

from __future__ import annotations

import pytest

from thidua.ingest.read import FileRejected
from thidua.ingest.titleblock import parse_title, year_remark


@pytest.mark.parametrize("line, year", [
    ("Năm: ２０２４", 2024), ("Năm：２０２５", 2025), ("Năm: 2 0 2 4", 2024), ("Năm 2 0 2 4", 2024),
    ("NĂM: ２０２４.", 2024), ("Năm: 24", 2024), ("Năm: 23", 2023), ("Năm: 24.", 2024),
    ("Năm 24", None),  # without a colon two digits are no year (``Năm 24 tháng``…)
    ("Năm: 2O24", 2024), ("Năm: 2o25", 2025), ("NĂM:2OO4", 2004), ("Năm 2O24", 2024),
    ("Năm: 2O24.", 2024), ("Năm: (2O24)", 2024),
])
def test_a_year_typed_otherwise_is_read(line, year):
    assert parse_title([[line]]).year == year


def test_full_width_years_keep_spans():
    assert parse_title([["Năm: ２０２４-２０２５"]]).year_span == (2024, 2025)


def test_two_digits_are_told_four_digits_are_not():
    assert year_remark(parse_title([["Năm: 24"]]), 2024) == (
        "Dòng 'Năm: 24' ở tiêu đề ghi năm bằng 2 chữ số: đã hiểu là năm 2024; đề nghị lần sau "
        "ghi đủ 4 chữ số, ví dụ 'Năm: 2024'.")
    assert year_remark(parse_title([["Năm: ２０２４"]]), 2024) is None
    assert year_remark(parse_title([["Năm: 2 0 2 4"]]), 2024) is None


def test_the_letter_o_for_a_zero_is_told():
    assert year_remark(parse_title([["Năm: 2O24"]]), 2024) == (
        "Dòng 'Năm: 2O24' ở tiêu đề ghi chữ 'O' thay cho số 0: đã hiểu là năm 2024; đề nghị lần "
        "sau gõ số, ví dụ 'Năm: 2024'.")
    assert parse_title([["Năm: 2O24"]]).lettered_year_text == "Năm: 2O24"
    assert parse_title([["Năm: 2024"]]).lettered_year_text is None


@pytest.mark.parametrize("line", ["Năm: 1 2 3 4 5", "Năm: 2 0 2", "Năm: 124", "Năm: 2OOO",
                                  "Năm: 2O2x", "Năm: O2O24", "Năm: 2Q24", "Năm: 2O24x"])
def test_other_digits_still_reject_naming_the_line(line):
    with pytest.raises(FileRejected) as caught:
        parse_title([[line]])
    value = line.split(": ", 1)[1]
    assert str(caught.value) == (f"Dòng 'Năm: {value}' ở phần tiêu đề không phải là một năm "
                                 f"(cần một năm 4 chữ số, ví dụ 'Năm: 2024').")
