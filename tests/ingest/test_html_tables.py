"""A web system's "Export to Excel": an HTML table under an ``.xls`` name, read as Excel lays
it out (thidua/ingest/htmltable.py): spans are merges, ``<br>`` a line break, hidden rows
hidden, text outside the tables a title row; nothing fetched, scripts never read."""

from __future__ import annotations

import pytest

from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.htmltable import html_grid
from thidua.ingest.read import WEB_PAGE_NOTE
from thidua.ingest.workbook import FileRejected
from helpers import HEADER, encode_cp1258, input_file

ROWS = [
    ["1", "Số hóa hồ sơ đoàn viên tại cơ sở", "Kinh tế", "Tập thể", "CĐCS Công ty Minh An", "",
     "Cơ sở", "Công ty Minh An", "01/01/2024 - 31/12/2024", "Hoàn thành", ""],
    ["2", "Cải tiến dây chuyền đóng gói", "Kinh tế", "Cá nhân", "Nguyễn Văn Hùng", "Tổ trưởng",
     "Cơ sở", "Công ty Bình Minh", "01/2024 - 12/2024", "Tiêu biểu", ""],
    ["3", "Tủ sách pháp luật cho công nhân", "Văn hóa - xã hội", "Tập thể", "CĐCS Trường Hoa Sen",
     "", "Cơ sở", "Trường Hoa Sen", "01/2024 - 12/2024", "Hoàn thành", ""],
]


def _tr(cells, tag="td", attrs=""):
    return f"<tr{attrs}>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>\n"


def _page(body: str, head: str = "<meta charset='utf-8'>") -> str:
    return f"<html><head>{head}<title>Xuat Excel</title></head><body>\n{body}</body></html>"


def _table(rows=ROWS, title=True) -> str:
    top = ("<tr><td colspan=11>Mã đơn vị: Q-DD</td></tr><tr><td colspan=11>Năm: 2024</td></tr>"
           if title else "")
    return ("<table border=1>" + top + _tr(HEADER, "th") + "".join(_tr(r) for r in rows)
            + "</table>")


def _ingest(tmp_path, context, text, name="Q-DD_xuat-excel.xls", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return ingest_file(input_file(path), context)


def test_an_exported_table_is_read_and_the_unit_told_to_send_xlsx(tmp_path, context):
    result = _ingest(tmp_path, context, _page(_table()))
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "KT", "VHXH"]
    assert result.registrations["type"].tolist() == ["collective", "individual", "collective"]
    assert WEB_PAGE_NOTE in result.notes


@pytest.mark.parametrize("tag", ["p", "h3", "div"])
def test_a_title_outside_the_table_is_the_title_block(tmp_path, context, tag):
    body = f"<{tag}>Mã đơn vị: Q-BD</{tag}><{tag}>Năm: 2024</{tag}>" + _table(title=False)
    result = _ingest(tmp_path, context, _page(body), name="bao-cao.xls")
    assert result.status == USED and result.unit == "Q-BD"
    assert result.rows["valid"] == 3


def test_a_title_naming_another_year_rejects_the_file_as_a_workbook_would(tmp_path, context):
    body = "<p>Năm: 2023</p>" + _table(title=False)
    result = _ingest(tmp_path, context, _page(body))
    assert result.status == REJECTED
    assert "Năm ở tiêu đề (2023) khác năm của thư mục (2024)" in result.problem


def test_rowspan_is_a_merge_spread_down_and_a_subtotal_inside_it_is_ignored(tmp_path, context):
    rows = ("<tr><td>1</td><td>Số hóa hồ sơ đoàn viên</td><td rowspan=3>Kinh tế</td>"
            "<td rowspan=3>Tập thể</td><td>CĐCS Công ty A</td><td></td><td>Cơ sở</td></tr>"
            "<tr><td>2</td><td>Chợ phiên nông sản</td><td>CĐCS Công ty B</td><td></td>"
            "<td>Cơ sở</td></tr>"
            "<tr><td></td><td>Cộng lĩnh vực kinh tế: 2 mô hình</td><td></td><td></td><td></td></tr>")
    table = "<table>" + _tr(HEADER[:7], "th") + rows + "</table>"
    result = _ingest(tmp_path, context, _page(table))
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    assert result.ignored["totals"] == 1
    assert result.registrations["registrant"].tolist() == ["CĐCS Công ty A", "CĐCS Công ty B"]
    assert result.registrations["field"].tolist() == ["KT", "KT"]


