"""A form whose registrant is written in one of two columns by type, with no ``Hình thức``
column: ``Tên tập thể/cá nhân`` merged over ``Tập thể`` | ``Cá nhân`` (the name under one of
them), or a ``Tập thể`` column beside ``Cá nhân`` merged over ``Họ và tên`` | ``Chức vụ``. The
column holding a row's name gives its type (tester B's cases 109, 110: the whole file was
rejected, every row "Thiếu 'Hình thức'", the individuals "Thiếu 'Tên tập thể/cá nhân'" with
their names beside it).

The sheet's grid is rewritten as the form would have it: the header flattened onto its last
row (each column's lowest header text that is neither a type's name nor a hint in brackets,
and of those the lowest naming the column as the table search read it: ``Chức vụ`` under
``Cá nhân``, ``Tên mô hình`` over ``(ghi ngắn gọn)`` or ``Nội dung``, or the texts joined
when only they name it: ``Tên mô`` over ``hình``), so that a row of
column numbers under it (``(1) (2) (3) …``) stays right under it and is never read as a
registration; the two name columns become one (the collectives' column, headed ``Tên tập
thể/cá nhân``), and a ``Hình thức`` column is added after the last, holding on each row with a
model and a field or an STT ``Tập thể`` or ``Cá nhân`` by the column the name was in (both
filled: both names, the row then rejected asking which; neither: empty). Every other cell
keeps its row and column. Headers naming each type's names flat (``Tên tập thể`` | ``Họ tên cá
nhân``, :data:`NAMED_TYPES`) are read so too, and beside a ``Hình thức`` column its cells are
kept (:func:`typed_by_column`, :func:`typed_note`; fresh tester J's J127, J132). An extension of ``spec/submission-form.md``, "The header row" (a
choice given by columns, as tick boxes are: ``docs/contracts.md``).
"""

from __future__ import annotations

import re

from schemas.form import TYPES
from thidua.ingest.headers import header_name
from thidua.ingest.table import Table, find_table, is_annotation, is_hint
from thidua.ingest.values import EXACT, read_value
from thidua.text import clean_text, match_key, rows_said

Grid = list[list]

#: Told to the unit whose sheet was read so (its name is added by the caller).
TYPE_GROUPS_NOTE = ("không có cột 'Hình thức': tên tập thể và tên cá nhân ở hai cột riêng; "
                    "hình thức của mỗi dòng đã lấy theo cột có tên. Đề nghị lần sau dùng đúng "
                    "biểu DVK-01 (cột 'Hình thức' và một cột 'Tên tập thể/cá nhân').")


def _type_of(texts: list[str]) -> str | None:
    """The type (``collective``/``individual``) one of a column's header texts names exactly."""
    for text in texts:
        reading = read_value("type", text) if text else None
        if reading is not None and reading.how == EXACT:
            return reading.code
    return None


#: Headers naming one type's names (match keys, a bracketed hint aside): ``Tên tập thể`` |
#: ``Họ tên cá nhân`` (or ``Tên cá nhân``, ``Họ và tên``), a form version with a name column
#: per type (fresh tester J's J127, J132). Read so only when both types have one.
NAMED_TYPES: dict[str, str] = {
    **dict.fromkeys(("ten tap the", "ten tap the thuc hien", "tap the thuc hien",
                     "ten tap the dang ky"), "collective"),
    **dict.fromkeys(("ten ca nhan", "ho ten ca nhan", "ho va ten ca nhan", "ca nhan thuc hien",
                     "ten ca nhan thuc hien", "ho ten ca nhan thuc hien", "ten ca nhan dang ky",
                     "ho va ten", "ho ten"), "individual")}


def _named_type(texts: list[str]) -> str | None:
    """The type whose names a column's header texts announce: a type's name exactly
    (:func:`_type_of`: ``Tập thể``), else the lowest text of :data:`NAMED_TYPES` (``Họ tên cá
    nhân``)."""
    if kind := _type_of(texts):
        return kind
    for text in reversed(texts):
        key = re.sub(r"\s*[(\[].*[)\]]\s*$", "", match_key(text)).strip(" :*") if text else ""
        if key in NAMED_TYPES:
            return NAMED_TYPES[key]
    return None


