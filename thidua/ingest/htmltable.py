"""A web page saved as a spreadsheet: the "Xuất Excel" (Export to Excel) of web systems.

Many systems export a list as an HTML ``<table>`` under an ``.xls`` name; Excel opens it and
shows the table, so the unit believes it sent a workbook. Its grid is read as Excel lays it
out: each ``<tr>`` a row, each ``<td>``/``<th>`` a cell placed after the cells spanning down
from rows above, ``colspan``/``rowspan`` a merged range (``SheetFacts.merges``, spread as a
workbook's merges are, :func:`thidua.ingest.cells.fill_merges`), ``<br>`` a line break in the
cell, a row styled ``display:none`` hidden. Text outside the tables (a title in ``<p>`` or
``<h3>``) is a row of one cell, in document order, so the title block is read as in a
workbook. A table nested in a cell of another (a layout table around the data) is laid out
from that cell's place, its rows and columns as Excel shows them. An extension of ``spec/submission-form.md``, "The file" (formats): README says so.

The page is parsed with lxml's HTML parser, which never fetches anything (no network, no
external entity); the text is decoded as a CSV is (:func:`thidua.ingest.workbook.decode_csv`).
Limits: :data:`thidua.ingest.limits.MAX_ROWS`, ``MAX_COLUMNS`` and ``MAX_CELLS``.
"""

from __future__ import annotations

import copy
import re

import lxml.html

from thidua.ingest.cells import SheetFacts
from thidua.ingest.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, exceeded, number
from thidua.ingest.workbook import FileRejected, Grid, decode_csv

#: Elements whose text outside a table makes a row of its own.
_BLOCKS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "caption"})
#: What makes a block a container, not a row: a table, or a block, inside it (each is read on
#: its own: ``<div><p>Mã đơn vị: Q-DD</p><p>Năm: 2024</p></div>`` is two rows, not one run of
#: text; text of the container outside them is not read, as text outside any block is not).
_INNER = "|".join(f".//{tag}" for tag in ("table", *sorted(_BLOCKS)))
_BREAK = "\ue000"  # a <br>, kept through the collapsing of HTML white space
_EDGE = "\ue001"  # the start or end of a block inside a cell: one line break however many
_EDGES = re.compile(r"\s*\ue001[\s\ue001]*")
_SPACES = re.compile(r"\s+")
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _span(value: str | None, most: int) -> int:
    """A ``colspan``/``rowspan`` as a browser reads it: leading digits, at least 1, at most
    ``most``."""
    digits = re.match(r"\s*(\d+)", value or "")
    return min(max(int(digits.group(1)), 1), most) if digits else 1


def _text(node) -> str:
    """A cell's or block's text as shown: runs of white space one space, ``<br>`` a line
    break, and so is the start and end of a block inside it (``<td><p>Mã đơn vị: Q-HK</p>
    <p>Năm: 2024</p></td>`` is two lines, as Excel opens it, never ``Q-HKNăm: 2024``), each
    line trimmed."""
    for br in node.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    for block in node.iterdescendants(*_BLOCKS, "li"):
        block.text = _EDGE + (block.text or "")
        block.tail = _EDGE + (block.tail or "")
    text = _SPACES.sub(" ", node.text_content())
    text = _EDGES.sub(_BREAK, text).strip(f" {_EDGE}{_BREAK}")  # a block's edges: one break
    return "\n".join(line.strip() for line in text.split(_BREAK)).strip()


def _rows_of(table) -> list:
    """The ``<tr>`` of ``table`` in document order, not those of tables nested in it."""
    return [tr for tr in table.iter("tr") if next(tr.iterancestors("table"), None) is table]


#: How deep tables nested in cells are laid out; deeper ones are read as their cell's text.
_MAX_NESTING = 8


def _nested(cell) -> list:
    """The tables laid out inside ``cell`` (not those nested in them)."""
    return [t for t in cell.iter("table")
            if next(t.iterancestors("td", "th"), None) is cell]


