"""One data sheet from its rows to registrations and rejections (``spec/submission-form.md``,
"Rows that are not data" and "Errors"), value by value: :func:`thidua.ingest.sheetrows.label_rows`
and :func:`check_rows` on grids written in the test (no file is read)."""

from __future__ import annotations

from thidua.ingest.rows import SheetData
from thidua.ingest.sheetrows import check_rows, label_rows
from thidua.ingest.table import find_table
from helpers import HEADER, row

KNOWN = frozenset({"Q-BD", "Q-DD"})
FIELDS = ("Lĩnh vực", "cần một trong: Kinh tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc "
          "phòng (ANQP), Xây dựng hệ thống chính trị (XDHTCT).")
OTHER_UNIT = ("Mã đơn vị 'Q-DD' khác mã của tệp 'Q-BD' (mã của hơn nửa số dòng); mỗi tệp chỉ "
              "của một đơn vị: đề nghị sửa thành 'Q-BD', hoặc gửi dòng này trong tệp của đơn vị "
              "'Q-DD'.")
IGNORED = dict.fromkeys(["blank", "totals", "subheading", "signature", "header", "hidden",
                         "example", "continuation", "copied_sheet", "title", "struck", "withdrawn",
                         "other_year", "excerpt", "dropdown_list"], 0)


def sheet(rows: list[list], name: str = "DS", header=("Mã đơn vị", *HEADER), **kw) -> SheetData:
    grid = [list(header), *rows]
    return SheetData(name, grid, find_table(grid), **kw)


def model(n: int) -> str:
    return f"Mô hình số {n} giúp đoàn viên"


ROWS = [["Q-BD", *row(model=model(1))],
        ["Q-DD", *row(model=model(2), stt=2)],  # another unit's code
        ["Q-BD", *row(model=model(3), field="Bóng đá", stt=3)],  # a field not in the form
        ["", "", "Tổng cộng", None],
        ["Q-DD", *row(model=model(4), field="Bóng đá", stt=4)],  # both
        ["Q-BD", *row(model=model(1), stt=5)]]  # a duplicate of row 2


def test_each_row_read_is_valid_rejected_or_ignored_and_each_problem_said_by_row():
    out = check_rows(label_rows(sheet(ROWS)), year=2024, file="f.xlsx", unit="Q-BD",
                     known_codes=KNOWN)
    assert (out.sheet, out.read) == ("DS", 6)
    assert out.valid.index.tolist() == [2]
    assert out.valid.at[2, "model"] == model(1)
    assert out.rejections[["file", "sheet", "row", "column", "value"]].values.tolist() == [
        ["f.xlsx", "DS", 3, "Mã đơn vị", "Q-DD"],
        ["f.xlsx", "DS", 4, "Lĩnh vực", "Bóng đá"],
        ["f.xlsx", "DS", 6, "Lĩnh vực", "Bóng đá"],
        ["f.xlsx", "DS", 6, "Mã đơn vị", "Q-DD"],
        ["f.xlsx", "DS", 7, "Tên mô hình", model(1)]]
    assert out.rejections["error"].tolist()[:2] == [
        OTHER_UNIT, f"'Bóng đá' không hợp lệ ở cột '{FIELDS[0]}': {FIELDS[1]}"]
    assert out.rejections.index.tolist() == [0, 1, 2, 3, 4]
    assert out.raw.index.tolist() == [2, 3, 4, 5, 6, 7]
    assert out.ignored == {**IGNORED, "totals": 1}
    assert out.headers["unit_code"] == "Mã đơn vị" and out.headers["model"] == "Tên mô hình"
    assert (out.remarks, out.readings, out.interpreted) == ((), (), 0)


def test_without_the_files_unit_no_row_is_rejected_for_its_code():
    out = check_rows(label_rows(sheet(ROWS)), year=2024, file="f.xlsx", known_codes=KNOWN)
    assert out.valid.index.tolist() == [2, 3]
    assert out.rejections["row"].tolist() == [4, 6, 7]


def test_a_sheet_copying_another_ignores_every_row_and_says_so():
    rows = label_rows(sheet(ROWS[:2], copy_of="Danh sách"))
    assert rows.labels.tolist() == ["copied_sheet", "copied_sheet"]
    assert rows.data.empty
    out = check_rows(rows, year=2024, file="f.xlsx", unit="Q-BD", known_codes=KNOWN)
    assert (out.read, out.valid.empty, out.rejections.empty) == (2, True, True)
    assert out.ignored == {**IGNORED, "copied_sheet": 2}
    assert out.remarks == ("Trang 'DS' lặp lại đúng từng dòng đăng ký của trang 'Danh sách' nên "
                           "chỉ tính một lần: 2 dòng của trang 'DS' không được tính (bỏ qua).",)


