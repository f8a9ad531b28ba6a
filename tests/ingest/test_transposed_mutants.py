"""A table written on its side, in this process (:mod:`thidua.ingest.transposed`; the
file-reading tests of ``test_transposed_table.py`` run it in the parsing worker, which a
mutation run cannot see): the label rows, the blocks, a column read as a whole form or as
labels, the grid rewritten, the facts moved, the notes word for word (issue 14)."""

from __future__ import annotations

import pytest

from thidua.ingest.cellfacts import SheetFacts
from thidua.ingest.transposed import (MIN_LABELS, Block, _blocks, _holds_labels, _label, _whole,
                                      as_table, misfit_reason, sideways, turned_facts,
                                      turned_note)

LABELS = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"]


def column(i: int, stt: object = None) -> list[object]:
    return [i if stt is None else stt, f"Mô hình số {i}", "Kinh tế", "Tập thể",
            f"Tổ công đoàn {i}"]


def on_side(n: int, labels: list[str] = LABELS, lead: int = 0, first: int = 1,
            stts: list[object] | None = None) -> list[list[object]]:
    """``n`` registrations on their side, the labels in column ``lead``."""
    cols = [column(i, None if stts is None else stts[i - first])
            for i in range(first, first + n)]
    return [[None] * lead + [label] + [c[LABELS.index(label)] for c in cols]
            for label in labels]


@pytest.mark.parametrize(("row", "label"), [
    (["Tên mô hình", "X"], (0, "model")),
    (["Tên mô hình:", "X"], (0, "model")),
    (["Tên mô hình :", "X"], (0, "model")),
    (["1.", "Tên mô hình", "X"], (1, "model")),  # a numbering alone before the label
    (["1.", "Tên mô hình"], (1, "model")),
    ([None, "", "Lĩnh vực", 3], (2, "field")),
    (["STT", 1, 2], (0, "stt")),
    (["TT"], (0, "stt")),
    (["Ghi chú"], (0, "note")),
    (["Mã đơn vị", "Q-BD"], None),  # the unit's code is no line of a registration
    (["1."], None),
    ([2024, "Tên mô hình"], None),  # a number first is no numbering before a label here
    ([None, None], None),
    ([], None),
    (["Người lập biểu", "Tên mô hình"], None),
])
def test_a_row_s_label(row, label):
    assert _label(row) == label


def test_a_numbering_alone_is_passed_over_only_before_another_cell():
    assert _label(["a)", "Hình thức", "Tập thể"]) == (1, "type")
    assert _label(["II.", "Kết quả"]) == (1, "result")
    assert _label(["Kết quả", "1."]) == (0, "result")


def test_the_runs_of_label_rows():
    grid = [["Người lập"], *on_side(2), [], ["Ghi lại"], *on_side(2)[:2]]
    assert _blocks(grid) == [Block(0, ((1, "stt"), (2, "model"), (3, "field"), (4, "type"),
                                       (5, "registrant")), (1, 2))]
    # blank rows between labels are part of the run; a line that is no label ends it
    gapped = [on_side(2)[0], [], [None, None], *on_side(2)[1:3]]
    assert _blocks(gapped) == [Block(0, ((0, "stt"), (3, "model"), (4, "field")), (1, 2))]
    ended = [*on_side(2)[:2], ["Ghi lại"], *on_side(2)[2:]]
    assert _blocks(ended) == [Block(0, ((3, "field"), (4, "type"), (5, "registrant")), (1, 2))]


def test_a_label_given_twice_or_in_another_column_starts_a_new_run():
    twice = [*on_side(2, LABELS[1:4]), *on_side(3, LABELS[1:4])]
    assert _blocks(twice) == [
        Block(0, ((0, "model"), (1, "field"), (2, "type")), (1, 2)),
        Block(0, ((3, "model"), (4, "field"), (5, "type")), (1, 2, 3))]
    moved = [*on_side(2, LABELS[:3]), *on_side(2, LABELS[3:], lead=1)]
    assert _blocks(moved) == [Block(0, ((0, "stt"), (1, "model"), (2, "field")), (1, 2))]
    assert _blocks([*on_side(2, LABELS[:2]), *on_side(2, LABELS[2:], lead=1)]) == [
        Block(1, ((2, "field"), (3, "type"), (4, "registrant")), (2, 3))]


def test_a_block_from_three_labels():
    assert MIN_LABELS == 3
    assert _blocks(on_side(2, LABELS[1:3])) == []
    assert _blocks(on_side(2, LABELS[1:4])) == [
        Block(0, ((0, "model"), (1, "field"), (2, "type")), (1, 2))]


