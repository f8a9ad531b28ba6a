"""Types and fields given by a table's section headings, on grids and frames written here
(:mod:`thidua.ingest.sections`; ``spec/submission-form.md``, "Rows that are not data"). Found
by mutation testing (issue 14)."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.sections import (fields_from_subheadings, heading_type, subheading_note,
                                    types_from_headings)


@pytest.mark.parametrize("row, kind", [
    (["II", "Cá nhân"], "Cá nhân"), (["12", "Tập thể"], "Tập thể"), (["b", "Cá nhân"], "Cá nhân"),
    (["iv", "Tập thể"], "Tập thể"), (["IIIII", "Tập thể"], None), (["123", "Tập thể"], None),
    (["ab", "Tập thể"], None), (["Tập thể", "Cá nhân"], None),
    (["I", "Tập thể", "Kinh tế"], None),  # three cells: no heading
    (["I", "-", "Cá nhân"], None),  # three cells, even when they read as a type
    (["-", "Tập thể"], None),  # two cells: the first is a numbering, or no heading
    (["Cá nhân X"], None),  # read, but not exactly as written: no heading
    (["Tập thể:"], "Tập thể"), (["", None, "Cá nhân", ""], "Cá nhân"),
    (["Ca nhan"], "Cá nhân"),  # read exactly, accents aside
    (["Tạp thê nhân"], None),  # not a type
    (["Tập thể" + ":" * 33], "Tập thể"), (["Tập thể" + ":" * 34], None),  # 40 characters at most
    (["I", "Tập thể" + ":" * 31], "Tập thể"), (["I", "Tập thể" + ":" * 32], None),
])
def test_a_type_heading_is_one_cell_or_a_numbering_and_one_cell(row, kind):
    assert heading_type(row) == kind


def _is_header(row: list) -> bool:
    return row[:1] == ["STT"]


GRID = [
    ["BIỂU ĐĂNG KÝ"],                 # 0
    ["I. TẬP THỂ"],                   # 1: just above the header
    ["STT", "Tên mô hình"],           # 2: header
    [1, "Vườn rau"],                  # 3
    ["", ""],                         # 4: blank
    ["II. CÁ NHÂN"],                  # 5
    [2, "Tủ sách"],                   # 6
    ["STT", "Tên mô hình"],           # 7: a later table's header
    [3, "Bữa cơm"],                   # 8
]


def test_each_row_takes_the_nearest_heading_above_counting_the_one_over_the_header():
    assert types_from_headings(GRID, 3, 9, 2, _is_header) == [
        "Tập thể", "", "", "Cá nhân", "", "Cá nhân"]


def test_only_the_nearest_non_empty_row_above_the_header_counts():
    grid = [["I. TẬP THỂ"], ["Biểu số 01"], ["", None], *GRID[2:]]
    assert types_from_headings(grid, 4, 10, 3, _is_header) == ["", "", "", "Cá nhân", "",
                                                               "Cá nhân"]
    grid = [["I. TẬP THỂ"], ["", None], *GRID[2:]]
    assert types_from_headings(grid, 3, 9, 2, _is_header) == [
        "Tập thể", "", "", "Cá nhân", "", "Cá nhân"]


def test_a_heading_over_the_header_alone_types_the_rows_and_nothing_wraps_around():
    grid = [["I. TẬP THỂ"], ["STT", "Tên mô hình"], [1, "Vườn rau"], [2, "Tủ sách"]]
    assert types_from_headings(grid, 2, 4, 1, _is_header) == ["Tập thể", "Tập thể"]
    # a header on the first row: nothing above it (never the grid's last row, a heading here)
    grid = [["STT", "Tên mô hình"], [1, "Vườn rau"], ["Cá nhân"]]
    assert types_from_headings(grid, 1, 3, 0, _is_header) == ["", ""]


def test_no_heading_gives_none_and_a_heading_in_the_part_is_enough():
    grid = [["STT", "Tên mô hình"], [1, "Vườn rau"], [2, "Tủ sách"]]
    assert types_from_headings(grid, 1, 3, 0, _is_header) is None
    grid.insert(2, ["Cá nhân"])
    assert types_from_headings(grid, 1, 4, 0, _is_header) == ["", "", "Cá nhân"]
    # a header at the top of the grid: nothing above it
    assert types_from_headings([["STT"], ["Tập thể"], [1]], 1, 3, 0, _is_header) == [
        "", "Tập thể"]


COLUMNS = ["stt", "model", "field", "type"]


def _frame(rows: dict[int, list]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(rows, orient="index", columns=COLUMNS).astype(object)
    frame.index.name = "row"
    return frame


RAW = _frame({
    5: ["I.", "LĨNH VỰC KINH TẾ", None, None],
    6: [1, "Vườn rau sạch", "", "Cá nhân"],
    7: [2, "Tủ sách", None, "Tập thể"],
    8: [None, "A. TẬP THỂ", None, None],
    9: [3, "Bữa cơm", "Văn hóa - xã hội", "Tập thể"],
    10: [4, "Góc xanh", "  ", "Tập thể"],
    11: ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"],
    12: [5, "Ngày hội", None, "Cá nhân"],
    13: ["II", "An ninh - quốc phòng", None, None],
    14: [6, "Tổ tự quản", None, "Cá nhân"],
})
LABELS = pd.Series({5: "subheading", 6: "data", 7: "data", 8: "subheading", 9: "data",
                    10: "data", 11: "header", 12: "data", 13: "subheading", 14: "data"})


def test_blank_fields_take_the_nearest_field_subheading_until_a_header():
    raw, filled = fields_from_subheadings(RAW, LABELS)
    assert filled == {5: [6, 7, 10], 13: [14]}
    assert raw.loc[[6, 7, 9, 10, 14], "field"].tolist() == [
        "Kinh tế", "Kinh tế", "Văn hóa - xã hội", "Kinh tế", "An ninh - quốc phòng"]
    assert pd.isna(raw.at[12, "field"])  # after a header: left blank (rejected as missing)
    assert RAW.at[6, "field"] == ""  # the input is not modified
    assert list(raw.columns) == COLUMNS
    assert subheading_note(raw, filled) == (
        "Cột 'Lĩnh vực' để trống, đã lấy lĩnh vực theo dòng tiêu đề nhóm: dòng 6 đến 10 lấy "
        "theo dòng 5 'I. LĨNH VỰC KINH TẾ' (Kinh tế); dòng 14 lấy theo dòng 13 'II An ninh - "
        "quốc phòng' (An ninh - quốc phòng). Đề nghị lần sau ghi lĩnh vực ở từng dòng.")


def test_without_field_subheadings_nothing_is_filled():
    labels = LABELS.replace("subheading", "ignored")
    assert fields_from_subheadings(RAW, labels) == (RAW, {})
    no_field = RAW.drop(columns="field")
    assert fields_from_subheadings(no_field, LABELS) == (no_field, {})
    only_type = LABELS.copy()
    only_type[[5, 13]] = "ignored"  # only the type heading left: it names no field
    got, filled = fields_from_subheadings(RAW, only_type)
    assert got is RAW and filled == {}
    assert subheading_note(RAW, {}) is None


def test_two_rows_filled_by_one_subheading_are_said_as_a_span():
    raw = _frame({5: ["II", "Văn hóa - xã hội", None, None], 6: [1, "Tủ sách", None, "Tập thể"],
                  7: [2, "Góc đọc", None, "Tập thể"]})
    labels = pd.Series({5: "subheading", 6: "data", 7: "data"})
    filled_raw, filled = fields_from_subheadings(raw, labels)
    assert filled == {5: [6, 7]}
    assert filled_raw["field"].tolist() == [None, "Văn hóa - xã hội", "Văn hóa - xã hội"]
    assert subheading_note(filled_raw, filled) == (
        "Cột 'Lĩnh vực' để trống, đã lấy lĩnh vực theo dòng tiêu đề nhóm: dòng 6 đến 7 lấy "
        "theo dòng 5 'II Văn hóa - xã hội' (Văn hóa - xã hội). Đề nghị lần sau ghi lĩnh vực ở "
        "từng dòng.")
