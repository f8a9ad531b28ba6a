"""A ``Cấp công đoàn`` naming the ward or commune (``Phường``, ``Cấp xã``, ``Công đoàn xã,
phường``): its level depends on the report year, so it is read with the year and told.

Until 2024 a union at a ward or commune was a grassroots union (the union of the ward's own
organs, *công đoàn cơ sở*). Vietnam abolished the district level on 1 July 2025 and the
Federation set up ward/commune unions directly above grassroots in autumn 2025
(``../shared/domain/brief.md``, "The organisation"; the registry's ``xa_phuong`` units, level
``cap_tren_co_so``, from 2025-10-01). So from the report year 2025 on, such a cell is
``Cấp trên trực tiếp cơ sở``; before it, ``Cơ sở``; ``CĐCS phường`` is ``Cơ sở`` in every
year. The column is optional (``spec/submission-form.md``, "Columns"): the registration is
sound, so a cell read so is counted and told (``đã hiểu là …``), never rejected. An extension
of the form's accepted values, in ``docs/contracts.md``.
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import VALUE_NAMES
from thidua.ingest.columnar import by_value
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


def ward_levels(data: pd.DataFrame, year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``data`` (a sheet's data rows, index Excel rows; column ``level`` when it has one) with
    each ward or commune level (:func:`ward_level`) replaced by the level's name, and the cells
    so read as :func:`thidua.ingest.interpreted.interpreted_frames` lists them (columns ``row``
    int64, ``column`` ``"level"``, ``value`` as written, ``code``), so that they are told and
    counted as read by approximation."""
    found = pd.DataFrame({"row": pd.Series(dtype="int64"), "column": pd.Series(dtype=object),
                          "value": pd.Series(dtype=object), "code": pd.Series(dtype=object)})
    if "level" not in data:
        return data, found
    codes = by_value(data["level"], lambda v: ward_level(v, year))
    read = codes.notna()
    if not read.any():
        return data, found
    found = pd.DataFrame({"row": data.index[read].astype("int64"), "column": "level",
                          "value": [clean_text(v) for v in data["level"][read]],
                          "code": codes[read].tolist()})
    names = codes[read].map(VALUE_NAMES["level"])
    return data.assign(level=data["level"].where(~read, names)), found
