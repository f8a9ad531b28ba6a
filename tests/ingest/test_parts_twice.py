"""A package holding one of its parts twice with different content is rejected, naming the
part: which copy a reader takes is its own choice, and the last one (Python's ``zipfile``,
calamine) may be an older copy appended by a zip tool (fresh tester T's T073, T223, T225: 5
counted of 8, a correction's new row lost silently; :func:`thidua.ingest.packageparts.
twice_stored`)."""

from __future__ import annotations

import io
import os
import zipfile

import pytest

from corpus_rows import regs, titled
from corpus_writers import write_ods, xlsx_bytes
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.packageparts import twice_stored

EIGHT = xlsx_bytes([titled("S-01", regs(8))])
FIVE = xlsx_bytes([titled("S-01", regs(5))])
SHEET = "xl/worksheets/sheet1.xml"
SAID = ("Tệp bị hỏng: phần '{}' có 2 bản khác nhau bên trong tệp (tệp nén ghi trùng tên một "
        "phần), nên không biết bản nào là dữ liệu đúng; đề nghị mở tệp bằng Excel (hoặc "
        "LibreOffice), lưu lại rồi gửi lại.")


def _part(data: bytes, part: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return src.read(part)


def _with_copy(data: bytes, part: str, copy: bytes, name: str | None = None,
               first: bool = False) -> bytes:
    """``data`` with a second entry for ``part`` (named ``name``, default the same) holding
    ``copy``, after the first (``first``: before it)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == part and first:
                dst.writestr(zipfile.ZipInfo(name or part), copy)
            dst.writestr(zipfile.ZipInfo(info.filename), body)
            if info.filename == part and not first:
                dst.writestr(zipfile.ZipInfo(name or part), copy)
    return out.getvalue()


def _ingest(tmp_path, context, data: bytes, name: str = "S-01_dang-ky.xlsx"):
    path = tmp_path / name
    path.write_bytes(data)
    return ingest_file(input_file(path), context)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("name, first", [(SHEET, False), (SHEET, True),
                                         ("xl/worksheets/Sheet1.xml", False),
                                         ("xl\\worksheets\\sheet1.xml", False)])
def test_a_sheet_stored_twice_rejects_the_file_naming_it(tmp_path, corpus_context, name, first):
    data = _with_copy(EIGHT, SHEET, _part(FIVE, SHEET), name, first)
    result = _ingest(tmp_path, corpus_context, data)
    shown = SHEET if first else name
    assert (result.status, result.problem) == ("rejected", SAID.format(shown))
    assert result.rows["valid"] == 0


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_three_copies_are_counted_and_the_last_one_named():
    data = _with_copy(EIGHT, SHEET, _part(FIVE, SHEET), "xl/worksheets/Sheet1.xml")
    data = _with_copy(data, SHEET, _part(EIGHT, SHEET) + b" ", "xl/worksheets/SHEET1.xml")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert [i.filename for i in z.infolist() if i.filename.lower() == SHEET.lower()] == [
            SHEET, "xl/worksheets/SHEET1.xml", "xl/worksheets/Sheet1.xml"]
        assert twice_stored(z) == SAID.replace("2 bản", "3 bản").format("xl/worksheets/Sheet1.xml")


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("part", ["xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml",
                                  "xl/_rels/workbook.xml.rels"])
def test_any_part_that_says_what_the_file_holds_counts(part):
    with zipfile.ZipFile(io.BytesIO(_with_copy(EIGHT, part, _part(FIVE, part) + b" "))) as z:
        assert twice_stored(z) == SAID.format(part)


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_copies_with_the_same_bytes_or_of_the_file_s_properties_are_read(tmp_path, corpus_context):
    same = _with_copy(EIGHT, SHEET, _part(EIGHT, SHEET))
    assert _ingest(tmp_path, corpus_context, same).rows["valid"] == 8
    props = _with_copy(EIGHT, "docProps/app.xml", b"<Properties/>")
    with zipfile.ZipFile(io.BytesIO(props)) as z:
        assert twice_stored(z) is None
    assert _ingest(tmp_path, corpus_context, props).rows["valid"] == 8


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_an_ods_content_stored_twice_is_rejected(tmp_path, corpus_context):
    for n in (8, 5):
        write_ods(tmp_path / f"{n}.ods", [titled("S-01", regs(n))])
    eight, five = ((tmp_path / f"{n}.ods").read_bytes() for n in (8, 5))
    data = _with_copy(eight, "content.xml", _part(five, "content.xml"))
    result = _ingest(tmp_path, corpus_context, data, "S-01_dang-ky.ods")
    assert (result.status, result.problem) == ("rejected", SAID.format("content.xml"))


@pytest.mark.filterwarnings("ignore:Duplicate name")
def test_a_damaged_correction_leaves_the_unit_s_list_counted(tmp_path):
    """T225: the correction (9 rows) appended its old sheet again: rejected and told, the
    original (8) counted."""
    from conftest import CORPUS_REGISTRY
    from thidua.check import check_year

    raw = tmp_path / "2024"
    raw.mkdir()
    (raw / "S-01_dang-ky.xlsx").write_bytes(EIGHT)
    nine = xlsx_bytes([titled("S-01", regs(9))])
    (raw / "S-01_dang-ky (sửa).xlsx").write_bytes(_with_copy(nine, SHEET, _part(EIGHT, SHEET)))
    os.utime(raw / "S-01_dang-ky.xlsx", (1_733_000_000, 1_733_000_000))
    check = check_year(2024, raw, CORPUS_REGISTRY)
    status = {r.file: (r.status, r.rows["valid"]) for r in check.results}
    assert status == {"S-01_dang-ky.xlsx": ("used", 8), "S-01_dang-ky (sửa).xlsx": ("rejected", 0)}
    used = next(r for r in check.results if r.status == "used")
    assert "S-01_dang-ky (sửa).xlsx" in used.choice and "bị từ chối" in used.choice
