"""Reading one unit file into a grid of cells, and finding its table (``spec/submission-form.md``).

A *grid* is the data sheet as a list of rows, row 0 being Excel's row 1 and column 0 column A,
so that every value keeps the position a unit sees in Excel. Workbooks (``.xlsx``, ``.xls``,
``.ods``) are read with python-calamine; CSV with the standard library after detecting the
encoding (UTF-8, UTF-8 with BOM, Windows-1258) and the separator (``,`` or ``;``).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import python_calamine as calamine

from flows.text import clean_text, match_key
from schemas.form import HEADER_MARKERS, HEADER_TO_NAME

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
CSV_SUFFIXES = (".csv",)
SUFFIXES = WORKBOOK_SUFFIXES + CSV_SUFFIXES
#: The header row must be within the first rows of a sheet (``spec/submission-form.md``).
HEADER_SEARCH_ROWS = 30

Grid = list[list[object]]


class FileRejected(Exception):
    """A file that cannot be used; ``str(exc)`` is the Vietnamese reason shown to the unit."""


@dataclass(frozen=True)
class Table:
    """Where the form's table is in a grid.

    ``header_rows`` are the 0-based indices of the header row(s) (two when the header is split
    over two rows), ``data_start`` the first row after them; ``columns`` maps grid column index →
    internal name (:data:`schemas.form.COLUMNS`), ``unknown`` grid column index → header text.
    """

    header_rows: tuple[int, ...]
    columns: dict[int, str]
    unknown: dict[int, str] = field(default_factory=dict)

    @property
    def data_start(self) -> int:
        """0-based index of the first row below the header."""
        return self.header_rows[-1] + 1


@dataclass(frozen=True)
class SheetData:
    """A file's data sheet: its name (``""`` for CSV), grid and located table."""

    sheet: str
    grid: Grid
    table: Table


def _header_name(cell: object) -> str | None:
    """The internal column name a header cell stands for, or ``None``.

    Matching ignores case, accents, repeated spaces, line breaks, trailing ``(*)`` marks
    and a trailing parenthesised hint such as ``Hình thức (Tập thể/Cá nhân)``.
    """
    key = match_key(cell)
    key = re.sub(r"(\s*\(\s*\*+\s*\))+$|\s*\*+$", "", key).strip(" :")
    if key in HEADER_TO_NAME:
        return HEADER_TO_NAME[key]
    bare = re.sub(r"\s*\(.*\)\s*$", "", key).strip(" :")
    return HEADER_TO_NAME.get(bare)


def _row_names(row: list[object]) -> dict[int, str]:
    names = {c: _header_name(v) for c, v in enumerate(row)}
    return {c: n for c, n in names.items() if n}


def find_table(grid: Grid) -> Table | None:
    """Locate the header: the first row (within the first 30) holding both ``Tên mô hình`` and
    ``Lĩnh vực``, alone or together with the row below it (a header split over two rows with
    merged cells, ``spec/submission-form.md``). ``None`` when there is none (a cover letter)."""
    markers = set(HEADER_MARKERS)
    for r in range(min(len(grid), HEADER_SEARCH_ROWS)):
        top = _row_names(grid[r])
        if not top:
            continue
        below = _row_names(grid[r + 1]) if r + 1 < len(grid) else {}
        if markers <= set(top.values()):
            # A second header row only when it holds several headers (never a data row).
            rows = (r, r + 1) if len(below) >= 2 else (r,)
        elif markers <= set(top.values()) | set(below.values()):
            rows = (r, r + 1)
        else:
            continue
        merged = {**top, **below} if len(rows) == 2 else top
        columns: dict[int, str] = {}
        unknown: dict[int, str] = {}
        for c in sorted(set(range(max(len(grid[i]) for i in rows)))):
            name = merged.get(c)
            if name and name not in columns.values():
                columns[c] = name
                continue
            texts = [clean_text(grid[i][c]) for i in rows if c < len(grid[i])]
            if any(texts):
                unknown[c] = " / ".join(t for t in texts if t)
        return Table(rows, columns, unknown)
    return None


