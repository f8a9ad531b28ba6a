"""A few stray cells far outside the form in an ``.ods`` sheet (a value typed in ``A1048576``
after Ctrl+↓ in LibreOffice Calc, or in a far column) are left out as in an ``.xlsx``: told
with their values, every registration counted. Before, one such cell rejected the whole file
("Tệp vượt quá giới hạn số dòng"). ``content.xml`` holds every sheet: each far cell is
written empty where it stands (``farcells._without_far_ods_cells``), so no other cell moves.
A row repeated across the row bound keeps two copies. More than
:data:`~thidua.ingest.farcells.MAX_FAR_CELLS` cells in a sheet still reject the file."""

from __future__ import annotations

import io
import zipfile

import pytest
from defusedxml import ElementTree
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P, Span

from helpers import HEADER, input_file
from thidua.ingest import farcells
from thidua.ingest.farcells import FarCells, without_far_cells
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.isolation import checked_parse
from thidua.ingest.prescan import check_bytes
from thidua.ingest.workbook import FileRejected

from test_far_cells import ADVICE, ROWS  # the .xlsx tests' rows and note: the same rule


def _cell(value, repeat: int = 1) -> TableCell:
    extra = {"numbercolumnsrepeated": repeat} if repeat > 1 else {}
    if value is None or value == "":
        return TableCell(**extra)
    if isinstance(value, bool):  # a true/false cell written without its text
        return TableCell(valuetype="boolean", booleanvalue=str(value).lower(), **extra)
    if isinstance(value, (int, float)):  # a number without its text: an empty element
        return TableCell(valuetype="float", value=value, **extra)
    if isinstance(value, list):  # paragraphs: ``"a"`` a text, ``("b",)`` a span of the one before
        cell, paragraph = TableCell(valuetype="string", **extra), None
        for part in value:
            if isinstance(part, tuple):
                paragraph.addElement(Span(text=part[0]))
            else:
                paragraph = P(text=part)
                cell.addElement(paragraph)
        return cell
    cell = TableCell(valuetype="string", **extra)
    for line in str(value).split("\n"):
        cell.addElement(P(text=line))
    return cell


def _table(name: str, rows: list[list], far: list[tuple[int, int, object, int]]) -> Table:
    """A sheet of ``rows`` then each far cell ``(row, column, value, repeated)``, 1-based, the
    rows between them empty and repeated as LibreOffice writes them."""
    table = Table(name=name)
    for values in rows:
        line = TableRow()
        for value in values:
            line.addElement(_cell(value))
        table.addElement(line)
    at, by_row = len(rows), {}
    for number, column, value, repeat in sorted(far):
        by_row.setdefault(number, []).append((column, value, repeat))
    for number, cells in by_row.items():
        assert number > at, "far cells lie below the rows"
        if number > at + 1:
            gap = TableRow(numberrowsrepeated=number - at - 1)
            gap.addElement(TableCell())
            table.addElement(gap)
        line, filled = TableRow(), 0
        for column, value, repeat in cells:
            if column > filled + 1:
                line.addElement(TableCell(numbercolumnsrepeated=column - filled - 1))
            line.addElement(_cell(value, repeat))
            filled = column + repeat - 1
        table.addElement(line)
        at = number
    return table


def _ods(tmp_path, far, sheets=(), name="Danh sách"):
    lines = [["Mã đơn vị: Q-DD"], ["Năm: 2024"], [], HEADER, *ROWS]
    doc = OpenDocumentSpreadsheet()
    doc.spreadsheet.addElement(_table(name, lines, far))
    for other, other_far in sheets:
        doc.spreadsheet.addElement(_table(other, [["Hướng dẫn điền biểu"]], other_far))
    path = tmp_path / "Q-DD_dk.ods"
    doc.save(str(path))
    return path


