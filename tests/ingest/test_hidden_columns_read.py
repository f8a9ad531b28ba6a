"""A form column hidden (or of zero width) and the only one of its header is read, and the
unit is told (the seventh tester's F5; ``docs/contracts.md``: before, it said such a column
was ignored while the code read it without a word)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file


def _result(tmp_path, context, hidden):
    rows = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], ["Mã đơn vị", *HEADER]]
    rows += [["Q-HK", *row] for row in regs(3)]
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", rows, hidden_columns=hidden)])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("hidden, told", [
    ([3], "Cột D 'Lĩnh vực'"), ([10], "Cột K 'Kết quả'"),
    ([3, 4], "Cột D 'Lĩnh vực', cột E 'Hình thức'")])
def test_a_hidden_form_column_is_read_and_told(tmp_path, context, hidden, told):
    result = _result(tmp_path, context, hidden)
    assert (result.status, result.rows["valid"]) == (USED, 3)
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert f"{told} đang bị ẩn trong trang tính nhưng vẫn được đọc như mọi cột của biểu; đề " \
           f"nghị bỏ ẩn và kiểm tra lại các giá trị trong đó." in result.remarks


@pytest.mark.parametrize("hidden", [[0], [1], [11], []])
def test_a_template_s_hidden_code_number_or_note_column_is_not_told(tmp_path, context, hidden):
    result = _result(tmp_path, context, hidden)
    assert result.rows["valid"] == 3
    assert not any("đang bị ẩn" in line for line in result.remarks)
