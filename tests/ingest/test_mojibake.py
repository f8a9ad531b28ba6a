"""UTF-8 text that was read once in a Windows code page and saved again (tester I's I070 and
I121): ``Kinh táº¿`` is put back to *Kinh tế*, every cell of the sheet by the same code page, and
the unit is told in one line; a letter whose byte was lost and cannot be told for sure rejects
its row naming the cell; a header that cannot be put back rejects the file naming the
encoding, never "no header row". Text typed in Unicode is never touched."""

from __future__ import annotations

import pytest

from helpers import HEADER, input_file, row, write_xlsx
from thidua.ingest.files import ingest_file
from thidua.ingest.legacy import detect_mojibake, looks_misread, repair_cell, unmangle

TITLE = ["Mã đơn vị: Q-BD", "Năm: 2024"]
UNIT = "CĐCS Công ty TNHH Hòa Bình"
ROWS = [row(model="Bữa cơm Công đoàn ấm áp", registrant=UNIT, grassroots=UNIT, stt=1),
        row(model="Tủ sách pháp luật", field="Văn hóa - xã hội", type_="Cá nhân",
            registrant="Nguyễn Thị Hường", position="Chủ tịch CĐCS",
            level="Cấp trên trực tiếp cơ sở", grassroots=UNIT, stt=2),
        row(model="Tổ an ninh trật tự khu ở", field="An ninh - quốc phòng", registrant=UNIT,
            grassroots=UNIT, stt=3)]


def _misread(text, codec: str, errors: str = "strict"):
    """``text`` as a program shows it after reading its UTF-8 bytes in ``codec``: undefined
    bytes become their C1 control (Windows) or ``�`` (``errors="replace"``)."""
    if not isinstance(text, str):
        return text
    raw = text.encode("utf-8")
    if errors == "replace":
        return raw.decode(codec, errors="replace")
    return "".join(bytes((b,)).decode(codec, errors="ignore") or chr(b) for b in raw)


@pytest.mark.parametrize("codec, name", [("cp1258", "Windows-1258"), ("cp1252", "Windows-1252")])
@pytest.mark.parametrize("errors", ["strict", "replace"])
def test_a_workbook_of_misread_utf8_is_repaired_and_told(tmp_path, context, codec, name, errors):
    rows = [[_misread(v, codec, errors) for v in r] for r in ROWS]
    header = [_misread(h, codec, errors) for h in HEADER]
    assert rows[0][2] == "Kinh táº¿"  # the misreading the unit sees
    path = write_xlsx(tmp_path / "Q-BD_2024.xlsx", rows, title=TITLE, header=header)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    regs = result.registrations
    assert regs["field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert regs["model"].tolist() == ["Bữa cơm Công đoàn ấm áp", "Tủ sách pháp luật",
                                      "Tổ an ninh trật tự khu ở"]
    assert regs["registrant"].tolist()[1] == "Nguyễn Thị Hường"
    assert result.encoding == f"UTF-8 bị đọc nhầm thành {name}"
    assert (f"Trang 'Danh sách': chữ tiếng Việt bị lỗi mã (tệp UTF-8 đã bị mở bằng bảng mã "
            f"{name} rồi lưu lại, ví dụ 'Kinh táº¿' thay cho 'Kinh tế'); đã tự động sửa lại. Lần "
            f"sau đề nghị mở tệp CSV bằng Excel qua Dữ liệu > Từ Văn bản/CSV, chọn mã 65001: "
            f"Unicode (UTF-8), và lưu dạng 'CSV UTF-8'.") in result.notes


def test_a_utf8_csv_of_misread_text_is_repaired_not_no_header(tmp_path, context):
    lines = [*TITLE, "", ",".join(HEADER), *(",".join(str(v or "") for v in r) for r in ROWS)]
    data = _misread("\r\n".join(lines), "cp1252", "replace").encode("utf-8")
    assert "LÄ©nh vá»±c".encode() in data
    path = tmp_path / "Q-BD_2024.csv"
    path.write_bytes(data)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "individual", "collective"]
    assert result.encoding == "UTF-8 bị đọc nhầm thành Windows-1252"
    assert result.notes[0].startswith("Tệp: chữ tiếng Việt bị lỗi mã (tệp UTF-8 đã bị mở bằng "
                                      "bảng mã Windows-1252 rồi lưu lại")