@pytest.mark.parametrize("far, said", [
    ([(1048576, 1, "x", 1)], "ô A1048576 ('x')"),
    ([(100001, 1, "dòng 100.001", 1)], "ô A100001 ('dòng 100.001')"),
    ([(30, 16001, "ghi chú", 1)], "ô WQK30 ('ghi chú')"),
    ([(15, 1001, "cột 1.001", 1)], "ô ALM15 ('cột 1.001')"),
    ([(150000, 30, 5, 1)], "ô AD150000 ('5')"),  # a number cell, an empty element
    ([(1048576, 1, "dòng một\ndòng hai", 1)], "ô A1048576 ('dòng một\ndòng hai')"),
    ([(1048576, 1, "x", 1), (1048576, 2, "y", 1)], "ô A1048576 ('x'), ô B1048576 ('y')"),
    ([(1048575, 1, "x", 1), (1048576, 3, "y", 1)], "ô A1048575 ('x'), ô C1048576 ('y')"),
    ([(17, 1001, "z", 3)], "ô ALO17 ('z')"),  # one cell repeated over three far columns
    ([(1048576, 1, ["a", ("b",), "c"], 1)], "ô A1048576 ('ab\nc')"),  # a span in a paragraph
    ([(1048576, 1, True, 1)], "ô A1048576"),  # no text, no value: named without one
])
def test_a_stray_far_cell_is_left_out_told_and_every_registration_counts(tmp_path, context,
                                                                         far, said):
    path = _ods(tmp_path, far)
    parsed = checked_parse(path.read_bytes(), ".ods")  # in this process (a mutation run sees it)
    assert f"Trang 'Danh sách': {said} {ADVICE}" in parsed.remarks
    assert len(parsed.sheets) == 1 and len(parsed.sheets[0].grid) == 4 + len(ROWS)
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.unit == "Q-DD"
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert f"Trang 'Danh sách': {said} {ADVICE}" in result.remarks
    models = result.registrations["model"].tolist()
    assert models == ["Mô hình thứ nhất tốt", "Mô hình thứ hai tốt", "Mô hình thứ ba tốt"]


def test_each_sheet_with_far_cells_is_told_by_its_name(tmp_path, context):
    path = _ods(tmp_path, [(1048576, 1, "x", 1)],
                sheets=[("Hướng dẫn", [(7, 16384, "y", 1)])])  # XFD7
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.rows["valid"] == 3
    told = [r for r in result.remarks if "quá xa bảng" in r]
    assert told == [f"Trang 'Danh sách': ô A1048576 ('x') {ADVICE} "
                    f"Trang 'Hướng dẫn': ô XFD7 ('y') {ADVICE}"]


@pytest.mark.parametrize("far", [[(100000, 1, "y", 1)], [(20, 1000, "x", 1)]])
def test_cells_just_inside_the_bounds_are_read_as_ever(tmp_path, far):
    check_bytes(_ods(tmp_path, far).read_bytes(), ".ods")  # raises nothing: no far cell


def test_the_far_cells_are_named_with_their_sheet_and_the_rest_is_unmoved(tmp_path):
    data = _ods(tmp_path, [(1048576, 2, "x", 1)], sheets=[("Khác", [(200000, 1, 9, 1)])]
                ).read_bytes()
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".ods")
    assert caught.value.part == "content.xml"
    assert caught.value.cells == ((1048576, 2, "B1048576"), (200000, 1, "A200000"))
    assert caught.value.tables == (1, 2)
    trimmed, note = without_far_cells(data, caught.value)
    check_bytes(trimmed, ".ods")  # nothing past a bound any more
    with zipfile.ZipFile(io.BytesIO(data)) as before, zipfile.ZipFile(io.BytesIO(trimmed)) as after:
        assert after.namelist() == before.namelist()
        assert after.read("mimetype") == before.read("mimetype")
        old, new = before.read("content.xml"), after.read("content.xml")
    assert b">x<" in old and b">x<" not in new and b'office:value="9"' not in new
    assert old.count(b"<table:table-cell") == new.count(b"<table:table-cell")
    assert old.count(b"<table:table-row") == new.count(b"<table:table-row")
    assert old.count(b"</table:table-row>") == new.count(b"</table:table-row>")
    ElementTree.fromstring(new)  # still well-formed
    assert note == (f"Trang 'Danh sách': ô B1048576 ('x') {ADVICE} "
                    f"Trang 'Khác': ô A200000 ('9') {ADVICE}")


def test_a_cell_dragged_across_the_column_bound_keeps_its_columns_within_it(tmp_path, context):
    """A value LibreOffice repeats from column 999 to 1.002 (one element): the columns within
    the bound keep it, the two past it are written empty; before, the file was rejected
    (fresh tester P's P138, P193)."""
    data = _ods(tmp_path, [(15, 999, "lặp", 4)]).read_bytes()
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".ods")
    assert caught.value.cells == ((15, 1002, "ALN15"),) and caught.value.starts == ((15, 999),)
    trimmed, note = without_far_cells(data, caught.value)
    check_bytes(trimmed, ".ods")
    with zipfile.ZipFile(io.BytesIO(trimmed)) as after:
        body = after.read("content.xml")
    assert b'table:number-columns-repeated="2" office:value-type="string"' in body \
        or b'office:value-type="string" table:number-columns-repeated="2"' in body
    assert b'<table:table-cell table:number-columns-repeated="2"/></table:table-row>' in body
    assert note == f"Trang 'Danh sách': ô ALN15 ('lặp') {ADVICE}"
    path = tmp_path / "keo.ods"
    path.write_bytes(data)
    result = ingest_file(input_file(path), context)
    assert result.rows["valid"] == 3


