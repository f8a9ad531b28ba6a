"""A coded cell naming two accepted values (``thidua.ingest.valuemix``, ``docs/contracts.md``
"Accepted values"): asked which (``có phải là … hay …?``) unless one value qualifies the
other in a spelling of the form written in its order; then told (``đã hiểu là``). Never read
silently as one of the two (fault 24.2: ``Hoàn thành, tiêu biểu`` was ``Tiêu biểu``)."""

from __future__ import annotations

import pytest

from corpus_rows import reg, titled
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.values import AMBIGUOUS, EXACT, INTERPRETED, Reading, read_value


@pytest.mark.parametrize("column, text, candidates", [
    # two values listed, with any separator, in any order
    ("result", "Hoàn thành, tiêu biểu", ("hoan_thanh", "tieu_bieu")),
    ("result", "Tiêu biểu/Hoàn thành", ("hoan_thanh", "tieu_bieu")),
    ("result", "HT/TB", ("hoan_thanh", "tieu_bieu")),
    ("result", "TB, HT", ("hoan_thanh", "tieu_bieu")),
    ("result", "Hoàn thành - Tiêu biểu", ("hoan_thanh", "tieu_bieu")),
    ("result", "Hoàn thành và tiêu biểu", ("hoan_thanh", "tieu_bieu")),
    ("result", "Hoàn thành; Không hoàn thành", ("hoan_thanh", "khong_hoan_thanh")),
    ("result", "Chưa đánh giá/Hoàn thành", ("chua_danh_gia", "hoan_thanh")),
    ("type", "Tập thể, cá nhân", ("collective", "individual")),
    ("type", "TT/CN", ("collective", "individual")),
    ("field", "KT/VH", ("KT", "VHXH")),
    ("field", "KT, VHXH", ("KT", "VHXH")),
    ("field", "ANQP/XDHTCT", ("ANQP", "XDHTCT")),
    ("level", "Cơ sở - cấp trên", ("cap_tren_co_so", "co_so")),
    ("level", "Cơ sở/Cấp trên", ("cap_tren_co_so", "co_so")),
    ("level", "Cấp trên cơ sở, thành phố", ("thanh_pho", "cap_tren_co_so")),
    ("level", "Thành phố - cơ sở", ("thanh_pho", "co_so")),
])
def test_a_cell_naming_two_values_is_asked_which(column, text, candidates):
    assert read_value(column, text) == read_value(column, text)  # cached alike
    reading = read_value(column, text)
    assert (reading.how, reading.code, reading.candidates) == (AMBIGUOUS, None, candidates)


@pytest.mark.parametrize("text", ["Hoàn thành tiêu biểu", "HT tiêu biểu", "HTTB",
                                  "H.thành T.biểu", "Hoàn thành tiêu biểu.", "1. HT tiêu biểu",
                                  "Tiêu biểu xuất sắc", "Tiêu biểu, xuất sắc",
                                  # fresh tester F's 144: a pass mark qualified as exemplary
                                  "Đạt tiêu biểu", "ĐẠT TIÊU BIỂU", "Dat tieu bieu",
                                  "Đạt loại tiêu biểu", "Đạt danh hiệu tiêu biểu"])
def test_one_value_qualifying_the_other_reads_as_it_and_is_told(text):
    # ``Hoàn thành tiêu biểu``: completed as an exemplary model (the form's order); a grade
    # (``xuất sắc``) is no value of the form
    assert (read_value("result", text).code, read_value("result", text).how) == (
        "tieu_bieu", INTERPRETED)


@pytest.mark.parametrize("column, text, code", [
    # the words of one value in another order, naming two values: read, but told
    ("result", "Tiêu biểu hoàn thành", "tieu_bieu"),
    ("level", "Cơ sở cấp trên", "cap_tren_co_so"), ("level", "Cơ sở trên cấp", "cap_tren_co_so"),
])
def test_the_words_of_one_value_out_of_order_naming_two_are_read_and_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, INTERPRETED)


@pytest.mark.parametrize("column, text, code", [
    # spellings of the spec whose words hold another value, in their order: read, silent
    ("level", "Cấp trên cơ sở", "cap_tren_co_so"),
    ("level", "Cấp trên trực tiếp cơ sở", "cap_tren_co_so"),
    ("level", "2. Cấp trên cơ sở", "cap_tren_co_so"),
    ("level", "Công đoàn cấp trên trực tiếp cơ sở", "cap_tren_co_so"),
    ("result", "Không hoàn thành", "khong_hoan_thanh"),
    ("result", "Chưa đánh giá", "chua_danh_gia"),
    ("field", "Văn hóa - xã hội", "VHXH"), ("field", "An ninh - quốc phòng", "ANQP"),
    ("field", "VH-XH", "VHXH"), ("field", "QP/AN", "ANQP"),
    ("result", "Chưa - đ. - giá", "chua_danh_gia"),  # ``đ.`` alone names no value
])
def test_one_value_whose_words_hold_another_stays_one(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, EXACT)


def test_in_a_file_the_mixed_result_is_rejected_asking_and_the_qualified_one_told(
        tmp_path, context):
    rows = [reg(0, result="Hoàn thành, tiêu biểu"), reg(1, result="HT tiêu biểu"),
            reg(2, level="Cơ sở - cấp trên")]
    write_xlsx(tmp_path / "Q-DD_x.xlsx", [titled("Q-DD", rows)])
    result = ingest_file(input_file(tmp_path / "Q-DD_x.xlsx"), context)
    assert result.rows["valid"] == 1
    errors = result.rejections.set_index("row")["error"].to_dict()
    assert errors[7] == ("'Hoàn thành, tiêu biểu' ở cột 'Kết quả' chưa rõ: có phải là "
                         "'Hoàn thành' hay 'Tiêu biểu'? Đề nghị ghi rõ Chưa đánh giá, Hoàn "
                         "thành, Tiêu biểu hoặc Không hoàn thành.")
    assert errors[9].startswith("'Cơ sở - cấp trên' ở cột 'Cấp công đoàn' chưa rõ: có phải là "
                                "'Cấp trên trực tiếp cơ sở' hay 'Cơ sở'?")
    assert result.registrations["result"].tolist() == ["tieu_bieu"]
    assert ("Cột 'Kết quả': 'HT tiêu biểu' (dòng 8) đã hiểu là 'Tiêu biểu'; nếu không đúng, đề "
            "nghị sửa lại và gửi lại.") in result.readings


@pytest.mark.parametrize(("text", "expected"), [
    # one word cut short by a dot alone, its numbering aside, names no value in a list (two
    # examples Hypothesis found: read as a list of ``Chưa`` and ``Đạt``, and so asked)
    ("Chưa - đá. - giá", Reading("chua_danh_gia", EXACT)),
    ("1. đ. - chưa - giá", Reading("chua_danh_gia", EXACT)),
    ("Chưa - đ. - giá", Reading("chua_danh_gia", EXACT)),
    # a value without its dot still does
    ("Hoàn thành - TB.", Reading(None, AMBIGUOUS, ("hoan_thanh", "tieu_bieu"))),
    ("Hoàn thành - T.B.", Reading(None, AMBIGUOUS, ("hoan_thanh", "tieu_bieu"))),
    ("Đạt - Tiêu biểu", Reading(None, AMBIGUOUS, ("hoan_thanh", "tieu_bieu"))),
])
def test_a_word_cut_short_alone_names_no_value_in_a_list(text, expected):
    assert read_value("result", text) == expected