def test_a_lost_letter_not_told_for_sure_rejects_its_row_naming_the_cell(tmp_path, context):
    rows = [list(r) for r in ROWS]
    rows[0][1] = "Góc văn hóa khu nhà trọ"  # tr + ọ/ỏ/ờ/ề: four syllables, none known
    rows = [[_misread(v, "cp1252", "replace") for v in r] for r in rows]
    path = write_xlsx(tmp_path / "Q-BD_2024.xlsx", rows, title=TITLE,
                      header=[_misread(h, "cp1252") for h in HEADER])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    line = result.rejections.iloc[0]
    assert (int(line["row"]), line["column"]) == (5, "Tên mô hình")
    assert line["error"] == ("Ô 'Tên mô hình' có chữ bị mất khi tệp UTF-8 bị mở bằng bảng mã "
                             "Windows-1252 rồi lưu lại ('trá»\ufffd'), không biết chắc là chữ "
                             "nào; đề nghị gõ lại ô này bằng Unicode rồi gửi lại.")


def test_a_header_that_cannot_be_put_back_rejects_the_file_naming_the_encoding(tmp_path,
                                                                                 context):
    # misread twice: once put back it is still misread, and nothing names the form's columns
    twice = [_misread(_misread(h, "cp1252"), "cp1252") for h in HEADER]
    lines = [",".join(twice), *(",".join(str(v or "") for v in r) for r in ROWS)]
    path = tmp_path / "Q-BD_2024.csv"
    path.write_bytes("\r\n".join(lines).encode("utf-8"))
    result = ingest_file(input_file(path), context)
    assert result.status == "rejected"
    assert result.problem.startswith("Chữ tiếng Việt trong tệp bị lỗi mã (tệp UTF-8 đã bị mở "
                                     "bằng bảng mã Windows-1258/Windows-1252 rồi lưu lại, ví dụ '")
    assert "Không tìm thấy dòng tiêu đề" not in result.problem
    assert result.problem.endswith("chọn mã 65001: Unicode (UTF-8), rồi lưu dạng 'CSV UTF-8' "
                                   "hoặc .xlsx và gửi lại.")


@pytest.mark.parametrize("misread, text", [
    ("Kinh táº¿", "Kinh tế"), ("Táº­p thá»ƒ", "Tập thể"), ("Cáº¥p trĂªn", "Cấp trên"),
    ("Chá»§ tá»‹ch CÄ\ufffdCS", "Chủ tịch CĐCS"),  # lost 0x90: only Đ is a Vietnamese letter
    ("TrÆ°á»\ufffdng", "Trường"),  # lost 0x9D: ờ, the only syllable of ề ọ ỏ Ố ờ
    ("Thá»\ufffdi gian thá»±c hiá»‡n", "Thời gian thực hiện"),  # thọi, thỏi: the form's header
    ("Chá»§ tá»‹ch CÄ\x90CS", "Chủ tịch CĐCS"),  # Windows keeps the undefined byte as U+0090
    ("VÅ©", "Vũ"),  # ũ's first byte 0xC5
])
def test_unmangle_puts_back_the_text(misread, text):
    codepage = "cp1258" if "Ă" in misread else "cp1252"
    assert unmangle(misread, codepage) == text


@pytest.mark.parametrize("text", [
    "Kinh tế", "Cá nhân", "Lĩnh vực", "Hoàn thành", "Café Ánh Dương",  # Unicode: not UTF-8 once put back
    "Kinh te", "123",  # ASCII
    "nhà tr\ufffd",  # a lost letter that four syllables could fill (trọ, trỏ, trờ, trề)
    "Ã\ufffdnh DÆ°Æ¡ng",  # Ánh, Ính, Ýnh: three syllables
    "Ã¼ber Ã§a",  # UTF-8 once put back, but no Vietnamese letter (über ça): not repaired
])
def test_look_alikes_are_not_repaired(text):
    assert repair_cell(text, "Windows-1252") == text
    assert repair_cell(text, "Windows-1258") == text


def test_a_unicode_sheet_quoting_one_misread_word_is_left_as_it_is():
    cells = ["Kinh tế", "Tập thể", "Cá nhân", "Văn hóa - xã hội", "ghi chú: 'Kinh táº¿'"]
    assert detect_mojibake(cells) is None
    assert detect_mojibake(["Kinh táº¿", "Táº­p thá»ƒ", "Tên mô hình"]) == "Windows-1258"
    assert detect_mojibake(["Kinh táº¿", "Táº­p thá»ƒ", "CÃ¡ nhÃ¢n"]) == "Windows-1252"
    assert detect_mojibake(["Kinh táº¿", "Cáº¥p trĂªn"]) == "Windows-1258"


