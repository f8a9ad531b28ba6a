"""A file the program itself wrote, found among the units' files: a unit's feedback workbook
(``kiem-tra/phan-hoi/Q-DD.xlsx``) saved back into the raw folder, or sent back by the unit with
its rejected rows corrected in it. Its sheet ``Dòng bị từ chối`` has the form's columns, so
it was read as the unit's newest list: its few rows superseded the unit's whole list (fresh
tester Q's R151: Q-DD counted 0 instead of 7). It is rejected, told why; the unit's list in
use stays in use (``spec/submission-form.md``, "Corrections": the newest *usable* file).
An extension in ``docs/contracts.md``."""

from __future__ import annotations

from thidua.ingest.read import FileSheets
from thidua.ingest.table import HEADER_SEARCH_ROWS
from thidua.text import clean_text

#: The first line of a feedback workbook's summary sheet (then ``NĂM 2024``).
FEEDBACK_TITLE = "PHẢN HỒI KIỂM TRA BIỂU DVK-01"
#: The feedback workbook's sheets: its summary, the rejected rows, the problems of whole files.
FEEDBACK_SHEETS = ("Tóm tắt", "Dòng bị từ chối", "Lỗi và lưu ý cả tệp")
#: Headers of the rejected rows' sheet that no unit's list has, before the form's own.
FEEDBACK_COLUMNS = ("Dòng (Excel)", "Cột có lỗi", "Lý do")

OWN_FEEDBACK = (
    "Đây là tệp phản hồi kiểm tra do chương trình lập cho đơn vị (trang 'Dòng bị từ chối'), "
    "không phải danh sách đăng ký: không đọc, danh sách của đơn vị đang dùng vẫn được tính. "
    "Nếu đơn vị đã sửa các dòng ngay trong tệp phản hồi, đề nghị chép các dòng đã sửa vào tệp "
    "đăng ký của đơn vị rồi gửi lại cả tệp.")


def is_feedback(parsed: FileSheets) -> bool:
    """Whether a file's sheets that count are a feedback workbook's: a row among the first
    :data:`~thidua.ingest.table.HEADER_SEARCH_ROWS` of one of them holds every one of
    :data:`FEEDBACK_COLUMNS` (its sheet of rejected rows: the one read as a list; its summary
    sheet, titled :data:`FEEDBACK_TITLE`, has no table and is never read)."""
    return any(set(FEEDBACK_COLUMNS) <= {clean_text(value) for value in row}
               for sheet in parsed.sheets for row in sheet.grid[:HEADER_SEARCH_ROWS])
