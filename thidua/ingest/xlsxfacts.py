""":class:`thidua.ingest.cellfacts.SheetFacts` of an ``.xlsx`` sheet, read cheaply: the
sheet's XML is searched as bytes (``<mergeCell``, ``hidden=``, ``<f``) and only the cells
concerned are looked at; ``styles.xml`` says which styles carry a number format other than
General, text or a date, and only cells with such a style are formatted. The workbook's small
XML parts are parsed with defusedxml.
"""

from __future__ import annotations

import re
import zipfile
from html import unescape

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format

from thidua.ingest.cellfacts import Cell, SheetFacts, part_holding, row_ranges, unstruck_text
from thidua.ingest.limits import MAX_COLUMNS
from thidua.ingest.numfmt import format_number, is_year_only

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
    if rid is None:  # no sheet of that name (else the relationships' root, of no Id, matched)
        return None
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for node in rels.iter():
        if node.get("Id") == rid:
            target = node.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return None


def _styled_formats(archive: zipfile.ZipFile) -> dict[int, str]:
    """Style index → number format code, for the styles whose format is neither General, text
    nor a date (those calamine already reads right) but a year alone (``yyyy``: shown as a year). ``styles.xml`` is searched as bytes: only
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
        if code not in ("General", "@") and (not is_date_format(code) or is_year_only(code)):
            out[index] = code
    return out


_NUMFMT = re.compile(rb"<(?:\w+:)?numFmt\b[^>]*>")
_XF = re.compile(rb"<(?:\w+:)?xf\b[^>]*>")
_XF_FORMAT = re.compile(rb"\bnumFmtId=\"(\d+)\"")


_FORMULA_CELL = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b([^>]*?)(?:/>|>(.*?)</(?:\w+:)?f>)\s*"
    rb"(?P<saved><(?:\w+:)?v\s*/>|<(?:\w+:)?v>(.*?)</(?:\w+:)?v>)?", re.DOTALL)
#: A row Excel does not show: hidden, or shut to zero height (``ht="0"``, a row border dragged
#: shut), which a unit sees no more than a hidden one (issue 9.4).
_HIDDEN_ROW = re.compile(rb"<(?:\w+:)?row\b[^>]*\b(?:hidden=\"(?:1|true)\"|ht=\"0(?:\.0*)?\")[^>]*>")
_FILTERED = re.compile(rb"<(?:\w+:)?sheetPr\b[^>]*\bfilterMode=\"(?:1|true)\"|<(?:\w+:)?filterColumn\b")
_HIDDEN_COLUMNS = re.compile(
    rb"<(?:\w+:)?col\b[^>]*\b(?:hidden=\"(?:1|true)\"|width=\"0(?:\.0*)?\")[^>]*>")
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


def xlsx_facts(archive: zipfile.ZipFile, sheet: str, rows: int | None = None) -> SheetFacts:
    """The facts of worksheet ``sheet`` of an open ``.xlsx`` archive (empty facts when the
    workbook names no such sheet): merged ranges, hidden rows below ``rows`` aside, hidden
    columns, whether a filter is applied, formulas without a saved result, the text a number
    cell shows under its format, error cells."""
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
    if b'hidden="' in xml or b'ht="0' in xml:
        for m in _HIDDEN_ROW.finditer(xml):
            attrs = dict(_ATTR.findall(m.group(0)))
            if b"r" in attrs:
                hidden.append(int(attrs[b"r"]) - 1)
    formulas, shown = _xlsx_formulas(xml) if b"<f" in xml or b":f" in xml else ({}, {})
    styled = _styled_formats(archive)
    if styled:
        shown.update(_xlsx_shown(xml, styled))
    struck, unstruck = _xlsx_struck(archive, xml)
    return SheetFacts(tuple(merges), row_ranges(hidden), shown, formulas, filtered=filtered,
                      hidden_columns=hidden_columns,
                      errors=_xlsx_errors(xml) if b't="e"' in xml else {},
                      struck=struck, unstruck=unstruck)


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
    get the text of its first cell; a text result, ``t="str"`` with its ``<v>``, is saved even
    when empty, as Excel saves ``=IF(B9="","",…)``), and formula cells of no type whose saved
    result is not a plain number (``0200``) → that text."""
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
        if attrs.get(b"t") == b"str" and m["saved"] is not None:
            continue  # a text result saved, maybe empty (Excel's ``=IF(B9="","",…)``: M041)
        value = m.group(5)
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



