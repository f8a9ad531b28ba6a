"""The matcher's per-token index (``valuewords.token_spellings``) gives what trying every
spelling gives: it only skips spellings a token cannot stand in, and the texts read alike."""

from __future__ import annotations

import pytest

from schemas.form import VALUE_NAMES
from thidua.ingest.valuewords import ABBREVIATION_WORDS, matcher, runs, token_spellings

TOKENS = ["kt", "kinh", "t.", "te", "vh", "xh", "an", "ninh", "qp", "xd", "httc", "htct", "tt",
          "cn", "the", "ca", "nhan", "ht", "tb", "tieu", "bieu", "co", "so", "cd", "cdcs", "k.",
          "kh", "ko", "khong", "h.thanh", "xdd", "vhxh", "anqp", "x", "a", "hoanthanh", "quan",
          *ABBREVIATION_WORDS]


def every_spelling(col, token):
    return frozenset(n for n, (_, words) in enumerate(col.sequences)
                     if any(True for _ in runs(token, words, tuple(range(len(words))))))


@pytest.mark.parametrize("column", list(VALUE_NAMES))
@pytest.mark.parametrize("readings", [False, True])
def test_index_equals_trying_every_spelling(column, readings):
    col = matcher(column, readings)
    assert col.sequences  # every coded column has spellings and readings
    words = {w for _, ws in col.sequences for w in ws}
    for token in sorted(set(TOKENS) | words | {w[:2] + "." for w in words}):
        assert token_spellings(col, token) == every_spelling(col, token), (column, token)


def test_index_of_known_tokens():
    col = matcher("field")
    codes = lambda token: {col.sequences[n][0] for n in token_spellings(col, token)}  # noqa: E731
    assert codes("kt") == {"KT"}
    assert codes("an") >= {"ANQP"} and "KT" not in codes("an")
    assert codes("zzz") == set()
