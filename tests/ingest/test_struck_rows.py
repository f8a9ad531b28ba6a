"""Rows struck through (strikethrough font on every filled cell): a unit's way of withdrawing
a registration; a careful reader does not count them (fresh tester E's A01: both were counted,
no word to the unit). ``thidua.ingest.cellrules.mark_struck``; the cells come from each
format's facts (``SheetFacts.struck``)."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest

from corpus_rows import regs, titled
from corpus_writers import write_ods, write_xls, write_xlsx, xlsx_bytes
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.xlsxfacts import xlsx_facts

WRITERS = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}
WITHDRAWN = ("2 dòng bị gạch ngang (đơn vị đã rút đăng ký) không được tính (bỏ qua): dòng 8, "
             "10. Nếu vẫn đăng ký, đề nghị bỏ gạch ngang rồi gửi lại.")
PARTLY = ("Dòng 11: ô 'Tên tập thể/cá nhân' bị gạch ngang nhưng các ô khác của dòng thì không: "
          "dòng vẫn được tính. Nếu đơn vị rút đăng ký này, đề nghị xóa dòng; nếu sửa, đề nghị "
          "ghi lại nội dung đúng.")


def _sheet(struck: list[str], n: int = 6):
    return dataclasses.replace(titled("Q-DD", regs(n)), struck=struck)


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_rows_struck_through_are_ignored_and_told(tmp_path, context, suffix):
    """Rows 8 and 10 struck whole; row 11's registrant alone (counted, told); row 12's STT
    alone (counted, nothing to say: the number is no registration's content)."""
    path = tmp_path / f"Q-DD_dk.{suffix}"
    WRITERS[suffix](path, [_sheet(["8", "10", "E11", "A12"])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 6, "valid": 4, "rejected": 0, "ignored": 2}
    assert result.ignored["struck"] == 2
    assert result.registrations.index.tolist() == [7, 9, 11, 12]
    assert f"{WITHDRAWN} {PARTLY}" in result.notes


def test_a_file_whose_every_row_is_struck_is_rejected_saying_so(tmp_path, context):
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [_sheet(["7", "8"], n=2)])
    result = ingest_file(input_file(path), context)
    assert result.status == "rejected"
    assert result.problem == (
        "Mọi dòng đăng ký đều bị gạch ngang: 2 dòng bị gạch ngang (đơn vị đã rút đăng ký) "
        "không được tính (bỏ qua): dòng 7, 8. Nếu vẫn đăng ký, đề nghị bỏ gạch ngang rồi gửi "
        "lại.")


def test_a_row_struck_but_its_note_is_still_withdrawn_and_a_struck_title_is_not_looked_at(
        tmp_path, context):
    """``Ghi chú`` (``Rút đăng ký``, unstruck) and STT do not keep a struck row; a struck
    title line or header changes nothing."""
    sheet = _sheet(["B7", "C7", "D7", "E7", "G7", "H7", "I7", "J7", "1", "6"], n=3)
    sheet.rows[6][10] = "Rút đăng ký"
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [sheet])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    assert result.registrations.index.tolist() == [8, 9]


