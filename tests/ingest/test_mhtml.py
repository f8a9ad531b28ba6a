"""Excel's "Single File Web Page" (MHTML) under ``.mht``, ``.mhtml`` or an ``.xls`` name
(tester I's I103, rejected "Không tìm thấy dòng tiêu đề" before): the archive is unpacked with
the standard library's ``email`` parser (quoted-printable, base64, each part's charset) and each
sheet's page read as a web page saved as a spreadsheet is; hidden sheets passed over, named;
the part and sheet counts checked before anything is parsed."""

from __future__ import annotations

import base64
import quopri

import pytest

from helpers import HEADER, encode_cp1258, input_file
from thidua.ingest import mhtml
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.mhtml import is_mhtml, mhtml_pages
from thidua.ingest.prescan import check_bytes
from thidua.ingest.read import MHTML_NOTE
from thidua.ingest.workbook import FileRejected, reads_as_csv

from test_html_tables import ROWS  # the same three registrations as a web page
BOUNDARY = "----=_NextPart_01DA1234.56789ABC"


def _table(rows=ROWS) -> str:
    def tr(cells, tag="td"):
        return "<tr>" + "".join(f"<{tag}>{c}</{tag}>" for c in cells) + "</tr>\n"
    return ("<html><head><meta http-equiv=Content-Type content='text/html; charset=utf-8'>"
            "</head><body><table><tr><td colspan=11>Mã đơn vị: Q-DD</td></tr><tr><td colspan=11>"
            "Năm: 2024</td></tr>" + tr(HEADER, "td") + "".join(tr(r) for r in rows)
            + "</table></body></html>")


def _part(location: str, body: str, encoding: str = "quoted-printable",
          charset: str = "utf-8", kind: str = "text/html") -> str:
    raw = encode_cp1258(body) if charset == "windows-1258" else body.encode(charset)
    text = (quopri.encodestring(raw).decode("ascii") if encoding == "quoted-printable"
            else base64.encodebytes(raw).decode("ascii"))
    return (f"--{BOUNDARY}\r\nContent-Location: file:///C:/Users/cd/{location}\r\n"
            f"Content-Transfer-Encoding: {encoding}\r\nContent-Type: {kind}; "
            f"charset=\"{charset}\"\r\n\r\n{text}\r\n\r\n")


def _archive(*parts: str) -> bytes:
    return ("MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; "
            f"boundary=\"{BOUNDARY}\"\r\n\r\nThis document is a Single File Web Page, also known "
            "as a Web Archive file.  If you are seeing this message, your browser or editor "
            "doesn't support Web Archive files.\r\n\r\n" + "".join(parts)
            + f"--{BOUNDARY}--\r\n").encode("ascii")


def _frameset(*sheets: tuple[str, str, bool]) -> str:
    blocks = "".join(
        f"<x:ExcelWorksheet><x:Name>{name}</x:Name><x:WorksheetSource HRef=\"DS_files/{src}\"/>"
        + ("" if shown else "<x:Visible>SheetHidden</x:Visible>") + "</x:ExcelWorksheet>"
        for name, src, shown in sheets)
    return ("<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\"><head><!--[if gte mso 9]>"
            f"<xml><x:ExcelWorkbook><x:ExcelWorksheets>{blocks}</x:ExcelWorksheets>"
            "</x:ExcelWorkbook></xml><![endif]--></head><frameset rows=\"*,39\"><frame "
            "src=\"DS_files/sheet001.htm\" name=\"frSheet\"></frameset></html>")


def _ingest(tmp_path, context, data: bytes, name: str):
    path = tmp_path / name
    path.write_bytes(data)
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("name", ["Q-DD_2024.xls", "Q-DD_2024.mht", "Q-DD_2024.mhtml"])
def test_a_one_sheet_web_archive_is_read(tmp_path, context, name):
    data = _archive(_part("DS.htm", _table()))
    assert b"=C3=A1" in data  # quoted-printable: the letters are not in the bytes as such
    result = _ingest(tmp_path, context, data, name)
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist() == [r[1] for r in ROWS]
    assert result.registrations["field"].tolist() == ["KT", "KT", "VHXH"]
    assert MHTML_NOTE in result.notes
    assert MHTML_NOTE == ("Tệp là trang web lưu một tệp (Excel 'Trang web Một Tệp', MHTML): đã "
                          "đọc bảng trong các trang tính của nó. Lần sau đề nghị lưu dạng .xlsx "
                          "(Tệp > Lưu thành > Sổ làm việc Excel) rồi gửi.")


