"""Two tables side by side (``thidua/ingest/sidebyside.py``), in this process: the split of a
sheet's grid into two sheets, each cell where it was, on grids written in the test the way the
reader hands them over (``split_side_by_side`` runs in the parsing worker, which a test reading a
file reaches only through another process)."""

from __future__ import annotations

from corpus_rows import HEADER, reg
from thidua.ingest.cellfacts import SheetFacts
from thidua.ingest.rows import SheetData
from thidua.ingest.sidebyside import _keep, right_block, split_side_by_side
from thidua.ingest.table import find_table

WIDTH = len(HEADER)  # 11: A:K, then a gap in L, the right table from M


def _grid(gap: int = 1, header_right=HEADER, right_rows=None, title=True) -> list[list]:
    left = [reg(0), reg(2)]
    right = [reg(1), reg(3), reg(5)] if right_rows is None else right_rows
    lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], []] if title else []
    lines.append(list(HEADER) + [""] * gap + list(header_right))
    for i in range(max(len(left), len(right))):
        a = list(left[i]) if i < len(left) else [""] * WIDTH
        b = list(right[i]) if i < len(right) else []
        lines.append(a + [""] * gap + b)
    return lines


def _sheet(grid: list[list], name: str = "DS", encoding: str = "UTF-8",
           facts: SheetFacts | None = None) -> SheetData:
    return SheetData(name, grid, find_table(grid), encoding, facts or SheetFacts())


def test_the_sheet_becomes_two_each_cell_where_it_was():
    grid = _grid()
    facts = SheetFacts(hidden_columns=(11,))
    left, right = split_side_by_side(_sheet(grid, facts=facts))
    assert (left.sheet, right.sheet) == ("DS", "DS (bảng từ cột M)")
    assert left.grid == [[v if c < WIDTH + 1 else "" for c, v in enumerate(row)] for row in grid]
    assert right.grid == [[v if c >= WIDTH + 1 else "" for c, v in enumerate(row)] for row in grid]
    assert [len(row) for row in left.grid] == [len(row) for row in grid]
    assert left.grid[3][0] == "STT" and right.grid[3][12] == "STT" and right.grid[3][0] == ""
    assert left.grid[0] == ["Mã đơn vị: Q-HK"] and right.grid[0] == [""]
    assert right.grid[6][12:16] == reg(5)[:4] and left.grid[6] == [""] * (2 * WIDTH + 1)
    assert left.table.header_rows == right.table.header_rows == (3,)
    assert left.table.columns == dict(enumerate(
        ["stt", "model", "field", "type", "registrant", "position", "level", "grassroots_union",
         "period", "result", "note"]))
    assert right.table.columns == {c + 12: n for c, n in left.table.columns.items()}
    assert (left.encoding, right.encoding) == ("UTF-8", "UTF-8")
    assert left.facts is facts and right.facts is facts
    assert (left.copy_of, right.copy_of, left.excerpt, right.excerpt) == ("", "", False, False)


def test_a_csv_s_right_table_is_named_by_its_column_alone():
    left, right = split_side_by_side(_sheet(_grid(gap=3), name=""))
    assert (left.sheet, right.sheet) == ("", "Bảng từ cột O")
    assert right.table.columns[14] == "stt" and 13 not in right.table.columns


def test_a_right_table_past_column_z_is_named_by_its_two_letters():
    left, right = split_side_by_side(_sheet(_grid(gap=20), name="Đợt 2"))
    assert right.sheet == "Đợt 2 (bảng từ cột AF)"
    assert right.table.columns[31] == "stt" and left.table.columns[0] == "stt"


def test_one_table_is_the_sheet_itself():
    grid = [["Mã đơn vị: Q-HK"], list(HEADER), reg(0), reg(2)]
    sheet = _sheet(grid)
    parts = split_side_by_side(sheet)
    assert len(parts) == 1 and parts[0] is sheet


