"""Coded values written in English by FDI enterprise unions' bilingual staff (fresh tester J's
J001, J002, J017: every row rejected "… không hợp lệ ở cột …"): read by
:data:`schemas.form.VALUE_READINGS`, told as interpreted; an English word of another column
is still no value of this one."""

from __future__ import annotations

import pytest

from thidua.ingest.values import INTERPRETED, read_value


@pytest.mark.parametrize(("column", "text", "code"), [
    ("field", "Economy", "KT"), ("field", "Economic development", "KT"),
    ("field", "Culture - Society", "VHXH"), ("field", "Culture & Social", "VHXH"),
    ("field", "Security - Defence", "ANQP"), ("field", "National defense and security", "ANQP"),
    ("field", "Political system", "XDHTCT"), ("field", "Building the political system", "XDHTCT"),
    ("type", "Collective", "collective"), ("type", "Group", "collective"),
    ("type", "Individual", "individual"), ("type", "Personal", "individual"),
    ("level", "Grassroots", "co_so"), ("level", "Grassroots union", "co_so"),
    ("level", "Upper level", "cap_tren_co_so"), ("level", "Upper-level", "cap_tren_co_so"),
    ("level", "City", "thanh_pho"),
    ("result", "Completed", "hoan_thanh"), ("result", "Done", "hoan_thanh"),
    ("result", "Excellent", "tieu_bieu"), ("result", "Outstanding", "tieu_bieu"),
    ("result", "Not completed", "khong_hoan_thanh"), ("result", "Not evaluated", "chua_danh_gia"),
    ("result", "Pending", "chua_danh_gia"),
])
def test_english_values_read_and_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, INTERPRETED)


@pytest.mark.parametrize(("column", "text"), [
    ("field", "Collective"), ("type", "Economy"), ("level", "Completed"), ("result", "City"),
    ("field", "Economy and Security"),
])
def test_another_columns_word_or_two_values_stay_unread(column, text):
    assert read_value(column, text).code is None
