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
