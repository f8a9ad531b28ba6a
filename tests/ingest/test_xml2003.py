"""Excel 2003 XML ("XML Spreadsheet 2003") under an ``.xls`` name, as systems export it
(thidua/ingest/xml2003.py): cells placed by ``ss:Index``, merges, hidden rows and sheets,
error values, formulas without a result, dates; DTDs and entities refused."""

from __future__ import annotations

from xml.sax.saxutils import escape

import pytest

from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.workbook import FileRejected
from thidua.ingest.xml2003 import is_xml2003, xml2003_sheets
from helpers import HEADER, input_file

OPEN = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:html="http://www.w3.org/TR/REC-html40">\n')
TITLE = ['<Row><Cell ss:MergeAcross="5"><Data ss:Type="String">Mã đơn vị: Q-DD</Data></Cell></Row>',
         '<Row><Cell><Data ss:Type="String">Năm: 2024</Data></Cell></Row>']


def _cell(value, attrs="") -> str:
    if value is None:
        return f"<Cell{attrs}/>"
    kind = "Number" if isinstance(value, (int, float)) else "String"
    return f'<Cell{attrs}><Data ss:Type="{kind}">{escape(str(value))}</Data></Cell>'


def _row(values, attrs="") -> str:
    return f"<Row{attrs}>" + "".join(_cell(v) for v in values) + "</Row>"


def _sheet(rows, name="DS", options="") -> str:
    return (f'<Worksheet ss:Name="{name}"><Table>' + "".join(TITLE) + _row(HEADER[:7])
            + "".join(rows) + f"</Table>{options}</Worksheet>")


def _workbook(*sheets) -> bytes:
    return (OPEN + "".join(sheets) + "</Workbook>").encode("utf-8")


def _data(stt, model, field="Kinh tế", type_="Tập thể", registrant="CĐCS Công ty A",
          position=None, level="Cơ sở"):
    return [stt, model, field, type_, registrant, position, level]


def _ingest(tmp_path, context, data, name="Q-DD_xuat.xls"):
    path = tmp_path / name
    path.write_bytes(data)
    return ingest_file(input_file(path), context)


def test_an_exported_workbook_is_read_with_its_title_block(tmp_path, context):
    data = _workbook(_sheet([_row(_data(1, "Số hóa hồ sơ đoàn viên")),
                             _row(_data(2, "Cải tiến dây chuyền đóng gói", type_="Cá nhân",
                                        registrant="Nguyễn Văn Hùng", position="Tổ trưởng"))]))
    assert is_xml2003(data)
    result = _ingest(tmp_path, context, data, name="danh-sach.xls")
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "individual"]


def test_cells_and_rows_placed_by_index_and_merges_spread_down():
    rows = ['<Row ss:Index="5"><Cell><Data ss:Type="Number">1</Data></Cell>'
            '<Cell><Data ss:Type="String">Số hóa hồ sơ</Data></Cell>'
            '<Cell ss:MergeDown="1"><Data ss:Type="String">Kinh tế</Data></Cell>'
            '<Cell ss:Index="5"><Data ss:Type="String">CĐCS A</Data></Cell></Row>',
            '<Row><Cell ss:Index="2"><Data ss:Type="String">Chợ phiên</Data></Cell>'
            '<Cell ss:Index="4"><Data ss:Type="String">Tập thể</Data></Cell></Row>']
    [(name, grid, shown, facts)] = xml2003_sheets(_workbook(_sheet(rows)))
    assert (name, shown) == ("DS", True)
    assert grid[4][:5] == [1.0, "Số hóa hồ sơ", "Kinh tế", "", "CĐCS A"]
    assert grid[5][:4] == ["", "Chợ phiên", "", "Tập thể"]
    assert facts.merges == ((0, 0, 0, 5), (4, 2, 5, 2))


def test_a_merged_field_counts_for_both_rows_and_a_hidden_row_is_ignored(tmp_path, context):
    rows = ['<Row><Cell><Data ss:Type="Number">1</Data></Cell>'
            '<Cell><Data ss:Type="String">Số hóa hồ sơ đoàn viên</Data></Cell>'
            '<Cell ss:MergeDown="2"><Data ss:Type="String">Kinh tế</Data></Cell>'
            '<Cell><Data ss:Type="String">Tập thể</Data></Cell>'
            '<Cell><Data ss:Type="String">CĐCS Công ty A</Data></Cell></Row>',
            '<Row><Cell><Data ss:Type="Number">2</Data></Cell>'
            '<Cell><Data ss:Type="String">Chợ phiên nông sản</Data></Cell>'
            '<Cell ss:Index="4"><Data ss:Type="String">Tập thể</Data></Cell>'
            '<Cell><Data ss:Type="String">CĐCS Công ty B</Data></Cell></Row>',
            _row(_data(3, "Một mô hình đã bỏ", field=None), attrs=' ss:Hidden="1"')]
    result = _ingest(tmp_path, context, _workbook(_sheet(rows)))
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    assert result.ignored["hidden"] == 1
    assert result.registrations["field"].tolist() == ["KT", "KT"]


