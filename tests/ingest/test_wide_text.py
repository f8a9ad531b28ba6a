"""A web page or an XML 2003 workbook saved in UTF-16 (a .NET system's "Xuất Excel", Excel's
"XML Spreadsheet 2003" in Unicode) is read as its UTF-8 twin; UTF-16 text tables stay the CSV
reader's; wide text that does not decode is rejected saying so (thidua/ingest/widetext.py;
fresh tester's T079, T080, T091, T093, T173, T174, T178). Every file is built here from its
bytes: ``str.encode("utf-16-le")`` and the byte-order marks written out."""

from __future__ import annotations

import pytest

from helpers import HEADER, encode_cp1258, input_file
from test_html_tables import ROWS, _page, _table
from test_xml2003 import OPEN, _data, _row, _sheet
from thidua.ingest import htmltable, prescan, read
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.isolation import checked_parse
from thidua.ingest.limits import number
from thidua.ingest.prescan import check_bytes
from thidua.ingest.read import NO_HEADER, WEB_PAGE_NOTE, parse_sheets, read_bytes
from thidua.ingest.widetext import as_utf8, utf32_pattern
from thidua.ingest.workbook import FileRejected, utf16_pattern

LE, BE = b"\xff\xfe", b"\xfe\xff"
#: Each way a program writes UTF-16: marked little and big endian, and without the mark.
UTF16 = {
    "le-bom": lambda t: LE + t.encode("utf-16-le"),
    "be-bom": lambda t: BE + t.encode("utf-16-be"),
    "le": lambda t: t.encode("utf-16-le"),
    "be": lambda t: t.encode("utf-16-be"),
}
PAGE = _page(_table(), head='<meta http-equiv="Content-Type" content="text/html; charset=unicode">')
CUT = ("Tệp là {kind}, lưu bằng mã {name}, nhưng bị cắt cụt (tệp dừng giữa một ký tự{odd}), "
       "thường do tải về hoặc gửi thư bị gián đoạn; phần cuối của bảng có thể đã mất nên tệp "
       "không được đọc. Đề nghị xuất lại tệp từ phần mềm (hoặc gửi lại tệp đầy đủ), tốt nhất mở "
       "bằng Excel và lưu dạng .xlsx rồi gửi.")
WEB = "trang web (HTML) được đặt đuôi bảng tính"
XML = "bảng tính dạng XML 2003 (Excel 2003 XML)"


def _ingest(tmp_path, context, data: bytes, name="Q-DD_xuat-excel.xls"):
    path = tmp_path / name
    path.write_bytes(data)
    return ingest_file(input_file(path), context)


def _xml(declaration='<?xml version="1.0" encoding="UTF-16"?>') -> str:
    """An XML 2003 workbook of two registrations, declared as Excel declares it in UTF-16."""
    body = _sheet([_row(_data(1, "Số hóa hồ sơ đoàn viên")),
                   _row(_data(2, "Cải tiến dây chuyền đóng gói", type_="Cá nhân",
                              registrant="Nguyễn Văn Hùng", position="Tổ trưởng"))])
    return OPEN.replace('<?xml version="1.0"?>', declaration, 1) + body + "</Workbook>"


def _tsv() -> str:
    return "\r\n".join(["Mã đơn vị: Q-DD", "Năm: 2024", "\t".join(HEADER),
                        *("\t".join(r) for r in ROWS)]) + "\r\n"


# --- the web page and the XML 2003 workbook in UTF-16: read as their UTF-8 twins -------------

@pytest.mark.parametrize("way", UTF16)
def test_a_utf16_web_page_is_read_as_its_utf8_twin(tmp_path, context, way):
    twin = _ingest(tmp_path, context, PAGE.encode("utf-8"), name="Q-DD_twin.xls")
    result = _ingest(tmp_path, context, UTF16[way](PAGE))
    assert result.status == twin.status == USED and result.unit == "Q-DD"
    assert result.rows == twin.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["registrant"].tolist() == [
        "CĐCS Công ty Minh An", "Nguyễn Văn Hùng", "CĐCS Trường Hoa Sen"]
    assert result.registrations["field"].tolist() == ["KT", "KT", "VHXH"]
    assert WEB_PAGE_NOTE in result.notes


@pytest.mark.parametrize("name", ["Q-DD_xuat.xls", "Q-DD_xuat.xml"])
@pytest.mark.parametrize("way", UTF16)
def test_a_utf16_xml_2003_workbook_declared_utf16_is_read(tmp_path, context, way, name):
    result = _ingest(tmp_path, context, UTF16[way](_xml()), name=name)
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.registrations["registrant"].tolist() == ["CĐCS Công ty A", "Nguyễn Văn Hùng"]
    assert result.registrations["type"].tolist() == ["collective", "individual"]


