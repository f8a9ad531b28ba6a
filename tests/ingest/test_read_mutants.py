"""Reading a unit file's bytes into its sheets, in this process (:mod:`thidua.ingest.read`;
``ingest_file`` parses in a worker process, which a mutation run cannot see): each rejection
word for word, each limit just inside and outside, each format's path (issue 14)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs, titled
from corpus_writers import Sheet, xlsx_bytes
from thidua.ingest import read
from thidua.ingest.cellfacts import SheetFacts
from thidua.ingest.read import (FORMULA_HINT, NO_HEADER, WEB_PAGE_NOTE, FileRejected,
                                _apply_facts, find_table, parse_sheets, raw_rows, read_bytes,
                                read_sheet, read_sheets)

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


@pytest.mark.parametrize("name, hint", [
    ("Q-HK_DVK 2024.numbers", "Tệp Numbers (máy Mac): mở tệp, chọn Tệp > Xuất sang > Excel, rồi "
                              "gửi tệp .xlsx."),
    ("Q-LB.GSHEET", "Tệp .gsheet chỉ là lối tắt tới một trang tính Google, không chứa dữ liệu: "
                    "mở trang tính, chọn Tệp > Tải xuống > Microsoft Excel (.xlsx), rồi gửi tệp đó."),
    ("a.et", "Tệp WPS Spreadsheets: mở tệp, chọn Lưu thành > Excel (.xlsx), rồi gửi tệp đó.")])
def test_a_program_s_own_format_is_refused_saying_how_to_save_it_as_excel(tmp_path, name, hint):
    """Fresh tester M's M116, M117: refused without a word of what to do."""
    (tmp_path / name).write_bytes(b"x")
    said = rejected(read_bytes, tmp_path / name)
    assert said.startswith(f"Định dạng tệp '{name[name.rindex('.'):].lower()}' không được nhận")
    assert said.endswith(".xml). " + hint)


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


# --- 01/12 fifth session: what the cells show, in this process (``_apply_facts``) --------------
def grid_of(*rows: list) -> list[list]:
    """The header in row 0 then ``rows``, each padded to the header's 11 columns."""
    return [list(HEADER), *[list(r) + [None] * (11 - len(r)) for r in rows]]


def applied(grid, **facts):
    table = find_table(grid)
    return _apply_facts(grid, table, SheetFacts(**facts))


@pytest.mark.parametrize("kind", ["formulas", "errors"])
def test_a_formula_or_an_error_is_its_text_within_the_grid_only(kind):
    grid = grid_of([1, "Bữa cơm", "Kinh tế"], [2, "Tủ sách"])
    shown, table = applied(grid, **{kind: {(1, 2): "=B1", (2, 10): "#N/A", (3, 0): "=X",
                                           (1, 11): "=Y"}})
    assert shown[1][:3] == [1, "Bữa cơm", "=B1"] and shown[2][10] == "#N/A"
    assert len(shown) == 3 and len(shown[1]) == 11
    assert grid[1][2] == "Kinh tế" and grid[2][10] is None  # the grid read is not changed
    assert table == find_table(grid)


def test_a_value_replaces_a_number_only_within_the_grid():
    grid = grid_of([1, "Bữa cơm", "Kinh tế", None, None, None, None, None, 45000.0],
                   [2.5, "Tủ sách"])
    shown, _ = applied(grid, values={(1, 8): "01/03/2023", (1, 1): "x", (2, 0): 3,
                                     (3, 0): 9, (1, 11): 9})
    assert shown[1][8] == "01/03/2023" and shown[1][1] == "Bữa cơm" and shown[2][0] == 3
    assert len(shown) == 3 and len(shown[1]) == 11


def test_the_unstruck_words_replace_text_only_within_the_grid():
    grid = grid_of([1, "Bữa cơm", "Kinh tế", "Tập thể / Cá nhân"])
    shown, _ = applied(grid, unstruck={(1, 3): "Tập thể", (1, 0): "2", (2, 0): "x",
                                       (1, 11): "y"})
    assert shown[1][:4] == [1, "Bữa cơm", "Kinh tế", "Tập thể"]
    assert len(shown) == 2 and len(shown[1]) == 11
    assert grid[1][3] == "Tập thể / Cá nhân"


def test_without_merges_a_hidden_twin_column_loses_and_no_hidden_keeps_the_table():
    twin = [*HEADER[:2], "Lĩnh vực", *HEADER[2:]]  # two ``Lĩnh vực`` columns: 2 and 3
    grid = [twin, [1, "Bữa cơm", "cũ", "Kinh tế", "Tập thể"]]
    table = find_table(grid)
    same, kept = _apply_facts(grid, table, SheetFacts())
    assert same is grid and kept is table
    _, read = _apply_facts(grid, table, SheetFacts(hidden_columns=(2,)))
    assert read.columns[3] == "field" and 2 not in read.columns
    _, other = _apply_facts(grid, table, SheetFacts(hidden_columns=(3,)))
    assert other.columns[2] == "field" and 3 not in other.columns


