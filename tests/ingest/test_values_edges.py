"""The edges of reading a coded value (:mod:`thidua.ingest.values`, issue 9.1, issue 14.2):
the typing-slip allowance at its bounds (none under 4 letters, one under 12, two from 12 on),
a dot ignored by the letter-by-letter comparison, a rival within one slip more making a value
ambiguous, the words of two values named in the form's order, and how the values read by
approximation are listed and told (order, ten rows shown then ``…``)."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.interpreted import interpreted_notes, interpreted_values
from thidua.ingest.values import AMBIGUOUS, EXACT, INTERPRETED, UNKNOWN, Reading, read_value


@pytest.mark.parametrize("column, text, reading", [
    # a query under 4 letters is never compared letter by letter; from 4 on it is
    ("field", "VHX", Reading(None, UNKNOWN)),
    ("field", "VHXK", Reading("VHXH", INTERPRETED)),
    ("field", "1. VHXK", Reading("VHXH", INTERPRETED)),
    # one slip from a spelling under 12 letters, not two
    ("type", "Tậpp thể", Reading("collective", INTERPRETED)),
    ("field", "Kinnh têê", Reading(None, UNKNOWN)),
    # two slips from a spelling of 12 letters (``ldldthanhpho``), not three
    ("level", "LĐLĐ thành phôô", Reading("thanh_pho", INTERPRETED)),
    ("level", "LĐLĐ thànnh phôô", Reading("thanh_pho", INTERPRETED)),
    ("level", "LĐLĐ thànnh phôôô", Reading(None, UNKNOWN)),
    # two neighbouring letters swapped are one slip (the commonest typing slip), twice two
    ("field", "Kihn tế", Reading("KT", INTERPRETED)),
    ("field", "Knih tế", Reading("KT", INTERPRETED)),
    ("type", "Cá nhna", Reading("individual", INTERPRETED)),
    ("result", "Hoàn thàhn", Reading("hoan_thanh", INTERPRETED)),
    ("field", "Kihn ét", Reading(None, UNKNOWN)),
    ("level", "LĐLĐ thàhn phô", Reading("thanh_pho", INTERPRETED)),
    ("level", "LĐLĐ thàhn hpô", Reading("thanh_pho", INTERPRETED)),
    ("level", "LĐLĐ htàhn hpô", Reading(None, UNKNOWN)),  # three swaps
    # a dot is no letter: ``kinhhte.`` is one slip from ``kinhte``
    ("field", "Kinhh tế.", Reading("KT", INTERPRETED)),
    # the nearest value has a rival within one slip more: ambiguous, in the form's order
    # (``cttcs`` is one slip away, ``cdcs`` two: one of ``co_so``'s spellings is further)
    ("level", "CTPCS", Reading(None, AMBIGUOUS, ("cap_tren_co_so", "co_so"))),
    ("level", "COTCS", Reading(None, AMBIGUOUS, ("cap_tren_co_so", "co_so"))),
    ("level", "CDTCS", Reading(None, AMBIGUOUS, ("cap_tren_co_so", "co_so"))),
])
def test_the_slip_allowance_at_its_bounds(column, text, reading):
    assert read_value(column, text) == reading


@pytest.mark.parametrize("text, candidates", [
    ("An ninh kinh tế", ("KT", "ANQP")),            # not in alphabetical order: ANQP, KT
    ("Xây dựng văn hóa", ("VHXH", "XDHTCT")),
    ("Chính trị quốc phòng", ("ANQP", "XDHTCT")),
])
def test_words_of_two_values_are_ambiguous_naming_both_in_the_forms_order(text, candidates):
    assert read_value("field", text) == Reading(None, AMBIGUOUS, candidates)


def test_words_of_three_values_name_the_first_two_in_the_forms_order():
    assert read_value("field", "An ninh kinh tế văn hóa") == \
        Reading(None, AMBIGUOUS, ("KT", "VHXH"))


def test_a_text_that_is_exactly_two_values_asks_which():
    # ``Chưa đạt``: not yet evaluated, or evaluated as not completed?
    assert read_value("result", "Chưa đạt") == \
        Reading(None, AMBIGUOUS, ("chua_danh_gia", "khong_hoan_thanh"))


@pytest.mark.parametrize("text", ["--", "...", "()", "(-)"])
def test_a_text_without_words_is_unknown(text):
    assert read_value("field", text) == Reading(None, UNKNOWN)


@pytest.mark.parametrize("column, text, code", [
    ("field", "Hệ thống chính trị xây dựng", "XDHTCT"),  # words in any order
    ("field", "Xã hội văn hóa", "VHXH"),
    ("field", "XD hethong chính trị", "XDHTCT"),          # words written without a space
    ("level", "Tphố", "thanh_pho"),                         # an abbreviation of two words
    ("level", "LĐLĐ tphố", "thanh_pho"),
    ("type", "Tập thể đăng ký", "collective"),              # a filler at the end
    ("type", "CN đăng ký", "individual"),                   # a filler at an odd place
    ("field", "LV. Kinh tế", "KT"),                         # a filler shortened with a dot
    ("field", "Văn hóa và. xã hội", "VHXH"),                # a connector with a stray dot
    ("field", "1. Văn hóa và. xã hội", "VHXH"),             # … after a numbering
])
def test_words_read_exactly_whatever_their_order_spacing_or_fillers(column, text, code):
    assert read_value(column, text) == Reading(code, EXACT)


def raw(records: dict[str, list[str]], start: int = 7) -> pd.DataFrame:
    n = len(next(iter(records.values())))
    return pd.DataFrame(records, index=pd.RangeIndex(start, start + n, name="row")).astype(object)


def test_no_value_read_by_approximation_is_an_empty_table_with_its_columns():
    found = interpreted_values(raw({"field": ["Kinh tế"], "type": ["Tập thể"]}))
    assert found.columns.tolist() == ["row", "column", "value", "code"]
    assert found.empty and str(found["row"].dtype) == "int64"


def test_values_read_by_approximation_are_listed_by_row_then_in_the_forms_column_order():
    # 20 rows of two such values each: more than a sort keeps in place without being stable
    found = interpreted_values(raw({"field": ["Kinhh tế"] * 20, "type": ["Tậpp thể"] * 20,
                                    "level": ["Cơ sở"] * 20}))
    assert found.index.tolist() == list(range(40))
    assert found["row"].tolist() == [r for r in range(7, 27) for _ in range(2)]
    assert found["column"].tolist() == ["field", "type"] * 20
    assert found.iloc[0].tolist() == [7, "field", "Kinhh tế", "KT"]
    assert found.iloc[1].tolist() == [7, "type", "Tậpp thể", "collective"]


def test_each_value_is_told_once_in_the_order_first_met_with_ten_rows_then_an_ellipsis():
    found = interpreted_values(raw({"type": ["Tậpp thể"] + ["Tập thể"] * 12,
                                    "field": ["Kinh tế"] + ["Kinhh tế"] * 11 + ["Kinh tế"]}))
    assert interpreted_notes(found) == [
        "Cột 'Hình thức': 'Tậpp thể' (dòng 7) đã hiểu là 'Tập thể'; nếu không đúng, đề nghị "
        "sửa lại và gửi lại.",
        "Cột 'Lĩnh vực': 'Kinhh tế' (dòng 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, …) đã hiểu là "
        "'Kinh tế'; nếu không đúng, đề nghị sửa lại và gửi lại.",
    ]


@pytest.mark.parametrize("count, shown", [
    (10, "7, 8, 9, 10, 11, 12, 13, 14, 15, 16"),
    (11, "7, 8, 9, 10, 11, 12, 13, 14, 15, 16, …"),
    (12, "7, 8, 9, 10, 11, 12, 13, 14, 15, 16, …"),
])
def test_ten_rows_are_named_and_more_are_an_ellipsis(count, shown):
    notes = interpreted_notes(interpreted_values(raw({"field": ["Kinhh tế"] * count})))
    assert notes == [f"Cột 'Lĩnh vực': 'Kinhh tế' (dòng {shown}) đã hiểu là 'Kinh tế'; nếu "
                     f"không đúng, đề nghị sửa lại và gửi lại."]
