"""Rows a unit withdrew in words: its ``Ghi chú`` says ``Rút đăng ký``, ``Hủy``, ``Huỷ, thay
bằng …``, ``Không đăng ký nữa``, ``Đã rút``, ``Xin rút`` (fresh tester G's 1020: counted
silently). Such a row is ignored (:data:`WITHDRAWN`) and the unit told which rows, as a row
struck through is (:func:`thidua.ingest.cellrules.mark_struck`).

The reading is conservative: the note must BE the withdrawal (after a bullet, a bracket or
``Ghi chú:``; then only why or what instead: :data:`_WITHDRAWAL`), so ``Không hủy``, ``Đăng ký bổ sung``, ``Thay cho mô hình năm
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
#: The withdrawal itself: ``rút``/``hủy``/``thôi``/``xóa``/``bỏ`` (``đã``, ``xin``, ``đề nghị``
#: before it, ``bỏ`` after it: ``Thôi đăng ký``, ``Đã xóa``, ``Bỏ``, ``Xóa dòng này``; fresh
#: tester N's N190–N194), its object at most ``đăng ký`` and ``mô hình (này)`` or ``dòng
#: (này)``; then nothing, or only why
#: or what instead (``Hủy, thay bằng mô hình ở dòng 15``, ``Đã rút vì chuyển công tác``). A
#: note naming anything else withdrawn (``Rút đăng ký mô hình năm 2023, …``, ``Rút tên đồng
#: chí A``, ``Hủy đăng ký cá nhân, chuyển thành tập thể``, ``Rút từ cấp cơ sở lên``, ``Đã
#: rút: 1 thành viên``: fresh tester H's H24, H51) withdraws nothing.
_CORE = (r"(?:(?:da|xin|de nghi|don vi)\s+){0,2}(?:rut|huy|thoi|xoa|bo)(?:\s+bo)?"
         r"(?:\s+(?:dang ky|dang ki|dk)(?:\s+mo hinh(?:\s+nay)?)?|\s+mo hinh(?:\s+nay)?"
         r"|\s+dong(?:\s+nay)?)?")
_TAIL = r"(?:\s*[.!)\]]*|\s*[,.;:\-–(]?\s*(?:thay|vi|do|ly do)\b.*)"
_WITHDRAWAL = re.compile(
    rf"{_CORE}{_TAIL}"
    r"|khong\s+(?:dang ky|dang ki|dk|tham gia|thuc hien)(?:\s+\S+){0,3}?\s+nua\b.*"
    r"|thoi\s+khong\s+(?:dang ky|dang ki|dk)\b.*", re.DOTALL)


def is_withdrawal(note: object) -> bool:
    """Whether a ``Ghi chú`` cell withdraws its row (see the module's rule): any case, with or
    without diacritics (``Rut dang ky``, ``HUỶ``)."""
    text = clean_text(note)
    if not text:
        return False
    key = _LEAD.sub("", match_key(text[:_LOOK]))
    return _WITHDRAWAL.fullmatch(key) is not None


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
