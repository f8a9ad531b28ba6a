"""A unit file's bytes checked against :mod:`thidua.ingest.limits` before any parser sees them.

Cheap passes that stop at the first fault (issue 9.6, "one bad file never stops the year"):

* ``.xlsx``/``.ods`` (zip): the central directory's sizes (parts, uncompressed total, each
  part's compression ratio), then every XML part read as a stream through defusedxml, which
  refuses a DTD or an entity declaration (billion laughs, XXE: never expanded, never fetched).
  A worksheet's cell references (``<c r="XFD1048576">``), a shared-strings table's size, an
  ``.ods`` table's repeated rows and columns (``table:number-columns-repeated``) are followed
  to the last cell holding a value. The declared ``<dimension>`` is trusted in neither
  direction: the parser does not allocate from it, and cells past it are still counted.
* ``.xls`` (OLE): the sheets' declared dimensions, the shared-strings count, the sheets, and
  the container's structure (:mod:`thidua.ingest.olecheck`: a damaged one is told so).
* ``.csv``: the number of lines and of separators (upper bounds of rows and cells), NUL bytes.

What is not a limit (a part that is not well-formed XML) is left to the parser, which rejects
it in its worker (:mod:`thidua.ingest.isolation`); a damaged deflate stream, a CRC error, a
part cut short and a damaged OLE container are rejected here, saying what is damaged, and so
is an ``.xlsx`` missing a part it cannot be opened without (:mod:`thidua.ingest.packageparts`).
"""

from __future__ import annotations

import io
import zipfile
from xml.etree.ElementTree import ParseError
from xml.parsers.expat.errors import (XML_ERROR_NO_ELEMENTS, XML_ERROR_PARTIAL_CHAR,
                                       XML_ERROR_UNCLOSED_TOKEN, codes)

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from thidua.ingest.farcells import MAX_FAR_CELLS, BlankCells, FarCells, RepeatedRows
from thidua.ingest.flatods import as_ods, is_flat_ods
from thidua.ingest.mhtml import check_mhtml, is_mhtml
from thidua.ingest.limits import (MAX_CELLS, MAX_COLUMNS, MAX_COMPRESSION_RATIO, MAX_PARTS,
                                  MAX_ROWS, MAX_SHARED_STRINGS, MAX_SHEETS,
                                  MAX_UNCOMPRESSED_BYTES, RATIO_CHECKED_FROM_BYTES, exceeded,
                                  number, size)
from thidua.ingest.olecheck import check_xls, headless_ole
from thidua.ingest.packageparts import broken_package
from thidua.ingest.salvage import INFLATE_ERRORS, OPTIONAL_PARTS
from thidua.ingest.sheetscan import quick_scan
from thidua.ingest.widetext import as_utf8, undecodable
from thidua.ingest.workbook import FileRejected, reads_as_csv, utf16
from thidua.reasons import file_fault

_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_CHUNK = 64 * 1024
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_UNSAFE_XML = ("Tệp có khai báo DTD hoặc thực thể XML (phần '{part}' bên trong tệp), điều Excel "
               "và LibreOffice không bao giờ ghi; tệp không được đọc. Đề nghị mở tệp bằng Excel, "
               "lưu lại dạng .xlsx rồi gửi lại.")
_CUT_PART = ("Tệp bị hỏng: phần '{part}' bên trong tệp bị cắt cụt (nội dung dừng giữa chừng); "
             "đề nghị mở thử tệp bằng Excel hoặc LibreOffice, lưu lại dạng .xlsx rồi gửi lại.")
#: expat's errors of a text that ends too soon: no element closed, a token or a character cut.
_CUT_SHORT = {codes[XML_ERROR_NO_ELEMENTS], codes[XML_ERROR_UNCLOSED_TOKEN],
              codes[XML_ERROR_PARTIAL_CHAR]}
_DAMAGED = ("Tệp bị hỏng: phần '{part}' bên trong tệp không giải nén được: {error}; đề nghị mở "
            "thử tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.")


