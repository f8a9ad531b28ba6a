"""A coded column's number shown as words by its number format (a drop-down's index linked
to the cell, ``1`` under ``[=1]"Tập thể";[=2]"Cá nhân"``; a literal format ``"Kinh tế"``):
read as the words the unit sees. Before, every row was rejected "'1' không hợp lệ … Ô ghi
bằng số" though the cells showed the words (fresh tester P's P083, P084, P097, P156, P158,
P159). ``thidua/ingest/numfmt.py`` (``_conditional``, a section of words only) and
``thidua/ingest/rows.py`` (``_as_shown``)."""

from __future__ import annotations

import openpyxl
import pytest

from corpus_rows import HEADER, reg
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.numfmt import format_number

TYPES = '[=1]"Tập thể";[=2]"Cá nhân"'


@pytest.mark.parametrize("value, code, shown", [
    (1, TYPES, "Tập thể"), (2, TYPES, "Cá nhân"), (3, TYPES, None),  # no section: as read
    (2, '[=1]"A";[=2]"B";"C"', "B"), (7, '[=1]"A";[=2]"B";"C"', "C"),
    (1, '[>=100]0;"nhỏ"', "nhỏ"), (150, '[>=100]0;"nhỏ"', "150"),
    (1, '[<>1]"khác";"một"', "một"), (2, '[<>1]"khác";"một"', "khác"),
    (0.5, '[<1]"dưới";"trên"', "dưới"), (1, '[<=1]"đến 1";"hơn"', "đến 1"),
    (1, '"Kinh tế"', "Kinh tế"), (4, '"Xây dựng HTCT"', "Xây dựng HTCT"),
    (5, ";;;", None), (5, "[Red]0", "5"), (300, "0000", "0300"), (0, '0;-0;"không"', "không"),
])
def test_conditions_and_sections_of_words(value, code, shown):
    assert format_number(value, code) == shown


@pytest.mark.parametrize("column, code, values, expected", [
    (3, TYPES, [1, 2, 1, 2], ["collective", "individual", "collective", "individual"]),
    (2, '[=1]"Kinh tế";[=2]"Văn hóa - xã hội";"An ninh - quốc phòng"', [1, 2, 3, 3],
     ["KT", "VHXH", "ANQP", "ANQP"]),
    (9, '[=1]"Hoàn thành";[=2]"Tiêu biểu"', [1, 2, 1, 1],
     ["hoan_thanh", "tieu_bieu", "hoan_thanh", "hoan_thanh"]),
])
def test_a_coded_column_reads_the_words_its_format_shows(tmp_path, context, column, code,
                                                         values, expected):
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in (["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER):
        ws.append(line)
    for i, value in enumerate(values):
        row = reg(i, field="Kinh tế" if column == 2 else None)
        row[column] = value
        ws.append(row)
        ws.cell(row=ws.max_row, column=column + 1).number_format = code
    path = tmp_path / "Q-HK_dk.xlsx"
    wb.save(path)
    result = ingest_file(input_file(path), context)
    assert result.rows["valid"] == 4
    name = {2: "field", 3: "type", 9: "result"}[column]
    assert result.registrations[name].tolist() == expected


def test_a_number_its_format_does_not_show_as_words_is_still_rejected(tmp_path, context):
    wb = openpyxl.Workbook()
    ws = wb.active
    for line in (["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER):
        ws.append(line)
    row = reg(0)
    row[3] = 3
    ws.append(row)
    ws.cell(row=4, column=4).number_format = TYPES  # 3: no section shows it
    path = tmp_path / "Q-HK_dk.xlsx"
    wb.save(path)
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (0, 1)
    assert result.rejections["value"].tolist() == ["3"]
