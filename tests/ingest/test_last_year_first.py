"""Last year's list kept as a workbook's first tab, this year's after it: the file's unit and
year come from the first sheet titled for the folder's year, and last year's rows are rejected
naming their sheet, as when its tab comes after (tester B's F2: the whole file was rejected,
the unit's year lost; ``thidua.ingest.identify.title_of_year``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.identify import title_of_year
from thidua.ingest.titleblock import TitleBlock

Y2023, Y2024, NONE = TitleBlock(year=2023), TitleBlock(year=2024), TitleBlock()
SPAN = TitleBlock(year_span=(2024, 2025))
ENDING = TitleBlock(year_span=(2023, 2024))


@pytest.mark.parametrize("first, later, chosen", [
    (Y2024, [Y2023], Y2024),            # the first names the year: kept
    (NONE, [Y2023], NONE),              # the first names no year: the folder's, kept
    (Y2023, [Y2024], Y2024),            # last year's first: this year's taken
    (Y2023, [NONE, Y2024], Y2024),      # past a sheet naming none
    (Y2023, [Y2023], Y2023),            # no sheet of the year: the first (then rejected)
    (Y2023, [NONE], Y2023),
    (Y2023, [SPAN], SPAN),              # a span holding the year
    (TitleBlock(year_span=(2022, 2023)), [Y2024], Y2024),
    (SPAN, [Y2023], SPAN),
    # a span ending with the year holds it too (its last year included)
    (ENDING, [Y2024], ENDING), (Y2023, [ENDING], ENDING),
])
def test_the_title_that_says_the_year_is_the_first_naming_the_folder_s(first, later, chosen):
    assert title_of_year(first, iter(later), 2024) is chosen


def test_later_titles_are_read_only_as_far_as_needed():
    def later():
        yield Y2024
        raise AssertionError("read past the sheet of the year")
    assert title_of_year(Y2023, later(), 2024) is Y2024
    assert title_of_year(Y2024, later(), 2024) is Y2024


def _book(tmp_path, sheets: list[tuple[str, str, list[list]]]):
    path = tmp_path / "H-GL_dvk-2024.xlsx"
    write_xlsx(path, [Sheet(name, [["Mã đơn vị: H-GL"], [title], HEADER, *rows])
                      for name, title, rows in sheets])
    return path


OLD = [reg(i, period="01/2023 - 12/2023") for i in range(3)]
NEW = [reg(i) for i in range(3, 8)]


@pytest.mark.parametrize("title", ["Năm: {}", "DANH SÁCH ĐĂNG KÝ NĂM {}"])
def test_last_year_s_tab_first_keeps_this_year_s_rows(tmp_path, context, title):
    path = _book(tmp_path, [("Năm 2023", title.format(2023), OLD),
                            ("Năm 2024", title.format(2024), NEW)])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit) == ("used", "H-GL")
    assert (result.rows["valid"], result.rows["rejected"]) == (5, 3)
    assert set(result.registrations["sheet"]) == {"Năm 2024"}
    assert set(result.rejections["sheet"]) == {"Năm 2023"}
    assert any("khác năm báo cáo của tệp (2024)" in e for e in result.rejections["error"])


def test_the_same_tabs_the_other_way_round_count_the_same(tmp_path, context):
    path = _book(tmp_path, [("Năm 2024", "Năm: 2024", NEW), ("Năm 2023", "Năm: 2023", OLD)])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (5, 3)


def test_a_workbook_of_last_year_only_is_still_rejected_whole(tmp_path, context):
    path = _book(tmp_path, [("Năm 2023", "Năm: 2023", OLD), ("Bản 2", "Năm: 2023", OLD[:2])])
    result = ingest_file(input_file(path), context)
    assert result.status == "rejected"
    assert result.problem.startswith("Năm ở tiêu đề (2023) khác năm của thư mục (2024)")
