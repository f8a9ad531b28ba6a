"""A later table's header split over two rows (``spec/submission-form.md``, "The header row"),
value by value on grids written in the test: :func:`thidua.ingest.table.table_parts` finds it
as :func:`thidua.ingest.table.find_table` finds the first one, ``Lĩnh vực`` in its lower row
included (found by the mutation run of ``table``: ``_names_field``'s length check)."""

from __future__ import annotations

import pytest

from thidua.ingest.table import find_table, labels_values, table_parts

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"]
DATA = [1, "Tủ sách Công đoàn", "KT", "TT"]
FIRST = {0: "stt", 1: "model", 2: "field", 3: "type"}


def _parts(grid):
    return [(a, b, t.header_rows, t.columns, t.unknown)
            for a, b, t in table_parts(grid, find_table(grid), len(grid))]


def test_a_later_header_with_the_field_in_its_lower_row_starts_a_part():
    upper = ["STT", "Tên mô hình", "Thông tin", "Hình thức", "Chức vụ"]
    lower = ["", "", "Lĩnh vực", "", ""]
    grid = [HEADER, DATA, DATA, upper, lower, [2, "Nụ cười", "KT", "CN", "Tổ trưởng"]]
    assert _parts(grid) == [
        (1, 5, (0,), FIRST, {}),
        (5, 6, (3, 4), {**FIRST, 4: "position"}, {})]


def test_the_row_above_a_lone_field_cell_is_looked_at_only_within_the_part():
    # row 1 is the first header's lower row; row 2, the first data row, names the model and
    # the field in a sentence: with row 1 above it, it would read as a header split over two
    # rows, but row 1 belongs to the header already read (no part of its own)
    grid = [["STT", "Tên mô hình", "Thông tin", ""], ["", "", "Lĩnh vực", ""],
            [1, "Tên mô hình", "", "Ghi chú: Lĩnh vực ghi theo mã"], [2, "B", "KT", ""]]
    assert _parts(grid) == [(2, 4, (0, 1), {0: "stt", 1: "model", 2: "field"}, {})]


def test_a_cell_too_long_for_a_header_never_makes_its_row_a_later_header_s_upper_row():
    # a note row naming one column (``Ghi chú``) right above a later header: a row is looked
    # at for a later header only for a header-sized cell naming the field; a note of over
    # 1 000 characters mentioning ``Lĩnh vực`` is text, so the header is row 3 alone
    note = ["Ghi chú", "Lĩnh vực ghi theo mã. " + "x" * 1000, "", "", ""]
    second = [*HEADER, "Chức vụ"]
    grid = [HEADER, DATA, note, second, [*DATA, "Tổ trưởng"]]
    assert _parts(grid) == [(1, 4, (0,), FIRST, {}),
                            (4, 5, (3,), {**FIRST, 4: "position"}, {})]


def test_a_later_two_row_header_right_under_the_first_table_s_column_numbers():
    # the first table is a header and its row of column numbers: its data start on row 2,
    # which is the later header's upper row (the part above holds only the later header)
    numbers = ["(1)", "(2)", "(3)", "(4)"]
    upper = ["STT", "Tên mô hình", "Thông tin", "Hình thức", "Chức vụ"]
    lower = ["", "", "Lĩnh vực", "", ""]
    grid = [HEADER, numbers, upper, lower, [2, "Nụ cười", "KT", "CN", "Tổ trưởng"]]
    assert _parts(grid) == [(2, 4, (0, 1), FIRST, {}),
                            (4, 5, (2, 3), {**FIRST, 4: "position"}, {})]


def test_a_later_two_row_header_keeps_the_visible_one_of_two_field_columns():
    upper = ["STT", "Tên mô hình", "Thông tin", "", "Chức vụ"]
    lower = ["", "", "Lĩnh vực", "Lĩnh vực", ""]
    grid = [HEADER, DATA, upper, lower, [2, "Nụ cười", "VH", "KT", "Tổ trưởng"]]
    hidden = frozenset({2})  # last year's field column, hidden beside this year's
    got = [(a, b, t.header_rows, t.columns, t.unknown)
           for a, b, t in table_parts(grid, find_table(grid, hidden), len(grid), hidden)]
    assert got == [(1, 4, (0,), FIRST, {}),
                   (4, 5, (2, 3), {0: "stt", 1: "model", 3: "field", 4: "position"},
                    {2: "Thông tin / Lĩnh vực"})]
    assert _parts(grid)[1][3:] == ({0: "stt", 1: "model", 2: "field", 4: "position"},
                                   {3: "Lĩnh vực"})


TWINS = ["Tên mô hình", "Lĩnh vực", "Lĩnh vực"]


