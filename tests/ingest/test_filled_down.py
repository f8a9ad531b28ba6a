"""A value filled down a sheet past its row bound (J8 selected, Ctrl+Shift+↓,
Ctrl+D: ``Hoàn thành`` on every row to 1.048.576) is one row's copies, as LibreOffice's
repeated row element is in an ``.ods``: two copies are read, the rest taken out and told.
Before, the file was rejected ("Tệp vượt quá giới hạn số dòng": far too many cells past the
bound to leave out as stray ones). Rows past the bound that are no copies of one row, or that
run on to something else, still reject the file. ``thidua/ingest/prescan.py``
(``_Part._xlsx_row``, ``repeated_rows``), ``thidua/ingest/farcells.py`` (``RepeatedRows``,
``without_repeated_rows``), ``thidua/ingest/isolation.py``."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from helpers import HEADER, encode_cp1258, input_file, write_xlsx
from thidua.ingest.farcells import RepeatedRows, without_repeated_rows
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.prescan import check_bytes
from thidua.ingest.workbook import FileRejected

from test_far_cells import ROWS  # three registrations, rows 5 to 7 under the header on row 4

SHEET = "xl/worksheets/sheet1.xml"


def _cell(ref: str, value) -> str:
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{value}</t></is></c>'


def _with_sheet(data: bytes, edit) -> bytes:
    """The workbook ``data`` with its sheet's XML replaced by ``edit(xml)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            body = source.read(info)
            z.writestr(info, edit(body) if info.filename == SHEET else body)
    return out.getvalue()


def _filled(tmp_path, first: int, last: int, cells: dict[str, object], after: str = "") -> bytes:
    """The three registrations, then ``cells`` (column letter → value) on every row from
    ``first`` to ``last``, as Excel writes a fill (one row element per row), then ``after``."""
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", ROWS, title=["Mã đơn vị: Q-DD", "Năm: 2024"])
    rows = "".join(f'<row r="{r}">' + "".join(_cell(f"{c}{r}", v) for c, v in cells.items())
                   + "</row>" for r in range(first, last + 1))
    return _with_sheet(path.read_bytes(), lambda body: re.sub(
        rb"<dimension [^>]*/>", b"", body).replace(
        b"</sheetData>", (rows + after).encode() + b"</sheetData>"))


def _read(tmp_path, context, data: bytes):
    path = tmp_path / "Q-DD_dk.xlsx"
    path.write_bytes(data)
    return ingest_file(input_file(path), context)


def test_the_scan_names_the_copies_and_two_are_kept(tmp_path):
    data = _filled(tmp_path, 8, 150_000, {"J": "Hoàn thành"})
    with pytest.raises(RepeatedRows) as caught:
        check_bytes(data, ".xlsx")
    assert (caught.value.part, caught.value.first, caught.value.last) == (SHEET, 8, 150_000)
    trimmed, note = without_repeated_rows(data, caught.value)
    check_bytes(trimmed, ".xlsx")  # within the bounds now
    with zipfile.ZipFile(io.BytesIO(trimmed)) as after:
        body = after.read(SHEET)
    assert re.findall(rb'<row r="(\d+)"', body)[-3:] == [b"7", b"8", b"9"]
    assert note == ("Trang 'Danh sách': dòng 8 đến 150.000 là một dòng lặp lại 149.993 lần "
                    "('Hoàn thành'), quá dòng 100.000: chỉ đọc 2 dòng đầu, các dòng sau giống "
                    "hệt nên không đọc. Nếu đã điền xuống đến cuối trang tính, đề nghị xóa các "
                    "dòng thừa rồi gửi lại.")


@pytest.mark.parametrize("first, last, cells, rows", [
    # a result filled down: its two copies nothing but a filled-down value, ignored
    (8, 150_000, {"J": "Hoàn thành"}, {"read": 5, "valid": 3, "rejected": 0, "ignored": 2}),
    # a level and a number filled down to Excel's last row, below two empty rows
    (10, 1_048_576, {"G": "Cơ sở", "K": 1}, {"read": 7, "valid": 3, "rejected": 0,
                                             "ignored": 4}),
    # from just under the bound to 200 rows past it (10 past it are stray far cells, left out
    # as such); the empty rows above it read and ignored as before
    (99_990, 100_200, {"J": "Hoàn thành"}, {"read": 99_987, "valid": 3, "rejected": 0,
                                             "ignored": 99_984}),
])
def test_a_file_with_a_value_filled_down_past_the_bound_is_read(tmp_path, context, first,
                                                                last, cells, rows):
    result = _read(tmp_path, context, _filled(tmp_path, first, last, cells))
    assert result.status == USED, result.problem
    assert result.rows == rows
    said = f"dòng {first:,} đến {last:,} là một dòng lặp lại".replace(",", ".")
    assert [r for r in result.remarks if said in r and "chỉ đọc 2 dòng đầu" in r]


