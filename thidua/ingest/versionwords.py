"""Words that mark a later version of a list in a name (a file's, a folder's, a sheet's):
``bổ sung``, ``cập nhật``, ``sửa``, ``v2``… (:data:`schemas.form.NEWER_FILE_WORDS`), unless a
word before denies them (``chưa sửa``: :data:`schemas.form.NOT_NEWER_WORDS`); and the denials
that mark the version before the correction (``chưa sửa``, ``trước khi sửa``, ``chưa chỉnh
sửa``: :data:`schemas.form.BEFORE_CORRECTION_WORDS`)."""

from __future__ import annotations

import re

from schemas.form import BEFORE_CORRECTION_WORDS, NEWER_FILE_WORDS, NOT_NEWER_WORDS
from thidua.text import word_key

#: A version's number in a name (word keys): ``lần 3``, ``lan3``, ``v2``, ``ver 2``, ``version
#: 2``, ``bản 2``, ``phiên bản 2``, ``đợt 2``, ``lần thứ 3``; never a copy's ``(2)`` alone.
_NUMBERED = re.compile(r"(?:^| )(?:lan(?: thu)?|v|ver|version|ban|phien ban|dot) ?\d{1,3}(?: |$)")

#: Words that may stand between a denying word and the version word it denies (match keys):
#: ``chưa được sửa``, ``chưa kịp cập nhật``, ``chưa chỉnh sửa``, ``trước khi được bổ sung``.
_BETWEEN = ("duoc", "kip", "chinh", "duoc chinh")


def _denial(key: str, at: int) -> str | None:
    """The word of :data:`schemas.form.NOT_NEWER_WORDS` ending right before position ``at``
    of ``key`` (`` word_key `` padded with spaces), or before one of :data:`_BETWEEN` there;
    ``None`` when there is none."""
    before = key[:at + 1]
    for filler in ("", *_BETWEEN):
        head = before[:len(before) - len(filler) - 1] if filler else before
        if filler and not before.endswith(f" {filler} "):
            continue
        # the longest denial first (``truoc khi`` before ``khi``-less ``truoc``)
        for word in sorted(NOT_NEWER_WORDS, key=len, reverse=True):
            if head.endswith(f" {word} "):
                return word
    return None


def _version_words(name: str) -> list[str | None]:
    """Each of :data:`schemas.form.NEWER_FILE_WORDS` found as words in ``name``, as the word
    denying it (:func:`_denial`), ``None`` for one not denied."""
    key = f" {word_key(name)} "
    found = []
    for word in NEWER_FILE_WORDS:
        start = 0
        while (at := key.find(f" {word} ", start)) >= 0:
            found.append(_denial(key, at))
            start = at + 1
    return found


def marks_newer(name: str) -> bool:
    """Whether ``name`` holds one of :data:`schemas.form.NEWER_FILE_WORDS` as words, not after
    a word denying it, alone or with a word between (``Q-HM (cập nhật)``, ``sửa``, ``Lan 2
    (sua 05-12)``; never ``chua_sua``, ``chưa chỉnh sửa``, ``chưa được cập nhật``, ``môi
    trường``)."""
    return any(denial is None for denial in _version_words(name))


def marks_older(name: str) -> bool:
    """Whether ``name`` says it is the version BEFORE a correction: one of
    :data:`schemas.form.NEWER_FILE_WORDS` denied by one of
    :data:`schemas.form.BEFORE_CORRECTION_WORDS` (``Q-DD (chưa sửa)``, ``chua sua``, ``trước khi
    sửa``, ``chưa chỉnh sửa``, ``chưa cập nhật``, ``cần bổ sung``; fresh tester N's N100,
    N180: the uncorrected file won by its name). ``không sửa`` is none (no edit to make, not
    an edit to come), nor ``bản gốc`` (also the signed original)."""
    return any(denial in BEFORE_CORRECTION_WORDS for denial in _version_words(name))


def numbers_version(name: str) -> bool:
    """Whether ``name`` numbers a version of its list (:data:`_NUMBERED`: ``Q-DD lần 3``,
    ``Q-DD_v2``) or marks it later (:func:`marks_newer`): what a unit writes on a list it
    sends again on purpose, never what a copy or a download adds (``Q-DD (2)``, ``Copy of``)."""
    return bool(_NUMBERED.search(word_key(name))) or marks_newer(name)