def test_text_typed_decomposed_and_misread_is_put_back_after_nfc_composed_it():
    import unicodedata

    typed = unicodedata.normalize("NFD", "Kinh tế Cá nhân Hoàn thành")  # "Unicode tổ hợp"
    misread = _misread(typed, "cp1258")
    composed = unicodedata.normalize("NFC", misread)  # what a CSV reader or clean_text makes
    assert composed != misread and "è" in composed  # e + U+0300 (byte 0xCC) composed
    assert unmangle(misread, "cp1258") == typed
    assert unmangle(composed, "cp1258") == typed
    assert unmangle("Văn hóa Ăn", "cp1258") is None  # a Unicode Ă stays a letter


def test_a_csv_of_decomposed_text_misread_in_windows_1258_is_repaired(tmp_path, context):
    import unicodedata

    lines = [*TITLE, "", ",".join(HEADER), *(",".join(str(v or "") for v in r) for r in ROWS)]
    typed = unicodedata.normalize("NFD", "\r\n".join(lines))
    path = tmp_path / "Q-BD_2024.csv"
    path.write_bytes(_misread(typed, "cp1258").encode("utf-8"))
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert result.encoding == "UTF-8 bị đọc nhầm thành Windows-1258"


@pytest.mark.parametrize("text, misread", [
    ("VÅ©", True), ("Kinh táº¿", True), ("CÄ\ufffdCS", True), ("Cáº¥p trĂªn", True),
    ("Kinh tế", False), ("Ã", False), ("Giá: 100\xa0000", False), (12, False),
])
def test_what_looks_misread(text, misread):
    assert looks_misread(text) is misread


# --- in this process (issue 14, 01/12 fifth session): each rule of the repair ---------------------
from thidua.ingest import legacy  # noqa: E402
from thidua.ingest.legacy import known_words  # noqa: E402


def _replaced(text: str, codec: str = "cp1252") -> str:
    """``text``'s UTF-8 read by a program that writes ``�`` for an undefined byte."""
    return text.encode("utf-8").decode(codec, errors="replace")


@pytest.mark.parametrize("ch, letter", [
    ("a", True), ("Z", True), ("1", False), ("-", False), ("đ", True), ("Đ", True),
    ("ấ", True), ("ơ", True), ("Ư", True), ("ỹ", True), ("Ă", True),
    ("ṍ", False),  # o with a tilde and an acute: two tone marks
    ("ā", False), ("č", False), ("ö", False), ("ç", False), ("ĉ", False), ("α", False),
])
def test_a_letter_of_the_vietnamese_alphabet(ch, letter):
    assert legacy._vietnamese_letter(ch) is letter


@pytest.mark.parametrize("word, rank", [
    ("thời", (1, 4)), ("THỜI", (1, 4)), ("Thời", (1, 4)),
    ("ThỜi", (0, 4)), ("THời", (0, 4)),  # no one case pattern: no syllable
    ("thờix", (0, 5)), ("über", (0, 3)),
])
def test_how_vietnamese_a_decoded_word_is(word, rank):
    assert legacy._word_rank(word) == rank


def test_at_most_three_lost_bytes_a_word_are_filled():
    assert unmangle(_replaced("ĐĐĐ"), "cp1252") == "ĐĐĐ"
    assert unmangle(_replaced("ĐĐĐĐ"), "cp1252") is None


def test_a_c1_control_is_its_own_byte_from_0x80_to_0x9f():
    # a program reading Latin-1 keeps every byte 0x80..0x9F as the control of its number
    assert unmangle("HOÃ\x80N THÃ\x80NH", "cp1252") == "HOÀN THÀNH"  # À: C3 80
    assert unmangle("NhÃ\xa0 á»\x9f", "cp1252") == "Nhà ở"  # ở: E1 BB 9F
    assert unmangle("NhÃ\xa0 trá»\x8d", "cp1252") == "Nhà trọ"  # kept, never a lost byte


def test_a_word_written_out_elsewhere_tells_a_lost_letter():
    assert unmangle(_replaced("Thời"), "cp1252") is None  # thọi, thỏi, thời
    assert unmangle(_replaced("Thời"), "cp1252", frozenset({"thỏi"})) == "Thỏi"
    assert unmangle(_replaced("Thời"), "cp1252", frozenset({"thỏi", "thời"})) is None
    # exactly two fillings (TÁI, TÚI, Windows-1258's 0x81 and 0x9A): the known one
    assert unmangle(_replaced("TÁI", "cp1258"), "cp1258") is None
    assert unmangle(_replaced("TÁI", "cp1258"), "cp1258", frozenset({"túi"})) == "TÚI"
    assert repair_cell(_replaced("Khu trọ"), "Windows-1252", frozenset({"trọ"})) == "Khu trọ"
    assert repair_cell(_replaced("Khu trọ"), "Windows-1252") == _replaced("Khu trọ")


