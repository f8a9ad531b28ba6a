"""A title's ``Năm:`` and ``Mã đơn vị:`` as other people type them: a colon of another
script (``Năm：2023``, copied from the web or an Asian keyboard), a full stop or a semicolon
for the colon (``Năm. 2023``), and the year typed as a date formatted ``yyyy`` (Excel shows
``2024``). Before, the first two were not read (a 2023 list counted in 2024 without a word)
and the third rejected the file as "'Năm: 15/06/2024' không phải là một năm" (the seventh
tester's F1, F2; ``spec/submission-form.md``, "Title block"; ``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Num, Sheet, write_ods, write_xls, write_xlsx
from helpers import input_file
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.numfmt import format_number, is_year_only
from thidua.ingest.titleblock import is_title_line, parse_title


@pytest.mark.parametrize("line, year", [
    ("Năm：2023", 2023), ("Năm﹕2023", 2023), ("Năm∶ 2023", 2023), ("Năm. 2023", 2023),
    ("Năm.2023", 2023), ("Năm; 2023", 2023), ("Năm, 2023", 2023), ("Năm, tháng", None), ("Năm/2023", 2023),
    ("Năm học 2023/2024", None), ("NĂM. 2023", 2023), ("Năm báo cáo. 2023", 2023),
    ("Năm học 2023-2024", None), ("Năm.", None), ("Năm 2023", 2023)])
def test_a_year_after_a_slip_of_the_colon_is_read(line, year):
    assert parse_title([[line]]).year == year


@pytest.mark.parametrize("line, code", [
    ("Mã đơn vị：Q-HK", "Q-HK"), ("Mã đơn vị. Q-HK", "Q-HK"), ("Mã đơn vị; Q-HK", "Q-HK"),
    ("Mã đơn vị, Q-BD", "Q-BD"),
    ("Mã đơn vị：Q-HK   Năm：2023", "Q-HK")])
def test_a_code_after_a_slip_of_the_colon_is_read(line, code):
    assert parse_title([[line]]).unit_code == code
    assert parse_title([["Mã đơn vị：Q-HK   Năm：2023"]]).year == 2023


def test_a_sent_date_after_a_full_stop_and_title_lines_so_typed():
    assert str(parse_title([["Ngày gửi. 05/12/2024"]]).sent_date) == "2024-12-05"
    assert is_title_line(["Năm. 2023"]) and is_title_line(["Mã đơn vị：Q-HK"])
    assert not is_title_line(["Năm học 2023-2024"])


@pytest.mark.parametrize("code, shown", [
    ("yyyy", "2024"), ("YYYY", "2024"), ("yyy", "2024"), ("yy", "24"), ("[$-42A]yyyy", "2024"),
    ('"Năm "yyyy', "Năm 2024"), ("dd/mm/yyyy", None), ("mm/yyyy", None), ("mmm-yy", None)])
def test_a_date_formatted_as_its_year_alone_is_shown_as_the_year(code, shown):
    assert format_number(45458.0, code) == shown  # 15/06/2024
    assert is_year_only(code) is (shown is not None)


def _file(tmp_path, context, writer, year_cell, suffix=".xlsx"):
    rows = [["LIÊN ĐOÀN LAO ĐỘNG QUẬN HOÀN KIẾM"], ["Mã đơn vị: Q-HK"], ["Năm:", year_cell],
            HEADER, *regs(3)]
    path = tmp_path / f"Q-HK_dk{suffix}"
    writer(path, [Sheet("DS", rows)])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("writer, suffix", [(write_xlsx, ".xlsx"), (write_xls, ".xls"),
                                            (write_ods, ".ods")])
def test_a_year_typed_as_a_date_formatted_yyyy_is_that_year(tmp_path, context, writer, suffix):
    result = _file(tmp_path, context, writer, Num(45458.0, "yyyy", "2024"), suffix)
    assert (result.status, result.rows["valid"]) == (USED, 3)
    earlier = _file(tmp_path, context, writer, Num(45100.0, "yyyy", "2023"), suffix)  # 22/06/2023
    assert earlier.status == REJECTED
    assert earlier.problem == ("Năm ở tiêu đề (2023) khác năm của thư mục (2024); đề nghị kiểm "
                               "tra lại tệp hoặc chuyển tệp vào đúng thư mục năm.")


def test_a_year_after_a_full_width_colon_decides_as_a_colon_s_would(tmp_path, context):
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm：2023"], HEADER, *regs(3)])])
    result = ingest_file(input_file(path), context)
    assert result.status == REJECTED and result.problem.startswith("Năm ở tiêu đề (2023) khác")
