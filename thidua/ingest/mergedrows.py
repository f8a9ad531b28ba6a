"""Rows that hold a field, a type or a result only because a merged cell runs over them.

Units merge ``Lĩnh vực``, ``Hình thức`` or ``Cấp công đoàn`` down the whole block of a field,
its ``Cộng`` line included. A merged cell counts for every row it spans (README, "What is
read"), so such a subtotal line carries a field and a type, and a row with both is always
data (:func:`thidua.ingest.normalise.classify_rows`, issue 9.3): it would be rejected as a
registration without a registrant. What the row itself holds decides instead: a totals label
(``Cộng``, ``Cộng lĩnh vực kinh tế: 2 mô hình``) makes it a totals row, a field or type
heading (``II. LĨNH VỰC VĂN HÓA - XÃ HỘI``) a sub-heading; both are ignored, never rejected
(``spec/submission-form.md``, "Rows that are not data"). A row whose own cells give a field
or a type stays data. The same holds for any other merged column (``Kết quả`` merged down the
whole table, over its field headings), and a row holding only the first cells of merges that
run down over the rows below it (a blank row where ``Tiêu biểu`` merged J7:J10 starts) is
blank.
"""

from __future__ import annotations

import re

import pandas as pd

from thidua.ingest.continuation import JOINED_COLUMNS
from thidua.ingest.grouplines import is_group_line
from thidua.ingest.normalise import is_subheading, is_totals
from thidua.ingest.rows import SheetData
from thidua.text import clean_text, match_key

#: The coded columns whose value makes a row data (``classify_rows``).
_CODED = ("field", "type")


def merged_cells(sheet: SheetData) -> dict[int, set[int]]:
    """Grid row → the grid columns of that row whose value was spread from a merged range
    begun above it or to its left (:func:`thidua.ingest.cells.fill_merges`: every cell of a
    range but its first), for the rows below the header. ``sheet.facts.merges`` are inclusive
    ``(first row, first col, last row, last col)``."""
    start = sheet.table.data_start
    spread: dict[int, set[int]] = {}
    for r1, c1, r2, c2 in sheet.facts.merges:
        for r in range(max(r1, start), min(r2, len(sheet.grid) - 1) + 1):
            spread.setdefault(r, set()).update(range(c1 + (r == r1), c2 + 1))
    return spread


def merge_tops(sheet: SheetData) -> dict[int, set[int]]:
    """Grid row → the grid columns of that row where a merged range running down over the rows
    below it begins (its value is theirs too: ``Tiêu biểu`` merged J7:J10)."""
    tops: dict[int, set[int]] = {}
    for r1, c1, r2, c2 in sheet.facts.merges:
        if r2 > r1 and r1 >= sheet.table.data_start:
            tops.setdefault(r1, set()).update(range(c1, c2 + 1))
    return tops


#: How the signature block below the table starts (match keys): a signer's title, the
#: place-and-date line; never a position alone (``Chủ tịch`` is a registrant's position too).
_SIGNERS = ("nguoi lap", "thu truong", "xac nhan cua", "ky, ghi ro", "ky ten", "ky va ghi",
            "t/m ", "tm ", "tm. ", "tm.")
_DATED = re.compile(r"^.{0,40}, ngay .{0,6}thang")


def _signs(texts: list[str]) -> bool:
    """Whether a row's own cells start the signature block (:data:`_SIGNERS`, a dated line)."""
    keys = [match_key(t) for t in texts]
    return any(k.startswith(_SIGNERS) or _DATED.match(k) for k in keys)


