"""Lines naming a registration's representative or contact, under its row.

A district's list often names, on the row under a collective's, who speaks for it:
``Đại diện: Nguyễn Văn An`` | ``Chủ tịch CĐCS``, ``Người liên hệ: Trần Thị Hoa - ĐT 0912 …``,
``Đầu mối: …``. Such a line has no ``STT``, field, type, level or result, and its first text
(in ``Tên mô hình`` or ``Tên tập thể/cá nhân``) starts with a contact's label and a colon
(or a dash, or the label alone in its cell): it is part of the registration above it, never a
registration of its own (fresh tester H's H64: each was taken for a second person of the
collective's model and rejected asking its type). It is ignored as a ``continuation``
(:data:`thidua.ingest.continuation.CONTINUATION`), its text not joined to any cell, and the
unit told. A person's row without a label (``Nguyễn Văn An`` | ``Chủ tịch CĐCS``) stays a
second person (:func:`thidua.ingest.continuation.second_people`). An extension of
``spec/submission-form.md``, "Rows that are not data" (``docs/contracts.md``).
"""

from __future__ import annotations

import re

import pandas as pd

from thidua.ingest.continuation import CHOICE_COLUMNS, CONTINUATION
from thidua.text import clean_text, match_key

#: A contact's label at the start of a cell, over its match key: ``Đại diện:``, ``Người đại
#: diện -``, ``(Đầu mối: …``, ``Liên hệ:``, ``Người phụ trách:``, ``Điện thoại:``, ``ĐT:``,
#: ``SĐT:``, ``Email:``; then a colon or a dash, or nothing more in the cell.
_CONTACT = re.compile(
    r"^[(\[*•+-]?\s*(?:nguoi\s+)?(?:dai dien|dau moi|lien he|lien lac|phu trach|dien thoai|dt"
    r"|sdt|so dien thoai|email|e-mail)(?:\s+(?:cua\s+)?(?:tap the|don vi|nhom|mo hinh|co quan))?"
    r"\s*(?:[:-]|$)")
#: The cells looked at for the label, the first filled one of them.
_LABELLED = ("model", "registrant")


def is_contact(text: str) -> bool:
    """Whether a cell's text starts with a contact's label (:data:`_CONTACT`): ``Đại diện:
    Nguyễn Văn An``, ``Người liên hệ - Trần Thị Hoa``, ``Đầu mối`` (alone); never ``Đại diện
    cho người lao động tại doanh nghiệp`` (a model) nor ``Nguyễn Văn An``."""
    return _CONTACT.match(match_key(text)) is not None


def contact_lines(text: pd.DataFrame, labels: pd.Series) -> dict[int, int | None]:
    """Each contact line (Excel row) → the registration row right above it (the nearest
    ``data`` row, past other contact lines), ``None`` when a blank or ignored row comes
    first. ``text``: :func:`thidua.ingest.normalise.form_text` (index: Excel row), ``labels``:
    the rows' labels; only ``data`` rows without ``STT`` and choices are looked at."""
    cells = [c for c in _LABELLED if c in text]
    if not cells:
        return {}
    data = labels.reindex(text.index) == "data"  # a row without a label: none
    bare = data & ((text[[c for c in ("stt", *CHOICE_COLUMNS) if c in text]] == "").all(axis=1))
    if not bare.any():
        return {}
    first = text.loc[bare, cells].apply(lambda row: next((t for t in row if t), ""), axis=1)
    found = {row for row, t in first.items() if t and is_contact(t)}
    if not found:
        return {}
    rows, label = text.index.tolist(), labels.reindex(text.index).tolist()
    out: dict[int, int | None] = {}
    for i, row in enumerate(rows):
        if row not in found:
            continue
        j = i - 1
        while j >= 0 and rows[j] in found:
            j -= 1
        out[row] = rows[j] if j >= 0 and label[j] == "data" else None
    return out


def mark_contacts(labels: pd.Series, text: pd.DataFrame
                  ) -> tuple[pd.Series, dict[int, int | None]]:
    """``labels`` with each contact line (:func:`contact_lines`) :data:`CONTINUATION`, and
    the map; ``labels`` as it is when there is none."""
    found = contact_lines(text, labels)
    if not found:
        return labels, found
    labels = labels.copy()
    labels[list(found)] = CONTINUATION
    return labels, found


def contact_note(found: dict[int, int | None], raw: pd.DataFrame) -> str | None:
    """The line the unit reads about its contact lines (``raw``: the sheet's rows, index
    Excel row), or ``None``: ``… dòng 9 ('Đại diện: Nguyễn Văn An', của đăng ký dòng 8), …``
    (up to five, then how many more)."""
    if not found:
        return None
    def said(row: int, above: int | None) -> str:
        cells = [t for c in _LABELLED if c in raw and (t := clean_text(raw.at[row, c]))]
        whose = f", của đăng ký dòng {above}" if above is not None else ""
        return f"dòng {row} ('{cells[0]}'{whose})"
    pairs = list(found.items())
    shown = ", ".join(said(row, above) for row, above in pairs[:5])
    more = f" và {len(pairs) - 5} dòng khác" if len(pairs) > 5 else ""
    return (f"Các dòng ghi người đại diện hoặc người liên hệ (không có STT, lĩnh vực, hình thức) "
            f"được đọc cùng đăng ký ngay trên, không tính là đăng ký riêng: {shown}{more}. Nếu "
            f"đó là một đăng ký riêng, đề nghị ghi đủ STT, tên mô hình, lĩnh vực, hình thức "
            f"và bỏ chữ ghi trước tên.")
