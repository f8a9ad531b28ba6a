"""Text saved two or four bytes a character (UTF-16, UTF-32), decoded before its format is
told and before it is parsed (``docs/contracts.md``, "A web page or an XML 2003 workbook saved
in UTF-16"; an extension of ``spec/submission-form.md``, "The file", which reads a file by its
content whatever its suffix says).

Web systems built on .NET write their "Xuất Excel" in ``Encoding.Unicode`` (UTF-16 little
endian, with a byte-order mark or, through ``Response.BinaryWrite``, without one), and Excel
saves "XML Spreadsheet 2003" in UTF-16 when told to (``<?xml … encoding="UTF-16"?>``). Excel
opens both as it opens their UTF-8 twins. Every test of a format here looks at bytes
(``<html``, ``<?xml`` and the XML 2003 namespace): in UTF-16 each ASCII letter has a NUL beside
it, so none matched, the file was read as a UTF-16 CSV and rejected "Không tìm thấy dòng tiêu
đề" (fresh tester's T079, T080, T091, T093, T173, T174, T178).

:func:`as_utf8` is called first by :func:`thidua.ingest.isolation.checked_parse`,
:func:`thidua.ingest.prescan.check_bytes` and :func:`thidua.ingest.read.parse_sheets`: UTF-16
is told by its byte-order mark, or without one by the NUL bytes beside ASCII characters
(:func:`thidua.ingest.workbook.utf16_pattern`, the same test as a UTF-16 CSV's); when its text
would not be read as CSV under its suffix (its UTF-8 twin is a web page, an XML 2003 or flat
ODF workbook, an MHTML archive), the text is passed on as UTF-8, the XML declaration's
``encoding`` saying so, and every test of a format, limit and parser then works on it as on the
twin. UTF-16 CSV and tab-separated text (Excel's "Unicode Text") is left as it is: the CSV
reader decodes it (:func:`thidua.ingest.workbook.decode_csv`).

UTF-32, which no spreadsheet program nor web system's export writes and which browsers do not
read (WHATWG Encoding Standard: no UTF-32 decoder), is still decoded when it is that for sure
(its byte-order mark, or three NUL bytes beside each ASCII character): the text is whole, a
UTF-16 reading of it only interleaved NULs (a UTF-32 CSV was read with a blank row between two
rows).

Text that is UTF-16 or UTF-32 by those marks but does not decode (an odd number of bytes: a
download cut short; a broken character) is rejected saying so (:func:`undecodable`), never
"Không tìm thấy dòng tiêu đề" for text that was never read.
"""

from __future__ import annotations

import re

from thidua.ingest.limits import number
from thidua.ingest.workbook import FileRejected, _not_a_workbook, reads_as_csv, utf16_pattern

