import datetime as dt
import subprocess
import sys
import unicodedata

import pytest

from thidua.report.formatting import decree_date, number, percent
from thidua.text import clean_text, compact_key, match_key


def test_clean_text_collapses_spaces_and_composes_nfd():
    nfd = unicodedata.normalize("NFD", "  Văn   hóa\n xã hội ")
    assert clean_text(nfd) == "Văn hóa xã hội"
    assert unicodedata.is_normalized("NFC", clean_text(nfd))


def test_clean_text_prints_whole_floats_and_dates_like_excel():
    assert clean_text(3.0) == "3"
    assert clean_text(2.5) == "2.5"
    assert clean_text(dt.date(2024, 1, 5)) == "05/01/2024"
    assert clean_text(float("nan")) == ""
    assert clean_text(None) == ""


def test_match_key_ignores_accents_case_and_dash_kind():
    assert match_key("Văn hoá – Xã hội") == match_key("VĂN HÓA - XÃ HỘI") == "van hoa - xa hoi"
    assert match_key("Đống Đa") == "dong da"
    assert compact_key("VH - XH") == "vhxh"


def test_match_key_drops_every_combining_mark_of_unicode_and_keeps_other_letters():
    marks = [chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.combining(chr(cp))]
    assert len(marks) > 900
    assert {m for m in marks if match_key(f"a{m}b") != "ab"} == set()
    # letters that are not marks stay, whatever their script
    assert match_key("Ωmega Ж ㄱ ש ๑") == "ωmega ж ㄱ ש ๑"


def test_match_keys_are_ready_without_walking_all_of_unicode_at_start():
    # issue 10: the table of combining marks is filled by the characters met; the walk over
    # the 1,1 million code points cost 0,4 s at each start ("nothing changed" included)
    code = ("import schemas.form\nfrom thidua.text import _combining, match_key\n"
            "print(match_key('Xây dựng hệ thống chính trị'), len(_combining()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert " ".join(out[:-1]) == "xay dung he thong chinh tri"
    assert int(out[-1]) < 200


def test_vietnamese_numbers_group_with_dots_and_use_decimal_comma():
    assert number(1129) == "1.129"
    assert number(7204) == "7.204"
    assert percent(1, 8) == "12,5%"
    assert percent(0, 0) == "–"


def test_decree_date_pads_days_and_months_one_and_two_only():
    assert decree_date(dt.date(2024, 12, 5)) == "Hà Nội, ngày 05 tháng 12 năm 2024"
    assert decree_date(dt.date(2024, 2, 3)) == "Hà Nội, ngày 03 tháng 02 năm 2024"
    assert decree_date(dt.date(2024, 3, 15)) == "Hà Nội, ngày 15 tháng 3 năm 2024"


@pytest.mark.parametrize("text, key", [
    ("Q-HM_chưa_sửa", "q hm chua sua"), ("Không.", "khong"), ("  Bản  CUỐI (v2) ", "ban cuoi v2"),
    ("-", ""), ("n/a", "n a"),
])
def test_a_word_key_reads_punctuation_as_spaces(text, key):
    from thidua.text import word_key

    assert word_key(text) == key


@pytest.mark.parametrize("sheet, note, said", [
    ("DS", "Dòng 5: thiếu 'Lĩnh vực'.", "Trang 'DS': Dòng 5: thiếu 'Lĩnh vực'."),
    ("", "Dòng 5: thiếu 'Lĩnh vực'.", "Dòng 5: thiếu 'Lĩnh vực'."),  # no sheet's name: as is
    ("DS", "Trang 'DS' không có cột 'Hình thức'.", "Trang 'DS' không có cột 'Hình thức'."),
    ("DS", "Trang 'DS 2' không có cột 'Hình thức'.",                 # another sheet named
     "Trang 'DS': Trang 'DS 2' không có cột 'Hình thức'."),
])
def test_a_note_names_its_sheet_once(sheet, note, said):
    from thidua.text import on_sheet

    assert on_sheet(sheet, note) == said
