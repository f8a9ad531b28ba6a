"""Words struck through INSIDE a cell (fresh tester G's 1017, 1023, 701, 102): a unit edits a
cell by striking the part that does not apply (the Vietnamese form's "gạch bỏ phần không phù
hợp": ``Tập thể / ~~Cá nhân~~``, ``~~Hoàn thành~~ / Tiêu biểu``, ``Năm: ~~2023~~ 2024``,
``~~01/2024~~ 03/2024 - 12/2024``). Excel shows the words kept plain; they are what the cell
says (``SheetFacts.unstruck``, applied to the grid before the title block and the rows are
read), and the unit is told which cells (``cellrules.unstruck_note``). A cell struck whole keeps
the rule of rows struck through (``test_struck_rows.py``)."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest

from corpus_rows import regs, titled
from corpus_writers import Rich, write_ods, write_xls, write_xlsx
from helpers import input_file
from thidua.ingest.cellfacts import unstruck_text
from thidua.ingest.files import ingest_file
from thidua.ingest.xlsxfacts import xlsx_facts

S = True  # a struck part


@pytest.mark.parametrize("parts, read", [
    ([("Tập thể / ", False), ("Cá nhân", S)], "Tập thể"),
    ([("Hoàn thành", S), (" / Tiêu biểu", False)], "Tiêu biểu"),
    ([("Năm: ", False), ("2023", S), (" 2024", False)], "Năm: 2024"),
    ([("01/2024", S), (" 03/2024 - 12/2024", False)], "03/2024 - 12/2024"),
    ([("A / ", False), ("B", S), (" / C", False)], "A / C"),
    ([("A, ", False), ("B", S), (", C", False)], "A, C"),
    ([("Tập thể", False), ("\nCá nhân", S)], "Tập thể"),
    ([("Câu lạc bộ ", S), ("Bữa cơm", False)], "Bữa cơm"),
    ([("Đội", False), ("x", S), ("bóng", False)], "Độibóng"),
    ([("Tập thể", S), (" / ", False), ("Cá nhân", S)], ""),  # nothing but a separator: whole
    ([("x", S), ("  ", False)], ""),
    ([("plain", False)], None),
    ([("plain ", False), ("  ", S)], None),  # a struck blank strikes no word
])
def test_the_words_kept_and_the_separators_the_strike_leaves(parts, read):
    assert unstruck_text(parts) == read


WRITERS = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}


def _shared(path) -> None:
    """The .xlsx at ``path`` with its inline strings moved to ``xl/sharedStrings.xml``, as
    Excel saves them (rich text runs kept)."""
    source = zipfile.ZipFile(path)
    parts = {n: source.read(n) for n in source.namelist()}
    strings: list[bytes] = []

    def shared(m: re.Match) -> bytes:
        strings.append(m.group(2))
        return m.group(1).replace(b'"inlineStr"', b'"s"') + b"<v>%d</v></c>" % (len(strings) - 1)

    sheet = re.sub(rb'(<c [^>]*t="inlineStr"[^>]*>)<is>(.*?)</is></c>', shared,
                   parts["xl/worksheets/sheet1.xml"], flags=re.DOTALL)
    assert strings and sheet != parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet
    parts["xl/sharedStrings.xml"] = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"".join(b"<si>%s</si>" % s for s in strings) + b"</sst>")
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    path.write_bytes(out.getvalue())


def _edited_sheet():
    """Q-DD's 8 registrations (rows 7-14; even ``i`` collectives) edited by striking:
    the title's year, every coded column, a model, a period; row 13 struck whole (its
    ``Hình thức`` struck in each run, the other cells by font): withdrawn."""
    sheet = titled("Q-DD", regs(8))
    rows = sheet.rows
    rows[3][0] = Rich("Năm: ", ("2023", S), " 2024")
    for r in range(6, 14):
        rows[r][3] = (Rich("Tập thể / ", ("Cá nhân", S)) if rows[r][3] == "Tập thể"
                      else Rich(("Tập thể", S), " / Cá nhân"))
    rows[6][2] = Rich(("Kinh tế", S), ", Văn hóa - xã hội")  # Lĩnh vực
    rows[7][6] = Rich(("Cơ sở", S), " / Cấp trên trực tiếp cơ sở")  # Cấp công đoàn
    rows[8][9] = Rich(("Hoàn thành", S), " / Tiêu biểu")  # Kết quả
    rows[9][1] = Rich(("Câu lạc bộ ", S), "Góp vốn xoay vòng")  # a model renamed
    rows[10][8] = Rich(("01/2024", S), " 03/2024 - 12/2024")  # Thời gian thực hiện
    rows[12][3] = Rich(("Tập thể", S), " / ", ("Cá nhân", S))  # nothing kept: struck whole
    return dataclasses.replace(sheet, struck=[f"{c}13" for c in "ABCEFGHIJK"])


NOTE = ("Có ô bị gạch ngang một phần (gạch bỏ phần không phù hợp), đã đọc không kể phần bị "
        "gạch: ô A4 đọc là 'Năm: 2024'; cột 'Tên mô hình' (cột B) dòng 10 (tên mô hình được "
        "ghi không kể chữ bị gạch, dòng 10: 'Góp vốn xoay vòng'); cột 'Lĩnh vực' (cột C) dòng "
        "7; cột 'Hình thức' (cột D) dòng 7, 8, 9, 10, 11, 12, 14; cột 'Cấp công đoàn' (cột G) "
        "dòng 8; cột 'Thời gian thực hiện' (cột I) dòng 11; cột 'Kết quả' (cột J) dòng 9. Nếu "
        "phần bị gạch vẫn cần được tính, đề nghị bỏ gạch ngang rồi gửi lại.")


@pytest.mark.parametrize("kind", ["xlsx", "xlsx-shared", "xls", "ods"])
def test_struck_words_in_a_cell_are_dropped_in_every_format(tmp_path, context, kind):
    suffix = kind.split("-")[0]
    path = tmp_path / f"Q-DD_dk.{suffix}"
    WRITERS[suffix](path, [_edited_sheet()])
    if kind == "xlsx-shared":
        _shared(path)
    result = ingest_file(input_file(path), context)
    assert result.status != "rejected", result.problem
    assert result.rows == {"read": 8, "valid": 7, "rejected": 0, "ignored": 1}
    assert result.ignored["struck"] == 1
    reg = result.registrations
    assert reg.index.tolist() == [7, 8, 9, 10, 11, 12, 14]
    assert reg["type"].tolist() == ["collective", "individual"] * 3 + ["individual"]
    assert reg["field"].tolist() == ["VHXH", "VHXH", "ANQP", "XDHTCT", "KT", "VHXH", "XDHTCT"]
    assert reg["level"].tolist() == ["co_so", "cap_tren_co_so", *["co_so"] * 5]
    assert reg["result"].tolist() == ["hoan_thanh"] * 2 + ["tieu_bieu"] + ["hoan_thanh"] * 4
    assert reg.loc[10, "model"] == "Góp vốn xoay vòng"
    assert (str(reg.loc[11, "period_start"].date()), str(reg.loc[11, "period_end"].date())) == (
        "2024-03-01", "2024-12-31")
    assert NOTE in result.notes


@pytest.fixture
def edited_xlsx(tmp_path):
    """An .xlsx (inline strings) and its cells' XML, to edit by hand."""
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [_edited_sheet()])
    return path


