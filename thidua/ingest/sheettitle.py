"""A sheet's own title block against its file's unit and year (an extension of
``spec/submission-form.md``, "Which unit and which year", for workbooks of several sheets).

The file's unit and year come from the first sheet counted (:mod:`thidua.ingest.identify`).
Every sheet counted is then read against them by its own title block: a sheet whose
``Mã đơn vị:`` line gives another unit, or whose ``Năm:`` line gives another year, holds another
unit's (or another year's) list pasted into the file: its data rows are rejected, each naming
the sheet, the code (year) read and the one expected, never counted for the file's unit. A
sheet naming the file's unit in any spelling (``q-dd``, ``Q DD``, full-width ``Ｑ－ＤＤ``,
:func:`thidua.ingest.identify.title_code`) agrees; a sheet without a title block, or whose
title names no code and no year, takes the file's. A later sheet whose title names no code
but another unit of the registry by its name (``LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH``,
:func:`thidua.ingest.identify.unit_by_name`) is another unit's list too: its rows are rejected
the same way, naming the line read; so is a later sheet whose title names no unit and whose
name is another unit's code or name (``Q-BD``, ``LĐLĐ Ba Đình``,
:func:`thidua.ingest.unitnames.unit_by_sheet_name`).
"""

from __future__ import annotations

import re

import pandas as pd

from thidua.ingest.identify import TitleBlock, parse_title, short_title_code, title_code, \
    unit_by_name
from thidua.ingest.unitnames import unit_by_sheet_name
from thidua.ingest.read import FileRejected
from thidua.ingest.rows import SheetData, title_rows
from thidua.text import foreign_letters_note, match_key


def sheet_title(sheet: SheetData, names: dict[str, str] | None = None
                ) -> tuple[TitleBlock, str | None]:
    """What ``sheet``'s own title block says (:func:`thidua.ingest.identify.parse_title`; with
    ``names``, code → registry name, a line under the header naming a unit is in it), and the
    reason it could not be read (a ``Năm:`` line that is not a year), else ``None``."""
    try:
        return parse_title(title_rows(sheet, tuple(sorted((names or {}).items())))), None
    except FileRejected as exc:
        return TitleBlock(), str(exc)


def _said(sheet: str, file: str) -> str:
    return f"Trang '{sheet}' của tệp {file}" if sheet else f"Tệp {file}"


def _named(title: TitleBlock, unit: str, names: dict[str, str]) -> tuple[str, str] | None:
    """``(line, code)`` of the title line naming another unit than ``unit`` by its registry
    name, when the title has no code; else ``None``."""
    if title.unit_code or not names or (code := unit_by_name(title.lines, names)) in (None, unit):
        return None
    line = next(t for t in title.lines if unit_by_name((t,), names) == code)
    return line, code


def _sheet_named(sheet: str, title: TitleBlock, unit: str, names: dict[str, str]) -> str | None:
    """The code of the other unit than ``unit`` a later sheet's name names (``Q-BD``, ``LĐLĐ
    Ba Đình``, :func:`thidua.ingest.unitnames.unit_by_sheet_name`) when its title names no
    unit (no code, no unit's name); else ``None``."""
    if title.unit_code or not names or not sheet or unit_by_name(title.lines, names):
        return None
    code = unit_by_sheet_name(sheet, names)
    return code if code not in (None, unit) else None


def _coded(title: TitleBlock, unit: str, known_codes: frozenset[str],
           names: dict[str, str] | None) -> str:
    """The code of the unit ``title``'s ``Mã đơn vị:`` line gives (it has one), in any
    spelling (:func:`thidua.ingest.identify.title_code`; ``DD`` in a file of ``Q-DD``:
    :func:`thidua.ingest.identify.short_title_code`), as read when it is none of
    ``known_codes``."""
    code = title_code(title.unit_code, known_codes, names)
    if code not in known_codes:  # ``Mã đơn vị: DD`` in a file of ``Q-DD``
        code = short_title_code(title, known_codes, names, {unit}) or code
    return code


def other_unit(sheet: SheetData, unit: str, known_codes: frozenset[str],
               names: dict[str, str] | None = None,
               code_names: dict[str, str] | None = None) -> str | None:
    """The code of the unit other than ``unit`` (the file's) that ``sheet``'s own title
    block or, without one, its name gives, by the rules :func:`title_rejections` rejects
    its rows by: its ``Mã đơn vị:`` line, else (with ``names``, a later sheet's) a registry
    unit named in its title (``LIÊN ĐOÀN LAO ĐỘNG QUẬN HOÀN KIẾM``), else its name (``Q-HK``,
    ``LĐLĐ Hoàn Kiếm``); ``None`` when it names ``unit`` or none. ``code_names``: as
    :func:`title_rejections` takes it."""
    title, _ = sheet_title(sheet, names)
    if title.unit_code:
        code = _coded(title, unit, known_codes, code_names or names)
        return code if code != unit else None
    if named := _named(title, unit, names or {}):
        return named[1]
    return _sheet_named(sheet.sheet, title, unit, names or {})


#: A sheet's name naming a year (``Năm 2023``, ``2023``, ``DS 2023``, ``ĐK_2023``) or
#: last year (``Năm trước``, ``Năm cũ``), as a match key.
_NAMED_YEAR = re.compile(r"(?<!\d)((?:19|20|21)\d{2})(?!\d)|\bnam (?:truoc|cu|ngoai)\b")


def named_year(name: str, year: int) -> int | None:
    """The year a sheet's name gives when it is not ``year``: ``Năm 2023`` → 2023, ``Năm
    trước`` → ``year - 1``; ``None`` for a name naming ``year`` (``Năm 2024``, ``2023-2024``
    holds it), none, or several other years."""
    found = _NAMED_YEAR.findall(match_key(name))
    if not found:
        return None
    years = {int(y) if y else year - 1 for y in found}
    return years.pop() if len(years) == 1 and year not in years else None


