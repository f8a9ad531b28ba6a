"""A form column whose header cell was lost, blank or an error value (``#REF!``: a header
copied by formulas from a template sheet since deleted), read as the column the header row
lacks by its values or its place in the form's order (``thidua/ingest/unheaded.py``; fresh
tester M's M129: ``#REF!`` over the fields rejected the whole file)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.table import find_table, header_hint, row_names
from thidua.ingest.values import read_value
from thidua.ingest.unheaded import is_lost_header, lost_header_note, lost_headers

TITLE = [["Mã đơn vị: Q-HK"], ["Năm: 2024"]]
LEVEL, RESULT = 6, 9


def _lines(lost: dict[int, str], n: int = 4) -> list[list]:
    header = list(HEADER)
    for column, text in lost.items():
        header[column] = text
    return [*TITLE, header, *regs(n)]


def _read(tmp_path, context, lines, suffix="xlsx"):
    path = tmp_path / f"Q-HK_dk.{suffix}"
    write_xlsx(path, [Sheet("DS", lines)]) if suffix == "xlsx" else write_csv(path, lines)
    return ingest_file(input_file(path), context)


def _found(lost: dict[int, str], rows: list[list] | None = None) -> dict[int, str]:
    header = list(HEADER)
    for column, text in lost.items():
        header[column] = text
    grid = [header, *(rows if rows is not None else regs(4))]
    return lost_headers(grid, 0, row_names(header))


@pytest.mark.parametrize("column, name", [(1, "model"), (2, "field"), (4, "registrant"),
                                          (5, "position"), (LEVEL, "level"),
                                          (7, "grassroots_union"), (8, "period"),
                                          (RESULT, "result")])
@pytest.mark.parametrize("text", ["#REF!", "", "  ", "#N/A", "Err:502"])
def test_a_lost_header_is_the_column_its_values_or_place_say(column, name, text):
    assert _found({column: text}) == {column: name}


def test_two_lost_headers_side_by_side_are_each_found():
    """``#REF!`` | ``#REF!`` over the models and the fields: the model by its place after
    ``STT``, the field by its values."""
    assert _found({1: "#REF!", 2: "#REF!"}) == {1: "model", 2: "field"}


@pytest.mark.parametrize("lost, rows, why", [
    ({3: "#REF!"}, None, "the type is valuecolumns' (its own note)"),
    ({10: "#REF!"}, None, "Ghi chú is neither read by values nor by place"),
    ({2: "#REF!"}, [[*r[:2], "ghi chú", *r[3:]] for r in regs(4)], "no field values"),
    ({4: ""}, [[*r[:4], "", *r[5:]] for r in regs(4)], "nothing under it"),
    ({4: "Người thực hiện"}, None, "a header of other words is no lost header"),
])
def test_no_column_is_named_without_its_proof(lost, rows, why):
    assert _found(lost, rows) == {}, why


def test_a_text_column_of_coded_values_is_not_named_by_its_place():
    """A lost header between ``Hình thức`` and ``Chức vụ`` (the registrant's place) over
    ``Tập thể`` / ``Cá nhân``: no registrant (a second type column, told by valuecolumns
    when the first is missing)."""
    rows = [[*r[:4], t, *r[5:]] for r, t in zip(regs(4), ["Tập thể", "Cá nhân"] * 2)]
    assert _found({4: "#REF!"}, rows) == {}


def test_neighbours_that_disagree_name_nothing():
    """Columns in the unit's own order: ``Hình thức`` | lost | ``Tên mô hình``: after the
    type the registrant, before the model ``STT``: no single column."""
    header = ["STT", "Hình thức", "#REF!", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân"]
    grid = [header, *[[1, "Tập thể", "x y z", "Mô hình một", "Kinh tế", "Tổ A"]] * 3]
    assert lost_headers(grid, 0, row_names(header)) == {}


def test_a_row_naming_fewer_than_three_form_columns_is_no_header():
    header = ["Tên mô hình", "", "Ghi chú"]
    grid = [header, *[["Mô hình một", "Kinh tế", ""]] * 3]
    assert lost_headers(grid, 0, row_names(header)) == {}


def test_a_lost_header_needs_two_cells_under_it():
    rows = regs(4)
    for row in rows[1:]:
        row[LEVEL] = ""
    assert _found({LEVEL: "#REF!"}, rows) == {}
    rows[1][LEVEL] = "Cơ sở"
    assert _found({LEVEL: "#REF!"}, rows) == {LEVEL: "level"}


def test_three_quarters_of_the_cells_must_read_as_the_column():
    rows = regs(4)
    for row, text in zip(rows, ["Cơ sở", "Cơ sở", "Cơ sở", "khác"]):
        row[LEVEL] = text
    assert _found({LEVEL: ""}, rows) == {LEVEL: "level"}
    rows[2][LEVEL] = "không rõ"
    assert _found({LEVEL: ""}, rows) == {}


@pytest.mark.parametrize("text, lost", [("#REF!", True), ("", True), (" ", True),
                                        ("#n/a", True), ("Err:508", True), ("#ERROR!", True),
                                        ("Lĩnh vực", False), ("REF", False), (0, False)])
def test_what_a_lost_header_cell_holds(text, lost):
    assert is_lost_header(text) is lost


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_field_header_lost_to_ref_keeps_every_registration(tmp_path, context, suffix):
    """M129: the whole file was rejected "Không tìm thấy dòng tiêu đề"; in an ``.xlsx`` the
    ``#REF!`` is an error cell (python-calamine reads it empty)."""
    result = _read(tmp_path, context, _lines({2: "#REF!"}), suffix)
    assert result.status == "used"
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == [
        read_value("field", r[2]).code for r in regs(4)]
    assert len(set(result.registrations["field"])) > 1
    where = "Trang 'DS': cột C" if suffix == "xlsx" else "Cột C"
    assert (f"{where} có tiêu đề '#REF!' (công thức lỗi) nhưng ghi giá trị của cột 'Lĩnh vực' "
            f"theo biểu DVK-01 nên đã đọc như cột 'Lĩnh vực'. Đề nghị gõ lại tiêu đề 'Lĩnh "
            f"vực' (không dùng công thức) rồi gửi lại.") in result.readings


def test_a_registrant_header_left_blank_keeps_every_registration(tmp_path, context):
    """Every row was rejected "Thiếu 'Tên tập thể/cá nhân'"."""
    result = _read(tmp_path, context, _lines({4: ""}))
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["registrant"].tolist() == [r[4] for r in regs(4)]
    assert ("Trang 'DS': cột E không có tiêu đề nhưng nằm đúng chỗ của cột 'Tên tập thể/cá "
            "nhân' theo biểu DVK-01 nên đã đọc như cột 'Tên tập thể/cá nhân'. Đề nghị gõ lại "
            "tiêu đề 'Tên tập thể/cá nhân' (không dùng công thức) rồi gửi lại.") in result.readings


def test_a_level_header_lost_keeps_the_levels_written(tmp_path, context):
    """The levels under a lost header were dropped without a word (each row then took the
    default level)."""
    lines = _lines({LEVEL: "#N/A"})
    for row in lines[3:]:
        row[LEVEL] = "Thành phố"
    result = _read(tmp_path, context, lines)
    assert result.registrations["level"].tolist() == ["thanh_pho"] * 4


def test_the_model_and_field_both_lost(tmp_path, context):
    result = _read(tmp_path, context, _lines({1: "#REF!", 2: "#REF!"}))
    assert result.rows["valid"] == 4
    assert result.registrations["model"].tolist() == [r[1] for r in regs(4)]


def test_a_header_row_of_errors_only_is_told(tmp_path, context):
    """A header row all ``#REF!``: no column can be read, the file is rejected saying why."""
    result = _read(tmp_path, context, _lines({c: "#REF!" for c in range(len(HEADER))}))
    assert result.status == "rejected"
    assert ("Dòng 3 có 11 ô ghi lỗi công thức ('#REF!'): có lẽ tiêu đề các cột được lấy bằng "
            "công thức từ một trang tính hay tệp đã bị xóa; đề nghị gõ lại tiêu đề các cột như "
            "biểu DVK-01 (không dùng công thức) rồi gửi lại.") in result.problem


def test_two_errors_in_a_row_are_no_broken_header():
    grid = [["Danh sách", "#REF!", "#N/A"], ["x", "y", "z"]]
    assert header_hint(grid) == ""
    grid[0][0] = "#NAME?"
    assert "Dòng 1 có 3 ô ghi lỗi công thức ('#NAME?', '#REF!', '#N/A')" in header_hint(grid)


def test_the_table_found_names_the_lost_column():
    header = list(HEADER)
    header[2] = ""
    table = find_table([header, *regs(3)])
    assert table is not None and table.columns[2] == "field"


def test_the_note_without_a_sheet_name():
    assert lost_header_note("", "G", "", "level").startswith(
        "Cột G không có tiêu đề nhưng ghi giá trị của cột 'Cấp công đoàn' theo biểu DVK-01")


# --- a header in the unit's own words, naming no form column ---------------------------------


@pytest.mark.parametrize("column, text, name", [
    (1, "Model", "model"), (1, "Tên gọi", "model"), (1, "Nội dung đăng ký", "model"),
    (4, "Đơn vị thực hiện", "registrant"), (4, "Tác giả", "registrant"),
    (4, "Người/đơn vị đăng ký", "registrant"), (2, "Field", "field"),
    (2, "Nhóm", "field"), (LEVEL, "Cấp độ", "level"), (RESULT, "Kết luận", "result"),
])
def test_a_header_in_own_words_is_read_by_values_or_place(column, text, name):
    assert _found({column: text}) == {column: name}


@pytest.mark.parametrize("column, text", [(5, "Nghề nghiệp"), (7, "Nơi sinh hoạt"),
                                          (8, "Khi nào"), (10, "Khác")])
def test_an_optional_column_in_own_words_is_not_read_by_place(column, text):
    """Only the required text columns are read by the place of a header in other words:
    an optional column's place is often a column of the unit's own (an extra count)."""
    assert _found({column: text}) == {}


def test_a_file_whose_registrant_column_is_headed_in_own_words(tmp_path, context):
    """``Đơn vị thực hiện`` over the registrants: every row was rejected "Thiếu 'Tên tập
    thể/cá nhân'"."""
    result = _read(tmp_path, context, _lines({4: "Đơn vị thực hiện"}))
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert ("Trang 'DS': cột E có tiêu đề 'Đơn vị thực hiện' (không phải tên cột của biểu DVK-01) "
            "nhưng nằm đúng chỗ của cột 'Tên tập thể/cá nhân' theo biểu DVK-01 nên đã đọc như cột "
            "'Tên tập thể/cá nhân'. Đề nghị gõ lại tiêu đề 'Tên tập thể/cá nhân' rồi gửi "
            "lại.") in result.readings


@pytest.mark.parametrize("text", ["Tên sáng kiến", "Tên công trình, phần việc", "Tên cách làm",
                                  "Cách làm hay", "Công trình, phần việc"])
def test_model_headers_of_other_emulation_forms(tmp_path, context, text):
    """Other movements' forms head the model ``Tên sáng kiến``, ``Công trình, phần việc``,
    ``Tên cách làm``: a form header, no note."""
    result = _read(tmp_path, context, _lines({1: text}))
    assert result.rows["valid"] == 4
    assert not [n for n in result.readings if "không phải tên cột" in n]


def test_a_header_wrapped_over_two_rows_has_no_lost_header(tmp_path, context):
    """``Tên mô`` over ``hình``: the two rows name the columns (test_wrapped_header.py); the
    first row alone is no header with lost cells, and nothing is told."""
    upper = ["STT", "Tên mô", "Lĩnh", "Hình", "Tên tập thể/", "Chức", "Cấp công", "Công đoàn",
             "Thời gian", "Kết", "Ghi"]
    lower = ["", "hình", "vực", "thức", "cá nhân", "vụ", "đoàn", "cơ sở", "thực hiện", "quả",
             "chú"]
    result = _read(tmp_path, context, [*TITLE, upper, lower, *regs(4)])
    assert result.rows["valid"] == 4
    assert find_table([upper, lower, *regs(4)]).lost == {}
    assert not [n for n in result.readings if "tiêu đề" in n and "theo biểu DVK-01" in n]


def test_a_header_over_two_rows_reads_its_sub_headers_not_lost_cells():
    """A blank cell of the first row over ``Chức vụ`` is a merged parent's, not a lost
    header: the sub-headers name the columns."""
    upper = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Người thực hiện", "",
             "Thời gian thực hiện", ""]
    lower = ["", "", "", "", "Tên tập thể/cá nhân", "Chức vụ", "Từ ngày", "Đến ngày"]
    rows = [[1, "Mô hình một", "Kinh tế", "Cá nhân", "Nguyễn Văn A", "Tổ trưởng", "01/2024",
             "12/2024"]] * 3
    table = find_table([upper, lower, *rows])
    assert table.header_rows == (0, 1)
    assert table.columns[5] == "position" and table.lost == {}
    assert _lost_headers_of(upper, lower, rows) == {}


