"""Label and value in two cells of the title block (issue 16.2), in .xlsx, .xls, .ods, .csv."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from helpers import input_file, row, write_xlsx
from thidua.ingest.files import SUPERSEDED, USED, ingest_file
from thidua.ingest.selection import select_submissions
from thidua.ingest.identify import TitleBlock, checked_sent_date, parse_title
from thidua.ingest.read import FileRejected


@pytest.mark.parametrize("name,sent", [
    ("F-TB1_hai-o.xlsx", dt.date(2024, 12, 5)), ("F-TB2_khong-dau.xls", dt.date(2024, 12, 4)),
    ("F-TB3_bao-cao.ods", dt.date(2024, 12, 3)), ("F-TB4_hai-o.csv", dt.date(2024, 12, 6))])
def test_labels_and_values_in_two_cells_are_read_in_every_format(results, name, sent):
    result = results[name]
    assert (result.status, result.unit, result.sent_date) == (USED, name.split("_")[0], sent)


@pytest.mark.parametrize("rows,expected", [
    ([["Ngày gửi:", "05/12/2024"]], TitleBlock(sent_date=dt.date(2024, 12, 5))),
    ([["Ngày gửi: 05/12/2024"]], TitleBlock(sent_date=dt.date(2024, 12, 5))),
    ([["NGÀY GỬI", "05/12/2024"]], TitleBlock(sent_date=dt.date(2024, 12, 5))),
    ([["Ngay gui 05/12/2024"]], TitleBlock(sent_date=dt.date(2024, 12, 5))),
    ([["Ngày gửi báo cáo:", "", "05/12/2024"][::2]], TitleBlock(sent_date=dt.date(2024, 12, 5))),
    ([["Ngày gửi:", "45631"]], TitleBlock(sent_date=dt.date(2024, 12, 5))),  # a date as number
    ([["Mã đơn vị:", "q-dd", "Năm:", "2024"]], TitleBlock("Q-DD", 2024)),
    ([["Ma don vi", "Q-DD"], ["NĂM", "2024"]], TitleBlock("Q-DD", 2024)),
    ([["Năm học 2024-2025"], ["Nam Định"], ["Năm 2024"]], TitleBlock(year=2024)),
    ([["Ngày gửi:", "Mã đơn vị:", "Q-DD"]], TitleBlock("Q-DD")),  # no value: the next label
    (["Mã đơn vị: Q-DD", "Năm: 2024"], TitleBlock("Q-DD", 2024)),  # lines still work
])
def test_title_labels_in_one_or_two_cells_any_spelling(rows, expected):
    assert parse_title(rows) == expected


def test_a_colon_makes_a_bad_year_an_error_and_a_bad_date_a_remark():
    with pytest.raises(FileRejected, match="Năm: 20x4"):
        parse_title([["Năm:", "20x4"]])
    assert parse_title([["Ngày gửi:", "đầu tháng 12"]]).sent_text == "đầu tháng 12"


def test_the_sent_date_in_two_cells_beats_a_newer_file_time(tmp_path, context):
    """The issue's case: the file sent later loses on file time when its date is unread."""
    old = write_xlsx(tmp_path / "Q-DD_cu.xlsx", [row()], title=["Ngày gửi: 01/12/2024"])
    new = tmp_path / "Q-DD_moi.xlsx"
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Ngày gửi:", dt.date(2024, 12, 5)])
    ws.append([])
    from helpers import HEADER
    ws.append(HEADER)
    for i in range(6):
        ws.append(row(model=f"Mô hình số {i + 1} của đơn vị", stt=i + 1))
    wb.save(new)
    os.utime(new, (1_732_000_000, 1_732_000_000))  # 2024-11-19: older than both dates
    chosen = select_submissions([ingest_file(input_file(p), context) for p in (old, new)])
    assert [r.status for r in chosen] == [SUPERSEDED, USED]
    assert chosen[1].rows["valid"] == 6 and chosen[1].sent_date == dt.date(2024, 12, 5)


