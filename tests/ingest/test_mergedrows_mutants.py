"""``thidua/ingest/mergedrows.py`` in this process, on sheets built in the test (it runs inside
the parsing worker when a file is read): which cells a merge spreads into, where merges begin,
a row holding only the first cells of merges."""

from __future__ import annotations

import pandas as pd

from thidua.ingest.cellfacts import SheetFacts
from thidua.ingest.mergedrows import mark_merged_totals, merge_tops, merged_cells
from thidua.ingest.rows import SheetData
from thidua.ingest.table import find_table

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"]


def _sheet(rows: list[list], merges: list[tuple[int, int, int, int]]) -> SheetData:
    grid = [list(HEADER), *rows]
    return SheetData("DS", grid, find_table(grid), facts=SheetFacts(merges=merges))


ROWS = [[1, "Tủ sách", "KT", "TT", "CĐCS A"], [2, "Nụ cười", "", "", "CĐCS B"],
        [3, "Bữa cơm", "", "", "CĐCS C"], [4, "Góc đọc", "VH", "CN", "Trần Văn Minh"]]


def test_a_merge_spreads_into_the_rows_below_the_header_only():
    # a merge begun in the header (row 0) down to row 2: rows 1 and 2 below the header
    assert merged_cells(_sheet(ROWS, [(0, 0, 2, 0)])) == {1: {0}, 2: {0}}


def test_a_merge_running_past_the_sheet_s_last_row_stops_there():
    assert merged_cells(_sheet(ROWS, [(3, 2, 10, 2)])) == {3: set(), 4: {2}}


def test_a_merge_across_columns_spreads_into_all_but_its_first_cell():
    assert merged_cells(_sheet(ROWS, [(2, 2, 3, 3)])) == {2: {3}, 3: {2, 3}}


def test_where_merges_running_down_begin():
    sheet = _sheet(ROWS, [(1, 2, 3, 3), (4, 2, 4, 3), (0, 1, 2, 1)])
    # the first: two columns from row 1 (the first data row); a merge along one row and one
    # begun in the header are none
    assert merge_tops(sheet) == {1: {2, 3}}


def test_a_row_holding_only_a_model_at_the_top_of_its_merge_stays_data():
    rows = [[1, "Tủ sách", "KT", "TT", "CĐCS A"], ["", "Nụ cười", "", "", ""],
            ["", "", "", "", ""]]
    sheet = _sheet(rows, [(2, 1, 3, 1), (1, 2, 3, 2)])
    raw = pd.DataFrame([r for r in rows], index=[2, 3, 4],
                       columns=["stt", "model", "field", "type", "registrant"])
    labels = pd.Series(["data", "data", "data"], index=[2, 3, 4])
    out_raw, out_labels = mark_merged_totals(raw, labels, sheet)
    assert out_labels.tolist() == ["data", "data", "data"]
    assert out_raw is raw


def _labels(rows: list[list], merges: list[tuple[int, int, int, int]]) -> list[str]:
    sheet = _sheet(rows, merges)
    index = list(range(2, 2 + len(rows)))
    raw = pd.DataFrame(rows, index=index, columns=["stt", "model", "field", "type", "registrant"])
    labels = pd.Series(["data"] * len(rows), index=index)
    return mark_merged_totals(raw, labels, sheet)[1].tolist()


def test_a_row_holding_only_a_registrant_at_the_top_of_its_merge_stays_data():
    rows = [[1, "Tủ sách", "KT", "TT", "CĐCS A"], ["", "", "", "", "CĐCS B"],
            ["", "", "", "", ""]]
    assert _labels(rows, [(2, 4, 3, 4), (1, 2, 3, 2)]) == ["data", "data", "data"]


def test_a_signer_s_line_with_an_stt_inside_a_merged_block_stays_data():
    rows = [[1, "Tủ sách", "KT", "TT", "CĐCS A"], [2, "", "", "", "Người lập biểu"]]
    assert _labels(rows, [(1, 2, 2, 2)]) == ["data", "data"]
    rows[1][0] = ""
    assert _labels(rows, [(1, 2, 2, 2)]) == ["data", "signature"]


def test_a_group_s_name_in_the_registrant_column_stays_data():
    rows = [[1, "Tủ sách", "KT", "TT", "CĐCS A"], ["", "", "", "", "Công đoàn cơ sở Công ty X"]]
    assert _labels(rows, [(1, 2, 2, 2)]) == ["data", "data"]
    rows[1][1], rows[1][4] = rows[1][4], ""  # in the model's column: the group's heading
    assert _labels(rows, [(1, 2, 2, 2)]) == ["data", "subheading"]


