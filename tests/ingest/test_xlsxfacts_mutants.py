"""The facts of an ``.xlsx`` sheet read from its XML, part by part, in this process
(:mod:`thidua.ingest.xlsxfacts`; ``ingest_file`` reads them in the parsing worker, where a
mutation run cannot see them): the sheet's part, merges, hidden rows and columns, a filter,
formulas without a saved result, error cells, the text a formatted number shows."""

from __future__ import annotations

import io
import zipfile

import pytest

from thidua.ingest.xlsxfacts import (_cell, _cut, _sheet_path, _styled_formats, _xlsx_errors,
                                     _xlsx_formulas, _xlsx_hidden_columns, _xlsx_shown,
                                     xlsx_facts)

NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
R_NS = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
WORKBOOK = (b"<workbook " + NS + b" " + R_NS + b"><sheets>"
            + '<sheet name="Hướng dẫn" sheetId="1" r:id="rId1"/>'.encode()
            + b'<sheet name="DS" sheetId="2" r:id="rId2"/><sheet name="Abs" sheetId="3" '
            b'r:id="rId3"/></sheets></workbook>')
RELS = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        b'<Relationship Id="rId1" Target="worksheets/sheet1.xml"/>'
        b'<Relationship Id="rId2" Target="worksheets/sheet2.xml"/>'
        b'<Relationship Id="rId3" Target="/xl/worksheets/sheet3.xml"/></Relationships>')


def book(sheet: bytes, styles: bytes | None = None, name: str = "sheet2") -> zipfile.ZipFile:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
        z.writestr(f"xl/worksheets/{name}.xml", sheet)
        if styles is not None:
            z.writestr("xl/styles.xml", styles)
    return zipfile.ZipFile(io.BytesIO(out.getvalue()))


def worksheet(rows: bytes = b"", before: bytes = b"", after: bytes = b"") -> bytes:
    return b"<worksheet " + NS + b">" + before + b"<sheetData>" + rows + b"</sheetData>" + after \
        + b"</worksheet>"


@pytest.mark.parametrize("ref, cell", [(b"A1", (0, 0)), (b"Z3", (2, 25)), (b"AA10", (9, 26)),
                                       (b"XFD2", (1, 16383)), (b"a1", None), (b"A", None),
                                       (b"", None), (b"A1B", None)])
def test_a_cell_reference(ref, cell):
    assert _cell(ref) == cell


def test_the_sheet_s_part_by_its_name_relative_or_absolute():
    archive = book(worksheet())
    assert _sheet_path(archive, "DS") == "xl/worksheets/sheet2.xml"
    assert _sheet_path(archive, "Abs") == "xl/worksheets/sheet3.xml"
    assert _sheet_path(archive, "Khác") is None
    assert xlsx_facts(archive, "Khác").merges == ()


def test_merges_hidden_rows_and_a_filter_outside_the_rows():
    rows = (b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2" hidden="1"/>'
            b'<row r="3" hidden="true" spans="1:2"/><row r="4" ht="0"/><row r="5" ht="0.0"/>'
            b'<row r="6" ht="0.5"/><row r="7" hidden="0"/><row hidden="1"/>'
            b'<row r="9" customHeight="1" ht="0" hidden="false"/>')
    after = (b'<mergeCells count="3"><mergeCell ref="A1:C2"/><mergeCell ref="B5:B9"/>'
             b'<mergeCell ref="a1:b2"/></mergeCells>')
    facts = xlsx_facts(book(worksheet(rows, after=after)), "DS")
    assert facts.merges == ((0, 0, 1, 2), (4, 1, 8, 1))
    assert facts.hidden_rows(0, 20) == [1, 2, 3, 4, 8]
    assert facts.filtered is False
    # the rows up to ``rows`` only
    facts = xlsx_facts(book(worksheet(rows, after=after)), "DS", rows=3)
    assert facts.hidden_rows(0, 20) == [1, 2]
    # a filter: by the sheet's properties before the rows, or a filtered column after them
    for before, after in ((b'<sheetPr filterMode="1"/>', b""), (b'<sheetPr filterMode="true"/>', b""),
                          (b"", b'<autoFilter ref="A1:B3"><filterColumn colId="0"/></autoFilter>')):
        assert xlsx_facts(book(worksheet(rows, before, after)), "DS").filtered is True
    assert xlsx_facts(book(worksheet(rows, b'<sheetPr filterMode="0"/>')), "DS").filtered is False
    # the words in a cell's text are no filter
    text = b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;filterColumn</t></is></c></row>'
    assert xlsx_facts(book(worksheet(text)), "DS").filtered is False


