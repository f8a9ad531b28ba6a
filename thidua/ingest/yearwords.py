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


def year_among_words(value: object, year: int | None = None) -> object:
    """The year of a cell holding exactly one year among words (``Đăng ký mới 2024`` →
    ``"2024"``); any other value, and a cell that reads as a period of the report ``year``
    (``Từ năm 2020 đến nay``), as it is."""
    if not isinstance(value, str) or parse_period(value, year) is not None:
        return value
    text = clean_text(value)
    years = set(_YEAR.findall(text))
    rest = _YEAR.sub(" ", text)
    if len(years) != 1 or re.search(r"\d", rest) or not re.search(r"[^\W\d_]", rest):
        return value
    return years.pop()


def years_from_words(data: pd.DataFrame, header: str | None,
                     year: int | None = None) -> tuple[pd.DataFrame, str | None]:
    """``data`` (a sheet's data rows, index Excel rows) with each ``period`` cell holding one
    year among words read as that year (:func:`year_among_words`; ``year``: the report year),
    and the line telling the unit which rows; else ``data`` as it is and ``None``. In a year
    column (``header``: the unit's own header, :func:`is_year_header`) the year is what the
    column asks; in a ``Thời gian thực hiện`` column a period in words naming one year and no
    date (``Hè 2024``, ``Dịp Tết Nguyên đán 2024``, ``Tháng Công nhân 2024``: fresh tester N's
    N160, N165, N166, each row rejected) is read as that whole year, the unit told that no
    date could be read."""
    if "period" not in data:
        return data, None
    years = by_value(data["period"], lambda value: year_among_words(value, year))
    changed = [(row, old, new) for row, old, new in zip(data.index, data["period"], years)
               if new is not old and new != old]
    if not changed:
        return data, None
    _, old, new = changed[0]
    rows = rows_said([r for r, _, _ in changed])
    column = header or BY_NAME["period"].header
    note = (f"Cột '{column}' ghi năm kèm lời ở dòng {rows}: đã hiểu là năm ghi trong ô (ví dụ "
            f"'{clean_text(old)}' là năm {new})." if is_year_header(header) else
            f"Cột '{column}' ghi thời gian bằng lời, không có ngày tháng đọc được, ở dòng "
            f"{rows}: đã hiểu là cả năm ghi trong ô (ví dụ '{clean_text(old)}' là năm {new}). "
            f"Nếu cần, đề nghị ghi rõ dd/mm/yyyy - dd/mm/yyyy.")
    return data.assign(period=years), note
