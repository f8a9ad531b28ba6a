"""A header whose words wrap onto a second row without merged cells (``Tên mô`` | ``Lĩnh`` |
``Hình`` over ``hình`` | ``vực`` | ``thức``, the look of wrapped text made with two rows) is one
header row pair (tester B's case 149: the file was rejected, no header found)."""

from __future__ import annotations

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.table import find_table

UPPER = ["STT", "Tên mô", "Lĩnh", "Hình", "Tên tập thể/", "Chức", "Cấp công", "Công đoàn",
         "Thời gian", "Kết", "Ghi"]
LOWER = ["", "hình", "vực", "thức", "cá nhân", "vụ", "đoàn", "cơ sở", "thực hiện", "quả", "chú"]


def test_the_two_rows_name_every_column_of_the_form():
    table = find_table([["Mã đơn vị: Q-HK"], UPPER, LOWER, reg(0)])
    assert table.header_rows == (1, 2)
    assert [table.columns[c] for c in sorted(table.columns)] == [
        "stt", "model", "field", "type", "registrant", "position", "level", "grassroots_union",
        "period", "result", "note"]


def test_a_parent_and_sub_headers_are_still_read_as_before():
    upper = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Thời gian thực hiện", ""]
    lower = ["", "", "", "", "Từ ngày", "Đến ngày"]
    table = find_table([upper, lower, [1, "x", "KT", "TT", "01/2024", "12/2024"]])
    assert sorted(table.columns.values()) == ["field", "model", "period_from", "period_to", "stt",
                                              "type"]


def test_two_rows_of_words_that_make_no_header_are_no_header():
    assert find_table([["Tên", "Lĩnh", "Hình", "Ghi"], ["đơn vị", "hồn", "ảnh", "nhớ"]]) is None


def test_a_file_with_a_wrapped_header_counts_every_row(tmp_path, context):
    for suffix in ("xlsx", "csv"):
        path = tmp_path / f"Q-HK_dk.{suffix}"
        lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], UPPER, LOWER, *[reg(i) for i in range(4)]]
        write_xlsx(path, [Sheet("DS", lines)]) if suffix == "xlsx" else write_csv(path, lines)
        result = ingest_file(input_file(path), context)
        assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 4, 0)
        assert result.registrations["model"].tolist() == [reg(i)[1] for i in range(4)]
    assert len(HEADER) == len(UPPER) == len(LOWER)
