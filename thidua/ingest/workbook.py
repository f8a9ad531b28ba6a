"""Bytes of a unit file → the grids of its sheets (``spec/submission-form.md``, "The file").

Workbooks (``.xlsx``, ``.xls``, ``.ods``) are read with python-calamine, whatever their suffix
says (the format is taken from the content); CSV with the standard library after detecting the
encoding (UTF-8, UTF-8 with BOM, Windows-1258, or legacy TCVN3/VNI bytes), under each
separator the form may use (the header row decides which, in :mod:`thidua.ingest.read`). Files that are something else (PDF, Word, a web page), cut short, or protected
by a password raise :class:`FileRejected` with a reason a unit can act on.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile

import python_calamine as calamine

from thidua.ingest import legacy
from thidua.ingest.salvage import odd_string_index, with_lost_strings, with_read_errors
from thidua.text import LOST_LETTER

Grid = list[list[object]]


class FileRejected(Exception):
    """A file that cannot be used; ``str(exc)`` is the Vietnamese reason shown to the unit."""


_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


_WEB_PAGE = "trang web (HTML) được đặt đuôi bảng tính"
#: What an MHTML web archive is (:mod:`thidua.ingest.mhtml`).
MHTML = "trang web lưu một tệp (MHTML, .mht)"


#: A MIME header block: ``Name: value`` lines, folded lines indented, up to the blank line.
_MIME_HEAD = re.compile(rb"^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)+", re.ASCII)


def is_mhtml(data: bytes) -> bool:
    """Whether a file's bytes are a MIME web archive: its header block (before the first blank
    line) holds ``MIME-Version`` and a ``multipart/related`` content type."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    block = _MIME_HEAD.match(head)
    if block is None:
        return False
    text = block.group().lower()
    return b"mime-version:" in text and b"multipart/related" in text


def is_web_page(data: bytes) -> bool:
    """Whether a file's bytes are a web page (HTML, XHTML) rather than a workbook or CSV,
    whatever its suffix: what web systems' "Export to Excel" writes under an ``.xls`` name
    (read by :mod:`thidua.ingest.htmltable`)."""
    return _not_a_workbook(data) == _WEB_PAGE


#: How an XML 2003 workbook starts (lower case): its XML declaration, or, without one (a
#: writer that leaves it out, fresh tester U's U057, U074), Excel's processing instruction or
#: the ``Workbook`` element itself (:func:`thidua.ingest.xml2003.is_xml2003`).
XML2003_STARTS = (b"<?xml", b"<?mso-application", b"<workbook", b"<ss:workbook", b"<!--")


#: How a web page starts (lower case).
_PAGE_STARTS = (b"<html", b"<!doctype html", b"<table", b"<meta")


def _not_a_workbook(data: bytes) -> str | None:
    """What a file with a workbook suffix really is when its content is something else."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        return "tệp PDF"
    if head.startswith(XML2003_STARTS) and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "bảng tính dạng XML 2003 (Excel 2003 XML)"
    if head.startswith(b"<?xml") and b"office:document" in head:
        return "bảng tính OpenDocument dạng XML phẳng (.fods)"
    if is_mhtml(data):  # Excel's "Single File Web Page" (mhtml.py), read by read.parse_sheets
        return MHTML
    if head.startswith(_PAGE_STARTS) or b"<html" in head:
        return _WEB_PAGE
    if data.startswith(_ZIP):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return "văn bản Word (.docx)"
        if "ppt/presentation.xml" in names:
            return "bản trình chiếu PowerPoint (.pptx)"
    if data.startswith(_OLE) and "WordDocument".encode("utf-16-le") in data[:65536]:
        return "văn bản Word (.doc)"
    return None


#: The reason of a workbook that needs a password to open (:mod:`thidua.ingest.defaultkey`
#: opens those encrypted with Excel's default one first).
PASSWORD = ("Tệp được đặt mật khẩu, không mở được; đề nghị gỡ mật khẩu (Excel: Tệp > Thông tin > "
            "Bảo vệ sổ làm việc; LibreOffice: Tệp > Lưu thành, bỏ chọn 'Lưu với mật khẩu') rồi "
            "gửi lại.")


def _is_encrypted(data: bytes) -> bool:
    """An Office file protected by a password to open: an OLE container holding the
    ``EncryptionInfo`` and ``EncryptedPackage`` streams (ECMA-376 encryption)."""
    return data.startswith(_OLE) and "EncryptedPackage".encode("utf-16-le") in data


def _is_encrypted_ods(data: bytes) -> bool:
    """An OpenDocument file saved with a password (LibreOffice "Lưu với mật khẩu"): its
    ``META-INF/manifest.xml`` gives ``encryption-data`` for its parts (ODF 1.2, 3.8)."""
    if not data.startswith(_ZIP):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            return b"encryption-data" in package.read("META-INF/manifest.xml")
    except (zipfile.BadZipFile, KeyError, OSError, RuntimeError, ValueError):
        return False


#: The reason of a workbook cut short (a zip without its directory, an .xls short of sectors).
TRUNCATED = ("Tệp bị hỏng: nội dung không đầy đủ (có thể do tải lên hoặc gửi thư bị gián đoạn); "
             "đề nghị mở thử tệp trên máy rồi gửi lại.")


def _is_truncated_zip(data: bytes) -> bool:
    """A zip (.xlsx, .ods) cut short, typically by an interrupted upload or e-mail."""
    if not data.startswith(_ZIP):
        return False
    try:
        zipfile.ZipFile(io.BytesIO(data)).close()
    except zipfile.BadZipFile:
        return True
    return False


def utf16_pattern(data: bytes) -> str | None:
    """The codec of text that looks like UTF-16, whether or not it decodes: ``"utf-16"`` with
    a byte-order mark, ``"utf-16-le"``/``"utf-16-be"`` without one when at least a third of
    the first 4.096 characters' high (or low) bytes are NUL as in a table's ASCII letters,
    digits and separators, and none of the other half (an odd last byte left out: a file cut
    short looks like what it was, :mod:`thidua.ingest.widetext`); else ``None``."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    head = data[:8192]
    head = head[:len(head) // 2 * 2]
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    for codec, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) * 3 >= len(zeros) and others.count(0) == 0:
            return codec
    return None


