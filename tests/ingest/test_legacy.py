"""Legacy 8-bit Vietnamese text (TCVN3/ABC, VNI): detected, converted, or rejected by name."""

import shutil
import subprocess

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


@pytest.mark.skipif(not shutil.which("iconv"), reason="iconv not installed")
def test_tcvn3_table_agrees_with_glibc_tcvn5712_byte_for_byte():
    codes = sorted(ord(ch) for ch in TCVN3)
    out = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=bytes(codes),
                         capture_output=True, check=True).stdout.decode("utf-8")
    assert list(out) == [TCVN3[chr(c)] for c in codes]


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
