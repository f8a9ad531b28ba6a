"""Which form column a header cell names (``spec/submission-form.md``, "The header row").

Exact spellings first (:data:`schemas.form.COLUMNS`, ignoring case, accents, spaces and
punctuation, trailing ``(*)`` marks and a bracketed hint), then the words rule of
:data:`schemas.form.HEADER_HEADS`: a header written in other words by a unit's own form
(``Lĩnh vực đăng ký``, ``Thuộc lĩnh vực``, ``Họ và tên``, ``Xếp loại``).
"""

from __future__ import annotations

import functools
import re

from rapidfuzz.distance import OSA

from schemas.form import (AMBIGUOUS_HEADERS, BY_NAME, HEADER_HEAD_TAILS, HEADER_HEADS, HEADER_LEADS,
                         HEADER_TAILS, HEADER_TO_NAME)
from thidua.text import compact_key, match_key

#: The longest header cell looked at, in characters once trimmed: the form's headers are under
#: 30 characters, a unit's own wording with a hint in brackets well under this. A longer cell
#: (a 5 MB note, issue 9.10) is text, never a header, and is not keyed (issue 10: keying it
#: cost seconds per look).
HEADER_MAX_CHARS = 1000


def may_be_header(cell: object) -> bool:
    """Whether ``cell`` is short enough to be a header (:data:`HEADER_MAX_CHARS`)."""
    return not isinstance(cell, str) or len(cell.strip()) <= HEADER_MAX_CHARS


#: Header keys without spaces or punctuation: ``Tên tập thể / cá nhân`` = ``Tên tập thể/cá nhân``.
_HEADER_COMPACT = {compact_key(k): name for k, name in HEADER_TO_NAME.items()}
#: Heads as word tuples, longest first, so that ``ten tap the ca nhan`` wins over ``ten tap the``.
_HEADS = sorted(((tuple(h.split()), name) for name, heads in HEADER_HEADS.items() for h in heads),
                key=lambda item: -len(item[0]))


def _stripped(cell: object) -> tuple[str, str]:
    """The header's key without trailing ``(*)`` marks, and without a bracketed hint too."""
    key = match_key(cell)
    key = re.sub(r"(\s*\(\s*\*+\s*\))+$|\s*\*+$", "", key).strip(" :")
    bare = re.sub(r"\s*[(\[].*[)\]]\s*$", "", key)  # its readers drop spaces, punctuation
    return key, bare


def exact_name(cell: object) -> str | None:
    """The internal column name a header cell spells exactly (any case, accents, spaces,
    punctuation; trailing ``(*)``; a trailing hint such as ``Hình thức (Tập thể/Cá nhân)``),
    or ``None``."""
    key, bare = _stripped(cell)
    if name := _HEADER_COMPACT.get(compact_key(key)):
        return name
    return _HEADER_COMPACT.get(compact_key(bare))  # none is keyed by an empty text


@functools.lru_cache(maxsize=4096)
def _by_words(bare: str) -> str | None:
    words = re.findall(r"[a-z0-9]+", bare)
    if words and words[0] in HEADER_LEADS:
        words = words[1:]
    for head, name in _HEADS:
        tails = HEADER_HEAD_TAILS.get(name, frozenset())
        if tuple(words[:len(head)]) == head and all(
                w in HEADER_TAILS or w in tails or w.isdigit() for w in words[len(head):]):
            return name
    return None


#: Header keys of at least this many letters may be read past a typing slip (``Tên mô hnh``);
#: shorter ones (``STT``, ``LV``, ``Cấp``) are one slip from each other.
SLIP_MIN_LETTERS = 6
#: From this many letters, two slips (as for values, :mod:`thidua.ingest.values`).
TWO_SLIPS_FROM = 12
_SLIP_TARGETS = {k: name for k, name in _HEADER_COMPACT.items() if len(k) >= SLIP_MIN_LETTERS}


