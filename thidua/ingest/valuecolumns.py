"""A column whose header the form does not know but whose values say what it is.

A unit may head its type column in its own words (``Kiểu đăng ký``, ``Loại``, ``Phân loại
đăng ký``) and fill it with ``Tập thể`` / ``Cá nhân``: the header names no column of the form,
so every row was rejected "Thiếu 'Hình thức'" although each carries its type (fresh damage and
form cases of 01/12). When a table part has no ``Hình thức`` column (nor tick boxes for it),
an unknown column most of whose filled cells read exactly as a type is its ``Hình thức``
column, told. Only the type is found so: the field's column marks the header row itself, and
a registrant's or a model's text could be anything.
"""

from __future__ import annotations

from dataclasses import replace

from thidua.ingest.errorcells import is_error_value
from thidua.ingest.marks import marked_columns
from thidua.ingest.table import Table
from thidua.ingest.values import EXACT, read_value
from thidua.ingest.workbook import Grid
from thidua.text import clean_text

#: At least this many cells must read as a type, and this share of the column's filled cells.
MIN_TYPED = 2
MIN_SHARE = 0.75


def _reads_as_type(text: str) -> bool:
    reading = read_value("type", text)
    return reading.how == EXACT and reading.code is not None


def type_column(grid: Grid, part: Table, start: int, stop: int) -> int | None:
    """The 0-based grid column of ``part`` (rows ``start``..``stop``, 0-based, stop excluded)
    that is its type column by its values: an unknown column (``part.unknown``) or one whose
    header is blank or an error (:func:`_unheaded`) at least
    :data:`MIN_TYPED` of whose cells, and :data:`MIN_SHARE` of its filled cells, read
    exactly as a type (:func:`thidua.ingest.values.read_value`: ``Tập thể``, ``CN``…); the
    leftmost of several. ``None`` when the part has a type column or tick boxes for it, or
    no such column. An extension of ``spec/submission-form.md``, "The header row"."""
    if "type" in part.columns.values() or "type" in marked_columns(part.marks):
        return None
    for column in sorted((set(part.unknown) | set(_unheaded(grid, part, start, stop)))
                         - set(part.marks)):
        texts = [t for r in range(start, stop)
                 if column < len(grid[r]) and (t := clean_text(grid[r][column]))]
        typed = sum(map(_reads_as_type, texts))
        if typed >= MIN_TYPED and typed >= MIN_SHARE * len(texts):
            return column
    return None


def _unheaded(grid: Grid, part: Table, start: int, stop: int) -> list[int]:
    """The columns of ``part`` between its first and last known ones whose header cell holds
    nothing or an error value (``#REF!``: the header was a formula whose source was deleted;
    fresh tester M's M128, its collectives rejected "Thiếu 'Hình thức'")."""
    if not part.header_rows or not part.columns or stop <= start:
        return []
    header = grid[part.header_rows[-1]]
    found = []
    for column in range(min(part.columns), max(part.columns)):
        if column in part.columns or column in part.unknown:
            continue
        text = clean_text(header[column]) if column < len(header) else ""
        if not text or is_error_value(text):
            found.append(column)
    return found


def with_type_column(grid: Grid, part: Table, start: int, stop: int) -> Table:
    """``part`` with its :func:`type_column` (if any) named ``type`` instead of unknown."""
    column = type_column(grid, part, start, stop)
    if column is None:
        return part
    unknown = {c: h for c, h in part.unknown.items() if c != column}
    return replace(part, columns={**part.columns, column: "type"}, unknown=unknown)


def type_column_note(sheet: str, header: str) -> str:
    """The line telling a unit that its column headed ``header`` (or ``cột D``, ``cột D
    (tiêu đề '#REF!')`` when its header is blank or an error) was read as ``Hình thức``."""
    named = header if header.startswith("cột ") else f"cột '{header}'"  # ``cột D``: no header
    return (f"Trang '{sheet}': {named} không có tên như biểu DVK-01 nhưng ghi hình thức "
            f"(Tập thể/Cá nhân) nên đã đọc như cột 'Hình thức'. Đề nghị lần sau đặt tên cột "
            f"là 'Hình thức'.")


def overruled_type_note(sheet: str, header: str) -> str:
    """The line telling a unit that its column headed ``header``, which holds types, was not
    read as ``Hình thức`` because the sheet's section headings say otherwise
    (:func:`thidua.ingest.rows.overruled_type_headers`)."""
    return (f"Trang '{sheet}': cột '{header}' ghi Tập thể/Cá nhân khác với đề mục (TẬP THỂ / "
            f"CÁ NHÂN) của bảng nên không đọc như cột 'Hình thức': hình thức lấy theo đề mục. "
            f"Đề nghị kiểm tra lại.")
