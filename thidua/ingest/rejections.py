"""The rejections table (``rejected.csv``, ``spec/outputs.md``) and how a value is shown in
it and in messages."""

from __future__ import annotations

import functools

import pandas as pd

from thidua.ingest.limits import SHOWN_CELL_CHARS, SHOWN_FROM_CHARS

#: Columns of every rejections table (``rejected.csv``, ``spec/outputs.md``).
REJECTION_COLUMNS = ["file", "sheet", "row", "column", "value", "error"]


def shorten(value: str) -> str:
    """A value as shown in ``rejected.csv``, the feedback and messages: whole up to
    :data:`~thidua.ingest.limits.SHOWN_FROM_CHARS` characters, else its first
    :data:`~thidua.ingest.limits.SHOWN_CELL_CHARS` and ``…`` (issue 9.10)."""
    return value if len(value) <= SHOWN_FROM_CHARS else value[:SHOWN_CELL_CHARS] + "…"


def rejection_frame(records: list[dict]) -> pd.DataFrame:
    """Rejection records as a DataFrame with :data:`REJECTION_COLUMNS`.

    ``row`` is ``Int64`` (<NA> for a whole-file rejection); the others are ``str``. No
    records (most sheets): a copy of one empty table made once (issue 10: building it costs
    a few milliseconds, and a national year asks for it several times per sheet).
    """
    if not records:
        return _empty().copy()
    return _built(records)


@functools.cache
def _empty() -> pd.DataFrame:
    """The empty rejections table, built once (never handed out: copied)."""
    return _built([])


def _built(records: list[dict]) -> pd.DataFrame:
    """:func:`rejection_frame` of ``records``, column by column."""
    frame = pd.DataFrame.from_records(records, columns=REJECTION_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    for name in REJECTION_COLUMNS:
        if name != "row":
            frame[name] = frame[name].fillna("").astype("str")
    return frame
