"""The coded cells a unit's file gave that were read by approximation (``đã hiểu là …``,
issue 9.1): listed per cell for ``values_interpreted`` and told to the unit once per value
(:mod:`thidua.ingest.values` reads them)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from schemas.form import BY_NAME, VALUE_NAMES
from thidua.ingest.values import INTERPRETED, name_of, read_column
from thidua.text import clean_text, rows_said


def interpreted_values(raw: pd.DataFrame) -> pd.DataFrame:
    """The coded cells of ``raw`` (:func:`thidua.ingest.read.raw_rows` rows) read by
    approximation (``how == "interpreted"``).

    Returns one line per such cell, by row then column, with columns ``row`` (int64, Excel
    row), ``column`` (internal name), ``value`` (str, as written) and ``code`` (str).
    :func:`interpreted_frames` of this one frame.
    """
    return interpreted_frames([raw])[0]


def interpreted_frames(frames: list[pd.DataFrame]) -> list[pd.DataFrame]:
    """:func:`interpreted_values` of each frame (the rows of many sheets), each coded column
    read in one pass over the distinct values of all of them (issue 10: a batch, not a pass
    per sheet); a cell's reading depends on its text only, so each frame gets what it gets
    alone."""
    sizes = [len(f) for f in frames]
    owner = np.repeat(np.arange(len(frames)), sizes)
    rows = np.concatenate([f.index.to_numpy(dtype="int64") for f in frames] or [[]])
    records: list[list[dict]] = [[] for _ in frames]
    for name in (n for n in VALUE_NAMES if any(n in f for f in frames)):
        values = pd.concat([f[name] if name in f else pd.Series(None, index=f.index, dtype=object)
                            for f in frames], ignore_index=True)
        readings = read_column(values, name)
        hit = np.fromiter((r.how == INTERPRETED for r in readings), bool, len(readings))
        for i in np.flatnonzero(hit):
            records[owner[i]].append({"row": int(rows[i]), "column": name,
                                      "value": clean_text(values.iat[i]),
                                      "code": readings.iat[i].code})
    return [pd.DataFrame.from_records(found, columns=["row", "column", "value", "code"])
            .astype({"row": "int64"}).sort_values("row", kind="stable", ignore_index=True)
            for found in records]


def interpreted_notes(interpreted: pd.DataFrame) -> list[str]:
    """One line per value read by approximation, for the unit's feedback: ``Cột 'Lĩnh
    vực': 'Kinhh tế' (dòng 12, 15) đã hiểu là 'Kinh tế'.`` ``interpreted``: as
    :func:`interpreted_values` returns."""
    lines: list[str] = []
    if interpreted.empty:  # the common case, without a groupby (issue 10)
        return lines
    for (column, value, code), group in interpreted.groupby(["column", "value", "code"],
                                                            sort=False):
        rows = group["row"].tolist()
        lines.append(f"Cột '{BY_NAME[column].header}': '{value}' (dòng {rows_said(rows)}) đã hiểu là "
                     f"'{name_of(column, code)}'; nếu không đúng, đề nghị sửa lại và gửi lại.")
    return lines
