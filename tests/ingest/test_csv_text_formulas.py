"""A CSV whose cells are Excel's text formulas, ``="01"``: how web systems' "Xuất Excel" keep
leading zeros and codes as text; Excel shows the text inside (fresh tester I's I031, I120:
the period ``="01/2024 - 12/2024"`` rejected every row). Other formulas are never evaluated."""

from __future__ import annotations

import pytest

from helpers import HEADER, input_file, row
from thidua.ingest.files import ingest_file
from thidua.ingest.workbook import csv_grids, text_formula


@pytest.mark.parametrize(("cell", "shown"), [
    ('="01"', "01"),
    ('="01/2024 - 12/2024"', "01/2024 - 12/2024"),
    ('="Q-BTL"', "Q-BTL"),
    ('= "2024"', "2024"),
    (' ="Kinh tế" ', "Kinh tế"),
    ('="Tổ ""Hoa sen"" số 1"', 'Tổ "Hoa sen" số 1'),
    ('=""', ""),
    ('=A1', "=A1"),  # a formula of another kind: left as written, never evaluated
    ('="a"&"b"', '="a"&"b"'),
    ('=HYPERLINK("http://x")', '=HYPERLINK("http://x")'),
    ('="01', '="01'),  # not closed
    ('Năm ="2024"', 'Năm ="2024"'),  # not the whole cell
    ('"01"', '"01"'),
    ("Kinh tế", "Kinh tế"),
])
def test_a_text_formula_is_the_text_excel_shows(cell, shown):
    assert text_formula(cell) == shown


def _csv(cells: list[list[object]]) -> bytes:
    return "\r\n".join(";".join(str(c) for c in line) for line in cells).encode("utf-8-sig")


def test_a_web_export_writing_every_cell_as_a_text_formula_is_read_whole(tmp_path, context):
    def wrapped(values):
        return ['="%s"' % str(v).replace('"', '""') if v is not None else "" for v in values]

    lines = [['Mã đơn vị: ="Q-BD"'], ["Năm: 2024"], [],
             HEADER, *(wrapped(row(model=f"Mô hình số {i}", stt=f"0{i}")) for i in range(1, 4)),
             wrapped(row(model="Góc sách", stt="04", period="01/2023 - 12/2023"))]
    path = tmp_path / "Q-BD_dvk-2024.csv"
    path.write_bytes(_csv(lines))
    grid = csv_grids(path.read_bytes())[0][0][1]
    assert grid[4][:4] == ["01", "Mô hình số 1", "Kinh tế", "Tập thể"]
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    assert result.registrations["period"].tolist()[0] == "01/2024 - 12/2024"
    assert result.registrations["model"].tolist() == ["Mô hình số 1", "Mô hình số 2", "Mô hình số 3"]
    rejected = result.rejections["error"].tolist()
    assert len(rejected) == 1 and "01/2023 - 12/2023" in rejected[0] and '="' not in rejected[0]


@pytest.mark.parametrize(("name", "separator", "encoding"), [
    ("Q-BD_dvk.txt", "\t", "utf-16"),  # Excel's "Unicode Text"
    ("Q-BD_dvk.csv", ",", "utf-8"),
    ("Q-BD_dvk.xls", ";", "utf-8-sig"),  # a web system's CSV under an .xls name
])
def test_text_formulas_in_every_text_table(tmp_path, context, name, separator, encoding):
    lines = [["Mã đơn vị: Q-BD"], ["Năm: 2024"], [], HEADER,
             *(['="0%d"' % i, f"Mô hình {i}", '="Kinh tế"', "Tập thể", "Tổ 1", "", "Cơ sở", "",
                '="01/2024 - 12/2024"', "Hoàn thành", ""] for i in (1, 2))]
    path = tmp_path / name
    path.write_bytes("\r\n".join(separator.join(line) for line in lines).encode(encoding))
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.registrations["period"].tolist() == ["01/2024 - 12/2024"] * 2
