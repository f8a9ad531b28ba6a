"""A coded value typed with the Vietnamese mode of the keyboard off (``Kinh tees`` in Telex,
``Kinh te61`` in VNI) is read as the letters its keys stand for, counted and told; nothing
else changes (``thidua/ingest/keyboard.py``, ``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.keyboard import typed_off
from thidua.ingest.values import read_value

TYPED = [
    ("field", "Kinh tees", "KT"), ("field", "kinh tees", "KT"), ("field", "KINH TEES", "KT"),
    ("field", "Kinh tees.", "KT"), ("field", "Kinh te61", "KT"),
    ("field", "Vawn hoas - xax hooji", "VHXH"), ("field", "Vawn hoas-xax hooji", "VHXH"),
    ("field", "Va8n hoa1 - xa4 ho65i", "VHXH"),
    ("field", "An ninh - quoocs phongf", "ANQP"), ("field", "Quoocs phongf - an ninh", "ANQP"),
    ("field", "Xaay duwngj heej thoongs chinhs trij", "XDHTCT"),
    ("field", "Xa6y du7ng5 he65 tho61ng chi1nh tri5", "XDHTCT"),
    ("type", "Taapj theer", "collective"), ("type", "Ta65p the63", "collective"),
    ("type", "Cas nhaan", "individual"), ("type", "Ca1 nha6n", "individual"),
    ("level", "Cow sowr", "co_so"), ("level", "Caaps treen cow sowr", "cap_tren_co_so"),
    ("level", "Thanhf phoos", "thanh_pho"), ("level", "Co7 so73", "co_so"),
    ("result", "Hoanf thanhf", "hoan_thanh"), ("result", "Hoa2n tha2nh", "hoan_thanh"),
    ("result", "Tieeu bieeur", "tieu_bieu"), ("result", "Tie6u bie63u", "tieu_bieu"),
    ("result", "Khoong hoanf thanhf", "khong_hoan_thanh"),
    ("result", "Chuwa ddanhs gias", "chua_danh_gia"),
]


@pytest.mark.parametrize("column, text, code", TYPED)
def test_a_value_typed_with_the_vietnamese_mode_off_is_read_and_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, "interpreted")


@pytest.mark.parametrize("text, meant", [
    ("Kinh tees", ("Kinh tế",)), ("Ta65p the63", ("Tập thể",)),
    ("Vawn hoas - xax hooji", ("Văn hóa - xã hội",)), ("Xaay duwngj Ddangr", ("Xây dựng Đảng",)),
    ("Kinh te", ()), ("VHXH", ()), ("TT", ()), ("Kinh tế", ()), ("Kinh tees ✓", ()), ("", ()),
])
def test_typed_off_gives_what_the_keys_stand_for_only_for_ascii_text_with_keys(text, meant):
    assert typed_off(text) == meant


@pytest.mark.parametrize("column, text", [
    ("field", "Khac"), ("field", "Moi truowngf"), ("field", "Taapj theer"),  # a type, not a field
    ("type", "Nhoms lowns"), ("result", "Tootsf"), ("level", "Phoongf ban"),
])
def test_what_reads_as_no_value_when_typed_back_stays_unknown(column, text):
    assert read_value(column, text).code is None


@pytest.mark.parametrize("column, text, code, how", [
    ("field", "KT", "KT", "exact"), ("field", "Kinh te", "KT", "exact"),
    ("type", "TT", "collective", "exact"), ("result", "HTXS", "hoan_thanh", "interpreted"),
])
def test_codes_and_words_without_marks_read_as_before(column, text, code, how):
    assert (read_value(column, text).code, read_value(column, text).how) == (code, how)


def test_a_file_typed_with_the_mode_off_counts_every_row_and_tells_each_value(tmp_path, context):
    rows = [reg(i) for i in range(3)]
    at = {name: HEADER.index(name) for name in ("Lĩnh vực", "Hình thức", "Kết quả")}
    rows[0][at["Lĩnh vực"]] = "Kinh tees"
    rows[1][at["Lĩnh vực"]] = "Kinh tees"
    rows[2][at["Kết quả"]] = "Hoanf thanhf"
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    assert result.registrations["field"].tolist()[:2] == ["KT", "KT"]
    assert result.registrations["result"].tolist()[2] == "hoan_thanh"
    assert result.interpreted == 3
    assert "Cột 'Lĩnh vực': 'Kinh tees' (dòng 4, 5) đã hiểu là 'Kinh tế'; nếu không đúng, đề " \
           "nghị sửa lại và gửi lại." in result.readings
    assert any(n.startswith("Cột 'Kết quả': 'Hoanf thanhf' (dòng 6) đã hiểu là 'Hoàn thành'")
               for n in result.readings)
