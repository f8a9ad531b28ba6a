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

import pandas as pd

from thidua.ingest.values import read_value
from thidua.text import clean_text, match_key

__all__ = ["NUMBERING", "breakdown_line", "is_count_line", "is_group_line", "lone_union_note",
           "lone_unions"]

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


def lone_unions(text: pd.DataFrame, labels: pd.Series) -> tuple[list[int], list[int]]:
    """The group lines (``subheading``, :func:`is_group_line`) written in ``Tên tập thể/cá
    nhân`` alone, without ``STT``, right under a ``data`` row, in a table no group line heads
    (none above its first ``data`` row): ``([second registrants], [told])``, Excel rows.
    Under a whole registration (``STT``, model, field, type) of a collective named as a union
    itself, the union is a second registrant of that model (fresh tester H's H50: ``Công đoàn cơ sở Trường THCS Lê
    Lợi`` alone under ``Công đoàn cơ sở Trường THCS Văn Yên``'s row was ignored silently as a
    group's name); under another row (an individual's, ``Ban Nữ công`` whose name may go on
    there) it stays a group's name, ignored and told. In a table
    grouped so from its first row a union's line is its group's name, as before. ``text``:
    :func:`thidua.ingest.normalise.form_text`; ``labels``: the rows' labels."""
    needed = ("stt", "model", "field", "type", "registrant")
    if not (labels == "subheading").any() or not set(needed) <= set(text.columns):
        return [], []
    rows, label = text.index.tolist(), labels.reindex(text.index, fill_value="").tolist()
    data = [i for i, k in enumerate(label) if k == "data"]
    if not data:
        return [], []
    if any(label[i] == "subheading" and is_group_line(text.loc[rows[i]].tolist())
           for i in range(data[0])):
        return [], []  # a group line heads the table: a grouped list
    others = [c for c in text.columns if c != "registrant"]
    seconds, told = [], []
    for i in range(data[0] + 1, len(rows)):
        row = rows[i]
        if label[i] != "subheading" or label[i - 1] != "data":
            continue
        cells = text.loc[row]
        if not (cells["registrant"] and (cells[others] == "").all()
                and is_group_line([cells["registrant"]])):
            continue
        above = text.loc[rows[i - 1]]
        whole = all(above[c] for c in needed) and is_group_line([above["registrant"]])
        if whole and read_value("type", above["type"]).code == "collective":
            seconds.append(row)
        else:
            told.append(row)
    return seconds, told


def lone_union_note(raw: pd.DataFrame, rows: list[int]) -> str | None:
    """The line the unit reads about the unions' names :func:`lone_unions` left ignored as a
    group's name (``raw``: the sheet's rows, index Excel row), or ``None``."""
    if not rows:
        return None
    shown = ", ".join(f"dòng {row} ('{clean_text(raw.at[row, 'registrant'])}')"
                      for row in rows[:5]) + (f" và {len(rows) - 5} dòng khác"
                                               if len(rows) > 5 else "")
    return (f"Các dòng chỉ ghi tên một công đoàn ở cột 'Tên tập thể/cá nhân' (không có STT, tên "
            f"mô hình, lĩnh vực, hình thức) đã được hiểu là tên nhóm, không tính là đăng ký: "
            f"{shown}. Nếu đó là tập thể cùng thực hiện mô hình ở dòng trên, đề nghị ghi đủ "
            f"STT, tên mô hình, lĩnh vực, hình thức ở dòng đó.")
