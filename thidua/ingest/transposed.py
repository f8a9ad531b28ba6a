"""A table written on its side: the form's headers down one column, one registration per column.

A unit may turn the table of DVK-01 (Excel's "Transpose" when pasting): ``STT``,
``Tên mô hình``, ``Lĩnh vực``, ``Hình thức`` … down column A, each registration in a column
B, C, … (fresh tester G's 310). The sheet has no header row; read as a sheet of forms
(:mod:`thidua.ingest.formsheet`, which reads the first value after each label) only column B
counted and the other registrations were lost, silently. Here a *block* is a run of rows whose
first filled cell (after a numbering alone) is one of the form's headers in the same column,
no header given twice (blank rows between are part of it); a block is written on its side when
at least two of the columns right of its labels each read as a whole form (``Tên mô hình``
and two more of :data:`thidua.ingest.formsheet.NEEDED` filled, its field or its type reading
as one value) and no column right of the labels holds labels itself (two forms side by side).
A page of one form with a column of remarks (``Tên mô hình:`` | X | ``(ghi đủ tên)``) stays
one form: its remarks never read as a second whole form.

Every column right of the labels with a value is then one registration (a column half filled
is rejected as a table's row would be, never dropped), numbered by the block's ``STT`` when it
gives one; the blocks are rewritten as a table: the header row on the first block's first row,
the registrations on the rows under it, the rows of the blocks emptied, and the rows below
them when the block has fewer rows than registrations while they are empty (to the sheet's
end, rows are added). When the registrations do not fit so (a signature or a note right under
the block), the file is rejected naming the layout: rows are never lost silently. An extension
of ``spec/submission-form.md``, "The file" (``docs/contracts.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from schemas.form import BY_NAME
from thidua.ingest.cellfacts import SheetFacts, row_ranges
from thidua.ingest.formsheet import NUMBERING, CODED, LINE_NAMES, NEEDED, reads_as_values
from thidua.ingest.headers import header_name
from thidua.ingest.rows import column_letter
from thidua.ingest.values import read_value
from thidua.ingest.workbook import FileRejected, Grid
from thidua.text import clean_text

#: The names a block's label may give: the form's lines and the table's ``STT``.
LABEL_NAMES = (*LINE_NAMES, "stt")
#: A block reads as a table on its side from this many label rows.
MIN_LABELS = 3


@dataclass(frozen=True)
class Block:
    """A run of label rows: the labels' column, ``(row, name)`` of each label row (0-based),
    and the columns right of the labels holding a value, in order."""

    column: int
    labels: tuple[tuple[int, str], ...]
    columns: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.labels[0][0]

    @property
    def last(self) -> int:
        return self.labels[-1][0]

    def given(self, grid: Grid, c: int) -> dict[str, object]:
        """The values of column ``c`` by the labels' names (empty cells left out)."""
        return {name: grid[r][c] for r, name in self.labels
                if c < len(grid[r]) and clean_text(grid[r][c])}


def _label(row: list) -> tuple[int, str] | None:
    """``(column, name)`` of a row's label: its first filled cell (after a numbering alone)
    one of :data:`LABEL_NAMES`, a colon after it or not; ``None`` otherwise."""
    filled = [(c, v) for c, v in enumerate(row) if clean_text(v)]
    if len(filled) > 1 and NUMBERING.fullmatch(clean_text(filled[0][1])):
        filled = filled[1:]
    if not filled or not isinstance(filled[0][1], str):
        return None
    name = header_name(clean_text(filled[0][1]).rstrip(":").strip())
    return (filled[0][0], name) if name in LABEL_NAMES else None


def _blocks(grid: Grid) -> list[Block]:
    """The runs of label rows of a sheet (module doc), those of at least :data:`MIN_LABELS`."""
    runs: list[tuple[int, list[tuple[int, str]]]] = []
    for r, row in enumerate(grid):
        label = _label(row)
        if label is None:
            if any(clean_text(v) for v in row) and runs and runs[-1][1]:
                runs.append((-1, []))  # a line that is no label ends the run
            continue
        column, name = label
        if not runs or runs[-1][0] != column or name in {n for _, n in runs[-1][1]}:
            runs.append((column, []))
        runs[-1][1].append((r, name))
    blocks = []
    for column, labels in runs:
        if len(labels) < MIN_LABELS:
            continue
        columns = sorted({c for r, _ in labels for c in range(column + 1, len(grid[r]))
                          if clean_text(grid[r][c])})
        blocks.append(Block(column, tuple(labels), tuple(columns)))
    return blocks


def _whole(given: dict[str, object]) -> bool:
    """Whether one column of a block reads as a whole form."""
    return "model" in given and len(set(NEEDED) & set(given)) >= 3 and reads_as_values(given)


def _holds_labels(grid: Grid, block: Block, c: int) -> bool:
    """Whether column ``c`` right of a block's labels holds labels itself (a second form
    beside the first): two of its cells name one of the form's columns and read as no value."""
    return sum(1 for r, name in block.labels if c < len(grid[r])
               and isinstance(v := grid[r][c], str)
               and header_name(clean_text(v).rstrip(":").strip()) is not None
               and (name not in CODED or read_value(name, v).code is None)) >= 2


def sideways(grid: Grid) -> list[Block]:
    """The blocks of a sheet written on its side (module doc), ``[]`` when it is not one."""
    blocks = _blocks(grid)
    turned = [b for b in blocks
              if sum(1 for c in b.columns if _whole(b.given(grid, c))) >= 2
              and not any(_holds_labels(grid, b, c) for c in b.columns)]
    if any(b not in turned and any(_whole(b.given(grid, c)) for c in b.columns)
           for b in blocks):
        return []  # a form among them is read as forms are, never emptied with the rest
    return turned


