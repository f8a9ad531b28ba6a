"""Heading lines that split a unit's table by bloc, part or workplace, not by field or type
(``spec/submission-form.md``, "Rows that are not data": sub-heading rows are not
registrations; ``docs/contracts.md``, "Bloc, part and workplace headings"):

- a **bloc heading**: ``I`` | ``KHỐI CƠ SỞ``, ``II. KHỐI CẤP TRÊN CƠ SỞ`` merged across the
  table, ``Khối doanh nghiệp ngoài nhà nước``, ``A. Khối HCSN (06 mô hình)``, with the bloc's
  level repeated in ``Cấp công đoàn`` (``KHỐI CƠ SỞ`` | … | ``Cơ sở``);
- a **part heading**: ``PHẦN I: KHỐI DOANH NGHIỆP``, ``Phần thứ hai - Cơ quan LĐLĐ quận``;
- a **workplace line**: ``2`` | ``Trường Tiểu học Ánh Dương``, ``3`` | ``Công ty TNHH Thực
  phẩm Nam Thành``, ``Cơ quan LĐLĐ quận``: the union a group of rows comes from, named by its
  workplace in the model's cell (a ``Công đoàn cơ sở …`` line is a group line already,
  :func:`thidua.ingest.grouplines.is_group_line`).

Read as rows they were rejected as registrations missing ``Hình thức``, ``Lĩnh vực`` and
``Tên tập thể/cá nhân`` (fresh tester AA's AA08, AA10, AA11, AA3A, AA3C, AA3D, AA58), or, without
an ``STT``, glued onto the model above them as a continuation (AA12, AA39, AA3B, AA4B, AA4C: the
first, with no registration above it, rejected). Each is a sub-heading, ignored. A row with a
field, a type or a registrant is never one (:func:`thidua.ingest.normalise.classify_rows` asks
for neither field nor type; this asks for no registrant): ``Khối đoàn kết công nhân`` with its
field and type is a registration, and so named alone it stays a row to reject (its words name
no bloc).
"""

from __future__ import annotations

import re

from thidua.ingest.grouplines import NUMBERING, is_group_line
from thidua.ingest.values import read_value
from thidua.text import match_key

__all__ = ["is_bloc_heading", "is_heading_line", "is_workplace_line"]

#: What a bloc is named after, over the match key (``Khối cơ sở``, ``Khối doanh nghiệp``,
#: ``Khối HCSN``, ``Khối trường học``, ``Khối các cơ quan …``): never ``Khối đoàn kết …``.
_BLOC_WORDS = (
    r"co so|cap tren|truc thuoc|doanh nghiep|dn|hanh chinh|hcsn|hc sn|hc-sn|su nghiep|truong"
    r"|giao duc|mam non|tieu hoc|thcs|thpt|co quan|y te|benh vien|san xuat|kinh doanh"
    r"|ngoai nha nuoc|nha nuoc|ngoai quoc doanh|quoc doanh|fdi|von|cong nghiep|khu cong nghiep"
    r"|kcn|dich vu|thuong mai|ngan hang|tai chinh|xay dung|giao thong|nong nghiep"
    r"|phuong|xa|quan|huyen|thi tran|thi xa|cong doan|ldld|lien doan|dang|doan the|mat tran"
    r"|chinh quyen|ubnd|uy ban|van phong|nganh|tu nhan|cong ty|nha may|xi nghiep|luc luong"
    r"|vu trang|cong an|quan su|hop tac xa|htx|dia phuong|trung uong|thanh pho|tp|cap"
    r"|van hoa|khoa hoc|cong chuc|vien chuc|lao dong|cac (?:co quan|don vi|doanh nghiep"
    r"|truong|cong doan|nganh)|don vi")
#: A part's label: ``Phần I``, ``PHẦN 2``, ``Phần A``, ``Phần thứ nhất`` (match keys).
_PART = (r"phan\s+(?:thu\s+(?:nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi)|[ivxlc]{1,5}|\d{1,2}"
         r"|[a-e])(?![^\W_])")
#: A heading, after its numbering and its count: a part (and its name), or a bloc.
_HEADING = re.compile(rf"(?:{_PART}(?:\s*[:.)\-–]\s*|\s+)?(?:\S.{{0,120}})?"
                      rf"|khoi\s+(?:{_BLOC_WORDS})(?![^\W_]).{{0,100}})")
#: A bloc of any name with its count (``KHỐI VẬN TẢI (05 mô hình)``): a heading too.
_ANY_BLOC = re.compile(r"khoi\s+[^\W\d_]+.{0,100}")
#: A count after a heading (match keys): ``(06 mô hình)``, ``- 06 mô hình``, ``: gồm 6 đăng
#: ký``, ``(02 tập thể, 04 cá nhân)``.
_COUNT = re.compile(r"\s*[-–:,]?\s*[(\[]?\s*(?:gom|co|tong so|tong|so luong|sl)?\s*:?\s*"
                    r"\d{1,4}\s*(?:mo hinh|dang ky|tap the|ca nhan|don vi|dong|mh)\b[^)\]]*"
                    r"[)\]]?\s*\.?$")
