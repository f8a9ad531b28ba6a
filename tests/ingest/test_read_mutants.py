"""Reading a unit file's bytes into its sheets, in this process (:mod:`thidua.ingest.read`;
``ingest_file`` parses in a worker process, which a mutation run cannot see): each rejection
word for word, each limit just inside and outside, each format's path (issue 14)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs, titled
from corpus_writers import Sheet, xlsx_bytes
from thidua.ingest import read
from thidua.ingest.read import (FORMULA_HINT, NO_HEADER, WEB_PAGE_NOTE, FileRejected,
                                parse_sheets, raw_rows, read_bytes, read_sheet, read_sheets)

EMPTY = ("Tệp rỗng, không có dữ liệu. Nếu số liệu trong tệp được tính bằng công thức, hãy mở "
         "tệp bằng Excel, lưu lại (để lưu cả giá trị) rồi gửi lại.")


def rejected(call, *args) -> str:
    with pytest.raises(FileRejected) as caught:
        call(*args)
    return str(caught.value)


def test_the_fixed_messages_word_for_word():
    assert f"Tệp rỗng, không có dữ liệu. {FORMULA_HINT}" == EMPTY
    assert NO_HEADER == ("Không tìm thấy dòng tiêu đề của biểu DVK-01 (dòng có cả 'Tên mô hình' "
                         "và 'Lĩnh vực') ở trang tính nào đang hiển thị.")


# --- the bytes of a file ----------------------------------------------------------------------
def test_a_suffix_that_is_no_form_format_is_refused_naming_those_taken(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"x")
    assert rejected(read_bytes, tmp_path / "a.docx") == (
        "Định dạng tệp '.docx' không được nhận; chỉ nhận .xlsx, .xlsm, .xltx, .xltm, .xlsb, .xls, "
        ".ods, .csv, .txt, .tsv (và trang web, XML 2003 xuất từ phần mềm: .htm, .html, .mht, .xml).")


@pytest.mark.parametrize("name", ["a.zip", "a.ZIP", "a.rar", "a.7z", "a.gz", "a.tar"])
def test_an_archive_is_refused_telling_the_office_to_extract_it(tmp_path, name):
    (tmp_path / name).write_bytes(b"PK\x03\x04")
    suffix = name[1:].lower()
    assert rejected(read_bytes, tmp_path / name) == (
        f"Tệp nén ('{suffix}') không được đọc: đề nghị giải nén các tệp bên trong vào thư mục "
        f"của năm rồi chạy lại (tệp nén có thể để lại, nó chỉ được ghi vào danh sách tệp).")


@pytest.mark.parametrize("name", ["a.XLSX", "a.Csv", "a.htm", "a.html", "a.xml", "a"])
def test_each_form_suffix_in_any_case_and_none_is_read(tmp_path, name):
    (tmp_path / name).write_bytes(b"abc")
    assert read_bytes(tmp_path / name) == b"abc"


def test_a_file_that_cannot_be_opened_says_so(tmp_path):
    (tmp_path / "d.xlsx").mkdir()
    assert rejected(read_bytes, tmp_path / "d.xlsx") == (
        "Không mở được tệp (Is a directory); đề nghị kiểm tra quyền đọc tệp hoặc gửi lại tệp.")


def test_an_empty_file_is_refused_and_keeps_the_bytes_read(tmp_path):
    (tmp_path / "e.xlsx").write_bytes(b"")
    with pytest.raises(FileRejected) as caught:
        read_bytes(tmp_path / "e.xlsx")
    assert str(caught.value) == ("Tệp rỗng (0 byte), không có dữ liệu; đề nghị gửi lại tệp đã "
                                 "lưu đầy đủ.")
    assert caught.value.data == b""


def test_the_size_limit_just_inside_and_just_outside(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 4)
    (tmp_path / "four.csv").write_bytes(b"abcd")
    (tmp_path / "five.csv").write_bytes(b"abcde")
    assert read_bytes(tmp_path / "four.csv") == b"abcd"
    assert rejected(read_bytes, tmp_path / "five.csv").startswith(
        "Tệp vượt quá giới hạn dung lượng tệp: hơn 4 byte (giới hạn 4 byte); ")


# --- CSV ----------------------------------------------------------------------------------------
def csv(rows: list[list], sep: str) -> bytes:
    return "\r\n".join(sep.join(str(v) for v in r) for r in rows).encode("utf-8")


@pytest.mark.parametrize("sep", [";", ",", "\t", "|"])
def test_a_csv_s_separator_is_the_one_giving_the_header(sep):
    rows = [["Mã đơn vị: Q-DD"], HEADER, *[[str(v or "") for v in r] for r in regs(2)]]
    (sheet,) = parse_sheets(csv(rows, sep), ".csv").sheets
    assert sheet.sheet == ""
    assert raw_rows(sheet)["model"].tolist() == ["Bữa cơm Công đoàn ấm áp",
                                                  "Tủ sách pháp luật tại phân xưởng"]


def test_the_separator_giving_more_form_columns_wins():
    # split by ``,`` the header has 10 form columns; by ``;`` (tried first) two
    rows = [["STT; Tên mô hình", *HEADER[1:]], ["1", "Bữa cơm; Công đoàn", "Kinh tế", "Tập thể"]]
    (sheet,) = parse_sheets(csv(rows, ","), ".csv").sheets
    assert len(sheet.table.columns) == 10
    assert raw_rows(sheet)[["model", "field"]].values.tolist() == [["Bữa cơm; Công đoàn",
                                                                    "Kinh tế"]]


def test_a_csv_of_blanks_only_is_empty():
    assert rejected(parse_sheets, "\u00a0\r\n \r\n".encode(), ".csv") == "Tệp rỗng, không có dữ liệu."


def test_a_csv_whose_letters_became_question_marks_says_they_are_lost():
    data = b"DANH SACH\r\nSTT;T?n m? h?nh;L?nh v?c\r\n1;B?a c?m;Kinh t?\r\n"
    assert rejected(parse_sheets, data, ".csv") == (
        "Tệp CSV được lưu bằng bảng mã không có chữ tiếng Việt nên các chữ có dấu đã thành '?' "
        "(ví dụ 'T?n m? h?nh'); không khôi phục được. Đề nghị mở tệp gốc bằng Excel, lưu dạng "
        "'CSV UTF-8 (Comma delimited)' hoặc .xlsx rồi gửi lại.")


def test_a_lost_letter_example_is_cut_to_40_characters():
    long = "T?n " + "x" * 50
    data = f"STT;{long}\r\n".encode()
    assert f"(ví dụ '{long[:40]}');" in rejected(parse_sheets, data, ".csv")


def test_a_csv_without_the_header_and_without_lost_letters_has_no_header():
    assert rejected(parse_sheets, b"a,b?\r\n1,2\r\n", ".csv") == NO_HEADER


# --- a web page -----------------------------------------------------------------------------
def page(body: str) -> bytes:
    return f"<html><body>{body}</body></html>".encode()


def test_a_web_page_s_table_is_read_and_the_unit_told():
    cells = "".join(f"<th>{h}</th>" for h in HEADER)
    row = "".join(f"<td>{v or ''}</td>" for v in regs(1)[0])
    parsed = parse_sheets(page(f"<p>Mã đơn vị: Q-DD</p><table><tr>{cells}</tr><tr>{row}</tr>"
                               f"</table>"), ".xls")
    assert parsed.remarks == (WEB_PAGE_NOTE,)
    assert parsed.first.sheet == ""
    assert raw_rows(parsed.first)["model"].tolist() == ["Bữa cơm Công đoàn ấm áp"]


def test_a_web_page_without_the_header_or_without_text_is_refused():
    assert rejected(parse_sheets, page("<table><tr><td>a</td></tr></table>"), ".xls") == NO_HEADER
    assert rejected(parse_sheets, page("<table><tr><td> </td></tr></table>"), ".xls") == EMPTY


# --- a workbook ---------------------------------------------------------------------------------
def test_a_workbook_whose_visible_sheets_are_blank_names_its_hidden_table():
    data = xlsx_bytes([Sheet("Trống", [[None, ""]]),
                       Sheet("Ẩn", [HEADER, *regs(1)], hidden=True)])
    assert rejected(parse_sheets, data, ".xlsx").startswith(
        "Các dòng đăng ký của biểu DVK-01 chỉ có ở trang tính bị ẩn ('Ẩn')")
    assert rejected(parse_sheets, xlsx_bytes([Sheet("Trống", [[None, ""]])]), ".xlsx") == EMPTY


def test_a_workbook_with_text_but_no_header_row_has_no_header():
    data = xlsx_bytes([Sheet("DS", [["Danh sách"], ["Tên", "Ghi chú"]])])
    assert rejected(parse_sheets, data, ".xlsx") == NO_HEADER


def test_the_sheets_that_count_in_workbook_order_and_the_first_names_the_unit(tmp_path):
    first = titled("Q-DD", regs(1))
    second = Sheet("Đợt 2", [HEADER, *regs(2, start=1)])
    path = tmp_path / "Q-DD.xlsx"
    path.write_bytes(xlsx_bytes([first, second]))
    parsed = read_sheets(path)
    assert [s.sheet for s in parsed.sheets] == ["Danh sách", "Đợt 2"]
    assert [len(raw_rows(s)) for s in parsed.sheets] == [1, 2]
    assert read_sheet(path).sheet == "Danh sách"
    assert parsed.remarks and all(isinstance(r, str) and r for r in parsed.remarks)


# --- mutation survivors of 01/12 (fourth session), in this process ------------------------------
def test_a_csv_of_zero_width_spaces_only_is_empty_with_the_formula_hint():
    assert rejected(parse_sheets, "\u200b\r\n\u200b\r\n".encode(), ".csv") == EMPTY


def test_a_csv_keeps_its_encoding_and_on_a_tie_the_first_separator_wins():
    # split by ``;`` the header is row 1, by ``,`` row 2: two form columns either way
    data = "Tên mô hình;Lĩnh vực\r\nTên mô hình,Lĩnh vực\r\nBữa cơm;Kinh tế\r\n".encode()
    sheet = parse_sheets(data, ".csv").first
    assert (sheet.table.top, sheet.encoding) == (0, "UTF-8")


def test_a_web_page_keeps_its_merges_and_its_text_is_unicode():
    cells = "".join(f"<th>{h}</th>" for h in HEADER)
    row = "".join(f"<td>{v or ''}</td>" for v in regs(1)[0])
    sheet = parse_sheets(page(f"<p>Mã đơn vị: Q-DD</p><table><tr>{cells}</tr><tr>{row}</tr>"
                              f"<tr><td colspan='2'>Người lập biểu</td></tr></table>"), ".xls").first
    assert (sheet.encoding, sheet.facts.merges) == ("Unicode", ((3, 0, 3, 1),))
