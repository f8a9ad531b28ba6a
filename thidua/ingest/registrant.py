"""A position written in the registrant's cell (``Nguyễn Văn A - Chủ tịch CĐCS``) when the
``Chức vụ`` cell of an individual is empty: the registration keeps its name and gains its
position, and the unit is told (``spec/submission-form.md``, "The header row": ``Chức vụ`` is
required for ``Cá nhân``)."""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import POSITION_WORDS
from thidua.ingest.columnar import by_value
from thidua.ingest.values import EXACT, read_value
from thidua.text import clean_text, match_key, unescaped

#: Where a name ends and a position begins: a dash, a comma or an opening bracket.
POSITION_SPLIT = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s*\(\s*")


def split_position(text: str) -> tuple[str, str] | None:
    """``(name, position)`` when ``text`` is a name followed, after ``-``, ``–``, ``,`` or
    ``(``, by a position whose first words are one of :data:`schemas.form.POSITION_WORDS`
    (``Nguyễn Văn A (Chủ tịch CĐCS)``), or on the cell's last line (``Nguyễn Văn A⏎Chủ tịch
    CĐCS``, Alt+Enter: fresh tester F's 109; any line break, Word's ``U+2028`` or its
    vertical tab ``_x000B_`` too: tester L's L064, L065); ``None`` otherwise, and for a name
    of one word."""
    if isinstance(text, str) and len((lines := unescaped(text).splitlines())) > 1:
        lines = [line for line in map(clean_text, lines) if line]
        name = " ".join(lines[:-1])
        if len(lines) >= 2 and is_position(lines[-1]) and len(name.split()) >= 2:
            return name, lines[-1]
    text = clean_text(text)
    for found in reversed(list(POSITION_SPLIT.finditer(text))):
        name, position = text[:found.start()].strip(), text[found.end():].strip(" )")
        if len(name.split()) >= 2 and position and is_position(position):
            return name, position
    return None


def is_position(text: object) -> bool:
    """Whether a text starts with a position's words (:data:`schemas.form.POSITION_WORDS`:
    ``Chủ tịch CĐCS``, ``GV``)."""
    key = match_key(clean_text(text)) + " "
    return any(key.startswith(word + " ") for word in POSITION_WORDS)


#: A letter or digit of a match key (:func:`type_in_position` counts them).
_LETTER = re.compile(r"[^\W_]")


def type_in_position(text: object) -> str | None:
    """The type (``collective`` or ``individual``) a ``Chức vụ`` cell names when the unit
    wrote the registration's type there (``Tập thể``, ``Cá nhân``, ``T.Thể``): the cell reads
    exactly as a ``Hình thức`` value (:func:`thidua.ingest.values.read_value`) in more than
    three letters; ``None`` otherwise. ``TT`` and ``CN`` (``T.T.``, ``C.N.``: dots and spaces
    are no letters) are no type here: in ``Chức vụ`` they are ``Tổ trưởng`` and ``Công
    nhân`` as often. Such a cell is no position (``spec/submission-form.md``, "Chức vụ:
    position of an individual"; ``docs/contracts.md``)."""
    text = clean_text(text)
    reading = read_value("type", text)
    if reading.how != EXACT or len(_LETTER.findall(match_key(text))) <= 3:
        return None
    return reading.code


def positions_from_registrants(data: pd.DataFrame, skip: frozenset[int] = frozenset()
                               ) -> tuple[pd.DataFrame, list[str]]:
    """``data`` (:func:`thidua.ingest.read.raw_rows` rows) with, for each individual whose
    ``position`` is empty and whose ``registrant`` holds a position (:func:`split_position`),
    the name in ``registrant`` and the position in ``position``; and one feedback line per
    such row. Other rows are unchanged, and the rows of ``skip`` (Excel rows whose cell names
    several people: :func:`thidua.ingest.severalpeople.positions_of_people`); ``data`` is not
    modified."""
    if "registrant" not in data or "type" not in data:
        return data, []
    position = data["position"] if "position" in data else pd.Series("", index=data.index)
    empty = by_value(position, clean_text).eq("")
    individual = by_value(data["type"], lambda v: read_value("type", v).code).eq("individual")
    out, notes = None, []
    for row in data.index[(empty & individual).to_numpy()]:  # the few that may hold one
        if row in skip or (found := split_position(data.at[row, "registrant"])) is None:
            continue
        if out is None:
            out = data.copy()
            if "position" not in out:
                out["position"] = ""
        out.at[row, "registrant"], out.at[row, "position"] = found
        notes.append(f"Dòng {row}: '{clean_text(data.at[row, 'registrant'])}' ở cột 'Tên tập "
                     f"thể/cá nhân' đã hiểu là tên '{found[0]}', chức vụ '{found[1]}'; đề nghị "
                     f"lần sau ghi chức vụ ở cột 'Chức vụ'.")
    return (data if out is None else out), notes
