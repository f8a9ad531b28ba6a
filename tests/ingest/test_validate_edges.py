"""Rejections one by one (``spec/submission-form.md``, "Errors"): which column each problem
is said in, with which message, and what a problem already said hides (an oversized cell, an
Excel error value), value by value on rows written in the test; the duplicate rule across a
file's sheets; the rejections table's columns."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.normalise import normalise_rows
from thidua.ingest.validate import (REJECTION_COLUMNS, duplicate_key, duplicates_across_sheets,
                                    long_free_cells, long_free_cells_note, rejection_frame, shorten,
                                    validate_rows)

GOOD = {"model": "Tủ sách Công đoàn khu trọ", "field": "VHXH", "type": "Cá nhân",
        "registrant": "Nguyễn Thị Lan", "position": "Tổ trưởng công đoàn",
        "period": "01/2024 - 12/2024", "result": "Hoàn thành"}
FIELD = ("cần một trong: Kinh tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc phòng (ANQP), "
         "Xây dựng hệ thống chính trị (XDHTCT)")
RESULT = ("'{}' không hợp lệ ở cột 'Kết quả': cần Chưa đánh giá, Hoàn thành, Tiêu biểu hoặc "
          "Không hoàn thành.")
DUPLICATE = ("Trùng với dòng {0}: cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá nhân, chức "
             "vụ và công đoàn cơ sở; chỉ tính dòng {0}.")
DUPLICATE_OF_REJECTED = ("Trùng với dòng {0}: cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá "
                         "nhân, chức vụ và công đoàn cơ sở; dòng {0} cũng bị từ chối: đề nghị sửa "
                         "một trong hai dòng và xóa dòng còn lại.")


def check(records: list[dict], year: int = 2024, file: str = "Q-DD.xlsx"):
    raw = pd.DataFrame.from_records(records).astype(object)
    raw.index = pd.RangeIndex(8, 8 + len(raw), name="row")
    return validate_rows(normalise_rows(raw), raw, year=year, file=file, sheet="DS")


def said(records: list[dict]) -> list[list]:
    return check(records)[1][["row", "column", "value", "error"]].values.tolist()


def test_an_excel_error_value_is_said_as_such_and_never_as_missing_or_a_duplicate():
    rejections = check([{**GOOD, "field": "#N/A"}])[1]
    assert rejections[["file", "sheet"]].values.tolist() == [["Q-DD.xlsx", "DS"]]
    assert said([{**GOOD, "field": "#N/A"}, {**GOOD, "field": "#N/A"}]) == [
        [r, "Lĩnh vực", "#N/A", f"Ô 'Lĩnh vực' có lỗi công thức #N/A: sửa công thức hoặc ghi "
                                f"giá trị ({FIELD})."] for r in (8, 9)]


def test_an_oversized_cell_is_said_once_and_hides_the_other_problems_of_its_cell_only():
    rows = said([{**GOOD, "model": "x" * 40000, "field": "Bóng"}])
    assert rows == [
        [8, "Lĩnh vực", "Bóng", f"'Bóng' không hợp lệ ở cột 'Lĩnh vực': {FIELD}."],
        [8, "Tên mô hình", "x" * 100 + "…", "Ô ở cột 'Tên mô hình' có 40.000 ký tự, quá giới hạn "
                                            "32.767 ký tự của một ô; đề nghị rút gọn."]]


@pytest.mark.parametrize("file", ["Q-DD.csv", "Q-DD.ods", "Q-DD.xls", "Q-DD.xlsx"])
def test_an_oversized_cell_of_a_column_not_in_the_form_keeps_its_row(file):
    """A column the form does not have is kept, otherwise ignored (``spec/submission-form.md``,
    "Columns"): its over-long cell loses no registration (fresh tester M's M044)."""
    valid, rejections = check([{**GOOD, "[Xếp loại riêng]": "x" * 32768},
                               {**GOOD, "model": "Mô hình khác", "[Xếp loại riêng]": "y" * 32767},
                               {**GOOD, "model": "Mô hình thứ ba", "[Xếp loại riêng]": 7.0}],
                              file=file)
    assert valid.index.tolist() == [8, 9, 10]
    assert rejections.empty


@pytest.mark.parametrize("file", ["Q-DD.xlsx", "Q-DD.XLSM", "Q-DD.xlsb", "Q-DD.ods", "Q-DD.csv"])
def test_a_remark_at_or_over_the_limit_keeps_its_row_read_as_empty(file):
    """python-calamine returns an .xlsx cell longer than 32.767 characters cut to 32.767; a
    remark so long (or exactly Excel's maximum, fresh tester M's M044) says nothing a figure
    reads: its row counts, the remark read as empty (told, ``long_free_cells_note``)."""
    valid, rejections = check([{**GOOD, "note": "y" * 32767},
                               {**GOOD, "model": "Mô hình khác", "note": "y" * 32766},
                               {**GOOD, "model": "Mô hình thứ ba", "note": "z" * 40000}], file=file)
    assert valid.index.tolist() == [8, 9, 10]
    assert rejections.empty
    cut = file.lower().endswith((".xlsx", ".xlsm", ".xlsb"))
    assert valid["note"].isna().tolist() == [cut, False, True]
    found = long_free_cells(pd.DataFrame({"note": ["y" * 32767, "y" * 32766, "z" * 40000],
                                          "model": ["x" * 40000] * 3}, index=[8, 9, 10]), file)
    assert found == ({(8, "note"): 32767} if cut else {}) | {(10, "note"): 40000}
    assert long_free_cells_note(found, [8, 9, 10], {"note": "Ghi chú khác"}) == (
        f"Ô ở cột 'Ghi chú khác' dòng {'8, 10' if cut else '10'} có từ 32.767 ký tự trở lên, "
        "giới hạn của một ô (phần dài hơn có thể đã bị cắt khi đọc tệp): đã coi như để trống, "
        "dòng vẫn được tính. Đề nghị rút gọn.")
    assert long_free_cells_note(found, [9], None) is None


def test_an_oversized_form_cell_still_rejects_its_row():
    valid, rejections = check([{**GOOD, "result": "x" * 32768},
                               {**GOOD, "model": "Mô hình khác", "grassroots_union": "y" * 32767}],
                              file="Q-DD.xlsx")
    assert valid.index.tolist() == []
    assert rejections[["row", "column", "value", "error"]].values.tolist() == [
        [8, "Kết quả", "x" * 100 + "…", "Ô ở cột 'Kết quả' có 32.768 ký tự, quá giới hạn 32.767 "
                                        "ký tự của một ô; đề nghị rút gọn."],
        [9, "Công đoàn cơ sở", "y" * 100 + "…", "Ô ở cột 'Công đoàn cơ sở' có từ 32.767 ký tự "
                                                "trở lên, giới hạn của một ô (phần dài hơn đã bị "
                                                "cắt khi đọc tệp); đề nghị rút gọn."]]


def test_a_period_is_said_reversed_or_impossible_before_unreadable():
    assert said([{**GOOD, "period": "15/03/2024 - 14/03/2024"}]) == [
        [8, "Thời gian thực hiện", "15/03/2024 - 14/03/2024",
         "'Thời gian thực hiện' '15/03/2024 - 14/03/2024': ngày kết thúc (14/03/2024) trước ngày "
         "bắt đầu (15/03/2024); đề nghị sửa lại."]]


@pytest.mark.parametrize("start, end, column, value, error", [
    ("abc", "14/03/2024", "Từ ngày", "abc",
     "Không đọc được 'Từ ngày' 'abc': cần ngày bắt đầu: một ô ngày, dd/mm/yyyy, mm/yyyy hoặc năm."),
    ("01/03/2024", "abc", "Đến ngày", "abc",
     "Không đọc được 'Đến ngày' 'abc': cần ngày kết thúc: một ô ngày, dd/mm/yyyy, mm/yyyy hoặc "
     "năm, không trước ngày bắt đầu."),
    ("", "abc", "Đến ngày", "abc",
     "Không đọc được 'Đến ngày' 'abc': cần ngày kết thúc: một ô ngày, dd/mm/yyyy, mm/yyyy hoặc "
     "năm, không trước ngày bắt đầu."),
    ("01/12/2023", "31/12/2023", "Từ ngày", "01/12/2023 - 31/12/2023",
     "'Thời gian thực hiện' ('Từ ngày' – 'Đến ngày') '01/12/2023 - 31/12/2023' không trùng với "
     "năm báo cáo 2024."),
    ("01/03/2024", "01/02/2024", "Đến ngày", "01/02/2024",
     "'Đến ngày' (01/02/2024) trước 'Từ ngày' (01/03/2024): thời gian kết thúc không được trước "
     "thời gian bắt đầu."),
])
def test_a_period_in_two_columns_is_said_in_the_column_at_fault(start, end, column, value, error):
    assert said([{**GOOD, "period": None, "period_from": start, "period_to": end}]) == [
        [8, column, value, error]]


def test_a_period_in_one_column_beside_empty_sub_columns_is_said_in_its_own_column():
    assert said([{**GOOD, "period": "quý 5", "period_from": "", "period_to": None}]) == [
        [8, "Thời gian thực hiện", "quý 5",
         "Không đọc được 'Thời gian thực hiện' 'quý 5': cần dd/mm/yyyy - dd/mm/yyyy, mm/yyyy - "
         "mm/yyyy hoặc một ô ngày, trùng với năm báo cáo."]]


def test_a_value_in_foreign_letters_is_told_which_letters():
    assert said([{**GOOD, "field": "ХYZ"}]) == [
        [8, "Lĩnh vực", "ХYZ",
         f"'ХYZ' không hợp lệ ở cột 'Lĩnh vực': {FIELD}. 'ХYZ' có chữ 'Х' không phải chữ Latinh "
         f"(chữ Kirin); đề nghị gõ lại bằng bàn phím tiếng Việt/Latinh."]]


def test_a_row_with_a_problem_is_still_the_first_of_its_duplicates_and_the_later_told():
    # the first (row 8) is rejected: the later ones are told so, never "chỉ tính dòng 8"
    assert said([{**GOOD, "result": "Khá"}, GOOD, {**GOOD, "model": "Mô hình khác"}, GOOD]) == [
        [8, "Kết quả", "Khá", RESULT.format("Khá")],
        [9, "Tên mô hình", GOOD["model"], DUPLICATE_OF_REJECTED.format(8)],
        [11, "Tên mô hình", GOOD["model"], DUPLICATE_OF_REJECTED.format(8)]]


def test_an_exact_copy_of_a_rejected_row_is_rejected_once_as_its_copy_naming_the_row():
    # ``spec/submission-form.md``, "Errors": the first is kept, the others rejected as
    # duplicates; the copy's reasons are the first's, said once (on row 8)
    bad = {**GOOD, "result": "Khá", "period": "abc"}
    assert said([bad, bad, {**GOOD, "model": "Mô hình khác"}]) == [
        [8, "Kết quả", "Khá", RESULT.format("Khá")],
        [8, "Thời gian thực hiện", "abc",
         "Không đọc được 'Thời gian thực hiện' 'abc': cần dd/mm/yyyy - dd/mm/yyyy, mm/yyyy - "
         "mm/yyyy hoặc một ô ngày, trùng với năm báo cáo."],
        [9, "Tên mô hình", GOOD["model"],
         "Lặp lại đúng dòng 8 (dòng 8 bị từ chối, xem lý do ở dòng 8); khi sửa dòng 8, đề nghị "
         "xóa dòng này."]]


def test_an_exact_copy_of_a_valid_row_is_the_plain_duplicate():
    assert said([GOOD, GOOD]) == [[9, "Tên mô hình", GOOD["model"], DUPLICATE.format(8)]]


def test_a_valid_sheet_is_the_checked_frame_and_an_empty_rejections_table():
    valid, rejections = check([GOOD, {**GOOD, "model": "Mô hình khác"}])
    assert valid.index.tolist() == [8, 9] and valid["type"].tolist() == ["individual"] * 2
    assert valid["period_start"].tolist() == [pd.Timestamp(2024, 1, 1)] * 2
    assert rejections.columns.tolist() == REJECTION_COLUMNS and rejections.empty


def test_the_rejections_table_has_an_integer_row_and_text_elsewhere():
    frame = rejection_frame([{"file": "a.xlsx", "sheet": None, "row": 3, "column": "Lĩnh vực",
                              "value": "5", "error": "x"},
                             {"file": "b.xlsx", "row": None, "error": "cả tệp"}])
    assert frame.columns.tolist() == REJECTION_COLUMNS
    assert str(frame["row"].dtype) == "Int64" and frame["row"].isna().tolist() == [False, True]
    assert frame.drop(columns="row").values.tolist() == [
        ["a.xlsx", "", "Lĩnh vực", "5", "x"], ["b.xlsx", "", "", "", "cả tệp"]]
    assert rejection_frame([]).columns.tolist() == REJECTION_COLUMNS


@pytest.mark.parametrize("text, key", [
    ("“Bữa cơm  Công đoàn.”", "bua com cd"), ("- bữa cơm công đoàn;", "bua com cd"),
    ("'Bữa cơm, công đoàn!'", "bua com, cd"), ("Bữa cơm?", "bua com"), ("", "")])
def test_the_duplicate_key_of_a_cell(text, key):
    assert duplicate_key(text) == key


def test_shorten_at_its_edges():
    assert shorten("") == "" and shorten("ă" * 500) == "ă" * 500
    assert shorten("ă" * 501) == "ă" * 100 + "…"


def _valid(records: list[dict], first_row: int) -> pd.DataFrame:
    raw = pd.DataFrame.from_records(records).astype(object)
    raw.index = pd.RangeIndex(first_row, first_row + len(raw), name="row")
    valid, rejections = validate_rows(normalise_rows(raw), raw, year=2024, file="Q-DD.xlsx",
                                      sheet="DS")
    assert rejections.empty
    return valid


def test_a_later_sheets_row_repeating_an_earlier_sheets_is_rejected_naming_sheet_and_row():
    other = {**GOOD, "model": "Mô hình khác"}
    first = _valid([GOOD, other], 5)
    second = _valid([{**GOOD, "model": "tủ sách công đoàn khu trọ."}, {**GOOD, "model": "Mô hình mới"},
                     other], 5)  # its row 5 repeats row 5 of the first sheet
    empty = first.iloc[:0]
    kept, rejections = duplicates_across_sheets(
        [("Tập thể", first), ("Trống", empty), ("Cá nhân", second)], file="Q-DD.xlsx")
    assert [k.index.tolist() for k in kept] == [[5, 6], [], [6]]
    assert kept[1] is empty and kept[0] is first
    assert rejections.values.tolist() == [
        ["Q-DD.xlsx", "Cá nhân", 5, "Tên mô hình", "tủ sách công đoàn khu trọ.",
         "Trùng với dòng 5 của trang 'Tập thể': cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá "
         "nhân, chức vụ và công đoàn cơ sở; chỉ tính dòng 5 của trang 'Tập thể'."],
        ["Q-DD.xlsx", "Cá nhân", 7, "Tên mô hình", "Mô hình khác",
         "Trùng với dòng 6 của trang 'Tập thể': cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá "
         "nhân, chức vụ và công đoàn cơ sở; chỉ tính dòng 6 của trang 'Tập thể'."]]
    kept, rejections = duplicates_across_sheets([("Tập thể", first)], file="Q-DD.xlsx")
    assert kept[0] is first and rejections.empty


def test_a_value_close_to_two_accepted_values_asks_which_it_is():
    assert said([{**GOOD, "field": "Kinh tế - xã hội"}]) == [
        [8, "Lĩnh vực", "Kinh tế - xã hội",
         "'Kinh tế - xã hội' ở cột 'Lĩnh vực' chưa rõ: có phải là 'Kinh tế' hay 'Văn hóa - xã "
         "hội'? Đề nghị ghi rõ một trong: Kinh tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc "
         "phòng (ANQP), Xây dựng hệ thống chính trị (XDHTCT)."]]


@pytest.mark.parametrize("change, column", [
    ({"period_from": "abc"}, "Từ ngày"), ({"period_to": "abc"}, "Đến ngày")])
def test_a_period_with_one_sub_column_only_is_said_in_it(change, column):
    rows = said([{**GOOD, "period": None, **change}])
    assert [r[:3] for r in rows] == [[8, column, "abc"]]
    assert rows[0][3].startswith(f"Không đọc được '{column}' 'abc': cần ngày ")


def test_a_period_said_in_words_is_of_the_report_year():
    valid, rejections = check([{**GOOD, "period": "Cả năm"}], year=2023)
    assert rejections.empty
    assert valid.loc[8, ["period_start", "period_end"]].tolist() == [
        pd.Timestamp(2023, 1, 1), pd.Timestamp(2023, 12, 31)]


def test_a_row_already_said_for_its_cell_is_no_duplicate_but_the_rows_after_it_are():
    rows = said([GOOD, {**GOOD, "result": "x" * 32768}, GOOD, {**GOOD, "field": "#N/A"}])
    assert [r[:2] for r in rows] == [[9, "Kết quả"], [10, "Tên mô hình"], [11, "Lĩnh vực"]]
    assert rows[1][3] == DUPLICATE.format(8)


def test_a_missing_position_column_is_said_with_an_empty_value():
    individual = {k: v for k, v in GOOD.items() if k != "position"}
    assert said([individual]) == [
        [8, "Chức vụ", "", "Thiếu 'Chức vụ': đăng ký Cá nhân phải ghi chức vụ của cá nhân đó."]]
