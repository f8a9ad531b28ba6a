"""Mark groups found on a grid (:func:`thidua.ingest.marks.find_marks`) and the value a row's
marks give (:func:`thidua.ingest.marks.marked_value`), on grids written here: a choice by tick
boxes (``spec/submission-form.md``, "The header row"). Found by mutation testing (issue 14)."""

from __future__ import annotations

import pytest

from thidua.ingest.headers import header_name
from thidua.ingest.marks import find_marks, is_marked, marked_columns, marked_value

TWO_ROWS = [
    ["STT", "Tên mô hình", "Hình thức", "Hình thức", "Tên tập thể/cá nhân"],
    ["", "", "Tập thể", "Cá nhân", ""],
]
COLUMNS = {0: "stt", 1: "model", 2: "type", 3: "type", 4: "registrant"}


def test_two_sub_columns_under_their_parent_are_a_group_named_by_the_units_own_text():
    columns, unknown, marks = find_marks(TWO_ROWS, (0, 1), COLUMNS, {9: "Ghi chú riêng"},
                                         header_name)
    assert columns == {0: "stt", 1: "model", 4: "registrant"}
    assert unknown == {2: "Hình thức / Tập thể", 3: "Hình thức / Cá nhân", 9: "Ghi chú riêng"}
    assert list(unknown) == [2, 3, 9]  # in grid order
    assert marks == {2: ("type", "collective"), 3: ("type", "individual")}


def test_the_arguments_are_not_changed():
    columns, unknown = dict(COLUMNS), {9: "x"}
    find_marks(TWO_ROWS, (0, 1), columns, unknown, header_name)
    assert columns == COLUMNS and unknown == {9: "x"}


def test_a_sub_column_under_another_parent_is_not_in_the_group():
    grid = [["Tên mô hình", "Hình thức", "Kết quả", "Hình thức"],
            ["", "Tập thể", "Cá nhân", "Cá nhân"]]
    columns = {0: "model", 1: "type", 2: "result", 3: "type"}
    _, unknown, marks = find_marks(grid, (0, 1), columns, {}, header_name)
    assert marks == {1: ("type", "collective"), 3: ("type", "individual")}
    assert unknown == {1: "Hình thức / Tập thể", 3: "Hình thức / Cá nhân"}


def test_an_empty_parent_lets_its_sub_columns_join():
    grid = [["Tên mô hình", "Hình thức", ""], ["", "Tập thể", "Cá nhân"]]
    columns, unknown, marks = find_marks(grid, (0, 1), {0: "model", 1: "type"}, {}, header_name)
    assert marks == {1: ("type", "collective"), 2: ("type", "individual")}
    assert columns == {0: "model"}
    assert unknown == {1: "Hình thức / Tập thể", 2: "Cá nhân"}


@pytest.mark.parametrize("subs", [
    ["Tập thể", "Tập thể"],  # two columns, one value
    ["Tập thể", "Ca nhan x"],  # a slip is not enough for a header
    ["Tập thể", ""],
])
def test_fewer_than_two_distinct_exact_values_make_no_group(subs):
    grid = [["Tên mô hình", "Hình thức", "Hình thức"], ["", *subs]]
    columns = {0: "model", 1: "type", 2: "type"}
    assert find_marks(grid, (0, 1), columns, {}, header_name) == (columns, {}, {})


def test_a_value_written_twice_beside_two_others_makes_no_group():
    grid = [["Hình thức", "Hình thức", "Hình thức"], ["Tập thể", "Cá nhân", "Cá nhân"]]
    columns = {0: "type", 1: "type", 2: "type"}
    assert find_marks(grid, (0, 1), columns, {}, header_name)[2] == {}


def test_one_row_header_makes_a_group_only_while_no_column_is_the_coded_one():
    grid = [["Tên mô hình", "Tập thể", "Cá nhân", "Kinh tế", "An ninh - quốc phòng"]]
    columns, unknown, marks = find_marks(grid, (0,), {0: "model"}, {}, header_name)
    assert marks == {1: ("type", "collective"), 2: ("type", "individual"),
                     3: ("field", "KT"), 4: ("field", "ANQP")}
    assert unknown == {1: "Tập thể", 2: "Cá nhân", 3: "Kinh tế", 4: "An ninh - quốc phòng"}
    assert columns == {0: "model"}
    # a real ``Hình thức`` column beside: the sub-columns are no group, the column decides
    wide = [grid[0] + ["Hình thức"]]
    _, _, marks = find_marks(wide, (0,), {0: "model", 5: "type"}, {}, header_name)
    assert marks == {3: ("field", "KT"), 4: ("field", "ANQP")}


