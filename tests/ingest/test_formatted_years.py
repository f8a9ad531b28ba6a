"""Years written as Excel shows a number (``2.024``, ``2,024``, ``2024.0``) or with two
digits (``31/12/24``), in the title's ``Năm`` and in ``Thời gian thực hiện`` (the third
tester's F9): read as the year, while other numbers still do not read."""

from __future__ import annotations

import pytest


# --- a year written as a number shows it (the third tester's F9) ---------------------------
@pytest.mark.parametrize("text, year", [
    ("2.024", 2024), ("2,024", 2024), ("2 024", 2024), ("2\u00a0024", 2024), ("2024.0", 2024),
    ("2024,00", 2024), ("năm 2.024", 2024), ("2.023", 2023), ("2024", 2024),
])
def test_a_year_written_as_a_formatted_number_is_the_year(text, year):
    from thidua.ingest.titleblock import parse_title

    assert parse_title([["Mã đơn vị: Q-HK"], [f"Năm: {text}"]]).year == year


@pytest.mark.parametrize("text", ["12.345", "2.0245", "20.24", "2024.5", "1.5"])
def test_a_number_that_is_no_year_still_rejects_the_file(text):
    from thidua.ingest.read import FileRejected
    from thidua.ingest.titleblock import parse_title

    with pytest.raises(FileRejected, match=f"Dòng 'Năm: {text}' ở phần tiêu đề không phải là một "
                                           "năm"):
        parse_title([["Mã đơn vị: Q-HK"], [f"Năm: {text}"]])


# --- a period's year written as a number or with two digits (the third tester's F9) --------
@pytest.mark.parametrize("text, start, end", [
    ("2.024", "2024-01-01", "2024-12-31"), ("2024.0", "2024-01-01", "2024-12-31"),
    ("2,024", "2024-01-01", "2024-12-31"),
    ("01/01/24 - 31/12/24", "2024-01-01", "2024-12-31"),
    ("1.3.24 - 30.11.24", "2024-03-01", "2024-11-30"), ("31/12/24", "2024-12-31", "2024-12-31"),
    ("01/03 - 30/11/2024", "2024-03-01", "2024-11-30"),
    ("3/24", "2024-03-01", "2024-03-31"),  # a month and a two-digit year (tester J's J036)
])
def test_a_period_with_a_formatted_or_two_digit_year_reads(text, start, end):
    import datetime as dt

    from thidua.ingest.periods import parse_period

    assert parse_period(text, 2024) == (dt.date.fromisoformat(start), dt.date.fromisoformat(end))


@pytest.mark.parametrize("text", ["12.345", "20.24", "31/12/2 - 1/1/3", "0/24"])
def test_numbers_that_are_no_year_still_do_not_read_as_a_period(text):
    from thidua.ingest.periods import parse_period

    assert parse_period(text, 2024) is None


# --- a year named only in the heading (the fourth tester's F9) ------------------------------
@pytest.mark.parametrize("lines, year", [
    (['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2023', "Mã đơn vị: Q-HK"], 2023),
    (["DANH SÁCH NĂM 2023", "Năm: 2024"], 2024),                  # the Năm line wins
    (["Hà Nội, ngày 05 tháng 12 năm 2024"], None),               # the dated line is no year
    (["Năm học 2024-2025"], None), (["KẾ HOẠCH NĂM 2024 - NĂM 2025"], None),
    (["DANH SÁCH ĐĂNG KÝ NĂM 2024", "tháng 12 năm 2023"], 2024),
])
def test_a_heading_year_is_the_titles_year_when_no_nam_line_says_one(lines, year):
    from thidua.ingest.titleblock import parse_title

    assert parse_title([[line] for line in lines]).year == year


