"""The matcher of coded values (``Lĩnh vực``, ``Hình thức``, ``Cấp công đoàn``, ``Kết quả``):
a written value's words against the words of each accepted value's spellings (issue 9.1).
The steps and what they accept are told in :mod:`thidua.ingest.values`, which reads a cell
with them; this module holds the matching itself (words, runs, covers, fuzzy distance)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from schemas.form import ABBREVIATIONS, CONNECTORS, FILLERS, VALUE_NAMES, VALUE_READINGS, \
    VALUE_SPELLINGS
from thidua.text import match_key

#: Outcomes of reading a value.
EMPTY, EXACT, INTERPRETED, AMBIGUOUS, UNKNOWN = "empty", "exact", "interpreted", "ambiguous", \
    "unknown"
#: No accepted value is longer than this; a longer text is never matched (nor fuzzily compared).
LONGEST_VALUE = 120
_ENUMERATOR = re.compile(r"^\s*(?:(?:\d{1,2}|[ivxlcdm]{1,4}|[a-z])\s*[.)/:-]|\d{1,2}\s)\s*")


@dataclass(frozen=True)
class Reading:
    """How a coded cell was read: ``code`` (``None`` unless ``how`` is ``exact`` or
    ``interpreted``), ``how`` (one of ``empty, exact, interpreted, ambiguous, unknown``) and
    ``candidates`` (for ``ambiguous``: the codes it could be, in the form's order)."""

    code: str | None
    how: str
    candidates: tuple[str, ...] = ()


def words_of(text: str) -> tuple[str, ...]:
    """The words of ``text`` as matched: its :func:`thidua.text.match_key` (no accents, lower
    case) cut into runs of letters and digits, every other character a cut
    (``"Văn hoá – Xã hội"`` → ``("van", "hoa", "xa", "hoi")``)."""
    return tuple(re.findall(r"[0-9a-z]+", match_key(text)))


_DOTTED_INITIALS = re.compile(r"\b([0-9a-z])\.(?=[0-9a-z]\b)")


def tokens_of(key: str) -> tuple[str, ...]:
    """The words of a written value (a :func:`match_key`): as :func:`_words`, but a word
    written before a dot keeps it (``t.the`` → ``t.``, ``the``): it may be a shortened word
    (``T.Thể``, ``H.thành``, ``Chưa Đ.giá``); single letters joined by dots are initials
    (``X.D`` → ``xd``)."""
    key = _DOTTED_INITIALS.sub(r"\1", key)
    return tuple(re.findall(r"[0-9a-z]+\.?", key))


@dataclass(frozen=True)
class Matcher:
    """What :func:`matcher` compares a cell's words with, for one coded column
    (``spec/submission-form.md``, the coded columns): each spelling's words with its code
    (``sequences``), the filler words a cell may add (``fillers``: ``lĩnh vực`` before a
    field), the spellings of 4 letters or more run together for the letter-by-letter step
    (``targets``, with their ``target_codes``) and the codes in the form's order
    (``order``)."""

    sequences: tuple[tuple[str, tuple[str, ...]], ...]  # (code, words of one spelling)
    fillers: tuple[tuple[str, ...], ...]
    targets: tuple[str, ...]  # spellings without spaces, for the fuzzy step
    target_codes: tuple[str, ...]
    order: tuple[str, ...]


ABBREVIATION_WORDS = {match_key(k): words_of(v) for k, v in ABBREVIATIONS.items()}
_CONNECTORS = {match_key(c) for c in CONNECTORS}
_DOTTED_CONNECTOR = re.compile(r"\b(?:%s)\.(?=\s|$)" % "|".join(map(re.escape, _CONNECTORS)))


@lru_cache(maxsize=None)
def matcher(column: str, readings: bool = False) -> Matcher:
    """The matcher of a coded column's names (:data:`VALUE_SPELLINGS`), or of the words that
    mean its values (:data:`VALUE_READINGS`) when ``readings``."""
    spellings = VALUE_READINGS.get(column, {}) if readings else VALUE_SPELLINGS[column]
    sequences = tuple((code, words_of(s)) for code, values in spellings.items() for s in values)
    # spellings under 4 letters (``KT``, ``HT``) are never compared letter by letter
    targets = [("".join(words), code) for code, words in sequences if len("".join(words)) >= 4]
    return Matcher(sequences, tuple(words_of(f) for f in FILLERS.get(column, ())),
                   tuple(t for t, _ in targets), tuple(c for _, c in targets),
                   tuple(VALUE_NAMES[column]))


def runs(token: str, words: tuple[str, ...], free: tuple[int, ...]):
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
                    or ABBREVIATION_WORDS.get(token) == part:
                yield run
        if ABBREVIATION_WORDS.get(token) == (words[i],):
            yield (i,)


def covers(tokens: tuple[str, ...], words: tuple[str, ...], free: tuple[int, ...]) -> bool:
    """Whether ``tokens`` stand for exactly the ``free`` positions of ``words``."""
    if not tokens:
        return not free
    for run in runs(tokens[0], words, free):
        if covers(tokens[1:], words, tuple(i for i in free if i not in run)):
            return True
    return False


@lru_cache(maxsize=65536)
def token_spellings(col: Matcher, token: str) -> frozenset[int]:
    """The spellings (indices into ``col.sequences``) ``token`` stands for some words of:
    those with a :func:`runs` over all their words. A token that has no run among a
    spelling's words has none among part of them either, so a text can only be covered by
    a spelling every one of its tokens stands in (:func:`exact_codes`), and a word belongs to the
    values of these spellings (:func:`_touched`). Cached: a column's texts share most words."""
    bare = token.rstrip(".")
    if bare not in ABBREVIATION_WORDS:  # else every run begins with a word it begins
        initials = _initials(col)
        return frozenset(n for n, (_, words) in enumerate(col.sequences)
                         if bare[:1] in initials[n]
                         and any(True for _ in runs(token, words, tuple(range(len(words))))))
    return frozenset(n for n, (_, words) in enumerate(col.sequences)
                     if any(True for _ in runs(token, words, tuple(range(len(words))))))


@lru_cache(maxsize=None)
def _initials(col: Matcher) -> tuple[frozenset[str], ...]:
    """The first letters of each spelling's words (``col.sequences``' order)."""
    return tuple(frozenset(w[:1] for w in words) for _, words in col.sequences)


def exact_codes(col: Matcher, tokens: tuple[str, ...]) -> set[str]:
    """The values of whose spellings ``tokens`` stand for every word (step 2 of
    :mod:`thidua.ingest.values`); empty for no token."""
    if not tokens:
        return set()
    candidates = frozenset.intersection(*(token_spellings(col, t) for t in tokens))
    return {code for n, (code, words) in enumerate(col.sequences)
            if n in candidates and len(tokens) <= len(words)
            and covers(tokens, words, tuple(range(len(words))))}


def _drop(tokens: tuple[str, ...], phrases) -> tuple[str, ...]:
    out = list(tokens)
    bare = [t.rstrip(".") for t in out]  # ``t.`` compares as ``t``
    for phrase in phrases:
        if phrase[0] not in bare:
            continue
        n = len(phrase)
        i = 0
        while i + n <= len(out):
            if tuple(bare[i:i + n]) == phrase:
                del out[i:i + n], bare[i:i + n]
            else:
                i += 1
    return tuple(out)


def variants(col: Matcher, key: str, fillers: bool = True) -> list[tuple[str, ...]]:
    """The word lists a text may mean: as written, without numbering, without the column's
    fillers (unless not ``fillers``); a connector with a dot (``và. xã hội``: a stray dot, or
    ``Vă. hóa``: a shortened word, alike without diacritics) read both ways."""
    out = []
    for text in dict.fromkeys((_DOTTED_CONNECTOR.sub(" ", key), key)):
        plain = tuple(t for t in tokens_of(text) if t not in _CONNECTORS)
        numbering = _ENUMERATOR.match(text)
        if numbering and numbering.group(0).strip(" .)/:-") in ABBREVIATION_WORDS:  # ``K.TB``
            numbering = None
        bare = tuple(t for t in tokens_of(text[numbering.end():] if numbering else text)
                     if t not in _CONNECTORS)
        out += [plain, bare, *((_drop(plain, col.fillers), _drop(bare, col.fillers)) if fillers
                               else ())]
    return list(dict.fromkeys(v for v in out if v))


def _fuzzy(col: Matcher, variants: list[tuple[str, ...]]) -> Reading | None:
    within: dict[str, int] = {}  # code → fewest slips to one of its spellings, within allowance
    near: dict[str, int] = {}  # code → fewest slips to one of its spellings (up to 3)
    for tokens in variants:
        query = "".join(tokens).replace(".", "")
        if len(query) < 4:
            continue
        for target, dist, i in process.extract(query, col.targets, scorer=OSA.distance,
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


def _touched(col: Matcher, tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The values a text's words belong to, when every word belongs to some value and the
    words that belong to one value only name two values or more (else ``()``)."""
    tokens = _drop(tokens, col.fillers)
    distinct: set[str] = set()
    for token in tokens:
        codes = {col.sequences[n][0] for n in token_spellings(col, token)}
        if not codes:
            return ()
        if len(codes) == 1:
            distinct |= codes
    return tuple(sorted(distinct, key=col.order.index)) if len(distinct) >= 2 else ()


def read_key(col: Matcher, key: str) -> Reading:
    """How a match key reads among a column's spellings (steps 1–4 of
    :mod:`thidua.ingest.values`)."""
    written = variants(col, key)
    for tokens in written:
        codes = exact_codes(col, tokens)
        if len(codes) == 1:
            return Reading(codes.pop(), EXACT)
        if codes:
            return Reading(None, AMBIGUOUS, tuple(sorted(codes, key=col.order.index))[:2])
    found = _fuzzy(col, written)
    if found is not None:
        return found
    touched = _touched(col, written[0]) if written else ()
    return Reading(None, AMBIGUOUS, touched[:2]) if touched else Reading(None, UNKNOWN)
