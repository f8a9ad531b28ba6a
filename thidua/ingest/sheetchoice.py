"""Which sheets of a workbook count, and what the unit is told about the others.

An extension of ``spec/submission-form.md`` ("The file"): every visible sheet holding the
form's table counts (``Tập thể`` | ``Cá nhân``, one sheet per field, ``Đợt 1`` | ``Đợt 2``), in
workbook order. A sheet holding the table is passed over, and named in the file's remarks with
why, when it is hidden, named as instructions or a sample (:func:`is_template_sheet`), named as
an old copy or a draft (:func:`is_old_sheet`), or has nothing below its header; but a file never
loses its last sheet so: when no sheet is left, the first visible sheet with the table counts
(a unit may type its data into the template, or into a sheet called ``Nháp``). A sheet that
repeats an earlier counted sheet's registrations row for row (:func:`copy_of`) is counted once:
its rows are read and ignored (:data:`COPIED_SHEET`). A visible sheet without a header whose
rows go on with the first counted sheet's list, in its columns, counts under that sheet's
header (:func:`continued_table`, told). Other sheets without the table (lists, a cover letter)
are passed over without a word.
"""

from __future__ import annotations

import re
import unicodedata
import weakref
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from schemas.form import BY_NAME, OLD_SHEET_WORDS, TEMPLATE_SHEET_WORDS
from thidua.ingest.duplicates import duplicate_key
from thidua.ingest.legend import legend_key
from thidua.ingest.table import Table, is_annotation, row_names
from thidua.ingest.values import read_value
from thidua.ingest.workbook import FileRejected, Grid
from thidua.text import clean_text, match_key

#: Ignored-row reason of the rows of a sheet that copies another (``IGNORED_REASONS`` of
#: :mod:`thidua.ingest.normalise`).
COPIED_SHEET = "copied_sheet"
#: Why a sheet holding the table is not counted, as the unit reads it after its name.
HIDDEN, TEMPLATE, OLD, EMPTY = ("trang bị ẩn", "trang hướng dẫn/mẫu",
                                "tên trang cho biết là bản cũ/bản nháp",
                                "chỉ có dòng tiêu đề, chưa có dòng đăng ký")


@dataclass(frozen=True)
class FoundSheet:
    """A sheet of a workbook, its grid (converted to Unicode), the text encoding found, its
    table (``None``: no header row), whether it is visible, and the error that makes it
    unreadable (two legacy encodings mixed; raised only if the sheet counts)."""

    name: str
    grid: Grid
    encoding: str
    table: Table | None
    visible: bool = True
    error: FileRejected | None = None
    #: How the sheet's layout was read, told to the unit (a sheet of forms,
    #: :mod:`thidua.ingest.formsheet`); ``""``: as the form's table.
    note: str = ""
    #: The grid rows (first, last; 0-based) rewritten so: merged cells there are the form's
    #: and are not spread over the table written in their place.
    rewritten: tuple[int, int] | None = None
    #: A table written on its side (:mod:`thidua.ingest.transposed`): ``(column, row)`` of
    #: each registration, its column in the sheet and its row in the table written.
    turned: tuple[tuple[int, int], ...] = ()
    #: Its value cells → their cells in the table written (``Turned.moved``).
    moved: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)


def is_template_sheet(name: str) -> bool:
    """Whether a sheet's name says it holds instructions or a sample (``Hướng dẫn``, ``HD
    điền``, ``Mẫu DVK-01``, ``Ví dụ``, ``Template``): one of
    :data:`schemas.form.TEMPLATE_SHEET_WORDS` as whole words of the name, in any case, with or
    without diacritics, numbers or other words around (``spec/submission-form.md``, "The
    file")."""
    words = " ".join(re.findall(r"[a-z]+|\d+", match_key(name)))
    return any(re.search(rf"(?<![a-z]){re.escape(w)}(?![a-z])", words)
               for w in TEMPLATE_SHEET_WORDS)


def is_old_sheet(name: str) -> bool:
    """Whether a sheet's name marks it as an old copy or a draft (``Bản cũ``, ``DS 2023 cũ``,
    ``Nháp``, ``old``, ``Backup``, ``Không dùng``): one of :data:`schemas.form.OLD_SHEET_WORDS`
    as whole words of the name in lower case, diacritics kept (composed form, either tone
    placement listed). ``Sheet1 (2)`` or ``Bản sao của Trang tính1`` is not (module doc), nor
    ``đã hủy dòng trùng`` (what was removed follows: :data:`_CANCELLED_WHAT`)."""
    words = " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", clean_text(name)).lower()))
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)"
                         + (_CANCELLED_WHAT if "hủy" in w or "huỷ" in w else ""), words)
               for w in OLD_SHEET_WORDS)


