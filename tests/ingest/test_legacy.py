"""Legacy 8-bit Vietnamese text (TCVN3/ABC, VNI): detected, converted, or rejected by name."""

import unicodedata

import pytest

from thidua.ingest.legacy import (TCVN3, TCVN3_NAME, VNI_NAME, MixedEncodings, best_reading,
                          convert_cell, decode_bytes, decode_tcvn3, decode_vni, detect_encoding,
                          encode_tcvn3, encode_vni, is_syllable,
                          undecoded_words)

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
    # every entry decodes to its letter, one after the other in one text
    assert decode_vni(" ".join(reference)) == " ".join(reference.values())


@pytest.mark.parametrize("vni,text", [("chiùnh", "chính"), ("tình", "tình"), ("IÙT", "ÍT"),
                                      ("nghiõa", "nghĩa"), ("chæ", "chỉ"), ("chiû", "chỉ"),
                                      ("lôïi ích", "lợi ích"), ("trò", "trị"), ("triï", "trị")])
def test_vni_i_is_decoded_written_either_way(vni, text):
    assert decode_vni(vni) == text


def test_tcvn3_tone_typed_after_the_vowel_is_composed():
    assert decode_tcvn3("Kinh te\xb3") == "Kinh té" and decode_tcvn3("ho\xb5") == "hoà"


def test_undecoded_words_are_only_non_syllables_with_legacy_leftovers():
    assert undecoded_words("chiùnh trò", "VNI") == ["chiùnh"]
    assert undecoded_words("Quá trình hoà nhập, thuê nhà", "VNI") == []
    assert undecoded_words("Ñoäi", "VNI") == ["Ñoäi"]
    assert undecoded_words("Tr\xadêng", "TCVN3 (ABC)") == ["Tr\xadêng"]
    assert undecoded_words("Tr\xadêng", "VNI") == []  # a TCVN3 leftover is not VNI's
    assert undecoded_words("chiùnh", "TCVN3 (ABC)") == []  # a VNI pair is not TCVN3's
    assert undecoded_words("Ñoäi chiùnh; tÕ, Ñ", "VNI") == ["Ñoäi", "chiùnh", "Ñ"]
    assert undecoded_words("Kinh tế", "VNI") == [] and undecoded_words(2024, "VNI") == []
    assert undecoded_words("Ñoäi", "UTF-8") == []  # no legacy encoding: nothing is left over


# --- edges found by mutation testing (issue 14.5) ---------------------------------------------

def test_tcvn3_tones_typed_after_vowels_are_composed_even_all_five_in_one_text():
    assert decode_tcvn3("ha\xb0 ha\xb1 ha\xb2 ha\xb3 ha\xb4") == "hà hả hã há hạ"
    assert decode_tcvn3("ha\xb0 ha\xb1 ha\xb2 ha\xb3 ha\xb4") == unicodedata.normalize(
        "NFC", "ha\u0300 ha\u0309 ha\u0303 ha\u0301 ha\u0323")


@pytest.mark.parametrize("word, ok", [
    ("ha\u0301\u0300", False), ("ha\u0301\u0300\u0323", False),  # two or three tones
    ("các", True), ("cạc", True), ("càc", False), ("cac", False),
    ("cách", True), ("bàch", False), ("tháp", True), ("thàp", False), ("mát", True),
    ("mảt", False), ("làng", True), ("lam", True)])
def test_a_syllable_has_one_tone_and_a_stop_final_takes_only_sac_or_nang(word, ok):
    assert is_syllable(word) is ok


@pytest.mark.parametrize("text, score", [
    ("Kinh tế, văn hoá; tÕ xyzé", 1),  # tế, văn, hoá +1 each; tÕ (mixed case), xyzé -1 each
    ("Kinh doanh", 0), ("", 0), ("tÕ", -1), ("tế", 1), ("Tr\xadêng", -1)])
def test_the_syllable_score_counts_non_ascii_words(text, score):
    from thidua.ingest.legacy import syllable_score

    assert syllable_score(text) == score


