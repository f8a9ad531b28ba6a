"""An ``.xlsx`` missing a part it cannot be opened without, or holding it broken, is rejected
naming that part (was: "not a workbook", or "empty file" with a hint about formulas;
``thidua/ingest/packageparts.py``)."""

from __future__ import annotations

import io
import zipfile

import pytest

from corpus_rows import regs, titled
from corpus_writers import xlsx_bytes
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.packageparts import broken_package

XLSX = xlsx_bytes([titled("S-01", regs(3))])
ADVICE = "đề nghị mở thử tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại."


def _changed(data: bytes, part: str, body: bytes | None, rename: str | None = None) -> bytes:
    """``data`` with ``part`` replaced by ``body`` (``None``: left out) or renamed."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == part:
                if rename:
                    dst.writestr(rename, content)
                elif body is not None:
                    dst.writestr(info, body)
            else:
                dst.writestr(info, content)
    return out.getvalue()


def _body(data: bytes, part: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return src.read(part)


def _reason(data: bytes) -> str | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return broken_package(archive)


MISSING = "Tệp bị hỏng: thiếu phần '{}' ({}) bên trong tệp, nên không mở được như một bảng tính; "
BROKEN = ("Tệp bị hỏng: phần '{}' ({}) bên trong tệp không đúng định dạng XML, nên không mở "
          "được như một bảng tính; ")


@pytest.mark.parametrize("part, role", [
    ("_rels/.rels", "mục lục của tệp"),
    ("xl/workbook.xml", "danh sách trang tính"),
    ("xl/_rels/workbook.xml.rels", "vị trí các trang tính"),
])
def test_a_required_part_missing_or_broken_is_named(tmp_path, corpus_context, part, role):
    for data, said in ((_changed(XLSX, part, None), MISSING.format(part, role)),
                       (_changed(XLSX, part, _body(XLSX, part)[:40]), BROKEN.format(part, role))):
        assert _reason(data) == said + ADVICE
        path = tmp_path / "S-01_hong.xlsx"
        path.write_bytes(data)
        result = ingest_file(input_file(path), corpus_context)
        assert (result.status, result.problem) == ("rejected", said + ADVICE)


def test_a_sheet_the_workbook_lists_but_the_file_lacks_is_named(tmp_path, corpus_context):
    data = _changed(XLSX, "xl/worksheets/sheet1.xml", None)
    said = MISSING.format("xl/worksheets/sheet1.xml", "trang tính 'Danh sách'") + ADVICE
    assert _reason(data) == said
    path = tmp_path / "S-01_hong.xlsx"
    path.write_bytes(data)
    assert ingest_file(input_file(path), corpus_context).problem == said


def test_an_intact_workbook_and_lenient_spellings_pass():
    assert _reason(XLSX) is None
    # a part's name in other case, or a target written from the root: a reader still finds it
    upper = _changed(XLSX, "xl/worksheets/sheet1.xml", None, rename="xl/worksheets/Sheet1.xml")
    assert _reason(upper) is None
    rels = _body(XLSX, "xl/_rels/workbook.xml.rels").replace(
        b'Target="worksheets/sheet1.xml"', b'Target="/xl/worksheets/sheet1.xml"')
    assert b"/xl/worksheets/sheet1.xml" in rels
    assert _reason(_changed(XLSX, "xl/_rels/workbook.xml.rels", rels)) is None
    # an .ods (no ``xl/`` part) and a binary .xlsb workbook part are left to the reader
    assert _reason(_changed(XLSX, "xl/workbook.xml", None, rename="content.xml")) is not None
    ods = io.BytesIO()
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<x/>")
    assert _reason(ods.getvalue()) is None
    assert _reason(_changed(ods.getvalue(), "content.xml", None)) == MISSING.format(
        "content.xml", "nội dung bảng tính") + ADVICE
    assert _reason(_changed(ods.getvalue(), "mimetype", None, rename="other.txt")) is None
    package = _body(XLSX, "_rels/.rels").replace(b"xl/workbook.xml", b"xl/workbook.bin")
    binary = _changed(_changed(XLSX, "_rels/.rels", package), "xl/workbook.xml", None,
                      rename="xl/workbook.bin")
    binary = _changed(binary, "xl/_rels/workbook.xml.rels", None,
                      rename="xl/_rels/workbook.bin.rels")
    binary = _changed(binary, "xl/workbook.bin", b"\x83\x01\x00\x00binary records")
    assert _reason(binary) is None