def utf16(data: bytes) -> str | None:
    """The codec of UTF-16 text, or ``None``: ``"utf-16"`` with a byte-order mark (Excel's
    "Unicode Text"), ``"utf-16-le"``/``"utf-16-be"`` without one (a program that left it out):
    :func:`utf16_pattern`, an even length, and the whole decoding cleanly."""
    codec = utf16_pattern(data)
    if codec is None or codec == "utf-16":
        return codec
    if len(data) % 2:
        return None
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return None
    return codec


def _is_text(data: bytes) -> bool:
    """Whether a file's first bytes are text (a CSV): UTF-16 (:func:`utf16`), or no NUL and
    no control character other than tab, line breaks, form feed and end-of-file."""
    head = data[:8192]
    if utf16(data):
        return True
    return bool(head) and not any(b < 32 and b not in b"\t\n\r\x0c\x1a" for b in head)


def reads_as_csv(data: bytes, suffix: str) -> bool:
    """Whether a file's bytes are read as CSV: the format is taken from the content, never the
    suffix alone (``spec/submission-form.md``, "The file"; README "What is read": "whatever
    the suffix says"). A zip (``.xlsx``, ``.ods``) or OLE (``.xls``) container is a workbook
    even under a ``.csv`` name; text that is not a PDF, a web page or an XML workbook is CSV
    even under a workbook suffix (``.xlsx``); otherwise a ``.csv``, ``.txt`` or ``.tsv`` name
    reads as CSV, unless the text starts as a web page, an XML 2003 or flat ODF workbook, an
    MHTML archive or a PDF (a web system's export named ``.csv``: fresh tester U's U046, U106,
    rejected "Không tìm thấy dòng tiêu đề"); ``<html`` further in is a CSV cell's text."""
    if data.startswith((_ZIP, _OLE)):
        return False
    if suffix.lower() in (".csv", ".txt", ".tsv"):
        kind = _not_a_workbook(data)
        head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return kind is None or kind == _WEB_PAGE and not head.startswith(_PAGE_STARTS)
    return _not_a_workbook(data) is None and _is_text(data)


