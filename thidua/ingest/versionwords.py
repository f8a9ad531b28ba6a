"""Words that mark a later version of a list in a name (a file's, a folder's, a sheet's):
``bổ sung``, ``cập nhật``, ``sửa``, ``v2``… (:data:`schemas.form.NEWER_FILE_WORDS`), unless a
word before denies them (``chưa sửa``: :data:`schemas.form.NOT_NEWER_WORDS`)."""

from __future__ import annotations

from schemas.form import NEWER_FILE_WORDS, NOT_NEWER_WORDS
from thidua.text import word_key


def marks_newer(name: str) -> bool:
    """Whether ``name`` holds one of :data:`schemas.form.NEWER_FILE_WORDS` as words, not after
    a word denying it (``Q-HM (cập nhật)``, ``sửa``, ``Lan 2 (sua 05-12)``; never ``chua_sua``,
    ``môi trường``)."""
    key = f" {word_key(name)} "
    for word in NEWER_FILE_WORDS:
        at = key.find(f" {word} ")
        if at >= 0 and not any(key[:at + 1].endswith(f" {n} ") for n in NOT_NEWER_WORDS):
            return True
    return False