def test_a_header_over_two_rows_with_a_group_colspan(tmp_path, context):
    top = ("<tr><th rowspan=2>STT</th><th rowspan=2>Tên mô hình</th><th rowspan=2>Lĩnh vực</th>"
           "<th rowspan=2>Hình thức</th><th colspan=2>Người thực hiện</th></tr>"
           "<tr><th>Tên tập thể/cá nhân</th><th>Chức vụ</th></tr>")
    body = "".join(_tr(r[:6]) for r in ROWS)
    result = _ingest(tmp_path, context, _page("<table>" + top + body + "</table>"))
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["position"].tolist()[1] == "Tổ trưởng"


def test_cells_read_as_shown_breaks_entities_spaces_and_hidden_rows():
    rows = (_tr(["1", "Tủ sách<br>pháp luật", "Kinh&nbsp;tế", "T&#7853;p   thể", "A &amp; B"])
            + _tr(["2", "Ẩn", "Kinh tế", "Tập thể", "C"], attrs=' style="DISPLAY: none"'))
    grid, facts = html_grid(_page("<table>" + _tr(HEADER[:5], "th") + rows + "</table>")
                            .encode("utf-8"))
    assert grid[1] == ["1", "Tủ sách\npháp luật", "Kinh tế", "Tập thể", "A & B"]
    assert facts.hidden == ((2, 3),)
    assert grid[0] == HEADER[:5]


def test_scripts_styles_and_the_page_title_are_never_cells():
    page = _page("<p>Năm: 2024<script>var y = 'Năm: 2023';</script></p>"
                 "<table><tr><td>a<img src='http://example.invalid/x.png'>"
                 "<script>document.write('Mã đơn vị: Q-XX')</script><style>td{}</style></td>"
                 "</tr></table>")
    grid, _ = html_grid(page.encode("utf-8"))
    assert grid == [["Năm: 2024"], ["a"], [""]]


def test_spans_are_laid_out_as_excel_does():
    table = ("<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr>"
             "<tr><td>C</td><td>D</td></tr><tr><td>E</td><td rowspan=9>F</td></tr></table>")
    grid, facts = html_grid(table.encode("utf-8"))
    assert grid[:3] == [["A", "B", ""], ["", "C", "D"], ["E", "F", ""]]
    assert facts.merges == ((0, 0, 1, 0), (0, 1, 0, 2), (2, 1, 2, 1))


@pytest.mark.parametrize("encoding", ["cp1258", "utf-8-sig"])
def test_a_page_in_windows_1258_or_with_a_bom_reads_the_same(tmp_path, context, encoding):
    text = _page(_table(), head="")
    data = encode_cp1258(text) if encoding == "cp1258" else text.encode("utf-8-sig")
    result = _ingest(tmp_path, context, data)
    assert result.rows["valid"] == 3
    assert result.registrations["model"].tolist()[0] == "Số hóa hồ sơ đoàn viên tại cơ sở"


def test_xhtml_with_an_xml_declaration_is_read(tmp_path, context):
    text = ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><body>' + _table() + "</body></html>")
    assert _ingest(tmp_path, context, text).rows["valid"] == 3


def test_a_page_without_a_table_or_without_the_form_is_rejected_saying_so(tmp_path, context):
    none = _ingest(tmp_path, context, _page("<p>Danh sách đăng ký</p>"))
    assert none.status == REJECTED
    assert none.problem.startswith("Tệp là trang web (HTML) không có bảng nào")
    other = _ingest(tmp_path, context, _page("<table><tr><th>Họ tên</th><th>Tuổi</th></tr>"
                                             "<tr><td>An</td><td>30</td></tr></table>"))
    assert other.status == REJECTED
    assert other.problem.startswith("Không tìm thấy dòng tiêu đề của biểu DVK-01")


def test_a_page_past_the_column_limit_is_rejected_not_laid_out():
    with pytest.raises(FileRejected, match="số cột của trang web"):
        html_grid(b"<table><tr><td colspan=999>a</td><td colspan=5>b</td></tr></table>")


def _layout(inner: str, title: str = "Mã đơn vị: Q-DD<br>Năm: 2024") -> str:
    """The form's table nested in a layout table's cell, under a layout table of titles."""
    return (f"<table width='100%'><tr><td>LĐLĐ QUẬN ĐỐNG ĐA<br>{title}</td><td>CỘNG HÒA XÃ HỘI "
            f"CHỦ NGHĨA VIỆT NAM</td></tr></table><table><tr><td>{inner}</td></tr></table>")


