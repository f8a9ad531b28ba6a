"""The bytes of a file to the grids of its sheets, in this process (:mod:`thidua.ingest.workbook`;
the file-reading tests run it in the parsing worker, which a mutation run cannot see): what a
file is when it is no workbook, a password or a cut, text or not, CSV under each separator,
the encodings read, mixed lines, text formulas, a workbook's sheets and their hidden rows
(issue 14)."""

from __future__ import annotations

import io
import zipfile

import pytest

from corpus_writers import Sheet, xlsx_bytes
from thidua.ingest.workbook import (CSV_SEPARATORS, LOST, MIXED, PASSWORD, TRUNCATED,
                                    FileRejected, _is_encrypted, _is_encrypted_ods, _is_text,
                                    _is_truncated_zip, _mixed_lines, _not_a_workbook, csv_grid,
                                    csv_grids, decode_csv, is_mhtml, is_web_page, reads_as_csv,
                                    text_formula, utf16, workbook_grids)

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _zip(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name, data in files.items():
            package.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(("data", "mhtml"), [
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x", True),
    (b"\xef\xbb\xbf \r\nmime-version: 1.0\nX-A: b\n c\ncontent-type: Multipart/Related\n\n", True),
    (b"MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n", False),
    (b"Content-Type: multipart/related\r\n\r\n", False),
    (b"Subject: x\r\n\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related\r\n", False),
    (b"<html>MIME-Version: multipart/related", False),
    (b"", False),
])
def test_a_web_archive_by_its_header_block(data, mhtml):
    assert is_mhtml(data) is mhtml


@pytest.mark.parametrize(("data", "kind"), [
    (b"%PDF-1.7\n", "tệp PDF"), (b"\xef\xbb\xbf \r\n%pdf", "tệp PDF"),
    (b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
     "bảng tính dạng XML 2003 (Excel 2003 XML)"),
    (b'<?xml version="1.0"?><office:document xmlns:office="x">',
     "bảng tính OpenDocument dạng XML phẳng (.fods)"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n",
     "trang web lưu một tệp (MHTML, .mht)"),
    (b"<HTML><body>", "trang web (HTML) được đặt đuôi bảng tính"),
    (b"<!DOCTYPE html>", "trang web (HTML) được đặt đuôi bảng tính"),
    (b"<table><tr>", "trang web (HTML) được đặt đuôi bảng tính"),
    (b"<meta charset=utf-8>", "trang web (HTML) được đặt đuôi bảng tính"),
    (b"<!-- x --><html>", "trang web (HTML) được đặt đuôi bảng tính"),
    (b"<?xml version='1.0'?><root/>", None), (b"STT;Ten\r\n", None),
    (b"PK\x03\x04" + b"\x00" * 30, None),  # a zip cut short: no kind
    (OLE + "WordDocument".encode("utf-16-le"), "văn bản Word (.doc)"),
    (OLE + b"\x00" * 64, None),
])
def test_what_a_file_is_when_it_is_no_workbook(data, kind):
    assert _not_a_workbook(data) == kind
    assert is_web_page(data) is (kind == "trang web (HTML) được đặt đuôi bảng tính")


def test_word_and_powerpoint_packages_and_a_workbook_package():
    assert _not_a_workbook(_zip({"word/document.xml": b"<w/>"})) == "văn bản Word (.docx)"
    assert _not_a_workbook(_zip({"ppt/presentation.xml": b"<p/>"})) == (
        "bản trình chiếu PowerPoint (.pptx)")
    assert _not_a_workbook(_zip({"xl/workbook.xml": b"<w/>"})) is None
    # a PDF or a page is told by its first 2.048 bytes only
    assert _not_a_workbook(b" " * 2048 + b"%PDF") is None
    # a Word document's name within the first 64 KiB only
    assert _not_a_workbook(OLE + b"\x00" * 65536 + "WordDocument".encode("utf-16-le")) is None
    word = "WordDocument".encode("utf-16-le")
    assert _not_a_workbook(OLE + b"\x00" * (65537 - len(word) - 8) + word) is None  # to 65.537
    assert _not_a_workbook(OLE + b"\x00" * (65536 - len(word) - 8) + word) == "văn bản Word (.doc)"


def test_a_password_and_a_cut():
    assert _is_encrypted(OLE + b"\x00" * 10 + "EncryptedPackage".encode("utf-16-le")) is True
    assert _is_encrypted(OLE + b"EncryptedPackage") is False
    assert _is_encrypted(b"x" + OLE + "EncryptedPackage".encode("utf-16-le")) is False
    manifest = b'<manifest:file-entry><manifest:encryption-data/></manifest:file-entry>'
    assert _is_encrypted_ods(_zip({"META-INF/manifest.xml": manifest})) is True
    assert _is_encrypted_ods(_zip({"META-INF/manifest.xml": b"<manifest/>"})) is False
    assert _is_encrypted_ods(_zip({"content.xml": b"encryption-data"})) is False  # no manifest
    assert _is_encrypted_ods(b"encryption-data") is False
    assert _is_encrypted_ods(b"PK\x03\x04 encryption-data") is False  # no zip
    whole = _zip({"a.xml": b"x" * 100})
    assert _is_truncated_zip(whole[:-30]) is True
    assert _is_truncated_zip(whole) is False
    assert _is_truncated_zip(b"STT") is False


@pytest.mark.parametrize(("data", "codec"), [
    (b"\xff\xfeS\x00", "utf-16"), (b"\xfe\xff\x00S", "utf-16"),
    ("STT;Tên\r\n".encode("utf-16-le"), "utf-16-le"), ("STT;Tên\r\n".encode("utf-16-be"),
                                                        "utf-16-be"),
    ("STT;Tên\r\n".encode("utf-16-le")[:-1], None),  # an odd length
    (b"S\x00", None),  # fewer than 4 bytes
    (b"S\x00T\x00\x00\x00", None),  # a NUL in the other half
    ("ĐĐĐĐ1".encode("utf-16-le"), None),  # fewer than a third NUL
    ("ĐĐ11".encode("utf-16-le"), "utf-16-le"),  # a third and more
    (b"S\x00\x00\xd8", None),  # a lone surrogate: no clean decoding
    (b"STT;TEN\r\n", None),
])
def test_utf16_is_told_by_its_mark_or_its_nul_bytes(data, codec):
    assert utf16(data) == codec


@pytest.mark.parametrize(("data", "text"), [
    (b"STT;Ten\tx\r\n\x0c\x1a", True), ("Tên".encode("utf-16-le") + b"1\x00", True),
    (b"STT\x00x", False), (b"STT\x1b", False), (b"STT\x01", False), (b"", False),
    (b"x" * 8192 + b"\x00", True),  # only the first 8.192 bytes are looked at
])
def test_text_or_not(data, text):
    assert _is_text(data) is text


@pytest.mark.parametrize(("data", "suffix", "csv"), [
    (b"PK\x03\x04STT", ".csv", False), (OLE + b"STT", ".CSV", False),
    (b"%PDF", ".csv", False), (b"STT;<html>", ".csv", True), (b"<html>", ".txt", False), (b"\x00\x01", ".TXT", True), (b"\x00", ".tsv", True),
    (b"STT;Ten", ".xlsx", True), (b"%PDF-1.4", ".xlsx", False), (b"<html>", ".xls", False),
    (b"STT\x00;", ".xlsx", False),
])
def test_what_reads_as_csv(data, suffix, csv):
    assert reads_as_csv(data, suffix) is csv


@pytest.mark.parametrize(("data", "decoded"), [
    ("STT;Tên".encode("utf-8"), ("STT;Tên", "UTF-8")),
    ("STT;Tên".encode("utf-8-sig"), ("STT;Tên", "UTF-8 (BOM)")),
    ("Te\u0302n".encode("utf-8"), ("Tên", "UTF-8")),  # composed
    ("STT;Tên".encode("utf-16"), ("STT;Tên", "UTF-16")),
    ("STT;Tên;Te\u0302n".encode("utf-16-le"), ("STT;Tên;Tên", "UTF-16 (không có BOM)")),
])
def test_the_encodings_a_csv_is_read_in(data, decoded):
    assert decode_csv(data) == decoded


def test_a_legacy_csv_and_utf16_that_does_not_decode():
    text, encoding = decode_csv("STT;Tên mô hi\u0300nh;Mô hi\u0300nh\r\n".encode("cp1258"))
    assert (text, encoding) == ("STT;Tên mô hình;Mô hình\r\n", "Windows-1258")
    # a byte-order mark over bytes that are no UTF-16: read as UTF-8 then
    assert decode_csv(b"\xff\xfe\x00\xd8") [1] != "UTF-16"


def test_lines_of_another_encoding_in_a_utf8_csv():
    data = ("STT;Tên\r\n".encode() + "1;Mô hi\u0300nh\r\n".encode("cp1258")
            + "2;Sáng kiến\r\n".encode() + "3;S?ng ki?n \xe9\r\n".encode("latin-1"))
    text, name = decode_csv(data)
    assert text.splitlines()[:3] == ["STT;Tên", "1;Mô hình", "2;Sáng kiến"]
    assert name == f"{MIXED} Windows-1258: 2; {LOST}: 4"
    assert decode_csv(b"\xef\xbb\xbf" + data)[1] == name
    # no UTF-8 line with other letters: a legacy file, unless it said UTF-8 by its mark
    legacy = "1;Mô hi\u0300nh\r\n".encode("cp1258")
    assert _mixed_lines(b"STT\r\n" + legacy, "UTF-8") is None
    assert _mixed_lines(b"\xef\xbb\xbfSTT\r\n" + legacy, "UTF-8 (BOM)") == (
        "STT\r\n1;Mô hình\r\n", f"{MIXED} Windows-1258: 2")
    many = "Tên\r\n".encode() + "1;Mô hi\u0300nh\r\n".encode("cp1258") * 12
    assert _mixed_lines(many, "UTF-8")[1] == (
        f"{MIXED} Windows-1258: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …")
    ten = "Tên\r\n".encode() + "1;Mô hi\u0300nh\r\n".encode("cp1258") * 10
    assert _mixed_lines(ten, "UTF-8")[1] == f"{MIXED} Windows-1258: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11"


@pytest.mark.parametrize(("cell", "shown"), [
    ('="01"', "01"), (' = "01" ', "01"), ('="Tổ ""A"" 1"', 'Tổ "A" 1'), ('=""', ""),
    ("=A1", "=A1"), ('="a"&"b"', '="a"&"b"'), ('x="01"', 'x="01"'), ('"01"', '"01"'),
])
def test_a_text_formula_shows_its_text(cell, shown):
    assert text_formula(cell) == shown


def test_a_csv_under_each_separator():
    grids, encoding = csv_grids('STT;"a,b"\r\n1;="01"\r\n'.encode())
    assert encoding == "UTF-8" and CSV_SEPARATORS == (";", ",", "\t", "|")
    assert [d for d, _ in grids] == [";", ",", "\t", "|"]
    assert grids[0][1] == [["STT", "a,b"], ["1", "01"]]
    assert grids[1][1] == [['STT;"a', 'b"'], ['1;="01"']]
    assert csv_grid("a;b\r\nc;d\r\n".encode()) == ([["a", "b"], ["c", "d"]], "UTF-8")
    assert csv_grid("\r\na,b,c\r\n".encode())[0] == [[], ["a", "b", "c"]]  # the first filled
    assert csv_grid("a|b|c\nd".encode()) == ([["a", "b", "c"], ["d"]], "UTF-8")
    # a quoted line break is one cell
    assert csv_grids(b'a;"x\r\ny"\r\n')[0][0][1] == [["a", "x\r\ny"]]


@pytest.mark.parametrize("data", [b"", b" \r\n\t", "\u00a0".encode()])
def test_an_empty_csv_is_rejected(data):
    with pytest.raises(FileRejected) as caught:
        csv_grids(data)
    assert str(caught.value) == "Tệp rỗng, không có dữ liệu."


def test_a_csv_no_separator_parses_is_rejected_naming_the_error():
    data = b"x" * 140_000  # a cell past the csv module's field limit, under every separator
    with pytest.raises(FileRejected) as caught:
        csv_grids(data)
    assert str(caught.value).startswith("Không đọc được tệp CSV (")
    assert str(caught.value).endswith("); đề nghị lưu lại bằng Excel dạng CSV UTF-8 hoặc .xlsx "
                                      "và gửi lại.")


def test_a_workbook_s_sheets_visible_whole_hidden_by_their_first_rows():
    data = xlsx_bytes([Sheet("A", [["STT"], [1], [2]]),
                       Sheet("B", [["x"], ["y"], ["z"]], hidden=True), Sheet("C", [["c"]])])
    assert workbook_grids(data) == [("A", [["STT"], [1.0], [2.0]], True), ("C", [["c"]], True)]
    assert workbook_grids(data, 2) == [("A", [["STT"], [1.0], [2.0]], True),
                                       ("B", [["x"], ["y"]], False), ("C", [["c"]], True)]
    assert workbook_grids(data, 1)[1] == ("B", [["x"]], False)


@pytest.mark.parametrize(("data", "reason"), [
    (b"%PDF-1.4", "Tệp là tệp PDF, không phải bảng tính đọc được; đề nghị gửi biểu DVK-01 dạng "
                  "Excel (.xlsx)."),
    (OLE + "EncryptedPackage".encode("utf-16-le"), PASSWORD),
    (b"PK\x03\x04" + b"\x00" * 40, TRUNCATED),
    (OLE + b"\x00" * 600, "Không đọc được tệp như một bảng tính (tệp hỏng hoặc không phải "
                          "Excel/ODS); đề nghị mở lại bằng Excel, lưu dạng .xlsx và gửi lại."),
    (_zip({"META-INF/manifest.xml": b"<manifest:encryption-data/>",
           "content.xml": b"\x01\x02"}), PASSWORD),
])
def test_what_no_workbook_opens_is_told(data, reason):
    with pytest.raises(FileRejected) as caught:
        workbook_grids(data)
    assert str(caught.value) == reason


def test_the_limits_of_what_is_looked_at():
    # a web archive's header block within its first 4.096 bytes, its line break included
    block = b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n"
    pad = b"X-Pad: " + b"a" * (4097 - len(block) - 9) + b"\r\n"
    assert is_mhtml(pad + block[:-1]) is False and len(pad + block) == 4097
    assert is_mhtml(pad + block + b"\r\n") is False  # its last line break is byte 4.097
    assert is_mhtml(b"X\r\n" + block) is False  # only blanks and a BOM before the block
    # a web page's mark within the first 2.048 bytes
    assert _not_a_workbook(b"x" * 2043 + b"<html") == "trang web (HTML) được đặt đuôi bảng tính"
    assert _not_a_workbook(b"x" * 2044 + b"<html") is None
    assert _not_a_workbook(b"X%PDF") is None
    # UTF-16 told by its first 8.192 bytes; four bytes are enough
    assert utf16(("a" * 4096 + "Ā").encode("utf-16-le")) == "utf-16-le"
    assert utf16("11".encode("utf-16-le")) == "utf-16-le"
    assert utf16("ĐĐ1".encode("utf-16-le")) == "utf-16-le"  # a third of NULs exactly
    assert utf16("ĐĐĐ1".encode("utf-16-le")) is None  # a quarter
    assert _is_text(b"STT TEN") is True  # a space is no control character


def test_the_grids_keep_their_empty_first_rows_and_columns():
    data = xlsx_bytes([Sheet("A", [[], [None, "x"]]), Sheet("B", [[], [None, "y"]], hidden=True)])
    assert workbook_grids(data, 5) == [("A", [["", ""], ["", "x"]], True),
                                       ("B", [["", ""], ["", "y"]], False)]


def test_a_mixed_csv_counted_by_its_non_ascii_utf8_lines_and_its_lines_told():
    data = "Tên\r\n".encode() + "1;Mô hi\u0300nh\r\n".encode("cp1258") + b"STT\r\n"
    assert _mixed_lines(data, "UTF-8") == ("Tên\r\n1;Mô hình\r\nSTT\r\n",
                                           f"{MIXED} Windows-1258: 2")
    eleven = "Tên\r\n".encode() + "1;Mô hi\u0300nh\r\n".encode("cp1258") * 11
    assert _mixed_lines(eleven, "UTF-8")[1] == (
        f"{MIXED} Windows-1258: 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …")


def test_a_csv_of_carriage_returns_and_the_widest_first_line():
    assert csv_grids(b"a;b\rc;d\r")[0][0] == (";", [["a", "b"], ["c", "d"]])  # old Mac lines
    assert csv_grid(b";;;") == ([[";;;"]], "UTF-8")  # no filled cell under ';': ','
    with pytest.raises(FileRejected) as caught:
        csv_grids(b"x" * 140_000)
    assert str(caught.value) == (
        "Không đọc được tệp CSV (field larger than field limit (131072)); đề nghị lưu lại bằng "
        "Excel dạng CSV UTF-8 hoặc .xlsx và gửi lại.")


def test_a_chart_sheet_is_left_out_and_the_sheets_after_it_read():
    import openpyxl
    from openpyxl.chart import BarChart, Reference

    book = openpyxl.Workbook()
    data = book.active
    data.title = "DS"
    data.append(["STT"])
    data.append([1])
    chart = BarChart()
    chart.add_data(Reference(data, min_col=1, min_row=1, max_row=2))
    book.create_chartsheet("Biểu đồ", 0).add_chart(chart)
    out = io.BytesIO()
    book.save(out)
    assert book.sheetnames == ["Biểu đồ", "DS"]
    assert workbook_grids(out.getvalue()) == [("DS", [["STT"], [1.0]], True)]
