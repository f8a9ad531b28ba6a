"""A two-row header whose group is merged over ``Lĩnh vực`` | ``Hình thức`` and named with a
word that may itself name a column (``Phân loại``, ``Loại``: a type or a result, decided by
the values under it): each lower row's own label names its column, never the group's words
(fresh tester J's J067, J111: every row rejected "Thiếu 'Lĩnh vực'", or its field read as a
type). ``table._own_header``; ``docs/contracts.md``, "The header row"."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.table import find_table


def _two_rows(group: str) -> list[list]:
    top = [*HEADER[:2], group, group, *HEADER[4:]]
    below = ["", "", "Lĩnh vực", "Hình thức", *[""] * (len(HEADER) - 4)]
    return [top, below]


def _merges() -> list[str]:
    return ["C3:D3", *[f"{c}3:{c}4" for c in "ABEFGHIJK"]]


@pytest.mark.parametrize("group", ["Phân loại", "Loại", "PHÂN LOẠI", "Phân loại mô hình",
                                   "Nội dung đăng ký", "Nhóm", "Lĩnh vực, hình thức"])
def test_the_lower_labels_name_the_columns_under_any_group(tmp_path, context, group):
    rows = regs(4)
    path = tmp_path / "N-YT_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: N-YT"], ["Năm: 2024"], *_two_rows(group), *rows],
                            merges=_merges())])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 4, 0)
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]
    assert result.registrations["type"].tolist() == ["collective", "individual"] * 2


def test_a_loại_header_alone_is_still_decided_by_its_values():
    """The look-alike that must not change: ``Loại`` over both rows holding results, beside
    ``Hình thức``, is the result column."""
    top = [*HEADER[:4], "Loại", *HEADER[4:9]]
    below = [""] * len(top)
    grid = [top, below, ["1", "Mô hình A", "Kinh tế", "Tập thể", "Tiêu biểu", "CĐCS A"]]
    table = find_table(grid)
    assert table.columns[4] == "result"
    grid[2][4] = "Tập thể"
    grid[2][3] = ""
    assert find_table([[*HEADER[:3], "Loại", *HEADER[4:]], grid[2]]).columns[3] == "type"
