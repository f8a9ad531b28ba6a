"""A coded column given as tick boxes (``Hình thức`` over ``Tập thể`` | ``Cá nhân`` marked ``x``):
every registration counts, a row with no mark or two marks is rejected saying so."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs, titled
from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.marks import is_marked
from thidua.ingest.read import column_labels, parse_sheet, raw_rows

TYPE_COL = HEADER.index("Hình thức")
FIELD_COL = HEADER.index("Lĩnh vực")
RESULT_COL = HEADER.index("Kết quả")
LEVEL_COL = HEADER.index("Cấp công đoàn")


def ticked(rows: list[list], col: int, choices: list[str], mark: str = "x",
           marks: dict[int, list[str]] | None = None) -> list[list]:
    """``rows`` with column ``col`` replaced by one tick box per choice: the box of the row's
    own value holds ``mark`` (``marks`` gives other boxes' contents for a row index)."""
    out = []
    for i, row in enumerate(rows):
        boxes = [mark if row[col] == choice else None for choice in choices]
        if marks and i in marks:
            boxes = marks[i]
        out.append(row[:col] + boxes + row[col + 1:])
    return out


def two_row_sheet(rows: list[list], col: int, choices: list[str], parent: str,
                  code: str = "S-01", merge_parent: bool = True) -> Sheet:
    """A sheet whose header is two rows: ``parent`` over the choices (merged when
    ``merge_parent``), every other header merged down over both rows."""
    header = HEADER[:col] + [parent] + [None] * (len(choices) - 1) + HEADER[col + 1:]
    sub = [None] * col + list(choices) + [None] * (len(HEADER) - col - 1)
    sheet = titled(code, rows)
    at = sheet.rows.index(HEADER)
    sheet.rows[at:at + 1] = [header, sub]
    sheet.rows[at + 2:] = rows
    excel = at + 1
    letters = [chr(65 + c) for c in range(len(header))]
    sheet.merges = [m for m in sheet.merges if not m.startswith(f"A{excel}")]
    sheet.merges += [f"{letters[c]}{excel}:{letters[c]}{excel + 1}"
                     for c in range(len(header)) if not col <= c < col + len(choices)]
    if merge_parent:
        sheet.merges.append(f"{letters[col]}{excel}:{letters[col + len(choices) - 1]}{excel}")
    return sheet


def ingest(tmp_path, sheet: Sheet, context, name="S-01_marks.xlsx"):
    path = tmp_path / name
    write_xlsx(path, [sheet])
    return ingest_file(input_file(path), context)


TYPES = ["Tập thể", "Cá nhân"]


@pytest.mark.parametrize("mark", ["x", "X", "✓", "✔", "1", "v", "có", "•"])
def test_type_ticked_under_two_sub_columns_counts_every_registration(tmp_path, corpus_context,
                                                                     mark):
    rows = regs(6)
    sheet = two_row_sheet(ticked(rows, TYPE_COL, TYPES, mark), TYPE_COL, TYPES, "Hình thức")
    result = ingest(tmp_path, sheet, corpus_context)
    assert result.rows == {"read": 6, "valid": 6, "rejected": 0, "ignored": 0}
    assert result.registrations["type"].tolist() == \
        ["collective", "individual"] * 3
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT", "KT", "VHXH"]


def test_the_parent_header_need_not_be_merged_nor_repeated(tmp_path, corpus_context):
    sheet = two_row_sheet(ticked(regs(4), TYPE_COL, TYPES), TYPE_COL, TYPES, "Hình thức",
                          merge_parent=False)
    result = ingest(tmp_path, sheet, corpus_context)
    assert result.rows["valid"] == 4
    assert result.registrations["type"].tolist() == ["collective", "individual"] * 2


def test_tick_boxes_in_a_one_row_header_and_in_any_spelling(tmp_path, corpus_context):
    rows = ticked(regs(4), TYPE_COL, ["Tập thể", "Cá nhân"])
    header = HEADER[:TYPE_COL] + ["TẬP THỂ", "Ca nhan"] + HEADER[TYPE_COL + 1:]
    sheet = titled("S-01", rows, header=header)
    result = ingest(tmp_path, sheet, corpus_context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "individual"] * 2


def test_field_result_and_level_as_tick_boxes(tmp_path, corpus_context):
    fields = ["Kinh tế", "Văn hóa - xã hội", "An ninh - quốc phòng", "Xây dựng hệ thống chính trị"]
    rows = regs(4)
    rows[1][RESULT_COL] = "Tiêu biểu"
    rows = ticked(rows, RESULT_COL, ["Hoàn thành", "Tiêu biểu"])
    rows = ticked(rows, LEVEL_COL, ["Cấp trên cơ sở", "Cơ sở"])
    rows = ticked(rows, FIELD_COL, fields)
    header = (HEADER[:FIELD_COL] + ["KT", "VH-XH", "AN-QP", "XDHTCT"] + HEADER[FIELD_COL + 1:
              LEVEL_COL] + ["Cấp trên", "Cơ sở"] + HEADER[LEVEL_COL + 1:RESULT_COL]
              + ["Hoàn thành", "Tiêu biểu"] + HEADER[RESULT_COL + 1:])
    sheet = titled("S-01", rows, header=header)
    # The one-row header needs ``Lĩnh vực`` to be found: give it a parent row.
    at = sheet.rows.index(header)
    parent = [h if h in HEADER else None for h in header]
    parent[FIELD_COL] = "Lĩnh vực"
    sheet.rows.insert(at, parent)
    result = ingest(tmp_path, sheet, corpus_context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    reg = result.registrations
    assert reg["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]
    assert reg["result"].tolist() == ["hoan_thanh", "tieu_bieu", "hoan_thanh", "hoan_thanh"]
    assert reg["level"].tolist() == ["co_so"] * 4


def test_no_mark_or_two_marks_rejects_the_row_and_unmarked_texts_do_not_mark(tmp_path,
                                                                              corpus_context):
    rows = ticked(regs(6), TYPE_COL, TYPES, marks={
        1: [None, None], 2: ["x", "x"], 3: ["0", "x"], 4: ["-", "không"], 5: ["x", "Không"]})
    sheet = two_row_sheet(rows, TYPE_COL, TYPES, "Hình thức")
    result = ingest(tmp_path, sheet, corpus_context)
    assert result.rows == {"read": 6, "valid": 3, "rejected": 3, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "individual", "collective"]
    lines = result.rejections.set_index("row")
    first = sheet.rows.index(rows[0]) + 1
    assert lines.loc[first + 1, "column"] == "Hình thức"
    assert "Thiếu 'Hình thức'" in lines.loc[first + 1, "error"]
    # both boxes ticked: said so, not quoted as a value typed in one cell (fresh tester I's I095)
    assert lines.loc[first + 2, "value"] == "Tập thể: x, Cá nhân: x"
    assert lines.loc[first + 2, "error"] == (
        "Dòng này đánh dấu cả hai ô 'Tập thể' và 'Cá nhân' của cột 'Hình thức'; mỗi đăng ký "
        "chỉ có một giá trị (Tập thể (TT) hoặc Cá nhân (CN)): đề nghị chỉ đánh dấu một ô.")
    assert "Thiếu 'Hình thức'" in lines.loc[first + 4, "error"]


def test_feedback_labels_show_the_units_own_sub_headers(tmp_path):
    sheet = two_row_sheet(ticked(regs(2), TYPE_COL, TYPES), TYPE_COL, TYPES, "Hình thức")
    path = tmp_path / "S-01_labels.xlsx"
    write_xlsx(path, [sheet])
    parsed = parse_sheet(path.read_bytes(), ".xlsx")
    labels = column_labels(parsed)
    assert labels["[Hình thức / Tập thể]"] == "Hình thức / Tập thể"
    assert labels["[Hình thức / Cá nhân]"] == "Hình thức / Cá nhân"
    assert labels["type"] == "Hình thức"
    raw = raw_rows(parsed)
    assert raw["type"].tolist() == ["Tập thể", "Cá nhân"]
    assert raw["[Hình thức / Tập thể]"].tolist() == ["x", ""]


def test_csv_with_tick_boxes_under_a_parent_written_once(tmp_path, corpus_context):
    rows = ticked(regs(4), TYPE_COL, TYPES)
    header = HEADER[:TYPE_COL] + ["Hình thức", ""] + HEADER[TYPE_COL + 1:]
    sub = [""] * TYPE_COL + TYPES + [""] * (len(HEADER) - TYPE_COL - 1)
    path = tmp_path / "S-01_marks.csv"
    write_csv(path, [["Mã đơn vị: S-01"], ["Năm: 2024"], [], header, sub, *rows], sep=";",
              encoding="utf-8-sig")
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "individual"] * 2


def test_a_single_value_header_or_a_real_column_beside_is_not_a_group(tmp_path, corpus_context):
    # ``Tiêu biểu`` alone beside ``Kết quả``: a column of its own, not tick boxes.
    header = HEADER + ["Tiêu biểu"]
    rows = [r + ["x"] for r in regs(3)]
    sheet = titled("S-01", rows, header=header)
    result = ingest(tmp_path, sheet, corpus_context)
    assert result.rows["valid"] == 3
    assert result.registrations["result"].tolist() == ["hoan_thanh"] * 3


@pytest.mark.parametrize("text,marked", [
    ("x", True), ("X", True), ("✓", True), ("1", True), ("Có", True), ("Tập thể", True),
    ("", False), (None, False), ("0", False), ("-", False), ("không", False), ("Khong", False),
    ("   ", False)])
def test_what_marks_a_box(text, marked):
    assert is_marked(text) is marked


def test_tick_boxes_beside_the_column_itself_leave_the_column_in_charge(tmp_path, corpus_context):
    # ``Kết quả`` written in words, and also ``Hoàn thành`` | ``Tiêu biểu`` columns at the end:
    # the words count, the extra columns are the unit's own.
    header = HEADER + ["Hoàn thành", "Tiêu biểu"]
    rows = [r + [None, "x"] for r in regs(3)]
    sheet = titled("S-01", rows, header=header)
    result = ingest(tmp_path, sheet, corpus_context)
    assert result.rows["valid"] == 3
    assert result.registrations["result"].tolist() == ["hoan_thanh"] * 3


@pytest.mark.parametrize("counts", [["2", None], [None, "3"], [2, None], ["2", "1"]])
def test_a_subtotal_counting_under_one_tick_box_is_a_totals_row_not_a_registration(
        tmp_path, corpus_context, counts):
    # a block of one type (two collective models of ``Kinh tế``), its subtotal ``Cộng I`` |
    # ``Kinh tế`` with the block's count under ``Tập thể`` only: a count, not a tick
    rows = [r for r in regs(4) if r[TYPE_COL] == "Tập thể"]
    subtotal = ["Cộng I", None, "Kinh tế", "Tập thể"] + [None] * (len(HEADER) - 4)
    boxes = ticked([*rows, subtotal], TYPE_COL, TYPES, marks={len(rows): counts})
    result = ingest(tmp_path, two_row_sheet(boxes, TYPE_COL, TYPES, "Hình thức"),
                    corpus_context)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    assert result.ignored["totals"] == 1
    assert result.registrations["type"].tolist() == ["collective", "collective"]


def test_several_boxes_ticked_are_said_so_in_the_unit_s_own_box_names(tmp_path, corpus_context):
    """Fresh tester I's I095: a row ticked in both ``Tập thể`` and ``Cá nhân`` was told as if
    its cell held ``'Tập thể, Cá nhân'``. Boxes named ``TT`` | ``CN`` are named so; three of
    four field boxes are counted; a box naming the other box's own value is one value; a cell
    typed ``Tập thể, Cá nhân`` keeps its own message."""
    rows = ticked(regs(3), TYPE_COL, ["TT", "CN"], marks={0: ["✓", "x"], 2: ["x", "Tập thể"]})
    short = ingest(tmp_path, two_row_sheet(rows, TYPE_COL, ["TT", "CN"], "Hình thức"),
                   corpus_context)
    assert short.rows == {"read": 3, "valid": 1, "rejected": 2, "ignored": 0}
    assert short.rejections[["column", "value", "error"]].values.tolist()[0] == [
        "Hình thức", "TT: ✓, CN: x",
        "Dòng này đánh dấu cả hai ô 'TT' và 'CN' của cột 'Hình thức'; mỗi đăng ký chỉ có một "
        "giá trị (Tập thể (TT) hoặc Cá nhân (CN)): đề nghị chỉ đánh dấu một ô."]
    fields = ["KT", "VHXH", "ANQP", "XDHTCT"]
    rows = ticked(regs(2), FIELD_COL, fields, marks={0: ["x", None, None, None], 1: ["x", None, "x", "x"]})
    result = ingest(tmp_path, two_row_sheet(rows, FIELD_COL, fields, "Lĩnh vực"),
                    corpus_context, name="S-01_fields.xlsx")
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.rejections[["column", "value", "error"]].values.tolist() == [[
        "Lĩnh vực", "KT: x, ANQP: x, XDHTCT: x",
        "Dòng này đánh dấu 3 ô 'KT', 'ANQP', 'XDHTCT' của cột 'Lĩnh vực'; mỗi đăng ký chỉ có "
        "một giá trị (một trong: Kinh tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc phòng "
        "(ANQP), Xây dựng hệ thống chính trị (XDHTCT)): đề nghị chỉ đánh dấu một ô."]]
    typed = titled("S-01", [*regs(1), [*regs(2)[1][:TYPE_COL], "Tập thể, Cá nhân",
                                       *regs(2)[1][TYPE_COL + 1:]]])
    plain = ingest(tmp_path, typed, corpus_context, name="S-01_typed.xlsx")
    assert plain.rejections[["value", "error"]].values.tolist() == [[
        "Tập thể, Cá nhân", "'Tập thể, Cá nhân' ở cột 'Hình thức' chưa rõ: có phải là 'Tập "
        "thể' hay 'Cá nhân'? Đề nghị ghi rõ Tập thể (TT) hoặc Cá nhân (CN)."]]
