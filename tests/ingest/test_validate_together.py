"""Sheets of one year validated in one pandera call (``validate_sheets``) give each sheet what
it gets alone, failing rows found in the right sheet at the right Excel row: what the mutation
run of thidua/ingest/validate.py found unchecked by its tests (``_schema_failures``)."""

from __future__ import annotations

import pandas as pd

from thidua.ingest.normalise import normalise_rows
from thidua.ingest.validate import validate_rows, validate_sheets

GOOD = {"model": "Tủ sách Công đoàn khu trọ", "field": "VHXH", "type": "Tập thể",
        "registrant": "CĐCS Công ty A", "period": "01/2024 - 12/2024", "result": "Hoàn thành"}


def _sheet(records: list[dict], first_row: int):
    raw = pd.DataFrame.from_records(records).astype(object)
    raw.index = pd.RangeIndex(first_row, first_row + len(raw), name="row")
    return normalise_rows(raw), raw


def test_sheets_of_one_year_together_each_get_their_own_rejections_at_their_rows():
    one = _sheet([GOOD, {**GOOD, "model": "Mô hình B", "field": "Bóng"}], 8)
    two = _sheet([{**GOOD, "model": "Mô hình C", "result": "Xuất sắc"}, GOOD,
                  {**GOOD, "model": "Mô hình D", "type": ""}], 5)
    three = _sheet([{**GOOD, "model": "Mô hình E"}], 12)
    sheets = [(*one, 2024, "a.xlsx", "DS1"), (*two, 2024, "a.xlsx", "DS2"),
              (*three, 2024, "b.xlsx", "DS")]
    together = validate_sheets(sheets)
    said = [r[["file", "sheet", "row", "column", "value"]].values.tolist() for _, r in together]
    assert said == [[["a.xlsx", "DS1", 9, "Lĩnh vực", "Bóng"]],
                    [["a.xlsx", "DS2", 5, "Kết quả", "Xuất sắc"],
                     ["a.xlsx", "DS2", 7, "Hình thức", ""]],
                    []]
    assert [v.index.tolist() for v, _ in together] == [[8], [6], [12]]
    for (valid, rejected), (rows, raw, year, file, sheet) in zip(together, sheets):
        alone = validate_rows(rows, raw, year=year, file=file, sheet=sheet)
        pd.testing.assert_frame_equal(alone[0], valid)
        pd.testing.assert_frame_equal(alone[1], rejected)
    two_only = validate_sheets(sheets[:2])  # a year of exactly two sheets
    for (valid, rejected), (kept, said_before) in zip(two_only, together[:2]):
        pd.testing.assert_frame_equal(valid, kept)
        pd.testing.assert_frame_equal(rejected, said_before)