def test_a_sheet_of_totals_only_checks_nothing():
    out = check_rows(label_rows(sheet([["", "", "Tổng cộng", None], []])), year=2024,
                     file="f.xlsx", unit="Q-BD", known_codes=KNOWN)
    assert (out.read, out.valid.empty, out.rejections.empty) == (1, True, True)
    assert out.ignored == {**IGNORED, "totals": 1}
    assert out.rejections.columns.tolist() == ["file", "sheet", "row", "column", "value", "error"]


def test_a_row_keeping_unconverted_legacy_text_is_rejected_naming_the_encoding():
    rows = [["Q-BD", *row(model=model(1))], ["Q-BD", *row(model="Mô hình chiùnh số 2", stt=2)]]
    out = check_rows(label_rows(sheet(rows, encoding="VNI")), year=2024, file="f.xlsx",
                     unit="Q-BD", known_codes=KNOWN)
    assert out.valid.index.tolist() == [2]
    assert out.rejections[["file", "sheet", "row", "column", "value", "error"]].values.tolist() == [
        ["f.xlsx", "DS", 3, "Tên mô hình", "Mô hình chiùnh số 2",
         "Ô 'Tên mô hình' còn ký tự của bảng mã VNI chưa chuyển được ('chiùnh'); đề nghị chuyển "
         "tệp sang Unicode (Unikey: Công cụ chuyển mã) rồi gửi lại."]]
    unicode = check_rows(label_rows(sheet(rows)), year=2024, file="f.xlsx", unit="Q-BD",
                         known_codes=KNOWN)
    assert unicode.valid.index.tolist() == [2, 3] and unicode.rejections.empty


def test_a_sheet_named_by_a_type_without_a_type_column_says_its_rows_took_it():
    header = [h for h in HEADER if h != "Hình thức"]
    rows = [[*r[:3], *r[4:]] for r in (row(model=model(1)), row(model=model(2), stt=2))]
    out = check_rows(label_rows(sheet(rows, name="Tập thể", header=header)), year=2024,
                     file="f.xlsx")
    assert out.valid["type"].tolist() == ["collective", "collective"]
    assert out.readings == (
        "Trang 'Tập thể' không có cột 'Hình thức': các dòng đăng ký của trang đã lấy hình thức "
        "'Tập thể' theo tên trang. Đề nghị lần sau ghi hình thức ở từng dòng.",)
    empty = check_rows(label_rows(sheet([], name="Tập thể", header=header)), year=2024,
                       file="f.xlsx")
    assert empty.readings == ()


def test_a_period_in_two_columns_is_said_by_the_units_own_header():
    """A period in two columns headed ``Bắt đầu`` | ``Kết thúc``: a value not read is said by
    the unit's header, not the form's ``Từ ngày`` (the headers reach the validation; the
    re-run of 30/11 late evening: no test of the module's map had such a sheet)."""
    header = ["Mã đơn vị", *HEADER[:8], "Bắt đầu", "Kết thúc", *HEADER[9:]]

    def registration(start: str, stt: int) -> list:
        cells = row(model=model(stt), stt=stt)
        return ["Q-BD", *cells[:8], start, "12/2024", *cells[9:]]

    out = check_rows(label_rows(sheet([registration("01/2024", 1), registration("abc", 2)],
                                      header=header)),
                     year=2024, file="f.xlsx", unit="Q-BD", known_codes=KNOWN)
    assert out.valid.index.tolist() == [2]
    assert out.rejections[["row", "error"]].values.tolist() == [
        [3, "Không đọc được 'Bắt đầu' 'abc': cần ngày bắt đầu: một ô ngày, dd/mm/yyyy, mm/yyyy "
            "hoặc năm."]]


def test_a_files_unit_codes_are_indexed_by_sheet_and_row():
    """:func:`thidua.ingest.sheetrows.unit_codes`: every sheet's ``Mã đơn vị`` cells as
    written, indexed ``(sheet, Excel row)`` for the messages naming each row's sheet; an empty
    ``str`` Series when no sheet has the column (the re-run of 30/11 late evening)."""
    from thidua.ingest.sheetrows import unit_codes

    first = label_rows(sheet([["Q-BD", *row(model=model(1))],
                              ["Q-DD", *row(model=model(2), stt=2)]], name="DS1"))
    second = label_rows(sheet([["q.bd", *row(model=model(3))]], name="DS2"))
    codes = unit_codes([first, second])
    assert codes.index.names == ["sheet", "row"]
    assert codes.to_dict() == {("DS1", 2): "Q-BD", ("DS1", 3): "Q-DD", ("DS2", 2): "q.bd"}
    none = unit_codes([label_rows(sheet([row(model=model(1))], header=HEADER))])
    assert (none.empty, str(none.dtype)) == (True, "str")


