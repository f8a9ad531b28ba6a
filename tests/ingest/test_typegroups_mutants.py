"""A name column per type (``thidua/ingest/typegroups.py``), in this process: the type a header
names, the header's sub-row of the two types, the name columns found, and the grid rewritten
cell by cell, on grids written in the test the way the reader hands them over
(``typed_by_column`` runs in the parsing worker, which a test reading a file reaches only
through another process)."""

from __future__ import annotations

import pytest

from thidua.ingest.table import find_table
from thidua.ingest.typegroups import TYPE_GROUPS_NOTE, _header_rows, _type_of, name_columns, \
    typed_by_column


@pytest.mark.parametrize("texts, kind", [
    (["Tập thể"], "collective"), (["Cá nhân"], "individual"), (["", "TT"], "collective"),
    (["Ca nhan"], "individual"), (["Tập thể", "Cá nhân"], "collective"),
    (["Tổ chức", "Cá nhân"], "individual"),  # read by approximation: no type's header
    (["Tổ chức"], None), (["Tên tập thể/cá nhân"], None), (["Họ và tên", ""], None), ([], None),
])
def test_the_type_a_header_names_exactly(texts, kind):
    assert _type_of(texts) == kind


SPLIT = [["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "", "Chức vụ"],
         ["", "", "", "Tập thể", "Cá nhân"]]


def test_a_row_of_the_two_types_under_the_header_is_part_of_it():
    grid = [*SPLIT, [1, "A", "Kinh tế", "CĐCS X", ""]]
    assert find_table(grid).header_rows == (0,)
    assert _header_rows(grid, find_table(grid)) == (0, 1)
    assert _header_rows(SPLIT, find_table(SPLIT)) == (0, 1)
    for under in (["", "", "", "Tập thể", ""], ["", "", "", "Tập thể", "Cá nhân", "Ghi chú"],
                  ["", "", "", "Tập thể", "Tổ chức"], [1, "A", "Kinh tế", "CĐCS X", ""]):
        grid = [SPLIT[0], under]
        assert _header_rows(grid, find_table(grid)) == (0,), under
    alone = [SPLIT[0]]
    assert _header_rows(alone, find_table(alone)) == (0,)


def test_the_name_columns_of_each_layout():
    grid = [*SPLIT, [1, "A", "Kinh tế", "CĐCS X", ""]]
    assert name_columns(grid, find_table(grid)) == (3, 4)
    # ``Tập thể`` beside ``Cá nhân`` merged (and filled) over ``Họ và tên`` | ``Chức vụ``: the
    # individuals' first column
    group = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể", "Cá nhân", "Cá nhân"],
             ["", "", "", "", "Họ và tên", "Chức vụ"], [1, "A", "Kinh tế", "CĐCS X", "", ""]]
    assert name_columns(group, find_table(group)) == (3, 4)
    # individuals first, and the second row longer than the first
    swapped = [["STT", "Tên mô hình", "Lĩnh vực", "Cá nhân", "Tập thể"],
               ["", "", "", "Họ và tên", "", "", "", "Kết quả"], [1, "A", "Kinh tế", "Lê A", ""]]
    assert name_columns(swapped, find_table(swapped)) == (4, 3)


def test_no_name_columns_without_both_types_or_with_a_type_column_and_ticks():
    one = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể"], [1, "A", "Kinh tế", "CĐCS X"]]
    assert name_columns(one, find_table(one)) is None
    # beside a type column, names under the two types are still its name columns (fresh
    # tester J's J132); tick boxes there are no names
    typed = [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tập thể", "Cá nhân"],
             [1, "A", "Kinh tế", "TT", "CĐCS X", ""]]
    assert name_columns(typed, find_table(typed)) == (4, 5)
    marked = [[*typed[0], "Tên tập thể/cá nhân"], [1, "A", "Kinh tế", "TT", "x", "", "CĐCS X"]]
    assert name_columns(marked, find_table(marked)) is None
    ticks = [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "", "Tên tập thể/cá nhân"],
             ["", "", "", "Tập thể", "Cá nhân", ""], [1, "A", "Kinh tế", "x", "", "CĐCS X"],
             [2, "B", "Kinh tế", "", "x", "Lê A"]]
    table = find_table(ticks)
    assert set(table.marks) == {3, 4} and "type" not in table.columns.values()
    assert name_columns(ticks, table) is None