def check_bytes(data: bytes, suffix: str) -> None:
    """Raise :class:`FileRejected` (Vietnamese, :func:`thidua.ingest.limits.exceeded`) when a
    file's bytes break a limit of :mod:`thidua.ingest.limits`, hold a DTD, or a zip part
    cannot be inflated. The format is taken from the content, as in
    :func:`thidua.ingest.read.parse_sheet` (:func:`thidua.ingest.workbook.reads_as_csv`: a
    workbook under a ``.csv`` name is checked as a workbook). Returns ``None`` when the parser
    may go ahead. A web page or XML workbook saved in UTF-16, and UTF-32 text, is checked as
    its UTF-8 twin (:func:`thidua.ingest.widetext.as_utf8`, which rejects such text that does
    not decode); a UTF-16 CSV that does not decode is rejected saying so
    (:func:`thidua.ingest.widetext.undecodable`)."""
    data = as_utf8(data, suffix)
    if reads_as_csv(data, suffix):
        _check_csv(data)
    elif data.startswith(_ZIP):
        _check_zip(data)
    elif is_mhtml(data):  # Excel's "Single File Web Page": its parts and sheets counted
        check_mhtml(data)
    elif is_flat_ods(data):  # checked as the package it is read as (flatods.py)
        _check_zip(as_ods(data))
    elif data.startswith(_OLE) or headless_ole(data):
        check_xls(data, _check_sheets, _Part()._strings)


