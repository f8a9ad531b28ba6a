"""Whole-column rules give what the per-value functions give, cell by cell (issue 10).

Every cell of every file of the bundled sample and of the test corpus is mapped both ways:
:func:`thidua.ingest.columnar.by_value` (each distinct value once) against the function called
on each cell.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import numpy as np
import pandas as pd
import pytest

from conftest import CORPUS, SAMPLE_DIR
from thidua.ingest.cellrules import is_example_cell
from thidua.ingest.columnar import by_value
from thidua.ingest.periods import parse_period
from thidua.ingest.isolation import parse_isolated
from thidua.ingest.read import FileRejected, SUFFIXES, raw_rows
from thidua.ingest.values import read_column, read_value
from thidua.text import clean_text, match_key


def _cells() -> list[object]:
    """Every cell of every readable file of the sample and the corpus, as read."""
    cells = []
    for folder in (SAMPLE_DIR, CORPUS):
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix.lower() not in SUFFIXES:
                continue
            try:  # in a worker: the corpus holds files that crash a parser
                sheets = parse_isolated(path.read_bytes(), path.suffix).sheets
            except FileRejected:
                continue
            for raw in map(raw_rows, sheets):
                cells += [v for c in raw.columns for v in raw[c]]
    return cells


@pytest.fixture(scope="module")
def cells() -> list[object]:
    """:func:`_cells`, read when a test asks, never at collection: read at import, every
    collection of ``tests/ingest`` parsed every file, even with these tests deselected."""
    return _cells()


@pytest.fixture(scope="module")
def columns(cells) -> list[pd.Series]:
    """Each distinct cell (by type and value) twice, as columns: all the text, and each type
    of value with the text (a column holds one type of number at most when mapped by distinct
    value); coded values are short, so the matcher is tried on texts up to 60 characters."""
    distinct = list({(type(v), v): v for v in cells}.values())
    return [pd.Series(both + both[::-1], dtype=object) for both in (
        [v for v in distinct if isinstance(v, str)],
        *([v for v in distinct if isinstance(v, str) and len(v) <= 60 or type(v) is kind]
          for kind in (float, int, dt.date, bool)))]


FUNCTIONS = {
    "clean_text": clean_text,
    "match_key": match_key,
    "parse_period": parse_period,
    "parse_period_2024": partial(parse_period, year=2024),
    "is_example_cell": is_example_cell,
    **{f"read_value_{c}": partial(read_value, c) for c in ("field", "result")},
}


def test_the_sample_and_corpus_give_many_cells_of_every_type(cells):
    assert len(cells) > 50_000
    assert {str, float, int, dt.date} <= {type(v) for v in cells}


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_by_value_equals_the_function_on_every_cell_of_the_sample_and_corpus(name, columns):
    function = FUNCTIONS[name]
    for column in columns:
        mapped = by_value(column, function)
        assert mapped.index.equals(column.index)
        assert [repr(v) for v in mapped] == [repr(function(v)) for v in column]


def test_read_column_equals_read_value_on_every_cell(columns):
    column = columns[2]  # short texts and whole numbers
    assert list(read_column(column, "type")) == [read_value("type", v) for v in column]


def test_numbers_of_several_types_that_compare_equal_are_mapped_each_as_itself():
    # True == 1 == 1.0, yet a cell holding TRUE reads "True", one holding 1.0 reads "1"
    values = pd.Series([True, 1, 1.0, "1", False, 0.0], index=[5, 6, 7, 8, 9, 10])
    assert by_value(values, clean_text).tolist() == ["True", "1", "1", "1", "False", "0"]


def test_each_kind_of_missing_value_is_mapped_as_itself():
    values = pd.Series([None, np.nan, pd.NA, "", None, pd.NA], dtype=object)
    assert by_value(values, clean_text).tolist() == ["", "", "<NA>", "", "", "<NA>"]
    assert by_value(values, repr).tolist() == ["None", "nan", "<NA>", "''", "None", "<NA>"]


def test_the_function_is_called_once_per_distinct_value():
    calls = []
    values = pd.Series(["Kinh tế", "KT", "Kinh tế", "KT", "Kinh tế", None, None], dtype=object)

    def spy(value):
        calls.append(value)
        return clean_text(value)

    assert by_value(values, spy, "str").tolist() == ["Kinh tế", "KT", "Kinh tế", "KT", "Kinh tế",
                                                     "", ""]
    assert calls == ["Kinh tế", "KT", None]