def _with_parts(parts: dict[str, bytes]) -> zipfile.ZipFile:
    """The corpus workbook of :func:`_sheet` with some of its parts replaced."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([_sheet([])])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in dict.fromkeys([*source.namelist(), *parts]):
            dst.writestr(name, parts[name] if name in parts else source.read(name))
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


SST = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
       b'main"><si><t>plain</t></si>'
       b'<si><r><rPr><strike/></rPr><t>struck </t></r><r><rPr><b/><strike val="1"/></rPr>'
       b'<t>whole</t></r></si>'
       b'<si><r><rPr><strike/></rPr><t>half</t></r><r><t> kept</t></r></si>'
       b'<si><r><rPr><strike val="0"/></rPr><t>off</t></r></si>'
       b'<si><r><rPr><strike/></rPr><t>x</t></r><r><rPr/><t>  </t></r></si></sst>')


def test_shared_strings_struck_whole_strike_their_cells():
    """Rich text: struck when every run with text is (a blank run does not count);
    ``val="0"`` turns strikethrough off."""
    sheet = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             b'<sheetData><row r="1">' + b"".join(
                 b'<c r="%s1" t="s"><v>%d</v></c>' % (col, i) for i, col in enumerate([b"A", b"B", b"C", b"D", b"E"]))
             + b'<c r="F1" t="inlineStr"><is><r><rPr><strike/></rPr><t>in</t></r></is></c>'
             b'<c r="G1" t="inlineStr"/><c r="H1" t="inlineStr"><is><t>plain</t></is></c>'
             b'</row></sheetData></worksheet>')
    archive = _with_parts({"xl/sharedStrings.xml": SST, "xl/worksheets/sheet1.xml": sheet})
    assert sorted(xlsx_facts(archive, "Danh sách").struck) == [(0, 1), (0, 4), (0, 5)]


def test_a_style_whose_font_turns_strike_off_strikes_nothing():
    styles = zipfile.ZipFile(io.BytesIO(xlsx_bytes([_sheet(["7"], n=1)]))).read("xl/styles.xml")
    assert b"<strike" in styles
    off = styles.replace(b'<strike val="1"/>', b'<strike val="0"/>').replace(
        b"<strike/>", b'<strike val="0"/>')
    archive = _with_parts({"xl/styles.xml": off,
                           "xl/worksheets/sheet1.xml": zipfile.ZipFile(io.BytesIO(xlsx_bytes(
                               [_sheet(["7"], n=1)]))).read("xl/worksheets/sheet1.xml")})
    assert not xlsx_facts(archive, "Danh sách").struck


def test_an_ods_cell_style_strikes_by_itself_by_its_parent_or_by_its_column(tmp_path):
    """LibreOffice: a cell's automatic style strikes, or inherits strikethrough from its named
    parent style unless it turns it off (``none``); a cell without a style takes its column's
    default style."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import P

    from thidua.ingest.odsfacts import ods_facts

    doc = OpenDocumentSpreadsheet()
    named = Style(name="Gạch", family="table-cell")
    named.addElement(TextProperties(textlinethroughstyle="solid"))
    doc.styles.addElement(named)
    styles = {"own": Style(name="own", family="table-cell"),
              "child": Style(name="child", family="table-cell", parentstylename="Gạch"),
              "off": Style(name="off", family="table-cell", parentstylename="Gạch"),
              "plain": Style(name="plain", family="table-cell")}
    styles["own"].addElement(TextProperties(textlinethroughstyle="solid"))
    styles["off"].addElement(TextProperties(textlinethroughstyle="none"))
    for style in styles.values():
        doc.automaticstyles.addElement(style)
    table = Table(name="DS")
    table.addElement(TableColumn(numbercolumnsrepeated=4))
    table.addElement(TableColumn(defaultcellstylename=styles["own"]))
    row = TableRow()
    for name in ("own", "child", "off", "plain", None):
        cell = TableCell(valuetype="string", **({"stylename": styles[name]} if name else {}))
        cell.addElement(P(text=f"ô {name}"))
        row.addElement(cell)
    empty = TableCell(stylename=styles["own"])  # nothing written: nothing struck
    row.addElement(empty)
    table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "s.ods"
    doc.save(str(path))
    assert sorted(ods_facts(zipfile.ZipFile(path), "DS").struck) == [(0, 0), (0, 1), (0, 4)]


# --- mark_struck and struck_note in this process (the parsing worker runs them for
# ingest_file, where a mutation run cannot see them) ----------------------------------------
def _grid_sheet(rows, struck=(), header=None):
    """A sheet of the form's header (Excel row 1) and ``rows`` (Excel rows 2, 3, …);
    ``struck``: cells like ``"B2"``."""
    from helpers import HEADER
    from thidua.ingest.cellfacts import SheetFacts
    from thidua.ingest.rows import SheetData, column_letter
    from thidua.ingest.table import find_table
    grid = [list(header or HEADER), *rows]
    letters = {column_letter(c): c for c in range(len(grid[0]) + 2)}
    cells = frozenset((int(s[1:]) - 1, letters[s[0]]) for s in struck)
    return SheetData("DS", grid, find_table(grid), facts=SheetFacts(struck=cells))


