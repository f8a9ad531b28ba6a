"""Unit codes as units write them (``spec/submission-form.md``, "Which unit and which
year"): a code in any case, with any separator, in full-width or look-alike letters, read as
the registry's; and a ``Mã đơn vị`` column whose cells differ (the file's code is the code of
more than half of them, the other rows are rejected alone)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from thidua.ingest.columnar import by_value
from thidua.ingest.errorcells import is_error_value
from thidua.ingest.workbook import FileRejected
from thidua.text import clean_text, fold_code, foreign_letters_note, match_key


def _code_key(text: str) -> str:
    """A unit code without case, diacritics, ``Đ``'s stroke, spaces or punctuation:
    ``q.bđ``, ``Q BD``, ``Q–BD`` and ``QBD`` all give ``QBD``."""
    return re.sub(r"[^A-Z0-9]", "", match_key(text).upper())


def registry_code(text: str, known_codes: set[str] | frozenset[str]) -> str | None:
    """The registry code a unit wrote, in any case and with any separator (``q-bd``,
    ``Q.BD``, ``Q BD``, ``Q_BD``, ``Q–BD``, ``QBD``, ``Q-BĐ``, full-width ``Ｑ－ＢＤ``, ``Q-ВD`` with
    a Cyrillic ``В`` → ``Q-BD``, :func:`thidua.text.fold_code`): the one code of
    ``known_codes`` with the same :func:`_code_key`, else ``None`` (none, or two codes that
    differ only by separators) (``spec/submission-form.md``, "Which unit and which year")."""
    text = fold_code(text).upper()
    if text in known_codes:
        return text
    key = _code_key(text)
    found = [c for c in known_codes if _code_key(c) == key] if key else []
    return found[0] if len(found) == 1 else None


def _column_code(value: object, known_codes: set[str] | frozenset[str]) -> str:
    """The code a ``Mã đơn vị`` cell gives: its registry code (:func:`registry_code`), else
    its text folded (:func:`thidua.text.fold_code`) in upper case; ``""`` for an empty cell or
    an Excel error value (``#N/A``: rejected as such, :mod:`thidua.ingest.errorcells`)."""
    text = clean_text(value)
    if not text or is_error_value(text):
        return ""
    return registry_code(text, known_codes) or fold_code(text).upper()


def _rows_said(rows: list[int]) -> str:
    return ", ".join(map(str, rows[:10])) + (", …" if len(rows) > 10 else "")


def _where_said(places: pd.Index) -> str:
    """The rows of one code: ``dòng 2, 3`` (index of Excel rows, or ``(sheet, row)`` pairs of
    one sheet), or each sheet's rows prefixed by its name when the pairs span several sheets,
    in workbook order: ``Trang 'Tập thể': dòng 2, 3; Trang 'Cá nhân': dòng 4``."""
    if places.nlevels == 1:
        return f"dòng {_rows_said([int(r) for r in places])}"
    sheets = list(dict.fromkeys(places.get_level_values(0)))
    return "; ".join(f"Trang '{sheet}': dòng "
                     f"{_rows_said([int(r) for s, r in places if s == sheet])}" for sheet in sheets)


def column_unit(column_codes: pd.Series, known_codes: set[str]) -> str | None:
    """The unit code of a file's ``Mã đơn vị`` column: the code more than half of its
    filled cells give (``spec/submission-form.md``, "Which unit and which year"); ``None``
    when no cell is filled, or when no code has more than half of them and none is of
    ``known_codes`` (a district's own codes of its grassroots unions, ``HK-001``…: the column
    names no unit; told, :func:`thidua.ingest.identify.code_note`). ``column_codes``: the column's cells on data rows, in workbook
    order (index: Excel row, or ``(sheet, Excel row)`` pairs for a file of several sheets).
    Raises :class:`FileRejected` when no code has more than half of them (half ``Q-BD``, half
    ``Q-DB``) and one is a unit's, naming each code and its rows, each sheet's rows prefixed ``Trang '<sheet>':``
    when they span several sheets: a file is one unit's."""
    codes = by_value(column_codes.dropna(), lambda v: _column_code(v, known_codes))
    codes = codes[codes != ""]
    if codes.empty:
        return None
    counts = codes.value_counts(sort=False)
    first = {code: int(np.argmax((codes == code).to_numpy())) for code in counts.index}
    counts = counts.loc[sorted(counts.index, key=lambda c: (-counts[c], first[c]))]
    if counts.iloc[0] * 2 > len(codes):
        return str(counts.index[0])
    if not any(code in known_codes for code in counts.index):
        return None  # no unit's code at all (``HK-001``…: a grassroots union's own)
    several = codes.index.nlevels > 1 and codes.index.get_level_values(0).nunique() > 1
    places = codes.index if several else pd.Index(codes.index.get_level_values(-1))
    said = "; ".join(f"{code} ({_where_said(places[(codes == code).to_numpy()])})"
                     for code in counts.index)
    raise FileRejected(f"Cột 'Mã đơn vị' có nhiều mã khác nhau, không mã nào chiếm quá nửa số "
                       f"dòng: {said}; mỗi tệp chỉ của một đơn vị: đề nghị sửa mã cho đúng hoặc "
                       f"tách thành tệp riêng của từng đơn vị.")


def code_rejections(column_codes: pd.Series, unit: str, known_codes: set[str], file: str,
                    sheet: str) -> list[dict]:
    """Rejection records (``file, sheet, row, column, value, error``) of the data rows whose
    ``Mã đơn vị`` gives another code than the file's ``unit`` (:func:`column_unit`): each is
    rejected alone, the others count (``spec/submission-form.md``, "Which unit and which
    year"). ``column_codes``: as :func:`column_unit`."""
    records: list[dict] = []
    values = column_codes.dropna()
    if not any(_column_code(v, known_codes) in known_codes for v in values.unique()):
        return records  # no unit's code in the column: not read as units (:func:`column_unit`)
    for row, value in values.items():
        code = _column_code(value, known_codes)
        if not code or code == unit:
            continue
        elsewhere = (f", hoặc gửi dòng này trong tệp của đơn vị '{code}'"
                     if code in known_codes else "")
        records.append({"file": file, "sheet": sheet, "row": int(row), "column": "Mã đơn vị",
                        "value": clean_text(value),
                        "error": f"Mã đơn vị '{clean_text(value)}' khác mã của tệp '{unit}' "
                                 f"(mã của hơn nửa số dòng); mỗi tệp chỉ của một đơn vị: đề nghị "
                                 f"sửa thành '{unit}'{elsewhere}."
                                 f"{foreign_letters_note(value)}"})
    return records
