"""A column headed ``Đơn vị`` (``ĐV``, ``Đơn vị gửi``) that holds the sending unit's registry
code on its rows: the ``Mã đơn vị`` column under a header that may also name a workplace
(fresh tester J's J128: ``Đơn vị`` = ``Q-CG`` on every row and no code elsewhere, the file was
rejected "Không xác định được đơn vị gửi"). Its values decide, against the registry's codes,
which only the run knows (the parsing worker reads headers without them): an extension of
``spec/submission-form.md``, "Which unit and which year" (``docs/contracts.md``)."""

from __future__ import annotations

import re
from dataclasses import replace

import pandas as pd

from thidua.ingest.columnar import by_value
from thidua.ingest.rows import SheetData
from thidua.ingest.unitcodes import registry_code
from thidua.ingest.unitnames import unit_in_cell
from thidua.text import clean_text, match_key, rows_said

#: Headers (match keys, a bracketed hint set aside) that name the unit code column only when
#: more than half of the filled cells under them are registry codes: ``Đơn vị`` holds the
#: registrant's workplace in other forms (``Công ty May 10``), never read as codes then.
WEAK_UNIT_HEADERS: frozenset[str] = frozenset({"don vi", "dv", "don vi gui", "ten don vi gui"})


def _weak_header(text: str) -> bool:
    """Whether a header text (parts of a header over several rows joined by `` / ``) is one
    of :data:`WEAK_UNIT_HEADERS`: its lowest part, a bracketed hint set aside."""
    last = text.split(" / ")[-1]
    key = re.sub(r"\s*[(\[].*[)\]]\s*$", "", match_key(last)).strip(" :")
    return key in WEAK_UNIT_HEADERS


def _cells(sheet: SheetData, column: int) -> list[tuple[int, str]]:
    """``(Excel row, text)`` of the filled cells of grid ``column`` below the header."""
    grid, start = sheet.grid, sheet.table.data_start
    return [(r + 1, t) for r in range(start, len(grid))
            if column < len(grid[r]) and (t := clean_text(grid[r][column]))]


def unit_code_column(sheet: SheetData, known_codes: set[str] | frozenset[str]
                     ) -> tuple[SheetData, str | None]:
    """``sheet`` with its column under a weak header (:data:`WEAK_UNIT_HEADERS`: ``Đơn vị``)
    read as the ``Mã đơn vị`` column when the table has none and more than half of its filled
    cells are codes of ``known_codes`` (in any case and with any separator,
    :func:`thidua.ingest.unitcodes.registry_code`), with the line telling the unit so; its
    other cells are then read as a ``Mã đơn vị`` column's are (a name: counted for the file's
    unit and told, another unit's code: its row rejected, :mod:`thidua.ingest.unitcodes`).
    A column holding some codes among names (half of its cells or fewer) stays unread, told;
    one holding no code (names of workplaces) stays unread, nothing said. ``(sheet, None)``
    when there is nothing to read or tell. Never raises."""
    table = sheet.table
    if "unit_code" in table.columns.values() or not table.header_rows:
        return sheet, None
    for column, header in sorted(table.unknown.items()):
        if column in table.marks or not _weak_header(header):
            continue
        cells = _cells(sheet, column)
        coded = [(row, text) for row, text in cells if registry_code(text, known_codes)]
        if not coded:
            continue
        label = header.split(" / ")[-1]
        shown = ", ".join(dict.fromkeys(repr(t) for _, t in coded[:3]))
        if len(coded) * 2 > len(cells):
            unknown = {c: h for c, h in table.unknown.items() if c != column}
            read = replace(sheet, table=replace(table, columns=dict(sorted(
                {**table.columns, column: "unit_code"}.items())), unknown=unknown))
            return read, (f"Cột '{label}' ghi mã đơn vị trong danh mục ({shown}): đã đọc là "
                          f"cột 'Mã đơn vị'; đề nghị lần sau đặt tiêu đề cột là 'Mã đơn vị'.")
        return sheet, (f"Cột '{label}' ghi mã đơn vị ({shown}) ở dòng "
                       f"{rows_said([row for row, _ in coded])} nhưng ghi tên ở "
                       f"{len(cells) - len(coded)} dòng khác: không đọc cột này là cột 'Mã đơn "
                       f"vị'. Nếu cột ghi mã đơn vị gửi, đề nghị ghi mã ở mọi dòng và đặt tiêu "
                       f"đề cột là 'Mã đơn vị'; nếu cột ghi nơi công tác, đề nghị bỏ mã đơn vị "
                       f"khỏi cột.")
    return sheet, None


def unit_names_as_codes(column_codes: pd.Series, names: dict[str, str],
                        known_codes: set[str] | frozenset[str]) -> tuple[pd.Series, str | None]:
    """The ``Mã đơn vị`` column's cells (``column_codes``: as
    :func:`thidua.ingest.unitcodes.column_unit` reads them) with each cell holding a unit's
    name instead of its code (:func:`thidua.ingest.unitnames.unit_in_cell` over ``names``,
    code → registry name)
    replaced by that unit's code, and the line telling the unit so, quoting the names as typed
    (``None`` when no cell was replaced). A cell already a code of ``known_codes`` (in any
    spelling), empty, or naming no unit stays as it was. Fresh tester N's N209: ``LĐLĐ quận
    Đống Đa`` on every row and no code elsewhere, the file was rejected "Mã đơn vị 'LĐLĐ QUẬN
    ĐỐNG ĐA' không có trong danh mục"; an extension of ``spec/submission-form.md``, "Which
    unit and which year" (``docs/contracts.md``)."""
    def code(value: object) -> str | None:
        text = clean_text(value)
        if not text or registry_code(text, known_codes):
            return None
        return unit_in_cell(text, names)

    if column_codes.empty or not names:
        return column_codes, None
    named = by_value(column_codes, code)
    replaced = named.notna()
    if not replaced.any():
        return column_codes, None
    typed = dict.fromkeys((clean_text(column_codes[p]), named[p]) for p in named[replaced].index)
    shown = ", ".join(f"'{text}' là '{unit}' ({names[unit]})" for text, unit in list(typed)[:3])
    more = ", …" if len(typed) > 3 else ""
    units = list(dict.fromkeys(unit for _, unit in typed))
    example = units[0]
    note = (f"Cột 'Mã đơn vị' ghi tên đơn vị thay cho mã ở {int(replaced.sum())} dòng: đã hiểu "
            f"{shown}{more}; đề nghị lần sau ghi mã đơn vị trong danh mục (ví dụ '{example}') "
            f"ở cột 'Mã đơn vị'.")
    return column_codes.where(~replaced, named), note


__all__ = ["WEAK_UNIT_HEADERS", "unit_code_column", "unit_names_as_codes"]
