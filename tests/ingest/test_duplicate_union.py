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
from thidua.ingest.duplicates import (DUPLICATE_KEY, duplicate_key, first_rows, one_union, placeless,
                                     union_firsts)

PERSON = dict(type_="Cá nhân", registrant="Nguyễn Văn An", position="Chủ tịch CĐCS",
              model="Hỗ trợ đoàn viên tiêu thụ nông sản")


def _frame(unions: list[object], rows: list[int] | None = None,
           levels: list[str] | None = None) -> pd.DataFrame:
    """Normalised rows alike in all but their union (index: Excel rows 8, 9, …)."""
    same = {"model": "Bữa cơm", "field": "KT", "type": "Cá nhân", "registrant": "Nguyễn Văn An",
            "position": "Chủ tịch CĐCS"}
    frame = pd.DataFrame([{**same, "grassroots_union": u, "level": level}
                          for u, level in zip(unions, levels or ["grassroots"] * len(unions))],
                         index=rows or list(range(8, 8 + len(unions))))
    return frame[[*DUPLICATE_KEY, "level"]]


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
    ("(Phường Láng Hạ)", "(phuong lang ha)", set()),    # a place and nothing before it too
    ("Công ty A, phân xưởng 2", "cty a, phan xuong 2", set()),  # ``p`` of a word is no place
    ("Công ty A - Chi nhánh Long Biên", "cty a - chi nhanh long bien", set()),
    ("Công ty A, H. Gia Lâm", "cty a", {"huyen gia lam"}),
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
    # a namesake of another union between: the place added still repeats (ABB7, AB9K)
    (["Trường TH A", "Trường TH B", "Trường TH A - Q. Đống Đa"], [pd.NA, pd.NA, 8]),
    (["Trường TH A", "Trường TH B, quận Đống Đa", "Trường TH A, quận Đống Đa"], [pd.NA, pd.NA, 8]),
    (["Trường TH A", "Trường TH B", None, "Trường TH A, Hà Nội"], [pd.NA, pd.NA, pd.NA, 8]),
])
def test_first_rows_reads_a_blank_or_placed_union_as_the_same(unions, firsts):
    (found,) = first_rows([_frame(unions)])
    assert found.tolist() == firsts


def test_rows_of_two_levels_are_never_one_by_their_union_alone():
    """ABA0, ABA1: ``Ban Nữ công`` of a company (``Cơ sở``) and of the district (``Cấp trên
    trực tiếp cơ sở``, no union) are two registrations."""
    (found,) = first_rows([_frame(["Công ty A", None], levels=["grassroots", "upper"])])
    assert found.tolist() == [pd.NA, pd.NA]
    (found,) = first_rows([_frame(["Công ty A", "Công ty A"], levels=["grassroots", "upper"])])
    assert found.tolist() == [pd.NA, 8]  # the same union written the same: as before
    (found,) = first_rows([_frame(["Công ty A", "Công ty A", "Công ty B"],
                                  levels=["grassroots", "upper", "upper"])])
    assert found.tolist() == [pd.NA, 8, pd.NA]  # as before, beside a loose group of its level


def test_rows_are_compared_in_excel_order_whatever_the_frame_s_order():
    (found,) = first_rows([_frame(["Trường TH A, quận X", "Trường TH A"], rows=[12, 8])])
    assert found.tolist() == [8, pd.NA]


@pytest.mark.parametrize("keys, firsts", [
    (["a", "a, quan x", "b", "a"], [0, 0, 2, 0]), (["a", "", "b"], [0, 1, 2]),
    (["", "a", "a, quan x"], [0, 0, 0]), (["a, quan x", "a, quan y", "a"], [0, 1, 2]),
    (["", ""], [0, 0]),
    (["a", "a, quan x", "a, quan y"], [0, 1, 2]),  # AB2D: ``a`` could be either district's
    (["a, quan x", "a", "a, quan x"], [0, 0, 0]),
])
def test_union_firsts(keys, firsts):
    assert union_firsts(keys) == firsts


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


def test_a_board_of_the_district_and_one_of_a_company_both_count(tmp_path, context):
    """ABA0: ``Ban Nữ công`` of a company (``Cơ sở``) and of the district (``Cấp trên trực
    tiếp cơ sở``, its union blank) registering one model are two registrations."""
    board = dict(type_="Tập thể", registrant="Ban Nữ công", model="Mái ấm công đoàn",
                 field="Văn hóa - xã hội")
    result = read_form(tmp_path, context, [
        row(**board, level="Cơ sở", grassroots="Công ty Cổ phần May Thăng Long", stt=1),
        row(**board, level="Cấp trên trực tiếp cơ sở", grassroots=None, stt=2)])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}


def test_a_namesake_between_does_not_hide_a_repeat(tmp_path, context):
    """ABB7: the repeat with ``- Q. Đống Đa`` added, a namesake of another school between."""
    result = read_form(tmp_path, context, [
        row(**PERSON, grassroots="Trường Tiểu học Ánh Dương", stt=1),
        row(**PERSON, grassroots="Trường Tiểu học Bình Minh", stt=2),
        row(**PERSON, grassroots="Trường Tiểu học Ánh Dương - Q. Đống Đa", stt=3)])
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.rejections["error"].str.startswith("Trùng với dòng 5:").tolist() == [True]
