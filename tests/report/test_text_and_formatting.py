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


# --- thidua/text.py's other helpers, in this process (the 01/12 mutation run of ``text``) ----
def test_a_date_time_cell_is_its_date_as_written():
    assert clean_text(dt.datetime(2024, 12, 5, 16, 40)) == clean_text(dt.date(2024, 12, 5)) \
        == "05/12/2024"


def test_the_combining_marks_table_drops_only_marks():
    from thidua.text import _CombiningMarks

    table = _CombiningMarks()  # a new one: the program's own remembers every character met
    assert unicodedata.normalize("NFD", "Hoá Việt").translate(table) == "Hoa Viet"
    assert (table[ord("a")], table[0x301]) == (ord("a"), None)


@pytest.mark.parametrize("value, folded", [
    ("Ｑ－ＢＤ", "Q-BD"), ("ＴＴ", "TT"), ("СQ", "CQ"), ("ТТ", "TT"),  # full-width; Cyrillic
    (" q-bd ", "q-bd"), ("Д1", "Д1"), ("Văn hóa", "Văn hóa"), (None, ""),
])
def test_a_code_like_value_is_folded_to_the_latin_text_it_looks_like(value, folded):
    from thidua.text import fold_code

    assert fold_code(value) == folded


ASK = "; đề nghị gõ lại bằng bàn phím tiếng Việt/Latinh."


@pytest.mark.parametrize("value, note", [
    ("Q-BD", ""), ("Ｑ", ""), (None, ""),
    ("ТХ", " 'ТХ' có chữ 'Т', 'Х' không phải chữ Latinh (chữ Kirin)" + ASK),
    ("ТТ", " 'ТТ' có chữ 'Т' không phải chữ Latinh (chữ Kirin)" + ASK),
    ("ДЖЗИ", " 'ДЖЗИ' có chữ 'Д', 'Ж', 'З', … không phải chữ Latinh (chữ Kirin)" + ASK),
    ("ДЖЗ", " 'ДЖЗ' có chữ 'Д', 'Ж', 'З' không phải chữ Latinh (chữ Kirin)" + ASK),
    ("ТΩ", " 'ТΩ' có chữ 'Т', 'Ω' không phải chữ Latinh (chữ Hy Lạp, chữ Kirin)" + ASK),
    ("ა1", " 'ა1' có chữ 'ა' không phải chữ Latinh (bảng chữ khác)" + ASK),
])
def test_letters_of_another_script_are_named_at_most_three(value, note):
    from thidua.text import foreign_letters_note

    assert foreign_letters_note(value) == note


@pytest.mark.parametrize("text, digits", [
    ("2.024", "2024"), ("2,024", "2024"), ("2 024", "2024"), ("2\u00a0024", "2024"),
    ("2\u202f024", "2024"), ("2024.0", "2024"), ("2024,00", "2024"),
    ("Năm 2.024 - 2.025", "Năm 2024 - 2025"),
    ("12.345", "12.345"), ("20.24", "20.24"), ("2024.5", "2024.5"), ("1.2.024", "1.2.024"),
])
def test_a_year_written_as_a_formatted_number_is_its_four_digits(text, digits):
    from thidua.text import year_digits

    assert year_digits(text) == digits


def test_rows_are_listed_ten_at_most():
    from thidua.text import rows_said

    assert rows_said([5, 6, 7]) == "5, 6, 7"
    assert rows_said(list(range(1, 11))) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10"
    assert rows_said(list(range(1, 12))) == "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, …"
    assert rows_said([1, 2, 3], 2) == "1, 2, …"
