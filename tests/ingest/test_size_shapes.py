"""Ordinary files whose size or shape once rejected or stalled them whole (fresh tester M's
M041, M046, M050, M051): cells holding nothing (an empty text, spaces) count for no limit and
are never read into the grid, a lone far cell that alone makes a sheet too large is left out
and told, a federation's sheet per grassroots union fits the limit of sheets, and a workbook
of many sheets is read in time (``thidua/ingest/farcells.py``, ``prescan.py``, ``limits.py``)."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

from thidua.ingest import farcells, prescan, sheetchoice, sheetscan
from thidua.ingest.farcells import BlankCells, without_blank_cells
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.isolation import checked_parse
from thidua.ingest.prescan import blank_strings, check_bytes
from thidua.ingest.read import raw_rows
from thidua.ingest.workbook import FileRejected
from helpers import input_file, row, write_xlsx

SHEET = "xl/worksheets/sheet1.xml"
ROWS = [row(stt=1, model="Mô hình thứ nhất tốt"), row(stt=2, model="Mô hình thứ hai tốt"),
        row(stt=3, model="Mô hình thứ ba tốt", type_="Cá nhân", registrant="Nguyễn Văn A",
            position="Chủ tịch")]
TITLE = ["Mã đơn vị: Q-DD", "Năm: 2024"]
ROWS_LIMIT = ("Tệp vượt quá giới hạn số dòng của trang tính: có ô A100001 ở dòng 100.001 "
              "(giới hạn 100.000 dòng)")


def _book(tmp_path, cells: dict[str, object] = (), name="Q-DD_dk.xlsx") -> bytes:
    path = write_xlsx(tmp_path / name, ROWS, title=TITLE)
    wb = openpyxl.load_workbook(path)
    for ref, value in dict(cells).items():
        wb.active[ref] = value
    wb.save(path)
    return path.read_bytes()


def _with_rows(data: bytes, rows: bytes, sst: bytes | None = None) -> bytes:
    """``data`` with ``rows`` (XML) added at the end of its sheet, and a shared-strings part."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w",
                                                                   zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == SHEET:
                body = body.replace(b"</sheetData>", rows + b"</sheetData>")
            dst.writestr(info.filename, body)
        if sst is not None:
            dst.writestr("xl/sharedStrings.xml", sst)
    return out.getvalue()


def _empty_formulas(first: int, last: int) -> bytes:
    """Excel's ``=IF(B9="","",ROW()-8)`` filled down, each saved as the empty text."""
    return b"".join(f'<row r="{r}"><c r="A{r}" t="str"><f>IF(B{r}="","",ROW()-8)</f><v></v>'
                    f'</c></row>'.encode() for r in range(first, last + 1))


def _file(tmp_path, data: bytes, name="Q-DD_dk.xlsx"):
    path = tmp_path / name
    path.write_bytes(data)
    return input_file(path)


def test_a_template_s_empty_formulas_past_the_row_limit_hold_nothing(tmp_path, context):
    """M041: ``STT`` = ``=IF(B9="","",ROW()-8)`` filled down to row 100.010 below three rows."""
    data = _with_rows(_book(tmp_path), _empty_formulas(8, 100_010))
    with pytest.raises(BlankCells) as caught:  # the values end at row 7: the rest is emptied
        check_bytes(data, ".xlsx")
    assert (caught.value.last_row, caught.value.last_col) == (7, 11)
    assert str(caught.value).startswith(ROWS_LIMIT)
    result = ingest_file(_file(tmp_path, data), context)
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert not [r for r in result.remarks if "quá xa bảng" in r]


def test_emptied_cells_leave_the_grid_at_the_values(tmp_path):
    data = _with_rows(_book(tmp_path, {"M2": " "}), _empty_formulas(8, 100_010)
                      + b'<row r="100011"><c r="B100011" t="inlineStr"><is><t>  </t></is></c>'
                        b'<c r="C100011" s="1"/></row>')
    parsed = checked_parse(data, ".xlsx")
    [sheet] = parsed.sheets
    assert len(sheet.grid) == 7 and max(len(r) for r in sheet.grid) == 11  # M2's space too
    assert list(raw_rows(sheet)["model"]) == ["Mô hình thứ nhất tốt", "Mô hình thứ hai tốt",
                                              "Mô hình thứ ba tốt"]
    assert parsed.remarks == ()