def _rejected_as_before(read, said: str) -> None:
    """``read()`` rejects the file past the row limit (never :class:`FarCells`), naming ``said``."""
    with pytest.raises(FileRejected) as caught:
        read()
    assert not isinstance(caught.value, FarCells)
    assert str(caught.value).startswith(
        f"Tệp vượt quá giới hạn số dòng của trang tính: có ô {said}")


def _dragged_down(tmp_path, gap: int, times: int, row: list) -> bytes:
    """An .ods of the form and its 3 rows, ``gap`` empty rows, then ``row`` repeated ``times``
    times in one element, as LibreOffice writes a value filled down (the rest of the sheet
    empty, repeated to its end)."""
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Danh sách")
    for values in [["Mã đơn vị: Q-DD"], ["Năm: 2024"], [], HEADER, *ROWS]:
        line = TableRow()
        for value in values:
            line.addElement(_cell(value))
        table.addElement(line)
    if gap:
        empty = TableRow(numberrowsrepeated=gap)
        empty.addElement(TableCell())
        table.addElement(empty)
    dragged = TableRow(numberrowsrepeated=times)
    for value in row:
        dragged.addElement(_cell(value))
    table.addElement(dragged)
    if (rest := 1048576 - 7 - gap - times) > 0:
        tail = TableRow(numberrowsrepeated=rest)
        tail.addElement(TableCell(numbercolumnsrepeated=1024))
        table.addElement(tail)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "Q-DD_dk.ods"
    doc.save(str(path))
    return path.read_bytes()


def test_a_row_filled_down_across_the_row_bound_keeps_two_copies(tmp_path):
    """``Hoàn thành`` filled down from row 8 to row 200.007 (one row element repeated 200.000
    times): two copies are read, the rest told; before, the file was rejected (fresh tester
    P's P199). Only the row's repeat changes, so no other row moves."""
    data = _dragged_down(tmp_path, 0, 200_000, [*[""] * 9, "Hoàn thành"])
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".ods")
    assert caught.value.cells == ((200_007, 10, "J200007"),)
    assert caught.value.starts == ((8, 10),)
    trimmed, note = without_far_cells(data, caught.value)
    check_bytes(trimmed, ".ods")
    with zipfile.ZipFile(io.BytesIO(trimmed)) as after:
        body = after.read("content.xml")
    assert b'table:number-rows-repeated="2"' in body
    assert b'table:number-rows-repeated="200000"' not in body
    ElementTree.fromstring(body)  # still well-formed
    assert note == ("Trang 'Danh sách': dòng 8 đến 200.007 là một dòng lặp lại 200.000 lần "
                    "('Hoàn thành'), quá dòng 100.000: chỉ đọc 2 dòng đầu, các dòng sau giống "
                    "hệt nên không đọc. Nếu đã điền xuống đến cuối trang tính, đề nghị xóa các "
                    "dòng thừa rồi gửi lại.")


@pytest.mark.parametrize("gap, times, row, rows", [
    # a result filled down: its two copies are nothing but a filled-down value, ignored
    (0, 200_000, [*[""] * 9, "Hoàn thành"], {"read": 5, "valid": 3, "rejected": 0, "ignored": 2}),
    # from row 99.991 to 100.010, the bound inside it: the empty rows above it are read
    # (blank, ignored) as before
    (99_983, 20, [*[""] * 9, "Hoàn thành"], {"read": 99_988, "valid": 3, "rejected": 0,
                                             "ignored": 99_985}),
    # two cells filled down in one row element (level and result), two empty rows above
    (2, 1_048_560, [*[""] * 6, "Cơ sở", "", "", "Hoàn thành"],
     {"read": 7, "valid": 3, "rejected": 0, "ignored": 4}),
    # the first registration filled down: both copies rejected as its duplicates
    (0, 150_000, ROWS[0], {"read": 5, "valid": 3, "rejected": 2, "ignored": 0}),
])
def test_a_file_with_a_row_filled_down_past_the_bound_is_read(tmp_path, context, gap, times,
                                                              row, rows):
    path = tmp_path / "Q-DD_dk.ods"
    path.write_bytes(_dragged_down(tmp_path, gap, times, row))
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.rows == rows
    assert [r for r in result.remarks if f"là một dòng lặp lại {times:,} lần".replace(",", ".")
            in r and "chỉ đọc 2 dòng đầu" in r]


