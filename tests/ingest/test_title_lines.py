"""Title lines typed in the table's place (an extension of ``spec/submission-form.md``, "Title
block", in ``docs/contracts.md``): a row below the header whose only text is title labels
with values (``Mã đơn vị: Q-HK - Năm: 2023`` under the header, ``Mã đơn vị: Q-HK`` | ``Năm:
2023`` under the last registration) is a title line wherever it is: ignored as a row
(``title``), its code and year read as the title's, never a rejected registration."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.titleblock import is_title_line

WRONG_YEAR = ("Tệp bị từ chối: Năm ở tiêu đề (2023) khác năm của thư mục (2024); đề nghị kiểm "
              "tra lại tệp hoặc chuyển tệp vào đúng thư mục năm.")


def ingest(tmp_path, context, sheets, name="Q-DD_dk.xlsx"):
    write_xlsx(tmp_path / name, sheets)
    return ingest_file(input_file(tmp_path / name), context)


def bottom(code="Q-DD", year="2023") -> list:
    """``Mã đơn vị: …`` in column A and ``Năm: …`` in column I, as a line after the table."""
    return [f"Mã đơn vị: {code}", None, None, None, None, None, None, None, f"Năm: {year}"]


def test_a_title_line_just_under_the_header_saying_another_year_rejects_the_file(
        tmp_path, context):
    result = ingest(tmp_path, context, [Sheet("DS", [HEADER, ["Mã đơn vị: Q-DD - Năm: 2023"],
                                                     *regs(3)], ["A2:K2"])])
    assert result.status == REJECTED
    assert result.rejections["error"].tolist() == [WRONG_YEAR]


def test_a_title_line_after_the_table_saying_another_year_rejects_the_file(tmp_path, context):
    result = ingest(tmp_path, context, [Sheet("DS", [HEADER, *regs(3), [], bottom()])])
    assert result.status == REJECTED
    assert result.rejections["error"].tolist() == [WRONG_YEAR]


def test_a_title_line_of_the_right_unit_and_year_is_ignored_never_rejected(tmp_path, context):
    result = ingest(tmp_path, context, [Sheet("DS", [HEADER, *regs(3), bottom(year="2024")])])
    assert (result.status, result.unit) == (USED, "Q-DD")
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.ignored["title"] == 1
    assert result.rejections.empty


def test_a_title_line_of_another_unit_is_a_contradiction_like_the_title_block_s(
        tmp_path, context):
    result = ingest(tmp_path, context, [Sheet("DS", [HEADER, *regs(3), bottom("Q-BD", "2024")])])
    assert result.status == REJECTED
    assert result.rejections["error"].tolist() == [
        "Tệp bị từ chối: Trang 'DS', dòng 5 ghi 'Mã đơn vị: Q-BD Năm: 2024' dưới dòng tiêu đề "
        "của bảng (đơn vị 'Q-BD' trong danh mục), khác đơn vị 'Q-DD' của tệp (theo tên tệp): "
        "các dòng bên dưới có thể là danh sách của đơn vị khác dán vào. Mỗi tệp chỉ của một "
        "đơn vị: đề nghị chuyển các dòng của đơn vị 'Q-BD' sang tệp của đơn vị đó (hoặc xóa "
        "dòng 5 nếu các dòng là của đơn vị 'Q-DD') rồi gửi lại."]


def test_a_file_named_without_a_code_takes_its_unit_from_title_lines_under_the_header(
        tmp_path, context):
    rows = [HEADER, ["Mã đơn vị: Q-DD"], ["Năm: 2024"], *regs(3)]
    result = ingest(tmp_path, context, [Sheet("DS", rows)], name="ds dvk.xlsx")
    assert (result.status, result.unit) == (USED, "Q-DD")
    assert result.rows == {"read": 5, "valid": 3, "rejected": 0, "ignored": 2}
    assert result.ignored["title"] == 2


def test_a_later_sheet_whose_title_line_at_the_bottom_says_another_year_is_not_counted(
        tmp_path, context):
    first = Sheet("Trang 1", [["Mã đơn vị: Q-DD"], ["Năm: 2024"], HEADER, *regs(2)])
    later = Sheet("Trang 2", [HEADER, *regs(2, start=2), bottom(year="2023")])
    result = ingest(tmp_path, context, [first, later])
    assert [(s["sheet"], s["valid"], s["rejected"], s["ignored"]) for s in result.sheets] == [
        ("Trang 1", 2, 0, 0), ("Trang 2", 0, 2, 1)]
    assert result.rejections[["sheet", "row", "column", "value"]].values.tolist() == [
        ["Trang 2", 2, "Năm", "Năm: 2023"], ["Trang 2", 3, "Năm", "Năm: 2023"]]


@pytest.mark.parametrize("cells", [
    ["Mã đơn vị: Q-HK - Năm: 2023"], ["Mã đơn vị: Q-HK", None, "Năm: 2023"],
    ["Mã đơn vị", ":", "Q-HK"], ["Mã đơn vị: Q-HK\nNăm: 2023"], ["Mã đơn vị: Q-HK, năm 2023"],
    ["Năm báo cáo: 2023", "Mã đơn vị: Q-HK"], ["Ngày gửi: 05/12/2024"],
    ["Mã đơn vị: Q-HK - Năm: 2023"] * 11])  # merged over the row: one text
def test_rows_of_title_labels_with_values_are_title_lines(cells):
    assert is_title_line(cells)


@pytest.mark.parametrize("cells", [
    ["Năm 2024"],  # a period typed alone: no colon marks a label
    ["Năm", "2023"], ["Năm: cả năm"], ["Mã đơn vị: Q-HK", "Nguyễn Văn A"],
    [1, "Bữa cơm Công đoàn", "Kinh tế"], ["Ghi chú: năm 2024"], ["Năm học: 2024-2025"], []])
def test_rows_with_anything_but_labelled_values_are_not_title_lines(cells):
    assert not is_title_line(cells)


def test_a_registration_whose_period_reads_like_a_year_label_stays_a_registration(
        tmp_path, context):
    rows = [HEADER, reg(0, period="Năm 2024"), reg(1)]
    result = ingest(tmp_path, context, [Sheet("DS", [["Mã đơn vị: Q-DD"], *rows])])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}


def test_a_title_line_between_two_registrations_is_a_title_line_too(tmp_path, context):
    rows = [HEADER, reg(0), ["Năm: 2023", None, None, None, None, None, None, None, None], reg(1)]
    result = ingest(tmp_path, context, [Sheet("DS", [["Mã đơn vị: Q-DD"], *rows])])
    assert result.status == REJECTED
    assert result.rejections["error"].tolist() == [WRONG_YEAR]


def test_a_sent_date_line_after_the_table_dates_the_file(tmp_path, context):
    import datetime as dt

    rows = [["Mã đơn vị: Q-DD"], HEADER, *regs(2), [], ["Ngày gửi:", "05/12/2024"]]
    result = ingest(tmp_path, context, [Sheet("DS", rows)])
    assert (result.status, result.sent_date) == (USED, dt.date(2024, 12, 5))
    assert result.rows == {"read": 4, "valid": 2, "rejected": 0, "ignored": 2}
    assert (result.ignored["blank"], result.ignored["title"]) == (1, 1)