def test_error_values_and_formulas_without_a_result_reject_their_row(tmp_path, context):
    rows = ['<Row><Cell><Data ss:Type="Number">1</Data></Cell>'
            '<Cell><Data ss:Type="String">Số hóa hồ sơ đoàn viên</Data></Cell>'
            '<Cell ss:Formula="=VLOOKUP(A1,DM!A:B,2,0)"><Data ss:Type="Error">#N/A</Data></Cell>'
            '<Cell><Data ss:Type="String">Tập thể</Data></Cell>'
            '<Cell><Data ss:Type="String">CĐCS Công ty A</Data></Cell></Row>',
            '<Row><Cell><Data ss:Type="Number">2</Data></Cell>'
            '<Cell><Data ss:Type="String">Chợ phiên nông sản</Data></Cell>'
            '<Cell ss:Formula="=DM!B2"/>'
            '<Cell><Data ss:Type="String">Tập thể</Data></Cell>'
            '<Cell><Data ss:Type="String">CĐCS Công ty B</Data></Cell></Row>',
            _row(_data(3, "Tủ sách pháp luật"))]
    result = _ingest(tmp_path, context, _workbook(_sheet(rows)))
    assert result.rows == {"read": 3, "valid": 1, "rejected": 2, "ignored": 0}
    errors = dict(zip(result.rejections["row"].astype(int), result.rejections["error"]))
    assert errors[4].startswith("Ô 'Lĩnh vực' có lỗi công thức #N/A")
    assert errors[5].startswith("Ô C5 là công thức chưa được lưu kết quả")


def test_a_hidden_worksheet_is_not_counted_and_two_visible_ones_are():
    hidden = '<WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>'
    sheets = xml2003_sheets(_workbook(_sheet([_row(_data(1, "Số hóa hồ sơ"))], "Tập thể"),
                                      _sheet([_row(_data(1, "Cũ"))], "Năm 2023", hidden),
                                      _sheet([_row(_data(1, "Tủ sách"))], "Cá nhân")))
    assert [(name, shown) for name, _, shown, _ in sheets] == [
        ("Tập thể", True), ("Năm 2023", False), ("Cá nhân", True)]


def test_dates_booleans_and_rich_text_read_as_excel_shows_them():
    row = ('<Row><Cell><Data ss:Type="DateTime">2024-03-01T00:00:00.000</Data></Cell>'
           '<Cell><ss:Data ss:Type="String"><html:B>Tủ sách</html:B> pháp luật</ss:Data></Cell>'
           '<Cell><Data ss:Type="Boolean">1</Data></Cell></Row>')
    [(_, grid, _, _)] = xml2003_sheets(_workbook(_sheet([row])))
    import datetime as dt

    assert grid[3][:3] == [dt.datetime(2024, 3, 1), "Tủ sách pháp luật", True]


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>',
    '<!DOCTYPE Workbook SYSTEM "http://example.invalid/x.dtd">'])
def test_a_dtd_or_entity_is_refused_never_expanded_nor_fetched(tmp_path, context, doctype):
    data = _workbook(_sheet([_row(_data(1, "Số hóa hồ sơ"))])).replace(
        b'<?mso-application progid="Excel.Sheet"?>\n', doctype.encode() + b"\n", 1)
    with pytest.raises(FileRejected, match="Không đọc được tệp bảng tính dạng XML 2003"):
        xml2003_sheets(data)
    result = _ingest(tmp_path, context, data)
    assert result.status == REJECTED


def test_a_flat_opendocument_file_is_named_as_what_it_is(tmp_path, context):
    data = (b'<?xml version="1.0" encoding="UTF-8"?>\n<office:document xmlns:office='
            b'"urn:oasis:names:tc:opendocument:xmlns:office:1.0"></office:document>')
    result = _ingest(tmp_path, context, data, name="Q-DD_phang.ods")
    assert result.status == REJECTED
    assert result.problem.startswith("Tệp là bảng tính OpenDocument dạng XML phẳng (.fods)")


@pytest.mark.parametrize("cut", [
    '<?xml version="1.0"?>\n',                                          # no declaration
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n',  # nor Excel's line
])
@pytest.mark.parametrize("name", ["Q-DD_xuat.xls", "Q-DD_xuat.xml"])
def test_a_workbook_without_its_xml_declaration_is_read(tmp_path, context, cut, name):
    """Fresh tester U's U057, U074: an XML 2003 workbook starting at ``<?mso-application?>``
    or at ``<Workbook`` was rejected "Không tìm thấy dòng tiêu đề"."""
    data = _workbook(_sheet([_row(_data(1, "Số hóa hồ sơ đoàn viên"))]))
    data = data.replace(cut.encode(), b"", 1)
    assert is_xml2003(data)
    result = _ingest(tmp_path, context, data, name=name)
    assert (result.status, result.rows["valid"]) == (USED, 1)


def test_an_xml_file_without_the_namespace_is_no_xml_2003_workbook():
    assert not is_xml2003(b"<?mso-application progid=\"Excel.Sheet\"?>\n<Workbook></Workbook>")
    assert not is_xml2003(b"<Workbook xmlns=\"urn:other\"><Table/></Workbook>")
