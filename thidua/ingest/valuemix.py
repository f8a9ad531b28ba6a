"""A coded cell naming two accepted values (``Hoàn thành, tiêu biểu``, ``Tiêu biểu/Hoàn
thành``, ``Tập thể, cá nhân``, ``KT/VH``, ``Cơ sở - cấp trên``): which value did the unit
mean? ``spec/submission-form.md`` ("The header row", accepted values) gives one value per
cell, so such a cell is *ambiguous* (the row rejected asking which, ``có phải là … hay …?``)
when the two are written as one phrase: a spelling of :data:`schemas.form.VALUE_SPELLINGS`
in its own word order reads as its value (``Hoàn thành tiêu biểu``, ``HT tiêu biểu``:
completed as an exemplary model, ``Tiêu biểu``; ``Cấp trên cơ sở``: the level above the
grassroots; :data:`schemas.form.TOLD_SPELLINGS` says which are told, ``đã hiểu là …``), and
its words in another order (``Tiêu biểu hoàn thành``, ``Cơ sở cấp trên``) read as that value
and are always told. Two values with a separator between them (``,``, ``/``, ``-``, ``và``)
are a list: asked. Used by :func:`thidua.ingest.values.read_value`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from thidua.ingest.valuewords import EXACT, Matcher, read_key, runs, variants

#: What separates two values written in one cell (on a match key: dashes unified): a comma,
#: semicolon, slash, bar, plus, ampersand or dash, or the words ``và``, ``hoặc``, ``hay``.
_SEPARATORS = re.compile(r"\s*[,;/|+&-]\s*|\s+(?:va|hoac|hay|or)\s+")


def _value(col: Matcher, text: str) -> str | None:
    """The one value ``text`` reads as exactly, else ``None``; one word cut short by a dot
    alone (``đ.`` of ``Chưa - đ. - giá``, ``đá.``, ``1. đ.``) names no value here,
    unless it is a value without its dot (``TB.``): it begins too many words."""
    shortest = min(variants(col, text), key=len, default=())
    if len(shortest) == 1 and shortest[0].endswith(".") \
            and read_key(col, shortest[0][:-1]).how != EXACT:  # ``đá.``, ``1. đ.``
        return None
    reading = read_key(col, text)
    return reading.code if reading.how == EXACT else None


def listed_values(col: Matcher, key: str) -> tuple[str, ...]:
    """The distinct values of the parts of ``key`` (a match key) cut at :data:`_SEPARATORS`,
    in the form's order, when two parts or more read exactly as values and name two values
    or more (``hoan thanh, tieu bieu`` → ``hoan_thanh, tieu_bieu``); else ``()``. A part
    that reads as no value (``van hoa`` of ``Văn hóa - xã hội``) names none."""
    parts = [p for p in _SEPARATORS.split(key) if p.strip()]
    if len(parts) < 2:
        return ()
    codes = {code for p in parts if (code := _value(col, p))}
    return tuple(sorted(codes, key=col.order.index)) if len(codes) >= 2 else ()


def run_values(col: Matcher, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct values named by runs of a cell's words (``tokens``) that follow one
    another, each run reading exactly as a value and every word in one (``tieu bieu hoan
    thanh`` → ``hoan_thanh, tieu_bieu``; ``co so cap tren`` → ``cap_tren_co_so, co_so``),
    when they name two values or more, in the form's order; else ``()``."""

    @lru_cache(maxsize=None)
    def split(start: int) -> frozenset[str] | None:  # the values of one split of tokens[start:]
        if start == len(tokens):
            return frozenset()
        for end in range(len(tokens), start, -1):
            code = _value(col, " ".join(tokens[start:end]))
            rest = split(end) if code else None
            if code and rest is not None and (start or end < len(tokens)):
                return rest | {code}
        return None

    codes = split(0) if 1 < len(tokens) <= 12 else None
    return tuple(sorted(codes, key=col.order.index)) if codes and len(codes) >= 2 else ()


def in_order(col: Matcher, tokens: tuple[str, ...], code: str) -> bool:
    """Whether a cell's words (``tokens``) stand, in their written order, for the words of a
    spelling of ``code`` (``ht tieu bieu`` for ``Hoàn thành tiêu biểu``; not ``tieu bieu
    hoan thanh``)."""

    def follows(i: int, start: int, words: tuple[str, ...]) -> bool:
        if i == len(tokens):
            return start == len(words)
        return any(run[0] == start and follows(i + 1, run[-1] + 1, words)
                   for run in runs(tokens[i], words, tuple(range(start, len(words)))))

    return any(c == code and follows(0, 0, words) for c, words in col.sequences)


def out_of_order(col: Matcher, key: str, code: str) -> bool:
    """Whether a cell read as ``code`` names two values by runs of its words
    (:func:`run_values`) that no spelling of ``code`` puts in its written order (``Tiêu biểu
    hoàn thành``, ``Cơ sở cấp trên``): read as ``code`` but told, since the unit may have
    meant either. A numbering and the column's fillers aside, as the reading does
    (``2. Cấp trên cơ sở`` is in order)."""
    written = variants(col, key)
    if any(in_order(col, tokens, code) for tokens in written):
        return False
    return any(run_values(col, tokens) for tokens in written)
