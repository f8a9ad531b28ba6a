"""Vietnamese typed with the keyboard's Vietnamese mode off: ``Kinh tees`` (Telex) and ``Kinh
te61`` (VNI) are ``Kinh tế`` as its writer typed it, the marks' keys left in the text.

An officer whose Unikey was switched off types the keys of Telex (``aa`` → ``â``, ``ow`` →
``ơ``, ``dd`` → ``đ``, a tone key ``s f r x j`` after the vowels) or of VNI (digits ``1``–``9``)
and sees them in the cell. Such a text is plain ASCII, or its words typed so are (``Vawn hóa
- xax hội``: the mode switched within the cell, fresh tester's T131); the input method's own
engine, BoGo (the ``bogo`` library), turns them back into the letters they stand for, word by
word. Only a
coded value that reads as no value otherwise is read so, and it is always told
(:func:`thidua.ingest.values.read_value`); ``spec/submission-form.md``, "The header row"
(values by meaning), ``docs/contracts.md``.
"""

from __future__ import annotations

import re

import bogo

#: ASCII letters, digits and the separators of a coded value: what a writer with the
#: Vietnamese mode off can type.
_TYPED = re.compile(r"[A-Za-z0-9 .,;:/&()\-]+")
#: A word typed with the Vietnamese mode on (``hóa``, ``xã``, ``Đảng``): letters, some
#: outside ASCII, and the separators of :data:`_TYPED`; kept as written in a text whose other
#: words were typed with the mode off (``Vawn hóa - xax hội``: the writer switched the mode
#: off and on within the cell; fresh tester's T131).
_UNICODE_WORD = re.compile(r"(?:[^\W\d_]|[.,;:/&()\-])+")
_TELEX = bogo.get_telex_definition()
_VNI = bogo.get_vni_definition()


#: What stands between words and is no key of either method: spaces, and punctuation a writer
#: puts around a value (an en dash from autocorrect, quotes, square brackets, ``!``, ``*``,
#: ``|``, ``+``, ``/``): ``Kinh tees – KT``, ``“Cas nhaan”``, ``[Kinh tees]``, ``Cow sowr/CĐCS``
#: (fresh tester V's
#: V016–V019).
_BETWEEN = re.compile(r"(\s+|[–—“”‘’«»\"'\[\]!*|+?…/])")


def _each_word(tokens: list[str], rules: dict) -> str:
    return "".join(bogo.process_sequence(token, rules=rules)
                   if _TYPED.fullmatch(token) and not token.isspace() else token
                   for token in tokens)


def typed_off(text: str) -> tuple[str, ...]:
    """The texts ``text`` stands for when its ASCII words were typed in Telex, then in VNI,
    with the Vietnamese mode off, each only when it differs from ``text``: ``"Kinh tees"`` →
    ``("Kinh tế",)``, ``"Ta65p the63"`` → ``("Tập thể",)``, ``"Vawn hóa - xax hội"`` →
    ``("Văn hóa - xã hội",)`` (its words typed with the mode on kept as written); ``()`` for
    a text with a character that is neither an ASCII one nor a letter (``"Kinh tees ✓"``) or
    with no key of either method (``"Kinh te"``, ``"VHXH"``, ``"Kinh tế"``).

    >>> typed_off("Vawn hoas - xax hooji")
    ('Văn hóa - xã hội',)
    >>> typed_off("Xây dựng heej thoongs chính trị")
    ('Xây dựng hệ thống chính trị',)
    """
    tokens = [t for t in _BETWEEN.split(text) if t]
    if not all(_BETWEEN.fullmatch(t) or _TYPED.fullmatch(t) or _UNICODE_WORD.fullmatch(t)
               for t in tokens):
        return ()
    found = (_each_word(tokens, _TELEX), _each_word(tokens, _VNI))
    return tuple(dict.fromkeys(t for t in found if t != text))