def _lost_headers_of(upper, lower, rows):
    from thidua.ingest.table import _lost_headers
    return _lost_headers([upper, lower, *rows], 0, row_names(upper), row_names(lower))


def test_no_lost_header_is_read_over_a_row_of_sub_headers():
    """The guard itself: under a row naming two form columns or more, the first row's blank
    cells are a parent's, whatever the values below say."""
    upper = ["STT", "Tên mô hình", "", "Hình thức", "Tên tập thể/cá nhân"]
    lower = ["", "", "Nhóm", "Tên tập thể/cá nhân", "Chức vụ"]
    rows = [[1, "Mô hình một", "Kinh tế", "Tập thể", "Tổ A"]] * 3
    assert _lost_headers_of(upper, lower, rows) == {}
    assert _lost_headers_of(upper, ["", "", "Nhóm", "", ""], rows) == {2: "field"}


@pytest.mark.parametrize("values", [[1, 2, 1, 3], ["1", "2", "10", "2.000"], ["50%", "1", 2, 3]])
def test_a_column_of_numbers_is_no_name_by_its_place(values):
    """``Số lượng`` after ``Hình thức`` (a summary table's count, fresh tester L's L096): in
    the registrant's place, but a count is no registrant."""
    rows = [[*r[:4], v, *r[5:]] for r, v in zip(regs(4), values)]
    assert _found({4: "Số lượng"}, rows) == {}
    assert _found({4: ""}, rows) == {}