@dataclass(frozen=True)
class Turned:
    """A sheet on its side rewritten as a table: the grid, the rows rewritten (first, last;
    0-based), ``(column, row)`` of each registration (0-based) and the sheet's error when
    the registrations do not fit (module doc)."""

    grid: Grid
    first: int
    last: int
    placed: tuple[tuple[int, int], ...]
    note: str
    error: FileRejected | None = None
    #: Each value cell of the blocks (0-based ``(row, column)``) → its cell in the table
    #: written, where its facts go (:func:`turned_facts`).
    moved: dict[tuple[int, int], tuple[int, int]] | None = None


def as_table(grid: Grid, sheet: str = "") -> Turned | None:
    """``grid`` rewritten as a table when it is written on its side (:func:`sideways`);
    ``None`` otherwise."""
    blocks = sideways(grid)
    if not blocks:
        return None
    names = list(dict.fromkeys([*NEEDED, *(n for b in blocks for _, n in b.labels
                                           if n != "stt")]))
    columns = [(b, c) for b in blocks for c in b.columns]
    top, bottom = blocks[0].first, blocks[-1].last
    end = bottom
    while end + 1 < len(grid) and not any(clean_text(v) for v in grid[end + 1]):
        end += 1
    fits = top + len(columns) <= end or end + 1 == len(grid)
    width = max(1 + len(names), max((len(row) for row in grid), default=0))
    out = [list(row) + [""] * (width - len(row)) for row in grid]
    out += [[""] * width for _ in range(max(0, top + len(columns) - len(out) + 1))]
    for r in range(top, max(bottom, top + len(columns)) + 1):
        out[r] = [""] * width
    out[top] = ["STT", *(BY_NAME[n].header for n in names)] + [""] * (width - 1 - len(names))
    placed, moved = [], {}
    for i, (block, c) in enumerate(columns, start=1):
        given = block.given(grid, c)
        at = top + i
        if fits:
            out[at] = [given.get("stt", i), *(given.get(n, "") for n in names)] \
                + [""] * (width - 1 - len(names))
            moved.update({(r, c): (at, 0 if n == "stt" else 1 + names.index(n))
                          for r, n in block.labels})
        placed.append((c, at))
    error = None if fits else FileRejected(misfit_reason(sheet, blocks, len(columns)))
    return Turned(out, top, max(bottom, top + len(columns)), tuple(placed),
                  turned_note(sheet, blocks[0].column, tuple(placed)), error, moved)


def turned_facts(sheet: SheetFacts, kept: SheetFacts, placed: tuple[tuple[int, int], ...],
                 moved: dict[tuple[int, int], tuple[int, int]]) -> SheetFacts:
    """The facts of a sheet on its side rewritten as a table: ``kept`` (the facts of the rows
    not rewritten, :func:`thidua.ingest.cellfacts.outside_rows`) with the cell facts of the
    sheet's value cells (``sheet``) moved where their values went (``moved``: a struck cell,
    a struck word, an error value, a date's shown text keep their meaning), and a hidden
    column its registration's row hidden (``placed``: ``(column, row)`` of each), as a
    table's hidden row is (ignored, told); the table written has no hidden column."""
    def move(cells: dict) -> dict:
        return {moved[k]: v for k, v in cells.items() if k in moved}

    hidden = set(sheet.hidden_columns)
    rows = [at for c, at in placed if c in hidden]
    return replace(
        kept, hidden_columns=(), hidden=tuple(sorted((*kept.hidden, *row_ranges(rows)))),
        shown={**kept.shown, **move(sheet.shown)},
        formulas={**kept.formulas, **move(sheet.formulas)},
        values={**kept.values, **move(sheet.values)},
        errors={**kept.errors, **move(sheet.errors)},
        struck=kept.struck | frozenset(moved[k] for k in sheet.struck if k in moved),
        unstruck={**kept.unstruck, **move(sheet.unstruck)})


def _where(sheet: str) -> str:
    return f"Trang '{sheet}'" if sheet else "Tệp"


def _layout(blocks: list[Block]) -> str:
    return (f"bảng bị xoay ngang (tên cột ghi dọc ở cột {column_letter(blocks[0].column)}, mỗi đăng ký "
            f"một cột)")


def turned_note(sheet: str, blocks_column: int, placed: tuple[tuple[int, int], ...]) -> str:
    """The line telling a unit that its sheet on its side was read as a table."""
    said = ", ".join(f"cột {column_letter(c)} (ghi là dòng {at + 1})" for c, at in placed[:5])
    more = f" và {len(placed) - 5} cột khác" if len(placed) > 5 else ""
    return (f"{_where(sheet)} ghi bảng bị xoay ngang (tên cột ghi dọc ở cột "
            f"{column_letter(blocks_column)}, mỗi đăng ký một cột), không theo bảng: mỗi cột đã đọc "
            f"là một đăng ký: {said}{more}; các thông báo lỗi ghi dòng trong ngoặc. Đề nghị lần "
            f"sau ghi theo bảng của biểu DVK-01, mỗi đăng ký một dòng.")


def misfit_reason(sheet: str, blocks: list[Block], count: int) -> str:
    """Why a sheet on its side whose registrations do not fit under its header is rejected."""
    return (f"{_where(sheet)} ghi {_layout(blocks)}: có {count} cột đăng ký từ dòng "
            f"{blocks[0].first + 1} đến dòng {blocks[-1].last + 1}, không đọc chắc chắn được "
            f"thành bảng. Đề nghị ghi lại theo bảng của biểu DVK-01 (mỗi đăng ký một dòng; trong "
            f"Excel: chép vùng bảng, Dán đặc biệt > Hoán đổi) rồi gửi lại.")
