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
3. else compares the text without spaces to every spelling (rapidfuzz's optimal string
   alignment: a slip is a letter added, dropped or changed, or two neighbours swapped,
   ``Kihn tế``): one or two typing slips from exactly one value (one slip for a spelling shorter than 12 letters, two
   from 12 on, none under 4) with no other value within one slip more is *interpreted* as
   that value; a tie is *ambiguous*;
4. else a text whose every word belongs to the accepted values but to two of them
   (``Kinh tế - xã hội``) is *ambiguous*; anything else is *unknown*;
5. a text that reads as no value but begins with one, the words after it naming no other
   (``Tập thể công đoàn``, ``Tiêu biểu cấp quận``), is *interpreted* as that one
   (:mod:`thidua.ingest.leadvalue`).

A text that reads as no value is read by the words that mean a value
(:data:`schemas.form.VALUE_READINGS`, *interpreted*) unless it is exactly a value of another
coded column (``TT`` in ``Lĩnh vực`` is the code of ``Tập thể``, typed in the wrong column, not
the initials of ``Thể thao``): that is *unknown*, and :func:`other_column` names the column for
the message. A spelling of :data:`schemas.form.TOLD_SPELLINGS` (``TB``) is *interpreted*.
A code typed letter by letter (``K T``, ``C/N``, ``T-T``, ``K_T``) is read as the letters
joined, *interpreted*. A text that reads as no value after words such as ``Thuộc`` or ``Là``
(:data:`schemas.form.VALUE_LEADS`: ``Thuộc cấp cơ sở``) is read by what follows them,
*interpreted*.

Each distinct text is read once (:func:`read_value` is cached), so whole columns are fast.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from schemas.form import TOLD_SPELLINGS, VALUE_LEADS, VALUE_NAMES, VALUE_READINGS
from thidua.ingest.columnar import by_value
from thidua.ingest.valuewords import (  # noqa: F401 - the outcomes, kept where they were
    ABBREVIATION_WORDS,
    AMBIGUOUS,
    EMPTY,
    EXACT,
    INTERPRETED,
    LONGEST_VALUE,
    UNKNOWN,
    Reading,
    covers,
    matcher,
    read_key,
    variants,
    words_of,
)
from thidua.ingest.ballot import ballot_choice
from thidua.ingest.headers import header_name
from thidua.ingest.keyboard import typed_off
from thidua.ingest.leadvalue import leading_value
from thidua.ingest.valuemix import listed_values, out_of_order
from thidua.text import clean_text, fold_code, match_key

_BRACKETS = re.compile(r"[(\[]([^)\]]*)[)\]]")
#: A cell opening with a label and a colon (``Cấp: Cấp trên trực tiếp cơ sở``, a mail-merge's
#: ``Thời gian: 01/2024 - 12/2024``; fresh tester J's J055).
_LABELLED = re.compile(r"\s*([^:]{1,40}?)\s*:\s*(\S.*)", re.DOTALL)


#: A code typed letter by letter with a space or slash between (``K T``, ``t t``, ``T/T``,
#: ``C/N``; fresh tester J's J029), or a dash or an underscore (``K-T``, ``T - T``, ``C–N``
#: (a match key has ``-`` for ``–``), ``K_T``, ``C-T-C-S``; fresh tester's T137, T138,
#: T132, T127), a dot after the last letter allowed (``K-T.``), as a match key.
_SPLIT_LETTERS = re.compile(r"[a-z](?:\s*[\s/_-]\s*[a-z]){1,5}\.?")


#: Words before a value (:data:`schemas.form.VALUE_LEADS`: ``Thuộc cấp cơ sở``, ``Là cá
#: nhân``, ``Thuộc: Cơ sở``; fresh tester's T126), with the colon or spaces after them, and a
#: bullet before them (``- Là cá nhân``, U092).
_LEAD = re.compile(r"\s*(?:[-–—•*+]\s*)?(?:%s)\b\s*:?\s*(?=\S)" % "|".join(
    map(re.escape, sorted(VALUE_LEADS, key=len, reverse=True))), re.IGNORECASE)


#: A result as a share of the plan (``100%``, ``Vượt 120% kế hoạch``; fresh tester J's J039),
#: as a match key: 100% or more is ``Hoàn thành`` (told); less says nothing sure (asked).
_SHARE = re.compile(r"(?:dat|vuot|thuc hien|hoan thanh)?\s*(\d{1,3})(?:[.,]\d+)?\s*%\s*"
                    r"(?:ke hoach|kh|chi tieu|so voi ke hoach)?")


