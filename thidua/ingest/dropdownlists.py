"""The source lists of a sheet's drop-downs typed under the table: a unit that made its own
drop-downs (Data > Data Validation > List) often types the lists they take their values from a
few rows below the registrations, in the columns they serve (the fields in ``C36:C39``, the
types in ``D36:D37``, the levels, the results). Read as rows of the table, each line of the
lists was rejected "Thiếu 'Tên mô hình' … | Thiếu 'Tên tập thể/cá nhân'" (or "Thiếu 'Chức
vụ'" when a type was filled down from the line above): fresh tester N's N228, N229.

Such lines are no registrations: they are ignored as :data:`DROPDOWN_LIST` and the unit is told
(``spec/submission-form.md``, "Rows that are not data"; ``docs/contracts.md``). Only a block
of two or more consecutive lines under the last registration (a row with a model or a
registrant), each holding nothing but values of the coded columns (:data:`LIST_COLUMNS`, each
read exactly as the form spells it), none with a model, a registrant or a row number, where
every column's values go down that column without a gap and none twice, one column holding
two values or more, and one line at least read as a registration so far. A half-typed
registration (``Kinh tế`` | ``Tập thể`` alone) is one line: it is still asked its model.
"""

from __future__ import annotations

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.legend import LEGEND_COLUMNS
from thidua.ingest.values import EXACT, read_value
from thidua.text import clean_text, rows_said

__all__ = ["DROPDOWN_LIST", "LIST_COLUMNS", "dropdown_list_blocks", "dropdown_list_note",
           "mark_dropdown_lists"]

#: Ignored-row reason of a line of a drop-down's source list typed under the table
#: (``IGNORED_REASONS`` of :mod:`thidua.ingest.normalise`).
DROPDOWN_LIST = "dropdown_list"
#: The coded columns a drop-down's list gives (the columns a legend gives too).
LIST_COLUMNS = LEGEND_COLUMNS
#: The labels a line of a list may have before: a registration, a field's sub-heading (a
#: field alone), a value filled down (a level alone under another).
_CANDIDATE = ("data", "subheading", "blank")


def _codes(cells: pd.Series) -> dict[str, str] | None:
    """``{column: code}`` of a line's non-empty form cells when each is in a coded column and
    reads exactly as one of its values (:func:`thidua.ingest.values.read_value`); ``None``
    when a cell is elsewhere or no value, or the line is empty."""
    said = {column: text for column, text in cells.items() if text}
    if not said or any(column not in LIST_COLUMNS for column in said):
        return None
    codes = {column: read_value(column, text) for column, text in said.items()}
    if any(reading.how != EXACT or reading.code is None for reading in codes.values()):
        return None
    return {column: reading.code for column, reading in codes.items()}


def _is_list(block: list[tuple[int, dict[str, str]]]) -> bool:
    """Whether consecutive lines (``(row, {column: code})``) are a list: in each column the
    values going down without a gap and none twice, one column holding two values or more
    (so two lines or more)."""
    longest = 0
    for column in LIST_COLUMNS:
        places = [at for at, (_, codes) in enumerate(block) if column in codes]
        values = [block[at][1][column] for at in places]
        if places and (places != list(range(places[0], places[-1] + 1))
                       or len(set(values)) != len(values)):
            return False
        longest = max(longest, len(values))
    return longest >= 2


def dropdown_list_blocks(text: pd.DataFrame, labels: pd.Series) -> list[list[int]]:
    """The blocks (Excel rows, in order) of drop-down source lines under the last registration
    (module docstring), each holding a line labelled ``"data"``. ``text``:
    :func:`thidua.ingest.normalise.form_text` (index Excel row); ``labels``: ``"data"`` or an
    ignored reason (same index)."""
    named = [c for c in ("model", "registrant") if c in text]
    if not named:
        return []
    registered = (labels == "data") & (text[named] != "").any(axis=1)
    last = registered[registered].index.max() if registered.any() else None
    if last is None:
        return []
    below = text.index[(text.index > last) & labels.isin(_CANDIDATE).to_numpy()]
    blocks: list[list[tuple[int, dict[str, str]]]] = [[]]
    for row in below:  # the few lines under the table
        codes = _codes(text.loc[row])
        if codes is None or blocks[-1] and blocks[-1][-1][0] != row - 1:
            blocks.append([])
        if codes is not None:
            blocks[-1].append((row, codes))
    return [[row for row, _ in block] for block in blocks
            if _is_list(block) and any(labels[row] == "data" for row, _ in block)]


def mark_dropdown_lists(labels: pd.Series, text: pd.DataFrame) -> pd.Series:
    """``labels`` with the lines of :func:`dropdown_list_blocks` made :data:`DROPDOWN_LIST`;
    ``labels`` itself (not copied) when there is none."""
    blocks = dropdown_list_blocks(text, labels)
    if not blocks:
        return labels
    labels = labels.copy()
    labels[[row for block in blocks for row in block]] = DROPDOWN_LIST
    return labels


def dropdown_list_note(labels: pd.Series, raw: pd.DataFrame) -> str | None:
    """The line telling the unit which lines were read as drop-down source lists and ignored:
    ``Dòng 36, 37, 38, 39 chỉ ghi các giá trị để chọn (cột 'Lĩnh vực': Kinh tế, …; cột 'Hình
    thức': Tập thể, Cá nhân), không có tên mô hình hay tên tập thể/cá nhân: đã hiểu là danh
    sách nguồn của ô chọn (drop-down) gõ dưới bảng, bỏ qua (không tính là đăng ký). …``;
    ``None`` when there is none."""
    rows = labels.index[(labels == DROPDOWN_LIST).to_numpy()].tolist()
    if not rows:
        return None
    written = {c: [t for t in map(clean_text, raw.loc[rows, c]) if t]
               for c in LIST_COLUMNS if c in raw}
    columns = [f"cột '{BY_NAME[c].header}': {', '.join(texts)}"
               for c, texts in written.items() if texts]
    return (f"Dòng {rows_said(rows)} chỉ ghi các giá trị để chọn ({'; '.join(columns)}), không "
            f"có tên mô hình hay tên tập thể/cá nhân: đã hiểu là danh sách nguồn của ô chọn "
            f"(drop-down) gõ dưới bảng, bỏ qua (không tính là đăng ký). Nếu đó là đăng ký, đề "
            f"nghị ghi tên mô hình và tên tập thể/cá nhân; danh sách nguồn nên để ở một trang "
            f"tính khác.")