def test_a_block_s_columns_are_every_column_right_of_its_labels_with_a_value():
    grid = [[None, "STT", 1, None, 2], [None, "Tên mô hình", "A", " ", "B", None, "C"],
            ["x", "Lĩnh vực", "KT"]]
    (block,) = _blocks(grid)
    assert block.columns == (2, 4, 6)
    assert block.given(grid, 2) == {"stt": 1, "model": "A", "field": "KT"}
    assert block.given(grid, 3) == {}
    assert block.given(grid, 6) == {"model": "C"}  # the rows shorter than column 6 left out
    assert (block.first, block.last) == (0, 2)


@pytest.mark.parametrize(("given", "whole"), [
    ({"model": "A", "field": "Kinh tế", "type": "Tập thể"}, True),
    ({"model": "A", "field": "Kinh tế", "registrant": "B"}, True),
    ({"model": "A", "type": "Cá nhân", "registrant": "B"}, True),
    ({"field": "Kinh tế", "type": "Tập thể", "registrant": "B"}, False),  # no model
    ({"model": "A", "field": "Kinh tế", "position": "Chủ tịch"}, False),  # two of NEEDED
    ({"model": "A", "field": "KT, VHXH, ANQP, XDHTCT", "type": "Tập thể hoặc Cá nhân",
      "registrant": "Ghi tên"}, False),  # a column guide
])
def test_a_column_read_as_a_whole_form(given, whole):
    assert _whole(given) is whole


def test_a_column_holding_labels_itself():
    block = Block(0, ((0, "model"), (1, "field"), (2, "type"), (3, "level")), (1, 2, 3))
    grid = [["Tên mô hình", "A", "Tên mô hình", "B"],
            ["Lĩnh vực", "KT", "Lĩnh vực:", "Kết quả"],
            ["Hình thức", "TT", "Kinh tế", "TT"],  # TT: the type collective, not STT
            ["Cấp công đoàn", "CĐCS", "", "CĐCS"]]  # CĐCS: the level, not the union's name
    assert _holds_labels(grid, block, 2) is True
    assert _holds_labels(grid, block, 1) is False
    assert _holds_labels(grid, block, 3) is False  # one label (Kết quả) only
    assert _holds_labels(grid, block, 4) is False  # past every row
    # a header typed in a coded row that reads as no value of it is a label
    grid[2][3] = "Chức vụ"
    assert _holds_labels(grid, block, 3) is True
    # a label in the model's row counts whatever it reads as
    grid[2][3], grid[0][3] = "TT", "Ghi chú"
    assert _holds_labels(grid, block, 3) is True
    # a number is no label
    grid[0][3], grid[1][3] = 5, 6
    assert _holds_labels(grid, block, 3) is False


def test_two_whole_columns_make_a_table_on_its_side_one_does_not():
    assert [b.columns for b in sideways(on_side(2))] == [(1, 2)]
    assert sideways(on_side(1)) == []
    half = on_side(2)
    half[1][2] = None  # column C without its model: one whole column
    assert sideways(half) == []
    assert as_table(half) is None


def test_a_second_form_beside_the_first_is_no_table_on_its_side():
    grid = [row + [label] + [value] for row, label, value in
            zip(on_side(2, LABELS[1:]), LABELS[1:], ["C", "Kinh tế", "Tập thể", "D"])]
    assert sideways(grid) == []
    assert sideways([row[:3] for row in grid]) != []


def test_a_block_with_a_whole_column_left_as_forms_leaves_every_block():
    one = [["Tên mô hình", "Góc đọc sách"], ["Lĩnh vực", "VHXH"], ["Hình thức", "Tập thể"],
           ["Tên tập thể/cá nhân", "Tổ 9"]]
    assert sideways([*on_side(3), ["Phiếu bổ sung"], *one]) == []
    # a block whose columns read as no form stays, the block on its side is turned
    guide = [["Tên mô hình", "Ghi tên"], ["Lĩnh vực", "KT, VHXH"], ["Hình thức", "TT hoặc CN"]]
    turned = sideways([*on_side(3), ["Hướng dẫn"], *guide])
    assert [(b.first, b.last) for b in turned] == [(0, 4)]
    # two blocks on their side are both turned
    both = sideways([*on_side(2), ["Phần 2"], *on_side(2, first=3)])
    assert [(b.first, b.last, b.columns) for b in both] == [(0, 4, (1, 2)), (6, 10, (1, 2))]


def test_the_grid_rewritten_under_its_title():
    grid = [["Mã đơn vị: Q-BD"], [], *on_side(2, stts=["1.", 7]), [], ["Người lập biểu"]]
    t = as_table(grid, "DS")
    assert (t.first, t.last, t.placed, t.error) == (2, 6, ((1, 3), (2, 4)), None)
    assert t.grid == [
        ["Mã đơn vị: Q-BD", "", "", "", ""], ["", "", "", "", ""],
        ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"],
        ["1.", "Mô hình số 1", "Kinh tế", "Tập thể", "Tổ công đoàn 1"],
        [7, "Mô hình số 2", "Kinh tế", "Tập thể", "Tổ công đoàn 2"],
        ["", "", "", "", ""], ["", "", "", "", ""], ["", "", "", "", ""],
        ["Người lập biểu", "", "", "", ""]]
    assert t.moved == {(r, c): (2 + c, r - 2) for r in range(2, 7) for c in (1, 2)}


