"""An ``.xlsx`` cell pointing at a shared string the file does not hold (``spec/submission-form.md``,
"Errors": a row is rejected naming file, sheet, Excel row and column; a file only when it cannot
be read). Fresh tester AA's AA49: one optional ``Kết quả`` cell pointing at string 999 of about
60 rejected the whole file ("bảng chữ dùng chung … bị thiếu hoặc thiếu chữ"). The file is read,
the row holding the cell rejected saying its text is lost
(:func:`thidua.ingest.salvage.with_lost_strings`,
:func:`thidua.ingest.errorcells.lost_string_cells`); a file without its shared strings part at
all stays rejected."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pandas as pd
import pytest

from corpus_rows import HEADER, regs
from helpers import input_file
from thidua.ingest.errorcells import lost_string_cells, lost_string_message
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.read import parse_sheets
from thidua.ingest.salvage import (LOST_STRING, MAX_LOST_STRINGS, odd_string_index,
                                   with_lost_strings)
from thidua.ingest.workbook import workbook_grids

_TITLE = [["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI"], ["LĐLĐ QUẬN ĐỐNG ĐA"],
          ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2024'], ["Mã đơn vị: Q-DD"],
          ["Năm: 2024"], []]
_FIRST = len(_TITLE) + 2  # the Excel row of the first registration (8; the eighth: 15)
_INLINE = re.compile(rb'<c r="([A-Z]+[0-9]+)"([^>]*?) t="inlineStr"><is><t[^>]*>([^<]*)</t></is></c>')
_SHARED_TYPE = (b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
_SHARED_REL = (b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/'
               b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')


def _xlsx(cells: dict[str, str], drop_shared: bool = False, n: int = 8,
          tail: list[list] = ()) -> bytes:
    """A workbook of ``n`` registrations whose texts are shared strings (openpyxl's inline
    strings moved into ``xl/sharedStrings.xml``, as Excel saves them), each cell of ``cells``
    (``J15``) then pointing at the index given (``999``, ``-1``, ``abc``)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS mô hình"
    for row in [*_TITLE, HEADER, *regs(n), *tail]:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    strings: list[bytes] = []

    def shared(m: re.Match) -> bytes:
        strings.append(m[3])
        index = cells.get(m[1].decode(), str(len(strings) - 1)).encode()
        return b'<c r="' + m[1] + b'"' + m[2] + b' t="s"><v>' + index + b"</v></c>"

    sheet = _INLINE.sub(shared, source.read("xl/worksheets/sheet1.xml"))
    assert all(f'<c r="{ref}"'.encode() in sheet for ref in cells)
    table = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org'
             b'/spreadsheetml/2006/main">' + b"".join(b"<si><t>" + t + b"</t></si>" for t in strings)
             + b"</sst>")
    target_bytes = io.BytesIO()
    with zipfile.ZipFile(target_bytes, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = sheet
            elif info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", _SHARED_TYPE + b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"</Relationships>", _SHARED_REL + b"</Relationships>")
            target.writestr(info, body)
        if not drop_shared:
            target.writestr("xl/sharedStrings.xml", table)
    return target_bytes.getvalue()


def _message(header: str, ref: str) -> str:
    return (f"Ô '{header}' ({ref}) bị mất chữ trong tệp: ô trỏ tới một chữ không có trong "
            f"bảng chữ dùng chung của tệp (sharedStrings.xml), nên không biết ô ghi gì. Đề "
            f"nghị gõ lại nội dung ô này rồi lưu tệp và gửi lại.")


@pytest.mark.parametrize("index", ["999", "-1", "abc", ""])
def test_a_missing_string_is_marked_with_its_cell(index):
    last = _FIRST + 7
    data = _xlsx({f"J{last}": index})
    fixed = with_lost_strings(data)
    assert fixed is not None
    grid = dict((name, g) for name, g, _ in workbook_grids(data))["DS mô hình"]
    assert grid[last - 1][9] == f"{LOST_STRING}J{last}"
    assert grid[last - 2][9] == "Hoàn thành"  # the others read as written
    assert sum(isinstance(v, str) and v.startswith(LOST_STRING) for r in grid for v in r) == 1


def test_calamine_s_silent_readings_are_caught_first():
    """python-calamine reads ``<v>-1</v>`` as the first string, silently: looked for first."""
    assert odd_string_index(_xlsx({f"J{_FIRST}": "-1"}))
    assert odd_string_index(_xlsx({f"J{_FIRST}": "abc"}))
    assert not odd_string_index(_xlsx({f"J{_FIRST}": "999"}))  # calamine refuses that one
    assert not odd_string_index(_xlsx({}))
    assert with_lost_strings(_xlsx({})) is None


def test_no_shared_strings_part_stays_a_whole_file_problem():
    data = _xlsx({}, drop_shared=True)
    assert with_lost_strings(data) is None
    with pytest.raises(Exception, match="shared strings"):
        workbook_grids(data)


def test_the_lost_cells_of_form_columns():
    raw = pd.DataFrame({"stt": [f"{LOST_STRING}A9", "2"], "model": ["Mô hình một", f"{LOST_STRING}B10"],
                        "result": [f"{LOST_STRING}J9", "Hoàn thành"], "[Cột lạ]": [f"{LOST_STRING}L9", ""]},
                       index=pd.Index([9, 10], name="row"))
    assert lost_string_cells(raw) == {(9, "result"): "J9", (10, "model"): "B10"}
    assert lost_string_message("result", "J15") == _message("Kết quả", "J15")
    assert lost_string_message("model", "") == (
        "Ô 'Tên mô hình' bị mất chữ trong tệp: ô trỏ tới một chữ không có trong bảng chữ dùng "
        "chung của tệp (sharedStrings.xml), nên không biết ô ghi gì. Đề nghị gõ lại nội dung ô "
        "này rồi lưu tệp và gửi lại.")


def test_a_spaced_index_is_a_number():
    assert not odd_string_index(_xlsx({f"J{_FIRST}": " 3"}))


def test_many_lost_cells_are_a_table_cut_short():
    """More than :data:`MAX_LOST_STRINGS` (or one in ten of the string cells): the file's
    problem, rejected as a whole as before (``test_damaged_reasons.py``'s cut table)."""
    six = {f"J{r}": "999" for r in range(_FIRST, _FIRST + 6)}
    assert MAX_LOST_STRINGS == 5
    assert with_lost_strings(_xlsx(dict(list(six.items())[:5]))) is not None
    assert with_lost_strings(_xlsx(six)) is None
    with pytest.raises(Exception, match="shared strings"):
        workbook_grids(_xlsx(six))
    with pytest.raises(Exception, match="shared strings"):  # ``-1``: never read silently
        workbook_grids(_xlsx({k: "-1" for k in six}))
    assert with_lost_strings(_xlsx({f"J{_FIRST}": "999", f"B{_FIRST}": "998",
                                    f"C{_FIRST}": "997"}, n=1)) is None  # 3 of 26 string cells


def test_six_lost_cells_of_one_row_are_that_row_s_problem():
    """ABB0: the limit counts rows, not cells: one row's six lost cells rejected the file."""
    row = {f"{c}{_FIRST + 1}": "9999" for c in "BCDEFH"}
    assert with_lost_strings(_xlsx(row)) is not None
    six_rows = {f"J{r}": "999" for r in range(_FIRST, _FIRST + 6)}
    assert with_lost_strings(_xlsx({**six_rows, **row})) is None  # six rows: cut short


def test_parse_sheets_reads_the_file_in_process():
    last = _FIRST + 7
    sheets = parse_sheets(_xlsx({f"J{last}": "999"}), ".xlsx")
    assert sheets.first.sheet == "DS mô hình"
    assert sheets.first.grid[last - 1][9] == f"{LOST_STRING}J{last}"


def _ingest(tmp_path, context, cells, **kw):
    path = tmp_path / "Q-DD_dang-ky.xlsx"
    path.write_bytes(_xlsx(cells, **kw))
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("cells, rejected", [
    ({"J15": "999"}, [(15, "Kết quả", "J15")]),  # AA49: optional Kết quả
    ({"B15": "999"}, [(15, "Tên mô hình", "B15")]),  # a required cell
    ({"B15": "999", "E12": "998", "J15": "997"},
     [(12, "Tên tập thể/cá nhân", "E12"), (15, "Kết quả", "J15"), (15, "Tên mô hình", "B15")]),
    ({"J15": "-1"}, [(15, "Kết quả", "J15")]),  # read as string 0 by calamine
    ({"J15": "abc"}, [(15, "Kết quả", "J15")]),
])
def test_only_the_row_of_a_lost_cell_is_rejected(tmp_path, context, cells, rejected):
    assert _FIRST + 7 == 15
    got = _ingest(tmp_path, context, cells)
    rows = {r for r, _, _ in rejected}
    assert (got.status, got.rows["read"], got.rows["valid"], got.rows["rejected"]) == (
        USED, 8, 8 - len(rows), len(rows))
    found = got.rejections
    assert sorted(zip(found["row"].astype(int), found["column"], found["error"])) == sorted(
        (r, c, _message(c, ref)) for r, c, ref in rejected)
    assert set(found["value"]) == {"(mất chữ)"}
    assert set(found["sheet"]) == {"DS mô hình"}
    shown = got.rejected_rows.astype(str).to_numpy().ravel()
    assert not any(LOST_STRING in v for v in shown)  # the unit's row shows the cell empty


def test_a_file_without_its_shared_strings_is_still_rejected(tmp_path, context):
    got = _ingest(tmp_path, context, {}, drop_shared=True)
    assert got.status == REJECTED
    assert "bảng chữ dùng chung của tệp (sharedStrings.xml) bị thiếu hoặc thiếu chữ" in got.problem


def test_a_registration_of_six_lost_cells_is_rejected_not_ignored(tmp_path, context):
    """ABB0: its STT, level, period and result left, it read as a template's blank row."""
    row = _FIRST + 1
    got = _ingest(tmp_path, context, {f"{c}{row}": "9999" for c in "BCDEFH"})
    assert (got.status, got.rows["valid"], got.rows["rejected"], got.rows["ignored"]) == (
        USED, 7, 1, 0)
    assert set(got.rejections["row"].astype(int)) == {row}
    assert sorted(got.rejections["column"]) == sorted(
        ["Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
         "Công đoàn cơ sở"])


def test_a_lost_cell_of_the_signature_block_rejects_nothing(tmp_path, context):
    """AB83: ``Người lập biểu`` under the table, its text lost: no registration."""
    signature = [[], [None] * 8 + ["Người lập biểu"]]
    got = _ingest(tmp_path, context, {f"I{_FIRST + 9}": "9999"}, tail=signature)
    assert (got.status, got.rows["valid"], got.rows["rejected"]) == (USED, 8, 0)

