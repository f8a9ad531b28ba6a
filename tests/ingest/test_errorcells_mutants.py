"""Value-by-value checks of :func:`thidua.ingest.errorcells.has_lost_letters` in this process:
a web address stands for a space, never for letters beside a ``?``; a workbook's cell is
judged by its letters only when asked (``native``)."""

from __future__ import annotations

import pytest

from thidua.ingest.errorcells import has_lost_letters


@pytest.mark.parametrize("text, lost", [
    ("Xem?www.dvk.vn/a?b", False),  # the address goes, nothing but `?` left beside a letter
    ("Xem?https://a.vn/x", False), ("https://a.vn/x?y ki?m", True), ("ki??", True),
    ("S?ng", True), ("S?", False), ("?ng", False), (None, False), (12.5, False),
])
def test_a_question_mark_beside_an_address_or_alone(text, lost):
    assert has_lost_letters(text) is lost
    assert has_lost_letters(text, native=False) is lost


def test_a_cell_is_judged_by_its_question_marks_alone_unless_asked():
    assert has_lost_letters("Hỏi?Đáp pháp luật") is True
    assert has_lost_letters("Hỏi?Đáp pháp luật", True) is False
    assert has_lost_letters("Hoi?Dap phap luat", True) is True