def test_a_merge_down_the_table_fills_its_rows_but_makes_no_rows_past_the_last():
    grid = grid_of([1, "Bữa cơm", "Kinh tế"], [2, "Tủ sách"], [None], [None])
    shown, table = applied(grid, merges=((1, 2, 4, 2),))
    assert [r[2] for r in shown] == ["Lĩnh vực", "Kinh tế", "Kinh tế", None, None]
    assert table.data_start == 1


def test_a_header_merged_over_two_rows_is_found_again_on_the_filled_grid():
    top = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", None, "Cấp",
           None]
    under = [None, None, None, None, None, "Chức vụ", "Cấp công đoàn", "Công đoàn cơ sở"]
    grid = [top, under, [1, "Bữa cơm", "Kinh tế", "Tập thể", "CĐCS A", None, "Cơ sở", "B"]]
    table = find_table(grid)
    shown, found = _apply_facts(grid, table, SheetFacts(merges=((0, 0, 1, 0), (0, 1, 1, 1),
                                                               (0, 2, 1, 2), (0, 3, 1, 3),
                                                               (0, 4, 1, 4))))
    assert found.header_rows == (0, 1) and found.data_start == 2
    assert found.columns[1] == "model" and found.columns[5] == "position"
    assert shown[2][1] == "Bữa cơm"


# --- 01/12 fifth session: each path of ``parse_sheets``, in this process -------------------------
def misread(text, codec="cp1258"):
    """``text``'s UTF-8 bytes read in ``codec`` as Windows does (an undefined byte its own C1
    control), as Excel saves a CSV opened so."""
    if not isinstance(text, str):
        return text
    return "".join(bytes((b,)).decode(codec, errors="ignore") or chr(b)
                   for b in text.encode("utf-8"))


MOJIBAKE_NOTE = ("{}: chữ tiếng Việt bị lỗi mã (tệp UTF-8 đã bị mở bằng bảng mã Windows-1258 rồi "
                 "lưu lại, ví dụ 'Kinh táº¿' thay cho 'Kinh tế'); đã tự động sửa lại. Lần sau đề "
                 "nghị mở tệp CSV bằng Excel qua Dữ liệu > Từ Văn bản/CSV, chọn mã 65001: Unicode "
                 "(UTF-8), và lưu dạng 'CSV UTF-8'.")
ENCODING = "UTF-8 bị đọc nhầm thành Windows-1258"


def test_a_workbook_sheet_of_misread_text_is_put_back_and_told_by_its_name():
    rows = [[misread(v) for v in r] for r in [["Mã đơn vị: Q-DD"], HEADER, *regs(2)]]
    parsed = parse_sheets(xlsx_bytes([Sheet("DS", rows)]), ".xlsx")
    assert parsed.first.encoding == ENCODING
    assert parsed.remarks == (MOJIBAKE_NOTE.format("Trang 'DS'"),)
    assert raw_rows(parsed.first)["model"].tolist() == ["Bữa cơm Công đoàn ấm áp",
                                                        "Tủ sách pháp luật tại phân xưởng"]


def test_a_csv_of_misread_text_is_put_back_and_told_as_the_file():
    rows = [["Mã đơn vị: Q-DD"], HEADER, *[[str(v or "") for v in r] for r in regs(2)]]
    parsed = parse_sheets(misread(csv(rows, ";").decode()).encode("utf-8"), ".csv")
    assert parsed.first.encoding == ENCODING
    assert parsed.remarks == (MOJIBAKE_NOTE.format("Tệp"),)
    assert raw_rows(parsed.first)["field"].tolist() == ["Kinh tế", "Văn hóa - xã hội"]


def test_a_unicode_csv_is_unicode_and_tells_nothing():
    rows = [["Mã đơn vị: Q-DD"], HEADER, *[[str(v or "") for v in r] for r in regs(1)]]
    parsed = parse_sheets(csv(rows, ";"), ".csv")
    assert (parsed.first.encoding, parsed.remarks) == ("UTF-8", ())


MIXED = ("Chữ trong tệp được gõ bằng hai bảng mã cũ khác nhau ({}), không chuyển được chắc chắn "
         "sang Unicode; đề nghị chuyển toàn bộ tệp sang Unicode (Unikey: Công cụ chuyển mã) và "
         "phông chữ Times New Roman rồi gửi lại.")


def mixed_rows() -> list[list]:
    from thidua.ingest.legacy import encode_tcvn3, encode_vni
    return [[1, encode_tcvn3("Bữa cơm công đoàn"), encode_tcvn3("Kinh tế"), "Tập thể", "A"],
            [2, encode_vni("Tủ sách pháp luật"), encode_vni("Văn hóa xã hội"), "Tập thể", "B"]]


def test_a_counted_sheet_typed_in_two_legacy_encodings_is_refused():
    data = xlsx_bytes([Sheet("DS", [HEADER, *mixed_rows()])])
    assert rejected(parse_sheets, data, ".xlsx") == MIXED.format("TCVN3 (ABC) và VNI")


def test_a_visible_sheet_without_the_header_in_two_encodings_is_refused_for_them():
    data = xlsx_bytes([Sheet("Ghi chú", [["Danh sách"]]), Sheet("DS", mixed_rows())])
    assert rejected(parse_sheets, data, ".xlsx") == MIXED.format("TCVN3 (ABC) và VNI")
    # hidden, it is not looked at
    hidden = xlsx_bytes([Sheet("Ghi chú", [["Danh sách"]]), Sheet("DS", mixed_rows(),
                                                                   hidden=True)])
    assert rejected(parse_sheets, hidden, ".xlsx") == NO_HEADER


