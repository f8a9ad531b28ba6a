"""The form's table in a grid: its header row(s), its columns, and its parts (``spec/submission-form.md``,
"The header row").

A *grid* is a sheet as a list of rows, row 0 being Excel's row 1 and column 0 column A, so that
every value keeps the position a unit sees in Excel (:mod:`thidua.ingest.workbook`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from schemas.form import BY_NAME, HEADER_MARKERS, VALUE_NAMES, WEAK_HEADERS
from thidua.ingest.errorcells import is_error_value
from thidua.ingest.headers import exact_name, header_choices, header_name, may_be_header
from thidua.ingest.marks import find_marks
from thidua.ingest.twocolumns import two_column_headers
from thidua.ingest.unheaded import lost_headers
from thidua.ingest.values import EXACT, read_value
from thidua.ingest.workbook import Grid
from thidua.text import clean_text, match_key

#: Within these first rows of a sheet every reading of a header applies (two rows, words
#: wrapped over two rows, a column guide); below them only a row naming ``Tên mô hình`` and
#: ``Lĩnh vực`` itself is the header (``spec/submission-form.md``: "the first row that
#: contains both", without a limit).
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
    #: A table without a header row of its own (``header_rows`` empty): a list going on from
    #: an earlier sheet, read under that sheet's header
    #: (:func:`thidua.ingest.sheetchoice.continued_table`): its first data row, and the
    #: header's text of each of its columns there.
    continued_at: int | None = None
    header_texts: dict[int, str] = field(default_factory=dict)
    #: The columns named by a lost header (blank, an error value, or the unit's own words;
    #: :mod:`thidua.ingest.unheaded`): grid column → form name, told to the unit.
    lost: dict[int, str] = field(default_factory=dict)

    @property
    def data_start(self) -> int:
        """0-based index of the first row below the header."""
        return self.header_rows[-1] + 1 if self.header_rows else self.continued_at

    @property
    def top(self) -> int:
        """0-based index of the table's first row: its header's, or its first data row's when
        it has no header of its own."""
        return self.header_rows[0] if self.header_rows else self.continued_at


def is_annotation(row: list[object]) -> bool:
    """A row under the header that only numbers the columns (``(1) (2) (3) …``, ``A B C …``,
    as official forms print) or gives hints in brackets (``(bắt buộc)``, ``(Tập thể/Cá
    nhân)``): at least two such cells, nothing else. It belongs to the header."""
    texts = [clean_text(v) for v in row if clean_text(v)]
    return len(texts) >= 2 and all(is_hint(t) for t in texts)


def explains(row: list[object], columns: dict[int, str]) -> bool:
    """Whether a row under the header explains its columns rather than registers a model
    (a template's line of instructions: ``Số thứ tự`` | ``Ghi tên mô hình, phần việc`` |
    ``Chọn 1 trong 4 lĩnh vực`` | ``Tập thể hoặc Cá nhân`` | ``Thành phố / Cấp trên cơ sở /
    Cơ sở`` | ``dd/mm/yyyy - dd/mm/yyyy``): at least three of its filled cells under form
    columns (``columns``: grid column → form name), and half of them, each read as its own
    column's header, hold that header's words, name two or more values of a coded column, or
    are a date pattern. It belongs to the header (fresh tester D's 314: the row was rejected
    as a registration)."""
    told = filled = 0
    for c, name in columns.items():
        text = clean_text(row[c]) if c < len(row) else ""
        if not text:
            continue
        filled += 1
        key = f" {match_key(text)} "
        told += (header_name(text) == name or f" {match_key(BY_NAME[name].header)} " in key
                 or _CHOICES.search(key) is not None
                 or _choices(text) >= 2)
    return told >= 3 and 2 * told >= filled


def _choices(text: str) -> int:
    """How many parts of a text, split at ``/``, ``,``, ``;`` or ``hoặc``, read exactly as a
    value of a coded column (``Tập thể hoặc Cá nhân`` → 2, ``Kinh tế/VH-XH/AN-QP`` → 3)."""
    parts = re.split(r"\s*(?:/|,|;|\bho[aặ]c\b|\bor\b)\s*", text)
    return sum(1 for p in parts if p and any(
        (reading := read_value(column, p)).how == EXACT and reading.code is not None
        for column in VALUE_NAMES))


#: A date pattern or a choice's wording in an explanation (``dd/mm/yyyy``, ``chọn 1 trong 4``).
_CHOICES = re.compile(r"\b(?:dd|mm)\s*/\s*(?:mm|yyyy|yy)\b|\bchon (?:\d+ )?trong\b|\bmot trong\b")


def is_hint(text: str) -> bool:
    """Whether a header cell's (cleaned) text only numbers its column or gives a hint in
    brackets, as a cell of :func:`is_annotation`'s rows does: ``(1)``, ``(ghi ngắn gọn)``."""
    return _ANNOTATION.fullmatch(text) is not None