def _labels(*kinds, first=2):
    import pandas as pd
    return pd.Series(list(kinds), index=range(first, first + len(kinds)), dtype="object")


ALL_B_TO_J = ["B", "C", "D", "E", "G", "H", "I", "J"]  # the row's filled cells but STT, note


def test_mark_struck_relabels_a_data_row_whose_every_filled_form_cell_is_struck():
    from helpers import row
    from thidua.ingest.cellrules import STRUCK, mark_struck
    rows = [row(stt=n, note="Rút" if n == 2 else None) for n in (1, 2, 3, 4)]
    struck = [f"{c}{r}" for r in (2, 3) for c in ALL_B_TO_J] + ["B4"] + ["A5"]
    sheet = _grid_sheet(rows, struck)
    labels = _labels("data", "data", "data", "data")
    out = mark_struck(labels, sheet)
    # row 2 whole; row 3 whole but its (unstruck) note; row 4 its model only; row 5 its STT
    assert out.tolist() == [STRUCK, STRUCK, "data", "data"]
    assert out.index.tolist() == [2, 3, 4, 5] and labels.tolist() == ["data"] * 4
    # only data rows: a heading or a row already ignored keeps its label
    assert mark_struck(_labels("heading", "hidden", "data", "data"), sheet).tolist() == [
        "heading", "hidden", "data", "data"]


def test_mark_struck_without_struck_cells_or_rows_returns_the_labels_given():
    from helpers import row
    from thidua.ingest.cellrules import mark_struck
    labels = _labels("data")
    assert mark_struck(labels, _grid_sheet([row()])) is labels
    empty = _labels()
    assert mark_struck(empty, _grid_sheet([row()], ["B2"])) is empty


def test_a_struck_row_beyond_the_grid_or_of_empty_cells_only_is_not_struck():
    from helpers import row
    from thidua.ingest.cellrules import STRUCK, mark_struck
    # row 3 is past the grid (a label of a row the grid does not hold): nothing to strike
    sheet = _grid_sheet([row()], [f"{c}2" for c in ALL_B_TO_J] + ["B3"])
    assert mark_struck(_labels("data", "data"), sheet).tolist() == [STRUCK, "data"]
    # a struck empty cell (spaces) is not a filled cell; the others struck: the row is
    half = row(position="  ")
    sheet = _grid_sheet([half], [f"{c}2" for c in ALL_B_TO_J if c != "F"])
    assert mark_struck(_labels("data"), sheet).tolist() == [STRUCK]
    # only its empty cells struck: nothing struck
    sheet = _grid_sheet([row(position=None, note=None)], ["F2", "K2"])
    assert mark_struck(_labels("data"), sheet).tolist() == ["data"]


def test_a_row_shorter_than_the_header_is_struck_by_the_cells_it_has():
    from helpers import row
    from thidua.ingest.cellrules import STRUCK, mark_struck, struck_note
    short = row()[:5]  # STT to the registrant: the rest of the row not written
    sheet = _grid_sheet([short], ["B2", "C2", "D2", "E2"])
    labels = mark_struck(_labels("data"), sheet)
    assert labels.tolist() == [STRUCK]
    assert struck_note(labels, sheet).startswith("1 dòng bị gạch ngang")
    sheet = _grid_sheet([short], ["B2", "C2", "D2"])
    labels = mark_struck(_labels("data"), sheet)
    assert labels.tolist() == ["data"]
    assert struck_note(labels, sheet) == (
        "Dòng 2: ô 'Tên mô hình', 'Lĩnh vực', 'Hình thức' bị gạch ngang nhưng các ô khác của "
        "dòng thì không: dòng vẫn được tính. Nếu đơn vị rút đăng ký này, đề nghị xóa dòng; nếu "
        "sửa, đề nghị ghi lại nội dung đúng.")


