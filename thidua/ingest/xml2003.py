"""Excel 2003 XML ("XML Spreadsheet 2003", SpreadsheetML): what many systems' "Export to
Excel" writes under an ``.xls`` name, and Excel opens as a workbook. python-calamine does not
read it, so its sheets are read here from the XML (defusedxml: no DTD, no entity, nothing
fetched): ``<Worksheet ss:Name>`` → a sheet (hidden when its ``WorksheetOptions`` say so),
``<Row ss:Index ss:Hidden>`` / ``<Cell ss:Index ss:MergeAcross ss:MergeDown>`` → the cell's
place and merged range, ``<Data ss:Type>`` → its value (``Number`` a float, ``DateTime`` a
datetime, ``Boolean``, ``String`` and rich text the text, ``Error`` the error's text in
``SheetFacts.errors``), a ``ss:Formula`` without ``<Data>`` a formula saved without its result.
An extension of ``spec/submission-form.md``, "The file" (formats).
"""

from __future__ import annotations

import datetime as dt

from defusedxml.ElementTree import fromstring

from thidua.ingest.cells import SheetFacts
from thidua.ingest.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, exceeded, number
from thidua.ingest.workbook import XML2003_STARTS, FileRejected, Grid

NAMESPACE = "urn:schemas-microsoft-com:office:spreadsheet"
_SS = "{" + NAMESPACE + "}"
_X = "{urn:schemas-microsoft-com:office:excel}"


def is_xml2003(data: bytes) -> bool:
    """Whether a file's bytes are an Excel 2003 XML workbook (:data:`thidua.ingest.workbook.
    XML2003_STARTS`, and its
    namespace in the first 4.096 bytes, the ``Workbook`` element's)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.lower().startswith(XML2003_STARTS) and NAMESPACE.encode() in head


def _index(node, name: str, default: int) -> int:
    """A 1-based ``ss:Index``-like attribute as a 0-based position (``default`` when absent)."""
    value = node.get(_SS + name)
    return int(value) - 1 if value and value.strip().isdigit() and int(value) > 0 else default


def _count(node, name: str) -> int:
    value = node.get(_SS + name)
    return int(value) if value and value.strip().isdigit() else 0


def _value(data, errors: dict, where: tuple[int, int]) -> object:
    kind = data.get(_SS + "Type", "String")
    text = "".join(data.itertext())
    if kind == "Number":
        try:
            return float(text)
        except ValueError:
            return text
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.strip()[:19])
        except ValueError:
            return text
    if kind == "Boolean":
        return text.strip() == "1"
    if kind == "Error":
        errors[where] = text.strip()
        return ""
    return text


def _sheet(worksheet) -> tuple[Grid, SheetFacts]:
    cells: dict[tuple[int, int], object] = {}
    merges, hidden, hidden_columns = [], [], []
    formulas: dict[tuple[int, int], str] = {}
    errors: dict[tuple[int, int], str] = {}
    table = worksheet.find(_SS + "Table")
    r = -1
    col = -1
    for column in table.findall(_SS + "Column") if table is not None else ():
        col = _index(column, "Index", col + 1)
        span = _count(column, "Span")
        if column.get(_SS + "Hidden") == "1":
            hidden_columns.extend(range(col, min(col + span + 1, MAX_COLUMNS)))
        col += span
    for row in table.findall(_SS + "Row") if table is not None else ():
        r = _index(row, "Index", r + 1)
        if r >= MAX_ROWS:
            raise FileRejected(exceeded("số dòng của trang tính", f"hơn {number(MAX_ROWS)} dòng",
                                        f"{number(MAX_ROWS)} dòng"))
        if row.get(_SS + "Hidden") == "1":
            hidden.append((r, r + 1))
        c = 0
        for cell in row.findall(_SS + "Cell"):
            c = _index(cell, "Index", c)
            if c >= MAX_COLUMNS:
                raise FileRejected(exceeded("số cột của trang tính", f"hơn {number(MAX_COLUMNS)} cột",
                                            f"{number(MAX_COLUMNS)} cột"))
            across, down = _count(cell, "MergeAcross"), _count(cell, "MergeDown")
            if across or down:
                merges.append((r, c, r + down, c + across))
            data = cell.find(_SS + "Data")
            if data is not None:
                cells[(r, c)] = _value(data, errors, (r, c))
            elif cell.get(_SS + "Formula"):
                formulas[(r, c)] = cell.get(_SS + "Formula")
            if len(cells) > MAX_CELLS:
                raise FileRejected(exceeded("số ô của trang tính", f"hơn {number(MAX_CELLS)} ô",
                                            f"{number(MAX_CELLS)} ô"))
            c += across + 1
    height = max((r for r, _ in cells), default=-1) + 1
    width = max((c for _, c in cells), default=-1) + 1
    if height * width > MAX_CELLS:
        raise FileRejected(exceeded("số ô của trang tính", f"{number(height * width)} ô",
                                    f"{number(MAX_CELLS)} ô"))
    grid: Grid = [["" for _ in range(width)] for _ in range(height)]
    for (r, c), value in cells.items():
        grid[r][c] = value
    return grid, SheetFacts(merges=tuple(merges), hidden=tuple(hidden), formulas=formulas,
                            hidden_columns=tuple(sorted(set(hidden_columns))), errors=errors)


def xml2003_sheets(data: bytes) -> list[tuple[str, Grid, bool, SheetFacts]]:
    """The worksheets of an Excel 2003 XML workbook, in order, as ``(name, grid, visible,
    facts)``; a grid's rows are Excel's (row 0 is row 1), values ``str``, ``float``,
    ``datetime``, ``bool`` or ``""``. Raises :class:`FileRejected` (Vietnamese) when the XML
    cannot be parsed (cut short, a DTD or entity declared) or breaks a limit of
    :mod:`thidua.ingest.limits`."""
    try:
        root = fromstring(data, forbid_dtd=True)
    except Exception as exc:  # noqa: BLE001 - ParseError, DTDForbidden, EntitiesForbidden
        raise FileRejected(f"Không đọc được tệp bảng tính dạng XML 2003 (Excel 2003 XML) "
                           f"({exc}); đề nghị mở tệp bằng Excel, lưu dạng .xlsx rồi gửi lại.") from exc
    sheets = []
    for worksheet in root.iter(_SS + "Worksheet"):
        options = worksheet.find(_X + "WorksheetOptions")
        shown = options.findtext(_X + "Visible", "") if options is not None else ""
        grid, facts = _sheet(worksheet)
        sheets.append((worksheet.get(_SS + "Name", ""), grid,
                       shown not in ("SheetHidden", "SheetVeryHidden"), facts))
    return sheets