def workbook_grids(data: bytes, hidden_rows: int = 0) -> list[tuple[str, Grid, bool]]:
    """The worksheets of a workbook, in order, as ``(name, grid, visible)``: every visible
    sheet whole, and the first ``hidden_rows`` rows of each hidden one (enough to tell whether
    it holds the form's table, so that the unit can be told it was not counted,
    ``spec/submission-form.md``, "The file"; none when ``0``). Chart sheets are left out.

    The format is taken from the content, not the suffix (an ``.xlsx`` saved as ``.xls`` is
    read all the same). Raises :class:`FileRejected` (Vietnamese) when the bytes are not a
    workbook that can be opened.
    """
    if kind := _not_a_workbook(data):
        raise FileRejected(f"Tệp là {kind}, không phải bảng tính đọc được; đề nghị gửi biểu "
                           f"DVK-01 dạng Excel (.xlsx).")
    if _is_encrypted(data):
        raise FileRejected(PASSWORD)
    if _is_truncated_zip(data):
        raise FileRejected(TRUNCATED)
    if data.startswith(_ZIP) and odd_string_index(data):  # ``<v>-1</v>``: read as string 0
        if (fixed := with_lost_strings(data)) is None:  # too many: a damaged table
            raise calamine.CalamineError("Cell string index not found in shared strings table")
        data = fixed
    try:
        workbook = calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except calamine.PasswordError as exc:
        raise FileRejected(PASSWORD) from exc
    except Exception as exc:  # calamine raises several types for corrupt or foreign files
        if _is_encrypted_ods(data):
            raise FileRejected(PASSWORD) from exc
        raise FileRejected("Không đọc được tệp như một bảng tính (tệp hỏng hoặc không phải "
                           "Excel/ODS); đề nghị mở lại bằng Excel, lưu dạng .xlsx và gửi lại."
                           ) from exc  # the reader's own words (English) stay out of it
    try:
        return _grids(workbook, hidden_rows)
    except calamine.CalamineError as exc:  # ``#SPILL!`` stored as an error: as text, read again
        fixed = with_read_errors(data)
        fixed = with_lost_strings(fixed or data) or fixed  # a shared string missing: marked
        if fixed is None:
            raise exc
        return _grids(calamine.CalamineWorkbook.from_filelike(io.BytesIO(fixed)), hidden_rows)


def _grids(workbook: calamine.CalamineWorkbook, hidden_rows: int) -> list[tuple[str, Grid, bool]]:
    """The grids of ``workbook``'s worksheets, as :func:`workbook_grids` gives them."""
    grids = []
    with workbook:
        for meta in workbook.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            visible = meta.visible == calamine.SheetVisibleEnum.Visible
            if not visible and hidden_rows <= 0:
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            grid = (sheet.to_python(skip_empty_area=False) if visible
                    else sheet.to_python(skip_empty_area=False, nrows=hidden_rows))
            grids.append((meta.name, grid, visible))
    return grids


def decode_csv(data: bytes) -> tuple[str, str]:
    """CSV bytes as ``(NFC text, encoding name)``: UTF-8 (with or without BOM), else the most
    Vietnamese reading among Windows-1258, TCVN3 and VNI (:func:`thidua.ingest.legacy.decode_bytes`).
    Windows-1258 writes tone marks as combining characters; NFC composes them. UTF-16 with a
    byte-order mark (Excel's "Unicode Text"), or without one (:func:`utf16`), is read too,
    although the form does not list it.
    """
    if codec := utf16(data):
        try:
            return unicodedata.normalize("NFC", data.decode(codec)), (
                "UTF-16" if codec == "utf-16" else "UTF-16 (không có BOM)")
        except UnicodeDecodeError:
            pass
    encoding = "UTF-8 (BOM)" if data.startswith(b"\xef\xbb\xbf") else "UTF-8"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _mixed_lines(data, encoding) or legacy.decode_bytes(data)
    return unicodedata.normalize("NFC", text), encoding


#: The start of the encoding name of a UTF-8 CSV holding lines of another encoding
#: (:func:`decode_csv`); the lines follow (``UTF-8 lẫn dòng Windows-1258: 12, 14``).
MIXED = "UTF-8 lẫn dòng"
#: The name of the lines of a mixed CSV whose Vietnamese letters were lost (``S?ng ki?n``).
LOST = "bảng mã không có chữ tiếng Việt (chữ đã thành '?')"


def _mixed_lines(data: bytes, utf8: str) -> tuple[str, str] | None:
    """A CSV mostly in UTF-8 with some lines in a legacy encoding (two exports pasted
    together, a line added by another program): each line in its own encoding, and the name
    ``UTF-8 lẫn dòng Windows-1258: 12; VNI: 15`` (each encoding met, with its lines counted
    from 1, in the order met); a line whose letters became ``?`` (saved in an encoding without
    Vietnamese letters, :data:`thidua.text.LOST_LETTER`) is named :data:`LOST`, not the
    encoding it decodes in. ``None`` when no line with non-ASCII text is UTF-8 (a legacy
    file: :func:`thidua.ingest.legacy.decode_bytes`)."""
    lines = data.removeprefix(b"\xef\xbb\xbf").splitlines(keepends=True)
    texts, foreign, utf8_lines = [], {}, 0
    for number, line in enumerate(lines, start=1):
        try:
            texts.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            text, name = legacy.decode_bytes(line)
            texts.append(text)
            foreign.setdefault(LOST if LOST_LETTER.search(text) else name, []).append(number)
    if not utf8_lines and utf8 == "UTF-8":
        return None
    said = "; ".join(f"{name}: {', '.join(map(str, numbers[:10]))}"
                     + (", …" if len(numbers) > 10 else "") for name, numbers in foreign.items())
    return unicodedata.normalize("NFC", "".join(texts)), f"{MIXED} {said}"


