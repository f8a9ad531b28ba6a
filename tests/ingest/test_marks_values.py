"""Tick boxes and values: a box holding the name of one of the column's values gives that
value, and a first registration whose two ``Lĩnh vực`` cells hold field names is never
read as the sub-headers of tick boxes (``spec/submission-form.md``, "The header row": a
choice by marks; ``docs/contracts.md``)."""

from __future__ import annotations

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from test_marks import TYPE_COL, TYPES, ingest, ticked, two_row_sheet
from thidua.ingest.files import ingest_file
from thidua.ingest.marks import marked_value
from thidua.ingest.table import find_table


def test_a_box_naming_another_value_gives_that_value():
    marks = {3: ("type", "collective"), 4: ("type", "individual")}
    assert marked_value([None] * 3 + ["Cá nhân", None], marks, "type") == "Cá nhân"
    assert marked_value([None] * 3 + ["x", None], marks, "type") == "Tập thể"
    assert marked_value([None] * 3 + ["Tập thể", "x"], marks, "type") == "Tập thể, Cá nhân"
    assert marked_value([None] * 3 + ["Cá nhân", "x"], marks, "type") == "Cá nhân"


def test_a_type_written_in_the_wrong_box_counts_as_written(tmp_path, corpus_context):
    rows = regs(4)
    boxes = ticked(rows, TYPE_COL, TYPES, marks={0: [None, "Tập thể"]})
    result = ingest(tmp_path, two_row_sheet(boxes, TYPE_COL, TYPES, "Hình thức"),
                    corpus_context)
    assert result.rows["valid"] == 4
    assert result.registrations["type"].tolist() == [
        "collective", "individual", "collective", "individual"]


def _twins(first: tuple[str, str]) -> list[list]:
    """Two ``Lĩnh vực`` columns (C, D); the first registration's two cells are ``first``."""
    header = [*HEADER[:3], "Lĩnh vực", *HEADER[3:]]
    rows = [[*r[:3], r[2], *r[3:]] for r in regs(3)]
    rows[0][2:4] = first
    return [header, *rows]


def test_a_first_registration_with_two_field_names_is_data_not_tick_boxes():
    table = find_table(_twins(("An ninh - quốc phòng", "Kinh tế")))
    assert table.header_rows == (0,) and table.marks == {}


def test_tick_boxes_under_their_header_are_still_found():
    grid = _twins(("An ninh - quốc phòng", "Kinh tế"))
    sub = [None] * len(grid[0])
    sub[2:4] = ["Kinh tế", "Văn hóa - xã hội"]
    table = find_table([grid[0], sub, *grid[1:]])
    assert table.header_rows == (0, 1)
    assert table.marks == {2: ("field", "KT"), 3: ("field", "VHXH")}


def test_the_first_registration_is_counted_with_its_visible_field(tmp_path, corpus_context):
    grid = _twins(("An ninh - quốc phòng", "Kinh tế"))
    for row in grid[2:]:
        row[2] = None  # the visible C filled on the first row only, D (hidden) on all
    path = tmp_path / "S-01_twins.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: S-01"], ["Năm: 2024"], *grid],
                            hidden_columns=[3])])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["ANQP", "VHXH", "ANQP"]
