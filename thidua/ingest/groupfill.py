"""A coded column written once per group: ``Lĩnh vực`` (or ``Hình thức``) typed on the first row
of each group of registrations and left blank on the rows under it, as units do instead of
merging the cells (the fresh29 tester's F6). A reader takes each blank for "as above"; read
as written, every such row was rejected ``Thiếu 'Lĩnh vực'``.

The rows take the value of the nearest row above holding one, and the unit is told which rows
(:func:`group_fill_note`), only when the sheet is written so: at least :data:`MIN_BLANK` data
rows leave the column blank, every one of them has a data row with a value above it in its
table (a repeated header row ends a group), and either no more rows hold a value than leave
it blank, or no written value repeats the one written right before it (each group's value on
its first row only, groups of any size: a merged column saved as CSV, tester B's F9). A value missing here
and there in a column filled on every row stays a missing value, rejected.
An extension of ``spec/submission-form.md``, "Rows that are not data" (``docs/contracts.md``).
"""

from __future__ import annotations

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.sections import heading_type
from thidua.text import clean_text, match_key, rows_said

#: The columns that may be written once per group.
GROUPED_COLUMNS = ("field", "type")
#: The fewest blank rows that make a column "written once per group".
MIN_BLANK = 2


def _written_per_group(values: list[str]) -> bool:
    """Whether no written value repeats the one written right before it (``Kinh tế`` over
    three rows, then one row of each other field; ``Tập thể``, ``Cá nhân`` over three rows,
    ``Tập thể``: each group's value on its first row only), so that the blanks under them are
    "as above", whatever the groups' sizes; a value written on two rows in a row (``KT``,
    ``KT``, blank …) is a column filled row by row, its blanks missing values. Asked only of
    three values or more (more rows hold a value than leave it blank, at least two)."""
    return all(a != b for a, b in zip(values, values[1:]))


def _a_long_group(written: list[bool]) -> bool:
    """Whether two data rows in a row leave the column blank (a group of three rows or more):
    an ordinary column missing a value here and there leaves single blanks (fresh tester C's
    g06: ``KT``, ``VH``, ``AN``, ``KT``, blank, ``VH``, ``AN``, blank, ``KT`` was filled)."""
    return any(not a and not b for a, b in zip(written, written[1:]))


def filled_from_group(raw: pd.DataFrame, labels: pd.Series, column: str
                      ) -> tuple[pd.DataFrame, dict[int, list[int]]]:
    """``raw`` with each blank ``column`` cell of a data row filled from the nearest data row
    above holding a value, when the sheet writes ``column`` once per group (module doc), and
    the rows filled by the row they took it from (``{}``, ``raw`` unchanged, otherwise). A
    sub-heading, a totals row or a repeated header row ends a group; a type heading (``B. CÁ
    NHÂN``) starts one for ``type``, whose blank cells under it take its type whatever the
    sheet's style (as a field heading gives its field, :mod:`thidua.ingest.sections`).
    ``raw``: :func:`thidua.ingest.rows.raw_rows` (index Excel rows), blank fields already
    filled from sub-headings; ``labels``: :func:`thidua.ingest.normalise.classify_rows`.
    ``raw`` is not modified."""
    if column not in raw:
        return raw, {}
    data = labels == "data"
    texts = raw[column].map(clean_text)
    written = texts != ""
    grouped = (data & ~written).sum() >= MIN_BLANK \
        and ((data & written).sum() <= (data & ~written).sum()
             or _written_per_group(texts[data & written].map(match_key).tolist())
             and _a_long_group(written[data].tolist()))
    if not grouped and not (column == "type" and (labels == "subheading").any()):
        return raw, {}  # the common case: no row-by-row look
    filled: dict[int, list[int]] = {}
    values: dict[int, object] = {}
    source, orphan = None, False
    for row, label in labels.items():
        if label in ("header", "totals", "subheading"):
            kind = heading_type(raw.loc[row].tolist()) if column == "type" else None
            source = row if kind else None
            values[row] = kind
        elif label != "data":
            continue
        elif written[row]:
            source = row
            values[row] = raw.at[row, column]
        elif source is None:
            orphan = True  # a blank before any value in its group: not this style
        else:
            filled.setdefault(source, []).append(row)
    headed = {s: rows for s, rows in filled.items() if labels[s] != "data"}
    filled = filled if grouped and not orphan else headed
    if not filled:
        return raw, {}
    raw = raw.copy()
    raw[column] = raw[column].astype("object")
    for source, rows in filled.items():
        raw.loc[rows, column] = values[source]
    return raw, filled


def group_fill_note(raw: pd.DataFrame, column: str, filled: dict[int, list[int]]) -> str | None:
    """The line telling a unit which rows took ``column``'s value from the first row of their
    group (:func:`filled_from_group`), or ``None``: ``Cột 'Lĩnh vực' chỉ ghi ở dòng đầu của
    mỗi nhóm: dòng 11, 12 lấy theo dòng 10 (Kinh tế); …``."""
    if not filled:
        return None
    header = BY_NAME[column].header
    parts = [f"dòng {rows_said(rows)} lấy theo dòng {source} ({clean_text(raw.at[rows[0], column])})"
             for source, rows in filled.items()]
    return (f"Cột '{header}' chỉ ghi ở dòng đầu của mỗi nhóm, các dòng dưới để trống: đã hiểu "
            f"là giống dòng trên ({'; '.join(parts)}). Đề nghị lần sau ghi '{header}' ở từng "
            f"dòng.")
