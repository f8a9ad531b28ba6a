"""The dates of a unit registry (``valid_from``, ``valid_to``) as a spreadsheet saves them.

Source: ``shared/spec/unit-registry.md`` (``YYYY-MM-DD``); an extension in
``docs/contracts.md`` (``## unit-registry.md``, "Registry saved by Excel"; fresh tester W's
W901: Excel on a Vietnamese Windows saves the dates as ``01/10/2025``, which pandas read month
first, 10 January, so 93 more units were expected on 30/06/2025).

Each cell, its surrounding spaces dropped, is:

- empty (or only spaces): no date (``valid_to``: the unit still exists);
- year first, ``yyyy-mm-dd`` (``/`` or ``.`` between, the same twice; month and day of one or
  two digits);
- day first, ``dd/mm/yyyy``, ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy`` (the same separator
  twice): the registry is Vietnamese, so never month first;
- either followed by a time of day (``01/10/2025 0:00``, ``2025-10-01 00:00:00``,
  ``2025-10-01T00:00``), as Excel writes a cell holding a date and a time: the day is kept;
- anything else is a fault (:class:`DateFault`), the cell left as written: not a date, a year
  of two digits (``01/10/25``: the registry's units go back to 1990, so 1925 and 2025 are
  both possible), a day that does not exist (``31/02/2025``; ``06/30/2025`` is told it looks
  month first, :func:`thidua.ingest.periodcheck._missing_day`).

One column writing some dates year first and others day first is a fault on each of its day
first dates that reads both ways (``01/10/2025``: day and month both at most 12 and not
equal): such a column was put together from two sources, and the day first one may have been
written month first. A day first date no other way reads (``30/06/2025``) is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pandas as pd

from thidua.ingest.periodcheck import _missing_day

#: The registry's date columns.
DATE_COLUMNS = ("valid_from", "valid_to")

#: A date, then maybe a time of day after spaces or ``T`` (hours, minutes, seconds, fraction).
_TIMED = re.compile(r"(\S+?)(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?")
_YEAR_FIRST = re.compile(r"(\d{4})([-/.])(\d{1,2})\2(\d{1,2})")
_DAY_FIRST = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})")


@dataclass(frozen=True)
class DateFault:
    """A date cell the registry cannot use: ``index`` (the frame's row), ``column``, ``value``
    (as written, surrounding spaces dropped) and ``reason`` (Vietnamese, without what is
    expected: the schema's description of the column says that)."""

    index: int
    column: str
    value: str
    reason: str


@dataclass(frozen=True)
class _Day:
    day: dt.date
    year_first: bool

    def both_ways(self) -> bool:
        """A day first date that also reads month first, as another day: its day could be a
        month (its month always could be a day)."""
        return not self.year_first and self.day.day <= 12 and self.day.day != self.day.month


def read_date(value: object) -> _Day | str | None:
    """One date cell (module docstring): ``None`` when empty, the day read, or why it is no
    date (Vietnamese)."""
    if not isinstance(value, str) or not value.strip():
        return None
    timed = _TIMED.fullmatch(value.strip())
    if not timed:
        return "không phải ngày"
    hours, minutes, seconds = map(int, timed.groups("0")[1:])  # no time (or no seconds): 0
    if not (hours < 24 and minutes < 60 and seconds < 60):
        return "không phải ngày"
    if found := _YEAR_FIRST.fullmatch(timed[1]):
        year, month, day = int(found[1]), int(found[3]), int(found[4])
        if not 1 <= month <= 12:
            return f"tháng {month:02d} không có (tháng chỉ từ 01 đến 12)"
        return _day(day, month, year, year_first=True)
    if found := _DAY_FIRST.fullmatch(timed[1]):
        if len(found[4]) == 2:
            return (f"năm chỉ có 2 chữ số, không rõ là 19{found[4]} hay 20{found[4]}; hãy ghi "
                    f"năm đủ 4 chữ số")
        return _day(int(found[1]), int(found[3]), int(found[4]))
    return "không phải ngày"


def _day(day: int, month: int, year: int, year_first: bool = False) -> _Day | str:
    if problem := _missing_day(day, month, year):
        return problem
    return _Day(dt.date(year, month, day), year_first)


def registry_dates(frame: pd.DataFrame, header: int) -> tuple[pd.DataFrame, list[DateFault]]:
    """``frame`` (the registry as text, :func:`thidua.ingest.registry.read_registry_table`,
    its header on CSV line ``header``) with each date it reads in :data:`DATE_COLUMNS`
    written ``YYYY-MM-DD``, empty ones NaN, and the faults (module docstring), their cells
    left as written; a missing column is left to the schema. The faults are in row order,
    ``valid_from`` before ``valid_to``."""
    out = frame.copy()
    faults: list[DateFault] = []
    for column in (c for c in DATE_COLUMNS if c in frame.columns):
        readings = {i: read_date(v) for i, v in frame[column].items()}
        year_first = next((i for i, r in readings.items() if isinstance(r, _Day) and r.year_first), None)
        written = []
        for i, reading in readings.items():
            value = frame.at[i, column]
            if reading is None:
                written.append(None)
            elif isinstance(reading, str):
                faults.append(DateFault(i, column, value.strip(), reading))
                written.append(value)
            elif year_first is not None and reading.both_ways():
                d = reading.day
                faults.append(DateFault(i, column, value.strip(), (
                    f"cột này ghi ngày theo hai kiểu (năm trước, như '{frame.at[year_first, column].strip()}' "
                    f"ở dòng {year_first + header + 1}, và ngày trước), nên không rõ là ngày "
                    f"{d.day:02d} tháng {d.month:02d} hay ngày {d.month:02d} tháng {d.day:02d} năm "
                    f"{d.year}; hãy ghi mọi ngày của cột theo một kiểu")))
                written.append(value)
            else:
                written.append(f"{reading.day:%Y-%m-%d}")
        out[column] = pd.array(written, dtype=frame[column].dtype)  # in the frame's row order
    return out, sorted(faults, key=lambda f: (f.index, DATE_COLUMNS.index(f.column)))