def row_names(row: list[object]) -> dict[int, str]:
    """The header names a row's cells give (:func:`header_name`), by column index from 0:
    ``{column: name}`` of the cells naming a form column (``spec/submission-form.md``,
    the columns), the others left out (``["STT", "Tên mô hình", "Ghi chú", "Lĩnh vực", "x"]`` →
    ``{0: "stt", 1: "model", 2: "note", 3: "field"}``)."""
    names = {c: header_name(v) for c, v in enumerate(row)}
    return {c: n for c, n in names.items() if n}


def _strangers(row: list, names: dict[int, str]) -> int:
    """How many cells of ``row`` are neither a header (``names``: column → header) nor a column
    number nor a hint in brackets (:func:`is_hint`: ``(ghi ngắn gọn)`` beside ``Họ và tên`` |
    ``Chức vụ`` in a header's second row): a first data row whose ``Cấp công đoàn`` says
    ``CĐCS`` and whose union says ``Công đoàn cơ sở`` names two headers, but its model, field,
    registrant… are strangers, so it is data, never a second header row."""
    return sum(1 for c, v in enumerate(row) if c not in names and (t := clean_text(v))
               and not re.fullmatch(r"\(?\d{1,3}\)?\.?", t) and not is_hint(t))


def labels_values(row: list) -> bool:
    """Whether a row gives values after labels, as a title line does (``Mã đơn vị: Q-LB`` in
    one cell, ``Mã đơn vị:`` | ``Q-LB``, ``Mã đơn vị`` | ``:`` | ``Q-LB``), which no header row
    does, or a year after ``Năm`` and a code after ``Mã đơn vị`` without a colon (``Năm`` |
    ``2024``): such a row right above the header is never the upper half of a header split
    over two rows, whatever form headers its labels name (issue 16.2)."""
    texts = [t for t in (clean_text(v) for v in row) if t]
    for i, text in enumerate(texts):
        label, colon, value = text.partition(":")
        if colon and label.strip() and value.strip():
            return True
        after = texts[i + 1] if i + 1 < len(texts) else ""
        if text.endswith(":") and after != ":" and after and not header_name(after):
            return True  # ``Mã đơn vị:`` | ``:`` | ``Q-LB``: read at the lone colon's turn
        shape = _LABEL_SHAPES.get(match_key(text))
        if shape and shape.fullmatch(after):  # ``Năm`` | ``2024``, ``Mã đơn vị`` | ``Q-LB``
            return True
    return False


#: A title label written without its colon, and the shape of the value that makes it one.
_YEAR, _CODE_SHAPE = re.compile(r"(?:19|20)\d\d(?:\.0)?"), re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)+|[A-Z]{2,}")
_LABEL_SHAPES = {**dict.fromkeys(("nam", "nam bao cao", "nam thuc hien", "nam dang ky"), _YEAR),
                 **dict.fromkeys(("ma don vi", "ma so don vi", "ma dv", "ma so dv"), _CODE_SHAPE)}