def test_the_rows_cut_at_the_first_row_past_the_limit():
    xml = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r) for r in range(1, 40))
    assert _cut(xml, None) is xml
    cut = _cut(xml, 10)
    assert cut.endswith(b'<row r="10"><c r="A10"><v>10</v></c></row>')
    assert _cut(xml, 39) == xml and _cut(xml, 100) == xml
    assert _cut(xml, 0) == b""
    for n in (1, 2, 17, 38):
        assert _cut(xml, n).count(b"<row ") == n


@pytest.mark.parametrize("cols, hidden", [
    (b'<col min="2" max="3" hidden="1"/>', (1, 2)),
    (b'<col min="5" max="5" hidden="true" width="9"/><col min="6" max="6" width="0"/>', (4, 5)),
    (b'<col min="1" max="1" width="0.0"/><col min="2" max="2" width="0.5"/>', (0,)),
    (b'<col min="4" max="4" hidden="0"/>', ()),
    (b'<col min="x" max="2" hidden="1"/><col min="0" max="1" hidden="1"/>', (0,)),
    (b'<col max="2" hidden="1"/><col min="3" hidden="1"/>', (0, 1)),
    (b'<col min="998" max="16384" hidden="1"/>', (997, 998, 999)),
])
def test_hidden_columns_of_the_cols(cols, hidden):
    from thidua.ingest.limits import MAX_COLUMNS
    assert MAX_COLUMNS == 1000
    assert _xlsx_hidden_columns(b"<cols>" + cols + b"</cols>") == hidden


def test_hidden_columns_are_read_outside_the_rows_only():
    inside = b'<row r="1"><c r="A1" t="inlineStr"><is><t>&lt;col hidden="1"</t></is></c></row>'
    sheet = worksheet(inside, before=b'<cols><col min="3" max="3" hidden="1"/></cols>')
    assert xlsx_facts(book(sheet), "DS").hidden_columns == (2,)


def test_error_cells_with_their_text():
    xml = (b'<c r="A1" t="e"><v>#N/A</v></c><c r="B1" t="e"><f>1/0</f><v> #DIV/0! </v></c>'
           b'<c r="C1" t="e"></c><c t="e"><v>#REF!</v></c><c r="D1" t="e"><v>&lt;x&gt;</v></c>'
           b'<c r="E1"><v>5</v></c>')
    assert _xlsx_errors(xml) == {(0, 0): "#N/A", (0, 1): "#DIV/0!", (0, 3): "<x>"}
    facts = xlsx_facts(book(worksheet(b'<row r="1">' + xml + b"</row>")), "DS")
    assert facts.errors == {(0, 0): "#N/A", (0, 1): "#DIV/0!", (0, 3): "<x>"}
    assert xlsx_facts(book(worksheet(b'<row r="1"><c r="A1"><v>1</v></c></row>')), "DS").errors == {}


