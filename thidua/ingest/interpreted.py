"""The coded cells a unit's file gave that were read by approximation (``đã hiểu là …``,
issue 9.1): listed per cell for ``values_interpreted`` and told to the unit once per value
(:mod:`thidua.ingest.values` reads them)."""

from __future__ import annotations

import pandas as pd

from schemas.form import BY_NAME, VALUE_NAMES
from thidua.ingest.values import INTERPRETED, name_of, read_column
from thidua.text import clean_text


def interpreted_values(raw: pd.DataFrame) -> pd.DataFrame:
    """The coded cells of ``raw`` (:func:`thidua.ingest.read.raw_rows` rows) read by
    approximation (``how == "interpreted"``).

    Returns one line per such cell, by row then column, with columns ``row`` (int64, Excel
    row), ``column`` (internal name), ``value`` (str, as written) and ``code`` (str).
    """
    records = [{"row": row, "column": name, "value": clean_text(raw.at[row, name]),
                "code": reading.code}
               for name in VALUE_NAMES if name in raw
               for row, reading in read_column(raw[name], name).items()
               if reading.how == INTERPRETED]
    frame = pd.DataFrame.from_records(records, columns=["row", "column", "value", "code"])
    return frame.astype({"row": "int64"}).sort_values("row", kind="stable", ignore_index=True)


def interpreted_notes(interpreted: pd.DataFrame) -> list[str]:
    """One line per value read by approximation, for the unit's feedback: ``Cột 'Lĩnh
    vực': 'Kinhh tế' (dòng 12, 15) đã hiểu là 'Kinh tế'.`` ``interpreted``: as
    :func:`interpreted_values` returns."""
    lines = []
    for (column, value, code), group in interpreted.groupby(["column", "value", "code"],
                                                            sort=False):
        rows = group["row"].tolist()
        shown = ", ".join(map(str, rows[:10])) + (", …" if len(rows) > 10 else "")
        lines.append(f"Cột '{BY_NAME[column].header}': '{value}' (dòng {shown}) đã hiểu là "
                     f"'{name_of(column, code)}'; nếu không đúng, đề nghị sửa lại và gửi lại.")
    return lines
