"""Workbooks whose registrations are split over several sheets (an extension of
``spec/submission-form.md``, "The file"): ``Tập thể`` | ``Cá nhân``, one sheet per field, ``Đợt
1`` | ``Đợt 2``. Every visible sheet with the table counts; hidden, instruction, old or draft
and header-only sheets are passed over and named; a sheet copying another counts once; every
row read ends up valid, rejected or ignored, named by its sheet and Excel row."""

from __future__ import annotations

import dataclasses
import io

import openpyxl
import pytest

from corpus_rows import HEADER, reg, regs, titled
from corpus_writers import Sheet, write_ods, write_xls, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.selection import file_table
from thidua.ingest.read import parse_sheets
from thidua.ingest.sections import sheet_type
from thidua.ingest.sheetchoice import is_old_sheet
from thidua.publish.feedback import feedback_workbooks

WRITERS = {".xlsx": write_xlsx, ".xls": write_xls, ".ods": write_ods}
OLD_FIX = (". Nếu bảng ở trang bị bỏ qua là đăng ký của đơn vị (không phải bản cũ), đề nghị "
           "{fix} rồi gửi lại tệp")


def named(name: str, sheet: Sheet) -> Sheet:
    return dataclasses.replace(sheet, name=name)


def ingest(tmp_path, context, sheets: list[Sheet], suffix: str = ".xlsx"):
    path = tmp_path / f"Q-DD_dk{suffix}"
    WRITERS[suffix](path, sheets)
    return ingest_file(input_file(path), context)


def counts(result) -> list[tuple]:
    return [(s["sheet"], s["read"], s["valid"], s["rejected"], s["ignored"]) for s in result.sheets]


# --- every visible sheet with the table counts ------------------------------------------------
@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_two_sheets_collective_and_individual_both_count(tmp_path, context, suffix):
    collective = [reg(i) for i in (0, 2, 4)]
    individual = [reg(i, stt=n) for n, i in enumerate((1, 3), start=1)]
    individual.append(reg(5, stt=3, field="Thể loại khác"))  # rejected: row 4 of 'Cá nhân'
    result = ingest(tmp_path, context, [named("Tập thể", titled("Q-DD", collective)),
                                        Sheet("Cá nhân", [HEADER, *individual])], suffix)
    assert (result.status, result.sheet) == (USED, "Tập thể")
    assert counts(result) == [("Tập thể", 3, 3, 0, 0), ("Cá nhân", 3, 2, 1, 0)]
    assert result.rows == {"read": 6, "valid": 5, "rejected": 1, "ignored": 0}
    regs_ = result.registrations
    assert list(zip(regs_["sheet"], regs_.index, regs_["type"])) == [
        ("Tập thể", 7, "collective"), ("Tập thể", 8, "collective"), ("Tập thể", 9, "collective"),
        ("Cá nhân", 2, "individual"), ("Cá nhân", 3, "individual")]
    assert result.rejections[["sheet", "row", "column", "value"]].values.tolist() == [
        ["Cá nhân", 4, "Lĩnh vực", "Thể loại khác"]]
    assert result.remarks == ("Đã dùng trang 'Tập thể', trang 'Cá nhân'",)


def test_three_sheets_one_per_batch_all_count(tmp_path, context):
    result = ingest(tmp_path, context, [named("Đợt 1", titled("Q-DD", regs(2))),
                                        Sheet("Đợt 2", [HEADER, *regs(3, start=2)]),
                                        Sheet("Đợt 3", [HEADER, *regs(1, start=5)])])
    assert counts(result) == [("Đợt 1", 2, 2, 0, 0), ("Đợt 2", 3, 3, 0, 0),
                              ("Đợt 3", 1, 1, 0, 0)]
    assert result.registrations["model"].tolist() == [reg(i)[1] for i in range(6)]
    assert file_table([result])["sheets"][0] == [
        {"sheet": "Đợt 1", "read": 2, "valid": 2, "rejected": 0, "ignored": 0},
        {"sheet": "Đợt 2", "read": 3, "valid": 3, "rejected": 0, "ignored": 0},
        {"sheet": "Đợt 3", "read": 1, "valid": 1, "rejected": 0, "ignored": 0}]