def test_the_last_registration_filled_down_is_read_once_its_copies_duplicates(tmp_path,
                                                                             context):
    """(The copies are written as inline strings, the registration above them as shared
    strings: the run starts under it.)"""
    registration = dict(zip("ABCDEFGHIJ", ROWS[2][:10]))
    registration = {c: v for c, v in registration.items() if v is not None}
    result = _read(tmp_path, context, _filled(tmp_path, 8, 120_000, registration))
    assert result.rows == {"read": 5, "valid": 3, "rejected": 2, "ignored": 0}
    assert [r for r in result.remarks if "dòng 8 đến 120.000 là một dòng lặp lại 119.993 lần"
            in r]


def _series(tmp_path) -> bytes:
    """1, 2, 3, … down column A from row 8 to 150.000 (a numbering filled as a series)."""
    return _filled(tmp_path, 1, 0, {}, "".join(f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>'
                                               for r in range(8, 150_001)))


def _with_stray_far_column(tmp_path) -> bytes:
    """``Hoàn thành`` filled down to row 150.000, and a stray value in ``XFD5``."""
    def stray(body: bytes) -> bytes:
        at = re.search(rb'<row r="5"[^>]*>.*?(?=</row>)', body, re.DOTALL).end()
        return body[:at] + _cell("XFD5", "x").encode() + body[at:]

    return _with_sheet(_filled(tmp_path, 8, 150_000, {"J": "Hoàn thành"}), stray)


@pytest.mark.parametrize("build, said", [
    # the copies run on to another row past the bound: rows of something else
    (lambda tmp_path: _filled(tmp_path, 8, 150_000, {"J": "Hoàn thành"},
                              '<row r="150001">' + _cell("A150001", "Người lập biểu")
                              + "</row>"), "J100001"),
    # rows past the bound that differ from one another
    (_series, "A100001"),
    # a stray cell in a far column beside the copies: not one row's copies alone
    (_with_stray_far_column, "XFD5"),
], ids=["runs on to another row", "a series", "a far column too"])
def test_rows_past_the_bound_that_are_no_one_row_s_copies_reject_the_file(tmp_path, context,
                                                                          build, said):
    data = build(tmp_path)
    with pytest.raises(FileRejected) as caught:
        check_bytes(data, ".xlsx")
    assert not isinstance(caught.value, RepeatedRows)
    assert str(caught.value).startswith("Tệp vượt quá giới hạn số ") and f"có ô {said}" in str(
        caught.value)
    assert _read(tmp_path, context, data).status == REJECTED


def test_the_scan_stops_at_the_first_row_past_the_bound_that_is_no_copy(tmp_path):
    """Rows past the bound that are no copies reject the file there and then: what follows is
    never read (here an unfinished part, which alone would pass the scan to the reader)."""
    data = _with_sheet(_series(tmp_path), lambda body: body[:body.index(b'<row r="140000"')]
                       + b"<row r=")  # cut short
    with pytest.raises(FileRejected, match="có ô A100001 ở dòng 100.001"):
        check_bytes(data, ".xlsx")


def test_copies_are_consecutive_rows(tmp_path, context):
    """A value on rows 8 to 20, nothing on 21 to 29, then again from 30 to 150.000: the copies
    are rows 30 to 150.000 (the rows above the gap are read as they are)."""
    data = _filled(tmp_path, 8, 20, {"J": "Hoàn thành"}, "".join(
        f'<row r="{r}">{_cell(f"J{r}", "Hoàn thành")}</row>' for r in range(30, 150_001)))
    result = _read(tmp_path, context, data)
    assert result.rows == {"read": 27, "valid": 3, "rejected": 0, "ignored": 24}
    assert [r for r in result.remarks if "dòng 30 đến 150.000 là một dòng lặp lại 149.971 lần"
            in r]


