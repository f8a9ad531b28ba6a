"""Headers written in other words by units' own forms still name their column; words that are
not a header never do; an exact spelling wins over other words for the same column."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs, titled
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.headers import exact_name, header_name
from thidua.ingest.read import column_labels, parse_sheet


@pytest.mark.parametrize("text,name", [
    # the model
    ("Tên mô hình, cách làm hay", "model"), ("Tên mô hình/điển hình", "model"),
    ("Mô hình", "model"), ("Nội dung mô hình", "model"), ("TÊN MÔ HÌNH ĐĂNG KÝ THỰC HIỆN", "model"),
    ("Ten mo hinh dan van kheo nam 2024", "model"),
    # the field
    ("Lĩnh vực đăng ký", "field"), ("Lĩnh vực thực hiện", "field"), ("Thuộc lĩnh vực", "field"),
    ("Lĩnh vực mô hình", "field"), ("Lĩnh vực năm 2024", "field"), ("LINH VUC (*)", "field"),
    # the type
    ("Tập thể hay cá nhân", "type"), ("Loại hình", "type"), ("Tập thể/Cá nhân", "type"),
    ("Cá nhân hoặc tập thể", "type"),
    # who
    ("Tên tập thể, cá nhân thực hiện", "registrant"), ("Tập thể, cá nhân đăng ký", "registrant"),
    ("Họ và tên", "registrant"), ("Họ tên", "registrant"),
    ("Đơn vị/cá nhân thực hiện", "registrant"), ("Tên đơn vị, cá nhân", "registrant"),
    ("Chức danh", "position"), ("Chức vụ", "position"),
    # level, grassroots, period, result
    ("Cấp quản lý", "level"), ("Cấp đăng ký", "level"), ("Thuộc CĐCS", "grassroots_union"),
    ("Thời gian bắt đầu - kết thúc", "period"), ("Xếp loại", "result"), ("Đánh giá", "result"),
    ("Xếp loại cuối năm", "result"), ("Đánh giá kết quả", "result"),
    ("Kết quả đạt được", "result"), ("Ghi chú", "note"), ("Số thứ tự", "stt"),
])
def test_a_header_in_other_words_names_its_column(text, name):
    assert header_name(text) == name


@pytest.mark.parametrize("text", [
    "Mã", "Tên", "Đơn vị", "Cấp khen thưởng", "Lĩnh vực khác xyz", "Số lượng", "Tên đơn vị",
    "Ghi chú khác", "Kinh phí", "Địa chỉ", "Số điện thoại", "", None, "Hiệu quả mô hình",
    "Lợi ích", "Mô tả", "Tổng số"])
def test_words_that_are_no_header_name_no_column(text):
    assert header_name(text) is None


def test_exact_spellings_are_told_apart_from_other_words():
    assert exact_name("Tên tập thể/cá nhân") == "registrant"
    assert exact_name("Họ và tên") is None
    assert header_name("Họ và tên") == "registrant"


def test_a_file_whose_headers_are_in_other_words_counts_every_registration(tmp_path,
                                                                           corpus_context):
    header = ["Số thứ tự", "Tên mô hình, cách làm hay", "Lĩnh vực đăng ký", "Tập thể hay cá nhân",
              "Họ và tên", "Chức danh", "Cấp quản lý", "Thuộc CĐCS", "Thời gian", "Xếp loại",
              "Ghi chú"]
    rows = regs(5)
    path = tmp_path / "S-01_words.xlsx"
    write_xlsx(path, [titled("S-01", rows, header=header)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 5, "valid": 5, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT", "KT"]
    assert result.registrations["type"].tolist() == ["collective", "individual"] * 2 + \
        ["collective"]
    assert result.registrations["registrant"].tolist()[:2] == [rows[0][4], rows[1][4]]


def test_an_exact_header_wins_over_other_words_for_the_same_column(tmp_path, corpus_context):
    # ``Họ và tên`` (other words) comes first, ``Tên tập thể/cá nhân`` (exact) later: the exact
    # one is the registrant; the other is kept as the unit's own column.
    header = HEADER[:4] + ["Họ và tên"] + HEADER[4:]
    rows = [r[:4] + ["Người liên hệ"] + r[4:] for r in regs(3)]
    path = tmp_path / "S-01_both.xlsx"
    write_xlsx(path, [titled("S-01", rows, header=header)])
    parsed = parse_sheet(path.read_bytes(), ".xlsx")
    assert parsed.table.columns[5] == "registrant"
    assert parsed.table.unknown[4] == "Họ và tên"
    assert column_labels(parsed)["[Họ và tên]"] == "Họ và tên"
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows["valid"] == 3
    assert "Người liên hệ" not in result.registrations["registrant"].tolist()


@pytest.mark.parametrize("text,name", [
    ("Đối tượng", "type"), ("Đối tượng đăng ký", "type"), ("TT/CN", "type"),
    ("Người thực hiện", "registrant"), ("Chủ thể thực hiện mô hình", "registrant"),
    ("Người/tập thể đăng ký", "registrant")])
def test_more_headers_units_write(text, name):
    assert header_name(text) == name


def test_a_required_column_not_found_is_said_once_for_the_file(tmp_path, corpus_context):
    # no header names the registrant, and its column is not where the form puts it (in the
    # form's place, ``Đầu mối`` would be read as the registrant: test_lost_headers.py)
    header = HEADER[:4] + HEADER[5:] + ["Đầu mối"]
    rows = [r[:4] + r[5:] + [r[4]] for r in regs(2)]
    path = tmp_path / "S-01_thieu-cot.xlsx"
    write_xlsx(path, [titled("S-01", rows, header=header)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows["rejected"] == 2
    assert ("Không tìm thấy cột 'Tên tập thể/cá nhân' trong dòng tiêu đề; các cột không nhận "
            "ra: 'Đầu mối'; đề nghị đặt tên cột như biểu DVK-01 rồi gửi lại.") in result.remarks
    whole = ingest_file(input_file(write_xlsx(tmp_path / "S-01_du.xlsx",
                                              [titled("S-01", regs(2))]) or
                                   tmp_path / "S-01_du.xlsx"), corpus_context)
    assert not [r for r in whole.remarks if r.startswith("Không tìm thấy cột")]


@pytest.mark.parametrize("text,name", [
    ("Tên MH", "model"), ("MH", "model"), ("Tên mô hình DVK", "model"), ("LV", "field"),
    ("HT", "type"), ("Tên TT/CN", "registrant"), ("CV", "position"), ("Cấp CĐ", "level"),
    ("TG", "period"), ("Thời gian TH", "period"), ("KQ", "result"), ("GC", "note")])
def test_abbreviated_headers_of_units_forms(text, name):
    assert header_name(text) == name


def test_a_file_headed_only_with_abbreviations_counts_every_registration(tmp_path, corpus_context):
    header = ["TT", "Tên MH", "LV", "HT", "Tên TT/CN", "CV", "Cấp CĐ", "CĐCS", "TG", "KQ", "GC"]
    path = tmp_path / "S-01_viet-tat.xlsx"
    write_xlsx(path, [titled("S-01", regs(4), header=header)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]


@pytest.mark.parametrize("level, union", [("CĐCS", "Công đoàn cơ sở"), ("CĐCS", "CĐCS"),
                                          ("Cơ sở", "CĐCS")])
def test_a_first_row_whose_cells_read_like_headers_is_still_a_registration(tmp_path,
                                                                          corpus_context,
                                                                          level, union):
    header = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
              "Cấp công đoàn", "Công đoàn cơ sở", "Kết quả"]
    first = [1, "Bữa cơm công đoàn ấm áp", "Kinh tế", "Cá nhân", "Nguyễn Văn A", "Đoàn viên",
             level, union, "Hoàn thành"]
    rest = [[i, f"Mô hình số {i} của đoàn viên", "Kinh tế", "Cá nhân", f"Trần Văn {i}",
             "Đoàn viên", "Cơ sở", "CĐCS A", "Hoàn thành"] for i in range(2, 5)]
    path = tmp_path / "S-01_dong-dau.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: S-01"], ["Năm: 2024"], header, first, *rest])])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows["read"] == 4
    assert result.registrations["model"].tolist()[0] == "Bữa cơm công đoàn ấm áp"


@pytest.mark.parametrize("text, exact, name", [
    ("Lĩnh vực (*)", "field", "field"), ("Lĩnh vực (**) (*)", "field", "field"),
    ("Lĩnh vực *", "field", "field"), ("Lĩnh vực ( * )", "field", "field"),
    ("Lĩnh vực:", "field", "field"), ("Lĩnh vực: (*)", "field", "field"),
    ("Hình thức (Tập thể/Cá nhân)", "type", "type"), ("Hình thức [TT/CN]", "type", "type"),
    ("Hình thức (Tập thể/Cá nhân) *", "type", "type"),  # the mark first, then the hint
    ("Hình thức (Tập thể/Cá nhân):", "type", "type"),
    ("Tên mô hình (ghi rõ) (*)", "model", "model"), ("Tên tập thể / cá nhân", "registrant",
                                                     "registrant"),
    ("Thuộc lĩnh vực", None, "field"), ("Lĩnh vực 2024", None, "field"),
    ("Lĩnh vực đăng ký năm 2024 (*)", None, "field"), ("Thuộc", None, None),
    ("Thuộc thuộc lĩnh vực", None, None), ("(*)", None, None), ("Mô hình khác", None, None),
    ("Năm 2024 lĩnh vực", None, None), ("(Tập thể/Cá nhân)", "type", "type"),
])
def test_marks_hints_and_leading_words_around_a_header(text, exact, name):
    """A trailing ``(*)``/``*``/``:`` and a bracketed hint are left out of an exact spelling;
    ``Thuộc`` before a head and numbers or tail words after it are the words rule's."""
    assert (exact_name(text), header_name(text)) == (exact, name)


def test_a_cell_longer_than_any_header_is_never_one():
    """Issue 10: a header is short; a long cell (a 5 MB note) is text and is not keyed."""
    from thidua.ingest.headers import HEADER_MAX_CHARS

    hint = "x" * HEADER_MAX_CHARS
    assert header_name("Tên mô hình (ghi rõ)") == "model"
    assert header_name(f"Tên mô hình ({hint})") is None
    assert header_name(f"  Lĩnh vực {' ' * HEADER_MAX_CHARS}") == "field"  # trimmed, short


def test_a_long_cell_is_an_example_only_when_it_starts_with_one():
    from thidua.ingest.cellrules import EXAMPLE_LOOK_CHARS, is_example_cell

    long = "x" * (5 * EXAMPLE_LOOK_CHARS)
    assert is_example_cell(f"Ví dụ: {long}") is True
    assert is_example_cell(f"VD1: {long}") is True
    assert is_example_cell(f"{long} Ví dụ:") is False
    assert is_example_cell(f"Mô hình {long}") is False
