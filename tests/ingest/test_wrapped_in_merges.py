"""A model's name typed on two rows (Enter instead of Alt+Enter) with the item's number and
every other cell merged over both rows is one registration, its name joined (tester B's F8:
the second line was counted as a registration of its own; ``mergedrows.wrapped_in_merges``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file

MODEL = HEADER.index("Tên mô hình")


def _book(tmp_path, second_line: str, merged_columns: list[int]):
    """Rows 4–5: one individual's item whose model is on both rows, ``merged_columns`` merged
    over them; rows 6–7 two ordinary registrations."""
    item = reg(1)
    item[MODEL] = "Góc an ninh trật tự"
    wrapped = [""] * len(HEADER)
    wrapped[MODEL] = second_line
    letters = "ABCDEFGHIJK"
    merges = [f"{letters[c]}4:{letters[c]}5" for c in merged_columns]
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, item, wrapped,
                                   reg(2), reg(3)], merges=merges)])
    return path


EVERY_OTHER = [c for c in range(len(HEADER)) if c != MODEL]


@pytest.mark.parametrize("merged", [EVERY_OTHER,
                                    [c for c in EVERY_OTHER if c != HEADER.index("Tên tập thể/cá nhân")],
                                    [0, 2, 3]])
def test_the_second_line_joins_the_item_above(tmp_path, context, merged):
    result = ingest_file(input_file(_book(tmp_path, "tại khu nhà trọ công nhân", merged)), context)
    assert (result.rows["valid"], result.rows["rejected"], result.rows["ignored"]) == (3, 0, 1)
    assert result.registrations["model"].tolist()[0] == "Góc an ninh trật tự tại khu nhà trọ công nhân"
    assert any(n.startswith("Dòng 5 đã được ghép vào dòng 4") for n in result.readings)


def test_a_second_model_of_the_same_person_under_merged_cells_stays_a_registration(tmp_path,
                                                                                  context):
    result = ingest_file(input_file(_book(tmp_path, "Tủ sách pháp luật", EVERY_OTHER)), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.registrations["model"].tolist()[:2] == ["Góc an ninh trật tự",
                                                          "Tủ sách pháp luật"]


def test_without_the_number_merged_the_rows_are_two(tmp_path, context):
    merged = [c for c in EVERY_OTHER if c != 0]
    result = ingest_file(input_file(_book(tmp_path, "tại khu nhà trọ công nhân", merged)), context)
    assert result.rows["valid"] + result.rows["rejected"] == 4
