"""What a sheet's cells really hold, beyond the values python-calamine reads: the
:class:`SheetFacts` record that :mod:`thidua.ingest.cells` fills from the format's own reader
(:mod:`thidua.ingest.xlsxfacts`, :mod:`thidua.ingest.xlsfacts`, :mod:`thidua.ingest.odsfacts`).

Positions are 0-based ``(row, column)`` of the grid (row 0 = Excel row 1).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field, replace

Cell = tuple[int, int]


@dataclass(frozen=True)
class SheetFacts:
    """Facts of one sheet. ``merges``: ``(first row, first col, last row, last col)``,
    inclusive. ``hidden``: half-open row ranges ``(start, stop)`` of hidden rows. ``shown``:
    the text Excel shows for a number cell whose format is not General (or a formula's raw
    cached text, ``0200``). ``formulas``: cells holding a formula whose result was never saved
    → the formula text (``=VLOOKUP(…)``; ``.xls``: ``=``, the text is not read). ``values``: cells whose value must replace the one
    read (``.xls`` date formulas read as serial numbers → dates). ``filtered``: the sheet was
    saved with a filter applied, so its hidden rows may be hidden by the filter, not by hand
    (``.xlsx``: ``filterMode`` or a ``filterColumn``; ``.ods``: rows of visibility ``filter``;
    ``.xls``: not known, False). ``hidden_columns``: the hidden columns (0-based), sorted.
    ``errors``: cells holding an Excel error value → its text (``#N/A``), which
    python-calamine reads as empty. ``struck``: the cells whose whole text is struck through
    (a font with strikethrough, or every run of a rich text struck): a unit's way of
    withdrawing a row (:func:`thidua.ingest.cellrules.mark_struck`). ``unstruck``: the cells
    some of whose words (not all) are struck through (rich text runs, ``.ods`` spans) → the
    text of their other words (:func:`unstruck_text`): a unit edits a cell so ("gạch bỏ phần
    không phù hợp": ``Tập thể / ~~Cá nhân~~``; ``Năm: ~~2023~~ 2024``), and Excel shows the
    words kept plain (:func:`thidua.ingest.cellrules.unstruck_note` tells the unit). ``cut``:
    the last row of a text file cut short inside it."""

    merges: tuple[tuple[int, int, int, int], ...] = ()
    hidden: tuple[tuple[int, int], ...] = ()
    shown: dict[Cell, str] = field(default_factory=dict)
    formulas: dict[Cell, str] = field(default_factory=dict)
    values: dict[Cell, object] = field(default_factory=dict)
    filtered: bool = False
    hidden_columns: tuple[int, ...] = ()
    errors: dict[Cell, str] = field(default_factory=dict)
    struck: frozenset[Cell] = frozenset()
    unstruck: dict[Cell, str] = field(default_factory=dict)
    #: A text file (CSV) that ends inside its last row (no line break after it, fewer cells
    #: than the header): that row (0-based), else ``None`` (:func:`thidua.ingest.read.cut_row`).
    cut: int | None = None

    def hidden_rows(self, start: int, stop: int) -> list[int]:
        """The hidden rows among ``range(start, stop)``, sorted (bounded by the range)."""
        rows: set[int] = set()
        for a, b in self.hidden:
            rows.update(range(max(a, start), min(b, stop)))
        return sorted(rows)


def row_ranges(rows: list[int]) -> tuple[tuple[int, int], ...]:
    """Sorted row numbers as half-open ranges of consecutive rows."""
    out: list[list[int]] = []
    for r in sorted(set(rows)):
        if out and out[-1][1] == r:
            out[-1][1] = r + 1
        else:
            out.append([r, r + 1])
    return tuple((a, b) for a, b in out)



def outside_rows(facts: SheetFacts, first: int, last: int) -> SheetFacts:
    """``facts`` without what it says of grid rows ``first``..``last`` (0-based, inclusive):
    those rows were rewritten (:mod:`thidua.ingest.formsheet`), their cells are no more."""
    def out(cell: Cell) -> bool:
        return not first <= cell[0] <= last

    return replace(
        facts, merges=tuple(m for m in facts.merges if m[2] < first or m[0] > last),
        hidden=tuple((a, b) for a, b in (*((a, min(b, first)) for a, b in facts.hidden),
                                         *((max(a, last + 1), b) for a, b in facts.hidden))
                     if a < b),
        shown={k: v for k, v in facts.shown.items() if out(k)},
        formulas={k: v for k, v in facts.formulas.items() if out(k)},
        values={k: v for k, v in facts.values.items() if out(k)},
        errors={k: v for k, v in facts.errors.items() if out(k)},
        struck=frozenset(k for k in facts.struck if out(k)),
        unstruck={k: v for k, v in facts.unstruck.items() if out(k)})


#: What separates the options of a cell (``Tập thể / Cá nhân``, ``A, B``), trimmed where a
#: struck word was.
_SEPARATORS = r"\s/,;|\-–—+"
_GAP = re.compile(rf"[{_SEPARATORS}]*\x00(?:[{_SEPARATORS}]*\x00)*[{_SEPARATORS}]*")
_MARK = re.compile(rf"[^\s{_SEPARATORS}]")
_MARK_SEPARATOR = re.compile(r"[/,;|\-–—+]")


def unstruck_text(pieces: list[tuple[str, bool]]) -> str | None:
    """The text of a cell written as ``pieces`` ``(text, struck)`` (its rich text runs, in
    order) without its struck words: ``None`` when no piece with text is struck (the cell is
    read as it is), ``""`` when nothing but separators is left (the cell is struck whole).
    The separators a struck word leaves are trimmed: at either end they go
    (``Tập thể / ~~Cá nhân~~`` → ``Tập thể``; ``~~Hoàn thành~~ / Tiêu biểu`` → ``Tiêu
    biểu``), between two kept words one stays (``A / ~~B~~ / C`` → ``A / C``; ``Năm:
    ~~2023~~ 2024`` → ``Năm: 2024``; letters struck inside a word, ``Đội~~x~~bóng``, leave
    no space)."""
    if not any(struck and text.strip() for text, struck in pieces):
        return None
    marked = "".join("\x00" if struck else text.replace("\x00", "") for text, struck in pieces
                     if text)

    def gap(m: re.Match) -> str:
        if m.start() == 0 or m.end() == len(marked):
            return ""
        left, right = m.group(0).split("\x00")[0], m.group(0).split("\x00")[-1]
        for side in (left, right):
            if _MARK_SEPARATOR.search(side):
                return f" {side.strip()} " if side.strip() not in ",;" else f"{side.strip()} "
        return " " if m.group(0).replace("\x00", "") else ""

    text = _GAP.sub(gap, marked)
    return text if _MARK.search(text) else ""



def part_holding(archive: zipfile.ZipFile, name: str, marker: bytes = b"") -> bytes:
    """The bytes of the optional part ``name`` of a workbook's zip, or ``b""`` when it is
    missing or does not hold ``marker`` (most workbooks strike nothing: ``b"strike"``, read
    no further). One place for the struck readers of :mod:`thidua.ingest.xlsxfacts` and
    :mod:`thidua.ingest.odsfacts`."""
    try:
        body = archive.read(name)
    except KeyError:
        return b""
    return body if marker in body else b""
