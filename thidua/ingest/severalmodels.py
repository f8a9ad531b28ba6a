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
from thidua.text import clean_text

#: A line's number (``1.``, ``2)``, ``3/``) or bullet (``-``, ``•``, ``+``, ``*``, ``–``, ``▪``).
_NUMBER = re.compile(r"^(\d{1,2})\s*[.)/]\s+")
_BULLET = re.compile(r"^([-•+*–▪●])\s*")
#: The fewest characters of a model's name (``spec/submission-form.md``: 5 to 500).
_SHORTEST = 5


def models_in_cell(text: object) -> list[str] | None:
    """The models of a ``Tên mô hình`` cell whose two or more lines are each numbered
    ``1.``, ``2.`` … in order from 1, or each start with the same bullet, each name of at
    least 5 characters once its number or bullet and a trailing ``;``, ``,`` or ``.`` are
    taken off; ``None`` otherwise (one line, a line without number or bullet, numbers out
    of order)."""
    if not isinstance(text, str):
        return None
    lines = [clean_text(line) for line in re.split(r"[\r\n\u2028\u2029]+", text)]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        return None
    numbers = [_NUMBER.match(line) for line in lines]
    bullets = [_BULLET.match(line) for line in lines]
    if all(numbers) and [int(m.group(1)) for m in numbers] == list(range(1, len(lines) + 1)):
        names = [line[m.end():] for line, m in zip(lines, numbers)]
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