def test_a_type_s_name_over_a_column_the_form_reads_otherwise_names_no_names():
    """``Cá nhân`` over ``Chức vụ`` (``Tập thể`` over ``Họ và tên``): the position, not the
    individuals' name column."""
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể", "Cá nhân"],
            ["", "", "", "Họ và tên", "Chức vụ"], [1, "A", "Kinh tế", "CĐCS X", "Tổ trưởng"]]
    table = find_table(grid)
    assert table.columns[4] == "position"
    assert name_columns(grid, table) is None
    assert typed_by_column(grid, table) is None


ROWS = [[1, "A", "Kinh tế", "CĐCS X", "", "", "dư"],
        [2, "B", "Kinh tế", "", "Lê A", "Tổ trưởng"],
        [3, "C", "Kinh tế", "CĐCS Y", "Lê B"],  # both: both names, the type asked
        [4, "D", "Kinh tế", "", ""],  # neither: no type
        ["", "E", "Kinh tế", "CĐCS Z", ""],  # a field without an STT
        [5, "F", "", "", "Lê C"],  # an STT without a field
        ["", "G", "", "CĐCS W", ""],  # neither: a group's line, as it is
        [6, "", "Kinh tế", "CĐCS V", ""],  # no model: as it is
        [],
        ["", "Tổng cộng", "", "4", "3"],
        ["", "Người lập biểu", "", "Nguyễn A"]]


def test_the_grid_is_rewritten_as_the_form_cell_by_cell():
    out, table = typed_by_column([*SPLIT, *ROWS], find_table([*SPLIT, *ROWS]))
    assert out == [
        [""] * 8,
        ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "", "Chức vụ", "", "Hình thức"],
        [1, "A", "Kinh tế", "CĐCS X", "", "", "dư", "Tập thể"],
        [2, "B", "Kinh tế", "Lê A", "", "Tổ trưởng", "", "Cá nhân"],
        [3, "C", "Kinh tế", "CĐCS Y / Lê B", "", "", "", "Tập thể, Cá nhân"],
        [4, "D", "Kinh tế", "", "", "", "", ""],
        ["", "E", "Kinh tế", "CĐCS Z", "", "", "", "Tập thể"],
        [5, "F", "", "Lê C", "", "", "", "Cá nhân"],
        ["", "G", "", "CĐCS W", "", "", "", ""],
        [6, "", "Kinh tế", "CĐCS V", "", "", "", ""],
        [""] * 8,
        ["", "Tổng cộng", "", "4", "3", "", "", ""],
        ["", "Người lập biểu", "", "Nguyễn A", "", "", "", ""]]
    assert table.header_rows == (1,)
    assert table.columns == {0: "stt", 1: "model", 2: "field", 3: "registrant", 5: "position",
                             7: "type"}


def test_a_header_over_three_rows_keeps_each_column_s_lowest_text():
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể", "Cá nhân", "Cá nhân", "Thời gian"],
            ["", "", "", "", "Họ và tên", "Chức vụ", "Thời gian thực hiện"],
            [1, "A", "Kinh tế", "", "Lê A", "Tổ trưởng", "01/2024 - 12/2024"],
            [2, "B", "Kinh tế", "CĐCS X", "", "", ""]]
    out, table = typed_by_column(grid, find_table(grid))
    assert out[:2] == [[""] * 8, ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "",
                                  "Chức vụ", "Thời gian thực hiện", "Hình thức"]]
    assert out[2] == [1, "A", "Kinh tế", "Lê A", "", "Tổ trưởng", "01/2024 - 12/2024", "Cá nhân"]
    assert out[3] == [2, "B", "Kinh tế", "CĐCS X", "", "", "", "Tập thể"]
    assert table.columns == {0: "stt", 1: "model", 2: "field", 3: "registrant", 5: "position",
                             6: "period", 7: "type"}
    assert grid[2][3:5] == ["", "Lê A"]  # the sheet's own grid untouched


def test_the_rewritten_table_keeps_the_sheet_s_hidden_columns():
    """Two ``Kết quả`` columns, the first hidden (last year's): the visible one is read."""
    grid = [[*SPLIT[0], "Kết quả", "Kết quả"], SPLIT[1],
            [1, "A", "Kinh tế", "CĐCS X", "", "", "Đạt", "Tiêu biểu"]]
    _, shown = typed_by_column(grid, find_table(grid))
    assert shown.columns[6] == "result" and shown.unknown == {7: "Kết quả"}
    _, table = typed_by_column(grid, find_table(grid, frozenset({6})), frozenset({6}))
    assert table.columns[7] == "result" and table.unknown == {6: "Kết quả"}


