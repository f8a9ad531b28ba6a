"""Two tables side by side on one sheet (``Tập thể`` in A:K, ``Cá nhân`` in M:W) are read as
two tables, every row of each counted (tester B's F1: the right table's rows beyond the left's
were counted nowhere and its cells glued onto the left's rows); last year's columns kept to
the right are no second table (``thidua/ingest/sidebyside.py``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.sidebyside import right_block
from thidua.ingest.table import find_table

COLLECTIVES = [reg(i) for i in (0, 2, 4, 6)]
INDIVIDUALS = [reg(i) for i in (1, 3, 5, 7, 9, 11, 13, 15)]


def _side_by_side(left: list[list], right: list[list], gap: int = 1, header_right=HEADER,
                  above: list[str] = ()) -> list[list]:
    """Title lines, then the two tables' rows beside each other, ``gap`` empty columns
    between."""
    width = len(HEADER)
    lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], []]
    if above:
        lines.append([above[0]] + [""] * (width + gap - 1) + [above[1]])
    lines.append(list(HEADER) + [""] * gap + list(header_right))
    for i in range(max(len(left), len(right))):
        a = list(left[i]) if i < len(left) else [""] * width
        b = list(right[i]) if i < len(right) else []
        lines.append(a + [""] * gap + b)
    return lines


@pytest.mark.parametrize("gap", [1, 2, 0])
def test_the_right_block_starts_after_the_gap_or_at_the_repeated_first_header(gap):
    grid = _side_by_side(COLLECTIVES, INDIVIDUALS, gap)
    assert right_block(grid, find_table(grid)) == len(HEADER) + gap


def test_one_table_has_no_right_block_even_with_a_header_twice():
    grid = [["Mã đơn vị: Q-HK"], HEADER + ["Tên mô hình"], reg(0) + ["x"]]
    assert right_block(grid, find_table(grid)) is None
    grid = [HEADER, *COLLECTIVES]
    assert right_block(grid, find_table(grid)) is None


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
@pytest.mark.parametrize("left, right", [(COLLECTIVES, INDIVIDUALS), (INDIVIDUALS, COLLECTIVES),
                                         (COLLECTIVES, INDIVIDUALS[:4])])
def test_every_row_of_both_tables_counts(tmp_path, context, suffix, left, right):
    path = tmp_path / f"Q-HK_dk.{suffix}"
    lines = _side_by_side(left, right, above=["I. TẬP THỂ", "II. CÁ NHÂN"])
    write_xlsx(path, [Sheet("DS", lines)]) if suffix == "xlsx" else write_csv(path, lines)
    result = ingest_file(input_file(path), context)
    assert result.status == "used"
    assert (result.rows["valid"], result.rows["rejected"]) == (len(left) + len(right), 0)
    counted = result.registrations
    assert sorted(counted["model"]) == sorted(r[1] for r in left + right)
    assert sorted(counted["registrant"]) == sorted(r[4] for r in left + right)
    right_sheet = "DS (bảng từ cột M)" if suffix == "xlsx" else "Bảng từ cột M"
    assert counted[counted["sheet"] == right_sheet]["model"].tolist() == [r[1] for r in right]
    assert result.rows["read"] == result.rows["valid"] + result.rows["ignored"]


def test_a_right_table_without_a_type_column_is_read_its_rows_typed_by_position(tmp_path,
                                                                                context):
    short = ["STT", "Tên mô hình", "Lĩnh vực", "Họ và tên", "Chức vụ"]
    right = [[r[0], r[1], r[2], r[4], r[5]] for r in INDIVIDUALS[:4]]
    right[3][4] = ""  # no position: asked its type
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", _side_by_side(COLLECTIVES, right, header_right=short))])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (7, 1)  # every row accounted
    assert result.registrations["type"].tolist() == ["collective"] * 4 + ["individual"] * 3
    assert result.rejections[["sheet", "column"]].values.tolist() == [
        ["DS (bảng từ cột M)", "Hình thức"]]


def test_last_year_s_columns_to_the_right_are_no_second_table(tmp_path, context):
    """Fresh tester C's s01: ``Tên mô hình năm 2023`` | ``Lĩnh vực năm 2023`` kept to the right."""
    lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER + ["", "Tên mô hình năm 2023",
                                                            "Lĩnh vực năm 2023"],
             *[r + ["", "Mô hình cũ", "Kinh tế"] for r in COLLECTIVES[:3]]]
    grid = lines[2:]
    assert right_block(grid, find_table(grid)) is None
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", lines)])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)


def test_two_columns_of_model_and_field_to_the_right_are_no_table():
    grid = [HEADER + ["", "Tên mô hình", "Lĩnh vực"], reg(0) + ["", "Ghi nhớ", "KT"]]
    assert right_block(grid, find_table(grid)) is None


def test_a_sheet_of_units_without_a_type_column_is_still_asked(tmp_path, context):
    """Collectives (no position) under a header without ``Hình thức`` are asked their type;
    a ``Họ và tên`` header gives none (fresh tester C's ht01)."""
    for registrant in ("Tên tập thể/cá nhân", "Họ và tên"):
        header = ["STT", "Tên mô hình", "Lĩnh vực", registrant, "Chức vụ"]
        path = tmp_path / "Q-HK_dk.xlsx"
        rows = [[r[0], r[1], r[2], r[4], r[5]] for r in COLLECTIVES[:3]]
        write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], header, *rows])])
        result = ingest_file(input_file(path), context)
        assert (result.rows["valid"], result.rows["rejected"]) == (0, 3)
        assert set(result.rejections["column"]) == {"Hình thức"}