def test_the_right_table_s_hidden_twin_gives_way():
    """Two ``Tên mô hình`` columns in the right table, the first hidden (last year's): the
    sheet's hidden columns reach the right table's search."""
    header_right = ["STT", "Tên mô hình", "Tên mô hình", "Lĩnh vực", "Hình thức",
                    "Tên tập thể/cá nhân"]
    rows = [[1, "Cũ", "Mới", "Kinh tế", "Cá nhân", "Lê A"]]
    grid = _grid(header_right=header_right, right_rows=rows)
    _, shown = split_side_by_side(_sheet(grid))
    assert shown.table.columns[13] == "model" and shown.table.unknown == {14: "Tên mô hình"}
    _, right = split_side_by_side(_sheet(grid), frozenset({13}))
    assert right.table.columns[14] == "model" and right.table.unknown == {13: "Tên mô hình"}


def test_keep_empties_every_cell_outside_the_columns():
    grid = [["a", "b", "c", "d"], ["e", "f"], []]
    assert _keep(grid, 1, 3) == [["", "b", "c", ""], ["", "f"], []]
    assert _keep(grid, 2, None) == [["", "", "c", "d"], ["", ""], []]
    assert _keep(grid, 0, 1) == [["a", "", "", ""], ["e", ""], []]
    assert grid == [["a", "b", "c", "d"], ["e", "f"], []]