def test_up_to_the_limit_of_far_cells_the_file_is_read_past_it_rejected(tmp_path, monkeypatch):
    monkeypatch.setattr(farcells, "MAX_FAR_CELLS", 2)
    monkeypatch.setattr("thidua.ingest.prescan.MAX_FAR_CELLS", 2)
    two = [(1048575 + i, 1, f"v{i}", 1) for i in range(2)]
    parsed = checked_parse(_ods(tmp_path, two).read_bytes(), ".ods")  # in this process
    assert [r for r in parsed.remarks if "ô A1048575 ('v0'), ô A1048576 ('v1') nằm" in r]
    three = [(1048574 + i, 1, f"v{i}", 1) for i in range(3)]
    _rejected_as_before(lambda: checked_parse(_ods(tmp_path, three).read_bytes(), ".ods"),
                        "A1048576 ở dòng 1.048.576 (giới hạn 100.000 dòng)")


def test_the_limit_counts_each_sheet_s_cells_apart(tmp_path, monkeypatch):
    monkeypatch.setattr(farcells, "MAX_FAR_CELLS", 2)
    monkeypatch.setattr("thidua.ingest.prescan.MAX_FAR_CELLS", 2)
    two_and_two = _ods(tmp_path, [(1048575, 1, "a", 1), (1048576, 1, "b", 1)],
                       sheets=[("Khác", [(1048575, 1, "c", 1), (1048576, 1, "d", 1)])])
    with pytest.raises(FarCells) as caught:
        check_bytes(two_and_two.read_bytes(), ".ods")
    assert caught.value.tables == (1, 1, 2, 2)


def test_a_content_that_cannot_be_rewritten_keeps_the_file_rejected(tmp_path):
    data = _ods(tmp_path, [(1048576, 1, "x", 1)]).read_bytes()
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".ods")
    assert without_far_cells(b"not a zip", caught.value) is None
    moved = FarCells("lý do", "content.xml", ((1048576, 2, "B1048576"),), (1,))
    assert without_far_cells(data, moved) is None  # no such cell: nothing is guessed


def _content(data: bytes, change) -> bytes:
    """``data`` (an ``.ods``) with its ``content.xml`` changed by ``change(bytes)``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info, change(body) if info.filename == "content.xml" else body)
    return out.getvalue()


def test_a_sheet_without_a_name_is_told_by_its_number(tmp_path):
    data = _content(_ods(tmp_path, [(1048576, 1, "x", 1)]).read_bytes(),
                    lambda body: body.replace('table:name="Danh sách"'.encode(), b""))
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".ods")
    assert without_far_cells(data, caught.value)[1] == f"Trang '1': ô A1048576 ('x') {ADVICE}"


def test_a_far_cell_after_cells_repeated_in_its_row_is_found(tmp_path):
    """The columns a cell repeats over count (``number-columns-repeated``), in a row repeated
    over rows (``number-rows-repeated``) before it: the far cell is where its neighbours put
    it, and nothing else is emptied."""
    data = _ods(tmp_path, [(200000, 5, "xa", 1), (200000, 9, "nữa", 1)]).read_bytes()
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".ods")
    assert caught.value.cells == ((200000, 5, "E200000"), (200000, 9, "I200000"))
    trimmed, note = without_far_cells(data, caught.value)
    assert note == f"Trang 'Danh sách': ô E200000 ('xa'), ô I200000 ('nữa') {ADVICE}"


def test_a_content_with_a_comment_is_not_rewritten(tmp_path):
    """``<!`` (a comment, a CDATA section, a declaration) is never rewritten by hand: the file
    stays rejected as before."""
    data = _content(_ods(tmp_path, [(1048576, 1, "x", 1)]).read_bytes(),
                    lambda body: body.replace(b"<office:body>", b"<!-- ghi chu --><office:body>"))
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".ods")
    assert without_far_cells(data, caught.value) is None
    with pytest.raises(FileRejected, match="giới hạn số dòng"):
        checked_parse(data, ".ods")


def test_a_far_cell_right_after_a_dragged_one_stays_in_its_place(tmp_path):
    """The dragged cell's empty columns go before the next cell, written empty in its own
    place (edits applied from the end, the filler before the next cell's)."""
    data = _ods(tmp_path, [(15, 999, "lặp", 4), (15, 1003, "xa", 1)]).read_bytes()
    with pytest.raises(FarCells) as caught:
        check_bytes(data, ".ods")
    trimmed, note = without_far_cells(data, caught.value)
    with zipfile.ZipFile(io.BytesIO(trimmed)) as after:
        body = after.read("content.xml")
    assert (b'<table:table-cell table:number-columns-repeated="2"/><table:table-cell/>'
            b'</table:table-row>') in body
    assert note == f"Trang 'Danh sách': ô ALN15 ('lặp'), ô ALO15 ('xa') {ADVICE}"
