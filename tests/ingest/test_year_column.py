"""A column naming the year each registration is for (``Năm đăng ký``, ``Năm thực hiện``):
read as its period, so last year's rows left in the list are rejected as a period of another
year is (fresh tester F's 152: 3 rows of 2023 counted silently). ``Năm`` alone stays the
title's (``Năm: 2024``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.headers import header_name

TITLE = [["Mã đơn vị: Q-DD"], ["Năm: 2024"], []]


def _rows(years, period=""):
    return [[i + 1, f"Mô hình dân vận khéo số {i + 1}", "Kinh tế", "Tập thể", f"Tổ công đoàn {i}",
             None, "Cơ sở", None, period, "Hoàn thành", None, year]
            for i, year in enumerate(years)]


@pytest.mark.parametrize("header", ["Năm đăng ký", "Năm thực hiện", "NĂM ĐK"])
def test_rows_of_another_year_in_a_year_column_are_rejected(tmp_path, context, header):
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [*TITLE, [*HEADER, header], *_rows([2023, 2024, "2023", 2024])])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 2, "rejected": 2, "ignored": 0}
    assert result.registrations.index.tolist() == [6, 8]
    assert result.rejections[["row", "error"]].values.tolist() == [  # the unit's own header
        [5, f"'{header}' '2023' không trùng với năm báo cáo 2024."],
        [7, f"'{header}' '2023' không trùng với năm báo cáo 2024."]]


def test_a_period_written_wins_over_the_year_column(tmp_path, context):
    path = tmp_path / "Q-DD_dk.xlsx"
    rows = _rows([2024, 2024], period="01/2024 - 06/2024")
    write_xlsx(path, [Sheet("DS", [*TITLE, [*HEADER, "Năm đăng ký"], *rows])])
    result = ingest_file(input_file(path), context)
    assert result.rows["valid"] == 2
    assert result.registrations["period"].tolist() == ["01/2024 - 06/2024"] * 2


@pytest.mark.parametrize("text, name", [("Năm đăng ký", "period"), ("Năm", None),
                                        ("Năm: 2024", None), ("Năm 2024", None)])
def test_only_a_year_column_s_header_names_the_period(text, name):
    assert header_name(text) == name
