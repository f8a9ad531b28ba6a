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
from thidua.text import clean_text, fold_code, foreign_letters_note, match_key, rows_said


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


def short_codes(text: str, known_codes: set[str] | frozenset[str]) -> list[str]:
    """The registry codes ``text`` is written for without their prefix (``DD`` → ``Q-DD``,
    ``GD`` → ``N-GD``; ``HD`` → ``H-HD`` and ``Q-HD``: two), sorted: codes of ``known_codes``
    whose part after their first ``-`` has the same :func:`_code_key`. ``[]`` when ``text``
    is itself a registry code (:func:`registry_code`) or holds no letter or digit. The spec's
    own example writes ``Mã đơn vị: DD`` (``spec/submission-form.md``, "Title block"; fresh
    tester W's W504, W505, W509: the whole file was rejected). Only a text written as a code
    is read so: one word in capitals (``Đống Đa``, a place's name, is no ``P-DONGDA``: W512)."""
    written = fold_code(clean_text(text))
    key = _code_key(written)
    if not key or " " in written or written != written.upper() or registry_code(text, known_codes):
        return []
    return sorted(c for c in known_codes if "-" in c and _code_key(c.split("-", 1)[1]) == key)


def _column_code(value: object, known_codes: set[str] | frozenset[str]) -> str:
    """The code a ``Mã đơn vị`` cell gives: its registry code (:func:`registry_code`), the
    code of the unit whose grassroots union's code it is (``Q-HK-02`` → ``Q-HK``), else its
    text folded (:func:`thidua.text.fold_code`) in upper case; ``""`` for an empty cell or
    an Excel error value (``#N/A``: rejected as such, :mod:`thidua.ingest.errorcells`)."""
    text = clean_text(value)
    if not text or is_error_value(text):
        return ""
    short = short_codes(text, known_codes)
    return registry_code(text, known_codes) or _parent_code(text, known_codes) \
        or (short[0] if len(short) == 1 else fold_code(text).upper())


#: A unit's code, then a number: the code a unit gives one of its grassroots unions (``Q-HK-02``,
#: ``Q-HK.02``, ``Q-HK 2``).
_SUB_CODE = re.compile(r"^(.+?)[\s._\-–/]+(\d{1,4}[A-Z]?)$")


def _parent_code(text: str, known_codes: set[str] | frozenset[str]) -> str | None:
    """The registry code whose grassroots union's code ``text`` is (``Q-HK-02`` → ``Q-HK``:
    that unit's row, as its own code is), else ``None``."""
    found = _SUB_CODE.match(fold_code(text).upper())
    return registry_code(found[1], known_codes) if found else None


def _where_said(places: pd.Index) -> str:
    """The rows of one code: ``dòng 2, 3`` (index of Excel rows, or ``(sheet, row)`` pairs of
    one sheet), or each sheet's rows prefixed by its name when the pairs span several sheets,
    in workbook order: ``Trang 'Tập thể': dòng 2, 3; Trang 'Cá nhân': dòng 4``."""
    if places.nlevels == 1:
        return f"dòng {rows_said([int(r) for r in places])}"
    sheets = list(dict.fromkeys(places.get_level_values(0)))
    return "; ".join(f"Trang '{sheet}': dòng "
                     f"{rows_said([int(r) for s, r in places if s == sheet])}" for sheet in sheets)


def unit_shaped(code: str, known_codes: set[str] | frozenset[str]) -> bool:
    """Whether a ``Mã đơn vị`` cell's code (:func:`_column_code`) may be a unit's: a code of
    ``known_codes``, or a registry kind's prefix then a dash (``Q-DB``, ``Q-ДD``: a typo of
    some unit's code). A district's own code of a grassroots union (``HK-001``), a number or
    a word (``xyz``) names no unit: it does not vote for the file's unit, and its row is
    counted for the file's unit (told, :func:`thidua.ingest.identify.code_note`)."""
    if code in known_codes:
        return True
    prefix, dash, _ = code.partition("-")
    return bool(dash) and prefix in {c.partition("-")[0] for c in known_codes if "-" in c}


def _codes(column_codes: pd.Series, known_codes: set[str] | frozenset[str]) -> pd.Series:
    """The filled cells' codes (:func:`_column_code`), empty and error cells dropped."""
    codes = by_value(column_codes.dropna(), lambda v: _column_code(v, known_codes))
    return codes[codes != ""]


def column_gives_way(column_codes: pd.Series, known_codes: set[str] | frozenset[str]) -> bool:
    """Whether the ``Mã đơn vị`` column gives way to the title's or the file name's unit: at
    most half of its filled cells hold a code that may be a unit's (:func:`unit_shaped`;
    ``HK-001``, ``HK-002`` and one ``Q-BD``: a district's own codes, one row of another
    unit's, rejected alone by :func:`code_rejections`). ``column_codes``: as
    :func:`column_unit`."""
    codes = _codes(column_codes, known_codes)
    shaped = by_value(codes, lambda c: unit_shaped(c, known_codes)).astype(bool)
    return int(shaped.sum()) * 2 <= len(codes)