def test_a_short_row_reads_as_empty_beyond_its_end():
    grid = [["Tên mô hình", "Hình thức", "Hình thức", "Hình thức"], ["", "Tập thể", "Cá nhân"]]
    _, unknown, marks = find_marks(grid, (0, 1), {0: "model", 1: "type", 2: "type", 3: "type"},
                                   {}, header_name)
    assert marks == {}  # column 3 is still ``type`` elsewhere: no group
    grid[1].append("Ghi chú")
    assert find_marks(grid, (0, 1), {0: "model", 1: "type", 2: "type"}, {}, header_name)[2] \
        == {1: ("type", "collective"), 2: ("type", "individual")}


MARKS = {2: ("type", "collective"), 3: ("type", "individual"), 5: ("field", "KT"),
         6: ("field", "VHXH")}


@pytest.mark.parametrize("row, column, value", [
    (["", "", "x", "", "", "", "x"], "type", "Tập thể"),
    (["", "", "", "✓", "", "x", ""], "type", "Cá nhân"),
    (["", "", "x", "1", "", "", ""], "type", "Tập thể, Cá nhân"),
    (["", "", "0", "-", "", "", ""], "type", ""),
    (["", "", "", "", "", "x", "x"], "field", "Kinh tế, Văn hóa - xã hội"),
    (["", "", "", "", "", "x"], "field", "Kinh tế"),  # a row shorter than the marks
    (["", "", "", "", "", "", "x"], "level", ""),
])
def test_the_value_a_row_marks(row, column, value):
    assert marked_value(row, MARKS, column) == value


def test_marked_columns_follow_the_forms_order():
    assert marked_columns(MARKS) == ["field", "type"]
    assert marked_columns({4: ("result", "tieu_bieu"), 1: ("level", "co_so")}) == ["level",
                                                                                   "result"]
    assert marked_columns({}) == []


@pytest.mark.parametrize("value, marked", [
    ("x", True), (" X ", True), ("có", True), (1, True), ("Không", False), ("k", False),
    ("", False), (None, False), ("0", False), ("–", False), ("o", False), ("sai", False)])
def test_is_marked(value, marked):
    assert is_marked(value) is marked


def test_a_parent_row_shorter_than_the_sub_headers_leaves_the_last_ones_without_parent():
    grid = [["Tên mô hình", "Hình thức"], ["", "Tập thể", "Cá nhân"]]
    _, unknown, marks = find_marks(grid, (0, 1), {0: "model", 1: "type"}, {}, header_name)
    assert marks == {1: ("type", "collective"), 2: ("type", "individual")}
    assert unknown == {1: "Hình thức / Tập thể", 2: "Cá nhân"}


def test_a_parent_naming_another_column_keeps_its_sub_column_out_even_when_not_mapped():
    grid = [["Tên mô hình", "Hình thức", "Kết quả", "Hình thức"],
            ["", "Tập thể", "Cá nhân", "Cá nhân"]]
    _, _, marks = find_marks(grid, (0, 1), {0: "model", 1: "type", 3: "type"}, {}, header_name)
    assert marks == {1: ("type", "collective"), 3: ("type", "individual")}


def test_a_column_that_is_another_form_column_is_never_a_sub_column():
    grid = [["Tên mô hình", "Tập thể", "Cá nhân"]]
    columns = {0: "model", 1: "note"}
    assert find_marks(grid, (0,), columns, {}, header_name) == (columns, {}, {})


@pytest.mark.parametrize("row, value", [
    (["Cộng I", "", "2", ""], ""),  # a block of one type: its count under ``Tập thể`` only
    (["Cộng I", "", "12", ""], ""), (["Cộng I", "", "2.0", ""], ""),
    (["Cộng I", "", "2", "1"], ""),  # counts under both boxes: a 1 there is a count too
    (["Cộng I", "", "", "3"], ""),
    (["1", "Bữa cơm", "1", ""], "Tập thể"),  # a 1 alone still ticks
    (["1", "Bữa cơm", "x", "2"], "Tập thể"),  # a letter always ticks
])
def test_a_number_above_one_in_a_tick_box_is_a_count_not_a_tick(row, value):
    marks = {2: ("type", "collective"), 3: ("type", "individual")}
    assert marked_value(row, marks, "type") == value
