"""Which sheets of a workbook count, and the lines that tell the unit (an extension of
``spec/submission-form.md``, "The file"), value by value: :mod:`thidua.ingest.sheetchoice`'s
functions on sheets and rows written in the test (no file is read)."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.sheetchoice import (EMPTY, HIDDEN, OLD, TEMPLATE, FoundSheet, choose_sheets,
                                       copy_note, copy_of, excerpt_of, hidden_tables_reason,
                                       is_template_sheet, sheets_remark)
from thidua.ingest.table import find_table

HEADER = ["STT", "Tên mô hình", "Lĩnh vực"]


def sheet(name: str, rows: list[list], visible: bool = True, table: bool = True) -> FoundSheet:
    grid = [HEADER, *rows] if table else rows
    return FoundSheet(name, grid, "Unicode", find_table(grid) if table else None, visible)


@pytest.mark.parametrize("name, template", [
    ("Hướng dẫn", True), ("HƯỚNG DẪN ĐIỀN", True), ("HD điền", True), ("Mẫu DVK-01", True),
    ("Ví dụ", True), ("vd1", True), ("Template", True), ("Biểu mẫu 2", True),
    ("huongdan", True), ("Sample data", True), ("MAU2024", True),
    ("Mau-2", True), ("Danh sách", False), ("Hdtv", False), ("Tháng 12", False),
    ("Đợt 1", False), ("Maudon", False), ("Bảng tổng hợp", False), ("", False)])
def test_which_sheet_names_mark_instructions_or_a_sample(name, template):
    assert is_template_sheet(name) is template


def test_each_sheet_with_the_table_counts_or_is_passed_over_with_why():
    found = [sheet("Danh sách", [[1, "Tủ sách", "KT"]]),
             sheet("Ẩn", [[1, "Tủ sách", "KT"]], visible=False),
             sheet("Hướng dẫn", [[1, "Ví dụ", "KT"]]),
             sheet("Bản cũ", [[1, "Tủ sách", "KT"]]),
             sheet("Trống", [[None, "", " "], []]),
             sheet("DM", [["Kinh tế"]], table=False),
             sheet("Cá nhân", [[], [1, "Nụ cười", "VH"]])]
    counted, passed = choose_sheets(found)
    assert [f.name for f in counted] == ["Danh sách", "Cá nhân"]
    assert passed == [("Ẩn", HIDDEN), ("Hướng dẫn", TEMPLATE), ("Bản cũ", OLD), ("Trống", EMPTY)]
    assert (HIDDEN, TEMPLATE, OLD, EMPTY) == (
        "trang bị ẩn", "trang hướng dẫn/mẫu", "tên trang cho biết là bản cũ/bản nháp",
        "chỉ có dòng tiêu đề, chưa có dòng đăng ký")


def test_a_hidden_sheet_is_said_hidden_whatever_its_name():
    counted, passed = choose_sheets([sheet("Hướng dẫn cũ", [[1, "A", "KT"]], visible=False),
                                     sheet("Mẫu cũ", [[1, "A", "KT"]]),
                                     sheet("DS", [[1, "A", "KT"]])])
    assert passed == [("Hướng dẫn cũ", HIDDEN), ("Mẫu cũ", TEMPLATE)]


def test_when_no_sheet_is_left_the_first_visible_one_with_the_table_counts():
    found = [sheet("Ẩn", [[1, "A", "KT"]], visible=False), sheet("DM", [["x"]], table=False),
             sheet("Nháp", [[1, "A", "KT"]]), sheet("Mẫu", [[1, "B", "KT"]])]
    counted, passed = choose_sheets(found)
    assert [f.name for f in counted] == ["Nháp"]
    assert passed == [("Ẩn", HIDDEN), ("Mẫu", TEMPLATE)]
    counted, passed = choose_sheets([sheet("Ẩn", [[1, "A", "KT"]], visible=False)])
    assert (counted, passed) == ([], [("Ẩn", HIDDEN)])
    assert choose_sheets([sheet("DM", [["x"]], table=False)]) == ([], [])


def _rows(records: list[dict], index: list[int]) -> pd.DataFrame:
    return pd.DataFrame.from_records(records, index=pd.Index(index, name="row"))


def test_a_sheet_repeating_an_earlier_ones_rows_names_it():
    first = _rows([{"model": "Tủ sách", "field": "KT", "[Cột riêng]": "a"},
                   {"model": "", "field": None, "[Cột riêng]": "b"},
                   {"model": "Nụ cười", "field": "VH", "[Cột riêng]": "c"}], [5, 6, 7])
    # other rows, another column order, other unknown columns, a blank row: the same content
    copy = _rows([{"field": "KT", "model": " Tủ sách "},
                  {"field": "VH", "model": "Nụ cười"}], [2, 4])
    other = _rows([{"model": "Tủ sách", "field": "KT"}], [3])
    assert copy_of(copy, {"Khác": other, "Danh sách": first}) == "Danh sách"
    assert copy_of(copy, {"Danh sách": first, "Bản 2": first}) == "Danh sách"
    assert copy_of(copy, {}) is None
    assert copy_of(copy, {"Khác": other}) is None
    # the same rows in another order (renumbered) copy it since 01/12 (tester G's 1009); a
    # field changed copies nothing
    swapped = _rows([{"field": "VH", "model": "Nụ cười"}, {"field": "KT", "model": "Tủ sách"}],
                    [2, 3])
    assert copy_of(swapped, {"Danh sách": first}) == "Danh sách"
    changed = _rows([{"field": "KT", "model": "Tủ sách"}, {"field": "XH", "model": "Nụ cười"}],
                    [2, 3])
    assert copy_of(changed, {"Danh sách": first}) is None


def test_a_sheet_without_a_filled_form_cell_copies_nothing():
    blank = _rows([{"model": "", "field": None, "[Ghi chú]": "x"}], [2])
    also_blank = _rows([{"model": None, "field": "", "[Ghi chú]": "y"}], [9])
    assert copy_of(blank, {"Danh sách": also_blank}) is None


def test_the_sheets_remark_names_the_counted_and_the_passed_over_sheets():
    assert sheets_remark(["Danh sách"], []) is None
    assert sheets_remark([], []) is None
    assert sheets_remark(["Tập thể", "Cá nhân"], []) == \
        "Đã dùng trang 'Tập thể', trang 'Cá nhân'"
    assert sheets_remark(["DS"], [("Hướng dẫn", TEMPLATE), ("Trống", EMPTY)]) == (
        "Đã dùng trang 'DS'; bỏ qua trang 'Hướng dẫn' (trang hướng dẫn/mẫu), trang 'Trống' "
        "(chỉ có dòng tiêu đề, chưa có dòng đăng ký)")
    fix = ". Nếu bảng ở trang bị bỏ qua là đăng ký của đơn vị (không phải bản cũ), đề nghị "
    assert sheets_remark(["DS"], [("Cũ", OLD), ("Ẩn", HIDDEN)]) == (
        "Đã dùng trang 'DS'; bỏ qua trang 'Cũ' (tên trang cho biết là bản cũ/bản nháp), trang "
        "'Ẩn' (trang bị ẩn)" + fix + "bỏ ẩn trang hoặc đổi tên trang (bỏ chữ 'cũ'/'nháp'…) "
        "rồi gửi lại tệp")
    assert sheets_remark(["DS"], [("Cũ", OLD)]) == (
        "Đã dùng trang 'DS'; bỏ qua trang 'Cũ' (tên trang cho biết là bản cũ/bản nháp)" + fix
        + "đổi tên trang (bỏ chữ 'cũ'/'nháp'…) rồi gửi lại tệp")


def test_the_copy_note_names_both_sheets_and_the_rows_ignored():
    assert copy_note("DS (2)", "DS", 4) == (
        "Trang 'DS (2)' lặp lại đúng từng dòng đăng ký của trang 'DS' nên chỉ tính một lần: 4 "
        "dòng của trang 'DS (2)' không được tính (bỏ qua).")


def test_the_rows_only_on_a_hidden_sheet_count_nowhere():
    """The only visible table has no rows, a hidden one has some: no sheet counts (the file is
    rejected naming the hidden sheet); a hidden table without rows, or a visible sheet passed
    over with rows, leaves the first visible one counted."""
    empty = sheet("DS", [[None, "", ""]])
    hidden = sheet("Ẩn", [[1, "A", "KT"]], visible=False)
    assert choose_sheets([empty, hidden]) == ([], [("DS", EMPTY), ("Ẩn", HIDDEN)])
    blank_hidden = sheet("Ẩn", [[]], visible=False)
    counted, passed = choose_sheets([empty, blank_hidden])
    assert [f.name for f in counted] == ["DS"] and passed == [("Ẩn", HIDDEN)]
    template = sheet("Hướng dẫn", [[1, "Ví dụ", "KT"]])
    counted, passed = choose_sheets([empty, template])
    assert [f.name for f in counted] == ["DS"] and passed == [("Hướng dẫn", TEMPLATE)]
    counted, passed = choose_sheets([template, hidden])
    assert [f.name for f in counted] == ["Hướng dẫn"] and passed == [("Ẩn", HIDDEN)]


def test_the_hidden_tables_reason_names_each_hidden_sheet():
    passed = [("Ẩn 1", HIDDEN), ("Hướng dẫn", TEMPLATE), ("Ẩn 2", HIDDEN), ("Trống", EMPTY)]
    assert hidden_tables_reason(passed) == (
        "Các dòng đăng ký của biểu DVK-01 chỉ có ở trang tính bị ẩn ('Ẩn 1', 'Ẩn 2'); trang bị ẩn "
        "không được tính. Nếu đó là đăng ký của đơn vị, đề nghị bỏ ẩn trang (Excel: bấm chuột "
        "phải vào tên một trang tính > Bỏ ẩn) rồi gửi lại tệp.")
    assert hidden_tables_reason([("Ẩn", HIDDEN)]).startswith(
        "Các dòng đăng ký của biểu DVK-01 chỉ có ở trang tính bị ẩn ('Ẩn'); ")
    assert hidden_tables_reason([("Hướng dẫn", TEMPLATE), ("Trống", EMPTY)]) is None
    assert hidden_tables_reason([]) is None


def _frame(records: dict) -> pd.DataFrame:
    return pd.DataFrame(records, dtype=object)


FULL = _frame({"model": ["Bữa cơm ca", "Tủ sách", "Camera"], "field": ["KT", "VHXH", "ANQP"],
               "type": ["TT", "CN", "TT"], "registrant": ["A", "B", "C"]})


def test_an_excerpt_matches_model_field_and_type_of_one_sheet():
    assert excerpt_of(_frame({"model": ["tủ sách.", "“Camera”"]}), {"DS": FULL}) == "DS"
    assert excerpt_of(_frame({"model": ["Camera", "Bữa cơm ca", "Tủ sách"]}), {"DS": FULL}) \
        == "DS"  # every model of the other sheet listed again
    assert excerpt_of(_frame({"model": ["Tủ sách", "Camera"], "field": ["VHXH", "ANQP"]}),
                      {"DS": FULL}) == "DS"
    assert excerpt_of(_frame({"model": ["Tủ sách"], "field": ["KT"]}), {"DS": FULL}) is None
    assert excerpt_of(_frame({"model": ["Tủ sách"], "type": ["TT"]}), {"DS": FULL}) is None
    assert excerpt_of(_frame({"model": ["Camera"], "type": ["TT"], "field": ["ANQP"]}),
                      {"DS": FULL}) == "DS"
    # the other sheet's columns it lacks are not compared
    assert excerpt_of(_frame({"model": ["Tủ sách"], "field": ["KT"]}),
                      {"DS": FULL.drop(columns="field")}) == "DS"


def test_an_excerpt_s_blank_models_are_left_out_and_some_model_is_needed():
    assert excerpt_of(_frame({"model": ["Tủ sách", "", None], "field": ["VHXH", "KT", "KT"]}),
                      {"DS": FULL}) == "DS"
    assert excerpt_of(_frame({"model": ["", " "]}), {"DS": FULL}) is None
    assert excerpt_of(_frame({"model": []}), {"DS": FULL}) is None


def test_an_excerpt_names_the_first_sheet_with_names_holding_its_models():
    without_names = FULL.drop(columns="registrant")
    without_models = FULL.drop(columns="model")
    other = _frame({"model": ["Khác"], "registrant": ["D"]})
    rows = _frame({"model": ["Tủ sách"]})
    assert excerpt_of(rows, {"Tổng hợp": without_names, "Lỗi": without_models, "Khác": other,
                             "DS": FULL, "DS 2": FULL}) == "DS"
    assert excerpt_of(rows, {"Tổng hợp": without_names}) is None
    assert excerpt_of(rows, {}) is None
    assert excerpt_of(_frame({"field": ["KT"]}), {"DS": FULL}) is None  # no model column
    assert excerpt_of(_frame({"model": ["Tủ sách"], "registrant": [""]}), {"DS": FULL}) is None


# --- a list going on, on a sheet without the header (continued_rows, in this process) -------
TYPED = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"]


def _counted(header=TYPED) -> FoundSheet:
    grid = [header, [1, "Tủ sách", "KT", "Tập thể"]]
    return FoundSheet("DS", grid, "Unicode", find_table(grid))


@pytest.mark.parametrize("rows, n", [
    # two rows with a model, a field and a type where the counted sheet has them
    ([[5, "Chợ phiên", "KT", "Cá nhân"], [6, "Góc đọc", "VHXH", "Tập thể"]], 2),
    ([[5, "Chợ phiên", "KT", "Cá nhân"], [6, "Góc đọc", "VHXH", "Tập thể"],
      [7, "Sân chơi", "ANQP", "CN"], ["Cộng", None, None, None]], 3),
    # one such row only: no list going on
    ([[5, "Chợ phiên", "KT", "Cá nhân"], [6, "Góc đọc", "VHXH", "khác"]], 0),
    # no model, a field not read, a short row
    ([[5, " ", "KT", "Cá nhân"], [6, "Góc đọc", "VHXH", "Tập thể"]], 0),
    ([[5, "Chợ phiên", "Kinh doanh x", "Cá nhân"], [6, "Góc đọc", "VHXH", "Tập thể"]], 0),
    ([[5, "Chợ phiên", "KT"], [6, "Góc đọc", "VHXH", "Tập thể"]], 0),
    ([[5, "Chợ phiên"], [6, "Góc đọc", "VHXH", "Tập thể"]], 0),
])
def test_rows_of_a_sheet_without_the_header_read_in_the_counted_sheet_s_columns(rows, n):
    from thidua.ingest.sheetchoice import continued_rows
    assert continued_rows(rows, _counted()) == n


def test_continued_rows_need_the_field_and_model_columns_and_the_type_only_if_counted():
    from thidua.ingest.sheetchoice import continued_rows
    rows = [[5, "Chợ phiên", "KT", "ghi chú"], [6, "Góc đọc", "VHXH", ""]]
    # the counted sheet has no ``Hình thức`` column: the type is not asked
    assert continued_rows(rows, _counted(["STT", "Tên mô hình", "Lĩnh vực", "Ghi chú"])) == 2
    assert continued_rows(rows, _counted()) == 0
    # a counted table without a model column or without a field column (a table laid out
    # otherwise, :mod:`thidua.ingest.formsheet`): nothing is said to go on
    from thidua.ingest.table import Table
    rows = [[1, "Tủ sách", "KT", "TT"], [2, "Chợ phiên", "KT", "TT"]]
    for columns in ({0: "stt", 2: "field", 3: "type"}, {0: "stt", 1: "model", 3: "type"}):
        table = Table(header_rows=(0,), columns=columns, unknown={}, marks={})
        assert continued_rows(rows, FoundSheet("DS", [TYPED], "Unicode", table)) == 0
    table = Table(header_rows=(0,), columns={1: "model", 2: "field"}, unknown={}, marks={})
    assert continued_rows(rows, FoundSheet("DS", [TYPED], "Unicode", table)) == 2
    # the model in the last column: rows ending before it have none
    table = Table(header_rows=(0,), columns={1: "field", 2: "type", 3: "model"}, unknown={},
                  marks={})
    assert continued_rows([[1, "KT", "TT"], [2, "KT", "TT"]], FoundSheet(
        "DS", [TYPED], "Unicode", table)) == 0
    assert continued_rows([[1, "KT", "TT", "Tủ sách"], [2, "KT", "TT", "Chợ"]], FoundSheet(
        "DS", [TYPED], "Unicode", table)) == 2


def test_a_visible_sheet_going_on_without_the_header_counts_under_the_first_s():
    # read since 01/12 (test_many_sheets.py); a sample's or an old copy's is told, not read
    from thidua.ingest.sheetchoice import CONTINUED_NOTE, NO_HEADER_ROWS
    going_on = [[5, "Chợ phiên", "KT", "Cá nhân"], [6, "Góc đọc", "VHXH", "Tập thể"]]
    found = [_counted(), FoundSheet("Tiếp", going_on, "Unicode", None),
             FoundSheet("Ẩn tiếp", going_on, "Unicode", None, visible=False),
             FoundSheet("Mẫu", going_on, "Unicode", None)]
    counted, passed = choose_sheets(found)
    assert [f.name for f in counted] == ["DS", "Tiếp"]
    assert counted[1].table.data_start == 0 and counted[1].table.header_rows == ()
    assert counted[1].note == CONTINUED_NOTE.format(sheet="Tiếp", first="DS", row=1)
    assert passed == [("Mẫu", NO_HEADER_ROWS.format(n=2))]
    assert NO_HEADER_ROWS.format(n=2).startswith("không có dòng tiêu đề của biểu nhưng có 2 dòng")