def test_the_utf8_twin_drops_the_mark_and_says_utf8_in_its_declaration():
    twin = as_utf8(LE + _xml().encode("utf-16-le"), ".xls")
    assert twin == _xml('<?xml version="1.0" encoding="UTF-8"?>').encode("utf-8")
    single = as_utf8("<?xml version='1.0' encoding='utf-16'?><html><table>".encode("utf-16"),
                     ".xls")
    assert single == b"<?xml version='1.0' encoding='UTF-8'?><html><table>"
    page = as_utf8(PAGE.encode("utf-16-be"), ".htm")
    assert page == PAGE.encode("utf-8")  # a page's own charset is left: the text is decoded


# --- what is not taken: text tables, other encodings, a CSV name -----------------------------

@pytest.mark.parametrize("name", ["Q-DD_unicode.txt", "Q-DD_unicode.xls", "Q-DD_unicode.csv"])
@pytest.mark.parametrize("way", ["le-bom", "le"])
def test_utf16_text_tables_stay_the_csv_readers(tmp_path, context, way, name):
    data = UTF16[way](_tsv())
    assert as_utf8(data, name[-4:]) is data
    assert parse_sheets(data, name[-4:]).first.encoding == (
        "UTF-16" if way == "le-bom" else "UTF-16 (không có BOM)")
    result = _ingest(tmp_path, context, data, name=name)
    assert result.status == USED and result.rows["valid"] == 3


def test_a_utf16_web_page_under_a_csv_name_is_read_as_its_utf8_twin_is(tmp_path, context):
    """A web page under a ``.csv`` name is read as the page it is (fresh tester U's U045), in
    UTF-16 as in UTF-8."""
    data = UTF16["le-bom"](PAGE)
    assert as_utf8(data, ".csv") == PAGE.encode("utf-8")
    twin = _ingest(tmp_path, context, PAGE.encode("utf-8"), name="Q-DD_twin.csv")
    result = _ingest(tmp_path, context, data, name="Q-DD_xuat.csv")
    assert result.status == twin.status == USED and result.rows == twin.rows


@pytest.mark.parametrize("data", [PAGE.encode("utf-8"), PAGE.encode("utf-8-sig"),
                                  encode_cp1258(PAGE), b"PK\x03\x04" + b"\x00" * 64])
def test_other_encodings_and_workbooks_pass_unchanged(data):
    assert as_utf8(data, ".xls") is data


def test_a_windows_1258_web_page_and_a_marked_utf8_one_are_read(tmp_path, context):
    declared = _page(_table(), head='<meta http-equiv="Content-Type" '
                                   'content="text/html; charset=windows-1258">')
    for name, data in (("Q-DD_1258.xls", encode_cp1258(declared)),
                       ("Q-DD_bom.xls", PAGE.encode("utf-8-sig"))):
        result = _ingest(tmp_path, context, data, name=name)
        assert result.status == USED and result.rows["valid"] == 3, name
        assert result.registrations["registrant"].tolist()[1] == "Nguyễn Văn Hùng"


# --- text that does not decode: said so, never "no header" -----------------------------------

@pytest.mark.parametrize(("way", "kind", "text"), [
    ("le-bom", WEB, PAGE), ("le", WEB, PAGE), ("be-bom", XML, _xml()), ("le", XML, _xml())])
def test_wide_markup_cut_in_a_character_is_rejected_as_cut_short(tmp_path, context, way, kind,
                                                                  text):
    data = UTF16[way](text)[:-1]
    message = CUT.format(kind=kind, name="UTF-16",
                         odd=f", {number(len(data))} byte: số byte lẻ")
    with pytest.raises(FileRejected) as caught:
        check_bytes(data, ".xls")
    assert str(caught.value) == message
    result = _ingest(tmp_path, context, data)
    assert result.status == REJECTED and result.problem == message
    assert NO_HEADER not in result.problem


def test_a_broken_character_inside_is_named_by_its_byte(tmp_path, context):
    data = UTF16["le-bom"](PAGE)
    data = data[:100] + b"\x00\xdc" + data[102:]  # a low surrogate alone: bytes 101-102
    result = _ingest(tmp_path, context, data)
    assert result.status == REJECTED
    assert result.problem == (f"Tệp là {WEB}, lưu bằng mã UTF-16, nhưng có ký tự hỏng ở byte "
                              f"thứ 101 (không giải mã được) nên chữ trong tệp không đọc được. "
                              f"Đề nghị mở tệp bằng Excel, lưu dạng .xlsx (hoặc xuất lại tệp "
                              f"từ phần mềm) rồi gửi lại.")


