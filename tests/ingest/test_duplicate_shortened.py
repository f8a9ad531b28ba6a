"""A row repeated with its position, union or registrant written in full in one and shortened in
the other (``Chủ tịch Công đoàn cơ sở`` / ``Chủ tịch CĐCS`` / ``CT CĐCS``; ``Trường Tiểu học``
/ ``Trường TH``) is the same registration: the later one is rejected as a duplicate. Before,
each was counted twice (fresh tester W's W130, W131, W133; ``duplicates._SHORTENED``)."""

from __future__ import annotations

import pytest

from helpers import read_form, row
from thidua.ingest.duplicates import duplicate_key


@pytest.mark.parametrize("full, short", [
    ("Chủ tịch Công đoàn cơ sở", "Chủ tịch CĐCS"), ("Chủ tịch Công đoàn cơ sở", "CT CĐCS"),
    ("Phó Chủ tịch Công đoàn cơ sở", "PCT CĐCS"), ("Ủy viên Ban Chấp hành", "UV BCH"),
    ("Ủy viên Ban Thường vụ", "UV BTV"), ("Trường Tiểu học Ánh Dương", "Trường TH Ánh Dương"),
    ("Trường Trung học cơ sở Láng", "Trường THCS Láng"),
    ("Trường Trung học phổ thông Việt Đức", "Trường THPT Việt Đức"),
    ("Trường Mầm non Hoa Sen", "Trường MN Hoa Sen"),
    ("Công ty Trách nhiệm hữu hạn Nam Thành", "Cty TNHH Nam Thành"),
    ("Công ty Cổ phần May Thăng Long", "Công ty CP May Thăng Long"),
    ("Liên đoàn Lao động quận Đống Đa", "LĐLĐ quận Đống Đa"),
    ("Công đoàn bộ phận Phân xưởng 1", "CĐBP Phân xưởng 1"), ("Tổ trưởng công đoàn", "TT công đoàn"),
])
def test_words_in_full_and_shortened_are_one_key(full, short):
    assert duplicate_key(full) == duplicate_key(short)


@pytest.mark.parametrize("one, other", [
    ("Chủ tịch CĐCS", "Phó Chủ tịch CĐCS"), ("Trường TH Ánh Dương", "Trường THCS Ánh Dương"),
    ("Công ty CP May Thăng Long", "Công ty TNHH May Thăng Long"), ("Phố Huế", "P Huế"),
    ("Trung tâm Y tế", "TT Y tế"),  # ``TT`` stands for ``Tổ trưởng`` only
])
def test_other_words_stay_apart(one, other):
    assert duplicate_key(one) != duplicate_key(other)


@pytest.mark.parametrize("cells", [
    {"position": "Chủ tịch Công đoàn cơ sở"}, {"position": "CT CĐCS"},
    {"grassroots": "Trường TH Ánh Dương"},
    {"position": "CT CĐCS", "grassroots": "Trường TH Ánh Dương"},
])
def test_a_row_repeated_with_words_shortened_is_a_duplicate(tmp_path, context, cells):
    person = dict(type_="Cá nhân", registrant="Nguyễn Văn An", position="Chủ tịch CĐCS",
                  grassroots="Trường Tiểu học Ánh Dương", model="Hỗ trợ đoàn viên tiêu thụ nông sản")
    result = read_form(tmp_path, context, [row(**person, stt=1), row(model="Mô hình khác", stt=2),
                                           row(**{**person, **cells}, stt=3)])
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.rejections["error"].str.startswith("Trùng với dòng ").tolist() == [True]
    assert result.rejections["row"].tolist() != []


def test_the_same_model_of_a_namesake_in_another_union_still_counts(tmp_path, context):
    person = dict(type_="Cá nhân", registrant="Nguyễn Văn Hùng", position="Chủ tịch CĐCS",
                  model="Bữa cơm công đoàn ấm áp")
    result = read_form(tmp_path, context, [
        row(**person, grassroots="Trường TH Ánh Dương", stt=1),
        row(**person, grassroots="Công ty CP May Thăng Long", stt=2)])
    assert result.rows["valid"] == 2


@pytest.mark.parametrize("one, other", [
    ("Chủ tịch CĐ cơ sở", "Chủ tịch CĐCS"), ("Chủ tịch C.Đ.C.S", "Chủ tịch Công đoàn cơ sở"),
    ("P.Chủ tịch CĐCS", "Phó Chủ tịch CĐCS"), ("P. Chủ tịch CĐCS", "PCT CĐCS"),
    ("Trường T.H Ánh Dương", "Trường Tiểu học Ánh Dương"), ("TH Ánh Dương", "Trường TH Ánh Dương"),
])
def test_initials_with_dots_and_a_school_without_truong_are_one_key(one, other):
    """Fresh tester Z's Z04E, Z04F, Z04G, Z04I, Z04J: each counted twice."""
    assert duplicate_key(one) == duplicate_key(other)


@pytest.mark.parametrize("one, other", [
    ("Mô hình 5.3", "Mô hình 53"), ("Trường học hạnh phúc", "Học hạnh phúc"),
    ("P.Chủ tịch CĐCS", "Chủ tịch CĐCS"),
])
def test_numbers_and_other_words_with_dots_stay_apart(one, other):
    assert duplicate_key(one) != duplicate_key(other)
