"""A year column (``Năm đăng ký``, ``Năm thực hiện``, ``Năm triển khai``, ``Năm ĐK``: read as
the period, ``docs/contracts.md``) whose cell holds exactly one year among words, as units
write it (``Đăng ký mới 2024``, ``2024, tiếp tục``, ``Tiếp tục từ năm 2024``): that year, told
(fresh tester G's 1024: such rows were rejected asking for a date range). A cell that reads as
a period already (``2024``, ``Năm 2024``, ``2024 - 2025``, ``2024 (tiếp tục từ 2022)``) is left
as it is; a cell with two years, another number or no word is left to be rejected as before.
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import by_value
from thidua.ingest.periods import parse_period
from thidua.text import clean_text, match_key, rows_said

#: The headers of :data:`schemas.form.BY_NAME` ``period`` that name a year, not a period.
YEAR_HEADERS = frozenset(match_key(a) for a in BY_NAME["period"].aliases
                         if match_key(a).startswith("nam "))
#: What a year column expects (its rejections, :func:`thidua.ingest.validate.own_headers`).
YEAR_EXPECTED = ("một năm, trùng với năm báo cáo (ví dụ 2024), hoặc thời gian thực hiện "
                 "dd/mm/yyyy - dd/mm/yyyy")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def is_year_header(header: str | None) -> bool:
    """Whether a unit's header of the period column names a year (``Năm đăng ký``)."""
    key = re.sub(r"\s*\(cot [a-z]{1,3}\)$", "", match_key(header))  # ``Năm ĐK (cột L)``
    return bool(header) and key in YEAR_HEADERS


def year_among_words(value: object) -> object:
    """The year of a cell holding exactly one year among words (``Đăng ký mới 2024`` →
    ``"2024"``); any other value as it is."""
    if not isinstance(value, str) or parse_period(value) is not None:
        return value
    text = clean_text(value)
    years = set(_YEAR.findall(text))
    rest = _YEAR.sub(" ", text)
    if len(years) != 1 or re.search(r"\d", rest) or not re.search(r"[^\W\d_]", rest):
        return value
    return years.pop()


def years_from_words(data: pd.DataFrame, header: str | None) -> tuple[pd.DataFrame, str | None]:
    """``data`` (a sheet's data rows, index Excel rows) with each ``period`` cell of a year
    column (``header``: the unit's own header) holding one year among words read as that year,
    and the line telling the unit which rows; else ``data`` as it is and ``None``."""
    if "period" not in data or not is_year_header(header):
        return data, None
    years = by_value(data["period"], year_among_words)
    changed = [(row, old, new) for row, old, new in zip(data.index, data["period"], years)
               if new is not old and new != old]
    if not changed:
        return data, None
    _, old, new = changed[0]
    note = (f"Cột '{header}' ghi năm kèm lời ở dòng {rows_said([r for r, _, _ in changed])}"
            f": đã hiểu là năm ghi trong ô (ví dụ '{clean_text(old)}' là năm {new}).")
    return data.assign(period=years), note