# --- mutation survivors of unheaded (each checked red with the mutation made by hand) --------


def _with(header: list, column: int, values: list) -> list[list]:
    rows = [[*r, *[""] * (len(header) - len(r))] for r in regs(len(values))]
    for row, value in zip(rows, values):
        row[column] = value
    return [header, *rows]


def test_only_the_rows_looked_at_count():
    from thidua.ingest.unheaded import LOOKED_AT
    header = list(HEADER)
    header[LEVEL] = ""
    grid = [header, *[[*r[:LEVEL], "", *r[LEVEL + 1:]] for r in regs(LOOKED_AT + 1)]]
    grid[LOOKED_AT - 1][LEVEL] = grid[LOOKED_AT][LEVEL] = "Cơ sở"  # the last two looked at
    assert lost_headers(grid, 0, row_names(header)) == {LEVEL: "level"}
    grid[LOOKED_AT - 1][LEVEL] = ""
    grid[LOOKED_AT + 1][LEVEL] = "Cơ sở"  # one past them
    assert lost_headers(grid, 0, row_names(header)) == {}


@pytest.mark.parametrize("period", [["Từ ngày", "Đến ngày"], ["Từ ngày"], ["Đến ngày"]])
def test_a_period_in_two_columns_is_the_period_named(period):
    """A lost header in the period's place is no second period when the row has ``Từ ngày``
    or ``Đến ngày``."""
    header = [*HEADER[:8], "", *HEADER[9:], *period]
    grid = _with(header, 8, ["mô tả một", "mô tả hai", "mô tả ba"])
    assert lost_headers(grid, 0, row_names(header)) == {}
    assert lost_headers(grid, 0, row_names(header[:len(HEADER)])) == {8: "period"}