def test_the_note_tells_the_unit_what_was_read():
    assert TYPE_GROUPS_NOTE == (
        "không có cột 'Hình thức': tên tập thể và tên cá nhân ở hai cột riêng; hình thức của "
        "mỗi dòng đã lấy theo cột có tên. Đề nghị lần sau dùng đúng biểu DVK-01 (cột 'Hình "
        "thức' và một cột 'Tên tập thể/cá nhân').")


NUMBERS = ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]


def test_the_column_numbers_under_the_types_stay_under_the_header():
    """``(1) (2) (3) …`` under ``Tập thể`` | ``Cá nhân``: part of the header, never a
    registration (it was typed ``Tập thể, Cá nhân`` and rejected)."""
    grid = [*SPLIT, NUMBERS, [1, "A", "Kinh tế", "CĐCS X", ""], [2, "B", "Kinh tế", "", "Lê A"]]
    table = find_table(grid)
    assert _header_rows(grid, table) == (0, 1, 2)
    assert _header_rows(grid[:2] + grid[3:], table) == (0, 1)
    assert _header_rows(grid[:2], table) == (0, 1)  # the types' row the sheet's last
    out, rewritten = typed_by_column(grid, table)
    assert out[:3] == [[""] * 7, ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "",
                                  "Chức vụ", "Hình thức"], NUMBERS + [""]]
    assert out[3:] == [[1, "A", "Kinh tế", "CĐCS X", "", "", "Tập thể"],
                       [2, "B", "Kinh tế", "Lê A", "", "", "Cá nhân"]]
    assert rewritten.header_rows == (1, 2) and rewritten.data_start == 3


def test_the_column_numbers_under_a_group_s_names_stay_under_the_header():
    """``Tập thể`` beside ``Cá nhân`` over ``Họ và tên`` | ``Chức vụ``, then ``1 2 3 …``: the
    header's lowest words are the names, not the numbers (the sheet was not rewritten, every
    row rejected ``Thiếu 'Hình thức'``)."""
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể", "Cá nhân", "Cá nhân"],
            ["", "", "", "", "Họ và tên", "Chức vụ"], [1, 2, 3, 4, 5, 6],
            [1, "A", "Kinh tế", "CĐCS X", "", ""], [2, "B", "Kinh tế", "", "Lê A", "Tổ trưởng"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1, 2)
    out, rewritten = typed_by_column(grid, table)
    assert out[:3] == [[""] * 7, ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "",
                                  "Chức vụ", "Hình thức"], [1, 2, 3, 4, 5, 6, ""]]
    assert out[3:] == [[1, "A", "Kinh tế", "CĐCS X", "", "", "Tập thể"],
                       [2, "B", "Kinh tế", "Lê A", "", "Tổ trưởng", "Cá nhân"]]
    assert rewritten.header_rows == (1, 2)
    assert rewritten.columns == {0: "stt", 1: "model", 2: "field", 3: "registrant",
                                 5: "position", 6: "type"}


def test_a_hint_under_a_header_is_not_its_text():
    """``Tên mô hình`` over ``(ghi ngắn gọn)`` in the header's second row: the flattened header
    keeps ``Tên mô hình`` (it took the hint, found no header and the sheet was not rewritten,
    every row rejected ``Thiếu 'Hình thức'``); ``Từ ngày`` | ``Đến ngày`` stay the period's."""
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể", "Cá nhân", "Cá nhân",
             "Thời gian thực hiện", ""],
            ["", "(ghi ngắn gọn)", "", "", "Họ và tên", "Chức vụ", "Từ ngày", "Đến ngày"],
            [1, "A", "Kinh tế", "CĐCS X", "", "", "01/2024", "12/2024"],
            [2, "B", "Kinh tế", "", "Lê A", "Tổ trưởng", "01/2024", "12/2024"]]
    assert find_table(grid).header_rows == (0, 1)
    out, table = typed_by_column(grid, find_table(grid))
    assert out[:2] == [[""] * 9, ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "",
                                  "Chức vụ", "Từ ngày", "Đến ngày", "Hình thức"]]
    assert [row[8] for row in out[2:]] == ["Tập thể", "Cá nhân"]
    assert table.columns == {0: "stt", 1: "model", 2: "field", 3: "registrant", 5: "position",
                             6: "period_from", 7: "period_to", 8: "type"}


