"""The form's cell rules on one sheet's rows, value by value in this process
(:mod:`thidua.ingest.cellrules`; ``ingest_file`` runs them in the parsing worker, where a
mutation run cannot see them): hidden rows and columns, example rows, missing columns, the
reason of a file whose every row is hidden or struck, formulas without a saved result."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from helpers import HEADER, row
from thidua.ingest.cellfacts import SheetFacts
from thidua.ingest.cellrules import (EXAMPLE, HIDDEN, STRUCK, all_hidden_reason, example_note,
                                     hidden_columns_note, hidden_note, is_example_cell,
                                     mark_examples, mark_hidden, missing_columns_note)
from thidua.ingest.rows import SheetData, raw_rows
from thidua.ingest.table import find_table


def sheet(rows, header=HEADER, name="DS", **facts) -> SheetData:
    """The form's header on Excel row 1, ``rows`` from row 2."""
    grid = [list(header), *rows]
    return SheetData(name, grid, find_table(grid), facts=SheetFacts(**facts))


def labels(*kinds, first=2) -> pd.Series:
    return pd.Series(list(kinds), index=range(first, first + len(kinds)), dtype="object")


# --- hidden rows ---------------------------------------------------------------------------
def test_hidden_data_rows_are_relabelled_hidden_and_other_rows_keep_their_reason():
    # grid rows 2..4 hidden (Excel rows 3, 4, 5); row 6 hidden alone
    s = sheet([row(stt=n) for n in range(1, 7)], hidden=((2, 5), (5, 6)))
    given = labels("data", "data", "totals", "data", "data", "data")
    out = mark_hidden(given, s)
    assert out.tolist() == ["data", HIDDEN, "totals", HIDDEN, HIDDEN, "data"]
    assert given.tolist()[1] == "data"  # not modified
    # nothing hidden, or no labels: the labels given
    plain = sheet([row()])
    assert mark_hidden(given, plain) is given
    empty = labels()
    assert mark_hidden(empty, s) is empty


def test_hidden_rows_are_looked_for_between_the_first_and_last_labelled_rows_only():
    s = sheet([row(stt=n) for n in range(1, 5)], hidden=((0, 10),))
    assert mark_hidden(labels("data", "data", first=3), s).tolist() == [HIDDEN, HIDDEN]
    # a labelled row past the hidden range stays
    s = sheet([row(stt=n) for n in range(1, 5)], hidden=((1, 2),))
    assert mark_hidden(labels("data", "data", "data"), s).tolist() == [HIDDEN, "data", "data"]
    s = sheet([row(stt=n) for n in range(1, 5)], hidden=((3, 4),))
    assert mark_hidden(labels("data", "data", "data"), s).tolist() == ["data", "data", HIDDEN]


def test_the_hidden_rows_note_word_for_word_with_and_without_a_filter():
    said = labels("data", HIDDEN, "data", HIDDEN, first=5)
    plain = ("2 dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng 6, 8.")
    assert hidden_note(said) == (
        f"{plain} Nếu đó là mô hình đăng ký, đề nghị bỏ ẩn các dòng này (Excel: chọn các dòng, "
        f"bấm chuột phải > Bỏ ẩn) rồi gửi lại.")
    assert hidden_note(said, filtered=True) == (
        f"{plain} Trang tính được lưu khi đang lọc (Lọc/Filter), nên các dòng này có thể bị bộ "
        f"lọc ẩn. Nếu đó là mô hình đăng ký, đề nghị xóa bộ lọc (Excel: Dữ liệu > Xóa bộ lọc), "
        f"bỏ ẩn các dòng còn ẩn (chọn các dòng, bấm chuột phải > Bỏ ẩn) rồi gửi lại.")
    assert hidden_note(labels("data", "totals")) is None
    assert hidden_note(labels("data"), filtered=True) is None


# --- the reason of a file none of whose rows counts ------------------------------------------
def _rows(name, kinds, filtered=False, struck=()):
    s = sheet([row(stt=n) for n in range(1, len(kinds) + 1)], name=name, filtered=filtered,
              struck=frozenset(struck))
    return SimpleNamespace(sheet=s, labels=labels(*kinds))


