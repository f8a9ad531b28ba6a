"""Two columns of one form header, the visible one empty on every row and the hidden one
holding the values (the fifth tester's F7; ``docs/contracts.md``, "Which column"): the one
holding values is read and the unit told, never every row rejected "Thiếu 'Lĩnh vực'"."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.table import find_table


def twin_rows(filled: int) -> list[list]:
    """Header with ``Lĩnh vực`` twice (C, D); column ``filled`` (2 or 3) holds the fields."""
    header = [*HEADER[:3], "Lĩnh vực", *HEADER[3:]]
    rows = [header]
    for row in regs(3):
        field = row[2]
        rows.append([*row[:2], field if filled == 2 else None, field if filled == 3 else None,
                     *row[3:]])
    return [["Mã đơn vị: Q-HK"], ["Năm: 2024"], *rows]


def test_an_empty_visible_twin_gives_way_to_the_hidden_one_holding_the_values(tmp_path,
                                                                              context):
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", twin_rows(3), hidden_columns=[3])])
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 3, 0)
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert ("Cột C và cột D (bị ẩn, vì cột kia để trống) cùng tiêu đề 'Lĩnh vực': đã đọc cột D, "
            "không đọc cột C. Nếu cột không được đọc mới là cột đúng, đề nghị xóa cột kia rồi "
            "gửi lại.") in result.remarks


def test_a_visible_twin_holding_values_is_still_read_before_a_hidden_one():
    grid = twin_rows(2)[2:]
    grid[1][3] = "Môi trường"  # one value in the hidden twin too
    assert find_table(grid, frozenset({3})).columns[2] == "field"
    assert find_table(grid, frozenset({2})).columns[3] == "field"  # both hold values: visible


def test_of_two_visible_twins_the_one_holding_values_is_read():
    assert find_table(twin_rows(3)[2:]).columns[3] == "field"
    assert find_table(twin_rows(2)[2:]).columns[2] == "field"


def _partly(visible: dict[int, str | None]) -> list[list]:
    """:func:`twin_rows` with the hidden twin (D) holding every field and the visible one
    (C) only the values of ``visible`` (data row index → value)."""
    rows = twin_rows(3)
    for i, value in visible.items():
        rows[3 + i][2] = value
    return rows


def test_a_row_leaving_the_visible_twin_empty_takes_the_hidden_one_s_value(tmp_path, context):
    # the sixth tester's F7: one visible value cost the other rows their field
    rows = _partly({1: "Văn hóa - xã hội"})
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", rows, hidden_columns=[3])])
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert ("Cột D (bị ẩn) và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, trừ 2 dòng để trống "
            "cột C (dòng 4, 6): đã lấy giá trị ở cột D. Nếu cột không được đọc mới là cột đúng, "
            "đề nghị xóa cột kia rồi gửi lại.") in result.remarks


def test_a_visible_value_wins_over_its_hidden_twin_s_on_its_own_row(tmp_path, context):
    rows = _partly({0: "An ninh - quốc phòng"})  # D says Kinh tế on that row: C is read
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", rows, hidden_columns=[3])])
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert result.registrations["field"].tolist() == ["ANQP", "VHXH", "ANQP"]


def test_two_visible_twins_are_read_alike(tmp_path, context):
    rows = _partly({1: "Văn hóa - xã hội"})
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", rows)])
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert ("Cột D và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, trừ 2 dòng để trống cột C "
            "(dòng 4, 6): đã lấy giá trị ở cột D. Nếu cột không được đọc mới là cột đúng, đề "
            "nghị xóa cột kia rồi gửi lại.") in result.remarks


def test_an_optional_column_is_never_filled_from_its_hidden_twin(tmp_path, context):
    header = [*HEADER, "Ghi chú"]
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], header]
    rows += [[*row, "ghi chú ẩn"] for row in regs(2)]
    rows[3][len(HEADER) - 1] = "ghi chú thấy được"  # the visible note on the first row only
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", rows, hidden_columns=[len(header) - 1])])
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert result.registrations["note"].fillna("").tolist() == ["ghi chú thấy được", ""]


@pytest.mark.parametrize("header", ["Lĩnh vực (năm trước)", "Lĩnh vực 2023", "Lĩnh vực cũ",
                                    "Lĩnh vực (kế hoạch)"])
def test_a_column_of_another_time_is_no_twin_to_take_values_from(tmp_path, context, header):
    # the eighth tester's F6: last year's field filled a row left blank this year
    rows = _partly({0: "Kinh tế", 2: "An ninh - quốc phòng"})
    rows[2][3] = header
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", rows)])
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 1)
    assert result.rejections["row"].tolist() == [5]
