"""A number as Excel shows it under a number format code (issue 9.2, "a cell means what Excel
shows"): ``300`` under ``0000`` is ``0300``.

Only the codes units put on text-like columns are formatted: zero-padded integers (``0000``),
fixed decimals (``0.0``, ``0.00``), thousands separators (``#,##0``), percentages (``0%``),
literal text in quotes or after ``\\`` (``"ĐV"000``), a section of words only (``"Kinh tế"``),
colours in brackets (dropped) and conditions (``[=1]"Tập thể";[=2]"Cá nhân"``: the section
whose condition holds). ``General`` and ``@`` give Excel's General text (``12`` not ``12.0``). Any other code
(fractions, scientific, dates but a year alone: ``yyyy``) returns ``None``: the caller keeps the value as read. Separators
are Excel's invariant ones (``,`` thousands, ``.`` decimals), as the format code writes them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import ROUND_HALF_UP, Decimal

_BRACKETS = re.compile(r"\[[^\]]*\]")
_LITERAL = re.compile(r'"([^"]*)"|\\(.)|_.|\*.')
_NUMBER = re.compile(r"[0#?,]*\.?[0#?]*")


def general(value: float) -> str:
    """Excel's General text of a number: whole numbers without ``.0``, else up to 10 significant
    digits (``0.1 + 0.2`` → ``0.3``)."""
    if float(value).is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.10g}".upper()


def _section(code: str, value: float) -> tuple[str, float]:
    """The section of a ``pos;neg;zero;text`` code that applies, and the value it shows."""
    parts = code.split(";")
    if value < 0 and len(parts) >= 2 and parts[1]:
        return parts[1], abs(value)
    if value == 0 and len(parts) >= 3 and parts[2]:
        return parts[2], value
    return parts[0], value


#: A section's condition (``[=1]``, ``[<=2]``, ``[>=100]``): a drop-down's index shown as its
#: words (``[=1]"Tập thể";[=2]"Cá nhân"``; fresh tester P's P083, P156, P159).
_CONDITION = re.compile(r"\[(=|<>|<=|>=|<|>)\s*(-?\d+(?:\.\d+)?)\]")
_HOLDS = {"=": lambda a, b: a == b, "<>": lambda a, b: a != b, "<=": lambda a, b: a <= b,
          ">=": lambda a, b: a >= b, "<": lambda a, b: a < b, ">": lambda a, b: a > b}


def _conditional(code: str, value: float) -> str | None:
    """The section of a code with conditions that shows ``value``: the first whose condition
    holds, else the first without one, else ``""`` (no section shows it: the caller keeps
    the value); ``None`` when the code has no condition."""
    parts = code.split(";")
    found = [_CONDITION.search(p) for p in parts]
    if not any(found):
        return None
    for part, condition in zip(parts, found):
        if condition and _HOLDS[condition.group(1)](value, float(condition.group(2))):
            return part
    return next((p for p, c in zip(parts, found) if not c), "")


def format_number(value: float, code: str) -> str | None:
    """``value`` as Excel displays it under ``code``, or ``None`` when the code is not one
    this module formats (module docstring). Never raises."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or math.isnan(value):
        return None
    code = code or "General"
    if code.strip().lower() in ("general", "@"):
        return general(value)
    if (chosen := _conditional(code, value)) == "":
        return None  # ``3`` under ``[=1]"Tập thể";[=2]"Cá nhân"``: as read
    if chosen is not None:
        section, shown = _BRACKETS.sub("", chosen), value
    else:
        section, shown = _section(_BRACKETS.sub("", code), value)
    pieces: list[tuple[bool, str]] = []  # (is literal, text)
    pos = 0
    for m in _LITERAL.finditer(section):
        pieces.append((False, section[pos:m.start()]))
        text = m.group(1) if m.group(1) is not None else (m.group(2) or "")
        pieces.append((True, " " if m.group(0)[:1] == "_" else ("" if m.group(0)[:1] == "*" else text)))
        pos = m.end()
    pieces.append((False, section[pos:]))
    plain = "".join(t for lit, t in pieces if not lit)
    if (year := _year_shown(value, plain)) is not None:  # ``yyyy``: a date shown as its year
        return "".join(t if lit else year for lit, t in pieces if lit or t.strip())
    if re.search(r"[dmyhsEe/?@]", plain, re.IGNORECASE):
        return None  # dates, times, scientific, fractions, text sections
    if "%" in plain:
        shown *= 100
    out, done = [], False
    for literal, text in pieces:
        if literal:
            out.append(text)
            continue
        for m in re.finditer(r"[0#,.]+|[^0#,.]+", text):
            token = m.group(0)
            if token[0] in "0#,." and re.search("[0#]", token) and not done:
                out.append(_digits(shown, token))
                done = True
            else:
                out.append(token)
    if not done:  # a section of words only (``"Kinh tế"``): Excel shows them, never the number
        words = "".join(t for lit, t in pieces if lit)
        return words if words.strip() and not plain.strip() else None
    sign = "-" if value < 0 and len(code.split(";")) < 2 else ""
    return sign + "".join(out)


def is_year_only(code: str) -> bool:
    """Whether a number format code shows a date as its year alone (``yyyy``, ``yy``,
    ``[$-42A]yyyy``, ``"Năm "yyyy``): a title's ``Năm:`` typed as a date and formatted so."""
    plain = _LITERAL.sub("", _BRACKETS.sub("", code or ""))
    return bool(re.fullmatch(r"\s*[yY]{2,4}\s*", plain))


def _year_shown(value: float, plain: str) -> str | None:
    """The year Excel shows for day number ``value`` (1900 date system) under the code's
    unquoted part ``plain`` when it is ``yyyy`` or ``yy`` alone; else ``None``."""
    if not re.fullmatch(r"\s*[yY]{2,4}\s*", plain) or not 1 <= value < 2958466:
        return None
    # Excel counts a 29/02/1900 that never was: its days 1 to 60 are one day later than the
    # days since 30/12/1899 (day 1 is 01/01/1900, never 31/12/1899)
    start = dt.date(1899, 12, 31) if value < 61 else dt.date(1899, 12, 30)
    year = (start + dt.timedelta(days=int(value))).year
    return str(year) if len(plain.strip()) > 2 else f"{year % 100:02d}"


def _digits(value: float, token: str) -> str:
    """The digits of ``value`` under one numeric token (``0000``, ``#,##0.00``)."""
    whole, _, decimals = token.partition(".")
    places = len(re.findall("[0#]", decimals))
    text = str(Decimal(repr(abs(value))).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP))
    integer, _, fraction = text.partition(".")
    width = whole.count("0")
    integer = integer.lstrip("0") or ""
    integer = integer.rjust(width, "0") if width else integer
    if "," in whole and integer:
        integer = f"{int(integer):,}"
    if fraction:
        kept = len(re.findall("0", decimals))
        fraction = fraction.rstrip("0").ljust(kept, "0") if "#" in decimals else fraction
    return integer + ("." + fraction if fraction else ("." if decimals and places else ""))