def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _strikes(node) -> bool:
    """Whether a ``<font>`` or ``<rPr>`` turns strikethrough on (``<strike/>``,
    ``<strike val="1"/>``; ``val="0"`` turns it off)."""
    return any(_local(child.tag) == "strike" and child.get("val", "1") not in ("0", "false")
               for child in node)


def _struck_styles(archive: zipfile.ZipFile) -> set[int]:
    """The indices of the ``<cellXfs>`` styles whose font is struck through."""
    from defusedxml import ElementTree as ET

    styles = part_holding(archive, "xl/styles.xml", b"strike")
    if not styles:
        return set()
    root = ET.fromstring(styles)
    fonts = next((n for n in root if _local(n.tag) == "fonts"), [])
    struck = {i for i, font in enumerate(fonts) if _strikes(font)}
    xfs = next((n for n in root if _local(n.tag) == "cellXfs"), [])
    return {i for i, xf in enumerate(xfs) if int(xf.get("fontId", "0") or 0) in struck}


_SI = re.compile(rb"<(?:\w+:)?si\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?si>)", re.DOTALL)
_RUN = re.compile(rb"<(?:\w+:)?r>(.*?)</(?:\w+:)?r>", re.DOTALL)
_RUN_TEXT = re.compile(rb"<(?:\w+:)?t\b[^>]*>([^<]*)</(?:\w+:)?t>")
_RUN_STRIKE = re.compile(rb"<(?:\w+:)?rPr\b[^>]*>(?:(?!</(?:\w+:)?rPr>).)*?"
                         rb"<(?:\w+:)?strike\b(?![^>]*\bval=\"(?:0|false)\")", re.DOTALL)


def _rich_text(xml: bytes) -> str | None:
    """What a rich text (an ``<si>`` or ``<is>`` body) says once its struck runs are dropped
    (:func:`thidua.ingest.cellfacts.unstruck_text`): ``None`` when no run is struck, ``""``
    when every run with text is (the cell is struck whole)."""
    return unstruck_text([(unescape(b"".join(_RUN_TEXT.findall(r)).decode("utf-8", "replace")),
                           _RUN_STRIKE.search(r) is not None) for r in _RUN.findall(xml)])


def _struck_strings(archive: zipfile.ZipFile) -> dict[int, str]:
    """The indices of the shared strings written as rich text with struck runs → their text
    without them (:func:`_rich_text`; ``""``: struck whole)."""
    strings = part_holding(archive, "xl/sharedStrings.xml", b"strike")
    return {i: text for i, m in enumerate(_SI.finditer(strings))
            if m.group(1) and b"strike" in m.group(1)
            and (text := _rich_text(m.group(1))) is not None}


_STRING_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"s\"[^>]*)>\s*<(?:\w+:)?v>(\d+)</(?:\w+:)?v>")
_INLINE_CELL = re.compile(rb"<(?:\w+:)?c\b([^>]*\bt=\"inlineStr\"[^>/]*)>(.*?)</(?:\w+:)?c>",
                          re.DOTALL)


def _xlsx_struck(archive: zipfile.ZipFile, xml: bytes) -> tuple[frozenset[Cell], dict[Cell, str]]:
    """The cells of a sheet's XML struck through: by their style's font
    (:func:`_struck_styles`) or as rich text struck whole (:func:`_rich_text`, a shared string
    or an inline one); and the cells whose rich text has some runs struck → its text without
    them."""
    found: set[Cell] = set()
    partly: dict[Cell, str] = {}

    def rich(ref: bytes, text: str) -> None:
        if (cell := _cell(ref)) is not None:
            if text:
                partly[cell] = text
            else:
                found.add(cell)

    if styles := _struck_styles(archive):
        pattern = re.compile(rb"<(?:\w+:)?c\b([^>]*\bs=\"(?:" +
                             b"|".join(str(i).encode() for i in sorted(styles)) + rb")\"[^>]*)>")
        for m in pattern.finditer(xml):
            if (cell := _cell(dict(_ATTR.findall(m.group(1))).get(b"r", b""))) is not None:
                found.add(cell)
    if b't="s"' in xml and (strings := _struck_strings(archive)):
        for m in _STRING_CELL.finditer(xml):
            if (text := strings.get(int(m.group(2)))) is not None:
                rich(dict(_ATTR.findall(m.group(1))).get(b"r", b""), text)
    if b"inlineStr" in xml and b"strike" in xml:
        for m in _INLINE_CELL.finditer(xml):
            if b"strike" in m.group(2) and (text := _rich_text(m.group(2))) is not None:
                rich(dict(_ATTR.findall(m.group(1))).get(b"r", b""), text)
    partly = {cell: text for cell, text in partly.items() if cell not in found}  # font: whole
    return frozenset(found), partly
