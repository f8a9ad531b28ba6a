"""A file none of whose registrations shows (every data row hidden or filtered out, or the
table only on a hidden sheet) is rejected with a reason naming what is hidden and the fix,
never "no header" or "no row under the header" (the third tester's F3 and F4)."""

from __future__ import annotations

import openpyxl
import pytest

from helpers import HEADER, input_file, row
from thidua.ingest.files import ingest_file

UNHIDE_ROWS = ("Không có dòng đăng ký nào đang hiển thị: 3 dòng bị ẩn trong trang tính không được "
               "tính (bỏ qua): dòng 5, 6, 7. Nếu đó là mô hình đăng ký, đề nghị bỏ ẩn các dòng này "
               "(Excel: chọn các dòng, bấm chuột phải > Bỏ ẩn) rồi gửi lại.")
UNHIDE_SHEET = ("Các dòng đăng ký của biểu DVK-01 chỉ có ở trang tính bị ẩn ({names}); trang bị ẩn "
                "không được tính. Nếu đó là đăng ký của đơn vị, đề nghị bỏ ẩn trang (Excel: bấm chuột phải vào "
                "tên một trang tính > Bỏ ẩn) rồi gửi lại tệp.")


def _table(ws, n: int = 3) -> None:
    for line in ("Mã đơn vị: Q-BD", "Năm: 2024", ""):
        ws.append([line])
    ws.append(HEADER)
    for i in range(1, n + 1):
        ws.append(row(model=f"Mô hình số {i} của đơn vị", stt=i))


def _save(wb, tmp_path):
    path = tmp_path / "Q-BD_dvk-2024.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("how", ["hidden", "zero height", "filtered"])
def test_every_data_row_hidden_rejects_the_file_naming_the_rows(tmp_path, context, how):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    _table(ws)
    for r in (5, 6, 7):
        ws.row_dimensions[r].hidden = True
        if how == "zero height":
            ws.row_dimensions[r].height = 0
    if how == "filtered":
        ws.auto_filter.ref = "A4:K7"
        ws.auto_filter.add_filter_column(2, ["An ninh - quốc phòng"])
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.status == "rejected"
    if how == "filtered":
        assert result.problem.startswith(UNHIDE_ROWS.split(" Nếu")[0] + " Trang tính được lưu khi "
                                         "đang lọc (Lọc/Filter)")
        assert "xóa bộ lọc (Excel: Dữ liệu > Xóa bộ lọc)" in result.problem
    else:
        assert result.problem == UNHIDE_ROWS
    assert "công thức" not in result.problem


def test_a_file_with_some_rows_shown_is_used_and_the_hidden_ones_ignored(tmp_path, context):
    wb = openpyxl.Workbook()
    ws = wb.active
    _table(ws)
    ws.row_dimensions[6].hidden = True
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.status == "used"
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}


def test_a_file_without_rows_is_still_told_so(tmp_path, context):
    wb = openpyxl.Workbook()
    _table(wb.active, n=0)
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.status == "rejected"
    assert result.problem.startswith("Không có dòng đăng ký nào dưới dòng tiêu đề.")


def test_two_sheets_all_hidden_name_each_sheet(tmp_path, context):
    wb = openpyxl.Workbook()
    first = wb.active
    first.title = "Tập thể"
    _table(first, n=2)
    second = wb.create_sheet("Cá nhân")
    _table(second, n=1)
    for ws, rows in ((first, (5, 6)), (second, (5,))):
        for r in rows:
            ws.row_dimensions[r].hidden = True
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.status == "rejected"
    assert result.problem == (
        "Không có dòng đăng ký nào đang hiển thị: Trang 'Tập thể': 2 dòng bị ẩn trong trang tính "
        "không được tính (bỏ qua): dòng 5, 6. Nếu đó là mô hình đăng ký, đề nghị bỏ ẩn các dòng này "
        "(Excel: chọn các dòng, bấm chuột phải > Bỏ ẩn) rồi gửi lại. Trang 'Cá nhân': 1 dòng bị ẩn "
        "trong trang tính không được tính (bỏ qua): dòng 5. Nếu đó là mô hình đăng ký, đề nghị bỏ "
        "ẩn các dòng này (Excel: chọn các dòng, bấm chuột phải > Bỏ ẩn) rồi gửi lại.")


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_table_only_on_a_hidden_sheet_names_that_sheet(tmp_path, context, state):
    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = "Hướng dẫn"
    guide.append(["Điền danh sách ở trang DS."])
    data = wb.create_sheet("DS")
    _table(data)
    data.sheet_state = state
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.status == "rejected"
    assert result.problem == UNHIDE_SHEET.format(names="'DS'")