@pytest.mark.parametrize("way", ["le-bom", "le"])
def test_a_utf16_text_table_cut_in_a_character_is_rejected_as_cut_short(tmp_path, context, way):
    data = UTF16[way](_tsv())[:-1]
    message = CUT.format(kind="văn bản (CSV)", name="UTF-16",
                         odd=f", {number(len(data))} byte: số byte lẻ")
    for step in (check_bytes, parse_sheets):  # each says so (before: NUL bytes, no header)
        with pytest.raises(FileRejected) as caught:
            step(data, ".txt")
        assert str(caught.value) == message, step
    result = _ingest(tmp_path, context, data, name="Q-DD_unicode.txt")
    assert result.status == REJECTED and result.problem == message


def test_a_utf16_text_table_padded_with_nuls_is_still_read(tmp_path, context):
    data = UTF16["le-bom"](_tsv()) + b"\x00" * 9  # odd padding: taken off first (csvtail.py)
    result = _ingest(tmp_path, context, data, name="Q-DD_unicode.txt")
    assert result.status == USED and result.rows["valid"] == 3


# --- UTF-32: decoded when it is that for sure ----------------------------------------------

@pytest.mark.parametrize(("data", "codec"), [
    ("<html>".encode("utf-32"), "utf-32"), (b"\x00\x00\xfe\xff" + "<h".encode("utf-32-be"),
                                            "utf-32"),
    ("<html>".encode("utf-32-le"), "utf-32-le"), ("<html>".encode("utf-32-be"), "utf-32-be"),
    ("<html>".encode("utf-16-le"), None), ("<".encode("utf-32-le"), None),  # too short
    ("<\x00html>".encode("utf-32-le"), None),  # a NUL character
    (b"<\x00\x00\x00h\x00\x01\x00", None),  # a character past U+FFFF: no mark, not told
])
def test_utf32_is_told_by_its_mark_or_three_nuls_beside_each_letter(data, codec):
    assert utf32_pattern(data) == codec


@pytest.mark.parametrize(("name", "text"), [("Q-DD_xuat.xls", PAGE), ("Q-DD_xuat.txt", _tsv())])
@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_markup_and_text_are_read_whole(tmp_path, context, codec, name, text):
    result = _ingest(tmp_path, context, text.encode(codec), name=name)
    assert result.status == USED
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}


def test_utf32_cut_in_a_character_is_rejected_as_cut_short(tmp_path, context):
    data = PAGE.encode("utf-32")[:-2]
    result = _ingest(tmp_path, context, data)
    assert result.status == REJECTED
    assert result.problem == CUT.format(kind=WEB, name="UTF-32", odd=f", {number(len(data))} "
                                        f"byte: số byte không chia hết cho 4")


# --- the limits still apply, to the bytes read and to the twin parsed -------------------------

def test_the_size_limit_is_the_files_own_bytes(tmp_path, monkeypatch):
    data = UTF16["le-bom"](PAGE)
    path = tmp_path / "Q-DD_xuat.xls"
    path.write_bytes(data)
    monkeypatch.setattr(read, "MAX_FILE_BYTES", len(data))
    assert read_bytes(path) == data
    monkeypatch.setattr(read, "MAX_FILE_BYTES", len(data) - 1)  # the twin is smaller: no matter
    with pytest.raises(FileRejected, match="Tệp vượt quá giới hạn dung lượng tệp"):
        read_bytes(path)


def test_the_row_limit_of_a_web_page_applies_to_the_twin(monkeypatch):
    monkeypatch.setattr(htmltable, "MAX_ROWS", 5)
    with pytest.raises(FileRejected) as caught:
        checked_parse(UTF16["le"](PAGE), ".xls")
    assert str(caught.value).startswith("Tệp vượt quá giới hạn số dòng của trang web: hơn 5 dòng")


def test_a_utf16_web_page_is_never_checked_as_a_csv(monkeypatch):
    """The checks before parsing see the twin: a page is not held to a CSV's line count."""
    monkeypatch.setattr(prescan, "MAX_ROWS", 3)
    with pytest.raises(FileRejected, match="giới hạn số dòng của tệp CSV"):
        check_bytes(_tsv().encode("utf-16"), ".xls")  # a text table is
    assert PAGE.count("\n") > 3
    assert check_bytes(UTF16["le-bom"](PAGE), ".xls") is None
    assert check_bytes(PAGE.encode("utf-8"), ".xls") is None


def test_a_dtd_in_a_utf16_xml_workbook_is_refused():
    text = _xml().replace('<?mso-application progid="Excel.Sheet"?>\n',
                          '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaa">]>\n', 1)
    with pytest.raises(FileRejected, match="Không đọc được tệp bảng tính dạng XML 2003"):
        checked_parse(UTF16["le-bom"](text), ".xls")


def test_utf16_pattern_tells_a_file_cut_short_as_what_it_was():
    assert utf16_pattern("<html>".encode("utf-16-le")[:-1]) == "utf-16-le"
    assert utf16_pattern("<html>".encode("utf-16-be")[:-1]) == "utf-16-be"
    assert utf16_pattern(b"<html>") is None