def test_sheets_with_different_column_orders_are_each_read_under_their_own_header(
        tmp_path, context):
    order = [4, 1, 0, 3, 2, 5, 6, 7, 8, 9, 10]  # registrant, model, STT, type, field, …
    moved = [[row[i] for i in order] for row in regs(2, start=2)]
    result = ingest(tmp_path, context, [titled("Q-DD", regs(2)),
                                        Sheet("Bổ sung", [[HEADER[i] for i in order], *moved])])
    assert counts(result) == [("Danh sách", 2, 2, 0, 0), ("Bổ sung", 2, 2, 0, 0)]
    added = result.registrations[result.registrations["sheet"] == "Bổ sung"]
    assert added[["model", "field", "type", "registrant"]].values.tolist() == [
        [reg(2)[1], "ANQP", "collective", reg(2)[4]], [reg(3)[1], "XDHTCT", "individual", reg(3)[4]]]


# --- sheets passed over, each named with why --------------------------------------------------
def test_a_hidden_sheet_with_the_table_is_named_and_a_hidden_list_is_not(tmp_path, context):
    old = dataclasses.replace(Sheet("Năm 2023", [HEADER, *regs(4)]), hidden=True)
    lists = dataclasses.replace(Sheet("DM", [["Kinh tế"], ["Văn hóa - xã hội"]]), hidden=True)
    result = ingest(tmp_path, context, [old, titled("Q-DD", regs(2)), lists])
    assert counts(result) == [("Danh sách", 2, 2, 0, 0)]
    assert result.remarks == ("Đã dùng trang 'Danh sách'; bỏ qua trang 'Năm 2023' (trang bị ẩn)"
                              + OLD_FIX.format(fix="bỏ ẩn trang"),)


@pytest.mark.parametrize("name", ["Bản cũ", "DS 2023 cũ", "Nháp", "old", "Backup", "Không dùng",
                                  "Đã hủy"])
def test_a_sheet_named_as_an_old_copy_or_a_draft_is_named_not_counted(tmp_path, context, name):
    result = ingest(tmp_path, context, [titled("Q-DD", regs(3)), Sheet(name, [HEADER, reg(9)])])
    assert result.rows["read"] == 3
    assert result.remarks == (
        f"Đã dùng trang 'Danh sách'; bỏ qua trang '{name}' (tên trang cho biết là bản cũ/bản nháp)"
        + OLD_FIX.format(fix="đổi tên trang (bỏ chữ 'cũ'/'nháp'…)"),)


@pytest.mark.parametrize("name,old", [
    ("Bản cũ", True), ("ban cu", True), ("DS cũ", True), ("OLD data", True), ("nháp 2", True),
    ("Nhập liệu", False), ("Cù Chính Lan", False), ("Sheet1 (2)", False),
    ("Bản sao của Trang tính1", False), ("Copy of Sheet1", False), ("Đợt 2", False),
    ("Cũng là đăng ký", False), ("Golden", False)])
def test_which_sheet_names_mark_an_old_copy_or_a_draft(name, old):
    assert is_old_sheet(name) is old


def test_an_only_sheet_named_as_a_draft_still_counts(tmp_path, context):
    result = ingest(tmp_path, context, [named("Nháp", titled("Q-DD", regs(2)))])
    assert (result.status, result.sheet, result.rows["valid"], result.remarks) == (
        USED, "Nháp", 2, ())


def test_a_sheet_with_a_header_only_is_named_and_counts_no_row(tmp_path, context):
    result = ingest(tmp_path, context, [titled("Q-DD", regs(2)), Sheet("Cá nhân", [HEADER])])
    assert counts(result) == [("Danh sách", 2, 2, 0, 0)]
    assert result.remarks == ("Đã dùng trang 'Danh sách'; bỏ qua trang 'Cá nhân' (chỉ có dòng "
                              "tiêu đề, chưa có dòng đăng ký)",)


def test_a_header_only_workbook_is_still_rejected_as_without_rows(tmp_path, context):
    result = ingest(tmp_path, context, [titled("Q-DD", []), Sheet("Đợt 2", [HEADER])])
    assert result.problem.startswith("Không có dòng đăng ký nào dưới dòng tiêu đề.")


