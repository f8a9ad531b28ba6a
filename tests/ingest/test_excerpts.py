"""Registrations of the list listed again under a heading below it (``CÁC MÔ HÌNH TIÊU BIỂU``,
``DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG``): ignored as ``excerpt`` (counted so), told which rows
repeat which, never rejected as duplicates or asked a position or a type (fresh tester L's
L103, L104; :mod:`thidua.ingest.excerpts`)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.excerpts import excerpt_blocks
from thidua.ingest.files import ingest_file

ROWS = [reg(i) for i in range(8)]  # Excel rows 4 to 11
SHORT = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"]


def _read(tmp_path, context, heading: str, lines: list[list]):
    path = tmp_path / "Q-BTL_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-BTL"], ["Năm: 2024"], HEADER, *ROWS, [],
                                   [heading], *lines])])
    return ingest_file(input_file(path), context)


def again(i: int, stt: int) -> list:
    """Row ``i`` of the list again, as ``SHORT`` lists it."""
    return [stt, *ROWS[i][1:5]]


def test_exemplary_models_listed_again_under_a_heading_are_ignored_and_told(tmp_path, context):
    result = _read(tmp_path, context, "CÁC MÔ HÌNH TIÊU BIỂU", [SHORT, again(0, 1), again(3, 2)])
    assert result.rows == {"read": 13, "valid": 8, "rejected": 0, "ignored": 5}
    assert (result.ignored["excerpt"], result.ignored["subheading"]) == (2, 1)
    assert result.rejections.empty
    assert ("Dòng 13 'CÁC MÔ HÌNH TIÊU BIỂU': dòng 15, 16 chỉ liệt kê lại đăng ký đã có ở dòng "
            "4, 7 nên không tính thêm (bỏ qua). Các đăng ký ấy vẫn được tính một lần theo danh "
            "sách ở trên; nếu có dòng là đăng ký mới, đề nghị ghi vào danh sách đăng ký."
            ) in result.readings


def test_a_commendation_list_in_its_own_column_order_is_ignored_without_a_type_note(
        tmp_path, context):
    header = ["STT", "Tên tập thể/cá nhân", "Chức vụ", "Tên mô hình", "Lĩnh vực",
              "Hình thức khen thưởng"]
    lines = [header, *[[n, ROWS[i][4], ROWS[i][5], ROWS[i][1], ROWS[i][2], award]
                       for n, (i, award) in enumerate([(0, "Bằng khen"), (2, "Giấy khen"),
                                                        (5, "Giấy khen")], start=1)]]
    result = _read(tmp_path, context, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", lines)
    assert (result.rows["valid"], result.rows["rejected"], result.ignored["excerpt"]) == (8, 0, 3)
    assert any("dòng 15, 16, 17 chỉ liệt kê lại đăng ký đã có ở dòng 4, 6, 9" in n
               for n in result.readings)
    assert not any("không có cột 'Hình thức'" in n for n in result.readings)


@pytest.mark.parametrize("heading", ["DANH SÁCH ĐĂNG KÝ BỔ SUNG", "II. VĂN HÓA - XÃ HỘI"])
def test_a_block_with_a_new_row_or_under_a_field_heading_is_read_row_by_row(tmp_path, context,
                                                                            heading):
    new = reg(9, stt=2, model="Mô hình chăm lo bữa cơm ca cho công nhân")
    result = _read(tmp_path, context, heading, [HEADER, reg(0, stt=1), new])
    assert (result.rows["valid"], result.rows["rejected"], result.ignored["excerpt"]) == (9, 1, 0)
    assert result.rejections["error"].iloc[0].startswith("Trùng với dòng 4")
    # under a field heading, even rows that all repeat the list stay duplicates
    if heading.startswith("II"):
        result = _read(tmp_path, context, heading, [HEADER, reg(1, stt=1)])
        assert (result.rows["rejected"], result.ignored["excerpt"]) == (1, 0)


def _frame(models: list[str], registrants: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"model": models, "registrant": registrants},
                        index=range(5, 5 + len(models)), dtype=object)


def test_excerpt_blocks_match_by_model_and_registrant_where_given():
    raw = _frame(["Bữa cơm", "Tủ sách", "CÁC MÔ HÌNH TIÊU BIỂU", "bữa cơm.", "Tủ sách"],
                 ["A", "B", "", "", "b"])
    labels = pd.Series(["data", "data", "subheading", "data", "data"], index=raw.index)
    assert excerpt_blocks(raw, labels) == [(7, "CÁC MÔ HÌNH TIÊU BIỂU", {8: 5, 9: 6})]
    other = raw.copy()
    other.loc[9, "registrant"] = "C"  # the same model by someone else: a new registration
    assert excerpt_blocks(other, labels) == []
    # a heading above the list, or a blank model, makes no block
    first = _frame(["CÁC MÔ HÌNH TIÊU BIỂU", "Bữa cơm", "Bữa cơm"], ["", "A", "A"])
    assert excerpt_blocks(first, pd.Series(["subheading", "data", "data"], index=first.index)) == []
    blank = _frame(["", "Bữa cơm", "TIÊU BIỂU", ""], ["A", "A", "", "A"])  # no model: no repeat
    assert excerpt_blocks(blank, pd.Series(["data", "data", "subheading", "data"],
                                           index=blank.index)) == []
    # a group's line (``Công đoàn cơ sở Trường B``) heads rows of the list: duplicates there
    group = raw.copy()
    group.loc[7, "model"] = "Công đoàn cơ sở Trường Tiểu học B"
    assert excerpt_blocks(group, labels) == []
    # rows of a block with a new row are the list's: a later excerpt may repeat them
    more = _frame(["Bữa cơm", "BỔ SUNG", "Camera", "Tủ sách", "TIÊU BIỂU", "Camera"],
                  ["A", "", "C", "B", "", "C"])
    marks = pd.Series(["data", "subheading", "data", "data", "subheading", "data"],
                      index=more.index)
    assert excerpt_blocks(more, marks) == [(9, "TIÊU BIỂU", {10: 7})]


def test_last_year_s_list_repeating_this_year_s_rows_is_last_year_s_not_an_excerpt(
        tmp_path, context):
    result = _read(tmp_path, context, "DANH SÁCH MÔ HÌNH ĐĂNG KÝ NĂM 2023 (để đối chiếu)",
                   [SHORT, again(0, 1), again(3, 2)])
    assert (result.rows["valid"], result.rows["rejected"]) == (8, 0)
    assert (result.ignored["other_year"], result.ignored["excerpt"]) == (2, 0)
    assert any("ghi năm 2023, khác năm báo cáo 2024: 2 dòng dưới nó (dòng 15 đến 16)" in n
               for n in result.readings)
    assert not any("chỉ liệt kê lại" in n for n in result.readings)
