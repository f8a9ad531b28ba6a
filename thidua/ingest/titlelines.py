"""Title lines typed under a sheet's header against the title block above it: another unit's
(or another year's) list pasted into a file, under a line of its own that names the unit
(``LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH``, ``Mã đơn vị`` | ``Q-BD``, ``Mã đơn vị: Q-BD``) or the
year (``Năm: 2023``). The rows under such a line would otherwise count for the file's unit and
year: the file is rejected, naming the sheet, the row and the line (an extension of
``spec/submission-form.md``, "Which unit and which year": ``docs/contracts.md``, "A title
line below the header").
"""

from __future__ import annotations

from pathlib import Path

from thidua.ingest.identify import code_from_filename, title_code
from thidua.ingest.rows import SheetData, title_cells, title_line_rows, title_rows
from thidua.ingest.sheetrows import SheetRows
from thidua.ingest.titleblock import TitleBlock, parse_title
from thidua.ingest.unitnames import unit_by_name, unit_in_line
from thidua.ingest.workbook import FileRejected

__all__ = ["check_title_lines"]


def _above(sheet: SheetData) -> TitleBlock:
    """The title block above ``sheet``'s header alone (an unreadable ``Năm:`` says nothing
    here: the file's own reading rejects it, a later sheet's is :mod:`sheettitle`'s)."""
    try:
        return parse_title(title_rows(sheet, below=False))
    except FileRejected:
        return TitleBlock()


def check_title_lines(labelled: list[SheetRows], path: Path, known_codes: set[str],
                      names: tuple[tuple[str, str], ...] = ()) -> None:
    """Raise :class:`FileRejected` when a title line typed under a sheet's header
    (:func:`thidua.ingest.rows.title_line_rows` with ``names``, ``(code, registry name)``
    pairs; ``labelled``: :func:`thidua.ingest.sheetrows.label_rows` of each sheet) names
    another unit than the one the file names before it, or another year.

    The unit before it: the sheet's own title block above its header (its ``Mã đơn vị:``,
    else, for the first sheet, the file name's code, else the unit the block names), else
    the first such line. The same for the year (the ``Năm:`` line, or the heading's ``… NĂM
    2024``). A later sheet's title lines that agree with each other are its title
    (:mod:`thidua.ingest.sheettitle` reads them against the file's unit and year). Sheets
    that copy another (``copy_of``) are not read. The message names the sheet, the row, the
    line and both units (years)."""
    for i, rows in enumerate(r for r in labelled if not r.sheet.copy_of):
        sheet = rows.sheet
        above = _above(sheet)
        unit: tuple[str, str] | None = None
        year: tuple[int, str] | None = None
        if above.unit_code:
            unit = (title_code(above.unit_code, known_codes), "ghi ở tiêu đề")
        elif i == 0 and (coded := code_from_filename(path, known_codes)):
            unit = (coded, "theo tên tệp")
        elif names and (named := unit_by_name(above.lines, dict(names))):
            unit = (named, "theo tên đơn vị ở tiêu đề")
        if above.year is not None:
            year = (above.year, "ghi ở tiêu đề")
        where = f"Trang '{sheet.sheet}'" if sheet.sheet else "Tệp"
        for row in title_line_rows(sheet, names, read=True):
            cells = list(dict.fromkeys(title_cells(sheet.grid[row - 1])))  # a merge: once
            line, text = parse_title([cells]), " ".join(cells)
            code = (title_code(line.unit_code, known_codes) if line.unit_code
                    else next((c for cell in cells if (c := unit_in_line(cell, names))), None)
                    or unit_by_name(tuple(cells), dict(names)) if names else None)
            if code and unit is None:
                unit = (code, f"ghi ở dòng {row}")
            elif code and code != unit[0]:
                said = (f"đơn vị '{code}' trong danh mục" if code in known_codes
                        else f"mã '{code}', không có trong danh mục")
                raise FileRejected(
                    f"{where}, dòng {row} ghi '{text}' dưới dòng tiêu đề của bảng ({said}), "
                    f"khác đơn vị '{unit[0]}' của tệp ({unit[1]}): các dòng bên dưới có thể là "
                    f"danh sách của đơn vị khác dán vào. Mỗi tệp chỉ của một đơn vị: đề nghị "
                    f"chuyển các dòng của đơn vị '{code}' sang tệp của đơn vị đó (hoặc xóa dòng "
                    f"{row} nếu các dòng là của đơn vị '{unit[0]}') rồi gửi lại.")
            if line.year is not None and year is None:
                year = (line.year, f"ghi ở dòng {row}")
            elif line.year is not None and line.year != year[0]:
                raise FileRejected(
                    f"{where}, dòng {row} ghi '{text}' dưới dòng tiêu đề của bảng (năm "
                    f"{line.year}), khác năm {year[0]} của tệp ({year[1]}): các dòng bên dưới "
                    f"có thể là danh sách của năm khác dán vào. Mỗi tệp chỉ báo cáo một năm: đề "
                    f"nghị xóa các dòng của năm {line.year} (hoặc dòng {row} nếu các dòng là của "
                    f"năm {year[0]}) rồi gửi lại.")
