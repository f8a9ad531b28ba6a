"""An older form without a ``Chức vụ`` column, its name column headed ``Tên tập thể/cá nhân,
chức vụ`` (``Họ và tên, chức vụ``): the column is the registrant's, collectives count, and an
individual's position is read from the cell after `` - ``, ``, `` or in brackets when it is a
known position's words, else the individual is rejected asking for it (fresh tester J's J126:
all 8 rows rejected "Thiếu 'Tên tập thể/cá nhân'"; ``schemas.form.HEADER_HEAD_TAILS``,
``thidua.ingest.registrant.split_position``)."""

from __future__ import annotations

import pytest

from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.headers import header_name

TITLE = [["Mã đơn vị: Q-TH"], ["Năm: 2024"]]


@pytest.mark.parametrize("header, name", [
    ("Tên tập thể/cá nhân, chức vụ", "registrant"), ("TÊN TẬP THỂ/CÁ NHÂN, CHỨC VỤ", "registrant"),
    ("Họ và tên, chức vụ", "registrant"), ("Họ tên - chức danh", "registrant"),
    ("Tên tập thể, cá nhân (chức vụ)", "registrant"),
    # look-alikes read as before
    ("Chức vụ", "position"), ("Chức vụ, đơn vị công tác", "position"),
    ("Tên tập thể/cá nhân", "registrant"), ("Chức vụ, họ tên", None),
])
def test_the_header_names_the_registrant(header, name):
    assert header_name(header) == name


def _read(tmp_path, context, header, rows):
    path = tmp_path / "Q-TH_dk.xlsx"
    head = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", *header]
    write_xlsx(path, [Sheet("DS", [*TITLE, head, *rows])])
    return ingest_file(input_file(path), context)


ROWS = [[1, "Bữa cơm Công đoàn ấm áp", "Kinh tế", "Tập thể", "CĐCS Trường Tiểu học A"],
        [2, "Tủ sách pháp luật", "Kinh tế", "Cá nhân", "Nguyễn Văn Hùng - Chủ tịch CĐCS"],
        [3, "Chợ phiên Công đoàn", "Văn hóa - xã hội", "Cá nhân", "Trần Thị Lan (Tổ trưởng CĐ)"],
        [4, "Nhà trọ an toàn", "An ninh - quốc phòng", "Cá nhân",
         "Lê Minh Tuấn, Phó Chủ tịch CĐCS"],
        [5, "Học bổng cho con đoàn viên", "Kinh tế", "Cá nhân", "Phạm Thị Hoa"],
        [6, "Ngày thứ Bảy tình nguyện", "Kinh tế", "Cá nhân", "Đỗ Văn Nam, Hà Nội"]]


def test_collectives_count_and_individuals_positions_are_read_from_the_cell(tmp_path, context):
    result = _read(tmp_path, context, ["Tên tập thể/cá nhân, chức vụ"], ROWS)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 4, 2)
    regs = result.registrations
    assert regs["registrant"].tolist() == ["CĐCS Trường Tiểu học A", "Nguyễn Văn Hùng",
                                           "Trần Thị Lan", "Lê Minh Tuấn"]
    assert regs["position"].tolist()[1:] == ["Chủ tịch CĐCS", "Tổ trưởng CĐ", "Phó Chủ tịch CĐCS"]
    assert regs["type"].tolist() == ["collective", "individual", "individual", "individual"]
    assert ("Dòng 6: 'Trần Thị Lan (Tổ trưởng CĐ)' ở cột 'Tên tập thể/cá nhân' đã hiểu là tên "
            "'Trần Thị Lan', chức vụ 'Tổ trưởng CĐ'; đề nghị lần sau ghi chức vụ ở cột 'Chức "
            "vụ'.") in result.readings
    # no known position after the name: the individual is asked for it
    rejected = result.rejections
    assert rejected[["row", "column"]].values.tolist() == [[8, "Chức vụ"], [9, "Chức vụ"]]
    assert rejected["error"].str.startswith("Thiếu 'Chức vụ'").all()


def test_a_chức_vụ_column_beside_it_gives_the_position(tmp_path, context):
    rows = [[*r, "Công nhân" if r[3] == "Cá nhân" else ""] for r in ROWS]
    result = _read(tmp_path, context, ["Họ và tên, chức vụ", "Chức vụ"], rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (6, 0)
    assert result.registrations["position"].tolist()[1:] == ["Công nhân"] * 5
    assert result.registrations["registrant"].tolist()[1] == "Nguyễn Văn Hùng - Chủ tịch CĐCS"
