"""A workbook whose decoration is broken (styles, theme, properties) is read, told; a workbook
whose data is broken stays rejected."""

from __future__ import annotations

import io
import zipfile
import zlib

import pytest

from corpus_rows import regs, titled
from corpus_writers import write_ods, xlsx_bytes
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.salvage import without_broken_parts


def _mutated(data: bytes, part: str, body: bytes | None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            if info.filename == part:
                if body is not None:
                    dst.writestr(info, body)
            else:
                dst.writestr(info, src.read(info.filename))
    return out.getvalue()


def _half(data: bytes, part: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        body = src.read(part)
    return _mutated(data, part, body[: len(body) // 2])


XLSX = xlsx_bytes([titled("S-01", regs(3))])


@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/theme/theme1.xml", "docProps/core.xml"])
def test_a_workbook_with_a_broken_decoration_part_is_read(tmp_path, corpus_context, part):
    path = tmp_path / "S-01_hong-mot-phan.xlsx"
    path.write_bytes(_half(XLSX, part))
    result = ingest_file(input_file(path), corpus_context)
    assert result.status == "used", result.problem
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist() == [r[1] for r in regs(3)]
    salvaged = [n for n in result.remarks if n.startswith("Tệp bị hỏng một phần")]
    # the spreadsheet reader refuses a broken styles part (salvaged, told); it ignores others
    assert salvaged == ([f"Tệp bị hỏng một phần ({part} không đọc được): đã đọc dữ liệu nhưng bỏ "
                         f"qua phần hỏng, định dạng ô (ví dụ ngày tháng) có thể bị mất; đề nghị "
                         f"mở tệp bằng Excel, lưu lại rồi gửi lại."]
                        if part == "xl/styles.xml" else [])


def test_a_broken_worksheet_or_workbook_part_still_rejects_the_file(tmp_path, corpus_context):
    for part in ("xl/worksheets/sheet1.xml", "xl/workbook.xml"):
        path = tmp_path / "S-01_hong.xlsx"
        path.write_bytes(_half(XLSX, part))
        result = ingest_file(input_file(path), corpus_context)
        assert result.status == "rejected"
        assert result.problem and "Tệp bị hỏng một phần" not in result.problem


def test_an_ods_with_broken_styles_is_read(tmp_path, corpus_context):
    path = tmp_path / "S-01_hong.ods"
    write_ods(path, [titled("S-01", regs(2))])
    path.write_bytes(_half(path.read_bytes(), "styles.xml"))
    result = ingest_file(input_file(path), corpus_context)
    assert result.status == "used", result.problem
    assert result.rows["valid"] == 2


def test_nothing_to_salvage_when_every_part_is_whole_or_the_bytes_are_no_zip():
    assert without_broken_parts(XLSX) is None
    assert without_broken_parts(b"not a zip") is None
    fixed, dropped = without_broken_parts(_half(XLSX, "xl/styles.xml"))
    assert dropped == ("xl/styles.xml không đọc được",)
    with zipfile.ZipFile(io.BytesIO(fixed)) as z:
        assert "xl/styles.xml" not in z.namelist()
        assert "xl/worksheets/sheet1.xml" in z.namelist()


@pytest.mark.parametrize("part, body, said", [
    ("META-INF/manifest.xml", None, "thiếu META-INF/manifest.xml"),
    ("META-INF/manifest.xml", b"<manifest:manifest", "META-INF/manifest.xml không đọc được"),
    ("mimetype", None, "thiếu mimetype"),
])
def test_an_ods_without_its_package_description_is_read(tmp_path, corpus_context, part, body,
                                                         said):
    """LibreOffice repairs an .ods without its ``mimetype`` or manifest (they only describe
    the package); the reader refused it whole ("not a workbook"), every registration lost."""
    path = tmp_path / "S-01_hong.ods"
    write_ods(path, [titled("S-01", regs(2))])
    path.write_bytes(_mutated(path.read_bytes(), part, body))
    result = ingest_file(input_file(path), corpus_context)
    assert (result.status, result.rows["valid"]) == ("used", 2), result.problem
    assert result.registrations["model"].tolist() == [r[1] for r in regs(2)]
    assert [n for n in result.remarks if n.startswith("Tệp bị hỏng một phần")] == [
        f"Tệp bị hỏng một phần ({said}): đã đọc dữ liệu nhưng bỏ qua phần hỏng, định dạng ô "
        f"(ví dụ ngày tháng) có thể bị mất; đề nghị mở tệp bằng Excel, lưu lại rồi gửi lại."]


def _crc_broken(data: bytes, part: str) -> bytes:
    """``data`` with one byte in the middle of ``part``'s deflated body changed, its CRC-32
    kept: the part no longer inflates (``Bad CRC-32`` or a deflate error)."""
    raw = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo(part)
        assert info.compress_type == zipfile.ZIP_DEFLATED
        name_len = int.from_bytes(raw[info.header_offset + 26:info.header_offset + 28], "little")
        extra_len = int.from_bytes(raw[info.header_offset + 28:info.header_offset + 30], "little")
        at = info.header_offset + 30 + name_len + extra_len + info.compress_size // 2
    raw[at] ^= 0xFF
    return bytes(raw)


@pytest.mark.parametrize("part, told", [("xl/styles.xml", True), ("xl/theme/theme1.xml", False),
                                        ("docProps/core.xml", False)])
def test_a_decoration_part_that_does_not_inflate_is_gone_round(tmp_path, corpus_context, part,
                                                                told):
    # a damaged byte in a decoration's part (its CRC-32 no longer matches): the file was
    # rejected "phần '…' không giải nén được"; the cells are intact, so they are read
    data = _crc_broken(XLSX, part)
    with zipfile.ZipFile(io.BytesIO(data)) as z, pytest.raises((zipfile.BadZipFile, zlib.error)):
        z.read(part)
    path = tmp_path / "S-01_crc.xlsx"
    path.write_bytes(data)
    result = ingest_file(input_file(path), corpus_context)
    assert (result.status, result.rows["valid"]) == ("used", 3), result.problem
    salvaged = [n for n in result.remarks if n.startswith("Tệp bị hỏng một phần")]
    assert salvaged == ([f"Tệp bị hỏng một phần ({part} không đọc được): đã đọc dữ liệu nhưng bỏ "
                         f"qua phần hỏng, định dạng ô (ví dụ ngày tháng) có thể bị mất; đề nghị "
                         f"mở tệp bằng Excel, lưu lại rồi gửi lại."] if told else [])


def test_a_worksheet_that_does_not_inflate_stays_rejected(tmp_path, corpus_context):
    path = tmp_path / "S-01_crc.xlsx"
    path.write_bytes(_crc_broken(XLSX, "xl/worksheets/sheet1.xml"))
    result = ingest_file(input_file(path), corpus_context)
    assert result.status == "rejected"
    assert result.problem.startswith("Tệp bị hỏng: phần 'xl/worksheets/sheet1.xml' bên trong tệp "
                                     "không giải nén được: sai mã kiểm tra (CRC)")
