"""Reading one unit file into the grids of its data sheets (``spec/submission-form.md``).

A *grid* is a sheet as a list of rows, row 0 being Excel's row 1 and column 0 column A, so that
every value keeps the position a unit sees in Excel. :mod:`thidua.ingest.workbook` turns the
file's bytes into grids; this module converts legacy-encoded text (:mod:`thidua.ingest.legacy`),
finds the table of each sheet (:mod:`thidua.ingest.table`), keeps the sheets that count
(:mod:`thidua.ingest.sheetchoice`) and applies what the cells really show
(:mod:`thidua.ingest.cells`). The rows of a sheet are read by :mod:`thidua.ingest.rows`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from thidua.ingest import legacy
from thidua.ingest.discover import form_suffix
from thidua.ingest.cells import SheetFacts, fill_merges, restore_unowned, sheet_facts
from thidua.ingest.htmltable import html_grid
from thidua.ingest.mhtml import is_mhtml, mhtml_pages
from thidua.ingest.xml2003 import is_xml2003, xml2003_sheets
from thidua.ingest.widetext import as_utf8, undecodable
from thidua.ingest.flatods import as_ods, is_flat_ods
from thidua.ingest.limits import MAX_FILE_BYTES, exceeded, size
from thidua.ingest.pictures import pictures_said, readable_bytes
from thidua.ingest.rows import (SheetData, column_labels, column_letter, legends_with, prepare,
                                raw_rows, title_lines, title_rows)
from thidua.ingest.salvage import salvage_note, without_broken_parts
from thidua.ingest.sections import sheet_field
from thidua.ingest.formsheet import as_table, form_note
from thidua.ingest.transposed import as_table as sideways_table, turned_facts
from thidua.ingest.cellfacts import outside_rows
from thidua.ingest.sheetversions import later_version
from thidua.ingest.titleblock import parse_title
from thidua.ingest.sidebyside import split_side_by_side
from thidua.ingest.sheetchoice import (FoundSheet, choose_sheets, copy_of, excerpt_of,
                                       hidden_tables_reason, is_template_sheet, sheets_remark)
from thidua.ingest.typegroups import typed_by_column, typed_note
from thidua.ingest.table import HEADER_SEARCH_ROWS, Table, find_table, header_hint, table_parts
from thidua.ingest.workbook import (
    FileRejected,
    Grid,
    csv_grids,
    decode_csv,
    is_web_page,
    reads_as_csv,
    text_formula,
    workbook_grids,
)
from thidua.text import LOST_LETTER, clean_text

#: Said when a table reads empty: formulas saved without their values read as empty cells.
FORMULA_HINT = ("Nếu số liệu trong tệp được tính bằng công thức, hãy mở tệp bằng Excel, lưu lại "
                "(để lưu cả giá trị) rồi gửi lại.")

__all__ = ["FileRejected", "FileSheets", "SheetData", "Table", "column_labels", "column_letter",
           "decode_csv", "find_table", "is_template_sheet", "parse_sheet", "parse_sheets",
           "prepare", "raw_rows", "read_bytes", "read_sheet", "read_sheets", "table_parts",
           "title_lines", "title_rows", "HEADER_SEARCH_ROWS"]

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".xls", ".ods")
#: Text tables: CSV, and the tab-separated text Excel saves as "Unicode Text" or "Text (Tab
#: delimited)" (`.txt`) and other programs as `.tsv` (the separator is found, issue 16.4).
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
#: Names under which a form also arrives: a web page or Excel 2003 XML saved by a system's
#: "Export to Excel" (:mod:`thidua.ingest.htmltable`, :mod:`thidua.ingest.xml2003`), and an
#: attachment a mail program delivered without its suffix; the content says what each is.
OTHER_SUFFIXES = (".htm", ".html", ".mht", ".mhtml", ".xml", ".fods", "")
SUFFIXES = WORKBOOK_SUFFIXES + CSV_SUFFIXES + OTHER_SUFFIXES
#: Archives a unit's files may arrive in: not opened (each file inside is a unit's own to
#: check), the office is told to extract them.
ARCHIVE_SUFFIXES = (".zip", ".rar", ".7z", ".gz", ".tar")
#: The message of a file without the form's header row in any visible sheet.
NO_HEADER = ("Không tìm thấy dòng tiêu đề của biểu DVK-01 (dòng có cả 'Tên mô hình' và 'Lĩnh "
             "vực') ở trang tính nào đang hiển thị.")


@dataclass(frozen=True)
class FileSheets:
    """The sheets of a file that count (:mod:`thidua.ingest.sheetchoice`), in workbook order,
    never empty (a CSV has one, named ``""``), and the file's remarks about its sheets: a
    broken part salvaged, the sheets used and those passed over with why."""

    sheets: tuple[SheetData, ...]
    remarks: tuple[str, ...] = ()

    @property
    def first(self) -> SheetData:
        """The first sheet counted: its title block says the unit and the year."""
        return self.sheets[0]


def _to_unicode(grid: Grid, encoding: str) -> tuple[Grid, str]:
    """The grid with legacy-encoded text converted (:mod:`thidua.ingest.legacy`), and the encoding
    found. Raises :class:`FileRejected` when the sheet mixes TCVN3 and VNI."""
    try:
        found = legacy.detect_encoding(chain.from_iterable(grid))
    except legacy.MixedEncodings as exc:
        raise FileRejected(
            f"Chữ trong tệp được gõ bằng hai bảng mã cũ khác nhau ({exc}), không chuyển được "
            f"chắc chắn sang Unicode; đề nghị chuyển toàn bộ tệp sang Unicode (Unikey: Công cụ "
            f"chuyển mã) và phông chữ Times New Roman rồi gửi lại.") from exc
    if found is None:
        return _repaired(grid, encoding)
    return [[legacy.convert_cell(v, found) for v in row] for row in grid], found


def _repaired(grid: Grid, encoding: str) -> tuple[Grid, str]:
    """The grid with UTF-8 text that was misread in a Windows code page and saved again
    (``Kinh táº¿``) put back (:func:`thidua.ingest.legacy.detect_mojibake`), every cell of the
    sheet by the same code page, and the encoding ``UTF-8 bị đọc nhầm thành Windows-1258``;
    else the grid and ``encoding`` unchanged."""
    cells = list(chain.from_iterable(grid))
    name = legacy.detect_mojibake(cells)
    if name is None:
        return grid, encoding
    known = legacy.known_words(cells, name)
    return ([[legacy.repair_cell(v, name, known) for v in row] for row in grid],
            f"{legacy.MOJIBAKE} {name}")


def mojibake_note(sheet: str, encoding: str) -> str:
    """Told to the unit whose sheet was repaired (:func:`_repaired`)."""
    where = f"Trang '{sheet}'" if sheet else "Tệp"
    return (f"{where}: chữ tiếng Việt bị lỗi mã (tệp UTF-8 đã bị mở bằng bảng mã "
            f"{encoding.removeprefix(legacy.MOJIBAKE).strip()} rồi lưu lại, ví dụ 'Kinh táº¿' "
            f"thay cho 'Kinh tế'); đã tự động sửa lại. Lần sau đề nghị mở tệp CSV bằng Excel qua "
            f"Dữ liệu > Từ Văn bản/CSV, chọn mã 65001: Unicode (UTF-8), và lưu dạng 'CSV UTF-8'.")


#: What to do with a file of a program whose own format is not read (fresh tester M's M116,
#: M117): how that program saves the form as Excel.
FOREIGN_FORMATS = {
    ".numbers": " Tệp Numbers (máy Mac): mở tệp, chọn Tệp > Xuất sang > Excel, rồi gửi tệp .xlsx.",
    ".gsheet": " Tệp .gsheet chỉ là lối tắt tới một trang tính Google, không chứa dữ liệu: mở "
               "trang tính, chọn Tệp > Tải xuống > Microsoft Excel (.xlsx), rồi gửi tệp đó.",
    ".et": " Tệp WPS Spreadsheets: mở tệp, chọn Lưu thành > Excel (.xlsx), rồi gửi tệp đó.",
    ".xlr": " Tệp Microsoft Works: mở bằng Excel hoặc LibreOffice, lưu dạng .xlsx rồi gửi lại.",
    ".wk4": " Tệp Lotus 1-2-3: mở bằng LibreOffice, lưu dạng .xlsx rồi gửi lại.",
}


def read_bytes(path: Path) -> bytes:
    """A unit file's bytes, read once: the run hashes and parses these same bytes, so that
    a file rewritten during a run can never leave the figures and the hash out of step.

    Raises :class:`FileRejected` when the suffix is not a form format
    (``spec/submission-form.md``, "The file"), the file cannot be read, or it is empty.
    """
    suffix = form_suffix(path)
    if suffix in ARCHIVE_SUFFIXES:
        raise FileRejected(f"Tệp nén ('{suffix}') không được đọc: đề nghị giải nén các tệp bên "
                           f"trong vào thư mục của năm rồi chạy lại (tệp nén có thể để lại, nó "
                           f"chỉ được ghi vào danh sách tệp).")
    if suffix not in SUFFIXES:
        raise FileRejected(f"Định dạng tệp '{suffix}' không được nhận; chỉ nhận "
                           f"{', '.join(WORKBOOK_SUFFIXES + CSV_SUFFIXES)} (và trang web, "
                           f"XML 2003 xuất từ phần mềm: .htm, .html, .mht, .xml)."
                           + FOREIGN_FORMATS.get(suffix, ""))
    limit = MAX_FILE_BYTES
    try:
        with path.open("rb") as stream:  # never more than the limit into memory (issue 9.6)
            data = stream.read(limit + 1)
            if len(data) > limit and (limit := readable_bytes(path, limit)) >= len(data):
                data += stream.read(limit + 1 - len(data))  # large by its pictures only
    except OSError as exc:
        raise FileRejected(f"Không mở được tệp ({exc.strerror or exc}); đề nghị kiểm tra quyền đọc "
                           f"tệp hoặc gửi lại tệp.") from exc
    if len(data) > limit:
        raise FileRejected(exceeded("dung lượng tệp",
                                    f"hơn {size(MAX_FILE_BYTES)}{pictures_said(path)}",
                                    size(MAX_FILE_BYTES)))
    if not data:
        empty = FileRejected("Tệp rỗng (0 byte), không có dữ liệu; đề nghị gửi lại tệp đã lưu "
                             "đầy đủ.")
        empty.data = data  # the bytes read, for the hash of what was read (issue 9.9)
        raise empty
    return data


def parse_sheets(data: bytes, suffix: str) -> FileSheets:
    """The sheets of a unit file's bytes that count, with their tables
    (:func:`thidua.ingest.sheetchoice.choose_sheets`): every visible sheet holding the form's
    header row, but instruction or sample sheets, sheets named as old copies or drafts and
    header-only sheets beside another, each named in ``FileSheets.remarks`` with why. A sheet
    repeating an earlier one row for row keeps ``SheetData.copy_of`` (its rows are then
    ignored, :mod:`thidua.ingest.files`). An extension of ``spec/submission-form.md``, "The
    file" (which read only the first such sheet).

    The format is taken from the content (:func:`thidua.ingest.workbook.reads_as_csv`): a
    workbook saved under a ``.csv`` name is read as a workbook, CSV text under a workbook
    suffix as CSV. Text typed in TCVN3 (ABC) or VNI is converted to Unicode first
    (``SheetData.encoding`` says which was found). Raises :class:`FileRejected` (message in
    Vietnamese) when the bytes are not a supported spreadsheet, cannot be opened, are empty,
    have no header row in any visible sheet, or a sheet that counts mixes two legacy
    encodings. A web page or XML workbook saved in UTF-16 is read as its UTF-8 twin, and
    UTF-16 or UTF-32 text that does not decode is rejected saying so
    (:mod:`thidua.ingest.widetext`).
    """
    data = as_utf8(data, suffix)  # UTF-16 markup, UTF-32: the UTF-8 twin (widetext.py)
    if reads_as_csv(data, suffix):
        if reason := undecodable(data):  # UTF-16 cut in a character: never "no header"
            raise FileRejected(reason)
        sheet, told = _typed(_csv_sheet(data))
        if sheet.encoding.startswith(legacy.MOJIBAKE):
            told = (mojibake_note("", sheet.encoding), *told)
        return FileSheets(tuple(split_side_by_side(sheet)), told)
    if is_mhtml(data):  # Excel's "Single File Web Page" (mhtml.py)
        return _mhtml_sheets(data)
    if is_web_page(data):  # a web system's "Export to Excel" (htmltable.py)
        sheet, told = _typed(_html_sheet(data))
        return FileSheets(tuple(split_side_by_side(sheet)), (WEB_PAGE_NOTE, *told))
    salvaged: tuple[str, ...] = ()
    xml_facts: dict[str, SheetFacts] | None = None
    if is_flat_ods(data):  # LibreOffice's flat XML spreadsheet: read as the .ods it holds
        data = as_ods(data)
    if is_xml2003(data):  # "XML Spreadsheet 2003", which python-calamine does not read
        read = xml2003_sheets(data)
        grids = [(name, grid, shown) for name, grid, shown, _ in read]
        xml_facts = {name: facts for name, _, _, facts in read}
    else:
        try:
            grids = workbook_grids(data, HEADER_SEARCH_ROWS + 3)
        except FileRejected:
            if (fixed := without_broken_parts(data)) is None:
                raise
            data, salvaged = fixed  # only decoration was broken: read the cells (salvage.py)
            grids = workbook_grids(data, HEADER_SEARCH_ROWS + 3)
    found = [_found(name, grid, shown) for name, grid, shown in grids]
    counted, passed = choose_sheets(found)
    if not any(any(clean_text(v) for row in grid for v in row) for _, grid, shown in grids
               if shown):  # nothing visible: the table only on a hidden sheet says so
        raise FileRejected(hidden_tables_reason(passed) or f"Tệp rỗng, không có dữ liệu. "
                                                           f"{FORMULA_HINT}")
    if not counted:
        if errors := [f.error for f in found if f.visible and f.error is not None]:
            raise errors[0]
        raise FileRejected(hidden_tables_reason(passed) or _misread(
            f.grid for f in found if f.visible) or NO_HEADER + next(
            (hint for f in found if f.visible and (hint := header_hint(_shown_errors(
                f.grid, xml_facts[f.name] if xml_facts is not None
                else sheet_facts(data, f.name, len(f.grid)))))), ""))
    sheets: list[SheetData] = []
    originals: dict[str, object] = {}  # the sheets copying none, by name, with their rows
    told: tuple[str, ...] = ()  # how a sheet's layout was read
    for chosen in counted:
        if chosen.error is not None:
            raise chosen.error
        facts = (xml_facts[chosen.name] if xml_facts is not None
                 else sheet_facts(data, chosen.name, len(chosen.grid)))
        if chosen.rewritten is not None:  # a sheet of forms: its cells' facts were the forms'
            kept = outside_rows(facts, *chosen.rewritten)
            facts = (turned_facts(facts, kept, chosen.turned, chosen.moved) if chosen.turned
                     else kept)  # a table on its side: its cells' facts where they went
        grid, table = _apply_facts(chosen.grid, chosen.table, facts)
        whole, typed = _typed(SheetData(chosen.name, grid, table, chosen.encoding, facts))
        if table.continued_at is not None and sheets:  # a list going on: the first's legend too
            legends_with(whole, sheets[0].grid)
        told = (*told, *((chosen.note,) if chosen.note else ()), *typed,
                *((mojibake_note(chosen.name, chosen.encoding),)
                  if chosen.encoding.startswith(legacy.MOJIBAKE) else ()))
        for sheet in split_side_by_side(whole, frozenset(facts.hidden_columns)):  # A:K | M:W
            rows = raw_rows(sheet)  # the same frames each time: their text read once (M045)
            original = copy_of(rows, originals)  # another unit's list, however alike, is
            # labelled again when its unit is known (:mod:`thidua.ingest.othercopies`, W406)
            sheets.append(SheetData(sheet.sheet, sheet.grid, sheet.table, sheet.encoding,
                                    facts, copy_of=original) if original else sheet)
            if not original:
                originals[sheet.sheet] = rows
    sheets = _excerpts_ignored(sheets)  # a summary listing some models again
    sheets = _earlier_versions_ignored(sheets)  # ``Lần 1`` | ``Lần 2 (sửa)``: the later counts
    remarks = (sheets_remark([s.sheet for s in sheets], passed),
               salvage_note(salvaged) if salvaged else None)
    return FileSheets(tuple(sheets), tuple(r for r in (remarks[1], remarks[0], *told) if r))


#: What marks the header row of a sheet named after a field, which has no ``Lĩnh vực``.
FIELD_SHEET_MARKERS = ("model", "registrant")


def _typed(sheet: SheetData) -> tuple[SheetData, tuple[str, ...]]:
    """``sheet`` rewritten when its header gives each type its own column of names
    (:func:`thidua.ingest.typegroups.typed_by_column`), with the line telling the unit; else
    ``sheet`` and ``()``."""
    typed = typed_by_column(sheet.grid, sheet.table, frozenset(sheet.facts.hidden_columns))
    if typed is None:
        return sheet, ()
    grid, table = typed
    said = f"Trang '{sheet.sheet}' " if sheet.sheet else "Tệp "
    return SheetData(sheet.sheet, grid, table, sheet.encoding, sheet.facts), \
        (said + typed_note(sheet.grid, sheet.table),)


def _excerpts_ignored(sheets: list[SheetData]) -> list[SheetData]:
    """``sheets`` with each one that only lists again models of another
    (:func:`thidua.ingest.sheetchoice.excerpt_of`) marked a copy of it (``excerpt``): its rows
    are ignored, never rejected one by one."""
    if len(sheets) < 2:
        return sheets
    rows = {s.sheet: raw_rows(s) for s in sheets if not s.copy_of}
    out = []
    for s in sheets:
        others = {n: r for n, r in rows.items() if n != s.sheet}
        if not s.copy_of and (original := excerpt_of(rows[s.sheet], others)):
            s = SheetData(s.sheet, s.grid, s.table, s.encoding, s.facts, copy_of=original,
                          excerpt=True)
        out.append(s)
    return out


def _earlier_versions_ignored(sheets: list[SheetData]) -> list[SheetData]:
    """``sheets`` with each one that is an earlier version of another
    (:func:`thidua.ingest.sheetversions.later_version`) marked so (``copy_of`` the later one,
    ``earlier``): its rows are ignored, told."""
    live = [s.sheet for s in sheets if not s.copy_of]
    if len(live) < 2:
        return sheets
    rows = {s.sheet: raw_rows(s) for s in sheets if not s.copy_of}
    sent = {s.sheet: _sent_of(s) for s in sheets if not s.copy_of}
    out, known = [], {}  # each sheet's registrations read once
    for s in sheets:
        others = [n for n in live if n != s.sheet] if s.sheet in live else []
        if others and (later := later_version(s.sheet, rows, sent, others, known)):
            s = SheetData(s.sheet, s.grid, s.table, s.encoding, s.facts, copy_of=later,
                          earlier=True)
        out.append(s)
    return out


def _sent_of(sheet: SheetData) -> dt.date | None:
    """The ``Ngày gửi`` date of a sheet's own title block, ``None`` when it has none or
    cannot be read."""
    try:
        return parse_title(title_rows(sheet, (), below=False)).sent_date
    except FileRejected:
        return None


def _found(name: str, grid: Grid, visible: bool) -> FoundSheet:
    """A sheet with its text in Unicode and its table found (the error of a sheet mixing
    two legacy encodings is kept, raised only if the sheet counts)."""
    try:
        converted, encoding = _to_unicode(grid, "Unicode")
    except FileRejected as exc:
        return FoundSheet(name, grid, "Unicode", find_table(grid), visible, exc)
    table = find_table(converted) or (find_table(converted, markers=FIELD_SHEET_MARKERS)
                                      if sheet_field(name) else None)  # a sheet per field
    if table is None and (turned := sideways_table(converted, name)) is not None:
        return FoundSheet(name, turned.grid, encoding, find_table(turned.grid), visible,
                          turned.error, note=turned.note, rewritten=(turned.first, turned.last),
                          turned=turned.placed, moved=turned.moved or {})
    if table is None and (rewritten := as_table(converted)) is not None:  # a sheet of forms
        grid, placed = rewritten
        return FoundSheet(name, grid, encoding, find_table(grid), visible,
                          note=form_note(name, placed), rewritten=(placed[0][0], placed[-1][1]))
    return FoundSheet(name, converted, encoding, table, visible)


def parse_sheet(data: bytes, suffix: str) -> SheetData:
    """The first sheet that counts of :func:`parse_sheets` (the one whose title block names
    the unit); raises as :func:`parse_sheets` does."""
    return parse_sheets(data, suffix).first


def _shown_errors(grid: Grid, facts: SheetFacts) -> Grid:
    """``grid`` with each error cell holding its error value as Excel shows it (``#REF!``;
    python-calamine reads it empty), for the hint of a file without a header row."""
    if not facts.errors:
        return grid
    grid = [list(row) for row in grid]
    _write_texts(grid, facts.errors.items())
    return grid


def _write_texts(grid: Grid, cells) -> None:
    """Write into ``grid`` (in place) each ``((row, column), text)`` of ``cells`` that lies
    inside it, a formula of nothing but a text as that text (:func:`text_formula`): the
    unsaved formulas and error values python-calamine reads as empty cells."""
    for (r, c), text in cells:
        if r < len(grid) and c < len(grid[r]):
            grid[r][c] = text_formula(text)  # ``="Kinh tế"`` saved without its result: its text


def _apply_facts(grid: Grid, table: Table, facts: SheetFacts) -> tuple[Grid, Table]:
    """The grid as Excel shows it (:mod:`thidua.ingest.cells`): a formula saved without its
    result holds its formula text (so that its row is never taken for blank), one of nothing
    but a text (``="Kinh tế"``, as scripts write) that text, an ``.xls``
    date formula its date, and a merged range from the header down its value in every cell
    (issue 16.1), an error value its text (``#N/A``); the table is found again on that grid
    (a header merged over two rows is then read as two rows), and with the hidden columns known (a visible column wins over a
    hidden one of the same header). A cell some of whose words are struck through holds the
    others (``unstruck``: ``Tập thể / ~~Cá nhân~~`` → ``Tập thể``), title block included."""
    if facts.formulas or facts.values or facts.errors or facts.unstruck:
        grid = [list(row) for row in grid]
        for (r, c), text in facts.unstruck.items():
            if r < len(grid) and c < len(grid[r]) and isinstance(grid[r][c], str):
                grid[r][c] = text
        _write_texts(grid, (*facts.formulas.items(), *facts.errors.items()))
        for (r, c), value in facts.values.items():
            if r < len(grid) and c < len(grid[r]) and isinstance(grid[r][c], (int, float)):
                grid[r][c] = value
    hidden = frozenset(facts.hidden_columns)
    if not facts.merges:
        return grid, (find_table(grid, hidden) or table) if hidden else table
    filled = fill_merges(grid, facts.merges, table.top)
    table = find_table(filled, hidden) or table
    return restore_unowned(filled, grid, table.data_start), table


def _csv_sheet(data: bytes) -> SheetData:
    """A CSV file's sheet, its separator chosen by the form itself (issue 16.4): among ``;``,
    ``,``, tab and ``|``, the one under which the DVK-01 header row is found (most form
    columns; on a tie, that order). When none gives a header, the file is rejected as a
    workbook without one is; when every cell is blank under one of them (lines of
    separators only: an export of an empty sheet), as an empty file."""
    candidates, encoding = csv_grids(data)
    if any(not any(clean_text(v) for row in grid for v in row) for _, grid in candidates):
        # blank under one separator: the text holds nothing but separators (``;;;;`` lines)
        raise FileRejected(f"Tệp rỗng, không có dữ liệu. {FORMULA_HINT}")
    best: SheetData | None = None
    for _, grid in candidates:
        grid, found = _to_unicode(grid, encoding)
        table = find_table(grid)
        if table is not None and (best is None or len(table.columns) > len(best.table.columns)):
            best = SheetData("", grid, table, found,
                             SheetFacts(cut=cut_row(data, grid, table)))
    if best is None:
        raise FileRejected(_lost_letters(candidates) or _misread(
            grid for _, grid in candidates[:1]) or NO_HEADER + next(
            (hint for _, grid in candidates if (hint := header_hint(grid))), ""))
    return best


def cut_row(data: bytes, grid: Grid, table: Table) -> int | None:
    """The last row of a text file when the file ends inside it (fresh tester I's I067: a
    download cut short, a file not saved whole): no line break after it and fewer cells than
    the header's last column needs; else ``None``. A last row without its line break but
    whole (an editor's file) is no such row."""
    text, _ = decode_csv(data)
    if text.rstrip(" \t\x00").endswith(("\n", "\r")) or not grid:
        return None
    last = len(grid) - 1
    width = max([*table.columns, *table.unknown], default=0) + 1
    if last < table.data_start or len(grid[last]) >= width \
            or not any(clean_text(v) for v in grid[last]):
        return None
    return last


def _lost_letters(candidates: list) -> str | None:
    """Why a CSV without the form's header is rejected when its letters were lost: saved as
    "CSV (Comma delimited)" or "CSV (MS-DOS)" under an English Windows, every Vietnamese letter
    outside that encoding became ``?`` (``L?nh v?c``), so nothing can bring them back; else
    ``None``."""
    words = [v for _, grid in candidates[:1] for row in grid[:HEADER_SEARCH_ROWS] for v in row
             if isinstance(v, str) and LOST_LETTER.search(v)]
    if not words:
        return None
    return (f"Tệp CSV được lưu bằng bảng mã không có chữ tiếng Việt nên các chữ có dấu đã thành "
            f"'?' (ví dụ '{words[0][:40]}'); không khôi phục được. Đề nghị mở tệp gốc bằng Excel, "
            f"lưu dạng 'CSV UTF-8 (Comma delimited)' hoặc .xlsx rồi gửi lại.")


def _misread(grids) -> str | None:
    """Why a file without the form's header is rejected when its header area shows UTF-8
    misread in a Windows code page (``LÄ©nh vá»±c``) that could not be put back; else
    ``None``."""
    for grid in grids:
        words = [v for row in grid[:HEADER_SEARCH_ROWS] for v in row if legacy.looks_misread(v)]
        if words:
            return (f"Chữ tiếng Việt trong tệp bị lỗi mã (tệp UTF-8 đã bị mở bằng bảng mã "
                    f"Windows-1258/Windows-1252 rồi lưu lại, ví dụ '{words[0][:40]}') và không "
                    f"sửa lại chắc chắn được, nên không tìm thấy dòng tiêu đề của biểu. Đề nghị "
                    f"dùng tệp gốc: mở tệp CSV bằng Excel qua Dữ liệu > Từ Văn bản/CSV, chọn mã "
                    f"65001: Unicode (UTF-8), rồi lưu dạng 'CSV UTF-8' hoặc .xlsx và gửi lại.")
    return None


#: Told to a unit whose file is a web page under a spreadsheet name (its table was read).
WEB_PAGE_NOTE = ("Tệp là trang web (HTML) được đặt đuôi bảng tính (thường do chức năng 'Xuất "
                 "Excel' của phần mềm tạo ra): đã đọc bảng trong trang. Lần sau đề nghị mở tệp "
                 "bằng Excel, lưu dạng .xlsx (Tệp > Lưu thành > Sổ làm việc Excel) rồi gửi.")


#: Told to a unit whose file is Excel's "Single File Web Page" (its sheets were read).
MHTML_NOTE = ("Tệp là trang web lưu một tệp (Excel 'Trang web Một Tệp', MHTML): đã đọc bảng "
              "trong các trang tính của nó. Lần sau đề nghị lưu dạng .xlsx (Tệp > Lưu thành > "
              "Sổ làm việc Excel) rồi gửi.")


def _mhtml_sheets(data: bytes) -> FileSheets:
    """The sheets of an MHTML workbook (:func:`thidua.ingest.mhtml.mhtml_pages`) that hold the
    form's table, each read as a web page is (:func:`_html_sheet`) under its sheet's name;
    hidden sheets are passed over, named. Raises :class:`FileRejected` as a workbook without
    a header row is, or with the first sheet's own reason."""
    sheets: list[SheetData] = []
    told: list[str] = [MHTML_NOTE]
    errors: list[FileRejected] = []
    hidden = [p.name for p in mhtml_pages(data) if not p.visible]
    for page in mhtml_pages(data):
        if not page.visible:
            continue
        try:
            sheet = _html_sheet(page.html)
        except FileRejected as exc:
            errors.append(exc)
            continue
        sheet, typed = _typed(SheetData(page.name, sheet.grid, sheet.table, sheet.encoding,
                                        sheet.facts))
        if sheet.encoding.startswith(legacy.MOJIBAKE):
            told.append(mojibake_note(page.name, sheet.encoding))
        told.extend(typed)
        sheets.extend(split_side_by_side(sheet))
    if not sheets:
        if hidden:
            raise FileRejected(f"{NO_HEADER} Trang tính bị ẩn không được đọc: "
                               f"{', '.join(repr(n) for n in hidden)}.")
        raise errors[0]  # every page shown gave a sheet or its reason (mhtml_pages: one at least)
    if hidden:
        told.append(f"Trang tính bị ẩn không được đọc: {', '.join(repr(n) for n in hidden)}.")
    return FileSheets(tuple(sheets), tuple(told))


def _html_sheet(data: bytes) -> SheetData:
    """A web page's table as a sheet (:func:`thidua.ingest.htmltable.html_grid`), its merges
    spread as a workbook's are; rejected as a workbook is when no header row is found."""
    grid, facts = html_grid(data)
    if not any(clean_text(v) for row in grid for v in row):
        raise FileRejected(f"Tệp rỗng, không có dữ liệu. {FORMULA_HINT}")
    found = _found("", grid, True)
    if found.error is not None:
        raise found.error
    if found.table is None:
        raise FileRejected(NO_HEADER)
    grid, table = _apply_facts(found.grid, found.table, facts)
    return SheetData("", grid, table, found.encoding, facts)


def read_sheets(path: Path) -> FileSheets:
    """:func:`parse_sheets` of :func:`read_bytes`: the sheets that count of the file at
    ``path``."""
    return parse_sheets(read_bytes(path), path.suffix)


def read_sheet(path: Path) -> SheetData:
    """The first sheet that counts of the file at ``path`` (:func:`parse_sheet`)."""
    return parse_sheet(read_bytes(path), path.suffix)
