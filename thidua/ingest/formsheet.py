"""A sheet written as a form: one registration as ``label | value`` lines, not as a table.

A unit may fill one registration per sheet the way a paper form reads (fresh tester E's 413:
sheets ``MH1`` … ``MH3``, each a title block then ``Tên mô hình:`` | X, ``Lĩnh vực:`` |
``Kinh tế``, ``Hình thức:`` | ``Tập thể`` …), or stack such forms down one sheet. The sheet
has no header row, so the file was rejected "Không tìm thấy dòng tiêu đề". When a sheet has no
table, lines whose first cell is one of the form's headers (with or without a colon, after a
numbering ``1.``; or ``Tên mô hình: X`` in one cell) and whose next filled cell is its value
are read as forms (a label alone with its value on the row under it too: a card laid out
vertically, :func:`value_below`): a new form starts at a header already given in the form being read, and a
sheet of forms must give ``Tên mô hình`` and two more of :data:`NEEDED` in each form, from at
least :data:`MIN_LINES` lines, its field or its type reading as one value (a sheet guiding
how to fill the columns, ``Lĩnh vực`` | ``KT, VHXH, ANQP, XDHTCT``, is no form). The sheet is then
rewritten as a table: the header row where the first form starts, each registration on the
second line of its form (the row messages name), every other row from the first form to the
last emptied, the rows above (the title block) and below (the signature) kept where they were. An extension of
``spec/submission-form.md``, "The file" (``docs/contracts.md``).
"""

from __future__ import annotations

import re

from schemas.form import BY_NAME, SIGNATURE_KEYS
from thidua.ingest.headers import exact_name, header_name
from thidua.ingest.titleblock import is_title_line
from thidua.ingest.values import read_value
from thidua.ingest.workbook import Grid
from thidua.text import clean_text, match_key

#: A form gives at least this many of the form's columns.
MIN_LINES = 3
#: The columns a form's line may give (the unit's code and the STT are the title's and the
#: table's own).
LINE_NAMES = tuple(n for n in BY_NAME if n not in ("stt", "unit_code"))
#: The columns every registration needs: a form gives ``Tên mô hình`` and two more of them
#: (one left out is rejected as a table's empty cell would be); the table has all four.
NEEDED = ("model", "field", "type", "registrant")
#: The columns of a choice: a value there that reads as one is never a header (``TT``).
CODED = ("field", "type", "level", "result")
#: A numbering alone in a cell before the label: ``1``, ``1.``, ``a)``, ``II.``.
NUMBERING = re.compile(r"(?:\d{1,2}|[a-zđ]|[ivx]{1,4})\s*[.)/:-]?", re.IGNORECASE)


#: A cell holding only a colon (or a dash as one), between a form's label and its value:
#: colons aligned in a column of their own (fresh tester J's J086).
_COLON_CELL = re.compile(r"[:：\-–]")


def form_line(row: list) -> tuple[str, object] | None:
    """``(column name, value)`` when a grid row is a form's line: its first filled cell (after
    a numbering alone) a header of the form (:func:`thidua.ingest.headers.header_name`, a
    colon after it or not) and the next filled cell its value, which is no header itself; or
    one cell ``Tên mô hình: X``. ``None`` otherwise (a value may be empty: ``Ghi chú:`` alone
    gives ``""``), and for a label naming ``Kết quả`` in other words whose value reads as no
    result (``Kết quả đạt được:`` | ``Thu hút …``: a form's own line, :func:`label_line`)."""
    cells = [v for v in row if clean_text(v)]
    if len(cells) > 1 and NUMBERING.fullmatch(clean_text(cells[0])):
        cells = cells[1:]
    if not cells:
        return None
    if len(cells) > 1 and _COLON_CELL.fullmatch(clean_text(cells[1])):
        cells = [cells[0], *cells[2:]]  # ``Tên mô hình`` | ``:`` | X, the colons in a column
    first = clean_text(cells[0])
    if len(cells) == 1 and ":" in first:  # ``Tên mô hình: Bữa cơm công đoàn``
        label, _, value = first.partition(":")
        name = header_name(label)
        return (name, value.strip()) if name in LINE_NAMES else None
    name = header_name(first.rstrip(":").strip())
    if name not in LINE_NAMES:
        return None
    if len(cells) == 1:
        return name, ""
    value = cells[1]
    if isinstance(value, str) and header_name(value.rstrip(":").strip()) is not None \
            and not (name in CODED and read_value(name, value).code is not None):
        return None  # a header row: ``Tên mô hình`` | ``Hình thức`` | …; ``TT`` is a type
    if name == "result" and exact_name(first.rstrip(":").strip()) is None \
            and read_value(name, value).code is None:
        return None  # ``Kết quả đạt được:`` | ``Thu hút …``: what was achieved, no result
    return name, value


#: A label's longest text, in words, for a line of a form that names no column of the table.
LABEL_WORDS = 8


def label_line(row: list) -> bool:
    """Whether a grid row is a line of a form that names no column of the table: its first
    filled cell (after a numbering alone) a short label ending with a colon, its text in the
    next cell or none (``5. Kết quả đạt được:`` | ``Thu hút …``, ``Hiệu quả:``), or a short
    label and its text in one cell (``Cách làm: …``); never a signer's line (``Người lập
    biểu:``, :data:`schemas.form.SIGNATURE_KEYS`) nor a title line (``Năm: 2024``,
    :func:`thidua.ingest.titleblock.is_title_line`). Right under a form's last line it is
    part of that form (fresh tester H's H47: the last form's ``Kết quả đạt được:`` was left
    as a row of the table and rejected with three "Thiếu …")."""
    cells = [clean_text(v) for v in row if clean_text(v)]
    if len(cells) > 1 and NUMBERING.fullmatch(cells[0]):
        cells = cells[1:]
    if not cells or len(cells) > 2 or match_key(cells[0]).startswith(SIGNATURE_KEYS) \
            or is_title_line(row):
        return False
    label, colon, text = cells[0].partition(":")
    if not colon or not label.strip() or len(label.split()) > LABEL_WORDS:
        return False
    return not text.strip() or len(cells) == 1


