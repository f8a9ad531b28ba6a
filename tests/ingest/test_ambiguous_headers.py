"""A header naming one of two coded columns, its values deciding which: a unit's ``Loại``
column holds ``Tập thể``/``Cá nhân`` in one form (the registrant type) and ``Tiêu biểu`` /
``Hoàn thành`` in another (the year-end result). Before, ``Loại`` was no header: a sheet whose
type column was so named lost every row ("Không có dòng đăng ký hợp lệ"), and one whose result
column was lost every exemplary model without a word."""

from __future__ import annotations

import pytest

from thidua.ingest.files import USED, ingest_file
from thidua.ingest.headers import header_choices, header_name
from thidua.ingest.table import find_table
from helpers import HEADER, input_file, row, write_xlsx


@pytest.mark.parametrize("cell, choices", [
    ("Loại", ("type", "result")), ("LOẠI", ("type", "result")), ("Loại (*)", ("type", "result")),
    ("Loại:", ("type", "result")), ("Loại (TT/CN)", ("type", "result")),
    ("Phân loại", ("type", "result")), ("  phân   LOẠI ", ("type", "result")),
    ("Xếp loại", ()), ("Loại hình", ()), ("Hình thức", ()), ("Loại mô hình", ()), ("", ()),
    (None, ()), (2024, ()), ("Loại " + "x" * 1000, ()),
])
def test_which_headers_are_decided_by_their_values(cell, choices):
    assert header_choices(cell) == choices


def test_an_ambiguous_header_names_its_first_choice_alone():
    assert header_name("Loại") == "type" and header_name("Phân loại") == "type"
    assert header_name("Xếp loại") == "result"


def _grid(head: str, values: list[object], extra: dict[str, list[object]] | None = None):
    header = ["STT", "Tên mô hình", "Lĩnh vực", head, "Tên tập thể/cá nhân"]
    extra = extra or {}
    header += list(extra)
    grid = [header]
    for i, value in enumerate(values):
        grid.append([i + 1, f"Mô hình số {i + 1} tốt", "Kinh tế", value, "CĐCS A",
                     *(column[i] for column in extra.values())])
    return grid


@pytest.mark.parametrize("values, name", [
    (["Tập thể", "Cá nhân", "TT"], "type"),
    (["Tiêu biểu", "Hoàn thành", "Tiêu biểu"], "result"),
    (["Tiêu biểu", "Tập thể", "Hoàn thành"], "result"),  # two results against one type
    (["Tập thể", "Tiêu biểu", "Cá nhân"], "type"),
    (["Tập thể", "Tiêu biểu"], "type"),  # as many of each: the first choice
    (["Tốt", "Khá", None], "type"),  # neither: the first choice, told as a bad type
    ([None, None, None], "type"),
])
def test_an_ambiguous_column_is_named_by_what_its_values_spell(values, name):
    table = find_table(_grid("Loại", values))
    assert table.columns[3] == name


def test_only_the_first_rows_under_the_header_decide():
    from thidua.ingest import table as table_module

    assert table_module._DECIDING_ROWS == 200
    values = ["Tập thể"] * 100 + ["Tiêu biểu"] * 100 + ["Tiêu biểu"]
    assert find_table(_grid("Loại", values)).columns[3] == "type"  # 100 each: the first choice
    values = ["Tập thể"] * 101 + ["Tiêu biểu"] * 99 + ["Tiêu biểu"] * 400
    assert find_table(_grid("Loại", values)).columns[3] == "type"
    values = ["Tập thể"] * 99 + ["Tiêu biểu"] * 101
    assert find_table(_grid("Loại", values)).columns[3] == "result"


def test_a_result_named_loai_beside_hinh_thuc_is_the_result():
    table = find_table(_grid("Hình thức", ["Tập thể", "Cá nhân"],
                             {"Loại": ["Tiêu biểu", "Hoàn thành"]}))
    assert (table.columns[3], table.columns[5]) == ("type", "result")
    assert table.unknown == {}


def test_a_two_row_header_with_loai_in_its_lower_row_is_decided_too():
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Thông tin thêm", None, "Tên tập thể/cá nhân"],
            [None, None, None, "Loại", "Chức vụ", None],
            [1, "Mô hình số một tốt", "Kinh tế", "Tiêu biểu", None, "CĐCS A"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1)
    assert (table.columns[3], table.columns[4]) == ("result", "position")


ROWS = [row(stt=1, model="Mô hình thứ nhất tốt"), row(stt=2, model="Mô hình thứ hai tốt"),
        row(stt=3, model="Mô hình thứ ba tốt", type_="Cá nhân", registrant="Nguyễn Văn A",
            position="Chủ tịch")]


def test_a_type_column_named_loai_keeps_every_registration(tmp_path, context):
    header = list(HEADER)
    header[3] = "Loại"
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", ROWS, header=header)
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "collective", "individual"]


def test_a_result_column_named_loai_keeps_every_exemplary_model(tmp_path, context):
    header = list(HEADER)
    header[9] = "Loại"
    rows = [r[:9] + [result] + r[10:] for r, result in zip(ROWS, ["Tiêu biểu", "Hoàn thành",
                                                                  "Tiêu biểu"])]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, header=header)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["result"].tolist() == ["tieu_bieu", "hoan_thanh", "tieu_bieu"]
    assert result.registrations["type"].tolist() == ["collective", "collective", "individual"]