# --- a copy counts once -----------------------------------------------------------------------
@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_sheet_repeating_another_row_for_row_is_counted_once(tmp_path, context, suffix):
    order = [1, 0, 2, 3, 4, 5, 6, 7, 8, 9, 10]  # another column order: still the same rows
    copy = Sheet("Danh sách (2)", [[], [HEADER[i] for i in order],
                                   *[[r[i] for i in order] for r in regs(3)]])
    result = ingest(tmp_path, context, [titled("Q-DD", regs(3)), copy], suffix)
    assert counts(result) == [("Danh sách", 3, 3, 0, 0), ("Danh sách (2)", 3, 0, 0, 3)]
    assert result.ignored["copied_sheet"] == 3
    assert result.rows == {"read": 6, "valid": 3, "rejected": 0, "ignored": 3}
    assert ("Trang 'Danh sách (2)' lặp lại đúng từng dòng đăng ký của "
            "trang 'Danh sách' nên chỉ tính một lần: 3 dòng của trang 'Danh sách (2)' không được "
            "tính (bỏ qua).") in result.remarks
    assert file_table([result])["ignored_by"][0] == {"copied_sheet": 3}


def test_a_copy_with_one_row_changed_counts_and_its_repeated_rows_are_duplicates(
        tmp_path, context):
    changed = [*regs(2), reg(6, stt=3)]
    result = ingest(tmp_path, context, [titled("Q-DD", regs(3)),
                                        Sheet("Danh sách (2)", [HEADER, *changed])])
    assert counts(result) == [("Danh sách", 3, 3, 0, 0), ("Danh sách (2)", 3, 1, 2, 0)]
    assert result.rejections[["sheet", "row", "error"]].values.tolist() == [
        ["Danh sách (2)", r, f"Trùng với dòng {r + 5} của trang 'Danh sách': cùng tên mô hình, "
                             f"lĩnh vực, hình thức, tập thể/cá nhân, chức vụ và công đoàn cơ sở; "
                             f"chỉ tính dòng {r + 5} của trang 'Danh sách'."] for r in (2, 3)]
    assert result.rejected_rows.index.tolist() == [("Danh sách (2)", 2), ("Danh sách (2)", 3)]


# --- the type a sheet's name gives -----------------------------------------------------------
@pytest.mark.parametrize("name,kind", [
    ("Tập thể", "Tập thể"), ("CÁ NHÂN", "Cá nhân"), ("DS Cá nhân", "Cá nhân"),
    ("Cá nhân 2024", "Cá nhân"), ("Mô hình tập thể", "Tập thể"), ("TT", "Tập thể"),
    ("Danh sách", ""), ("Cá nhân tiêu biểu", ""), ("Đợt 1", "")])
def test_the_type_a_sheet_name_gives(name, kind):
    assert sheet_type(name) == kind


def test_a_sheet_named_by_type_without_a_type_column_gives_its_rows_that_type_told(
        tmp_path, context):
    header = [h for h in HEADER if h != "Hình thức"]
    rows = [r[:3] + r[4:] for r in regs(4)]
    result = ingest(tmp_path, context, [
        named("Tập thể", titled("Q-DD", rows[0::2], header=header)),
        Sheet("Cá nhân", [header, *rows[1::2]])])
    assert result.registrations["type"].tolist() == ["collective"] * 2 + ["individual"] * 2
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert [n for n in result.readings if "theo tên trang" in n] == [
        f"Trang '{s}' không có cột 'Hình thức': các dòng đăng ký của trang đã lấy "
        f"hình thức '{s}' theo tên trang. Đề nghị lần sau ghi hình thức ở từng dòng."
        for s in ("Tập thể", "Cá nhân")]


def test_a_type_column_left_blank_is_filled_from_the_sheet_name_and_told(tmp_path, context):
    """Was "not filled" until fresh tester F's 142 (a sheet per type keeping the form's blank
    ``Hình thức``: every row rejected); now the name fills it, told
    (``test_sheet_name_fills_blanks.py``)."""
    blank = reg(1, stt=1)
    blank[3] = None
    result = ingest(tmp_path, context, [named("Cá nhân", titled("Q-DD", [blank]))])
    assert result.rejections.empty
    assert result.registrations["type"].tolist() == ["individual"]
    assert any("cột 'Hình thức' để trống ở dòng 7" in n for n in result.readings)


