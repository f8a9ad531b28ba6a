"""Reading a coded value (``Lĩnh vực``, ``Hình thức``, ``Cấp công đoàn``, ``Kết quả``) by its
meaning, not by a list of spellings (issue 9.1).

The accepted values are data in :data:`schemas.form.VALUE_SPELLINGS` (each value's words),
:data:`schemas.form.ABBREVIATIONS` and :data:`schemas.form.FILLERS`. One matcher,
:func:`read_value`:

0. folds full-width forms and Latin look-alike letters (:func:`thidua.text.fold_code`:
   ``ＫＴ``, Cyrillic ``ТТ``): a value that reads only so is *interpreted* (told);
1. cuts the text into words (no case, no diacritics, any separator; ``và``/``&`` dropped);
2. reads the words exactly: every word written must stand for words of one spelling of one
   value, and every word of that spelling must be written, in any order. A written word is a
   word of the spelling, the initials of a run of its consecutive words (``HTCT`` = hệ thống
   chính trị, ``CĐCS`` = công đoàn cơ sở), an abbreviation (``ko`` = không) or a run of words
   written without spaces (``kinhte``), or, before a dot, the beginning of one word
   (``T.Thể``, ``T. thể``, ``H.thành``, ``Chưa Đ.giá``; dotted initials: ``X.D``). A numbering (``1.``, ``II.``, ``a)``) and the column's
   fillers (``Lĩnh vực``) are dropped when the text does not read without dropping them; a text
   in brackets is a hint that must agree (``Kinh tế (KT)``; ``Kinh tế (VHXH)`` is ambiguous);
3. else compares the text without spaces to every spelling (rapidfuzz, Levenshtein): one or two
   typing slips from exactly one value (one slip for a spelling shorter than 12 letters, two
   from 12 on, none under 4) with no other value within one slip more is *interpreted* as
   that value; a tie is *ambiguous*;
4. else a text whose every word belongs to the accepted values but to two of them
   (``Kinh tế - xã hội``) is *ambiguous*; anything else is *unknown*.

A text that reads as no value is read by the words that mean a value
(:data:`schemas.form.VALUE_READINGS`, *interpreted*) unless it is exactly a value of another
coded column (``TT`` in ``Lĩnh vực`` is the code of ``Tập thể``, typed in the wrong column, not
the initials of ``Thể thao``): that is *unknown*, and :func:`other_column` names the column for
the message. A spelling of :data:`schemas.form.TOLD_SPELLINGS` (``TB``) is *interpreted*.

Each distinct text is read once (:func:`read_value` is cached), so whole columns are fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from schemas.form import (
    ABBREVIATIONS,
    CONNECTORS,
    FILLERS,
    TOLD_SPELLINGS,
    VALUE_NAMES,
    VALUE_READINGS,
    VALUE_SPELLINGS,
)
from thidua.ingest.columnar import by_value
from thidua.text import clean_text, fold_code, match_key

#: Outcomes of reading a value.
EMPTY, EXACT, INTERPRETED, AMBIGUOUS, UNKNOWN = "empty", "exact", "interpreted", "ambiguous", \
    "unknown"
#: No accepted value is longer than this; a longer text is never matched (nor fuzzily compared).
LONGEST_VALUE = 120
_ENUMERATOR = re.compile(r"^\s*(?:(?:\d{1,2}|[ivxlcdm]{1,4}|[a-z])\s*[.)/:-]|\d{1,2}\s)\s*")
_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")


@dataclass(frozen=True)
class Reading:
    """How a coded cell was read: ``code`` (``None`` unless ``how`` is ``exact`` or
    ``interpreted``), ``how`` (one of ``empty, exact, interpreted, ambiguous, unknown``) and
    ``candidates`` (for ``ambiguous``: the codes it could be, in the form's order)."""

    code: str | None
    how: str
    candidates: tuple[str, ...] = ()


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"[0-9a-z]+", match_key(text)))


_DOTTED_INITIALS = re.compile(r"\b([0-9a-z])\.(?=[0-9a-z]\b)")


def _tokens(key: str) -> tuple[str, ...]:
    """The words of a written value (a :func:`match_key`): as :func:`_words`, but a word
    written before a dot keeps it (``t.the`` → ``t.``, ``the``): it may be a shortened word
    (``T.Thể``, ``H.thành``, ``Chưa Đ.giá``); single letters joined by dots are initials
    (``X.D`` → ``xd``)."""
    key = _DOTTED_INITIALS.sub(r"\1", key)
    return tuple(re.findall(r"[0-9a-z]+\.?", key))


@dataclass(frozen=True)
class _Column:
    sequences: tuple[tuple[str, tuple[str, ...]], ...]  # (code, words of one spelling)
    fillers: tuple[tuple[str, ...], ...]
    targets: tuple[str, ...]  # spellings without spaces, for the fuzzy step
    target_codes: tuple[str, ...]
    order: tuple[str, ...]


