"""Legacy 8-bit Vietnamese text (TCVN3/ABC, VNI): detected, converted, or rejected by name."""

import unicodedata

import pytest

from thidua.ingest.legacy import (TCVN3, TCVN3_NAME, VNI_NAME, MixedEncodings, best_reading,
                          convert_cell, decode_bytes, decode_tcvn3, decode_vni, detect_encoding,
                          encode_tcvn3, encode_vni, is_syllable)

WORDS = ["Bữa cơm Công đoàn ấm áp", "Kinh tế", "Văn hóa - xã hội", "An ninh - quốc phòng",
         "Xây dựng hệ thống chính trị", "Tập thể", "Cá nhân", "Nguyễn Thị Hoa",
         "Trường Mầm non Hoa Sen", "Chủ tịch công đoàn", "Hoàn thành", "Tiêu biểu",
         "Cấp trên trực tiếp cơ sở", "Người lập biểu", "Thời gian thực hiện", "Ghi chú",
         "Hỗ trợ đoàn viên khó khăn", "Giữ gìn an ninh trật tự khu phố", "Phạm Văn Đức"]


@pytest.mark.parametrize("legacy, unicode", [
    ("Kinh tÕ", "Kinh tế"), ("V¨n ho¸ - x· héi", "Văn hoá - xã hội"), ("Tr\xadêng", "Trường"),
    ("Tªn m« h×nh", "Tên mô hình"), ("LÜnh vùc", "Lĩnh vực"), ("C¸ nh©n", "Cá nhân"),
    ("Hµ Néi", "Hà Nội"), ("§èng §a", "Đống Đa"),
])
def test_tcvn3_real_words_decode(legacy, unicode):
    assert decode_tcvn3(legacy) == unicode


@pytest.mark.parametrize("legacy, unicode", [
    ("Kinh teá", "Kinh tế"), ("Vaên hoùa - xaõ hoäi", "Văn hóa - xã hội"),
    ("Tröôøng", "Trường"), ("Teân moâ hình", "Tên mô hình"), ("Lónh vöïc", "Lĩnh vực"),
    ("Nguyeãn Thò Hoa", "Nguyễn Thị Hoa"), ("Ñoáng Ña", "Đống Đa"), ("Xin chaøo caùc baïn", "Xin chào các bạn"),
])
def test_vni_real_words_decode(legacy, unicode):
    assert decode_vni(legacy) == unicode


# TCVN 5712:1993 (TCVN3, "ABC"), VN3 plane, written as its code chart is laid out: for each
# small vowel, the bytes of its six forms (no tone, huyền, hỏi, ngã, sắc, nặng); then the
# capitals the plane has. Written here by hand from the chart (checked once against glibc's
# iconv TCVN5712-1), never derived from thidua's own table (issue 14.2).
_NO_TONE, _TONES = "", ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
TCVN3_CHART = {  # letter: (no tone, huyền, hỏi, ngã, sắc, nặng); None: the ASCII letter itself
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9), "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB), "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6), "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4), "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE), "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9), "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
TCVN3_CAPITALS = {  # (capital letter, tone or ""): byte
    ("Ă", ""): 0xA1, ("Â", ""): 0xA2, ("Ê", ""): 0xA3, ("Ô", ""): 0xA4, ("Ơ", ""): 0xA5,
    ("Ư", ""): 0xA6, ("Đ", ""): 0xA7, ("đ", ""): 0xAE,
    ("Ă", "\u0300"): 0xAF, ("Ă", "\u0309"): 0xBA, ("Ă", "\u0303"): 0xBF, ("Ă", "\u0301"): 0xC0,
    ("Â", "\u0300"): 0xC1, ("Â", "\u0309"): 0xC2, ("Â", "\u0303"): 0xC3, ("Â", "\u0301"): 0xC4,
    ("Ê", "\u0300"): 0xC5, ("Ê", "\u0309"): 0xCD, ("Ê", "\u0303"): 0xD9, ("Ê", "\u0301"): 0xDA,
    ("Ô", "\u0300"): 0xDB, ("Ô", "\u0309"): 0xE0, ("Ô", "\u0303"): 0xF0, ("Ô", "\u0301"): 0xFF,
}


def _tcvn3_reference() -> dict[str, str]:
    """Byte (as the character Excel shows, U+00A1..U+00FF) → Unicode letter, from the chart."""
    reference = {}
    for letter, codes in TCVN3_CHART.items():
        for code, tone in zip(codes, (_NO_TONE, *_TONES)):
            if code is not None:
                reference[chr(code)] = unicodedata.normalize("NFC", letter + tone)
    for (letter, tone), code in TCVN3_CAPITALS.items():
        reference[chr(code)] = unicodedata.normalize("NFC", letter + tone)
    return reference


def test_the_tcvn3_table_agrees_with_the_code_chart_entry_by_entry():
    reference = _tcvn3_reference()
    assert len(reference) == 90  # 12 x 6 small forms less 6 ASCII vowels, 8 letters, 16 capitals
    assert {b: TCVN3.get(b) for b in reference} == reference  # every entry, each one by its byte
    assert set(TCVN3) == set(reference)  # and nothing more
    assert decode_tcvn3("".join(reference)) == "".join(reference.values())