def _wrapped(grid: Grid, r: int, markers: set[str]) -> dict[int, str]:
    """The headers of rows ``r`` and ``r + 1`` read as one header whose words wrap onto the
    second row without merged cells (``Tên mô`` | ``Lĩnh`` over ``hình`` | ``vực``: each
    column's two texts joined), when that names the form's ``markers`` and neither row alone
    or the two as parent and sub-headers do; else ``{}`` (tester B's case 149: the file was
    rejected, no header found)."""
    if r + 1 >= len(grid) or labels_values(grid[r]):
        return {}
    upper, lower = grid[r], grid[r + 1]
    width = max(len(upper), len(lower))
    cells = [(clean_text(upper[c]) if c < len(upper) else "",
              clean_text(lower[c]) if c < len(lower) else "") for c in range(width)]
    if sum(1 for a, b in cells if a and b) < 3:
        return {}
    names = row_names([f"{a} {b}".strip() for a, b in cells])
    return names if markers <= set(names.values()) else {}


#: Words one of which a cell naming a marker holds (its key: ``Tên mô hình``, ``Lĩnh vực``,
#: ``Tên tập thể/cá nhân``, ``Họ và tên``, ``MH``, ``LV``): below the first
#: :data:`HEADER_SEARCH_ROWS` rows, where most rows of a sheet without the table are a list's
#: (20.000 rows of members), a row is read as a header only when a cell holds one.
_MARKER_WORDS = re.compile(r"mo hinh|linh vuc|phan viec|cach lam|tap the|ca nhan|"
                           r"ho (?:va )?ten|\b(?:mh|lv)\b")


def _filled(row: list[object]) -> int:
    """How many cells of ``row`` hold something (a cheap count before
    :func:`_may_name_marker`: a CSV tried under a separator it does not use has one cell a
    row, 60.000 rows of it took 20 s of header matching, fresh tester N's N128)."""
    return sum(1 for v in row if v is not None and v != "")


def _may_name_marker(row: list[object]) -> bool:
    """Whether a cell of ``row`` holds one of :data:`_MARKER_WORDS` (a cheap test before
    :func:`row_names`, which reads typing slips too)."""
    return any(isinstance(v, str) and _MARKER_WORDS.search(match_key(v)) for v in row)


#: A note's label with its colon, as the first cell of a row (over its match key): ``Ghi chú:``,
#: ``* Lưu ý:``, ``Chú thích:``, ``NB:``.
_NOTE_LABEL = re.compile(r"[*\-+•]?\s*(?:ghi chu|chu thich|luu y|chu y|nb)\s*:")


def _note_row(row: list[object], names: dict[int, str]) -> bool:
    """Whether a row naming headers (``names``: column → header, :func:`row_names`) is a note
    about them: its first filled cell a note's label with its colon (:data:`_NOTE_LABEL`),
    and a cell that is no header nor a hint (:func:`_strangers`): ``Ghi chú:`` | ``Tên mô
    hình`` | ``Lĩnh vực`` | ``của từng tổ xem trang DS`` under a members list (fresh tester
    H's H13: read as the header far down, the two rows under it rejected). A header row's
    ``Ghi chú`` column, with its colon or not, has only headers beside it."""
    first = next((v for v in row if clean_text(v)), None)
    return (isinstance(first, str) and _NOTE_LABEL.fullmatch(match_key(first)) is not None
            and _strangers(row, names) > 0)


