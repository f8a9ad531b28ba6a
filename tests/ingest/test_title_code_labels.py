"""A registry code on a title line after a label of other words (``Đơn vị: Q-HK``, ``Mã:
Q-CG``, ``Mã đơn vị (theo danh mục): Q-LB``): a code's shape marks it, whatever its label.
Before, such a file was rejected "Không xác định được đơn vị gửi" with the code on the line
(fresh tester J's J117; ``docs/contracts.md``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from thidua.ingest.identify import code_note, labelled_code, parse_title, resolve_unit
from thidua.ingest.read import FileRejected

KNOWN = {"Q-HK", "Q-CG", "Q-LB", "Q-DD", "VC", "N-YT"}
NONE = pd.Series(dtype="object")


@pytest.mark.parametrize("line, code", [
    ("Đơn vị: Q-HK", "Q-HK"), ("Mã: Q-CG", "Q-CG"), ("Mã đơn vị (theo danh mục): Q-LB", "Q-LB"),
    ("Đơn vị báo cáo: q.hk", "Q-HK"), ("Mã: Q-CG.", "Q-CG"), ("Đơn vị: VC", "VC"),
    ("Đơn vị: Q-HK   Năm: 2024", "Q-HK"), ("Ký hiệu：N-YT", "N-YT"),
    ("Đơn vị: Hoàn Kiếm", None),   # a name, not a code
    ("Đơn vị: vc", None),          # two small letters: a word, never a code
    ("Đơn vị: Q-XX", None),        # no unit of the registry
    ("Năm: 2024", None), ("Q-HK", None),  # no label: a heading's word is not read here
])
def test_a_registry_code_after_any_label_is_read(line, code):
    found = labelled_code((line,), KNOWN)
    assert (found[0] if found else None) == code
    if code:
        assert found[1] == line


def test_two_codes_after_labels_are_neither():
    assert labelled_code(("Đơn vị: Q-HK", "Mã: Q-CG"), KNOWN) is None
    assert labelled_code(("Đơn vị: Q-HK", "Mã: q-hk"), KNOWN) == ("Q-HK", "Đơn vị: Q-HK")


def test_the_file_counts_for_that_unit_and_is_told():
    title = parse_title([["BIỂU ĐĂNG KÝ DÂN VẬN KHÉO"], ["Đơn vị: Q-HK"], ["Năm: 2024"]])
    assert title.unit_code is None
    unit = resolve_unit(NONE, title, Path("Bieu DVK (3).xlsx"), KNOWN, KNOWN, 2024)
    assert unit == "Q-HK"
    assert code_note(NONE, title, unit, Path("Bieu DVK (3).xlsx"), KNOWN) == (
        "Dòng 'Đơn vị: Q-HK' ở tiêu đề đã đọc là mã đơn vị 'Q-HK'; đề nghị lần sau ghi "
        "'Mã đơn vị: Q-HK' ở tiêu đề.")


def test_it_must_agree_with_the_file_name_and_a_proper_label_wins():
    title = parse_title([["Đơn vị: Q-HK"], ["Năm: 2024"]])
    with pytest.raises(FileRejected) as caught:
        resolve_unit(NONE, title, Path("Q-CG_dk.xlsx"), KNOWN, KNOWN, 2024)
    assert str(caught.value) == ("Mã đơn vị không thống nhất (dòng 'Đơn vị: Q-HK' ở tiêu đề: "
                                 "Q-HK; tên tệp: Q-CG).")
    both = parse_title([["Mã đơn vị: Q-DD"], ["Đơn vị: Q-HK"]])
    assert resolve_unit(NONE, both, Path("a.xlsx"), KNOWN, KNOWN, 2024) == "Q-DD"