def test_a_space_far_down_and_a_letter_far_right_as_a_converted_xls_has(tmp_path, context):
    """M050: a space in ``A65536`` and ``x`` in ``IV1``: 65.536 × 256 cells were over the limit;
    the space holds nothing, and ``x`` alone is read where it is."""
    data = _book(tmp_path, {"A65536": " ", "IV1": "x"})
    check_bytes(_book(tmp_path, {"IV1": "x"}), ".xlsx")  # the letter alone passes
    with pytest.raises(BlankCells):
        check_bytes(data, ".xlsx")
    result = ingest_file(_file(tmp_path, data), context)
    assert result.status == USED
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}


def test_a_shared_string_of_spaces_holds_nothing_and_other_strings_do():
    sst = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           b'2006/main" count="5" uniqueCount="5"><si><t>a</t></si><si><t xml:space="preserve">'
           b'  </t></si><si><t/></si><si><r><t> </t></r><r><t>b</t></r></si><si><t> </t>'
           b'<rPh sb="0" eb="1"><t>x</t></rPh></si></sst>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/sharedStrings.xml", sst)
    assert blank_strings(zipfile.ZipFile(io.BytesIO(out.getvalue()))) == {1, 2, 4}


def test_a_shared_string_of_spaces_far_down_is_emptied(tmp_path, context):
    sst = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
           b'2006/main"><si><t xml:space="preserve"> </t></si><si><t>ghi</t></si></sst>')
    base = _book(tmp_path)
    spaced = _with_rows(base, b'<row r="100005"><c r="A100005" t="s"><v>0</v></c></row>', sst)
    with pytest.raises(BlankCells):
        check_bytes(spaced, ".xlsx")
    written = _with_rows(base, b'<row r="100005"><c r="A100005" t="s"><v>1</v></c></row>', sst)
    with pytest.raises(farcells.FarCells):  # a value: far, told (test_far_cells.py)
        check_bytes(written, ".xlsx")


def test_empty_cells_that_cannot_be_taken_out_exactly_still_reject_the_file(tmp_path,
                                                                            context):
    no_number = _with_rows(_book(tmp_path), b'<row><c r="A100001" t="str"><f>1</f><v></v></c>'
                                            b'</row>' + _empty_formulas(100_002, 100_003))
    with pytest.raises(BlankCells) as caught:
        check_bytes(no_number, ".xlsx")
    assert without_blank_cells(no_number, caught.value) is None
    result = ingest_file(_file(tmp_path, no_number), context)
    assert result.status != USED and ROWS_LIMIT in result.problem


def test_a_lone_note_far_right_of_many_rows_is_left_out_and_told(tmp_path, monkeypatch):
    """M051: 6.000 rows and a note in ``ALL1`` (column 1.000): 6.008.000 cells. Here the limit
    of cells is lowered (the rule, not the size, is tested; M051 itself was run by hand)."""
    for module in (prescan, farcells, sheetscan):
        monkeypatch.setattr(module, "MAX_CELLS", 5_000)
    data = _book(tmp_path, {"ALL1": "Ghi chú: danh sách đã rà soát"})
    parsed = checked_parse(data, ".xlsx")
    [sheet] = parsed.sheets
    assert len(raw_rows(sheet)) == 3 and max(len(r) for r in sheet.grid) == 11
    assert parsed.remarks == (
        "Trang 'Danh sách': ô ALL1 ('Ghi chú: danh sách đã rà soát') nằm quá xa bảng (đọc cả "
        "thì trang vượt quá 5.000 ô) nên không được đọc; đã đọc phần còn lại của trang. Nếu "
        "đó là dòng đăng ký, đề nghị chuyển lên ngay dưới bảng; nếu không, đề nghị xóa rồi gửi "
        "lại.",)


def test_a_lone_row_far_down_of_a_wide_sheet_is_left_out_and_told(tmp_path, monkeypatch):
    for module in (prescan, farcells, sheetscan):
        monkeypatch.setattr(module, "MAX_CELLS", 5_000)
    data = _book(tmp_path, {"Z1": "rộng", "A900": "cuối"})  # 900 × 26 cells
    parsed = checked_parse(data, ".xlsx")
    assert len(parsed.sheets[0].grid) == 7
    assert parsed.remarks[0].startswith("Trang 'Danh sách': ô A900 ('cuối') nằm quá xa bảng")


