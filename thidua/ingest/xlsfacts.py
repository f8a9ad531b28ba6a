""":class:`thidua.ingest.cellfacts.SheetFacts` of an ``.xls`` (BIFF) sheet, read with xlrd:
merged cells, row and column info, each cell's number format, error cells and the date mode."""

from __future__ import annotations

import datetime as dt

from thidua.ingest.cellfacts import SheetFacts, row_ranges
from thidua.ingest.numfmt import format_number


def xls_facts(data: bytes, sheet: str) -> SheetFacts:
    """The facts of worksheet ``sheet`` of an ``.xls`` workbook's bytes: merged ranges,
    hidden rows and columns, the text a number cell shows under its format, date cells and date
    formulas' results as dates (``values``), error cells' text. ``filtered`` is not known
    (False). Raises what xlrd raises for bytes it cannot read (:func:`thidua.ingest.cells.sheet_facts`
    turns that into empty facts)."""
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    try:
        ws = book.sheet_by_name(sheet)
        merges = tuple((r1, c1, r2 - 1, c2 - 1) for r1, r2, c1, c2 in ws.merged_cells)
        hidden = [r for r, info in ws.rowinfo_map.items() if info.hidden]
        hidden_columns = tuple(sorted(c for c, info in ws.colinfo_map.items() if info.hidden))
        shown, values, errors = {}, {}, {}
        for r in range(ws.nrows):
            for c, cell in enumerate(ws.row(r)):
                if cell.ctype == xlrd.XL_CELL_ERROR:
                    errors[(r, c)] = xlrd.error_text_from_code.get(cell.value, "#N/A")
                if cell.ctype == xlrd.XL_CELL_DATE:  # a date cell or a date formula's result
                    when = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                    values[(r, c)] = when.date() if when.time() == dt.time() else when
                if cell.ctype != xlrd.XL_CELL_NUMBER:
                    continue
                fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key)
                code = fmt.format_str if fmt else "General"
                if code not in ("General", "@"):
                    if (text := format_number(cell.value, code)) is not None:
                        shown[(r, c)] = text
        return SheetFacts(merges, row_ranges(hidden), shown, {}, values, errors=errors,
                          hidden_columns=hidden_columns)
    finally:
        book.release_resources()
