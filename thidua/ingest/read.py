"""Reading one unit file into a grid of cells, and finding its table (``spec/submission-form.md``).

A *grid* is the data sheet as a list of rows, row 0 being Excel's row 1 and column 0 column A,
so that every value keeps the position a unit sees in Excel. :mod:`thidua.ingest.workbook` turns the
file's bytes into grids; this module converts legacy-encoded text (:mod:`thidua.ingest.legacy`), finds
the header row and hands out the rows below it.
"""

from __future__ import annotations

import re
from itertools import chain
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from schemas.form import BY_NAME, HEADER_MARKERS, TEMPLATE_SHEET_WORDS
from thidua.ingest import legacy
from thidua.ingest.limits import MAX_FILE_BYTES, exceeded, size
from thidua.ingest.headers import exact_name, header_name
from thidua.ingest.cells import SheetFacts, fill_merges, restore_unowned, sheet_facts
from thidua.ingest.marks import find_marks, marked_columns, marked_value
from thidua.ingest.salvage import salvage_note, without_broken_parts
from thidua.ingest.sections import types_from_headings
from thidua.ingest.workbook import (
    FileRejected,
    Grid,
    csv_grids,
    decode_csv,
    reads_as_csv,
    workbook_grids,
)
from thidua.text import clean_text, match_key

#: Said when a table reads empty: formulas saved without their values read as empty cells.
FORMULA_HINT = ("Nếu số liệu trong tệp được tính bằng công thức, hãy mở tệp bằng Excel, lưu lại "
                "(để lưu cả giá trị) rồi gửi lại.")