def test_of_two_columns_of_one_header_one_empty_below_the_header_the_other_is_read():
    def read(grid):
        table = find_table(grid)
        return table.columns, table.unknown

    right = ({0: "model", 2: "field"}, {1: "Lĩnh vực"})
    left = ({0: "model", 1: "field"}, {2: "Lĩnh vực"})
    assert read([TWINS, ["A", "", "KT"], ["B", None, "VH"]]) == right
    assert read([TWINS, ["A", "KT", "KT"], ["B", "", "VH"]]) == left  # values in its first row
    assert read([TWINS, ["A", "VH", "KT"]]) == left  # both hold values: the left one
    assert read([TWINS, ["A", "KT", ""]]) == left
    assert read([TWINS, ["A"], ["B", "", "KT"]]) == right  # a short row holds nothing there
    assert read([TWINS, ["A", " ", "KT"]]) == right  # spaces are nothing
    assert read([TWINS]) == left  # nothing below: both empty, the left one
    # a column with a header of its own, empty below, is read all the same
    table = find_table([["Tên mô hình", "Lĩnh vực", "Ghi chú", "Lĩnh vực"], ["A", "", ""],
                        ["B", "", "", "KT"]])
    assert (table.columns, table.unknown) == ({0: "model", 2: "note", 3: "field"},
                                              {1: "Lĩnh vực"})


@pytest.mark.parametrize("row, says", [
    (["Mã đơn vị: Q-LB"], True), ([None, "", " Mã đơn vị: Q-LB "], True),
    (["Mã đơn vị: Q-LB:"], True),        # the first colon parts label and value
    ([": Q-LB"], False),                 # no label before the colon
    (["Mã đơn vị:"], False), (["Năm:", ":"], False),  # a label without a value
    (["Mã đơn vị:", "Q-LB"], True), (["Mã đơn vị", ":", "Q-LB"], True),
    (["Năm:", ":", "2024"], True),
    (["Tên mô hình:", "Lĩnh vực"], False),  # a header after a colon: a header row
    (["Mã đơn vị:", "Tên mô hình", "Q-LB"], False),
    (["Biểu 01", "x", "Tên mô hình:", ":", "Lĩnh vực"], False),
    (["Năm", "2024"], True), (["Năm", "2024.0"], True), (["Mã đơn vị", "Q-LB"], True),
    (["Năm", "Tên mô hình"], False), (["Năm học", "2024"], False),
    (["STT", "Tên mô hình", "Lĩnh vực"], False),
])
def test_a_row_of_labels_with_values_is_never_a_header_s_upper_row(row, says):
    assert labels_values(row) is says


# --- 01/12: the survivors of the whole re-run, in this process -----------------------------

from thidua.ingest.table import _empty_twins, _strangers, _tick_boxes  # noqa: E402


def test_column_numbers_with_a_dot_are_no_strangers_in_a_second_header_row():
    row = ["Họ và tên", "Chức vụ", "1.", "(2).", "3", "(ghi rõ)", "Nguyễn Văn A"]
    assert _strangers(row, {0: "registrant", 1: "position"}) == 1  # the name alone
    upper = ["STT", "Tên mô hình", "Lĩnh vực", "Cá nhân", ""]
    lower = ["1.", "2.", "3.", "Họ và tên", "Chức vụ"]
    table = find_table([upper, lower, [1, "Tủ sách", "KT", "Nguyễn Văn A", "Tổ trưởng"]])
    assert table.header_rows == (0, 1)
    assert table.columns == {0: "stt", 1: "model", 2: "field", 3: "registrant", 4: "position"}


def test_tick_boxes_under_a_header_allow_one_other_cell_beside_them():
    top = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "", "Ghi chú"]
    names = {0: "stt", 1: "model", 2: "field", 3: "type", 5: "note"}
    for below, tick in ((["", "", "", "Tập thể", "Cá nhân", ""], True),
                        (["", "", "x", "Tập thể", "Cá nhân", ""], True),   # one stranger
                        (["", "y", "x", "Tập thể", "Cá nhân", ""], False),  # two: data
                        ):
        assert _tick_boxes([top, below], 0, names, {}) is tick, below


def test_a_column_whose_header_no_other_carries_is_never_an_empty_twin():
    grid = [["Tên mô hình", "Lĩnh vực", "Lĩnh vực", "Ghi chú"], ["a", "", "KT", ""]]
    names = {0: "model", 1: "field", 2: "field", 3: "note"}
    assert _empty_twins(grid, 1, names) == {1}
    assert _empty_twins(grid, 1, {0: "model", 3: "note"}) == set()


