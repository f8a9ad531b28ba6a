"""A period written with its ends swapped (``12/2024 - 01/2024``, ``31/12/2024 - 01/01/2024``):
read the right way round and told, since ``Thời gian thực hiện`` is an optional column and the
registration itself is sound (the fresh29 tester's F9: a unit's every row was rejected so).
Only a range whose two ends each read (:func:`thidua.ingest.periods.parse_period`) and whose
end lies wholly before its start is turned; the report year is then checked as for any period.
An extension of ``spec/submission-form.md``, "Columns", period (``docs/contracts.md``)."""

from __future__ import annotations

import pandas as pd

from thidua.ingest.columnar import by_value
from thidua.ingest.periods import over_long, parse_period, range_splits
from thidua.text import clean_text, rows_said


def turned(value: object) -> object:
    """A period cell with its ends swapped the right way round (``12/2024 - 01/2024`` →
    ``01/2024 - 12/2024``); any other value (a period that reads, one end, a date cell) as it
    is; a text over :data:`~thidua.ingest.limits.MAX_PERIOD_CHARS` as it is, unsearched."""
    if not isinstance(value, str) or over_long(value) or parse_period(value) is not None:
        return value
    text = clean_text(value)
    for a, b in range_splits(text):
        first, last = parse_period(a), parse_period(b)
        if first and last and last[1] < first[0] and parse_period(f"{b} - {a}") is not None:
            return f"{b} - {a}"
    return value


def swapped_periods(data: pd.DataFrame) -> tuple[pd.DataFrame, str | None]:
    """``data`` (a sheet's data rows, index Excel rows; column ``period`` when it has one) with
    each period written backwards turned (:func:`turned`), and the line telling the unit which
    rows, with an example; else ``data`` as it is and ``None``."""
    if "period" not in data:
        return data, None
    periods = by_value(data["period"], turned)
    changed = [(row, old, new) for row, old, new in zip(data.index, data["period"], periods)
               if new is not old and new != old]
    if not changed:
        return data, None
    _, old, new = changed[0]
    note = (f"Cột 'Thời gian thực hiện' ghi thời gian kết thúc trước thời gian bắt đầu ở dòng "
            f"{rows_said([row for row, _, _ in changed])} (ví dụ '{clean_text(old)}'): đã hiểu "
            f"là '{new}'. Đề nghị sửa lại cho đúng thứ tự.")
    return data.assign(period=periods), note