def test_a_sheet_in_a_legacy_encoding_is_converted_and_says_which():
    from thidua.ingest.legacy import encode_tcvn3
    rows = [[encode_tcvn3(v) if isinstance(v, str) else v for v in r]
            for r in [HEADER, *regs(2)]]
    sheet = parse_sheets(xlsx_bytes([Sheet("DS", rows)]), ".xlsx").first
    assert sheet.encoding == "TCVN3 (ABC)"
    assert raw_rows(sheet)["model"].tolist() == ["Bữa cơm Công đoàn ấm áp",
                                                "Tủ sách pháp luật tại phân xưởng"]


MISREAD = ("Chữ tiếng Việt trong tệp bị lỗi mã (tệp UTF-8 đã bị mở bằng bảng mã "
           "Windows-1258/Windows-1252 rồi lưu lại, ví dụ '{}') và không sửa lại chắc chắn được, "
           "nên không tìm thấy dòng tiêu đề của biểu. Đề nghị dùng tệp gốc: mở tệp CSV bằng Excel "
           "qua Dữ liệu > Từ Văn bản/CSV, chọn mã 65001: Unicode (UTF-8), rồi lưu dạng 'CSV UTF-8' "
           "hoặc .xlsx và gửi lại.")


def test_a_header_misread_and_not_put_back_is_refused_naming_an_example():
    # more cells typed in Unicode than misread ones: the sheet is not repaired
    header = [misread(h) for h in HEADER]
    long = "Tên mô hình dân vận khéo của đơn vị năm nay"
    rows = [["Danh sách", misread(long)], header, *[["Bữa cơm", "Kinh tế", f"Công đoàn {i}",
                                                     "Tủ sách", "Lê Văn Đức"] for i in range(9)]]
    assert rejected(parse_sheets, xlsx_bytes([Sheet("DS", rows)]), ".xlsx") == MISREAD.format(
        misread(long)[:40])


def test_no_header_says_the_row_that_nearly_is_one():
    near = ["STT", "Tên mô hình", "Hình thức", "Cấp công đoàn"]
    message = rejected(parse_sheets, xlsx_bytes([Sheet("DS", [["Danh sách"], near])]), ".xlsx")
    assert message == NO_HEADER + (" Dòng 2 có vẻ là dòng tiêu đề ('STT', 'Tên mô hình', "
                                   "'Hình thức', 'Cấp công đoàn') nhưng không có cột nào đọc "
                                   "được là 'Lĩnh vực'; đề nghị ghi tiêu đề cột đó là 'Lĩnh vực' "
                                   "như biểu DVK-01 rồi gửi lại.")
    hidden = xlsx_bytes([Sheet("DS", [["Danh sách"], ["Ghi chú"]]),
                         Sheet("Ẩn", [["x"], near], hidden=True)])
    assert rejected(parse_sheets, hidden, ".xlsx") == NO_HEADER  # a hidden sheet's is not said


