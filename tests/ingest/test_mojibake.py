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
