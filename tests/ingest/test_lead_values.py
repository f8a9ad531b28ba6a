"""A coded value written first, with words of the unit's own after it (fresh tester I's
I005, I007, I127, I128, I129): read as that value and told, unless the words after it name
another value of the column (then asked), and never when the whole text is a value or two."""

from __future__ import annotations

import pytest

from corpus_rows import reg, titled
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.leadvalue import leading_value
from thidua.ingest.values import AMBIGUOUS, EXACT, INTERPRETED, UNKNOWN, Reading, read_value
from thidua.text import match_key


@pytest.mark.parametrize(("column", "text", "code"), [
    ("type", "Tập thể công đoàn", "collective"),
    ("type", "Cá nhân - đoàn viên", "individual"),
    ("type", "Tập thể - CĐCS", "collective"),
    ("type", "TT-CĐCS", "collective"),
    ("type", "Tập thể Ban Nữ công", "collective"),
    ("type", "Cá nhân đoàn viên", "individual"),
    ("type", "Tập thể CĐCS", "collective"),
    ("type", "CN - Chủ tịch", "individual"),
    ("type", "T.thể công đoàn", "collective"),
    ("type", "1. Tập thể công đoàn", "collective"),
    ("type", "TT. CĐCS", "collective"),  # a code with a stray dot still names its value
    ("level", "CĐCS Công ty Thi công cơ giới", "co_so"),  # ``thi`` without ``trấn``: no ward
    ("result", "Tiêu biểu cấp quận", "tieu_bieu"),
    ("result", "Tiêu biểu - đề nghị khen thưởng", "tieu_bieu"),
    ("result", "Không hoàn thành do chuyển công tác", "khong_hoan_thanh"),
    ("result", "Chưa đánh giá do mới triển khai", "chua_danh_gia"),
    ("level", "CĐCS Trường THCS Láng", "co_so"),
    ("level", "Công đoàn cơ sở Công ty May 10", "co_so"),
    ("level", "LĐLĐ quận Hoàn Kiếm", "cap_tren_co_so"),  # by the words that mean a value
    ("field", "XD Đảng, HTCT", "XDHTCT"),  # the words after it name the same value
    ("field", "Xây dựng Đảng, chính quyền, đoàn thể", "XDHTCT"),
    ("field", "An ninh trật tự khu dân cư", "ANQP"),
    ("field", "Kinh tế tập thể", "KT"),
])
def test_a_value_written_first_is_read_and_told(column, text, code):
    assert read_value(column, text) == Reading(code, INTERPRETED)


@pytest.mark.parametrize(("column", "text", "candidates"), [
    ("type", "Tập thể, Cá nhân", ("collective", "individual")),
    ("type", "Cá nhân tập thể", ("collective", "individual")),
    ("result", "Hoàn thành - đề nghị tiêu biểu", ("hoan_thanh", "tieu_bieu")),
    ("result", "Chưa hoàn thành do ốm", ("chua_danh_gia", "khong_hoan_thanh")),
    ("result", "Chưa đạt", ("chua_danh_gia", "khong_hoan_thanh")),  # the whole: asked as before
    ("field", "Văn hóa - Kinh tế", ("KT", "VHXH")),
    ("field", "Kinh tế, văn hóa", ("KT", "VHXH")),
    ("level", "Cơ sở, cấp trên", ("cap_tren_co_so", "co_so")),
])
def test_words_after_it_naming_another_value_are_asked(column, text, candidates):
    assert read_value(column, text) == Reading(None, AMBIGUOUS, candidates)


@pytest.mark.parametrize(("column", "text", "how"), [
    ("type", "T.Khác", UNKNOWN),  # a word cut short alone begins too many words
    ("type", "Khác", UNKNOWN),
    ("type", "Công đoàn tập thể", UNKNOWN),  # the value is not written first
    ("result", "Xuất sắc cấp quận", UNKNOWN),
    ("field", "Nông nghiệp", UNKNOWN),
    ("type", "Tập thể", EXACT),  # the whole text a value: the exact step's
])
def test_no_value_first_or_a_whole_value_is_not_this_rule(column, text, how):
    assert read_value(column, text).how == how
    assert leading_value(column, match_key(text)) == ()


