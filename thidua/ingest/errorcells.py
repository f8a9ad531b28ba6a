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
from thidua.text import clean_text

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
