"""A data sheet's rows, column labels and title block (``spec/submission-form.md``), value by
value: :mod:`thidua.ingest.rows` on grids written in the test (no file is read)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from thidua.ingest.cells import SheetFacts
from thidua.ingest.rows import (SheetData, _title_shown, column_labels, column_letter, prepare,
                                raw_rows, title_lines, title_rows, type_from_name)
from thidua.ingest.table import find_table

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Ghi chú", "Ghi chú", "Mã số"]
GRID = [["Mã đơn vị: Q-DD", None, "", 45000.0], [], HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [1, "Tủ sách", "KT", "a", "b", 300], [2, "Nụ cười", "VH", None, None, 7.0], [], ["", None]]
# what Excel shows for a number under a number format (issue 9.2): text columns take it
SHOWN = {(4, 0): "01", (4, 2): "KT.", (4, 5): "0300"}


def data(name: str = "Danh sách", grid=GRID, shown=None, **kw) -> SheetData:
    return SheetData(name, grid, find_table(grid), facts=SheetFacts(shown=shown or {}), **kw)


@pytest.mark.parametrize("index, letter", [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"),
                                           (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")])
def test_excels_letter_of_a_column(index, letter):
    assert column_letter(index) == letter


def test_the_rows_below_the_header_keep_excels_numbers_and_stop_at_the_last_filled_row():
    frame = raw_rows(data(shown=SHOWN))
    assert frame.index.tolist() == [5, 6] and frame.index.name == "row"
    assert frame.columns.tolist() == ["stt", "model", "field", "note", "[Ghi chú]", "[Mã số]"]
    assert frame.loc[5].tolist() == ["01", "Tủ sách", "KT", "a", "b", "0300"]
    assert frame.loc[6, ["stt", "model", "field", "[Mã số]"]].tolist() == [2, "Nụ cười", "VH", 7.0]
    assert frame.loc[6, ["note", "[Ghi chú]"]].isna().all()
    assert (frame.dtypes == object).all()


def test_a_header_with_nothing_below_gives_no_row():
    frame = raw_rows(data(grid=[HEADER, [], [None, ""]]))
    assert frame.index.tolist() == [] and frame.columns.tolist()[:3] == ["stt", "model", "field"]


def test_unknown_columns_of_one_header_are_numbered():
    grid = [["Tên mô hình", "Lĩnh vực", "Cột X", "Cột X", "Cột X"], ["A", "KT", 1, 2, 3]]
    frame = raw_rows(data(grid=grid))
    assert frame.columns.tolist() == ["model", "field", "[Cột X]", "[Cột X #2]", "[Cột X #3]"]
    assert frame.loc[2].tolist() == ["A", "KT", 1, 2, 3]
    assert column_labels(data(grid=grid)) == {
        "model": "Tên mô hình", "field": "Lĩnh vực", "[Cột X]": "Cột X",
        "[Cột X #2]": "Cột X (cột D)", "[Cột X #3]": "Cột X (cột E)"}


def test_column_labels_are_the_units_headers_without_the_row_of_numbers():
    assert column_labels(data()) == {
        "stt": "STT", "model": "Tên mô hình", "field": "Lĩnh vực", "note": "Ghi chú",
        "[Ghi chú]": "Ghi chú (cột E)", "[Mã số]": "Mã số"}


def test_a_header_over_two_rows_is_labelled_by_both():
    grid = [["Tên mô hình", "Thông tin", "Thông tin"], ["", "Lĩnh vực", "Nội dung"],
            ["A", "KT", "x"]]
    assert column_labels(data(grid=grid)) == {
        "model": "Tên mô hình", "field": "Thông tin / Lĩnh vực",
        "[Thông tin / Nội dung]": "Thông tin / Nội dung"}


def test_a_sheet_named_by_a_type_gives_it_to_rows_of_a_table_without_a_type_column():
    sheet = data("Tập thể")
    assert type_from_name(sheet) == "Tập thể"
    assert raw_rows(sheet)["type"].tolist() == ["Tập thể", "Tập thể"]
    assert column_labels(sheet)["type"] == "Hình thức (theo tên trang)"
    assert type_from_name(data()) == ""
    typed = [["Tên mô hình", "Lĩnh vực", "Hình thức"], ["A", "KT", "CN"]]
    assert type_from_name(data("Tập thể", grid=typed)) == ""
    assert raw_rows(data("Tập thể", grid=typed))["type"].tolist() == ["CN"]


def test_section_headings_give_the_type_and_are_labelled_so():
    grid = [["Tên mô hình", "Lĩnh vực"], ["I. TẬP THỂ"], ["A", "KT"], ["II. CÁ NHÂN"], ["B", "VH"]]
    sheet = data("Cá nhân", grid=grid)
    assert raw_rows(sheet)["type"].tolist() == ["", "Tập thể", "", "Cá nhân"]
    assert column_labels(sheet)["type"] == "Hình thức (theo dòng tiêu đề nhóm)"
    assert type_from_name(sheet) == ""


def test_the_title_block_by_row_and_by_line():
    sheet = data()
    assert title_rows(sheet) == [["Mã đơn vị: Q-DD", "45000"]]
    assert title_lines(sheet) == ["Mã đơn vị: Q-DD", "45000"]
    grid = [["LĐLĐ", "Quận Đống Đa"], [None], ["", "Ngày gửi:", "05/12/2024"], HEADER]
    assert title_rows(data(grid=grid)) == [["LĐLĐ", "Quận Đống Đa"], ["Ngày gửi:", "05/12/2024"]]
    assert title_lines(data(grid=grid)) == ["LĐLĐ", "Quận Đống Đa", "Ngày gửi:", "05/12/2024"]


def test_a_sheet_says_whether_its_text_was_converted_and_keeps_what_it_computed():
    assert [data(encoding=e).converted for e in ("Unicode", "UTF-8", "TCVN3 (ABC)", "VNI")] == [
        False, False, True, True]
    sheet = prepare(data())
    calls = []
    assert sheet.memo("k", lambda: calls.append(1) or 5) == 5
    assert sheet.memo("k", lambda: calls.append(1) or 6) == 5 and calls == [1]
    frame = raw_rows(sheet)
    frame.loc[5, "model"] = "đổi"  # a caller's change is not kept
    assert raw_rows(sheet).loc[5, "model"] == "Tủ sách"
    assert isinstance(raw_rows(sheet), pd.DataFrame)


def test_rows_below_a_repeated_header_read_the_visible_column_of_two():
    header = ["Lĩnh vực", "Tên mô hình", "Lĩnh vực", "Hình thức"]  # column A hidden: last year's
    grid = [header, ["VH", "Tủ sách", "KT", "TT"], header, ["VH", "Nụ cười", "KT", "TT"]]
    sheet = SheetData("DS", grid, find_table(grid, frozenset({0})),
                      facts=SheetFacts(hidden_columns=(0,)))
    frame = raw_rows(sheet)
    assert frame.loc[[2, 4], ["model", "field"]].values.tolist() == [["Tủ sách", "KT"],
                                                                    ["Nụ cười", "KT"]]
    assert column_labels(sheet)["field"] == "Lĩnh vực (cột C)"  # the column read, by its letter


def test_a_type_given_by_tick_boxes_is_read_row_by_row_and_labelled_by_the_form():
    grid = [["Tên mô hình", "Lĩnh vực", "Hình thức", ""], ["", "", "Tập thể", "Cá nhân"],
            ["A", "KT", "x", ""], ["B", "VH", "", "X"], ["C"]]
    sheet = data(grid=grid)
    frame = raw_rows(sheet)
    assert frame.index.tolist() == [3, 4, 5]
    assert frame.to_dict("list") == {
        "model": ["A", "B", "C"], "field": ["KT", "VH", ""],  # a short row: its missing cells ""
        "[Hình thức / Tập thể]": ["x", "", ""], "[Cá nhân]": ["", "X", ""],
        "type": ["Tập thể", "Cá nhân", ""]}
    assert column_labels(data(grid=grid)) == {
        "model": "Tên mô hình", "field": "Lĩnh vực", "[Hình thức / Tập thể]": "Hình thức / Tập thể",
        "[Cá nhân]": "Cá nhân", "type": "Hình thức"}


def test_an_odd_number_of_blank_rows_at_the_end_is_left_out_too():
    grid = [HEADER, [1, "Tủ sách", "KT"], [], [None, " "], [""]]
    assert raw_rows(data(grid=grid)).index.tolist() == [2]


def test_the_shown_text_of_a_column_without_a_header_and_of_a_later_tables_rows():
    header2 = [*HEADER[:3], "Chức vụ"]
    grid = [HEADER[:3], [1, "Tủ sách", "KT", "", "", "", 5], [2, "Nụ cười", "VH"], header2,
            [3, "Ánh sáng", "KT", "Tổ trưởng"]]
    # (1, 6): a number under a format in a column with no header; (4, 0): the later table's STT
    frame = raw_rows(data(grid=grid, shown={(1, 6): "05", (4, 0): "003", (2, 0): "002"}))
    assert frame.index.tolist() == [2, 3, 4, 5]
    assert frame.to_dict("list") == {  # row 4: the later header, left to be ignored
        "stt": [1, "002", "STT", "003"], "model": ["Tủ sách", "Nụ cười", "Tên mô hình", "Ánh sáng"],
        "field": ["KT", "VH", "Lĩnh vực", "KT"], "position": ["", "", "", "Tổ trưởng"]}


def test_a_lower_header_row_shorter_or_longer_than_the_upper_is_labelled():
    grid = [["Tên mô hình", "Thông tin"], ["", "Lĩnh vực", "Cột X"], ["A", "KT", "y"]]
    assert column_labels(data(grid=grid)) == {
        "model": "Tên mô hình", "field": "Thông tin / Lĩnh vực", "[Cột X]": "Cột X"}


def test_a_required_columns_empty_cell_takes_its_twins_value_as_read_or_as_shown():
    # ``Tên mô hình`` and ``Lĩnh vực`` twice (D, E: twins); a text column takes what Excel shows
    # of its twin (``300`` under ``0000``), a coded one the value as read (``1`` shown ``01``)
    grid = [["Mã đơn vị: Q-DD"],
            ["STT", "Tên mô hình", "Lĩnh vực", "Tên mô hình", "Lĩnh vực", "Ghi chú"],
            [1, "", None, 300, 1.0, ""], [2, "Nụ cười", "VH", "Khác", "KT", 5],
            [3, "", "", "", "", ""], [4, " ", "KT", "Tủ sách", "", 7]]
    frame = raw_rows(data(grid=grid, shown={(2, 3): "0300", (2, 4): "01", (3, 5): "05"}))
    assert frame.index.tolist() == [3, 4, 5, 6]
    assert frame[["model", "field", "note"]].values.tolist() == [
        ["0300", 1.0, ""], ["Nụ cười", "VH", "05"], ["", "", ""], ["Tủ sách", "KT", 7]]
    assert frame[["[Tên mô hình]", "[Lĩnh vực]"]].values.tolist() == [
        ["0300", "01"], ["Khác", "KT"], ["", ""], ["Tủ sách", ""]]


@pytest.mark.parametrize("cells, plainly", [
    (["5", "Mô hình A", "", "Chủ tịch CĐCS"], True),   # an STT number and a model
    (["", "", "Kinh tế", "Chủ tịch"], True),           # a field read
    (["5", "Mô hình A"], True),                       # a short row: its missing cells blank
    (["5"], False),                                   # an STT number without a model
    (["", "Mô hình A", "", ""], False),               # a model without an STT number
    (["", "Người lập biểu", "", ""], False),
    (["Tổng cộng", "", "Bóng đá", ""], False),        # a field not read: no registration
])
def test_a_row_is_plainly_a_registration_by_its_field_or_its_stt_and_model(cells, plainly):
    """:func:`thidua.ingest.rows._plainly_data`, which section headings are given (never the
    signature block's first row nor totals), on rows written here (the re-run of 30/11 late
    evening: the rows of the module's map never told its cases apart)."""
    from thidua.ingest.rows import _plainly_data

    part = find_table([["STT", "Tên mô hình", "Lĩnh vực", "Chức vụ"]])
    assert _plainly_data(part)(cells) is plainly


def test_section_headings_type_registrations_past_a_chairman_and_never_a_header_again():
    """:func:`thidua.ingest.rows._section_types` on a grid written here: a registration whose
    ``Chức vụ`` is ``Chủ tịch CĐCS`` keeps the heading's type (no signature line), a row
    holding just the form's marker headers (``Tên mô hình`` | ``Lĩnh vực``) is a header again
    and takes none; a type given by tick boxes leaves headings unread (the re-run of 30/11
    late evening: none of these was in the module's map)."""
    from thidua.ingest.rows import _section_types

    header = ["STT", "Tên mô hình", "Lĩnh vực", "Chức vụ"]
    grid = [["I. TẬP THỂ"], header, ["1", "Mô hình A", "Kinh tế", "Chủ tịch CĐCS"],
            ["", "Tên mô hình", "Lĩnh vực"], ["2", "Mô hình B", "Kinh tế", ""]]
    assert _section_types(grid, find_table(grid), 2, 5) == ["Tập thể", "", "Tập thể"]
    ticked = [["I. TẬP THỂ"], ["Tên mô hình", "Lĩnh vực", "Hình thức", ""],
              ["", "", "Tập thể", "Cá nhân"], ["A", "KT", "x", ""], ["B", "VH", "", "X"]]
    assert _section_types(ticked, find_table(ticked), 3, 5) is None


def test_title_lines_below_the_header_join_the_title_block_read_once():
    """:func:`thidua.ingest.rows.title_line_rows` and :func:`title_rows` on a grid written
    here (the re-run of 30/11 late evening: only files read by the parsing worker had title
    lines below the header): a ``Năm:`` line below the header joins the title block unless
    ``below`` is false; a unit's name alone is a title line with the registry's names, not
    read as a title label."""
    from helpers import HEADER, row as registration
    from thidua.ingest.rows import title_line_rows, title_rows

    grid = [["Mã đơn vị: Q-BD"], HEADER, ["Năm: 2024"], registration(),
            ["Liên đoàn Lao động quận Ba Đình"]]
    sheet = SheetData("DS", grid, find_table(grid))
    names = (("Q-BD", "Liên đoàn Lao động quận Ba Đình"),)
    assert (title_line_rows(sheet), title_line_rows(sheet, names)) == ((3,), (3, 5))
    assert title_rows(sheet) == title_rows(sheet, names) == [["Mã đơn vị: Q-BD"], ["Năm: 2024"]]
    assert title_rows(sheet, below=False) == [["Mã đơn vị: Q-BD"]]


@pytest.mark.parametrize("value, shown, read", [
    (dt.datetime(2024, 12, 5, 16, 40), None, "05/12/2024 16:40"),  # a date-time: its time kept
    (dt.datetime(2024, 12, 5), None, dt.datetime(2024, 12, 5)),     # midnight: the date alone
    (dt.datetime(2024, 12, 5, 16, 40), "05/12/2024", "05/12/2024"),  # as Excel shows it
    (2024, None, 2024), ("Năm: 2024", None, "Năm: 2024"), (2024, "2024", "2024"),
    (2024, "2,024.00", 2024), (2024.0, "202400%", 2024), (2024, "(2.024)", 2024),
    (2024, "-2024", 2024), (2024, "+2024", 2024), (2024, "2 024", 2024),
    (2024, "Năm 2024", "Năm 2024"),           # words around the number: as shown
    (2024.5, "2,024.50", "2,024.50"),         # no whole number
    ("2024", "2,024.00", "2,024.00"),         # a text cell
    (True, "1.00", "1.00"),                   # a tick box is no number
])
def test_a_title_cell_reads_as_shown_but_a_decorated_whole_number_as_itself(value, shown, read):
    got = _title_shown(value, shown)
    assert (got, type(got)) == (read, type(read))


def test_a_unit_s_name_below_the_header_joins_the_title_only_with_the_registry_s_names():
    from helpers import HEADER, row as registration

    grid = [["Mã đơn vị: Q-BD"], HEADER, ["Liên đoàn Lao động quận Ba Đình"], registration()]
    sheet = SheetData("DS", grid, find_table(grid))
    names = (("Q-BD", "Liên đoàn Lao động quận Ba Đình"),)
    assert title_rows(sheet, names) == [["Mã đơn vị: Q-BD"], ["Liên đoàn Lao động quận Ba Đình"]]
    assert title_rows(sheet) == [["Mã đơn vị: Q-BD"]]


def test_a_title_cell_is_read_as_excel_shows_it():
    assert title_rows(data(shown={(0, 3): "12/03/2023"})) == [["Mã đơn vị: Q-DD", "12/03/2023"]]


def test_the_header_of_a_column_read_as_the_type_by_its_values():
    from corpus_rows import HEADER as FORM, regs
    from thidua.ingest.rows import type_column_headers

    rows = regs(4)
    for row, kind in zip(rows, ["Tập thể", "Cá nhân", "TT", "CN"]):
        row[3] = kind
    grid = [[*FORM[:3], "Kiểu đăng ký", *FORM[4:]], *rows]
    assert type_column_headers(SheetData("DS", grid, find_table(grid))) == ["Kiểu đăng ký"]


def test_tick_boxes_for_the_type_leave_nothing_to_the_position():
    from thidua.ingest.rows import type_from_position

    head = ["Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "Chức vụ"]
    ticked = [[*head, "Hình thức", ""], ["", "", "", "", "Tập thể", "Cá nhân"],
              ["A", "KT", "Nguyễn Văn An", "Chủ tịch", "", "x"]]
    plain = [head, ["A", "KT", "Nguyễn Văn An", "Chủ tịch"]]
    assert [type_from_position(SheetData("DS", g, find_table(g))) for g in (ticked, plain)] == [
        False, True]


# --- what a sheet's name fills in, and a type column its section headings overrule ---------
# (in this process: ``ingest_file`` runs them in the parsing worker)
NAMED = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ"]


def named_row(stt, model, field, type_, registrant, position=None) -> list:
    return [stt, model, field, type_, registrant, position]


NAMED_ROWS = [named_row(1, "Tủ sách", "", "Tập thể", "Tổ công đoàn 1"),
              named_row(2, "Chợ phiên", "ANQP", "", "Mai Xuân Trường", "Tổ trưởng"),
              named_row(3, "Góc đọc", "  ", "Cá nhân", "Trịnh Thị Yến"),
              named_row(None, "Cộng", None, None, "2 mô hình"),
              named_row(4, None, None, None, "Lê Văn C"),
              named_row(5, "Mô hình", None, None, " ")]


@pytest.mark.parametrize("name, filled, written", [
    ("Kinh tế", {"field": ("Kinh tế", [2, 4])}, {}),
    ("1. Kinh te", {"field": ("Kinh tế", [2, 4])}, {}),
    ("Tập thể", {"type": ("Tập thể", [3])}, {"type": "Tập thể"}),
    ("Cá nhân", {"type": ("Cá nhân", [3])}, {"type": "Cá nhân"}),
    ("DS", {}, {}),
    # a sheet holding another field or type than its name's fills nothing (tester G's 206, 404)
    ("Kinh tế", {}, {"field": "ANQP"}),
    ("Tập thể", {}, {}),
])
def test_a_sheet_s_name_fills_the_blank_field_or_type_of_rows_with_model_and_registrant(
        name, filled, written):
    """Rows 2 and 4 (Excel) leave ``Lĩnh vực`` blank (4: spaces), row 3 ``Hình thức``; the
    totals line (``Cộng`` | ``2 mô hình``), a row without model or without registrant take
    nothing. ``written``: the filled cells' value (``Lĩnh vực`` of row 3, ``Hình thức`` of
    rows 2 and 4), ``KT`` and ``Tập thể``/``Cá nhân`` when not said."""
    from thidua.ingest.rows import name_filled_rows
    rows = [list(r) for r in NAMED_ROWS]
    rows[1][2] = written.get("field", "KT")
    if "type" in written:
        rows[0][3] = rows[2][3] = written["type"]
    grid = [NAMED, *rows]
    assert name_filled_rows(SheetData(name, grid, find_table(grid))) == filled


def test_a_sheet_s_name_fills_the_rows_of_each_part_and_not_a_column_the_table_lacks():
    from thidua.ingest.rows import name_filled_rows
    lower = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Ghi chú"]
    grid = [NAMED, named_row(1, "Tủ sách", "", "Tập thể", "Tổ công đoàn 1"), [], lower,
            [1, "Chợ phiên", None, "Cá nhân", "Mai Xuân Trường", "ghi"]]
    sheet = SheetData("Kinh tế", grid, find_table(grid))
    assert name_filled_rows(sheet) == {"field": ("Kinh tế", [2, 5])}
    # no ``Hình thức`` column (the sheet's name types the rows otherwise: type_from_name):
    # nothing filled here
    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân"],
            [1, "Tủ sách", "KT", "Tổ công đoàn 1"]]
    assert name_filled_rows(SheetData("Tập thể", grid, find_table(grid))) == {}


def test_a_sheet_named_for_a_type_fills_no_type_under_section_headings_naming_one():
    from thidua.ingest.rows import name_filled_rows
    rows = [named_row(1, "Tủ sách", "KT", "", "Tổ công đoàn 1"),
            named_row(2, "Chợ phiên", "KT", "", "Mai Xuân Trường", "Tổ trưởng")]
    grid = [NAMED, ["I. TẬP THỂ"], rows[0], ["II. CÁ NHÂN"], rows[1]]
    assert name_filled_rows(SheetData("Tập thể", grid, find_table(grid))) == {}
    grid = [NAMED, *rows]
    assert name_filled_rows(SheetData("Tập thể", grid, find_table(grid))) == {
        "type": ("Tập thể", [2, 3])}
    # a short row (no cell in the type column) is blank there
    grid = [NAMED, [1, "Tủ sách", "KT", "Cá nhân", "Trần Thị B"], [2, "Chợ phiên", "KT"]]
    assert name_filled_rows(SheetData("Tập thể", grid, find_table(grid))) == {}
    grid = [[*NAMED[:3], "Tên tập thể/cá nhân", "Hình thức"], [1, "Tủ sách", "KT", "Trần B"]]
    assert name_filled_rows(SheetData("Tập thể", grid, find_table(grid))) == {
        "type": ("Tập thể", [2])}


@pytest.mark.parametrize("model, registrant, named", [
    ("Tủ sách", "Trần Thị B", True), ("Cộng", "3 mô hình", False), (" ", "Trần Thị B", False),
    ("Tủ sách", None, False), (None, None, False), ("Tủ sách", float("nan"), False)])
def test_a_row_takes_the_sheet_s_name_with_model_and_registrant_and_no_totals(
        model, registrant, named):
    from thidua.ingest.rows import _named_row
    assert _named_row(model, registrant) is named


def headed(header: str, said: list[str], top=()) -> list[list]:
    """Two collectives under ``I. TẬP THỂ``, two individuals under ``II. CÁ NHÂN``, the
    column ``header`` saying ``said`` (fresh tester E's 202)."""
    head = ["STT", "Tên mô hình", "Lĩnh vực", header, "Tên tập thể/cá nhân", "Chức vụ"]
    rows = [[1, "Tủ sách công nhân khu trọ", "Kinh tế", said[0], "Tổ công đoàn số 1", ""],
            [2, "Sân chơi cho con công nhân", "VHXH", said[1], "Công đoàn Trường A", ""],
            [1, "Tiết kiệm điện nơi làm việc", "ANQP", said[2], "Nguyễn Văn An", "Tổ trưởng"],
            [2, "Góc đọc sách công nhân", "XDHTCT", said[3], "Trần Thị Bình", "Kế toán"]]
    return [*top, head, ["I. TẬP THỂ"], *rows[:2], ["II. CÁ NHÂN"], *rows[2:]]


@pytest.mark.parametrize("header, said, overruled", [
    ("Đối tượng", ["Tập thể"] * 4, ["Đối tượng"]),  # a weak header
    ("Kiểu đăng ký", ["Tập thể"] * 4, ["Kiểu đăng ký"]),  # read by its values
    ("Kiểu đăng ký", ["Tập thể"] * 2 + ["Cá nhân"] * 2, []),  # agreeing
    ("Hình thức", ["Tập thể"] * 4, []),  # the form's own header: never overruled
    ("Kiểu đăng ký", ["Tập thể"] * 2 + ["TT", "TT"], ["Kiểu đăng ký"]),  # an abbreviation
])
def test_section_headings_overrule_a_type_column_read_by_its_values_or_a_weak_header(
        header, said, overruled):
    from thidua.ingest.rows import overruled_type_headers
    grid = headed(header, said)
    sheet = SheetData("DS", grid, find_table(grid))
    assert overruled_type_headers(sheet) == overruled
    types = raw_rows(sheet)["type"].tolist()
    assert types == (["", "Tập thể", "Tập thể", "", "Cá nhân", "Cá nhân"] if overruled or
                     said[2] == "Cá nhân" else ["", *said[:2], "", *said[2:]])


def test_headings_first_keeps_the_column_without_headings_or_without_a_type_column():
    from dataclasses import replace

    from thidua.ingest.rows import _headings_first
    grid = headed("Đối tượng", ["Tập thể"] * 4)
    part = find_table(grid)
    # without headings: the rows between them only
    assert _headings_first(grid, part, 2, 4) is part
    assert _headings_first(grid, part, 1, 7).columns == {0: "stt", 1: "model", 2: "field",
                                                         4: "registrant", 5: "position"}
    assert _headings_first(grid, part, 1, 7).unknown == {3: "Đối tượng"}
    no_type = replace(part, columns={c: n for c, n in part.columns.items() if n != "type"})
    assert _headings_first(grid, no_type, 1, 7) is no_type


def test_headings_first_reads_each_row_against_its_own_heading_below_title_rows():
    """Title rows above the header: the rows from ``start`` only, each with its heading's
    type; the column agreeing with them stays."""
    from thidua.ingest.rows import _headings_first
    top = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], ["DANH SÁCH"]]
    grid = headed("Đối tượng", ["Tập thể", "Tập thể", "Cá nhân", "Cá nhân"], top=top)
    part = find_table(grid)
    assert part.header_rows == (3,)
    assert _headings_first(grid, part, 4, 10) is part
    grid = headed("Đối tượng", ["Tập thể"] * 4, top=top)
    assert 3 not in _headings_first(grid, find_table(grid), 4, 10).columns


