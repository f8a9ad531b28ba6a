"""Lines that group a unit's rows, count lines, and merges running over headings
(``docs/contracts.md``, "Group lines"; :mod:`thidua.ingest.grouplines`,
:mod:`thidua.ingest.mergedrows`): ignored, never a rejected registration, never glued onto
the model above, never taking the rows' field away."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.grouplines import breakdown_line, is_count_line, is_group_line

TITLE = [["Mã đơn vị: Q-HK"], ["Năm: 2024"]]


def ingest(tmp_path, context, rows, merges=()):
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", [*TITLE, HEADER, *rows], list(merges))])
    return ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)


@pytest.mark.parametrize("texts", [
    ["Công đoàn cơ sở Công ty Điện lực Hoàn Kiếm"], ["CÔNG ĐOÀN CƠ SỞ BỆNH VIỆN ĐA KHOA ĐỐNG ĐA"],
    ["CĐCS Trường Tiểu học Trần Quốc Toản"], ["I", "Công đoàn cơ sở phường Ba Đình"],
    ["II", "Công đoàn phường Đống Đa"], ["Đơn vị: Công ty Cổ phần May Hoàn Kiếm"],
    ["1. Công đoàn Công ty May 10"], ["Tổ công đoàn Phân xưởng 2"], ["B)", "CĐ Trường THCS Trưng Vương"],
    ["Công đoàn cơ sở Công ty X"] * 11,  # merged across the table
])
def test_a_group_s_name_alone_is_a_group_line(texts):
    assert is_group_line(texts)


@pytest.mark.parametrize("texts", [
    ["Công đoàn đồng hành cùng người lao động"],  # a model
    ["1", "Công đoàn cơ sở Công ty X", "Kinh tế"], ["Nguyễn Văn A", "Công đoàn cơ sở Công ty X"],
    ["Công đoàn"], ["Đơn vị"], ["Bữa cơm Công đoàn ấm áp"], [],
])
def test_a_model_or_a_row_of_more_is_no_group_line(texts):
    assert not is_group_line(texts)


@pytest.mark.parametrize("texts, expected", [
    (["(Danh sách gồm 06 mô hình)"], True),
    (["Danh sách này có 06 mô hình, đã được Ban Thường vụ thông qua"], True),
    (["Danh sách có 6 mô hình"], True), (["Danh sách mô hình tiêu biểu"], False),
    (["(Danh sách gồm 06 mô hình)", "Kinh tế"], False), (["Bảng có 3 cột"], False),
])
def test_a_total_in_words_is_a_count_line(texts, expected):
    assert is_count_line(texts) is expected


def test_group_lines_are_ignored_and_the_models_keep_their_names(tmp_path, context):
    rows = [[None, "Công đoàn cơ sở Công ty Điện lực Hoàn Kiếm"], *regs(2),
            ["I", "Công đoàn cơ sở Trường THCS Ba Đình"], reg(2),
            [None, "Đơn vị: Trường THCS Trưng Vương"], reg(3),
            [None, "(Danh sách gồm 04 mô hình)"]]
    result = ingest(tmp_path, context, rows)
    assert (result.status, result.rows) == (USED, {"read": 8, "valid": 4, "rejected": 0,
                                                   "ignored": 4})
    assert (result.ignored["subheading"], result.ignored["totals"]) == (3, 1)
    expected = [reg(i)[1] for i in range(4)]
    assert result.registrations["model"].tolist() == expected
    assert not any("ghép" in note for note in result.readings)


def test_a_group_line_merged_across_the_table_is_ignored(tmp_path, context):
    rows = [["Công đoàn cơ sở Công ty Điện lực Hoàn Kiếm"], *regs(2)]
    result = ingest(tmp_path, context, rows, merges=["A4:K4"])
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}


def test_a_model_starting_like_a_union_with_nothing_else_stays_a_rejected_row(tmp_path, context):
    rows = [*regs(2), [3, "Công đoàn đồng hành cùng người lao động"]]
    result = ingest(tmp_path, context, rows)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}


def heading_rows(field_blank=True) -> list:
    """``I`` | ``LĨNH VỰC KINH TẾ``, 3 rows, ``II`` | ``LĨNH VỰC VĂN HÓA - XÃ HỘI``, 3 rows
    (Excel rows 4–11), ``Lĩnh vực`` blank under the headings."""
    out = [["I", "LĨNH VỰC KINH TẾ"]]
    for i in range(3):
        out.append(reg(i, field=" " if field_blank else None))
    out.append(["II", "LĨNH VỰC VĂN HÓA - XÃ HỘI"])
    for i in range(3, 6):
        out.append(reg(i, field=" " if field_blank else None))
    return out


@pytest.mark.parametrize("merges", [["J4:J11"], ["J4:J11", "G4:G11"], ["J5:J11"]])
def test_a_result_merged_down_over_the_field_headings_keeps_them_headings(tmp_path, context,
                                                                         merges):
    """``Kết quả`` typed once and merged down the table (with ``Cấp`` too): the headings stay
    headings, each row takes its heading's field and the merged result."""
    rows = heading_rows()
    if merges[0].startswith("J4"):
        rows[0] = ["I", "LĨNH VỰC KINH TẾ", *[None] * 7, "Hoàn thành"]  # J4: the merge's value
    result = ingest(tmp_path, context, rows, merges)
    assert result.rows == {"read": 8, "valid": 6, "rejected": 0, "ignored": 2}
    assert result.registrations["field"].tolist() == ["KT"] * 3 + ["VHXH"] * 3
    assert result.registrations["result"].tolist() == ["hoan_thanh"] * 6