def test_a_one_sheet_workbook_names_its_sheet_on_the_main_page(tmp_path, context):
    named = _table().replace("<head>", "<head><!--[if gte mso 9]><xml><x:ExcelWorkbook>"
                             "<x:ExcelWorksheets><x:ExcelWorksheet><x:Name>Danh sách</x:Name>"
                             "</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml>"
                             "<![endif]-->")
    assert [p.name for p in mhtml_pages(_archive(_part("DS.htm", named)))] == ["Danh sách"]
    result = _ingest(tmp_path, context, _archive(_part("DS.htm", named)), "Q-DD_2024.mht")
    assert result.sheet == "Danh sách" and result.rows["valid"] == 3


def test_a_workbook_of_sheets_reads_the_listed_visible_sheets_by_name(tmp_path, context):
    guide = "<html><body><table><tr><td>Hướng dẫn điền biểu</td></tr></table></body></html>"
    old = _table([[*ROWS[0][:1], "Mô hình năm trước đã xong", *ROWS[0][2:]]])
    data = _archive(
        _part("DS.htm", _frameset(("Hướng dẫn", "sheet001.htm", True),
                                  ("DS", "sheet002.htm", True), ("Cũ", "sheet003.htm", False))),
        _part("DS_files/sheet001.htm", guide, "base64"),
        _part("DS_files/sheet002.htm", _table(), "base64", "windows-1258"),
        _part("DS_files/sheet003.htm", old),
        _part("DS_files/stylesheet.css", "td {}", kind="text/css"))
    pages = mhtml_pages(data)
    assert [(p.name, p.visible) for p in pages] == [("Hướng dẫn", True), ("DS", True),
                                                    ("Cũ", False)]
    result = _ingest(tmp_path, context, data, "Q-DD_2024.xls")
    assert result.status == USED
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.sheet == "DS"
    assert result.registrations["model"].tolist() == [r[1] for r in ROWS]  # Windows-1258 part
    assert "Trang tính bị ẩn không được đọc: 'Cũ'." in result.notes


def test_an_archive_without_the_form_is_rejected_for_the_header_not_as_text(tmp_path, context):
    page = "<html><body><table><tr><td>Công văn số 12</td></tr></table></body></html>"
    result = _ingest(tmp_path, context, _archive(_part("DS.htm", page)), "Q-DD_2024.mht")
    assert result.status == REJECTED
    assert result.problem.startswith("Không tìm thấy dòng tiêu đề của biểu DVK-01")


def test_the_parts_are_counted_before_any_page_is_parsed(monkeypatch):
    data = _archive(*(_part(f"DS_files/p{i}.css", "td {}", kind="text/css") for i in range(5)),
                    _part("DS.htm", _table()))
    monkeypatch.setattr(mhtml, "MAX_PARTS", 5)
    with pytest.raises(FileRejected, match="số phần của trang web lưu một tệp"):
        check_bytes(data, ".xls")
    monkeypatch.setattr(mhtml, "MAX_PARTS", 6)
    assert check_bytes(data, ".xls") is None


@pytest.mark.parametrize("data, expected", [
    (_archive(_part("DS.htm", _table())), True),
    # an e-mail saved as text: MIME, but multipart/mixed, not a web archive
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n--x--\r\n", False),
    # a CSV whose first cell mentions MIME: no header block
    ("STT,Tên mô hình,MIME-Version: 1.0 multipart/related\r\n".encode(), False),
    (b"<html><body><table></table></body></html>", False),
])
def test_what_is_a_web_archive(data, expected):
    assert is_mhtml(data) is expected
    if expected:
        assert not reads_as_csv(data, ".xls")