def test_the_table_s_columns_are_the_needed_ones_first_then_the_labels_in_order():
    labels = ["Ghi chú", "Tên tập thể/cá nhân", "STT", "Kết quả", "Tên mô hình", "Lĩnh vực",
              "Hình thức"]
    values = {"Ghi chú": "Ghi", "Kết quả": "Hoàn thành"}
    grid = [[label, *(values.get(label) or column(i)[LABELS.index(label)] for i in (1, 2))]
            for label in labels]
    t = as_table(grid)
    assert t.grid[0] == ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
                         "Ghi chú", "Kết quả"]
    assert t.grid[1] == [1, "Mô hình số 1", "Kinh tế", "Tập thể", "Tổ công đoàn 1", "Ghi",
                         "Hoàn thành"]
    assert t.moved[(0, 2)] == (2, 5) and t.moved[(2, 2)] == (2, 0) and t.moved[(6, 1)] == (1, 3)


def test_without_stt_the_registrations_are_numbered_and_a_missing_needed_column_is_empty():
    grid = on_side(2, LABELS[1:4])
    t = as_table(grid)
    assert t.grid == [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"],
                      [1, "Mô hình số 1", "Kinh tế", "Tập thể", ""],
                      [2, "Mô hình số 2", "Kinh tế", "Tập thể", ""]]
    assert (t.first, t.last) == (0, 2)


def test_more_registrations_than_rows_take_the_empty_rows_below_and_add_rows():
    grid = [*on_side(6, LABELS[1:4]), [], [], [None, None], [], []]  # 6 under 3 labels
    t = as_table(grid)
    assert t.error is None and (t.first, t.last) == (0, 6)
    assert [r[1] for r in t.grid] == ["Tên mô hình", *(f"Mô hình số {i}" for i in range(1, 7)),
                                     ""]
    short = as_table(on_side(6, LABELS[1:4]))  # to the sheet's end: rows added
    assert short.error is None and len(short.grid) == 7
    assert short.grid[6][:2] == [6, "Mô hình số 6"]
    exact = as_table([*on_side(3, LABELS[1:4]), [], ["Người lập biểu"]])  # the last blank row
    assert exact.error is None and exact.grid[3][:2] == [3, "Mô hình số 3"]
    assert exact.grid[4][0] == "Người lập biểu" and exact.last == 3
    assert as_table([*on_side(4, LABELS[1:4]), [], ["Người lập biểu"]]).error is not None
    # the blank rows to the sheet's last one are taken (4 under 3 labels and 2 blank rows)
    last = as_table([*on_side(4, LABELS[1:4]), [], [None, " "]])
    assert last.error is None and last.grid[4][:2] == [4, "Mô hình số 4"]
    assert len(last.grid) == 5


def test_registrations_that_do_not_fit_above_a_signature_reject_the_sheet():
    grid = [["Tiêu đề"], *on_side(5, LABELS[1:4]), [], ["Người lập biểu"]]
    t = as_table(grid, "DS")
    assert t.error is not None and str(t.error) == (
        "Trang 'DS' ghi bảng bị xoay ngang (tên cột ghi dọc ở cột A, mỗi đăng ký một cột): có 5 "
        "cột đăng ký từ dòng 2 đến dòng 4, không đọc chắc chắn được thành bảng. Đề nghị ghi lại "
        "theo bảng của biểu DVK-01 (mỗi đăng ký một dòng; trong Excel: chép vùng bảng, Dán đặc "
        "biệt > Hoán đổi) rồi gửi lại.")
    assert t.placed == tuple((c, 1 + c) for c in range(1, 6)) and t.moved == {}
    assert all(row == [""] * 6 for row in t.grid[2:])  # the signature's row too, to the last
    assert t.grid[1] == ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
                         ""]
    assert (t.first, t.last) == (1, 6)


def test_the_grid_keeps_its_width_when_wider_than_the_table():
    grid = [[*row, None, None, None, "x"] if i == 0 else row
            for i, row in enumerate(on_side(2, LABELS[1:4]))]
    t = as_table(grid)
    assert all(len(row) == 7 for row in t.grid)
    assert t.grid[0] == ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
                         "", ""]
    assert t.grid[2] == [2, "Mô hình số 2", "Kinh tế", "Tập thể", "", "", ""]


