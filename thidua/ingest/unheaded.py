"""A form column whose header cell was lost: it holds nothing, or an error value.

A unit's header row is often copied from a template by formulas (``=Mẫu!C5``); when the
template sheet is deleted, the header cell shows ``#REF!`` (or ``#N/A``, ``#NAME?``), and a
cell cleared by mistake shows nothing. The row then lacks one of the form's columns: a
missing ``Lĩnh vực`` or ``Tên mô hình`` lost the whole file ("Không tìm thấy dòng tiêu đề",
fresh tester M's M129), a missing ``Tên tập thể/cá nhân`` rejected every row, a missing
``Cấp công đoàn`` or ``Kết quả`` dropped those values without a word.

When a row names three form columns or more and lacks a column of :data:`BY_VALUES` or
:data:`BY_PLACE`, a lost header cell of that row (blank or an error) with values under it
is that column; so is a header in the unit's own words that names no form column (``Field``,
``Đơn vị thực hiện``, ``Tên sáng kiến``), for the coded columns and the required text columns
(:data:`OWN_WORDS_BY_PLACE`) only:

- a coded column (:data:`BY_VALUES`): at least :data:`MIN_CELLS` of its cells, and
  :data:`MIN_SHARE` of its filled cells, read exactly as that column's values (``Kinh tế``,
  ``VH-XH``…; :func:`thidua.ingest.values.read_value`);
- a text column (:data:`BY_PLACE`): the columns on its either side that the row names
  place it there in the form's order (``spec/submission-form.md``, "The header row": STT,
  Tên mô hình, Lĩnh vực, Hình thức, Tên tập thể/cá nhân, Chức vụ, Cấp công đoàn, Công đoàn
  cơ sở, Thời gian thực hiện, Kết quả, Ghi chú), no named neighbour saying otherwise, and
  fewer than half of its filled cells read as a coded column's value or hold nothing but a
  number (a count: ``Số lượng`` beside ``Hình thức``, which is no registrant).

``Hình thức`` found by its values is :mod:`thidua.ingest.valuecolumns`' (it also reads a
column headed in the unit's own words). Each column so named is told to the unit
(:func:`lost_header_note`). An extension of ``spec/submission-form.md``, "The header row".
"""

from __future__ import annotations

import re

from schemas.form import BY_NAME
from thidua.ingest.errorcells import is_error_value
from thidua.ingest.headers import may_be_header
from thidua.ingest.values import EXACT, read_value
from thidua.ingest.workbook import Grid
from thidua.text import clean_text

#: The form's columns in its order (``spec/submission-form.md``), without ``Mã đơn vị``
#: (most units leave it out; its column is found by :mod:`thidua.ingest.unitcolumn`).
FORM_ORDER = ("stt", "model", "field", "type", "registrant", "position", "level",
              "grassroots_union", "period", "result", "note")
#: Coded columns a lost header's values name (``type``: :mod:`thidua.ingest.valuecolumns`).
BY_VALUES = ("field", "level", "result")
#: Text columns a lost header's place names.
BY_PLACE = ("model", "registrant", "position", "grassroots_union", "period")
#: Required text columns that a header in the unit's own words (no form header: ``Đơn vị
#: thực hiện``, ``Tên sáng kiến``) names by its place, as a lost header does.
OWN_WORDS_BY_PLACE = ("model", "registrant")
#: The coded columns whose values a text column must not mostly hold.
CODED = ("field", "type", "level", "result")
#: A cell of nothing but a number (a count, ``1``, ``2.000``): no name of a model or a registrant.
_NUMBER = re.compile(r"[\d.,\s%]+")
#: At least this many cells under a lost header must hold a value, and of its filled cells
#: this share read exactly as a coded column's values.
MIN_CELLS = 2
MIN_SHARE = 0.75
#: How many rows under the header are looked at.
LOOKED_AT = 200


def is_lost_header(value: object) -> bool:
    """Whether a header cell holds nothing (spaces aside) or an Excel error value."""
    text = clean_text(value)
    return not text or is_error_value(text)