TYPED = [["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "", "Chức vụ", "Kết quả"],
         ["", "", "", "Tập thể", "Cá nhân", "", ""],
         [1, "Tủ sách pháp luật", "Văn hóa - xã hội", "", "Trần Thị Lan", "Phó Chủ tịch", ""],
         [2, "Phát triển đoàn viên", "Kinh tế", "CĐCS Công ty A", "", "", "Hoàn thành"]]


def test_a_sheet_giving_each_type_its_column_is_typed_and_told_by_its_name():
    from thidua.ingest.typegroups import TYPE_GROUPS_NOTE
    parsed = parse_sheets(xlsx_bytes([Sheet("DS", TYPED, merges=["D1:E1"])]), ".xlsx")
    assert parsed.remarks == ("Trang 'DS' " + TYPE_GROUPS_NOTE,)
    assert raw_rows(parsed.first)[["registrant", "type"]].values.tolist() == [
        ["Trần Thị Lan", "Cá nhân"], ["CĐCS Công ty A", "Tập thể"]]
    typed_csv = parse_sheets(csv([[str(v) for v in r] for r in TYPED], ";"), ".csv")
    assert typed_csv.remarks == ("Tệp " + TYPE_GROUPS_NOTE,)
    assert raw_rows(typed_csv.first)["type"].tolist() == ["Cá nhân", "Tập thể"]
    cells = "".join(f"<tr>{''.join(f'<td>{v}</td>' for v in r)}</tr>" for r in TYPED)
    web = parse_sheets(page(f"<table>{cells}</table>"), ".xls")
    assert web.remarks == (WEB_PAGE_NOTE, "Tệp " + TYPE_GROUPS_NOTE)
    assert raw_rows(web.first)["type"].tolist() == ["Cá nhân", "Tập thể"]


def test_a_broken_decoration_part_is_told_first_then_the_sheets_then_the_layout():
    from thidua.ingest.salvage import salvage_note
    from thidua.ingest.typegroups import TYPE_GROUPS_NOTE
    data = xlsx_bytes([Sheet("Hướng dẫn", [HEADER, *regs(1)]), Sheet("DS", TYPED)])
    parsed = parse_sheets(broken_styles(data), ".xlsx")
    assert [s.sheet for s in parsed.sheets] == ["DS"]
    assert parsed.remarks == (salvage_note(("xl/styles.xml không đọc được",)),
                              "Đã dùng trang 'DS'; bỏ qua trang 'Hướng dẫn' (trang hướng "
                              "dẫn/mẫu)", "Trang 'DS' " + TYPE_GROUPS_NOTE)


def test_a_web_archive_s_visible_sheets_by_name_its_hidden_ones_told():
    from test_mhtml import _archive, _frameset, _part, _table

    from thidua.ingest.read import MHTML_NOTE
    guide = "<html><body><table><tr><td>Hướng dẫn điền biểu</td></tr></table></body></html>"
    data = _archive(
        _part("DS.htm", _frameset(("Hướng dẫn", "sheet001.htm", True), ("DS", "sheet002.htm", True),
                                  ("Cũ", "sheet003.htm", False), ("Ẩn", "sheet004.htm", False))),
        _part("DS_files/sheet001.htm", guide), _part("DS_files/sheet002.htm", _table()),
        _part("DS_files/sheet003.htm", _table()), _part("DS_files/sheet004.htm", _table()))
    parsed = parse_sheets(data, ".xls")
    assert [s.sheet for s in parsed.sheets] == ["DS"]
    assert len(raw_rows(parsed.first)) == 3
    assert parsed.remarks == (MHTML_NOTE, "Trang tính bị ẩn không được đọc: 'Cũ', 'Ẩn'.")
    # every shown sheet without the header, some hidden: both said
    data = _archive(_part("DS.htm", _frameset(("Hướng dẫn", "sheet001.htm", True),
                                              ("Cũ", "sheet003.htm", False))),
                    _part("DS_files/sheet001.htm", guide), _part("DS_files/sheet003.htm", _table()))
    assert rejected(parse_sheets, data, ".xls") == (
        NO_HEADER + " Trang tính bị ẩn không được đọc: 'Cũ'.")


def test_a_web_archive_without_the_form_gives_its_first_sheet_s_reason():
    from test_mhtml import _archive, _frameset, _part
    blank = "<html><body><table><tr><td> </td></tr></table></body></html>"
    guide = "<html><body><table><tr><td>Hướng dẫn điền biểu</td></tr></table></body></html>"
    data = _archive(_part("DS.htm", _frameset(("A", "sheet001.htm", True),
                                              ("B", "sheet002.htm", True))),
                    _part("DS_files/sheet001.htm", blank), _part("DS_files/sheet002.htm", guide))
    assert rejected(parse_sheets, data, ".mht") == EMPTY
    data = _archive(_part("DS.htm", _frameset(("B", "sheet002.htm", True),
                                              ("A", "sheet001.htm", True))),
                    _part("DS_files/sheet001.htm", blank), _part("DS_files/sheet002.htm", guide))
    assert rejected(parse_sheets, data, ".mht") == NO_HEADER


def test_a_web_archive_s_sheets_each_typed_or_put_back_and_told_by_name():
    from test_mhtml import _archive, _frameset, _part

    from thidua.ingest.read import MHTML_NOTE
    from thidua.ingest.typegroups import TYPE_GROUPS_NOTE
    typed = "".join(f"<tr>{''.join(f'<td>{v}</td>' for v in r)}</tr>" for r in TYPED)
    rows = [["Mã đơn vị: Q-DD"], HEADER, *[[v or "" for v in r] for r in regs(2)]]
    wrong = "".join(f"<tr>{''.join(f'<td>{misread(v)}</td>' for v in r)}</tr>" for r in rows)
    data = _archive(_part("DS.htm", _frameset(("Kiểu", "s1.htm", True), ("Lỗi", "s2.htm", True))),
                    _part("DS_files/s1.htm", f"<html><body><table>{typed}</table></body></html>"),
                    _part("DS_files/s2.htm", f"<html><body><table>{wrong}</table></body></html>"))
    parsed = parse_sheets(data, ".mht")
    assert [s.sheet for s in parsed.sheets] == ["Kiểu", "Lỗi"]
    assert [s.encoding for s in parsed.sheets] == ["Unicode", ENCODING]
    assert parsed.remarks == (MHTML_NOTE, "Trang 'Kiểu' " + TYPE_GROUPS_NOTE,
                              MOJIBAKE_NOTE.format("Trang 'Lỗi'"))
    # (a web page reads a no-break space as a space: ``đoàn``'s ``Ă\xa0`` is lost there)
    assert raw_rows(parsed.sheets[1])["field"].tolist() == ["Kinh tế", "Văn hóa - xã hội"]
    assert raw_rows(parsed.sheets[0])["type"].tolist() == ["Cá nhân", "Tập thể"]


SUMMARY = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức"]


def test_of_two_sheets_one_listing_again_the_other_s_models_is_an_excerpt():
    rows = regs(3)
    again = [[1, rows[2][1], rows[2][2], rows[2][3]], [2, rows[0][1], rows[0][2], rows[0][3]]]
    parsed = parse_sheets(xlsx_bytes([Sheet("DS", [HEADER, *rows]),
                                      Sheet("Tổng hợp", [SUMMARY, *again])]), ".xlsx")
    assert [(s.sheet, s.copy_of, s.excerpt) for s in parsed.sheets] == [
        ("DS", "", False), ("Tổng hợp", "DS", True)]
    # a model of its own: no excerpt
    own = [*again, [3, "Một mô hình khác", "Kinh tế", "Tập thể"]]
    parsed = parse_sheets(xlsx_bytes([Sheet("DS", [HEADER, *rows]),
                                      Sheet("Tổng hợp", [SUMMARY, *own])]), ".xlsx")
    assert [(s.copy_of, s.excerpt) for s in parsed.sheets] == [("", False), ("", False)]


def test_a_copy_is_no_excerpt_of_the_sheet_it_copies_and_one_sheet_is_none():
    rows = regs(3)
    parsed = parse_sheets(xlsx_bytes([Sheet("DS", [HEADER, *rows]),
                                      Sheet("DS (2)", [HEADER, *rows]),
                                      Sheet("Tổng hợp", [SUMMARY, [1, *rows[1][1:4]]])]), ".xlsx")
    assert [(s.sheet, s.copy_of, s.excerpt) for s in parsed.sheets] == [
        ("DS", "", False), ("DS (2)", "DS", False), ("Tổng hợp", "DS", True)]
    one = parse_sheets(xlsx_bytes([Sheet("Tổng hợp", [SUMMARY, [1, *rows[1][1:4]]])]), ".xlsx")
    assert [(s.copy_of, s.excerpt) for s in one.sheets] == [("", False)]


def test_of_two_versions_the_earlier_is_marked_a_copy_of_the_later():
    first, second = regs(4), [*regs(3), reg_with_model(3, "Mô hình sửa lại")]
    parsed = parse_sheets(xlsx_bytes([Sheet("Lần 1", [HEADER, *first]),
                                      Sheet("Lần 2", [HEADER, *second])]), ".xlsx")
    assert [(s.sheet, s.copy_of, s.earlier) for s in parsed.sheets] == [
        ("Lần 1", "Lần 2", True), ("Lần 2", "", False)]
    # a row-for-row copy of the first is no version: it stays the first's copy
    parsed = parse_sheets(xlsx_bytes([Sheet("Lần 1", [HEADER, *first]),
                                      Sheet("Lần 1 (2)", [HEADER, *first]),
                                      Sheet("Lần 2", [HEADER, *second])]), ".xlsx")
    assert [(s.sheet, s.copy_of, s.earlier) for s in parsed.sheets] == [
        ("Lần 1", "Lần 2", True), ("Lần 1 (2)", "Lần 1", False), ("Lần 2", "", False)]
    # the copy and one version only: nothing to compare
    parsed = parse_sheets(xlsx_bytes([Sheet("Lần 1", [HEADER, *first]),
                                      Sheet("Lần 2", [HEADER, *first])]), ".xlsx")
    assert [(s.copy_of, s.earlier) for s in parsed.sheets] == [("", False), ("Lần 1", False)]


def reg_with_model(i: int, model: str) -> list:
    row = regs(1, start=i)[0]
    row[1] = model
    return row


def test_each_sheet_s_own_sent_date_above_its_table_says_which_is_later():
    first, second = regs(4), [*regs(3), reg_with_model(3, "Mô hình sửa lại")]
    parsed = parse_sheets(xlsx_bytes([
        Sheet("Bản A", [["Ngày gửi: 05/12/2024"], HEADER, *first]),
        Sheet("Bản B", [["Ngày gửi: 20/11/2024"], HEADER, *second])]), ".xlsx")
    assert [(s.sheet, s.copy_of) for s in parsed.sheets] == [("Bản A", ""), ("Bản B", "Bản A")]
    # a date typed below the table is not the sheet's own: the names say it
    parsed = parse_sheets(xlsx_bytes([
        Sheet("Lần 1", [HEADER, *first, [], ["Ngày gửi: 05/12/2024"]]),
        Sheet("Lần 2", [["Ngày gửi: 20/11/2024"], HEADER, *second])]), ".xlsx")
    assert [(s.sheet, s.copy_of) for s in parsed.sheets] == [("Lần 1", "Lần 2"), ("Lần 2", "")]


def test_an_excel_2003_xml_workbook_keeps_its_own_facts():
    from test_xml2003 import _row, _sheet, _workbook
    merged = ('<Row><Cell><Data ss:Type="Number">1</Data></Cell><Cell><Data ss:Type="String">'
              'Số hóa hồ sơ</Data></Cell><Cell ss:MergeDown="1"><Data ss:Type="String">Kinh tế'
              '</Data></Cell><Cell><Data ss:Type="String">Tập thể</Data></Cell></Row>')
    data = _workbook(_sheet([merged, _row([2, "Chợ phiên", None, "Tập thể"])]))
    sheet = parse_sheets(data, ".xls").first
    assert (sheet.sheet, sheet.facts.merges) == ("DS", ((0, 0, 0, 5), (3, 2, 4, 2)))
    assert raw_rows(sheet)["field"].tolist() == ["Kinh tế", "Kinh tế"]


def test_a_flat_opendocument_file_is_read_as_the_package_it_holds(tmp_path):
    from test_flat_ods import _flat
    sheet = parse_sheets(_flat(tmp_path, titled("Q-HM", regs(3)), hidden_rows=[8]), ".fods").first
    assert sheet.facts.hidden == ((7, 8),)
    assert raw_rows(sheet)["model"].tolist()[:3] == [r[1] for r in regs(3)]


def test_a_sheet_named_after_a_field_has_a_header_without_the_field():
    header = ["STT", "Tên mô hình", "Hình thức", "Tên tập thể/cá nhân"]
    rows = [[1, "Bữa cơm", "Tập thể", "CĐCS A"], [2, "Tủ sách", "Cá nhân", "Lê B"]]
    sheet = parse_sheets(xlsx_bytes([Sheet("Kinh tế", [header, *rows])]), ".xlsx").first
    assert sheet.sheet == "Kinh tế" and sheet.table.columns[1] == "model"
    assert raw_rows(sheet)["registrant"].tolist() == ["CĐCS A", "Lê B"]
    assert rejected(parse_sheets, xlsx_bytes([Sheet("Danh sách", [header, *rows])]), ".xlsx"
                    ).startswith(NO_HEADER)


def test_a_sheet_of_forms_is_read_as_a_table_its_facts_outside_the_forms_kept():
    from test_form_sheets import TITLE, form
    lines = [*TITLE, *form("Bữa cơm công đoàn", "Kinh tế", "Tập thể", "CĐCS Trường số 1")]
    sheet = Sheet("MH1", lines, merges=["A1:D1"])
    parsed = parse_sheets(xlsx_bytes([sheet]), ".xlsx")
    assert raw_rows(parsed.first)[["model", "field"]].values.tolist() == [
        ["Bữa cơm công đoàn", "Kinh tế"]]
    assert parsed.first.facts.merges == ((0, 0, 0, 3),)  # the title's, outside the form
    assert parsed.remarks == (
        "Trang 'MH1' ghi đăng ký theo kiểu phiếu (tên cột | nội dung), không theo bảng: mỗi "
        "phiếu đã đọc là một đăng ký: dòng 6–12 (ghi là dòng 7); các thông báo lỗi ghi dòng "
        "trong ngoặc. Đề nghị lần sau ghi theo bảng của biểu DVK-01, mỗi đăng ký một dòng.",)


def test_side_by_side_tables_are_two_sheets_read_with_the_hidden_columns_known():
    left = [HEADER, *regs(2)]
    twin = [*HEADER[:2], "Lĩnh vực", *HEADER[2:]]  # its columns 14 and 15 (O, P) both fields
    right = [twin, *[[*r[:2], "cũ", *r[2:]] for r in regs(2, start=2)]]
    grid = [[*a, None, *b] for a, b in zip(left, right)]
    for hidden, field in ((14, ["An ninh - quốc phòng", "Xây dựng hệ thống chính trị"]),
                          (15, ["cũ", "cũ"])):
        parsed = parse_sheets(xlsx_bytes([Sheet("DS", grid, hidden_columns=[hidden])]), ".xlsx")
        assert [s.sheet for s in parsed.sheets] == ["DS", "DS (bảng từ cột M)"]
        assert raw_rows(parsed.sheets[1])["field"].tolist() == field, hidden


class _Stream:
    """A file of ``size`` bytes that says how much was asked of it."""

    def __init__(self, size: int, asked: list):
        self.size, self.asked = size, asked

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def read(self, n=-1):
        self.asked.append(n)
        if n is None or n < 0:
            raise AssertionError("the whole file asked into memory")
        return b"x" * min(n, self.size)


class _Path:
    suffix, name = ".csv", "x.csv"

    def __init__(self, size: int):
        self.size, self.asked = size, []

    def open(self, mode):
        assert mode == "rb"
        return _Stream(self.size, self.asked)


def test_never_more_than_the_limit_and_one_byte_is_asked_of_a_file(monkeypatch):
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 4)
    small, large = _Path(4), _Path(10**9)
    assert read_bytes(small) == b"xxxx"
    assert rejected(read_bytes, large).startswith("Tệp vượt quá giới hạn dung lượng tệp: ")
    assert small.asked == large.asked == [5]


