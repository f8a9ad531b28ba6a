"""The rows Excel's Data > Subtotal inserts (``Kinh tế Count``, ``Grand Total``, in a
Vietnamese Excel ``Kinh tế Đếm``, ``Tổng Đếm``) are totals rows: ignored, never rejected
(tester B's F6; ``spec/submission-form.md``, "Rows that are not data")."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.normalise import is_totals


@pytest.mark.parametrize("texts", [
    ["3", "Kinh tế Count"], ["12", "Grand Count"], ["Grand Total", "12"], ["3", "Kinh tế Đếm"],
    ["12", "Tổng Đếm"], ["Văn hóa - xã hội Total", "7"], ["Cá nhân Sum", "4"],
    ["Kinh tế Tổng"], ["Kinh tế Trung bình", "2,5"],
])
def test_excel_s_subtotal_labels_with_their_counts_are_totals(texts):
    assert is_totals(texts)


@pytest.mark.parametrize("texts", [
    ["Phong trào thi đua tổng", "Kinh tế", "Tập thể"],  # a model with its field and type
    ["Bữa cơm ca", "Nguyễn Văn A"], ["Kinh tế Count", "Nguyễn Văn A"], ["Count"],
])
def test_a_row_with_more_than_a_label_and_numbers_is_no_excel_subtotal(texts):
    assert not is_totals(texts)


def test_a_list_with_excel_subtotals_counts_its_rows_and_ignores_the_subtotals(tmp_path, context):
    rows = [reg(i, field="Kinh tế") for i in range(3)]
    empty = [""] * len(HEADER)

    def subtotal(label: str, n: int) -> list:
        line = list(empty)
        line[1], line[2] = n, label
        return line
    lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows, subtotal("Kinh tế Count", 3),
             *[reg(i, field="Văn hóa - xã hội") for i in range(3, 5)],
             subtotal("Văn hóa - xã hội Count", 2), subtotal("Grand Count", 5)]
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", lines)])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"], result.rows["ignored"]) == (5, 0, 3)


@pytest.mark.parametrize("label", ["Total", "Tổng", "TOTAL"])
def test_an_excel_table_s_total_row_in_english_or_vietnamese_is_a_totals_row(tmp_path, context,
                                                                             label):
    """Insert > Table with its Total Row on writes ``Total`` (English Excel) or ``Tổng``
    (Vietnamese) in the first column and ``=SUBTOTAL(103, …)`` under the model (fresh tester
    L's L098, L153)."""
    rows = [reg(i, field="Kinh tế") for i in range(8)]
    line = [""] * len(HEADER)
    line[0], line[1] = label, 8
    path = tmp_path / "Q-HM_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HM"], ["Năm: 2024"], HEADER, *rows, line])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 9, "valid": 8, "rejected": 0, "ignored": 1}