def test_the_readings_of_a_cell_are_counted_against_their_limit(monkeypatch):
    # ``Th�i gian thực hiện``: three readings of its first word, the form's header among them
    cell = _replaced("Thời gian thực hiện")
    monkeypatch.setattr(legacy, "_MAX_READINGS", 3)
    assert unmangle(cell, "cp1252") == "Thời gian thực hiện"
    monkeypatch.setattr(legacy, "_MAX_READINGS", 2)
    assert unmangle(cell, "cp1252") is None


def test_a_letter_typed_composed_stays_whole_beside_marks_typed_apart():
    import unicodedata

    typed = unicodedata.normalize("NFD", "Kinh tế") + " Cá"  # Cá typed composed: C3 A1
    misread = "".join(bytes((b,)).decode("cp1258", errors="ignore") or chr(b)
                      for b in typed.encode("utf-8"))
    assert "Ă¡" in misread
    assert unmangle(unicodedata.normalize("NFC", misread), "cp1258") == typed


def test_a_cell_is_repaired_only_when_text_outside_ascii():
    assert repair_cell("Kinh táº¿", "Windows-1258") == "Kinh tế"
    assert repair_cell("Kinh te", "Windows-1258") == "Kinh te"
    assert repair_cell(12, "Windows-1258") == 12 and repair_cell(None, "Windows-1258") is None


def test_the_words_repaired_for_sure_are_known_lower_case():
    cells = ["Nhà Trá»\x8d an toàn".replace("à", "Ã\xa0"), _replaced("Khu trọ"), 12, None,
             "Kinh te", "Kinh tế"]
    assert cells[0] == "NhÃ\xa0 Trá»\x8d an toÃ\xa0n"
    assert known_words(cells, "Windows-1252") == {"nhà", "trọ", "an", "toàn"}
    assert known_words(["CÃ¡ nhÃ¢n, TÃªn"], "Windows-1252") == {"cá", "nhân", "tên"}
    assert known_words(["CÃ¡ nhÃ¢n"], "Windows-1258") == frozenset()
    # a cell with a lost byte tells no word, even one filled for sure (CĐCS)
    assert unmangle("Chá»§ tá»‹ch CÄ\ufffdCS", "cp1252") == "Chủ tịch CĐCS"
    assert known_words(["Chá»§ tá»‹ch CÄ\ufffdCS"], "Windows-1252") == frozenset()


@pytest.mark.parametrize("cells, name", [
    (["Kinh táº¿"], "Windows-1258"),  # the only cell outside ASCII
    (["Kinh táº¿", "Táº­p thá»ƒ", 12, None, "ASCII"], "Windows-1258"),
    (["über"], None), (["Kinh táº¿", "Tên mô hình"], None),  # one of two cells
    (["Kinh táº¿", "Táº­p thá»ƒ", "Tên mô hình", "Lĩnh vực"], "Windows-1258"),  # as many
    (["Kinh táº¿", "Táº­p thá»ƒ", "Tên mô hình", "Lĩnh vực", "Cá nhân"], None),  # more
    # text outside ASCII without a Vietnamese letter is no Unicode Vietnamese cell
    (["Kinh táº¿", "Táº­p thá»ƒ", "über", "naïve", "façade"], "Windows-1258"),
    # cells still misread (a lost letter) are not Unicode cells; in the other code page they are
    (["Kinh táº¿", "Táº­p thá»ƒ", "Khu trá»\ufffd", "Nhà trá»\ufffd x", "Tên"], "Windows-1258"),
    (["Kinh táº¿", "Táº­p thá»ƒ", "LÃ©Ã a", "BÃ©Ã b", "CÃ©Ã c"], None),
])
def test_which_sheets_are_misread(cells, name):
    assert detect_mojibake(cells) == name


def test_looks_misread_in_the_code_page_named():
    assert looks_misread("LÃ©", "Windows-1252") and not looks_misread("LÃ©", "Windows-1258")
    assert looks_misread("LĂ©", "Windows-1258") and not looks_misread("LĂ©", "Windows-1252")