# --- what the unit reads ---------------------------------------------------------------------
def test_the_feedback_workbook_shows_each_sheet_and_each_row_from_its_own_sheet(
        tmp_path, context):
    wrong = reg(3, stt=1, field="Thể loại khác")  # row 2 of 'Cá nhân' and row 7 of "Tập thể"
    result = ingest(tmp_path, context, [
        named("Tập thể", titled("Q-DD", [reg(0, field="Bóng đá"), reg(2)])),
        Sheet("Cá nhân", [HEADER, wrong])])
    book = openpyxl.load_workbook(io.BytesIO(feedback_workbooks([result], 2024)["Q-DD"]))
    summary = [r[:7] for r in book["Tóm tắt"].iter_rows(min_row=6, values_only=True)]
    assert summary == [("Q-DD_dk.xlsx", "Tập thể", "được dùng", 2, 1, 1, 0),
                       ("Q-DD_dk.xlsx", "Cá nhân", "được dùng", 1, 0, 1, 0)]
    lines = [r[:5] for r in book["Dòng bị từ chối"].iter_rows(min_row=2, values_only=True)]
    assert lines == [("Q-DD_dk.xlsx", "Tập thể", 7, "Lĩnh vực", "Bóng đá"),
                     ("Q-DD_dk.xlsx", "Cá nhân", 2, "Lĩnh vực", "Thể loại khác")]
    models = [r[7] for r in book["Dòng bị từ chối"].iter_rows(min_row=2, values_only=True)]
    assert models == [reg(0)[1], reg(3)[1]]


def test_parse_sheets_keeps_the_counted_sheets_in_workbook_order(tmp_path):
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("Hướng dẫn", [HEADER, reg(0)]), titled("Q-DD", regs(2)),
                      Sheet("Cá nhân", [HEADER, *regs(2, start=4)]),
                      Sheet("Danh sách (2)", [HEADER, *regs(2)])])
    parsed = parse_sheets(path.read_bytes(), ".xlsx")
    assert [(s.sheet, s.copy_of) for s in parsed.sheets] == [
        ("Danh sách", ""), ("Cá nhân", ""), ("Danh sách (2)", "Danh sách")]
    assert parsed.remarks == ("Đã dùng trang 'Danh sách', trang 'Cá nhân', trang 'Danh sách (2)'; "
                              "bỏ qua trang 'Hướng dẫn' (trang hướng dẫn/mẫu)",)


def test_the_manifest_lists_the_sheets_of_a_file_with_several_and_the_summary_adds_them(
        tmp_path, context, registry):
    import datetime as dt

    from thidua.ingest.registry import expected_units
    from thidua.publish.outputs import manifest_dict
    from thidua.report.figures import compute_figures, summary_dict

    two = ingest(tmp_path, context, [named("Tập thể", titled("Q-DD", regs(2))),
                                     Sheet("Cá nhân", [HEADER, *regs(1, start=3)])])
    one_path = tmp_path / "Q-BD_dk.xlsx"
    write_xlsx(one_path, [titled("Q-BD", regs(1))])
    one = ingest_file(input_file(one_path), context)
    figures = compute_figures(2024, [two, one], expected_units(registry, 2024), registry)
    inputs = manifest_dict(figures, "x", dt.datetime(2025, 1, 2))["inputs"]
    assert inputs[0]["sheets"] == [
        {"sheet": "Tập thể", "read": 2, "valid": 2, "rejected": 0, "ignored": 0},
        {"sheet": "Cá nhân", "read": 1, "valid": 1, "rejected": 0, "ignored": 0}]
    assert (inputs[0]["sheet"], "sheets" in inputs[1]) == ("Tập thể", False)
    summary = summary_dict(figures)
    assert summary["rows"] == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert summary["registrations"]["total"] == 4