def test_too_many_cells_far_out_still_reject_the_file(tmp_path, monkeypatch):
    for module in (prescan, farcells, sheetscan):
        monkeypatch.setattr(module, "MAX_CELLS", 5_000)
    cells = {f"ALL{r}": "x" for r in range(1, 8)} | {f"A{r}": "y" for r in range(500, 602)}
    data = _book(tmp_path, cells)
    with pytest.raises(FileRejected) as caught:
        checked_parse(data, ".xlsx")
    assert str(caught.value).startswith(
        "Tệp vượt quá giới hạn số ô của trang tính: 601.000 ô (601 dòng × 1.000 cột) (giới "
        "hạn 5.000 ô)")


def _sheets(n: int, rows_each: int = 1) -> bytes:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for i in range(1, n + 1):
        ws = wb.create_sheet(f"CĐCS {i}")
        ws.append(["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
                   "Chức vụ", "Cấp", "CĐCS", "Thời gian thực hiện", "Kết quả", "Ghi chú"])
        for k in range(rows_each):
            ws.append(row(stt=k + 1, model=f"Mô hình số {i}-{k} của cơ sở",
                          registrant=f"CĐCS Công ty số {i}", grassroots=f"CĐCS Công ty số {i}"))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_a_federation_s_sheet_per_grassroots_union_is_read(tmp_path, context):
    """M046: 230 sheets (a district has 265 grassroots unions); the former limit was 200."""
    result = ingest_file(_file(tmp_path, _sheets(230), "Q-DD_2024.xlsx"), context)
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 230, "valid": 230, "rejected": 0, "ignored": 0}


def test_more_sheets_than_the_limit_reject_the_file():
    names = [f"xl/worksheets/sheet{i}.xml" for i in range(1, 1002)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name in names:
            z.writestr(name, b"<worksheet/>")
    with pytest.raises(FileRejected) as caught:
        check_bytes(out.getvalue(), ".xlsx")
    assert str(caught.value).startswith("Tệp vượt quá giới hạn số trang tính: 1.001 trang tính "
                                        "(giới hạn 1.000 trang tính)")


def test_each_sheet_s_text_is_read_once_when_sheets_are_compared(monkeypatch):
    """M045: 150 sheets compared with every earlier one read each sheet's text 22.000 times
    (160 s); each is read once now."""
    calls = []
    read = sheetchoice._read_content
    monkeypatch.setattr(sheetchoice, "_read_content",
                        lambda rows, numbered: calls.append(numbered) or read(rows, numbered))
    parsed = checked_parse(_sheets(40, 2), ".xlsx")
    assert len(parsed.sheets) == 40
    assert sum(len(raw_rows(s)) for s in parsed.sheets) == 80
    assert calls.count(True) == 40 and calls.count(False) <= 80


def test_the_farthest_column_of_a_sheet_is_its_last_letters_not_its_first():
    """Columns of three letters: ``XFD`` is after ``AAA`` (the quick check took the first of the
    longest, passing ``XFD1`` without a word and reading a grid 16.384 columns wide)."""
    data = _with_rows(_book_bytes(), b'<row r="8"><c r="AAA8"><v>1</v></c>'
                                     b'<c r="XFD8"><v>2</v></c></row>')
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert not sheetscan.quick_scan(archive, archive.getinfo(SHEET))
    with pytest.raises(farcells.FarCells) as caught:
        check_bytes(data, ".xlsx")
    assert caught.value.cells == ((8, 16384, "XFD8"),)


def _book_bytes() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(["a"])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_each_sheet_s_registrations_are_read_once_when_versions_are_compared(monkeypatch):
    """M045 again: each sheet compared with every other as a possible later version read the
    other's rows each time (22.500 reads for 150 sheets)."""
    from thidua.ingest import sheetversions
    calls = []
    read = sheetversions._registrations
    monkeypatch.setattr(sheetversions, "_registrations",
                        lambda rows: calls.append(1) or read(rows))
    parsed = checked_parse(_sheets(30, 2), ".xlsx")
    assert [s.copy_of for s in parsed.sheets] == [""] * 30
    assert len(calls) == 30