def _header_rows(grid: Grid, table: Table) -> tuple[int, ...]:
    """``table``'s header rows, and the row under them when it holds only the two types'
    names (``Tập thể`` | ``Cá nhân`` under an unmerged ``Tên tập thể/cá nhân``): sub-headers
    the table search took for no header (they name no column of the form), with the row of
    column numbers under those (:func:`thidua.ingest.table.is_annotation`) when there is one."""
    start = table.data_start
    if start < len(grid):
        texts = [t for t in (clean_text(v) for v in grid[start]) if t]
        if len(texts) >= 2 and all(_type_of([t]) for t in texts):
            numbers = (start + 1,) if start + 1 < len(grid) and is_annotation(grid[start + 1]) \
                else ()
            return (*table.header_rows, start, *numbers)
    return table.header_rows


#: How many rows under the header :func:`_names_in` looks at.
_LOOKED_AT = 200


def _names_in(grid: Grid, table: Table, columns: list[int]) -> bool:
    """Whether the type's tick-box ``columns`` (``Hình thức`` merged over ``Tập thể`` | ``Cá
    nhân``) hold names rather than marks: most of their filled cells under the header (first
    :data:`_LOOKED_AT` rows) of two words or more and no type's name (``Trần Thị Lan``,
    ``CĐCS Công ty A``; never ``x``, ``✓``, ``1``, ``có``, ``Tập thể``): with no registrant
    column the name is the registrant and its column gives the type (fresh tester J's J065:
    every row rejected "Thiếu 'Tên tập thể/cá nhân'")."""
    texts = [t for row in grid[table.data_start:table.data_start + _LOOKED_AT]
             for c in columns if c < len(row) and (t := clean_text(row[c]))]
    names = sum(1 for t in texts if len(t.split()) >= 2 and not _type_of([t]))
    return bool(texts) and 2 * names > len(texts)


def name_columns(grid: Grid, table: Table) -> tuple[int, int] | None:
    """``(collectives' name column, individuals' name column)`` (0-based) of a table without a
    type column whose header gives each type its own column of names (module doc), else
    ``None``. A group's name column is its first column read as the registrant or as no form
    column (``Chức vụ`` under ``Cá nhân`` is the position). A header naming each type's names
    (:data:`NAMED_TYPES`: ``Tên tập thể`` | ``Họ tên cá nhân``) gives them too, and the table
    may have its ``Hình thức`` column (fresh tester J's J127, J132)."""
    if not table.header_rows:
        return None  # a list going on from another sheet: read as that one
    ticked = [c for c, (n, _) in table.marks.items() if n == "type"]
    if ticked and ("registrant" in table.columns.values() or not _names_in(grid, table, ticked)):
        return None  # tick boxes ``Tập thể`` | ``Cá nhân`` marked ``x`` beside the names
    rows = _header_rows(grid, table)
    width = max(len(grid[r]) for r in rows)
    found: dict[str, int] = {}
    for c in range(width):
        path = [clean_text(grid[r][c]) if c < len(grid[r]) else "" for r in rows]
        kind = _named_type(path)
        if kind and kind not in found and table.columns.get(c) in (None, "registrant"):
            found[kind] = c
    if set(found) != {"collective", "individual"}:
        return None
    pair = found["collective"], found["individual"]
    if any(n == "registrant" and c not in pair for c, n in table.columns.items()):
        return None  # the names are in their own column: these two are something else
    if "type" in table.columns.values() and not _names_in(grid, table, list(pair)):
        return None  # ``Hình thức`` beside tick boxes ``Tập thể`` | ``Cá nhân`` marked ``x``
    return pair