def _facts_of(path, edit):
    source = zipfile.ZipFile(path)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in source.namelist():
            data = source.read(name)
            dst.writestr(name, edit(data) if name == "xl/worksheets/sheet1.xml" else data)
    return xlsx_facts(zipfile.ZipFile(io.BytesIO(out.getvalue())), "Danh sách")


def test_strike_turned_off_by_val_0_keeps_the_words(edited_xlsx):
    """``<strike val="0"/>`` (or ``false``) says NOT struck: the cell reads whole."""
    def off(xml: bytes) -> bytes:
        changed = re.sub(rb"<strike(?: val=\"1\")?/>", b'<strike val="0"/>', xml)
        assert changed != xml
        return changed.replace(b'<strike val="0"/>', b'<strike val="false"/>', 3)
    facts = _facts_of(edited_xlsx, off)
    assert facts.unstruck == {}
    assert (12, 3) not in facts.struck


def test_one_struck_run_in_a_plain_cell_and_the_cells_around(edited_xlsx):
    """Only the rich text cells are read again; the plain cells beside them are not in
    ``unstruck``; the whole-struck rich cell is in ``struck``."""
    facts = _facts_of(edited_xlsx, lambda xml: xml)
    assert facts.unstruck[(3, 0)] == "Năm: 2024"
    assert facts.unstruck[(6, 2)] == "Văn hóa - xã hội"
    assert facts.unstruck[(8, 9)] == "Tiêu biểu"
    assert (12, 3) in facts.struck and (12, 3) not in facts.unstruck
    assert (6, 1) not in facts.unstruck and (6, 4) not in facts.unstruck
    assert len(facts.unstruck) == 13