def test_a_lost_header_after_the_form_s_last_column():
    """Nothing follows ``Ghi chú`` in the form's order (the level is missing, so the search
    runs)."""
    header = [*HEADER[:LEVEL], *HEADER[LEVEL + 1:], ""]
    grid = [header, *[[*r[:LEVEL], *r[LEVEL + 1:], text] for r, text in
                      zip(regs(3), ["ý kiến một", "ý kiến hai", "ý kiến ba"])]]
    assert lost_headers(grid, 0, row_names(header)) == {}


@pytest.mark.parametrize("values, found", [
    (["Nguyễn Văn A", "Trần Thị B", "12"], True),          # one of three a number
    (["Nguyễn Văn A", "Trần Thị B", "12", "13"], False),   # half: a count, no names
])
def test_fewer_than_half_of_the_cells_may_be_numbers(values, found):
    header = list(HEADER)
    header[4] = ""
    grid = _with(header, 4, values)
    assert lost_headers(grid, 0, row_names(header)) == ({4: "registrant"} if found else {})


def test_a_row_of_exactly_three_form_columns_is_looked_at():
    header = ["Tên mô hình", "", "Hình thức", "Tên tập thể/cá nhân"]
    grid = [header, ["Mô hình một", "Kinh tế", "Tập thể", "Tổ A"],
            ["Mô hình hai", "Văn hóa - xã hội", "Tập thể", "Tổ B"]]
    assert lost_headers(grid, 0, row_names(header)) == {1: "field"}


def test_columns_before_the_first_named_and_two_past_the_last_are_not_looked_at():
    header = ["", "Tên mô hình", "Hình thức", "Tên tập thể/cá nhân", "", ""]
    grid = [header, *[["Kinh tế", f"Mô hình {i}", "Tập thể", "Tổ A", "", "Cơ sở"]
                      for i in range(3)]]
    assert lost_headers(grid, 0, row_names(header)) == {}


def test_a_long_text_over_a_column_is_no_header_and_the_next_column_is_still_looked_at():
    header = list(HEADER)
    header[LEVEL], header[RESULT] = "x" * 1001, ""
    grid = _with(header, LEVEL, ["Cơ sở"] * 3)
    for row in grid[1:]:
        row[RESULT] = "Hoàn thành"
    assert lost_headers(grid, 0, row_names(header)) == {RESULT: "result"}


def test_a_lost_header_with_nothing_under_it_does_not_end_the_search():
    header = list(HEADER)
    header[LEVEL], header[RESULT] = "", ""
    grid = _with(header, LEVEL, [""] * 3)
    for row in grid[1:]:
        row[RESULT] = "Hoàn thành"
    assert lost_headers(grid, 0, row_names(header)) == {RESULT: "result"}