def test_the_header_keeps_the_text_the_table_read_each_column_by():
    """``Tên mô hình`` over ``Nội dung`` (the flattened header took ``Nội dung``: no header
    found, the sheet not rewritten, every row rejected); ``Đơn vị phối hợp`` over ``(nếu
    có)``: the hint is no header; ``Thời gian thực hiện`` over ``Từ ngày`` | ``Đến ngày``: the
    sub-columns."""
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể", "Cá nhân", "Cá nhân",
             "Thời gian thực hiện", "", "Đơn vị phối hợp"],
            ["", "Nội dung", "", "", "Họ và tên", "Chức vụ", "Từ ngày", "Đến ngày", "(nếu có)"],
            [1, "A", "Kinh tế", "CĐCS X", "", "", "01/2024", "12/2024", ""],
            [2, "B", "Kinh tế", "", "Lê A", "Tổ trưởng", "01/2024", "12/2024", ""]]
    assert find_table(grid).header_rows == (0, 1)
    out, table = typed_by_column(grid, find_table(grid))
    assert out[1] == ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "", "Chức vụ",
                      "Từ ngày", "Đến ngày", "Đơn vị phối hợp", "Hình thức"]
    assert table.columns == {0: "stt", 1: "model", 2: "field", 3: "registrant", 5: "position",
                             6: "period_from", 7: "period_to", 9: "type"}
    assert table.unknown == {8: "Đơn vị phối hợp"}


def test_a_header_wrapped_onto_the_next_row_is_read_joined():
    """``Tên mô`` | ``Lĩnh`` over ``hình`` | ``vực`` (no merged cells), ``Tập thể`` beside
    ``Cá nhân`` over ``Họ và tên`` | ``Chức vụ``: the flattened header joins the wrapped words
    (it took ``hình``: the sheet was not rewritten)."""
    grid = [["STT", "Tên mô", "Lĩnh", "Tập thể", "Cá nhân", "Cá nhân"],
            ["", "hình", "vực", "", "Họ và tên", "Chức vụ"],
            [1, "A", "Kinh tế", "CĐCS X", "", ""], [2, "B", "Kinh tế", "", "Lê A", "Tổ trưởng"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1) and name_columns(grid, table) == (3, 4)
    out, rewritten = typed_by_column(grid, table)
    assert out[1] == ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "", "Chức vụ",
                      "Hình thức"]
    assert [row[6] for row in out[2:]] == ["Tập thể", "Cá nhân"]
    assert rewritten.columns == {0: "stt", 1: "model", 2: "field", 3: "registrant",
                                 5: "position", 6: "type"}


def test_the_column_numbers_the_sheet_s_last_row():
    assert _header_rows([*SPLIT, NUMBERS], find_table(SPLIT)) == (0, 1, 2)


def test_a_header_over_two_rows_above_the_types():
    """``Thời gian thực hiện`` over ``Từ ngày`` | ``Đến ngày``, then the types' row: the header
    is flattened onto the types' row, the last of the three."""
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "", "Thời gian thực hiện",
             ""],
            ["", "", "", "", "", "Từ ngày", "Đến ngày"], ["", "", "", "Tập thể", "Cá nhân", "", ""],
            [1, "A", "Kinh tế", "CĐCS X", "", "01/2024", "12/2024"],
            [2, "B", "Kinh tế", "", "Lê A", "01/2024", "12/2024"]]
    out, table = typed_by_column(grid, find_table(grid))
    assert out[:3] == [[""] * 8, [""] * 8, ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân",
                                            "", "Từ ngày", "Đến ngày", "Hình thức"]]
    assert table.header_rows == (2,) and table.columns[5] == "period_from"


def test_rows_after_a_blank_or_a_group_s_line_are_typed_too():
    grid = [*SPLIT, [1, "A", "Kinh tế", "CĐCS X", ""], [], ["", "Nhóm 2", "", "", ""],
            [2, "B", "Kinh tế", "", "Lê A"]]
    out, _ = typed_by_column(grid, find_table(grid))
    assert [row[6] for row in out[2:]] == ["Tập thể", "", "", "Cá nhân"]
