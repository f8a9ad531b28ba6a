"""A ``?`` between letters that is a question mark, not a lost letter: in a web address, or in
a workbook's cell that kept the Vietnamese letters an encoding without them would have lost
(``Hỏi?Đáp pháp luật``). Before, such registrations were rejected "có chữ tiếng Việt bị mất
(thành dấu '?')" (fresh tester M's M089, M097; ``docs/contracts.md``). A CSV's text, read
through a guessed code page, is judged by its ``?`` alone (``test_csv_encodings_mixed.py``)."""

from __future__ import annotations

import pytest

from helpers import read_form, row
from thidua.ingest.errorcells import has_lost_letters


@pytest.mark.parametrize("text, native, lost", [
    ("S?ng ki?n ti?t ki?m ?i?n", True, True), ("S?ng ki?n ti?t ki?m ?i?n", False, True),
    ("Hỏi?Đáp pháp luật lao động", True, False), ("Hỏi?Đáp pháp luật lao động", False, True),
    ("Xem tại https://example.com/a?b=1&c=2", False, False), ("https://a.vn/x?y=1", False, False),
    ("Đăng ký qua Zalo: zalo.me/g/abc?src=qr", False, False), ("www.dvk.vn/a?b", False, False),
    ("Nguy?n V?n An", True, True), ("Tr?n Th? Lan", True, True), ("C?ng ?o?n c? s?", True, True),
    ("Ông?Bà", True, True),  # letters a Western code page holds: nothing says none was lost
    ("Vì sao?", True, False), ("1?2", True, False),
])
def test_a_question_mark_between_letters(text, native, lost):
    assert has_lost_letters(text, native) is lost


def test_such_registrations_in_a_workbook_count(tmp_path, context):
    result = read_form(tmp_path, context, [
        row(model="Hỏi?Đáp pháp luật lao động", stt=1),
        row(model="Xem tại https://example.com/a?b=1", stt=2),
        row(model="S?ng ki?n ti?t ki?m ?i?n", stt=3)])
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.registrations["model"].tolist() == ["Hỏi?Đáp pháp luật lao động",
                                                       "Xem tại https://example.com/a?b=1"]
    assert result.rejections["row"].tolist() == [7]