def test_every_row_hidden_names_the_rows_per_sheet_of_several():
    one = _rows("DS", [HIDDEN, "totals"])
    assert all_hidden_reason([one]) == (
        "Không có dòng đăng ký nào đang hiển thị: 1 dòng bị ẩn trong trang tính không được tính "
        "(bỏ qua): dòng 2. Nếu đó là mô hình đăng ký, đề nghị bỏ ẩn các dòng này (Excel: chọn "
        "các dòng, bấm chuột phải > Bỏ ẩn) rồi gửi lại.")
    two = [_rows("A", [HIDDEN]), _rows("B", ["blank"]), _rows("C", [HIDDEN, HIDDEN], True)]
    reason = all_hidden_reason(two)
    assert reason.startswith("Không có dòng đăng ký nào đang hiển thị: Trang 'A': 1 dòng bị "
                             "ẩn trong trang tính không được tính (bỏ qua): dòng 2. Nếu")
    assert " Trang 'C': 2 dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng 2, 3. " \
           "Trang tính được lưu khi đang lọc" in reason
    assert "Trang 'B'" not in reason


def test_every_row_struck_says_so_and_nothing_hidden_or_struck_says_nothing():
    whole = [f"{c}2" for c in "BCDEGHIJ"]
    one = _rows("DS", [STRUCK], struck=[(int(x[1:]) - 1, ord(x[0]) - 65) for x in whole])
    assert all_hidden_reason([one]) == (
        "Mọi dòng đăng ký đều bị gạch ngang: 1 dòng bị gạch ngang (đơn vị đã rút đăng ký) "
        "không được tính (bỏ qua): dòng 2. Nếu vẫn đăng ký, đề nghị bỏ gạch ngang rồi gửi lại.")
    other = _rows("B", ["blank"])
    assert all_hidden_reason([one, other]) == (
        "Mọi dòng đăng ký đều bị gạch ngang: Trang 'DS': 1 dòng bị gạch ngang (đơn vị đã rút "
        "đăng ký) không được tính (bỏ qua): dòng 2. Nếu vẫn đăng ký, đề nghị bỏ gạch ngang rồi "
        "gửi lại.")
    assert all_hidden_reason([other]) is None
    assert all_hidden_reason([]) is None
    again = _rows("E", [STRUCK], struck=[(int(x[1:]) - 1, ord(x[0]) - 65) for x in whole])
    assert all_hidden_reason([one, other, again]) == (
        "Mọi dòng đăng ký đều bị gạch ngang: Trang 'DS': 1 dòng bị gạch ngang (đơn vị đã rút "
        "đăng ký) không được tính (bỏ qua): dòng 2. Nếu vẫn đăng ký, đề nghị bỏ gạch ngang rồi "
        "gửi lại. Trang 'E': 1 dòng bị gạch ngang (đơn vị đã rút đăng ký) không được tính (bỏ "
        "qua): dòng 2. Nếu vẫn đăng ký, đề nghị bỏ gạch ngang rồi gửi lại.")


# --- example rows --------------------------------------------------------------------------
@pytest.mark.parametrize("value, example", [
    ("Ví dụ", True), ("VD", True), ("Ví dụ 1", True), ("VD:", True), ("vd 2)", True),
    ("Ví dụ: Mô hình tủ sách", True), ("VD1: Mô hình", True), ("Example", True),
    ("Ví dụ mô hình", False), ("Vì dự án", False), ("", False), (None, False), (3, False),
    ("Ví dụ: " + "x" * 300, True), ("x" * 300 + "Ví dụ:", False), ("Ví dụ " + "x" * 300, False),
    # a text of exactly 200 characters is read whole, of 201 by its start only
    ("VD" + " " * 198, True), ("VD" + " " * 199, False),
])
def test_which_cells_mark_an_example(value, example):
    assert is_example_cell(value) is example


def test_example_rows_by_stt_first_cell_or_model_are_relabelled():
    rows = [row(stt="VD", model="Tủ sách"), row(stt=None, model="Ví dụ: Mô hình"),
            [None, None, "Ví dụ", *row()[3:]], row(stt=1), row(stt=2, model="Ví dụ cách ghi")]
    s = sheet(rows)
    raw = raw_rows(s)
    out = mark_examples(labels("data", "data", "data", "data", "data"), raw, s)
    assert out.tolist() == [EXAMPLE, EXAMPLE, EXAMPLE, "data", "data"]
    # only data rows
    out = mark_examples(labels("heading", "data", "blank", "data", "data"), raw, s)
    assert out.tolist() == ["heading", EXAMPLE, "blank", "data", "data"]
    # no data row: the labels given
    given = labels("blank", "totals")
    assert mark_examples(given, raw, s) is given


