"""Every limit on what one unit file may hold, in one place, checked before parsing.

A unit's file is untrusted input: these bounds keep one damaged or hostile file from taking
the run's time or memory. A file over a file-wide limit is rejected whole; a cell over
:data:`MAX_CELL_CHARS` rejects only its row (``spec/submission-form.md``, "Errors"); one of a
remark (``Ghi chú``) or of a column the form does not have rejects nothing: read as empty, told
(:func:`thidua.ingest.validate.long_free_cells`).
"""

from __future__ import annotations

#: Longest text a cell may hold, in characters; a longer cell rejects its row, not its file
#: (a remark's, or a column's the form does not have: read as empty, its row counted).
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
#: A value longer than :data:`SHOWN_FROM_CHARS` is shown in ``rejected.csv``, the feedback and
#: messages as its first :data:`SHOWN_CELL_CHARS` characters and ``…`` (issue 9.10).
SHOWN_CELL_CHARS, SHOWN_FROM_CHARS = 100, 500
#: Longest ``Thời gian thực hiện`` (or ``Từ ngày`` / ``Đến ngày``) cell that is read as a
#: period, in characters. A longer one rejects its row at once, saying so
#: (:func:`thidua.ingest.periodcheck.period_problem`), never its file: reading a period tries
#: each dash of the cell as a range's middle, so its time grows with the square of its length
#: (a 30.000-character cell took over 100 s of processor time: fresh tester's T200, T204, T215).
#: The longest period units write is a list of dates (52 weekly dates: ~670 characters, T207,
#: T210), well under it.
MAX_PERIOD_CHARS = 1_000

# --- file-wide limits: a file over one of these is rejected whole, before it is parsed -------
# (issue 9.6 "one bad file never stops the year"; checked by :mod:`thidua.ingest.prescan`)

#: Size of the file on disk. It also bounds a CSV cell: a CSV cell may be as long as the file.
MAX_FILE_BYTES = 50_000_000
#: Sum of the uncompressed sizes of the parts of an .xlsx/.ods, from the zip's central directory.
MAX_UNCOMPRESSED_BYTES = 300_000_000
#: Uncompressed ÷ compressed size of one part, checked for parts over
#: :data:`RATIO_CHECKED_FROM_BYTES` (Excel's own sheets compress 5–30 times; a zip bomb ~1000).
MAX_COMPRESSION_RATIO = 150
RATIO_CHECKED_FROM_BYTES = 1_000_000
#: Parts (zip entries) of an .xlsx/.ods.
MAX_PARTS = 2_000
#: Worksheets of a workbook (visible or hidden). Excel has no limit; a district's federation
#: keeps one sheet per grassroots union (Ba Đình has 265; fresh tester M's M046 sent 230 and
#: was refused at the former 200), so the limit is well above the largest federation's count,
#: and still bounds a hostile file: a sheet is read in about 40 ms (M045's 150 in 6 s of
#: processor time), 1.000 of them well within :data:`PARSE_SECONDS`, and each sheet is at
#: least one part of the :data:`MAX_PARTS`.
MAX_SHEETS = 1_000
#: Last row holding a value, in any sheet (Excel allows 1 048 576; a unit's list is ~1 000).
MAX_ROWS = 100_000
#: Last column holding a value, in any sheet (Excel allows 16 384 = XFD; the form has 11).
MAX_COLUMNS = 1_000
#: Cells of the rectangle from A1 to the last row and column holding a value (read as a grid).
MAX_CELLS = 5_000_000
#: Strings of an .xlsx's shared-strings table (declared or found).
MAX_SHARED_STRINGS = 2_000_000

# --- the worker that parses one file (:mod:`thidua.ingest.isolation`) ---------------------
#: Address space a parsing worker may use (``RLIMIT_AS``); ~220 MB of it is Python and pandas.
WORKER_MEMORY_BYTES = 2_000_000_000
#: Processor time (user + system, in seconds) one file's work may use in its worker
#: (``RLIMIT_CPU``). Processor time, not wall time: a file counted on a quiet machine must be
#: counted on a loaded one too (a 60.000-row file needs about 25 s; the largest allowed,
#: :data:`MAX_ROWS`, well under this).
PARSE_SECONDS = 120.0
#: Wall time a worker may go without using any processor time before it is taken as hung
#: and killed (a worker that is working, however slowly on a busy machine, is never killed
#: for its wall time).
STALL_SECONDS = 60.0


def number(n: float) -> str:
    """A count as Vietnamese writes it: ``1048576`` → ``1.048.576``."""
    return f"{n:,.0f}".replace(",", ".")


def size(n: int) -> str:
    """A size in bytes as Vietnamese writes it: ``2_900_000_000`` → ``2,9 GB``."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".replace(".", ",") + f" {unit}"
    return f"{n} byte"


def exceeded(what: str, found: str, limit: str) -> str:
    """The Vietnamese reason of a file over a limit: ``Tệp vượt quá giới hạn {what}: {found}
    (giới hạn {limit})``, with what a unit should do."""
    return (f"Tệp vượt quá giới hạn {what}: {found} (giới hạn {limit}); đề nghị chỉ giữ biểu "
            f"DVK-01 với các dòng đăng ký, xóa các trang tính và ô thừa, lưu lại bằng Excel "
            f"dạng .xlsx rồi gửi lại.")
