"""Lines inside a unit's table that are neither registrations nor the form's headings
(``spec/submission-form.md``, "Rows that are not data"; ``docs/contracts.md``, "Group lines"):

- a **group line** naming the grassroots union (or the workplace) the rows under it come
  from: ``Công đoàn cơ sở Công ty Điện lực Hoàn Kiếm``, ``CĐCS Trường Tiểu học Trần Quốc
  Toản``, ``II`` | ``Công đoàn phường Đống Đa``, ``Đơn vị: Trường THCS Trưng Vương``, often
  merged across the table. A district's list is grouped so. Read as a row it was rejected as a
  registration missing four fields, or glued onto the model above it (a continuation): a
  published name not the model's own;
- a **count line** under the table: ``(Danh sách gồm 06 mô hình)``, ``Danh sách này có 06 mô
  hình, đã được Ban Thường vụ thông qua``: a total in words;
- a **breakdown line** of a total: ``Trong đó: Tập thể`` | ``2``, ``Cá nhân`` | ``1`` under
  ``Tổng cộng``, ``Trong đó: tập thể 02, cá nhân 01``, ``- Kinh tế: 5``: a type or a field with
  its count.

Both are ignored (``subheading``, ``totals``), never rejected, never joined to a row.
"""

from __future__ import annotations

import re

from thidua.ingest.values import read_value
from thidua.text import match_key

__all__ = ["NUMBERING", "breakdown_line", "is_count_line", "is_group_line"]

#: A numbering before a heading's or a group's name (``I.``, ``2)``, ``B``), over the match
#: key: the field sub-headings' (:func:`thidua.ingest.normalise.is_subheading`) too.
NUMBERING = re.compile(r"^(?:[ivxlcdm]+|\d+|[a-z])(?:[.)/:-]|\s*[.)])?\s+")
#: How a group's name starts, over the match key: a grassroots union (``Công đoàn cơ sở``,
#: ``CĐCS``, ``Công đoàn bộ phận``, ``Tổ công đoàn``), a union named after its workplace or
#: place (``Công đoàn phường …``, ``Công đoàn Công ty …``, ``Công đoàn Trường …``), an
#: emulation cluster (``Cụm thi đua số 1: …``), or the title block's ``Đơn vị:`` label.
#: ``Công đoàn đồng hành …`` (a model) is none of them.
_GROUP = re.compile(
    r"^(?:cong doan co so|cd co so|cdcs|cong doan bo phan|to cong doan|cong doan thanh phan"
    r"|(?:cong doan|cd) (?:phuong|xa|thi tran|quan|huyen|nganh|cong ty|tong cong ty|truong"
    r"|benh vien|co quan|khoi|chi nhanh|nha may|xi nghiep|trung tam|ban|so|vien|ubnd|uy ban)"
    r"|cum thi dua|khoi thi dua|don vi\s*:)\s*\S")
#: A total in words under the table, over the match key: ``(Danh sách gồm 06 mô hình)``.
_COUNT = re.compile(r"^\(?\s*(?:danh sach|bang|bieu)(?: (?:nay|tren|dang ky))? (?:gom|co|la)"
                    r" (?:tong (?:cong|so) )?\d+ (?:mo hinh|dang ky|dong|tap the|ca nhan)")


def is_group_line(texts: list[str]) -> bool:
    """Whether a row's texts (its non-empty cells; a merged cell repeated counts once) are a
    group's name alone, after an optional numbering in its own cell or before it
    (:data:`_GROUP`): ``Công đoàn cơ sở Công ty X``, ``I`` | ``CĐCS phường Ba Đình``."""
    parts = list(dict.fromkeys(t for t in texts if t))
    if not parts or len(parts) > 2:
        return False
    if len(parts) == 2 and not NUMBERING.match(match_key(parts[0]) + " "):
        return False
    key = NUMBERING.sub("", match_key(" ".join(parts)), count=1)
    return bool(_GROUP.match(key))


def is_count_line(texts: list[str]) -> bool:
    """Whether a row's one text is a total in words (:data:`_COUNT`): ``(Danh sách gồm 06 mô
    hình)``, ``Danh sách này có 6 mô hình, đã được Ban Thường vụ thông qua``."""
    parts = list(dict.fromkeys(t for t in texts if t))
    return len(parts) == 1 and bool(_COUNT.match(match_key(parts[0]) + " "))


#: What opens a breakdown of a total, over the match key: ``Trong đó:``, ``Gồm``, ``Bao gồm``.
_BREAKDOWN_LEAD = re.compile(r"^(?:trong do|trong so do|bao gom|gom)\s*[:,-]?\s*")
#: One part of a breakdown: a name, then its count (``tập thể: 02``, ``cá nhân 1 mô hình``).
_BREAKDOWN_PART = re.compile(r"^[-+*•]?\s*(?:(?P<name>[^\d:=]+?)\s*[:=-]?\s*(?P<count>\d{1,5})?"
                             r"(?:\s*(?:mo hinh|dang ky))?|(?P<first>\d{1,5})\s*(?:mo hinh\s*)?"
                             r"(?P<after>[^\d:=]+?))\s*\.?$")


def breakdown_line(texts: list[str]) -> str | None:
    """``"lead"`` when a row's texts break a total down after ``Trong đó``/``Gồm``/``Bao
    gồm`` (``Trong đó: Tập thể`` | ``2``, ``Trong đó: tập thể 02, cá nhân 01``), ``"bare"``
    when they do so without it (``Cá nhân`` | ``1``, ``- Kinh tế: 5``: a breakdown only right
    under a total, which the caller checks); ``None`` otherwise. Each part names a type or a
    field read exactly, and at least one part has its count; at most three cells."""
    parts = list(dict.fromkeys(t for t in texts if t))
    if not parts or len(parts) > 3:
        return None
    key = " ".join(match_key(p) for p in parts)
    bare = _BREAKDOWN_LEAD.sub("", key, count=1)
    counted = False
    for piece in re.split(r"\s*[,;]\s*", bare):
        found = _BREAKDOWN_PART.match(piece)
        name = found and (found["name"] or found["after"])
        if not name or not any(read_value(column, name).how == "exact"
                               for column in ("type", "field")):
            return None
        counted = counted or found["count"] is not None or found["first"] is not None
    return ("lead" if bare != key else "bare") if counted else None
