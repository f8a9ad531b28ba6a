"""A subtotal or heading line inside a block merged down ``Lĩnh vực``/``Hình thức``
(thidua/ingest/mergedrows.py): ignored as the line it is, never rejected as a registration
without a registrant; a registration of the block stays data (spec/submission-form.md,
"Rows that are not data")."""

from __future__ import annotations

import openpyxl
import pytest

from thidua.ingest.files import USED, ingest_file
from helpers import HEADER, input_file, row


def _workbook(path, rows, merges, suffix="xlsx"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS"
    ws.append(["Mã đơn vị: Q-DD"])
    ws.append(["Năm: 2024"])
    ws.append(HEADER)  # row 3: data from row 4
    for r in rows:
        ws.append(list(r))
    for ref in merges:
        ws.merge_cells(ref)
    wb.save(path)
    return path


def _blank_coded(r: list) -> list:
    """A row of the block below its first: field, type and level left to the merge."""
    return [r[0], r[1], None, None, r[4], r[5], None, *r[7:]]


def _line(text: str) -> list:
    return [None, text, None, None, None, None, None, None, None, None, None]


@pytest.mark.parametrize("subtotal", ["Cộng lĩnh vực kinh tế: 2 mô hình", "Cộng", "Cộng:",
                                      "Tổng số: 2", "Cộng tập thể: 2", "Tổng cộng 2 mô hình"])
def test_a_subtotal_line_under_merged_field_and_type_is_ignored_as_totals(tmp_path, context,
                                                                         subtotal):
    rows = [row(model="Quỹ xoay vòng vốn cho nữ công nhân", stt=1),
            _blank_coded(row(model="Chợ phiên nông sản của đoàn viên", stt=2,
                             registrant="CĐCS Công ty D")),
            _line(subtotal),
            row(model="Đội hình dân quân tự vệ công nhân", field="An ninh - quốc phòng", stt=3),
            _line("Cộng"),
            _line("Tổng cộng: 3 mô hình")]
    path = _workbook(tmp_path / "Q-DD_gop.xlsx", rows,
                     ["C4:C6", "D4:D6", "G4:G6", "C7:C8", "D7:D8"])
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    assert result.rows == {"read": 6, "valid": 3, "rejected": 0, "ignored": 3}
    assert result.ignored["totals"] == 3
    assert result.registrations["field"].tolist() == ["KT", "KT", "ANQP"]
    assert result.registrations["model"].tolist() == [
        "Quỹ xoay vòng vốn cho nữ công nhân", "Chợ phiên nông sản của đoàn viên",
        "Đội hình dân quân tự vệ công nhân"]


def test_a_heading_line_inside_a_merged_type_column_is_a_subheading(tmp_path, context):
    rows = [_line("I. LĨNH VỰC KINH TẾ"),
            [1, "Quỹ xoay vòng vốn cho nữ công nhân", None, "Tập thể", "CĐCS Công ty C", None,
             "Cơ sở", "Công ty C", "01/2024 - 12/2024", "Hoàn thành", None],
            _line("II. LĨNH VỰC VĂN HÓA - XÃ HỘI"),
            [2, "Tủ sách pháp luật cho công nhân", None, None, "CĐCS Công ty E", None,
             "Cơ sở", "Công ty E", "01/2024 - 12/2024", "Hoàn thành", None]]
    path = _workbook(tmp_path / "Q-DD_muc.xlsx", rows, ["D5:D7"])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 2, "rejected": 0, "ignored": 2}
    assert result.ignored["subheading"] == 2
    assert result.registrations["field"].tolist() == ["KT", "VHXH"]
    assert result.registrations["type"].tolist() == ["collective", "collective"]


@pytest.mark.parametrize("model", ["Tổng công ty Điện lực đồng hành cùng công nhân",
                                   "Cộng đồng đoàn viên chung tay"])
def test_a_registration_of_a_merged_block_stays_data(tmp_path, context, model):
    rows = [row(model="Quỹ xoay vòng vốn cho nữ công nhân", stt=1),
            _blank_coded(row(model=model, stt=2, registrant="CĐCS Tổng công ty Điện lực"))]
    path = _workbook(tmp_path / "Q-DD_gop.xlsx", rows, ["C4:C5", "D4:D5", "G4:G5"])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist()[1] == model


def test_a_totals_label_with_its_own_field_and_type_stays_data(tmp_path, context):
    """The rule of issue 9.3 stands for what a row types itself: ``Cộng`` as a model with a
    field of its own (its type from the merge) is a registration (rejected: a model of 4
    characters)."""
    rows = [row(model="Quỹ xoay vòng vốn cho nữ công nhân", stt=1),
            [None, "Cộng", "Kinh tế", None, "CĐCS Công ty D", *[None] * 6]]
    path = _workbook(tmp_path / "Q-DD_tu.xlsx", rows, ["D4:D5", "G4:G5"])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "column"]].values.tolist() == [[5, "Tên mô hình"]]


@pytest.mark.parametrize("line, ignored", [
    (["Cộng", "Kinh tế"], True),  # a field's subtotal: field typed, no type, no registrant
    (["Cộng lĩnh vực kinh tế: 2 mô hình", "Kinh tế"], True),
    (["Cộng", "Kinh tế", "Tập thể"], False),  # field and type: always data (issue 9.3)
    (["Cộng", "", "Tập thể", "CĐCS Công ty D"], False),  # a registrant: a registration
    (["Tổng công ty Điện lực Hà Nội", "Kinh tế"], False),  # no totals label: a registration
])
def test_a_subtotal_typing_its_field_but_no_registrant_is_ignored(tmp_path, context, line,
                                                                   ignored):
    cells = [None, *line] + [None] * (10 - len(line))
    rows = [row(model="Quỹ xoay vòng vốn cho nữ công nhân", stt=1), cells]
    result = ingest_file(input_file(_workbook(tmp_path / "Q-DD_cong.xlsx", rows, [])), context)
    assert result.rows["valid"] == 1
    assert (result.ignored["totals"], result.rows["rejected"]) == ((1, 0) if ignored else (0, 1))


