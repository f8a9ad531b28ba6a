"""Labels split over two neighbouring cells, as a PDF converted to Excel leaves them (``Tên
mô`` | ``hình``, ``Lĩnh`` | ``vực``), the data merged over each pair or typed under either
cell: the two cells are one column (fresh tester J's J051, J052: the whole file was rejected
"Không tìm thấy dòng tiêu đề …"). Cells naming columns of their own are never joined
(``table._joined_labels``; ``docs/contracts.md``, "The header row")."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.table import _joined_labels, find_table

SPLIT = ["STT", "Tên mô", "hình", "Lĩnh", "vực", *HEADER[3:]]


def _spread(row: list, right: bool) -> list:
    """A registration in :data:`SPLIT`'s columns, its model and field in the left cell of
    each pair, or in the right one."""
    model, field = ([row[1], ""], [row[2], ""]) if not right else (["", row[1]], ["", row[2]])
    return [row[0], *model, *field, *row[3:]]


@pytest.mark.parametrize("merged", [True, False])
def test_a_label_split_over_two_cells_is_one_column(tmp_path, context, merged):
    rows = [_spread(row, right=not merged and i % 2 == 1) for i, row in enumerate(regs(4))]
    merges = [f"{a}{r}:{b}{r}" for r in range(4, 8) for a, b in ("BC", "DE")] if merged else []
    path = tmp_path / "Q-BD_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-BD"], ["Năm: 2024"], SPLIT, *rows],
                            merges=merges)])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 4, 0)
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]
    assert result.registrations["model"].tolist() == [r[1] for r in regs(4)]


def test_cells_naming_columns_are_never_joined():
    assert _joined_labels(HEADER) is None
    assert _joined_labels(["STT", "Tên mô", "hình", "Lĩnh vực"]) == [
        "STT", "Tên mô hình", "Tên mô hình", "Lĩnh vực"]
    assert _joined_labels(["Tên mô hình", "Kinh", "tế"]) is None
    table = find_table([SPLIT, regs(1)[0]])
    assert (table.columns[1], table.columns[3], table.unknown[2]) == ("model", "field", "Tên mô hình")