def test_a_blank_row_where_a_merge_down_begins_is_blank(tmp_path, context):
    """Inside merges of ``Lĩnh vực`` (C4:C6) and ``Hình thức`` (D4:D7), a blank row 5 where
    ``Tiêu biểu`` merged J5:J7 begins: ignored, never a registration without a model."""
    rows = [reg(0), [None] * 9 + ["Tiêu biểu", None],
            reg(1, field=" ", type_=" ", result=None), reg(2, type_=" ", result=None)]
    rows[2][2] = rows[2][3] = rows[3][3] = rows[2][9] = rows[3][9] = None
    result = ingest(tmp_path, context, rows, merges=["C4:C6", "D4:D7", "J5:J7"])
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.ignored["blank"] == 1
    assert result.registrations["result"].tolist() == ["hoan_thanh", "tieu_bieu", "tieu_bieu"]


@pytest.mark.parametrize("line", ["(Cộng lĩnh vực kinh tế: 03 mô hình)",
                                  "Cụm thi đua số 1: Ba Đình, Hoàn Kiếm, Đống Đa"])
def test_a_count_in_brackets_or_a_cluster_line_between_rows_is_never_glued(tmp_path, context,
                                                                           line):
    """The sixth tester's F6: Phụ lục II printed ``Cải tiến … (Cộng lĩnh vực kinh tế: 03 mô
    hình)``."""
    result = ingest(tmp_path, context, [*regs(2), [None, line], reg(2)])
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.registrations["model"].tolist() == [reg(i)[1] for i in range(3)]


def test_a_group_line_inside_merged_field_and_type_is_ignored(tmp_path, context):
    """The sixth tester's F8: ``Lĩnh vực`` and ``Hình thức`` merged C4:C8, D4:D8 over a group
    line at row 6."""
    rows = [reg(0), reg(2), [None, "Công đoàn cơ sở Công ty Điện lực Hoàn Kiếm"], reg(4), reg(6)]
    result = ingest(tmp_path, context, rows, merges=["C4:C8", "D4:D8"])
    assert result.rows == {"read": 5, "valid": 4, "rejected": 0, "ignored": 1}
    assert result.ignored["subheading"] == 1


def test_a_registration_named_after_its_union_under_merges_stays_a_registration(tmp_path,
                                                                              context):
    rows = [reg(0), reg(2), reg(4, model="CĐCS Trường THCS Trưng Vương",
                                registrant="CĐCS Trường THCS Trưng Vương")]
    merges = [f"{c}4:{c}6" for c in "CDGHIJ"]  # all but STT, model and registrant
    result = ingest(tmp_path, context, rows, merges=merges)
    assert result.rows["valid"] == 3


def test_a_type_merged_down_over_the_field_headings_keeps_them_headings(tmp_path, context):
    """The sixth tester's F4: ``Hình thức`` typed on the first heading and merged D4:D11."""
    rows = heading_rows()
    for row in rows[1:]:
        if len(row) > 3:
            row[3] = None
    rows[0] = ["I", "LĨNH VỰC KINH TẾ", None, "Tập thể"]
    result = ingest(tmp_path, context, rows, merges=["D4:D11"])
    assert result.rows == {"read": 8, "valid": 6, "rejected": 0, "ignored": 2}
    assert result.registrations["field"].tolist() == ["KT"] * 3 + ["VHXH"] * 3


@pytest.mark.parametrize("position", ["Chủ tịch CĐCS", "Chủ tịch", "TM. Ban chấp hành"])
def test_a_numbered_registration_whose_position_reads_like_a_signer_is_never_ignored(
        tmp_path, context, position):
    """The sixth tester's F1: a numbered row with a model and ``Chủ tịch`` as position, its
    field and type blank, was ignored as the signature block (with the row after it)."""
    row = reg(1, position=position)
    row[2] = row[3] = None
    result = ingest(tmp_path, context, [reg(0), row, reg(2)])
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}


