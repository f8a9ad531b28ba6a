"""A code typed letter by letter with a space or a slash between (fresh tester J's J029:
``K T``, ``t t``, ``c n``, ``T/T``, ``C/N`` rejected "… không hợp lệ" while ``K.T``, ``T.T``,
``V H X H`` were read): the letters joined, read as the code they spell, told; letters that
spell no value of the column, or another column's code, stay unread."""

from __future__ import annotations

import pytest

from thidua.ingest.values import INTERPRETED, UNKNOWN, read_value


@pytest.mark.parametrize(("column", "text", "code"), [
    ("field", "K T", "KT"), ("field", "k / t", "KT"), ("field", "K/T", "KT"),
    ("type", "t t", "collective"), ("type", "T/T", "collective"), ("type", "T  T", "collective"),
    ("type", "c n", "individual"), ("type", "C/N", "individual"),
    ("result", "H T", "hoan_thanh"), ("result", "T/B", "tieu_bieu"), ("level", "C S", "co_so"),
])
def test_split_letters_read_as_their_code_and_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, INTERPRETED)


@pytest.mark.parametrize(("column", "text"), [
    ("type", "K T"), ("field", "T/T"), ("field", "T T"), ("result", "K T"), ("field", "X D"),
    ("field", "Q Z"),
])
def test_letters_of_no_value_here_stay_unread(column, text):
    assert read_value(column, text).how == UNKNOWN