@pytest.mark.parametrize("encode, name", [(encode_tcvn3, TCVN3_NAME), (encode_vni, VNI_NAME)])
def test_a_sheet_of_real_words_is_detected_and_every_cell_converted(encode, name):
    cells = [encode(w) for w in WORDS]
    assert detect_encoding(cells) == name
    converted = [convert_cell(c, name) for c in cells]
    # TCVN3 has no capitals with a tone mark: those come back small (Đ/Ă/Â/Ê/Ô/Ơ/Ư stay capital)
    assert [c.lower() for c in converted] == [w.lower() for w in WORDS]


def test_unicode_text_is_never_taken_for_a_legacy_encoding():
    assert detect_encoding(WORDS) is None
    assert detect_encoding(["Cá nhân", "Hoàn thành", "Café sáng", "quý", "hoá"]) is None
    assert all(best_reading(w) is None for w in WORDS)


def test_unicode_cells_in_a_legacy_sheet_stay_as_they_are():
    assert convert_cell("Cá nhân", TCVN3_NAME) == "Cá nhân"  # "Cỏ nhõn" would be TCVN3's reading
    assert convert_cell("Ghi chó", TCVN3_NAME) == "Ghi chú"  # a tie decided by the form's words
    assert convert_cell(2024.0, TCVN3_NAME) == 2024.0


def test_a_sheet_mixing_tcvn3_and_vni_is_reported_with_both_names():
    cells = [encode_tcvn3(w) for w in WORDS[:8]] + [encode_vni(w) for w in WORDS[8:16]]
    with pytest.raises(MixedEncodings, match=r"(TCVN3 \(ABC\) và VNI|VNI và TCVN3 \(ABC\))"):
        detect_encoding(cells)


def test_csv_bytes_choose_the_most_vietnamese_reading():
    from helpers import encode_cp1258

    text = "Tên mô hình;Lĩnh vực\nBữa cơm Công đoàn;Kinh tế\n"
    assert decode_bytes(encode_cp1258(text)) == (text, "Windows-1258")
    assert decode_bytes(encode_tcvn3(text).encode("latin-1")) == (text, TCVN3_NAME)
    assert decode_bytes(encode_vni(text).encode("latin-1")) == (text, VNI_NAME)


@pytest.mark.parametrize("word, ok", [("trường", True), ("nghiêng", True), ("quốc", True),
                                      ("tèt", False), ("teá", False), ("hoùa", False),
                                      ("tõ", True), ("khuya", True), ("gìn", True)])
def test_syllable_shape(word, ok):
    assert is_syllable(word) is ok


# VNI-Windows, written as its keyboard chart is laid out: for each letter, what a VNI font
# shows for its six forms (no tone, huyền, hỏi, ngã, sắc, nặng). Written here by hand from the
# chart (a base letter and the mark's own character), never derived from thidua's table
# (issue 14.2). Capitals: the same characters in capitals; a pair whose two characters differ
# in case takes the case of its base letter (``aÙ`` is á, ``Aù`` is Á).
VNI_CHART = {
    "a": (None, "aø", "aû", "aõ", "aù", "aï"), "ă": ("aê", "aè", "aú", "aü", "aé", "aë"),
    "â": ("aâ", "aà", "aå", "aã", "aá", "aä"), "e": (None, "eø", "eû", "eõ", "eù", "eï"),
    "ê": ("eâ", "eà", "eå", "eã", "eá", "eä"), "o": (None, "oø", "oû", "oõ", "où", "oï"),
    "ô": ("oâ", "oà", "oå", "oã", "oá", "oä"), "ơ": ("ô", "ôø", "ôû", "ôõ", "ôù", "ôï"),
    "u": (None, "uø", "uû", "uõ", "uù", "uï"), "ư": ("ö", "öø", "öû", "öõ", "öù", "öï"),
    "y": (None, "yø", "yû", "yõ", "yù", "î"), "i": (None, "ì", "æ", "ó", "í", "ò"),
}
#: Other spellings the chart allows: ``i`` and ``y`` followed by a tone's own character (as
#: some VNI keyboards type *chính* ``chiùnh``), ``đ``.
VNI_ALSO = {"iø": "ì", "iû": "ỉ", "iõ": "ĩ", "iù": "í", "iï": "ị", "yï": "ỵ", "ñ": "đ"}


def _vni_reference() -> dict[str, str]:
    """Character or pair as read → Unicode letter, in every case, from the chart above."""
    small = dict(VNI_ALSO)
    for letter, forms in VNI_CHART.items():
        for chars, tone in zip(forms, (_NO_TONE, *_TONES)):
            if chars is not None:
                small[chars] = unicodedata.normalize("NFC", letter + tone)
    reference = {}
    for chars, letter in small.items():
        if len(chars) == 1:
            reference[chars], reference[chars.upper()] = letter, letter.upper()
            continue
        for base in (chars[0], chars[0].upper()):
            for mark in (chars[1], chars[1].upper()):
                reference[base + mark] = letter.upper() if base.isupper() else letter
    return reference


def test_the_vni_table_agrees_with_the_keyboard_chart_entry_by_entry():
    from thidua.ingest.legacy import VNI, _vni_table

    reference = _vni_reference()
    assert len(reference) == 274  # 9 single characters and 64 pairs, in every case
    for table in (VNI, _vni_table()):  # the table in use, and its builder run afresh
        assert {k: table.get(k) for k in reference} == reference  # every entry by its key
        assert set(table) == set(reference)  # and nothing more
    # every lower-case entry decodes to its letter, one after the other in one text
    small = {k: v for k, v in reference.items() if k.islower()}
    assert decode_vni(" ".join(small)) == " ".join(small.values())