#: Separators a CSV file may use; the form's header row decides which one it does.
CSV_SEPARATORS = (";", ",", "\t", "|")


#: A cell written as Excel's text formula, ``="01"``: how web systems' "Xuất Excel" keep
#: leading zeros and codes as text in a CSV (a quote inside is doubled, ``="Tổ ""A"""``).
_TEXT_FORMULA = re.compile(r'=\s*"((?:[^"]|"")*)"')


def text_formula(cell: str) -> str:
    """The text Excel shows for a CSV cell holding only a text formula (``="01"`` → ``01``,
    ``="Tổ ""A"" 1"`` → ``Tổ "A" 1``, ``=""`` → empty); any other cell as it is, another
    formula too (``=A1``, ``="a"&"b"``: never evaluated). Fresh tester I's I031, I120: the
    period ``="01/2024 - 12/2024"`` rejected every row."""
    match = _TEXT_FORMULA.fullmatch(cell.strip()) if cell.lstrip().startswith("=") else None
    return match.group(1).replace('""', '"') if match else cell


def _parse_csv(text: str, delimiter: str) -> Grid:
    """``text`` as rows of cells. Records may end in CR, LF or CRLF, and quoted cells may hold
    any of them; a doubled quote inside a quoted cell is one quote. A quote a program wrote
    without quoting the cell (``"Chợ 0 đồng`` opening a note, a ditto mark ``"`` alone) opens
    a quoted cell that runs on over the next lines, swallowing whole rows of the table; when a
    cell so holds a line of :data:`SWALLOWED_CELLS` separators or more, each line is read as
    one record, a line with an odd number of quotes with its quotes as written (fresh tester
    P's P114, P165, P168, P203: the rows after such a quote were lost, silently)."""
    grid = [[text_formula(cell) for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    if not any(_swallowed(cell, delimiter) for row in grid for cell in row if "\n" in cell):
        return grid
    rows = []
    lines = re.split(r"\r\n|\r|\n", text)  # the csv module's own line ends only
    for line in lines[:-1] if lines and not lines[-1] else lines:  # no record after the last
        quoting = csv.QUOTE_NONE if line.count('"') % 2 else csv.QUOTE_MINIMAL
        rows.extend(csv.reader([line], delimiter=delimiter, quoting=quoting))
    return [[text_formula(cell) for cell in row] for row in rows]


#: Separators on one line inside a cell that make it rows of the table run together, not a
#: note written over several lines.
SWALLOWED_CELLS = 4


def _swallowed(cell: str, delimiter: str) -> bool:
    """Whether a cell holds a later line of :data:`SWALLOWED_CELLS` separators or more."""
    return any(line.count(delimiter) >= SWALLOWED_CELLS for line in cell.splitlines()[1:])


def csv_grids(data: bytes) -> tuple[list[tuple[str, Grid]], str]:
    """A CSV file read under each of :data:`CSV_SEPARATORS` that parses, as ``([(separator,
    grid)], encoding)``: :func:`thidua.ingest.read.parse_sheet` keeps the one where the form's
    header row is found (issue 16.4; guessing from the text, e.g. with ``csv.Sniffer``, is
    fooled by quotes and commas inside notes). Raises :class:`FileRejected` when the text
    is empty or parses under no separator."""
    text, encoding = decode_csv(data)
    if not text.strip():
        raise FileRejected("Tệp rỗng, không có dữ liệu.")
    grids, error = [], None
    for delimiter in CSV_SEPARATORS:
        try:
            grids.append((delimiter, _parse_csv(text, delimiter)))
        except csv.Error as exc:
            error = exc
    if not grids:
        raise FileRejected(f"Không đọc được tệp CSV ({error}); đề nghị lưu lại bằng Excel dạng "
                           f"CSV UTF-8 hoặc .xlsx và gửi lại.") from error
    return grids, encoding


def csv_grid(data: bytes) -> tuple[Grid, str]:
    """A CSV file as one grid and its encoding, read under the separator (of
    :data:`CSV_SEPARATORS`) that splits its first non-empty line into the most cells; for
    callers without the form's header to go by (:func:`csv_grids` is what the run uses)."""
    grids, encoding = csv_grids(data)

    def width(grid: Grid) -> int:
        return next((len(row) for row in grid if any(row)), 0)

    return max(grids, key=lambda g: width(g[1]))[1], encoding
