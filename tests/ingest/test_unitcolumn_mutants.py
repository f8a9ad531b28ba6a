"""A column headed ``Đơn vị`` holding registry codes (:func:`thidua.ingest.unitcolumn.
unit_code_column`) on sheets built in this process: which headers are weak, which cells are
counted, more than half exactly, what is shown, the sheets left alone, the lines word for
word."""

from __future__ import annotations

from dataclasses import replace

from thidua.ingest.rows import SheetData
from thidua.ingest.table import find_table
from thidua.ingest.unitcolumn import WEAK_UNIT_HEADERS, _weak_header, unit_code_column

CODES = frozenset({"Q-CG", "Q-HK", "Q-BD"})
FORM = ["Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"]


def _sheet(values: list, header: str = "Đơn vị", title: list[list] = ()) -> SheetData:
    rows = [[i + 1, v, f"Mô hình số {i + 1}", "Kinh tế", "Tập thể", "CĐCS Công ty May 10"]
            for i, v in enumerate(values)]
    grid = [*map(list, title), ["STT", header, *FORM], *rows]
    return SheetData("DS", grid, find_table(grid))


def _read_as(label: str, shown: str) -> str:
    return (f"Cột '{label}' ghi mã đơn vị trong danh mục ({shown}): đã đọc là cột 'Mã đơn vị'; "
            f"đề nghị lần sau đặt tiêu đề cột là 'Mã đơn vị'.")


def test_weak_headers():
    assert WEAK_UNIT_HEADERS == {"don vi", "dv", "don vi gui", "ten don vi gui"}
    for text in ("Đơn vị", "ĐV", "Đơn vị gửi", "Tên đơn vị gửi", "Đơn vị (mã)", "Đơn vị [ghi mã]",
                 " Đơn vị : ", "Thông tin / Đơn vị"):
        assert _weak_header(text), text
    for text in ("Tên đơn vị", "Đơn vị / Ghi chú", "Đơn vị công tác", "Đơn vị (mã) gửi", "Đơn"):
        assert not _weak_header(text), text


def test_a_column_of_codes_is_read_as_the_unit_code_column_told():
    sheet = _sheet(["Q-CG", "Q-CG", "Q-CG", "Q-CG"])
    assert sheet.table.unknown == {1: "Đơn vị"}
    read, said = unit_code_column(sheet, CODES)
    assert read.table.columns == {0: "stt", 1: "unit_code", 2: "model", 3: "field", 4: "type",
                                  5: "registrant"}
    assert list(read.table.columns) == [0, 1, 2, 3, 4, 5]
    assert read.table.unknown == {}
    assert read.grid is sheet.grid and read.table.header_rows == sheet.table.header_rows
    assert said == _read_as("Đơn vị", "'Q-CG'")
    assert 1 not in sheet.table.columns and sheet.table.unknown == {1: "Đơn vị"}  # not modified


def test_the_first_three_codes_shown_once_each():
    _, said = unit_code_column(_sheet(["Q-CG", "q-cg", "Q-CG", "Q.CG", "Q-HK"]), CODES)
    assert said == _read_as("Đơn vị", "'Q-CG', 'q-cg'")
    _, said = unit_code_column(_sheet(["Q-CG", "q-cg", "Q.CG", "Q-HK"]), CODES)
    assert said == _read_as("Đơn vị", "'Q-CG', 'q-cg', 'Q.CG'")


def test_more_than_half_exactly():
    # 3 of 5 filled cells: read; 2 of 4: not, told; blank and short rows are no cells
    read, said = unit_code_column(_sheet(["Q-CG", "Công ty May 10", "Q-CG", "", "Trường A",
                                          "Q-CG"]), CODES)
    assert read.table.columns[1] == "unit_code" and said == _read_as("Đơn vị", "'Q-CG'")
    sheet = _sheet(["Q-CG", "Công ty May 10", "Q-HK", "Trường THCS Nguyễn Du", None])
    sheet.grid.append([6])  # a row ending before the column
    read, said = unit_code_column(sheet, CODES)
    assert read is sheet
    assert said == (
        "Cột 'Đơn vị' ghi mã đơn vị ('Q-CG', 'Q-HK') ở dòng 2, 4 nhưng ghi tên ở 2 dòng khác: "
        "không đọc cột này là cột 'Mã đơn vị'. Nếu cột ghi mã đơn vị gửi, đề nghị ghi mã ở mọi "
        "dòng và đặt tiêu đề cột là 'Mã đơn vị'; nếu cột ghi nơi công tác, đề nghị bỏ mã đơn "
        "vị khỏi cột.")