_ABBREVIATIONS = {match_key(k): _words(v) for k, v in ABBREVIATIONS.items()}
_CONNECTORS = {match_key(c) for c in CONNECTORS}


@lru_cache(maxsize=None)
def _column(column: str, readings: bool = False) -> _Column:
    """The matcher of a coded column's names (:data:`VALUE_SPELLINGS`), or of the words that
    mean its values (:data:`VALUE_READINGS`) when ``readings``."""
    spellings = VALUE_READINGS.get(column, {}) if readings else VALUE_SPELLINGS[column]
    sequences = tuple((code, _words(s)) for code, values in spellings.items() for s in values)
    # spellings under 4 letters (``KT``, ``HT``) are never compared letter by letter
    targets = [("".join(words), code) for code, words in sequences if len("".join(words)) >= 4]
    return _Column(sequences, tuple(_words(f) for f in FILLERS.get(column, ())),
                   tuple(t for t, _ in targets), tuple(c for _, c in targets),
                   tuple(VALUE_NAMES[column]))


def _runs(token: str, words: tuple[str, ...], free: tuple[int, ...]):
    """The runs of consecutive free positions of ``words`` that ``token`` stands for; a token
    written before a dot (``t.``) also stands for one word it begins (``tập``)."""
    free_set = set(free)
    shortened = token.endswith(".")
    token = token.rstrip(".")
    for i in free:
        if words[i] == token or (shortened and words[i].startswith(token)):
            yield (i,)
        for j in range(i + 2, len(words) + 1):
            run = tuple(range(i, j))
            if not free_set.issuperset(run):
                break
            part = words[i:j]
            if token in ("".join(w[0] for w in part), "".join(part)) \
                    or _ABBREVIATIONS.get(token) == part:
                yield run
        if _ABBREVIATIONS.get(token) == (words[i],):
            yield (i,)


def _covers(tokens: tuple[str, ...], words: tuple[str, ...], free: tuple[int, ...]) -> bool:
    """Whether ``tokens`` stand for exactly the ``free`` positions of ``words``."""
    if not tokens:
        return not free
    for run in _runs(tokens[0], words, free):
        if _covers(tokens[1:], words, tuple(i for i in free if i not in run)):
            return True
    return False


def _exact(col: _Column, tokens: tuple[str, ...]) -> set[str]:
    if not tokens:
        return set()
    return {code for code, words in col.sequences
            if len(tokens) <= len(words) and _covers(tokens, words, tuple(range(len(words))))}


def _drop(tokens: tuple[str, ...], phrases) -> tuple[str, ...]:
    out = list(tokens)
    for phrase in phrases:
        n = len(phrase)
        i = 0
        while i + n <= len(out):
            if tuple(t.rstrip(".") for t in out[i:i + n]) == phrase:
                del out[i:i + n]
            else:
                i += 1
    return tuple(out)


def _variants(col: _Column, key: str) -> list[tuple[str, ...]]:
    """The word lists a text may mean: as written, without numbering, without fillers."""
    plain = tuple(t for t in _tokens(key) if t.rstrip(".") not in _CONNECTORS)
    numbering = _ENUMERATOR.match(key)
    if numbering and numbering.group(0).strip(" .)/:-") in _ABBREVIATIONS:  # ``K.TB``: không
        numbering = None
    bare = tuple(t for t in _tokens(key[numbering.end():] if numbering else key)
                 if t.rstrip(".") not in _CONNECTORS)
    out = [plain, bare, _drop(plain, col.fillers), _drop(bare, col.fillers)]
    return list(dict.fromkeys(v for v in out if v))


def _fuzzy(col: _Column, variants: list[tuple[str, ...]]) -> Reading | None:
    within: dict[str, int] = {}  # code → fewest slips to one of its spellings, within allowance
    near: dict[str, int] = {}  # code → fewest slips to one of its spellings (up to 3)
    for tokens in variants:
        query = "".join(tokens).replace(".", "")
        if len(query) < 4:
            continue
        for target, dist, i in process.extract(query, col.targets, scorer=Levenshtein.distance,
                                               score_cutoff=3, limit=None):
            code = col.target_codes[i]
            near[code] = min(near.get(code, dist), dist)
            if dist <= (2 if len(target) >= 12 else 1):
                within[code] = min(within.get(code, dist), dist)
    if not within:
        return None
    code, d1 = min(within.items(), key=lambda kv: (kv[1], col.order.index(kv[0])))
    rivals = sorted((c for c, d in near.items() if c != code and d <= d1 + 1),
                    key=col.order.index)
    if rivals:
        return Reading(None, AMBIGUOUS, tuple(sorted((code, rivals[0]), key=col.order.index)))
    return Reading(code, EXACT if d1 == 0 else INTERPRETED)