@pytest.mark.parametrize("lines, told", [
    (["DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2025", "Năm: 2024"],
     "Tiêu đề ghi năm 2025 nhưng dòng 'Năm:' ghi 2024: đã tính vào năm 2024 theo dòng 'Năm:'. "
     "Nếu đây là danh sách năm 2025, đề nghị gửi vào năm 2025; nếu không, sửa năm ở tiêu đề."),
    (["DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2024", "Năm: 2024"], None),
    (["DANH SÁCH ĐĂNG KÝ MÔ HÌNH", "Năm: 2024"], None),
    (["Năm: 2024", "Hà Nội, ngày 05 tháng 12 năm 2025"], None),  # when it was sent
    (["DANH SÁCH NĂM 2023"], None),  # the heading alone is the year
])
def test_a_heading_naming_another_year_than_the_nam_line_is_told(lines, told):
    """The fifth tester's F8: ``… NĂM 2025`` over ``Năm: 2024`` was counted in 2024 silently."""
    from thidua.ingest.titleblock import parse_title, year_remark

    assert year_remark(parse_title([[line] for line in lines]), 2024) == told


def test_the_heading_s_other_year_reaches_the_unit(tmp_path, context):
    from corpus_rows import HEADER, regs
    from corpus_writers import Sheet, write_xlsx
    from helpers import input_file
    from thidua.ingest.files import ingest_file

    rows = [["DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2025"], ["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER,
            *regs(2)]
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", rows)])
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert result.rows["valid"] == 2
    assert any(r.startswith("Tiêu đề ghi năm 2025 nhưng dòng 'Năm:' ghi 2024") for r in result.remarks)


@pytest.mark.parametrize("value, note", [
    ("44927", " (ô ngày của Excel: 01/01/2023)"), ("44927.0", " (ô ngày của Excel: 01/01/2023)"),
    ("45657", " (ô ngày của Excel: 31/12/2024)"), ("36526", " (ô ngày của Excel: 01/01/2000)"),
    ("36525", ""), ("12345", ""), ("2023", ""), ("01/01/2023", ""), ("449270", ""),
    # a period in two cells of day numbers (fresh tester D's 202)
    ("44927 - 45291", " (ô ngày của Excel: 01/01/2023 – 31/12/2023)"),
    ("44927.0 – 45291", " (ô ngày của Excel: 01/01/2023 – 31/12/2023)"),
    ("44927 - 12345", ""), ("44927 - 45291 - 45292", ""),
])
def test_an_excel_day_number_in_a_period_names_its_date(value, note):
    """The fifth tester's F11: ``'44927' không trùng với năm báo cáo 2024`` did not say it is
    01/01/2023."""
    from thidua.ingest.periods import serial_note

    assert serial_note(value) == note


# --- a Năm cell holding the year as a number under a number format --------------------------
@pytest.mark.parametrize("code", ["#,##0.00", "0%", "0.0", "#,##0;(#,##0)", "+0", "0.00%"])
@pytest.mark.parametrize("year, used", [(2024, True), (2023, False)])
def test_a_year_cell_under_a_number_format_is_its_number(tmp_path, context, code, year, used):
    """``Năm:`` | ``2024`` under ``#,##0.00`` shows ``2,024.00``, under ``0%`` ``202400%``:
    the year is the number (the whole file was rejected, "không phải là một năm"); under a
    format writing words (``"Năm "0``) the words are kept (below)."""
    import openpyxl

    from corpus_rows import HEADER, regs
    from helpers import input_file
    from thidua.ingest.files import ingest_file

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Mã đơn vị:", "Q-HK"], ["Năm:", year], HEADER, *regs(2)):
        sheet.append(row)
    sheet["B2"].number_format = code
    book.save(tmp_path / "Q-HK_dk.xlsx")
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    if used:
        assert (result.status, result.rows["valid"]) == ("used", 2), result.problem
    else:  # the title's 2023 read, and it disagrees with the folder's 2024
        assert result.status == "rejected" and "2023" in result.problem
        assert "không phải là một năm" not in result.problem


def test_a_year_format_that_writes_words_is_read_as_shown(tmp_path, context):
    import openpyxl

    from corpus_rows import HEADER, regs
    from helpers import input_file
    from thidua.ingest.files import ingest_file

    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["Mã đơn vị: Q-HK"], [2023], HEADER, *regs(2)):
        sheet.append(row)
    sheet["A2"].number_format = '"Năm: "0'
    book.save(tmp_path / "Q-HK_dk.xlsx")
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert result.status == "rejected" and "2023" in result.problem  # ``Năm: 2023`` read