def find_table(grid: Grid, hidden: frozenset[int] = frozenset(),
               markers: tuple[str, ...] = HEADER_MARKERS) -> Table | None:
    """Locate the header: the first row holding both ``Tên mô hình`` and ``Lĩnh vực``, alone or
    together with the row below it (a header split over two rows with merged cells,
    ``spec/submission-form.md``), and a row of column numbers or bracketed hints right under
    it. Below the first :data:`HEADER_SEARCH_ROWS` rows (a unit's cover letter pasted above
    the title: fresh tester F's 147, header on row 39) the header's first row must name a
    marker itself (not only words wrapped over two rows). A ``Thời gian thực hiện`` over two
    sub-columns ``Từ ngày`` | ``Đến ngày``
    (``Bắt đầu`` | ``Kết thúc``, ``Từ`` | ``Đến``, …) makes a two-row header whose sub-columns
    are ``period_from`` | ``period_to`` (issue 16.3), whether or not the merged parent is
    repeated across its columns. When two columns carry the same form header, one holding
    values below the header before an empty one, then a visible one before a ``hidden`` one
    (0-based grid columns: a hidden column of last year's values left beside the right one),
    then an exact spelling before another, then the left one; the other is kept in
    ``unknown``. ``markers``: the columns whose headers mark the header row (a sheet named
    after a field has no ``Lĩnh vực``: ``("model", "registrant")``).
    ``None`` when there is none (a cover letter)."""
    markers = set(markers)
    for r in range(len(grid)):
        far = r >= HEADER_SEARCH_ROWS  # a cover letter above: the first row names a marker
        if far and (_filled(grid[r]) < 2 or not _may_name_marker(grid[r])):
            continue  # a row of one cell names no header (a CSV read under another separator)
        top = row_names(grid[r])
        if not markers <= set(top.values()) and (joined := _joined_labels(grid[r])):
            if markers <= set((names := row_names(joined)).values()):  # ``Tên mô`` | ``hình``
                grid, top = [*grid[:r], joined, *grid[r + 1:]], names
        if far and not markers & set(top.values()) or _note_row(grid[r], top):
            continue
        wrapped = _wrapped(grid, r, markers) if not markers <= set(top.values()) else {}
        if not top and not wrapped:
            continue
        below = row_names(grid[r + 1]) if r + 1 < len(grid) else {}
        lost = {} if wrapped else _lost_headers(grid, r, top, below)  # ``#REF!`` over the fields
        top = {**top, **lost}
        both = set(top.values()) | set(below.values())
        # the wrapped reading when the rows as parent and sub-headers lack a marker, or name
        # fewer columns (``Thuộc`` over ``Lĩnh vực`` beside ``Hình`` over ``thức``)
        if wrapped and (not markers <= both or len(set(wrapped.values())) > len(both)):
            top, below, rows = wrapped, {}, (r, r + 1)  # ``Tên mô`` over ``hình``, unmerged
        elif markers <= set(top.values()):
            # A second header row only when it holds several headers (never a data row) or
            # the tick boxes of a coded column (:mod:`thidua.ingest.marks`).
            two = (len(below) >= 2 and _strangers(grid[r + 1], below) < len(below)) or (
                r + 1 < len(grid) and _tick_boxes(grid, r, top, below))
            rows = (r, r + 1) if two else (r,)
        elif markers <= set({**top, **below}.values()) and not labels_values(grid[r]):
            # each marker in a column of its own: a column guide lists ``Tên mô hình`` over
            # ``Lĩnh vực`` down one column (fresh tester D's 306: read as a table)
            rows = (r, r + 1)
        else:
            continue
        if len(rows) == 2 and below is not wrapped and (third := _third_row(grid, r + 2, {**top, **below})):
            rows, below = (r, r + 1, r + 2), {**below, **third}  # groups, sub-groups, labels
        merged = _decided(grid, rows, {**top, **below} if len(rows) >= 2 else top)
        columns: dict[int, str] = {}
        unknown: dict[int, str] = {}
        # Exact spellings claim their column first, then headers in other words, left to right.
        spelled = {c for c, n in merged.items()
                   if any(c < len(grid[i]) and exact_name(grid[i][c]) == n for i in rows)}
        empty = _empty_twins(grid, rows[-1] + 1, merged)
        for c in sorted(range(max(len(grid[i]) for i in rows)),
                        key=lambda c: (c in empty, c in hidden, c not in spelled, c)):
            name = merged.get(c)
            if name and name not in columns.values():
                columns[c] = name
                continue
            texts = [clean_text(grid[i][c]) for i in rows if c < len(grid[i])]
            if any(texts):  # a header merged over both rows is named once
                unknown[c] = " / ".join(dict.fromkeys(t for t in texts if t))
        columns, unknown = dict(sorted(columns.items())), dict(sorted(unknown.items()))
        columns, unknown = two_column_headers(grid, rows, columns, unknown)  # start | end
        columns, unknown, marks = find_marks(grid, rows, columns, unknown, header_name)
        below_header = rows[-1] + 1
        if below_header < len(grid) and (is_annotation(grid[below_header])
                                         or explains(grid[below_header], columns)):
            rows = (*rows, below_header)
        return Table(rows, columns, unknown, marks,
                     lost={c: n for c, n in lost.items() if columns.get(c) == n})
    return None


