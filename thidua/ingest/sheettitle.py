"""A sheet's own title block against its file's unit and year (an extension of
``spec/submission-form.md``, "Which unit and which year", for workbooks of several sheets).

The file's unit and year come from the first sheet counted (:mod:`thidua.ingest.identify`).
Every sheet counted is then read against them by its own title block: a sheet whose
``Mã đơn vị:`` line gives another unit, or whose ``Năm:`` line gives another year, holds another
unit's (or another year's) list pasted into the file: its data rows are rejected, each naming
the sheet, the code (year) read and the one expected, never counted for the file's unit. A
sheet naming the file's unit in any spelling (``q-dd``, ``Q DD``, full-width ``Ｑ－ＤＤ``,
:func:`thidua.ingest.identify.title_code`) agrees; a sheet without a title block, or whose
title names no code and no year, takes the file's. A unit named only by its name in a title is
not read against a code (as on the first sheet, a name counts only when a file has no code).
"""

from __future__ import annotations

import pandas as pd

from thidua.ingest.identify import TitleBlock, parse_title, title_code
from thidua.ingest.read import FileRejected
from thidua.ingest.rows import SheetData, title_rows
from thidua.text import foreign_letters_note


def sheet_title(sheet: SheetData) -> tuple[TitleBlock, str | None]:
    """What ``sheet``'s own title block says (:func:`thidua.ingest.identify.parse_title`),
    and the reason it could not be read (a ``Năm:`` line that is not a year), else ``None``."""
    try:
        return parse_title(title_rows(sheet)), None
    except FileRejected as exc:
        return TitleBlock(), str(exc)


def _said(sheet: str, file: str) -> str:
    return f"Trang '{sheet}' của tệp {file}" if sheet else f"Tệp {file}"


def title_rejections(sheet: SheetData, rows: pd.Index, *, unit: str, year: int,
                     known_codes: frozenset[str], file: str) -> list[dict]:
    """Rejection records (``file, sheet, row, column, value, error``: ``column`` ``Mã đơn vị``
    or ``Năm``, ``value`` the title's line) of each data row of ``rows`` (Excel rows) when
    ``sheet``'s title block gives another unit than ``unit`` or another year than ``year``
    (module doc); ``[]`` when it agrees or says neither."""
    title, unreadable = sheet_title(sheet)
    where = _said(sheet.sheet, file)
    found: list[tuple[str, str, str]] = []  # (column, value, error)
    if title.unit_code:
        code = title_code(title.unit_code, known_codes)
        if code != unit:
            elsewhere = (f", hoặc gửi trang này trong tệp của đơn vị '{code}'"
                         if code in known_codes else "")
            found.append(("Mã đơn vị", f"Mã đơn vị: {title.unit_code}",
                          f"{where} ghi 'Mã đơn vị: {title.unit_code}' ở tiêu đề, khác mã đơn vị "
                          f"của tệp '{unit}': các dòng của trang này không được tính cho đơn vị "
                          f"'{unit}'. Mỗi tệp chỉ của một đơn vị: nếu đây là danh sách của đơn "
                          f"vị '{unit}', đề nghị sửa tiêu đề trang thành 'Mã đơn vị: {unit}'"
                          f"{elsewhere}.{foreign_letters_note(title.unit_code)}"))
    if title.year is not None and title.year != year:
        found.append(("Năm", f"Năm: {title.year}",
                      f"{where} ghi 'Năm: {title.year}' ở tiêu đề, khác năm báo cáo của tệp "
                      f"({year}): các dòng của trang này không được tính cho năm {year}. Nếu "
                      f"đây là đăng ký năm {year}, đề nghị sửa tiêu đề trang thành 'Năm: "
                      f"{year}'; nếu là danh sách năm {title.year}, đề nghị bỏ trang này khỏi "
                      f"tệp."))
    if unreadable:
        found.append(("Năm", "", f"{where}: {unreadable[:1].lower()}{unreadable[1:]} Các dòng "
                                 f"của trang này không được tính."))
    return [{"file": file, "sheet": sheet.sheet, "row": int(row), "column": column,
             "value": value, "error": error}
            for row in rows for column, value, error in found]