def test_only_the_cells_below_the_header_count():
    # a title line above the header with a name in the column's cell is no cell of it; the
    # header row's own text neither; Excel rows counted from the grid's first
    sheet = _sheet(["Q-CG", "Công ty May 10"], title=[["Mã", "Trường A"], ["", "Trường B"]])
    _, said = unit_code_column(sheet, CODES)
    assert said.startswith("Cột 'Đơn vị' ghi mã đơn vị ('Q-CG') ở dòng 4 nhưng ghi tên ở 1 dòng "
                           "khác")


def test_the_header_s_lowest_part_is_named():
    sheet = _sheet(["Q-CG", "Q-CG"], header="Thông tin / Đơn vị")
    _, said = unit_code_column(sheet, CODES)
    assert said == _read_as("Đơn vị", "'Q-CG'")


def test_sheets_left_alone():
    names = _sheet(["Công ty May 10", "Trường THCS Nguyễn Du"])
    assert unit_code_column(names, CODES) == (names, None)
    other = _sheet(["Q-CG", "Q-CG"], header="Ghi chú thêm")
    assert unit_code_column(other, CODES) == (other, None)
    coded = _sheet(["Q-CG"], header="Mã đơn vị")
    assert unit_code_column(coded, CODES) == (coded, None)
    # a unit code column already, beside a weak one
    both = _sheet(["Q-CG"])
    both = replace(both, table=replace(both.table, columns={**both.table.columns, 6: "unit_code"}))
    assert unit_code_column(both, CODES) == (both, None)
    # a list going on without its header; a column of tick boxes
    sheet = _sheet(["Q-CG", "Q-CG"])
    going_on = replace(sheet, table=replace(sheet.table, header_rows=(), continued_at=1))
    assert unit_code_column(going_on, CODES) == (going_on, None)
    ticks = replace(sheet, table=replace(sheet.table, marks={1: ("type", "collective")}))
    assert unit_code_column(ticks, CODES) == (ticks, None)
    # codes not of the registry: none
    assert unit_code_column(sheet, frozenset({"Q-HK"})) == (sheet, None)


def test_the_first_weak_column_holding_codes_is_read():
    rows = [[1, "Công ty A", "Q-CG", "Mô hình số 1", "Kinh tế", "Tập thể", "CĐCS A"],
            [2, "Công ty B", "Q-CG", "Mô hình số 2", "Kinh tế", "Tập thể", "CĐCS B"]]
    grid = [["STT", "Đơn vị", "ĐV", *FORM], *rows]
    sheet = SheetData("DS", grid, find_table(grid))
    assert sheet.table.unknown == {1: "Đơn vị", 2: "ĐV"}
    read, said = unit_code_column(sheet, CODES)
    assert read.table.columns[2] == "unit_code" and read.table.unknown == {1: "Đơn vị"}
    assert said == _read_as("ĐV", "'Q-CG'")


def test_a_weak_column_after_another_unknown_one_is_read():
    rows = [[1, "ghi thêm", "Q-CG", "Mô hình số 1", "Kinh tế", "Tập thể", "CĐCS A"],
            [2, "Q-CG", "Q-CG", "Mô hình số 2", "Kinh tế", "Tập thể", "CĐCS B"]]
    grid = [["STT", "Ghi chú thêm", "Đơn vị", *FORM], *rows]
    sheet = SheetData("DS", grid, find_table(grid))
    assert sheet.table.unknown == {1: "Ghi chú thêm", 2: "Đơn vị"}
    read, said = unit_code_column(sheet, CODES)
    assert read.table.columns[2] == "unit_code" and said == _read_as("Đơn vị", "'Q-CG'")