def test_the_right_block_of_a_two_row_header():
    """The header over two rows (``Thời gian thực hiện`` over ``Từ ngày`` | ``Đến ngày``), the
    lower row shorter than the upper: the block still starts after the gap."""
    top = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
           "Thời gian thực hiện", ""]
    sub = ["", "", "", "", "", "Từ ngày", "Đến ngày"]
    grid = [top + [""] + top, sub + [""] + sub[:5],
            [1, "A", "Kinh tế", "Tập thể", "CĐCS X", "01/2024", "12/2024", "",
             1, "B", "Kinh tế", "Cá nhân", "Lê A"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1)
    assert right_block(grid, table) == 8
    left, right = split_side_by_side(SheetData("DS", grid, table))
    assert right.table.columns[8] == "stt" and left.table.columns[6] == "period_to"


def test_a_right_block_starts_where_the_left_one_s_first_header_repeats():
    """No gap: the block starts at the second ``STT``, the one just before the markers; a
    left table whose first column is not column A."""
    grid = [["", "STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "STT",
             "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"],
            ["", 1, "A", "Kinh tế", "Tập thể", "CĐCS X", 1, "B", "Kinh tế", "Cá nhân", "Lê A"]]
    assert right_block(grid, find_table(grid)) == 6
    left, right = split_side_by_side(SheetData("DS", grid, find_table(grid)))
    assert right.sheet == "DS (bảng từ cột G)"
    assert left.grid[1] == ["", 1, "A", "Kinh tế", "Tập thể", "CĐCS X"] + [""] * 5


def test_a_right_block_needs_a_registrant_or_a_type():
    right_only_results = ["STT", "Tên mô hình", "Lĩnh vực", "Kết quả"]
    grid = _grid(header_right=right_only_results, right_rows=[[1, "B", "Kinh tế", "Đạt"]],
                 title=False)
    assert right_block(grid, find_table(grid)) is None
    with_type = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"]
    grid = _grid(header_right=with_type, right_rows=[[1, "B", "Kinh tế", "Cá nhân"]],
                 title=False)
    assert right_block(grid, find_table(grid)) == 12
    with_registrant = ["Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân"]
    grid = _grid(header_right=with_registrant, right_rows=[["B", "Kinh tế", "Lê A"]],
                 title=False)
    assert right_block(grid, find_table(grid)) == 12


def test_a_right_block_needs_both_markers_on_each_side():
    """``Tên mô hình`` twice, but ``Lĩnh vực`` only in the left block: no second table."""
    header_right = ["STT", "Tên mô hình", "Hình thức", "Tên tập thể/cá nhân"]
    grid = _grid(header_right=header_right, right_rows=[[1, "B", "Cá nhân", "Lê A"]],
                 title=False)
    assert right_block(grid, find_table(grid)) is None
    # the right block's markers, the left's ``Lĩnh vực`` missing
    left = ["STT", "Tên mô hình", "Hình thức", "Tên tập thể/cá nhân"]
    grid = [left + [""] + list(HEADER), [1, "A", "Tập thể", "CĐCS X", ""] + reg(1)]
    assert right_block(grid, find_table(grid)) is None


def test_last_year_s_model_and_field_beside_a_registrant_are_no_table():
    """``Tên mô hình năm 2023`` | ``Lĩnh vực năm 2023`` | ``Tên tập thể/cá nhân`` to the right:
    the two columns of another time do not make the right block a table."""
    header_right = ["Tên mô hình năm 2023", "Lĩnh vực năm 2023", "Tên tập thể/cá nhân"]
    grid = _grid(header_right=header_right, right_rows=[["Cũ", "Kinh tế", "Lê A"]],
                 title=False)
    assert right_block(grid, find_table(grid)) is None
    header_right = ["Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân năm 2023"]
    grid = _grid(header_right=header_right, right_rows=[["Mới", "Kinh tế", "Lê A"]],
                 title=False)
    assert right_block(grid, find_table(grid)) is None


H = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"]
R = [1, "Tủ sách", "Kinh tế", "Tập thể", "CĐCS X"]


def _block(grid: list[list]) -> int | None:
    return right_block(grid, find_table(grid))


def test_a_stray_column_between_the_tables_is_no_table_s_start():
    """A lone ``Kết quả`` column between the two tables: the right table starts at the block
    holding its ``Tên mô hình``."""
    assert _block([H + ["", "Kết quả", ""] + H, R + ["", "Đạt", ""] + R]) == 8


def test_an_empty_header_inside_the_right_table_after_its_model():
    """``STT`` | ``Tên mô hình`` | (empty) | ``Lĩnh vực`` …: the right table starts at its
    ``STT``, the block holding its ``Tên mô hình``."""
    right = ["STT", "Tên mô hình", "", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"]
    assert _block([H + [""] + right, R + ["", 1, "B", "", "Kinh tế", "Cá nhân", "Lê A"]]) == 6


def test_a_two_row_header_whose_lower_row_ends_before_the_right_table():
    top = [*H, "Thời gian thực hiện", ""]
    sub = ["", "", "", "", "", "Từ ngày", "Đến ngày"]
    grid = [top + [""] + H, sub, R + ["01/2024", "12/2024", ""] + R]
    assert find_table(grid).header_rows == (0, 1)
    assert _block(grid) == 8


def test_last_year_s_model_inside_the_left_table_then_a_right_table():
    """The second ``Tên mô hình`` (last year's, inside the left table) starts no block; the
    third does."""
    assert _block([H + ["Tên mô hình năm 2023", ""] + H, R + ["Cũ", ""] + R]) == 7


def test_the_right_table_s_first_column_is_not_the_left_table_s():
    """The left table without ``Lĩnh vực``, the right one starting with it: no second table
    (the right table's ``Lĩnh vực`` does not make the left one a table)."""
    left = ["STT", "Tên mô hình", "Hình thức", "Tên tập thể/cá nhân"]
    grid = [left + ["", "Lĩnh vực", "Tên mô hình", "Hình thức", "Tên tập thể/cá nhân"],
            [1, "A", "Tập thể", "X", "", "Kinh tế", "B", "Cá nhân", "Lê A"]]
    assert _block(grid) is None


def test_a_left_table_of_the_two_markers_alone():
    assert _block([["Tên mô hình", "Lĩnh vực", ""] + H, ["A", "Kinh tế", ""] + R]) == 3


def test_the_repeated_first_header_is_the_one_before_the_marker():
    """No gap, both tables starting with ``Tên mô hình``, the right one with last year's
    ``Tên mô hình`` right after it: the right table starts at its first."""
    m = ["Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"]
    grid = [m + ["Tên mô hình"] + m, ["A", "Kinh tế", "Tập thể", "X", "B", "Cũ", "Kinh tế",
                                      "Cá nhân", "Lê A"]]
    assert _block(grid) == 4


def test_last_year_s_header_written_over_two_rows():
    """``Tên mô hình (năm`` over ``trước)``: the two rows' texts read together tell another
    time; the right block is no table."""
    top = [*H, "Thời gian thực hiện", ""]
    sub = ["", "", "", "", "", "Từ ngày", "Đến ngày"]
    grid = [top + ["", "Tên mô hình (năm", "Lĩnh vực (năm", "Tên tập thể/cá nhân",
                   "Thời gian thực hiện", ""],
            sub + ["", "trước)", "trước)", "", "Từ ngày", "Đến ngày"],
            R + ["01/2024", "12/2024", "", "B", "Kinh tế", "Lê A", "01/2023", "12/2023"]]
    assert find_table(grid).header_rows == (0, 1)
    assert _block(grid) is None