def mark_merged_totals(raw: pd.DataFrame, labels: pd.Series,
                       sheet: SheetData) -> tuple[pd.DataFrame, pd.Series]:
    """``(raw, labels)`` (:func:`thidua.ingest.rows.raw_rows`,
    :func:`thidua.ingest.normalise.classify_rows`; index: Excel row) with each data row whose
    field or type came from a merged cell above, none typed on the row itself, relabelled by
    what the row itself holds: ``"totals"`` (a totals label,
    :func:`thidua.ingest.normalise.is_totals`) or ``"subheading"`` (a field or type heading,
    :func:`thidua.ingest.normalise.is_subheading`) or ``"signature"`` (a signer's title or the
    dated line without an STT, :func:`_signs`, and the rows of the block after it: a merge
    dragged over the signature block must not make its names registrations), and its raw
    row holding only that (the
    values the merge spread into it emptied, so that a heading names its own field, not the
    type above it). Other rows keep their label; a row of a merged block that holds a model
    of its own (``Tổng công ty …``) stays data. Neither input is modified."""
    spread = merged_cells(sheet) if sheet.facts.merges else {}
    if not spread:
        return raw, labels
    columns = sheet.table.columns
    tops = merge_tops(sheet)
    named = {c for c, name in columns.items() if name in ("model", "registrant")}
    registrant = {c for c, name in columns.items() if name == "registrant"}
    coded = {c for c, name in columns.items() if name in _CODED}
    numbered = {c for c, name in columns.items() if name == "stt"}
    out, relabelled, signing = labels.copy(), {}, False
    for row in labels.index[(labels == "data").to_numpy()]:
        r = int(row) - 1
        merged, top = spread.get(r, set()), tops.get(r, set())
        if not (merged or top):
            signing = False
            continue  # no merge over the row
        own = {c: text for c, v in enumerate(sheet.grid[r])
               if c not in merged and (text := clean_text(v))}
        if coded & (set(own) - top):
            signing = False
            continue  # the row types a field or type itself
        texts = [t for c, t in own.items() if c not in top]  # what the row holds alone
        if own and set(own) <= top and not named & set(own):
            out[row] = "blank"  # only the first cells of merges down the rows below (F10)
        elif texts and is_totals(texts):
            out[row] = "totals"
        elif texts and (is_subheading(texts, "") or is_group_line(texts) and not registrant & set(own)):
            out[row] = "subheading"
        elif texts and len(texts) <= 3 and not numbered & set(own) and (signing or _signs(texts)):
            out[row], signing = "signature", True  # the block below the table, and its rows
        else:
            continue
        relabelled[row] = [columns[c] for c in merged | top if c in columns and columns[c] in raw]
    if not relabelled:
        return raw, labels
    raw = raw.copy()
    for row, names in relabelled.items():
        raw.loc[row, names] = ""
    return raw, out


def wrapped_in_merges(raw: pd.DataFrame, text: pd.DataFrame, labels: pd.Series,
                      sheet: SheetData) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``raw`` and its cleaned cells ``text`` (:func:`thidua.ingest.normalise.form_text`)
    with the values merges spread into a wrapped line's row emptied: a data row
    whose ``STT`` comes from a merge begun above it (one item's number merged over its rows)
    and whose own cells are only text of :data:`thidua.ingest.continuation.JOINED_COLUMNS`,
    its model starting in lower case (``Góc an ninh trật tự`` on row 9, ``tại khu nhà trọ``
    on row 10, every other cell merged over both: Enter pressed instead of Alt+Enter). Emptied
    so, the row is the second line :func:`thidua.ingest.continuation.join_continuations`
    joins to the item above, never a registration of its own (tester B's F8: the merged
    number, field and registrant made it one, counted twice). A row whose model starts with a
    capital (a second model of the same person) keeps its merged values. Neither input is
    modified. So is a row whose cells are all merged from the row above but its remark, its
    position, its period or its grassroots union (``Ghi chú`` on two rows, every other cell
    merged over both: fresh tester J's J072, whose second rows were rejected as duplicates)."""
    spread = merged_cells(sheet) if sheet.facts.merges else {}
    if not spread:
        return raw, text
    columns = sheet.table.columns
    numbered = {c for c, name in columns.items() if name == "stt"}
    carried = {c for c, name in columns.items() if name in JOINED_COLUMNS}
    model = [c for c, name in columns.items() if name == "model"]
    # a registration's own text that may go on over a second row while every other cell is
    # merged over both (its model and registrant too): never a second person
    lines = {c for c, name in columns.items() if name in ("note", "position", "period",
                                                            "grassroots_union")}
    emptied: dict[int, list[str]] = {}
    for row in labels.index[(labels == "data").to_numpy()]:
        r = int(row) - 1
        merged = spread.get(r, set())
        if not numbered & merged or not model:
            continue
        own = {c for c, v in enumerate(sheet.grid[r]) if c not in merged and clean_text(v)}
        first = clean_text(sheet.grid[r][model[0]]) if model[0] < len(sheet.grid[r]) else ""
        if own and own <= carried and model[0] in own and not first[:1].isupper() \
                or own and own <= lines and model[0] in merged:  # ``Ghi chú``'s second line
            emptied[row] = [columns[c] for c in merged if c in columns and columns[c] in raw]
    if not emptied:
        return raw, text
    raw, text = raw.copy(), text.copy()
    for row, names in emptied.items():
        raw.loc[row, names] = ""
        text.loc[row, [n for n in names if n in text]] = ""
    return raw, text
