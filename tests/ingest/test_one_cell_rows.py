"""Rows of one cell far down a sheet are never matched as headers (fresh tester N's N128: a
CSV of 60.000 rows took 157 s, most of it matching every row as a header under each separator
the file does not use, where a row is one cell; ``table._filled``)."""

from __future__ import annotations

import thidua.ingest.table as table
from thidua.ingest.table import HEADER_SEARCH_ROWS, find_table, header_hint


def _one_cell_rows(n: int) -> list[list]:
    return [[f"{i},Mô hình thi đua số {i},Kinh tế,Tập thể,Tổ {i},,Cơ sở,,,,"] for i in range(n)]


def test_a_row_of_one_cell_is_never_matched_as_a_header_far_down(monkeypatch):
    calls = []
    real = table.row_names
    monkeypatch.setattr(table, "row_names", lambda row: calls.append(1) or real(row))
    grid = _one_cell_rows(2000)
    assert find_table(grid) is None
    assert header_hint(grid) == ""
    assert len(calls) <= 2 * HEADER_SEARCH_ROWS + 2  # the first rows only, once in each


def test_a_header_far_down_is_still_found():
    """A cover letter of 40 rows, then the header (fresh tester F's 147): its row has cells."""
    grid = [[f"Dòng thư {i}"] for i in range(40)] + [
        ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"],
        [1, "Mô hình một", "Kinh tế", "Tập thể", "Tổ A"]]
    found = find_table(grid)
    assert found is not None and found.header_rows == (40,)
