"""A quote a program wrote without quoting its cell, in a CSV written naively (no quoting at
all): ``"Chợ 0 đồng`` opening a note, ``"Ngày hội …`` opening a model, a ditto mark ``"``
alone. The csv module reads it as a quoted cell that runs on over the next lines, swallowing
whole rows: before, 6 of 8 registrations vanished silently (``rows.read`` 2; fresh tester P's
P114, P165, P168, P203). Each line is then one record, a line with an odd number of quotes
read with its quotes as written (``thidua/ingest/workbook.py``, ``_parse_csv``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.workbook import _parse_csv


def _naive(rows: list[list], sep: str) -> str:
    """Rows joined as a naive exporter writes them: no quoting at all."""
    return "\r\n".join(sep.join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"


def _read(tmp_path, context, rows, sep=",", suffix="csv"):
    path = tmp_path / f"Q-HK_dk.{suffix}"
    path.write_text(_naive([["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows], sep),
                    encoding="utf-8")
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("sep, suffix", [(",", "csv"), (";", "csv"), ("\t", "tsv")])
@pytest.mark.parametrize("column, value", [
    (10, '"Chợ 0 đồng'),  # a note opening with a quote
    (1, '"Ngày hội gia đình công nhân năm 2024'),  # a model opening with one
    (7, '"'),  # a ditto mark alone
])
def test_an_open_quote_swallows_no_row(tmp_path, context, sep, suffix, column, value):
    rows = regs(8)
    rows[1][column] = value
    result = _read(tmp_path, context, rows, sep, suffix)
    assert result.rows["read"] == 8
    assert result.rows["valid"] + result.rows["rejected"] == 8
    assert result.rows["valid"] >= 7
    assert len(result.registrations) == result.rows["valid"]


def test_the_open_quote_s_row_keeps_its_cells():
    text = ('STT,Tên mô hình,Lĩnh vực,Hình thức,Tên,Chức vụ\r\n'
            '1,"Ngày hội,Kinh tế,TT,CĐCS A,\r\n2,Tủ sách,KT,CN,Lê B,Tổ trưởng\r\n')
    assert _parse_csv(text, ",") == [
        ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên", "Chức vụ"],
        ["1", '"Ngày hội', "Kinh tế", "TT", "CĐCS A", ""],
        ["2", "Tủ sách", "KT", "CN", "Lê B", "Tổ trưởng"]]


@pytest.mark.parametrize("text, cell", [
    ('1,"ghi chú dòng một\r\ndòng hai, ba",KT\r\n', "ghi chú dòng một\r\ndòng hai, ba"),
    ('1,"a, b, c\nd, e, f",KT\n', "a, b, c\nd, e, f"),  # three separators a line: a note
    ('1,"Tổ ""A"" tốt",KT\n', 'Tổ "A" tốt'),
])
def test_a_quoted_cell_over_several_lines_stays_one_cell(text, cell):
    assert _parse_csv(text, ",")[0][1] == cell


def test_four_separators_on_a_swallowed_line_are_a_row_three_a_note():
    five = '1,"Ngày hội,Kinh tế,TT,CĐCS A\r\n2,Tủ sách,KT,CN,Lê B\r\n'
    assert _parse_csv(five, ",")[1] == ["2", "Tủ sách", "KT", "CN", "Lê B"]
    four = '1,"Ngày hội,Kinh tế,TT\r\n2,Tủ sách,KT,CN\r\n'
    assert len(_parse_csv(four, ",")) == 1  # read as the csv module reads it