def test_a_column_outside_the_form_does_not_keep_a_struck_row():
    """An extra column the table reads by no form name (``Điện thoại``), filled and not struck,
    does not keep the row counted; its header is not said."""
    from helpers import HEADER, row
    from thidua.ingest.cellrules import STRUCK, mark_struck
    header = [*HEADER, "Điện thoại"]
    sheet = _grid_sheet([[*row(), "0912"]], [f"{c}2" for c in ALL_B_TO_J], header=header)
    assert mark_struck(_labels("data"), sheet).tolist() == [STRUCK]


def test_struck_note_word_for_word():
    from helpers import row
    from thidua.ingest.cellrules import STRUCK, struck_note
    rows = [row(stt=n) for n in range(1, 7)]
    struck = ([f"{c}{r}" for r in (2, 4) for c in ALL_B_TO_J] + ["E5", "B6", "C6", "A7"])
    sheet = _grid_sheet(rows, struck)
    labels = _labels(STRUCK, "data", STRUCK, "data", "data", "data")
    assert struck_note(labels, sheet) == (
        "2 dòng bị gạch ngang (đơn vị đã rút đăng ký) không được tính (bỏ qua): dòng 2, 4. Nếu "
        "vẫn đăng ký, đề nghị bỏ gạch ngang rồi gửi lại. Dòng 5: ô 'Tên tập thể/cá nhân' bị gạch "
        "ngang nhưng các ô khác của dòng thì không: dòng vẫn được tính. Nếu đơn vị rút đăng ký "
        "này, đề nghị xóa dòng; nếu sửa, đề nghị ghi lại nội dung đúng. Dòng 6: ô 'Tên mô hình', "
        "'Lĩnh vực' bị gạch ngang nhưng các ô khác của dòng thì không: dòng vẫn được tính. Nếu "
        "đơn vị rút đăng ký này, đề nghị xóa dòng; nếu sửa, đề nghị ghi lại nội dung đúng.")
    # a row partly struck but not data (a heading) says nothing; nothing struck: None
    assert struck_note(_labels("data", "heading", first=5), sheet) == (
        "Dòng 5: ô 'Tên tập thể/cá nhân' bị gạch ngang nhưng các ô khác của dòng thì không: dòng "
        "vẫn được tính. Nếu đơn vị rút đăng ký này, đề nghị xóa dòng; nếu sửa, đề nghị ghi lại "
        "nội dung đúng.")
    assert struck_note(_labels("data", "data", first=2), _grid_sheet(rows[:2])) is None
    # a row struck whole but labelled data (its label given) is no "partly" row
    assert struck_note(_labels("data", first=2), sheet) is None
    # one row struck
    assert struck_note(_labels(STRUCK, first=4), sheet) == (
        "1 dòng bị gạch ngang (đơn vị đã rút đăng ký) không được tính (bỏ qua): dòng 4. Nếu "
        "vẫn đăng ký, đề nghị bỏ gạch ngang rồi gửi lại.")


# --- the .xlsx struck readers, part by part, in this process --------------------------------
NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _zip(parts: dict[str, bytes]) -> zipfile.ZipFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


def _styles(fonts: list[bytes], xfs: list[bytes]) -> bytes:
    return (b'<styleSheet ' + NS + b'><fonts count="%d">' % len(fonts)
            + b"".join(b"<font>%s<sz val=\"11\"/></font>" % f for f in fonts)
            + b'</fonts><cellXfs count="%d">' % len(xfs) + b"".join(xfs)
            + b"</cellXfs></styleSheet>")


def _sheet_xml(cells: bytes) -> bytes:
    return b'<worksheet ' + NS + b'><sheetData><row r="1">' + cells + b"</row></sheetData></worksheet>"