def test_a_title_year_edited_by_striking_reads_as_the_new_year(tmp_path, context):
    """701: ``Năm: ~~2023~~ 2024``: the file is read for 2024, not rejected for the year."""
    sheet = titled("Q-DD", regs(2))
    sheet.rows[3][0] = Rich("Năm: ", ("2023", S), " 2024")
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [sheet])
    result = ingest_file(input_file(path), context)
    assert result.status != "rejected", result.problem
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.notes == [
        "Có ô bị gạch ngang một phần (gạch bỏ phần không phù hợp), đã đọc không kể phần bị "
        "gạch: ô A4 đọc là 'Năm: 2024'. Nếu phần bị gạch vẫn cần được tính, đề nghị bỏ gạch "
        "ngang rồi gửi lại."]


def test_an_ods_span_strikes_by_its_style_or_its_parent_style(tmp_path):
    """LibreOffice: a ``text:span``'s automatic style strikes, or inherits strikethrough from
    its named parent (``styles.xml``, itself maybe by its parent), unless it turns it off
    (``none``)."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.style import Style, TextProperties
    from odf.table import Table, TableCell, TableRow
    from odf.text import P, Span

    from thidua.ingest.odsfacts import ods_facts

    doc = OpenDocumentSpreadsheet()
    named = Style(name="Gạch", family="text")
    named.addElement(TextProperties(textlinethroughstyle="solid"))
    grand = Style(name="GạchCon", family="text", parentstylename="Gạch")
    doc.styles.addElement(named)
    doc.styles.addElement(grand)
    styles = {"own": Style(name="own", family="text"),
              "child": Style(name="child", family="text", parentstylename="GạchCon"),
              "off": Style(name="off", family="text", parentstylename="Gạch")}
    styles["own"].addElement(TextProperties(textlinethroughstyle="solid"))
    styles["off"].addElement(TextProperties(textlinethroughstyle="none"))
    for style in styles.values():
        doc.automaticstyles.addElement(style)
    table = Table(name="DS")
    row = TableRow()
    for name in ("own", "child", "off"):
        cell = TableCell(valuetype="string")
        paragraph = P(text="Tập thể / ")
        paragraph.addElement(Span(stylename=styles[name], text="Cá nhân"))
        cell.addElement(paragraph)
        row.addElement(cell)
    whole = TableCell(valuetype="string")
    paragraph = P()
    paragraph.addElement(Span(stylename=styles["own"], text="Tập thể"))
    whole.addElement(paragraph)
    row.addElement(whole)
    table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "s.ods"
    doc.save(str(path))
    facts = ods_facts(zipfile.ZipFile(path), "DS")
    assert facts.unstruck == {(0, 0): "Tập thể", (0, 1): "Tập thể"}
    assert facts.struck == {(0, 3)}


# --- in this process (issue 14): the optional part and the pieces' edges ----------------------
def test_an_optional_part_is_read_only_when_present_and_holding_the_marker():
    from thidua.ingest.cellfacts import part_holding
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as package:
        package.writestr("xl/styles.xml", b"<font><strike/></font>")
    with zipfile.ZipFile(data) as package:
        assert part_holding(package, "xl/styles.xml", b"strike") == b"<font><strike/></font>"
        assert part_holding(package, "xl/styles.xml") == b"<font><strike/></font>"
        assert part_holding(package, "xl/styles.xml", b"line-through") == b""
        assert part_holding(package, "xl/sharedStrings.xml", b"strike") == b""
        assert part_holding(package, "xl/sharedStrings.xml") == b""


@pytest.mark.parametrize("parts, read", [
    ([("A\x00B ", False), ("x", S), ("C", False)], "AB C"),  # a NUL typed is no strike
    ([("", S), ("A", False), ("", False), ("B", S)], "A"),  # empty pieces count for nothing
    ([("A; ", False), ("B", S), (" C", False)], "A; C"),
    ([("A ", False), ("B", S), (" ;C", False)], "A; C"),
    ([("A ", False), ("B", S), (" - C", False)], "A - C"),
    ([("A", False), ("B", S), (" C", False)], "A C"),
    ([("A ", False), ("B", S), ("C", False)], "A C"),
    ([(" ", S), ("A", False)], None),  # a struck blank strikes nothing
    ([("A", False), (" ", False), ("B", S)], "A"),
    ([("-", False), ("B", S)], ""),
])
def test_more_edges_of_the_words_kept(parts, read):
    assert unstruck_text(parts) == read
