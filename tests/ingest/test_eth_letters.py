"""Icelandic eth ``Ð`` (U+00D0) and ``ð`` (U+00F0) typed for ``Đ``/``đ`` (fresh tester J's
J006, J018: ``CÐCS`` and ``XDÐ`` rejected "không hợp lệ" while ``Công Ðoàn cơ sở`` was read
past a slip): folded as ``Đ``/``đ`` wherever text is matched (:func:`thidua.text.match_key`)
and in codes (:func:`thidua.text.fold_code`), the value then told as interpreted."""

from __future__ import annotations

import pytest

from thidua.ingest.values import EXACT, INTERPRETED, read_value
from thidua.text import fold_code, match_key


@pytest.mark.parametrize(("column", "text", "code"), [
    ("level", "CÐCS", "co_so"), ("level", "cðcs", "co_so"), ("field", "XDÐ", "XDHTCT"),
    ("level", "CÐ cấp trên cơ sở", "cap_tren_co_so"), ("result", "Chưa Ðánh giá", "chua_danh_gia"),
    ("field", "Xây dựng Ðảng", "XDHTCT"), ("level", "Công Ðoàn cơ sở", "co_so"),
])
def test_eth_reads_as_d_with_stroke_and_is_told(column, text, code):
    assert read_value(column, text).code == code
    assert read_value(column, text).how == INTERPRETED


def test_the_real_letter_stays_exact():
    assert read_value("level", "CĐCS").how == EXACT
    assert read_value("field", "XDĐ").code == "XDHTCT"


def test_match_key_and_fold_code_fold_eth():
    assert match_key("LIÊN ÐOÀN LAO ÐỘNG HUYỆN ÐÔNG ANH") == "lien doan lao dong huyen dong anh"
    assert match_key("cðcs") == match_key("CĐCS") == "cdcs"
    assert fold_code("CÐCS") == "CĐCS"
    assert fold_code("xdð") == "xdđ"