def test_headings_first_reads_a_value_that_is_exactly_a_type_and_a_short_row_as_blank():
    from thidua.ingest.rows import _headings_first
    # under II. CÁ NHÂN one value a type not read exactly (a misspelling): no contradiction
    grid = headed("Đối tượng", ["Tập thể", "Tập thể", "Cá nhân", "tap the x"])
    assert _headings_first(grid, find_table(grid), 1, 7) is not None
    assert 3 in _headings_first(grid, find_table(grid), 1, 7).columns
    # the contradicting rows are short (no cell in the column): nothing contradicts
    grid = headed("Đối tượng", ["Tập thể", "Tập thể", "Cá nhân", "Cá nhân"])
    grid[5], grid[6] = grid[5][:3], grid[6][:3]
    assert 3 in _headings_first(grid, find_table(grid), 1, 7).columns


def test_an_overruled_header_over_two_rows_is_said_whole_and_once():
    from thidua.ingest.rows import overruled_type_headers
    grid = headed("Đối tượng", ["Tập thể"] * 4)
    two = [grid[0], ["", "(ghi ngắn gọn)", "", "(phục vụ)", "", ""], *grid[1:]]
    sheet = SheetData("DS", two, find_table(two))
    assert sheet.table.header_rows == (0, 1)
    assert overruled_type_headers(sheet) == ["Đối tượng (phục vụ)"]
    # a lower header row short of the column: the upper row's text alone
    two[1] = ["(1)", "(2)", "(3)"]
    sheet = SheetData("DS", two, find_table(two))
    assert sheet.table.header_rows == (0, 1)
    assert overruled_type_headers(sheet) == ["Đối tượng"]


def test_a_header_overruled_in_two_parts_of_the_sheet_is_said_once():
    from thidua.ingest.rows import overruled_type_headers
    first = headed("Đối tượng", ["Tập thể"] * 4)
    second = headed("Đối tượng", ["Tập thể"] * 4)
    second[0] = [*second[0], "Ghi chú"]  # another table: a part of its own
    grid = [*first, [], *second]
    sheet = SheetData("DS", grid, find_table(grid))
    from thidua.ingest.table import table_parts
    assert len(table_parts(grid, sheet.table, len(grid))) == 2
    assert overruled_type_headers(sheet) == ["Đối tượng"]
    second[0][3] = "Đối tượng phục vụ"
    grid = [*first, [], *second]
    assert overruled_type_headers(SheetData("DS", grid, find_table(grid))) == [
        "Đối tượng", "Đối tượng phục vụ"]
