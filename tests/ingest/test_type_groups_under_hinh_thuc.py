"""``Hình thức`` merged over ``Tập thể`` | ``Cá nhân`` whose cells hold the registrant's NAME,
with no ``Tên tập thể/cá nhân`` column: the name is the registrant, its column gives the type
(fresh tester J's J065: every row rejected "Thiếu 'Tên tập thể/cá nhân'"). Tick boxes marked
``x`` stay tick boxes, with a registrant column or without (``typegroups._names_in``;
``docs/contracts.md``, "The header row")."""

from __future__ import annotations

import pytest

from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.table import find_table
from thidua.ingest.typegroups import name_columns
from test_type_groups import ROWS  # the same three registrations under another header

TITLE = [["Mã đơn vị: H-DA"], ["Năm: 2024"]]
HEADER = [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "", "Chức vụ", "Kết quả"],
          ["", "", "", "Tập thể", "Cá nhân", "", ""]]
MERGES = ["D3:E3", "A3:A4", "B3:B4", "C3:C4", "F3:F4", "G3:G4"]


def test_the_names_under_the_type_s_sub_columns_are_the_registrants(tmp_path, context):
    path = tmp_path / "H-DA_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [*TITLE, *HEADER, *ROWS], merges=MERGES)])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 3, 0)
    assert result.registrations["type"].tolist() == ["individual", "collective", "individual"]
    assert result.registrations["registrant"].tolist() == ["Trần Thị Lan", "CĐCS Công ty A",
                                                           "Hoàng Văn Nam"]
    assert any("hình thức của mỗi dòng đã lấy theo cột có tên" in n for n in result.remarks)


@pytest.mark.parametrize("tick", ["x", "X", "✓", "1"])
def test_tick_boxes_stay_tick_boxes(tick):
    ticked = [[r[0], r[1], r[2], tick if r[3] else "", tick if r[4] else "", r[5], r[6]]
              for r in ROWS]
    grid = [*HEADER, *ticked]
    assert name_columns(grid, find_table(grid)) is None
    with_names = [[*HEADER[0], "Tên tập thể/cá nhân"], [*HEADER[1], ""],
                  *[[*r, "Nguyễn A"] for r in ROWS]]  # names beside, the boxes hold names too
    assert name_columns(with_names, find_table(with_names)) is None


def test_tick_boxes_beside_a_registrant_column_are_read_as_marks(tmp_path, context):
    path = tmp_path / "H-DA_dk.xlsx"
    header = [[*HEADER[0], "Tên tập thể/cá nhân"], [*HEADER[1], ""]]
    rows = [[*r[:3], "x" if r[3] else "", "x" if r[4] else "", *r[5:], r[3] or r[4]] for r in ROWS]
    write_xlsx(path, [Sheet("DS", [*TITLE, *header, *rows], merges=[*MERGES, "H3:H4"])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    assert result.registrations["type"].tolist() == ["individual", "collective", "individual"]
    assert not any("hình thức của mỗi dòng đã lấy theo cột có tên" in n for n in result.remarks)
