"""The form's rules about what a sheet's cells hold, applied to one file's rows: hidden rows
are ignored and told (issue 9.4); a formula saved without its result rejects its row, or the
whole file when every row has one, saying what is wrong and how to fix it (issue 16.5).

The facts come from :mod:`thidua.ingest.cells` (``SheetData.facts``); rows are Excel row
numbers (the index of :func:`thidua.ingest.read.raw_rows`).
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME, EXAMPLE_ROW_WORDS
from thidua.ingest.columnar import by_value
from thidua.ingest.headers import header_name
from thidua.ingest.rows import SheetData, column_labels, column_letter
from thidua.ingest.twins import twin_rows, twins
from thidua.ingest.validate import rejection_frame
from thidua.ingest.errorcells import OPTIONAL_TEXT
from thidua.ingest.workbook import FileRejected, text_formula
from thidua.ingest.withdrawn import WITHDRAWN, withdrawn_note
from thidua.text import clean_text, match_key, on_sheet, rows_said

#: How to get a formula's result saved (said in every formula message).
SAVE_HINT = ("Đề nghị mở tệp bằng Excel hoặc LibreOffice, lưu lại (để lưu cả kết quả của công "
             "thức) rồi gửi lại.")
#: Ignored-row reason of a hidden row (``IGNORED_REASONS`` of :mod:`thidua.ingest.normalise`).
HIDDEN = "hidden"
#: Ignored-row reason of an example row of a template (``Ví dụ``, ``VD``; :func:`mark_examples`).
EXAMPLE = "example"
_EXAMPLE_WORDS = "|".join(re.escape(w) for w in EXAMPLE_ROW_WORDS)
#: A cell that only says ``Ví dụ``/``VD`` (a number, colon or bracket may follow) …
_EXAMPLE_CELL = re.compile(rf"(?:{_EXAMPLE_WORDS})\s*\d*\s*[:.)\-]?")
#: … or starts with one and a colon (``Ví dụ: Mô hình …``, ``VD1: …``).
_EXAMPLE_PREFIX = re.compile(rf"(?:{_EXAMPLE_WORDS})\s*\d*\s*:")


#: Characters of a cell :func:`is_example_cell` looks at.
EXAMPLE_LOOK_CHARS = 200


def is_example_cell(value: object) -> bool:
    """Whether a cell marks its row as an example (:data:`schemas.form.EXAMPLE_ROW_WORDS`).
    Only the first :data:`EXAMPLE_LOOK_CHARS` characters of a text are looked at: a longer
    cell can only start with ``Ví dụ:`` (issue 10: a 5 MB cell is not keyed whole)."""
    if isinstance(value, str) and len(value) > EXAMPLE_LOOK_CHARS:
        return bool(_EXAMPLE_PREFIX.match(match_key(value[:EXAMPLE_LOOK_CHARS])))
    key = match_key(value)
    return bool(key) and bool(_EXAMPLE_CELL.fullmatch(key) or _EXAMPLE_PREFIX.match(key))


def mark_examples(labels: pd.Series, raw: pd.DataFrame, sheet: SheetData) -> pd.Series:
    """``labels`` with each data row that is an example of the form relabelled
    :data:`EXAMPLE` (``spec/submission-form.md``, "Rows that are not data"): its STT or first
    non-empty cell says ``Ví dụ``/``VD`` (``Ví dụ 1``, ``VD:``), or its STT, first cell or model
    starts with one and a colon (``Ví dụ: Mô hình …``), as in an instruction or sample sheet
    (``Mẫu``, ``Hướng dẫn``) a unit typed its data into. Such rows are ignored, never counted."""
    data = (labels == "data").to_numpy()
    if not data.any():
        return labels
    hit = pd.Series(False, index=labels.index)
    for name in ("stt", "model"):
        if name in raw.columns:
            hit |= by_value(raw[name].reindex(labels.index), is_example_cell, bool)
    grid = sheet.grid
    firsts = pd.Series([_first_cell(grid[r - 1]) if r - 1 < len(grid) else "" for r in
                        labels.index[data].astype(int)], index=labels.index[data], dtype=object)
    hit[firsts.index] |= by_value(firsts, is_example_cell, bool)
    return labels.mask(hit.to_numpy() & data, EXAMPLE)


def _first_cell(row: list) -> object:
    """The first non-empty cell of a grid row (``""`` when none)."""
    return next((v for v in row if clean_text(v)), "")


def example_note(labels: pd.Series) -> str | None:
    """The note telling a unit which example rows were not counted, ``None`` when none."""
    rows = [int(r) for r in labels.index[labels == EXAMPLE]]
    if not rows:
        return None
    return (f"{len(rows)} dòng ví dụ (ghi 'Ví dụ'/'VD') không được tính (bỏ qua): dòng "
            f"{', '.join(map(str, rows))}.")


def mark_hidden(labels: pd.Series, sheet: SheetData) -> pd.Series:
    """``labels`` (:func:`thidua.ingest.normalise.classify_rows`, index: Excel row) with each
    hidden row that would count as data relabelled :data:`HIDDEN`: a hidden row is never read as
    a registration silently. Hidden blank, totals, sub-heading or signature rows keep their
    reason; hidden rows of the title block or header are not in ``labels``."""
    if not sheet.facts.hidden or labels.empty:
        return labels
    hidden = [r + 1 for r in sheet.facts.hidden_rows(labels.index.min() - 1, labels.index.max())]
    hit = labels.index.isin(hidden) & (labels == "data").to_numpy()
    return labels.mask(hit, HIDDEN)


def hidden_note(labels: pd.Series, filtered: bool = False) -> str | None:
    """The note telling a unit which hidden rows were not counted (its feedback workbook,
    ``Lỗi và lưu ý cả tệp``), ``None`` when there is none. ``filtered``: the sheet was saved with a
    filter applied (:attr:`thidua.ingest.cells.SheetFacts.filtered`): Excel's "Unhide" does not
    show rows a filter hides, so the note says to clear the filter first."""
    rows = [int(r) for r in labels.index[labels == HIDDEN]]
    if not rows:
        return None
    said = (f"{len(rows)} dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng "
            f"{', '.join(map(str, rows))}.")
    if filtered:
        return (f"{said} Trang tính được lưu khi đang lọc (Lọc/Filter), nên các dòng này có thể "
                f"bị bộ lọc ẩn. Nếu đó là mô hình đăng ký, đề nghị xóa bộ lọc (Excel: Dữ liệu > "
                f"Xóa bộ lọc), bỏ ẩn các dòng còn ẩn (chọn các dòng, bấm chuột phải > Bỏ ẩn) "
                f"rồi gửi lại.")
    return (f"{said} Nếu đó là mô hình đăng ký, đề nghị bỏ ẩn các dòng "
            f"này (Excel: chọn các dòng, bấm chuột phải > Bỏ ẩn) rồi gửi lại.")


#: Ignored-row reason of a row struck through (``IGNORED_REASONS`` of
#: :mod:`thidua.ingest.normalise`; :func:`mark_struck`).
STRUCK = "struck"


def _struck_cells(sheet: SheetData, r: int) -> tuple[list[str], list[str]]:
    """The headers of the filled cells of Excel row ``r`` in the form's columns (not ``STT``
    nor ``Ghi chú``), split into those struck through and the others."""
    row = sheet.grid[r - 1] if r - 1 < len(sheet.grid) else []
    struck, kept = [], []
    for c, name in sorted(sheet.table.columns.items()):
        if name in BY_NAME and name not in ("stt", "note") and c < len(row) \
                and clean_text(row[c]):
            (struck if (r - 1, c) in sheet.facts.struck else kept).append(BY_NAME[name].header)
    return struck, kept


def mark_struck(labels: pd.Series, sheet: SheetData) -> pd.Series:
    """``labels`` with each data row whose filled cells of the form's columns (not ``STT``
    nor ``Ghi chú``) are all struck through (:attr:`thidua.ingest.cellfacts.SheetFacts.struck`)
    relabelled :data:`STRUCK`: a unit withdraws a registration so, and a careful reader does
    not count it (fresh tester E's A01; ``docs/contracts.md``). A row with some such cells
    struck and others not still counts (:func:`struck_note` tells it)."""
    if not sheet.facts.struck or labels.empty:
        return labels
    rows = {r for r, _ in sheet.facts.struck}
    hit = [label == "data" and int(r) - 1 in rows and _whole(*_struck_cells(sheet, int(r)))
           for r, label in labels.items()]
    return labels.mask(hit, STRUCK)


def _whole(struck: list[str], kept: list[str]) -> bool:
    return bool(struck) and not kept


def struck_note(labels: pd.Series, sheet: SheetData) -> str | None:
    """The note telling a unit which rows struck through were not counted, and which data rows
    with only some cells struck were; ``None`` when none."""
    rows = [int(r) for r in labels.index[labels == STRUCK]]
    struck_rows = {r + 1 for r, _ in sheet.facts.struck}
    partly = [(int(r), cells) for r, label in labels.items()
              if label == "data" and int(r) in struck_rows
              and (cells := _struck_cells(sheet, int(r)))[0] and cells[1]]
    said = []
    if rows:
        said.append(f"{len(rows)} dòng bị gạch ngang (đơn vị đã rút đăng ký) không được tính "
                    f"(bỏ qua): dòng {', '.join(map(str, rows))}. Nếu vẫn đăng ký, đề nghị bỏ "
                    f"gạch ngang rồi gửi lại.")
    for r, (struck, _) in partly:
        columns = ", ".join(f"'{h}'" for h in struck)
        said.append(f"Dòng {r}: ô {columns} bị gạch ngang nhưng các ô khác của dòng thì không: "
                    f"dòng vẫn được tính. Nếu đơn vị rút đăng ký này, đề nghị xóa dòng; nếu "
                    f"sửa, đề nghị ghi lại nội dung đúng.")
    return " ".join(said) or None


#: Characters of a cell's text quoted by :func:`unstruck_note`.
UNSTRUCK_QUOTE_CHARS = 60


def _quoted(value: object) -> str:
    text = clean_text(value)
    return f"'{text[:UNSTRUCK_QUOTE_CHARS]}…'" if len(text) > UNSTRUCK_QUOTE_CHARS else f"'{text}'"


def unstruck_note(sheet: SheetData) -> str | None:
    """The note telling a unit which cells of its sheet were read without their struck words
    (:attr:`thidua.ingest.cellfacts.SheetFacts.unstruck`: ``Tập thể / ~~Cá nhân~~`` read
    ``Tập thể``): a cell above the table by its Excel reference and what was read, a form
    column by its header and rows, a model's name also by what was read (its struck word
    is not in the name counted); ``None`` when no such cell holds text in the sheet."""
    grid, table = sheet.grid, sheet.table
    cells = sorted((r, c) for r, c in sheet.facts.unstruck
                   if r < len(grid) and c < len(grid[r]) and clean_text(grid[r][c]))
    if not cells:
        return None
    start = table.data_start if table.data_start is not None else 0
    above = [f"ô {column_letter(c)}{r + 1} đọc là {_quoted(grid[r][c])}"
             for r, c in cells if r < start]
    by_column: dict[int, list[int]] = {}
    for r, c in cells:
        if r >= start and (c in table.columns or c in table.unknown):
            by_column.setdefault(c, []).append(r)
    said = above[:5] + ([f"{len(above) - 5} ô khác ở phần tiêu đề"] if len(above) > 5 else [])
    for c, rows in sorted(by_column.items()):
        name = table.columns.get(c)
        header = BY_NAME[name].header if name in BY_NAME else table.unknown.get(c, "")
        text = (f"cột '{header}' (cột {column_letter(c)}) dòng "
                f"{rows_said([r + 1 for r in rows])}")
        if name == "model":
            text += (" (tên mô hình được ghi không kể chữ bị gạch, "
                     f"{'ví dụ ' if len(rows) > 1 else ''}dòng {rows[0] + 1}: "
                     f"{_quoted(grid[rows[0]][c])})")
        said.append(text)
    if not said:
        return None
    return ("Có ô bị gạch ngang một phần (gạch bỏ phần không phù hợp), đã đọc không kể phần bị "
            f"gạch: {'; '.join(said)}. Nếu phần bị gạch vẫn cần được tính, đề nghị bỏ gạch "
            "ngang rồi gửi lại.")


def all_hidden_reason(labelled: list) -> str | None:
    """Why a file none of whose rows counts is rejected when some of its rows are hidden
    (:data:`HIDDEN`): every registration row is hidden or filtered out, so the reason names
    them and the fix (:func:`hidden_note`, per sheet), never "no row under the header".
    ``labelled``: the file's :class:`thidua.ingest.sheetrows.SheetRows`. ``None`` when no
    row is hidden."""
    notes = [(r.sheet.sheet, hidden_note(r.labels, r.sheet.facts.filtered)) for r in labelled]
    notes = [(sheet, note) for sheet, note in notes if note]
    many = len(labelled) > 1
    if not notes:  # every row struck through: say so, not "no row under the header"
        struck = [(r.sheet.sheet, n) for r in labelled if (r.labels == STRUCK).any()
                  and (n := struck_note(r.labels, r.sheet))]
        if struck:
            return "Mọi dòng đăng ký đều bị gạch ngang: " + " ".join(
                on_sheet(sheet, note) if many else note for sheet, note in struck)
        said = [(r.sheet.sheet, n) for r in labelled if (r.labels == WITHDRAWN).any()
                and (n := withdrawn_note(r.labels, r.raw, column_labels(r.sheet).get("note")))]
        return "Mọi dòng đăng ký đều có ghi chú rút đăng ký: " + " ".join(
            on_sheet(sheet, note) if many else note for sheet, note in said) if said else None
    return "Không có dòng đăng ký nào đang hiển thị: " + " ".join(
        on_sheet(sheet, note) if many else note for sheet, note in notes)


def _formula_cells(sheet: SheetData, rows: pd.Index) -> dict[int, list[tuple[str, str, str]]]:
    """Excel row → ``[(column name, cell reference, formula)]`` of the form's columns holding
    a formula without a saved result, but ``STT`` and the optional free-text columns
    (:data:`thidua.ingest.errorcells.OPTIONAL_TEXT`: read as empty, told) and a formula of
    nothing but a text (``="Kinh tế"``: that text, :func:`thidua.ingest.workbook.text_formula`;
    fresh tester M's M013, M028)."""
    columns = {c: n for c, n in sheet.table.columns.items()
               if n in BY_NAME and n != "stt" and n not in OPTIONAL_TEXT}
    wanted = set(int(r) for r in rows)
    found: dict[int, list] = {}
    for (r, c), formula in sorted(sheet.facts.formulas.items()):
        if r + 1 in wanted and c in columns and text_formula(formula) == formula:
            found.setdefault(r + 1, []).append(
                (columns[c], f"{column_letter(c)}{r + 1}", formula))
    return found


def check_not_all_formulas(sheet: SheetData, data: pd.DataFrame) -> None:
    """Raise :class:`FileRejected` when every data row has a formula without a saved result:
    the file was saved by software that did not compute them, and nothing in it can be read."""
    if not sheet.facts.formulas or data.empty:
        return
    cells = _formula_cells(sheet, data.index)
    if len(cells) == len(data):
        _, ref, formula = cells[min(cells)][0]
        raise FileRejected(
            f"Cả {len(data)} dòng của bảng có ô là công thức chưa được lưu kết quả (ví dụ ô "
            f"{ref}: {formula}), nên không đọc được giá trị nào. {SAVE_HINT}")


def with_unsaved_formulas(valid: pd.DataFrame, rejections: pd.DataFrame, sheet: SheetData,
                          data: pd.DataFrame, file: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(valid, rejections)`` of :func:`thidua.ingest.validate.validate_rows` with each
    cell of a form column that is a formula without a saved result rejected for that reason
    (value: the formula text), in place of what the empty cell would have given, also in
    optional columns (``Kết quả`` is never defaulted from a formula), and its row never valid.
    """
    cells = _formula_cells(sheet, data.index)
    if not cells:
        return valid, rejections
    records, replaced = [], set()
    for row, found in cells.items():
        for name, ref, formula in found:
            header = BY_NAME[name].header
            replaced.add((row, header))
            records.append({"file": file, "sheet": sheet.sheet, "row": row, "column": header,
                            "value": formula,
                            "error": f"Ô {ref} là công thức chưa được lưu kết quả, nên không "
                                     f"đọc được giá trị của cột '{header}'. {SAVE_HINT}"})
    keep = [(r, c) not in replaced for r, c in zip(rejections["row"], rejections["column"])]
    merged = pd.concat([rejections[keep], rejection_frame(records)], ignore_index=True)
    merged = rejection_frame(merged.to_dict("records"))
    merged = merged.sort_values(["row", "column"], kind="stable").reset_index(drop=True)
    return valid.drop(index=[r for r in cells if r in valid.index]), merged


def twin_columns_note(sheet: SheetData) -> str | None:
    """The line telling a unit that two columns carry the same form header and which one was
    read (:func:`thidua.ingest.table.find_table`: a visible one before a hidden one, then an
    exact spelling, then the left one), so that a unit looking at the column it sees knows
    why its values were (not) read; ``None`` when no header is repeated."""
    used = {name: c for c, name in sheet.table.columns.items()}
    hidden = set(sheet.facts.hidden_columns)
    pairs = twins(sheet.table, sheet.facts.merges)
    taken = twin_rows(sheet.grid, sheet.table.data_start, len(sheet.grid), pairs)
    said = []
    for c, text in sheet.table.unknown.items():
        name = header_name(text)
        if name in used and c not in sheet.table.marks:
            why = " (bị ẩn)" if c in hidden else ""
            read = " (bị ẩn, vì cột kia để trống)" if used[name] in hidden else ""
            rows = taken.get(used[name], []) if pairs.get(used[name]) == c else []
            but = (f", trừ {len(rows)} dòng để trống cột {column_letter(used[name])} "
                   f"(dòng {rows_said([r + 1 for r in rows])}): đã lấy giá trị ở cột "
                   f"{column_letter(c)}") if rows else f", không đọc cột {column_letter(c)}"
            said.append(f"cột {column_letter(c)}{why} và cột {column_letter(used[name])}{read} cùng "
                        f"tiêu đề '{BY_NAME[name].header}': đã đọc cột "
                        f"{column_letter(used[name])}{but}")
    if not said:
        return None
    text = f"{'; '.join(said)}. Nếu cột không được đọc mới là cột đúng, đề nghị xóa cột kia rồi gửi lại."
    return text[0].upper() + text[1:]


def hidden_columns_note(sheet: SheetData) -> str | None:
    """The line telling a unit that form columns it reads are hidden (or of zero width) in its
    sheet and were read all the same, naming each by its letter and header: Excel shows them to
    nobody who opens the file, so the unit checks what it sent (a hidden ``Kết quả`` marking a
    model exemplary reaches Phụ lục II). A column beside a twin of the same header is told by
    :func:`twin_columns_note`; ``STT``, ``Mã đơn vị`` and ``Ghi chú``, which a template may
    hide, are not told. ``None`` when no other form column read is hidden."""
    hidden = set(sheet.facts.hidden_columns)
    twinned = {header_name(t) for c, t in sheet.table.unknown.items() if c not in sheet.table.marks}
    said = [f"cột {column_letter(c)} '{BY_NAME[name].header}'"
            for c, name in sorted(sheet.table.columns.items())
            if c in hidden and name in BY_NAME and name not in twinned
            and name not in ("stt", "unit_code", "note")]  # a template's hidden helpers
    if not said:
        return None
    text = (f"{', '.join(said)} đang bị ẩn trong trang tính nhưng vẫn được đọc như mọi cột "
            f"của biểu; đề nghị bỏ ẩn và kiểm tra lại các giá trị trong đó.")
    return text[0].upper() + text[1:]


def missing_columns_note(raw: pd.DataFrame, sheet: SheetData) -> str | None:
    """The line telling a unit which required columns of the form its header lacks
    (``Tên mô hình``, ``Lĩnh vực``, ``Hình thức``, ``Tên tập thể/cá nhân``; each row is then
    rejected as missing that value), naming the headers that were not understood, so that
    the cause is said once for the file; ``None`` when every required column is there.
    ``raw``: :func:`thidua.ingest.read.raw_rows` (a type from section headings counts)."""
    missing = [c.header for c in BY_NAME.values() if c.required and c.name not in raw]
    if not missing:
        return None
    unknown = list(dict.fromkeys(sheet.table.unknown.values()))
    said = (f"; các cột không nhận ra: {', '.join(repr(u) for u in unknown[:8])}"
            if unknown else "")
    return (f"Không tìm thấy cột {', '.join(repr(m) for m in missing)} trong dòng tiêu đề"
            f"{said}; đề nghị đặt tên cột như biểu DVK-01 rồi gửi lại.")
