"""A sheet's facts in this process (:mod:`thidua.ingest.cellfacts`; the readers that fill them run
in the parsing worker, which a mutation run cannot see): hidden rows within a range, row
ranges, the facts outside rewritten rows, the words left of a partly struck cell (issue 14)."""

from __future__ import annotations

import pytest

from thidua.ingest.cellfacts import SheetFacts, outside_rows, row_ranges, unstruck_text

S = True  # a struck piece


def test_the_hidden_rows_within_a_range_sorted_once():
    facts = SheetFacts(hidden=((2, 5), (4, 7), (10, 12)))
    assert facts.hidden_rows(0, 100) == [2, 3, 4, 5, 6, 10, 11]
    assert facts.hidden_rows(3, 11) == [3, 4, 5, 6, 10]
    assert facts.hidden_rows(7, 10) == []
    assert SheetFacts().hidden_rows(0, 5) == []


def test_rows_as_half_open_ranges_of_consecutive_rows():
    assert row_ranges([5, 3, 4, 4, 9, 11, 10]) == ((3, 6), (9, 12))
    assert row_ranges([7]) == ((7, 8),)
    assert row_ranges([1, 3]) == ((1, 2), (3, 4))
    assert row_ranges([]) == ()


def test_the_facts_of_rows_first_to_last_are_dropped_the_others_kept():
    cells = {(2, 0): "a", (3, 1): "b", (6, 0): "c", (7, 2): "d"}
    facts = SheetFacts(merges=((0, 0, 0, 3), (2, 0, 3, 0), (5, 1, 8, 1), (7, 0, 9, 0),
                               (8, 0, 8, 2)),
                       hidden=((1, 4), (5, 9), (2, 3), (3, 8)), shown=dict(cells),
                       formulas=dict(cells), values=dict(cells), errors=dict(cells),
                       struck=frozenset(cells), unstruck=dict(cells), filtered=True,
                       hidden_columns=(4,))
    out = outside_rows(facts, 3, 7)
    assert out.merges == ((0, 0, 0, 3), (8, 0, 8, 2))
    assert out.hidden == ((1, 3), (2, 3), (8, 9))  # (3, 8): nothing left either side
    kept = {(2, 0): "a"}
    for name in ("shown", "formulas", "values", "errors", "unstruck"):
        assert getattr(out, name) == kept, name
    assert out.struck == frozenset(kept)
    assert (out.filtered, out.hidden_columns) == (True, (4,))
    # the bounds themselves
    edge = outside_rows(SheetFacts(shown={(3, 0): "x", (7, 0): "y", (8, 0): "z",
                                          (2, 0): "w"}), 3, 7)
    assert edge.shown == {(8, 0): "z", (2, 0): "w"}


@pytest.mark.parametrize("parts, read", [
    ([("A \x00 B ", False), ("x", S)], "A  B"),  # a NUL typed is neither a strike nor a gap
    ([("A ", False), ("B", S), ("/ C", False)], "A / C"),
    ([("A", False), ("B", S), ("/ C", False)], "A / C"),
    ([("A ", False), ("B", S), (" / ", False), ("C", S), (" ; D", False)], "A; D"),
])
def test_the_separator_a_strike_leaves_is_the_nearest_written(parts, read):
    assert unstruck_text(parts) == read
