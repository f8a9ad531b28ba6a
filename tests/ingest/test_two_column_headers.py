"""``Thời gian thực hiện`` merged over two columns (or a CSV's empty second header), the start
in the first and the end in the second: the period runs from one to the other (the first
cell alone was read: ``12/2023`` | ``06/2024`` rejected a registration as outside 2024;
``thidua.ingest.twocolumns.py``)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.twocolumns import two_column_headers
from thidua.ingest.table import find_table

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
          "Thời gian thực hiện", "", "Kết quả"]


def _rows(ends: list[tuple[object, object]]) -> list[list]:
    return [[i + 1, f"Mô hình tiết kiệm số {i + 1}", "Kinh tế", "Tập thể", f"CĐCS {i + 1}",
             a, b, "Hoàn thành"] for i, (a, b) in enumerate(ends)]


@pytest.mark.parametrize("ends, paired", [
    ([("01/03/2024", "30/11/2024"), ("12/2023", "06/2024")], True),
    ([(dt.datetime(2024, 3, 1), dt.datetime(2024, 11, 30)), ("2024", "2024")], True),
    ([("01/03/2024", "30/11/2024"), ("01/2024", "đang thực hiện")], False),  # a remark
    ([("01/2024 - 06/2024", "12/2024")], False),                        # a range, then?
    ([("01/03/2024", "")], False),                                      # nothing to the right
    ([("30/11/2024", "01/03/2024")], False),                            # the end first
    ([("01-03-2024", "30-11-2024")], True),                             # dashes in dates
    ([("Từ 01/2023", "06/2023"), ("Từ tháng 3/2024", "Đến 11/2024")], True),  # saying so
])
def test_two_columns_under_one_period_header_are_its_ends(ends, paired):
    for second in ("", "Thời gian thực hiện"):  # a CSV's empty header, a merge repeated
        grid = [[*HEADER[:6], second, HEADER[7]], *_rows(ends)]
        columns = find_table(grid).columns
        assert (columns.get(5), columns.get(6)) == (
            ("period_from", "period_to") if paired else ("period", None)), second


def test_another_form_column_to_the_right_is_left_alone():
    grid = [[*HEADER[:6], "Kết quả"], *[r[:7] for r in _rows([("01/2024", "12/2024")])]]
    table = find_table(grid)
    assert two_column_headers(grid, table.header_rows, table.columns, table.unknown) == (
        table.columns, table.unknown)
    assert table.columns[5] == "period" and table.columns[6] == "result"


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_period_started_last_year_counts(tmp_path, context, suffix):
    lines = [["Mã đơn vị: Q-DD"], ["Năm: 2024"], HEADER,
             *_rows([("01/03/2024", "30/11/2024"), ("12/2023", "06/2024"), ("01/2023", "12/2023")])]
    path = tmp_path / f"Q-DD_dk.{suffix}"
    if suffix == "xlsx":
        lines[2] = [*HEADER[:6], "Thời gian thực hiện", HEADER[7]]
        write_xlsx(path, [Sheet("DS", lines, merges=["F3:G3"])])
    else:
        write_csv(path, lines)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.registrations[["period_start", "period_end"]].astype(str).values.tolist() == [
        ["2024-03-01", "2024-11-30"], ["2023-12-01", "2024-06-30"]]
    assert result.rejections["value"].tolist() == ["01/2023 - 12/2023"]
    assert not any("cùng tiêu đề" in n for n in result.remarks)


# --- Tên tập thể/cá nhân over two columns: the name | the position --------------------------
NAMED = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "", "Kết quả"]
PEOPLE = [[1, "Mô hình tiết kiệm số 1", "Kinh tế", "Cá nhân", "Nguyễn Văn An", "Chủ tịch CĐCS",
           "Hoàn thành"],
          [2, "Mô hình tiết kiệm số 2", "VH-XH", "Tập thể", "CĐCS Trường B", "", "Hoàn thành"],
          [3, "Mô hình tiết kiệm số 3", "ANQP", "Cá nhân", "Lê Thị Cúc", "Tổ trưởng công đoàn",
           "Tiêu biểu"]]


@pytest.mark.parametrize("seconds, position", [
    (["Chủ tịch CĐCS", "", "Tổ trưởng công đoàn"], True),
    (["GV", "Kế toán", "Ban nữ công", "Phó Chủ tịch"], True),   # three of four
    (["CĐCS Trường A", "", "0912 345 678"], False),            # no position
    (["Chủ tịch", "Ban nữ công", "Tổ 3"], False),              # one of three
])
def test_a_name_header_over_two_columns_holding_positions(seconds, position):
    for second in ("", "Tên tập thể/cá nhân"):
        rows = [[*PEOPLE[i % 3][:5], s, "Hoàn thành"] for i, s in enumerate(seconds)]
        grid = [[*NAMED[:5], second, NAMED[6]], *rows]
        columns = find_table(grid).columns
        assert (columns[4], columns.get(5)) == (
            ("registrant", "position") if position else ("registrant", None)), second


def test_a_table_with_its_position_column_is_left_alone():
    grid = [[*NAMED[:6], "Chức vụ"], *[[*r[:6], "x"] for r in PEOPLE]]
    assert find_table(grid).columns.get(5) is None and find_table(grid).columns[6] == "position"


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_individuals_keep_the_position_written_beside_their_name(tmp_path, context, suffix):
    lines = [["Mã đơn vị: Q-DD"], ["Năm: 2024"], NAMED, *PEOPLE]
    path = tmp_path / f"Q-DD_dk.{suffix}"
    if suffix == "xlsx":
        lines[2] = [*NAMED[:5], "Tên tập thể/cá nhân", NAMED[6]]
        write_xlsx(path, [Sheet("DS", lines, merges=["E3:F3"])])
    else:
        write_csv(path, lines)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations[["registrant", "position"]].fillna("").values.tolist() == [
        ["Nguyễn Văn An", "Chủ tịch CĐCS"], ["CĐCS Trường B", ""],
        ["Lê Thị Cúc", "Tổ trưởng công đoàn"]]


# --- the mutation run of twocolumns (01/12): each boundary both sides -----------------------
@pytest.mark.parametrize("ends, paired", [
    ([("01/03/2024", "01/03/2024")], True),      # one day: the end on the start
    ([("03/2024", "15/03/2024")], True),         # the end inside the start's month
    ([("01/2024", "03/2024 - 12/2024")], False),  # a range in the second cell
    ([("01/2024", "12/2024"), ("01/2024", "đang làm"), ("02/2024", "11/2024")], False),
])
def test_the_ends_of_a_period_in_two_columns(ends, paired):
    grid = [HEADER, *_rows(ends)]
    assert (find_table(grid).columns.get(6) == "period_to") is paired


def test_the_second_column_leaves_the_unknown_ones_and_the_others_stay():
    grid = [[*HEADER[:6], "Thời gian thực hiện", "Kết quả", "Cột X", "Cột Y"],
            *[[*r, "x", "y"] for r in _rows([("01/2024", "12/2024")])]]
    table = find_table(grid)
    assert table.columns[5] == "period_from" and table.columns[6] == "period_to"
    assert table.unknown == {8: "Cột X", 9: "Cột Y"}


def test_a_period_already_in_two_columns_and_a_short_row_are_left_alone():
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Từ ngày", "Đến ngày", ""],
            [1, "Tủ sách", "KT", "01/2024", "12/2024", "31/12/2024"]]
    assert find_table(grid).columns == {0: "stt", 1: "model", 2: "field", 3: "period_from",
                                        4: "period_to"}
    short = [HEADER, [1, "Tủ sách", "KT", "TT", "CĐCS A", "01/2024"],
             *_rows([("01/2024", "12/2024")])]
    assert find_table(short).columns[6] == "period_to"


def test_only_the_rows_looked_at_decide(monkeypatch):
    import thidua.ingest.twocolumns as twocolumns

    monkeypatch.setattr(twocolumns, "LOOKED_AT", 2)
    rows = _rows([("01/2024", "12/2024"), ("01/2024", "12/2024"), ("01/2024", "đang làm")])
    assert find_table([HEADER, *rows]).columns.get(6) == "period_to"  # the third unseen
    assert find_table([HEADER, *rows[1:]]).columns.get(6) is None