@functools.lru_cache(maxsize=4096)
def slip_name(compact: str) -> str | None:
    """The column a header's compact key (:func:`thidua.text.compact_key`) names past one or
    two typing slips (rapidfuzz's optimal string alignment: a letter added, dropped or changed,
    or two neighbours swapped): ``tenmohnh`` → ``model``; one slip under
    :data:`TWO_SLIPS_FROM` letters, two from it, keys of :data:`SLIP_MIN_LETTERS` letters or
    more, and only when no other column is within one slip more; else ``None``."""
    if len(compact) < SLIP_MIN_LETTERS - 1:  # ``Chứ vụ``: a letter dropped from six
        return None
    candidates: list[tuple[int, bool, str]] = []  # (slips, within those allowed, column)
    for key, name in _SLIP_TARGETS.items():
        allowed = 1 if len(key) < TWO_SLIPS_FROM else 2
        slips = OSA.distance(compact, key, score_cutoff=allowed + 1)
        if slips <= allowed + 1:
            candidates.append((slips, slips <= allowed, name))
    within = {name for _, ok, name in candidates if ok}
    if len(within) != 1:
        return None
    name = within.pop()
    best = min(slips for slips, ok, n in candidates if ok and n == name)
    return name if all(slips > best + 1 for slips, _, n in candidates if n != name) else None


def header_name(cell: object) -> str | None:
    """The internal column name a header cell stands for: :func:`exact_name`, else the words
    rule (:data:`schemas.form.HEADER_HEADS`), else one or two typing slips from a header of the
    form (:func:`slip_name`; told, :func:`slipped_headers`), else ``None`` (also for a cell
    longer than :data:`HEADER_MAX_CHARS`). Never raises."""
    if not may_be_header(cell):
        return None
    if name := exact_name(cell):
        return name
    _, bare = _stripped(cell)
    return _by_words(bare) or slip_name(compact_key(bare)) or _in_parts(cell)


#: What splits a header into parts one of which may name the column: a line break (``Tên mô
#: hình⏎Model name``) or a slash between spaces (``Model name / Tên mô hình``); else a slash
#: alone (``Lĩnh vực/Field``, ``Kết quả/Result``: :data:`_SLASH`).
_PARTS = re.compile(r"\s*[\r\n]+\s*|\s+/\s+")
_SLASH = re.compile(r"\s*/\s*")

#: The English headers of a bilingual form (``No.`` | ``Model name`` | ``Field`` | …), as
#: match keys, by the column each names: never headers of their own (the form's header row
#: is Vietnamese, ``spec/submission-form.md``), but a row of them under the header is its
#: translation (:func:`english_header`; fresh tester Z's Z072: each such row was rejected
#: with four reasons), and one beside the Vietnamese in a cell names the same column.
ENGLISH_HEADERS = {
    "stt": ("no", "no.", "#", "number", "order", "ordinal", "seq", "s/n", "sn"),
    "model": ("model", "model name", "name of model", "name of the model", "models",
              "initiative", "model title"),
    "field": ("field", "fields", "area", "sector", "domain"),
    "type": ("type", "form", "kind", "collective/individual", "collective or individual"),
    "registrant": ("name", "full name", "registrant", "registrant name", "registrant's name",
                   "collective/individual name", "name of collective/individual",
                   "collective or individual name", "name of collective or individual"),
    "position": ("position", "title", "job title", "role", "function"),
    "level": ("level", "union level", "trade union level", "tier", "union tier"),
    "grassroots_union": ("grassroots union", "grassroots trade union", "primary union",
                         "trade union", "union", "unit", "organization", "organisation"),
    "period": ("period", "time", "duration", "timeline", "implementation period",
               "implementation time", "time of implementation", "time period"),
    "result": ("result", "results", "outcome", "evaluation", "assessment", "rating"),
    "note": ("note", "notes", "remark", "remarks", "comment", "comments"),
    "unit_code": ("unit code", "code"),
}
_ENGLISH = {word: name for name, words in ENGLISH_HEADERS.items() for word in words}