def test_a_csv_file_is_read_by_its_name_too(tmp_path):
    rows = [["Mã đơn vị: Q-DD"], HEADER, *[[str(v or "") for v in r] for r in regs(2)]]
    path = tmp_path / "Q-DD.csv"
    path.write_bytes(csv(rows, ";"))
    assert len(raw_rows(read_sheets(path).first)) == 2
    assert read_sheet(path).sheet == ""


# --- 01/12 fifth session: survivors of the first runs ---------------------------------------------
TWIN = [*HEADER[:2], "Lĩnh vực", *HEADER[2:]]  # two ``Lĩnh vực`` columns: C and D


def twin_rows(n: int) -> list[list]:
    return [[*r[:2], "cũ", *r[2:]] for r in regs(n)]


@pytest.mark.parametrize("hidden, field", [(2, ["Kinh tế", "Văn hóa - xã hội"]), (3, ["cũ", "cũ"])])
def test_a_merged_table_is_found_again_with_its_hidden_twin_column_known(hidden, field):
    sheet = Sheet("DS", [TWIN, *twin_rows(2)], merges=["L2:L3"], hidden_columns=[hidden])
    parsed = parse_sheets(xlsx_bytes([sheet]), ".xlsx").first
    assert parsed.facts.merges == ((1, 11, 2, 11),)
    assert raw_rows(parsed)["field"].tolist() == field