@pytest.mark.parametrize("lead, suffix", [
    ([], ".xlsx"),                                             # rows alone (F's 111)
    ([[f"({i})" for i in range(1, 12)]], ".xlsx"),             # column numbers first (129)
    ([], ".ods"), ([["Tiếp theo trang 1"]], ".xls"), ([[], ["(tiếp theo)"], []], ".xlsx"),
])
def test_a_list_going_on_on_a_sheet_without_the_header_is_read_under_the_first_s(
        tmp_path, context, lead, suffix):
    """Fresh tester F's 111, 129: ``Trang 2`` holds rows 9-14 in the same columns without a
    header row: its rows were lost without a word, then told and not read. They are read
    under the first sheet's header, each named by its own sheet and Excel row, told."""
    more = [reg(i, stt=i + 1) for i in range(2, 5)]
    more[1] = reg(3, stt=4, field="Thể loại khác")  # rejected, named on its own sheet
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", [reg(0), reg(1)])),
                                        Sheet("Trang 2", [*lead, *more]),
                                        Sheet("Ghi chú", [["Người lập biểu"], ["Nguyễn Thị Lan"]])],
                    suffix)
    first = len(lead) + 1  # the Excel row of Trang 2's first registration
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 3, 2, 1, 0)]
    assert result.rejections[["sheet", "row", "column", "value"]].values.tolist() == [
        ["Trang 2", first + 1, "Lĩnh vực", "Thể loại khác"]]
    regs_ = result.registrations
    assert list(zip(regs_["sheet"], regs_.index))[2:] == [("Trang 2", first),
                                                          ("Trang 2", first + 2)]
    assert result.notes[0] == "Đã dùng trang 'Trang 1', trang 'Trang 2'"
    assert (f"Trang 'Trang 2' không có dòng tiêu đề của biểu nhưng ghi tiếp danh sách theo đúng "
            f"các cột của trang 'Trang 1': đã đọc từ dòng {first} theo dòng tiêu đề của trang "
            f"'Trang 1'. Đề nghị lần sau chép dòng tiêu đề vào đầu mỗi trang.") in result.notes


def test_a_list_going_on_keeps_its_own_hidden_rows_and_the_first_sheet_s_labels(tmp_path, context):
    more = [reg(i, stt=i + 1) for i in range(2, 6)]
    more[3] = reg(5, stt=6, field="Thể loại khác")
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", [reg(0), reg(1)])),
                                        Sheet("Trang 2", more, hidden_rows=[2])])
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 4, 2, 1, 1)]
    assert result.ignored["hidden"] == 1
    assert result.rejected_rows.index.tolist() == [("Trang 2", 4)]
    assert list(result.rejected_rows.columns)[:3] == ["STT", "Tên mô hình", "Lĩnh vực"]


def test_a_list_going_on_is_labelled_by_the_first_sheet_s_header(tmp_path):
    from thidua.ingest.rows import column_labels
    header = ["STT", "Tên mô hình/phần việc", *HEADER[2:]]
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("Trang 1", [header, reg(0), reg(1)]),
                      Sheet("Trang 2", [reg(2, stt=3), reg(3, stt=4)])])
    sheets = parse_sheets(path.read_bytes(), ".xlsx").sheets
    assert [s.sheet for s in sheets] == ["Trang 1", "Trang 2"]
    labels = column_labels(sheets[1])
    assert (labels["model"], labels["field"]) == ("Tên mô hình/phần việc", "Lĩnh vực")
    assert sheets[1].table.header_rows == () and sheets[1].table.data_start == 0


@pytest.mark.parametrize("name", ["Mẫu", "Bản cũ"])
def test_a_sample_or_old_sheet_without_the_header_is_told_not_read(tmp_path, context, name):
    more = [reg(i, stt=i + 1) for i in range(2, 5)]
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", [reg(0), reg(1)])),
                                        Sheet(name, more)])
    assert result.rows["valid"] == 2
    assert result.notes[0].startswith(
        f"Đã dùng trang 'Trang 1'; bỏ qua trang '{name}' (không có dòng tiêu đề của biểu nhưng "
        f"có 3 dòng giống đăng ký: các dòng này chưa được tính; đề nghị chép dòng tiêu đề của "
        f"biểu vào đầu trang đó)")


