"""Full-width punctuation (``／``, ``－``, ``～``, ``．``: an input method for Chinese or
Japanese left on) and the slashes that look like ``/`` are their ASCII characters wherever
text is matched (fresh tester AA's AA45, AA5C, AA5D: ``01／2024 - 12／2024`` and ``01/2024 －
12/2024`` were unread, every row of such a list rejected; full-width digits alone were read
already). ``thidua.text._DASHES``; ``docs/contracts.md``, "Full-width forms".
"""
from __future__ import annotations

import datetime as dt

import pytest

from helpers import read_form, row
from thidua.ingest.periods import parse_period
from thidua.text import match_key

YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


@pytest.mark.parametrize("text, key", [
    ("０１／２０２４ － １２／２０２４", "01/2024 - 12/2024"),
    ("01／2024 - 12／2024", "01/2024 - 12/2024"), ("01/2024 ～ 12/2024", "01/2024 ~ 12/2024"),
    ("01．2024", "01.2024"), ("01/2024 ‒ 12/2024", "01/2024 - 12/2024"),
    ("01/2024 ― 12/2024", "01/2024 - 12/2024"), ("01/2024 ﹣ 12/2024", "01/2024 - 12/2024"),
    ("01⁄2024", "01/2024"), ("01∕2024", "01/2024"), ("ＫＩＮＨ ＴẾ", "kinh te"),
    ("Ｑ－ＤＤ", "q-dd"), ("（ghi chú）", "(ghi chu)"), ("Tập thể，Cá nhân", "tap the,ca nhan"),
])
def test_full_width_forms_are_ascii_in_a_key(text, key):
    assert match_key(text) == key


@pytest.mark.parametrize("text", [
    "０１／２０２４ - １２／２０２４", "01／2024 - 12／2024", "01/2024 － 12/2024",
    "01/2024 ～ 12/2024", "01．2024 - 12．2024", "01⁄2024 - 12⁄2024", "Từ ０１／２０２４ đến nay",
    "Ｎăm ２０２４",
])
def test_a_period_of_full_width_punctuation_reads(text):
    assert parse_period(text, 2024) == YEAR


def test_a_list_of_full_width_periods_counts_every_row(tmp_path, context):
    periods = ["01／2024 - 12／2024", "01/2024 － 12/2024", "０１／２０２４ - １２／２０２４"]
    result = read_form(tmp_path, context, [row(model=f"Mô hình {i}", period=p, stt=i)
                                           for i, p in enumerate(periods, 1)])
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["period_start"].dt.date.tolist() == [YEAR[0]] * 3
