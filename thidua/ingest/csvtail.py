"""The end of a CSV file that holds no text, taken off before it is checked and read
(``spec/submission-form.md``, "CSV"; extension in ``docs/contracts.md``, "The end of a CSV
that holds no text").

Three things follow the last line of a unit's CSV without being part of its table:

* NUL bytes (code 0) padding the file: a copy or a download cut short, a disk or a USB stick
  that filled the file's last block with zeros. They made the whole file "not text" and
  rejected it; the text above them is whole.
* the DOS end-of-file mark (code 26, ``Ctrl+Z``) some old programs still write: it was read
  as a row of its own and rejected, a row the unit cannot see.
* lines of separators only (``,,,,,,``): Excel writes one for every row of the sheet's used
  range, and a space typed once in ``A1048576`` (``Ctrl+↓``) gives a million of them: the
  file went past the limit of rows and was rejected, while those lines are blank rows, never
  counted.

Only the end of the file is taken: a NUL or a mark between two lines of text still makes the
file what it is (:func:`thidua.ingest.prescan.check_bytes` rejects it). The last line of text
keeps its own trailing separators and its line break.

A fourth: one line repeated to the end, past the limit of rows (a value filled down the sheet
to its last row, ``,,,,,,,,,Hoàn thành`` a million times, then saved as CSV): its first
:data:`~thidua.ingest.farcells.KEPT_COPIES` copies are kept, the rest taken off and told
(:func:`repeated_tail`), as in a workbook (:mod:`thidua.ingest.farcells`).
"""

from __future__ import annotations

import re
import unicodedata

from thidua.ingest.farcells import KEPT_COPIES, copies_note
from thidua.ingest.limits import MAX_ROWS, number
from thidua.ingest.workbook import utf16

#: Blank lines at the end of a CSV above which the unit is told they were taken off (a few
#: are what every export writes).
TOLD_BLANK_LINES = 1000
#: What the end of a CSV may hold without any text: blanks, separators, line breaks, NUL
#: bytes and DOS end-of-file marks (taken by ``rstrip``: one pass from the end; a pattern
#: anchored at the end tried every run of separators to the end of the file, quadratic).
_EMPTY_END = " \t,;|\r\n\x00\x1a"
_PADDING = "\x00\x1a"


def trimmed_tail(data: bytes) -> tuple[bytes, str | None]:
    """``data`` (the bytes of a CSV, UTF-16 or in an encoding that keeps ASCII as one byte:
    UTF-8, Windows-1258, TCVN3, VNI) without its empty end, and what the unit is told about
    it (Vietnamese) or ``None``: NUL bytes are told, and more than :data:`TOLD_BLANK_LINES`
    blank lines; a DOS end-of-file mark and a few blank lines are not. The empty end begins
    at the first line break after the last text (kept, with that line); without a line break
    there, only NULs and end-of-file marks are taken. UTF-16 that does not decode is left as
    it is (the reader says why). Never raises."""
    codec, width, start = _codec(data)
    try:
        text = data[start:len(data) - (len(data) - start) % width].decode(codec)
    except UnicodeDecodeError:
        return data, None
    tail = text[len(text.rstrip(_EMPTY_END)):]
    if not tail:
        return data, None
    breaks = re.search(r"\r\n|\r|\n", tail)
    if breaks is None:
        removed = tail[len(tail.rstrip(_PADDING)):]  # the last line's own blanks stay
    else:
        removed = tail[breaks.end():]
    if not removed:
        return data, None
    kept = data[:start + width * (len(text) - len(removed))]
    return kept, _note(removed)