def test_a_hint_in_brackets_is_read_as_before():
    assert read_value("type", "CN (Tổ trưởng)") == Reading("individual", EXACT)


def test_in_a_file_the_rows_count_and_the_unit_is_told(tmp_path, context):
    rows = [reg(0, type_="Tập thể công đoàn"), reg(1, type_="CN - Chủ tịch", stt=2),
            reg(2, result="Tiêu biểu cấp quận", stt=3), reg(3, type_="Tập thể, Cá nhân", stt=4)]
    write_xlsx(tmp_path / "Q-DD_x.xlsx", [titled("Q-DD", rows)])
    result = ingest_file(input_file(tmp_path / "Q-DD_x.xlsx"), context)
    assert result.rows["valid"] == 3 and result.rows["rejected"] == 1
    assert result.registrations["type"].tolist()[:2] == ["collective", "individual"]
    assert result.registrations["result"].tolist()[2] == "tieu_bieu"
    assert ("Cột 'Hình thức': 'Tập thể công đoàn' (dòng 7) đã hiểu là 'Tập thể'; nếu không "
            "đúng, đề nghị sửa lại và gửi lại.") in result.readings
    assert any("'Tiêu biểu cấp quận' (dòng 9) đã hiểu là 'Tiêu biểu'" in r for r in result.readings)
    assert result.rejections["error"].tolist()[0].startswith(
        "'Tập thể, Cá nhân' ở cột 'Hình thức' chưa rõ: có phải là 'Tập thể' hay 'Cá nhân'?")


@pytest.mark.parametrize("text", ["CĐCS phường", "Cơ sở xã", "CĐCS thị trấn", "Cơ sở phường Láng"])
def test_a_union_of_a_ward_is_left_to_the_ward_rule(text):
    # its level depends on the report year (the 2025 reform): ``thidua.ingest.wardlevel``
    assert leading_value("level", match_key(text)) == ()
    assert read_value("level", text).code is None


def test_a_value_typed_with_the_keyboard_off_is_never_read_by_its_first_words():
    # ``Nhoms lowns`` is ``Nhóm lớn`` typed with Telex off: no value typed back, as before
    assert read_value("type", "Nhoms lowns").code is None
    assert read_value("type", "Taapj theer").code == "collective"  # a whole value typed back


def test_the_values_asked_are_in_the_forms_order():
    # form order: chua_danh_gia, hoan_thanh, tieu_bieu, khong_hoan_thanh (not alphabetical)
    assert leading_value("result", match_key("Tiêu biểu cấp quận không hoàn thành")) == \
        ("hoan_thanh", "tieu_bieu", "khong_hoan_thanh")


# --- fresh tester O's O383, O402, O403, O416: ``An toàn …`` is no ``An ninh`` ---------------


@pytest.mark.parametrize("text", ["An toàn", "An toàn thực phẩm", "An toàn vệ sinh lao động",
                                  "An toàn, vệ sinh lao động", "An toàn lao động",
                                  "An toàn giao thông", "AN khu dân cư"])
def test_an_as_a_word_of_its_own_is_never_an_ninh(text):
    """``an`` is the initials of the reading ``An ninh`` (a word typed first,
    ``leadvalue.leading_value``), but before ``toàn`` it is a word: safety, asked, never
    counted under An ninh - quốc phòng."""
    assert read_value("field", text).code is None  # asked (unknown, or which of two)


@pytest.mark.parametrize("text, code", [
    ("An ninh", "ANQP"), ("An ninh công nhân", "ANQP"), ("QP toàn dân", "ANQP"),
    ("VH văn nghệ", "VHXH"), ("AN-QP khu dân cư", "ANQP"), ("Trật tự an toàn xã hội", "ANQP"),
    ("An sinh xã hội", "VHXH"), ("KT công nghiệp", "KT"),
])
def test_values_written_first_still_read(text, code):
    assert read_value("field", text).code == code
