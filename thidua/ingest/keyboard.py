"""Vietnamese typed with the keyboard's Vietnamese mode off: ``Kinh tees`` (Telex) and ``Kinh
te61`` (VNI) are ``Kinh tế`` as its writer typed it, the marks' keys left in the text.

An officer whose Unikey was switched off types the keys of Telex (``aa`` → ``â``, ``ow`` →
``ơ``, ``dd`` → ``đ``, a tone key ``s f r x j`` after the vowels) or of VNI (digits ``1``–``9``)
and sees them in the cell. Such a text is plain ASCII; the input method's own engine, BoGo
(the ``bogo`` library), turns it back into the letters it stands for, word by word. Only a
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
_TELEX = bogo.get_telex_definition()
_VNI = bogo.get_vni_definition()


def _each_word(text: str, rules: dict) -> str:
    return " ".join(bogo.process_sequence(word, rules=rules) for word in text.split(" "))


def typed_off(text: str) -> tuple[str, ...]:
    """The texts an ASCII ``text`` stands for when typed in Telex, then in VNI, with the
    Vietnamese mode off, each only when it differs from ``text``: ``"Kinh tees"`` →
    ``("Kinh tế",)``, ``"Ta65p the63"`` → ``("Tập thể",)``; ``()`` for a text with letters
    outside ASCII or no key of either method (``"Kinh te"``, ``"VHXH"``).

    >>> typed_off("Vawn hoas - xax hooji")
    ('Văn hóa - xã hội',)
    """
    if not _TYPED.fullmatch(text):
        return ()
    found = (_each_word(text, _TELEX), _each_word(text, _VNI))
    return tuple(dict.fromkeys(t for t in found if t != text))
