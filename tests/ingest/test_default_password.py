"""A workbook encrypted with Excel's default password (``VelvetSweatshop``: what Excel
writes for a protected workbook, and opens without asking) is read as Excel opens it, the unit
told (``thidua/ingest/defaultkey.py``; fresh tester K's K021, rejected "đặt mật khẩu"
before); any other password still rejects the file, and a LibreOffice file saved with a
password is said to have one, not to be damaged (K022)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from corpus_rows import regs, titled
from corpus_writers import write_encrypted_xlsx, write_ods
from helpers import input_file
from thidua.ingest.defaultkey import EXCEL_DEFAULT_PASSWORD, OPENED_NOTE, opened_with_default_password
from thidua.ingest.files import ingest_file
from thidua.ingest.isolation import checked_parse
from thidua.ingest.workbook import PASSWORD, FileRejected

PASSWORD_TEXT = ("Tệp được đặt mật khẩu, không mở được; đề nghị gỡ mật khẩu (Excel: Tệp > Thông "
                 "tin > Bảo vệ sổ làm việc; LibreOffice: Tệp > Lưu thành, bỏ chọn 'Lưu với mật "
                 "khẩu') rồi gửi lại.")


def test_excels_default_password_is_the_one_microsoft_documents():
    assert EXCEL_DEFAULT_PASSWORD == "VelvetSweatshop"  # [MS-OFFCRYPTO] 2.3.7.7
    assert PASSWORD == PASSWORD_TEXT


def test_a_workbook_under_excels_default_password_is_read_and_the_unit_told(tmp_path, context):
    path = tmp_path / "Q-BD_2024.xlsx"
    write_encrypted_xlsx(path, [titled("Q-BD", regs(3))], "VelvetSweatshop")
    assert path.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"  # an OLE container, as Excel writes it
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert OPENED_NOTE in result.remarks
    assert OPENED_NOTE.startswith("Tệp được Excel mã hoá bằng mật khẩu mặc định")


def test_the_default_password_opens_the_package_in_this_process(tmp_path):
    """In this process (the reader calls it in its worker): the bytes decrypted are the
    package written, byte for byte."""
    from corpus_writers import xlsx_bytes

    sheets = [titled("Q-BD", regs(3))]
    path = tmp_path / "Q-BD_2024.xlsx"
    write_encrypted_xlsx(path, sheets, "VelvetSweatshop")
    assert opened_with_default_password(path.read_bytes()) == xlsx_bytes(sheets)


@pytest.mark.parametrize("password", ["dvk2024", "velvetsweatshop", "VelvetSweatshop "])
def test_any_other_password_still_rejects_the_file(tmp_path, password):
    path = tmp_path / "Q-BD_2024.xlsx"
    write_encrypted_xlsx(path, [titled("Q-BD", regs(2))], password)
    assert opened_with_default_password(path.read_bytes()) is None
    with pytest.raises(FileRejected) as caught:
        checked_parse(path.read_bytes(), ".xlsx")
    assert str(caught.value) == PASSWORD_TEXT


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04" + bytes(40), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
                                  + bytes(600), "Kinh tế,Tập thể\r\n".encode()])
def test_what_is_no_encrypted_workbook_is_left_alone(data):
    assert opened_with_default_password(data) is None


def _password_ods(path, declared: bool = True) -> bytes:
    """An ``.ods`` as LibreOffice saves it with a password: its manifest gives
    ``encryption-data`` for ``content.xml``, whose bytes are ciphertext."""
    write_ods(path, [titled("Q-BD", regs(2))])
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "content.xml":
                data = bytes(b ^ 0x5A for b in data)
            if info.filename == "META-INF/manifest.xml" and declared:
                entry = re.search(rb'<manifest:file-entry manifest:full-path="content\.xml"'
                                  rb'[^>]*?/>', data).group(0)
                data = data.replace(entry, entry[:-2] + b'><manifest:encryption-data manifest:'
                                    b'checksum-type="SHA1/1K" manifest:checksum="x"/>'
                                    b'</manifest:file-entry>', 1)
                assert b"encryption-data" in data
            assert declared or b"encryption-data" not in data
            package.writestr(info, data)
    return out.getvalue()


def test_an_ods_saved_with_a_password_is_said_to_have_one(tmp_path):
    data = _password_ods(tmp_path / "Q-BD_2024.ods")
    with pytest.raises(FileRejected) as caught:
        checked_parse(data, ".ods")
    assert str(caught.value) == PASSWORD_TEXT


def test_a_damaged_ods_without_a_password_is_still_said_damaged(tmp_path):
    data = _password_ods(tmp_path / "Q-BD_2024.ods", declared=False)  # scrambled, no password
    with pytest.raises(FileRejected) as caught:
        checked_parse(data, ".ods")
    assert str(caught.value).startswith("Không đọc được tệp như một bảng tính (tệp hỏng")