#: ``hủy`` followed by what was removed names a cleaning, not a cancelled list (``đã hủy dòng
#: trùng``, ``hủy các mô hình lặp``: fresh tester K's K204).
_CANCELLED_WHAT = r"(?! (?:dòng|các|mục|mô hình|tên|trùng|bản trùng|lặp|bớt|\d))"


def _has_rows(sheet: FoundSheet) -> bool:
    return any(clean_text(v) for row in sheet.grid[sheet.table.data_start:] for v in row)


def _why_passed(sheet: FoundSheet) -> str | None:
    if not sheet.visible:
        return HIDDEN
    if is_template_sheet(sheet.name):
        return TEMPLATE
    if is_old_sheet(sheet.name):
        return OLD
    return None if _has_rows(sheet) else EMPTY


def choose_sheets(found: list[FoundSheet]) -> tuple[list[FoundSheet], list[tuple[str, str]]]:
    """The sheets that count, in workbook order (a list going on without a header among them,
    its table from :func:`continued_table` and its note :data:`CONTINUED_NOTE`), and
    ``(name, why)`` of each sheet with the table passed over (why: :data:`HIDDEN`,
    :data:`TEMPLATE`, :data:`OLD`, :data:`EMPTY`; :data:`NO_HEADER_ROWS` for a list going on
    on a sheet named as a sample or an old copy), by the rules of the module doc. ``([], [])`` when no sheet has the table; no sheet counts
    either when the only visible table has no rows and a hidden sheet's table has some (the
    file is rejected naming the hidden sheets, :func:`hidden_tables_reason`)."""
    tabled = [f for f in found if f.table is not None]
    why = {f.name: _why_passed(f) for f in tabled}
    counted = [f for f in tabled if why[f.name] is None]
    if not counted:
        counted = [f for f in tabled if f.visible][:1]
        if counted and not _has_rows(counted[0]) and any(
                _has_rows(f) for f in tabled if not f.visible):  # the rows only on a hidden sheet
            counted = []
    tables = [f for f in counted if f.rewritten is None]
    described = {f.name: name for f in counted if f.rewritten is not None
                 and (name := describes(f, tables))}
    counted = [f for f in counted if f.name not in described] or counted
    passed = [(f.name, why[f.name] or DESCRIBED.format(sheet=described[f.name]))
              for f in tabled if f not in counted]
    if counted:  # a list going on, on a sheet without the header: read under the first's
        going_on = []
        for f in found:
            if f.table is None and f.visible and (n := continued_rows(f.grid, counted[0])):
                if is_template_sheet(f.name) or is_old_sheet(f.name):
                    passed.append((f.name, NO_HEADER_ROWS.format(n=n)))
                else:
                    table = continued_table(f.grid, counted[0])
                    going_on.append(FoundSheet(f.name, f.grid, f.encoding, table, f.visible,
                                               f.error, note=CONTINUED_NOTE.format(
                                                   sheet=f.name, first=counted[0].name,
                                                   row=table.data_start + 1)))
        order = [f.name for f in found]
        counted = sorted([*counted, *going_on], key=lambda f: order.index(f.name))
    return counted, passed


#: Why a visible sheet without the header but with rows in the counted table's columns was
#: not read (:func:`continued_rows`): its name says it is a sample or an old copy.
NO_HEADER_ROWS = ("không có dòng tiêu đề của biểu nhưng có {n} dòng giống đăng ký: các dòng "
                  "này chưa được tính; đề nghị chép dòng tiêu đề của biểu vào đầu trang đó")
#: The line telling a unit that a sheet without the header was read under the first sheet's
#: header (:func:`continued_table`).
CONTINUED_NOTE = ("Trang '{sheet}' không có dòng tiêu đề của biểu nhưng ghi tiếp danh sách "
                  "theo đúng các cột của trang '{first}': đã đọc từ dòng {row} theo dòng tiêu "
                  "đề của trang '{first}'. Đề nghị lần sau chép dòng tiêu đề vào đầu mỗi trang.")


