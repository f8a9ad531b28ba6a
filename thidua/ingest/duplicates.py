"""The duplicate rule (``spec/submission-form.md``, "Errors": "the same model registered twice
in one file … the first is kept, the others are rejected as duplicates"), in a sheet and over
a file's sheets, and its messages.

A later row repeating a rejected first one is still rejected, but told so: when it repeats
the first cell for cell (an exact copy: the same text in every column of the form but STT), it
is rejected only as that copy, its reasons being the first row's ("Lặp lại đúng dòng 8 …"),
never once more for each of them; when it differs elsewhere, it keeps its own reasons and is
told that the first is rejected too, so that one of the two is corrected and the other
deleted (never "chỉ tính dòng 8" of a row not counted).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import by_value, frame_by_value
from thidua.ingest.rejections import rejection_frame, shorten
from thidua.text import clean_text, fold_code, match_key

#: What makes two rows one registration (``spec/submission-form.md``, "Errors": same name,
#: field, type, registrant), and the grassroots union and position, which tell two people of
#: one name (``Nguyễn Văn Hùng`` of two unions) or two unions' ``Ban Chấp hành CĐCS`` apart.
DUPLICATE_KEY = ["model", "field", "type", "registrant", "grassroots_union", "position"]
#: The column compared loosely (:func:`one_union`): left blank or with its place added in one
#: of two rows alike in all else, it is still one union.
UNION = "grassroots_union"


#: A form of address before a person's name (``Ông``, ``Bà``, ``Anh``, ``Chị``, ``Đ/c``,
#: ``Đồng chí``, ``Thầy``, ``Cô``), then a capital: ``Ông Nguyễn Văn An`` is ``Nguyễn Văn An``.
_HONORIFIC = re.compile(r"^\s*(?:ông|bà|anh|chị|cô|thầy|đồng chí|đ/c|đ\.c|đc)\.?\s+",
                        re.IGNORECASE)


def _unaddressed(value: object) -> object:
    """A name without a form of address before it (:data:`_HONORIFIC`) when a capital follows
    (``Bà mẹ …``, ``Chị em …`` keep theirs); any other value as it is."""
    if not isinstance(value, str) or not (found := _HONORIFIC.match(text := clean_text(value))):
        return value
    rest = text[found.end():]
    return rest if rest[:1].isupper() else value


#: Quotation marks of every kind, left out of a duplicate's key wherever they stand: Word's
#: ``“Bữa cơm công đoàn”`` and a typed ``"Bữa cơm công đoàn"`` are one name (fresh tester
#: L's L061).
_QUOTES = dict.fromkeys(map(ord, "\"'“”„‟«»‘’‚‛″〃`´"))


#: Words of positions, unions, schools and companies that units write in full or shortened
#: (match keys → the short form; of two starting alike, the longer first): ``Chủ tịch Công đoàn cơ sở``, ``Chủ tịch
#: CĐCS`` and ``CT CĐCS`` are one position, ``Trường Tiểu học Ánh Dương`` and ``Trường TH Ánh
#: Dương`` one union, in a duplicate's key (fresh tester W's W130, W131, W133: a row repeated
#: with its position or union written the other way was counted twice).
_SHORTENED = (
    ("uy vien ban chap hanh", "uv bch"), ("uy vien ban thuong vu", "uv btv"),
    ("ban chap hanh", "bch"), ("ban thuong vu", "btv"), ("pho chu tich", "pct"),
    ("p chu tich", "pct"), ("p ct", "pct"), ("cd co so", "cdcs"), ("cong doan cs", "cdcs"),
    ("chu tich", "ct"), ("cong doan co so", "cdcs"), ("cong doan bo phan", "cdbp"),
    ("lien doan lao dong", "ldld"), ("cong doan", "cd"), ("trung hoc co so", "thcs"),
    ("trung hoc pho thong", "thpt"), ("tieu hoc", "th"), ("mam non", "mn"),
    ("trach nhiem huu han", "tnhh"), ("co phan", "cp"), ("cong ty", "cty"),
    ("thanh pho", "tp"), ("uy vien", "uv"), ("to truong", "tt"),
)
#: Initials written with dots (``C.Đ.C.S``, ``T.H``: fresh tester Z's Z04J, Z04F), a dot after
#: one letter before a word (``P.Chủ tịch``: Z04I), and ``Trường`` before a school's name
#: (``Trường TH Ánh Dương`` and ``TH Ánh Dương``: Z04G).
_DOTTED = re.compile(r"\b([^\W\d_])\.(?=[^\W\d_]\b|[^\W\d_]\.)")
_LETTER_DOT = re.compile(r"\b([^\W\d_])\.\s*(?=[^\W\d_])")
_SCHOOL = re.compile(r"^truong\s+(?=(?:th|thcs|thpt|mn)\b)")
_SHORTENING = re.compile(r"\b(?:" + "|".join(re.escape(w) for w, _ in _SHORTENED) + r")\b")
_SHORT = dict(_SHORTENED)


def duplicate_key(value: object) -> str:
    """What two cells must share to be the same in a duplicate (``spec/submission-form.md``,
    "Errors": same name, field, type, registrant): :func:`thidua.text.match_key` (case,
    accents, spacing and dashes aside) without punctuation or quotes at either end, so that
    ``Bữa cơm công đoàn`` and ``"bữa cơm  công đoàn."`` are one model (quotes of any kind
    anywhere: ``Mô hình “A” – B`` is ``Mô hình "A" - B``), and without a form of
    address before a name (``Ông Nguyễn Văn An``, ``Đ/c Nguyễn Văn An``: one person); a
    Cyrillic or Greek letter that looks like a Latin one is that letter (:func:`thidua.text.
    fold_code`: a model copied with ``Сamera`` is the row ``Camera`` repeated, fresh tester A's
    F4), as the reader sees it; words written in full or shortened are one (:data:`_SHORTENED`:
    ``Chủ tịch Công đoàn cơ sở`` is ``CT CĐCS``)."""
    key = match_key(fold_code(_unaddressed(value))).translate(_QUOTES)
    key = _LETTER_DOT.sub(r"\1 ", _DOTTED.sub(r"\1", " ".join(key.split())))
    key = _SCHOOL.sub("", _SHORTENING.sub(lambda m: _SHORT[m.group()], key))
    return key.strip(" .,;:!?-")


#: A place after a union's name (``Trường TH Ánh Dương, quận Đống Đa``, ``… - Q. Đống Đa``,
#: ``… (phường Láng Hạ)``, ``…, Hà Nội``), as a duplicate key ends: the union's address, not
#: another union (fresh tester Z's Z04H: counted twice).
_PLACE = re.compile(r"\s*[,(-]\s*(?:(?:quan|huyen|thi xa|tx|tp|phuong|xa|thi tran|q|h|p)\s+"
                    r"[a-z0-9][a-z0-9 ]*|ha noi)\s*\)?$")


#: A place's kind shortened (``Q. Đống Đa``), in full.
_PLACE_KINDS = {"q": "quan", "h": "huyen", "p": "phuong", "tx": "thi xa", "tp": "thanh pho"}


def placeless(key: str) -> tuple[str, frozenset[str]]:
    """A union's duplicate key (:func:`duplicate_key`) without the places after its name
    (:data:`_PLACE`), and those places, their kind in full and the city left out
    (``truong th anh duong, q dong da, ha noi`` → ``("truong th anh duong", {"quan dong
    da"})``)."""
    places = set()
    while (found := _PLACE.search(key)) and found.start() > 0:
        kind, _, name = found.group().strip(" ,(-)").partition(" ")
        if (kind, name) not in (("ha", "noi"), ("tp", "ha noi")):
            places.add(f"{_PLACE_KINDS.get(kind, kind)} {name}".strip())
        key = key[:found.start()]
    return key, frozenset(places)


def one_union(keys: list[str]) -> bool:
    """Whether the union keys of rows alike in all else (model, field, type, registrant,
    position) name one union: the blank ones aside, one name without its places, and places
    that never disagree (each row's places within another's: ``Trường TH A``, ``Trường TH A,
    quận Đống Đa``, ``Trường TH A - Q. Đống Đa, Hà Nội`` and a blank are one; ``…, quận Đống
    Đa`` and ``…, quận Ba Đình`` two; ``Trường TH A``, ``Trường TH B`` and a blank two, and
    the blank of neither: fresh tester W's W132, Z's Z04H)."""
    read = [placeless(k) for k in keys if k]
    return all(_agree(a, b) for a in read for b in read)


def _agree(one: tuple[str, frozenset[str]], other: tuple[str, frozenset[str]]) -> bool:
    """Whether two unions read by :func:`placeless` can be one: the same name, and places
    each within the other's or the other's within its."""
    return one[0] == other[0] and (one[1] <= other[1] or other[1] <= one[1])


def union_firsts(keys: list[str]) -> list[int]:
    """For rows alike in all else (:func:`first_rows`' loose groups, in Excel order), by the
    union keys of their ``Công đoàn cơ sở``: the position of the first row each repeats (its
    own when none). Two rows can be one when their keys are equal, both filled and agreeing
    (:func:`_agree`: ``Trường TH A, quận Đống Đa`` and ``Trường TH A``), or one blank while
    every filled union of the rows is one (:func:`one_union`); a row repeats the first that
    can be it when all the rows that can be it are one union: ``Trường TH A - Q. Đống Đa``
    repeats ``Trường TH A`` whatever namesakes of other unions stand between (ABB7, AB9K), and
    it can be that first one only: a blank beside ``Trường TH A`` and ``Trường TH B``, or
    ``Trường TH A`` beside ``…, quận Đống Đa`` and ``…, quận Ba Đình``, could be either, and
    repeats neither nor is repeated (AB2D: the two districts' rows both counted)."""
    read = [placeless(k) if k else None for k in keys]
    single = one_union(keys)

    def can_be(one: int, other: int) -> bool:
        if keys[one] == keys[other]:
            return True
        if read[one] is None or read[other] is None:
            return single
        return _agree(read[one], read[other])
    alike = [[other for other in range(len(keys)) if can_be(at, other)] for at in range(len(keys))]
    clear = [one_union([keys[other] for other in rows]) for rows in alike]
    return [next((before for before in alike[at] if before < at and
                  (clear[at] and clear[before] or keys[before] == keys[at])), at)
            for at in range(len(keys))]


def first_rows(frames: list[pd.DataFrame]) -> list[pd.Series]:
    """For each row of each frame (normalised rows, index: Excel row) that repeats an earlier
    row of the same frame (:data:`DUPLICATE_KEY`, :func:`duplicate_key`), the Excel row of
    the first, else <NA>: one ``Int64``-able object Series per frame, same index. The keys of
    all the frames are made in one pass over their distinct values and grouped in one call
    (issue 10: a batch of files, not a pass per sheet); a frame's rows are only ever compared
    with its own."""
    sizes = [len(f) for f in frames]
    if not sum(sizes):
        return [pd.Series(pd.NA, index=f.index, dtype=object) for f in frames]
    keys = frame_by_value(pd.concat([f[DUPLICATE_KEY] for f in frames if len(f)],
                                    ignore_index=True), duplicate_key)
    owner = np.repeat(np.arange(len(frames)), sizes)
    rows = np.concatenate([f.index.to_numpy(dtype="int64") for f in frames])
    first = (pd.Series(rows).groupby([owner, *(keys[c] for c in DUPLICATE_KEY)], dropna=False,
                                     sort=False).transform("min").to_numpy(copy=True))
    levels = by_value(pd.concat([f["level"] if "level" in f else pd.Series("", index=f.index)
                                 for f in frames if len(f)], ignore_index=True), match_key)
    alike = pd.Series(rows).groupby([owner, levels, *(keys[c] for c in DUPLICATE_KEY
                                                     if c != UNION)], dropna=False, sort=False)
    loose = alike.transform("min").to_numpy()
    if (loose != first).any():  # rows alike but for their union's key: one union or two?
        unions = keys[UNION].to_numpy()
        for at in alike.indices.values():
            if len(at) > 1 and len(set(unions[at])) > 1:  # a blank union, its place added
                at = at[np.argsort(rows[at], kind="stable")]  # in Excel order (W132, Z04H)
                firsts = rows[at][union_firsts(list(unions[at]))]
                first[at] = np.minimum(first[at], firsts)
    out, start = [], 0
    for frame, size in zip(frames, sizes):
        mine = first[start:start + size].astype(object)
        mine[mine == rows[start:start + size]] = pd.NA
        out.append(pd.Series(mine, index=frame.index, dtype=object))
        start += size
    return out


_SAME = "cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá nhân, chức vụ và công đoàn cơ sở"
#: Said when the two rows' unions are one by :func:`one_union` only.
_SAME_BUT_UNION = ("cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá nhân và chức vụ, cùng "
                   "công đoàn cơ sở (một dòng để trống hoặc ghi thêm địa danh)")


def _same(rows: pd.DataFrame, row: int, first: int) -> str:
    """What two rows of a duplicate share, in Vietnamese: :data:`_SAME`, or
    :data:`_SAME_BUT_UNION` when their unions' keys differ."""
    if UNION in rows and duplicate_key(rows.at[row, UNION]) != duplicate_key(rows.at[first, UNION]):
        return _SAME_BUT_UNION
    return _SAME


def _exact_copy(raw: pd.DataFrame, row: int, first: int) -> bool:
    """Whether Excel row ``row`` holds the same text as ``first`` in every form column of
    ``raw`` but STT."""
    columns = [c for c in raw.columns if c in BY_NAME and c != "stt"]
    return all(clean_text(raw.at[row, c]) == clean_text(raw.at[first, c]) for c in columns)


def duplicate_records(rows: pd.DataFrame, raw: pd.DataFrame, *, file: str, sheet: str,
                      flagged: set[int], rejected: set[int], repeated: pd.Series | None = None
                      ) -> tuple[list[dict], set[int]]:
    """The duplicate rejections of one sheet (``file, sheet, row, column, value, error``, the
    column ``Tên mô hình``), and the rows whose own rejections give way to them (exact copies
    of a rejected first row, module doc). ``rows``: normalised rows, ``raw``: as read (index:
    Excel row); ``flagged``: rows rejected for a cell too long or an Excel error (never said
    to be duplicates); ``rejected``: every row with a rejection of its own; ``repeated``: the
    sheet's :func:`first_rows` when made for a whole batch (else made here)."""
    records, copies = [], set()
    repeats = first_rows([rows])[0] if repeated is None else repeated
    for row, first in repeats.dropna().astype(int).items():
        if row in flagged:
            continue
        if first not in rejected:
            error = f"Trùng với dòng {first}: {_same(rows, row, first)}; chỉ tính dòng {first}."
        elif _exact_copy(raw, row, first):
            copies.add(row)
            error = (f"Lặp lại đúng dòng {first} (dòng {first} bị từ chối, xem lý do ở dòng "
                     f"{first}); khi sửa dòng {first}, đề nghị xóa dòng này.")
        else:
            error = (f"Trùng với dòng {first}: {_same(rows, row, first)}; dòng {first} cũng bị "
                     f"từ chối: đề nghị "
                     f"sửa một trong hai dòng và xóa dòng còn lại.")
        records.append({"file": file, "sheet": sheet, "row": row,
                        "column": BY_NAME["model"].header,
                        "value": shorten(clean_text(raw.at[row, "model"])) if "model" in raw else "",
                        "error": error})
    return records, copies


def duplicates_across_sheets(valid: list[tuple[str, pd.DataFrame]], *, file: str
                             ) -> tuple[list[pd.DataFrame], pd.DataFrame]:
    """The duplicate rule over a file's sheets (``spec/submission-form.md``, "Errors": the same
    model twice in one file; its sheets are one file, an extension of "The file"): a valid row
    of a later sheet that repeats a valid row of an earlier sheet is rejected, naming that
    sheet and row; the first is kept. ``valid``: ``(sheet, valid rows)`` per sheet in workbook
    order (:func:`validate_rows` output, index Excel row; duplicates inside one sheet are
    already rejected there). Returns the valid frames without the rows rejected, in the same
    order, and the rejections (:data:`REJECTION_COLUMNS`)."""
    if sum(1 for _, rows in valid if not rows.empty) <= 1:  # one sheet: no other to repeat
        return [rows for _, rows in valid], rejection_frame([])
    seen: dict[tuple, tuple[str, int]] = {}
    kept, records = [], []
    for sheet, rows in valid:
        if rows.empty:
            kept.append(rows)
            continue
        keys = frame_by_value(rows[DUPLICATE_KEY], duplicate_key)
        dropped = []  # by position: a row of several people is one Excel row for each
        for at, (row, key) in enumerate(zip(rows.index, keys.itertuples(index=False, name=None))):
            first = seen.setdefault(key, (sheet, int(row)))
            if first[0] != sheet:
                dropped.append(at)
                records.append({
                    "file": file, "sheet": sheet, "row": int(row),
                    "column": BY_NAME["model"].header,
                    "value": shorten(clean_text(rows["model"].iloc[at])),
                    "error": f"Trùng với dòng {first[1]} của trang '{first[0]}': cùng tên mô hình, "
                             f"lĩnh vực, hình thức, tập thể/cá nhân, chức vụ và công đoàn cơ sở; "
                             f"chỉ tính dòng {first[1]} của trang '{first[0]}'."})
        kept.append(rows[~np.isin(np.arange(len(rows)), dropped)] if dropped else rows)
    return kept, rejection_frame(records)