def unlabelled(text: str, columns: tuple[str, ...]) -> str:
    """``text`` without a label of its own column before a colon (``Cấp: Cơ sở`` → ``Cơ sở``
    for ``level``; any header of the form that stands for one of ``columns``,
    :func:`thidua.ingest.headers.header_name`); ``text`` as it is otherwise (``Ghi chú: …``
    in ``Kết quả``)."""
    if ":" not in text or not (found := _LABELLED.fullmatch(text)):
        return text
    return found.group(2) if header_name(found.group(1)) in columns else text


def _unbracketed(text: str) -> str:
    """``text`` without what it writes in brackets, spaces collapsed (``Tập theer (CĐCS)`` →
    ``Tập theer``)."""
    return " ".join(_BRACKETS.sub(" ", text).split())


#: A value then words of the unit's own after a dash, a comma, a semicolon, a slash or a bar
#: (``Cơ sowr - Công ty Nam Thành``, ``Kinh tees/KT``): the value is the part before it.
_SEPARATED = re.compile(r"\s*(.+?)\s*(?:\s[-–—]\s|[–—,;/|])\s*\S")


def _typed_off_first(column: str, first: str, text: str) -> Reading | None:
    """The value of ``first`` (the part of ``text`` before a separator) typed with the
    Vietnamese mode off, a whole value by itself (:func:`_typed_off`), *interpreted*, when the
    whole text so typed back begins with that value only (:func:`_leading`: the words after
    it name no other value of the column); else ``None``. A typed-off text is never read by
    its first words without a separator (``Nhoms lowns``)."""
    value = _typed_off(column, first)
    if value is None or value.code is None:
        return None
    lead = next((_leading(column, match_key(meant)) for meant in typed_off(_unbracketed(text))),
                None)
    return value if lead is not None and lead.code == value.code else None


def _typed_off(column: str, text: str) -> Reading | None:
    """The value ``text`` is when read as typed with the Vietnamese mode off
    (:func:`thidua.ingest.keyboard.typed_off`), *interpreted*; the two values it names,
    *ambiguous*, when so read it names two (``Văn hóa - Kinh tees``: ``Văn hóa - Kinh tế``,
    asked, never ``Văn hóa`` by its first words); ``None`` when neither reading gives one."""
    asked = None
    for meant in typed_off(text):
        reading = _read_text(column, meant)
        if reading.code is not None and not leading_value(column, match_key(meant)):
            return Reading(reading.code, INTERPRETED)  # never by its first words alone
        if reading.how == AMBIGUOUS:
            asked = asked or reading
    return asked


def _leading(column: str, key: str) -> Reading | None:
    """The value a text begins with (:func:`thidua.ingest.leadvalue.leading_value`),
    *interpreted*, or the two its first words mean, *ambiguous*; ``None`` when it begins with
    none."""
    codes = leading_value(column, key)
    if len(codes) == 1:
        return Reading(codes[0], INTERPRETED)
    return Reading(None, AMBIGUOUS, codes[:2]) if codes else None


def _main_and_hints(key: str) -> tuple[str, list[str]]:
    """A value's words outside brackets and the hints in brackets (``Kinh tế (KT)``);
    everything in brackets (``(KT)``) is the value itself."""
    hints = [h for h in _BRACKETS.findall(key) if words_of(h)]
    main = _BRACKETS.sub(" ", key)
    if not words_of(main):
        return " ".join(hints), []
    return main, hints


