"""A coded value written first, with words of the unit's own after it: ``Tập thể công đoàn``,
``CN - Chủ tịch``, ``TT-CĐCS``, ``Tiêu biểu cấp quận``, ``Không hoàn thành do chuyển công
tác``, ``CĐCS Trường THCS Láng``, ``LĐLĐ quận Hoàn Kiếm``, ``XD Đảng, HTCT`` (fresh tester I's
I007, I127, I128, I129, I005: each row rejected "không hợp lệ", while the same words in
brackets, ``Cá nhân (Chủ tịch CĐCS)``, were read).

The value is the longest run of the text's first words that reads exactly as one value of
the column (its spellings, :data:`schemas.form.VALUE_SPELLINGS`, or the words that mean one,
:data:`schemas.form.VALUE_READINGS`), when no run of the words after it reads exactly as
another value of the column; when one does (``Hoàn thành - đề nghị tiêu biểu``, ``Văn hóa -
Kinh tế``), or when the first run means two values (``Chưa hoàn thành do ốm``: not completed,
or not yet evaluated?), the unit is asked which.
Used by :func:`thidua.ingest.values.read_value` only for a text that reads as no value
otherwise, always *interpreted* (the unit is told ``đã hiểu là …``). Source:
``spec/submission-form.md``, "The header row" (values read by meaning; the unit told).
"""

from __future__ import annotations

from itertools import combinations

from schemas.form import VALUE_READINGS
from thidua.ingest.valuewords import exact_codes, matcher, variants

#: The longest first run of words looked at (the longest spelling has 7 words).
LONGEST_RUN = 8


#: First words that are the initials of a reading's words (``an`` of ``An ninh``) but words
#: of their own before others (``An toàn vệ sinh lao động``, ``An toàn thực phẩm``, ``An sinh``:
#: safety, welfare): never a value read first (fresh tester O's O383, O402, O403, O416: read
#: as ``An ninh - quốc phòng``). ``QP …``, ``VH …`` stay: no word of their own.
_WORDS_NOT_INITIALS = frozenset({"an"})


def leading_value(column: str, key: str) -> tuple[str, ...]:
    """The codes of the value ``key`` (a match key of a cell of coded column ``column``) begins
    with, in the form's order: one when its first run means one and the words after it name
    no other; else every value the first run means and the words after it name (to be
    asked); ``()`` when it begins with no value (also when the whole text is one value: that
    is read by the exact step, not here)."""
    matchers = [matcher(column)]
    if column in VALUE_READINGS:
        matchers.append(matcher(column, readings=True))

    def codes(tokens: tuple[str, ...]) -> set[str]:
        return set().union(*(exact_codes(m, tokens) for m in matchers))

    written = variants(matchers[0], key)
    if any(codes(tokens) for tokens in written):
        return ()  # the whole text is a value, or two (``Chưa đạt``): read and asked as such
    for tokens in written:
        # one word alone names no value when it is ``T.`` of ``T.Khác`` (a word cut short
        # that begins too many to name one) or ``an`` of ``An toàn …`` (a word here, not
        # ``An ninh``'s initials)
        alone = not (_cut_short(tokens[0]) and not codes((tokens[0].rstrip("."),))
                     or tokens[0] in _WORDS_NOT_INITIALS)
        for n in range(min(len(tokens) - 1, LONGEST_RUN), 0 if alone else 1, -1):
            if first := codes(tokens[:n]):
                rest = tokens[n:]
                if column == "level" and _names_a_ward(rest):
                    return ()  # ``CĐCS phường``: its level by the year (thidua.ingest.wardlevel)
                others = set().union(*(codes(rest[i:j]) for i, j
                                       in combinations(range(len(rest) + 1), 2)))
                return tuple(sorted(first | others, key=matchers[0].order.index))
    return ()


def _cut_short(token: str) -> bool:
    return token.endswith(".")


def _names_a_ward(words: tuple[str, ...]) -> bool:
    """Whether words name a ward, a commune or a township (``phường``, ``xã``, ``thị trấn``),
    whose union's level :mod:`thidua.ingest.wardlevel` reads by the report year."""
    return "phuong" in words or "xa" in words or any(
        a == "thi" and b == "tran" for a, b in zip(words, words[1:]))