__all__ = ["FileRejected", "SheetData", "Table", "column_labels", "decode_csv", "find_table",
           "parse_sheet", "raw_rows", "read_bytes", "read_sheet", "title_lines", "title_rows"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
#: Text tables: CSV, and the tab-separated text Excel saves as "Unicode Text" or "Text (Tab
#: delimited)" (`.txt`) and other programs as `.tsv` (the separator is found, issue 16.4).
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
SUFFIXES = WORKBOOK_SUFFIXES + CSV_SUFFIXES
#: The header row must be within the first rows of a sheet (``spec/submission-form.md``).
HEADER_SEARCH_ROWS = 30

#: A cell of a row that annotates the header: a column number ``(1)``, ``2``, ``A``, or a
#: hint in brackets ``(bắt buộc)``, ``(Tập thể/Cá nhân)``.
_ANNOTATION = re.compile(r"\(?\s*(\d{1,2}|[A-Z])\s*\)?|\(.*\)|\[.*\]", re.DOTALL)


@dataclass(frozen=True)
class Table:
    """Where the form's table is in a grid.

    ``header_rows`` are the 0-based indices of the header row(s) (two when the header is split
    over two rows), ``data_start`` the first row after them; ``columns`` maps grid column index →
    internal name (:data:`schemas.form.COLUMNS`), ``unknown`` grid column index → header text,
    ``marks`` grid column index → ``(coded column, code)`` for a coded column given as tick
    boxes (:mod:`thidua.ingest.marks`; those columns are also in ``unknown``).
    """

    header_rows: tuple[int, ...]
    columns: dict[int, str]
    unknown: dict[int, str] = field(default_factory=dict)
    marks: dict[int, tuple[str, str]] = field(default_factory=dict)

    @property
    def data_start(self) -> int:
        """0-based index of the first row below the header."""
        return self.header_rows[-1] + 1


@dataclass(frozen=True)
class SheetData:
    """A file's data sheet: its name (``""`` for CSV), grid and located table.

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
    #: Notes for the unit about the choice of this sheet (:func:`parse_sheet`).
    remarks: tuple[str, ...] = ()

    @property
    def converted(self) -> bool:
        """Whether the text was converted from a legacy 8-bit encoding."""
        return self.encoding in legacy.DECODERS

    def memo(self, key: object, compute):
        """``compute()``, kept with the sheet under ``key`` (it travels with it when pickled,
        so that what the parsing worker computed is not computed again, issue 10)."""
        kept = self.__dict__.setdefault("_memo", {})  # frozen: fields never change
        if key not in kept:
            kept[key] = compute()
        return kept[key]


def _is_annotation(row: list[object]) -> bool:
    """A row under the header that only numbers the columns (``(1) (2) (3) …``, ``A B C …``,
    as official forms print) or gives hints in brackets (``(bắt buộc)``, ``(Tập thể/Cá
    nhân)``): at least two such cells, nothing else. It belongs to the header."""
    texts = [clean_text(v) for v in row if clean_text(v)]
    return len(texts) >= 2 and all(_ANNOTATION.fullmatch(t) for t in texts)


def _row_names(row: list[object]) -> dict[int, str]:
    names = {c: header_name(v) for c, v in enumerate(row)}
    return {c: n for c, n in names.items() if n}


def _strangers(row: list, names: dict[int, str]) -> int:
    """How many cells of ``row`` are neither a header (``names``: column → header) nor a column
    number: a first data row whose ``Cấp công đoàn`` says ``CĐCS`` and whose union says
    ``Công đoàn cơ sở`` names two headers, but its model, field, registrant… are strangers,
    so it is data, never a second header row."""
    return sum(1 for c, v in enumerate(row) if c not in names and (t := clean_text(v))
               and not re.fullmatch(r"\(?\d{1,3}\)?\.?", t))


def find_table(grid: Grid) -> Table | None:
    """Locate the header: the first row (within the first 30) holding both ``Tên mô hình`` and
    ``Lĩnh vực``, alone or together with the row below it (a header split over two rows with
    merged cells, ``spec/submission-form.md``), and a row of column numbers or bracketed hints
    right under it. A ``Thời gian thực hiện`` over two sub-columns ``Từ ngày`` | ``Đến ngày``
    (``Bắt đầu`` | ``Kết thúc``, ``Từ`` | ``Đến``, …) makes a two-row header whose sub-columns
    are ``period_from`` | ``period_to`` (issue 16.3), whether or not the merged parent is
    repeated across its columns.
    ``None`` when there is none (a cover letter)."""
    markers = set(HEADER_MARKERS)
    for r in range(min(len(grid), HEADER_SEARCH_ROWS)):
        top = _row_names(grid[r])
        if not top:
            continue
        below = _row_names(grid[r + 1]) if r + 1 < len(grid) else {}
        if markers <= set(top.values()):
            # A second header row only when it holds several headers (never a data row) or
            # the tick boxes of a coded column (:mod:`thidua.ingest.marks`).
            two = (len(below) >= 2 and _strangers(grid[r + 1], below) < len(below)) or (
                r + 1 < len(grid) and find_marks(grid, (r, r + 1), top, {}, header_name)[2])
            rows = (r, r + 1) if two else (r,)
        elif markers <= set(top.values()) | set(below.values()):
            rows = (r, r + 1)
        else:
            continue
        merged = {**top, **below} if len(rows) == 2 else top
        columns: dict[int, str] = {}
        unknown: dict[int, str] = {}
        # Exact spellings claim their column first, then headers in other words, left to right.
        spelled = {c for c, n in merged.items()
                   if any(c < len(grid[i]) and exact_name(grid[i][c]) == n for i in rows)}
        for c in sorted(range(max(len(grid[i]) for i in rows)), key=lambda c: (c not in spelled, c)):
            name = merged.get(c)
            if name and name not in columns.values():
                columns[c] = name
                continue
            texts = [clean_text(grid[i][c]) for i in rows if c < len(grid[i])]
            if any(texts):  # a header merged over both rows is named once
                unknown[c] = " / ".join(dict.fromkeys(t for t in texts if t))
        columns, unknown = dict(sorted(columns.items())), dict(sorted(unknown.items()))
        columns, unknown, marks = find_marks(grid, rows, columns, unknown, header_name)
        below_header = rows[-1] + 1
        if below_header < len(grid) and _is_annotation(grid[below_header]):
            rows = (*rows, below_header)
        return Table(rows, columns, unknown, marks)
    return None


def _to_unicode(grid: Grid, encoding: str) -> tuple[Grid, str]:
    """The grid with legacy-encoded text converted (:mod:`thidua.ingest.legacy`), and the encoding
    found. Raises :class:`FileRejected` when the sheet mixes TCVN3 and VNI."""
    try:
        found = legacy.detect_encoding(chain.from_iterable(grid))
    except legacy.MixedEncodings as exc:
        raise FileRejected(
            f"Chữ trong tệp được gõ bằng hai bảng mã cũ khác nhau ({exc}), không chuyển được "
            f"chắc chắn sang Unicode; đề nghị chuyển toàn bộ tệp sang Unicode (Unikey: Công cụ "
            f"chuyển mã) và phông chữ Times New Roman rồi gửi lại.") from exc
    if found is None:
        return grid, encoding
    return [[legacy.convert_cell(v, found) for v in row] for row in grid], found


def read_bytes(path: Path) -> bytes:
    """A unit file's bytes, read once: the run hashes and parses these same bytes, so that
    a file rewritten during a run can never leave the figures and the hash out of step.

    Raises :class:`FileRejected` when the suffix is not a form format
    (``spec/submission-form.md``, "The file"), the file cannot be read, or it is empty.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileRejected(f"Định dạng tệp '{suffix or '(không có đuôi)'}' không được nhận; "
                           f"chỉ nhận {', '.join(SUFFIXES)}.")
    try:
        with path.open("rb") as stream:  # never more than the limit into memory (issue 9.6)
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise FileRejected(f"Không mở được tệp ({exc.strerror or exc}); đề nghị kiểm tra quyền đọc "
                           f"tệp hoặc gửi lại tệp.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise FileRejected(exceeded("dung lượng tệp", f"hơn {size(MAX_FILE_BYTES)}",
                                    size(MAX_FILE_BYTES)))
    if not data:
        empty = FileRejected("Tệp rỗng (0 byte), không có dữ liệu; đề nghị gửi lại tệp đã lưu "
                             "đầy đủ.")
        empty.data = data  # the bytes read, for the hash of what was read (issue 9.9)
        raise empty
    return data


