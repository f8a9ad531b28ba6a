"""A damaged workbook is rejected alone with a Vietnamese reason that says what is damaged,
never the reader's English (the third tester's F7: ``Bad CRC-32 for file …``,
``CalamineError: Cell string index not found …``, ``XmlError: sheetData``)."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

import openpyxl
import pytest

from helpers import HEADER, input_file, row
from thidua.ingest.files import ingest_file
from thidua.reasons import file_fault

SAVE = "; đề nghị mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại."
SHEET = "xl/worksheets/sheet1.xml"


def _workbook() -> dict[str, bytes]:
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in ("Mã đơn vị: Q-BD", "Năm: 2024", ""):
        ws.append([line])
    ws.append(HEADER)
    for i in range(1, 8):
        ws.append(row(model=f"Mô hình số {i} của đơn vị", stt=i))
    out = io.BytesIO()
    wb.save(out)
    with zipfile.ZipFile(out) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _shared(parts: dict[str, bytes], keep: int | None = None) -> dict[str, bytes]:
    """``parts`` with the sheet's inline strings moved to a shared-strings table, as Excel
    saves them; ``keep``: only the first ``keep`` strings stay in the table (the cells past it
    point at strings that are not there)."""
    strings: list[bytes] = []

    def shared(match: re.Match) -> bytes:
        strings.append(match.group(2))
        return match.group(1) + b't="s"><v>' + str(len(strings) - 1).encode() + b"</v></c>"

    parts = dict(parts)
    parts[SHEET] = re.sub(rb'(<c r="[A-Z]+\d+" )t="inlineStr"><is><t>(.*?)</t></is></c>', shared,
                          parts[SHEET])
    kept = strings if keep is None else strings[:keep]
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"".join(b"<si><t>" + t + b"</t></si>" for t in kept) + b"</sst>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml" '
        b'Id="rId9"/></Relationships>')
    return parts


def _zip(parts: dict[str, bytes], stored: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def test_the_shared_strings_table_made_here_reads_as_the_inline_one(tmp_path, context):
    path = tmp_path / "Q-BD_dvk-2024.xlsx"
    path.write_bytes(_zip(_shared(_workbook())))
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 7, "valid": 7, "rejected": 0, "ignored": 0}


def _no_shared_strings() -> bytes:
    parts = _shared(_workbook())
    del parts["xl/sharedStrings.xml"]
    return _zip(parts)


def _shared_strings_cut() -> bytes:
    return _zip(_shared(_workbook(), keep=40))


def _sheet_cut() -> bytes:
    parts = _workbook()
    xml = parts[SHEET]
    parts[SHEET] = xml[:xml.index(b'<row r="7"')]
    return _zip(parts)


def _bad_crc() -> bytes:
    data = bytearray(_zip(_workbook(), stored=True))
    at = data.index(b'<row r="6"') + len(b'<row r="')
    data[at] = ord("5")  # one digit changed, the stored CRC-32 not
    return bytes(data)


@pytest.mark.parametrize("make, problem", [
    (_no_shared_strings, "Không đọc được tệp: bảng chữ dùng chung của tệp (sharedStrings.xml) bị "
                         "thiếu hoặc thiếu chữ" + SAVE),
    (_shared_strings_cut, "Không đọc được tệp: bảng chữ dùng chung của tệp (sharedStrings.xml) bị "
                          "thiếu hoặc thiếu chữ" + SAVE),
    (_sheet_cut, "Không đọc được tệp: nội dung XML của trang tính bị cắt cụt hoặc hỏng" + SAVE),
    (_bad_crc, f"Tệp bị hỏng: phần '{SHEET}' bên trong tệp không giải nén được: sai mã kiểm tra "
               "(CRC), nội dung đã bị thay đổi hoặc hỏng khi sao chép; đề nghị mở thử tệp bằng "
               "Excel, lưu lại dạng .xlsx rồi gửi lại."),
], ids=["no-shared-strings", "shared-strings-cut", "sheet-cut", "bad-crc"])
def test_a_damaged_workbook_is_told_in_vietnamese_what_is_damaged(tmp_path, context, make,
                                                                  problem):
    path = tmp_path / "Q-BD_dvk-2024.xlsx"
    path.write_bytes(make())
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit, result.problem) == ("rejected", "Q-BD", problem)
    assert not re.search(r"Error|error|found|index|Bad|file '", result.problem)


@pytest.mark.parametrize("exc, said", [
    (RuntimeError("CalamineError: Cell string index not found in shared strings table"),
     "bảng chữ dùng chung của tệp (sharedStrings.xml) bị thiếu hoặc thiếu chữ"),
    (zipfile.BadZipFile("Bad CRC-32 for file 'xl/worksheets/sheet1.xml'"),
     "sai mã kiểm tra (CRC), nội dung đã bị thay đổi hoặc hỏng khi sao chép"),
    (NotImplementedError("That compression method is not supported"),
     "dùng kiểu nén không được hỗ trợ"),
    (RuntimeError("File is encrypted, password required for extraction"), "được đặt mật khẩu"),
    (EOFError("Compressed file ended before the end-of-stream marker was reached"),
     "bị cắt cụt (tải về hoặc sao chép chưa hết)"),
    (zlib.error("Error -3 while decompressing data: invalid distance too far back"),
     "dữ liệu nén bị hỏng"),
    (ValueError("XmlError: sheetData"), "nội dung XML của trang tính bị cắt cụt hoặc hỏng"),
    (ValueError("something else entirely"), "nội dung tệp bị hỏng hoặc không đúng định dạng"),
])
def test_each_readers_error_has_its_vietnamese_reason(exc, said):
    assert file_fault(exc) == said


# --- fault 24.3: a damaged .xls, an .xlsx or .ods cut short: told as damaged, never as memory --
from corpus_rows import regs, titled  # noqa: E402
from corpus_writers import write_ods, write_xls, write_xlsx  # noqa: E402
from thidua.ingest.olecheck import BAD_CHAIN, NO_DIRECTORY, NO_SIGNATURE  # noqa: E402
from thidua.ingest.workbook import TRUNCATED  # noqa: E402


def _written(tmp_path, writer, suffix: str) -> bytes:
    path = tmp_path / f"base{suffix}"
    writer(path, [titled("Q-DD", regs(6))])
    return path.read_bytes()


def _sector(data: bytes, header_offset: int) -> slice:
    """The 512-byte sector whose number the OLE header holds at ``header_offset``
    (0x4C: the first FAT sector, 0x30: the first directory sector)."""
    n = int.from_bytes(data[header_offset:header_offset + 4], "little")
    return slice((n + 1) * 512, (n + 2) * 512)


def _set(data: bytes, where: slice, byte: int) -> bytes:
    out = bytearray(data)
    out[where] = bytes([byte]) * (where.stop - where.start)
    return bytes(out)


def _content_cut(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            part = src.read(info.filename)
            dst.writestr(info, part[:len(part) // 2] if info.filename == "content.xml" else part)
    return out.getvalue()


CUT_CONTENT = ("Tệp bị hỏng: phần 'content.xml' bên trong tệp bị cắt cụt (nội dung dừng giữa "
               "chừng); đề nghị mở thử tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi "
               "gửi lại.")


@pytest.mark.parametrize("suffix, damage, problem", [
    # the fifth tester's F10: the last KiB zeroed (directory gone) read as "needs 2,1 GB"
    (".xls", lambda d: d[:-1024] + bytes(1024), NO_DIRECTORY),
    (".xls", lambda d: _set(d, _sector(d, 0x30), 0), NO_DIRECTORY),
    (".xls", lambda d: _set(d, _sector(d, 0x4C), 0), BAD_CHAIN),  # FAT zeroed: a loop
    (".xls", lambda d: _set(d, _sector(d, 0x4C), 0xFF), BAD_CHAIN),  # FAT all free
    (".xls", lambda d: bytes(8) + d[8:], NO_SIGNATURE),
    (".xls", lambda d: d[:len(d) // 2], TRUNCATED),
    (".xls", lambda d: d[:len(d) * 3 // 4], TRUNCATED),
    (".xlsx", lambda d: d[:-60], TRUNCATED),  # the zip's directory cut
    (".xlsx", lambda d: d[:len(d) // 2], TRUNCATED),
    (".ods", lambda d: d[:len(d) // 2], TRUNCATED),
    (".ods", _content_cut, CUT_CONTENT),
], ids=["xls-tail-zeroed", "xls-directory-zeroed", "xls-fat-zeroed", "xls-fat-free",
        "xls-signature-wiped", "xls-half", "xls-three-quarters", "xlsx-directory-cut",
        "xlsx-half", "ods-half", "ods-content-cut"])
def test_a_damaged_file_is_told_what_is_damaged_and_the_fix(tmp_path, context, suffix, damage,
                                                             problem):
    writer = {".xls": write_xls, ".xlsx": write_xlsx, ".ods": write_ods}[suffix]
    path = tmp_path / f"Q-DD_dvk{suffix}"
    path.write_bytes(damage(_written(tmp_path, writer, suffix)))
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit, result.problem) == ("rejected", "Q-DD", problem)
    assert "bộ nhớ" not in result.problem


def test_the_damage_messages_say_what_and_the_fix():
    assert NO_DIRECTORY == (
        "Tệp .xls bị hỏng: mục lục bên trong tệp bị xóa trắng hoặc hỏng, không thấy phần dữ liệu "
        "bảng tính (Workbook); đề nghị mở thử tệp bằng Excel trên máy đã lập tệp: nếu mở được, "
        "lưu lại dạng .xlsx rồi gửi lại; nếu không, gửi lại tệp gốc.")
    assert TRUNCATED == ("Tệp bị hỏng: nội dung không đầy đủ (có thể do tải lên hoặc gửi thư bị "
                         "gián đoạn); đề nghị mở thử tệp trên máy rồi gửi lại.")


@pytest.mark.parametrize("suffix", [".xls", ".xlsx", ".ods"])
def test_the_undamaged_files_read_whole(tmp_path, context, suffix):
    writer = {".xls": write_xls, ".xlsx": write_xlsx, ".ods": write_ods}[suffix]
    path = tmp_path / f"Q-DD_dvk{suffix}"
    path.write_bytes(_written(tmp_path, writer, suffix))
    assert ingest_file(input_file(path), context).rows["valid"] == 6