def test_a_row_of_only_the_first_cell_of_a_merge_down_the_rows_below_is_blank():
    rows = [[1, "Tủ sách", "KT", "TT", "CĐCS A"], ["", "", "VH", "", ""],
            [2, "Bữa cơm", "", "TT", "CĐCS C"]]
    assert _labels(rows, [(2, 2, 3, 2)]) == ["data", "blank", "data"]


def test_a_registration_without_stt_in_a_merged_block_is_no_signature():
    rows = [[1, "Tủ sách", "KT", "TT", "CĐCS A"], ["", "Góc đọc", "", "", "CĐCS B"]]
    assert _labels(rows, [(1, 2, 2, 2)]) == ["data", "data"]


def test_a_numbered_type_heading_in_two_cells_inside_a_merged_block_is_a_heading():
    rows = [[1, "Tủ sách", "KT", "TT", "CĐCS A"], ["II", "Cá nhân", "", "", ""],
            [2, "Góc đọc", "", "CN", "Trần Văn Minh"]]
    assert _labels(rows, [(1, 2, 3, 2)]) == ["data", "subheading", "data"]


def test_a_signer_s_line_of_three_cells_is_the_signature_of_four_is_not():
    header = ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "Chức vụ", "Ghi chú"]
    names = ["stt", "model", "field", "registrant", "position", "note"]
    for last, label in (("", "signature"), ("đã ký", "data")):
        rows = [[1, "Tủ sách", "KT", "CĐCS A", "", ""],
                ["", "Người lập biểu", "", "Nguyễn Văn A", "Chủ tịch", last]]
        grid = [header, *rows]
        sheet = SheetData("DS", grid, find_table(grid), facts=SheetFacts(merges=[(1, 2, 2, 2)]))
        raw = pd.DataFrame(rows, index=[2, 3], columns=names)
        labels = pd.Series(["data", "data"], index=[2, 3])
        assert mark_merged_totals(raw, labels, sheet)[1].tolist() == ["data", label]


def test_a_heading_s_row_is_emptied_of_what_merges_spread_into_it_in_the_table_s_columns():
    header = [*HEADER, "Cột riêng"]
    rows = [[1, "Tủ sách", "KT", "TT", "CĐCS A", "a"], ["II", "Cá nhân", "", "", "", ""]]
    grid = [header, *rows]
    # the field and the unit's own column merged over both rows
    sheet = SheetData("DS", grid, find_table(grid),
                      facts=SheetFacts(merges=[(1, 2, 2, 2), (1, 5, 2, 5)]))
    raw = pd.DataFrame([[*r[:2], "KT", *r[3:5]] for r in rows], index=[2, 3],
                       columns=["stt", "model", "field", "type", "registrant"])
    out_raw, out_labels = mark_merged_totals(raw, pd.Series(["data", "data"], index=[2, 3]),
                                             sheet)
    assert out_labels.tolist() == ["data", "subheading"]
    assert out_raw.loc[3].tolist() == ["II", "Cá nhân", "", "", ""]
    assert raw.loc[3, "field"] == "KT"  # the input is not modified


def test_a_model_s_second_line_under_a_merged_number_is_emptied_a_short_row_passed_over():
    from thidua.ingest.mergedrows import wrapped_in_merges

    rows = [[1, "Góc an ninh", "KT", "CN", "Trần Văn Minh"], ["", "tại khu nhà trọ", "", "", ""],
            [""]]  # a row ending before the model's column, inside the merged number
    grid = [list(HEADER), *rows]
    sheet = SheetData("DS", grid, find_table(grid), facts=SheetFacts(
        merges=[(1, 0, 3, 0), (1, 2, 2, 2), (1, 3, 2, 3), (1, 4, 2, 4)]))
    full = [[1, "Góc an ninh", "KT", "CN", "Trần Văn Minh"],
            [1, "tại khu nhà trọ", "KT", "CN", "Trần Văn Minh"], [1, "", "", "", ""]]
    names = ["stt", "model", "field", "type", "registrant"]
    raw = pd.DataFrame(full, index=[2, 3, 4], columns=names, dtype=object)
    text = raw.astype(str)
    labels = pd.Series(["data", "data", "data"], index=[2, 3, 4])
    out_raw, out_text = wrapped_in_merges(raw, text, labels, sheet)
    assert out_raw.loc[3].tolist() == ["", "tại khu nhà trọ", "", "", ""]
    assert out_text.loc[3].tolist() == ["", "tại khu nhà trọ", "", "", ""]
    assert out_raw.loc[4].tolist() == [1, "", "", "", ""]