def test_rows_rejected_later_leave_the_valid_rows_and_follow_each_rows_earlier_problems():
    """:func:`thidua.ingest.sheetrows._rejecting`: the rows of later rejections (another
    unit's code…) leave the valid rows; all rejections are ordered by row, a row's earlier
    problems first, whatever the number of rows (a stable sort: 40 rows, each with two)."""
    import pandas as pd

    from thidua.ingest.sheetrows import _rejecting
    from thidua.ingest.validate import rejection_frame

    numbers = list(range(2, 42))
    earlier = rejection_frame([{"file": "f", "sheet": "DS", "row": r, "column": "Lĩnh vực",
                                "value": "x", "error": "a"} for r in numbers])
    later = rejection_frame([{"file": "f", "sheet": "DS", "row": r, "column": "Mã đơn vị",
                              "value": "Q-DD", "error": "b"} for r in reversed(numbers)])
    valid, rejections = _rejecting(pd.DataFrame({"model": ["m"] * 45}, index=range(2, 47)),
                                   earlier, later)
    assert valid.index.tolist() == [42, 43, 44, 45, 46]
    assert rejections[["row", "column"]].values.tolist() == [
        [r, column] for r in numbers for column in ("Lĩnh vực", "Mã đơn vị")]
    assert rejections.index.tolist() == list(range(80))


def test_a_formula_without_a_saved_result_is_rejected_naming_its_file():
    """A form cell that is a formula with no saved result rejects its row, the rejection
    naming the file like every other (the re-run of 30/11 late evening: no test of the map
    had such a cell)."""
    from thidua.ingest.cells import SheetFacts

    formula = '=IF(A2=1,"x","y")'
    rows = [["Q-BD", *row(model=model(1), result=None)], ["Q-BD", *row(model=model(2), stt=2)]]
    out = check_rows(label_rows(sheet(rows, facts=SheetFacts(formulas={(1, 10): formula}))),
                     year=2024, file="f.xlsx", unit="Q-BD", known_codes=KNOWN)
    assert out.valid.index.tolist() == [3]
    assert out.rejections[["file", "sheet", "row", "column", "value"]].values.tolist() == [
        ["f.xlsx", "DS", 2, "Kết quả", formula]]


def test_a_later_sheet_titled_for_another_unit_has_its_rows_rejected_naming_the_file():
    """A sheet whose own title names another unit's code: its rows are rejected, the message
    naming the sheet and the file (``sheettitle``; the re-run of 30/11 late evening: no test
    of the map had such a sheet); without the file's unit nothing is compared."""
    from thidua.ingest.rows import SheetData
    from thidua.ingest.table import find_table

    grid = [["Mã đơn vị: Q-DD"], ["Năm: 2024"], ["Mã đơn vị", *HEADER],
            ["Q-BD", *row(model=model(1))]]
    out = check_rows(label_rows(SheetData("DS2", grid, find_table(grid))), year=2024,
                     file="f.xlsx", unit="Q-BD", known_codes=KNOWN)
    assert out.valid.empty
    assert out.rejections[["file", "sheet", "row", "column", "value", "error"]].values.tolist() == [
        ["f.xlsx", "DS2", 4, "Mã đơn vị", "Mã đơn vị: Q-DD",
         "Trang 'DS2' của tệp f.xlsx ghi 'Mã đơn vị: Q-DD' ở tiêu đề, khác mã đơn vị của tệp "
         "'Q-BD': các dòng của trang này không được tính cho đơn vị 'Q-BD'. Mỗi tệp chỉ của một "
         "đơn vị: nếu đây là danh sách của đơn vị 'Q-BD', đề nghị sửa tiêu đề trang thành 'Mã "
         "đơn vị: Q-BD', hoặc gửi trang này trong tệp của đơn vị 'Q-DD'."]]


def test_a_converted_sheet_keeps_its_other_rejections_beside_the_unconverted_rows():
    rows = [["Q-BD", *row(model=model(1), field="Bóng đá")],
            ["Q-BD", *row(model="Mô hình chiùnh số 2", stt=2)]]
    out = check_rows(label_rows(sheet(rows, encoding="VNI")), year=2024, file="f.xlsx",
                     unit="Q-BD", known_codes=KNOWN)
    assert out.valid.empty
    assert out.rejections[["row", "column"]].values.tolist() == [[2, "Lĩnh vực"],
                                                                 [3, "Tên mô hình"]]


def test_every_row_of_a_copied_sheet_is_labelled_a_copy():
    """A sheet copying another (``copy_of``): every row labelled ``copied_sheet`` (a ``str``
    Series), its filled-down rows still found (none here), nothing validated."""
    rows = [["Q-BD", *row(model=model(1))], ["Q-BD", *row(model=model(2), stt=2)]]
    copied = label_rows(sheet(rows, copy_of="DS"))
    assert (copied.labels.to_dict(), str(copied.labels.dtype)) == (
        {2: "copied_sheet", 3: "copied_sheet"}, "str")
    assert copied.filled.to_dict() == {2: False, 3: False}


def test_title_lines_typed_below_the_header_are_labelled_title_a_blank_row_blank():
    rows = [["Mã đơn vị: Q-BD"], ["Năm: 2024"], [], ["Q-BD", *row(model=model(1))]]
    labelled = label_rows(sheet(rows))
    assert labelled.labels.to_dict() == {2: "title", 3: "title", 4: "blank", 5: "data"}
