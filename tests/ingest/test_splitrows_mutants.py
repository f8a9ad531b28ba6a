"""One row made several registrations (:func:`thidua.ingest.splitrows.split_rows`), on frames
built in this process (the file-reading tests run it in the parsing worker, which a mutation
run cannot see): each part over the row's cells, in order, keeping the Excel row; a part
repeating another row of the sheet (before or after it, split or not) or an earlier part of its
row not counted again, named by the row it repeats."""

from __future__ import annotations

import math

import pandas as pd

from thidua.ingest.splitrows import split_rows


def _valid(rows: dict[int, dict]) -> pd.DataFrame:
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "row"
    return frame


_BASE = {"model": "Tiếng loa an toàn", "field": "ANQP", "type": "individual",
         "grassroots_union": "CĐCS Công ty May 10", "position": "Tổ trưởng", "stt": 1.0}


def _person(name: str, **cells) -> dict:
    return {**_BASE, "registrant": name, **cells}


def test_each_part_over_the_row_s_cells_in_order_keeping_its_excel_row():
    valid = _valid({5: _person("Lê Văn Cường"),
                    6: _person("Nguyễn Văn An, Trần Thị Bình", stt=2.0),
                    7: _person("Phạm Thị Dung", stt=3.0)})
    before = valid.copy()
    out, repeats = split_rows(valid, {6: [{"registrant": "Nguyễn Văn An", "position": "Chủ tịch"},
                                          {"registrant": "Trần Thị Bình", "position": None}]})
    assert out.index.tolist() == [5, 6, 6, 7]
    assert out.index.name == "row"
    assert out["registrant"].tolist() == ["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình",
                                          "Phạm Thị Dung"]
    # a ``None`` keeps the row's cell; the row's other cells kept for every part
    assert out["position"].tolist() == ["Tổ trưởng", "Chủ tịch", "Tổ trưởng", "Tổ trưởng"]
    assert out["stt"].tolist() == [1.0, 2.0, 2.0, 3.0]
    assert out["model"].tolist() == ["Tiếng loa an toàn"] * 4
    assert list(out.columns) == list(valid.columns)
    assert repeats == {6: [None, None]}
    pd.testing.assert_frame_equal(valid, before)  # not modified


def test_a_part_repeating_a_row_before_or_after_it_is_not_counted_again():
    valid = _valid({5: _person("Nguyễn Văn An"),
                    6: _person("Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường"),
                    7: _person("lê văn cường.")})  # the same by the duplicate key
    out, repeats = split_rows(valid, {6: [{"registrant": "Nguyễn Văn An"},
                                          {"registrant": "Trần Thị Bình"},
                                          {"registrant": "Lê Văn Cường"}]})
    assert out.index.tolist() == [5, 6, 7]
    assert out["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình", "lê văn cường."]
    assert repeats == {6: [5, None, 7]}
    assert {type(r) for r in repeats[6] if r is not None} == {type(k) for k in repeats} == {int}


def test_a_part_named_twice_in_its_row_counts_once():
    valid = _valid({9: _person("A, B, A")})
    out, repeats = split_rows(valid, {9: [{"registrant": "Nguyễn Văn An"},
                                          {"registrant": "Trần Thị Bình"},
                                          {"registrant": "nguyễn văn an"}]})
    assert out["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert out.index.tolist() == [9, 9]
    assert repeats == {9: [None, None, 9]}


def test_a_part_repeating_a_part_of_an_earlier_split_row_names_that_row():
    valid = _valid({5: _person("A, B"), 6: _person("B, C")})
    out, repeats = split_rows(valid, {5: [{"registrant": "Nguyễn Văn An"},
                                          {"registrant": "Trần Thị Bình"}],
                                      6: [{"registrant": "Trần Thị Bình"},
                                          {"registrant": "Lê Văn Cường"}]})
    assert out["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]
    assert out.index.tolist() == [5, 5, 6]
    assert repeats == {5: [None, None], 6: [5, None]}


def test_the_key_is_the_duplicate_rule_s_columns_only_and_a_blank_cell_is_no_text():
    # ``stt`` differs, outside the key: still a repeat; a blank position (NaN) on both sides
    # is the same; a part differing only in its field is another registration
    valid = _valid({5: _person("Nguyễn Văn An", position=math.nan, stt=1.0),
                    6: _person("X", position=math.nan, stt=2.0)})
    out, repeats = split_rows(valid, {6: [{"registrant": "Nguyễn Văn An"},
                                          {"registrant": "Nguyễn Văn An", "field": "KT"}]})
    assert repeats == {6: [5, None]}
    assert out["field"].tolist() == ["ANQP", "KT"]
    assert out.index.tolist() == [5, 6]
    assert math.isnan(out["position"].iloc[1])


def test_a_part_s_column_the_rows_have_not_is_not_added():
    valid = _valid({5: {"model": "Bữa cơm", "registrant": "X"}})
    out, repeats = split_rows(valid, {5: [{"model": "Bữa cơm", "registrant": "Nguyễn Văn An",
                                           "position": "Chủ tịch"},
                                          {"model": "Mái ấm", "registrant": None,
                                           "position": "Tổ trưởng"}]})
    assert list(out.columns) == ["model", "registrant"]
    assert out.values.tolist() == [["Bữa cơm", "Nguyễn Văn An"], ["Mái ấm", "X"]]
    assert repeats == {5: [None, None]}


def test_no_part_leaves_the_rows_as_they_are():
    valid = _valid({5: _person("Nguyễn Văn An"), 6: _person("Trần Thị Bình")})
    out, repeats = split_rows(valid, {})
    pd.testing.assert_frame_equal(out, valid)
    assert repeats == {}
    # two unsplit rows repeating each other are the validation's: both kept here
    twice = _valid({5: _person("Nguyễn Văn An"), 6: _person("Nguyễn Văn An")})
    assert split_rows(twice, {})[0].index.tolist() == [5, 6]