def test_formulas_without_a_saved_result_and_results_with_leading_zeros():
    xml = (b'<c r="A1"><f>VLOOKUP(B1,&quot;x&quot;)</f></c>'
           b'<c r="B1"><f>1+1</f><v></v></c><c r="C1"><f>2</f><v/></c><c r="D1"><f/></c>'
           b'<c r="E1"><f t="shared" si="0" ref="E1:E3">F1*2</f></c>'
           b'<c r="E2"><f t="shared" si="0"/></c><c r="E3"><f t="shared" si="7"/></c>'
           b'<c r="F1"><f>TEXT(1)</f><v>0200</v></c><c r="G1" t="str"><f>A1</f><v>0300</v></c>'
           b'<c r="H1"><f>1</f><v>200</v></c><c r="I1" t="n"><f>1</f><v>-012</v></c>'
           b'<c r="J1"><f>1</f><v>0</v></c><c><f>9</f></c><c r="K1"><f>1</f><v> </v></c>')
    formulas, shown = _xlsx_formulas(xml)
    assert formulas == {(0, 0): '=VLOOKUP(B1,"x")', (0, 1): "=1+1", (0, 2): "=2", (0, 3): "=",
                        (0, 4): "=F1*2", (1, 4): "=F1*2", (2, 4): "=", (0, 10): "=1"}
    assert shown == {(0, 5): "0200", (0, 8): "-012"}
    facts = xlsx_facts(book(worksheet(b'<row r="1">' + xml + b"</row>")), "DS")
    assert facts.formulas == formulas and facts.shown == shown
    # a later shared cell before its first keeps nothing; a prefixed formula element counts
    formulas, _ = _xlsx_formulas(b'<x:c r="A1"><x:f>SUM(1)</x:f></x:c>')
    assert formulas == {(0, 0): "=SUM(1)"}
    facts = xlsx_facts(book(worksheet(b'<row r="1"><x:c r="A1"><x:f>SUM(1)</x:f></x:c></row>')),
                       "DS")
    assert facts.formulas == {(0, 0): "=SUM(1)"}


STYLES = (b"<styleSheet " + NS + b'><numFmts count="3"><numFmt numFmtId="164" formatCode="00"/>'
          b'<numFmt numFmtId="165" formatCode="yyyy"/><numFmt numFmtId="166" '
          b'formatCode="&quot;Q&quot;0"/><numFmt formatCode="0.0"/></numFmts>'
          b'<cellStyleXfs count="1"><xf numFmtId="164"/></cellStyleXfs>'
          b'<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>'
          b'<xf numFmtId="49"/><xf numFmtId="14"/><xf numFmtId="165"/><xf numFmtId="166"/>'
          b'<xf numFmtId="2"/><xf/></cellXfs></styleSheet>')


def test_styles_with_a_number_format_that_changes_what_a_number_shows():
    """General (0), text (49) and a date (14) are read right already; ``00``, a year alone, a
    quoted prefix and a built-in ``0.00`` are not; a style without a format is General."""
    archive = book(worksheet(), STYLES)
    assert _styled_formats(archive) == {1: "00", 4: "yyyy", 5: '"Q"0', 6: "0.00"}
    assert _styled_formats(book(worksheet())) == {}
    no_xfs = b"<styleSheet " + NS + b'><numFmts><numFmt numFmtId="164" formatCode="00"/></numFmts>' \
        b"</styleSheet>"
    assert _styled_formats(book(worksheet(), no_xfs)) == {}


def test_a_formatted_number_shows_as_excel_shows_it():
    styled = {1: "00", 4: "yyyy", 6: "0.00", 12: "00"}
    xml = (b'<c r="A1" s="1"><v>5</v></c><c r="B1" s="4"><v>45292</v></c>'
           b'<c r="C1" s="6" t="n"><v>1.5</v></c><c r="D1" s="1" t="s"><v>3</v></c>'
           b'<c r="E1" s="2"><v>5</v></c><c r="F1" s="12"><v>7</v></c>'
           b'<c r="G1" s="1"><f>A1</f><v>8</v></c><c r="H1" s="1"><v>x</v></c><c s="1"><v>4</v></c>'
           b'<c r="I1" s="1">\n <v>9</v></c>')
    # a formula's saved result and a value after white space too; not a shared string, not a
    # style without a format, not a text that is no number, not a cell without reference
    assert _xlsx_shown(xml, styled) == {(0, 0): "05", (0, 1): "2024", (0, 2): "1.50",
                                        (0, 5): "07", (0, 6): "08", (0, 8): "09"}
    facts = xlsx_facts(book(worksheet(b'<row r="1">' + xml + b"</row>"), STYLES), "DS")
    assert facts.shown == {(0, 0): "05", (0, 1): "2024", (0, 2): "1.50", (0, 6): "08",
                           (0, 8): "09"}
    assert xlsx_facts(book(worksheet(b'<row r="1">' + xml + b"</row>")), "DS").shown == {}


