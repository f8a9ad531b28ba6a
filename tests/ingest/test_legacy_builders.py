"""What :mod:`thidua.ingest.legacy` builds once at import (the VNI table, the syllable
pattern), rebuilt here by calling its builders, against values written out (issue 14.5: a
mutation of a builder changes only what a test computes afresh)."""

from __future__ import annotations

import pytest

from thidua.ingest import legacy


def test_the_vni_table_builder_gives_the_table_in_use_and_its_known_entries():
    table = legacy._vni_table()
    assert table == legacy.VNI
    assert len(table) == 274
    assert {k: table[k] for k in ("aù", "AÙ", "aÙ", "eâ", "oâ", "ôù", "öï", "Öø", "ñ", "Ñ", "iù",
                                  "yõ", "aê", "aë", "î", "æ")} == {
        "aù": "á", "AÙ": "Á", "aÙ": "á", "eâ": "ê", "oâ": "ô", "ôù": "ớ", "öï": "ự", "Öø": "Ừ",
        "ñ": "đ", "Ñ": "Đ", "iù": "í", "yõ": "ỹ", "aê": "ă", "aë": "ặ", "î": "ỵ", "æ": "ỉ"}
    assert "eê" not in table and "iâ" not in table and "yö" not in table  # no such letters


@pytest.mark.parametrize("letter, ok", [
    ("ă", True), ("Ặ", True), ("ê", True), ("ơ", True), ("Ư", True), ("ỵ", True), ("í", True),
    ("ĕ", False), ("î", False), ("ŷ", False), ("ŭ", False), ("ư", True),
    ("b", False), ("ô", True), ("ŏ", False),
])
def test_which_letters_are_vietnamese(letter, ok):
    assert legacy._is_vietnamese_letter(letter) is ok


def test_alternatives_put_longer_words_first_for_the_pattern():
    assert legacy._alternatives(["a", "iêu", "oa", "uyê"]) == "iêu|uyê|oa|a"
    assert legacy._alternatives(["ng", "ngh", "c"]) == "ngh|ng|c"
