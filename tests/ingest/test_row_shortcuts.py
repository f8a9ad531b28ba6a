"""The shortcuts of issue 10 in the row rules: a rule whose work a cheap test shows to be
unneeded skips it, and gives what the whole work gives (every row, every label)."""

import datetime as dt

import pandas as pd

from thidua.ingest.normalise import classify_rows, filled_down, normalise_rows
from thidua.ingest.periods import with_report_year


def frame(records: list[dict], start_row: int = 7) -> pd.DataFrame:
    out = pd.DataFrame.from_records(records).astype(object)
    out.index = pd.RangeIndex(start_row, start_row + len(out), name="row")
    return out


ROW = {"stt": 1, "model": "Bữa cơm Công đoàn", "registrant": "CĐCS Công ty A", "field": "KT",
       "type": "TT", "grassroots_union": "CĐCS Công ty A"}


def test_rows_that_all_name_a_model_are_never_filled_down_and_one_without_is():
    every = frame([{**ROW, "stt": i} for i in range(1, 4)])
    assert filled_down(every).tolist() == [False, False, False]
    under = frame([{**ROW, "stt": 1}, {**ROW, "stt": 2},
                   {"stt": "", "model": "", "registrant": "", "field": "", "type": "",
                    "grassroots_union": "CĐCS Công ty A"}])
    assert filled_down(under).tolist() == [False, False, True]  # the union filled down
    assert classify_rows(under).tolist() == ["data", "data", "blank"]


def test_only_rows_without_data_are_blank_and_a_text_in_stt_keeps_a_row_looked_at():
    raw = frame([{**ROW, "stt": 1},
                 {"stt": "12", "model": "", "registrant": "", "field": "", "type": "",
                  "grassroots_union": ""},          # a pre-printed number: blank
                 {"stt": "Tổng cộng", "model": "", "registrant": "", "field": "", "type": "",
                  "grassroots_union": ""},          # text in STT only: a totals row
                 {"stt": "1.2,", "model": "", "registrant": "", "field": "", "type": "",
                  "grassroots_union": ""}])
    assert classify_rows(raw).tolist() == ["data", "blank", "totals", "blank"]


def test_a_period_without_its_year_among_dated_ones_is_of_the_report_year():
    raw = frame([{**ROW, "period": "01/2024 - 06/2024"}, {**ROW, "stt": 2, "period": "Cả năm"}])
    rows = with_report_year(normalise_rows(raw), raw, 2024)
    assert rows["period_start"].tolist() == [pd.Timestamp(2024, 1, 1), pd.Timestamp(2024, 1, 1)]
    assert rows["period_end"].tolist() == [pd.Timestamp(2024, 6, 30), pd.Timestamp(2024, 12, 31)]
    dated = frame([{**ROW, "period": "01/2024 - 06/2024"}])
    done = with_report_year(normalise_rows(dated), dated, 2024)
    assert done["period_end"].tolist() == [pd.Timestamp(dt.date(2024, 6, 30))]


def test_a_line_carried_over_is_joined_and_rows_all_numbered_join_nothing():
    from thidua.ingest.continuation import join_continuations

    numbered = frame([{**ROW, "stt": 1}, {**ROW, "stt": 2, "model": "dành cho công nhân"}])
    labels = classify_rows(numbered)
    assert join_continuations(numbered, labels)[2] == {}
    carried = frame([{**ROW, "stt": 1, "model": "Bữa cơm Công đoàn ấm áp"},
                     {"stt": "", "model": "dành cho công nhân nhà trọ", "registrant": "",
                      "field": "", "type": "", "grassroots_union": ""}])
    raw, labels, found = join_continuations(carried, classify_rows(carried))
    assert found == {8: 7}
    assert raw.at[7, "model"] == "Bữa cơm Công đoàn ấm áp dành cho công nhân nhà trọ"
    assert labels.tolist() == ["data", "continuation"]
