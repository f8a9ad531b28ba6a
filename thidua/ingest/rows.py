"""A data sheet and its rows: the cells below the header as a DataFrame, the unit's own column
labels, the title block above (``spec/submission-form.md``).

:mod:`thidua.ingest.read` makes a :class:`SheetData` from a file's bytes; the rows keep the
numbers Excel shows (index ``row``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import pandas as pd

from schemas.form import (BY_NAME, COLLECTIVE_KEYS, COLLECTIVE_WORDS, HEADER_MARKERS,
                          NO_POSITION, TYPES, WEAK_HEADERS)
from thidua.ingest import legacy
from thidua.ingest.cells import SheetFacts
from thidua.ingest.headers import header_name
from thidua.ingest.legend import LEGEND_COLUMNS, legend_key, sheet_legends
from thidua.ingest.marks import marked_columns, marked_value
from thidua.ingest.normalise import STT_NUMBER, is_totals
from thidua.ingest.periods import year_of_date_cell
from thidua.ingest.registrant import split_position, type_in_position
from thidua.ingest.sections import sheet_field, sheet_type, types_from_headings
from thidua.ingest.table import Table, is_annotation, row_names, table_parts
from thidua.ingest.titleblock import title_line_kind
from thidua.ingest.twins import twin_rows, twins
from thidua.ingest.valuecolumns import with_type_column
from thidua.ingest.values import EXACT, read_value
from thidua.ingest.workbook import Grid
from thidua.text import clean_text, match_key, word_key


@dataclass(frozen=True)
class SheetData:
    """A data sheet of a file: its name (``""`` for CSV), grid and located table.

    ``encoding`` is the text encoding found: ``"Unicode"`` for a workbook typed in Unicode,
    ``"UTF-8"``, ``"UTF-8 (BOM)"`` or ``"Windows-1258"`` for a CSV, and
    :data:`thidua.ingest.legacy.TCVN3_NAME` or :data:`thidua.ingest.legacy.VNI_NAME` when the text was typed in
    a legacy font encoding and has been converted (the grid then holds the Unicode text).
    """

    sheet: str
    grid: Grid
    table: Table
    encoding: str = "Unicode"
    facts: SheetFacts = field(default_factory=SheetFacts)
    #: The earlier sheet of the file whose registrations this one repeats row for row
    #: (:func:`thidua.ingest.sheetchoice.copy_of`), ``""`` when none: its rows are ignored.
    copy_of: str = ""
    #: Whether the sheet only lists again some models of ``copy_of`` (a summary's list of
    #: exemplary models, :func:`thidua.ingest.sheetchoice.excerpt_of`), not all of its rows.
    excerpt: bool = False
    #: Whether the sheet is an earlier version of the list on sheet ``copy_of``
    #: (:func:`thidua.ingest.sheetversions.later_version`), not a copy of it.
    earlier: bool = False

    @property
    def converted(self) -> bool:
        """Whether the text was converted from a legacy 8-bit encoding."""
        return self.encoding in legacy.DECODERS or self.encoding.startswith(legacy.MOJIBAKE)

    def memo(self, key: object, compute):
        """``compute()``, kept with the sheet under ``key`` (it travels with it when pickled,
        so that what the parsing worker computed is not computed again, issue 10)."""
        kept = self.__dict__.setdefault("_memo", {})  # frozen: fields never change
        if key not in kept:
            kept[key] = compute()
        return kept[key]


def raw_rows(sheet: SheetData) -> pd.DataFrame:
    """The rows below the header as a DataFrame of raw cell values.

    Index ``row`` (int): the row number as Excel shows it. Columns: the internal names of the
    form columns present (object dtype, values as read: str, float, date), then the unknown
    columns under their header text. Rows past the last non-empty row are not included.
    Text-like columns (``stt``, ``unit_code``, ``model``, ``registrant``, ``position``,
    ``grassroots_union``, ``note`` and unknown columns) hold the text Excel shows for a number
    under a number format (``SheetFacts.shown``, issue 9.2: ``300`` under ``0000`` → ``"0300"``).
    """
    return sheet.memo("raw_rows", lambda: _raw_rows(sheet)).copy(deep=False)


def prepare(sheet: SheetData) -> SheetData:
    """``sheet`` with its :func:`raw_rows` and :func:`column_labels` computed and kept (done in
    the parsing worker, :func:`thidua.ingest.isolation.checked_parse`)."""
    raw_rows(sheet)
    column_labels(sheet)
    return sheet  # title lines: read with the registry's names, in the run (title_line_rows)


def _parts(sheet: SheetData, last: int) -> list[tuple[int, int, Table]]:
    """The sheet's table parts down to grid row ``last`` (:func:`thidua.ingest.table.
    table_parts`), each with its type column found by its values when its header names none
    (:func:`thidua.ingest.valuecolumns.with_type_column`); computed once."""
    return [(a, b, typed) for a, b, _, typed in _typed_parts(sheet, last)]


def _typed_parts(sheet: SheetData, last: int) -> list[tuple[int, int, Table, Table]]:
    """``(first row, stop row, part as its header reads, part with its type column by
    values)`` for :func:`_parts`; computed once per ``last``."""
    grid = sheet.grid
    return sheet.memo(("parts", last), lambda: [
        (a, b, t, _headings_first(grid, with_type_column(grid, t, a, b), a, b))
        for a, b, t in table_parts(grid, sheet.table, last, _hidden(sheet))])


def _type_header(grid: Grid, part: Table, column: int) -> str:
    """The header text of ``part``'s grid column ``column``, its rows joined."""
    return " ".join(t for r in part.header_rows
                    if column < len(grid[r]) and (t := clean_text(grid[r][column])))


def _headings_first(grid: Grid, part: Table, start: int, stop: int) -> Table:
    """``part`` without its type column when that column is a type column only by its
    values or by a weak header (:func:`thidua.ingest.valuecolumns.type_column`,
    :data:`schemas.form.WEAK_HEADERS`: ``Đối tượng``, whom a model serves) and section
    headings naming a type (``I. TẬP THỂ`` / ``II. CÁ NHÂN``) say otherwise on some row: the
    headings then type the rows and the column is unknown (fresh tester E's 202: ``Đối tượng``
    = ``Tập thể`` on every row typed the individuals under ``II. CÁ NHÂN`` as collectives). A
    column headed ``Hình thức``, or giving both types on its rows (it types each row itself: a
    ``Loại hình`` column, an individual listed under ``I. TẬP THỂ`` after its union, fresh
    tester G's 901), is never overruled."""
    column = next((c for c, name in part.columns.items() if name == "type"), None)
    if column is None:
        return part
    cells = [grid[r][column] for r in part.header_rows if column < len(grid[r])]
    if any(header_name(c) == "type" and match_key(c) not in WEAK_HEADERS for c in cells):
        return part  # the form's own header
    header = _type_header(grid, part, column)
    plain = replace(part, columns={c: n for c, n in part.columns.items() if c != column},
                    unknown={**part.unknown, column: header})
    headed = _section_types(grid, plain, start, stop)
    if headed is None:
        return part
    said = [read_value("type", grid[r][column] if column < len(grid[r]) else "")
            for r in range(start, stop)]
    if len({s.code for s in said if s.how == EXACT}) > 1:
        return part  # the column types its rows itself (fresh tester G's 901, ``Loại hình``)
    if any(kind and s.how == EXACT and TYPES[s.code] != kind for s, kind in zip(said, headed)):
        return plain
    return part


def overruled_type_headers(sheet: SheetData) -> list[str]:
    """The headers of the sheet's columns read as a type by their values or a weak header but
    overruled by its section headings (:func:`_headings_first`), once each."""
    grid, headers = sheet.grid, []
    for a, b, read, typed in _typed_parts(sheet, len(grid)):
        if "type" not in typed.columns.values() and "type" not in marked_columns(typed.marks):
            found = with_type_column(grid, read, a, b)
            headers += [_type_header(grid, found, c) for c, name in found.columns.items()
                        if name == "type"]
    return list(dict.fromkeys(headers))


def type_column_headers(sheet: SheetData) -> list[str]:
    """The headers, as the unit wrote them, of the sheet's columns read as ``Hình thức`` by
    their values (:func:`thidua.ingest.valuecolumns.type_column`), once each."""
    headers = [read.unknown.get(c) or _header_cell(sheet.grid, read, c)
               for _, _, read, typed in _typed_parts(sheet, len(sheet.grid))
               for c, name in typed.columns.items() if name == "type" and c not in read.columns]
    return list(dict.fromkeys(headers))


def lost_header_columns(sheet: SheetData) -> list[tuple[str, str, str]]:
    """``(column letter, header text, form name)`` of each column of the sheet read as a form
    column although its header cell was lost, blank or an error
    (:mod:`thidua.ingest.unheaded`), once each: ``("C", "#REF!", "field")``, ``("E", "",
    "registrant")``."""
    found = [(column_letter(c), _type_header(sheet.grid, read, c), name)
             for _, _, read, _ in _typed_parts(sheet, len(sheet.grid))
             for c, name in read.lost.items() if read.columns.get(c) == name]
    return list(dict.fromkeys(found))


def _header_cell(grid: Grid, table: Table, column: int) -> str:
    """How a message names a column whose header is blank or an error: its letter with the
    header as shown (``cột D (tiêu đề '#REF!')``, :func:`_type_header`), or its letter alone
    (``cột D``)."""
    text = _type_header(grid, table, column)
    letter = column_letter(column)
    return f"cột {letter} (tiêu đề '{text}')" if text else f"cột {letter}"


def _hidden(sheet: SheetData) -> frozenset[int]:
    """The sheet's hidden columns (0-based), as :func:`thidua.ingest.table.find_table` takes them."""
    return frozenset(sheet.facts.hidden_columns)


def _raw_rows(sheet: SheetData) -> pd.DataFrame:
    grid, table = sheet.grid, sheet.table
    last = len(grid)
    while last > table.data_start and not any(clean_text(v) for v in grid[last - 1]):
        last -= 1
    records: list[dict] = []
    names: dict[str, None] = {}
    parts = _parts(sheet, last)
    named = type_from_name(sheet)
    field = field_from_name(sheet)
    for start, stop, part in parts:
        wanted = _raw_names(part)
        names.update(dict.fromkeys([*wanted.values(), *marked_columns(part.marks)]))
        block = [{name: (grid[r][c] if c < len(grid[r]) else "") for c, name in wanted.items()}
                 for r in range(start, stop)]
        for (r, c), text in sheet.facts.shown.items():  # text-like columns: what Excel shows
            if start <= r < stop and c in wanted and _as_shown(wanted[c], text, grid[r][c]):
                block[r - start][wanted[c]] = text
        pairs = twins(part, sheet.facts.merges)  # an empty cell, its twin filled
        for c, taken in twin_rows(grid, start, stop, pairs).items():
            name, twin = wanted[c], pairs[c]
            for r in taken:
                shown = sheet.facts.shown.get((r, twin))
                block[r - start][name] = shown if shown is not None \
                    and _as_shown(name, shown, grid[r][twin]) else grid[r][twin]
        for name in marked_columns(part.marks):  # a choice by tick boxes (issue 16)
            for record, r in zip(block, range(start, stop)):
                record[name] = marked_value(grid[r], part.marks, name)
        if field and "field" not in part.columns.values() and "field" not in wanted.values():
            names["field"] = None  # one sheet per field: its name gives its rows' field
            for record in block:
                if _named_row(record.get("model"), record.get("registrant")):
                    record["field"] = field
        for name, given in _named_blanks(sheet, part, start, stop):
            for record in block:  # the column kept but left blank: the sheet's name fills it
                if _named_row(record.get("model"), record.get("registrant")) \
                        and not clean_text(record.get(name)):
                    record[name] = given
        for name, legend in _legends(sheet, [r.get(n) for r in block for n in LEGEND_COLUMNS]
                                     ).items():  # ``1`` … ``4`` read by the sheet's legend
            for record in block:
                if (key := legend_key(record.get(name))) in legend:
                    record[name] = legend[key]
        if (types := _section_types(grid, part, start, stop, named)) is not None:
            names["type"] = None  # ``I. TẬP THỂ`` / ``II. CÁ NHÂN`` instead of a column
            for record, kind in zip(block, types):
                record["type"] = kind
        elif _typed_by_position(part):
            names["type"] = None  # no type column: a position names an individual
            for record in block:
                record["type"] = position_type(record.get("registrant"), record.get("position"))
        records += block
    if len(parts) > 1:  # a column one table lacks is empty there, as a missing cell is
        records = [{name: record.get(name, "") for name in names} for record in records]
    frame = pd.DataFrame.from_records(records, columns=list(names), coerce_float=False)
    frame.index = pd.RangeIndex(table.data_start + 1, last + 1, name="row")
    return frame.astype(object)


def _section_types(grid: Grid, part: Table, start: int, stop: int,
                   default: str = "") -> list[str] | None:
    """The types section headings give the rows of a table part without a type column
    (:func:`thidua.ingest.sections.types_from_headings`; ``default``: the sheet name's type),
    else ``None``."""
    if "type" in part.columns.values() or "type" in marked_columns(part.marks):
        return None
    return types_from_headings(grid, start, stop, part.top,
                               lambda row: set(HEADER_MARKERS) <= set(row_names(row).values()),
                               default, _plainly_data(part))


def _typed_by_position(part: Table) -> bool:
    """Whether ``part`` has a registrant's and a ``Chức vụ`` column but no ``Hình thức``
    column nor tick boxes choosing a type (:func:`position_type` then types its rows, when no
    section heading nor the sheet's name does)."""
    names = set(part.columns.values())
    return ({"position", "registrant"} <= names and "type" not in names
            and "type" not in marked_columns(part.marks))


def position_type(registrant: object, position: object) -> str:
    """The type of a row of a table without a type column (:func:`_typed_by_position`):
    ``Cá nhân`` when it names a registrant and a position, in ``Chức vụ`` or after the name
    (``Nguyễn Văn An - Chủ tịch CĐCS``, :func:`thidua.ingest.registrant.split_position`):
    only an individual holds a position (``spec/submission-form.md``, "Chức vụ: position of
    an individual"); the type itself when ``Chức vụ`` says it
    (:func:`thidua.ingest.registrant.type_in_position`: ``Tập thể``, the unit's type written
    in the wrong column); else ``""`` (the row is rejected asking its type: a row without a
    position may be a collective or an individual who left it out). An extension of the
    form's ``Hình thức`` rule (``docs/contracts.md``)."""
    text = clean_text(registrant)
    if text and (kind := type_in_position(position)):
        return TYPES[kind]  # the type written in the wrong column: ``Tập thể``
    lower, name = f"{text.lower()} ", f"{match_key(text)} "
    if not text or any(lower.startswith(f"{w} ") for w in COLLECTIVE_WORDS) \
            or any(name.startswith(f"{w} ") for w in COLLECTIVE_KEYS):
        return ""  # a collective's name: its ``Chức vụ`` is a contact person's
    said = clean_text(position)
    key = word_key(said)
    if said and (not key or key in NO_POSITION or read_value("type", said).how == EXACT):
        return ""  # ``-``, ``Không``, ``x``, or a type written in the wrong column
    held = bool(said) or split_position(registrant) is not None
    return TYPES["individual"] if held else ""


def type_from_position(sheet: SheetData, rows: Iterable[int] | None = None) -> bool:
    """Whether some rows of the sheet took their type from :func:`position_type`: a part of
    its table has a ``Chức vụ`` column, no ``Hình thức`` column, no tick boxes for it, no
    section heading naming a type, and the sheet's name names no type. With ``rows`` (Excel
    rows, the registrations counted), only a part holding one of them: a block re-listing
    registrations under a header without ``Hình thức``, ignored, is none (fresh tester L's
    L104)."""
    grid, last = sheet.grid, len(sheet.grid)
    parts = _parts(sheet, last)
    named = type_from_name(sheet)
    held = None if rows is None else {r - 1 for r in rows}  # grid rows
    return any(_typed_by_position(t) and _section_types(grid, t, a, b, named) is None
               and (held is None or any(a <= r < b for r in held))
               for a, b, t in parts)


def _plainly_data(part: Table):
    """Whether a grid row of ``part`` is a registration whatever else it holds, as
    :func:`thidua.ingest.normalise.classify_rows` decides: its ``Lĩnh vực`` reads as a field,
    or it has an STT number and a model (``5`` | model | … | ``Chủ tịch CĐCS``): never the
    signature block's first row nor a totals row."""
    at = {name: c for c, name in part.columns.items()}

    def cell(row: list[object], name: str) -> str:
        c = at.get(name)
        return clean_text(row[c]) if c is not None and c < len(row) else ""

    def plainly(row: list[object]) -> bool:
        if (field := cell(row, "field")) and read_value("field", field).code is not None:
            return True
        return bool(STT_NUMBER.fullmatch(cell(row, "stt")) and cell(row, "model"))
    return plainly


def _named_blanks(sheet: SheetData, part: Table, start: int, stop: int
                  ) -> list[tuple[str, str]]:
    """``(column, value)`` the sheet's name gives the blank cells of ``part``'s ``Lĩnh vực``
    or ``Hình thức`` column (a sheet per field, ``Kinh tế``, or per type, ``Tập thể``, that
    kept the form's column but left it blank: fresh tester F's 112, 142, every row was
    rejected); not the type where a section heading names one, nor where the column's filled
    cells give another value (:func:`_only`)."""
    names = set(part.columns.values())
    out = []
    if "field" in names and (field := sheet_field(sheet.sheet)) \
            and _only(sheet.grid, part, start, stop, "field", field):
        out.append(("field", field))
    if "type" in names and (kind := sheet_type(sheet.sheet)) \
            and _only(sheet.grid, part, start, stop, "type", kind):
        plain = replace(part, columns={c: n for c, n in part.columns.items() if n != "type"})
        if _section_types(sheet.grid, plain, start, stop) is None:
            out.append(("type", kind))
    return out


def _only(grid: Grid, part: Table, start: int, stop: int, name: str, given: str) -> bool:
    """Whether every filled cell of ``part``'s column ``name`` that reads as a value reads as
    ``given``'s: a sheet whose name names a field or type but holds others (the template's
    ``Tập thể`` kept over both types, fresh tester G's 206; a sheet per bloc, ``Khối Kinh
    tế``, holding every field, 404) is no sheet per field or type, and fills nothing."""
    column = next(c for c, n in part.columns.items() if n == name)
    code = read_value(name, given).code
    return all(read_value(name, v).code in (None, code) for r in range(start, stop)
               if column < len(grid[r]) and clean_text(v := grid[r][column]))


def _named_row(model: object, registrant: object) -> bool:
    """Whether a row with this model and registrant takes what the sheet's name gives: both
    filled, and no totals line (``Cộng`` | ``3 mô hình``)."""
    texts = [clean_text(model), clean_text(registrant)]
    return all(texts) and not is_totals(texts)


def name_filled_rows(sheet: SheetData) -> dict[str, tuple[str, list[int]]]:
    """Column (``field``/``type``) → ``(value, Excel rows)``: the data-looking rows whose
    blank cell of that column the sheet's name filled (:func:`_named_blanks`), for the note."""
    grid, out = sheet.grid, {}
    for a, b, part in _parts(sheet, len(grid)):
        at = {n: c for c, n in part.columns.items()}
        for name, given in _named_blanks(sheet, part, a, b):
            def cell(r: int, n: str) -> str:
                c = at.get(n)
                return clean_text(grid[r][c]) if c is not None and c < len(grid[r]) else ""
            rows = [r + 1 for r in range(a, b)
                    if _named_row(cell(r, "model"), cell(r, "registrant")) and not cell(r, name)]
            if rows:
                out.setdefault(name, (given, []))[1].extend(rows)
    return out


def _legends(sheet: SheetData, values: list[object]) -> dict[str, dict[str, str]]:
    """The sheet's legends (:func:`thidua.ingest.legend.sheet_legends`, looked for once per
    sheet) when one of ``values`` is a key alone, ``1`` or ``LV1`` (``{}`` otherwise: most sheets)."""
    if not any(legend_key(v) is not None for v in values):
        return {}
    return sheet.memo("legends", lambda: sheet_legends(sheet.grid, LEGEND_COLUMNS))


def legends_with(sheet: SheetData, other: Grid) -> None:
    """Let ``sheet`` read the legends of grid ``other`` with its own (a list going on from
    another sheet without the header, :func:`thidua.ingest.sheetchoice.continued_table`: its
    numbers' legend is under the first sheet's table; fresh tester H's H41). Before its rows
    are read."""
    sheet.memo("legends", lambda: sheet_legends([*other, *sheet.grid], LEGEND_COLUMNS))


def legend_rows(sheet: SheetData) -> dict[str, tuple[dict[str, str], list[int]]]:
    """Column (:data:`thidua.ingest.legend.LEGEND_COLUMNS`) → ``(legend, Excel rows)``: the
    rows whose number in that column the sheet's legend read (:func:`_raw_rows`), for the
    note."""
    grid, out = sheet.grid, {}
    for a, b, part in _parts(sheet, len(grid)):
        cells = {n: [(r, grid[r][c] if c < len(grid[r]) else "") for r in range(a, b)]
                 for c, n in part.columns.items() if n in LEGEND_COLUMNS}
        legends = _legends(sheet, [v for column in cells.values() for _, v in column])
        for name, legend in legends.items():
            rows = [r + 1 for r, v in cells.get(name, []) if legend_key(v) in legend]
            if rows:
                out.setdefault(name, (legend, []))[1].extend(rows)
    return out


def field_from_name(sheet: SheetData) -> str:
    """The field the sheet's name gives its rows (:func:`thidua.ingest.sections.sheet_field`:
    a sheet per field) when its table has no ``Lĩnh vực`` column; else ``""``. Only rows with
    a model and a registrant take it (a blank, totals or signature row stays what it is)."""
    field = sheet_field(sheet.sheet)
    if not field or "field" in sheet.table.columns.values():
        return ""
    return field


def type_from_name(sheet: SheetData) -> str:
    """The type the sheet's name gives its rows (:func:`thidua.ingest.sections.sheet_type`):
    only when a part of its table has neither a ``Hình thức`` column nor a section heading
    naming a type; else ``""``. (A registrant's header ``Họ và tên`` gives none: units list
    collectives under it too, fresh tester C's ht01.)"""
    kind = sheet_type(sheet.sheet)
    if not kind:
        return ""
    grid, last = sheet.grid, len(sheet.grid)
    parts = _parts(sheet, last)
    used = any(_section_types(grid, t, a, b) is None and _section_types(grid, t, a, b, kind)
               for a, b, t in parts)
    return kind if used else ""


#: Columns whose value is a code or a date, not text: they keep the value as read.
_VALUE_COLUMNS = ("field", "type", "level", "period", "result")


def _as_shown(name: str, shown: str, value: object = None) -> bool:
    """Whether column ``name``'s cell is read as the text Excel shows (``shown``) rather than
    its value: a text-like column's always (``0300``), a coded column's when the number is
    shown as a percentage (``1`` under ``0%`` is ``100%``, as the unit sees it and a share of
    the plan reads: fresh tester J's J039, quoted ``'1'`` before), or as one of the column's
    values in words (a drop-down's index ``1`` under ``[=1]"Tập thể";[=2]"Cá nhân"``: the unit
    sees ``Tập thể``; fresh tester P's P083, P084, P097, P152, P156, P158, P159: rejected
    "'1' không hợp lệ"), when its ``value`` is a number (a text keeps its own words)."""
    if name not in _VALUE_COLUMNS or shown.rstrip().endswith("%"):
        return True
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    return number and name in ("field", "type", "level", "result") \
        and read_value(name, shown).code is not None


def _raw_names(table: Table) -> dict[int, str]:
    """Grid column → column name in :func:`raw_rows`: the form's internal names, then the
    unknown columns as ``[header]`` (``[header #2]`` for a repeated header)."""
    names = dict(table.columns)
    for c, header in table.unknown.items():
        name, n = f"[{header}]", 2
        while name in names.values():
            name, n = f"[{header} #{n}]", n + 1
        names[c] = name
    return names


def column_letter(index: int) -> str:
    """Excel's letter of a 0-based column index: 0 → ``A``, 27 → ``AB``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def column_labels(sheet: SheetData) -> dict[str, str]:
    """Each :func:`raw_rows` column → the header as the unit wrote it, in the file's column
    order (for feedback that shows a unit its own rows); a column only a later table of the
    sheet has (:func:`table_parts`) is labelled by that table's header. A header written twice
    gets its column letter: ``Ghi chú (cột M)``."""
    return dict(sheet.memo("column_labels", lambda: _column_labels(sheet)))


def _column_labels(sheet: SheetData) -> dict[str, str]:
    grid = sheet.grid
    labels: dict[str, str] = {}
    last = len(grid)
    parts = _parts(sheet, last)
    for _, _, table in parts:
        header_rows = [i for i in table.header_rows if not is_annotation(grid[i])]
        for c, name in sorted(_raw_names(table).items()):
            if name in labels:
                continue
            texts = [clean_text(grid[i][c]) for i in header_rows if c < len(grid[i])]
            label = " / ".join(dict.fromkeys(t for t in texts if t)) \
                or table.header_texts.get(c) or name  # a list going on: the first sheet's
            if label in labels.values():
                label = f"{label} (cột {column_letter(c)})"
            labels[name] = label
        for name in marked_columns(table.marks):
            labels.setdefault(name, BY_NAME[name].header)
    if any(_section_types(grid, t, a, b) is not None for a, b, t in parts):
        labels.setdefault("type", "Hình thức (theo dòng tiêu đề nhóm)")
    elif type_from_name(sheet):
        labels.setdefault("type", "Hình thức (theo tên trang)")
    elif type_from_position(sheet):
        labels.setdefault("type", "Hình thức (theo cột Chức vụ)")
    return labels


def title_rows(sheet: SheetData, names: tuple[tuple[str, str], ...] = (),
               below: bool = True) -> list[list[str]]:
    """The title block (the rows above the header, then, when ``below``, the title lines typed
    below it, :func:`title_line_rows` with ``names``), one list per non-empty row of its
    non-empty cells as text, left to right, as Excel shows them under their number format
    (``SheetFacts.shown``: a date formatted ``yyyy`` as its year, ``300`` under ``0000`` as
    ``0300``), else :func:`thidua.text.clean_text` (a date cell, or a date formula's cached
    value, as ``dd/mm/yyyy``, a whole number without ``.0``), so that a
    label and its value typed in two cells (``Ngày gửi:`` | ``05/12/2024``) stay together
    (issue 16.2); each line of a cell typed over several lines (Alt+Enter) is a cell of its
    own."""
    lines = [r - 1 for r in title_line_rows(sheet, names, read=True)] if below else []
    shown = sheet.facts.shown  # what Excel shows: a ``Năm:`` date cell formatted ``yyyy``
    return [cells for r in [*range(sheet.table.top), *lines]
            if (cells := title_cells([_title_shown(v, shown.get((r, c)))
                                      for c, v in enumerate(sheet.grid[r])]))]


def _title_shown(value: object, shown: str | None) -> object:
    """A title cell's value as read in the title block: the text Excel shows (``shown``),
    except for a whole number shown with separators, decimals or a sign (``2024`` under
    ``#,##0.00`` as ``2,024.00``, under ``0%`` as ``202400%``): the number itself, as a
    careful reader takes a year so formatted (fresh number-format cases of 01/12: the whole
    file was rejected, "không phải là một năm"); a date-time cell with its time of day
    (``05/12/2024 16:40``: the sent time of :func:`thidua.ingest.titledates.parse_sent_time`);
    a year typed in a date cell, the year (:func:`thidua.ingest.periods.year_of_date_cell`)."""
    if typed := year_of_date_cell(value):  # ``Năm:`` | 2024 in a date cell (``16/07/1905``)
        return typed
    if isinstance(value, dt.datetime) and value.time() != dt.time.min and shown is None:
        return f"{value:%d/%m/%Y %H:%M}"  # a date-time cell: ``Ngày gửi:`` | 05/12/2024 16:40
    if shown is None or shown.isdigit() or not _DECORATED.fullmatch(shown) \
            or isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not float(value).is_integer():
        return value if shown is None else shown
    return int(value)


#: A number shown with only separators, decimals, a sign or a percent around its digits (no
#: words: ``"Năm "0`` shows ``Năm 2024``, kept as shown).
_DECORATED = re.compile(r"[\d\s.,%+\-()]+")


def title_cells(row: list[object]) -> list[str]:
    """A title row's non-empty cells as cleaned text, left to right, each line of a cell typed
    over several lines (Alt+Enter) a cell of its own."""
    return [t for t in map(clean_text, [line for v in row for line in _lines(v)]) if t]


def title_line_rows(sheet: SheetData, names: tuple[tuple[str, str], ...] = (),
                    read: bool = False) -> tuple[int, ...]:
    """The Excel rows below the header that are title lines typed in the table's place
    (:func:`thidua.ingest.titleblock.is_title_line`: ``Mã đơn vị: Q-HK - Năm: 2023`` under the
    header, ``Mã đơn vị: Q-HK`` | ``Năm: 2023`` under the last registration, or, with
    ``names``, ``(code, registry name)`` pairs, a line naming a unit): they are ignored as rows
    (``title``). With ``read``, those read with the title block (:func:`title_rows`): a line
    only naming a unit counts only when a registration-like row (four cells filled) is under
    it before the next title line; a signature block's or a ``Nơi nhận:`` list's name (``-
    Liên đoàn Lao động quận Ba Đình;``) heads no list."""
    grid, start = sheet.grid, sheet.table.data_start
    kinds = sheet.memo(("title_lines", names), lambda: {
        r + 1: kind for r in range(start, len(grid)) if (kind := title_line_kind(grid[r], names))})
    rows = tuple(kinds)
    if not read:
        return rows
    return tuple(row for at, row in enumerate(rows) if kinds[row] == "labels" or any(
        _filled(grid[r - 1]) >= 4
        for r in range(row + 1, rows[at + 1] if at + 1 < len(rows) else len(grid) + 1)))


def _filled(row: list[object]) -> int:
    """How many different values a row holds (a merged cell repeated over it counts once)."""
    return len({v for v in row if not (v is None or isinstance(v, str) and not v.strip())})


def _lines(value: object) -> list[object]:
    """A title cell's lines: a cell typed with Alt+Enter (``LĐLĐ QUẬN HOÀN KIẾM⏎Mã đơn vị:
    Q-HK⏎Năm: 2024``, a merged title block in one cell) gives each of its lines, read as a
    cell of its own; any other cell itself."""
    if isinstance(value, str) and ("\n" in value or "\r" in value):
        return value.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [value]


def title_lines(sheet: SheetData) -> list[str]:
    """The text of the title block (the rows above the header), one cleaned line per cell."""
    return [cell for row in title_rows(sheet) for cell in row]
