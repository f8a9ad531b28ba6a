"""Vietnamese reasons for the errors that the system and the parsers report in English.

A refusal says in Vietnamese what went wrong and where (style: every message the user reads
is Vietnamese): an operating-system error by its ``errno``, a JSON or TOML syntax error by its
line and column, a CSV tokenizer error (pandas' C parser) by its line, a spreadsheet reader's
or a zip part's failure by what it says of the file. The English text of
the original error is never shown; an error this module does not know gets a general reason,
never the English one.
"""

from __future__ import annotations

import builtins
import errno
import json
import re
import traceback
from pathlib import Path

#: ``errno`` → what it means for a file the user named.
OS_REASONS = {
    errno.ENOENT: "không tồn tại",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép thao tác",
    errno.EISDIR: "là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết hạn mức dung lượng trên ổ đĩa",
    errno.EROFS: "ổ đĩa chỉ cho phép đọc",
    errno.EEXIST: "đã có sẵn",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.EIO: "lỗi đọc/ghi của ổ đĩa",
    errno.ELOOP: "đường dẫn liên kết vòng tròn",
    errno.ETXTBSY: "tệp đang được chương trình khác dùng",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
}


def os_reason(exc: OSError) -> str:
    """What ``exc`` (an :class:`OSError`) means, in Vietnamese, e.g. ``"không có quyền truy
    cập"`` for ``EACCES``; an unknown error number gives ``"lỗi hệ thống (mã N)"``, an error
    without a number ``"lỗi hệ thống"``."""
    if exc.errno in OS_REASONS:
        return OS_REASONS[exc.errno]
    return f"lỗi hệ thống (mã {exc.errno})" if exc.errno else "lỗi hệ thống"


def json_reason(exc: json.JSONDecodeError) -> str:
    """Where ``exc`` found the JSON text broken: ``"không đúng dạng JSON ở dòng L, cột C"``
    (both counted from 1, as :class:`json.JSONDecodeError` gives them)."""
    return f"không đúng dạng JSON ở dòng {exc.lineno}, cột {exc.colno}"


_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml_reason(exc: ValueError) -> str:
    """Where ``exc`` (:class:`tomllib.TOMLDecodeError`, whose line and column are only in its
    English message before Python 3.14) found the TOML text broken:
    ``"không đúng dạng TOML ở dòng L, cột C"``, or ``"… ở cuối tệp"`` (a table or a value left
    open), or ``"không đúng dạng TOML"`` when the message gives no place."""
    text = str(exc)
    where = _TOML_WHERE.search(text)
    if where:
        return f"không đúng dạng TOML ở dòng {where[1]}, cột {where[2]}"
    if "end of document" in text:
        return "không đúng dạng TOML ở cuối tệp (có bảng, chuỗi hoặc giá trị chưa đóng)"
    return "không đúng dạng TOML"


_CSV_OPEN_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")
_CSV_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")


def csv_reason(exc: Exception, separator: str = "dấu phẩy") -> str:
    """Where pandas' C tokenizer (``pandas.errors.ParserError``) found the CSV text broken,
    with lines counted from 1 in the text it was given: a quote never closed
    (``"dấu ngoặc kép mở ở dòng L không được đóng"``) or a row with more cells than the header
    (``"dòng L có M ô, nhiều hơn N cột của dòng tiêu đề"``); otherwise
    ``"không đúng dạng CSV"``. ``separator``: the Vietnamese name of the text's separator
    (``"dấu chấm phẩy"`` for a registry separated by ``;``), said in what a cell holding it
    needs. Source: the tokenizer's messages, pandas 2/3 (``tokenizer.c``: rows counted from
    0, lines from 1)."""
    text = str(exc)
    quote = _CSV_OPEN_QUOTE.search(text)
    if quote:
        return (f"dấu ngoặc kép mở ở dòng {int(quote[1]) + 1} không được đóng (mỗi ô có {separator} "
                f"hoặc xuống dòng phải nằm giữa hai dấu ngoặc kép)")
    fields = _CSV_FIELDS.search(text)
    if fields:
        return (f"dòng {fields[2]} có {fields[3]} ô, nhiều hơn {fields[1]} cột của dòng tiêu đề "
                f"(ô có {separator} phải nằm giữa hai dấu ngoặc kép)")
    return f"không đúng dạng CSV ({separator} hoặc dấu ngoặc kép đặt sai)"