def test_the_notes_word_for_word():
    placed = tuple((c, 6 + c) for c in range(1, 8))
    assert turned_note("DS", 1, placed) == (
        "Trang 'DS' ghi bảng bị xoay ngang (tên cột ghi dọc ở cột B, mỗi đăng ký một cột), "
        "không theo bảng: mỗi cột đã đọc là một đăng ký: cột B (ghi là dòng 8), cột C (ghi là "
        "dòng 9), cột D (ghi là dòng 10), cột E (ghi là dòng 11), cột F (ghi là dòng 12) và 2 "
        "cột khác; các thông báo lỗi ghi dòng trong ngoặc. Đề nghị lần sau ghi theo bảng của "
        "biểu DVK-01, mỗi đăng ký một dòng.")
    assert turned_note("", 0, placed[:5]) == (
        "Tệp ghi bảng bị xoay ngang (tên cột ghi dọc ở cột A, mỗi đăng ký một cột), không theo "
        "bảng: mỗi cột đã đọc là một đăng ký: cột B (ghi là dòng 8), cột C (ghi là dòng 9), "
        "cột D (ghi là dòng 10), cột E (ghi là dòng 11), cột F (ghi là dòng 12); các thông báo "
        "lỗi ghi dòng trong ngoặc. Đề nghị lần sau ghi theo bảng của biểu DVK-01, mỗi đăng ký "
        "một dòng.")
    blocks = [Block(2, ((4, "model"),), (3,)), Block(0, ((9, "type"),), (1,))]
    assert misfit_reason("", blocks, 12) == (
        "Tệp ghi bảng bị xoay ngang (tên cột ghi dọc ở cột C, mỗi đăng ký một cột): có 12 cột "
        "đăng ký từ dòng 5 đến dòng 10, không đọc chắc chắn được thành bảng. Đề nghị ghi lại "
        "theo bảng của biểu DVK-01 (mỗi đăng ký một dòng; trong Excel: chép vùng bảng, Dán đặc "
        "biệt > Hoán đổi) rồi gửi lại.")
    assert turned_note("", 0, placed[:6]).endswith(
        "cột F (ghi là dòng 12) và 1 cột khác; các thông báo lỗi ghi dòng trong ngoặc. Đề nghị "
        "lần sau ghi theo bảng của biểu DVK-01, mỗi đăng ký một dòng.")
    assert as_table(on_side(2)).note.startswith("Tệp ghi bảng bị xoay ngang")  # no sheet name
    t = as_table([[None], *on_side(2, lead=2)], "S")
    assert t.note.startswith("Trang 'S' ghi bảng bị xoay ngang (tên cột ghi dọc ở cột C,")
    assert "cột D (ghi là dòng 3), cột E (ghi là dòng 4);" in t.note


def test_the_facts_follow_the_values_and_a_hidden_column_hides_its_row():
    moved = {(5, 1): (1, 1), (6, 1): (1, 2), (5, 3): (3, 1), (6, 3): (3, 2)}
    sheet = SheetFacts(hidden_columns=(3, 9), shown={(6, 1): "01/2024", (0, 0): "x"},
                       formulas={(5, 3): "=A1", (9, 9): "=B2"}, values={(6, 3): 5},
                       errors={(5, 1): "#N/A", (8, 8): "#REF!"},
                       struck=frozenset({(6, 3), (7, 7)}), unstruck={(5, 3): "Tập thể"})
    kept = SheetFacts(hidden=((20, 22),), shown={(0, 0): "kept"}, formulas={(0, 1): "=C3"},
                      values={(0, 2): 1}, errors={(0, 3): "#DIV/0!"},
                      struck=frozenset({(0, 4)}), unstruck={(0, 5): "A"}, filtered=True,
                      merges=((0, 0, 0, 3),), hidden_columns=(2,))
    out = turned_facts(sheet, kept, ((1, 1), (3, 3), (4, 4), (9, 5)), moved)
    assert out.hidden_columns == ()
    assert out.hidden == ((3, 4), (5, 6), (20, 22))
    assert out.shown == {(0, 0): "kept", (1, 2): "01/2024"}
    assert out.formulas == {(0, 1): "=C3", (3, 1): "=A1"}
    assert out.values == {(0, 2): 1, (3, 2): 5}
    assert out.errors == {(0, 3): "#DIV/0!", (1, 1): "#N/A"}
    assert out.struck == frozenset({(0, 4), (3, 2)})
    assert out.unstruck == {(0, 5): "A", (3, 1): "Tập thể"}
    assert out.filtered is True and out.merges == ((0, 0, 0, 3),)
    # the rows of consecutive hidden columns as one range
    both = turned_facts(SheetFacts(hidden_columns=(1, 2)), SheetFacts(),
                        ((1, 7), (2, 8)), {})
    assert both.hidden == ((7, 9),)
