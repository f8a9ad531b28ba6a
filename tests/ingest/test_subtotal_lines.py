"""A subtotal written in the table's own columns after each group (``Cộng`` | ``Kinh tế`` |
``TT: 1`` | ``CN: 1``; ``Tổng số`` | ``KT`` | ``TT`` | ``01 mô hình``; ``Cộng:`` in ``STT``):
a totals row, ignored (spec "Rows that are not data"), never a registration. Before, such a
row with a field and a type was counted as a registration (fresh tester O's O359, O370, O372,
O375, O377, O388–O390, O392, O393: 4 invented registrations in a list of 8), and one with a
count for its registrant was rejected (O288, O358, O373, O374, O379). A row with a field and
a type but no registrant at all stays data, rejected for what it lacks (issue 9.3).
``thidua/ingest/normalise.py`` (``_subtotal_lines``, ``names_nobody``, ``COUNT_CELL``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.normalise import COUNT_CELL, names_nobody
from thidua.text import match_key

#: Subtotal rows in form order: STT, model, field, type, registrant, position.
SUBTOTALS = [
    ["", "Tổng số", "Kinh tế", "TT: 1", "CN: 1"],
    ["", "Tổng cộng", "Kinh tế", "TT: 1", "CN: 1"],
    ["", "Cộng", "Kinh tế", "TT: 1", "CN: 1"],
    ["", "Tổng số", "KT", "TT", "01 mô hình"],
    ["", "Tổng số mô hình lĩnh vực Kinh tế", "Kinh tế", "Tập thể", "01"],
    ["Cộng:", "02 mô hình", "Kinh tế", "Tập thể", "01"],
    ["", "Cộng lĩnh vực", "Kinh tế", "Tập thể", "1 tập thể"],
    ["", "Cộng Kinh tế", "", "Tập thể: 1", "Cá nhân: 1"],
    ["", "Cộng Kinh tế", "", "Tập thể: 01", "Cá nhân: 01"],
    ["Cộng", "", "Kinh tế", "TT", "1"],
    ["", "Tổng cộng", "Cả 4 lĩnh vực", "TT: 4", "CN: 4"],
    ["", "Cộng", "Kinh tế", "Tập thể", "(2)", "2 mô hình"],
]


def _read(tmp_path, context, extra: list[list]):
    rows = [reg(0), reg(1), *[[*r, *[""] * (len(HEADER) - len(r))] for r in extra],
            reg(2, stt=3), reg(3, stt=4)]
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("line", SUBTOTALS)
def test_a_subtotal_in_the_table_s_columns_is_ignored_as_totals(tmp_path, context, line):
    result = _read(tmp_path, context, [line])
    assert result.rows == {"read": 5, "valid": 4, "rejected": 0, "ignored": 1}
    assert {k: v for k, v in result.ignored.items() if v} == {"totals": 1}
    assert result.registrations["field"].value_counts().to_dict() == {
        "KT": 1, "VHXH": 1, "ANQP": 1, "XDHTCT": 1}


@pytest.mark.parametrize("line, valid, rejected", [
    # a registration names its registrant: never a subtotal, whatever its model says
    (["5", "Tổng công ty May 10 đồng hành cùng đoàn viên", "Kinh tế", "Tập thể",
      "CĐCS Tổng công ty May 10"], 5, 0),
    (["5", "Cộng đồng doanh nghiệp chung tay", "Kinh tế", "Tập thể", "Tổ 3"], 5, 0),
    (["5", "Tổng hợp ý kiến đoàn viên", "Kinh tế", "Tập thể", "CĐCS Công ty Minh Anh"], 5, 0),
    (["", "Cộng", "Kinh tế", "Tập thể", "CĐCS Công ty Minh Anh"], 4, 1),  # asked: its model
    # a field, a type and no registrant: data, asked for what it lacks (issue 9.3: a row
    # with a field and a type is never ignored)
    (["", "Tổng", "Kinh tế", "Tập thể", ""], 4, 1),
    # a count for its registrant, but a registration's other cells: never a total
    (["", "Tổng", "Kinh tế", "Tập thể", "01", "", "Cơ sở", "CĐCS Công ty Minh Anh",
      "01/2024 - 12/2024"], 4, 1),  # asked: its model
    # a count where a name should be, without a total's label: still a registration
    (["5", "Bếp ăn tập thể an toàn", "Kinh tế", "Tập thể", "01"], 5, 0),
])
def test_a_row_naming_someone_or_no_total_stays_a_registration(tmp_path, context, line,
                                                               valid, rejected):
    result = _read(tmp_path, context, [line])
    assert (result.rows["valid"], result.rows["rejected"]) == (valid, rejected)
    assert not any(result.ignored.values())


@pytest.mark.parametrize("text", ["01", "1", "TT: 1", "CN: 1", "Cá nhân: 01", "Tập thể: 1",
                                  "01 mô hình", "1 tập thể", "(2)", "SL: 3", "2 MH"])
def test_counts(text):
    assert COUNT_CELL.fullmatch(match_key(text)) and names_nobody(text)


@pytest.mark.parametrize("text", ["Tổ 3", "Nguyễn Văn A", "Đội 1", "Phòng 2", "Khu 5 tập thể",
                                  "CĐCS Công ty 19-5", "Tập thể lớp 12A1"])
def test_names_are_no_counts(text):
    assert not names_nobody(text)


def test_every_subtotal_after_its_group_in_one_list(tmp_path, context):
    """Fresh tester O's O370: a subtotal after each pair of a field: 8 registrations, 4
    totals rows."""
    rows = []
    for g, field in enumerate(["Kinh tế", "Văn hóa - xã hội", "An ninh - quốc phòng",
                               "Xây dựng hệ thống chính trị"]):
        rows += [reg(2 * g, field=field), reg(2 * g + 1, field=field),
                 ["", "Tổng cộng", field, "TT: 1", "CN: 1", *[""] * 6]]
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 12, "valid": 8, "rejected": 0, "ignored": 4}
    assert result.registrations["type"].value_counts().to_dict() == {
        "collective": 4, "individual": 4}
