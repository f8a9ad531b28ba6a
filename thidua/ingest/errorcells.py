"""Excel error values in form cells (``#N/A``, ``#REF!``, …): a formula that failed.

Source: ``spec/submission-form.md``, "Errors". The readers deliver an error as its text:
python-calamine reads an error cell of ``.xlsx``/``.xls``/``.ods`` as empty, so
:mod:`thidua.ingest.cells` puts the error's text back (``SheetFacts.errors``); a CSV (or a
text cell) holds the text itself. A form cell holding one rejects its row, naming the error as
the unit sees it: read as empty it would silently default (``#N/A`` in ``Kết quả`` counted as
``Chưa đánh giá``). ``STT`` (only a numbering) is exempt; in the optional free-text columns
(``Ghi chú``, ``Công đoàn cơ sở``: :data:`OPTIONAL_TEXT`) the error is read as empty, the row
counted and the unit told (fresh tester G's 303: a ``VLOOKUP`` remark that found nothing says
nothing about the registration).
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import by_value
from thidua.ingest.rejections import shorten
from thidua.ingest.salvage import LOST_STRING
from thidua.text import LOST_LETTER, clean_text

#: Every error value Excel shows in a cell (Excel 365 included).
ERROR_VALUES = frozenset({"#N/A", "#REF!", "#NULL!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!",
                          "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!",
                          "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!"})
#: The error codes LibreOffice and OpenOffice show in a cell (``Err:502``, invalid argument;
#: ``Err:508``, a bracket missing; their CSV and ``.ods`` keep the text), and Google Sheets'
#: ``#ERROR!``.
OTHER_ERRORS = re.compile(r"ERR:?\s?5\d\d|#ERROR!")
#: Form columns whose errors do not reject a row.
EXEMPT = frozenset({"stt"})
#: The optional free-text columns: an error there (a ``VLOOKUP`` remark that found nothing)
#: says nothing about the registration, so the row counts with the cell read as empty, and the
#: unit is told (:func:`kept_errors_note`; fresh tester G's 303). Required and coded columns
#: (and ``Chức vụ``, required of an individual) still reject.
OPTIONAL_TEXT = frozenset({"note", "grassroots_union"})


def is_error_value(value: object) -> bool:
    """Whether a cell holds an Excel error value (any case, spaces aside): ``#N/A``, ``#n/a``;
    or another program's (:data:`OTHER_ERRORS`: ``Err:502``, ``#ERROR!``)."""
    if not isinstance(value, str):
        return False
    text = clean_text(value).upper()
    return text in ERROR_VALUES or OTHER_ERRORS.fullmatch(text) is not None


def is_unsaved_formula(value: object) -> bool:
    """Whether a cell holds a formula as text: a formula saved without its result
    (:func:`thidua.ingest.read.parse_sheets` writes its text, ``=IF(J9="Tiêu biểu",…)``;
    an ``.xls``'s ``=``), or a CSV cell holding one (nothing computed it either)."""
    return isinstance(value, str) and value.lstrip().startswith("=")


def _kept(value: object) -> bool:
    return is_error_value(value) or is_unsaved_formula(value)


def error_cells(raw: pd.DataFrame, optional: bool = False) -> dict[tuple[int, str], str]:
    """``(Excel row, form column) → the error as shown`` (``#N/A``) for every form cell of
    ``raw`` (:func:`thidua.ingest.read.raw_rows` rows) holding an Excel error value, the
    columns of :data:`EXEMPT` and :data:`OPTIONAL_TEXT` aside; with ``optional``, those of
    :data:`OPTIONAL_TEXT` only (read as empty, told), a formula saved without its result
    (:func:`is_unsaved_formula`: ``Ghi chú`` ``=IF(…)`` from a script, fresh tester M's M028:
    the whole file had been rejected) too, as its text."""
    found = {}
    for column in raw.columns:
        if column not in BY_NAME or column in EXEMPT or (column in OPTIONAL_TEXT) != optional:
            continue
        marks = ("#", "rr:", "RR:", "=") if optional else ("#", "rr:", "RR:")
        if not any(isinstance(v, str) and any(m in v for m in marks)
                   for v in raw[column].to_numpy(dtype=object)):
            continue  # no error value without a "#" (or ``Err:``): the common case (issue 10)
        flags = by_value(raw[column], _kept if optional else is_error_value, "bool")
        for row in raw.index[flags.to_numpy()]:
            text = clean_text(raw.at[row, column])
            found[(int(row), column)] = text.upper() if text.startswith("#") else text
    return found


def error_message(column: str, error: str) -> str:
    """``Ô 'Kết quả' có lỗi công thức #N/A: sửa công thức hoặc ghi giá trị.``"""
    return (f"Ô '{BY_NAME[column].header}' có lỗi công thức {error}: sửa công thức hoặc ghi giá "
            f"trị (cần {BY_NAME[column].expected}).")


def kept_errors_note(found: dict[tuple[int, str], str], rows: list[int],
                     headers: dict[str, str] | None = None) -> str | None:
    """The note telling a unit which optional cells holding an error value were read as empty
    (``found``: :func:`error_cells` with ``optional``; ``rows``: the Excel rows counted;
    ``headers``: the unit's own headers), ``None`` when none."""
    kept = sorted((r, c, e) for (r, c), e in found.items() if r in set(rows))
    if not kept:
        return None
    said = []
    for column in dict.fromkeys(c for _, c, _ in kept):
        header = (headers or {}).get(column) or BY_NAME[column].header
        for unsaved in (False, True):
            cells = [(r, e) for r, c, e in kept if c == column and is_unsaved_formula(e) == unsaved]
            if not cells:
                continue
            what = (f"công thức chưa được lưu kết quả ({shorten(cells[0][1])}; mở tệp bằng "
                    f"Excel hoặc LibreOffice rồi lưu lại để lưu cả kết quả)" if unsaved else
                    f"lỗi công thức {', '.join(dict.fromkeys(e for _, e in cells))}")
            said.append(f"Ô '{header}' có {what} ở dòng {', '.join(str(r) for r, _ in cells)}: "
                        f"đã coi như để trống, dòng vẫn được tính.")
    return " ".join(said) + " Đề nghị sửa công thức hoặc xóa ô đó."