def _votes(encode, name: str) -> list[str]:
    cells = [encode(w) for w in WORDS]
    voting = [c for c in cells if best_reading(c) == name]
    assert len(voting) == 18  # every word but one votes for its encoding
    return voting


def test_an_encoding_needs_two_cells_or_the_only_candidate_cell():
    tcvn3 = _votes(encode_tcvn3, TCVN3_NAME)
    assert detect_encoding([tcvn3[0]]) == TCVN3_NAME  # the only candidate cell
    assert detect_encoding([tcvn3[0], "STT", 2024, None, "Cá nhân"]) is None  # one of two
    assert detect_encoding([tcvn3[0], tcvn3[1], "Cá nhân"]) == TCVN3_NAME
    assert detect_encoding([tcvn3[0], "STT", 2024.0, None]) == TCVN3_NAME  # ASCII: no candidate
    assert detect_encoding(["Kinh tÕ", "Văn hóa"]) == TCVN3_NAME  # beyond Latin-1: no candidate
    assert detect_encoding(["Cá nhân"]) is None  # a candidate that no legacy reading wins
    assert detect_encoding([]) is None


@pytest.mark.parametrize("n_tcvn3, n_vni, mixed", [
    (2, 2, True), (10, 2, True), (11, 2, False), (11, 1, False), (3, 10, True), (2, 11, False)])
def test_both_encodings_winning_two_cells_and_a_fifth_is_mixed(n_tcvn3, n_vni, mixed):
    cells = _votes(encode_tcvn3, TCVN3_NAME)[:n_tcvn3] + _votes(encode_vni, VNI_NAME)[:n_vni]
    if mixed:
        with pytest.raises(MixedEncodings) as caught:
            detect_encoding(cells)
        assert str(caught.value) == (f"{TCVN3_NAME} và {VNI_NAME}" if n_tcvn3 >= n_vni
                                     else f"{VNI_NAME} và {TCVN3_NAME}")
    else:
        assert detect_encoding(cells) == (TCVN3_NAME if n_tcvn3 > n_vni else VNI_NAME)


def test_unicode_text_beside_legacy_text_is_never_converted():
    assert convert_cell("Café sáng", TCVN3_NAME) == "Café sáng"  # "Cafộ sỏng" scores the same
    assert convert_cell("Kinh tÕ", TCVN3_NAME) == "Kinh tế"


def test_the_fixture_encoders_write_what_a_legacy_font_shows():
    # TCVN3: a capital with no code of its own takes the small letter's (Ú → ó), Đ has its own
    assert encode_tcvn3("Úc Đà Nẵng") == "óc \xa7\xb5 N\xbdng"
    # VNI: the single character where there is one (í, ỵ), the mark in the letter's case
    assert encode_vni("Văn hóa Trường Ấ chính Đ ỵ") == "Vaên hoùa Tröôøng AÁ chính Ñ î"


def test_csv_bytes_with_a_byte_windows_1258_lacks_and_ascii_bytes():
    assert decode_bytes(b"Kinh t\xd5 - V\xa8n ho\xb8 \x90;") == ("Kinh tế - Văn hoá \x90;",
                                                                  TCVN3_NAME)
    assert decode_bytes(b"STT;Ten mo hinh\n") == ("STT;Ten mo hinh\n", "Windows-1258")


def test_undecoded_cells_by_row_then_column_with_their_first_undecoded_word():
    import pandas as pd

    from thidua.ingest.legacy import undecoded_cells

    frame = pd.DataFrame({"model": ["Vaên hoùa", "chiùnh trò", 12, "Văn hóa"],
                          "registrant": ["Ñoäi", "Lan", None, "Ñ"]}, index=[8, 9, 10, 11])
    assert undecoded_cells(frame, VNI_NAME) == [
        (8, "model", "Vaên hoùa", "Vaên"), (8, "registrant", "Ñoäi", "Ñoäi"),
        (9, "model", "chiùnh trò", "chiùnh"), (11, "registrant", "Ñ", "Ñ")]
    assert undecoded_cells(frame, TCVN3_NAME) == [(8, "registrant", "Ñoäi", "Ñoäi"),
                                                  (11, "registrant", "Ñ", "Ñ")]