def continued_rows(grid: Grid, first: FoundSheet) -> int:
    """How many rows of a sheet without the header read as registrations in the columns of
    the counted sheet ``first`` (a ``Lĩnh vực`` and a ``Hình thức`` value where ``first``
    has them, or a number a legend may give where ``first``'s own column holds numbers too,
    and a model; fresh tester H's H41, H09): a list going on from one sheet to the next
    without repeating the header (fresh tester F's 111, 129); ``0`` when fewer than two do
    (one is enough when it names its registrant too: a whole registration), or when a header
    of the sheet's own table is above them (:func:`_own_header`)."""
    at = {name: c for c, name in first.table.columns.items()}
    if "field" not in at or "model" not in at:
        return 0

    def cell(row: list, name: str) -> object:
        c = at.get(name)
        return row[c] if c is not None and c < len(row) else ""

    # a number a legend may give, where the first sheet writes its values as numbers too (a
    # summary's counts under ``Tập thể`` | ``Cá nhân`` are no list going on: tester H's H09)
    numbered = {name for name in ("field", "type") if any(
        legend_key(cell(row, name)) is not None for row in first.grid[first.table.data_start:])}

    def reads(name: str, row: list) -> bool:
        value = cell(row, name)
        return read_value(name, value).code is not None or (
            name in numbered and legend_key(value) is not None)

    found = [r for r, row in enumerate(grid) if clean_text(cell(row, "model"))
             and reads("field", row) and ("type" not in at or reads("type", row))]
    # one row is enough when it is a whole registration: a registrant too (a sheet per
    # grassroots union holding one model; fresh tester V's V037, V040)
    whole = bool(found) and "type" in at and "registrant" in at \
        and bool(clean_text(cell(grid[found[0]], "registrant")))
    if len(found) < (1 if whole else 2) or any(_own_header(row) for row in grid[:found[0]]):
        return 0
    return len(found)


def _own_header(row: list) -> bool:
    """Whether a row is a table's own header: ``STT`` and another header of the form's
    (:func:`thidua.ingest.table.row_names`: ``STT`` | ``Họ và tên`` | ``Năm sinh`` | ``Tổ``,
    a members list). A sheet with one above the rows that read as registrations is another
    list, never the counted list going on (fresh tester H's H13: its note's two lines under 80
    members made the members read as registrations)."""
    names = set(row_names(row).values())
    return "stt" in names and len(names) >= 2


#: Why a sheet of forms describing models a table lists is not counted
#: (:func:`describes`).
DESCRIBED = "chỉ giới thiệu lại mô hình đã có ở trang '{sheet}'"


def _models_of(sheet: FoundSheet) -> set[str]:
    """The keys (:func:`thidua.ingest.duplicates.duplicate_key`) of a sheet's models (of a
    sheet of forms, the forms' own: not the lines after them)."""
    at = next((c for c, name in sheet.table.columns.items() if name == "model"), None)
    if at is None:
        return set()
    first, last = sheet.rewritten or (sheet.table.data_start, len(sheet.grid))
    return {duplicate_key(row[at]) for row in sheet.grid[max(first, sheet.table.data_start):last + 1]
            if at < len(row) and clean_text(row[at])}


def describes(forms: FoundSheet, tables: list[FoundSheet]) -> str | None:
    """The name of the sheet among ``tables`` listing every model of the sheet of forms
    ``forms`` (:mod:`thidua.ingest.formsheet`), else ``None``: a page introducing an
    exemplary model already registered in the table (``GIỚI THIỆU MÔ HÌNH TIÊU BIỂU``,
    ``1. Tên mô hình:`` | …, ``5. Kết quả đạt được:`` | …; fresh tester G's 107: read as
    registrations, three rows rejected, the model counted twice once fixed)."""
    mine = _models_of(forms)
    return next((t.name for t in tables if mine and mine <= _models_of(t)), None)


def continued_table(grid: Grid, first: FoundSheet) -> Table:
    """The table of a sheet without a header whose rows go on with the counted sheet
    ``first``'s list (:func:`continued_rows` ≥ 2): ``first``'s columns, no header row of its
    own, its data from the first row with a model and a ``Lĩnh vực`` or ``Hình thức`` value
    (a title line, ``(tiếp theo)``, or the form's column numbers above it are not read), and
    ``first``'s header text of each column (the labels the unit's feedback shows)."""
    at = {name: c for c, name in first.table.columns.items()}

    def cell(row: list, name: str) -> str:
        c = at.get(name)
        return clean_text(row[c]) if c is not None and c < len(row) else ""

    start = next(r for r, row in enumerate(grid) if not is_annotation(row)
                 and cell(row, "model") and (cell(row, "field") or cell(row, "type")))
    named = [r for r in first.table.header_rows if not is_annotation(first.grid[r])]
    texts = {c: " / ".join(dict.fromkeys(t for r in named if c < len(first.grid[r])
                                         and (t := clean_text(first.grid[r][c]))))
             for c in first.table.columns}
    return Table((), first.table.columns, first.table.unknown, first.table.marks,
                 continued_at=start, header_texts={c: t for c, t in texts.items() if t})


