"""Issue 10 (P4): Phụ lục 2 as a workbook people can filter, and as its own PDF above a size."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from thidua.report import appendix


def _registrations(n: int) -> pd.DataFrame:
    return pd.DataFrame({
        "unit": ["Q-DD", "Q-BD"] * (n // 2), "file": ["dd.xlsx", "bd.xlsx"] * (n // 2),
        "field": ["VHXH", "KT"] * (n // 2), "type": ["individual", "collective"] * (n // 2),
        "model": [f"Mô hình {i:03d}" for i in range(n)],
        "registrant": ["=1+1", "CĐCS Ánh Dương"] * (n // 2),
        "result": ["tieu_bieu", "tieu_bieu", "hoan_thanh", "tieu_bieu"] * (n // 4),
    }, index=range(7, 7 + n))


NAMES = {"Q-BD": "LĐLĐ quận Ba Đình", "Q-DD": "LĐLĐ quận Đống Đa"}


def test_the_rows_are_the_exemplary_models_in_the_report_order_with_file_and_excel_row():
    rows = appendix.exemplary_rows(_registrations(8), NAMES)
    assert list(rows.columns) == appendix.COLUMNS
    assert rows[["STT", "Lĩnh vực", "Tên mô hình", "Mã đơn vị", "Tệp", "Dòng (Excel)"]].values.tolist() == [
        [1, "Kinh tế", "Mô hình 001", "Q-BD", "bd.xlsx", 8],
        [2, "Kinh tế", "Mô hình 003", "Q-BD", "bd.xlsx", 10],
        [3, "Kinh tế", "Mô hình 005", "Q-BD", "bd.xlsx", 12],
        [4, "Kinh tế", "Mô hình 007", "Q-BD", "bd.xlsx", 14],
        [1, "Văn hóa - xã hội", "Mô hình 000", "Q-DD", "dd.xlsx", 7],
        [2, "Văn hóa - xã hội", "Mô hình 004", "Q-DD", "dd.xlsx", 11],
    ]


def test_the_workbook_has_a_filter_on_every_column_and_keeps_formulas_as_text():
    rows = appendix.exemplary_rows(_registrations(8), NAMES)
    book = openpyxl.load_workbook(io.BytesIO(appendix.exemplary_workbook(rows)))
    sheet = book["Phụ lục 2"]
    assert sheet.auto_filter.ref == "A1:I7"
    assert [c.value for c in sheet[1]] == appendix.COLUMNS
    assert sheet["D6"].value == "=1+1" and sheet["D6"].data_type == "s"  # never a formula
    assert sheet.freeze_panes == "A2"