def english_header(cell: object) -> str | None:
    """The column an English header of a bilingual form names (:data:`ENGLISH_HEADERS`:
    ``Model name`` → ``model``, ``No.`` → ``stt``), the case, spaces around a slash and
    closing stops and colons aside; ``None`` for any other cell."""
    if not isinstance(cell, str) or len(cell) > 60:
        return None
    key = _SLASH.sub("/", match_key(cell)).strip(" :*")
    return _ENGLISH.get(key) or _ENGLISH.get(key.rstrip("."))


def _in_parts(cell: object) -> str | None:
    """The column a header names in one of its parts when the whole names none: a bilingual
    header (``Tên mô hình⏎Model name``, ``Model name / Tên mô hình``: the parts naming a
    column all name it; fresh tester J's J024, J025), or a coded column's head before a colon
    with two of its values or more after it (``Lĩnh vực: KT, VHXH, ANQP, XDHTCT``, J094); a
    cell stating one value (``Lĩnh vực: Kinh tế``, ``Mã đơn vị: Q-LB``) names none."""
    if not isinstance(cell, str):
        return None
    head, colon, rest = cell.partition(":")
    if colon and (name := header_name(head)) and _values_in(name, rest) >= 2:
        return name
    parts = [p for p in _PARTS.split(cell.strip()) if p]
    if len(parts) < 2:
        parts = [p for p in _SLASH.split(cell.strip()) if p]  # ``Lĩnh vực/Field``
        if len(parts) < 2 or not any(english_header(p) for p in parts):
            return None
    names = {n for p in parts if (n := header_name(p))}
    return names.pop() if len(names) == 1 else None


def _values_in(name: str, text: str) -> int:
    """How many of the comma, semicolon or slash separated parts of ``text`` spell one of
    coded column ``name``'s values exactly (``KT, VHXH, ANQP`` → 3 for ``field``)."""
    from schemas.form import VALUE_NAMES
    from thidua.ingest.valuewords import matcher, words_of  # not values: it reads headers
    if name not in VALUE_NAMES:
        return 0
    spelled = {words for _, words in matcher(name).sequences}
    return sum(1 for p in re.split(r"[,;/]", text) if p.strip() and words_of(p) in spelled)


def slipped_headers_note(labels: dict[str, str]) -> str | None:
    """The line telling a unit which of its headers were read past a typing slip
    (:func:`slipped_headers`), or ``None``: ``Tiêu đề cột 'Tên mô hnh' đã hiểu là 'Tên mô
    hình'; …``."""
    found = slipped_headers(labels)
    if not found:
        return None
    said = "; ".join(f"'{label}' đã hiểu là '{BY_NAME[name].header}'" for label, name in found)
    return f"Tiêu đề cột {said}. Đề nghị lần sau ghi đúng tiêu đề của mẫu."


def slipped_headers(labels: dict[str, str]) -> list[tuple[str, str]]:
    """``(header as written, column name)`` of each header of ``labels`` (raw column →
    header, :func:`thidua.ingest.rows.column_labels`) read past a typing slip
    (:func:`slip_name`), for the unit's feedback."""
    found = []
    for name, label in labels.items():
        if not isinstance(label, str) or exact_name(label):
            continue
        bare = _stripped(label)[1]
        if not _by_words(bare) and slip_name(compact_key(bare)) == name:
            found.append((label, name))
    return found


def header_choices(cell: object) -> tuple[str, ...]:
    """The coded columns a header cell may name, its values deciding which
    (:data:`schemas.form.AMBIGUOUS_HEADERS`: ``Loại`` → ``("type", "result")``), or ``()`` for
    a header that names one column (or none). Never raises."""
    if not isinstance(cell, str) or not may_be_header(cell):
        return ()
    return AMBIGUOUS_HEADERS.get(_stripped(cell)[1], ())