def hidden_tables_reason(passed: list[tuple[str, str]]) -> str | None:
    """Why a file whose form table is only on hidden sheets is rejected, naming those sheets
    and the fix (``spec/submission-form.md``, "The file": hidden sheets do not count), else
    ``None``. ``passed``: the ``(name, why)`` of :func:`choose_sheets` when none counted."""
    hidden = [name for name, why in passed if why == HIDDEN]
    if not hidden:
        return None
    names = ", ".join(f"'{n}'" for n in hidden)
    return (f"Các dòng đăng ký của biểu DVK-01 chỉ có ở trang tính bị ẩn ({names}); trang bị ẩn "
            f"không được tính. Nếu đó là đăng ký của đơn vị, đề nghị bỏ ẩn trang (Excel: bấm chuột phải vào "
            f"tên một trang tính > Bỏ ẩn) rồi gửi lại tệp.")


#: Joins the names of the sheets a summary sheet repeats together (:func:`copy_of`), so that
#: the note reads "… của trang 'Đợt 1', trang 'Đợt 2' …".
TOGETHER = "', trang '"


def copy_of(rows: pd.DataFrame, earlier: dict[str, pd.DataFrame]) -> str | None:
    """The name of the sheet among ``earlier`` (name → its :func:`thidua.ingest.rows.raw_rows`)
    whose registrations ``rows`` repeats row for row, else ``None``: the same non-blank rows,
    in the same order, with the same text in every column of the form (columns in any order;
    blank rows, Excel row numbers and unknown columns aside). A sheet with no such row copies
    nothing. A sheet repeating one earlier sheet's rows renumbered or in another order copies
    it; one repeating the rows of every earlier sheet together, in any order and renumbered
    (a ``Tổng hợp`` of ``Đợt 1`` and ``Đợt 2``), copies them all: their names joined by
    :data:`TOGETHER`."""
    if not earlier:
        return None
    mine = _content(rows)
    if not mine:
        return None
    if same := next((name for name, other in earlier.items() if _content(other) == mine), None):
        return same
    # a summary sheet listing every earlier sheet's rows again, renumbered (``Đợt 1`` |
    # ``Đợt 2`` | ``Tổng hợp``: fresh tester G's 1009, each row rejected as a duplicate)
    unnumbered = Counter(_content(rows, numbered=False))
    theirs = {name: Counter(_content(other, numbered=False)) for name, other in earlier.items()}
    if same := next((name for name, other in theirs.items() if other == unnumbered), None):
        return same  # renumbered, or in another order
    if len(theirs) >= 2 and sum(c.total() for c in theirs.values()) == unnumbered.total() \
            and unnumbered == sum(theirs.values(), Counter()):
        return TOGETHER.join(theirs)
    return None


def excerpt_of(rows: pd.DataFrame, others: dict[str, pd.DataFrame]) -> str | None:
    """The name of the sheet among ``others`` (name → its :func:`thidua.ingest.rows.raw_rows`,
    each with a ``Tên tập thể/cá nhân`` column) every model of ``rows`` is a model of, when
    ``rows`` (a sheet without that column: no row of it can be a registration) lists models:
    a summary sheet's list of exemplary models (``Tổng hợp``: ``STT | Tên mô hình | Lĩnh vực |
    Hình thức``), whose rows were rejected one by one (tester B's F7); or the names of the
    sheets, joined by :data:`TOGETHER`, whose models together hold every model of ``rows``
    and of which two or more give some (a ``Tổng hợp`` listing the models of the sheets
    ``Kinh tế``, ``VHXH``, …: fresh tester L's L096); else ``None``. Each
    row's model, field and type (those both sheets have) must be a row of the other: a
    ``Cá nhân`` sheet without names, listing the collectives' models as individuals', is no
    excerpt (its rows are rejected asking the names; fresh tester C's e02)."""
    if "registrant" in rows or "model" not in rows:
        return None
    others = {n: o for n, o in others.items() if "model" in o and "registrant" in o}
    for name, other in others.items():
        columns = [c for c in ("model", "field", "type") if c in rows and c in other]
        mine = {_keyed(row) for row in rows[columns].itertuples(index=False) if clean_text(row[0])}
        if mine and mine <= {_keyed(row) for row in other[columns].itertuples(index=False)}:
            return name  # each row's model, field and type are one of the other's rows
    # the models of several sheets listed again together (``Tổng hợp`` before or after the
    # sheets ``Kinh tế``, ``VHXH``, ``ANQP``, ``XDHTCT``: fresh tester L's L096, L156, L157)
    columns = [c for c in ("model", "field", "type")
               if c in rows and all(c in o for o in others.values())]
    mine = {_keyed(row) for row in rows[columns].itertuples(index=False) if clean_text(row[0])}
    theirs = {name: {_keyed(row) for row in other[columns].itertuples(index=False)}
              for name, other in others.items()}
    used = [name for name, keys in theirs.items() if mine & keys]
    if len(used) >= 2 and mine <= set().union(*theirs.values()):
        return TOGETHER.join(used)
    return None


