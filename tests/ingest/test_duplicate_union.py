"""A row repeated with its union left blank, or with the union's place added, is a duplicate
(fresh tester W's W132, Z's Z04H: counted twice). ``spec/submission-form.md``, "Errors": the
same name, field, type and registrant are one registration; the union and position, which
this program adds to tell namesakes apart (``docs/contracts.md``, "Duplicates"), no longer
part two rows whose unions cannot be two: one blank, or one name with at most one place.
"""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import read_form, row
from thidua.ingest.duplicates import DUPLICATE_KEY, duplicate_key, first_rows, one_union, placeless

PERSON = dict(type_="Cá nhân", registrant="Nguyễn Văn An", position="Chủ tịch CĐCS",
              model="Hỗ trợ đoàn viên tiêu thụ nông sản")


def _frame(unions: list[object], rows: list[int] | None = None) -> pd.DataFrame:
    """Normalised rows alike in all but their union (index: Excel rows 8, 9, …)."""
    same = {"model": "Bữa cơm", "field": "KT", "type": "Cá nhân", "registrant": "Nguyễn Văn An",
            "position": "Chủ tịch CĐCS"}
    frame = pd.DataFrame([{**same, "grassroots_union": u} for u in unions],
                         index=rows or list(range(8, 8 + len(unions))))
    return frame[DUPLICATE_KEY]


@pytest.mark.parametrize("text, name, places", [
    ("Trường Tiểu học Ánh Dương, quận Đống Đa", "th anh duong", {"quan dong da"}),
    ("Trường TH Ánh Dương - Q. Đống Đa, Hà Nội", "th anh duong", {"quan dong da"}),
    ("Trường TH Ánh Dương (phường Láng Hạ)", "th anh duong", {"phuong lang ha"}),
    ("Công ty May 10, phường Đức Giang, quận Long Biên, Hà Nội", "cty may 10",
     {"phuong duc giang", "quan long bien"}),
    ("Công ty CP May, TP Hà Nội", "cty cp may", set()),
    ("Công ty CP May, huyện Gia Lâm", "cty cp may", {"huyen gia lam"}),
    ("Trường THCS Láng", "thcs lang", set()),
    ("Phường Láng Hạ", "phuong lang ha", set()),        # a name that is a place stays whole
    ("Công ty X - Chi nhánh Y", "cty x - chi nhanh y", set()),
])
def test_a_union_s_places_are_read_apart(text, name, places):
    assert placeless(duplicate_key(text)) == (name, frozenset(places))


@pytest.mark.parametrize("unions, one", [
    (["Trường TH A", "Trường TH A, quận Đống Đa", "", "Trường TH A - Q. Đống Đa, Hà Nội"], True),
    (["Trường TH A", ""], True), (["", ""], True),
    (["Trường TH A, quận Đống Đa", "Trường TH A, quận Ba Đình"], False),
    (["Trường TH A, phường Láng Hạ", "Trường TH A, quận Đống Đa"], False),  # neither within
    (["Trường TH A", "Trường TH B", ""], False),
    (["Trường TH A, phường Láng Hạ, quận Đống Đa", "Trường TH A, quận Đống Đa"], True),
])
def test_which_unions_are_one(unions, one):
    assert one_union([duplicate_key(u) for u in unions]) is one


@pytest.mark.parametrize("unions, firsts", [
    (["Trường TH A", None], [pd.NA, 8]),                                  # W132
    ([None, "Trường TH A"], [pd.NA, 8]),
    (["Trường Tiểu học A", "Trường Tiểu học A, quận Đống Đa"], [pd.NA, 8]),  # Z04H
    (["Trường TH A, quận Đống Đa", "Trường TH A, quận Ba Đình"], [pd.NA, pd.NA]),
    (["Trường TH A", "Trường TH B", None], [pd.NA, pd.NA, pd.NA]),           # the blank of neither
    (["Trường TH A", "Trường TH B", "Trường TH A"], [pd.NA, pd.NA, 8]),      # as before
    (["Trường TH A", "Trường TH A, Hà Nội", None, "Trường TH A"], [pd.NA, 8, 8, 8]),
])
def test_first_rows_reads_a_blank_or_placed_union_as_the_same(unions, firsts):
    (found,) = first_rows([_frame(unions)])
    assert found.tolist() == firsts


def test_frames_are_compared_with_their_own_rows_only():
    one, other = first_rows([_frame(["Trường TH A"]), _frame([None])])
    assert one.tolist() == [pd.NA] and other.tolist() == [pd.NA]


@pytest.mark.parametrize("union", ["", "Trường Tiểu học Ánh Dương, quận Đống Đa",
                                   "Trường TH Ánh Dương (quận Đống Đa)"])
def test_a_row_repeated_with_its_union_blank_or_placed_is_a_duplicate(tmp_path, context, union):
    result = read_form(tmp_path, context, [
        row(**PERSON, grassroots="Trường Tiểu học Ánh Dương", stt=1),
        row(model="Mô hình khác", stt=2), row(**PERSON, grassroots=union or None, stt=3)])
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "error"]].values.tolist() == [[
        7, "Trùng với dòng 5: cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá nhân và chức vụ, "
            "cùng công đoàn cơ sở (một dòng để trống hoặc ghi thêm địa danh); chỉ tính dòng 5."]]


def test_namesakes_of_two_unions_and_a_blank_all_count(tmp_path, context):
    result = read_form(tmp_path, context, [
        row(**PERSON, grassroots="Trường TH Ánh Dương", stt=1),
        row(**PERSON, grassroots="Công ty CP May Thăng Long", stt=2),
        row(**PERSON, grassroots=None, stt=3)])
    assert result.rows["valid"] == 3