def _lost_headers(grid: Grid, r: int, top: dict[int, str],
                  below: dict[int, str]) -> dict[int, str]:
    """:func:`thidua.ingest.unheaded.lost_headers` of grid row ``r``, unless the row under it
    names two form columns or more (``below``: a header over two rows, its sub-headers name
    the columns, and the data starts below them)."""
    if len(top) < 3 or len(below) >= 2:
        return {}
    return lost_headers(grid, r, top)


def _third_row(grid: Grid, r: int, above: dict[int, str]) -> dict[int, str]:
    """The labels of grid row ``r`` when it is the third row of a header over three rows
    (groups ``Đơn vị, cá nhân thực hiện``, sub-groups ``Người/tập thể thực hiện`` | ``Công
    đoàn``, labels ``Tên tập thể/cá nhân`` | ``Chức vụ`` | ``Cấp công đoàn`` | ``Công đoàn cơ
    sở``): two headers or more, nothing but headers, column numbers and hints, and a column
    that the two rows above (``above``: column → name) do not name or name otherwise; else
    ``{}`` (fresh tester J's J050, J088: the position column was lost under its group's
    words and every individual rejected "Thiếu 'Chức vụ'"). A row of column numbers, a data
    row (its model, registrant… are no headers) and a title line are never such a row."""
    if r >= len(grid) or labels_values(grid[r]):
        return {}
    names = row_names(grid[r])
    if len(names) < 2 or _strangers(grid[r], names):
        return {}
    return names if any(above.get(c) != name for c, name in names.items()) else {}


def _joined_labels(row: list[object]) -> list[object] | None:
    """``row`` with each label split over two neighbouring cells (a PDF converted to Excel:
    ``Tên mô`` | ``hình``, ``Lĩnh`` | ``vực``) written whole in both, when neither cell names
    a column alone and the two joined do; ``None`` when no label is split (fresh tester J's
    J051, J052: the whole file was rejected, no header found). The right cell is then the
    left one's twin: a value typed under either is read (:mod:`thidua.ingest.twins`)."""
    out, c, joined = list(row), 0, False
    while c + 1 < len(row):
        a, b = clean_text(row[c]), clean_text(row[c + 1])
        if a and b and may_be_header(a) and may_be_header(b) and not header_name(a) \
                and not header_name(b) and header_name(whole := f"{a} {b}"):
            out[c] = out[c + 1] = whole
            joined, c = True, c + 2
            continue
        c += 1
    return out if joined else None


#: How many rows under the header :func:`_decided` looks at.
_DECIDING_ROWS = 200


def _decided(grid: Grid, rows: tuple[int, ...], names: dict[int, str]) -> dict[int, str]:
    """``names`` (grid column → form name) with each column under a header naming one of two
    coded columns (:func:`thidua.ingest.headers.header_choices`: ``Loại``) named after the one
    most of its first :data:`_DECIDING_ROWS` values below ``rows`` spell exactly (``Tiêu
    biểu``, ``Hoàn thành`` → ``result``); the header's first choice when none does, or as
    many of each; a column under a weak header (:data:`schemas.form.WEAK_HEADERS`: ``Đối
    tượng``) left out (unknown) when fewer than half its values spell its column's values. An
    extension of ``spec/submission-form.md``, "The header row" (``docs/contracts.md``)."""
    decided = dict(names)
    for c, name in names.items():  # a weak header whose values are not of its column: none
        header = next((h for i in rows if c < len(grid[i]) and (h := match_key(grid[i][c]))
                       in WEAK_HEADERS), None)
        if header is None or WEAK_HEADERS[header] != name:
            continue
        values = [row[c] for row in grid[rows[-1] + 1:rows[-1] + 1 + _DECIDING_ROWS]
                  if c < len(row) and clean_text(row[c])]
        if 2 * sum(read_value(name, v).how == EXACT for v in values) < len(values):
            del decided[c]
    for c in list(decided):
        choices = header_choices(_own_header(grid, rows, c))
        if not choices:
            continue
        values = [row[c] for row in grid[rows[-1] + 1:rows[-1] + 1 + _DECIDING_ROWS]
                  if c < len(row) and clean_text(row[c])]
        spelled = {name: sum(read_value(name, v).how == EXACT for v in values) for name in choices}
        decided[c] = max(choices, key=lambda name: (spelled[name], -choices.index(name)))
    return decided