def test_xlsx_fonts_strike_by_strike_or_its_val_and_styles_point_at_them_by_font_id():
    """Font 0 plain, 1 ``<strike/>``, 2 ``val="true"``, 3 ``val="false"``, 4 ``val="0"``,
    5 ``val="1"``; style 0 (no ``fontId``: font 0), 1→1, 2→2, 3→3, 4→4, 5→5, 6 (``fontId=""``:
    font 0), 7→1 again, 10→5."""
    from thidua.ingest.xlsxfacts import _struck_styles
    fonts = [b"", b"<strike/>", b'<strike val="true"/>', b'<strike val="false"/>',
             b'<strike val="0"/>', b'<b/><strike val="1"/>']
    xfs = [b"<xf/>", *(b'<xf fontId="%d"/>' % i for i in range(1, 6)), b'<xf fontId=""/>',
           b'<xf fontId="1"/>', b'<xf fontId="0"/>', b'<xf fontId="0"/>', b'<xf fontId="5"/>']
    archive = _zip({"xl/styles.xml": _styles(fonts, xfs)})
    assert _struck_styles(archive) == {1, 2, 5, 7, 10}
    # font 0 struck: a style without fontId (or an empty one) is struck
    archive = _zip({"xl/styles.xml": _styles([b"<strike/>", b""], [b"<xf/>", b'<xf fontId=""/>',
                                                                   b'<xf fontId="1"/>'])})
    assert _struck_styles(archive) == {0, 1}
    # a strike outside the fonts (a conditional format's), no fonts or no cell styles at all
    dxf = b"<dxfs><dxf><font><strike/></font></dxf></dxfs>"
    for body in (dxf, b"<fonts><font><strike/></font></fonts>" + dxf,
                 dxf + b'<cellXfs><xf fontId="0"/></cellXfs>'):
        archive = _zip({"xl/styles.xml": b"<styleSheet " + NS + b">" + body + b"</styleSheet>"})
        assert _struck_styles(archive) == set()
    # no styles part, or no word of strike in it
    assert _struck_styles(_zip({"xl/workbook.xml": b"<workbook/>"})) == set()
    assert _struck_styles(_zip({"xl/styles.xml": _styles([b"<b/>"], [b"<xf/>"])})) == set()


def test_xlsx_cells_struck_by_style_are_told_by_the_style_index_whole():
    """``s="1"`` and ``s="10"``: only the struck style's own index (``s="1"`` struck, ``s="10"``,
    ``s="21"`` not); a cell without a reference is passed over."""
    from thidua.ingest.xlsxfacts import _xlsx_struck
    fonts = [b"", b"<strike/>"]
    xfs = [b"<xf/>", b'<xf fontId="1"/>', *(b"<xf/>" for _ in range(20)), b'<xf fontId="1"/>']
    archive = _zip({"xl/styles.xml": _styles(fonts, xfs)})
    xml = _sheet_xml(b'<c r="A1" s="1"><v>1</v></c><c r="B1" s="10"><v>2</v></c>'
                     b'<c r="C1" s="21"><v>3</v></c><c r="D1" s="22" t="n"><v>4</v></c>'
                     b'<c s="1"><v>5</v></c><c r="AB3" s="1"/>')
    assert sorted(_xlsx_struck(archive, xml)[0]) == [(0, 0), (0, 3), (2, 27)]