def _reads_as(column: str, text: str) -> bool:
    return read_value(column, text).how == EXACT


def _below(grid: Grid, r: int, column: int) -> list[str]:
    """The filled cells of ``column`` in the :data:`LOOKED_AT` rows under row ``r``."""
    return [t for row in grid[r + 1:r + 1 + LOOKED_AT]
            if column < len(row) and (t := clean_text(row[column]))]


def _named(top: dict[int, str]) -> set[str]:
    """The form columns a row names, a period in two columns (``Từ ngày`` | ``Đến ngày``)
    naming ``period``."""
    names = set(top.values())
    return names | {"period"} if names & {"period_from", "period_to"} else names


def _by_values(texts: list[str], missing: set[str]) -> str | None:
    for name in BY_VALUES:
        if name in missing:
            hits = sum(_reads_as(name, t) for t in texts)
            if hits >= MIN_CELLS and hits >= MIN_SHARE * len(texts):
                return name
    return None


def _by_place(column: int, top: dict[int, str], texts: list[str],
              missing: set[str]) -> str | None:
    """The text column the form's order puts between the named neighbours of ``column``."""
    named, said = _named(top), set()
    if (left := top.get(column - 1)) in FORM_ORDER:
        after = FORM_ORDER[FORM_ORDER.index(left) + 1:]
        said.add(next((n for n in after if n not in named), None))
    if (right := top.get(column + 1)) in FORM_ORDER:
        before = FORM_ORDER[:FORM_ORDER.index(right)]
        said.add(next((n for n in reversed(before) if n not in named), None))
    if len(said) != 1 or (name := said.pop()) not in missing or name not in BY_PLACE:
        return None
    other = sum(_NUMBER.fullmatch(t) is not None or any(_reads_as(c, t) for c in CODED)
                for t in texts)
    return name if 2 * other < len(texts) else None


def lost_headers(grid: Grid, r: int, top: dict[int, str]) -> dict[int, str]:
    """The columns of grid row ``r`` (0-based), whose form columns are ``top`` (column →
    name, :func:`thidua.ingest.table.row_names`), that have lost their header and are a
    column the row lacks (see the module's docstring): column → form name; ``{}`` when the
    row names fewer than three form columns or no lost header is known."""
    if len(top) < 3:
        return {}
    missing = {n for n in (*BY_VALUES, *BY_PLACE) if n not in _named(top)}
    if not missing:
        return {}
    row, found = grid[r], {}
    for column in range(min(top), max(top) + 2):
        if column in top:
            continue
        lost = column >= len(row) or is_lost_header(row[column])
        if not lost and not may_be_header(row[column]):
            continue
        texts = _below(grid, r, column)
        if len(texts) < MIN_CELLS:
            continue
        name = _by_values(texts, missing) or _by_place(
            column, top, texts, missing & set(BY_PLACE if lost else OWN_WORDS_BY_PLACE))
        if name is not None and name not in found.values():
            found[column] = name
    return found


def lost_header_note(sheet: str, letter: str, header: str, name: str) -> str:
    """The line telling a unit that its column ``letter`` (``C``), headed ``header`` (an
    error value, ``#REF!``, or ``""``), was read as the form's column ``name``."""
    where = f"Trang '{sheet}': cột {letter}" if sheet else f"Cột {letter}"
    had = (f"có tiêu đề '{header}' (công thức lỗi)" if is_error_value(header)
           else f"có tiêu đề '{header}' (không phải tên cột của biểu DVK-01)" if header
           else "không có tiêu đề")
    form = BY_NAME[name].header
    how = "ghi giá trị của cột" if name in BY_VALUES else "nằm đúng chỗ của cột"
    typed = " (không dùng công thức)" if is_error_value(header) or not header else ""
    return (f"{where} {had} nhưng {how} '{form}' theo biểu DVK-01 nên đã đọc như cột "
            f"'{form}'. Đề nghị gõ lại tiêu đề '{form}'{typed} rồi gửi lại.")
