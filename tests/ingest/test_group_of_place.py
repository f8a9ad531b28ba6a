"""A title naming one commune or ward of a union of several (Hà Nội from 01/07/2025: ``Công
đoàn các xã Phù Đổng, Thuận An và Bát Tràng``), the file coded nowhere: the union that lists
it. Before, the file was rejected "Không xác định được đơn vị gửi" (fresh tester M's M069;
``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from thidua.ingest.unitnames import group_of_place, unit_by_name

NAMES = {"CX-PHUDONG": "Công đoàn các xã Phù Đổng, Thuận An và Bát Tràng",
         "CX-THIENLOC": "Công đoàn các xã Thiên Lộc và Vĩnh Thanh",
         "CP-HK": "Công đoàn các phường Hoàn Kiếm và Cửa Nam",
         "CX-TWO": "Công đoàn các xã Cửa Nam và Đông Ngạc",
         "P-KIMLIEN": "Công đoàn phường Kim Liên", "X-BATTRANG2": "Công đoàn xã Bát Tràng Mới",
         "Q-DD": "Liên đoàn Lao động quận Đống Đa"}


@pytest.mark.parametrize("line, code", [
    ("CÔNG ĐOÀN XÃ BÁT TRÀNG", "CX-PHUDONG"), ("Công đoàn xã Phù Đổng", "CX-PHUDONG"),
    ("xã Thuận An", "CX-PHUDONG"), ("CÔNG ĐOÀN XÃ VĨNH THANH", "CX-THIENLOC"),
    ("Công đoàn xã Thiên Lộc", "CX-THIENLOC"), ("CÔNG ĐOÀN PHƯỜNG CỬA NAM", "CP-HK"),
    ("Công đoàn phường Hoàn Kiếm, Hà Nội", "CP-HK"), ("LIÊN ĐOÀN LAO ĐỘNG XÃ BÁT TRÀNG", "CX-PHUDONG"),
    ("CÔNG ĐOÀN XÃ CỬA NAM", "CX-TWO"),  # the commune Cửa Nam, not the ward of CP-HK
])
def test_one_place_of_a_union_of_several_names_that_union(line, code):
    assert group_of_place(line, NAMES) == code
    assert unit_by_name(("DANH SÁCH ĐĂNG KÝ NĂM 2025", line), NAMES) == code


@pytest.mark.parametrize("line", [
    "CÔNG ĐOÀN PHƯỜNG BÁT TRÀNG",  # a ward is no commune
    "CÔNG ĐOÀN XÃ ĐÔNG NGẠC NAM", "Công đoàn các xã Phù Đổng", "Xã Bát Tràng nằm ở Gia Lâm",
    "CÔNG ĐOÀN XÃ", "Bát Tràng",
])
def test_a_line_naming_no_single_listed_place_names_none(line):
    assert group_of_place(line, NAMES) is None


def test_a_place_two_unions_list_names_none():
    names = {**NAMES, "CX-OTHER": "Công đoàn các xã Bát Tràng và Kim Lan"}
    assert group_of_place("CÔNG ĐOÀN XÃ BÁT TRÀNG", names) is None
    assert unit_by_name(("CÔNG ĐOÀN XÃ BÁT TRÀNG",), names) is None


def test_a_whole_name_wins_over_a_place_of_a_union():
    assert unit_by_name(("CÔNG ĐOÀN PHƯỜNG KIM LIÊN",), NAMES) == "P-KIMLIEN"
    assert unit_by_name(("Công đoàn xã Bát Tràng Mới",), NAMES) == "X-BATTRANG2"


@pytest.mark.parametrize("name", [
    "Công đoàn các xã Phù Đổng, Thuận An, và Bát Tràng",  # a comma before "và"
    "Công đoàn các xã Phù Đổng; Thuận An và Bát Tràng",
    "Công đoàn các xã Phù Đổng, Thuận An & Bát Tràng",
])
def test_the_places_of_a_union_are_listed_with_or_without_a_comma_before_va(name):
    names = {"CX-PHUDONG": name, "Q-DD": "Liên đoàn Lao động quận Đống Đa"}
    for line in ("CÔNG ĐOÀN XÃ BÁT TRÀNG", "Công đoàn xã Thuận An", "xã Phù Đổng"):
        assert group_of_place(line, names) == "CX-PHUDONG"
