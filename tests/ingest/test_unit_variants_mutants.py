"""The helpers of :func:`thidua.ingest.unitnames.unit_by_variant`, in this process: each short
form spelled out, a name's kind of place and own words, the kinds that may name a unit, one
letter typed for another, and the lines that seem to name a unit (issue 14)."""

from __future__ import annotations

import pytest

from test_title_unit_variants import NAMES, WARDS
from thidua.ingest.unitnames import (_core, _kind_fits, _one_letter_apart, _variant_key,
                                     unit_by_variant)


@pytest.mark.parametrize(("short", "full"), [
    ("P.", "phuong"), ("X.", "xa"), ("HN", "ha noi"), ("KCN", "khu cong nghiep"),
    ("CX", "che xuat"), ("GTVT", "giao thong van tai"), ("NN", "nong nghiep"),
    ("PTNT", "phat trien nong thon"), ("DM", "det may"), ("CT", "cong thuong"),
    ("GD", "giao duc"), ("YT", "y te"), ("XD", "xay dung"), ("VC", "vien chuc"),
    ("TT", "thi tran"), ("LĐLĐ", "lien doan lao dong"), ("CĐ", "cong doan"),
    ("CĐN", "cong doan nganh"), ("Q.", "quan"), ("H.", "huyen"), ("TX", "thi xa"),
    ("TP", "thanh pho"),
])
def test_each_short_form_is_spelled_out(short, full):
    assert _variant_key(f"{short} Ba Vì") == f"{full} ba vi"


def test_look_alike_letters_are_folded():
    assert _variant_key("LIÊN ÐOÀN LAO ÐỘNG") == "lien doan lao dong"  # Eth, capital
    assert _variant_key("đông anh ð") == "dong anh d"  # eth, small
    assert _variant_key("LĐLĐ QUẬN ТÂY HỒ") == "lien doan lao dong quan tay ho"  # Cyrillic Т
    assert _variant_key("NN&PTNT; (Hà Nội)") == "nong nghiep phat trien nong thon ha noi"
    assert _variant_key("--") == ""


@pytest.mark.parametrize(("name", "core"), [
    ("Liên đoàn Lao động quận Đống Đa", ("quan", "dong da")),
    ("Công đoàn ngành Y tế Hà Nội", (None, "y te")),
    ("Công đoàn các xã Thiên Lộc và Vĩnh Thanh", ("xa", "thien loc vinh thanh")),
    ("Ban Thường vụ LĐLĐ thủ đô", (None, "")),
    ("Công đoàn Viên chức thành phố Hà Nội", (None, "vien chuc")),
    ("Công đoàn Viên chức TP Hà Nội", (None, "vien chuc")),
    ("LĐLĐ thị xã Sơn Tây - huyện Ba Vì", ("thi xa", "son tay ba vi")),  # the first kind
    ("LĐLĐ thành phố Sơn Tây", ("thanh pho", "son tay")),
])
def test_a_name_s_kind_of_place_and_own_words(name, core):
    assert _core(_variant_key(name)) == core


@pytest.mark.parametrize(("written", "kind", "fits"), [
    (None, "quan", True), (None, None, True), ("quan", "quan", True), ("phuong", "phuong", True),
    ("thi xa", "quan", True), ("thanh pho", "huyen", True), ("huyen", "thi xa", True),
    ("quan", "thanh pho", True),
    ("phuong", "quan", False), ("quan", "phuong", False), ("xa", "huyen", False),
    ("quan", None, False), ("xa", None, False), ("phuong", "xa", False),
])
def test_the_kinds_of_place_that_may_name_a_unit(written, kind, fits):
    assert _kind_fits(written, kind) is fits


@pytest.mark.parametrize(("a", "b", "apart"), [
    ("hoang mai", "hoang may", True), ("abc", "abd", True), ("abc", "xbc", True),
    ("abc", "abc", False), ("abc", "axy", False), ("abc", "abcd", False), ("abcd", "abc", False),
    ("", "", False),
])
def test_one_letter_typed_for_another(a, b, apart):
    assert _one_letter_apart(a, b) is apart