def _own_header(grid: Grid, rows: tuple[int, ...], c: int) -> object:
    """The cell of column ``c`` that names it among the header's ``rows``: the lowest one
    naming a form column (:func:`header_name`), a lower row's own label winning over its
    group's words (``Phân loại`` merged over ``Lĩnh vực`` | ``Hình thức``: the column under
    ``Lĩnh vực`` is the field, never a type or result its group's word may name; fresh tester
    J's J067, J111); ``None`` when no cell does."""
    for i in reversed(rows):
        if c < len(grid[i]) and header_name(grid[i][c]):
            return grid[i][c]
    return None


def _tick_boxes(grid: Grid, r: int, top: dict[int, str], below: dict[int, str]) -> bool:
    """Whether grid row ``r + 1`` holds the tick boxes' sub-headers of a coded column under
    header row ``r`` (:func:`thidua.ingest.marks.find_marks`) and little else: a first
    registration whose two ``Lĩnh vực`` cells hold field names (``An ninh - quốc phòng`` |
    ``Kinh tế``) has its model, registrant and period beside them, so it stays data."""
    marks = find_marks(grid, (r, r + 1), top, {}, header_name)[2]
    return bool(marks) and _strangers(grid[r + 1], {**below, **dict.fromkeys(marks, "")}) <= 1


def _empty_twins(grid: Grid, start: int, names: dict[int, str]) -> set[int]:
    """The columns of ``names`` (grid column → form name) whose form name another column
    carries too and that hold nothing from grid row ``start`` down: of two ``Lĩnh vực``
    columns, an empty visible one is not read before a hidden one holding the values."""
    seen: dict[str, int] = {}
    for name in names.values():
        seen[name] = seen.get(name, 0) + 1
    return {c for c, name in names.items() if seen[name] > 1 and not any(
        c < len(row) and clean_text(row[c]) for row in grid[start:])}


@lru_cache(maxsize=1 << 16)
def _field_word(text: str) -> bool:
    """``Lĩnh vực`` in the text, or a header naming it otherwise (``LV``, the form's alias:
    :func:`thidua.ingest.headers.header_name` only of a text starting so, as few are)."""
    key = match_key(text)
    return "linh vuc" in key or (key[:2] == "lv" and header_name(text) == "field")


def _names_field(value: object) -> bool:
    """Whether a cell is text naming ``Lĩnh vực``, in any of its header names (``LV``,
    :func:`thidua.ingest.headers.header_name`): each distinct text is looked at
    once."""
    return isinstance(value, str) and may_be_header(value) and _field_word(value)


