"""Where the form's table is in a grid (``spec/submission-form.md``, "The header row"), value
by value: :func:`thidua.ingest.table.find_table`, :func:`is_annotation` and
:func:`table_parts` on grids written in the test (no file is read)."""

from __future__ import annotations

import pytest

from thidua.ingest.table import (HEADER_SEARCH_ROWS, Table, explains, find_table, is_annotation, is_hint,
                                 table_parts)

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"]
DATA = [1, "Tủ sách Công đoàn", "KT", "TT"]


def test_the_header_is_looked_for_down_the_whole_sheet():
    assert HEADER_SEARCH_ROWS == 30
    title = [["Báo cáo"]] * 29
    assert find_table([*title, HEADER, DATA]).header_rows == (29,)  # Excel row 30
    assert find_table([*title, ["Báo cáo"], HEADER, DATA]).header_rows == (30,)  # row 31
    assert find_table([*title, *title, HEADER, DATA]).header_rows == (58,)
    assert find_table([*title, *title, DATA]) is None
    assert find_table([[], [""], HEADER]).header_rows == (2,)


@pytest.mark.parametrize("row, annotation", [
    (["(1)", "(2)"], True), (["A", "B", "C"], True), (["1", "2"], True), ([" (12) ", None, "3"], True),
    (["(bắt buộc)", "[ghi rõ]"], True), (["(1)"], False), (["(1)", "", None], False),
    (["(1)", "Tủ sách"], False), (["100", "(2)"], False), (["AB", "C"], False),
    (["a", "b"], False), ([], False)])
def test_a_row_that_only_numbers_or_hints_the_columns_is_an_annotation(row, annotation):
    assert is_annotation(row) is annotation


def test_a_row_naming_one_column_above_the_header_is_passed_over():
    assert find_table([["Ghi chú"], ["Báo cáo"], HEADER, DATA]).header_rows == (2,)


def test_a_header_over_two_rows_with_nothing_below_and_rows_of_two_lengths():
    assert find_table([["Tên mô hình", "Thông tin"], ["", "Lĩnh vực"]]).header_rows == (0, 1)
    table = find_table([["Tên mô hình", "Thông tin"], ["", "Lĩnh vực", "Ghi chú", "Cột X"],
                        ["A", "KT", "", ""]])
    assert table.columns == {0: "model", 1: "field", 2: "note"}
    assert table.unknown == {3: "Cột X"}
    table = find_table([["Tên mô hình", "Thông tin"], ["", "Lĩnh vực", "Cột X"]])
    assert (table.columns, table.unknown) == ({0: "model", 1: "field"}, {2: "Cột X"})


def test_tick_boxes_under_the_header_make_a_second_header_row_even_as_the_last_row():
    ticks = [["Tên mô hình", "Lĩnh vực", "Hình thức", ""], ["", "", "Tập thể", "Cá nhân"]]
    for grid in (ticks, [*ticks, ["A", "KT", "x", ""]]):
        table = find_table(grid)
        assert table.header_rows == (0, 1)
        assert table.marks == {2: ("type", "collective"), 3: ("type", "individual")}
        assert table.columns == {0: "model", 1: "field"}


def test_the_columns_a_header_names_and_the_others_kept_by_their_text():
    table = find_table([["", "Ghi chú riêng", *HEADER, None, "Cột X"], [], DATA])
    assert table.header_rows == (0,) and table.data_start == 1
    assert table.columns == {2: "stt", 3: "model", 4: "field", 5: "type"}
    assert table.unknown == {1: "Ghi chú riêng", 7: "Cột X"}
    assert table.marks == {}


