"""A note under a members list naming the form's headers (fresh tester H's H13: sheet ``Đoàn
viên``, 80 members under ``STT | Họ và tên | Năm sinh | Tổ``, then ``Ghi chú:`` | ``Tên mô
hình`` | ``Lĩnh vực`` | ``của từng tổ xem trang DS`` and two lines ``Tổ 1 | Kinh tế |
Tập thể``): the note was read as the header far down and its two lines rejected. A note's
row is never the header (:func:`thidua.ingest.table.find_table`), and a sheet with a table
of its own is never the counted list going on
(:func:`thidua.ingest.sheetchoice.continued_rows`)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs, titled
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.read import FoundSheet
from thidua.ingest.sheetchoice import continued_rows
from thidua.ingest.table import find_table

NOTE = ["Ghi chú:", "Tên mô hình", "Lĩnh vực", "của từng tổ xem trang DS"]
MEMBERS = [["DANH SÁCH ĐOÀN VIÊN THAM GIA"], [], ["STT", "Họ và tên", "Năm sinh", "Tổ"],
           *[[i, f"Đoàn viên số {i}", 1970 + i % 30, f"Tổ {i % 5 + 1}"] for i in range(1, 81)],
           []]
LINES = [[None, "Tổ 1", "Kinh tế", "Tập thể"], [None, "Tổ 2", "Văn hóa - xã hội", "Tập thể"]]


def test_a_members_sheet_with_a_note_naming_headers_is_not_read(tmp_path, context):
    path = tmp_path / "H-DA_2024.xlsx"
    write_xlsx(path, [Sheet("DS", titled("H-DA", regs(8)).rows),
                      Sheet("Đoàn viên", [*MEMBERS, NOTE, *LINES])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 8, "valid": 8, "rejected": 0, "ignored": 0}
    assert [s["sheet"] for s in result.sheets] == ["DS"]


@pytest.mark.parametrize("note", [
    NOTE, ["* Lưu ý:", "Tên mô hình", "Lĩnh vực", "ghi như trang DS"],
    ["Chú thích:", "Tên mô hình", "Lĩnh vực", "xem hướng dẫn"],
])
def test_a_note_s_row_is_never_the_header(note):
    assert find_table([*MEMBERS, note, *LINES]) is None
    table = find_table([note, [], HEADER, *regs(2)])  # a note above the table: the table's
    assert table is not None and table.header_rows == (2,)


@pytest.mark.parametrize("row", [
    ["Ghi chú:", "Tên mô hình", "Lĩnh vực", "Hình thức"],      # headers only: a header
    ["Ghi chú", "Tên mô hình", "Lĩnh vực", "của từng tổ"],     # no colon: no note's label
    ["STT", "Tên mô hình", "Lĩnh vực", "Ghi chú:"],            # the note column last
])
def test_header_rows_beside_a_note_column_stay_headers(row):
    assert find_table([row, [1, "Tủ sách pháp luật", "Kinh tế", "Tập thể"]]) is not None


def test_a_sheet_with_a_table_of_its_own_is_no_list_going_on():
    counted = FoundSheet("DS", [HEADER[:4], [1, "Tủ sách", "KT", "Tập thể"]], "Unicode",
                         find_table([HEADER[:4], [1, "Tủ sách", "KT", "Tập thể"]]))
    assert continued_rows([*MEMBERS, NOTE, *LINES], counted) == 0
    assert continued_rows([["(tiếp theo)"], *LINES], counted) == 2  # no header: going on
    assert continued_rows([["STT"], *LINES], counted) == 2  # ``STT`` alone is no header