def is_template_sheet(name: str) -> bool:
    """Whether a sheet's name says it holds instructions or a sample (``Hướng dẫn``, ``HD
    điền``, ``Mẫu DVK-01``, ``Ví dụ``, ``Template``): one of
    :data:`schemas.form.TEMPLATE_SHEET_WORDS` as whole words of the name, in any case, with or
    without diacritics, numbers or other words around (``spec/submission-form.md``, "The
    file")."""
    words = " ".join(re.findall(r"[a-z]+|\d+", match_key(name)))
    return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", words)
               for w in TEMPLATE_SHEET_WORDS)


def parse_sheet(data: bytes, suffix: str) -> SheetData:
    """The data sheet of a unit file's bytes: the first visible sheet with a header row that
    is not an instruction or sample sheet (:func:`is_template_sheet`); such a sheet only when
    no other visible sheet has a header row (``spec/submission-form.md``, "The file": a unit
    may type its data into the template; its example rows are then ignored,
    :func:`thidua.ingest.cellrules.mark_examples`). When another sheet also had a header,
    ``SheetData.remarks`` names the sheet used and the ones passed over.

    The format is taken from the content (:func:`thidua.ingest.workbook.reads_as_csv`): a
    workbook saved under a ``.csv`` name is read as a workbook, CSV text under a workbook
    suffix as CSV. Text typed in TCVN3 (ABC) or VNI is converted to Unicode first
    (``SheetData.encoding`` says which was found). Raises :class:`FileRejected` (message in
    Vietnamese) when the bytes are not a supported spreadsheet, cannot be opened, are empty,
    mix two legacy encodings, or have no header row in any visible sheet.
    """
    if reads_as_csv(data, suffix):
        return _csv_sheet(data)
    salvaged: tuple[str, ...] = ()
    try:
        grids = workbook_grids(data)
    except FileRejected:
        if (fixed := without_broken_parts(data)) is None:
            raise
        data, salvaged = fixed  # only decoration was broken: read the cells (salvage.py)
        grids = workbook_grids(data)
    default = "Unicode"
    if not any(any(clean_text(v) for row in grid for v in row) for _, grid in grids):
        raise FileRejected(f"Tệp rỗng, không có dữ liệu. {FORMULA_HINT}")
    found: list[tuple[str, Grid, str, Table | None, FileRejected | None]] = []
    for name, grid in grids:
        try:
            grid, encoding = _to_unicode(grid, default)
        except FileRejected as exc:  # only fatal when this sheet is the one chosen
            found.append((name, grid, default, find_table(grid), exc))
            continue
        found.append((name, grid, encoding, find_table(grid), None))
    tabled = [f for f in found if f[3] is not None]
    if tabled:
        chosen = next((f for f in tabled if not is_template_sheet(f[0])), tabled[0])
        name, grid, encoding, table, error = chosen
        if error is not None:
            raise error
        facts = sheet_facts(data, name, len(grid))
        grid, table = _apply_facts(grid, table, facts)
        others = [f[0] for f in tabled if f is not chosen]
        remarks = (f"Đã dùng trang '{name}'; bỏ qua " + ", ".join(
            f"trang '{o}'" + (" (trang hướng dẫn/mẫu)" if is_template_sheet(o) else "")
            for o in others) + _not_counted(name, [o for o in others if not is_template_sheet(o)]),
                   ) if others else ()
        if salvaged:
            remarks = (salvage_note(salvaged), *remarks)
        return SheetData(name, grid, table, encoding, facts, remarks)
    if errors := [f[4] for f in found if f[4] is not None]:
        raise errors[0]
    raise FileRejected(
        f"Không tìm thấy dòng tiêu đề của biểu DVK-01 (dòng có cả 'Tên mô hình' và 'Lĩnh vực') "
        f"trong {HEADER_SEARCH_ROWS} dòng đầu của trang tính nào đang hiển thị.")