TYPED_TWIN = [["STT", "Tên mô hình", "Lĩnh vực", "Lĩnh vực", "Tên tập thể/cá nhân", "",
               "Chức vụ"],
              ["", "", "", "", "Tập thể", "Cá nhân", ""],
              [1, "Tủ sách pháp luật", "cũ", "Văn hóa - xã hội", "", "Trần Thị Lan", "Phó Chủ tịch"],
              [2, "Phát triển đoàn viên", "cũ", "Kinh tế", "CĐCS Công ty A", "", ""]]


@pytest.mark.parametrize("hidden, field", [(2, ["Văn hóa - xã hội", "Kinh tế"]),
                                           (3, ["cũ", "cũ"])])
def test_a_sheet_typed_by_its_columns_keeps_its_facts_and_its_hidden_twin_column(hidden, field):
    sheet = Sheet("DS", TYPED_TWIN, merges=["E1:F1"], hidden_columns=[hidden])
    parsed = parse_sheets(xlsx_bytes([sheet]), ".xlsx").first
    assert raw_rows(parsed)["type"].tolist() == ["Cá nhân", "Tập thể"]
    assert raw_rows(parsed)["field"].tolist() == field
    assert parsed.facts.merges == ((0, 4, 0, 5),) and parsed.facts.hidden_columns == (hidden,)