# --- 'Ngày gửi:' in every common shape; a two-digit year is 20yy -----------------------------
@pytest.mark.parametrize("value,sent", [
    ("02/12/24", dt.date(2024, 12, 2)), ("2/12/24", dt.date(2024, 12, 2)),
    ("5/1/25", dt.date(2025, 1, 5)), ("02-12-2024", dt.date(2024, 12, 2)),
    ("02.12.2024", dt.date(2024, 12, 2)), ("2024-12-02", dt.date(2024, 12, 2)),
    ("ngày 2 tháng 12 năm 2024", dt.date(2024, 12, 2)),
    ("Hà Nội, ngày 02 tháng 12 năm 2024", dt.date(2024, 12, 2)),
    ("31/02/24", None), ("Năm học 2024-2025", None)])
def test_the_sent_date_is_read_in_every_common_shape(value, sent):
    assert parse_title([["Ngày gửi:", value]]).sent_date == sent


def test_a_two_digit_year_out_of_range_is_still_checked_for_plausibility():
    title = parse_title(["Ngày gửi: 02/12/31"])
    assert title.sent_date == dt.date(2031, 12, 2)
    assert checked_sent_date(title, 2024) == (None, (
        "Ngày gửi 02/12/2031 nằm ngoài năm 2024 và năm 2025; đã dùng thời gian sửa tệp thay cho "
        "ngày gửi."))


@pytest.mark.parametrize("unit,sent", [
    ("F-SD1", dt.date(2024, 12, 20)), ("F-SD2", dt.date(2025, 1, 5)),
    ("F-SD3", dt.date(2024, 12, 20)), ("F-SD4", dt.date(2024, 12, 20)),
    ("F-SD5", dt.date(2024, 12, 20))])
def test_the_newer_sent_date_wins_in_every_format_and_shape(results, unit, sent):
    newer = next(r for name, r in results.items() if name.startswith(f"{unit}_a-moi"))
    older = next(r for name, r in results.items() if name.startswith(f"{unit}_b-cu"))
    assert (newer.status, newer.sent_date, newer.rows["valid"]) == (USED, sent, 3)
    assert older.status == SUPERSEDED and older.sent_date < sent


# --- labels laid out as offices do: a colon in its own cell, several labels on one row -----
@pytest.mark.parametrize("rows,code,year,sent", [
    ([["Mã đơn vị", ":", "Q-BD"], ["Năm", ":", "2023"]], "Q-BD", 2023, None),
    ([["Ngày gửi", ":", "05/12/2024"]], None, None, dt.date(2024, 12, 5)),
    ([["Mã đơn vị: Q-HK Năm: 2023"]], "Q-HK", 2023, None),
    ([["Mã đơn vị: Q-HK Ngày gửi: 05/12/2024 Năm: 2024"]], "Q-HK", 2024, dt.date(2024, 12, 5)),
    ([["Mã đơn vị:", "Q-LB", "Năm:", "2023"]], "Q-LB", 2023, None),
    ([["Mã đơn vị - Q-DD"]], "Q-DD", None, None),
    ([["Mã đơn vị – Q-DD", "Năm – 2024"]], "Q-DD", 2024, None),
    ([["Mã đơn vị", "—", "Q-DD"]], "Q-DD", None, None),
    ([["LĐLĐ quận Nam Từ Liêm: danh sách Năm học 2024-2025"]], None, None, None),
    ([["Mã đơn vị", ":"]], None, None, None),
])
def test_a_colon_cell_a_dash_and_several_labels_in_one_cell_are_read(rows, code, year, sent):
    title = parse_title(rows)
    assert (title.unit_code, title.year, title.sent_date) == (code, year, sent)


def test_a_colon_cell_before_a_bad_year_is_an_error_as_a_colon_is():
    with pytest.raises(FileRejected, match="Dòng 'Năm: hai không hai tư'"):
        parse_title([["Năm", ":", "hai không hai tư"]])


def _title_then_header(path, title_row):
    import openpyxl

    from helpers import HEADER

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(title_row)  # right above the header: never its upper half
    ws.append(HEADER)
    ws.append(row())
    wb.save(path)
    return path


@pytest.mark.parametrize("title_row", [
    ["Mã đơn vị:", "Q-DD", "Năm:", 2023], ["Mã đơn vị:", "Q-DD", None, None, None, "Năm:", 2023],
    ["Mã đơn vị", "Q-DD", None, "Năm", 2023], ["Mã đơn vị", ":", "Q-DD", "Năm", ":", 2023],
    ["Mã đơn vị: Q-DD        Năm: 2023"]])
