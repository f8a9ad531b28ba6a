"""A few stray cells far outside the form in an ``.xlsx`` or ``.ods`` sheet, left out so that
the sheet is read (damaged or messy workbooks never lose their registrations over a cell nobody
sees).

A value typed at the foot of a sheet (``A1048576``, after Ctrl+↓) or in its far columns
(``XFD5``) puts the sheet over :data:`~thidua.ingest.limits.MAX_ROWS` or
:data:`~thidua.ingest.limits.MAX_COLUMNS`, the bounds that keep the reader's grid (every cell
from ``A1`` to the last one holding a value) within memory. When no more than
:data:`MAX_FAR_CELLS` cells of a sheet lie outside them, :func:`thidua.ingest.prescan.check_bytes`
raises :class:`FarCells` naming them, :func:`without_far_cells` takes them out of the sheet's
XML, and the rest of the workbook is read as sent; the unit is told which cells, with their
values, were not read (:func:`far_cells_note`). More of them, or a cell that cannot be taken
out exactly (no ``r`` reference), still rejects the file as before. So do the few cells of a
sheet's far right columns or last rows that alone make its rectangle larger than
:data:`~thidua.ingest.limits.MAX_CELLS` (a note in ``ALL1`` beside 6.000 rows).

Cells holding nothing (an empty text, spaces: a template's ``=IF(B9="","",ROW()-8)`` filled
down to row 150.000) count for no limit; when they reach past one, :class:`BlankCells` names
the rectangle of the values and :func:`without_blank_cells` takes out every cell past it, so
that the reader's grid stays within it; nothing of a value is lost, so nothing is told. An
extension of ``spec/submission-form.md``, "Errors" (``docs/contracts.md``).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from defusedxml import ElementTree

from thidua.ingest.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, number
from thidua.ingest.rejections import shorten
from thidua.ingest.salvage import rezipped
from thidua.ingest.workbook import FileRejected

#: Cells of one sheet outside the bounds that are left out rather than rejecting the file.
MAX_FAR_CELLS = 100
#: The copies kept of a row repeated across the row bound (LibreOffice writes a value filled
#: down to the sheet's end as one row element repeated): every copy is the same row, so two
#: tell all that the others would (a filled-down value, ignored; a registration, then its
#: duplicate), and reading the copies up to the bound would read 100.000 rows of nothing.
KEPT_COPIES = 2
#: Far cells a note names one by one (then ``…``).
NAMED_CELLS = 5
_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


class FarCells(FileRejected):
    """A sheet (``part``, its zip entry) with ``cells`` (``(row, column, reference)``, 1-based)
    outside the bounds; ``str(exc)`` is the rejection the file gets if they cannot be left
    out. In an ``.ods`` (``part`` is ``content.xml``, which holds every sheet), ``tables``
    gives the sheet of each cell (1-based, in the order of the sheets) and ``starts`` its first
    row and column (a cell repeated over columns, or in a row repeated over rows, is named by
    its last; when it starts within the bounds, only its part past them is left out)."""

    def __init__(self, reason: str, part: str, cells: tuple[tuple[int, int, str], ...],
                 tables: tuple[int, ...] = (), starts: tuple[tuple[int, int], ...] = ()):
        super().__init__(reason)
        self.part, self.cells, self.tables, self.starts = part, cells, tables, starts


class BlankCells(FileRejected):
    """A sheet (``part``) whose cells holding nothing reach past a limit that its values, up to
    row ``last_row`` and column ``last_col``, keep within; ``str(exc)`` is the rejection the
    file gets if they cannot be taken out."""

    def __init__(self, reason: str, part: str, last_row: int, last_col: int):
        super().__init__(reason)
        self.part, self.last_row, self.last_col = part, last_row, last_col


class RepeatedRows(FileRejected):
    """An ``.xlsx`` sheet (``part``) whose rows ``first`` to ``last`` (Excel's numbers) hold the
    same values, past the row bound (a value filled down to the sheet's end: 1.048.561 rows
    of ``Hoàn thành``); taken out past its :data:`KEPT_COPIES` first copies
    (:func:`without_repeated_rows`) and told (:func:`copies_note`); ``str(exc)`` is the
    rejection the file gets if they cannot be taken out."""

    def __init__(self, reason: str, part: str, first: int, last: int):
        super().__init__(reason)
        self.part, self.first, self.last = part, first, last


_ROW = re.compile(rb"<((?:[\w.-]+:)?row)\b([^>]*?)(?:/>|>(.*?)</\1\s*>)", re.DOTALL)
_CELL = re.compile(rb"<((?:[\w.-]+:)?c)\b([^>]*?)(?:/>|>.*?</\1\s*>)", re.DOTALL)
_R_ROW = re.compile(rb'\sr="(\d+)"')
_R_CELL = re.compile(rb'\sr="([A-Z]{1,3})\d+"')


def _past_column(cell: re.Match, last_col: int) -> bytes:
    found = _R_CELL.search(cell[2])
    if found is None:
        raise ValueError("a cell without its reference")
    col = 0
    for ch in found[1]:
        col = col * 26 + ch - 64
    return b"" if col > last_col else cell[0]


def without_blank_cells(data: bytes, found: BlankCells) -> bytes | None:
    """The workbook ``data`` without the cells of ``found``'s sheet past its values' last row
    and column (each holding nothing: the scan found no value there); ``None`` when the sheet
    cannot be rewritten exactly (a row or cell without its reference, a comment or CDATA
    section), so that the file stays rejected. Never raises."""
    def row(match: re.Match) -> bytes:
        number = _R_ROW.search(match[2])
        if number is None:
            raise ValueError("a row without its number")
        if int(number[1]) > found.last_row:
            return b""
        if not match[3]:
            return match[0]
        inner = _CELL.sub(lambda cell: _past_column(cell, found.last_col), match[3])
        start, end = match.start(3) - match.start(), match.end(3) - match.start()
        return match[0][:start] + inner + match[0][end:]

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            body = source.read(found.part)
            if b"<!" in body:
                return None
            head, cut, rest = body.partition(b"<sheetData")
            if not cut:
                return None
            head_end = rest.index(b">") + 1
            inside, close, tail = rest[head_end:].partition(b"sheetData>")
            if not close:
                return None
            body = head + cut + rest[:head_end] + _ROW.sub(row, inside) + close + tail
            return rezipped(source, {found.part: body})
    except Exception:  # a zip or part that cannot be rewritten: the file stays rejected
        return None


def _row_start(body: bytes, number: int, start: int = 0) -> re.Match | None:
    """The start tag of the row ``number`` (its ``r``) in a sheet's XML, from ``start``."""
    return re.compile(rb'<((?:[\w.-]+:)?row)\b[^>]*?\sr="' + str(number).encode()
                      + rb'"[^>]*>').search(body, start)


def without_repeated_rows(data: bytes, found: RepeatedRows) -> tuple[bytes, str] | None:
    """``(zip bytes, note)``: the workbook ``data`` without the rows of ``found``'s sheet past
    its first :data:`KEPT_COPIES` copies, and the line telling the unit (:func:`copies_note`,
    with the copied row's values); ``None`` when the sheet cannot be rewritten exactly (no row
    of that number, a comment or CDATA section), so that the file stays rejected. The copies
    end the sheet's data, one row after another (:class:`RepeatedRows`): everything from the
    first row dropped to the end of ``sheetData`` goes, in one cut (a sheet of a million rows
    is 100 MB of XML: copied for each step, it ran a worker out of memory). Never raises."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            body = source.read(found.part)
            if b"<!" in body:
                return None
            first = _row_start(body, found.first)
            drop = _row_start(body, found.first + KEPT_COPIES, first.end()) if first else None
            end = re.compile(rb"</(?:[\w.-]+:)?sheetData\s*>").search(body, drop.end()) \
                if drop else None
            if end is None:
                return None
            row = re.compile(rb"(.*?)</" + re.escape(first[1]) + rb"\s*>", re.DOTALL).match(
                body, first.end())
            cells = [cell[0] for cell in _CELL.finditer(row[1])] if row else []
            strings = _shared_strings(source, cells)
            values = [_value(cell, strings) for cell in cells]
            name = _sheet_name(source, found.part)
            rewritten = rezipped(source, {found.part: body[:drop.start()] + body[end.start():]})
    except Exception:  # a zip or part that cannot be rewritten: the file stays rejected
        return None
    return rewritten, copies_note(name, found.first, found.last, values)


def _cell_pattern(ref: str) -> re.Pattern[bytes]:
    """One ``<c r="ref" …/>`` or ``<c r="ref" …>…</c>`` element, with or without a prefix."""
    return re.compile(rb'<((?:[\w.-]+:)?c)\s(?=[^>]*\br="' + re.escape(ref.encode()) +
                      rb'")[^>]*?(?:/>|>.*?</\1\s*>)', re.DOTALL)


def without_far_cells(data: bytes, found: FarCells) -> tuple[bytes, str] | None:
    """``(zip bytes, note)``: the workbook ``data`` with the cells of ``found`` taken out of its
    sheet, and the line telling the unit (:func:`far_cells_note`); ``None`` when a cell cannot
    be taken out exactly (no ``r`` reference, written twice) or the zip cannot be rewritten, so
    that the file stays rejected. Never raises."""
    if found.tables:
        return _without_far_ods_cells(data, found)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            body = source.read(found.part)
            values = []
            for _, _, ref in found.cells:
                matches = list(_cell_pattern(ref).finditer(body))
                if len(matches) != 1:
                    return None
                values.append(matches[0][0])
                body = body[:matches[0].start()] + body[matches[0].end():]
            strings = _shared_strings(source, values)
            name = _sheet_name(source, found.part)
            rewritten = rezipped(source, {found.part: body})
    except Exception:  # a zip or part that cannot be rewritten: the file stays rejected
        return None
    shown = [(ref, _value(cell, strings)) for (_, _, ref), cell in zip(found.cells, values)]
    beyond = any(row > MAX_ROWS or col > MAX_COLUMNS for row, col, _ in found.cells)
    return rewritten, far_cells_note(name, shown, beyond)


_ODS_T = "urn:oasis:names:tc:opendocument:xmlns:table:1.0 "
_ODS_VALUE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0 value"
_ODS_CELLS = (_ODS_T + "table-cell", _ODS_T + "covered-table-cell")
#: One start tag, its attribute values holding any character but their quote.
_TAG = re.compile(rb"""<[^"'>]*(?:(?:"[^"]*"|'[^']*')[^"'>]*)*>""")


def _ods_spans(body: bytes, wanted: set[tuple[int, int, int]]) -> tuple[list, dict[int, str]]:
    """Where the ``.ods`` cells ``wanted`` (``(table, last row, last column)``, as
    :mod:`thidua.ingest.prescan` counts them: 1-based, a repeated cell by its last) lie in
    ``body`` (``content.xml``): ``[(start, end, element's start tag, key, value, row)]`` (byte
    offsets; ``key`` as in ``wanted``; ``value`` the cell's text, else its ``office:value``;
    ``row`` the match of its row's start tag), and each table's name by its number. Raises ``xml.parsers.expat.ExpatError``."""
    from xml.parsers import expat

    parser = expat.ParserCreate(namespace_separator=" ")
    state = {"table": 0}  # then the row (before this one), rows it repeats, column
    names: dict[int, str] = {}
    spans, open_cell = [], []

    def start(name: str, attrs: dict) -> None:
        if open_cell:
            open_cell[0][3] += 1
            return
        if name == _ODS_T + "table":
            state.update(table=state["table"] + 1, row=0)
            names[state["table"]] = attrs.get(_ODS_T + "name")
        elif name == _ODS_T + "table-row":
            state.update(rows=int(attrs.get(_ODS_T + "number-rows-repeated", "1")), col=0,
                         row_at=parser.CurrentByteIndex)
        elif name in _ODS_CELLS:
            state["col"] += int(attrs.get(_ODS_T + "number-columns-repeated", "1"))
            if (key := (state["table"], state["row"] + state["rows"], state["col"])) in wanted:
                open_cell.append([parser.CurrentByteIndex, name, attrs, 0, [], key,
                                  state["row_at"]])

    def end(name: str) -> None:
        if open_cell and open_cell[0][3]:
            open_cell[0][3] -= 1
            if name.endswith(" p"):
                open_cell[0][4].append("\n")
            return
        if open_cell and name == open_cell[0][1]:
            begin, _, attrs, _, texts, key, row_at = open_cell.pop()
            tag = _TAG.match(body, begin)[0]  # an empty element ends with it; else at ``</``
            stop = begin + len(tag) if tag.endswith(b"/>") else \
                body.index(b">", parser.CurrentByteIndex) + 1
            value = "".join(texts).strip() or attrs.get(_ODS_VALUE, "")
            spans.append((begin, stop, tag, key, value, _TAG.match(body, row_at)))
        elif name == _ODS_T + "table-row":
            state["row"] += state["rows"]

    def text(data: str) -> None:
        if open_cell:
            open_cell[0][4].append(data)

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler = text
    parser.Parse(body, True)
    return spans, names


_REPEAT = {"col": re.compile(rb"""(number-columns-repeated=)(["'])\d+\2"""),
           "row": re.compile(rb"""(number-rows-repeated=)(["'])\d+\2""")}


def _repeated(tag: bytes, kind: str, times: int) -> bytes:
    """A start tag with its ``number-columns-repeated`` (``kind`` ``col``) or
    ``number-rows-repeated`` (``row``) set to ``times``."""
    return _REPEAT[kind].sub(lambda m: m[1] + m[2] + str(times).encode() + m[2], tag, count=1)


def _named(tag: bytes) -> tuple[bytes, bytes]:
    """An element's qualified name and its prefix with the colon (``table:table-cell``,
    ``table:``). Raises ``ValueError`` for a name without a prefix (never rewritten)."""
    name = re.match(rb"<([\w.:-]+)", tag)[1]
    if b":" not in name:
        raise ValueError("an element without its prefix")
    return name, name.split(b":")[0] + b":"


def _ods_edits(body: bytes, found: FarCells):
    """The edits of ``content.xml`` that leave out the far cells of ``found`` (``[(start, end,
    new bytes)]``), the tables' names and the far cells' values (as :func:`_ods_spans` gives
    them); ``None`` when a cell is not found where the scan saw it."""
    starts = found.starts or tuple((r, c) for r, c, _ in found.cells)
    wanted = {(table, row, col): first for table, (row, col, _), first
              in zip(found.tables, found.cells, starts)}
    spans, names = _ods_spans(body, set(wanted))
    if len(spans) != len(wanted):
        return None
    edits, rows_cut = [], {}
    for begin, stop, tag, key, _, row in spans:
        (first_row, first_col), (_, last_row, last_col) = wanted[key], key
        name, prefix = _named(tag)
        if first_row <= MAX_ROWS < last_row and row.start() not in rows_cut:
            # filled down across the row bound: the row's copies cut to :data:`KEPT_COPIES`
            # (nothing after it is within the bound, so no row within it moves)
            rows_cut[row.start()] = (key[0], first_row, last_row)
            edits.append((row.start(), row.end(), _repeated(row[0], "row", KEPT_COPIES)))
        if first_col <= MAX_COLUMNS < last_col:  # dragged across the column bound: cut there
            edits.append((begin, begin + len(tag),
                          _repeated(tag, "col", MAX_COLUMNS - first_col + 1)))
            edits.append((stop, stop, b"<" + name + b" " + prefix + b'number-columns-repeated="'
                          + str(last_col - MAX_COLUMNS).encode() + b'"/>'))
        elif first_col > MAX_COLUMNS or first_row > MAX_ROWS:
            edits.append((begin, stop, b"<" + name + b"/>"))
    return edits, names, {key: value for *_, key, value, _ in spans}, rows_cut


def _without_far_ods_cells(data: bytes, found: FarCells) -> tuple[bytes, str] | None:
    """:func:`without_far_cells` of an ``.ods``: each far cell written empty in ``content.xml``
    (an empty element of its name; every cell after it in its row is past the bound too). A
    cell repeated across the column bound keeps its columns within it, the rest written as
    empty cells (a value dragged right to ``XFD`` in LibreOffice: fresh tester P's P138, P193),
    so that no other cell moves. A row repeated across the row bound (a value filled down to
    the sheet's end) keeps :data:`KEPT_COPIES` copies, told (:func:`copies_note`); before,
    the file was rejected (fresh tester P's P199, the damaged corpus's D-10)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            body = source.read(found.part)
            if b"<!" in body or (read := _ods_edits(body, found)) is None:
                return None
            edits, names, values, rows_cut = read
            # from the end: a cell's filler goes before the next cell written empty
            for begin, stop, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
                body = body[:begin] + new + body[stop:]
            rewritten = rezipped(source, {found.part: body})
    except Exception:  # a zip or part that cannot be rewritten: the file stays rejected
        return None
    copied = {(table, last) for table, _, last in rows_cut.values()}
    notes = [copies_note(names.get(table) or str(table), first, last,
                         [values[(t, row, col)] for t, (row, col, _) in
                          zip(found.tables, found.cells) if (t, row) == (table, last)])
             for table, first, last in sorted(rows_cut.values())]
    notes += [far_cells_note(names.get(table) or str(table), far)
              for table in sorted(set(found.tables))
              if (far := [(ref, values[(t, row, col)]) for t, (row, col, ref)
                          in zip(found.tables, found.cells)
                          if t == table and (t, row) not in copied])]
    return rewritten, " ".join(notes)


def _value(cell: bytes, strings: dict[int, str]) -> str:
    """The text a cell element holds: its shared string, its inline text or its value."""
    element = ElementTree.fromstring(re.sub(rb"<(/?)[\w.-]+:", rb"<\1", cell))
    texts = [t.text or "" for t in element.iter() if t.tag.rpartition("}")[2] == "t"]
    value = next((v.text or "" for v in element.iter() if v.tag.rpartition("}")[2] == "v"), "")
    if element.get("t") == "s" and value.strip().isdigit():
        return strings.get(int(value), "")
    return "".join(texts) if texts else value


def _shared_strings(source: zipfile.ZipFile, cells: list[bytes]) -> dict[int, str]:
    """The shared strings the far ``cells`` point to, by index (``{}`` when none do)."""
    wanted = {int(m[1]) for cell in cells if re.search(rb'\st="s"', cell)
              for m in [re.search(rb"<(?:[\w.-]+:)?v>\s*(\d+)\s*<", cell)] if m}
    part = next((n for n in source.namelist() if n.lower() == "xl/sharedstrings.xml"), None)
    if not wanted or part is None:
        return {}
    found: dict[int, str] = {}
    for i, item in enumerate(ElementTree.fromstring(source.read(part))):
        if i in wanted:
            found[i] = "".join(t.text or "" for t in item.iter() if t.tag == _MAIN + "t")
        if i >= max(wanted):
            break
    return found


def _sheet_name(source: zipfile.ZipFile, part: str) -> str:
    """The name of the sheet stored in ``part`` (``xl/worksheets/sheet1.xml`` → ``Danh
    sách``), from the workbook and its relationships; the part's name when they do not say."""
    try:
        targets = {rel.get("Id"): posixpath.normpath(posixpath.join(
            "xl", rel.get("Target", ""))) if not rel.get("Target", "").startswith("/")
            else rel.get("Target", "").lstrip("/")
            for rel in ElementTree.fromstring(source.read("xl/_rels/workbook.xml.rels"))
            if rel.tag == _RELS + "Relationship"}
        for sheet in ElementTree.fromstring(source.read("xl/workbook.xml")).iter(_MAIN + "sheet"):
            if targets.get(sheet.get(_R_ID)) == part:
                return sheet.get("name") or part
    except Exception:  # no workbook part or relationships readable: the part names it
        return part
    return part


def copies_note(sheet: str | None, first: int, last: int, values: list[str]) -> str:
    """The line telling a unit that rows ``first`` to ``last`` of ``sheet`` (Excel's numbers;
    ``None``: a CSV's lines) are one row repeated (its cells' ``values``), of which only
    :data:`KEPT_COPIES` were read."""
    said = ", ".join(f"'{shorten(value)}'" for value in values[:NAMED_CELLS] if value)
    where = f"Trang '{sheet}'" if sheet is not None else "Tệp CSV"
    return (f"{where}: dòng {number(first)} đến {number(last)} là một dòng lặp lại "
            f"{number(last - first + 1)} lần{f' ({said})' if said else ''}, quá dòng "
            f"{number(MAX_ROWS)}: chỉ đọc {KEPT_COPIES} dòng đầu, các dòng sau giống hệt nên "
            f"không đọc. Nếu đã điền xuống đến cuối trang tính, đề nghị xóa các dòng thừa rồi "
            f"gửi lại.")


def far_cells_note(sheet: str, cells: list[tuple[str, str]], beyond: bool = True) -> str:
    """The line telling a unit which cells of ``sheet`` (``(reference, value)``) lay outside
    the form's reach (``beyond`` the last row or column read; else so far from the others
    that the sheet read whole would be over the limit of cells) and were not read."""
    said = ", ".join(f"ô {ref} ('{shorten(value)}')" if value else f"ô {ref}"
                     for ref, value in cells[:NAMED_CELLS])
    more = f", … ({number(len(cells))} ô)" if len(cells) > NAMED_CELLS else ""
    reach = (f"sau dòng {number(MAX_ROWS)} hoặc sau cột thứ {number(MAX_COLUMNS)}" if beyond
             else f"đọc cả thì trang vượt quá {number(MAX_CELLS)} ô")
    return (f"Trang '{sheet}': {said}{more} nằm quá xa bảng ({reach}) nên không được đọc; đã "
            f"đọc phần còn lại của "
            f"trang. Nếu đó là dòng đăng ký, đề nghị chuyển lên ngay dưới bảng; nếu không, đề "
            f"nghị xóa rồi gửi lại.")
