"""Vietnamese number and date formatting for the report.

Numbers follow Vietnamese usage (``spec``/brief: ``1.129``, ``12,5%``) through Babel's
``vi_VN`` locale. Dates follow Nghị định 30/2020/NĐ-CP, Phụ lục I: days below 10 and months
1–2 are zero-padded ("ngày 05 tháng 02 năm 2024"), months 3–12 are not; Babel has no pattern
for that rule, so it is written here.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal

LOCALE = "vi_VN"
#: The heading under which a replacing version says what changed without the data changing
#: (its report date, the day it was made: :func:`thidua.publish.versions.date_change`), apart
#: from "Những điểm thay đổi", in the report, the e-mail and ``thidua diff``.
NOT_DATA_HEADING = "Không phải thay đổi số liệu"


def number(value: int | float) -> str:
    """``1129`` → ``"1.129"``; ``12.5`` → ``"12,5"`` (Babel, vi_VN)."""
    return format_decimal(value, locale=LOCALE)


def percent(part: int | float, whole: int | float, digits: int = 1) -> str:
    """``part / whole`` as a Vietnamese percentage, ``"12,5%"``; ``"–"`` when ``whole`` is 0.

    Rounded half up to ``digits`` decimals, computed exactly (``decimal``), as Vietnamese
    reports round ("làm tròn"): ``1/16`` → ``"6,3%"``, ``2/3`` → ``"66,7%"``, ``1/2000`` →
    ``"0,1%"``. (Babel alone would round half to even: ``6,2%``.)
    """
    if not whole:
        return "–"
    exact = Decimal(str(part)) * 100 / Decimal(str(whole))
    rounded = exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(rounded, format=pattern, locale=LOCALE, decimal_quantization=False) + "%"


def decree_date(day: dt.date, place: str = "Hà Nội") -> str:
    """The place-and-date line of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I):
    ``"Hà Nội, ngày 05 tháng 12 năm 2024"``."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def short_date(day: dt.date) -> str:
    """``dd/mm/yyyy``, as dates are written in Vietnamese tables."""
    return day.strftime("%d/%m/%Y")


_ABBREVIATIONS = (("Liên đoàn Lao động", "LĐLĐ"), ("Công đoàn ngành", "CĐ ngành"),
                  ("Công đoàn Cơ quan", "CĐ Cơ quan"), ("Công đoàn Viên chức", "CĐ Viên chức"),
                  ("Công đoàn các", "CĐ các"), ("thành phố Hà Nội", "TP"), ("thành phố", "TP"))


def short_name(name: str) -> str:
    """A unit's name as tables abbreviate it: ``Liên đoàn Lao động quận Ba Đình`` →
    ``LĐLĐ quận Ba Đình`` (the standard abbreviations of the trade unions' documents)."""
    for long, short in _ABBREVIATIONS:
        name = name.replace(long, short)
    return name


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(value: int) -> str:
    """``1`` → ``"I"``, ``4`` → ``"IV"``, ``14`` → ``"XIV"``: how appendices are numbered
    (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II: "Phụ lục I, II…"). Raises ``ValueError``
    for a value below 1."""
    if value < 1:
        raise ValueError(f"roman({value}): needs a positive integer")
    text = ""
    for size, letters in _ROMAN:
        count, value = divmod(value, size)
        text += letters * count
    return text