def test_a_typo_only_in_own_words_of_six_letters_or_more():
    names = {"Q-HM": "Liên đoàn Lao động quận Hoàng Mai", "H-BV": "Liên đoàn Lao động huyện Ba Vì",
             "H-ML": "Liên đoàn Lao động huyện Mê Linh", "H-MD": "Liên đoàn Lao động huyện Mỹ Đức"}
    assert unit_by_variant(("LĐLĐ QUẬN HOÀNG MAY",), names)[0] == "Q-HM"  # 8 letters
    assert unit_by_variant(("LĐLĐ HUYỆN BA VỈ",), names)[0] == "H-BV"  # the same letters
    assert unit_by_variant(("LĐLĐ HUYỆN BA VA",), names)[0] is None  # 4 letters: no guess
    assert unit_by_variant(("LĐLĐ HUYỆN MỸ ĐỨK",), names)[0] is None  # 5 letters: no guess
    assert unit_by_variant(("LĐLĐ HUYỆN MÊ LINT",), names)[0] == "H-ML"  # 6 letters
    assert unit_by_variant(("LĐLĐ HUYỆN MÊ LINHH",), names)[0] is None  # a letter more
    six = {"H-DA": "Liên đoàn Lao động huyện Đan Phượng"}
    assert unit_by_variant(("LĐLĐ HUYỆN ĐAN PHƯỢNH",), six)[0] == "H-DA"
    # a typo of a ward's name under a district's kind names no ward
    wards = {"P-LANG": "Công đoàn phường Láng Thượng"}
    assert unit_by_variant(("CĐ QUẬN LÁNG THƯỢNH",), wards)[0] is None
    assert unit_by_variant(("CĐ PHƯỜNG LÁNG THƯỢNH",), wards)[0] == "P-LANG"


def test_the_kind_written_chooses_among_units_of_one_name():
    assert unit_by_variant(("CĐ P. ĐỐNG ĐA",), WARDS)[0] == "P-DONGDA"
    assert unit_by_variant(("LĐLĐ QUẬN ĐỐNG ĐA",), WARDS)[0] == "Q-DD"
    assert unit_by_variant(("LĐLĐ THỊ XÃ ĐỐNG ĐA",), WARDS)[0] == "Q-DD"  # an old district kind
    # without a kind the two stay two
    assert unit_by_variant(("CÔNG ĐOÀN ĐỐNG ĐA",), WARDS) == (
        None, "CÔNG ĐOÀN ĐỐNG ĐA", ("P-DONGDA", "Q-DD"))
    # a kind neither has: the two stay, and neither fits
    assert unit_by_variant(("CĐ XÃ ĐỐNG ĐA",), WARDS)[0] is None


def test_the_line_returned_and_the_first_line_naming_it():
    lines = ("UBND", "LĐLĐ QUẬN ĐỐNG ĐA", "QUẬN ĐỐNG ĐA - LĐLĐ")
    assert unit_by_variant(lines, NAMES) == ("Q-DD", "LĐLĐ QUẬN ĐỐNG ĐA", ())


@pytest.mark.parametrize("line", [
    "LĐLĐ",  # no own words
    "CÔNG ĐOÀN 2024",  # no letter in them
    "CĐ " + "A" * 120,  # longer than a title line
    "ĐỐNG ĐA",  # no union word
])
def test_lines_that_cannot_name_a_unit_are_not_quoted(line):
    assert unit_by_variant((line,), NAMES) == (None, None, ())


def test_the_line_quoted_is_the_first_that_seemed_or_the_one_naming_two():
    assert unit_by_variant(("CĐ TRƯỜNG A", "CĐ TRƯỜNG B"), NAMES) == (None, "CĐ TRƯỜNG A", ())
    assert unit_by_variant(("CĐ TRƯỜNG A", "LĐLĐ HUYỆN TỪ LIÊM", "CĐ TRƯỜNG B"), NAMES) == (
        None, "LĐLĐ HUYỆN TỪ LIÊM", ("Q-BTL", "Q-NTL"))
    # a line naming one unit among units of one ending: the two
    assert unit_by_variant(("LĐLĐ TỪ LIÊM",), NAMES) == (
        None, "LĐLĐ TỪ LIÊM", ("Q-BTL", "Q-NTL"))
    # the ending is matched on whole words and with the kind
    assert unit_by_variant(("LĐLĐ QUẬN LIÊM",), NAMES) == (
        None, "LĐLĐ QUẬN LIÊM", ("Q-BTL", "Q-NTL"))
    assert unit_by_variant(("LĐLĐ QUẬN IÊM",), NAMES) == (None, "LĐLĐ QUẬN IÊM", ())
    assert unit_by_variant(("LĐLĐ XÃ TỪ LIÊM",), NAMES) == (None, "LĐLĐ XÃ TỪ LIÊM", ())


def test_two_units_named_on_two_lines_name_none_one_named_twice_names_it():
    assert unit_by_variant(("LĐLĐ QUẬN ĐỐNG ĐA", "CÔNG ĐOÀN Y TẾ HÀ NỘI"), NAMES)[0] is None
    assert unit_by_variant(("LĐLĐ QUẬN ĐỐNG ĐA", "Quận Đống Đa"), NAMES) == (
        "Q-DD", "LĐLĐ QUẬN ĐỐNG ĐA", ())