def _lay_out(rows: list, top: int, cells: dict, merges: list, hidden: list, left: int = 0,
             depth: int = 0) -> tuple[int, int]:
    """Place the cells of ``rows`` from grid row ``top`` and column ``left`` on; returns the
    next free row and the first column right of them. A cell holding a table (a layout table
    around the data, as web systems and Word's "Save as web page" write) is that table's rows
    and columns, laid out from the cell's place, the cell's own text above them, as Excel
    opens it; the row holding it is as tall as the table."""
    taken: set[tuple[int, int]] = set()
    r, right = top, left
    for i, tr in enumerate(rows):
        if r >= MAX_ROWS:
            raise FileRejected(exceeded("số dòng của trang web", f"hơn {number(MAX_ROWS)} dòng",
                                        f"{number(MAX_ROWS)} dòng"))
        tall, c = 1, left
        for cell in tr:
            if not isinstance(cell.tag, str) or cell.tag not in ("td", "th"):
                continue
            while (r, c) in taken:
                c += 1
            width = _span(cell.get("colspan"), MAX_COLUMNS)
            height = _span(cell.get("rowspan"), MAX_ROWS)
            if c + width > MAX_COLUMNS:
                raise FileRejected(exceeded("số cột của trang web", f"hơn {number(MAX_COLUMNS)} cột",
                                            f"{number(MAX_COLUMNS)} cột"))
            if (inner := _nested(cell)) and depth < _MAX_NESTING:
                below, edge = _lay_out_cell(cell, inner, r, c, cells, merges, hidden, depth)
                tall, width = max(tall, below - r), max(width, edge - c)
            else:
                cells[(r, c)] = _text(cell)
                if width > 1 or height > 1:
                    height = min(height, len(rows) - i)  # a rowspan past the table's end stops there
                    merges.append((r, c, r + height - 1, c + width - 1))
                    taken.update((r + a, c + b) for a in range(height) for b in range(width))
            if len(cells) > MAX_CELLS:
                raise FileRejected(exceeded("số ô của trang web", f"hơn {number(MAX_CELLS)} ô",
                                            f"{number(MAX_CELLS)} ô"))
            c += width
            right = max(right, c)
        if _HIDDEN.search(tr.get("style") or ""):
            hidden.append((r, r + tall))
        r += tall
    return r, right


def _lay_out_cell(cell, inner: list, r: int, c: int, cells: dict, merges: list, hidden: list,
                  depth: int) -> tuple[int, int]:
    """A cell holding tables (:func:`_lay_out`): its own text (outside the tables) at ``(r,
    c)`` when there is some, then each table below it from column ``c``; returns the next free
    row and the first column right of them."""
    outside = copy.deepcopy(cell)
    for table in outside.xpath(".//table"):
        table.drop_tree()
    below, edge = r, c + 1
    if text := _text(outside):
        cells[(r, c)] = text
        below += 1
    for table in inner:
        below, right = _lay_out(_rows_of(table), below, cells, merges, hidden, c, depth + 1)
        edge = max(edge, right)
    return max(below, r + 1), edge


def html_grid(data: bytes) -> tuple[Grid, SheetFacts]:
    """A web page's bytes as one grid (row 0 first; strings, ``""`` for an empty cell) and
    its facts (``merges`` from ``colspan``/``rowspan``, ``hidden`` rows styled
    ``display:none``): every top-level ``<table>`` in document order, a blank row after each,
    and each block of text outside the tables (:data:`_BLOCKS`, the innermost ones,
    :data:`_INNER`) as a row of one cell. Raises
    :class:`FileRejected` (Vietnamese) when the page holds no table or breaks a limit."""
    text = _XML_DECLARATION.sub("", decode_csv(data)[0])  # lxml refuses one in a str
    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(
            no_network=True, remove_comments=True, remove_pis=True))
    except Exception as exc:  # noqa: BLE001 - lxml raises several types for a broken page
        raise FileRejected(f"Không đọc được trang web (HTML) được đặt đuôi bảng tính ({exc}); "
                           f"đề nghị mở tệp bằng Excel, lưu dạng .xlsx rồi gửi lại.") from exc
    for junk in root.xpath("//script|//style|//head/meta|//head/link"):
        junk.drop_tree()
    cells: dict[tuple[int, int], str] = {}
    merges: list[tuple[int, int, int, int]] = []
    hidden: list[tuple[int, int]] = []
    row, tables = 0, 0
    done: set = set()
    for node in root.iter():
        if not isinstance(node.tag, str) or any(a in done for a in node.iterancestors()):
            continue
        if node.tag == "table":
            row = _lay_out(_rows_of(node), row, cells, merges, hidden)[0] + 1
            tables += 1
            done.add(node)
        elif node.tag in _BLOCKS and not node.xpath(_INNER) and (line := _text(node)):
            cells[(row, 0)] = line
            row += 1
            done.add(node)
    if not tables:
        raise FileRejected("Tệp là trang web (HTML) không có bảng nào; đề nghị gửi biểu DVK-01 "
                           "dạng Excel (.xlsx).")
    width = max(c for _, c in cells) + 1 if cells else 1
    if width * row > MAX_CELLS:
        raise FileRejected(exceeded("số ô của trang web", f"{number(width * row)} ô "
                                    f"({number(row)} dòng × {number(width)} cột)",
                                    f"{number(MAX_CELLS)} ô"))
    grid: Grid = [["" for _ in range(width)] for _ in range(row)]
    for (r, c), value in cells.items():
        grid[r][c] = value
    return grid, SheetFacts(merges=tuple(merges), hidden=tuple(hidden))
