"""Per-value rules applied to whole columns: each distinct value of a column is looked at once.

A unit's file repeats the same few values in every row (fields, types, levels, union names,
periods), so the rules of :mod:`thidua.text`, :mod:`thidua.ingest.values` and
:mod:`thidua.ingest.normalise`, written for one cell, are run over a column's distinct values
and spread back to its rows by their codes (issue 10: normalisation and validation work on
whole columns, not row by row). The result is the same as the function applied to every cell.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable

import numpy as np
import pandas as pd


def _numeric_kinds(values: np.ndarray) -> int:
    """How many numeric types (``bool``, ``int``, ``float``, numpy numbers…) ``values`` holds."""
    return sum(1 for kind in set(map(type, values)) if issubclass(kind, numbers.Number))


def by_value(values: pd.Series, function: Callable[[object], object],
             dtype: object = object) -> pd.Series:
    """``values.map(function)`` (same index, ``dtype``), with ``function`` called once per
    distinct value. ``function`` must be pure (its result depends on the value only).

    Distinct values are found by hashing; values of two numeric types that compare equal
    (``1``, ``1.0``, ``True``) may be told apart by ``function`` (``clean_text(True)`` is
    ``"True"``), so a column holding more than one numeric type is mapped cell by cell.
    Missing values (``None``, ``NaN``, ``NaT``, ``<NA>``) are looked at once per type.
    """
    array = values.to_numpy(dtype=object)
    if len(array) == 0:
        return pd.Series([], index=values.index, dtype=dtype)
    if _numeric_kinds(array) > 1:
        return pd.Series([function(v) for v in array], index=values.index, dtype=dtype)
    codes, uniques = pd.factorize(array)  # missing values (None, NaN, NaT, <NA>): code -1
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [function(v) for v in uniques]
    out = mapped[codes]
    if (missing := np.flatnonzero(codes == -1)).size:  # by their type: None is not <NA>
        seen: dict[type, object] = {}
        for i in missing:
            kind = type(array[i])
            if kind not in seen:
                seen[kind] = function(array[i])
            out[i] = seen[kind]
    return pd.Series(out, index=values.index, dtype=dtype)


def frame_by_value(frame: pd.DataFrame, function: Callable[[object], object],
                   dtype: object = object) -> pd.DataFrame:
    """:func:`by_value` of every column of ``frame`` (same index and columns)."""
    return pd.DataFrame({c: by_value(frame[c], function, dtype) for c in frame.columns},
                        index=frame.index, columns=frame.columns)
