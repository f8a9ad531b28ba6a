"""A table's caption naming its type in the words of a list (``I. DANH SÁCH MÔ HÌNH TẬP
THỂ``, ``II. Danh sách cá nhân đăng ký``, ``PHẦN II: CÁ NHÂN``) gives its rows that type
when the form has no ``Hình thức`` column (fresh tester AA's AA40, AA5A: the collectives of
such a list lost their type, each rejected "Thiếu 'Hình thức'"; ``I. MÔ HÌNH TẬP THỂ`` was
read). ``schemas.form.FILLERS``, ``sections._PART``; ``docs/contracts.md``, "Rows that are
not data".
"""
from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.sections import heading_type
from thidua.ingest.values import read_value


@pytest.mark.parametrize("text, kind", [
    ("I. DANH SÁCH MÔ HÌNH TẬP THỂ", "Tập thể"), ("II. DANH SÁCH MÔ HÌNH CÁ NHÂN", "Cá nhân"),
    ("DANH SÁCH TẬP THỂ", "Tập thể"), ("II. DANH SÁCH CÁ NHÂN", "Cá nhân"),
    ("I. DANH SÁCH CÁC MÔ HÌNH TẬP THỂ", "Tập thể"),
    ("II. Danh sách mô hình cá nhân đăng ký", "Cá nhân"),
    ("I. DANH SÁCH TẬP THỂ ĐĂNG KÝ MÔ HÌNH", "Tập thể"), ("I. ĐỐI VỚI TẬP THỂ", "Tập thể"),
    ("Phần I. Tập thể", "Tập thể"), ("PHẦN II: CÁ NHÂN", "Cá nhân"),
    ("Phần thứ hai: Cá nhân", "Cá nhân"), ("Phần thứ nhất - Tập thể", "Tập thể"),
    ("I. MÔ HÌNH TẬP THỂ", "Tập thể"),  # read before
    # no type: a list's words alone, another heading, a name
    ("Danh sách", None), ("I. DANH SÁCH MÔ HÌNH", None), ("KHỐI CƠ SỞ", None),
    ("Phần mềm cá nhân", None), ("Tập thể lớp 5A", None), ("PHẦN I: KHỐI DOANH NGHIỆP", None),
])
def test_a_caption_in_a_list_s_words_names_its_type(text, kind):
    assert heading_type([text]) == kind


@pytest.mark.parametrize("text, code", [("Danh sách tập thể", "collective"),
                                        ("Đối với cá nhân", "individual")])
def test_the_words_are_fillers_of_a_type_cell_too(text, code):
    reading = read_value("type", text)
    assert (reading.code, reading.how) == (code, "exact")


@pytest.mark.parametrize("captions", [
    ("I. DANH SÁCH MÔ HÌNH TẬP THỂ", "II. DANH SÁCH MÔ HÌNH CÁ NHÂN"),
    ("PHẦN I: TẬP THỂ", "PHẦN II: CÁ NHÂN"),
    ("I. Danh sách tập thể đăng ký", "II. Danh sách cá nhân đăng ký"),
])
def test_two_captioned_tables_without_a_type_column_lose_nothing(tmp_path, context, captions):
    at = HEADER.index("Hình thức")
    header = HEADER[:at] + HEADER[at + 1:]

    def strip(row: list) -> list:
        return row[:at] + row[at + 1:]
    lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], [], [captions[0]], header,
             *[strip(reg(i)) for i in (0, 2, 4, 6)], [], [captions[1]], header,
             *[strip(reg(i)) for i in (1, 3, 5, 7)]]
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", lines)])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (8, 0)
    assert result.registrations["type"].value_counts().to_dict() == {"collective": 4,
                                                                     "individual": 4}
