"""The limits of :mod:`thidua.ingest.prescan` checked on a whole ``.xlsx`` sheet at C speed.

Streaming every element of a sheet through a Python target costs about ten times python-calamine's
own read of the file (issue 10, P3). A sheet or shared-strings part as Excel, LibreOffice and
openpyxl write it is passed here instead, by byte searches only, when it certainly passes:

- its prolog holds no ``<!`` (DTD, entity, comment, CDATA) and it has no processing
  instruction but the XML declaration and no prefixed element, so that no element can hide
  and defusedxml has nothing to refuse;
- every cell starts ``<c r="A1"``: the farthest cells bound the cells holding a value that
  the streaming check follows, and they are within :data:`~thidua.ingest.limits.MAX_ROWS`,
  :data:`~thidua.ingest.limits.MAX_COLUMNS` and :data:`~thidua.ingest.limits.MAX_CELLS`;
- the shared strings, declared and counted as ``<si`` tags, are within
  :data:`~thidua.ingest.limits.MAX_SHARED_STRINGS`.

Anything else (an ``.ods``, another encoding than UTF-8, a part over :data:`QUICK_BYTES` or one
that cannot be inflated, a part over a limit) is streamed, which decides exactly as before and
says which cell or count is too much. Only a pass is ever decided here, so the outcome of
:func:`thidua.ingest.prescan.check_bytes` never changes.
"""

from __future__ import annotations

import re
import zipfile
import zlib

from thidua.ingest.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_SHARED_STRINGS

#: Parts larger than this are streamed (never held whole in memory here).
QUICK_BYTES = 64 * 1024 * 1024
_ROOT = re.compile(rb"\s*(?:<\?xml(?P<decl>[^>]*)\?>)?\s*<(?P<name>[\w.-]+)"
                   rb"(?P<attrs>[^<>]*)>")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([^"']*)["']""")
#: An element name with a prefix (``<x:c``): such a part is streamed.
_PREFIXED = re.compile(rb"<[^\s<>/!?:]*:")
#: The column letters and the row number of a cell's reference when it is the first attribute
#: (``<c r="A1" …``, as Excel writes it; no leading zero).
_COLUMNS = re.compile(rb'<c r="([A-Z]{1,3})[1-9][0-9]{0,6}"')
_ROWS = re.compile(rb'<c r="[A-Z]{1,3}([1-9][0-9]{0,6})"')
#: Parts worth reading whole here: sheets and shared strings as Excel names them (any other
#: part, whatever it holds, is streamed, which stops after its root element).
_NAMES = re.compile(r"xl/(?:worksheets/[^/]+\.xml|sharedStrings\.xml)", re.IGNORECASE)
_UNIQUE = re.compile(rb"""(?:^|\s)uniqueCount\s*=\s*["']([^"'&]*)["']""")


def _part_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    if info.file_size > QUICK_BYTES or info.is_dir():
        return None
    try:
        with archive.open(info) as stream:
            return stream.read(QUICK_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError):
        return None  # the streaming check says what is wrong


def quick_scan(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """Whether one part of an ``.xlsx`` certainly passes the checks
    :func:`thidua.ingest.prescan._stream_part` makes: a sheet or the shared strings written
    plainly (see the module) and within every limit. ``False`` decides nothing: the part is
    then streamed, which finds and says what is wrong (or passes it). Never raises."""
    if not _NAMES.fullmatch(info.filename):
        return False
    data = _part_bytes(archive, info)
    if data is None or len(data) > QUICK_BYTES:
        return False
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    root = _ROOT.match(body)
    if root is None or root["name"] not in (b"worksheet", b"sst") or b"&" in root["attrs"]:
        return False
    decl = root["decl"] or b""
    if (found := _ENCODING.search(decl)) and found.group(1).lower() not in (b"utf-8", b"utf8"):
        return False
    if b"<!" in body or body.count(b"<?") > (1 if root["decl"] is not None else 0) \
            or _PREFIXED.search(body):
        return False
    if root["name"] == b"sst":  # within the limit, declared and counted: it passes
        unique = _UNIQUE.search(root["attrs"])
        return _count(unique.group(1).decode() if unique else None) <= MAX_SHARED_STRINGS \
            and _elements(body, b"si") <= MAX_SHARED_STRINGS
    # Every cell is ``<c r="A1"``: the farthest cells bound those holding a value. Within every
    # limit, the streaming check (which follows the valued cells only) passes too; else it is
    # the one to say which cell is too far.
    columns, rows = _COLUMNS.findall(body), _ROWS.findall(body)
    if len(columns) != _elements(body, b"c") or len(rows) != len(columns):
        return False
    if columns:
        last_col = _column(max(set(columns), key=lambda c: (len(c), c)))  # Z after A
        last_row = max(map(int, rows))
        if last_row > MAX_ROWS or last_col > MAX_COLUMNS or last_row * last_col > MAX_CELLS:
            return False
    return True


def _elements(body: bytes, name: bytes) -> int:
    """How many start tags of element ``name`` (no prefix) ``body`` holds."""
    return sum(body.count(b"<" + name + end) for end in (b" ", b"\t", b"\n", b"\r", b">", b"/"))


def _count(value: str | None) -> int:
    return int(value) if value and value.isdigit() else 0


def _column(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n