def column_number(letters: str) -> int:
    """Excel's column letters as a 1-based number: ``A`` → 1, ``XFD`` → 16384."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _letters(col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _check_extent(row: int, col: int, ref: str | None = None) -> None:
    """One cell holding a value, 1-based: within :data:`MAX_ROWS` and :data:`MAX_COLUMNS`."""
    ref = ref or f"{_letters(col)}{row}"
    if row > MAX_ROWS:
        raise FileRejected(exceeded("số dòng của trang tính", f"có ô {ref} ở dòng {number(row)}",
                                    f"{number(MAX_ROWS)} dòng"))
    if col > MAX_COLUMNS:
        raise FileRejected(exceeded("số cột của trang tính",
                                    f"có ô {ref} ở cột thứ {number(col)}",
                                    f"{number(MAX_COLUMNS)} cột, đến cột {_letters(MAX_COLUMNS)}"))


def _check_area(rows: int, cols: int) -> None:
    if rows * cols > MAX_CELLS:
        raise FileRejected(exceeded("số ô của trang tính", f"{number(rows * cols)} ô "
                                    f"({number(rows)} dòng × {number(cols)} cột)",
                                    f"{number(MAX_CELLS)} ô"))


def _count(value: str | None, default: int = 1) -> int:
    return int(value) if value and value.isdigit() else default


class _Done(Exception):
    """Stops reading a part early: its prolog (where a DTD would be) is past."""


class _Part:
    """Target of the XML parser for one part; what it follows depends on the root element:
    ``worksheet`` (.xlsx sheet), ``sst`` (shared strings), ``document-content`` (.ods).

    An ``.xlsx`` cell holding nothing (an empty text or only spaces: a formula's saved ``""``,
    a space typed, a shared string of spaces, ``blanks`` giving those) counts for no limit: the
    last row and column are those of the cells holding a value (:class:`BlankCells` when the
    empty ones reach past a limit, so that they are taken out before the sheet is read)."""

    def __init__(self, blanks=frozenset) -> None:
        self.mode: str | None = None
        self.row = self.col = self.rows_repeated = 0
        self.cell: tuple | None = None
        self.last_row = self.last_col = self.count = 0
        self.far: list[tuple[int, int, str]] = []  # a sheet's cells past the bounds
        self.far_tables: list[int] = []  # an .ods content's: the table of each (1-based)
        self.far_starts: list[tuple[int, int]] = []  # and each one's first row and column
        self.first = (0, 0)  # an .ods cell's first row and column (repeated, its last's are kept)
        self.blanks = blanks  # () → the indices of the shared strings holding nothing
        self.kind: str | None = None  # an .xlsx cell's type (``t``), its text, whether read
        self.text: list[str] | None = None
        self.parts: list[str] = []
        self.part = ""
        self.held = False
        self.grid_row = self.grid_col = 0  # the cells holding anything, empty text too
        self.beyond: tuple | None = None  # the first of them past a bound
        self.columns: dict[int, list] = {}  # column → [cells, last row, first cells]
        self.rows: dict[int, list] = {}  # row → [cells, last column]
        self.tail: dict[int, list] = {}  # the last rows' cells (at most MAX_FAR_CELLS + 1)
        self.tail_cells = self.dropped = 0
        self.line: list[tuple] = []  # an .xlsx row's values so far: (column, type, text)
        self.run: list | None = None  # the rows of one content up to now: [first, last, values]
        self.flooded = False  # cells past the bounds beyond the few left out, all in ``run``

    def start(self, tag: str, attrib: dict) -> None:
        name = tag.rpartition("}")[2]
        if self.mode is None:
            self.mode = name if name in ("worksheet", "sst", "document-content") else "other"
            if self.mode == "other":
                raise _Done
            if name == "sst":
                self._strings(_count(attrib.get("uniqueCount"), 0))
        elif self.mode == "worksheet":
            self._xlsx(name, attrib)
        elif self.mode == "sst" and name == "si":
            self.count += 1
            self._strings(self.count)
        elif self.mode == "document-content":
            self._ods(tag, attrib)

    def data(self, text: str) -> None:
        if self.text is not None:
            self.text.append(text)

    def end(self, tag: str) -> None:
        if self.mode == "worksheet":
            name = tag.rpartition("}")[2]
            if name in ("v", "t"):
                self.text = None
            elif name == "c" and self.cell:
                self._xlsx_cell()
            elif name == "row":
                self._xlsx_row()
            return
        if self.mode != "document-content":
            return
        if tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
            self.cell = None
        elif tag == _TABLE + "table-row":
            self.row += self.rows_repeated
        elif tag == _TABLE + "table":
            self.finish()

    def _strings(self, n: int) -> None:
        if n > MAX_SHARED_STRINGS:
            raise FileRejected(exceeded("số chuỗi chữ dùng chung (sharedStrings)",
                                        f"{number(n)} chuỗi", f"{number(MAX_SHARED_STRINGS)} chuỗi"))

    def _value(self, row: int, col: int, ref: str | None = None) -> None:
        if self.mode == "worksheet" and ref and (row > MAX_ROWS or col > MAX_COLUMNS):
            if len(self.far) < MAX_FAR_CELLS:
                self.far.append((row, col, ref))  # left out if few (:mod:`thidua.ingest.farcells`)
                return
            if self.run and self.run[0] <= MAX_ROWS and col <= MAX_COLUMNS \
                    and row == self.run[1] + 1:
                self.flooded = True  # a row filled down past the bound? (:meth:`_xlsx_row`)
                return
            row, col, ref = self.far[0]
        elif self.mode == "document-content" and (row > MAX_ROWS or col > MAX_COLUMNS):
            # an .ods cell past a bound, or repeated across a bound (a value dragged right to
            # the last column, a row filled down past the last row): left out if few, a row's
            # copies cut to two (:mod:`thidua.ingest.farcells`)
            self.far.append((row, col, f"{_letters(col)}{row}"))
            self.far_tables.append(self.count)
            self.far_starts.append(self.first)
            if sum(t == self.count for t in self.far_tables) <= MAX_FAR_CELLS:
                return
            row, col, ref = self.far[-1]
        _check_extent(row, col, ref)
        self.last_row, self.last_col = max(self.last_row, row), max(self.last_col, col)

    def _xlsx(self, name: str, attrib: dict) -> None:
        if name == "row":
            self.row, self.col = _count(attrib.get("r"), self.row + 1), 0
        elif name == "c":
            ref = attrib.get("r") or ""
            letters = ref.rstrip("0123456789")
            self.col = column_number(letters) if letters.isalpha() else self.col + 1
            self.cell = (_count(ref[len(letters):], self.row), self.col, ref or None)
            self.kind, self.held, self.parts = attrib.get("t"), False, []
        elif name in ("v", "is") and self.cell:
            self.held = True
            self.text = self.parts if name == "v" else None
        elif name == "t" and self.cell and self.held:  # an inline string's text (runs too)
            self.text = self.parts

    def _xlsx_cell(self) -> None:
        """At the end of a cell: counted when it holds a value (:class:`_Part`)."""
        cell, self.cell, self.text = self.cell, None, None
        if not self.held:
            return
        row, col, _ = cell
        self.grid_row, self.grid_col = max(self.grid_row, row), max(self.grid_col, col)
        if self.beyond is None and (row > MAX_ROWS or col > MAX_COLUMNS):
            self.beyond = cell
        text = "".join(self.parts).strip()
        if self.kind == "s":
            blank = text.isdigit() and int(text) in self._blank_strings()
        else:
            blank = not text
        if not blank:
            self.line.append((col, self.kind, text))
            self._value(*cell)
            if row <= MAX_ROWS and col <= MAX_COLUMNS:
                self._follow(*cell)

    def _xlsx_row(self) -> None:
        """At the end of an ``.xlsx`` row: the run of rows holding the same values goes on, or
        a new one starts with it. Once cells past the bound are too many to leave out
        (``flooded``), every later row must go on with the run (a value filled down past the
        last row: :class:`RepeatedRows`), else the file is rejected as before."""
        line, self.line = tuple(self.line), []
        if not line:
            return
        if self.run and line == self.run[2] and self.row == self.run[1] + 1:
            self.run[1] = self.row
            return
        if self.flooded:
            _check_extent(*self.far[0])
        self.run = [self.row, self.row, line]

    def repeated_rows(self) -> RepeatedRows | None:
        """At the end of an ``.xlsx`` sheet whose cells past the bounds are too many to leave
        out: :class:`RepeatedRows` when they all lie in the run of same rows that ends the sheet
        and starts within the row bound (every copy of one row, filled down past it), else
        ``None``."""
        if not self.flooded or not self.run:
            return None
        first, last, _ = self.run
        if any(col > MAX_COLUMNS for _, col, _ in self.far):
            return None  # a stray cell in a far column too: rejected as before
        try:
            _check_extent(*self.far[0])
        except FileRejected as exc:
            return RepeatedRows(str(exc), self.part, first, last)
        return None

    def _blank_strings(self):
        if callable(self.blanks):
            self.blanks = self.blanks()
        return self.blanks

    def _follow(self, row: int, col: int, ref: str | None) -> None:
        """Each column's and row's cells counted, for :meth:`_outliers`: the first cells of
        each column, and the cells of the last rows (never more than needed)."""
        column = self.columns.setdefault(col, [0, 0, []])
        column[0] += 1
        column[1] = max(column[1], row)
        if len(column[2]) <= MAX_FAR_CELLS:
            column[2].append((row, col, ref))
        line = self.rows.setdefault(row, [0, 0])
        line[0] += 1
        line[1] = max(line[1], col)
        self.tail.setdefault(row, []).append((row, col, ref))
        self.tail_cells += 1
        while self.tail_cells > MAX_FAR_CELLS + 1 and len(self.tail) > 1:
            first = next(iter(self.tail))  # the earliest row followed (rows come in order)
            self.tail_cells -= len(self.tail.pop(first))
            self.dropped = max(self.dropped, first)

    def _outliers(self) -> list[tuple[int, int, str]] | None:
        """At most :data:`MAX_FAR_CELLS` cells of the far right columns, or of the last rows,
        whose leaving out brings the sheet within :data:`MAX_CELLS` (a note typed in ``ALL1``
        beside 6.000 rows: fresh tester M's M051); ``None`` when there are none such. They
        must lie apart: the gap before them wider than what is kept (never a table's own last
        columns or rows)."""
        if any(ref is None for column in self.columns.values() for _, _, ref in column[2]):
            return None
        choices = []
        for cut, keep in (("columns", self.columns), ("rows", self.rows)):
            order = sorted(keep)
            reach = []  # the other way's farthest cell up to each key (prefix maxima)
            for key in order:
                reach.append(max(reach[-1] if reach else 0, keep[key][1]))
            left = 0
            for i in range(len(order) - 1, 0, -1):
                left += keep[order[i]][0]
                if left > MAX_FAR_CELLS:
                    break
                if order[i] - order[i - 1] <= order[i - 1]:
                    continue  # not apart from the rest here
                if order[i - 1] * reach[i - 1] <= MAX_CELLS:
                    choices.append((left, cut, order[i - 1]))
                    break
        for left, cut, last in sorted(choices):
            if cut == "columns":
                return [c for col in sorted(self.columns) if col > last
                        for c in self.columns[col][2]]
            if last >= self.dropped:  # every row after it still followed
                return [c for row in sorted(self.tail) if row > last for c in self.tail[row]]
        return None

    def _ods(self, tag: str, attrib: dict) -> None:
        if tag == _TABLE + "table":
            self.count += 1
            _check_sheets(self.count)
            self.row = self.last_row = self.last_col = 0
        elif tag == _TABLE + "table-row":
            self.rows_repeated = _count(attrib.get(_TABLE + "number-rows-repeated"))
            self.col = 0
        elif tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
            repeated = _count(attrib.get(_TABLE + "number-columns-repeated"))
            self.first = (self.row + 1, self.col + 1)
            self.col += repeated
            self.cell = (self.row + self.rows_repeated, self.col)
            if attrib.get(_OFFICE + "value-type"):
                self._ods_content()
        elif self.cell is not None:  # text inside a cell
            self._ods_content()

    def _ods_content(self) -> None:
        self._value(*self.cell)
        self.cell = None

    def finish(self) -> None:
        """At the end of a sheet: the rectangle up to its last value, within :data:`MAX_CELLS`
        (an ``.xlsx`` sheet's few cells making it larger taken as far cells)."""
        if self.mode == "worksheet" and self.last_row * self.last_col > MAX_CELLS \
                and not self.far and (outliers := self._outliers()):
            self.far = outliers
            return
        _check_area(self.last_row, self.last_col)

    def check_grid(self) -> None:
        """An ``.xlsx`` sheet whose empty cells (empty text, spaces) reach past a limit that
        its values keep within: :class:`BlankCells`, so that they are taken out."""
        row, col = self.grid_row, self.grid_col
        if row > MAX_ROWS or col > MAX_COLUMNS or row * col > MAX_CELLS:
            try:
                _check_extent(*self.beyond) if self.beyond else _check_area(row, col)
            except FileRejected as exc:
                raise BlankCells(str(exc), self.part, self.last_row, self.last_col) from None


def _check_sheets(n: int) -> None:
    if n > MAX_SHEETS:
        raise FileRejected(exceeded("số trang tính", f"{number(n)} trang tính",
                                    f"{number(MAX_SHEETS)} trang tính"))


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, blanks=frozenset) -> None:
    """Check one part: passed at once when :func:`thidua.ingest.sheetscan.quick_scan` finds it
    certainly within the limits (an ``.xlsx`` sheet or shared strings as Excel writes them),
    else streamed (:func:`_stream_part`)."""
    if not quick_scan(archive, info):
        _stream_part(archive, info, blanks)


class _Blanks:
    """Target of the XML parser for the shared strings: the indices of those holding nothing
    (empty, or only spaces)."""

    def __init__(self) -> None:
        self.index, self.found, self.held = -1, set(), False
        self.depth = 0

    def start(self, tag: str, attrib: dict) -> None:
        name = tag.rpartition("}")[2]
        if name == "si":
            self.index, self.held = self.index + 1, False
        elif name == "rPh":  # phonetic hints, never shown
            self.depth += 1

    def end(self, tag: str) -> None:
        name = tag.rpartition("}")[2]
        if name == "si" and not self.held:
            self.found.add(self.index)
        elif name == "rPh":
            self.depth -= 1

    def data(self, text: str) -> None:
        if not self.depth and text.strip():
            self.held = True


def blank_strings(archive: zipfile.ZipFile) -> set[int]:
    """The indices of an ``.xlsx``'s shared strings holding nothing (``" "``, ``""``), read
    through defusedxml; an empty set when the part is missing or cannot be read."""
    part = next((i for i in archive.infolist() if i.filename.lower() == "xl/sharedstrings.xml"),
                None)
    if part is None:
        return set()
    target = _Blanks()
    parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    try:
        with archive.open(part) as stream:
            while chunk := stream.read(_CHUNK):
                parser.feed(chunk)
        parser.close()
    except Exception:  # noqa: BLE001 - a damaged part: its own check says so
        return target.found
    return target.found


def _stream_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, blanks=frozenset) -> None:
    """Stream one part through defusedxml; stops after the prolog unless the part is a sheet,
    the shared strings or an .ods content."""
    target = _Part(blanks)
    target.part = info.filename
    parser = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True,
                              forbid_external=True)
    try:
        with archive.open(info) as stream:
            first = True
            while chunk := stream.read(_CHUNK):
                if first and not chunk.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
                    return  # not XML (an image, a binary part)
                first = False
                parser.feed(chunk)
        parser.close()
    except _Done:
        return  # prolog past
    except ParseError as exc:  # an .ods content ending mid-way is cut short: said so (an
        # .xlsx sheet's is, by the reader: "nội dung XML của trang tính bị cắt cụt")
        if target.mode == "document-content" and exc.code in _CUT_SHORT:
            raise FileRejected(_CUT_PART.format(part=info.filename)) from exc
        return  # otherwise not well-formed: the parser decides
    except DefusedXmlException as exc:
        raise FileRejected(_UNSAFE_XML.format(part=info.filename)) from exc
    except INFLATE_ERRORS as exc:
        if OPTIONAL_PARTS.match(info.filename):
            return  # a decoration's part: the reader goes round it (salvage.py)
        raise FileRejected(_DAMAGED.format(part=info.filename, error=file_fault(exc))) from exc
    if target.mode == "document-content" and target.far:
        try:
            _check_extent(*target.far[0])
        except FileRejected as exc:
            raise FarCells(str(exc), info.filename, tuple(target.far),
                           tuple(target.far_tables), tuple(target.far_starts)) from None
    if target.mode == "worksheet":
        if copies := target.repeated_rows():
            raise copies
        if target.flooded:  # past the bounds other than by one row's copies: as before
            _check_extent(*target.far[0])
        target.finish()
        if target.far:
            try:
                _check_extent(*target.far[0])
                _check_area(target.last_row, target.last_col)
            except FileRejected as exc:
                raise FarCells(str(exc), info.filename, tuple(target.far)) from None
        target.check_grid()


