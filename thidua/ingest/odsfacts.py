""":class:`thidua.ingest.cellfacts.SheetFacts` of an ``.ods`` sheet: one streaming pass
(defusedxml ``iterparse``) over ``content.xml``, never expanding repeated rows or columns."""

from __future__ import annotations

import re
import zipfile

from thidua.ingest.cellfacts import SheetFacts, part_holding, unstruck_text
from thidua.ingest.limits import MAX_COLUMNS

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_X = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


def ods_facts(archive: zipfile.ZipFile, sheet: str) -> SheetFacts:
    """The facts of table ``sheet`` of an open ``.ods`` archive: merged ranges, hidden (or
    filtered) rows and hidden columns, the text a number cell shows, formulas without a saved
    result, error cells (LibreOffice's ``calcext:value-type="error"``) and cells whose style
    strikes their text through (their own style, else their column's default)."""
    from defusedxml.ElementTree import iterparse

    merges, hidden, shown, formulas, errors = [], [], {}, {}, {}
    inside, row, col, filtered, column, hidden_columns = False, 0, 0, False, 0, []
    striking, struck, defaults, unstruck = _struck_styles(archive), set(), [], {}
    #: styles of rows of height 0 and of columns of width 0 (names are per family)
    shut: dict[str, set[str]] = {"table-row": set(), "table-column": set()}
    with archive.open("content.xml") as stream:
        for event, node in iterparse(stream, events=("start", "end")):
            tag = node.tag
            if tag == _S + "style" and event == "end":  # an automatic style, or its parent's
                if _shut(node):  # a row shut to zero height, a column to zero width
                    shut[node.get(_S + "family")].add(node.get(_S + "name"))
                said = _strike_said(node)
                if said or said is None and node.get(_S + "parent-style-name") in striking:
                    striking.add(node.get(_S + "name"))
                continue
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
                if (node.get(_T + "visibility", "visible") != "visible"
                        or node.get(_T + "style-name") in shut["table-column"]):
                    hidden_columns.extend(range(column, min(column + repeat, MAX_COLUMNS)))
                defaults += [node.get(_T + "default-cell-style-name")] * min(
                    repeat, MAX_COLUMNS - len(defaults))
                column += repeat
                continue
            if tag == _T + "table-row":
                if event == "start":
                    col = 0
                    continue
                repeat = int(node.get(_T + "number-rows-repeated", "1"))
                seen = node.get(_T + "visibility", "visible")
                if seen != "visible" or node.get(_T + "style-name") in shut["table-row"]:
                    hidden.append((row, row + repeat))
                    filtered = filtered or seen == "filter"
                row += repeat
                node.clear()
            elif event == "end" and tag in (_T + "table-cell", _T + "covered-table-cell"):
                repeat = int(node.get(_T + "number-columns-repeated", "1"))
                if tag == _T + "table-cell":
                    _ods_cell(node, row, col, merges, shown, formulas, errors)
                    style = node.get(_T + "style-name") or (
                        defaults[col] if col < len(defaults) else None)
                    if style in striking and any(
                            "".join(p.itertext()).strip() for p in node if p.tag == _X + "p"):
                        struck.add((row, col))
                    elif striking and (text := _spans_unstruck(node, striking)) is not None:
                        if text:
                            unstruck[(row, col)] = text
                        else:
                            struck.add((row, col))
                col += repeat
    return SheetFacts(tuple(merges), tuple(hidden), shown, formulas, filtered=filtered,
                      hidden_columns=tuple(hidden_columns), errors=errors,
                      struck=frozenset(struck), unstruck=unstruck)


#: A length of zero in any unit ODF writes (``0cm``, ``0in``, ``0pt``, ``0.000mm``, ``0``).
_ZERO = re.compile(r"\s*0*(?:\.0*)?\s*(?:cm|mm|in|pt|pc|px)?\s*")


