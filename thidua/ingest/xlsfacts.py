""":class:`thidua.ingest.cellfacts.SheetFacts` of an ``.xls`` (BIFF) sheet, read with xlrd:
merged cells, row and column info, each cell's number format, error cells and the date mode."""

from __future__ import annotations

import datetime as dt
import struct

from thidua.ingest.cellfacts import SheetFacts, row_ranges, unstruck_text
from thidua.ingest.numfmt import format_number, is_year_only


def xls_facts(data: bytes, sheet: str) -> SheetFacts:
    """The facts of worksheet ``sheet`` of an ``.xls`` workbook's bytes: merged ranges,
    hidden rows and columns, the text a number cell shows under its format, date cells and date
    formulas' results as dates (``values``), error cells' text, cells whose font is struck
    through (``struck``), a rich text's struck runs dropped (``unstruck``), formulas no program computed
    (:func:`uncomputed_formulas`, given as ``=``: xlrd does not say the formula's text).
    ``filtered`` is not known (False). Raises what xlrd raises for bytes it cannot read (:func:`thidua.ingest.cells.sheet_facts`
    turns that into empty facts)."""
    import xlrd

    book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    try:
        ws = book.sheet_by_name(sheet)
        merges = tuple((r1, c1, r2 - 1, c2 - 1) for r1, r2, c1, c2 in ws.merged_cells)
        # hidden, or shut to zero height/width: Excel shows neither (issue 9.4)
        hidden = [r for r, info in ws.rowinfo_map.items() if info.hidden or info.height == 0]
        hidden_columns = tuple(sorted(c for c, info in ws.colinfo_map.items()
                                      if info.hidden or info.width == 0))
        shown, values, errors, struck, unstruck = {}, {}, {}, set(), {}
        fonts = {i for i, font in enumerate(book.font_list) if font.struck_out}
        runs = ws.rich_text_runlist_map if fonts else {}  # a shared string's rich text runs
        for r in range(ws.nrows):
            for c, cell in enumerate(ws.row(r)):
                if fonts and (r, c) in runs and cell.ctype == xlrd.XL_CELL_TEXT and (
                        text := _runs_unstruck(cell.value, runs[(r, c)], fonts,
                                               book.xf_list[cell.xf_index].font_index)) is not None:
                    if text:
                        unstruck[(r, c)] = text
                    else:
                        struck.add((r, c))
                elif fonts and cell.ctype not in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK) \
                        and book.xf_list[cell.xf_index].font_index in fonts:
                    struck.add((r, c))
                if cell.ctype == xlrd.XL_CELL_ERROR:
                    errors[(r, c)] = xlrd.error_text_from_code.get(cell.value, "#N/A")
                if cell.ctype == xlrd.XL_CELL_DATE:  # a date cell or a date formula's result
                    when = xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
                    values[(r, c)] = when.date() if when.time() == dt.time() else when
                    fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key)
                    if fmt and is_year_only(fmt.format_str):  # ``yyyy``: Excel shows the year
                        shown[(r, c)] = str(when.year)
                if cell.ctype != xlrd.XL_CELL_NUMBER:
                    continue
                fmt = book.format_map.get(book.xf_list[cell.xf_index].format_key)
                code = fmt.format_str if fmt else "General"
                if code not in ("General", "@"):
                    if (text := format_number(cell.value, code)) is not None:
                        shown[(r, c)] = text
        index = book.sheet_names().index(sheet)
        formulas = {cell: "=" for cell in uncomputed_formulas(
            book.mem, book.base, book._sh_abs_posn, index)}  # noqa: SLF001 - xlrd's offsets
        return SheetFacts(merges, row_ranges(hidden), shown, formulas, values, errors=errors,
                          hidden_columns=hidden_columns, struck=frozenset(struck),
                          unstruck=unstruck)
    finally:
        book.release_resources()


def _runs_unstruck(text: str, runs: list[tuple[int, int]], struck: set[int],
                   font: int) -> str | None:
    """A rich text cell's text without its struck runs
    (:func:`thidua.ingest.cellfacts.unstruck_text`). ``runs``: xlrd's ``(offset, font
    index)`` of each run; the text before the first run has the cell's own ``font``."""
    runs = sorted(runs)
    if not runs or runs[0][0] > 0:
        runs = [(0, font), *runs]
    ends = [offset for offset, _ in runs[1:]] + [len(text)]
    return unstruck_text([(text[offset:end], index in struck)
                          for (offset, index), end in zip(runs, ends)])


#: BIFF record ids: FORMULA, RECALCID (which engine last computed the workbook), EOF.
_FORMULA, _RECALCID, _EOF = 0x0006, 0x01C1, 0x000A
#: A FORMULA record's result "empty text" (type 3, then ``FFFF`` in bytes 6–7): what writers
#: that never compute (xlwt and the like) store for every formula.
_EMPTY_RESULT = (3, b"\xff\xff")


def _records(stream: bytes, start: int, stop: int | None = None):
    """``(id, body)`` of the BIFF records of ``stream`` from ``start``, up to ``stop`` or the
    substream's EOF record."""
    pos, stop = start, len(stream) if stop is None else stop
    while pos + 4 <= stop:
        kind, length = struct.unpack_from("<HH", stream, pos)
        yield kind, stream[pos + 4:pos + 4 + length]
        if kind == _EOF:
            return
        pos += 4 + length


def uncomputed_formulas(stream: bytes, start: int, sheet_starts: list[int],
                        index: int) -> list[tuple[int, int]]:
    """The cells ``(row, column)`` of sheet ``index`` of a BIFF8 workbook stream (``stream``;
    ``start``: the workbook globals' BOF offset, ``sheet_starts``: each sheet's) holding a formula that no program computed: the
    workbook has no RECALCID record (Excel and LibreOffice write one when they compute; a
    writer that never computes does not) and the formula's saved result is empty text, the
    placeholder such writers store. Read as it is, the cell is empty and a default would stand
    in for it (``Kết quả`` → ``Chưa đánh giá``): the row is rejected instead
    (:func:`thidua.ingest.cellrules.with_unsaved_formulas`). ``[]`` when the workbook was
    computed (its results, empty ones included, are what Excel showed)."""
    if any(kind == _RECALCID for kind, _ in _records(stream, start)):  # globals, to their EOF
        return []
    found = []
    for kind, body in _records(stream, sheet_starts[index]):
        if kind == _FORMULA and len(body) >= 14 and (body[6], body[12:14]) == _EMPTY_RESULT:
            row, col = struct.unpack_from("<2H", body)
            found.append((row, col))
    return found
