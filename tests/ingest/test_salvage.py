"""A workbook whose decoration is broken (styles, theme, properties) is read, told; a workbook
whose data is broken stays rejected."""

from __future__ import annotations

import io
import zipfile

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
