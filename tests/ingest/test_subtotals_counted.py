"""A subtotal naming its field (or type) with its count after it: ``Cộng lĩnh vực Văn hóa - xã
hội: 02 mô hình``, ``Cộng (AN-QP): 02``, merged across the table or in column A only, after
each field's rows. Before, those whose field has a dash or brackets were rejected as
registrations ("'Cộng lĩnh vực …' không hợp lệ ở cột 'Cấp công đoàn'", "Thiếu 'Hình thức'",
then "Lặp lại đúng dòng …"), while ``Cộng lĩnh vực Kinh tế: 02 mô hình`` was ignored (fresh
tester J's J063, J081, J114; ``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.normalise import is_totals


@pytest.mark.parametrize("text, totals", [
    ("Cộng lĩnh vực Văn hóa - xã hội: 02 mô hình", True),
    ("Cộng lĩnh vực An ninh - Quốc phòng: 02 mô hình", True),
    ("Cộng lĩnh vực Xây dựng hệ thống chính trị: 02 mô hình", True),
    ("Cộng lĩnh vực VH-XH: 2 mô hình", True), ("Cộng (AN-QP): 02", True),
    ("Cộng [Tập thể]: 3", True), ("Cộng lĩnh vực Văn hóa - xã hội 02 mô hình", True),
    ("Cộng(Kinh tế)", True), ("Cộng lĩnh vực Văn hóa - xã hội", True),
    # models, never totals
    ("Cộng đồng khởi nghiệp: 02 mô hình", False), ("Cộng tác viên dân vận 2024", False),
    ("Cộng (AN-QP) vì bình yên khu phố", False), ("Cộng lĩnh vực Văn hóa - xã hội và thể thao: 2",
                                                 False),
])
def test_a_subtotal_of_a_field_with_its_count(text, totals):
    assert is_totals([text]) is totals


@pytest.mark.parametrize("merged", [True, False])
def test_subtotal_lines_after_each_fields_rows_are_ignored(tmp_path, context, merged):
    rows, merges = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER], []
    width = len(HEADER)
    for n, (field, line) in enumerate([
            ("Kinh tế", "Cộng lĩnh vực Kinh tế: 02 mô hình"),
            ("Văn hóa - xã hội", "Cộng lĩnh vực Văn hóa - xã hội: 02 mô hình"),
            ("An ninh - Quốc phòng", "Cộng (AN-QP): 02"),
            ("Xây dựng hệ thống chính trị", "Cộng lĩnh vực Xây dựng hệ thống chính trị: 02")]):
        rows += [reg(2 * n, field=field), reg(2 * n + 1, field=field)]
        rows.append([line] + [None] * (width - 1))
        if merged:
            merges.append(f"A{len(rows)}:{chr(ord('A') + width - 1)}{len(rows)}")
    rows.append(["Tổng cộng: 08 mô hình"] + [None] * (width - 1))
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", rows, merges)])
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    assert result.rows == {"read": 13, "valid": 8, "rejected": 0, "ignored": 5}