def test_xlsx_shared_strings_struck_whole_count_every_si_even_an_empty_one():
    from thidua.ingest.xlsxfacts import _struck_strings, _xlsx_struck
    strings = (b"<sst " + NS + b"><si/><si><t>plain</t></si>"
               b"<si><r><rPr><strike/></rPr><t>struck</t></r></si>"
               b'<si><r><rPr><strike val="false"/></rPr><t>off</t></r></si>'
               b"<si><t>no runs</t><rPh><rPr><strike/></rPr></rPh></si>"
               b"<si><r><rPr><strike/></rPr><t> </t></r></si></sst>")
    archive = _zip({"xl/sharedStrings.xml": strings})
    assert _struck_strings(archive) == {2: ""}  # struck whole (``""``: nothing left)
    xml = _sheet_xml(b'<c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>1</v></c>'
                     b'<c r="C1" t="s">\n  <v>2</v></c><c t="s"><v>2</v></c>'
                     b'<c r="D1" t="s"><v>12</v></c>')
    assert sorted(_xlsx_struck(archive, xml)[0]) == [(0, 0), (0, 2)]
    # no shared strings part, or none struck: nothing
    assert _struck_strings(_zip({"xl/workbook.xml": b"<workbook/>"})) == {}
    assert _struck_strings(_zip({"xl/sharedStrings.xml": b"<sst " + NS + b"><si><t>a</t></si>"
                                 b"</sst>"})) == {}


def test_xlsx_rich_text_is_struck_when_every_run_with_text_is():
    from thidua.ingest.xlsxfacts import _rich_text

    def struck_whole(xml: bytes) -> bool:
        return _rich_text(xml) == ""
    assert struck_whole(b"<r><rPr><strike/></rPr><t>a</t></r><r><rPr><strike/></rPr>"
                        b"<t>b</t></r>")
    assert not struck_whole(b"<r><rPr><strike/></rPr><t>a</t></r><r><t>b</t></r>")
    # a run of spaces only does not count; no run with text: not struck
    assert struck_whole(b"<r><rPr><strike/></rPr><t>a</t></r><r><t xml:space=\"preserve\">"
                        b"  </t></r>")
    assert not struck_whole(b"<r><rPr><strike/></rPr><t> </t></r>")
    assert not struck_whole(b"<t>plain</t>")
    # a run of several texts, all blank, does not count either
    assert struck_whole(b"<r><rPr><strike/></rPr><t>a</t></r><r><rPr><b/></rPr><t> </t>"
                        b"<t> </t></r>")
    # the strike must be inside the run's own properties, not turned off there
    assert not struck_whole(b"<r><rPr><b/></rPr><t>a</t></r><r><rPr><strike/></rPr><t>b"
                            b"</t></r>")
    assert not struck_whole(b'<r><rPr><strike val="0"/></rPr><t>a</t></r>')
    assert struck_whole(b'<x:r><x:rPr><x:strike val="1"/></x:rPr><x:t>a</x:t></x:r>')


def test_xlsx_inline_strings_struck_whole():
    from thidua.ingest.xlsxfacts import _xlsx_struck
    archive = _zip({"xl/workbook.xml": b"<workbook/>"})
    xml = _sheet_xml(b'<c r="A1" t="inlineStr"><is><r><rPr><strike/></rPr><t>a</t></r></is></c>'
                     b'<c r="B1" t="inlineStr"><is><t>b</t></is></c>'
                     b'<c r="C1" t="inlineStr"><is><r><rPr><strike/></rPr><t>c</t></r>'
                     b"<r><t>d</t></r></is></c>"
                     b'<c t="inlineStr"><is><r><rPr><strike/></rPr><t>e</t></r></is></c>'
                     b'<c r="E1" t="inlineStr"><is><r><rPr><strike/></rPr><t>f</t></r></is></c>')
    whole, partly = _xlsx_struck(archive, xml)
    assert sorted(whole) == [(0, 0), (0, 4)]
    assert partly == {(0, 2): "d"}  # ``c`` struck, ``d`` kept (test_struck_words.py)
    # the word strike only in a plain cell's text: nothing struck
    assert _xlsx_struck(archive, _sheet_xml(b'<c r="A1" t="inlineStr"><is><t>strike</t></is>'
                                            b"</c>")) == (frozenset(), {})


