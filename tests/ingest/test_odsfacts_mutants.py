"""The facts of an ``.ods`` sheet read from its ``content.xml`` in this process
(:func:`thidua.ingest.odsfacts.ods_facts`; ``ingest_file`` reads them in the parsing worker,
where a mutation run cannot see them): only the named table's, its merges, hidden rows and
columns, a filter, formulas without a saved result, error cells, the text a number shows."""

from __future__ import annotations

import io
import zipfile

from thidua.ingest.odsfacts import ods_facts

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"')


def table(name: str, body: str) -> str:
    return f'<table:table table:name="{name}">{body}</table:table>'


def facts(*tables: str, sheet: str = "DS"):
    content = (f"<office:document-content {NS}><office:body><office:spreadsheet>"
               f"{''.join(tables)}</office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml", content.encode())
    return ods_facts(zipfile.ZipFile(io.BytesIO(out.getvalue())), sheet)


def cell(text: str = "", **attrs: str) -> str:
    said = " ".join(f'{k.replace("__", ":").replace("_", "-")}="{v}"' for k, v in attrs.items())
    paragraphs = "".join(f"<text:p>{t}</text:p>" for t in text.split("|")) if text else ""
    return f"<table:table-cell {said}>{paragraphs}</table:table-cell>"


def row(*cells: str, **attrs: str) -> str:
    said = " ".join(f'{k.replace("__", ":").replace("_", "-")}="{v}"' for k, v in attrs.items())
    return f"<table:table-row {said}>{''.join(cells)}</table:table-row>"


OTHER = table("Khác", row(cell("x", table__number_columns_spanned="2"),
                          table__visibility="collapse") + row(cell("=", table__formula="of:=1")))


def test_only_the_named_table_s_facts_are_read():
    body = row(cell("a"))
    assert facts(OTHER, table("DS", body), OTHER) == facts(table("DS", body))
    got = facts(OTHER, table("DS", body))
    assert (got.merges, got.hidden, got.formulas) == ((), (), {})
    assert facts(OTHER, sheet="Không có").merges == ()


def test_hidden_and_filtered_rows_counted_with_their_repeats():
    body = (row(cell("a")) + row(cell("b"), table__number_rows_repeated="2")
            + row(cell("c"), table__visibility="collapse", table__number_rows_repeated="3")
            + row(cell("d")) + row(cell("e"), table__visibility="filter")
            + row(cell("f"), table__visibility="visible"))
    got = facts(table("DS", body))
    assert got.hidden_rows(0, 20) == [3, 4, 5, 7]
    assert got.filtered is True
    got = facts(table("DS", row(cell("a"), table__visibility="collapse")))
    assert got.hidden_rows(0, 5) == [0] and got.filtered is False


def test_hidden_columns_and_merges_by_their_repeats_and_spans():
    columns = ('<table:table-column table:number-columns-repeated="2"/>'
               '<table:table-column table:visibility="collapse"/>'
               '<table:table-column table:number-columns-repeated="2" table:visibility="filter"/>'
               '<table:table-column/>')
    body = columns + row(
        cell("a", table__number_columns_spanned="2", table__number_rows_spanned="3"),
        "<table:covered-table-cell/>", cell("b", table__number_columns_repeated="3"),
        cell("c", table__number_columns_spanned="2"), "<table:covered-table-cell/>",
        cell("d", table__number_rows_spanned="2"), cell("e", table__number_rows_spanned="1"))
    got = facts(table("DS", body))
    assert got.hidden_columns == (2, 3, 4)
    assert got.merges == ((0, 0, 2, 1), (0, 5, 0, 6), (0, 7, 1, 7))


def test_hidden_columns_are_bounded():
    from thidua.ingest.limits import MAX_COLUMNS
    body = ('<table:table-column table:number-columns-repeated="998"/>'
            '<table:table-column table:number-columns-repeated="5000" '
            'table:visibility="collapse"/>') + row(cell("a"))
    assert facts(table("DS", body)).hidden_columns == tuple(range(998, MAX_COLUMNS))


def test_formulas_without_a_saved_result_and_error_cells():
    body = row(cell(table__formula="of:=VLOOKUP(A1)"), cell(table__formula="oooc:=SUM(1)"),
               cell(table__formula="msoxl:=A1"), cell(table__formula="=B1"),
               cell("3", table__formula="of:=1+2", office__value_type="float",
                    office__value="3"),
               cell("#N/A", table__formula="of:=NA()", office__value_type="string",
                    calcext__value_type="error"),
               cell("Err:502|x", calcext__value_type="error"))
    got = facts(table("DS", body))
    assert got.formulas == {(0, 0): "=VLOOKUP(A1)", (0, 1): "=SUM(1)", (0, 2): "=A1",
                            (0, 3): "=B1"}
    assert got.errors == {(0, 5): "#N/A", (0, 6): "Err:502\nx"}


def test_the_text_a_number_or_a_year_shows():
    body = row(cell("05", office__value_type="float", office__value="5"),
               cell("50%", office__value_type="percentage", office__value="0.5"),
               cell("1.000 đ", office__value_type="currency", office__value="1000"),
               cell(office__value_type="float", office__value="7"),
               cell("2024", office__value_type="date", office__date_value="2024-01-01"),
               cell(" 2024 ", office__value_type="date", office__date_value="2024-01-01"),
               cell("01/01/2024", office__value_type="date", office__date_value="2024-01-01"),
               cell("1899", office__value_type="date", office__date_value="1899-01-01"),
               cell("abc", office__value_type="string"), cell("1|2", office__value_type="float"))
    got = facts(table("DS", body))
    assert got.shown == {(0, 0): "05", (0, 1): "50%", (0, 2): "1.000 đ", (0, 4): "2024",
                         (0, 5): "2024", (0, 9): "1\n2"}


def test_a_paragraph_s_text_in_several_pieces_is_read_whole():
    """``<text:span>`` inside a paragraph (a word in bold): its pieces joined as they are."""
    body = row(cell("#N/A<text:span>x</text:span>", calcext__value_type="error"),
               cell("0<text:span>5</text:span>", office__value_type="float", office__value="5"),
               cell("20<text:span>24</text:span>", office__value_type="date",
                    office__date_value="2024-01-01"),
               cell("20|24", office__value_type="date", office__date_value="2024-01-01"))
    got = facts(table("DS", body))
    assert got.errors == {(0, 0): "#N/Ax"}
    assert got.shown == {(0, 1): "05", (0, 2): "2024", (0, 3): "2024"}


def test_a_struck_cell_of_blank_pieces_holds_nothing_struck():
    styles = ('<office:automatic-styles><style:style style:name="g" style:family="table-cell">'
              '<style:text-properties style:text-line-through-style="solid"/></style:style>'
              "</office:automatic-styles>")
    body = row(cell(" <text:span> </text:span>", table__style_name="g"),
               cell("a<text:span> </text:span>", table__style_name="g"))
    content = (f"<office:document-content {NS}>{styles}<office:body><office:spreadsheet>"
               f"{table('DS', body)}</office:spreadsheet></office:body></office:document-content>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("content.xml", content.encode())
    got = ods_facts(zipfile.ZipFile(io.BytesIO(out.getvalue())), "DS")
    assert got.struck == frozenset({(0, 1)})
