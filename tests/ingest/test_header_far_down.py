"""A header far down the sheet: a unit's cover letter (``Số: …``, ``V/v …``, ``Căn cứ …``)
pasted above the title block pushes the header below row 30 (fresh tester F's 147: header on
row 39, the whole list rejected "Không tìm thấy dòng tiêu đề … trong 30 dòng đầu"). The spec
names the header "the first row that contains both ``Tên mô hình`` and ``Lĩnh vực``", without a
limit (``spec/submission-form.md``, "The header row"); below the first
:data:`thidua.ingest.table.HEADER_SEARCH_ROWS` rows its first row must name one of them itself
(``thidua.ingest.table.find_table``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.table import HEADER_SEARCH_ROWS, find_table, header_hint

LETTER = [["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], ["Số: 125/LĐLĐ-TC"],
          ["V/v đăng ký mô hình Dân vận khéo năm 2024"], [],
          ["Kính gửi: Ban Thường vụ Liên đoàn Lao động Thành phố Hà Nội"],
          *[[f"Căn cứ hướng dẫn số {i}/HD-LĐLĐ ngày 10/01/2023 về việc đăng ký mô hình."]
            for i in range(1, 26)],
          ["Liên đoàn Lao động quận Ba Đình trân trọng báo cáo danh sách như sau:"], [], []]
TITLE = [["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI"],
         ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2024'], ["Mã đơn vị: Q-BD"],
         ["Năm: 2024"], []]


def _ingest(tmp_path, context, rows, name="Q-BD_2024.xlsx"):
    path = tmp_path / name
    write_xlsx(path, [Sheet("DS", rows)])
    return ingest_file(input_file(path), context)


def test_a_cover_letter_above_the_title_keeps_every_registration(tmp_path, context):
    rows = [*LETTER, *TITLE, HEADER, *regs(7), reg(7, field="Môi trường")]
    header_row = len(LETTER) + len(TITLE) + 1
    assert header_row == 39
    result = _ingest(tmp_path, context, rows)
    assert (result.status, result.unit) == (USED, "Q-BD")
    assert result.rows == {"read": 8, "valid": 7, "rejected": 1, "ignored": 0}
    # the rejected row is named by its Excel row: the header's row and 8 below it
    assert list(zip(result.rejections["row"], result.rejections["column"])) == [
        (header_row + 8, "Lĩnh vực")]
    assert list(result.registrations.index) == list(range(header_row + 1, header_row + 8))


def test_the_title_block_under_the_letter_still_names_the_unit(tmp_path, context):
    rows = [*LETTER, *TITLE, HEADER, *regs(3)]
    result = _ingest(tmp_path, context, rows, name="ds_2024.xlsx")  # no code in the name
    assert (result.status, result.unit, result.rows["valid"]) == (USED, "Q-BD", 3)


@pytest.mark.parametrize("above", [30, 31, 60, 200])
def test_a_header_after_any_number_of_lines(above):
    grid = [[f"Dòng {i}"] for i in range(above)] + [list(HEADER), *regs(2)]
    table = find_table(grid)
    assert table is not None and table.header_rows == (above,)
    assert table.columns[1] == "model" and table.columns[2] == "field"


def test_a_header_over_two_rows_far_down():
    top = ["STT", "Tên mô hình", "Thông tin đăng ký", None, "Tên tập thể/cá nhân"]
    sub = [None, None, "Lĩnh vực", "Hình thức", None]
    grid = [[f"Dòng {i}"] for i in range(40)] + [top, sub, [1, "Mô hình A", "KT", "TT", "CĐ X"]]
    table = find_table(grid)
    assert table is not None and table.header_rows == (40, 41)
    assert {table.columns[2], table.columns[3]} == {"field", "type"}


def test_far_down_the_header_s_first_row_names_a_marker_itself():
    # within the first rows ``Tên mô`` over ``hình`` is a header wrapped by hand; far down it
    # would be a guess among the letter's lines
    wrapped = [["STT", "Tên mô", "Lĩnh", "Hình"], [None, "hình", "vực", "thức"]]
    assert find_table(wrapped).columns == {0: "stt", 1: "model", 2: "field", 3: "type"}
    assert find_table([[f"Dòng {i}"] for i in range(HEADER_SEARCH_ROWS)] + wrapped) is None
    assert find_table([[f"Dòng {i}"] for i in range(HEADER_SEARCH_ROWS - 1)] + wrapped) \
        is not None  # the last row of every reading


def test_a_sheet_without_a_header_anywhere_is_still_rejected(tmp_path, context):
    result = _ingest(tmp_path, context, [*LETTER, *TITLE, *regs(3)])
    assert result.status == REJECTED
    assert result.problem.startswith("Không tìm thấy dòng tiêu đề của biểu DVK-01 (dòng có cả "
                                     "'Tên mô hình' và 'Lĩnh vực') ở trang tính nào đang hiển thị.")


def test_a_near_header_far_down_is_named_in_the_reason():
    grid = [[f"Dòng {i}"] for i in range(45)] + [["STT", "Nội dung", *HEADER[2:6]]]
    assert header_hint(grid).startswith(" Dòng 46 có vẻ là dòng tiêu đề ('STT', 'Nội dung', ")


@pytest.mark.parametrize("header, names", [
    (["STT", "Tên MH", "LV", "Hình thức"], {1: "model", 2: "field"}),
    (["STT", "Tên mô hình/phần việc", "Nhóm lĩnh vực"], {1: "model", 2: "field"}),
    (["Phần việc DVK", "Lĩnh vực", "Tên tập thể/cá nhân"], {0: "model", 1: "field"}),
    (["TÊN MÔ HÌNH", "LĨNH VỰC"], {0: "model", 1: "field"}),
])
def test_far_down_each_wording_of_the_markers_is_looked_at(header, names):
    # below the first rows only a row holding a marker's words is read as a header: the
    # movement's own wordings and the short forms are among them
    table = find_table([[f"Dòng {i}"] for i in range(40)] + [header, ["x"] * len(header)])
    assert table is not None and table.header_rows == (40,)
    assert {c: n for c, n in table.columns.items() if n in ("model", "field")} == names


def test_far_down_a_sheet_per_field_s_header_is_found_by_its_own_markers():
    header = ["STT", "Tên mô hình", "Hình thức", "Họ và tên", "Chức vụ"]
    grid = [[f"Dòng {i}"] for i in range(35)] + [header, [1, "Mô hình A", "CN", "Lan", "CT"]]
    assert find_table(grid) is None  # no ``Lĩnh vực``
    table = find_table(grid, markers=("model", "registrant"))
    assert table is not None and table.header_rows == (35,)
