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
keeps its row and column. An extension of ``spec/submission-form.md``, "The header row" (a
choice given by columns, as tick boxes are: ``docs/contracts.md``).
"""

from __future__ import annotations

from schemas.form import TYPES
from thidua.ingest.headers import header_name
from thidua.ingest.table import Table, find_table, is_annotation, is_hint
from thidua.ingest.values import EXACT, read_value
from thidua.text import clean_text

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
    column (``Chức vụ`` under ``Cá nhân`` is the position)."""
    if "type" in table.columns.values() or not table.header_rows:
        return None  # a list going on from another sheet: read as that one
    ticked = [c for c, (n, _) in table.marks.items() if n == "type"]
    if ticked and ("registrant" in table.columns.values() or not _names_in(grid, table, ticked)):
        return None  # tick boxes ``Tập thể`` | ``Cá nhân`` marked ``x`` beside the names
    rows = _header_rows(grid, table)
    width = max(len(grid[r]) for r in rows)
    found: dict[str, int] = {}
    for c in range(width):
        path = [clean_text(grid[r][c]) if c < len(grid[r]) else "" for r in rows]
        kind = _type_of(path)
        if kind and kind not in found and table.columns.get(c) in (None, "registrant"):
            found[kind] = c
    if set(found) != {"collective", "individual"}:
        return None
    return found["collective"], found["individual"]


def typed_by_column(grid: Grid, table: Table, hidden: frozenset[int] = frozenset()
                    ) -> tuple[Grid, Table] | None:
    """``(grid, table)`` rewritten as the form would have them (module doc) when the header
    gives each type its own column of names (:func:`name_columns`), else ``None``."""
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
    out[top][width] = "Hình thức"
    at = {name: c for c, name in table.columns.items()}
    for r in range(rows[-1] + 1, len(out)):
        if not any(c is not None and clean_text(out[r][c])
                   for c in (at.get("field"), at.get("stt"))) or "model" not in at \
                or not clean_text(out[r][at["model"]]):
            continue  # a blank, totals or signature row (no field, no STT): as it is
        a, b = clean_text(out[r][collective]), clean_text(out[r][individual])
        out[r][collective] = " / ".join(t for t in (a, b) if t)
        out[r][individual] = ""
        out[r][width] = ", ".join(TYPES[k] for k, t in (("collective", a), ("individual", b))
                                  if t)
    rewritten = find_table(out, hidden)
    return (out, rewritten) if rewritten is not None else None