def table_parts(grid: Grid, table: Table, last: int,
                hidden: frozenset[int] = frozenset()) -> list[tuple[int, int, Table]]:
    """The sheet's table in parts ``(first row, stop row, Table)`` (0-based grid rows, stop
    excluded), from ``table.data_start`` to ``last``: a new part starts below every later
    header row whose columns differ from the part before (two tables on one sheet, e.g. ``I.
    TẬP THỂ`` then ``II. CÁ NHÂN`` with a ``Chức vụ`` column of its own; a header split over
    two rows, ``Lĩnh vực`` in its lower row included), so that each row is
    read under its own table's header (``spec/submission-form.md``, "Rows that are not
    data"). The later header rows themselves stay in the part above (ignored as headers).
    ``hidden``: the sheet's hidden columns, read as :func:`find_table` reads them (a header
    repeated lower down keeps the visible one of two columns of one header)."""
    parts, start, current = [], table.data_start, table
    rows = grid[table.data_start:last]  # each distinct text looked at once (issue 10)
    naming = {t for t in {v for row in rows for v in row if isinstance(v, str)} if _names_field(t)}
    for r in range(table.data_start, last) if naming else ():
        if not any(isinstance(v, str) and v in naming for v in grid[r]):
            continue  # cheap: every header row names ``Lĩnh vực``
        found, top = find_table(grid[r:r + 3], hidden), r
        if (found is None or found.header_rows[0] != 0) and r - 1 >= start:
            # ``Lĩnh vực`` in the lower row of a header split over two rows: it starts above
            found, top = find_table(grid[r - 1:r + 2], hidden), r - 1
        if found is None or found.header_rows[0] != 0 or (
                found.columns, found.marks) == (current.columns, current.marks):
            continue
        moved = Table(tuple(h + top for h in found.header_rows), found.columns, found.unknown,
                      found.marks, lost=found.lost)
        parts.append((start, min(moved.data_start, last), current))
        start, current = min(moved.data_start, last), moved
    parts.append((start, last, current))
    return [p for p in parts if p[0] < p[1]] or [(table.data_start, last, table)]


def header_hint(grid: Grid) -> str:
    """Why no header row was found in ``grid``, when a row of it names three form columns or
    more, one of ``Tên mô hình`` and
    ``Lĩnh vực`` among them but not the other (``Tên mô hình/phần việc`` in a wording no rule
    reads): `` Dòng 4 có vẻ là dòng tiêu đề ('STT', 'Tên mô hình/phần việc', …) nhưng không
    có cột nào đọc được là 'Tên mô hình'; …`` (leading space), so that a unit knows which cell
    to rename; ``""`` when no row is so close."""
    for r in range(len(grid)):
        if r >= HEADER_SEARCH_ROWS and (_filled(grid[r]) < 3 or not _may_name_marker(grid[r])):
            continue
        names = set(row_names(grid[r]).values())
        missing = [m for m in HEADER_MARKERS if m not in names]
        if len(names) >= 3 and len(missing) == 1:
            header = BY_NAME[missing[0]].header
            cells = [t for v in grid[r] if (t := clean_text(v))]
            shown = ", ".join(repr(t[:40]) for t in cells[:8]) + (", …" if len(cells) > 8 else "")
            return (f" Dòng {r + 1} có vẻ là dòng tiêu đề ({shown}) nhưng không có cột nào đọc "
                    f"được là '{header}'; đề nghị ghi tiêu đề cột đó là '{header}' như biểu "
                    f"DVK-01 rồi gửi lại.")
    return _broken_header_hint(grid)


def _broken_header_hint(grid: Grid) -> str:
    """`` Dòng 3 có 11 ô ghi lỗi công thức ('#REF!'): …`` (leading space) when a row of the
    first :data:`HEADER_SEARCH_ROWS` holds :data:`BROKEN_HEADER_CELLS` error values or more
    (a header copied by formulas from a sheet since deleted); else ``""``."""
    for r, row in enumerate(grid[:HEADER_SEARCH_ROWS]):
        errors = [t for v in row if is_error_value(t := clean_text(v))]
        if len(errors) >= BROKEN_HEADER_CELLS:
            shown = ", ".join(repr(e) for e in dict.fromkeys(errors))
            return (f" Dòng {r + 1} có {len(errors)} ô ghi lỗi công thức ({shown}): có lẽ tiêu "
                    f"đề các cột được lấy bằng công thức từ một trang tính hay tệp đã bị xóa; đề "
                    f"nghị gõ lại tiêu đề các cột như biểu DVK-01 (không dùng công thức) rồi gửi "
                    f"lại.")
    return ""


#: How many error values in one row make it a header whose formulas lost their source.
BROKEN_HEADER_CELLS = 3
