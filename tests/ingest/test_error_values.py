"""Excel error values in form cells reject their row, named as the unit sees them
(``spec/submission-form.md``, "Errors"), whatever the reader: .xlsx, .xls, .ods, CSV; in an
optional free-text column they do not (``test_optional_errors.py``)."""

import io
import zipfile

import pytest

from thidua.ingest.cells import sheet_facts
from thidua.ingest.files import USED, ingest_file
from helpers import HEADER, input_file, row, write_xlsx

#: Form column index in :data:`helpers.HEADER` → its header.
COLUMN = {name: i for i, name in enumerate(HEADER)}


def _with(column: str, value, i: int, **kw) -> list:
    cells = row(model=f"Mô hình thử nghiệm số {i}", stt=i, **kw)
    cells[COLUMN[column]] = value
    return cells


def test_error_cells_in_any_form_column_reject_their_row_naming_the_error(tmp_path, context):
    errors = [("Lĩnh vực", "#N/A"), ("Hình thức", "#REF!"), ("Tên mô hình", "#NAME?"),
              ("Kết quả", "#N/A"), ("Cấp công đoàn", "#NULL!"),
              ("Thời gian thực hiện", "#VALUE!"), ("Chức vụ", "#SPILL!")]
    # ``Ghi chú`` and ``Công đoàn cơ sở`` (optional free text): test_optional_errors.py
    rows = [_with(column, value, i) for i, (column, value) in enumerate(errors, start=1)]
    rows.append(_with("STT", "#REF!", 10))  # STT is only a numbering: the row counts
    path = write_xlsx(tmp_path / "Q-DD_dvk.xlsx", rows)  # openpyxl writes them as error cells
    assert '<c r="C2" t="e">' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    assert result.rows == {"read": 8, "valid": 1, "rejected": 7, "ignored": 0}
    assert result.rejections[["row", "column", "value"]].values.tolist() == [
        [r, column, value] for r, (column, value) in enumerate(errors, start=2)]
    assert result.rejections["error"].tolist()[3] == (
        "Ô 'Kết quả' có lỗi công thức #N/A: sửa công thức hoặc ghi giá trị (cần Chưa đánh giá, "
        "Hoàn thành, Tiêu biểu hoặc Không hoàn thành).")
    assert result.rejections["error"].tolist()[0] == (
        "Ô 'Lĩnh vực' có lỗi công thức #N/A: sửa công thức hoặc ghi giá trị (cần một trong: Kinh "
        "tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc phòng (ANQP), Xây dựng hệ thống chính "
        "trị (XDHTCT)).")
    assert result.registrations["model"].tolist() == ["Mô hình thử nghiệm số 10"]


@pytest.mark.parametrize("error", ["#N/A", "#REF!", "#NULL!", "#VALUE!", "#DIV/0!", "#NAME?",
                                   "#NUM!", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!",
                                   "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"])
def test_every_error_value_written_as_text_in_a_csv_rejects_its_row(tmp_path, context, error):
    lines = [",".join(HEADER),
             f"1,Mô hình thử nghiệm số 1,Kinh tế,Tập thể,CĐCS A,,Cơ sở,CĐCS A,01/2024 - 12/2024,"
             f"{error},",
             "2,Mô hình thử nghiệm số 2,Kinh tế,Tập thể,CĐCS B,,Cơ sở,CĐCS B,01/2024 - 12/2024,,"]
    path = tmp_path / "Q-DD_dvk.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "column", "value", "error"]].values.tolist() == [
        [2, "Kết quả", error, f"Ô 'Kết quả' có lỗi công thức {error}: sửa công thức hoặc ghi "
                              f"giá trị (cần Chưa đánh giá, Hoàn thành, Tiêu biểu hoặc Không "
                              f"hoàn thành)."]]
    assert result.registrations["result"].tolist() == ["chua_danh_gia"]


def test_an_error_in_the_unit_code_column_rejects_its_row_as_an_error(tmp_path, context):
    rows = [["Q-DD", *row(model="Mô hình thử nghiệm số 1")],
            ["#N/A", *row(model="Mô hình thử nghiệm số 2", stt=2)]]
    path = write_xlsx(tmp_path / "dvk.xlsx", rows, header=["Mã đơn vị", *HEADER])
    result = ingest_file(input_file(path), context)
    assert result.unit == "Q-DD" and result.rows["valid"] == 1
    assert result.rejections[["row", "column", "value"]].values.tolist() == [
        [3, "Mã đơn vị", "#N/A"]]


def test_xls_error_cells_are_read_as_their_error_text(tmp_path):
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Danh sách")
    sheet.write(0, 0, "Tên mô hình")
    sheet.row(1).set_cell_error(0, 0x2A)  # BIFF codes: #N/A, #DIV/0!
    sheet.row(1).set_cell_error(1, 0x07)
    buffer = io.BytesIO()
    book.save(buffer)
    assert sheet_facts(buffer.getvalue(), "Danh sách").errors == {(1, 0): "#N/A",
                                                                   (1, 1): "#DIV/0!"}


def test_ods_error_cells_are_read_as_their_error_text():
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0">'
        '<office:body><office:spreadsheet><table:table table:name="Danh sách">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Tên</text:p>'
        '</table:table-cell></table:table-row><table:table-row>'
        '<table:table-cell table:number-columns-repeated="2"/>'
        '<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" '
        'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>'
        '</table:table-row></table:table></office:spreadsheet></office:body>'
        '</office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    facts = sheet_facts(buffer.getvalue(), "Danh sách")
    assert facts.errors == {(1, 2): "#DIV/0!"} and facts.shown == {}
