"""Issue 10 (P4): Phụ lục 2 as a workbook people can filter, and as its own PDF above a size."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

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


@pytest.mark.parametrize("rows, expected", [
    (0, [(0, 0)]),                      # the heading alone
    (150, [(0, 150)]),                  # under two parts' worth: one part
    (400, [(0, 200), (200, 400)]),      # as many parts of 200 rows as there are
    (2001, [(0, 250), (250, 500), (500, 750), (750, 1000), (1000, 1251), (1251, 1501),
            (1501, 1751), (1751, 2001)]),  # eight equal parts, never 1.500 + 501
    (12000, [(k * 1500, (k + 1) * 1500) for k in range(8)]),
])
def test_the_appendix_is_cut_into_equal_parts(rows, expected):
    assert appendix.part_bounds(rows) == expected


def test_a_big_appendix_keeps_parts_of_at_most_part_rows_and_equal_sizes():
    bounds = appendix.part_bounds(100_000)
    assert len(bounds) == 67 and bounds[0] == (0, 1493) and bounds[-1][1] == 100_000
    assert {stop - start for start, stop in bounds} == {1492, 1493}
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:]))  # no row lost or twice


def test_a_chosen_part_size_is_kept_whatever_the_minimum_of_parts():
    assert appendix.part_bounds(120, 40) == [(0, 40), (40, 80), (80, 120)]
    assert appendix.part_bounds(1000, 1000) == [(0, 1000)]  # one document, as the benchmark's