def _shut(style) -> bool:
    """Whether an automatic ``<style:style>`` shuts a row to zero height (``style:row-height``
    of its ``table-row-properties``, not recomputed: ``style:use-optimal-row-height`` not
    ``true``) or a column to zero width (``style:column-width``): LibreOffice shows neither,
    as Excel shows no row of ``ht="0"`` (``xlsxfacts``, ``xlsfacts``)."""
    family = style.get(_S + "family")
    for props in style:
        if family == "table-row" and props.tag == _S + "table-row-properties":
            height = props.get(_S + "row-height")
            if (height is not None and "0" in height and _ZERO.fullmatch(height)
                    and props.get(_S + "use-optimal-row-height") != "true"):
                return True
        if family == "table-column" and props.tag == _S + "table-column-properties":
            width = props.get(_S + "column-width")
            if width is not None and "0" in width and _ZERO.fullmatch(width):
                return True
    return False


def _spans_unstruck(cell, striking: set[str]) -> str | None:
    """A cell's text without its words in a ``<text:span>`` whose style strikes them
    (:func:`thidua.ingest.cellfacts.unstruck_text`: ``None`` when no span strikes, ``""``
    when every word is struck). Paragraphs are joined by a line break, ``<text:s>`` is its
    spaces, as python-calamine reads them."""
    if not any(span.get(_X + "style-name") in striking for span in cell.iter(_X + "span")):
        return None
    pieces: list[tuple[str, bool]] = []

    def walk(node, struck: bool) -> None:
        if node.text:
            pieces.append((node.text, struck))
        for child in node:
            if child.tag == _X + "span":
                walk(child, struck or child.get(_X + "style-name") in striking)
            elif child.tag == _X + "s":
                pieces.append((" " * int(child.get(_X + "c", "1")), struck))
            elif child.tag == _X + "tab":
                pieces.append(("\t", struck))
            elif child.tag == _X + "line-break":
                pieces.append(("\n", struck))
            else:
                walk(child, struck)
            if child.tail:
                pieces.append((child.tail, struck))

    for i, paragraph in enumerate(p for p in cell if p.tag == _X + "p"):
        if i:
            pieces.append(("\n", False))
        walk(paragraph, False)
    return unstruck_text(pieces)


_S = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"


def _strike_said(style) -> bool | None:
    """Whether a ``<style:style>`` strikes its text through (``style:text-line-through-style``
    of its text properties other than ``none``); ``None`` when it does not say (its parent
    style does)."""
    said = [p.get(_S + "text-line-through-style") for p in style
            if p.tag == _S + "text-properties" and p.get(_S + "text-line-through-style")]
    return said[-1] != "none" if said else None


def _struck_styles(archive: zipfile.ZipFile) -> set[str]:
    """The names of the named styles of ``styles.xml`` (cell styles, and text styles of a
    ``<text:span>``) that strike their text through, by themselves or by their parent style
    (a cell's automatic style of ``content.xml`` is read there)."""
    from defusedxml.ElementTree import fromstring

    styles = part_holding(archive, "styles.xml", b"line-through")
    if not styles:
        return set()
    nodes = {node.get(_S + "name"): node for node in fromstring(styles).iter(_S + "style")}

    def strikes(name: str | None, seen: frozenset = frozenset()) -> bool:
        node = nodes.get(name)
        if node is None or name in seen:
            return False
        said = _strike_said(node)
        return said if said is not None else strikes(node.get(_S + "parent-style-name"),
                                                     seen | {name})

    return {name for name in nodes if strikes(name)}


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
        formulas[(row, col)] = "=" + re.sub(r"^(?:(?:of|oooc|msoxl):)?=?", "", formula)
    elif kind in ("float", "percentage", "currency"):
        text = "\n".join("".join(p.itertext()) for p in node if p.tag == _X + "p")
        if text:
            shown[(row, col)] = text
    elif kind == "date":  # a date shown as its year alone (``YYYY``): what the sheet shows
        text = "".join("".join(p.itertext()) for p in node if p.tag == _X + "p").strip()
        if re.fullmatch(r"(?:19|20)\d\d", text):
            shown[(row, col)] = text