def test_a_header_over_two_rows_names_each_column_once_and_joins_the_others():
    grid = [["Tên mô hình", "Thông tin", "Thông tin", "Cột A"],
            ["", "Lĩnh vực", "Khác", "Cột A"],
            ["Tủ sách", "KT", "x", "y"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1)
    assert table.columns == {0: "model", 1: "field"}
    assert table.unknown == {2: "Thông tin / Khác", 3: "Cột A"}


def test_a_row_under_the_header_with_one_header_word_is_data():
    grid = [HEADER, [1, "Tủ sách", "Lĩnh vực", "Tập thể"], DATA]
    assert find_table(grid).header_rows == (0,)
    # ``TT`` (thứ tự) names the ``STT`` column: two headers and one stranger make a header row
    grid = [HEADER, [1, "Tủ sách", "Lĩnh vực", "TT"], DATA]
    assert find_table(grid).header_rows == (0, 1)


def test_a_first_data_row_naming_headers_among_strangers_is_data():
    # ``Cấp công đoàn`` and ``Tên tập thể`` read as headers, but the model and field are not
    header = [*HEADER, "Tên tập thể/cá nhân", "Cấp công đoàn"]
    first = [1, "Tủ sách", "KT", "Tập thể", "Tên tập thể", "Cấp công đoàn"]
    assert find_table([header, first]).header_rows == (0,)
    # as many strangers (``Tủ sách``, ``KT``) as headers: still data
    first = [1, "Tủ sách", "KT", "", "Tên tập thể", "Cấp công đoàn"]
    assert find_table([header, first]).header_rows == (0,)
    # column numbers are no strangers: a second row of headers and numbers is a header row
    second = ["(1)", "(2)", "(3)", "(4)", "Tên tập thể", "Cấp công đoàn"]
    assert find_table([header, second, DATA]).header_rows == (0, 1)


def test_of_two_columns_of_one_header_an_exact_visible_left_one_is_read():
    grid = [["Lĩnh vực", "Tên mô hình", "Lĩnh vực"], ["KT", "Tủ sách", "VH"]]
    assert find_table(grid).columns == {0: "field", 1: "model"}
    assert find_table(grid).unknown == {2: "Lĩnh vực"}
    assert find_table(grid, hidden=frozenset({0})).columns == {1: "model", 2: "field"}
    assert find_table(grid, hidden=frozenset({0})).unknown == {0: "Lĩnh vực"}
    other = [["Lĩnh vực đăng ký", "Tên mô hình", "Lĩnh vực"], ["KT", "Tủ sách", "VH"]]
    assert find_table(other).columns == {1: "model", 2: "field"}
    assert find_table(other).unknown == {0: "Lĩnh vực đăng ký"}


def test_a_header_split_with_the_field_in_the_row_below():
    grid = [["Báo cáo"], ["STT", "Tên mô hình", "Thông tin"], ["", "", "Lĩnh vực"],
            ["(1)", "(2)", "(3)"], DATA[:3]]
    table = find_table(grid)
    assert table.header_rows == (1, 2, 3) and table.data_start == 4
    assert table.columns == {0: "stt", 1: "model", 2: "field"}
    assert table.unknown == {}


def _parts(grid, last=None):
    table = find_table(grid)
    return [(a, b, t.header_rows, t.columns) for a, b, t in
            table_parts(grid, table, len(grid) if last is None else last)]


def test_a_header_repeated_lower_down_keeps_the_visible_column_of_two():
    # column A: last year's ``Lĩnh vực``, hidden; column C the right one. The header printed
    # again on row 3 (a page's repeated title rows) must not switch to column A below it.
    header = ["Lĩnh vực", "Tên mô hình", "Lĩnh vực", "Hình thức"]
    grid = [header, ["VH", "Tủ sách", "KT", "TT"], header, ["VH", "Nụ cười", "KT", "TT"]]
    hidden = frozenset({0})
    table = find_table(grid, hidden)
    assert [(a, b, t.columns) for a, b, t in table_parts(grid, table, 4, hidden)] == [
        (1, 4, {1: "model", 2: "field", 3: "type"})]


def test_a_later_table_keeps_its_own_unknown_columns_and_tick_boxes():
    first = ["Tên mô hình", "Lĩnh vực", "Hình thức"]
    second = ["Tên mô hình", "Lĩnh vực", "Hình thức", "", "Cột riêng"]
    ticks = ["", "", "Tập thể", "Cá nhân", ""]
    grid = [first, ["A", "KT", "TT"], first, ["B", "KT", "TT"], second, ticks,
            ["C", "KT", "x", "", "y"]]
    parts = table_parts(grid, find_table(grid), len(grid))
    assert [(a, b) for a, b, _ in parts] == [(1, 6), (6, 7)]
    later = parts[1][2]
    assert later.header_rows == (4, 5) and later.columns == {0: "model", 1: "field"}
    assert later.unknown == {2: "Hình thức / Tập thể", 3: "Cá nhân", 4: "Cột riêng"}
    assert later.marks == {2: ("type", "collective"), 3: ("type", "individual")}


def test_a_later_header_with_other_columns_starts_a_part_below_it():
    second = [*HEADER, "Chức vụ"]
    grid = [HEADER, DATA, DATA, second, [*DATA, "Tổ trưởng"], [*DATA, "Chủ tịch"]]
    assert _parts(grid) == [
        (1, 4, (0,), {0: "stt", 1: "model", 2: "field", 3: "type"}),
        (4, 6, (3,), {0: "stt", 1: "model", 2: "field", 3: "type", 4: "position"})]
    # a part stops at ``last``: rows past it are in no part
    assert _parts(grid, 4) == [(1, 4, (0,), {0: "stt", 1: "model", 2: "field", 3: "type"})]


def test_the_same_header_repeated_starts_no_part_and_a_header_on_the_last_row_none_either():
    assert _parts([HEADER, DATA, HEADER, DATA]) == [
        (1, 4, (0,), {0: "stt", 1: "model", 2: "field", 3: "type"})]
    assert _parts([HEADER, DATA, [*HEADER, "Chức vụ"]]) == [
        (1, 3, (0,), {0: "stt", 1: "model", 2: "field", 3: "type"})]


def test_a_repeated_header_before_another_header_still_lets_that_one_start_a_part():
    second = [*HEADER, "Chức vụ"]
    grid = [HEADER, DATA, HEADER, DATA, second, [*DATA, "Tổ trưởng"]]
    assert [p[:3] for p in _parts(grid)] == [(1, 5, (0,)), (5, 6, (4,))]


def test_a_row_naming_the_field_in_a_sentence_is_no_header():
    grid = [HEADER, DATA, ["Ghi chú: Lĩnh vực ghi theo mã"], DATA]
    assert _parts(grid) == [(1, 4, (0,), {0: "stt", 1: "model", 2: "field", 3: "type"})]


def test_a_table_with_nothing_below_its_header_is_one_empty_part():
    table = find_table([HEADER])
    assert table_parts([HEADER], table, 1) == [(1, 1, table)]
    assert isinstance(table, Table)


def test_the_second_row_of_a_two_row_header_starts_no_part_of_its_own():
    # alone, row 2 would be a header without ``STT``: it is the first header's lower row
    grid = [["STT", "Thông tin", ""], ["", "Tên mô hình", "Lĩnh vực"], [1, "A", "KT"]]
    assert _parts(grid) == [(2, 3, (0, 1), {0: "stt", 1: "model", 2: "field"})]


@pytest.mark.parametrize("text, hint", [
    ("(1)", True), ("12", True), ("B", True), ("( 3 )", True), ("(ghi ngắn gọn)", True),
    ("[bắt buộc]", True), ("123", False), ("Tên mô hình", False), ("b", False),
    ("Ghi (nếu có)", False), ("", False)])
def test_which_header_texts_are_hints(text, hint):
    assert is_hint(text) is hint


@pytest.mark.parametrize("hints", [["(ghi ngắn gọn)", "(nếu có)"], ["(1)", "(ghi ngắn gọn)"],
                                   ["[bắt buộc]", ""]])
def test_a_second_header_row_of_sub_headers_and_hints_is_header(hints):
    """``Tên tập thể/cá nhân`` over ``Họ và tên`` | ``Chức vụ``, bracketed hints beside them
    in the same row (helper M's finding of 01/12: the row was read as a registration and
    rejected, and the individuals lost their ``Chức vụ`` column)."""
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "", "Ghi chú"],
            ["", hints[0], "", "", "Họ và tên", "Chức vụ", hints[1]],
            [1, "Tủ sách", "KT", "CN", "Trần Thị Bình", "Tổ trưởng", ""]]
    table = find_table(grid)
    assert table.header_rows == (0, 1)
    assert table.columns[4] == "registrant" and table.columns[5] == "position"
    # a first registration naming two headers beside its own words stays data
    data = [grid[0], [1, "Tủ sách", "KT", "Cá nhân", "Công đoàn cơ sở", "CĐCS", "(mới)"]]
    assert find_table(data).header_rows == (0,)