@lru_cache(maxsize=8192)
def _read_text(column: str, text: str) -> Reading:
    if not text:
        return Reading(None, EMPTY)
    if (bare := unlabelled(text, (column,))) != text:  # ``Cấp: Cơ sở``: the value after it
        return _read_text(column, bare)
    if (chosen := ballot_choice(text)) is not None:  # ``☑ Tập thể ☐ Cá nhân``: the ticked one
        reading = _read_text(column, chosen)
        if reading.code is not None:
            return Reading(reading.code, INTERPRETED)
    if len(text) > LONGEST_VALUE:
        return Reading(None, UNKNOWN)
    folded = fold_code(text)  # ``ＫＴ``, Cyrillic ``ТТ``: read as the Latin code, and told
    if folded != text:
        reading = _read_text(column, folded)
        return Reading(reading.code, INTERPRETED) if reading.how == EXACT else reading
    col = matcher(column)
    main, hints = _main_and_hints(match_key(text))
    reading = read_key(col, main)
    if two := listed_values(col, main):  # ``Hoàn thành, tiêu biểu``: which one?
        return Reading(None, AMBIGUOUS, two[:2])
    if reading.how == EXACT and (_is_told(column, main)  # ``TB``, ``T.B.``, ``HT tiêu biểu``
                                 or out_of_order(col, main, reading.code)):
        reading = Reading(reading.code, INTERPRETED)
    if reading.how == UNKNOWN and column == "result" and (share := _SHARE.fullmatch(main)) \
            and int(share.group(1)) >= 100:  # ``100%``, ``Vượt 120% kế hoạch``
        return Reading("hoan_thanh", INTERPRETED)
    if reading.code is None and _SPLIT_LETTERS.fullmatch(main.strip()):  # ``K T``, ``T-T``
        joined = _read_text(column, re.sub(r"[\s/_.-]", "", main))
        # a slip from two values (``C T C S``: ``CĐCS``? ``CTCS``?) yields to the code the
        # letters spell exactly (``CTCS``, Cấp trên cơ sở); never a text naming two values
        if joined.code is not None and (reading.how == UNKNOWN or joined.how == EXACT):
            reading = Reading(joined.code, INTERPRETED)
    if reading.how == UNKNOWN and column in VALUE_READINGS \
            and _other_column(column, main) is None:  # ``An ninh trật tự``: told
        meant = read_key(matcher(column, readings=True), main)
        if meant.code is not None:
            reading = Reading(meant.code, INTERPRETED)
        elif meant.how == AMBIGUOUS:
            return _leading(column, main) or meant
    if reading.how == UNKNOWN and _other_column(column, main) is None:
        # ``Kinh tees``: Telex, mode off; ``Tập theer (CĐCS)``: its brackets are hints
        reading = _typed_off(column, _unbracketed(text) if hints else text) or reading
        if reading.how == AMBIGUOUS:
            return reading  # ``Văn hóa - Kinh tees``: two fields, asked
    if reading.code is None:
        reading = _leading(column, main) or reading  # ``Tập thể công đoàn``: a value, then words
    if reading.how == UNKNOWN and (part := _SEPARATED.match(_unbracketed(text))):
        reading = _typed_off_first(column, part.group(1), text) or reading
    if reading.how == UNKNOWN and (lead := _LEAD.match(text)):  # ``Thuộc cấp cơ sở``
        after = _read_text(column, text[lead.end():])  # its brackets checked there
        if after.code is not None:
            return Reading(after.code, INTERPRETED)
        if after.how == AMBIGUOUS:
            return after
    if reading.code is None:
        return reading
    for hint in hints:
        other = read_key(col, hint)
        if other.how == EXACT and other.code != reading.code:
            return Reading(None, AMBIGUOUS,
                           tuple(sorted((reading.code, other.code), key=col.order.index)))
    return reading


@lru_cache(maxsize=8192)
def _told_words(key: str) -> tuple[str, ...]:
    """The words of a written value as :data:`TOLD_SPELLINGS` are compared: punctuation
    aside, abbreviations written out (``Ko``, ``K.`` → ``không``), single letters one word
    (``T.B.``, ``t b`` → ``tb``)."""
    words = tuple(w for word in words_of(key) for w in ABBREVIATION_WORDS.get(word, (word,)))
    return ("".join(words),) if len(words) > 1 and all(len(w) == 1 for w in words) else words


@lru_cache(maxsize=None)
def _told(column: str) -> frozenset[tuple[str, ...]]:
    return frozenset(_told_words(match_key(s)) for s in TOLD_SPELLINGS.get(column, ()))


def _is_told(column: str, key: str) -> bool:
    """Whether a written value (a match key) is a spelling of :data:`TOLD_SPELLINGS`, read as
    the matcher reads values: words in any order, initials, abbreviations, a numbering aside
    (``Tiêu biểu xuất sắc``, ``HT tiêu biểu``, ``K.đạt``, ``Đạt.``); the column's fillers
    count (``Chưa đánh giá`` is no ``Chưa``)."""
    if _told_words(key) in _told(column):
        return True
    spellings = [words_of(s) for s in TOLD_SPELLINGS.get(column, ())]
    return any(covers(tokens, words, tuple(range(len(words))))
               for tokens in variants(matcher(column), key, fillers=False) for words in spellings
               if len(tokens) <= len(words))


def _other_column(column: str, key: str) -> str | None:
    for other in VALUE_NAMES:
        if other != column and read_key(matcher(other), key).how == EXACT:
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