def test_an_example_row_by_its_stt_or_its_model_alone():
    """The first cell (``Mã đơn vị``) says nothing: the STT or the model does."""
    header = ["Mã đơn vị", *HEADER]
    rows = [["Q-DD", *row(stt="VD 1")], ["Q-DD", *row(stt=2, model="Ví dụ: Tủ sách")],
            ["Q-DD", *row(stt=3)]]
    s = sheet(rows, header=header)
    assert s.table.columns[1] == "stt"
    out = mark_examples(labels("data", "data", "data"), raw_rows(s), s)
    assert out.tolist() == [EXAMPLE, EXAMPLE, "data"]
    # labels of some of raw's rows only
    assert mark_examples(labels("data", "data"), raw_rows(s), s).tolist() == [EXAMPLE, EXAMPLE]
    assert mark_examples(labels("data", first=3), raw_rows(s), s).tolist() == [EXAMPLE]


def test_a_row_s_first_filled_cell():
    from thidua.ingest.cellrules import _first_cell
    assert _first_cell([None, " ", "", "VD", 3]) == "VD"
    assert _first_cell([None, " ", ""]) == ""
    assert _first_cell([]) == ""


def test_an_example_row_past_the_grid_or_without_stt_and_model_columns():
    s = sheet([row(stt=1)])
    raw = pd.DataFrame({"field": ["KT", "KT"]}, index=[2, 3])
    assert mark_examples(labels("data", "data"), raw, s).tolist() == ["data", "data"]
    s = sheet([["VD", "Tủ sách", "KT"]])
    raw = pd.DataFrame({"field": ["KT"]}, index=[2])
    assert mark_examples(labels("data"), raw, s).tolist() == [EXAMPLE]


def test_the_example_note_word_for_word():
    assert example_note(labels(EXAMPLE, "data", EXAMPLE, first=4)) == (
        "2 dòng ví dụ (ghi 'Ví dụ'/'VD') không được tính (bỏ qua): dòng 4, 6.")
    assert example_note(labels("data")) is None


# --- hidden and missing columns ------------------------------------------------------------
def test_hidden_form_columns_read_are_told_but_stt_unit_code_note_and_twins_are_not():
    s = sheet([row()], hidden_columns=(0, 2, 5, 10))
    assert hidden_columns_note(s) == (
        "Cột C 'Lĩnh vực', cột F 'Chức vụ' đang bị ẩn trong trang tính nhưng vẫn được đọc như "
        "mọi cột của biểu; đề nghị bỏ ẩn và kiểm tra lại các giá trị trong đó.")
    assert hidden_columns_note(sheet([row()], hidden_columns=(0, 10))) is None
    assert hidden_columns_note(sheet([row()])) is None
    # a hidden column beside a visible twin of the same header is told by the twins' note
    twin = sheet([[*row(), "KT"]], header=[*HEADER, "Lĩnh vực"], hidden_columns=(2,))
    assert twin.table.columns[2] == "field" and twin.table.unknown == {11: "Lĩnh vực"}
    assert hidden_columns_note(twin) is None
    # a hidden ``Mã đơn vị`` (a template's helper) is not told either
    coded = sheet([["Q-DD", *row()]], header=["Mã đơn vị", *HEADER], hidden_columns=(0, 3))
    assert coded.table.columns[0] == "unit_code"
    assert hidden_columns_note(coded) == (
        "Cột D 'Lĩnh vực' đang bị ẩn trong trang tính nhưng vẫn được đọc như mọi cột của biểu; "
        "đề nghị bỏ ẩn và kiểm tra lại các giá trị trong đó.")