@pytest.mark.parametrize("guide", [
    [["Cột", "Cách ghi"], ["Tên mô hình", "Ghi ngắn gọn"], ["Lĩnh vực", "Kinh tế / VH-XH"],
     ["Hình thức", "Tập thể hoặc Cá nhân"], ["Tên tập thể/cá nhân", "Tên đầy đủ"]],
    [["STT", "Tên cột", "Yêu cầu"], [1, "Tên mô hình", "5 đến 500 ký tự"],
     [2, "Lĩnh vực", "một trong bốn"], [3, "Hình thức", "TT/CN"]],
])
def test_a_column_guide_listing_the_headers_down_a_column_is_no_table(guide):
    """Fresh tester D's 306, 312, 315, 321: ``Tên mô hình`` over ``Lĩnh vực`` in one column was
    taken for a header split over two rows; the guide's lines were rejected as registrations,
    and, as the first sheet that counts, the guide decided the file's unit and year (a unit's
    whole 2024 list lost to last year's file)."""
    assert find_table(guide) is None


def test_a_header_split_over_two_rows_still_has_its_markers_in_two_columns():
    grid = [["STT", "Tên mô hình", "Thông tin", ""], ["", "", "Lĩnh vực", "Hình thức"],
            [1, "Tủ sách", "KT", "TT"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1)
    assert table.columns == {0: "stt", 1: "model", 2: "field", 3: "type"}


EXPLAINED = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
             "Cấp công đoàn", "Thời gian thực hiện", "Kết quả"]


