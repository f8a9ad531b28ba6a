"""Excel error values in form cells (``#N/A``, ``#REF!``, …): a formula that failed.

Source: ``spec/submission-form.md``, "Errors". The readers deliver an error as its text:
python-calamine reads an error cell of ``.xlsx``/``.xls``/``.ods`` as empty, so
:mod:`thidua.ingest.cells` puts the error's text back (``SheetFacts.errors``); a CSV (or a
text cell) holds the text itself. A form cell holding one rejects its row, naming the error as
the unit sees it: read as empty it would silently default (``#N/A`` in ``Kết quả`` counted as
``Chưa đánh giá``). ``Ghi chú`` too: the note is the unit's own text, printed in the report, and
a broken formula there means the row was not finished. ``STT`` (only a numbering) is exempt.
"""

from __future__ import annotations

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import by_value
from thidua.text import LOST_LETTER, clean_text

#: Every error value Excel shows in a cell (Excel 365 included).
ERROR_VALUES = frozenset({"#N/A", "#REF!", "#NULL!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!",
                          "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!",
                          "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#EXTERNAL!", "#PYTHON!"})
#: Form columns whose errors do not reject a row.
EXEMPT = frozenset({"stt"})


def is_error_value(value: object) -> bool:
    """Whether a cell holds an Excel error value (any case, spaces aside): ``#N/A``, ``#n/a``."""
    return isinstance(value, str) and clean_text(value).upper() in ERROR_VALUES


def error_cells(raw: pd.DataFrame) -> dict[tuple[int, str], str]:
    """``(Excel row, form column) → the error as shown`` (``#N/A``) for every form cell of
    ``raw`` (:func:`thidua.ingest.read.raw_rows` rows) holding an Excel error value, the
    columns of :data:`EXEMPT` aside."""
    found = {}
    for column in raw.columns:
        if column not in BY_NAME or column in EXEMPT:
            continue
        if not any(isinstance(v, str) and "#" in v for v in raw[column].to_numpy(dtype=object)):
            continue  # no error value without a "#": the common case, seen in one pass (issue 10)
        flags = by_value(raw[column], is_error_value, "bool")
        for row in raw.index[flags.to_numpy()]:
            found[(int(row), column)] = clean_text(raw.at[row, column]).upper()
    return found


def error_message(column: str, error: str) -> str:
    """``Ô 'Kết quả' có lỗi công thức #N/A: sửa công thức hoặc ghi giá trị.``"""
    return (f"Ô '{BY_NAME[column].header}' có lỗi công thức {error}: sửa công thức hoặc ghi giá "
            f"trị (cần {BY_NAME[column].expected}).")


#: The form's columns of free text, where a letter saved as ``?`` (:data:`thidua.text.LOST_LETTER`)
#: means the letters of the cell are lost, not a value to read.
TEXT_COLUMNS = ("model", "registrant", "position", "grassroots_union")


def lost_letter_cells(raw: pd.DataFrame) -> dict[tuple[int, str], str]:
    """``(Excel row, form column) → the text`` of every free-text cell of ``raw`` whose
    Vietnamese letters became ``?`` (``S?ng ki?n ti?t ki?m ?i?n``: a line saved in an
    encoding without them): such a row is rejected, never counted with ``?`` in its names
    (the fourth tester's F2; they feed the duplicate key and Phụ lục II)."""
    found = {}
    for column in TEXT_COLUMNS:
        if column not in raw:
            continue
        values = raw[column].to_numpy(dtype=object)
        if not any(isinstance(v, str) and "?" in v for v in values):
            continue  # no lost letter without a "?": the common case, seen in one pass
        flags = by_value(raw[column], lambda v: bool(LOST_LETTER.search(clean_text(v))), "bool")
        for row in raw.index[flags.to_numpy()]:
            found[(int(row), column)] = clean_text(raw.at[row, column])
    return found


def lost_letters_message(column: str) -> str:
    """The rejection of a cell of :func:`lost_letter_cells`."""
    return (f"Ô '{BY_NAME[column].header}' có chữ tiếng Việt bị mất (thành dấu '?'): dòng này được "
            f"lưu bằng bảng mã không có chữ tiếng Việt. Đề nghị gõ lại dòng này, lưu tệp dạng "
            f"'CSV UTF-8 (Comma delimited)' hoặc .xlsx rồi gửi lại.")
