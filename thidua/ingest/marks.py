"""A coded column given as a row of tick boxes: one sub-column per accepted value, marked ``x``.

Many units' forms ask for ``Hình thức`` as two sub-columns ``Tập thể`` | ``Cá nhân`` (or
``Lĩnh vực`` as ``KT`` | ``VHXH`` | ``ANQP`` | ``XDHTCT``, ``Kết quả`` as ``Hoàn thành`` |
``Tiêu biểu`` …) and tick the one that applies with ``x``, ``X``, ``✓`` or ``1``. Such a row of
sub-columns is a *mark group*: the value of the coded column is the sub-column that is marked
(``spec/submission-form.md``, "The header row": a choice by marks). No mark gives an empty
value (the row is rejected as missing it when the column is required), two marks the names of
both (rejected as ambiguous, "có phải là … hay …?").

The grid is as :mod:`thidua.ingest.read` sees it: a list of rows, merged header cells already
repeated over every column they span.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from schemas.form import BY_NAME, VALUE_NAMES
from thidua.ingest.values import EXACT, name_of, read_value
from thidua.text import clean_text, match_key

#: Cells that say "not marked" although not empty (``spec/submission-form.md``).
UNMARKED = frozenset({"0", "-", "–", "—", "khong", "k", "no", "n", "false", "sai", "o"})


def _text(grid: list[list], row: int, col: int) -> str:
    return clean_text(grid[row][col]) if col < len(grid[row]) else ""


def _value_code(column: str, text: str) -> str | None:
    """The code a sub-column's header names exactly (``Tập thể`` → ``collective``), or
    ``None``; a typing slip is not enough for a header."""
    reading = read_value(column, text)
    return reading.code if reading.how == EXACT else None


def find_marks(grid: list[list], rows: tuple[int, ...], columns: dict[int, str],
               unknown: dict[int, str], header_name: Callable[[object], str | None],
               ) -> tuple[dict[int, str], dict[int, str], dict[int, tuple[str, str]]]:
    """The mark groups of a header found in ``grid`` rows ``rows`` (one or two header rows).

    ``columns`` (grid column → internal name) and ``unknown`` (grid column → header text) are
    :class:`thidua.ingest.read.Table`'s; ``header_name`` reads a header cell as an internal
    name (:func:`thidua.ingest.read.header_name`). A coded column ``C`` (``field``, ``type``, ``level``,
    ``result``) is a mark group when at least two grid columns name distinct accepted values
    of ``C`` exactly: in a two-row header, sub-headers under a parent that names ``C`` (or is
    empty); in a one-row header, headers of their own while no column is ``C`` itself. Then
    returns ``(columns, unknown, marks)`` with those grid columns taken out of ``columns`` and
    listed in ``unknown`` under the unit's own header text (``Hình thức / Tập thể``), and
    ``marks`` mapping each of them to ``(C, code)``. Without a group, the arguments unchanged
    and ``{}``.
    """
    columns, unknown = dict(columns), dict(unknown)
    marks: dict[int, tuple[str, str]] = {}
    width = max(len(grid[r]) for r in rows)
    for name in VALUE_NAMES:
        found: dict[int, str] = {}
        for c in range(width):
            sub = _text(grid, rows[-1], c)
            parent = _text(grid, rows[0], c) if len(rows) == 2 else ""
            if parent and header_name(parent) != name:
                continue
            if columns.get(c, name) != name:
                continue
            if (code := _value_code(name, sub)) is not None:
                found[c] = code
        elsewhere = [c for c, n in columns.items() if n == name and c not in found]
        if len(set(found.values())) < 2 or len(found) != len(set(found.values())) or elsewhere:
            continue
        for c, code in found.items():
            columns.pop(c, None)
            texts = [_text(grid, r, c) for r in rows]
            unknown[c] = " / ".join(dict.fromkeys(t for t in texts if t))
            marks[c] = (name, code)
    return columns, dict(sorted(unknown.items())), marks


def is_marked(value: object) -> bool:
    """Whether a tick-box cell is marked: any text but empty and :data:`UNMARKED`
    (``x``, ``X``, ``✓``, ``1``, ``có`` … all mark)."""
    text = clean_text(value)
    return bool(text) and match_key(text) not in UNMARKED


#: A number in a tick box: ``1`` may tick it, a larger one is a count (``Cộng I`` | ``2``).
_NUMBER = re.compile(r"\d+(?:[.,]0+)?")


def _is_count(text: str) -> bool:
    """A number above 1 in a tick box: a subtotal's count of the registrations under it,
    never a tick."""
    return bool(_NUMBER.fullmatch(text)) and int(re.split(r"[.,]", text)[0]) > 1


def marked_value(row: list, marks: dict[int, tuple[str, str]], column: str) -> str:
    """The value of coded column ``column`` in one grid ``row``: the canonical name of the
    marked sub-column (``Cá nhân``), the names of all marked ones joined by ``, `` when
    several are, ``""`` when none is. A row counting instead of ticking (a number above 1 in
    one of the group's boxes: ``Cộng I`` | ``Kinh tế`` | ``2`` under ``Tập thể`` only) marks
    nothing by its numbers: it is a subtotal, not a registration of that type. A box holding
    the name of one of the column's values (``Văn hóa - xã hội`` under ``Kinh tế``) gives that
    value, never its sub-column's."""
    return ", ".join(dict.fromkeys(name for _, name, _ in marked_boxes(row, marks, column)))


def marked_boxes(row: list, marks: dict[int, tuple[str, str]],
                 column: str) -> list[tuple[int, str, str]]:
    """``(grid column, value name, text)`` of each box of coded column ``column`` marked in
    one grid ``row``, as :func:`marked_value` reads them (a count marks nothing)."""
    texts = [(c, code, clean_text(row[c])) for c, (name, code) in sorted(marks.items())
             if name == column and c < len(row)]
    counting = any(_is_count(text) for _, _, text in texts)
    return [(c, name_of(column, _value_code(column, text) or code), text)
            for c, code, text in texts
            if is_marked(text) and not (counting and _NUMBER.fullmatch(text))]


def several_marked(rejections, grid: list[list], marks: dict[int, tuple[str, str]],
                   labels: dict[int, str]):
    """``rejections`` (:data:`thidua.ingest.validate.REJECTION_COLUMNS`) with each one of a
    coded column given by marks whose row ticks several of its boxes (giving several values)
    said so: "Dòng này đánh dấu cả hai ô 'Tập thể' và 'Cá nhân' của cột 'Hình thức' …",
    its value the boxes as they are (``Tập thể: x, Cá nhân: x``), never as if the unit had
    written ``'Tập thể, Cá nhân'`` in one cell (fresh tester I's I095). ``labels``: grid column
    → the unit's header text of each box (``Hình thức / Tập thể``: its last part named)."""
    if rejections.empty or not marks:
        return rejections
    out = rejections.copy()
    for i, line in out.iterrows():
        column = next((n for n in marked_columns(marks) if BY_NAME[n].header == line["column"]),
                      None)
        r = int(line["row"]) - 1 if line["row"] == line["row"] else -1
        if column is None or not 0 <= r < len(grid):
            continue
        boxes = marked_boxes(grid[r], marks, column)
        if len({name for _, name, _ in boxes}) < 2:
            continue
        own = [(labels.get(c) or name).rsplit(" / ", 1)[-1] for c, name, _ in boxes]
        named = (f"cả hai ô '{own[0]}' và '{own[1]}'" if len(own) == 2
                 else f"{len(own)} ô " + ", ".join(f"'{o}'" for o in own))
        out.at[i, "value"] = ", ".join(f"{o}: {text}" for o, (_, _, text) in zip(own, boxes))
        out.at[i, "error"] = (f"Dòng này đánh dấu {named} của cột '{BY_NAME[column].header}'; "
                              f"mỗi đăng ký chỉ có một giá trị ({BY_NAME[column].expected}): đề "
                              f"nghị chỉ đánh dấu một ô.")
    return out


def marked_columns(marks: dict[int, tuple[str, str]]) -> list[str]:
    """The coded columns given by marks, in the form's order."""
    return [name for name in VALUE_NAMES if any(n == name for n, _ in marks.values())]
