"""Dates written month first (``3/15/2024``), as a spreadsheet set to a US locale writes them
(Google Sheets' default, its CSV export): a ``Thời gian thực hiện`` column, or the two columns
``Từ ngày`` | ``Đến ngày`` together, is read month first when some of its dates can only be
month first (a "month" above 12) and none can only be day first (a "day" above 12 in the
second place is the only reading; ``spec/submission-form.md``, "Columns", period; an
extension in ``docs/contracts.md``). One column decides for all its cells, so ``3/5/2024``
beside ``3/15/2024`` is 5 March. In a column that does not so decide (its other dates day
first), a row whose dates can only be month first (``3/15/24 - 11/30/24`` beside
``15/03/24``) is read month first on its own, told with its rows (fresh tester T's T150: such
rows were rejected). The year may have two digits (``3/15/24``)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import by_value
from thidua.text import rows_said

#: ``d/m/yyyy`` (or ``d/m/yy``) with ``/``, ``.`` or ``-``: the two numbers before the year, and
#: the year. A two-digit "year" followed by ``/`` or ``.`` and a figure is a month: ``1-15/10`` of
#: ``1-15/10/2024`` (days 1 to 15 of October) is no date of the year 10 (fresh tester W's W709:
#: its sheet was told "ghi theo kiểu tháng/ngày/năm", ``'1-15/10/2024' là '15-1/10/2024'``).
_DATE = re.compile(r"(?<!\d)(\d{1,2})(\s*[/.\-]\s*)(\d{1,2})(\s*[/.\-]\s*)(\d{4}|\d{2}(?!\s*[/.]\s*\d))"
                   r"(?!\d)")


def _places(value: object) -> list[tuple[int, int]]:
    """The ``(first, second)`` numbers of each ``d/m/yyyy`` date a text cell holds."""
    if not isinstance(value, str):
        return []
    return [(int(m[1]), int(m[3])) for m in _DATE.finditer(value)]


def month_first(periods: pd.Series) -> bool:
    """Whether a sheet's period cells (``Thời gian thực hiện``, as read: str, date, float)
    write their dates month first: at least one text date whose second number is above 12
    while its first is not, and none whose first number is above 12."""
    return _month_first([pair for places in by_value(periods, _places) for pair in places])


def _month_first(pairs: list[tuple[int, int]]) -> bool:
    return any(b > 12 >= a for a, b in pairs) and not any(a > 12 for a, _ in pairs)


def day_first(value: object) -> object:
    """A period cell with each ``m/d/yyyy`` date turned ``d/m/yyyy`` (``3/15/2024 -
    12/15/2024`` → ``15/3/2024 - 15/12/2024``); any other value as it is."""
    if not isinstance(value, str):
        return value
    return _DATE.sub(lambda m: f"{m[3]}{m[2]}{m[1]}{m[4]}{m[5]}", value)


#: The columns of a period: one (``Thời gian thực hiện``) or two (``Từ ngày`` | ``Đến ngày``).
PERIOD_COLUMNS = ("period", "period_from", "period_to")


def read_day_first(data: pd.DataFrame, headers: dict[str, str] | None = None
                   ) -> tuple[pd.DataFrame, str | None]:
    """``data`` (a sheet's data rows; columns ``period``, ``period_from``, ``period_to`` when
    it has them) with its periods read day first when they are written month first
    (:func:`month_first` of all its period columns' cells together: a sheet's two columns
    ``Từ ngày`` | ``Đến ngày``, ``3/5/2024`` | ``11/30/2024``, decide as one, as the one
    column does; fresh tester's T183, T189), and the line telling the unit, naming the
    columns (``headers``: the unit's own headers of them, else the form's) and an example;
    else ``data`` as it is and ``None``."""
    columns = [c for c in PERIOD_COLUMNS if c in data]
    if not columns:
        return data, None
    cells = pd.concat([data[c] for c in columns], ignore_index=True)
    names = [f"'{(headers or {}).get(c) or BY_NAME[c].header}'" for c in columns]
    said = f"Cột {names[0]}" if len(names) == 1 else f"Các cột {', '.join(names)}"
    pairs = [pair for places in by_value(cells, _places) for pair in places]
    if not any(b > 12 >= a for a, b in pairs):  # no date only month first: most sheets
        return data, None
    if not _month_first(pairs):
        return _cells_month_first(data, columns, said)
    example = next(v for v in cells if any(b > 12 >= a for a, b in _places(v)))
    note = (f"{said} ghi ngày theo kiểu tháng/ngày/năm (bảng tính đặt ngôn "
            f"ngữ Mỹ, ví dụ '{example}'): đã đọc theo tháng/ngày/năm ('{example}' là "
            f"'{day_first(example)}'). Đề nghị lần sau ghi ngày/tháng/năm hoặc đổi ngôn ngữ "
            f"bảng tính sang Việt Nam.")
    return data.assign(**{c: by_value(data[c], day_first) for c in columns}), note


def _cells_month_first(data: pd.DataFrame, columns: list[str], said: str
                       ) -> tuple[pd.DataFrame, str | None]:
    """``data`` with the period cells of each row whose dates, all its period columns together,
    can only be month first (:func:`_month_first`: ``3/15/24 - 11/30/24``; ``3/5/2024`` |
    ``11/30/2024``, never ``15/3/2024`` | ``11/30/2024``) read day first, and the line naming
    those rows (index: Excel row); ``data`` and ``None`` when there is none."""
    places = [by_value(data[c], _places) for c in columns]
    turned = np.array([_month_first([p for cell in cells for p in cell]) for cells in zip(*places)])
    if not turned.any():
        return data, None
    rows = sorted({int(r) for r in data.index[turned]})
    first = data[turned].iloc[0]
    example = next(first[c] for c in columns if _places(first[c]))
    note = (f"{said}, dòng {rows_said(rows)}: ngày ghi theo kiểu tháng/ngày/năm, khác các dòng "
            f"khác ('{example}'): đã đọc theo tháng/ngày/năm ('{example}' là "
            f"'{day_first(example)}'). Đề nghị ghi ngày/tháng/năm như các dòng khác.")
    out = data.copy()
    for c in columns:
        out.loc[turned, c] = by_value(data.loc[turned, c], day_first)
    return out, note