def _touched(col: _Column, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The values a text's words belong to, when every word belongs to some value and the
    words that belong to one value only name two values or more (else ``()``)."""
    tokens = _drop(tokens, col.fillers)
    distinct: set[str] = set()
    for token in tokens:
        codes = {code for code, words in col.sequences
                 if any(True for _ in _runs(token, words, tuple(range(len(words)))))}
        if not codes:
            return ()
        if len(codes) == 1:
            distinct |= codes
    return tuple(sorted(distinct, key=col.order.index)) if len(distinct) >= 2 else ()


def _read_key(col: _Column, key: str) -> Reading:
    variants = _variants(col, key)
    for tokens in variants:
        codes = _exact(col, tokens)
        if len(codes) == 1:
            return Reading(codes.pop(), EXACT)
        if codes:
            return Reading(None, AMBIGUOUS, tuple(sorted(codes, key=col.order.index))[:2])
    found = _fuzzy(col, variants)
    if found is not None:
        return found
    touched = _touched(col, variants[0]) if variants else ()
    return Reading(None, AMBIGUOUS, touched[:2]) if touched else Reading(None, UNKNOWN)


def _main_and_hints(key: str) -> tuple[str, list[str]]:
    """A value's words outside brackets and the hints in brackets (``Kinh tế (KT)``);
    everything in brackets (``(KT)``) is the value itself."""
    hints = [h for h in _BRACKETS.findall(key) if _words(h)]
    main = _BRACKETS.sub(" ", key)
    if not _words(main):
        return " ".join(hints), []
    return main, hints


@lru_cache(maxsize=8192)
def _read_text(column: str, text: str) -> Reading:
    if not text:
        return Reading(None, EMPTY)
    if len(text) > LONGEST_VALUE:
        return Reading(None, UNKNOWN)
    folded = fold_code(text)  # ``ＫＴ``, Cyrillic ``ТТ``: read as the Latin code, and told
    if folded != text:
        reading = _read_text(column, folded)
        return Reading(reading.code, INTERPRETED) if reading.how == EXACT else reading
    col = _column(column)
    main, hints = _main_and_hints(match_key(text))
    reading = _read_key(col, main)
    if reading.how == EXACT and _told_words(main) in _told(column):  # ``TB``, ``T.B.``: told
        reading = Reading(reading.code, INTERPRETED)
    if reading.how == UNKNOWN and column in VALUE_READINGS \
            and _other_column(column, main) is None:  # ``An ninh trật tự``: told
        meant = _read_key(_column(column, readings=True), main)
        if meant.code is not None:
            reading = Reading(meant.code, INTERPRETED)
        elif meant.how == AMBIGUOUS:
            return meant
    if reading.code is None:
        return reading
    for hint in hints:
        other = _read_key(col, hint)
        if other.how == EXACT and other.code != reading.code:
            return Reading(None, AMBIGUOUS,
                           tuple(sorted((reading.code, other.code), key=col.order.index)))
    return reading


@lru_cache(maxsize=8192)
def _told_words(key: str) -> tuple[str, ...]:
    """The words of a written value as :data:`TOLD_SPELLINGS` are compared: punctuation
    aside, abbreviations written out (``Ko``, ``K.`` → ``không``), single letters one word
    (``T.B.``, ``t b`` → ``tb``)."""
    words = tuple(w for word in _words(key) for w in _ABBREVIATIONS.get(word, (word,)))
    return ("".join(words),) if len(words) > 1 and all(len(w) == 1 for w in words) else words


@lru_cache(maxsize=None)
def _told(column: str) -> frozenset[tuple[str, ...]]:
    return frozenset(_told_words(match_key(s)) for s in TOLD_SPELLINGS.get(column, ()))


def _other_column(column: str, key: str) -> str | None:
    for other in VALUE_NAMES:
        if other != column and _read_key(_column(other), key).how == EXACT:
            return other
    return None


def other_column(column: str, value: object) -> str | None:
    """The coded column (``field``, ``type``, ``level`` or ``result``) other than ``column``
    of which the cell ``value`` is exactly a value (``TT`` in ``field`` → ``type``), or
    ``None``; such a value is never read by meaning in ``column`` (``spec/submission-form.md``,
    "The header row": a value typed in the neighbouring column). Never raises."""
    text = clean_text(value)
    if not text or len(text) > LONGEST_VALUE:
        return None
    return _other_column(column, _main_and_hints(match_key(fold_code(text)))[0])


def read_value(column: str, value: object) -> Reading:
    """How the cell ``value`` of coded column ``column`` (``field``, ``type``, ``level`` or
    ``result``) reads; see the module's docstring. Never raises for any cell value."""
    return _read_text(column, clean_text(value))


def read_column(values: pd.Series, column: str) -> pd.Series:
    """:func:`read_value` of each cell (object Series of :class:`Reading`, same index); each
    distinct text is read once."""
    return by_value(by_value(values, clean_text), lambda text: _read_text(column, text))


def name_of(column: str, code: str) -> str:
    """The canonical Vietnamese name of a code: ``("field", "KT")`` → ``Kinh tế``."""
    return VALUE_NAMES[column][code]


__all__ = ["AMBIGUOUS", "EMPTY", "EXACT", "INTERPRETED", "UNKNOWN", "Reading", "name_of",
           "other_column", "read_column", "read_value"]
