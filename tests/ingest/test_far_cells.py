"""A few stray cells far outside the form (a value typed in ``A1048576`` after Ctrl+↓, or in
a far column) no longer reject the whole file: they are left out, told with their values, and
every registration of the sheet counts (:mod:`thidua.ingest.farcells`). More than
:data:`~thidua.ingest.farcells.MAX_FAR_CELLS` of them in a sheet still reject the file."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from corpus_damaged import SHEET, good, zip_with
from thidua.ingest import farcells
from thidua.ingest.farcells import FarCells, far_cells_note, without_far_cells
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.isolation import checked_parse
from thidua.ingest.prescan import check_bytes
from helpers import input_file, row, write_xlsx

ROWS = [row(stt=1, model="Mô hình thứ nhất tốt"), row(stt=2, model="Mô hình thứ hai tốt"),
        row(stt=3, model="Mô hình thứ ba tốt", type_="Cá nhân", registrant="Nguyễn Văn A",
            position="Chủ tịch")]
ADVICE = ("nằm quá xa bảng (sau dòng 100.000 hoặc sau cột thứ 1.000) nên không được đọc; đã "
          "đọc phần còn lại của trang. Nếu đó là dòng đăng ký, đề nghị chuyển lên ngay dưới "
          "bảng; nếu không, đề nghị xóa rồi gửi lại.")


def _workbook(tmp_path, cells: dict[str, object], sheet="Danh sách", more_sheets=()):
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", ROWS, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      sheet=sheet)
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb.active[ref] = value
    for name, refs in more_sheets:
        ws = wb.create_sheet(name)
        ws.append(["Hướng dẫn điền biểu"])
        for ref, value in refs.items():
            ws[ref] = value
    wb.save(path)
    return path


def _with_far_row(cells: bytes) -> bytes:
    """A good workbook whose sheet holds ``cells`` (XML) on row 100.001, past the bounds."""
    return zip_with(good("D-00"), {SHEET: lambda x: x.replace(
        b"</sheetData>", b'<row r="100001">' + cells + b"</row></sheetData>")})


def _far(data: bytes) -> FarCells:
    """What :func:`check_bytes` raises for a workbook with far cells."""
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".xlsx")
    return caught.value


@pytest.mark.parametrize("cells, said", [
    ({"A1048576": "x"}, "ô A1048576 ('x')"),
    ({"AD150000": 5}, "ô AD150000 ('5')"),
    ({"WQJ200": "ghi chú"}, "ô WQJ200 ('ghi chú')"),
    ({"ALM5": "cột 1.001"}, "ô ALM5 ('cột 1.001')"),
    ({"A100001": "dòng 100.001"}, "ô A100001 ('dòng 100.001')"),
    ({"A1048576": "x", "B1048576": "y"}, "ô A1048576 ('x'), ô B1048576 ('y')"),
])
def test_a_stray_far_cell_is_left_out_told_and_every_registration_counts(tmp_path, context,
                                                                         cells, said):
    result = ingest_file(input_file(_workbook(tmp_path, cells)), context)
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert f"Trang 'Danh sách': {said} {ADVICE}" in result.remarks


@pytest.mark.parametrize("cells", [{"ALL5": "x"}, {"A100000": "y"}])
def test_cells_just_inside_the_bounds_are_read_as_ever(tmp_path, context, cells):
    result = ingest_file(input_file(_workbook(tmp_path, cells)), context)
    assert result.status == USED
    assert not [r for r in result.remarks if "quá xa bảng" in r]


def test_each_sheet_with_far_cells_is_told_by_its_name(tmp_path, context):
    path = _workbook(tmp_path, {"A1048576": "x"},
                     more_sheets=[("Hướng dẫn", {"XFD7": "y"})])
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.rows["valid"] == 3
    told = [r for r in result.remarks if "quá xa bảng" in r]
    assert sorted(told) == [f"Trang 'Danh sách': ô A1048576 ('x') {ADVICE}",
                            f"Trang 'Hướng dẫn': ô XFD7 ('y') {ADVICE}"]


def test_a_long_far_value_is_shown_cut_and_more_than_five_cells_with_their_count(tmp_path,
                                                                                 context):
    cells = {f"A{1048570 + i}": f"v{i}" for i in range(7)} | {"B1048576": "x" * 600}
    result = ingest_file(input_file(_workbook(tmp_path, cells)), context)
    told = next(r for r in result.remarks if "quá xa bảng" in r)
    assert told.startswith("Trang 'Danh sách': ô A1048570 ('v0'), ô A1048571 ('v1'), ô A1048572 "
                           "('v2'), ô A1048573 ('v3'), ô A1048574 ('v4'), … (8 ô) nằm quá xa")
    shown = far_cells_note("S", [("B1", "x" * 600)])
    assert shown.startswith("Trang 'S': ô B1 ('" + "x" * 100 + "…') nằm")
    assert far_cells_note("S", [("B1", "")]).startswith("Trang 'S': ô B1 nằm")


def test_up_to_the_limit_of_far_cells_the_file_is_read_past_it_rejected(tmp_path, context,
                                                                         monkeypatch):
    monkeypatch.setattr(farcells, "MAX_FAR_CELLS", 3)
    monkeypatch.setattr("thidua.ingest.prescan.MAX_FAR_CELLS", 3)
    three = {f"A{1048574 + i}": i + 1 for i in range(3)}
    data = _workbook(tmp_path, three).read_bytes()
    parsed = checked_parse(data, ".xlsx")
    assert [r for r in parsed.remarks if "(3 ô)" in r or "ô A1048576 ('3')" in r]
    four = {f"A{1048573 + i}": i + 1 for i in range(4)}
    with pytest.raises(FarCells.__mro__[1]) as caught:  # FileRejected, not FarCells
        check_bytes(_workbook(tmp_path, four).read_bytes(), ".xlsx")
    assert not isinstance(caught.value, FarCells)
    assert str(caught.value).startswith("Tệp vượt quá giới hạn số dòng của trang tính: có ô "
                                        "A1048573 ở dòng 1.048.573 (giới hạn 100.000 dòng)")


def test_the_default_limit_is_a_hundred_cells():
    assert farcells.MAX_FAR_CELLS == 100 and farcells.NAMED_CELLS == 5


def test_a_far_cell_is_named_with_its_sheet_part_and_cells():
    data = _with_far_row(b'<c r="B100001"><v>1</v></c>')
    found = _far(data)
    assert (found.part, found.cells) == (SHEET, ((100001, 2, "B100001"),))
    assert str(found).startswith("Tệp vượt quá giới hạn số dòng của trang tính: có ô "
                                        "B100001 ở dòng 100.001")
    trimmed, note = without_far_cells(data, found)
    check_bytes(trimmed, ".xlsx")  # nothing far is left
    with zipfile.ZipFile(io.BytesIO(trimmed)) as archive:
        assert b"B100001" not in archive.read(SHEET)


@pytest.mark.parametrize("cell, value", [
    ('<c r="B100001" t="inlineStr"><is><t>chữ</t></is></c>'.encode(), "chữ"),
    (b'<c r="B100001"><v>12.5</v></c>', "12.5"),
    ('<c r="B100001" t="str"><f>A1</f><v>kết quả</v></c>'.encode(), "kết quả"),
    (b'<c r="B100001" s="1" t="b"><v>1</v></c>', "1"),
])
def test_a_far_cell_s_value_is_shown_as_written(cell, value):
    data = _with_far_row(cell)
    _, note = without_far_cells(data, _far(data))
    assert f"ô B100001 ('{value}') nằm" in note


def test_a_far_cell_written_twice_or_without_its_reference_keeps_the_file_rejected():
    twice = _with_far_row(b'<c r="B100001"><v>1</v></c><c r="B100001"><v>2</v></c>')
    assert without_far_cells(twice, _far(twice)) is None
    with pytest.raises(FarCells.__mro__[1], match="có ô B100001 ở dòng 100.001"):
        checked_parse(twice, ".xlsx")


def test_a_damaged_zip_cannot_be_trimmed():
    assert without_far_cells(b"PK\x03\x04 not a zip", FarCells("x", SHEET, ((1, 1, "A1"),))) \
        is None


# --- in this process (a mutation run cannot see the parsing worker) --------------------------
@pytest.mark.parametrize("sheet", ["Danh sách", "Sheet1", "DS mô hình 2024"])
def test_the_note_names_the_sheet_and_a_shared_string_s_text(tmp_path, sheet):
    data = _workbook(tmp_path, {"A1048576": "chữ ở cuối", "B1048576": 7}, sheet=sheet).read_bytes()
    trimmed, note = without_far_cells(data, _far(data))
    assert note == (f"Trang '{sheet}': ô A1048576 ('chữ ở cuối'), ô B1048576 ('7') {ADVICE}")
    with zipfile.ZipFile(io.BytesIO(trimmed)) as archive:
        assert {i.compress_type for i in archive.infolist()} == {zipfile.ZIP_DEFLATED}
        assert archive.namelist() == zipfile.ZipFile(io.BytesIO(data)).namelist()
    parsed = checked_parse(data, ".xlsx")
    assert parsed.remarks[0] == note and parsed.first.sheet == sheet
    assert len(parsed.first.grid) < 100  # the far row is gone from the grid


def test_the_second_sheet_s_name_comes_from_the_workbook_s_relationships(tmp_path):
    data = _workbook(tmp_path, {}, more_sheets=[("Hướng dẫn", {"XFD7": "y"})]).read_bytes()
    found = _far(data)
    assert found.part == "xl/worksheets/sheet2.xml"
    assert without_far_cells(data, found)[1] == f"Trang 'Hướng dẫn': ô XFD7 ('y') {ADVICE}"


def test_a_sheet_the_workbook_does_not_name_is_named_by_its_part():
    data = zip_with(good("D-00"), {SHEET: lambda x: x.replace(b"</sheetData>", (
        b'<row r="100001"><c r="B100001"><v>1</v></c></row></sheetData>'))},
        {"xl/worksheets/sheet9.xml": b""})
    found = FarCells("x", SHEET, ((100001, 2, "B100001"),))
    assert without_far_cells(data, found)[1].startswith("Trang 'Danh sách': ô B100001 ('1')")
    lonely = FarCells("x", "xl/worksheets/sheet9.xml", ())
    assert without_far_cells(data, lonely)[1].startswith("Trang 'xl/worksheets/sheet9.xml':")


def test_a_far_cell_over_several_lines_is_taken_out_whole():
    data = _with_far_row(b'<c r="B100001" t="inlineStr">\n<is>\n<t>a\nb</t>\n</is>\n</c>')
    trimmed, note = without_far_cells(data, _far(data))
    assert "ô B100001 ('a\nb')" in note
    with zipfile.ZipFile(io.BytesIO(trimmed)) as archive:
        assert b"B100001" not in archive.read(SHEET)


def test_five_cells_are_named_without_a_count_six_with_it():
    five = far_cells_note("S", [(f"A{i}", "x") for i in range(5)])
    assert "…" not in five and five.count("ô A") == 5
    six = far_cells_note("S", [(f"A{i}", "x") for i in range(6)])
    assert ", … (6 ô)" in six and six.count("ô A") == 5


def test_an_excel_written_far_cell_its_shared_string_and_a_relative_target():
    """Excel (unlike openpyxl) keeps text in the shared strings and names each sheet's part
    relative to ``xl/``: both read as Excel writes them."""
    sst = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
           'spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>một</t></si><si><r><t>'
           'thứ </t></r><r><t>hai</t></r></si></sst>').encode()
    data = zip_with(good("D-00"), {
        SHEET: lambda x: x.replace(b"</sheetData>", (
            b'<row r="100001"><c r="B100001" s="0" t="s"><v>1</v></c></row></sheetData>')),
        "xl/_rels/workbook.xml.rels": lambda x: x.replace(b'Target="/xl/worksheets/sheet1.xml"',
                                                          b'Target="worksheets/sheet1.xml"')},
        {"xl/sharedStrings.xml": sst})
    assert without_far_cells(data, _far(data))[1] == (
        f"Trang 'Danh sách': ô B100001 ('thứ hai') {ADVICE}")