@pytest.mark.parametrize("rows", [
    [reg(2, stt=3, registrant=None)],                 # one row, no registrant: no list going on
    [["Danh sách đoàn viên", "Nguyễn Văn A"], ["Tổng", 3]],  # another list
    [[3, "Bữa cơm", "Tập thể", "Kinh tế", "CĐCS A"], [4, "Tủ sách", "Cá nhân", "VHXH", "B"]],
])  # the last: field and type in each other's columns, so not the first sheet's columns
def test_a_sheet_without_the_header_that_is_no_list_going_on_is_passed_over(
        tmp_path, context, rows):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", [reg(0), reg(1)])),
                                        Sheet("Trang 2", rows)])
    assert counts(result) == [("Trang 1", 2, 2, 0, 0)]
    assert result.notes == () or not any("Trang 2" in n for n in result.notes)


@pytest.mark.parametrize("summary, copied", [
    (lambda a, b: [*a, *b], True),                     # both batches again, renumbered
    (lambda a, b: [*b, *a], True),                     # in another order
    (lambda a, b: [*a, *b[:-1]], False),               # one row left out: not a copy
    (lambda a, b: [*b], "trang 'Đợt 2'"),              # one batch again, renumbered
])
def test_a_summary_sheet_repeating_every_batch_counts_once(tmp_path, context, summary, copied):
    # fresh tester G's 1009: ``Tổng hợp`` listing ``Đợt 1`` and ``Đợt 2`` again, renumbered:
    # each of its rows was rejected as a duplicate (10 rejections for a right file)
    first, second = regs(3), regs(2, start=3)
    again = [[n, *row[1:]] for n, row in enumerate(summary(first, second), start=1)]
    result = ingest(tmp_path, context, [named("Đợt 1", titled("Q-DD", first)),
                                        Sheet("Đợt 2", [HEADER, *second]),
                                        Sheet("Tổng hợp", [HEADER, *again])])
    assert result.rows["valid"] == 5
    assert result.ignored["copied_sheet"] == (len(again) if copied else 0)
    assert result.rows["rejected"] == (0 if copied else len(again))
    of = copied if isinstance(copied, str) else "trang 'Đợt 1', trang 'Đợt 2'"
    said = (f"Trang 'Tổng hợp' lặp lại đúng từng dòng đăng ký của {of} nên chỉ tính một lần: "
            f"{len(again)} dòng của trang 'Tổng hợp' không được tính (bỏ qua).")
    assert (said in result.notes) is bool(copied)


def test_a_summary_of_counts_is_no_list_going_on(tmp_path, context):
    # fresh tester H's H09: ``Tổng hợp`` (STT | Lĩnh vực | Tập thể | Cá nhân | Tổng): its
    # counts sit under the first sheet's field and type columns, numbers a legend could give;
    # the first sheet writes words there, so the counts are no list going on
    summary = [["STT", "Lĩnh vực", "Tập thể", "Cá nhân", "Tổng"],
               [1, "Kinh tế", 2, 1, 3], [2, "Văn hóa - xã hội", 1, 2, 3],
               [3, "An ninh - quốc phòng", 1, 0, 1], [4, "Xây dựng HTCT", 0, 1, 1]]
    result = ingest(tmp_path, context, [named("DS", titled("Q-DD", regs(4))),
                                        Sheet("Tổng hợp", summary)])
    assert counts(result) == [("DS", 4, 4, 0, 0)]
    assert result.rows["rejected"] == 0


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_a_sheet_without_the_header_holding_one_whole_registration_goes_on(tmp_path, context,
                                                                            suffix):
    """Fresh tester V's V037, V040: a sheet per grassroots union without the header, some of
    one row only (model, field, type and registrant): each read and told; before, the
    one-row sheets were left out without a word."""
    result = ingest(tmp_path, context, [named("CĐCS 1", titled("Q-DD", [reg(0), reg(1)])),
                                        Sheet("CĐCS 2", [reg(2, stt=3)]),
                                        Sheet("CĐCS 3", [reg(3, stt=4), reg(4, stt=5)])],
                    suffix=suffix)
    assert counts(result) == [("CĐCS 1", 2, 2, 0, 0), ("CĐCS 2", 1, 1, 0, 0),
                              ("CĐCS 3", 2, 2, 0, 0)]
    assert any("Trang 'CĐCS 2' không có dòng tiêu đề" in n for n in result.notes)
