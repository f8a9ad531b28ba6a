"""A result written as a share of the plan (fresh tester J's J039: ``100%`` and ``Vượt 120% kế
hoạch`` rejected "… không hợp lệ ở cột 'Kết quả'" while ``Đạt 100% kế hoạch`` was read):
100% or more is ``Hoàn thành``, told; less than 100% says nothing sure and is still asked."""

from __future__ import annotations

import pytest

from thidua.ingest.values import INTERPRETED, UNKNOWN, read_value


@pytest.mark.parametrize("text", [
    "100%", "100 %", "Vượt 120% kế hoạch", "Đạt 150% chỉ tiêu", "100% KH", "Thực hiện 100%",
    "Đạt 100% kế hoạch",
])
def test_a_share_of_100_or_more_is_completed_and_told(text):
    reading = read_value("result", text)
    assert (reading.code, reading.how) == ("hoan_thanh", INTERPRETED)


@pytest.mark.parametrize(("column", "text"), [
    ("result", "50%"), ("result", "0%"), ("result", "99,5%"), ("result", "100"),
    ("field", "100%"), ("level", "120%"),
])
def test_less_or_elsewhere_stays_unread(column, text):
    assert read_value(column, text).how == UNKNOWN
