"""Value-by-value checks of :mod:`thidua.ingest.personmodels` in this process (its file tests,
``test_person_models.py``, fill the rows and write the note in the parsing worker, which a
mutation run does not reach): which rows are another model of the person above, what they
take from that person's row, and the note word for word."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.personmodels import (_number, fill_person_models, person_models,
                                        person_models_note)

COLUMNS = ["stt", "model", "field", "type", "registrant", "position", "level",
           "grassroots_union", "period", "result", "note"]
ONE = {"stt": "1", "model": "Góc đọc", "field": "KT", "type": "Cá nhân", "registrant": "An",
       "position": "Kỹ sư", "level": "Cơ sở", "grassroots_union": "CĐCS Công ty A"}
NEXT = {"stt": "2", "model": "Tủ sách", "field": "VHXH", "level": "Cơ sở"}


def _frame(rows: list[dict], columns: list[str] = COLUMNS, start: int = 5) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows],
                        index=pd.RangeIndex(start, start + len(rows), name="row"), dtype=object)


def _found(rows: list[dict], columns: list[str] = COLUMNS) -> dict[int, int]:
    raw = _frame(rows, columns)
    return person_models(raw, pd.Series("data", index=raw.index))


@pytest.mark.parametrize("stt, number", [
    ("3", 3), ("3.", 3), ("0012", 12), ("9999", 9999), ("12345", None), ("3..", None),
    ("a", None), ("", None), ("3a", None),
])
def test_an_stt_cell_s_number(stt, number):
    assert _number(stt) == number


@pytest.mark.parametrize("own", ["level", "grassroots_union", "period", "result", "note"])
def test_any_one_cell_of_its_own_makes_the_row_finished(own):
    second = {"stt": "2", "model": "Tủ sách", "field": "VHXH", own: ONE.get(own, "x")}
    assert _found([ONE, second]) == {6: 5}


def test_a_model_or_a_field_missing_is_no_other_model_even_with_cells_of_its_own():
    assert _found([ONE, {"stt": "2", "model": "Tủ sách", "level": "Cơ sở"}]) == {}
    assert _found([ONE, {"stt": "2", "field": "VHXH", "level": "Cơ sở"}]) == {}


def test_a_union_of_its_own_is_another_registrant_a_blank_one_is_the_person_s():
    assert _found([ONE, {**NEXT, "grassroots_union": "CĐCS Công ty B"}]) == {}
    assert _found([ONE, {**NEXT, "grassroots_union": "cdcs cong ty a"}]) == {6: 5}
    # the person's level and union written, the row's blank: the person's
    assert _found([ONE, {"stt": "2", "model": "Tủ sách", "field": "VHXH", "period": "2024"}]
                  ) == {6: 5}


def test_without_a_position_column_an_individual_needs_none():
    columns = [c for c in COLUMNS if c != "position"]
    assert _found([ONE, NEXT], columns) == {6: 5}
    assert _found([{**ONE, "registrant": ""}, NEXT], columns) == {}


def test_the_numbering_must_follow_on():
    assert _found([{**ONE, "stt": "7"}, {**NEXT, "stt": "8."}]) == {6: 5}
    assert _found([{**ONE, "stt": "7"}, {**NEXT, "stt": "9"}]) == {}
    assert _found([{**ONE, "stt": "7"}, {**NEXT, "stt": "6"}]) == {}
    assert _found([{**ONE, "stt": "x"}, {**NEXT, "stt": "2"}]) == {}


def test_rows_from_the_first_and_a_chain_across_each_row():
    rows = [NEXT, ONE | {"stt": "2"}, NEXT | {"stt": "3"}, NEXT | {"stt": "4", "model": "Mái ấm"}]
    assert _found(rows) == {7: 6, 8: 6}


def test_labels_are_matched_by_row_not_by_order():
    raw = _frame([ONE, NEXT, NEXT | {"stt": "3"}])
    labels = pd.Series(["data", "data", "subheading"], index=[7, 6, 5])  # row 5 not data
    assert person_models(raw, labels) == {}
    labels = pd.Series(["data", "data"], index=[6, 5])  # row 7 has no label: not data
    assert person_models(raw, labels) == {6: 5}


def test_the_text_given_is_read_not_the_raw_cells():
    raw = _frame([ONE, NEXT])
    text = raw.copy()
    text.loc[6, "stt"] = "5"  # the cleaned text says another number
    labels = pd.Series("data", index=raw.index)
    assert person_models(raw, labels, text) == {}
    assert person_models(raw, labels, None) == {6: 5}


def test_a_collective_row_of_its_field_in_words_or_code():
    union = {**ONE, "type": "Tập thể", "field": "Kinh tế", "position": ""}
    assert _found([union, {**NEXT, "field": "KT"}]) == {6: 5}
    assert _found([union, NEXT]) == {}
    # an individual's row needs no same field
    assert _found([{**ONE, "field": "Kinh tế"}, NEXT]) == {6: 5}


def test_nothing_found_on_an_empty_frame_or_one_without_a_needed_column():
    assert person_models(_frame([]), pd.Series([], dtype=object)) == {}
    for column in ("stt", "model", "field", "type", "registrant"):
        raw = _frame([ONE, NEXT]).drop(columns=column)
        assert person_models(raw, pd.Series("data", index=raw.index)) == {}


def test_the_rows_take_the_person_s_cells_where_blank_and_raw_is_left_alone():
    rows = [ONE, NEXT | {"grassroots_union": "CĐCS Công ty A "}, NEXT | {"stt": "3", "level": ""
                                                                          , "note": "x"}]
    raw = _frame(rows)
    before = raw.copy()
    labels = pd.Series("data", index=raw.index)
    filled, found = fill_person_models(raw, labels)
    assert found == {6: 5, 7: 5}
    pd.testing.assert_frame_equal(raw, before)
    for row in (6, 7):
        assert filled.loc[row, ["type", "registrant", "position"]].tolist() == [
            "Cá nhân", "An", "Kỹ sư"]
    assert filled.at[6, "grassroots_union"] == "CĐCS Công ty A "  # its own, kept as written
    assert filled.at[7, "grassroots_union"] == "CĐCS Công ty A"
    assert filled.at[7, "level"] == "Cơ sở"
    assert filled.loc[7, ["model", "field", "note"]].tolist() == ["Tủ sách", "VHXH", "x"]
    assert filled.loc[5].tolist() == raw.loc[5].tolist()


def test_a_frame_without_the_person_s_other_columns():
    columns = ["stt", "model", "field", "type", "registrant", "level"]
    raw = _frame([ONE, NEXT], columns)
    filled, found = fill_person_models(raw, pd.Series("data", index=raw.index))
    assert found == {6: 5}
    assert list(filled.columns) == columns
    assert filled.loc[6, ["type", "registrant", "level"]].tolist() == ["Cá nhân", "An", "Cơ sở"]


def test_numbers_in_a_person_s_column_are_copied_as_they_are():
    raw = _frame([ONE, NEXT])
    raw["position"] = pd.array([7.0, float("nan")], dtype="float64")
    raw.loc[5, "position"] = 7.0
    filled, found = fill_person_models(raw, pd.Series("data", index=raw.index))
    assert found == {6: 5}
    assert filled.at[6, "position"] == 7.0
    assert filled["position"].dtype == object


def test_nothing_found_gives_the_same_frame():
    raw = _frame([ONE, ONE | {"stt": "2"}])
    filled, found = fill_person_models(raw, pd.Series("data", index=raw.index))
    assert filled is raw and found == {}


NOTE = ("Các dòng có STT, tên mô hình và lĩnh vực riêng nhưng để trống hình thức, tên tập "
        "thể/cá nhân và chức vụ ngay dưới đăng ký của một cá nhân (hoặc của một tập thể, cùng "
        "lĩnh vực) đã được hiểu là mô hình khác của cùng cá nhân/tập thể đó, mỗi mô hình một "
        "đăng ký: {}. Nếu không phải vậy, đề nghị sửa lại; lần sau đề nghị ghi đủ hình thức, "
        "tên và chức vụ ở từng dòng.")


def test_the_note_word_for_word():
    raw = _frame([ONE, NEXT, NEXT, {**ONE, "registrant": " Bình ", "position": ""}, NEXT])
    assert person_models_note(raw, {}) is None
    assert person_models_note(raw, {6: 5, 7: 5, 9: 8}) == NOTE.format(
        "dòng 6, 7 lấy theo dòng 5 (An, Kỹ sư); dòng 9 lấy theo dòng 8 (Bình)")
    assert person_models_note(raw.drop(columns="position"), {6: 5}) == NOTE.format(
        "dòng 6 lấy theo dòng 5 (An)")


def test_the_first_row_has_no_row_above_it_not_the_last():
    # the last row a person numbered 1, the first a model numbered 2: nothing above the first
    assert _found([NEXT, ONE]) == {}


@pytest.mark.parametrize("passed", [
    {"stt": "2", "model": "Tủ sách", "field": "VHXH"},  # unfinished: nothing of its own
    {**NEXT, "stt": "5"},  # the numbering jumps
    {**NEXT, "grassroots_union": "CĐCS Công ty B"},  # another union
])
def test_a_row_passed_over_ends_no_search_further_down(passed):
    rows = [ONE, passed, {**ONE, "stt": "6", "registrant": "Bình"}, {**NEXT, "stt": "7"}]
    assert _found(rows) == {8: 7}


def test_a_row_of_another_field_under_a_collective_ends_no_search_further_down():
    union = {**ONE, "type": "Tập thể", "field": "Kinh tế", "position": ""}
    rows = [union, NEXT, {**ONE, "stt": "6", "registrant": "Bình"}, {**NEXT, "stt": "7"}]
    assert _found(rows) == {8: 7}
