"""A ``Cấp công đoàn`` naming the ward or commune (``Phường``, ``Cấp xã``, ``Công đoàn xã,
phường``): not an accepted value, and which one it means depends on the report year, so its
rejection asks whether it is the one of that year.

Until 2024 a union at a ward or commune was a grassroots union (the union of the ward's own
organs, *công đoàn cơ sở*). Vietnam abolished the district level on 1 July 2025 and the
Federation set up ward/commune unions directly above grassroots in autumn 2025
(``../shared/domain/brief.md``, "The organisation"; the registry's ``xa_phuong`` units, level
``cap_tren_co_so``, from 2025-10-01). So from the report year 2025 on, such a cell is
``Cấp trên trực tiếp cơ sở``; before it, ``Cơ sở``; ``CĐCS phường`` is ``Cơ sở`` in every
year. Such a cell stays rejected, as the bundled sample's own ``Phường`` is (it is no
accepted value of ``spec/submission-form.md``), and its message asks whether it is the value
of the report year (:func:`ward_hint`): the unit confirms, nothing is counted on a guess.
``docs/contracts.md``, "A level naming the ward or commune".
"""

from __future__ import annotations

import re

from schemas.form import VALUE_NAMES
from thidua.ingest.keyboard import typed_off
from thidua.ingest.values import read_value
from thidua.text import clean_text, match_key

#: The report year from which a ward or commune union is above grassroots (the 2025 reform).
REFORM_YEAR = 2025
#: Words naming a ward or commune (``thị trấn``: a township, the commune's town form).
_PLACE = {"phuong", "xa", "thitran"}
#: Words that may go with them without changing what they name.
_FILLER = {"cap", "congdoan", "cd", "va", "hoac", "cac"}
#: Words saying it is the grassroots union there (``CĐCS phường``, ``Cơ sở xã``).
_GRASSROOTS = {"cdcs", "coso"}


def _words(text: str) -> list[str]:
    """The words of ``text``'s :func:`thidua.text.match_key`, with ``công đoàn``, ``thị
    trấn`` and ``cơ sở`` as one word each."""
    key = match_key(text)
    for pair, one in (("cong doan", "congdoan"), ("thi tran", "thitran"), ("co so", "coso")):
        key = key.replace(pair, one)
    return re.findall(r"[0-9a-z]+", key)


def ward_level(text: object, year: int) -> str | None:
    """The level code a ``Cấp công đoàn`` cell naming a ward or commune has in ``year``
    (``"co_so"`` or ``"cap_tren_co_so"``), ``None`` for any other cell (one that reads as a
    level already, or names no ward or commune).

    >>> ward_level("Phường", 2024), ward_level("Cấp xã", 2025), ward_level("CĐCS phường", 2025)
    ('co_so', 'cap_tren_co_so', 'co_so')
    """
    if not isinstance(text, str) or read_value("level", text).code is not None:
        return None
    for meant in (text, *typed_off(clean_text(text))):  # ``Phuwowngf``: Telex, mode off
        words = _words(meant)
        if words and _PLACE.intersection(words) and \
                set(words) <= _PLACE | _FILLER | _GRASSROOTS:
            break
    else:
        return None
    if _GRASSROOTS.intersection(words):
        return "co_so"
    return "cap_tren_co_so" if year >= REFORM_YEAR else "co_so"


def ward_hint(text: object, year: int) -> str:
    """What a rejection of a ``Cấp công đoàn`` naming the ward or commune adds, in
    Vietnamese: which accepted value it likely is in ``year`` (:func:`ward_level`), as a
    question; ``""`` for any other cell."""
    code = ward_level(text, year)
    if code is None:
        return ""
    if year >= REFORM_YEAR and code == "co_so":  # ``CĐCS phường``
        return f" Công đoàn cơ sở ở phường, xã: có phải là '{VALUE_NAMES['level'][code]}'?"
    if year >= REFORM_YEAR:
        return (f" Từ năm {REFORM_YEAR}, công đoàn xã, phường là cấp trên trực tiếp cơ sở: có "
                f"phải là '{VALUE_NAMES['level'][code]}'?")
    return (f" Năm {year}, công đoàn ở phường, xã là công đoàn cơ sở: có phải là "
            f"'{VALUE_NAMES['level'][code]}'?")