def _codec(data: bytes) -> tuple[str, int, int]:
    """How the tail is read: ``(codec, bytes per character, bytes before the text)``. UTF-16
    (:func:`thidua.ingest.workbook.utf16`, also when NUL padding hides it: the padding is
    what makes the file look like no UTF-16), else one byte per character."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ("utf-16-le" if data[0] == 0xFF else "utf-16-be"), 2, 2
    unpadded = data.rstrip(b"\x00")
    unpadded += b"\x00" * (len(unpadded) % 2)  # the last character's own NUL half
    codec = utf16(data) or utf16(unpadded)
    if codec is None:
        return "latin-1", 1, 0  # one character per byte: the positions are the bytes'
    return codec, 2, 0


def _note(removed: str) -> str | None:
    nuls = removed.count("\x00")
    lines = len(re.findall(r"\r\n|\r|\n", removed))
    told = []
    if nuls:
        told.append(f"{number(nuls)} ký tự NUL (mã 0) đệm thêm, thường do tệp được chép hoặc "
                    f"tải về chưa trọn")
    if lines > TOLD_BLANK_LINES:
        told.append(f"{number(lines)} dòng trống chỉ có dấu phân cách, thường do một ô ở rất "
                    f"xa bên dưới bảng có dấu cách hoặc định dạng")
    if not told:
        return None
    return (f"Cuối tệp CSV có {' và '.join(told)}: đã bỏ phần đó và đọc phần văn bản phía "
            f"trên. Đề nghị kiểm tra tệp gốc còn đủ các dòng và lần sau xoá các dòng, ô thừa "
            f"bên dưới bảng trước khi lưu.")


def repeated_tail(data: bytes) -> tuple[bytes, str | None]:
    """``data`` (a CSV's bytes, its empty end taken off: :func:`trimmed_tail`) without the
    copies past the first :data:`~thidua.ingest.farcells.KEPT_COPIES` of the line that ends it,
    when the file has more lines than :data:`~thidua.ingest.limits.MAX_ROWS` and that line's
    copies run from within the limit to the end; and the line telling the unit
    (:func:`thidua.ingest.farcells.copies_note`). ``(data, None)`` otherwise (the limit then
    rejects the file as before). Walks back from the end a copy at a time, never splitting
    the file into lines (a 50 MB file of short lines would not fit a worker's memory). Never
    raises."""
    if max(data.count(b"\n"), data.count(b"\r")) + 1 <= MAX_ROWS:
        return data, None
    codec, width, start = _codec(data)
    try:  # UTF-16 read as text; else the bytes themselves (one byte a character)
        text = data[start:len(data) - (len(data) - start) % width].decode(codec) \
            if width == 2 else data[start:]
    except UnicodeDecodeError:
        return data, None
    lf, cr = ("\n", "\r") if width == 2 else (b"\n", b"\r")
    end = len(text) - (2 if text.endswith(cr + lf) else 1 if text.endswith((lf, cr)) else 0)
    at = max(text.rfind(lf, 0, end), text.rfind(cr, 0, end)) + 1  # the last line's start
    if at == 0:
        return data, None
    brk = cr + lf if text[at - 2:at] == cr + lf else text[at - 1:at]
    line = text[at:end]
    copy = line + brk
    first = at
    while first >= len(copy) and text[first - len(copy):first] == copy:
        first -= len(copy)
    if first and text[first - 1:first] not in (lf, cr):
        first += len(copy)  # the line there only ends as a copy does
    copies = (at - first) // len(copy) + 1
    number_of_first = max(text.count(lf, 0, first), text.count(cr, 0, first)) + 1
    if number_of_first > MAX_ROWS or copies <= KEPT_COPIES:
        return data, None
    kept = first + KEPT_COPIES * len(copy)
    values = [v.strip().strip('"') for v in re.split(r"[,;\t]", _shown(line, width))]
    note = copies_note(None, number_of_first, number_of_first + copies - 1,
                       [v for v in values if v])
    return data[:start + width * kept], note


def _shown(line: str | bytes, width: int) -> str:
    """A line of :func:`repeated_tail` as the unit wrote it: UTF-16 is read already; the bytes
    of one byte a character are UTF-8, else Windows-1258 (what the reader then decides for the
    whole file)."""
    if width == 2:
        return line
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return unicodedata.normalize("NFC", line.decode("cp1258", "replace"))
