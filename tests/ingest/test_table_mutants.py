"""A later table's header split over two rows (``spec/submission-form.md``, "The header row"),
value by value on grids written in the test: :func:`thidua.ingest.table.table_parts` finds it
as :func:`thidua.ingest.table.find_table` finds the first one, ``Lĩnh vực`` in its lower row
included (found by the mutation run of ``table``: ``_names_field``'s length check)."""

from __future__ import annotations

from thidua.ingest.table import find_table, table_parts

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