def _not_counted(used: str, passed: list[str]) -> str:
    """What a unit reads after ``bỏ qua trang …`` when the sheets passed over are not
    instructions: their tables are not counted (one data sheet per file, ``spec/submission-
    form.md`` "The file"), and how to have them counted."""
    if not passed:
        return ""
    named = ", ".join(f"'{o}'" for o in passed)
    return (f": bảng đăng ký ở trang {named} KHÔNG được tính (mỗi tệp chỉ đọc một trang); nếu "
            f"đó là đăng ký của đơn vị chứ không phải bản cũ, đề nghị chép các dòng đó vào trang "
            f"'{used}' dưới cùng dòng tiêu đề rồi gửi lại tệp")


def _apply_facts(grid: Grid, table: Table, facts: SheetFacts) -> tuple[Grid, Table]:
    """The grid as Excel shows it (:mod:`thidua.ingest.cells`): a formula saved without its
    result holds its formula text (so that its row is never taken for blank), an ``.xls``
    date formula its date, and a merged range from the header down its value in every cell
    (issue 16.1), an error value its text (``#N/A``); the table is found again on that grid (a header merged over two rows is
    then read as two rows)."""
    if facts.formulas or facts.values or facts.errors:
        grid = [list(row) for row in grid]
        for (r, c), text in (*facts.formulas.items(), *facts.errors.items()):
            if r < len(grid) and c < len(grid[r]):
                grid[r][c] = text
        for (r, c), value in facts.values.items():
            if r < len(grid) and c < len(grid[r]) and isinstance(grid[r][c], (int, float)):
                grid[r][c] = value
    if not facts.merges:
        return grid, table
    filled = fill_merges(grid, facts.merges, table.header_rows[0])
    table = find_table(filled) or table
    return restore_unowned(filled, grid, table.data_start), table


def _csv_sheet(data: bytes) -> SheetData:
    """A CSV file's sheet, its separator chosen by the form itself (issue 16.4): among ``;``,
    ``,``, tab and ``|``, the one under which the DVK-01 header row is found (most form
    columns; on a tie, that order). When none gives a header, the file is rejected as a
    workbook without one is."""
    candidates, encoding = csv_grids(data)
    if not any(clean_text(v) for _, grid in candidates for row in grid for v in row):
        raise FileRejected(f"Tệp rỗng, không có dữ liệu. {FORMULA_HINT}")
    best: SheetData | None = None
    for _, grid in candidates:
        grid, found = _to_unicode(grid, encoding)
        table = find_table(grid)
        if table is not None and (best is None or len(table.columns) > len(best.table.columns)):
            best = SheetData("", grid, table, found)
    if best is None:
        raise FileRejected(
            f"Không tìm thấy dòng tiêu đề của biểu DVK-01 (dòng có cả 'Tên mô hình' và 'Lĩnh "
            f"vực') trong {HEADER_SEARCH_ROWS} dòng đầu của trang tính nào đang hiển thị.")
    return best


def read_sheet(path: Path) -> SheetData:
    """:func:`parse_sheet` of :func:`read_bytes`: the data sheet of the file at ``path``."""
    return parse_sheet(read_bytes(path), path.suffix)


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
    return sheet


def _raw_rows(sheet: SheetData) -> pd.DataFrame:
    grid, table = sheet.grid, sheet.table
    last = len(grid)
    while last > table.data_start and not any(clean_text(v) for v in grid[last - 1]):
        last -= 1
    records: list[dict] = []
    names: dict[str, None] = {}
    parts = sheet.memo(("parts", last), lambda: table_parts(grid, table, last))
    for start, stop, part in parts:
        wanted = _raw_names(part)
        names.update(dict.fromkeys([*wanted.values(), *marked_columns(part.marks)]))
        block = [{name: (grid[r][c] if c < len(grid[r]) else "") for c, name in wanted.items()}
                 for r in range(start, stop)]
        for (r, c), text in sheet.facts.shown.items():  # text-like columns: what Excel shows
            if start <= r < stop and wanted.get(c, "field") not in _VALUE_COLUMNS:
                block[r - start][wanted[c]] = text
        for name in marked_columns(part.marks):  # a choice by tick boxes (issue 16)
            for record, r in zip(block, range(start, stop)):
                record[name] = marked_value(grid[r], part.marks, name)
        if (types := _section_types(grid, part, start, stop)) is not None:
            names["type"] = None  # ``I. TẬP THỂ`` / ``II. CÁ NHÂN`` instead of a column
            for record, kind in zip(block, types):
                record["type"] = kind
        records += block
    if len(parts) > 1:  # a column one table lacks is empty there, as a missing cell is
        records = [{name: record.get(name, "") for name in names} for record in records]
    frame = pd.DataFrame.from_records(records, columns=list(names), coerce_float=False)
    frame.index = pd.RangeIndex(table.data_start + 1, last + 1, name="row")
    return frame.astype(object)


