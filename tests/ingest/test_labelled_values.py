"""A cell holding its column's label before a colon, as a mail-merge writes it (fresh tester
J's J055: ``Cấp: Cấp trên trực tiếp cơ sở`` and ``Thời gian: 01/2024 - 12/2024`` rejected each
row while ``Lĩnh vực: Kinh tế`` and ``Cấp: Cơ sở`` were read): the value after the label of
its own column, for every coded column and the period; another column's label is no label."""

from __future__ import annotations

import datetime as dt

import pytest

from thidua.ingest.periods import parse_period
from thidua.ingest.values import read_value

YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize(("column", "text", "code"), [
    ("level", "Cấp: Cấp trên trực tiếp cơ sở", "cap_tren_co_so"),
    ("level", "Cấp công đoàn: Thành phố", "thanh_pho"),
    ("level", "Cấp: Cơ sở", "co_so"),
    ("field", "Lĩnh vực: Văn hóa - Xã hội", "VHXH"),
    ("field", "Lĩnh vực : XDHTCT", "XDHTCT"),
    ("type", "Hình thức: Cá nhân", "individual"),
    ("type", "Loại hình: Tập thể", "collective"),
    ("result", "Kết quả: Hoàn thành", "hoan_thanh"),
])
def test_the_value_after_its_own_label_is_read(column, text, code):
    assert read_value(column, text).code == code


@pytest.mark.parametrize(("column", "text"), [
    ("field", "Hình thức: Tập thể"), ("result", "Ghi chú: Tiêu biểu"),
    ("field", "Ghi chú: Kinh tế"), ("type", "Lĩnh vực: Cá nhân"),
])
def test_another_columns_label_or_an_unknown_value_stays_unread(column, text):
    assert read_value(column, text).code is None


@pytest.mark.parametrize(("text", "period"), [
    ("Thời gian: 01/2024 - 12/2024", YEAR),
    ("Thời gian thực hiện: Quý 4/2024", (dt.date(2024, 10, 1), dt.date(2024, 12, 31))),
    ("TG: 03/2024", (dt.date(2024, 3, 1), dt.date(2024, 3, 31))),
    ("Thời gian: 2023", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),  # another year stays
    ("Ghi chú: 01/2024", None),
])
def test_a_period_after_its_label(text, period):
    assert parse_period(text, 2024) == period