def test_a_title_line_right_above_the_header_is_read_not_taken_for_a_header(
        tmp_path, context, title_row):
    path = _title_then_header(tmp_path / "Q-DD_mot-dong.xlsx", title_row)
    result = ingest_file(input_file(path), context)
    assert result.problem == ("Năm ở tiêu đề (2023) khác năm của thư mục (2024); đề nghị kiểm "
                              "tra lại tệp hoặc chuyển tệp vào đúng thư mục năm.")


def test_a_code_in_a_title_line_right_above_the_header_is_checked_against_the_file_name(
        tmp_path, context):
    path = _title_then_header(tmp_path / "Q-DD_mot-dong.xlsx", ["Mã đơn vị", ":", "Q-BD"])
    result = ingest_file(input_file(path), context)
    assert result.problem == ("Mã đơn vị không thống nhất (dòng 'Mã đơn vị:' ở tiêu đề: Q-BD; "
                              "tên tệp: Q-DD).")


def test_a_real_header_over_two_rows_is_still_one():
    from thidua.ingest.table import find_table

    grid = [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Người thực hiện", None],
            [None, None, None, None, "Tên tập thể/cá nhân", "Chức vụ"],
            [1, "Bữa cơm", "KT", "TT", "CĐCS A", None]]
    assert find_table(grid).header_rows == (0, 1)


@pytest.mark.parametrize("rows,code,year", [
    ([["Mã đơn vị: Q-HK, năm 2023"]], "Q-HK", 2023),
    ([["Mã đơn vị: Q-HK - Năm 2023"]], "Q-HK", 2023),
    ([["Mã đơn vị: Q-HK (năm 2023)"]], "Q-HK", 2023),
    ([["LĐLĐ QUẬN HOÀN KIẾM Mã đơn vị: Q-HK"]], "Q-HK", None),
    ([["Hà Nội, ngày 05 tháng 01 năm 2025"]], None, None),  # a dated line gives no year
])
def test_a_year_after_the_code_in_its_cell_is_the_titles_year(rows, code, year):
    title = parse_title(rows)
    assert (title.unit_code, title.year) == (code, year)


@pytest.mark.parametrize("block", [
    "LĐLĐ QUẬN HOÀN KIẾM\nMã đơn vị: Q-DD\nNăm: 2023",
    "LĐLĐ QUẬN HOÀN KIẾM\nMã đơn vị Q-DD\nNăm 2023",  # no colons: only the lines tell
    "DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO\r\nMã đơn vị: Q-DD\r\nNăm: 2023\r\nNgày gửi: 05/12/2024"])
def test_a_title_block_typed_in_one_cell_with_alt_enter_is_read_line_by_line(
        tmp_path, context, block):
    import openpyxl

    from helpers import HEADER

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([block])
    ws.merge_cells("A1:K2")
    ws.append([])
    ws.append(HEADER)
    ws.append(row())
    path = tmp_path / "Q-DD_mot-o.xlsx"
    wb.save(path)
    result = ingest_file(input_file(path), context)
    assert result.problem == ("Năm ở tiêu đề (2023) khác năm của thư mục (2024); đề nghị kiểm "
                              "tra lại tệp hoặc chuyển tệp vào đúng thư mục năm.")


@pytest.mark.parametrize("line, told", [
    ("Ngày gửi: 31/11/2024", "Dòng 'Ngày gửi: 31/11/2024' không đọc được (ngày 31/11/2024 không có "
     "(tháng 11/2024 có 30 ngày)); đã dùng thời gian sửa tệp thay cho ngày gửi."),
    ("Ngày gửi: mười hai", "Dòng 'Ngày gửi: mười hai' không đọc được (cần ghi đủ ngày, tháng, năm, "
     "ví dụ 05/12/2024 hoặc 05 tháng 12 năm 2024); đã dùng "
     "thời gian sửa tệp thay cho ngày gửi."),
])
def test_an_unreadable_sent_date_says_why(line, told):
    """The fresh29 tester's F7: ``31/11/2024`` was told to be written dd/mm/yyyy, as it was."""
    from thidua.ingest.titleblock import checked_sent_date

    assert checked_sent_date(parse_title([[line]]), 2024) == (None, told)
