"""A heading line in the ``STT`` column above a second table or a repeated page (``Năm 2023``,
``DANH SÁCH … (tiếp theo)``, ``CÁC MÔ HÌNH TIÊU BIỂU``, ``DANH SÁCH ĐĂNG KÝ BỔ SUNG …``), the
rest of the row blank, is a sub-heading, ignored; a model typed there stays a rejected row
(fresh tester L's L086, L094, L152; ``docs/contracts.md``, "Rows that are not data")."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.listheadings import is_list_heading


@pytest.mark.parametrize("text", [
    "Năm 2023", "NĂM 2023", "Năm 2023 (để đối chiếu)", "DANH SÁCH MÔ HÌNH ĐĂNG KÝ NĂM 2024 (tiếp theo)",
    "Danh sách đăng ký bổ sung (tháng 9/2024)", "CÁC MÔ HÌNH TIÊU BIỂU", "II. Các mô hình tiêu biểu",
    "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG", "DỰ KIẾN ĐĂNG KÝ NĂM 2025", "(tiếp theo)", "Trang sau (tiếp theo)",
    "TỔNG HỢP THEO LĨNH VỰC",
    # each numbering before a title, each title word, each year's century, a remark of at
    # most 40 characters after a bracket, a colon, a comma or a dash, two upper-case words of
    # six letters
    "viii. Danh sách đăng ký", "12. Danh sách đăng ký", "e) Danh sách đăng ký", "2) Tổng hợp",
    "Bảng tổng hợp kết quả", "Đăng ký bổ sung đợt 2", "Dự kiến năm sau", "Các mô hình mới",
    "Năm 1999", "Năm 2199", "Năm 2023 (" + "x" * 39 + ")", "Năm 2023: bổ sung",
    "Năm 2023, đợt 2", "Năm 2023 - đợt 2", "Năm 2023 [cũ]", "Danh sách (tiếp theo).",
    "Trang 2 tiếp theo", "KẾT QUẢ", "ĐỢT HAI",
])
def test_a_list_s_heading(text):
    assert is_list_heading(text)


@pytest.mark.parametrize("text", [
    "Bữa cơm công đoàn ấm áp", "Mô hình bữa cơm ca", "1", "II", "a)", "-", "KT", "Năm 2023 là năm bản lề của"
    " phong trào thi đua dân vận khéo tại cơ sở", "Ghi chú",
    "xxiii. Danh sách đăng ký", "123. Danh sách đăng ký", "f) Danh sách đăng ký",
    "2- Danh sách đăng ký", "Năm 1899", "Năm 20234", "Năm 2023 (" + "x" * 40 + ")",
    "Năm 2023 đợt 2", "Tổng hợpkết", "Danh sáchs", "Tiếp theo trang sau", "ĐỢT II",
    "KHENTHƯỞNG", "Kết QUẢ",
])
def test_no_list_s_heading(text):
    assert not is_list_heading(text)


def _file(tmp_path, heading: str):
    empty = [""] * len(HEADER)
    line = list(empty)
    line[0] = heading
    rows = [reg(i) for i in range(4)]
    more = [reg(i) for i in range(4, 7)]
    path = tmp_path / "Q-HM_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HM"], ["Năm: 2024"], HEADER, *rows, empty, line,
                                   HEADER, *more])])
    return path


@pytest.mark.parametrize("heading", ["DANH SÁCH ĐĂNG KÝ BỔ SUNG (tháng 9/2024)",
                                     "DANH SÁCH MÔ HÌNH ĐĂNG KÝ NĂM 2024 (tiếp theo)",
                                     "Năm 2024", "CÁC MÔ HÌNH ĐĂNG KÝ THÊM"])
def test_a_heading_over_a_second_table_of_the_year_is_ignored_and_its_rows_counted(
        tmp_path, context, heading):
    result = ingest_file(input_file(_file(tmp_path, heading)), context)
    assert result.rows == {"read": 10, "valid": 7, "rejected": 0, "ignored": 3}
    assert (result.ignored["subheading"], result.ignored["header"], result.ignored["blank"]) \
        == (1, 1, 1)


def test_a_model_typed_alone_in_the_stt_column_stays_a_rejected_row(tmp_path, context):
    result = ingest_file(input_file(_file(tmp_path, "Bữa cơm công đoàn ấm áp")), context)
    assert result.rows == {"read": 10, "valid": 7, "rejected": 1, "ignored": 2}
    assert sorted(result.rejections["column"]) == ["Hình thức", "Lĩnh vực", "Tên mô hình",
                                                   "Tên tập thể/cá nhân"]


# --- fresh tester O's O422, O424–O426, O428: the heading in the model's cell -----------------


def _with_line(tmp_path, context, line, at=0):
    rows = [reg(i) for i in range(4)]
    rows.insert(at, [*line, *[""] * (len(HEADER) - len(line))])
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("line", [
    ["", "I. CÁC MÔ HÌNH ĐĂNG KÝ NĂM 2024"], ["", "DANH SÁCH MÔ HÌNH"],
    ["A", "MÔ HÌNH ĐĂNG KÝ MỚI"], ["", "Đợt 1"], ["II", "Đăng ký mới"], ["", "Đợt 2:"],
])
@pytest.mark.parametrize("at", [0, 2])
def test_a_list_s_heading_in_the_model_s_cell_is_a_subheading(tmp_path, context, line, at):
    result = _with_line(tmp_path, context, line, at)
    assert result.rows == {"read": 5, "valid": 4, "rejected": 0, "ignored": 1}
    assert {k: v for k, v in result.ignored.items() if v} == {"subheading": 1}


@pytest.mark.parametrize("line", [
    ["", "BỮA CƠM CÔNG ĐOÀN ẤM ÁP"],  # a model in capitals alone: asked what it lacks
    ["", "Đợt 1", "", "", "CĐCS Công ty Minh Anh"],  # a registrant beside it: a row
    ["Ví dụ", "Danh sách mô hình"] ,  # no numbering in STT
])
def test_other_lines_stay_rows_of_the_table(tmp_path, context, line):
    result = _with_line(tmp_path, context, line)
    assert result.rows["ignored"] + result.rows["rejected"] == 1
    assert not result.ignored.get("subheading")


@pytest.mark.parametrize("text", ["Đợt 1", "ĐỢT 2:", "Mô hình đăng ký mới", "II. Đăng ký mới",
                                  "Các mô hình đăng ký năm 2024"])
def test_list_titles(text):
    from thidua.ingest.listheadings import is_list_title
    assert is_list_title(text) and is_list_heading(text)
