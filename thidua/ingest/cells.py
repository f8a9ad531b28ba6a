"""What a sheet's cells really hold, beyond the values python-calamine reads (issues 9.2, 9.4,
16.1, 16.5): merged ranges, hidden rows, the text Excel shows for a number under a number
format, formulas saved without their result, and ``.xls`` date formulas.

python-calamine stays the value reader (:mod:`thidua.ingest.workbook`); this module reads
only these facts, only for the data sheet, and as cheaply as the format allows:

- ``.xlsx``: the sheet's XML is searched as bytes (``<mergeCell``, ``hidden=``, ``<f``) and only
  the cells concerned are looked at; ``styles.xml`` says which styles carry a number format
  other than General, text or a date, and only cells with such a style are formatted.
  The workbook's small XML parts are parsed with defusedxml.
- ``.xls``: xlrd (merged cells, row info, each cell's format, date mode).
- ``.ods``: one streaming pass (defusedxml ``iterparse``) over ``content.xml``, never
  expanding repeated rows or columns.

Positions are 0-based ``(row, column)`` of the grid (row 0 = Excel row 1).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from html import unescape

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

from thidua.ingest.limits import MAX_COLUMNS
from thidua.ingest.numfmt import format_number

Cell = tuple[int, int]


@dataclass(frozen=True)
class SheetFacts:
    """Facts of one sheet. ``merges``: ``(first row, first col, last row, last col)``,
    inclusive. ``hidden``: half-open row ranges ``(start, stop)`` of hidden rows. ``shown``:
    the text Excel shows for a number cell whose format is not General (or a formula's raw
    cached text, ``0200``). ``formulas``: cells holding a formula whose result was never saved
    → the formula text (``=VLOOKUP(…)``). ``values``: cells whose value must replace the one
    read (``.xls`` date formulas read as serial numbers → dates). ``filtered``: the sheet was
    saved with a filter applied, so its hidden rows may be hidden by the filter, not by hand
    (``.xlsx``: ``filterMode`` or a ``filterColumn``; ``.ods``: rows of visibility ``filter``;
    ``.xls``: not known, False). ``hidden_columns``: the hidden columns (0-based), sorted.
    ``errors``: cells holding an Excel error value → its text (``#N/A``), which
    python-calamine reads as empty."""

    merges: tuple[tuple[int, int, int, int], ...] = ()
    hidden: tuple[tuple[int, int], ...] = ()
    shown: dict[Cell, str] = field(default_factory=dict)
    formulas: dict[Cell, str] = field(default_factory=dict)
    values: dict[Cell, object] = field(default_factory=dict)
    filtered: bool = False
    hidden_columns: tuple[int, ...] = ()
    errors: dict[Cell, str] = field(default_factory=dict)

    def hidden_rows(self, start: int, stop: int) -> list[int]:
        """The hidden rows among ``range(start, stop)``, sorted (bounded by the range)."""
        rows: set[int] = set()
        for a, b in self.hidden:
            rows.update(range(max(a, start), min(b, stop)))
        return sorted(rows)


def sheet_facts(data: bytes, sheet: str, rows: int | None = None) -> SheetFacts:
    """The :class:`SheetFacts` of worksheet ``sheet`` of a workbook's bytes (format from the
    content). ``rows``: the grid's height; the rows of an ``.xlsx`` below it (styled, hidden,
    empty rows down to row 1,048,576) are not looked at. A workbook whose facts cannot be read
    gives empty facts: the values python-calamine read still count, as before."""
    try:
        if data.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "xl/workbook.xml" in names:
                    return _xlsx_facts(archive, sheet, rows)
                if "content.xml" in names:
                    return _ods_facts(archive, sheet)
        elif data.startswith(b"\xd0\xcf\x11\xe0"):
            return _xls_facts(data, sheet)
    except Exception:  # noqa: BLE001 - facts are extra; a reader's failure must not lose the values
        return SheetFacts()
    return SheetFacts()


def _ranges(rows: list[int]) -> tuple[tuple[int, int], ...]:
    """Sorted row numbers as half-open ranges of consecutive rows."""
    out: list[list[int]] = []
    for r in sorted(set(rows)):
        if out and out[-1][1] == r:
            out[-1][1] = r + 1
        else:
            out.append([r, r + 1])
    return tuple((a, b) for a, b in out)


# --- .xlsx ---------------------------------------------------------------------------------
_REF = re.compile(rb"([A-Z]{1,3})(\d+)")
_ATTR = re.compile(rb'([\w:]+)="([^"]*)"')


def _cell(ref: bytes) -> Cell | None:
    m = _REF.fullmatch(ref)
    if not m:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ch - 64
    return int(m.group(2)) - 1, col - 1


def _sheet_path(archive: zipfile.ZipFile, sheet: str) -> str | None:
    from defusedxml import ElementTree as ET

    book = ET.fromstring(archive.read("xl/workbook.xml"))
    rid = None
    for node in book.iter():
        if node.tag.endswith("}sheet") and node.get("name") == sheet:
            rid = next((v for k, v in node.attrib.items() if k.endswith("}id")), None)
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for node in rels.iter():
        if node.get("Id") == rid:
            target = node.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _styled_formats(archive: zipfile.ZipFile) -> dict[int, str]:
    """Style index → number format code, for the styles whose format is neither General, text
    nor a date (those calamine already reads right). ``styles.xml`` is searched as bytes: only
    ``<numFmt>`` and the ``<xf>`` of ``<cellXfs>`` are needed."""
    try:
        styles = archive.read("xl/styles.xml")
    except KeyError:
        return {}
    codes = dict(BUILTIN_FORMATS)
    for m in _NUMFMT.finditer(styles):
        attrs = dict(_ATTR.findall(m.group(0)))
        if b"numFmtId" in attrs:
            codes[int(attrs[b"numFmtId"])] = unescape(attrs.get(b"formatCode", b"").decode())
    start = styles.find(b"cellXfs")
    block = styles[start:styles.find(b"cellXfs", start + 8)] if start >= 0 else b""
    out = {}
    for index, m in enumerate(_XF.finditer(block)):
        fmt = _XF_FORMAT.search(m.group(0))
        code = codes.get(int(fmt.group(1)) if fmt else 0, "General")
        if code not in ("General", "@") and not is_date_format(code):
            out[index] = code
    return out


_NUMFMT = re.compile(rb"<(?:\w+:)?numFmt\b[^>]*>")
_XF = re.compile(rb"<(?:\w+:)?xf\b[^>]*>")
_XF_FORMAT = re.compile(rb"\bnumFmtId=\"(\d+)\"")


_FORMULA_CELL = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>(.*?)</(?:\w+:)?v>)?", re.DOTALL)
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*\bhidden=\"(?:1|true)\"[^>]*>")
_FILTERED = re.compile(rb"<(?:\w+:)?sheetPr\b[^>]*\bfilterMode=\"(?:1|true)\"|<(?:\w+:)?filterColumn\b")
_HIDDEN_COLUMNS = re.compile(rb"<(?:\w+:)?col\b[^>]*\bhidden=\"(?:1|true)\"[^>]*>")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*\bref=\"([A-Z]+\d+):([A-Z]+\d+)\"")


_ROW_NUMBER = re.compile(rb"<(?:\w+:)?row\b[^>]*?\br=\"(\d+)\"")


def _cut(xml: bytes, rows: int | None) -> bytes:
    """The sheet XML up to the first ``<row>`` past ``rows`` (rows are stored in order, so a
    binary search over the bytes finds it without reading a million styled rows)."""
    if rows is None:
        return xml
    lo, hi = 0, len(xml)
    while lo < hi:
        mid = (lo + hi) // 2
        m = _ROW_NUMBER.search(xml, mid)
        if m is None or int(m.group(1)) > rows:
            hi = mid
        else:
            lo = mid + 1
    m = _ROW_NUMBER.search(xml, lo)
    return xml[:m.start()] if m is not None and int(m.group(1)) > rows else xml


def _xlsx_facts(archive: zipfile.ZipFile, sheet: str, rows: int | None = None) -> SheetFacts:
    path = _sheet_path(archive, sheet)
    if path is None:
        return SheetFacts()
    xml = archive.read(path)
    merges = []
    end = xml.rfind(b"</sheetData>")
    outside = xml[:max(xml.find(b"sheetData"), 0)] + (xml[end:] if end >= 0 else b"")
    filtered = _FILTERED.search(outside) is not None  # sheetPr before the rows, autoFilter after
    hidden_columns = _xlsx_hidden_columns(outside)
    if xml.find(b"mergeCell", end) >= 0:
        for m in _MERGE.finditer(xml, end):
            a, b = _cell(m.group(1)), _cell(m.group(2))
            if a and b:
                merges.append((a[0], a[1], b[0], b[1]))
    xml = _cut(xml[:end] if end >= 0 else xml, rows)
    hidden = []
    if b'hidden="' in xml:
        for m in _HIDDEN_ROW.finditer(xml):
            attrs = dict(_ATTR.findall(m.group(0)))
            if b"r" in attrs:
                hidden.append(int(attrs[b"r"]) - 1)
    formulas, shown = _xlsx_formulas(xml) if b"<f" in xml or b":f" in xml else ({}, {})
    styled = _styled_formats(archive)
    if styled:
        shown.update(_xlsx_shown(xml, styled))
    return SheetFacts(tuple(merges), _ranges(hidden), shown, formulas, filtered=filtered,
                      hidden_columns=hidden_columns,
                      errors=_xlsx_errors(xml) if b't="e"' in xml else {})


def _xlsx_hidden_columns(xml: bytes) -> tuple[int, ...]:
    """The hidden columns (0-based) of a sheet's ``<cols>`` (``min``/``max`` are 1-based and
    inclusive), bounded by :data:`thidua.ingest.limits.MAX_COLUMNS`."""
    found: set[int] = set()
    for m in _HIDDEN_COLUMNS.finditer(xml):
        attrs = dict(_ATTR.findall(m.group(0)))
        try:
            first, last = int(attrs.get(b"min", b"0")), int(attrs.get(b"max", b"0"))
        except ValueError:
            continue
        found.update(range(max(first, 1) - 1, min(last, MAX_COLUMNS)))
    return tuple(sorted(found))


_ERROR_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"e\"[^>]*)>(.*?)</(?:\w+:)?c>", re.DOTALL)
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")


def _xlsx_errors(xml: bytes) -> dict[Cell, str]:
    """Cells of type ``e`` (an error value, typed or a formula's saved result) → its text."""
    errors = {}
    for m in _ERROR_CELL.finditer(xml):
        cell = _cell(dict(_ATTR.findall(m.group(1))).get(b"r", b""))
        if cell is not None and (v := _VALUE.search(m.group(2))):
            errors[cell] = unescape(v.group(1).decode("utf-8", "replace")).strip()
    return errors


def _xlsx_formulas(xml: bytes) -> tuple[dict[Cell, str], dict[Cell, str]]:
    """Formula cells without a saved result (→ ``=`` formula text; a shared formula's cells
    get the text of its first cell), and formula cells of no type whose saved result is not
    a plain number (``0200``) → that text."""
    formulas, shown, shared = {}, {}, {}
    for m in _FORMULA_CELL.finditer(xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        cell = _cell(attrs.get(b"r", b""))
        if cell is None:
            continue
        f_attrs = dict(_ATTR.findall(m.group(2)))
        text = unescape((m.group(3) or b"").decode("utf-8", "replace"))
        if b"si" in f_attrs:
            text = shared.setdefault(f_attrs[b"si"], text) if text else shared.get(f_attrs[b"si"], "")
        value = m.group(4)
        if value is None or not value.strip():
            formulas[cell] = "=" + text if text else "="
        elif attrs.get(b"t", b"n") == b"n":
            raw = value.decode("utf-8", "replace")
            if re.fullmatch(r"-?0\d+", raw):
                shown[cell] = raw
    return formulas, shown


def _xlsx_shown(xml: bytes, styled: dict[int, str]) -> dict[Cell, str]:
    """Number cells whose style has a number format → the text Excel shows."""
    styles = b"|".join(str(s).encode() for s in styled)
    pattern = re.compile(rb"<(?:\w+:)?c\b([^>]*\bs=\"(?:" + styles + rb")\"[^>]*)>"
                         rb"(?:\s*<(?:\w+:)?f\b[^>]*(?:/>|>.*?</(?:\w+:)?f>))?\s*"
                         rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>", re.DOTALL)
    shown = {}
    for m in pattern.finditer(xml):
        attrs = dict(_ATTR.findall(m.group(1)))
        if attrs.get(b"t", b"n") != b"n":
            continue
        cell = _cell(attrs.get(b"r", b""))
        try:
            number = float(m.group(2))
        except ValueError:
            continue
        text = format_number(number, styled[int(attrs[b"s"])])
        if cell is not None and text is not None:
            shown[cell] = text
    return shown


# --- .xls ----------------------------------------------------------------------------------
def _xls_facts(data: bytes, sheet: str) -> SheetFacts:
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
        return SheetFacts(merges, _ranges(hidden), shown, {}, values, errors=errors,
                          hidden_columns=hidden_columns)
    finally:
        book.release_resources()


# --- .ods ----------------------------------------------------------------------------------
_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def _ods_facts(archive: zipfile.ZipFile, sheet: str) -> SheetFacts:
    from defusedxml.ElementTree import iterparse

    merges, hidden, shown, formulas, errors = [], [], {}, {}, {}
    inside, row, col, filtered, column, hidden_columns = False, 0, 0, False, 0, []
    with archive.open("content.xml") as stream:
        for event, node in iterparse(stream, events=("start", "end")):
            tag = node.tag
            if tag == _T + "table":
                if event == "start":
                    inside, row = node.get(_T + "name") == sheet, 0
                elif inside:
                    break
                continue
            if not inside:
                if event == "end" and tag == _T + "table-row":
                    node.clear()
                continue
            if tag == _T + "table-column" and event == "end":
                repeat = min(int(node.get(_T + "number-columns-repeated", "1")), MAX_COLUMNS)
                if node.get(_T + "visibility", "visible") != "visible":
                    hidden_columns.extend(range(column, min(column + repeat, MAX_COLUMNS)))
                column += repeat
                continue
            if tag == _T + "table-row":
                if event == "start":
                    col = 0
                    continue
                repeat = int(node.get(_T + "number-rows-repeated", "1"))
                if (seen := node.get(_T + "visibility", "visible")) != "visible":
                    hidden.append((row, row + repeat))
                    filtered = filtered or seen == "filter"
                row += repeat
                node.clear()
            elif event == "end" and tag in (_T + "table-cell", _T + "covered-table-cell"):
                repeat = int(node.get(_T + "number-columns-repeated", "1"))
                if tag == _T + "table-cell":
                    _ods_cell(node, row, col, merges, shown, formulas, errors)
                col += repeat
    return SheetFacts(tuple(merges), tuple(hidden), shown, formulas, filtered=filtered,
                      hidden_columns=tuple(hidden_columns), errors=errors)


_C = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"


def _ods_cell(node, row: int, col: int, merges: list, shown: dict, formulas: dict,
              errors: dict) -> None:
    rows = int(node.get(_T + "number-rows-spanned", "1"))
    cols = int(node.get(_T + "number-columns-spanned", "1"))
    if rows > 1 or cols > 1:
        merges.append((row, col, row + rows - 1, col + cols - 1))
    kind = node.get(_O + "value-type")
    if node.get(_C + "value-type") == "error":  # LibreOffice: the error's text in <text:p>
        errors[(row, col)] = "\n".join("".join(p.itertext()) for p in node if p.tag == _X + "p")
    elif node.get(_T + "formula") and kind is None:
        formula = node.get(_T + "formula")
        formulas[(row, col)] = "=" + re.sub(r"^(?:of|oooc|msoxl):=?", "", formula)
    elif kind in ("float", "percentage", "currency"):
        text = "\n".join("".join(p.itertext()) for p in node if p.tag == _X + "p")
        if text:
            shown[(row, col)] = text


# --- applying the facts to a grid ------------------------------------------------------------
def fill_merges(grid: list[list], merges: tuple[tuple[int, int, int, int], ...],
                first_row: int) -> list[list]:
    """A copy of ``grid`` in which each merged range that ends on or below ``first_row`` (the
    header) holds its top-left value in every cell of the range, clipped to the grid (a
    range declared down to row 1,048,576 never makes rows). Ranges wholly above ``first_row``
    (the title block) are left as read. Only changed rows are copied."""
    out = list(grid)
    for r1, c1, r2, c2 in merges:
        if r2 < first_row or r1 >= len(grid) or c1 >= len(grid[r1]):
            continue
        value = grid[r1][c1]
        if value is None or value == "":
            continue
        for r in range(r1, min(r2, len(grid) - 1) + 1):
            if out[r] is grid[r]:
                out[r] = list(grid[r])
            row = out[r]
            for c in range(c1, min(c2, len(row) - 1) + 1):
                if (r, c) != (r1, c1):
                    row[c] = value
    return out


def restore_unowned(filled: list[list], grid: list[list], start: int) -> list[list]:
    """``filled`` with the rows from ``start`` on that hold nothing of their own in ``grid``
    (every value came from a merge begun above) put back as read: a merged range that runs on
    past the last model does not make rows of its own (they stay blank)."""
    out = list(filled)
    for r in range(start, len(grid)):
        if out[r] is not grid[r] and all(v is None or v == "" for v in grid[r]):
            out[r] = grid[r]
    return out