def _check_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # cut short: :func:`thidua.ingest.workbook.workbook_grids` says so
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise FileRejected(exceeded("số phần bên trong tệp", f"{number(len(infos))} phần",
                                        f"{number(MAX_PARTS)} phần"))
        total = sum(i.file_size for i in infos)
        if total > MAX_UNCOMPRESSED_BYTES:
            raise FileRejected(exceeded("dung lượng sau khi giải nén", size(total),
                                        size(MAX_UNCOMPRESSED_BYTES)))
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_CHECKED_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
                raise FileRejected(exceeded(f"tỉ lệ nén (phần '{info.filename}')",
                                            f"{number(ratio)} lần (nén {size(info.compress_size)}, "
                                            f"giải nén {size(info.file_size)})",
                                            f"{number(MAX_COMPRESSION_RATIO)} lần"))
        _check_sheets(sum(1 for i in infos if i.filename.startswith("xl/worksheets/")
                          and i.filename.endswith(".xml")))
        found: list[set[int]] = []

        def blanks() -> set[int]:  # read once, when a sheet is streamed
            if not found:
                found.append(blank_strings(archive))
            return found[0]

        for info in infos:
            if not info.is_dir():
                _scan_part(archive, info, blanks)
        if reason := broken_package(archive):  # a part the workbook cannot open without
            raise FileRejected(reason)


def _check_csv(data: bytes) -> None:
    """Lines and separators bound a CSV's rows and cells; NUL bytes mean it is not text."""
    lines = max(data.count(b"\n"), data.count(b"\r")) + 1
    if lines > MAX_ROWS:
        raise FileRejected(exceeded("số dòng của tệp CSV", f"{number(lines)} dòng",
                                    f"{number(MAX_ROWS)} dòng"))
    separators = data.count(b",") + data.count(b";") + data.count(b"\t")
    if separators > MAX_CELLS:
        raise FileRejected(exceeded("số ô của tệp CSV", f"khoảng {number(separators)} ô",
                                    f"{number(MAX_CELLS)} ô"))
    if reason := undecodable(data):  # UTF-16 cut in a character: not "NUL bytes"
        raise FileRejected(reason)
    nul = data.count(b"\x00")
    if nul and not utf16(data):
        raise FileRejected(f"Tệp CSV có {number(nul)} ký tự NUL (mã 0), không phải văn bản: có "
                           f"thể là tệp nhị phân đặt đuôi .csv hoặc bị hỏng; đề nghị lưu lại "
                           f"bằng Excel dạng CSV UTF-8 hoặc .xlsx rồi gửi lại.")