#: How a workplace's name starts (match keys): ``Công ty …``, ``Trường Tiểu học …``,
#: ``Bệnh viện …``, ``Cơ quan LĐLĐ quận``, ``UBND phường …``: never ``Trường học hạnh phúc``
#: (a model), ``Trung tâm …`` nor ``Công đoàn đồng hành …``.
_WORKPLACE = re.compile(
    r"(?:cong ty|tong cong ty|cty|chi nhanh|nha may|xi nghiep|benh vien|co quan|ubnd"
    r"|uy ban nhan dan|hop tac xa|htx|ngan hang|phong giao duc|lien doan lao dong|ldld"
    r"|van phong (?:ubnd|uy ban|quan|huyen|hdnd)"
    r"|truong (?:mam non|mau giao|tieu hoc|th|thcs|thpt|trung hoc|cao dang|dai hoc|trung cap"
    r"|pho thong|ptdt|mn|chinh tri|boi duong|quoc te|dan lap|tu thuc|nghiep vu))\s+\S")


def _parts(texts: list[str]) -> list[str]:
    return list(dict.fromkeys(t for t in texts if t))


def _heading_key(texts: list[str]) -> str | None:
    """The match key of a heading's name: one text, or a numbering (``I``, ``A.``, ``2)``,
    ``PHẦN I``) and one text, without the numbering (a count after it, ``(06 mô hình)``, is
    read with the name); ``None`` for a row of more: a registrant, a field or a type of its
    own beside a model makes a registration."""
    parts = _parts(texts)
    if not 1 <= len(parts) <= 2:
        return None
    if len(parts) == 2 and not (NUMBERING.fullmatch(match_key(parts[0]) + " ")
                                or re.fullmatch(_PART + r"\s*[:.)\-–]?", match_key(parts[0]))):
        return None  # two cells: a numbering (or a part's label), then the heading
    key = match_key(" ".join(parts)).strip()
    return NUMBERING.sub("", key, count=1)


def is_bloc_heading(texts: list[str]) -> bool:
    """Whether a row's texts (its non-empty cells, a merge counted once) are a bloc's or a
    part's heading alone (:data:`_HEADING`): ``I`` | ``KHỐI CƠ SỞ``, ``II. KHỐI CẤP TRÊN CƠ
    SỞ (02 mô hình)``, ``Khối HCSN``, ``PHẦN I: KHỐI DOANH NGHIỆP``, ``Phần thứ nhất``; a
    ``Khối`` of another name only with its count (``KHỐI VẬN TẢI (05 mô hình)``)."""
    key = _heading_key(texts)
    if not key:
        return False
    counted = _COUNT.search(match_key(" ".join(_parts(texts)))) is not None
    return bool(_HEADING.fullmatch(key) or counted and _ANY_BLOC.fullmatch(key))


def is_workplace_line(texts: list[str]) -> bool:
    """Whether a row's texts are a workplace's name alone, after an optional numbering
    (:data:`_WORKPLACE`) and with a proper name after its first words (a word in capitals or
    a number): ``3`` | ``Công ty TNHH Thực phẩm Nam Thành``, ``Trường Tiểu học Ánh Dương``,
    ``Cơ quan LĐLĐ quận``; never ``Công ty và công nhân cùng phát triển`` (a model). The
    caller checks it stands in the model's cell."""
    key = _heading_key(texts)
    found = _WORKPLACE.match(key) if key else None
    if not found:
        return False
    words = " ".join(_parts(texts)).split()  # a proper name after the prefix (``Công ty …
    # May X``), the numbering's words left out: the key's words are the text's, one for one
    numbered = len(words) - len(NUMBERING.sub("", match_key(" ".join(words)), count=1).split())
    after = words[numbered + len(found.group(0).split()) - 1:]
    return any(w[:1].isupper() or w[:1].isdigit() for w in after)


def _without_level(cells: dict[str, str]) -> dict[str, str]:
    """``cells`` without a ``Cấp công đoàn`` that reads exactly as a level and differs from
    the other cells (the bloc's level repeated in its column: ``KHỐI CƠ SỞ`` | ``Cơ sở``)."""
    level = cells.get("level", "")
    others = {c: t for c, t in cells.items() if c != "level"}
    if level and others and level not in others.values() \
            and read_value("level", level).how == "exact":
        return others
    return cells


def is_heading_line(cells: dict[str, str]) -> bool:
    """Whether a row (``cells``: its form columns' cleaned texts by column name, as
    :func:`thidua.ingest.normalise.form_text` gives them) is a bloc's, a part's or a
    workplace's heading (:func:`is_bloc_heading`, :func:`is_workplace_line`), or a group
    line (:func:`thidua.ingest.grouplines.is_group_line`) with its level repeated. Its level
    repeated in ``Cấp công đoàn`` is no value of its own. A registrant beside the heading's
    text (not the same text merged over the row) makes it a row of the table (two texts, the
    first no numbering: :func:`_heading_key`); a workplace's name, or a group's beside its
    level, must fill the model's cell: a registrant's wrapped second line (``Trường THCS …``)
    or a registration's second half (``Công đoàn cơ sở X`` | … | ``Cấp trên trực tiếp cơ
    sở``: :func:`thidua.ingest.continuation.halves`) is none."""
    given = {c: t for c, t in cells.items() if t}
    filled = _without_level(given)
    texts = list(filled.values())
    if not texts:
        return False
    if is_bloc_heading(texts):
        return True
    in_model = filled.get("model") == _parts(texts)[-1]
    if in_model and filled is not given and is_group_line(texts):
        return True  # ``Công đoàn cơ sở Công ty X`` | … | ``Cơ sở``
    return in_model and is_workplace_line(texts)