def column_typed(column_codes: pd.Series, code: str, known_codes: set[str] | frozenset[str]) -> str:
    """``code`` (as :func:`column_unit` gives it, folded in upper case) as the unit typed it
    in the ``Mã đơn vị`` column: the first filled cell reading as it (``LĐLĐ quận Đống Đa``,
    not ``LĐLĐ QUẬN ĐỐNG ĐA``), to quote in a message; ``code`` when no cell does.
    ``column_codes``: as :func:`column_unit`."""
    for value in column_codes.dropna():
        if _column_code(value, known_codes) == code:
            return clean_text(value)
    return code


def column_unit(column_codes: pd.Series, known_codes: set[str]) -> str | None:
    """The unit code of a file's ``Mã đơn vị`` column: the code more than half of its
    filled cells give (``spec/submission-form.md``, "Which unit and which year"), the cells
    naming no unit (:func:`unit_shaped`: ``HK-001``…) not counted when a cell holds a code of
    ``known_codes``; ``None`` when no cell is filled, or when no code has more than half of
    them and none is of ``known_codes`` (a district's own codes of its grassroots unions,
    ``HK-001``…: the column names no unit; told, :func:`thidua.ingest.identify.code_note`).
    ``column_codes``: the column's cells on data rows, in workbook
    order (index: Excel row, or ``(sheet, Excel row)`` pairs for a file of several sheets).
    Raises :class:`FileRejected` when no code has more than half of them (half ``Q-BD``, half
    ``Q-DB``) and one is a unit's, naming each code and its rows, each sheet's rows prefixed ``Trang '<sheet>':``
    when they span several sheets: a file is one unit's."""
    codes = _codes(column_codes, known_codes)
    if codes.empty:
        return None
    if codes.isin(list(known_codes)).any():  # ``HK-001`` beside ``Q-HK``: only unit codes vote
        codes = codes[by_value(codes, lambda c: unit_shaped(c, known_codes)).astype(bool)]
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
                    sheet: str, written: pd.Series | None = None) -> list[dict]:
    """Rejection records (``file, sheet, row, column, value, error``) of the data rows whose
    ``Mã đơn vị`` gives another code than the file's ``unit`` that may be a unit's
    (:func:`unit_shaped`): each is rejected alone, the others count (``spec/submission-form.md``,
    "Which unit and which year"); a cell naming no unit (``HK-001``) is not another unit's.
    ``column_codes``: as :func:`column_unit`; ``written``: the same cells as typed, quoted in
    the messages, when ``column_codes`` reads some otherwise (a unit's name read as its code,
    :func:`thidua.ingest.unitcolumn.unit_names_as_codes`); default ``column_codes``."""
    records: list[dict] = []
    written = column_codes if written is None else written
    values = column_codes.dropna()
    if not any(_column_code(v, known_codes) in known_codes for v in values.unique()):
        return records  # no unit's code in the column: not read as units (:func:`column_unit`)
    codes = _codes(values, known_codes)
    shaped = codes[by_value(codes, lambda c: unit_shaped(c, known_codes)).astype(bool)]
    why = " (mã của hơn nửa số dòng)" if int((shaped == unit).sum()) * 2 > len(shaped) else ""
    for row, code in shaped[shaped != unit].items():
        value = clean_text(written[row])
        elsewhere = (f", hoặc gửi dòng này trong tệp của đơn vị '{code}'"
                     if code in known_codes else "")
        records.append({"file": file, "sheet": sheet, "row": int(row), "column": "Mã đơn vị",
                        "value": value,
                        "error": f"Mã đơn vị '{value}' khác mã của tệp '{unit}'{why}; mỗi tệp "
                                 f"chỉ của một đơn vị: đề nghị sửa thành '{unit}'{elsewhere}."
                                 f"{foreign_letters_note(written[row])}"})
    return records


def nameless_note(column_codes: pd.Series, unit: str, known_codes: set[str]) -> str | None:
    """The line telling a unit that some ``Mã đơn vị`` cells name no unit (:func:`unit_shaped`:
    ``HK-001``, ``xyz``) while others hold a unit's code, and that their rows were counted for
    the file's ``unit``, naming up to three of them; ``None`` otherwise (a column naming no
    unit at all is told by :func:`thidua.ingest.identify.code_note`). ``column_codes``: as
    :func:`column_unit`."""
    codes = _codes(column_codes, known_codes)
    if not codes.isin(list(known_codes)).any():
        return None
    nameless = codes[~by_value(codes, lambda c: unit_shaped(c, known_codes)).astype(bool)]
    if nameless.empty:
        return None
    written = list(dict.fromkeys(clean_text(column_codes[place]) for place in nameless.index))
    shown = ", ".join(repr(t) for t in written[:3]) + (", …" if len(written) > 3 else "")
    return (f"Cột 'Mã đơn vị' ghi {shown} ở {len(nameless)} dòng, không phải mã đơn vị trong "
            f"danh mục: các dòng này đã tính cho đơn vị '{unit}' của tệp. Nếu cột ghi mã riêng "
            f"của công đoàn cơ sở, đề nghị đổi tiêu đề cột (ví dụ 'Mã CĐCS') hoặc ghi '{unit}'.")
