"""Registrations of the list listed again under a heading below it: ``CÁC MÔ HÌNH TIÊU
BIỂU`` re-listing two of the rows (``STT | Tên mô hình | Lĩnh vực | Hình thức | Tên tập
thể/cá nhân``), ``DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG`` re-listing three with the award proposed.
They are no new registrations: the rows are ignored as :data:`EXCERPT` (counted so in the
manifest) and the unit is told which rows repeat which (fresh tester L's L103, L104: the rows
were rejected as duplicates, "Thiếu 'Chức vụ'", "Thiếu 'Hình thức'", the unit asked to fix
lines that are no registrations). ``docs/contracts.md``, "Rows that are not data".

Only under a list's heading (:func:`thidua.ingest.listheadings.is_list_heading`) naming no
field or type (``II. VĂN HÓA - XÃ HỘI`` heads more registrations), below rows of the list,
and only when every row of the block repeats a registration above the heading (its model,
and its registrant where it gives one): a block with one new row is read as before, each row
checked.
"""

from __future__ import annotations

import pandas as pd

from thidua.ingest.duplicates import duplicate_key
from thidua.ingest.listheadings import is_list_heading
from thidua.ingest.normalise import subheading_field
from thidua.ingest.sections import heading_type
from thidua.text import clean_text, rows_said

__all__ = ["EXCERPT", "excerpt_blocks", "excerpt_note", "mark_excerpts"]

#: Ignored-row reason of a row re-listing a registration above it under a heading
#: (``IGNORED_REASONS`` of :mod:`thidua.ingest.normalise`).
EXCERPT = "excerpt"


def _heading(row: pd.Series) -> str | None:
    """The text of a list's heading alone in its row (merged or not) naming no field or type."""
    texts = list(dict.fromkeys(t for t in map(clean_text, row.tolist()) if t))
    if len(texts) != 1 or not is_list_heading(texts[0]):
        return None
    if subheading_field(texts) is not None or heading_type(texts) is not None:
        return None
    return texts[0]


def _key(raw: pd.DataFrame, row: int, column: str) -> str:
    return duplicate_key(raw.at[row, column]) if column in raw else ""


def excerpt_blocks(raw: pd.DataFrame, labels: pd.Series
                   ) -> list[tuple[int, str, dict[int, int]]]:
    """The blocks re-listing registrations above them: ``(heading's Excel row, its text,
    {row of the block: the registration row above the heading it repeats})``, each block the
    data rows from its heading to the next sub-heading or the sheet's end. ``raw``:
    :func:`thidua.ingest.rows.raw_rows` (the form's columns by name, index Excel row);
    ``labels``: ``"data"`` or an ignored reason (same index)."""
    if "model" not in raw:
        return []
    data = labels == "data"
    if not data.any() or not (labels == "subheading").any():
        return []  # cheap: most sheets have no heading under the list
    found: list[tuple[int, str, dict[int, int]]] = []
    above: dict[tuple[str, str], int] = {}  # (model, registrant) of the rows before → row
    models: dict[str, int] = {}  # model of the rows before → row
    block: list[int] = []  # the data rows under the current heading
    heading: tuple[int, str] | None = None

    def close() -> None:
        again = {row: _repeated(row) for row in block} if heading else {}
        if heading and block and all(r is not None for r in again.values()):
            found.append((*heading, again))
            return
        for row in block:  # rows of the list (or a block with a new row): later ones may repeat
            model, registrant = _key(raw, row, "model"), _key(raw, row, "registrant")
            above.setdefault((model, registrant), row)
            models.setdefault(model, row)

    def _repeated(row: int) -> int | None:
        model, registrant = _key(raw, row, "model"), _key(raw, row, "registrant")
        if not model:
            return None
        return above.get((model, registrant)) if registrant else models.get(model)

    for row, label in labels.items():
        if label == "subheading":
            close()
            block = []
            text = _heading(raw.loc[row])  # above the list: nothing to repeat
            heading = (row, text) if text else None
        elif label == "data":
            block.append(row)
    close()
    return found


def mark_excerpts(raw: pd.DataFrame, labels: pd.Series
                  ) -> tuple[pd.Series, list[tuple[int, str, dict[int, int]]]]:
    """``labels`` with the rows of :func:`excerpt_blocks` made :data:`EXCERPT`, and the
    blocks; ``labels`` unchanged (not copied) when there is none."""
    blocks = excerpt_blocks(raw, labels)
    if not blocks:
        return labels, blocks
    labels = labels.copy()
    labels[[r for _, _, rows in blocks for r in rows]] = EXCERPT
    return labels, blocks


def excerpt_note(blocks: list[tuple[int, str, dict[int, int]]]) -> str | None:
    """The line telling the unit its rows re-listing registrations were not counted again:
    ``Dòng 17 'CÁC MÔ HÌNH TIÊU BIỂU': dòng 19, 20 chỉ liệt kê lại đăng ký đã có ở dòng 8, 11
    nên không tính thêm (bỏ qua).``; ``None`` when there is none."""
    if not blocks:
        return None
    parts = [f"Dòng {heading} '{text}': dòng {rows_said(list(rows))} chỉ liệt kê lại đăng ký "
             f"đã có ở dòng {rows_said(list(rows.values()))} nên không tính thêm (bỏ qua)."
             for heading, text, rows in blocks]
    return " ".join(parts) + (" Các đăng ký ấy vẫn được tính một lần theo danh sách ở trên; nếu "
                              "có dòng là đăng ký mới, đề nghị ghi vào danh sách đăng ký.")
