"""The registrant type (and the field) given by a table's section headings, not by a column.

Some units' forms have no ``Hình thức`` column: their table is split into sections headed
``I. TẬP THỂ`` and ``II. CÁ NHÂN`` (often each with its own header row). Then every row takes
the type of the nearest heading above it (``spec/submission-form.md``, "Rows that are not
data": the heading rows themselves stay ignored as sub-headings).
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME, FIELDS, TYPES
from thidua.ingest.normalise import is_signature, is_totals, subheading_field
from thidua.ingest.values import EXACT, read_value
from thidua.text import clean_text


#: A part's number before a section's heading (``PHẦN II: CÁ NHÂN``, ``Phần thứ hai - Tập
#: thể``; fresh tester AA's neighbours of AA40).
_PART = re.compile(r"^\s*phần\s+(?:thứ\s+\w+|[ivxlc]+|\d{1,2})\s*[:.\-–]?\s*", re.IGNORECASE)


def heading_type(row: list) -> str | None:
    """The type (``Tập thể`` or ``Cá nhân``) a section heading row names: its text, one cell
    or a numbering and one cell (``I. TẬP THỂ``, ``II | Cá nhân``, ``B. Cá nhân:``), read
    exactly as a type (:func:`thidua.ingest.values.read_value`); ``None`` for any other row."""
    texts = list(dict.fromkeys(t for t in (clean_text(v) for v in row) if t))
    if not 1 <= len(texts) <= 2 or len(" ".join(texts)) > 40:
        return None
    if len(texts) == 2 and not re.fullmatch(r"[IVXivx]{1,4}|\d{1,2}|[A-Za-z]", texts[0]):
        return None  # two cells: a numbering, then the heading
    reading = read_value("type", _PART.sub("", ". ".join(texts)).rstrip(":"))
    return TYPES[reading.code] if reading.how == EXACT and reading.code else None


def _field_heading(texts: list[str]) -> bool:
    """A row that only names a field: one text (``I. LĨNH VỰC KINH TẾ`` merged across the
    table), or a Roman or Arabic numbering and the field (``II`` | ``Văn hóa - xã hội``);
    never a row of data (``A`` | ``KT``: a model and its field)."""
    parts = list(dict.fromkeys(texts))
    numbered = len(parts) == 2 and re.fullmatch(r"(?:[IVXLCDM]+|\d{1,2})\.?", parts[0], re.I)
    return (len(parts) == 1 or bool(numbered)) and subheading_field(parts) is not None


def types_from_headings(grid: list[list], start: int, stop: int, header_row: int,
                        is_header, default: str = "", is_data=lambda row: False
                        ) -> list[str] | None:
    """Per row of ``grid[start:stop]``: the type of the nearest section heading above it
    (:func:`heading_type`), counting the heading just above the part's header row
    ``header_row`` (``I. TẬP THỂ`` over the header); ``""`` for a heading row, a blank row, a
    field heading (``I. LĨNH VỰC KINH TẾ``), a totals row, the signature block and a header row
    (``is_header(row)``: a later table's header, left to be ignored) and rows before any
    heading (``default`` instead: the type of the sheet's name, :func:`sheet_type`); ``None``
    when no heading names a type and there is no ``default``. A row ``is_data(row)`` says is
    a registration (a field read, an STT number with a model) is never totals nor the
    signature block's first row, and keeps its type after a signature line."""
    current = default
    for r in range(header_row - 1, -1, -1):  # the nearest non-empty row above the header
        if any(clean_text(v) for v in grid[r]):
            current = heading_type(grid[r]) or default
            break
    out, found, signing = [], bool(current), False
    for r in range(start, stop):
        named = heading_type(grid[r])
        if named is not None:
            current, found = named, True
            out.append("")
            continue
        texts = [t for t in map(clean_text, grid[r]) if t]
        data = bool(texts) and is_data(grid[r])  # ``5`` | model | … | ``Chủ tịch CĐCS``
        signing = signing or bool(texts) and not data and is_signature(texts)
        other = (not texts or is_header(grid[r]) or signing and not data
                 or is_totals(texts) and not data or _field_heading(texts))
        out.append("" if other else current)
    return out if found else None


#: Words around a type in a sheet's name: ``DS Cá nhân``, ``Mô hình tập thể``, ``Cá nhân 2024``.
_NAME_AROUND = re.compile(r"^(?:danh sách|ds|mô hình|đăng ký|đk)\s+|\s*[-_]?\s*\(?\d{1,4}\)?$",
                          re.IGNORECASE)


def sheet_type(name: str) -> str:
    """The type (``Tập thể`` or ``Cá nhân``) a sheet's name gives (``Tập thể``, ``CÁ NHÂN``,
    ``TT``, ``DS Cá nhân``, ``Cá nhân 2024``): the name read as a section heading
    (:func:`heading_type`), alone or without a leading ``Danh sách``/``DS``/``Mô hình``/``Đăng
    ký`` and a trailing number; ``""`` for any other name. The rows of a sheet so named that
    have no ``Hình thức`` column and no section heading take it, as under a heading (an
    extension of ``spec/submission-form.md``, "The file")."""
    text = clean_text(name)
    for candidate in dict.fromkeys((text, _NAME_AROUND.sub("", text))):
        if candidate and (kind := heading_type([candidate])):
            return kind
    both = _field_and_type(text)
    return both[1] if both else ""


def sheet_field(name: str) -> str:
    """The field (``Kinh tế``, ``Văn hóa - xã hội``…) a sheet's name gives (``Kinh tế``,
    ``VH-XH``, ``LV An ninh - quốc phòng``, ``DS XD HTCT``): the name read exactly as a field
    (:func:`thidua.ingest.values.read_value`), alone or without a leading ``Danh sách``/``DS``/
    ``Mô hình``/``Đăng ký`` and a trailing number; ``""`` for any other name. The rows of a
    sheet so named that has no ``Lĩnh vực`` column take it (one sheet per field, tester B's
    F10; an extension of ``spec/submission-form.md``, "The file")."""
    text = clean_text(name)
    for candidate in dict.fromkeys((text, _NAME_AROUND.sub("", text))):
        reading = read_value("field", candidate) if candidate else None
        if reading is not None and reading.how == EXACT and reading.code:
            return FIELDS[reading.code]
    both = _field_and_type(text)
    return both[0] if both else ""


#: Where a sheet's name naming a field and a type is cut in two: a dash, an underscore, a
#: slash, a plus, or a space (``KT - Tập thể``, ``TT-KT``, ``CN_VHXH``, ``Tập thể KT``).
_HALVES = re.compile(r"\s*[-–_/+]\s*|\s+")


def _field_and_type(text: str) -> tuple[str, str] | None:
    """The field and the type a sheet's name gives when it names both, either first (``KT -
    Tập thể``, ``KT - Cá nhân``, ``TT-KT``, ``CN-KT``, ``Tập thể KT``: a sheet per field and
    type, fresh tester L's L083, L158, L159): the name cut once at a separator
    (:data:`_HALVES`), one half read exactly as a field and the other as a type
    (:func:`sheet_field`, :func:`sheet_type`); ``None`` for any other name (``VH-XH``,
    ``Kinh tế``, ``KT (3)``)."""
    for cut in _HALVES.finditer(text):
        left, right = text[:cut.start()], text[cut.end():]
        if not left or not right:
            continue
        for first, second in ((left, right), (right, left)):
            field = _whole_field(first)
            kind = heading_type([_NAME_AROUND.sub("", second) or second]) if field else None
            if field and kind:
                return field, kind
    return None


def _whole_field(text: str) -> str:
    """The field ``text`` reads as exactly (with or without the words of :data:`_NAME_AROUND`),
    else ``""``."""
    for candidate in dict.fromkeys((text, _NAME_AROUND.sub("", text))):
        reading = read_value("field", candidate) if candidate else None
        if reading is not None and reading.how == EXACT and reading.code:
            return FIELDS[reading.code]
    return ""


def sheet_field_note(sheet: str, field: str) -> str:
    """The line telling a unit that the rows of sheet ``sheet`` took field ``field`` from the
    sheet's name."""
    return (f"Trang '{sheet}' không có cột 'Lĩnh vực': các dòng đăng ký của trang đã lấy lĩnh "
            f"vực '{field}' theo tên trang. Đề nghị lần sau ghi lĩnh vực ở từng dòng.")


def blank_from_name_note(sheet: str, column: str, value: str, rows: list[int]) -> str:
    """The line telling a unit that the blank ``Lĩnh vực``/``Hình thức`` cells (``column``:
    ``field``/``type``) of ``rows`` took ``value`` from the name of sheet ``sheet``."""
    header = "Lĩnh vực" if column == "field" else "Hình thức"
    shown = ", ".join(map(str, rows[:10])) + (f" và {len(rows) - 10} dòng khác"
                                               if len(rows) > 10 else "")
    return (f"Trang '{sheet}': cột '{header}' để trống ở dòng {shown}; các dòng này đã lấy "
            f"{header.lower()} '{value}' theo tên trang. Đề nghị lần sau ghi {header.lower()} "
            f"ở từng dòng.")


def position_type_note(sheet: str, typed: bool = False) -> str:
    """The line telling a unit that the rows of sheet ``sheet``, whose table has a ``Chức vụ``
    column but no ``Hình thức`` column, took their type from it
    (:func:`thidua.ingest.rows.position_type`); ``typed``: some ``Chức vụ`` cells wrote the
    type itself (``Tập thể``), read as the row's type."""
    wrote = (" Ô 'Chức vụ' ghi hình thức (Tập thể/Cá nhân) đã hiểu là hình thức của dòng, "
             "không phải chức vụ." if typed else "")
    return (f"Trang '{sheet}' không có cột 'Hình thức': các dòng có ghi 'Chức vụ' đã tính là "
            f"cá nhân; dòng không ghi chức vụ cần ghi rõ hình thức (Tập thể hoặc Cá nhân).{wrote} "
            "Đề nghị lần sau ghi hình thức ở từng dòng.")


def sheet_type_note(sheet: str, kind: str) -> str:
    """The line telling a unit that the rows of sheet ``sheet`` took type ``kind`` from the
    sheet's name."""
    return (f"Trang '{sheet}' không có cột 'Hình thức': các dòng đăng ký của trang đã lấy hình "
            f"thức '{kind}' theo tên trang. Đề nghị lần sau ghi hình thức ở từng dòng.")


def fields_from_subheadings(raw: pd.DataFrame, labels: pd.Series
                            ) -> tuple[pd.DataFrame, dict[int, list[int]]]:
    """``raw`` with an empty ``Lĩnh vực`` of a data row filled with the field of the nearest
    sub-heading above it (``I. LĨNH VỰC KINH TẾ``: a table grouped by field whose rows leave
    the column blank), and the rows filled by sub-heading row. A header row (a later table)
    ends a heading's reach; a type heading (``A. TẬP THỂ``) does not. ``raw``: index Excel
    rows; ``labels``: :func:`thidua.ingest.normalise.classify_rows`. ``raw`` is not modified."""
    form = [c for c in raw.columns if c in BY_NAME]
    if "field" not in raw or not (labels == "subheading").any():
        return raw, {}  # no field column: no header row either (it needs ``Lĩnh vực``)
    empty = raw["field"].map(clean_text) == ""
    current, heading = None, None
    filled: dict[int, list[int]] = {}
    codes: dict[int, str] = {}
    for row, label in labels.items():
        if label == "subheading":
            code = subheading_field([clean_text(v) for v in raw.loc[row, form].tolist()])
            if code:
                current, heading = code, row
        elif label == "header":
            current = heading = None
        elif label == "data" and current and empty[row]:
            filled.setdefault(heading, []).append(row)
            codes[heading] = current
    if not filled:
        return raw, {}
    raw = raw.copy()
    raw["field"] = raw["field"].astype("object")
    for heading, rows in filled.items():
        raw.loc[rows, "field"] = FIELDS[codes[heading]]
    return raw, filled


def subheading_note(raw: pd.DataFrame, filled: dict[int, list[int]]) -> str | None:
    """The line the unit reads about rows whose field came from a sub-heading, or ``None``:
    ``Dòng 6 đến 9: cột 'Lĩnh vực' để trống, đã lấy theo dòng 5 'I. LĨNH VỰC KINH TẾ'
    (Kinh tế); …``."""
    if not filled:
        return None
    parts = []
    for heading, rows in filled.items():
        text = " ".join(dict.fromkeys(t for t in (clean_text(v) for v in raw.loc[heading].tolist())
                                      if t))
        span = f"{rows[0]} đến {rows[-1]}" if len(rows) > 1 else f"{rows[0]}"
        parts.append(f"dòng {span} lấy theo dòng {heading} '{text}' ({raw.at[rows[0], 'field']})")
    return ("Cột 'Lĩnh vực' để trống, đã lấy lĩnh vực theo dòng tiêu đề nhóm: " + "; ".join(parts)
            + ". Đề nghị lần sau ghi lĩnh vực ở từng dòng.")