def value_below(grid: Grid, r: int, line: tuple[str, object]) -> object | None:
    """The value of a label alone on grid row ``r`` (``line``: its :func:`form_line`, an empty
    value) written on the row under it, a card laid out vertically (``TÊN MÔ HÌNH`` over ``Bữa
    cơm Công đoàn``, the value merged across: fresh tester J's J085): that row's one filled
    cell, when it is no label itself (no form's header, unless a coded column's value reads
    as one: ``Tập thể``) and no line of a form; ``None`` otherwise (the row under is blank:
    the value is empty)."""
    name, value = line
    if value != "" or r + 1 >= len(grid) or len([v for v in grid[r] if clean_text(v)]) != 1:
        return None
    cells = [v for v in grid[r + 1] if clean_text(v)]
    if len(cells) != 1 or form_line(grid[r + 1]) is not None or label_line(grid[r + 1]) \
            or is_title_line(grid[r + 1]):
        return None
    text = clean_text(cells[0])
    if name != "position" and match_key(text).startswith(SIGNATURE_KEYS):
        return None  # ``Ghi chú:`` alone above ``Người lập biểu``; ``Chủ tịch`` is a position
    if header_name(text.rstrip(":").strip()) is not None \
            and not (name in CODED and read_value(name, text).code is not None):
        return None
    return cells[0]


def forms(grid: Grid) -> list[tuple[int, int, dict[str, object]]]:
    """The forms of a sheet without a table, in order: ``(first row, last row, {column name:
    value})`` (0-based grid rows); ``[]`` when the sheet is not a sheet of forms (see the
    module's docstring)."""
    found: list[tuple[int, int, dict[str, object]]] = []
    below: set[int] = set()  # rows holding the value of the label above them
    for r, row in enumerate(grid):
        if r in below:
            continue
        line = form_line(row)
        if line is None:
            if found and r == found[-1][1] + 1 and label_line(row):  # ``Kết quả đạt được:``
                found[-1] = (found[-1][0], r, found[-1][2])
            continue
        name, value = line
        last = r
        if (under := value_below(grid, r, line)) is not None:  # ``TÊN MÔ HÌNH`` over X
            value, last = under, r + 1
            below.add(r + 1)
        if not found or name in found[-1][2]:
            found.append((r, r, {}))
        first, _, given = found[-1]
        given[name] = value
        found[-1] = (first, last, given)
    forms_ = [f for f in found if len(f[2]) >= MIN_LINES]
    if not forms_ or any("model" not in given or len(set(NEEDED) & set(given)) < 3
                         or not reads_as_values(given) for _, _, given in forms_):
        return []
    return forms_


def reads_as_values(given: dict[str, object]) -> bool:
    """Whether a form's field or type reads as one value: a column guide (``Lĩnh vực`` |
    ``KT, VHXH, ANQP, XDHTCT``, ``Hình thức`` | ``Tập thể hoặc Cá nhân``) is no form."""
    return any(read_value(name, given[name]).code is not None
               for name in ("field", "type") if name in given)


def as_table(grid: Grid) -> tuple[Grid, list[tuple[int, int, int]]] | None:
    """``grid`` rewritten as a table when it is a sheet of forms (:func:`forms`), with
    ``(first row, last row, registration row)`` of each form (0-based); ``None`` otherwise.
    Rows outside the forms are kept where they were."""
    found = forms(grid)
    if not found:
        return None
    names = list(dict.fromkeys([*NEEDED, *(n for _, _, given in found for n in given)]))
    width = max(1 + len(names), max((len(row) for row in grid), default=0))
    out = [list(row) + [""] * (width - len(row)) for row in grid]
    for r in range(found[0][0], found[-1][1] + 1):  # headings between forms too
        out[r] = [""] * width
    out[found[0][0]] = ["STT", *(BY_NAME[n].header for n in names)] + [""] * (width - 1 - len(names))
    placed = []
    for i, (first, last, given) in enumerate(found, start=1):
        at = first + 1
        out[at] = [i, *(given.get(n, "") for n in names)] + [""] * (width - 1 - len(names))
        placed.append((first, last, at))
    return out, placed


def form_note(sheet: str, placed: list[tuple[int, int, int]]) -> str:
    """The line telling a unit that its sheet of forms was read as a table (Excel rows)."""
    said = ", ".join(f"dòng {a + 1}–{b + 1} (ghi là dòng {at + 1})" for a, b, at in placed[:5])
    more = f" và {len(placed) - 5} phiếu khác" if len(placed) > 5 else ""
    where = f"Trang '{sheet}'" if sheet else "Tệp"
    return (f"{where} ghi đăng ký theo kiểu phiếu (tên cột | nội dung), không theo bảng: mỗi "
            f"phiếu đã đọc là một đăng ký: {said}{more}; các thông báo lỗi ghi dòng trong "
            f"ngoặc. Đề nghị lần sau ghi theo bảng của biểu DVK-01, mỗi đăng ký một dòng.")
