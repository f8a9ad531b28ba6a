"""A value of another coded column is never read by meaning, and spellings that also mean
something outside the form are told (the third tester's F1 and F2)."""

from __future__ import annotations

import pytest

from test_values import check, frame
from thidua.ingest.interpreted import interpreted_notes, interpreted_values
from thidua.ingest.values import EXACT, INTERPRETED, UNKNOWN, other_column, read_value


# --- F1: ``TT`` in Lĩnh vực is the type's code typed in the wrong column, not ``Thể thao`` --
@pytest.mark.parametrize("text, other", [
    ("TT", "type"), ("T.T", "type"), ("tt", "type"), ("(TT)", "type"), ("ＴＴ", "type"),
    ("CN", "type"), ("Tập thể", "type"), ("Cá nhân", "type"), ("Cơ sở", "level"),
    ("Hoàn thành", "result"), ("Tiêu biểu", "result"),
])
def test_a_value_of_another_column_is_not_read_by_meaning_in_the_field(text, other):
    assert read_value("field", text).how == UNKNOWN
    assert other_column("field", text) == other


@pytest.mark.parametrize("text, code", [
    ("Thể thao", "VHXH"), ("Văn hóa", "VHXH"), ("An ninh", "ANQP"), ("HTCT", "XDHTCT"),
    ("Xây dựng Đảng", "XDHTCT"),
])
def test_the_words_that_mean_a_field_are_still_read_and_told(text, code):
    assert read_value("field", text) == read_value("field", text.upper())
    assert (read_value("field", text).code, read_value("field", text).how) == (code, INTERPRETED)
    assert other_column("field", text) is None


def test_the_columns_own_values_are_never_of_another_column():
    assert other_column("type", "TT") is None and read_value("type", "TT").how == EXACT
    assert other_column("field", "KT") is None and other_column("field", "") is None
    assert other_column("type", "Kinh tế") == "field" and other_column("level", "TB") == "result"


def test_the_unit_is_told_the_value_belongs_to_another_column():
    valid, rejected = check([{"field": "TT", "type": "Tập thể", "position": ""},
                             {"field": "Thể thao", "model": "Sân chơi thể thao công nhân"},
                             {"field": "Tập thể", "model": "Tủ sách pháp luật công nhân"}])
    assert valid.index.tolist() == [8] and valid.at[8, "field"] == "VHXH"
    expected = ("cần một trong: Kinh tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc phòng "
                "(ANQP), Xây dựng hệ thống chính trị (XDHTCT).")
    assert rejected[["row", "column", "value", "error"]].values.tolist() == [
        [7, "Lĩnh vực", "TT", f"'TT' không hợp lệ ở cột 'Lĩnh vực': {expected} 'TT' là giá trị "
         "của cột 'Hình thức': có ghi nhầm cột không?"],
        [9, "Lĩnh vực", "Tập thể", f"'Tập thể' không hợp lệ ở cột 'Lĩnh vực': {expected} "
         "'Tập thể' là giá trị của cột 'Hình thức': có ghi nhầm cột không?"]]


# --- F2: ``TB`` (also ``Trung bình``), ``Đạt``, ``Chưa``: read as their value and told ------
@pytest.mark.parametrize("text, code", [
    ("TB", "tieu_bieu"), ("T.B", "tieu_bieu"), ("tb", "tieu_bieu"), ("(TB)", "tieu_bieu"),
    ("Đạt", "hoan_thanh"), ("dat", "hoan_thanh"), ("Không đạt", "khong_hoan_thanh"),
    ("Chưa", "chua_danh_gia"), ("Xuất sắc tiêu biểu", "tieu_bieu"),
    # with punctuation or abbreviations (the fourth tester's F3: these were silent)
    ("tb.", "tieu_bieu"), ("T.B.", "tieu_bieu"), ("Tb", "tieu_bieu"), ("TB ", "tieu_bieu"),
    ("Đạt.", "hoan_thanh"), ("ĐẠT", "hoan_thanh"), ("Ko đạt", "khong_hoan_thanh"),
    ("K.đạt", "khong_hoan_thanh"), ("Không Đạt", "khong_hoan_thanh"), ("chưa.", "chua_danh_gia"),
    ("CHƯA", "chua_danh_gia"), ("Xuất sắc tiêu biểu.", "tieu_bieu"),
])
def test_spellings_with_a_meaning_outside_the_form_are_told(text, code):
    reading = read_value("result", text)
    assert (reading.code, reading.how) == (code, INTERPRETED)


@pytest.mark.parametrize("text, code", [
    ("Tiêu biểu", "tieu_bieu"), ("HT", "hoan_thanh"),
    ("KHT", "khong_hoan_thanh"), ("Chưa đánh giá", "chua_danh_gia"), ("T.biểu", "tieu_bieu"),
    ("Tiêu biểu.", "tieu_bieu"), ("H.T", "hoan_thanh"), ("K.H.T.", "khong_hoan_thanh"),
])
def test_the_forms_own_spellings_stay_exact(text, code):
    reading = read_value("result", text)
    assert (reading.code, reading.how) == (code, EXACT)


def test_a_tb_result_is_counted_exemplary_and_the_unit_is_told():
    valid, rejected = check([{"result": "TB"},
                             {"result": "Trung bình", "model": "Tủ sách pháp luật công nhân"},
                             {"result": "Tiêu biểu", "model": "Sân chơi thể thao công nhân"}])
    assert valid["result"].tolist() == ["tieu_bieu", "tieu_bieu"]
    assert rejected["row"].tolist() == [8]
    notes = interpreted_notes(interpreted_values(frame([{"result": "TB"}, {"result": "Tiêu biểu"},
                                                        {"result": "TB"}])))
    assert notes == ["Cột 'Kết quả': 'TB' (dòng 7, 9) đã hiểu là 'Tiêu biểu'; nếu không đúng, "
                     "đề nghị sửa lại và gửi lại."]


@pytest.mark.parametrize("text, code, how", [
    ("K.TB", None, "ambiguous"), ("k. TB", None, "ambiguous"),
    ("K. Hoàn thành", "khong_hoan_thanh", "exact"), ("K.hoàn thành", "khong_hoan_thanh", "exact"),
    ("a. Tiêu biểu", "tieu_bieu", "exact"), ("b) Hoàn thành", "hoan_thanh", "exact"),
])
def test_a_k_before_a_dot_is_khong_never_a_numbering_dropped(text, code, how):
    # the fourth tester: ``K.TB`` was read as ``TB`` (``K.`` dropped as a numbering ``a.``)
    reading = read_value("result", text)
    assert (reading.code, reading.how) == (code, how)
