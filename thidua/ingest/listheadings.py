"""A heading line typed in the ``STT`` column above a second table or a repeated page
(``Năm 2023``, ``DANH SÁCH … NĂM 2024 (tiếp theo)``, ``CÁC MÔ HÌNH TIÊU BIỂU``, ``DANH SÁCH
ĐỀ NGHỊ KHEN THƯỞNG``, ``DANH SÁCH ĐĂNG KÝ BỔ SUNG (tháng 9/2024)``): its text alone in that
cell, every other cell of the form blank. Such a line is a heading, ignored as a sub-heading
(``spec/submission-form.md``, "Rows that are not data"; ``docs/contracts.md``, "Rows that are
not data"), never a registration rejected with four "Thiếu …" (fresh tester L's L086, L094,
L103, L104, L152). A model typed in the ``STT`` column by mistake (``Bữa cơm công đoàn``:
lower case, no list's words) stays a row of the table.
"""

from __future__ import annotations

import re

from thidua.text import clean_text, match_key

__all__ = ["is_list_heading", "is_list_title"]

#: A list's title as a match key, after a numbering (``II.``, ``B)``): ``Danh sách …``,
#: ``Các mô hình …``, ``Dự kiến đăng ký …``, ``Đăng ký bổ sung …``, ``Tổng hợp …``, ``Năm
#: 2023`` (with at most a remark), or any line ending ``(tiếp theo)``.
_LIST_TITLE = re.compile(
    r"(?:(?:[ivxlc]{1,4}|\d{1,2}|[a-e])[.)]\s*)?"
    r"(?:(?:danh sach|cac mo hinh|du kien|dang ky bo sung|bang tong hop|tong hop|"
    r"mo hinh dang ky|dang ky moi)\b.*|dot \d{1,2}\s*[:.]?"
    r"|nam (?:19|20|21)\d{2}(?!\d)\s*(?:[(\[:,-].{0,40})?"
    r"|.*\(?\s*tiep theo\s*\)?\s*[.:]?)")


def is_list_title(text: str) -> bool:
    """Whether ``text`` is a list's title by its words (:data:`_LIST_TITLE`: ``Danh sách …``,
    ``Các mô hình …``, ``Mô hình đăng ký mới``, ``Đợt 1``, ``Năm 2023``, ``… (tiếp theo)``),
    after a numbering; never a line only because it is in capitals."""
    return bool(_LIST_TITLE.fullmatch(match_key(clean_text(text)).strip()))


def is_list_heading(text: str) -> bool:
    """Whether ``text``, the only text of a row (in its ``STT`` cell), is a list's heading:
    a list's title (:data:`_LIST_TITLE`), or a line in upper case of two words or more
    (``CÁC MÔ HÌNH TIÊU BIỂU``); ``False`` for a number, a numbering alone, a lower-case
    text that names no list (a model typed in the wrong column)."""
    text = clean_text(text)
    if is_list_title(text):
        return True
    letters = [c for c in text if c.isalpha()]  # ``1``, ``II``, ``a)``: never a heading
    return len(letters) >= 6 and len(text.split()) >= 2 and all(c.isupper() for c in letters)