def _section_types(grid: Grid, part: Table, start: int, stop: int) -> list[str] | None:
    """The types section headings give the rows of a table part without a type column
    (:func:`thidua.ingest.sections.types_from_headings`), else ``None``."""
    if "type" in part.columns.values() or "type" in marked_columns(part.marks):
        return None
    return types_from_headings(grid, start, stop, part.header_rows[0],
                               lambda row: set(HEADER_MARKERS) <= set(_row_names(row).values()))


@lru_cache(maxsize=1 << 16)
def _field_word(text: str) -> bool:
    return "linh vuc" in match_key(text)


def _names_field(value: object) -> bool:
    """Whether a cell is text naming ``Lĩnh vực`` (each distinct text is looked at once)."""
    return isinstance(value, str) and _field_word(value)


def table_parts(grid: Grid, table: Table, last: int) -> list[tuple[int, int, Table]]:
    """The sheet's table in parts ``(first row, stop row, Table)`` (0-based grid rows, stop
    excluded), from ``table.data_start`` to ``last``: a new part starts below every later
    header row whose columns differ from the part before (two tables on one sheet, e.g. ``I.
    TẬP THỂ`` then ``II. CÁ NHÂN`` with a ``Chức vụ`` column of its own), so that each row is
    read under its own table's header (``spec/submission-form.md``, "Rows that are not
    data"). The later header rows themselves stay in the part above (ignored as headers)."""
    parts, start, current = [], table.data_start, table
    for r in range(table.data_start, last):
        if not any(map(_names_field, grid[r])):
            continue  # cheap: every header row names ``Lĩnh vực``
        found = find_table(grid[r:r + 3])
        if found is None or found.header_rows[0] != 0 or (
                found.columns, found.marks) == (current.columns, current.marks):
            continue
        moved = Table(tuple(h + r for h in found.header_rows), found.columns, found.unknown,
                      found.marks)
        parts.append((start, min(moved.data_start, last), current))
        start, current = min(moved.data_start, last), moved
    parts.append((start, last, current))
    return [p for p in parts if p[0] < p[1]] or [(table.data_start, last, table)]


#: Columns whose value is a code or a date, not text: they keep the value as read.
_VALUE_COLUMNS = ("field", "type", "level", "period", "result")


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
    parts = sheet.memo(("parts", last), lambda: table_parts(grid, sheet.table, last))
    for _, _, table in parts:
        header_rows = [i for i in table.header_rows if not _is_annotation(grid[i])]
        for c, name in sorted(_raw_names(table).items()):
            if name in labels:
                continue
            texts = [clean_text(grid[i][c]) for i in header_rows if c < len(grid[i])]
            label = " / ".join(dict.fromkeys(t for t in texts if t)) or name
            if label in labels.values():
                label = f"{label} (cột {column_letter(c)})"
            labels[name] = label
        for name in marked_columns(table.marks):
            labels.setdefault(name, BY_NAME[name].header)
    if any(_section_types(grid, t, a, b) is not None for a, b, t in parts):
        labels.setdefault("type", "Hình thức (theo dòng tiêu đề nhóm)")
    return labels


def title_rows(sheet: SheetData) -> list[list[str]]:
    """The title block (the rows above the header), one list per non-empty row of its
    non-empty cells as text, left to right (:func:`thidua.text.clean_text`: a date cell, or a
    date formula's cached value, as ``dd/mm/yyyy``, a whole number without ``.0``), so that a
    label and its value typed in two cells (``Ngày gửi:`` | ``05/12/2024``) stay together
    (issue 16.2)."""
    rows = []
    for row in sheet.grid[: sheet.table.header_rows[0]]:
        if cells := [t for t in (clean_text(v) for v in row) if t]:
            rows.append(cells)
    return rows


def title_lines(sheet: SheetData) -> list[str]:
    """The text of the title block (the rows above the header), one cleaned line per cell."""
    return [cell for row in title_rows(sheet) for cell in row]