#: Words of a reader's or a zip part's English error → what it means for the unit's file, in
#: the order tried (python-calamine's ``CalamineError``/``XmlError``, :mod:`zipfile`,
#: :mod:`zlib`); the first match wins.
FILE_FAULTS: tuple[tuple[str, str], ...] = (
    ("shared string", "bảng chữ dùng chung của tệp (sharedStrings.xml) bị thiếu hoặc thiếu chữ"),
    ("crc", "sai mã kiểm tra (CRC), nội dung đã bị thay đổi hoặc hỏng khi sao chép"),
    ("compression method", "dùng kiểu nén không được hỗ trợ"),
    ("encrypt", "được đặt mật khẩu"),
    ("truncated", "bị cắt cụt (tải về hoặc sao chép chưa hết)"),
    ("eof", "bị cắt cụt (tải về hoặc sao chép chưa hết)"),
    ("inflat", "dữ liệu nén bị hỏng"),
    ("decompress", "dữ liệu nén bị hỏng"),
    ("zlib", "dữ liệu nén bị hỏng"),
    ("xml", "nội dung XML của trang tính bị cắt cụt hoặc hỏng"),
    ("zip", "cấu trúc nén của tệp bị hỏng"),
    ("sheet", "một trang tính bị hỏng"),
)


def file_fault(exc: BaseException) -> str:
    """What a spreadsheet reader's or a zip part's error ``exc`` (English, e.g.
    ``CalamineError: Cell string index not found in shared strings table``, ``Bad CRC-32 for
    file …``) says of the file, in Vietnamese (:data:`FILE_FAULTS`, by its kind and text);
    ``"nội dung tệp bị hỏng hoặc không đúng định dạng"`` when nothing is recognised. The
    English text is never returned."""
    text = f"{type(exc).__name__} {exc}".lower()
    return next((said for words, said in FILE_FAULTS if words in text),
                "nội dung tệp bị hỏng hoặc không đúng định dạng")


#: Where this program's own code lives (``thidua/``, ``schemas/``).
_OWN_CODE = (Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "schemas")

#: Said of a file whose reading met a fault of this program's own code (:func:`own_fault`),
#: never of the file: the unit is not asked to change it.
PROGRAM_FAULT = ("Chương trình gặp lỗi nội bộ khi đọc tệp này (lỗi của chương trình, không "
                 "phải lỗi của tệp): tệp chưa được tính trong lần chạy này và sẽ được đọc lại ở "
                 "lần chạy sau. Đề nghị người quản trị xem nhật ký của lần chạy và báo lỗi kèm "
                 "tệp này.")


def own_fault(exc: BaseException) -> str | None:
    """The traceback of ``exc`` (English, for the run's log) when this program's own code
    raised it: an exception of Python's own kinds (``ValueError``, ``KeyError``,
    ``IndexError``, …) whose innermost Python frame is in ``thidua/`` or ``schemas/`` (a
    check that went wrong: fresh tester AA's run of 02/12/2026 met one, and its file was
    rejected "nội dung tệp bị hỏng"); ``None`` for an error a reader library raised in its
    own code or of its own kind (:func:`file_fault`: the file's). A :class:`MemoryError`
    is never one (a limit, :mod:`thidua.ingest.worker`)."""
    if type(exc).__module__ != builtins.__name__ or isinstance(exc, MemoryError):
        return None
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return None
    where = Path(frames[-1].filename).resolve()
    if not any(root == where.parent or root in where.parents for root in _OWN_CODE):
        return None
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