def test_a_lost_letter_is_told_by_a_word_written_out_elsewhere_in_the_sheet():
    def replaced(text):
        return text.encode("utf-8").decode("cp1252", errors="replace")
    rows = [[misread(h, "cp1252") for h in HEADER],
            [1, misread("Nhà trọ an toàn", "cp1252"), misread("Kinh tế", "cp1252")],
            [2, replaced("Khu trọ"), misread("Kinh tế", "cp1252")]]
    assert rows[2][1] == "Khu trá»\ufffd"
    sheet = parse_sheets(xlsx_bytes([Sheet("DS", rows)]), ".xlsx").first
    assert sheet.encoding == "UTF-8 bị đọc nhầm thành Windows-1252"
    assert raw_rows(sheet)["model"].tolist() == ["Nhà trọ an toàn", "Khu trọ"]


def kept(sheet, merges):
    """Whether a sheet marked a copy kept its grid, table, encoding and facts."""
    return (len(raw_rows(sheet)) > 0 and sheet.table.columns[1] == "model"
            and sheet.encoding == "Unicode" and sheet.facts.merges == merges)


def test_an_excerpt_and_an_earlier_version_keep_their_rows_and_facts():
    rows = regs(3)
    again = [["Tổng hợp"], SUMMARY, [1, *rows[2][1:4]], [2, *rows[0][1:4]]]
    parsed = parse_sheets(xlsx_bytes([Sheet("DS", [HEADER, *rows]),
                                      Sheet("Tổng hợp", again, merges=["A1:D1"])]), ".xlsx")
    excerpt = parsed.sheets[1]
    assert (excerpt.copy_of, excerpt.excerpt) == ("DS", True)
    assert kept(excerpt, ((0, 0, 0, 3),))
    assert raw_rows(excerpt)["model"].tolist() == [rows[2][1], rows[0][1]]
    first, second = regs(4), [*regs(3), reg_with_model(3, "Mô hình sửa lại")]
    parsed = parse_sheets(xlsx_bytes([Sheet("Lần 1", [["Lần 1"], HEADER, *first], merges=["A1:K1"]),
                                      Sheet("Lần 2", [HEADER, *second])]), ".xlsx")
    earlier = parsed.sheets[0]
    assert (earlier.copy_of, earlier.earlier) == ("Lần 2", True)
    assert kept(earlier, ((0, 0, 0, 10),))
    assert raw_rows(earlier)["model"].tolist() == [r[1] for r in first]


def test_a_hidden_sheet_in_two_legacy_encodings_with_the_form_is_named():
    data = xlsx_bytes([Sheet("Ghi chú", [["Danh sách"]]),
                       Sheet("Ẩn", [HEADER, *mixed_rows()], hidden=True)])
    assert rejected(parse_sheets, data, ".xlsx").startswith(
        "Các dòng đăng ký của biểu DVK-01 chỉ có ở trang tính bị ẩn ('Ẩn')")


def test_a_sheet_of_forms_loses_the_facts_of_its_forms_rows_only():
    from test_form_sheets import TITLE, form
    first = form("Bữa cơm công đoàn", "Kinh tế", "Tập thể", "CĐCS Trường số 1")
    second = form("Tủ sách", "Kinh tế", "Tập thể", "CĐCS Trường số 2")
    lines = [*TITLE, *first, [], *second, [], ["Người lập biểu"]]
    # rows 6–12 and 14–20 are the forms (Excel rows): merges on the first and the last form
    # line, the lines of each form and the signature's
    sheet = Sheet("MH", lines, merges=["A1:D1", "B6:D6", "B12:D12", "B14:D14", "B20:D20",
                                       "A22:C22"])
    parsed = parse_sheets(xlsx_bytes([sheet]), ".xlsx")
    assert parsed.first.facts.merges == ((0, 0, 0, 3), (21, 0, 21, 2))
    assert [m for m in raw_rows(parsed.first)["model"] if m][:2] == ["Bữa cơm công đoàn", "Tủ sách"]