UPPER = ["STT", "Tên mô", "Lĩnh", "Hình", "Ghi"]
LOWER = ["", "hình", "vực", "thức", "chú"]
WRAPPED = {0: "stt", 1: "model", 2: "field", 3: "type", 4: "note"}


def test_a_wrapped_header_as_the_sheet_s_last_two_rows_is_found():
    table = find_table([UPPER, LOWER])
    assert (table.header_rows, table.columns) == ((0, 1), WRAPPED)


def test_a_wrapped_header_needs_three_columns_of_two_texts():
    three = find_table([UPPER[:4], LOWER[:4], [1, "x", "KT", "TT"]])
    assert (three.header_rows, three.columns) == ((0, 1), {0: "stt", 1: "model", 2: "field",
                                                           3: "type"})
    assert find_table([UPPER[:3], LOWER[:3], [1, "x", "KT"]]) is None  # two: no header


def test_a_wrapped_header_s_rows_may_be_of_two_lengths():
    # the upper row shorter: the lower row's last cell is read alone
    table = find_table([UPPER[:4], [*LOWER[:4], "Ghi chú"], [1, "x", "KT", "TT", ""]])
    assert (table.header_rows, table.columns) == ((0, 1), WRAPPED)
    # the lower row shorter: the upper row's last cell is read alone
    table = find_table([[*UPPER[:4], "Ghi chú"], LOWER[:4], [1, "x", "KT", "TT", ""]])
    assert (table.header_rows, table.columns) == ((0, 1), WRAPPED)


def test_wrapped_words_naming_neither_marker_or_the_markers_alone():
    # ``Hình thức``, ``Ghi chú``, ``Chức vụ`` wrapped: form columns, but no model nor field
    assert find_table([["Hình", "Ghi", "Chức"], ["thức", "chú", "vụ"], ["TT", "", ""]]) is None
    # the two markers and a column of other words: a header all the same
    table = find_table([["Tên mô", "Lĩnh", "Cột"], ["hình", "vực", "khác"], ["x", "KT", ""]])
    assert (table.header_rows, table.columns, table.unknown) == (
        (0, 1), {0: "model", 1: "field"}, {2: "Cột / khác"})


def test_an_ambiguous_column_is_decided_over_short_rows_too():
    header = ["STT", "Tên mô hình", "Lĩnh vực", "Loại"]
    grid = [header, [1, "a", "KT", "Tiêu biểu"], [2, "b", "KT"], [3, "c"],
            [4, "d", "KT", "Hoàn thành"]]
    assert find_table(grid).columns[3] == "result"


def test_the_hint_shows_eight_cells_of_40_characters_at_most():
    from thidua.ingest.table import header_hint

    long = "Tên tập thể/cá nhân đăng ký thực hiện mô hình"  # 45 characters
    row = ["STT", "Tên mô hình", "Hình thức", long, "Chức vụ", "Cấp công đoàn", "Kết quả",
           "Ghi chú"]
    said = (" Dòng 1 có vẻ là dòng tiêu đề ('STT', 'Tên mô hình', 'Hình thức', "
            f"'{long[:40]}', 'Chức vụ', 'Cấp công đoàn', 'Kết quả', 'Ghi chú'{{}}) nhưng không "
            "có cột nào đọc được là 'Lĩnh vực'; đề nghị ghi tiêu đề cột đó là 'Lĩnh vực' như "
            "biểu DVK-01 rồi gửi lại.")
    assert len(long) == 45
    assert header_hint([row]) == said.format("")
    assert header_hint([[*row, "Thêm"]]) == said.format(", …")


def test_a_wrapped_header_with_the_field_alone_in_its_lower_row_keeps_every_column():
    """``Thuộc`` over ``Lĩnh vực`` beside ``Hình`` over ``thức``, ``Chức`` over ``vụ``: read as
    parent and sub-headers the two rows named the model and the field only, ``Hình / thức`` and
    ``Chức / vụ`` left unknown (found by the mutation run of 01/12: ``markers < top | below``)."""
    table = find_table([["Tên mô hình", "Thuộc", "Hình", "Chức"], ["", "Lĩnh vực", "thức", "vụ"],
                        ["x", "KT", "TT", ""]])
    assert (table.header_rows, table.columns, table.unknown) == (
        (0, 1), {0: "model", 1: "field", 2: "type", 3: "position"}, {})
    # a parent over sub-headers naming as many columns is read as before
    table = find_table([["STT", "Mô hình", "Mô hình", "Hình thức"],
                        ["", "Tên mô hình", "Lĩnh vực", ""], [1, "x", "KT", "TT"]])
    assert (table.header_rows, table.columns) == (
        (0, 1), {0: "stt", 1: "model", 2: "field", 3: "type"})