def test_missing_required_columns_are_named_with_the_headers_not_understood():
    header = ["STT", "Tên mô hình", "Lĩnh vực", "Người đăng ký", "Cột phụ", "Ghi chú",
              "Người đăng ký"]
    s = sheet([[1, "Tủ sách", "KT", "Tổ 1", "x", None, "y"]], header=header)
    assert missing_columns_note(raw_rows(s), s) == (
        "Không tìm thấy cột 'Hình thức', 'Tên tập thể/cá nhân' trong dòng tiêu đề; các cột "
        "không nhận ra: 'Người đăng ký', 'Cột phụ'; đề nghị đặt tên cột như biểu DVK-01 rồi "
        "gửi lại.")
    full = sheet([row()])
    assert missing_columns_note(raw_rows(full), full) is None
    # no header left unread: the missing columns alone
    bare = sheet([[1, "Tủ sách", "KT"]], header=["STT", "Tên mô hình", "Lĩnh vực"])
    assert missing_columns_note(raw_rows(bare), bare) == (
        "Không tìm thấy cột 'Hình thức', 'Tên tập thể/cá nhân' trong dòng tiêu đề; đề nghị đặt "
        "tên cột như biểu DVK-01 rồi gửi lại.")
    # eight unread headers at most
    many = sheet([[1, "Tủ sách", "KT", *"abcdefghi"]],
                 header=["STT", "Tên mô hình", "Lĩnh vực", *(f"Cột {n}" for n in range(1, 10))])
    assert ("các cột không nhận ra: 'Cột 1', 'Cột 2', 'Cột 3', 'Cột 4', 'Cột 5', 'Cột 6', "
            "'Cột 7', 'Cột 8'; đề nghị") in missing_columns_note(raw_rows(many), many)


# --- formulas without a saved result -------------------------------------------------------
def _formulas(rows, formulas):
    """``formulas``: ``{"C3": "=VLOOKUP(…)"}``."""
    cells = {(int(ref[1:]) - 1, ord(ref[0]) - 65): f for ref, f in formulas.items()}
    return sheet(rows, formulas=cells)


def test_every_data_row_with_an_unsaved_formula_rejects_the_file_naming_the_first():
    from thidua.ingest.cellrules import SAVE_HINT, check_not_all_formulas
    from thidua.ingest.workbook import FileRejected
    s = _formulas([row(stt=1), row(stt=2)], {"D3": "=B3", "C2": "=VLOOKUP(A2)", "A3": "=1"})
    data = raw_rows(s)
    with pytest.raises(FileRejected) as caught:
        check_not_all_formulas(s, data)
    assert str(caught.value) == (
        f"Cả 2 dòng của bảng có ô là công thức chưa được lưu kết quả (ví dụ ô C2: =VLOOKUP(A2)), "
        f"nên không đọc được giá trị nào. {SAVE_HINT}")
    # one row without such a cell (its STT's formula does not count): no rejection
    s = _formulas([row(stt=1), row(stt=2)], {"C2": "=VLOOKUP(A2)", "A3": "=1"})
    assert check_not_all_formulas(s, raw_rows(s)) is None
    # a formula outside the rows given, or in a column outside the form, does not count
    s = _formulas([row(stt=1)], {"C5": "=1", "M2": "=2"})
    assert check_not_all_formulas(s, raw_rows(s)) is None
    s = _formulas([row(stt=1)], {"C2": "=1"})
    assert check_not_all_formulas(s, raw_rows(s).iloc[:0]) is None


