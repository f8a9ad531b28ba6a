"""An ``.xls`` (an OLE compound file holding Excel's ``Workbook`` stream) checked before the
reader sees it: its limits (:mod:`thidua.ingest.limits`: declared dimensions, sheets, shared
strings) and its structure. A damaged container (cut short, its directory or its sector table
(FAT) zeroed in transfer, its signature wiped) makes the reader follow garbage sizes: it asked
for 2 GB of memory on a 5,6 KB file, and the unit was told to delete extra sheets (fifth
tester, F10). Such a file is told as damaged, with what is damaged and the fix.
Called by :func:`thidua.ingest.prescan.check_bytes`.
"""

from __future__ import annotations

import struct

import olefile

from thidua.ingest.limits import (MAX_CELLS, MAX_COLUMNS, MAX_ROWS, MAX_UNCOMPRESSED_BYTES,
                                  exceeded, number, size)
from thidua.ingest.workbook import FileRejected, TRUNCATED

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: What the unit should do with a damaged .xls.
_FIX = ("đề nghị mở thử tệp bằng Excel trên máy đã lập tệp: nếu mở được, lưu lại dạng .xlsx rồi "
        "gửi lại; nếu không, gửi lại tệp gốc.")
NO_SIGNATURE = ("Tệp .xls bị hỏng: phần đầu tệp (chữ ký của tệp Excel 97–2003) bị ghi đè; " + _FIX)
NO_DIRECTORY = ("Tệp .xls bị hỏng: mục lục bên trong tệp bị xóa trắng hoặc hỏng, không thấy phần "
                "dữ liệu bảng tính (Workbook); " + _FIX)
BAD_CHAIN = ("Tệp .xls bị hỏng: bảng cấp phát vùng dữ liệu (FAT) bên trong tệp bị hỏng, phần dữ "
             "liệu bảng tính trỏ vòng lại hoặc ra ngoài tệp; " + _FIX)
_ENDOFCHAIN = 0xFFFFFFFE
_DIMENSIONS, _BOUNDSHEET, _SST = 0x0200, 0x0085, 0x00FC


def headless_ole(data: bytes) -> bool:
    """Whether ``data`` is an OLE compound file header without its signature: the byte order
    mark ``FE FF`` at offset 28 and sector shift 9 or 12 at offset 30 (the rest of the header
    as Excel writes it), the first 8 bytes overwritten."""
    return (len(data) >= 512 and not data.startswith(OLE_SIGNATURE)
            and data[28:30] == b"\xfe\xff" and data[30:32] in (b"\x09\x00", b"\x0c\x00"))


def _chain_ok(ole: olefile.OleFileIO, entry) -> bool:
    """Whether a stream's sector chain in the FAT ends, without looping, within the file, and
    is long enough for its size (streams under the mini-stream cutoff live in the
    mini-stream: not followed)."""
    if entry.size < ole.minisectorcutoff:
        return True
    seen, sector = set(), entry.isectStart
    while sector != _ENDOFCHAIN:
        if sector in seen or sector >= min(len(ole.fat), ole.nb_sect):
            return False
        seen.add(sector)
        sector = ole.fat[sector]
    return len(seen) * ole.sectorsize >= entry.size


def _stream(data: bytes) -> bytes | None:
    """The ``Workbook`` (or Excel 5 ``Book``) stream; ``None`` when the file is not a
    workbook (encrypted, another Office file: the reader says so). Raises
    :class:`FileRejected` when the container is damaged or over a limit."""
    try:
        ole = olefile.OleFileIO(data)
    except OSError as exc:  # olefile's errors: cut short, or a header that is not OLE
        cut = "incomplete" in str(exc) or len(data) < 1536  # header + FAT + directory
        raise FileRejected(TRUNCATED if cut else NO_DIRECTORY) from exc
    except Exception as exc:  # noqa: BLE001 - any other fault of the container
        raise FileRejected(NO_DIRECTORY) from exc
    with ole:
        root = ole.root
        kids = ({kid.name: kid for kid in root.kids if kid is not root and kid.name}
                if root is not None and root.entry_type == olefile.STGTY_ROOT else {})
        if not kids:  # a directory zeroed: no root entry, nothing under it
            raise FileRejected(NO_DIRECTORY)
        name = next((n for n in ("Workbook", "Book") if n in kids), None)
        if name is None:
            return None
        if kids[name].size > MAX_UNCOMPRESSED_BYTES:
            raise FileRejected(exceeded("dung lượng bảng tính", size(kids[name].size),
                                        size(MAX_UNCOMPRESSED_BYTES)))
        if not _chain_ok(ole, kids[name]):
            raise FileRejected(BAD_CHAIN)
        try:
            return ole.openstream(name).read()
        except Exception as exc:  # noqa: BLE001 - a chain olefile cannot follow
            raise FileRejected(BAD_CHAIN) from exc


def check_xls(data: bytes, check_sheets, check_strings) -> None:
    """Check an .xls: its container (see the module) and the BIFF records of its workbook
    stream: DIMENSIONS (:data:`MAX_ROWS`, :data:`MAX_COLUMNS`, :data:`MAX_CELLS`), BOUNDSHEET
    (``check_sheets(n)``), SST (``check_strings(n)``). Raises :class:`FileRejected`."""
    if headless_ole(data):
        raise FileRejected(NO_SIGNATURE)
    stream = _stream(data)
    if stream is None:
        return
    pos, sheets = 0, 0
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        body = stream[pos + 4:pos + 4 + length]
        pos += 4 + length
        if kind == _DIMENSIONS and len(body) >= 10:
            _, rows, _, cols = struct.unpack_from("<IIHH" if len(body) >= 14 else "<HHHH", body)
            if rows > MAX_ROWS or cols > MAX_COLUMNS or rows * cols > MAX_CELLS:
                raise FileRejected(exceeded("kích thước khai báo của trang tính",
                                            f"{number(rows)} dòng × {number(cols)} cột",
                                            f"{number(MAX_ROWS)} dòng, {number(MAX_COLUMNS)} cột"))
        elif kind == _BOUNDSHEET:
            sheets += 1
            check_sheets(sheets)
        elif kind == _SST and len(body) >= 8:
            check_strings(struct.unpack_from("<II", body)[1])
