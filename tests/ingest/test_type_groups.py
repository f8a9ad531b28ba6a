"""A form giving each type its own column of names, without ``Hình thức`` (``Tên tập thể/cá
nhân`` over ``Tập thể`` | ``Cá nhân``; ``Tập thể`` beside ``Cá nhân`` over ``Họ và tên`` |
``Chức vụ``): the column holding a row's name gives its type (tester B's cases 109, 110: the
whole file was rejected; ``thidua/ingest/typegroups.py``)."""

from __future__ import annotations

import pytest

from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.table import find_table
from thidua.ingest.typegroups import name_columns, typed_by_column

TITLE = [["Mã đơn vị: Q-HK"], ["Năm: 2024"]]
SPLIT = [["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "", "Chức vụ", "Kết quả"],
         ["", "", "", "Tập thể", "Cá nhân", "", ""]]
GROUP = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể", "Cá nhân", "", "Kết quả"],
         ["", "", "", "", "Họ và tên", "Chức vụ", ""]]
ROWS = [[1, "Tủ sách pháp luật", "Văn hóa - xã hội", "", "Trần Thị Lan", "Phó Chủ tịch", "Tiêu biểu"],
        [2, "Phát triển đoàn viên", "Xây dựng hệ thống chính trị", "CĐCS Công ty A", "", "",
         "Hoàn thành"],
        [3, "Sáng kiến tiết kiệm điện", "Kinh tế", "", "Hoàng Văn Nam", "Chủ tịch CĐCS", ""]]


@pytest.mark.parametrize("header, columns", [(SPLIT, (3, 4)), (GROUP, (3, 4))])
def test_each_type_s_name_column_is_found(header, columns):
    grid = [*header, *ROWS]
    assert name_columns(grid, find_table(grid)) == columns


def test_a_form_with_its_type_column_or_one_type_only_is_left_as_it_is():
    form = [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"],
            [1, "x", "KT", "TT", "A"]]
    assert typed_by_column(form, find_table(form)) is None
    one = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể"], [1, "x", "KT", "A"]]
    assert typed_by_column(one, find_table(one)) is None


def test_the_rewritten_grid_has_one_name_column_and_a_type_column():
    grid = [*SPLIT, *ROWS, [], ["", "Người lập biểu", "", "Nguyễn A", "", "", ""]]
    out, table = typed_by_column(grid, find_table(grid))
    assert sorted(table.columns.values()) == ["field", "model", "position", "registrant",
                                              "result", "stt", "type"]
    assert [row[3] for row in out[2:5]] == ["Trần Thị Lan", "CĐCS Công ty A", "Hoàng Văn Nam"]
    assert [row[7] for row in out[2:5]] == ["Cá nhân", "Tập thể", "Cá nhân"]
    assert out[6][3] == "Nguyễn A" and out[6][7] == ""  # a row without a model: as it is


@pytest.mark.parametrize("header", [SPLIT, GROUP])
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_every_row_counts_with_the_type_of_its_name_s_column(tmp_path, context, header, suffix):
    path = tmp_path / f"Q-HK_dk.{suffix}"
    lines = [*TITLE, *header, *ROWS, [4, "Tên cả hai", "Kinh tế", "CĐCS B", "Lê C", "Tổ trưởng",
                                      ""]]
    merges = ["D3:E3"] if header is SPLIT else ["E3:F3"]
    write_xlsx(path, [Sheet("DS", lines, merges=merges)]) if suffix == "xlsx" \
        else write_csv(path, lines)
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 3, 1)
    assert result.registrations["type"].tolist() == ["individual", "collective", "individual"]
    assert result.registrations["registrant"].tolist() == ["Trần Thị Lan", "CĐCS Công ty A",
                                                           "Hoàng Văn Nam"]
    assert result.rejections["column"].tolist() == ["Hình thức"]  # both names: which type?
    assert any("hình thức của mỗi dòng đã lấy theo cột có tên" in n for n in result.remarks)


@pytest.mark.parametrize("numbers", [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
                                     [1, 2, 3, 4, 5, 6, 7]])
@pytest.mark.parametrize("header", [SPLIT, GROUP])
@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_row_of_column_numbers_under_the_header_is_no_registration(tmp_path, context, header,
                                                                     suffix, numbers):
    """``(1) (2) (3) …`` under either header: every row counts by its name's column, the numbers
    are no row of the unit's (the group's layout was not read at all, every row rejected
    ``Thiếu 'Hình thức'``; the split one read the numbers as a registration, rejected)."""
    path = tmp_path / f"Q-HK_dk.{suffix}"
    lines = [*TITLE, *header, numbers, *ROWS]
    merges = ["D3:E3"] if header is SPLIT else ["E3:F3"]
    write_xlsx(path, [Sheet("DS", lines, merges=merges)]) if suffix == "xlsx" \
        else write_csv(path, lines)
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 3, 0)
    assert result.registrations["type"].tolist() == ["individual", "collective", "individual"]
    assert result.registrations.index.tolist() == [6, 7, 8]  # Excel rows: the numbers in row 5
    assert result.rejections.empty


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_hint_under_the_model_s_header_is_no_header(tmp_path, context, suffix):
    """``Tên mô hình`` over ``(ghi ngắn gọn)``, beside ``Cá nhân`` over ``Họ và tên`` | ``Chức
    vụ``: every row counts (the sheet was not rewritten, every row rejected)."""
    path = tmp_path / f"Q-HK_dk.{suffix}"
    header = [["STT", "Tên mô hình", "Lĩnh vực", "Tập thể", "Cá nhân", "", "Kết quả",
               "Thời gian thực hiện", ""],
              ["", "(ghi ngắn gọn)", "", "", "Họ và tên", "Chức vụ", "", "Từ ngày", "Đến ngày"]]
    rows = [r + ["01/2024", "12/2024"] for r in ROWS]
    lines = [*TITLE, *header, *rows]
    write_xlsx(path, [Sheet("DS", lines, merges=["E3:F3", "H3:I3"])]) if suffix == "xlsx" \
        else write_csv(path, lines)
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 3, 0)
    assert result.registrations["type"].tolist() == ["individual", "collective", "individual"]
    assert result.rejections.empty