@pytest.mark.parametrize("visible", ["empty", "chart", "empty and chart"])
def test_a_table_on_a_hidden_sheet_beside_nothing_visible_names_that_sheet(tmp_path, context,
                                                                           visible):
    """Fresh tester D's 409, 415, 417: the only visible sheet empty or a chart sheet; the
    reason was "Tệp rỗng … công thức", and the unit would have sent the same file again."""
    from openpyxl.chart import BarChart

    wb = openpyxl.Workbook()
    if "empty" in visible:
        wb.active.title = "Sheet1"
    else:
        wb.remove(wb.active)
    if "chart" in visible:
        wb.create_chartsheet("Biểu đồ").add_chart(BarChart())
    data = wb.create_sheet("DS")
    _table(data)
    data.sheet_state = "hidden"
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert (result.status, result.problem) == ("rejected", UNHIDE_SHEET.format(names="'DS'"))


def test_two_hidden_tables_are_both_named_and_a_visible_one_still_counts(tmp_path, context):
    wb = openpyxl.Workbook()
    wb.active.title = "Bìa"
    wb.active.append(["Danh sách đăng ký"])
    for name in ("DS1", "DS2"):
        ws = wb.create_sheet(name)
        _table(ws)
        ws.sheet_state = "hidden"
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.problem == UNHIDE_SHEET.format(names="'DS1', 'DS2'")
    wb["DS2"].sheet_state = "visible"
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.status == "used" and result.rows["valid"] == 3


# --- a row shut to zero height is as unseen as a hidden one (the third tester's F6) ---------
def test_rows_shut_to_zero_height_are_ignored_and_told_like_hidden_rows(tmp_path, context):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    _table(ws, n=4)
    ws.row_dimensions[6].height = 1          # set to ht="0" below (openpyxl omits a 0)
    ws.row_dimensions[7].height = 0.75       # very thin but shown: counted
    path = _save(wb, tmp_path)
    _rewrite_sheet(path, b'<row r="6" ht="1"', b'<row r="6" ht="0"')
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.registrations.index.tolist() == [5, 7, 8]
    assert any(n.startswith("1 dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng 6.")
               for n in result.notes)


def test_an_xls_row_of_zero_height_and_a_column_of_zero_width(tmp_path, context):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("DS")
    lines = [["Mã đơn vị: Q-BD"], ["Năm: 2024"], [""], HEADER,
             *[row(model=f"Mô hình số {i} của đơn vị", stt=i) for i in (1, 2, 3)]]
    for r, values in enumerate(lines):
        for c, value in enumerate(values):
            ws.write(r, c, value)
    ws.row(5).height_mismatch = True
    ws.row(5).height = 0                      # Excel row 6
    path = tmp_path / "Q-BD_dvk-2024.xls"
    book.save(str(path))
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    assert result.registrations.index.tolist() == [5, 7]


def test_a_column_of_zero_width_is_a_hidden_column(tmp_path):
    import zipfile

    from thidua.ingest.xlsxfacts import xlsx_facts

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    _table(ws)
    ws.column_dimensions["D"].width = 1      # set to width="0" below (openpyxl omits a 0)
    ws.column_dimensions["E"].width = 0.5
    path = _save(wb, tmp_path)
    _rewrite_sheet(path, b'width="1"', b'width="0"')
    with zipfile.ZipFile(path) as archive:
        assert xlsx_facts(archive, "DS").hidden_columns == (3,)


def _rewrite_sheet(path, old: bytes, new: bytes) -> None:
    """Replace ``old`` by ``new`` (exactly once) in the first worksheet's XML of ``path``."""
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i) for i in source.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    assert xml.count(old) == 1, xml
    parts["xl/worksheets/sheet1.xml"] = xml.replace(old, new)
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)



@pytest.mark.parametrize("front", ["Mẫu", "Sheet1"])
def test_rows_only_on_a_hidden_sheet_behind_an_empty_visible_table_name_the_hidden_sheet(
        tmp_path, context, front):
    # the fourth tester's F4: a blank template left in front of the real (hidden) sheet
    wb = openpyxl.Workbook()
    template = wb.active
    template.title = front
    _table(template, n=0)
    data = wb.create_sheet("DS")
    _table(data)
    data.sheet_state = "hidden"
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.status == "rejected"
    assert result.problem == UNHIDE_SHEET.format(names="'DS'")
    data.sheet_state = "visible"
    result = ingest_file(input_file(_save(wb, tmp_path)), context)
    assert result.status == "used" and result.rows["valid"] == 3