def sheets_of_other_years(names: list[str], year: int) -> dict[str, int]:
    """Sheet name → the other year it names (:func:`named_year`), only when at least one other
    sheet of the file names no other year: last year's list kept beside this year's (tester
    B's case 156: counted as this year's). A workbook whose every sheet names another year is
    left to its title block and the folder (a unit that reused last year's file and its tab
    names)."""
    other = {n: y for n in names if (y := named_year(n, year)) is not None}
    return other if len(other) < len(names) else {}


def title_rejections(sheet: SheetData, rows: pd.Index, *, unit: str, year: int,
                     known_codes: frozenset[str], file: str,
                     names: dict[str, str] | None = None,
                     name_year: int | None = None,
                     code_names: dict[str, str] | None = None) -> list[dict]:
    """Rejection records (``file, sheet, row, column, value, error``: ``column`` ``Mã đơn vị``
    or ``Năm``, ``value`` the title's line) of each data row of ``rows`` (Excel rows) when
    ``sheet``'s title block gives another unit than ``unit`` or another year than ``year``
    (module doc), or, with ``names`` (code → registry name; a later sheet's), names another
    unit without a code; or, with ``name_year`` (:func:`sheets_of_other_years`), when its
    name names another year and its title block names none; ``[]`` when it agrees or says
    neither. ``code_names`` (code → registry name, any sheet's): a unit's name after the
    title's ``Mã đơn vị:`` is that unit's code (:func:`thidua.ingest.identify.title_code`)."""
    title, unreadable = sheet_title(sheet, names)
    where = _said(sheet.sheet, file)
    found: list[tuple[str, str, str]] = []  # (column, value, error)
    if named := _named(title, unit, names or {}):
        line, code = named
        found.append(("Mã đơn vị", line,
                      f"{where} ghi '{line}' ở tiêu đề (đơn vị '{code}' trong danh mục), khác "
                      f"đơn vị của tệp '{unit}': các dòng của trang này không được tính cho đơn "
                      f"vị '{unit}'. Mỗi tệp chỉ của một đơn vị: nếu đây là danh sách của đơn vị "
                      f"'{unit}', đề nghị ghi 'Mã đơn vị: {unit}' ở tiêu đề trang, hoặc gửi trang "
                      f"này trong tệp của đơn vị '{code}'."))
    if code := _sheet_named(sheet.sheet, title, unit, names or {}):
        found.append(("Mã đơn vị", sheet.sheet,
                      f"{where} mang tên '{sheet.sheet}' (đơn vị '{code}' trong danh mục), khác "
                      f"đơn vị của tệp '{unit}', và không có tiêu đề riêng: các dòng của trang "
                      f"này không được tính cho đơn vị '{unit}'. Nếu đây là danh sách của đơn vị "
                      f"'{unit}', đề nghị đổi tên trang hoặc ghi 'Mã đơn vị: {unit}' ở tiêu đề "
                      f"trang; nếu là của đơn vị '{code}', đề nghị gửi trang này trong tệp của "
                      f"đơn vị đó."))
    if title.unit_code:
        code = _coded(title, unit, known_codes, code_names or names)
        if code != unit:
            elsewhere = (f", hoặc gửi trang này trong tệp của đơn vị '{code}'"
                         if code in known_codes else "")
            said = title.code_text or f"Mã đơn vị: {title.unit_code}"  # as the file holds it
            found.append(("Mã đơn vị", said,
                          f"{where} ghi '{said}' ở tiêu đề, khác mã đơn vị "
                          f"của tệp '{unit}': các dòng của trang này không được tính cho đơn vị "
                          f"'{unit}'. Mỗi tệp chỉ của một đơn vị: nếu đây là danh sách của đơn "
                          f"vị '{unit}', đề nghị sửa tiêu đề trang thành 'Mã đơn vị: {unit}'"
                          f"{elsewhere}.{foreign_letters_note(title.unit_code)}"))
    if title.year is not None and title.year != year:
        said = title.year_text or f"Năm: {title.year}"  # the ``Năm:`` line or the heading
        fixed = re.sub(rf"(?<!\d){title.year}(?!\d)", str(year), said)
        found.append(("Năm", said,
                      f"{where} ghi '{said}' ở tiêu đề, khác năm báo cáo của tệp "
                      f"({year}): các dòng của trang này không được tính cho năm {year}. Nếu "
                      f"đây là đăng ký năm {year}, đề nghị sửa tiêu đề trang thành "
                      f"'{fixed}'; nếu là danh sách năm {title.year}, đề nghị bỏ trang này khỏi "
                      f"tệp."))
    if name_year is not None and title.year is None and not title.year_span and not unreadable:
        found.append(("Năm", sheet.sheet,
                      f"{where} mang tên '{sheet.sheet}' (năm {name_year}), khác năm báo cáo của "
                      f"tệp ({year}), và không có tiêu đề riêng: các dòng của trang này không "
                      f"được tính cho năm {year}. Nếu đây là đăng ký năm {year}, đề nghị đổi tên "
                      f"trang hoặc ghi 'Năm: {year}' ở tiêu đề trang; nếu là danh sách năm "
                      f"{name_year}, đề nghị bỏ trang này khỏi tệp."))
    if unreadable:
        found.append(("Năm", "", f"{where}: {unreadable[:1].lower()}{unreadable[1:]} Các dòng "
                                 f"của trang này không được tính."))
    return [{"file": file, "sheet": sheet.sheet, "row": int(row), "column": column,
             "value": value, "error": error}
            for row in rows for column, value, error in found]