def test_unsaved_formula_cells_are_rejected_in_place_of_what_the_empty_cell_gave():
    from thidua.ingest.cellrules import SAVE_HINT, with_unsaved_formulas
    from thidua.ingest.rejections import rejection_frame
    s = _formulas([row(stt=1), row(stt=2), row(stt=3)],
                  {"C3": "=VLOOKUP(A3)", "J3": "=IF(1)", "A4": "=5"})
    data = raw_rows(s)
    valid = pd.DataFrame({"model": ["a", "c"]}, index=[2, 4])
    rejections = rejection_frame([
        {"file": "f.xlsx", "sheet": "DS", "row": 3, "column": "Lĩnh vực", "value": "",
         "error": "Thiếu 'Lĩnh vực'"},
        {"file": "f.xlsx", "sheet": "DS", "row": 3, "column": "Cấp công đoàn", "value": "x",
         "error": "sai"}])
    kept, merged = with_unsaved_formulas(valid, rejections, s, data, "f.xlsx")
    assert kept.index.tolist() == [2, 4]
    assert merged[["row", "column", "value"]].values.tolist() == [
        [3, "Cấp công đoàn", "x"], [3, "Kết quả", "=IF(1)"], [3, "Lĩnh vực", "=VLOOKUP(A3)"]]
    assert merged["error"].tolist()[1:] == [
        f"Ô J3 là công thức chưa được lưu kết quả, nên không đọc được giá trị của cột 'Kết quả'. "
        f"{SAVE_HINT}",
        f"Ô C3 là công thức chưa được lưu kết quả, nên không đọc được giá trị của cột 'Lĩnh "
        f"vực'. {SAVE_HINT}"]
    assert merged["file"].tolist() == ["f.xlsx"] * 3 and merged["sheet"].tolist() == ["DS"] * 3
    assert merged.index.tolist() == [0, 1, 2]
    from thidua.ingest.rejections import REJECTION_COLUMNS
    assert merged.columns.tolist() == list(REJECTION_COLUMNS)
    # a valid row with such a cell is no longer valid
    valid = pd.DataFrame({"model": ["a", "b"]}, index=[2, 3])
    kept, _ = with_unsaved_formulas(valid, rejection_frame([]), s, data, "f.xlsx")
    assert kept.index.tolist() == [2]
    # none: what was given
    plain = sheet([row()])
    given = (valid, rejections)
    out = with_unsaved_formulas(valid, rejections, plain, raw_rows(plain), "f.xlsx")
    assert out[0] is given[0] and out[1] is given[1]


# --- two columns of one header -------------------------------------------------------------
def _twins(rows, header=(*HEADER, "Lĩnh vực"), hidden=()):
    grid = [list(header), *rows]
    return SheetData("DS", grid, find_table(grid, frozenset(hidden)),
                     facts=SheetFacts(hidden_columns=tuple(hidden)))


AFTER = " Nếu cột không được đọc mới là cột đúng, đề nghị xóa cột kia rồi gửi lại."


@pytest.mark.parametrize("rows, hidden, said", [
    ([[*row(), "VHXH"]], (),
     "Cột L và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, không đọc cột L."),
    ([[*row(), "VHXH"]], (2,),
     "Cột C (bị ẩn) và cột L cùng tiêu đề 'Lĩnh vực': đã đọc cột L, không đọc cột C."),
    ([[*row(), "VHXH"]], (11,),
     "Cột L (bị ẩn) và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, không đọc cột L."),
    ([[*row(), None], [*row(), ""]], (2,),
     "Cột L và cột C (bị ẩn, vì cột kia để trống) cùng tiêu đề 'Lĩnh vực': đã đọc cột C, "
     "không đọc cột L."),
    ([[*row(field=None), "VHXH"], [*row(field=None), "KT"], [*row(), None]], (),
     "Cột L và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, trừ 2 dòng để trống cột C (dòng "
     "2, 3): đã lấy giá trị ở cột L."),
])
def test_the_twin_columns_note_says_which_column_was_read_and_why(rows, hidden, said):
    from thidua.ingest.cellrules import twin_columns_note
    assert twin_columns_note(_twins(rows, hidden=hidden)) == said + AFTER


def test_of_three_columns_of_one_header_only_the_twin_gives_rows():
    """``Lĩnh vực`` in C, L and M: C read, L its twin giving row 2's field; M read nowhere."""
    from thidua.ingest.cellrules import twin_columns_note
    s = _twins([[*row(field=None), "VHXH", "KT"], [*row(field="KT"), None, "ANQP"]],
               header=(*HEADER, "Lĩnh vực", "Lĩnh vực"))
    assert twin_columns_note(s) == (
        "Cột L và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, trừ 1 dòng để trống cột C (dòng "
        "2): đã lấy giá trị ở cột L; cột M và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, "
        "không đọc cột M." + AFTER)


def test_two_pairs_of_twins_are_said_in_one_line_and_none_without_twins():
    from thidua.ingest.cellrules import twin_columns_note
    s = _twins([[*row(), "VHXH", "TT"]], header=(*HEADER, "Lĩnh vực", "Hình thức"))
    assert twin_columns_note(s) == (
        "Cột L và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, không đọc cột L; cột M và cột D "
        "cùng tiêu đề 'Hình thức': đã đọc cột D, không đọc cột M." + AFTER)
    assert twin_columns_note(_twins([row()], header=HEADER)) is None
    # an unknown header naming no form column is no twin
    assert twin_columns_note(_twins([[*row(), "x"]], header=(*HEADER, "Cột phụ"))) is None
