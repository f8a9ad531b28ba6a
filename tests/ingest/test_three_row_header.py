"""A header over three rows: groups (``Mô hình đăng ký``, ``Đơn vị, cá nhân thực hiện``),
sub-groups (``Người/tập thể thực hiện`` | ``Công đoàn``), the form's labels on the third row,
with or without a row of column numbers under it. Each column is named by its lowest label:
before, the group's words swallowed the position column and every individual was rejected
"Thiếu 'Chức vụ'", and the number row was rejected as a registration (fresh tester J's J050,
J088; ``table._third_row``; ``docs/contracts.md``, "The header row")."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.table import find_table

GROUPS = ["STT", "Mô hình đăng ký", "", "", "Đơn vị, cá nhân thực hiện", "", "", "",
          "Thời gian thực hiện", "Kết quả", "Ghi chú"]
SUBGROUPS = ["", "Tên mô hình", "Lĩnh vực", "Hình thức", "Người/tập thể thực hiện", "",
             "Công đoàn", "", "", "", ""]
LABELS = ["", "", "", "", "Tên tập thể/cá nhân", "Chức vụ", "Cấp công đoàn", "Công đoàn cơ sở",
          "", "", ""]
NUMBERS = [f"({i})" for i in range(1, 12)]
MERGES = ["A3:A5", "B3:D3", "E3:H3", "B4:B5", "C4:C5", "D4:D5", "E4:F4", "G4:H4",
          "I3:I5", "J3:J5", "K3:K5"]


@pytest.mark.parametrize("numbers", [True, False])
def test_a_three_row_header_reads_every_column(tmp_path, context, numbers):
    rows = regs(4)
    path = tmp_path / "Q-DD_dk.xlsx"
    header = [GROUPS, SUBGROUPS, LABELS, *([NUMBERS] if numbers else [])]
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-DD"], ["Năm: 2024"], *header, *rows],
                            merges=MERGES)])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 4, 0)
    assert result.registrations["position"].tolist()[1::2] == ["Tổ trưởng tổ Công đoàn", "Công nhân"]
    assert result.registrations["registrant"].tolist()[0] == rows[0][4]
    assert not any("cùng tiêu đề" in n for n in result.readings)


def test_the_three_rows_name_the_columns_by_their_lowest_label():
    grid = [GROUPS, SUBGROUPS, LABELS, NUMBERS, regs(1)[0]]
    table = find_table(grid)
    assert table.header_rows == (0, 1, 2, 3)
    assert [table.columns[c] for c in range(4, 8)] == ["registrant", "position", "level",
                                                       "grassroots_union"]


def test_a_first_registration_under_a_two_row_header_stays_data():
    """Look-alikes: the row under a header over two rows is its third row only when it holds
    nothing but headers; a registration (whose level and union spell headers), a row of
    numbers or hints are not."""
    top = ["STT", "Mô hình đăng ký", "Mô hình đăng ký", "Mô hình đăng ký", *HEADER[4:]]
    below = ["", "Tên mô hình", "Lĩnh vực", "Hình thức", *[""] * 7]
    first = regs(1)[0]
    first[6], first[7] = "Cấp công đoàn", "Công đoàn cơ sở"
    assert find_table([top, below, first]).header_rows == (0, 1)
    assert find_table([top, below, NUMBERS, first]).header_rows == (0, 1, 2)
    assert find_table([HEADER, first]).header_rows == (0,)