#: 2024's huyện Đan Phượng and 2025's wards and communes whose names end in a kind's word.
ENDING = {"H-DP": "Liên đoàn Lao động huyện Đan Phượng", "H-DA": "Liên đoàn Lao động huyện Đông Anh",
          "X-DOAIPHUONG": "Công đoàn xã Đoài Phương", "P-XUANPHUONG": "Công đoàn phường Xuân Phương",
          "P-PHUONGLIET": "Công đoàn phường Phương Liệt",
          "CX-VANDINH": "Công đoàn các xã Vân Đình, Ứng Thiên và Hoà Xá"}


@pytest.mark.parametrize(("line", "code"), [
    ("LĐLĐ ĐAN PHƯỢNG", "H-DP"), ("CÔNG ĐOÀN ĐAN PHƯỢNG", "H-DP"),
    ("ĐAN PHƯỢNG - LIÊN ĐOÀN LAO ĐỘNG", "H-DP"), ("LĐLĐ HUYỆN ĐAN PHƯỢNH", "H-DP"),
    ("CĐ ĐOÀI PHƯƠNG", "X-DOAIPHUONG"), ("CĐ XÃ ĐOÀI PHƯƠNG", "X-DOAIPHUONG"),
    ("CĐ P. XUÂN PHƯƠNG", "P-XUANPHUONG"), ("CĐ PHƯỜNG PHƯƠNG LIỆT", "P-PHUONGLIET"),
    ("CĐ CÁC XÃ VÂN ĐÌNH - ỨNG THIÊN - HOÀ XÁ", "CX-VANDINH"),
])
def test_a_place_whose_name_ends_in_a_kind_s_word_is_named(line, code):
    """``Đan Phượng`` ends in ``phượng``, read as the ward's kind ``phường``: its own words
    were ``Đan``, and ``LĐLĐ Đan Phượng`` (a ward's kind then, never a district's) named
    no unit (found writing these tests)."""
    assert unit_by_variant((line,), ENDING) == (code, line, ())


def test_the_words_of_a_name_ending_in_a_kind_s_word():
    assert _core("huyen dan phuong") == ("huyen", "dan phuong")
    assert _core("dan phuong") == (None, "dan phuong")
    assert _core("phuong phuong liet") == ("phuong", "liet")
    assert _core("phuong") == ("phuong", "")  # a kind alone stays a kind
    assert _core("quan dong da xa") == ("quan", "dong da xa")


def test_a_title_line_up_to_120_characters_is_read():
    line = "CĐ " + "A" * 110  # its key: ``cong doan`` and 110 letters, 120 characters
    assert unit_by_variant((line,), NAMES) == (None, line, ())
    assert unit_by_variant((line + "A",), NAMES) == (None, None, ())


def test_a_line_without_own_words_is_passed_over_for_the_next():
    assert unit_by_variant(("LĐLĐ", "CÔNG ĐOÀN 2024", "LĐLĐ QUẬN ĐỐNG ĐA"), NAMES) == (
        "Q-DD", "LĐLĐ QUẬN ĐỐNG ĐA", ())


def test_the_kind_written_chooses_between_two_district_kinds():
    names = {"TX-ST": "Liên đoàn Lao động thị xã Sơn Tây", "Q-ST": "Liên đoàn Lao động quận Sơn Tây"}
    assert unit_by_variant(("LĐLĐ THỊ XÃ SƠN TÂY",), names)[0] == "TX-ST"
    assert unit_by_variant(("LĐLĐ QUẬN SƠN TÂY",), names)[0] == "Q-ST"
    assert unit_by_variant(("LĐLĐ SƠN TÂY",), names) == (None, "LĐLĐ SƠN TÂY", ("Q-ST", "TX-ST"))


def test_without_a_kind_a_unit_of_no_kind_is_not_chosen_over_one_of_a_kind():
    names = {"N-YT": "Công đoàn ngành Y tế Hà Nội", "P-YT": "Công đoàn phường Y Tế"}
    assert unit_by_variant(("CÔNG ĐOÀN Y TẾ",), names) == (None, "CÔNG ĐOÀN Y TẾ", ("N-YT", "P-YT"))


def test_a_line_ending_as_one_unit_s_name_is_quoted_without_units():
    # ``tây``: the end of ``Sơn Tây`` only; it names no unit, the line is quoted alone
    assert unit_by_variant(("LĐLĐ TÂY",), NAMES) == (None, "LĐLĐ TÂY", ())
    # the first line that seemed to name a unit stays the one quoted
    assert unit_by_variant(("CĐ TRƯỜNG A", "LĐLĐ TÂY"), NAMES) == (None, "CĐ TRƯỜNG A", ())
