"""Two ways a file lost its year or a column (fresh tester A, 30/11): a ``Năm:`` line holding
the year and a remark (``Năm: 2024 (bổ sung)``, ``Năm: 2024 - Đợt 2``) rejected the whole file,
and Excel's text prefix kept as a character in a CSV or a cell (``'01/2024 - 12/2024``)
rejected the row's period (``titleblock.year_with_remark``, ``text.clean_text``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.read import FileRejected
from thidua.ingest.titleblock import parse_title, year_with_remark
from thidua.text import clean_text


@pytest.mark.parametrize("value, year", [
    ("2024 (bổ sung)", 2024), ("2024 - Đợt 2", 2024), ("2024 – đợt 2", 2024), ("2024 đợt 2", 2024),
    ("2024 (số liệu tính đến 30/11/2024)", 2024), ("2024, số liệu đến 30/11/2024", 2024),
    ("2025 (từ khi thành lập 01/10/2025)", 2025), ("năm 2024 (bổ sung)", 2024), ("2024(bs)", 2024),
    ("2.024 (bổ sung)", 2024), ("2024; bản sửa", 2024),
])
def test_a_year_and_a_remark_is_the_year(value, year):
    assert year_with_remark(value) == year
    assert parse_title([["Mã đơn vị: Q-DD"], [f"Năm: {value}"]]).year == year


@pytest.mark.parametrize("value", [
    "2024 (số liệu đến 30/11/2023)",  # two years
    "2024-25", "2024 - 25",            # a school year, not 2024
    "2024-2024x", "2024 12", "2024 năm 2025", "2024", "hai nghìn (2024)",
])
def test_a_remark_naming_another_year_or_no_remark_is_not_read_so(value):
    assert year_with_remark(value) is None


def test_a_year_line_without_its_colon_still_needs_the_year_alone():
    assert parse_title([["Năm 2024 kế hoạch"]]).year is None
    with pytest.raises(FileRejected, match="không phải là một năm"):
        parse_title([["Năm: 2024 (số liệu đến 30/11/2023)"]])


@pytest.mark.parametrize("text, clean", [
    ("'01/2024 - 12/2024", "01/2024 - 12/2024"), ("'KT", "KT"), ("'04", "04"),
    ("' Tập thể", "Tập thể"), ("'", ""),
    ("'Tổ 3' và tổ 4", "'Tổ 3' và tổ 4"), ("''", "''"), ("Tổ 'A'", "Tổ 'A'"), ("O'Neil", "O'Neil"),
])
def test_excel_s_text_prefix_is_dropped_when_no_other_apostrophe_follows(text, clean):
    assert clean_text(text) == clean


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("year_cell", ["Năm: 2024 (bổ sung)", "Năm: '2024", "Năm: 2024 - Đợt 2"])
def test_a_file_with_prefixed_periods_and_a_remarked_year_counts_every_row(tmp_path, context,
                                                                          suffix, year_cell):
    rows = [reg(i, period="'01/2024 - 12/2024") for i in range(3)] + [reg(3, period="'15/03/2024")]
    path = tmp_path / f"Q-HK_dk.{suffix}"
    lines = [["Mã đơn vị: Q-HK"], [year_cell], HEADER, *rows]
    write_xlsx(path, [Sheet("DS", lines)]) if suffix == "xlsx" else write_csv(path, lines, sep=";")
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 4, 0)
    assert result.registrations["period"].tolist()[:2] == ["01/2024 - 12/2024"] * 2
