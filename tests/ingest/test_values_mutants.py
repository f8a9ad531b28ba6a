"""Readings of coded values that tell apart the mutants of :mod:`thidua.ingest.values` the other
value tests let live (issue 14.5, ``bash scripts/mutation.sh values``): a stray dot after a
filler or a connector (``Khối. Kinh tế``, ``V. hóa và. xã hội``) is no letter of the word, so
the text reads as the value, exactly, as it does without the dot."""

from __future__ import annotations

import pytest

from thidua.ingest.values import EXACT, LONGEST_VALUE, UNKNOWN, Reading, other_column, read_value


@pytest.mark.parametrize("column, text, reading", [
    # a filler (``FILLERS``) with a dot after it is dropped all the same (``_drop``)
    ("field", "Khối. Kinh tế", Reading("KT", EXACT)),
    ("field", "Lĩnh vực. Kinh tế", Reading("KT", EXACT)),
    ("type", "Mô hình. Tập thể", Reading("collective", EXACT)),
    ("result", "Kết quả. Hoàn thành", Reading("hoan_thanh", EXACT)),
    # a connector with a dot after it is dropped from the text as written (a first word
    # shortened before a dot looks like a numbering: only the text as written reads)
    ("field", "V. hóa và. xã hội", Reading("VHXH", EXACT)),
    ("field", "X. hội và. văn hóa", Reading("VHXH", EXACT)),
    ("field", "X. dựng và. hệ thống chính trị", Reading("XDHTCT", EXACT)),
    ("type", "T. thể và.", Reading("collective", EXACT)),
    # … and from the text without its numbering: exact, not one slip away
    ("field", "1. Văn hóa và. xã hội", Reading("VHXH", EXACT)),
    ("field", "1. An ninh va. quốc phòng", Reading("ANQP", EXACT)),
])
def test_a_dot_after_a_filler_or_a_connector_changes_nothing(column, text, reading):
    assert read_value(column, text) == reading



def test_a_value_of_another_column_is_named_up_to_the_longest_value_not_past_it():
    """:func:`other_column` reads texts of up to :data:`LONGEST_VALUE` (120) characters, as
    :func:`read_value` does: fillers around ``TT`` up to 120 characters are still ``Tập thể``
    typed in the field's column; at 121 characters nothing is read."""
    at_limit = "Hình thức " * 7 + "Mô hình " * 6 + "TT"
    past = "Hình thức " * 9 + "Mô hình " * 3 + "Tập thể"
    assert (len(at_limit), len(past)) == (LONGEST_VALUE, LONGEST_VALUE + 1)
    assert read_value("type", at_limit) == Reading("collective", EXACT)
    assert other_column("field", at_limit) == "type"
    assert read_value("type", past) == Reading(None, UNKNOWN)
    assert other_column("field", past) is None
    assert other_column("field", None) is None and other_column("field", "  ") is None
