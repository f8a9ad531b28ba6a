"""A year typed in a cell formatted as a date: ``2024`` shows ``16/07/1905`` (fresh tester I's
I025: the title's ``Năm:`` so written rejected the whole file as "không phải là một năm")."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from corpus_rows import HEADER as FORM_HEADER, reg
from corpus_writers import Num, Sheet, write_ods, write_xls, write_xlsx
from helpers import HEADER, input_file, row
from thidua.ingest.files import ingest_file
from thidua.ingest.periods import parse_period, year_of_date_cell


@pytest.mark.parametrize(("value", "year"), [
    (dt.date(1905, 7, 16), 2024),  # 1900 date system: day 2024
    (dt.datetime(1905, 7, 16, 0, 0), 2024),
    (dt.date(1909, 7, 17), 2024),  # 1904 date system: day 2024
    (dt.date(1905, 6, 22), 2000),
    (dt.date(1905, 6, 21), None),  # day 1999
    (dt.date(1905, 10, 8), None),  # day 2108
    (dt.date(2024, 7, 16), None),  # a real date
    (2024, None), ("16/07/1905", None), (None, None),
])
def test_a_date_whose_day_number_is_a_year(value, year):
    assert year_of_date_cell(value) == year


def test_a_period_cell_holding_a_year_as_a_date_is_that_year():
    assert parse_period(dt.date(1905, 7, 16), 2024) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert parse_period(dt.date(2024, 3, 5), 2024) == (dt.date(2024, 3, 5), dt.date(2024, 3, 5))


def test_the_titles_year_in_a_date_cell_is_the_year(tmp_path, context):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Mã đơn vị: Q-BD"])
    ws.append(["Năm:", dt.datetime(1905, 7, 16)])
    ws["B2"].number_format = "dd/mm/yyyy"
    ws.append([])
    ws.append(list(HEADER))
    for i in (1, 2):
        ws.append(row(model=f"Mô hình {i}", stt=i))
    wb.save(tmp_path / "Q-BD_dvk.xlsx")
    result = ingest_file(input_file(tmp_path / "Q-BD_dvk.xlsx"), context)
    assert result.status == "used" and result.rows["valid"] == 2


@pytest.mark.parametrize("value", [dt.datetime(2024, 1, 1), "01/01/2024", "31/12/2024"])
def test_the_titles_year_written_as_a_date_is_its_year(value):
    # fresh tester I's I136: ``Năm:`` | a date cell 01/01/2024 rejected the whole file
    from thidua.ingest.titleblock import parse_title

    assert parse_title([["Mã đơn vị: Q-BD"], ["Năm:", value]]).year == 2024


def test_a_title_year_that_is_no_date_nor_year_still_rejects_the_file():
    from thidua.ingest.titleblock import parse_title
    from thidua.ingest.workbook import FileRejected

    with pytest.raises(FileRejected, match="không phải là một năm"):
        parse_title([["Năm:", "32/13/2024"]])


def test_a_date_in_the_year_lines_remark_is_no_year():
    from thidua.ingest.titleblock import parse_title
    from thidua.ingest.workbook import FileRejected

    with pytest.raises(FileRejected, match="không phải là một năm"):
        parse_title([["Năm: 2024 (số liệu đến 30/11/2023)"]])
    with pytest.raises(FileRejected, match="không phải là một năm"):
        parse_title([["Năm:", "đến 30/11/2024"]])


# --- the same in an .xls (xlwt) and an .ods (odfpy), both date systems of an .xls ----------

PERIOD = FORM_HEADER.index("Thời gian thực hiện")


def as_date_cell(year: int, date1904: bool = False) -> Num:
    """``year`` typed in a ``dd/mm/yyyy`` cell: the date of day number ``year``."""
    day = (dt.date(1904, 1, 1) if date1904 else dt.date(1899, 12, 30)) + dt.timedelta(days=year)
    return Num(year, "dd/mm/yyyy", day.strftime("%d/%m/%Y"))


@pytest.mark.parametrize(("suffix", "date1904"), [
    ("xls", False), ("xls", True), ("ods", False), ("xlsx", False)])
def test_a_year_in_a_date_cell_in_every_workbook_format(tmp_path, context, suffix, date1904):
    """Title ``Năm:`` | 2024 and the period column 2024 typed in date cells; a row whose
    period cell holds 2023 so is rejected as another year, a real date in the period reads as
    that day."""
    rows = [["Mã đơn vị: Q-BD"], ["Năm:", as_date_cell(2024, date1904)], [],
            list(FORM_HEADER)]
    for i in range(3):
        line = reg(i)
        line[PERIOD] = as_date_cell(2023 if i == 2 else 2024, date1904)
        rows.append(line)
    real = reg(3)
    real[PERIOD] = dt.date(2024, 3, 5)
    rows.append(real)
    path = tmp_path / f"Q-BD_dvk.{suffix}"
    sheets = [Sheet("DS", rows)]
    if suffix == "xls":
        write_xls(path, sheets, date1904=date1904)
    else:
        (write_ods if suffix == "ods" else write_xlsx)(path, sheets)
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit) == ("used", "Q-BD")
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    valid = result.registrations
    assert valid.index.tolist() == [5, 6, 8]
    assert [d.date() for d in valid["period_start"]] == [dt.date(2024, 1, 1)] * 2 + [
        dt.date(2024, 3, 5)]
    assert [d.date() for d in valid["period_end"]] == [dt.date(2024, 12, 31)] * 2 + [
        dt.date(2024, 3, 5)]
    assert result.rejections["row"].tolist() == [7]
    shown = "16/07/1909" if date1904 else "15/07/1905"  # 2023 as a date
    assert result.rejections[["column", "value", "error"]].values.tolist() == [[
        "Thời gian thực hiện", shown,
        f"'Thời gian thực hiện' '{shown}' không trùng với năm báo cáo 2024."]]
