"""A year column (``Năm đăng ký``, read as the period) written as units write it: one year
among words (``Đăng ký mới 2024``, ``2024, tiếp tục``) reads as that year, told; a cell that
still cannot be read is rejected naming the unit's own header and asking for a year (fresh
tester G's 1024: two rows rejected "Không đọc được 'Thời gian thực hiện' …: cần dd/mm/yyyy -
dd/mm/yyyy", a column the unit's sheet does not have). ``thidua.ingest.yearwords``."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.yearwords import year_among_words

TITLE = [["Mã đơn vị: Q-DD"], ["Năm: 2024"], []]


def _rows(years):
    return [[i + 1, f"Mô hình dân vận khéo số {i + 1}", "Kinh tế", "Tập thể", f"Tổ công đoàn {i}",
             None, "Cơ sở", None, "", "Hoàn thành", None, year]
            for i, year in enumerate(years)]


@pytest.mark.parametrize("value, year", [
    ("Đăng ký mới 2024", "2024"), ("2024, tiếp tục", "2024"), ("Tiếp tục từ năm 2024", "2024"),
    ("đăng ký lại 2023", "2023"),
    # read as a period already, or not one year among words: as written
    ("2024", "2024"), ("Năm 2024", "Năm 2024"), ("2024 - 2025", "2024 - 2025"),
    ("2023, 2024", "2023, 2024"), ("Tiếp tục", "Tiếp tục"), ("Đợt 2 năm 2024", "Đợt 2 năm 2024"),
    ("12/2024 mới", "12/2024 mới")])
def test_one_year_among_words_reads_as_that_year(value, year):
    assert year_among_words(value) == year


def test_a_year_column_s_years_among_words_count_told_and_the_rest_named_by_its_header(
        tmp_path, context):
    path = tmp_path / "Q-DD_dk.xlsx"
    years = ["Đăng ký mới 2024", "2024, tiếp tục", "Đăng ký lại 2023", "Tiếp tục", "2024"]
    write_xlsx(path, [Sheet("DS", [*TITLE, [*HEADER, "Năm đăng ký"], *_rows(years)])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 5, "valid": 3, "rejected": 2, "ignored": 0}
    assert result.registrations.index.tolist() == [5, 6, 9]
    assert result.rejections[["row", "value", "error"]].values.tolist() == [
        [7, "Đăng ký lại 2023", "'Năm đăng ký' 'Đăng ký lại 2023' không trùng với năm báo cáo "
                                "2024."],
        [8, "Tiếp tục", "Không đọc được 'Năm đăng ký' 'Tiếp tục': cần một năm, trùng với năm "
                        "báo cáo (ví dụ 2024), hoặc thời gian thực hiện dd/mm/yyyy - "
                        "dd/mm/yyyy."]]
    assert ("Cột 'Năm đăng ký' ghi năm kèm lời ở dòng 5, 6, 7: đã hiểu là năm ghi trong ô (ví "
            "dụ 'Đăng ký mới 2024' là năm 2024).") in result.notes


def test_words_around_a_year_in_a_period_column_are_that_year_told(tmp_path, context):
    """``Thời gian thực hiện`` ``Đăng ký mới 2024``: since fresh tester N's N160, N165, N166
    (``Hè 2024``, ``Dịp Tết Nguyên đán 2024``), a period in words naming one year and no date
    is that whole year, the unit told that no date could be read (before: rejected)."""
    path = tmp_path / "Q-DD_dk.xlsx"
    rows = [r[:-1] for r in _rows(["x"])]
    rows[0][8] = "Đăng ký mới 2024"
    write_xlsx(path, [Sheet("DS", [*TITLE, HEADER, *rows])])
    result = ingest_file(input_file(path), context)
    assert result.rows["rejected"] == 0
    assert ("Cột 'Thời gian thực hiện' ghi thời gian bằng lời, không có ngày tháng đọc được, ở "
            "dòng 5: đã hiểu là cả năm ghi trong ô (ví dụ 'Đăng ký mới 2024' là năm 2024). Nếu "
            "cần, đề nghị ghi rõ dd/mm/yyyy - dd/mm/yyyy.") in result.notes


def test_a_year_header_with_its_column_letter_and_a_lone_year_in_this_process():
    # mutation survivors: the unit's header as the feedback labels a twin (``Năm ĐK (cột L)``),
    # and a cell of a year alone is left as it is (no words: nothing to read)
    from thidua.ingest.yearwords import is_year_header, year_among_words
    assert is_year_header("Năm ĐK (cột L)") and is_year_header("Năm đăng ký (cột AB)")
    assert not is_year_header("Ghi chú (cột L)")
    assert year_among_words("2024") == "2024" and year_among_words(2024) == 2024


def test_the_report_year_decides_what_reads_already_and_the_note_names_the_form_column():
    """Mutation survivors of the night of 01/12: ``Từ năm 2020 đến nay`` reads as a period
    of the report year, so it is left as written (without the year it would become 2020);
    a year among signs but no word is no year in words; without the unit's header the note
    names the form's column."""
    import pandas as pd

    from thidua.ingest.yearwords import year_among_words, years_from_words
    assert year_among_words("Từ năm 2020 đến nay", 2024) == "Từ năm 2020 đến nay"
    assert year_among_words("Từ năm 2020 đến nay") == "2020"
    assert year_among_words("~2024~", 2024) == "~2024~"
    data = pd.DataFrame({"period": ["Hè 2024", "Từ năm 2020 đến nay"]}, index=[7, 8])
    read, note = years_from_words(data, None, 2024)
    assert read["period"].tolist() == ["2024", "Từ năm 2020 đến nay"]
    assert note.startswith("Cột 'Thời gian thực hiện' ghi thời gian bằng lời, không có ngày "
                           "tháng đọc được, ở dòng 7:")
