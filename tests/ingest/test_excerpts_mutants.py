"""Value-by-value checks of :mod:`thidua.ingest.excerpts` in this process: the heading of a
block, which rows repeat which, the labels marked on a copy, and the note word for word."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.excerpts import (EXCERPT, _heading, excerpt_blocks, excerpt_note,
                                    mark_excerpts)


def _frame(models: list, registrants: list | None = None, **other) -> pd.DataFrame:
    cells = {"model": models, **({} if registrants is None else {"registrant": registrants}),
             **other}
    return pd.DataFrame(cells, index=range(5, 5 + len(models)), dtype=object)


def _labels(raw: pd.DataFrame, *labels: str) -> pd.Series:
    return pd.Series(list(labels), index=raw.index)


@pytest.mark.parametrize("cells, text", [
    (["CÁC MÔ HÌNH TIÊU BIỂU", None, ""], "CÁC MÔ HÌNH TIÊU BIỂU"),
    (["CÁC MÔ HÌNH TIÊU BIỂU", " CÁC MÔ HÌNH  TIÊU BIỂU"], "CÁC MÔ HÌNH TIÊU BIỂU"),  # merged
    (["CÁC MÔ HÌNH TIÊU BIỂU", "Ghi chú"], None),
    (["Bữa cơm ca"], None),  # no heading
    (["II. VĂN HÓA - XÃ HỘI"], None),  # a field's heading
    (["CÁC MÔ HÌNH TẬP THỂ"], None),  # a type's heading
    ([None, ""], None),
])
def test_a_block_s_heading(cells, text):
    assert _heading(pd.Series(cells, dtype=object)) == text


def test_a_block_repeating_rows_above_its_heading():
    raw = _frame(["Bữa cơm", "Tủ sách", "Camera", "CÁC MÔ HÌNH TIÊU BIỂU", "Camera", "Bữa cơm"],
                 ["A", "B", "C", "", "C", ""])
    labels = _labels(raw, "data", "data", "data", "subheading", "data", "data")
    assert excerpt_blocks(raw, labels) == [(8, "CÁC MÔ HÌNH TIÊU BIỂU", {9: 7, 10: 5})]


def test_the_first_of_two_rows_alike_is_the_one_repeated():
    raw = _frame(["Bữa cơm", "Bữa cơm", "TIÊU BIỂU NĂM NAY", "Bữa cơm", "bữa cơm"],
                 ["A", "A", "", "A", ""])
    labels = _labels(raw, "data", "data", "subheading", "data", "data")
    assert excerpt_blocks(raw, labels) == [(7, "TIÊU BIỂU NĂM NAY", {8: 5, 9: 5})]


def test_without_a_registrant_column_the_model_alone_is_matched():
    raw = _frame(["Bữa cơm", "Tủ sách", "TIÊU BIỂU NĂM NAY", "Tủ sách"])
    labels = _labels(raw, "data", "data", "subheading", "data")
    assert excerpt_blocks(raw, labels) == [(7, "TIÊU BIỂU NĂM NAY", {8: 6})]


def test_rows_not_data_are_neither_listed_nor_in_the_block():
    raw = _frame(["Bữa cơm", "Tủ sách", "TIÊU BIỂU NĂM NAY", "Bữa cơm", "Mới"],
                 ["A", "B", "", "A", "X"])
    labels = _labels(raw, "data", "hidden", "subheading", "data", "blank")
    assert excerpt_blocks(raw, labels) == [(7, "TIÊU BIỂU NĂM NAY", {8: 5})]
    # a hidden row of the list repeats nothing: its repeat is a new row, no block
    again = raw.copy()
    again.loc[8, ["model", "registrant"]] = ["Tủ sách", "B"]
    assert excerpt_blocks(again, labels) == []


def test_no_block_without_a_model_column_data_or_a_heading():
    raw = _frame(["Bữa cơm", "TIÊU BIỂU NĂM NAY", "Bữa cơm"], ["A", "", "A"])
    labels = _labels(raw, "data", "subheading", "data")
    assert excerpt_blocks(raw.drop(columns="model"), labels) == []
    assert excerpt_blocks(raw, _labels(raw, "blank", "subheading", "blank")) == []
    assert excerpt_blocks(raw, _labels(raw, "data", "header", "data")) == []
    assert excerpt_blocks(raw, labels) == [(6, "TIÊU BIỂU NĂM NAY", {7: 5})]


def test_a_block_under_a_heading_that_is_none_is_the_list_s_and_an_empty_block_no_block():
    raw = _frame(["Bữa cơm", "Bữa sáng", "Camera", "TIÊU BIỂU NĂM NAY", "Camera", "TỔNG KẾT CUỐI",
                  "DANH SÁCH THÊM"],
                 ["A", "", "C", "", "C", "", ""])
    labels = _labels(raw, "data", "subheading", "data", "subheading", "data", "subheading",
                     "subheading")
    # ``Bữa sáng`` heads rows of the list (lower case: no list heading); its row is listed
    assert excerpt_blocks(raw, labels) == [(8, "TIÊU BIỂU NĂM NAY", {9: 7})]


def test_the_labels_are_marked_on_a_copy():
    raw = _frame(["Bữa cơm", "TIÊU BIỂU NĂM NAY", "Bữa cơm"], ["A", "", "A"])
    labels = _labels(raw, "data", "subheading", "data")
    marked, blocks = mark_excerpts(raw, labels)
    assert blocks == [(6, "TIÊU BIỂU NĂM NAY", {7: 5})]
    assert marked.tolist() == ["data", "subheading", EXCERPT] and EXCERPT == "excerpt"
    assert labels.tolist() == ["data", "subheading", "data"]
    plain = _labels(raw, "data", "data", "data")
    same, none = mark_excerpts(raw, plain)
    assert same is plain and none == []


def test_the_note_word_for_word():
    assert excerpt_note([]) is None
    blocks = [(17, "CÁC MÔ HÌNH TIÊU BIỂU", {19: 8, 20: 11}), (30, "KHEN THƯỞNG", {31: 9})]
    assert excerpt_note(blocks) == (
        "Dòng 17 'CÁC MÔ HÌNH TIÊU BIỂU': dòng 19, 20 chỉ liệt kê lại đăng ký đã có ở dòng 8, 11 "
        "nên không tính thêm (bỏ qua). Dòng 30 'KHEN THƯỞNG': dòng 31 chỉ liệt kê lại đăng ký đã "
        "có ở dòng 9 nên không tính thêm (bỏ qua). Các đăng ký ấy vẫn được tính một lần theo "
        "danh sách ở trên; nếu có dòng là đăng ký mới, đề nghị ghi vào danh sách đăng ký.")