def test_a_hidden_sheet_of_forms_is_not_read():
    from test_form_sheets import TITLE, form
    forms = Sheet("MH", [*TITLE, *form("Bữa cơm", "Kinh tế", "Tập thể", "CĐCS A")], hidden=True)
    parsed = parse_sheets(xlsx_bytes([Sheet("DS", [HEADER, *regs(2)]), forms]), ".xlsx")
    assert [s.sheet for s in parsed.sheets] == ["DS"]
    assert parsed.remarks[0].startswith("Đã dùng trang 'DS'; bỏ qua trang 'MH' (trang bị ẩn)")


def test_a_web_archive_s_hidden_sheet_first_its_merges_and_every_hidden_sheet_named():
    from test_mhtml import _archive, _frameset, _part, _table

    from thidua.ingest.read import MHTML_NOTE
    merged = _table().replace("<td>Tập thể</td>", "<td rowspan=2>Tập thể</td>", 1)
    data = _archive(_part("DS.htm", _frameset(("Cũ", "s1.htm", False), ("DS", "s2.htm", True))),
                    _part("DS_files/s1.htm", _table()), _part("DS_files/s2.htm", merged))
    parsed = parse_sheets(data, ".mht")
    assert [s.sheet for s in parsed.sheets] == ["DS"]
    assert parsed.first.facts.merges != ()
    assert parsed.remarks == (MHTML_NOTE, "Trang tính bị ẩn không được đọc: 'Cũ'.")
    data = _archive(_part("DS.htm", _frameset(("A", "s1.htm", False), ("B", "s2.htm", False))),
                    _part("DS_files/s1.htm", _table()), _part("DS_files/s2.htm", _table()))
    assert rejected(parse_sheets, data, ".mht") == (
        NO_HEADER + " Trang tính bị ẩn không được đọc: 'A', 'B'.")


def test_a_copy_row_for_row_keeps_its_rows_and_facts():
    rows = regs(3)
    parsed = parse_sheets(xlsx_bytes([Sheet("DS", [HEADER, *rows]),
                                      Sheet("DS (2)", [["Bản sao"], HEADER, *rows],
                                            merges=["A1:K1"])]), ".xlsx")
    copy = parsed.sheets[1]
    assert copy.copy_of == "DS" and kept(copy, ((0, 0, 0, 10),))
    assert raw_rows(copy)["model"].tolist() == [r[1] for r in rows]


def broken_styles(data: bytes) -> bytes:
    """The workbook with half its styles part: salvaged (the styles left out), told."""
    import io
    import zipfile
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            dst.writestr(info, body[: len(body) // 2] if info.filename == "xl/styles.xml"
                         else body)
    return out.getvalue()


@pytest.mark.parametrize("salvaged", [False, True])
@pytest.mark.parametrize("rows_above, named", [(read.HEADER_SEARCH_ROWS + 2, True),
                                               (read.HEADER_SEARCH_ROWS + 3, False)])
def test_a_hidden_sheet_is_read_down_to_three_rows_past_the_header_search(rows_above, named,
                                                                         salvaged):
    data = xlsx_bytes([Sheet("DS", [["Ghi chú"]]),
                       Sheet("Ẩn", [["x"]] * rows_above + [HEADER, *regs(2)], hidden=True)])
    data = broken_styles(data) if salvaged else data
    message = rejected(parse_sheets, data, ".xlsx")
    assert message.startswith("Các dòng đăng ký của biểu DVK-01 chỉ có ở trang tính bị ẩn "
                              "('Ẩn')") is named
    assert (message == NO_HEADER) is not named


def test_the_facts_of_rows_below_the_grid_are_not_read():
    sheet = Sheet("DS", [HEADER, *regs(2)], hidden_rows=[2, 50])
    assert parse_sheets(xlsx_bytes([sheet]), ".xlsx").first.facts.hidden == ((1, 2),)


def test_only_a_list_going_on_reads_the_first_sheet_s_legend():
    from corpus_rows import reg
    from test_legend import FIELDS

    from thidua.ingest.rows import legend_rows
    first = [HEADER, *[reg(i, field=f) for i, f in enumerate((1, 2, 3, 4))], [FIELDS]]
    going_on = [reg(i, stt=i + 1, field=f) for i, f in zip(range(4, 7), (1, 2, 4))]
    own = [HEADER, *[reg(i, field=f) for i, f in zip(range(7, 10), (1, 2, 4))]]
    parsed = parse_sheets(xlsx_bytes([Sheet("Trang 1", first), Sheet("Trang 2", going_on),
                                      Sheet("Khác", own)]), ".xlsx")
    assert [s.sheet for s in parsed.sheets] == ["Trang 1", "Trang 2", "Khác"]
    assert legend_rows(parsed.sheets[1])["field"][1] == [1, 2, 3]
    assert legend_rows(parsed.sheets[2]) == {}