@pytest.mark.parametrize("text, totals", [
    ("Cộng lĩnh vực kinh tế", True), ("Cộng tập thể", True), ("Cộng cá nhân:", True),
    ("Tổng cộng mục I", True), ("Cộng phần A", True), ("Cộng (I)", True),
    ("Cộng lĩnh vực Văn hóa - xã hội", True), ("Tổng số lĩnh vực an ninh quốc phòng", True),
    ("Cộng đồng văn hóa", False), ("Cộng tác viên pháp luật", False),
    ("Công nhân kinh tế", False), ("Cộng điểm thi đua cho đoàn viên", False),
    ("Cộng hưởng kinh tế", False)])
def test_a_subtotal_naming_its_part_without_a_count_is_a_totals_label(text, totals):
    from thidua.ingest.normalise import is_totals

    assert is_totals([text]) is totals


def test_a_subtotal_without_a_count_is_never_joined_to_the_model_above(tmp_path, context):
    rows = [row(model="Quỹ xoay vòng vốn cho nữ công nhân", stt=1),
            row(model="Chợ phiên nông sản của đoàn viên", stt=2, registrant="CĐCS Công ty D"),
            _line("Cộng lĩnh vực kinh tế"), _line("Cộng tập thể")]
    path = _workbook(tmp_path / "Q-DD_cong.xlsx", rows, [])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 2, "rejected": 0, "ignored": 2}
    assert result.ignored["totals"] == 2 and result.ignored["continuation"] == 0
    assert result.registrations["model"].tolist() == [
        "Quỹ xoay vòng vốn cho nữ công nhân", "Chợ phiên nông sản của đoàn viên"]


@pytest.mark.parametrize("type_", ["Tập thể", "Cá nhân"])
def test_a_merge_dragged_over_the_signature_block_never_makes_registrations(
        tmp_path, context, type_):
    last = row(model="Tủ sách pháp luật cho công nhân", stt=2, type_=type_,
               registrant="Nguyễn Văn Hùng", position="Chủ tịch công đoàn")
    rows = [row(model="Quỹ xoay vòng vốn cho nữ công nhân", stt=1), last, [None] * 11,
            [None, "NGƯỜI LẬP BIỂU", None, None, "TM. BAN THƯỜNG VỤ", *[None] * 6],
            [None, "(Ký, ghi rõ họ tên)", None, None, "CHỦ TỊCH", *[None] * 6],
            [None, "Nguyễn Thị Hoa", None, None, "Phạm Văn Nam", *[None] * 6]]
    path = _workbook(tmp_path / "Q-DD_ky.xlsx", rows, ["C5:C9", "D5:D9", "G5:G9"])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 6, "valid": 2, "rejected": 0, "ignored": 4}
    assert result.ignored["signature"] == 3
    assert result.registrations["position"].tolist()[1] == "Chủ tịch công đoàn"


def test_a_registration_without_stt_naming_a_chairman_in_a_merged_block_stays_data(
        tmp_path, context):
    """``Chủ tịch`` is a position as well as a signer: it never starts the signature block."""
    rows = [row(model="Quỹ xoay vòng vốn cho nữ công nhân", stt=1),
            _blank_coded(row(model="Bữa cơm công đoàn", stt=None, registrant="Nguyễn Văn An",
                             position="Chủ tịch CĐCS", grassroots=None, period=None,
                             result=None))]
    path = _workbook(tmp_path / "Q-DD_ct.xlsx", rows, ["C4:C5", "D4:D5", "G4:G5"])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}


def test_a_sheet_named_for_a_type_with_field_headings_and_a_signature(tmp_path, context):
    """The sheet's name gives its rows their type (no ``Hình thức`` column), but never to its
    field headings, totals or signature rows, which stay what they are."""
    import openpyxl

    header = [h for h in ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân",
                          "Cấp công đoàn"]]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tập thể"
    ws.append(["Mã đơn vị: Q-DD"])
    ws.append(header)
    ws.append([None, "I. LĨNH VỰC KINH TẾ"])
    ws.append([1, "Quỹ xoay vòng vốn cho nữ công nhân", None, "CĐCS Công ty C", "Cơ sở"])
    ws.append([2, "Chợ phiên nông sản", None, "CĐCS Công ty D", "Cơ sở"])
    ws.append([None, "II. LĨNH VỰC VĂN HÓA - XÃ HỘI"])
    ws.append([3, "Tủ sách pháp luật", None, "CĐCS Trường E", "Cơ sở"])
    ws.append([None, "Cộng: 3 mô hình"])
    ws.append([None, "NGƯỜI LẬP BIỂU", None, "THỦ TRƯỞNG ĐƠN VỊ"])
    ws.append([None, "Nguyễn Thị Hoa", None, "Phạm Văn Nam"])
    path = tmp_path / "Q-DD_tap-the.xlsx"
    wb.save(path)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 8, "valid": 3, "rejected": 0, "ignored": 5}
    assert result.registrations["field"].tolist() == ["KT", "KT", "VHXH"]
    assert set(result.registrations["type"]) == {"collective"}
