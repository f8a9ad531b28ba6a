"""A summary by field and type under the table (``TỔNG HỢP THEO LĨNH VỰC``, then ``Kinh tế`` |
``Cá nhân`` | ``2`` lines, or ``Số mô hình`` | field | type | count) is totals: ignored, never
rejected as registrations missing their model (tester B's cases 147, 148)."""

from __future__ import annotations

import pandas as pd

from thidua.ingest.normalise import classify_rows, is_totals


def frame(records: list[dict]) -> pd.DataFrame:
    out = pd.DataFrame.from_records(records).astype(object)
    out.index = pd.RangeIndex(8, 8 + len(out), name="row")
    return out


BLANK = {"stt": "", "model": "", "field": "", "type": "", "registrant": "", "note": ""}
ROW = {**BLANK, "stt": 1, "model": "Bữa cơm ca", "field": "KT", "type": "TT",
       "registrant": "CĐCS Công ty A"}


def test_the_summary_s_heading_and_lines_are_totals():
    raw = frame([ROW, BLANK, {**BLANK, "model": "TỔNG HỢP THEO LĨNH VỰC"},
                 {**BLANK, "field": "Kinh tế", "type": "Cá nhân", "registrant": 2},
                 {**BLANK, "model": "Số mô hình", "field": "VHXH", "type": "Tập thể", "note": 1},
                 {**BLANK, "field": "ANQP", "type": "CN", "note": "3"}])
    assert classify_rows(raw).tolist() == ["data", "blank", "totals", "totals", "totals",
                                           "totals"]


def test_a_registration_missing_its_model_or_with_words_is_still_data():
    raw = frame([{**BLANK, "stt": 2, "field": "KT", "type": "TT"},  # STT, field, type only
                 {**BLANK, "field": "KT", "type": "TT"},  # no count: missing its model
                 {**BLANK, "field": "KT", "type": "TT", "registrant": "Nguyễn Văn A", "note": 2},
                 {**BLANK, "model": "Tủ sách", "field": "KT", "type": "TT", "note": 2}])
    assert classify_rows(raw).tolist() == ["data"] * 4


def test_a_summary_heading_alone_is_totals_and_words_after_it_are_not():
    assert is_totals(["TỔNG HỢP THEO LĨNH VỰC"]) and is_totals(["II. Thống kê"])
    assert is_totals(["Tổng hợp"])
    assert not is_totals(["Tổng hợp", "Kinh tế", "Tập thể"])