@pytest.mark.parametrize("line, explains_", [
    (["Số thứ tự", "Ghi tên mô hình, phần việc", "Chọn 1 trong 4 lĩnh vực",
      "Tập thể hoặc Cá nhân", "Tên tập thể hoặc họ tên", "Chức vụ của cá nhân",
      "Thành phố / Cấp trên cơ sở / Cơ sở", "dd/mm/yyyy - dd/mm/yyyy", "Để trống"], True),
    (["", "Tên mô hình ngắn gọn", "Kinh tế/VH-XH/AN-QP/XDHTCT", "TT hoặc CN", "", "", "", "",
      ""], True),
    ([1, "Tủ sách pháp luật", "Kinh tế", "Tập thể", "CĐCS Trường A", "", "Cơ sở",
      "01/2024 - 12/2024", "Hoàn thành"], False),
    ([2, "Tập thể và cá nhân cùng tiết kiệm", "Kinh tế", "Cá nhân", "Lê Văn Cường",
      "Chủ tịch Công đoàn cơ sở", "Cấp trên cơ sở", "", ""], False),
    (["", "Ghi tên mô hình", "", "", "", "", "", "", ""], False),  # one cell: too little
])
def test_a_line_explaining_the_columns_belongs_to_the_header(line, explains_):
    """Fresh tester D's 314: a template's line of instructions under the header was rejected
    as a registration."""
    grid = [EXPLAINED, line, [1, "Tủ sách", "KT", "TT", "CĐCS A", "", "", "", ""]]
    table = find_table(grid)
    assert explains(line, table.columns) is explains_
    assert table.header_rows == ((0, 1) if explains_ else (0,))


@pytest.mark.parametrize("values, typed", [
    (["Công nhân lao động", "Đoàn viên", "Người dân", "Tập thể"], False),
    (["Tập thể", "Cá nhân", "TT", "Người dân"], True),
    (["", "", "", ""], True),  # nothing below: the header alone decides
])
def test_a_weak_type_header_over_other_values_is_no_type_column(values, typed):
    """Fresh tester E's 206: ``Đối tượng`` naming whom a model serves was read as the
    ``Hình thức`` column, and every registration rejected as a bad type."""
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Đối tượng", "Tên tập thể/cá nhân"],
            *[[i, f"Mô hình {i}", "KT", v, "CĐCS A"] for i, v in enumerate(values, 1)]]
    table = find_table(grid)
    assert (table.columns.get(3) == "type") is typed
    assert (3 in table.unknown) is not typed
