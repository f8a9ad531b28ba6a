"""Rows a unit withdrew in words: its ``Ghi chú`` says ``Rút đăng ký``, ``Hủy``, ``Huỷ, thay
bằng …``, ``Không đăng ký nữa``, ``Đã rút``, ``Xin rút`` (fresh tester G's 1020: counted
silently). Such a row is ignored (:data:`WITHDRAWN`) and the unit told which rows, as a row
struck through is (:func:`thidua.ingest.cellrules.mark_struck`).

The reading is conservative: the note must START with the withdrawal (after a bullet, a
bracket or ``Ghi chú:``), so ``Không hủy``, ``Đăng ký bổ sung``, ``Thay cho mô hình năm
2023``, ``Mô hình cũ đã rút, thay bằng mô hình này`` or ``Rút kinh nghiệm …`` never withdraw.
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME
from thidua.text import clean_text, match_key

#: Ignored-row reason of a row whose ``Ghi chú`` withdraws it (``IGNORED_REASONS`` of
#: :mod:`thidua.ingest.normalise`; :func:`mark_withdrawn`).
WITHDRAWN = "withdrawn"

#: Characters of a note looked at (a note is free text; a withdrawal is said first).
_LOOK = 120
_LEAD = re.compile(r"^(?:ghi chu\s*:\s*)?[\s\-*+•·(\[]*")
#: What may follow a bare ``rút`` / ``hủy``: the end, a punctuation mark, or a word that goes
#: on saying why or what instead (``Hủy thay bằng …``, ``Đã rút vì …``); never ``rút kinh
#: nghiệm``, ``huy động``.
_AFTER_BARE = r"(?=$|\s*[,.;:!)\]\-]|\s+(?:thay|vi|do|theo|tu|ngay|tai|o)\b)"
#: The object a withdrawal names (``Rút đăng ký``, ``Hủy mô hình``): anything may follow.
_OBJECT = r"\s+(?:bo\s+)?(?:dang ky|dang ki|dk|mo hinh|ten|khoi danh sach)\b"
_WITHDRAWAL = re.compile(
    rf"^(?:(?:da|xin|de nghi|don vi)\s+){{0,2}}(?:rut|huy)(?:\s+bo)?(?:{_OBJECT}|{_AFTER_BARE})"
    r"|^khong\s+(?:dang ky|dang ki|dk|tham gia|thuc hien)(?:\s+\S+){0,3}?\s+nua\b"
    r"|^thoi\s+khong\s+(?:dang ky|dang ki|dk)\b")


def is_withdrawal(note: object) -> bool:
    """Whether a ``Ghi chú`` cell withdraws its row (see the module's rule): any case, with or
    without diacritics (``Rut dang ky``, ``HUỶ``)."""
    text = clean_text(note)
    if not text:
        return False
    key = _LEAD.sub("", match_key(text[:_LOOK]))
    return _WITHDRAWAL.match(key) is not None


def mark_withdrawn(labels: pd.Series, text: pd.DataFrame) -> pd.Series:
    """``labels`` with each data row whose ``Ghi chú`` (``text``: the cleaned cells of the
    sheet's form columns, same index) withdraws it relabelled :data:`WITHDRAWN`."""
    if "note" not in text.columns or labels.empty:
        return labels
    notes = text["note"].reindex(labels.index)
    hit = (labels == "data") & notes.map(is_withdrawal).astype(bool)
    return labels.mask(hit, WITHDRAWN)


def withdrawn_note(labels: pd.Series, raw: pd.DataFrame, header: str | None = None) -> str | None:
    """The note telling a unit which rows were not counted because their ``Ghi chú`` withdraws
    them (``header``: the unit's own header of that column), ``None`` when none."""
    rows = [int(r) for r in labels.index[labels == WITHDRAWN]]
    if not rows:
        return None
    column = header or BY_NAME["note"].header
    said = list(dict.fromkeys(f"'{clean_text(raw.at[r, 'note'])}'" for r in rows
                              if "note" in raw.columns))[:3]
    return (f"{len(rows)} dòng có ghi chú rút đăng ký ở cột '{column}' "
            f"({', '.join(said)}) không được tính (bỏ qua): dòng {', '.join(map(str, rows))}. "
            f"Nếu vẫn đăng ký, đề nghị xóa ghi chú đó rồi gửi lại.")