# --- the same fill saved as CSV: one line repeated to the end (csvtail.repeated_tail) ------

def _csv(tmp_path, copies: list[str], sep=",", end="\r\n", encoding="utf-8-sig") -> Path:
    """A CSV of the title, the header and ``ROWS``, then the lines ``copies``."""
    lines = [f"Mã đơn vị: Q-DD{sep * 10}", f"Năm: 2024{sep * 10}", sep * 10,
             sep.join(HEADER), *(sep.join("" if v is None else str(v) for v in r) for r in ROWS),
             *copies]
    path = tmp_path / "Q-DD_dk.csv"
    text = end.join(lines) + end
    path.write_bytes(encode_cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    return path


@pytest.mark.parametrize("sep, end, encoding", [
    (",", "\r\n", "utf-8-sig"),  # Excel's "CSV UTF-8"
    (";", "\n", "cp1258"),  # a Vietnamese Windows' list separator, LibreOffice's line ends
    ("\t", "\r\n", "utf-16"),  # Excel's "Unicode Text"
])
def test_a_csv_of_a_value_filled_down_past_the_limit_keeps_two_copies(tmp_path, context, sep,
                                                                      end, encoding):
    line = sep * 9 + "Hoàn thành" + sep
    path = _csv(tmp_path, [line] * 149_993, sep, end, encoding)
    result = ingest_file(input_file(path), context)
    assert result.status == USED, result.problem
    assert result.rows == {"read": 5, "valid": 3, "rejected": 0, "ignored": 2}
    assert [r for r in result.remarks if r == (
        "Tệp CSV: dòng 8 đến 150.000 là một dòng lặp lại 149.993 lần ('Hoàn thành'), quá dòng "
        "100.000: chỉ đọc 2 dòng đầu, các dòng sau giống hệt nên không đọc. Nếu đã điền xuống "
        "đến cuối trang tính, đề nghị xóa các dòng thừa rồi gửi lại.")]


@pytest.mark.parametrize("copies", [
    [f",,,,,,,,,Hoàn thành {n}," for n in range(149_993)],  # a series: every line its own
    [",,,,,,,,,Hoàn thành,"] * 149_992 + ["Người lập biểu,,,,,,,,,,"],  # then another line
    # copies that start past the limit: the lines above them already too many
    [f",,,,,,,,,Hoàn thành {n}," for n in range(99_998)] + [",,,,,,,,,Hoàn thành,"] * 49_995,
], ids=["a series", "runs on to another line", "copies past the limit only"])
def test_a_csv_past_the_limit_that_is_no_one_line_s_copies_is_rejected(tmp_path, context, copies):
    result = ingest_file(input_file(_csv(tmp_path, copies)), context)
    assert result.status == REJECTED
    assert result.problem.startswith("Tệp vượt quá giới hạn số dòng của tệp CSV: 150.001 dòng")


def test_a_csv_within_the_limit_keeps_every_copy(tmp_path, context):
    """Within the limit nothing is taken off: the copies are read (filled-down values)."""
    path = _csv(tmp_path, [",,,,,,,,,Hoàn thành,"] * 50)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 53, "valid": 3, "rejected": 0, "ignored": 50}
    assert not [r for r in result.remarks if "lặp lại" in r]


@pytest.mark.parametrize("copies, end_break, said", [
    # the line above the copies ends as a copy does: it is no copy
    (["Ghi chú,,,,,,,,,Hoàn thành,"] + [",,,,,,,,,Hoàn thành,"] * 149_992, True,
     "dòng 9 đến 150.000 là một dòng lặp lại 149.992 lần"),
    # no line break after the last copy
    ([",,,,,,,,,Hoàn thành,"] * 149_993, False,
     "dòng 8 đến 150.000 là một dòng lặp lại 149.993 lần"),
])
def test_where_a_csv_s_copies_begin(tmp_path, context, copies, end_break, said):
    path = _csv(tmp_path, copies)
    if not end_break:
        path.write_bytes(path.read_bytes().removesuffix(b"\r\n"))
    result = ingest_file(input_file(path), context)
    assert result.status == USED, result.problem
    assert [r for r in result.remarks if said in r]