def _keyed(row) -> tuple[str, ...]:
    return tuple(duplicate_key(v) for v in row)


#: :func:`_content` of the frames met (``id`` → the frame, weakly, and its content by
#: ``numbered``): a workbook of 150 sheets, each compared with every earlier one, read each
#: sheet's text 22.000 times (fresh tester M's M045: 160 s of processor time).
_CONTENTS: dict[int, tuple[weakref.ref, dict[bool, list]]] = {}


def _content(rows: pd.DataFrame, numbered: bool = True) -> list[tuple[tuple[str, str], ...]]:
    """The non-blank rows of ``rows`` as ``((column, text), …)``, the form's columns by name
    (``stt`` left out unless ``numbered``); computed once per frame."""
    known = _CONTENTS.get(id(rows))
    if known is None or known[0]() is not rows:
        for key in [k for k, (ref, _) in _CONTENTS.items() if ref() is None]:
            del _CONTENTS[key]
        known = _CONTENTS[id(rows)] = (weakref.ref(rows), {})
    if numbered not in known[1]:
        known[1][numbered] = _read_content(rows, numbered)
    return known[1][numbered]


def _read_content(rows: pd.DataFrame, numbered: bool) -> list[tuple[tuple[str, str], ...]]:
    form = sorted(c for c in rows.columns if c in BY_NAME and (numbered or c != "stt"))
    text = rows[form].map(clean_text)
    lines = []
    for values in text.itertuples(index=False):
        cells = tuple((c, v) for c, v in zip(form, values) if v)
        if cells:
            lines.append(cells)
    return lines


def sheets_remark(counted: list[str], passed: list[tuple[str, str]]) -> str | None:
    """The line naming the sheets counted and those passed over with why, or ``None`` when
    one sheet counts and none was passed over: ``Đã dùng trang 'Tập thể', trang 'Cá nhân';
    bỏ qua trang 'Hướng dẫn' (trang hướng dẫn/mẫu), trang 'Bản cũ' (tên trang cho biết là bản
    cũ/bản nháp)``, then what to do to have a passed-over table counted."""
    if len(counted) < 2 and not passed:
        return None
    text = "Đã dùng " + ", ".join(f"trang '{n}'" for n in counted)
    if passed:
        text += "; bỏ qua " + ", ".join(f"trang '{n}' ({why})" for n, why in passed)
    lost = {why for _, why in passed if why in (HIDDEN, OLD)}
    if any(why.startswith(NO_HEADER_ROWS[:20]) for _, why in passed):
        text += " rồi gửi lại tệp" if not lost else ""
    if lost:
        fixes = [fix for why, fix in ((HIDDEN, "bỏ ẩn trang"),
                                      (OLD, "đổi tên trang (bỏ chữ 'cũ'/'nháp'…)")) if why in lost]
        text += (f". Nếu bảng ở trang bị bỏ qua là đăng ký của đơn vị (không phải bản cũ), đề nghị "
                 f"{' hoặc '.join(fixes)} rồi gửi lại tệp")
    return text


def copy_note(sheet: str, original: str, rows: int, excerpt: bool = False) -> str:
    """The line telling a unit that sheet ``sheet`` repeats sheet ``original`` (row for row, or
    some of its models: ``excerpt``, :func:`excerpt_of`) and its ``rows`` rows were ignored."""
    if excerpt:
        return (f"Trang '{sheet}' không có cột 'Tên tập thể/cá nhân' và chỉ liệt kê lại mô hình "
                f"của trang '{original}' nên không tính: {rows} dòng của trang '{sheet}' không "
                f"được tính (bỏ qua).")
    return (f"Trang '{sheet}' lặp lại đúng từng dòng đăng ký của trang '{original}' nên chỉ tính "
            f"một lần: {rows} dòng của trang '{sheet}' không được tính (bỏ qua).")
