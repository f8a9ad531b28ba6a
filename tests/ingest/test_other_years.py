"""A second table under the list headed by another year (last year's list kept for comparison,
next year's plan) is no registration of this year: its rows ignored as ``other_year``, told
naming the heading and the rows; one headed by the report year (a supplementary list, a
page's continuation) is more registrations (fresh tester L's L085, L086, L151, L152, L094;
``docs/contracts.md``, "Rows that are not data")."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file


def _file(tmp_path, heading: str, *, header_again: bool = True):
    empty = [""] * len(HEADER)
    line = list(empty)
    line[0] = heading
    rows = [reg(i) for i in range(4)]
    more = [reg(i) for i in range(4, 7)]
    for row in more:
        row[HEADER.index("Thời gian thực hiện")] = None
    path = tmp_path / "Q-LB_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-LB"], ["Năm: 2024"], HEADER, *rows, empty, line,
                                   *([HEADER] if header_again else []), *more])])
    return path


@pytest.mark.parametrize("heading, named", [
    ("DANH SÁCH MÔ HÌNH ĐĂNG KÝ NĂM 2023 (để đối chiếu)", 2023),
    ("DỰ KIẾN ĐĂNG KÝ NĂM 2025", 2025), ("Năm 2023", 2023)])
def test_rows_under_a_heading_of_another_year_are_ignored_and_told(tmp_path, context, heading,
                                                                   named):
    result = ingest_file(input_file(_file(tmp_path, heading)), context)
    assert result.rows == {"read": 10, "valid": 4, "rejected": 0, "ignored": 6}
    assert (result.ignored["other_year"], result.ignored["subheading"]) == (3, 1)
    assert (f"Dòng 9 '{heading}' ghi năm {named}, khác năm báo cáo 2024: 3 dòng dưới nó (dòng 11 "
            f"đến 13) không tính là đăng ký năm 2024, đã bỏ qua.") in " ".join(result.notes)


def test_rows_right_under_a_year_line_without_the_header_again_are_ignored(tmp_path, context):
    result = ingest_file(input_file(_file(tmp_path, "Năm 2023", header_again=False)), context)
    assert (result.rows["valid"], result.rows["rejected"], result.ignored["other_year"]) == (4, 0, 3)


@pytest.mark.parametrize("heading", ["DANH SÁCH ĐĂNG KÝ BỔ SUNG (tháng 9/2024)",
                                     "DANH SÁCH MÔ HÌNH ĐĂNG KÝ NĂM 2024 (tiếp theo)", "Năm 2024"])
def test_rows_under_a_heading_of_the_report_year_are_counted(tmp_path, context, heading):
    result = ingest_file(input_file(_file(tmp_path, heading)), context)
    assert result.rows == {"read": 10, "valid": 7, "rejected": 0, "ignored": 3}
    assert result.ignored["other_year"] == 0