# --- the .ods struck readers in this process -------------------------------------------------
ODS_NS = (b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          b'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def _ods_style(name: bytes, *said: bytes | None) -> bytes:
    """A ``<style:style>`` with one ``<style:text-properties>`` per ``said`` (its
    ``text-line-through-style``, or none when ``None``)."""
    props = b"".join(b"<style:text-properties/>" if s is None else
                     b'<style:text-properties style:text-line-through-style="%s"/>' % s
                     for s in said)
    return b'<style:style style:name="%s" style:family="table-cell">%s</style:style>' % (
        name, props)


def test_ods_named_styles_strike_by_their_last_saying_other_than_none():
    from thidua.ingest.odsfacts import _struck_styles
    styles = (b"<office:document-styles " + ODS_NS + b"><office:styles>"
              + _ods_style(b"solid", b"solid") + _ods_style(b"none", b"none")
              + _ods_style(b"later", b"solid", None, b"none")
              + _ods_style(b"again", b"none", b"dotted") + _ods_style(b"silent", None)
              + _ods_style(b"bare") + b"</office:styles></office:document-styles>")
    assert _struck_styles(_zip({"styles.xml": styles})) == {"solid", "again"}
    # only named styles: a default style (no name) striking would strike every cell without a
    # style of its own
    default = (b'<style:default-style style:family="table-cell"><style:text-properties '
               b'style:text-line-through-style="solid"/></style:default-style>')
    with_default = styles.replace(b"<office:styles>", b"<office:styles>" + default)
    assert _struck_styles(_zip({"styles.xml": with_default})) == {"solid", "again"}
    assert _struck_styles(_zip({"content.xml": b"<x/>"})) == set()
    plain = (b"<office:document-styles " + ODS_NS + b"><office:styles>" + _ods_style(b"b", None)
             + b"</office:styles></office:document-styles>")
    assert _struck_styles(_zip({"styles.xml": plain})) == set()


def test_ods_a_style_that_says_nothing_is_none_so_its_parent_decides():
    from defusedxml.ElementTree import fromstring

    from thidua.ingest.odsfacts import _strike_said

    def said(xml: bytes):
        return _strike_said(fromstring(b"<r " + ODS_NS + b">" + xml + b"</r>")[0])
    assert said(_ods_style(b"a", b"solid")) is True
    assert said(_ods_style(b"a", b"none")) is False
    assert said(_ods_style(b"a", None)) is None and said(_ods_style(b"a")) is None
    assert said(_ods_style(b"a", b"solid", b"none")) is False
    assert said(_ods_style(b"a", b"none", None, b"wave")) is True
    # the attribute on another child than the text properties says nothing
    other = (b'<style:style style:name="a"><style:paragraph-properties '
             b'style:text-line-through-style="solid"/></style:style>')
    assert said(other) is None


def test_an_xls_cell_is_struck_by_its_font_when_it_holds_a_value(tmp_path):
    """``xlsfacts.xls_facts`` in this process: the cells written with a struck font, none of
    the empty ones (a struck row's empty cells, row 8's ``None`` note) nor any other."""
    from corpus_writers import Sheet
    from thidua.ingest.xlsfacts import xls_facts
    path = tmp_path / "s.xls"
    rows = [["STT", "Tên mô hình"], [1, "Tủ sách", None], [2, "Chợ phiên"], [3, "Góc đọc"]]
    write_xls(path, [Sheet("DS", rows, struck=["2", "B3", "C3", "A4"])])
    assert sorted(xls_facts(path.read_bytes(), "DS").struck) == [(1, 0), (1, 1), (2, 1), (3, 0)]
    write_xls(path, [Sheet("DS", rows)])
    assert xls_facts(path.read_bytes(), "DS").struck == frozenset()
    # a whole row formatted struck: its empty cells are blank records with the struck font,
    # holding nothing to strike
    import xlwt
    book = xlwt.Workbook()
    ws = book.add_sheet("DS")
    struck = xlwt.easyxf("font: struck_out on")
    ws.write(0, 0, "STT")
    ws.write(1, 0, 1, struck)
    ws.write(1, 1, None, struck)
    ws.write(1, 2, "", struck)
    book.save(str(path))
    assert sorted(xls_facts(path.read_bytes(), "DS").struck) == [(1, 0)]
