"""``thidua/ingest/valuecolumns.py`` in this process, on grids built in the test (its
``with_type_column`` runs only inside the parsing worker: a mutation run sees none of the
file-reading tests): a type column found by its values, exactly where the rules draw the line."""

from __future__ import annotations

from dataclasses import replace

from corpus_rows import HEADER, regs
from thidua.ingest.table import Table, find_table
from thidua.ingest.valuecolumns import type_column, with_type_column


def _grid(types: list[str], word: str = "Kiểu đăng ký") -> list[list]:
    rows = regs(len(types))
    for row, kind in zip(rows, types):
        row[3] = kind
    return [[*HEADER[:3], word, *HEADER[4:]], *rows]


def test_two_types_alone_are_enough():
    grid = _grid(["Tập thể", "Cá nhân", "", ""])
    assert type_column(grid, find_table(grid), 1, len(grid)) == 3


def test_a_type_only_interpreted_does_not_count():
    # ``Nhóm`` reads as a collective by interpretation, not exactly: one exact type of three
    grid = _grid(["Nhóm", "Nhóm", "Tập thể"])
    assert type_column(grid, find_table(grid), 1, len(grid)) is None
    grid = _grid(["Nhóm", "Tập thể", "Cá nhân"])  # two of three exact: short of 75%
    assert type_column(grid, find_table(grid), 1, len(grid)) is None
    grid = _grid(["Nhóm", "Tập thể", "Cá nhân", "TT"])  # three of four: 75%
    assert type_column(grid, find_table(grid), 1, len(grid)) == 3


def test_tick_boxes_for_the_type_leave_the_table_as_it_is():
    grid = _grid(["Tập thể", "Cá nhân", "TT", "CN"])
    part = find_table(grid)
    ticked = replace(part, unknown={**part.unknown, 11: "Tập thể", 12: "Cá nhân"},
                     marks={11: ("type", "collective"), 12: ("type", "individual")})
    assert type_column(grid, ticked, 1, len(grid)) is None
    assert with_type_column(grid, ticked, 1, len(grid)) is ticked
    # tick boxes for another coded column do not
    other = replace(part, unknown={**part.unknown, 11: "KT"}, marks={11: ("field", "KT")})
    assert type_column(grid, other, 1, len(grid)) == 3


def test_a_short_row_ending_before_the_column_is_passed_over():
    grid = _grid(["Tập thể", "Cá nhân", "TT"])
    grid.insert(2, grid[2][:3])  # a row of three cells: ends just before the type column
    assert type_column(grid, find_table(grid), 1, len(grid)) == 3


def test_the_column_found_is_named_type_and_no_longer_unknown():
    grid = _grid(["Tập thể", "Cá nhân", "TT", "CN"])
    grid[0].append("Ghi chú riêng")
    for row in grid[1:]:
        row.append("a")
    part = find_table(grid)
    assert part.unknown == {3: "Kiểu đăng ký", 11: "Ghi chú riêng"}
    assert with_type_column(grid, part, 1, len(grid)) == Table(
        header_rows=(0,),
        columns={0: "stt", 1: "model", 2: "field", 4: "registrant", 5: "position", 6: "level",
                 7: "grassroots_union", 8: "period", 9: "result", 10: "note", 3: "type"},
        unknown={11: "Ghi chú riêng"})


def test_only_the_rows_between_start_and_stop_are_read():
    grid = _grid(["ghi", "chú", "Tập thể", "Cá nhân", "TT", "khác", "thêm"])
    part = find_table(grid)
    # rows 3..5 (0-based): three types
    assert with_type_column(grid, part, 3, 6).columns[3] == "type"
    assert with_type_column(grid, part, 1, len(grid)) is part  # 3 of 7
    assert with_type_column(grid, part, 3, 7) == with_type_column(grid, part, 3, 6)
    assert with_type_column(grid, part, 1, 6) is part  # 3 of 5


def test_the_overruled_type_note_word_for_word():
    from thidua.ingest.valuecolumns import overruled_type_note
    assert overruled_type_note("DS 2", "Đối tượng") == (
        "Trang 'DS 2': cột 'Đối tượng' ghi Tập thể/Cá nhân khác với đề mục (TẬP THỂ / CÁ NHÂN) "
        "của bảng nên không đọc như cột 'Hình thức': hình thức lấy theo đề mục. Đề nghị kiểm "
        "tra lại.")


def _unheaded_grid(word: str = "") -> list[list]:
    return _grid(["Tập thể", "Cá nhân", "TT"], word)


def test_unheaded_columns_are_blank_or_error_headers_between_known_ones():
    from thidua.ingest.valuecolumns import _unheaded

    for word, found in (("", [3]), ("#REF!", [3]), ("  ", [3]), ("#N/A", [3]), ("Kiểu", [])):
        grid = _unheaded_grid(word)  # (an error header is unknown to the table: not here)
        part = replace(find_table(grid), unknown={})
        assert _unheaded(grid, part, 1, len(grid)) == found, word
    grid = _unheaded_grid()
    part = find_table(grid)
    assert _unheaded(grid, part, 1, 2) == [3]
    assert _unheaded(grid, part, 2, 2) == [] and _unheaded(grid, part, 3, 2) == []
    assert _unheaded(grid, replace(part, header_rows=()), 1, len(grid)) == []
    assert _unheaded(grid, replace(part, columns={}), 1, len(grid)) == []
    # the header's last row is the one read (here row 0, under a data row said to be above)
    assert _unheaded(grid, replace(part, header_rows=(1, 0)), 1, len(grid)) == [3]
    assert _unheaded(grid, replace(part, header_rows=(0, 1)), 1, len(grid)) == []
    # a column the table reads, or knows as unknown, is none
    assert _unheaded(grid, replace(part, unknown={3: ""}), 1, len(grid)) == []
    assert _unheaded(grid, replace(part, columns={**part.columns, 3: "type"}), 1, len(grid)) == []


def test_unheaded_columns_only_inside_the_table_and_past_a_short_header_row():
    from thidua.ingest.valuecolumns import _unheaded

    grid = _unheaded_grid()
    part = find_table(grid)
    # blank columns left of the first known one and right of the last are no column of it
    grid[0][1] = grid[0][2] = grid[0][10] = ""
    inner = replace(part, columns={c: n for c, n in part.columns.items() if 2 <= c <= 9})
    assert _unheaded(grid, inner, 1, len(grid)) == [3]
    assert _unheaded(grid, replace(part, columns={0: "stt", 4: "registrant"}), 1, len(grid)) == [
        1, 2, 3]
    assert _unheaded(grid, replace(part, columns={0: "stt", 3: "model"}), 1, len(grid)) == [1, 2]
    short = [grid[0][:3], *grid[1:]]  # the header row ends before column 3
    assert _unheaded(short, part, 1, len(short)) == [3]
