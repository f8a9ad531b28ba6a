"""``Tổng số`` opens a totals line only before a count or what is counted (``Tổng số: 12``,
``Tổng số mô hình``); a model that starts so (``Tổng số hóa đơn điện tử …``) is a
registration, rejected for what it lacks, never ignored as totals (issue 9.3; found by a
mutation run of ``normalise``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.normalise import is_totals


@pytest.mark.parametrize("text, totals", [
    ("Tổng số", True), ("Tổng số:", True), ("Tổng số 12", True), ("Tổng số: 12 mô hình", True),
    ("Tổng số mô hình: 12", True), ("Tổng số (06 mô hình)", True), ("Tổng số tập thể", True),
    ("Tổng số các mô hình", True), ("TONG SO", True), ("Tổng cộng", True),
    ("Tổng số hóa đơn điện tử được cấp", False), ("Tổng số đoàn viên được chăm lo", False),
    ("Tổng công ty May 10", False), ("Tổng kết 5 năm", False)])
def test_a_totals_line_by_its_words(text, totals):
    assert is_totals([text]) is totals


def test_a_model_starting_tong_so_without_field_or_type_is_rejected_not_ignored(tmp_path,
                                                                               context):
    row = reg(1, model="Tổng số hóa đơn điện tử được cấp cho đoàn viên")
    row[HEADER.index("Lĩnh vực")] = row[HEADER.index("Hình thức")] = None
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, reg(0), row])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert sorted(result.rejections["column"]) == ["Hình thức", "Lĩnh vực"]