def typed_by_column(grid: Grid, table: Table, hidden: frozenset[int] = frozenset()
                    ) -> tuple[Grid, Table] | None:
    """``(grid, table)`` rewritten as the form would have them (module doc) when the header
    gives each type its own column of names (:func:`name_columns`), else ``None``. Beside the
    form's ``Hình thức`` column, its filled cells are kept and a row filling both names takes
    the name of the type it says (told, :func:`typed_note`); a blank one takes the type of the
    name's column."""
    columns = name_columns(grid, table)
    if columns is None:
        return None
    collective, individual = columns
    width = max(len(row) for row in grid)
    out = [list(row) + [""] * (width + 1 - len(row)) for row in grid]
    rows = _header_rows(grid, table)
    named = [r for r in rows if not is_annotation(grid[r])]  # the column numbers stay as they are
    top = named[-1]
    for c in range(width):  # the header flattened onto its last row, the types' words out
        path = [t for r in named if (t := clean_text(out[r][c])) and not _type_of([t])
                and not is_hint(t)]  # ``Tên mô hình`` over ``(ghi ngắn gọn)``: the header
        for r in named:
            out[r][c] = ""
        # the lowest text naming the column as the table read it (``Tên mô hình`` over
        # ``Nội dung``), or its texts joined (``Tên mô`` over ``hình``), else the lowest text
        name = table.columns.get(c)
        read = [t for t in (*path[::-1], " ".join(path)) if name and header_name(t) == name]
        out[top][c] = read[0] if read else path[-1] if path else ""
    out[top][collective], out[top][individual] = "Tên tập thể/cá nhân", ""
    at = {name: c for c, name in table.columns.items()}
    own = at.get("type")  # the form's ``Hình thức``: its cells kept where filled
    typed = width if own is None else own
    if own is None:
        out[top][width] = "Hình thức"
    for r in _registrations(out, table, rows[-1] + 1):
        a, b = clean_text(out[r][collective]), clean_text(out[r][individual])
        said = _said_type(out[r][own]) if own is not None else None
        if said and a and b:  # both names beside a type: that type's name (told)
            out[r][collective] = a if said == "collective" else b
        else:
            out[r][collective] = " / ".join(t for t in (a, b) if t)
        out[r][individual] = ""
        if own is None or not clean_text(out[r][own]):
            out[r][typed] = ", ".join(TYPES[k] for k, t in (("collective", a),
                                                            ("individual", b)) if t)
    rewritten = find_table(out, hidden)
    return (out, rewritten) if rewritten is not None else None


def _registrations(grid: Grid, table: Table, start: int) -> list[int]:
    """The rows from ``start`` that hold a registration: a model and a field or an STT (a
    blank, totals or signature row has neither and stays as it is)."""
    at = {name: c for c, name in table.columns.items()}
    if "model" not in at:
        return []
    return [r for r in range(start, len(grid))
            if any(c is not None and c < len(grid[r]) and clean_text(grid[r][c])
                   for c in (at.get("field"), at.get("stt")))
            and at["model"] < len(grid[r]) and clean_text(grid[r][at["model"]])]


def _said_type(cell: object) -> str | None:
    """The type a ``Hình thức`` cell says (any reading naming one), else ``None``."""
    return read_value("type", cell).code if clean_text(cell) else None


def typed_note(grid: Grid, table: Table) -> str:
    """The line telling the unit how its two name columns were read (:func:`typed_by_column`,
    to be prefixed with the sheet's name): :data:`TYPE_GROUPS_NOTE` without a ``Hình thức``
    column; with one, that the names became one column and, naming their Excel rows (the
    grid's rows from 1), the rows whose name is in the other type's column than their
    ``Hình thức`` says and those filling both (the name of the type said read). ``""`` when
    the header gives no name column per type."""
    columns = name_columns(grid, table)
    own = next((c for c, n in table.columns.items() if n == "type"), None)
    if columns is None:
        return ""
    if own is None:
        return TYPE_GROUPS_NOTE
    collective, individual = columns
    both, other = [], []
    for r in _registrations(grid, table, _header_rows(grid, table)[-1] + 1):
        a, b = (clean_text(grid[r][c]) if c < len(grid[r]) else "" for c in columns)
        said = _said_type(grid[r][own])
        if a and b and said:
            both.append(r + 1)
        elif said and (a or b) and said != ("collective" if a else "individual"):
            other.append(r + 1)
    names = [clean_text(grid[i][c]) for c in columns for i in _header_rows(grid, table)
             if c < len(grid[i]) and clean_text(grid[i][c])]
    line = (f"tên tập thể và tên cá nhân ở hai cột riêng ({', '.join(repr(n) for n in names)}): "
            f"đã đọc thành một cột 'Tên tập thể/cá nhân', hình thức theo cột 'Hình thức' (ô "
            f"trống: theo cột có tên).")
    if both:
        line += (f" Dòng {rows_said(both)} ghi cả tên tập thể và tên cá nhân: đã lấy tên theo "
                 f"cột 'Hình thức'; đề nghị kiểm tra.")
    if other:
        line += (f" Dòng {rows_said(other)} ghi tên ở cột của hình thức khác với cột 'Hình "
                 f"thức': đã đọc theo cột 'Hình thức'; đề nghị kiểm tra.")
    return line + " Đề nghị lần sau dùng đúng biểu DVK-01 (một cột 'Tên tập thể/cá nhân')."