# --- a total's breakdown (the fresh29 tester's F4) -----------------------------------------
@pytest.mark.parametrize("texts, kind", [
    (["Trong đó: Tập thể", "2"], "lead"), (["Trong đó:", "Tập thể", "3"], "lead"),
    (["Trong đó: tập thể 02, cá nhân 01"], "lead"), (["TRONG ĐÓ: Cá nhân: 1"], "lead"),
    (["Gồm: 3 tập thể"], "lead"), (["Bao gồm 3 mô hình tập thể; 2 mô hình cá nhân"], "lead"),
    (["Trong số đó - Kinh tế: 5"], "lead"),
    (["Cá nhân", "1"], "bare"), (["- Kinh tế: 5"], "bare"), (["Tập thể: 2 mô hình"], "bare"),
    (["+ VH-XH = 4"], "bare"),
])
def test_a_type_or_a_field_with_its_count_is_a_breakdown_line(texts, kind):
    assert breakdown_line(texts) == kind


@pytest.mark.parametrize("texts", [
    ["Cá nhân"], ["Trong đó: Tập thể"],  # no count
    ["Tập thể", "Kinh tế"], ["Kinh tế", "Tập thể", "5"], ["Bữa cơm công đoàn", "2"],
    ["Trong đó"], ["1", "Cá nhân", "Kinh tế"], ["Tập thể", "2", "Cá nhân", "1"],  # four cells
    ["Trong đó: Tập thể 2, Bữa cơm 3"], ["Môi trường: 2"], [],
    ["Trong đó:", "tập thể 2,", "cá nhân 1,", "kinh tế 3"],  # four cells: a row of the table
])
def test_what_is_no_breakdown_line(texts):
    assert breakdown_line(texts) is None


def test_a_totals_breakdown_is_ignored_under_the_total_and_lead_lines_anywhere(tmp_path,
                                                                               context):
    rows = [*regs(3), ["Tổng cộng", None, None, None, "3 mô hình"],
            [None, "Trong đó: Tập thể", None, 2], [None, "Cá nhân", None, 1],
            [None, "Tổng số: 03 mô hình (02 tập thể, 01 cá nhân)"]]
    result = ingest(tmp_path, context, rows)
    assert result.status == USED
    assert result.rows == {"read": 7, "valid": 3, "rejected": 0, "ignored": 4}
    assert result.ignored["totals"] == 4


def test_a_bare_breakdown_away_from_a_total_stays_a_row(tmp_path, context):
    rows = [*regs(2), [None, "Cá nhân", None, 1], reg(3)]
    result = ingest(tmp_path, context, rows)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    rows = [*regs(2), [None, "Trong đó: Cá nhân", None, 1], reg(3)]
    result = ingest(tmp_path, context, rows)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}


def test_a_total_by_type_with_its_count_in_the_registrant_s_cell_is_ignored(tmp_path, context):
    """The fresh29 tester's 101: ``Tổng`` | ``Tập thể`` | ``2`` then ``Cá nhân`` | ``1``, the
    counts under ``Tên tập thể/cá nhân``: a count names nobody."""
    rows = [*regs(3), [None, "Tổng", None, "Tập thể", 2], [None, None, None, "Cá nhân", 1],
            reg(4, registrant="123")]  # a registration whose registrant is a number: still data
    result = ingest(tmp_path, context, rows)
    assert result.rows == {"read": 6, "valid": 4, "rejected": 0, "ignored": 2}
    assert result.ignored["totals"] == 2


@pytest.mark.parametrize("numbers, ignored", [
    ([str(i) for i in range(1, 12)], 2), ([f"({i})" for i in range(1, 12)], 2),
    (list(range(1, 12)), 2), (["1", "2", "3", "4"], 2),
    (["1", "2", "3"], 1),  # three numbers: a row of the table, rejected
    (["2", "3", "4", "5"], 1), (["1", "2", "4", "5"], 1),
])
def test_the_column_numbers_repeated_with_the_header_are_ignored(tmp_path, context, numbers,
                                                                  ignored):
    """The fresh29 tester's F8: the header and its ``1`` … ``11`` row again mid-table."""
    rows = [*regs(2), HEADER, numbers, reg(3)]
    result = ingest(tmp_path, context, rows)
    assert result.ignored["header"] == ignored
    assert result.rows == {"read": 5, "valid": 3, "rejected": 2 - ignored,
                           "ignored": ignored}