#: Bytes of a file's start decoded to tell its format (the format tests look at 8.192 bytes).
_HEAD_BYTES = 16_384
#: The XML declaration's encoding, rewritten when the text is passed on as UTF-8.
_DECLARED = re.compile(r"""^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")
#: What a text table is called when its text does not decode.
TEXT = "văn bản (CSV)"


def utf32_pattern(data: bytes) -> str | None:
    """``"utf-32"`` for a UTF-32 byte-order mark (``FF FE 00 00``, ``00 00 FE FF``: checked
    before UTF-16's, which ``FF FE`` also starts), ``"utf-32-le"``/``"utf-32-be"`` when the
    first 8.192 bytes are four a character with three NUL bytes beside each (characters below
    U+10000 with at least one not NUL; a last character cut short left out, and at least two
    whole ones), else ``None``."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    head = data[:min(len(data) // 4, 2048) * 4]  # the whole characters of the first 8.192 bytes
    if len(head) < 8:
        return None
    first, second, third, fourth = (head[i::4] for i in range(4))  # each character's bytes
    if not third.strip(b"\x00") and not fourth.strip(b"\x00") and 0 not in first:
        return "utf-32-le"
    if not first.strip(b"\x00") and not second.strip(b"\x00") and 0 not in fourth:
        return "utf-32-be"
    return None


def _codec(data: bytes) -> tuple[str, str] | None:
    """``(codec, name told)`` of wide text (UTF-32 first), else ``None``."""
    if codec := utf32_pattern(data):
        return codec, "UTF-32"
    if codec := utf16_pattern(data):
        return codec, "UTF-16"
    return None


def _head(data: bytes, codec: str) -> bytes:
    """The start of wide text as UTF-8 (a broken character, and one cut at its end, replaced
    by U+FFFD): enough for every test of a format, which looks for markup at the start."""
    return data[:_HEAD_BYTES].decode(codec, errors="replace").encode()


def as_utf8(data: bytes, suffix: str) -> bytes:
    """``data`` as its UTF-8 twin when it is wide text (:func:`_codec`) read as something
    other than CSV under ``suffix`` (UTF-16 markup), or any UTF-32 text; else ``data``
    unchanged (UTF-16 text tables, UTF-8, Windows-1258, legacy encodings, workbooks). An XML
    declaration's ``encoding`` is rewritten ``UTF-8``; the byte-order mark is dropped (a second
    one too).

    Raises :class:`FileRejected` (Vietnamese) when such text does not decode
    (:func:`undecodable`)."""
    found = _codec(data)
    if found is None:
        return data
    codec, name = found
    head = _head(data, codec)
    if name == "UTF-16" and (_not_a_workbook(head) is None or reads_as_csv(head, suffix)):
        return data  # a UTF-16 text table: the CSV reader's (and its tail's, csvtail.py)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise FileRejected(_reason(data, name, exc, _not_a_workbook(head) or TEXT)) from None
    text = text.removeprefix("\ufeff")  # a second mark: the codec took the first
    return _DECLARED.sub(r"\1\2UTF-8\2", text).encode()  # (``^``: one at most; UTF-8)


def undecodable(data: bytes) -> str | None:
    """Why wide text (:func:`_codec`) is not read when it does not decode: cut short in a
    character (an odd number of bytes), or a broken character, with what it is and what to
    do (Vietnamese); ``None`` when it decodes, or is no wide text. For a UTF-16 CSV, checked
    after its empty end is taken off (:func:`thidua.ingest.csvtail.trimmed_tail`)."""
    found = _codec(data)
    if found is None:
        return None
    codec, name = found
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return _reason(data, name, exc, _not_a_workbook(_head(data, codec)) or TEXT)
    return None


def _reason(data: bytes, name: str, exc: UnicodeDecodeError, kind: str) -> str:
    """The reason of wide text that does not decode (:func:`undecodable`)."""
    if exc.end >= len(data):  # (positions count the byte-order mark's bytes too)  # the last character is not whole: the file ends in it
        width = 4 if name == "UTF-32" else 2
        odd = (f", {number(len(data))} byte: số byte "
               f"{'lẻ' if width == 2 else 'không chia hết cho 4'}" if len(data) % width else "")
        return (f"Tệp là {kind}, lưu bằng mã {name}, nhưng bị cắt cụt (tệp dừng giữa một ký tự"
                f"{odd}), thường do tải về hoặc gửi thư bị gián đoạn; phần cuối của bảng có "
                f"thể đã mất nên tệp không được đọc. Đề nghị xuất lại tệp từ phần mềm (hoặc "
                f"gửi lại tệp đầy đủ), tốt nhất mở bằng Excel và lưu dạng .xlsx rồi gửi.")
    return (f"Tệp là {kind}, lưu bằng mã {name}, nhưng có ký tự hỏng ở byte thứ "
            f"{number(exc.start + 1)} (không giải mã được) nên chữ trong tệp không đọc "
            f"được. Đề nghị mở tệp bằng Excel, lưu dạng .xlsx (hoặc xuất lại tệp từ phần mềm) "
            f"rồi gửi lại.")