def test_a_table_nested_in_a_layout_cell_is_read_as_excel_lays_it_out(tmp_path, context):
    result = _ingest(tmp_path, context, _page(_layout(_table(title=False))))
    assert (result.status, result.unit) == (USED, "Q-DD")
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist() == [r[1] for r in ROWS]


def test_a_nested_table_s_year_is_checked_like_any_title(tmp_path, context):
    page = _page(_layout(_table(title=False), title="Mã đơn vị: Q-DD<br>Năm: 2023"))
    result = _ingest(tmp_path, context, page)
    assert result.status == REJECTED
    assert result.problem.startswith("Năm ở tiêu đề (2023) khác năm của thư mục (2024)")


def test_a_nested_table_takes_its_cell_s_place_text_above_and_cells_beside_after_it():
    inner = "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
    page = _page(f"<table><tr><td>L</td><td>Danh sách<br>{inner}</td><td>R</td></tr>"
                 f"<tr><td>x</td><td>y</td><td>z</td></tr></table>")
    grid, _ = html_grid(page.encode())
    assert grid == [["L", "Danh sách", "", "R"], ["", "a", "b", ""], ["", "c", "d", ""],
                    ["x", "y", "z", ""], ["", "", "", ""]]


def test_tables_nested_deeper_than_eight_levels_are_read_as_their_cell_s_text():
    page = _page("<table><tr><td>" * 60 + "sâu" + "</td></tr></table>" * 60)
    grid, _ = html_grid(page.encode())
    assert [v for row in grid for v in row if v] == ["sâu"]


@pytest.mark.parametrize("title", ["<p>Mã đơn vị: Q-DD</p><p>Năm: {year}</p>",
                                   "<div>Mã đơn vị: Q-DD</div><div>Năm: {year}</div>"])
@pytest.mark.parametrize("nested", [True, False])
def test_a_title_in_paragraphs_of_one_cell_is_read_line_by_line(tmp_path, context, title, nested):
    # the third tester's F1: ``Q-DDNăm: 2024`` rejected every file written so
    def page(year: int) -> str:
        cell = title.format(year=year)
        if nested:
            return _page(_layout(_table(title=False), title=cell))
        return _page("<table border=1>" + f"<tr><td colspan=11>{cell}</td></tr>"
                     + _tr(HEADER, "th") + "".join(_tr(r) for r in ROWS) + "</table>")
    result = _ingest(tmp_path, context, page(2024), name="bao-cao.xls")
    assert (result.status, result.unit) == (USED, "Q-DD")
    assert result.rows["valid"] == 3
    result = _ingest(tmp_path, context, page(2023), name="bao-cao.xls")
    assert result.status == REJECTED
    assert result.problem.startswith("Năm ở tiêu đề (2023) khác năm của thư mục (2024)")


@pytest.mark.parametrize("name", ["Q-DD_xuat-excel.csv", "Q-DD_xuat-excel.txt", "Q-DD.tsv"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_a_web_export_named_csv_is_read_as_the_web_page_it_is(tmp_path, context, name, encoding):
    """Fresh tester U's U045, U046, U106: a web system's export named ``.csv`` or ``.txt`` was
    read as CSV and rejected "Không tìm thấy dòng tiêu đề"."""
    result = _ingest(tmp_path, context, _page(_table()), name=name, encoding=encoding)
    assert (result.status, result.rows["valid"]) == (USED, 3)
    assert WEB_PAGE_NOTE in result.notes


def test_a_csv_whose_cells_hold_markup_stays_a_csv(tmp_path, context):
    """Only a text that starts as a web page is one: ``<html>`` in a CSV's cell is its text."""
    lines = ["Mã đơn vị: Q-DD", "Năm: 2024", ",".join(HEADER),
             ",".join(["1", "Mô hình <html> trong tên", *ROWS[0][2:]])]
    result = _ingest(tmp_path, context, "\n".join(lines), name="Q-DD.csv")
    assert (result.status, result.rows["valid"]) == (USED, 1)
    assert result.registrations["model"].tolist() == ["Mô hình <html> trong tên"]
    assert WEB_PAGE_NOTE not in result.notes


def test_a_pdf_named_csv_is_told_as_a_pdf(tmp_path, context):
    result = _ingest(tmp_path, context, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
                     name="Q-DD.csv")
    assert result.status == REJECTED and result.problem.startswith("Tệp là tệp PDF")