# --- what the first run left (01/12) ----------------------------------------------------------
def test_a_sheet_without_its_relationship_id_has_no_part():
    workbook = WORKBOOK.replace(b"</sheets>", b'<sheet name="Trong" sheetId="9"/></sheets>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", RELS)
    assert _sheet_path(zipfile.ZipFile(io.BytesIO(out.getvalue())), "Trong") is None


def test_text_that_is_no_utf_8_is_read_with_replacement_characters():
    xml = b'<c r="A1" t="e"><v>#N/A\xff</v></c>'
    assert _xlsx_errors(xml) == {(0, 0): "#N/A\ufffd"}
    formulas, shown = _xlsx_formulas(b'<c r="A1"><f>A\xff1</f></c><c r="B1"><f>1</f>'
                                     b"<v>0\xff2</v></c>")
    assert formulas == {(0, 0): "=A\ufffd1"} and shown == {}


def test_a_shared_formula_s_cell_written_before_its_first_keeps_nothing_of_it():
    formulas, _ = _xlsx_formulas(b'<c r="E2"><f t="shared" si="0"/></c>'
                                 b'<c r="E1"><f t="shared" si="0" ref="E1:E2">F1*2</f></c>')
    assert formulas == {(1, 4): "=", (0, 4): "=F1*2"}


def test_a_formula_over_two_lines_before_a_formatted_result():
    xml = b'<c r="A1" s="1"><f>IF(1,\n2)</f><v>5</v></c>'
    assert _xlsx_shown(xml, {1: "00"}) == {(0, 0): "05"}


def test_rows_shut_to_zero_height_alone_are_hidden():
    rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="2" ht="0"/><row r="3" ht="0.00"/>'
    assert xlsx_facts(book(worksheet(rows)), "DS").hidden_rows(0, 5) == [1, 2]


def test_a_merge_with_a_reference_out_of_reach_is_passed_over():
    after = b'<mergeCells><mergeCell ref="A1:AAAA2"/><mergeCell ref="B1:C1"/></mergeCells>'
    assert xlsx_facts(book(worksheet(after=after)), "DS").merges == ((0, 1, 0, 2),)


def test_a_number_format_without_a_code_or_an_undefined_one():
    """A ``<numFmt>`` without ``formatCode`` gives the code ``""`` (nothing is formatted by
    it); a style naming a format the file does not define is General."""
    styles = (b"<styleSheet " + NS + b'><numFmts><numFmt numFmtId="170"/></numFmts><cellXfs>'
              b'<xf numFmtId="170"/><xf numFmtId="199"/><xf numFmtId="1"/></cellXfs></styleSheet>')
    assert _styled_formats(book(worksheet(), styles)) == {0: "", 2: "0"}


def test_styles_without_a_namespace_strike_all_the_same():
    from thidua.ingest.xlsxfacts import _struck_styles
    styles = (b"<styleSheet><fonts><font><strike/></font><font/></fonts><cellXfs>"
              b'<xf fontId="0"/><xf fontId="1"/></cellXfs></styleSheet>')
    assert _struck_styles(book(worksheet(), styles)) == {0}


def test_a_text_result_saved_empty_is_saved():
    """``<c t="str"><f>IF(B9="","",ROW()-8)</f><v/></c>``: Excel's bytes for a formula whose
    result is the empty string, filled down a template below the list (fresh tester M's M057:
    44 such rows were rejected as registrations missing every value). A number cell with an
    empty result (no type, ``<v/>``) and a text cell with no ``<v>`` at all stay unsaved."""
    xml = (b'<c r="A1" t="str"><f>IF(B1="","",ROW()-8)</f><v/></c>'
           b'<c r="B1" t="str"><f>C1</f><v></v></c><c r="C1" t="str"><f>D1</f><v> </v></c>'
           b'<c r="D1" t="str"><f>E1</f></c><c r="E1"><f>F1</f><v/></c>'
           b'<c r="F1" t="b"><f>G1</f><v/></c>')
    formulas, _ = _xlsx_formulas(xml)
    assert formulas == {(0, 3): "=E1", (0, 4): "=F1", (0, 5): "=G1"}


def test_a_workbook_computed_on_opening_saved_no_result_of_zero():
    """xlsxwriter and openpyxl write ``<calcPr fullCalcOnLoad="1"/>`` and ``0`` as a formula's
    saved value (fresh tester M's M012: ``Hình thức`` =IF(…) on every row read as ``0``, each
    row rejected "'0' không hợp lệ"). In such a workbook a saved number ``0`` is no result;
    in any other it is one; text and other numbers stay saved."""
    xml = (b'<c r="A1"><f>IF(F1&lt;&gt;"","C\xc3\xa1 nh\xc3\xa2n","T\xe1\xba\xadp th\xe1\xbb\x83")'
           b'</f><v>0</v></c><c r="B1" t="n"><f>B2</f><v> 0 </v></c>'
           b'<c r="C1" t="str"><f>C2</f><v>0</v></c><c r="D1"><f>D2</f><v>5</v></c>'
           b'<c r="E1"><f>E2</f><v>0.0</v></c>')
    formulas, _ = _xlsx_formulas(xml, placeholders=True)
    assert formulas == {(0, 0): '=IF(F1<>"","Cá nhân","Tập thể")', (0, 1): "=B2"}
    assert _xlsx_formulas(xml)[0] == {}
    computed = WORKBOOK.replace(b"</workbook>", b'<calcPr calcId="124519" fullCalcOnLoad="1"/>'
                                                b"</workbook>")
    sheet = worksheet(b'<row r="1">' + xml + b"</row>")
    for workbook, found in ((computed, {(0, 0), (0, 1)}),
                            (computed.replace(b'"1"/>', b'"true"/>'), {(0, 0), (0, 1)}),
                            (computed.replace(b'fullCalcOnLoad="1"', b'calcMode="auto"'), set()),
                            (WORKBOOK, set())):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            z.writestr("xl/workbook.xml", workbook)
            z.writestr("xl/_rels/workbook.xml.rels", RELS)
            z.writestr("xl/worksheets/sheet2.xml", sheet)
        assert set(xlsx_facts(zipfile.ZipFile(io.BytesIO(out.getvalue())), "DS").formulas) == found


def test_a_text_result_saved_empty_is_a_saved_result():
    """Excel saves ``=IF(B9="","",ROW()-8)`` over an empty B9 as ``t="str"`` and ``<v></v>``:
    a result, the empty text, not a formula left unsaved (fresh tester M's M041, M056: every
    prepared row was rejected as an unsaved formula). Without ``t="str"`` (openpyxl's formula
    never calculated) or without ``<v>`` it stays unsaved; a shared formula's first cell still
    gives its text to the later ones."""
    xml = (b'<c r="A9" t="str"><f>IF(B9="","",ROW()-8)</f><v></v></c>'
           b'<c r="B9" t="str"><f>C9</f><v/></c><c r="C9" t="str"><f> </f><v> </v></c>'
           b'<c r="D9" t="str"><f>1</f></c><c r="E9"><f>IF(1,"","")</f><v></v></c>'
           b'<c r="F9" t="str"><f t="shared" si="1" ref="F9:F10">G9</f><v></v></c>'
           b'<c r="F10"><f t="shared" si="1"/></c>')
    formulas, shown = _xlsx_formulas(xml)
    assert formulas == {(8, 3): "=1", (8, 4): '=IF(1,"","")', (9, 5): "=G9"}
    assert shown == {}
