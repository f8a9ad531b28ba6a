"""``rejected.csv`` has one line per rejected row or file (``spec/outputs.md``): a row with
several problems has them in one line, its columns, values and reasons joined in the same
order (the fresh29 tester's F11: a row with three problems gave three lines, so a tool counting
lines got another figure than ``summary.json``'s ``rows.rejected``)."""

from __future__ import annotations

import csv
import io

import pandas as pd

from thidua.ingest.rejections import REJECTION_COLUMNS
from thidua.publish.outputs import one_line_per_row, rejected_csv_bytes


def _frame(records):
    frame = pd.DataFrame(records, columns=REJECTION_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    return frame


RECORDS = [
    ("a.xlsx", "DS", 8, "Hình thức", "xx", "'xx' không hợp lệ."),
    ("a.xlsx", "DS", 8, "Lĩnh vực", "", "Thiếu 'Lĩnh vực'."),
    ("b.xlsx", None, pd.NA, None, None, "Tệp bị từ chối: hỏng."),
    ("a.xlsx", "DS", 9, "Tên mô hình", "=1+1", "Quá ngắn."),
    ("a.xlsx", "DS", 8, "Tên mô hình", "=x", "Công thức."),
    ("a.xlsx", "DS2", 8, "Lĩnh vực", "KX", "Sai."),
    ("b.xlsx", None, pd.NA, None, None, "Tệp bị từ chối: lần hai."),
]


def test_the_problems_of_one_row_are_one_record_in_order():
    out = one_line_per_row(_frame(RECORDS))
    assert list(out.columns) == REJECTION_COLUMNS
    assert [[None if pd.isna(v) else v for v in r] for r in out.values.tolist()] == [
        ["a.xlsx", "DS", 8, "Hình thức | Lĩnh vực | Tên mô hình", "xx |  | =x",
         "'xx' không hợp lệ. | Thiếu 'Lĩnh vực'. | Công thức."],
        ["b.xlsx", None, None, None, None, "Tệp bị từ chối: hỏng."],
        ["a.xlsx", "DS", 9, "Tên mô hình", "=1+1", "Quá ngắn."],
        ["a.xlsx", "DS2", 8, "Lĩnh vực", "KX", "Sai."],  # another sheet: another row
        ["b.xlsx", None, None, None, None, "Tệp bị từ chối: lần hai."],  # files stay one each
    ]


def test_no_rejection_gives_no_record():
    assert one_line_per_row(_frame([])).empty


def test_rejected_csv_has_a_line_per_rejected_row_and_neutralises_formulas():
    text = rejected_csv_bytes(_frame(RECORDS)).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    assert lines[0] == REJECTION_COLUMNS
    assert len(lines) == 1 + 5
    assert lines[3] == ["a.xlsx", "DS", "9", "Tên mô hình", "'=1+1", "Quá ngắn."]
    assert lines[1][4] == "xx |  | =x"  # a formula not at the start is no formula
