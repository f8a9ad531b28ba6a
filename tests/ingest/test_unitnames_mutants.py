"""Value-by-value checks of :func:`thidua.ingest.unitnames.group_of_place` and its
``_groups`` in this process: a line of 100 characters at most, each place of a union's list
(split at commas and ``và``, blanks between), a union of wards apart from one of communes."""

from __future__ import annotations

import pytest

from thidua.ingest.unitnames import _groups, group_of_place

NAMES = {"CX-PHUDONG": "Công đoàn các xã Phù Đổng, Thuận An và Bát Tràng",
         "CP-HK": "Công đoàn các phường Hoàn Kiếm và Cửa Nam"}


def test_a_line_of_100_characters_is_read_101_is_not():
    line = "CÔNG ĐOÀN XÃ BÁT TRÀNG"
    assert group_of_place(line + " " * (100 - len(line)), NAMES) == "CX-PHUDONG"
    assert group_of_place(line + " " * (101 - len(line)), NAMES) is None


def test_each_place_of_a_union_s_list_once():
    names = (("CX-A", "Công đoàn các xã Phù Đổng ,Thuận An , ,Bát Tràng"),
             ("CP-B", "công đoàn các PHƯỜNG Hoàn Kiếm  và   Cửa Nam "), ("Q-BD", "LĐLĐ quận Ba Đình"),
             ("CX-C", "Công đoàn các xã Bát Tràng và Kim Lan"))
    assert _groups(names) == {("xa", "phu dong"): ("CX-A",), ("xa", "thuan an"): ("CX-A",),
                              ("xa", "bat trang"): ("CX-A", "CX-C"),
                              ("phuong", "hoan kiem"): ("CP-B",), ("phuong", "cua nam"): ("CP-B",),
                              ("xa", "kim lan"): ("CX-C",)}
    assert group_of_place("Xã Bát Tràng", names) is None  # two unions list it
    assert group_of_place("Xã Kim Lan", names) == "CX-C"
    assert group_of_place("Phường Cửa Nam", dict(names)) == "CP-B"
    assert group_of_place("Xã Cửa Nam", names) is None


@pytest.mark.parametrize("line, code", [
    ("Công đoàn phường Hoàn Kiếm thành phố Hà Nội", "CP-HK"), ("Phường Hoàn Kiếm Hà Nội", "CP-HK"),
    ("Liên đoàn lao động xã Thuận An", "CX-PHUDONG"), ("LĐLĐ xã Thuận An", "CX-PHUDONG"),
    ("Công đoàn xã Thuận", None), ("Công đoàn xã Thuận An Bát Tràng", None), ("", None),
])
def test_a_line_naming_one_place(line, code):
    assert group_of_place(line, NAMES) == code
