"""Several models written in one ``Tên mô hình`` cell, one per line, each line numbered
(``1. …⏎2. …``) or bulleted (``- …;⏎- …``, ``• …``): the row is that many registrations of
the same registrant, each keeping the row's Excel number, and the unit is told (an extension
of ``spec/submission-form.md``, "one row per registration": fresh tester L's L031; read
before as one model named ``1. Tổ tự quản …⏎2. Phòng chống …``, silently;
``docs/contracts.md``).

Conservative: a long name wrapped onto two lines by Alt+Enter (no numbering, L030) and two
names on one line ``A; B`` (L032) stay one model: nothing tells them from a name that holds a
line break or a semicolon.
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.splitrows import split_rows
from thidua.text import clean_text, match_key

#: A line's ordinal, by kind, each giving the line's rank (1, 2 …) from the text it matched:
#: a number (``1.``, ``2)``, ``3/``, ``(4)``, ``1.Tên``), a letter (``a)``, ``b.``, ``(c)``,
#: ``A.``, ``đ)`` after ``d)`` or ``e)``), a Roman numeral (``i)``, ``ii.``, ``(iii)``, ``IV.``), the model's own number
#: (``Mô hình 1:``, ``MH2.``, ``Mô hình số 3 -``, ``Mô hình thứ nhất:``, ``Mô hình thứ hai:``:
#: fresh tester N's N206, N207). A letter or a number is followed by a space or a letter.
_NUMBER = re.compile(r"^\(?(\d{1,2})\s*[.)/:]\s*(?=[^\W\d_])")
_LETTER = re.compile(r"^\(?([a-hđ])\s*[.)]\s*(?=[^\W\d_])", re.IGNORECASE)
_ROMAN = re.compile(r"^\(?(i{1,3}|iv|vi{0,3}|ix|x)\s*[.)]\s*(?=[^\W\d_])", re.IGNORECASE)
_OWN = re.compile(r"^(?:m[oô]\s*h[iì]nh|mh)\s*(?:s[oố]\s*|th[uứ]\s*)?"
                  r"(\d{1,2}|m[oộ]t|nh[aấ]t|hai|ba|t[uư]|b[oố]n|n[aă]m|s[aá]u|b[aả]y|b[aẩ]y"
                  r"|t[aá]m|ch[ií]n|m[uư][oờ]i)\s*[.):\-–—]\s*", re.IGNORECASE)
#: The ranks of the words ``nhất``, ``hai`` … (``Mô hình thứ hai``), by match key.
_WORDS = {"mot": 1, "nhat": 1, "hai": 2, "ba": 3, "tu": 4, "bon": 4, "nam": 5, "sau": 6,
          "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_ROMANS = {r: i for i, r in enumerate("i ii iii iv v vi vii viii ix x".split(), start=1)}
#: The letters in the order of a Vietnamese list (``a, b, c, d, đ, e``) and of a Latin one.
_ALPHABETS = ("abcdđegh", "abcdefgh")
_ORDINALS = ((_NUMBER, int),
             *((_LETTER, lambda t, a=a: a.find(t.lower()) + 1) for a in _ALPHABETS),
             (_ROMAN, lambda t: _ROMANS[t.lower()]),
             (_OWN, lambda t: int(t) if t.isdigit() else _WORDS[match_key(t)]))
#: A line's bullet (``-``, ``•``, ``+``, ``*``, ``–``, ``—``, ``▪``, ``●``, ``○``, ``◦``,
#: ``·``, ``❖``, ``➢``, ``►``, ``✓``, ``√``, ``■``, ``□``).
_BULLET = re.compile(r"^([-•+*–—▪●○◦·❖➢►✓√■□])\s*")
#: The fewest characters of a model's name (``spec/submission-form.md``: 5 to 500).
_SHORTEST = 5


def _ordered(lines: list[str]) -> list[str] | None:
    """The lines without their ordinals when each line opens with an ordinal of the same
    kind (:data:`_ORDINALS`) ranked 1, 2 … in order; ``None`` otherwise."""
    for pattern, rank in _ORDINALS:
        found = [pattern.match(line) for line in lines]
        if all(found) and [rank(m.group(1)) for m in found] == list(range(1, len(lines) + 1)):
            return [line[m.end():] for line, m in zip(lines, found)]
    return None


def models_in_cell(text: object) -> list[str] | None:
    """The models of a ``Tên mô hình`` cell whose two or more lines are each ranked in order
    from the first (``1.``, ``2.`` …; ``a)``, ``b)`` …; ``i)``, ``ii)`` …; ``Mô hình 1:``,
    ``Mô hình thứ hai:`` …: :data:`_ORDINALS`), or each start with the same bullet, each name
    of at least 5 characters once its ordinal or bullet and a trailing ``;``, ``,`` or ``.``
    are taken off; ``None`` otherwise (one line, a line without ordinal or bullet, ordinals
    out of order or of two kinds)."""
    if not isinstance(text, str):
        return None
    lines = [clean_text(line) for line in re.split(r"[\r\n\u2028\u2029]+", text)]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return None
    bullets = [_BULLET.match(line) for line in lines]
    if (names := _ordered(lines)) is not None:
        pass
    elif all(bullets) and len({m.group(1) for m in bullets}) == 1:
        names = [line[m.end():] for line, m in zip(lines, bullets)]
    else:
        return None
    names = [name.strip().rstrip(";,.").strip() for name in names]
    return names if all(len(name) >= _SHORTEST for name in names) else None


def several_models(valid: pd.DataFrame, raw: pd.DataFrame
                   ) -> tuple[pd.DataFrame, dict[int, list[tuple[str, int | None]]]]:
    """``valid`` (normalised valid rows, index Excel row) with each row whose ``Tên mô hình``
    cell in ``raw`` (as written) names several models (:func:`models_in_cell`) made one row
    per model, in the cell's order, each keeping the Excel row. A row already split into
    several people (:mod:`thidua.ingest.severalpeople`, its index repeated) is left as it is.
    A model repeating another registration of the sheet (the duplicate key) is not counted
    again. Returns the rows and ``{row: [(model, the row it repeats or None)]}``."""
    if valid.empty or "model" not in raw:
        return valid, {}
    single = valid.index[~valid.index.duplicated(keep=False) & valid.index.isin(raw.index)]
    cells = raw["model"].reindex(single).tolist()  # whole column, not cell by cell
    found = {row: names for row, cell in zip(single, cells)
             if (names := models_in_cell(cell)) is not None}
    if not found:
        return valid, {}
    out, repeats = split_rows(valid, {row: [{"model": name} for name in names]
                                      for row, names in found.items()})
    return out, {row: list(zip(found[row], again)) for row, again in repeats.items()}


def several_models_note(split: dict[int, list[tuple[str, int | None]]]) -> str | None:
    """The note telling the unit which rows named several models in one cell, each counted
    as one registration of the row's registrant (:func:`several_models`); ``None`` when none."""
    if not split:
        return None

    def model(name: str, again: int | None) -> str:
        return name if again is None else f"{name}: trùng với dòng {again}, không tính lại"
    rows = "; ".join(f"dòng {row}: {', '.join(model(*m) for m in models)}"
                     for row, models in sorted(split.items()))
    return (f"Ô '{BY_NAME['model'].header}' ghi nhiều mô hình, mỗi dòng trong ô một mô hình có "
            f"đánh số hoặc gạch đầu dòng: mỗi mô hình được tính là một đăng ký của cùng tập "
            f"thể/cá nhân, mang số dòng của ô ấy ({rows}). Đề nghị từ nay ghi mỗi mô hình một "
            f"dòng.")
