"""A ``Thời gian thực hiện`` column written month first (``3/15/2024``: a spreadsheet in a US
locale, Google Sheets' CSV export) is read month first, told; one column decides for all its
cells (the seventh tester's F3; ``docs/contracts.md``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from corpus_rows import HEADER, reg
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.usdates import day_first, month_first, read_day_first


@pytest.mark.parametrize("periods, first", [
    (["3/15/2024", "3/5/2024"], True), (["3/15/2024 - 12/15/2024", None], True),
    (["15/3/2024", "3/15/2024"], False),  # both orders: not one column's habit
    (["15/3/2024", "3/5/2024"], False), (["3/5/2024"], False), ([dt.date(2024, 3, 15)], False),
    (["01/2024 - 12/2024"], False), (["13/13/2024"], False), ([], False),
    (["1-15/10/2024", "3-5/10/2024"], False),  # days of one month, no date of the year 10 (W709)
    (["1-15/10/2024", "3/15/2024"], False)])
def test_a_column_written_month_first(periods, first):
    assert month_first(pd.Series(periods, dtype=object)) is first


@pytest.mark.parametrize("written, read", [
    ("3/15/2024", "15/3/2024"), ("3/15/2024 - 12/15/2024", "15/3/2024 - 15/12/2024"),
    ("03-05-2024", "05-03-2024"), ("Cả năm 2024", "Cả năm 2024"), (None, None), (2024.0, 2024.0)])
def test_each_date_turned_day_first(written, read):
    assert day_first(written) == read


def test_the_note_names_an_example_and_the_data_keeps_other_columns():
    data = pd.DataFrame({"model": ["a", "b"], "period": ["3/5/2024", "3/15/2024"]})
    read, note = read_day_first(data)
    assert read["period"].tolist() == ["5/3/2024", "15/3/2024"]
    assert read["model"].tolist() == ["a", "b"] and data["period"].tolist()[0] == "3/5/2024"
    assert note == ("Cột 'Thời gian thực hiện' ghi ngày theo kiểu tháng/ngày/năm (bảng tính đặt "
                    "ngôn ngữ Mỹ, ví dụ '3/15/2024'): đã đọc theo tháng/ngày/năm ('3/15/2024' là "
                    "'15/3/2024'). Đề nghị lần sau ghi ngày/tháng/năm hoặc đổi ngôn ngữ bảng tính "
                    "sang Việt Nam.")
    assert read_day_first(data.assign(period=["5/3/2024", "15/3/2024"]))[1] is None


def test_a_google_sheets_csv_counts_its_registrations(tmp_path, context):
    periods = ["3/15/2024", "3/5/2024 - 12/20/2024", "12/15/2023"]
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER]
    rows += [[*reg(i)[:8], p, *reg(i)[9:]] for i, p in enumerate(periods)]
    write_csv(tmp_path / "Q-HK_dk.csv", rows)
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.csv"), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 2, 1)
    starts = result.registrations["period_start"].dt.date.tolist()
    assert starts == [dt.date(2024, 3, 15), dt.date(2024, 3, 5)]
    assert result.rejections[["row", "value", "error"]].values.tolist() == [
        [6, "12/15/2023", "'Thời gian thực hiện' '12/15/2023' không trùng với năm báo cáo 2024."]]
    assert any(line.startswith("Cột 'Thời gian thực hiện' ghi ngày theo kiểu tháng/ngày/năm")
               for line in result.readings)


# --- a period in two columns (``Từ ngày`` | ``Đến ngày``): the two decide as one -----------
# (fresh tester's T183, T189: every row rejected "ngày 03/15/2024 không có … có vẻ ghi theo
# kiểu tháng/ngày/năm", though one column so written was read)
def test_two_period_columns_written_month_first_are_read_so():
    data = pd.DataFrame({"period_from": ["3/5/2024", "3/15/2024"],
                         "period_to": ["11/30/2024", "12/1/2024"]})
    read, note = read_day_first(data)
    assert read["period_from"].tolist() == ["5/3/2024", "15/3/2024"]
    assert read["period_to"].tolist() == ["30/11/2024", "1/12/2024"]  # 12/1: decided by the sheet
    assert note == ("Các cột 'Từ ngày', 'Đến ngày' ghi ngày theo kiểu tháng/ngày/năm (bảng tính "
                    "đặt ngôn ngữ Mỹ, ví dụ '3/15/2024'): đã đọc theo tháng/ngày/năm "
                    "('3/15/2024' là '15/3/2024'). Đề nghị lần sau ghi ngày/tháng/năm hoặc đổi "
                    "ngôn ngữ bảng tính sang Việt Nam.")


def test_the_unit_s_own_headers_are_named():
    data = pd.DataFrame({"period_from": ["3/5/2024"], "period_to": ["11/30/2024"]})
    note = read_day_first(data, {"period_from": "Bắt đầu", "period_to": "Kết thúc"})[1]
    assert note.startswith("Các cột 'Bắt đầu', 'Kết thúc' ghi ngày theo kiểu tháng/ngày/năm "
                           "(bảng tính đặt ngôn ngữ Mỹ, ví dụ '11/30/2024')")


@pytest.mark.parametrize("first, last", [
    (["15/3/2024"], ["11/30/2024"]),  # one date only day first: both orders, read day first
    (["3/5/2024"], ["11/12/2024"]),  # nothing only month first
])
def test_two_columns_not_month_first_stay_as_written(first, last):
    data = pd.DataFrame({"period_from": first, "period_to": last})
    read, note = read_day_first(data)
    assert note is None and read is data


def test_a_us_csv_in_two_columns_counts_its_registrations(tmp_path, context):
    header = [*HEADER[:8], "Từ ngày", "Đến ngày", *HEADER[9:]]
    ends = [("3/15/2024", "11/30/2024"), ("3/5/2024", "11/30/2024"), ("12/15/2023", "12/20/2023")]
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], header]
    rows += [[*reg(i)[:8], a, b, *reg(i)[9:]] for i, (a, b) in enumerate(ends)]
    write_csv(tmp_path / "Q-HK_dk.csv", rows)
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.csv"), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 2, 1)
    assert result.registrations["period_start"].dt.date.tolist() == [
        dt.date(2024, 3, 15), dt.date(2024, 3, 5)]
    assert result.registrations["period_end"].dt.date.tolist() == [dt.date(2024, 11, 30)] * 2
    assert result.rejections[["row", "column", "error"]].values.tolist() == [
        [6, "Từ ngày", "'Thời gian thực hiện' ('Từ ngày' – 'Đến ngày') '12/15/2023 - 12/20/2023' "
                       "không trùng với năm báo cáo 2024."]]
    assert any(line.startswith("Các cột 'Từ ngày', 'Đến ngày' ghi ngày theo kiểu tháng/ngày/năm")
               for line in result.readings)


def test_rows_only_month_first_in_a_day_first_column_are_read_month_first_and_told():
    """Fresh tester T's T150: a column mostly day first (``15/03/24``) with some rows that can
    only be month first (``3/15/24 - 11/30/24``, ``5/20/24``): those rows read month first,
    told with their rows; an ambiguous row (``3/5/24``) stays day first."""
    data = pd.DataFrame({"period": ["15/03/24 - 30/11/24", "3/15/24 - 11/30/24", "3/5/24",
                                    "5/20/24", "1/13/2024-12/28/2024", None]},
                        index=[8, 9, 10, 11, 12, 13], dtype=object)
    read, note = read_day_first(data)
    assert read["period"].tolist() == ["15/03/24 - 30/11/24", "15/3/24 - 30/11/24", "3/5/24",
                                       "20/5/24", "13/1/2024-28/12/2024", None]
    assert note == ("Cột 'Thời gian thực hiện', dòng 9, 11, 12: ngày ghi theo kiểu tháng/ngày/"
                    "năm, khác các dòng khác ('3/15/24 - 11/30/24'): đã đọc theo tháng/ngày/năm "
                    "('3/15/24 - 11/30/24' là '15/3/24 - 30/11/24'). Đề nghị ghi ngày/tháng/năm "
                    "như các dòng khác.")


def test_a_row_of_two_columns_decides_as_one():
    data = pd.DataFrame({"period_from": ["15/3/2024", "3/5/2024", "20/1/2024"],
                         "period_to": ["11/30/2024", "11/30/2024", "30/6/2024"]}, index=[5, 6, 7])
    read, note = read_day_first(data)
    assert read["period_from"].tolist() == ["15/3/2024", "5/3/2024", "20/1/2024"]
    assert read["period_to"].tolist() == ["11/30/2024", "30/11/2024", "30/6/2024"]
    assert note.startswith("Các cột 'Từ ngày', 'Đến ngày', dòng 6: ")


def test_a_us_row_among_day_first_rows_counts(tmp_path, context):
    ends = [("15/03/24 - 30/11/24", "15/3/2024"), ("3/15/24 - 11/30/24", "15/3/2024"),
            ("5/20/24", "20/5/2024")]
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER]
    rows += [[*reg(i)[:8], p, *reg(i)[9:]] for i, (p, _) in enumerate(ends)]
    write_csv(tmp_path / "Q-HK_dk.csv", rows)
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.csv"), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 3, 0)
    assert [d.strftime("%-d/%-m/%Y") for d in result.registrations["period_start"]] == [
        s for _, s in ends]
    assert any("dòng 5, 6: ngày ghi theo kiểu tháng/ngày/năm" in n for n in result.readings)