#: The form's columns of free text, where a letter saved as ``?`` (:data:`thidua.text.LOST_LETTER`)
#: means the letters of the cell are lost, not a value to read.
TEXT_COLUMNS = ("model", "registrant", "position", "grassroots_union")


#: A web address (``https://…``, ``www.…``, ``zalo.me/…``): its ``?`` starts a query.
_ADDRESS = re.compile(r"(?:\w+://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)+/\S*", re.IGNORECASE)


#: Vietnamese letters a Western code page (Windows-1252, Latin-1, the DOS ones) lacks: a text
#: saved through one holds none of them.
_BEYOND_WESTERN = re.compile("[ăđơưĩũĂĐƠƯĨŨ\u1ea0-\u1ef9]")


def has_lost_letters(value: object, native: bool = False) -> bool:
    """Whether a cell's ``?`` stand for Vietnamese letters an encoding could not hold
    (:data:`thidua.text.LOST_LETTER`: ``S?ng ki?n``): a ``?`` between letters outside a web
    address (``Xem tại https://a.vn/a?b=1``); with ``native`` (a cell of a workbook, whose text
    is Unicode), in a text holding no letter such an encoding lacks: a cell that kept ``ơ``,
    ``ạ``, ``đ`` … was not saved through one, so its ``?`` is a question mark (``Hỏi?Đáp pháp
    luật``). Fresh tester M's M089, M097: such registrations were rejected. A CSV's text, read
    through a guessed code page, is judged by its ``?`` alone."""
    text = clean_text(value)
    if not LOST_LETTER.search(text) or not LOST_LETTER.search(_ADDRESS.sub(" ", text)):
        return False
    return not native or _BEYOND_WESTERN.search(text) is None  # one kept: nothing was lost


def lost_letter_cells(raw: pd.DataFrame, native: bool = False) -> dict[tuple[int, str], str]:
    """``(Excel row, form column) → the text`` of every free-text cell of ``raw`` whose
    Vietnamese letters became ``?`` (``S?ng ki?n ti?t ki?m ?i?n``: a line saved in an
    encoding without them): such a row is rejected, never counted with ``?`` in its names
    (the fourth tester's F2; they feed the duplicate key and Phụ lục II). ``native``: the cells
    are a workbook's (:func:`has_lost_letters`)."""
    found = {}
    for column in TEXT_COLUMNS:
        if column not in raw:
            continue
        values = raw[column].to_numpy(dtype=object)
        if not any(isinstance(v, str) and "?" in v for v in values):
            continue  # no lost letter without a "?": the common case, seen in one pass
        flags = by_value(raw[column], lambda v: has_lost_letters(v, native), "bool")
        for row in raw.index[flags.to_numpy()]:
            found[(int(row), column)] = clean_text(raw.at[row, column])
    return found


def lost_letters_message(column: str) -> str:
    """The rejection of a cell of :func:`lost_letter_cells`."""
    return (f"Ô '{BY_NAME[column].header}' có chữ tiếng Việt bị mất (thành dấu '?'): dòng này được "
            f"lưu bằng bảng mã không có chữ tiếng Việt. Đề nghị gõ lại dòng này, lưu tệp dạng "
            f"'CSV UTF-8 (Comma delimited)' hoặc .xlsx rồi gửi lại.")


def lost_string_cells(raw: pd.DataFrame) -> dict[tuple[int, str], str]:
    """``(Excel row, form column) → the cell's reference`` (``J15``; ``""`` when the file gave
    none) of every form cell of ``raw`` whose text is lost in the file: an ``.xlsx`` cell
    pointing at a shared string the file does not hold, read as
    :data:`thidua.ingest.salvage.LOST_STRING` (:func:`thidua.ingest.salvage.with_lost_strings`).
    Such a row is rejected (:func:`lost_string_message`), never counted with the cell read as
    empty (``Kết quả`` would silently default to ``Chưa đánh giá``); ``STT`` aside
    (:data:`EXEMPT`, only a numbering). Fresh tester AA's AA49; ``spec/submission-form.md``,
    "Errors"."""
    found = {}
    for column in raw.columns:
        if column not in BY_NAME or column in EXEMPT:
            continue
        for row, value in raw[column].items():
            if isinstance(value, str) and value.startswith(LOST_STRING):
                found[(int(row), column)] = value[len(LOST_STRING):].strip()
    return found


def lost_string_message(column: str, ref: str, header: str | None = None) -> str:
    """The rejection of a cell of :func:`lost_string_cells`: ``Ô 'Kết quả' (J15) bị mất chữ
    trong tệp: …``, the column as the unit's header names it when given."""
    where = f" ({ref})" if ref else ""
    return (f"Ô '{header or BY_NAME[column].header}'{where} bị mất chữ trong tệp: ô trỏ tới "
            f"một chữ không có trong bảng chữ dùng chung của tệp (sharedStrings.xml), nên "
            f"không biết ô ghi gì. Đề nghị gõ lại nội dung ô này rồi lưu tệp và gửi lại.")