def _workbook_grids(path: Path) -> list[tuple[str, Grid]]:
    """The visible worksheets of a workbook, in order, as ``(name, grid)``."""
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise FileRejected("Tệp được đặt mật khẩu, không mở được; đề nghị gửi lại tệp không "
                           "đặt mật khẩu.") from exc
    except Exception as exc:  # calamine raises several types for corrupt or foreign files
        raise FileRejected(f"Không đọc được tệp như một bảng tính ({type(exc).__name__}: "
                           f"{exc}); đề nghị lưu lại bằng Excel dạng .xlsx và gửi lại.") from exc
    grids = []
    with workbook:
        for meta in workbook.sheets_metadata:
            if meta.visible != calamine.SheetVisibleEnum.Visible:
                continue
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            grids.append((meta.name, sheet.to_python(skip_empty_area=False)))
    return grids


def decode_csv(data: bytes) -> str:
    """CSV bytes as NFC text: UTF-8 (with or without BOM), else Windows-1258 (``spec``,
    "The file"). Windows-1258 writes tone marks as combining characters; NFC composes them."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1258")
    return unicodedata.normalize("NFC", text)


def _csv_grid(path: Path) -> Grid:
    """A CSV file as a grid, separator ``,`` or ``;`` detected from the text."""
    text = decode_csv(path.read_bytes())
    if not text.strip():
        raise FileRejected("Tệp rỗng, không có dữ liệu.")
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter=delimiter)]


def read_sheet(path: Path) -> SheetData:
    """Read a unit file and return its data sheet: the first visible sheet with a header row.

    Raises :class:`FileRejected` (message in Vietnamese) when the file is not a supported
    spreadsheet, cannot be opened, is empty, or has no header row in any visible sheet.
    """
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        grids = [("", _csv_grid(path))]
    elif suffix in WORKBOOK_SUFFIXES:
        grids = _workbook_grids(path)
    else:
        raise FileRejected(f"Định dạng tệp '{suffix or '(không có đuôi)'}' không được nhận; "
                           f"chỉ nhận {', '.join(SUFFIXES)}.")
    if not any(any(clean_text(v) for row in grid for v in row) for _, grid in grids):
        raise FileRejected("Tệp rỗng, không có dữ liệu.")
    for name, grid in grids:
        table = find_table(grid)
        if table is not None:
            return SheetData(name, grid, table)
    raise FileRejected(
        f"Không tìm thấy dòng tiêu đề của biểu DVK-01 (dòng có cả 'Tên mô hình' và 'Lĩnh vực') "
        f"trong {HEADER_SEARCH_ROWS} dòng đầu của trang tính nào đang hiển thị.")


def raw_rows(sheet: SheetData) -> pd.DataFrame:
    """The rows below the header as a DataFrame of raw cell values.

    Index ``row`` (int): the row number as Excel shows it. Columns: the internal names of the
    form columns present (object dtype, values as read: str, float, date), then the unknown
    columns under their header text. Rows past the last non-empty row are not included.
    """
    grid, table = sheet.grid, sheet.table
    last = len(grid)
    while last > table.data_start and not any(clean_text(v) for v in grid[last - 1]):
        last -= 1
    wanted = {**table.columns, **{c: f"[{h}]" for c, h in table.unknown.items()}}
    records = [
        {name: (grid[r][c] if c < len(grid[r]) else "") for c, name in wanted.items()}
        for r in range(table.data_start, last)
    ]
    frame = pd.DataFrame.from_records(records, columns=list(wanted.values()), coerce_float=False)
    frame.index = pd.RangeIndex(table.data_start + 1, last + 1, name="row")
    return frame.astype(object)


def title_lines(sheet: SheetData) -> list[str]:
    """The text of the title block (the rows above the header), one cleaned line per cell."""
    lines = []
    for row in sheet.grid[: sheet.table.header_rows[0]]:
        lines.extend(t for t in (clean_text(v) for v in row) if t)
    return lines
