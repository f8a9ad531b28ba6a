"""Several individuals written in one registrant cell of an individual's row
(``Nguyễn Văn An, Trần Thị Bình``, ``A và B``, ``A; B``, ``A + B``, ``A & B``, ``A / B``,
``A - B``, ``Đ/c A; Đ/c B``, one per line, ``1. A⏎2. B``): the row is that many individual registrations of the same model, each
keeping the row's Excel number, and the unit is told which row became which (an extension of
``spec/submission-form.md``, "one row per registration": fresh tester L's L033, L034, L035,
L042, L045; ``docs/contracts.md``).

Conservative: the cell is split only when every part reads as a person's name
(:func:`is_person_name`: 2 to 6 words, each starting with a capital letter, none an
organisation's word of :data:`schemas.form.COLLECTIVE_WORDS`, no bracket, no digit); a
collective (``Ban Nữ công và Ban Tuyên giáo``), a name with a nickname in brackets, or a cell
with one name stay one registrant.
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME, COLLECTIVE_WORDS, NAMESAKE_PLACES, POSITION_WORDS
from thidua.ingest.normalise import says_nothing
from thidua.ingest.registrant import POSITION_SPLIT, is_position
from thidua.ingest.splitrows import split_rows
from thidua.ingest.values import read_value
from thidua.text import clean_text, match_key

#: Where one person's name ends and the next begins, by kind (lines first): a line break,
#: ``;``, ``+``, ``&``, ``,``, ``và``, ``/`` (not that of ``Đ/c``), and last a dash between
#: spaces (``Nguyễn Văn An - Trần Thị Bình``), which more often ends a name before its
#: position: split by it only when no part is a position (:data:`_DASH`, fresh tester N's
#: N200, N201, N202).
_DASH = re.compile(r"\s+[-–—]\s+")
_SEPARATORS = (re.compile(r"\s*[\r\n\u2028\u2029]+\s*"), re.compile(r"\s*;\s*"),
               re.compile(r"\s*\+\s*"), re.compile(r"\s*&\s*"), re.compile(r"\s*,\s*"),
               re.compile(r"\s+và\s+", re.I), re.compile(r"\s*(?<![Đđ])/(?![cC]\b)\s*"),
               _DASH)
#: A numbering, bullet or ``Đ/c`` before a name (``1.``, ``2)``, ``-``, ``•``, ``Đ/c``, ``Đồng chí``).
_LEAD = re.compile(r"^(?:\d{1,2}\s*[.)]\s*|[-•*+–]\s*)?(?:(?:đ/c|đc|đồng chí)\.?\s+)?", re.I)
#: An organisation's word opening any word of a part (lower case): ``Ban``, ``Công ty``.
_ORGANISATION = tuple(w for w in COLLECTIVE_WORDS)


#: Vietnamese family names (without diacritics, as :func:`thidua.text.match_key` writes them):
#: a person's name starts with one (``Nguyễn``, ``Trần``, ``Tôn Nữ``: ``Ton``), a place does
#: not (``Hà Nội`` has two words only, ``Cầu Giấy`` no family name). Family names that
#: also open a place's or an office's name (``Quan``/``Quận``, ``Văn``, ``Tân``, ``Sơn``,
#: ``Yên``, ``An``) are left out: such a person is written one per row, as the form asks.
SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh dao doan lam "
    "mai trinh truong luu luong ha cao chu ta quach thai kieu lai la van tong ton khuc kim "
    "lu khong cu chau tang thach nghiem dam lo mac tieu giang trieu phung thieu ong au "
    "bach banh bien chung diep dieu giap hua khuat lac lieu ma mach nong ninh sam than "
    "uong vuong vi".split())


def is_person_name(text: str) -> bool:
    """Whether ``text`` reads as one person's name: 3 to 6 words (two are too often a place:
    ``Hà Nội``, ``Hà Đông``), the first a family name (:data:`SURNAMES`), each starting with a
    capital letter, no digit, bracket or other punctuation, and no word or pair of words of
    :data:`schemas.form.COLLECTIVE_WORDS` (``Ban``, ``Trường``, ``Công ty``)."""
    words = text.split()
    if not 3 <= len(words) <= 6 or any(not w[:1].isupper() or not w.isalpha() for w in words) \
            or match_key(words[0]) not in SURNAMES:
        return False
    lower = [w.lower() for w in words]
    return not any(" ".join(lower[i:i + n]) in _ORGANISATION
                   for n in (1, 2, 3) for i in range(len(lower)))


_NAMESAKES = frozenset(match_key(name) for name in NAMESAKE_PLACES)


def is_namesake_place(text: str) -> bool:
    """Whether ``text`` is a person's name that a ward or street of Hà Nội is named after
    (:data:`schemas.form.NAMESAKE_PLACES`; case, accents and spacing aside): ``Lê Đại
    Hành``, ``TRẦN HƯNG ĐẠO``."""
    return match_key(text) in _NAMESAKES


def _reads_as_position(part: str) -> bool:
    """Whether a part of a cell split at a dash reads as a position
    (:func:`thidua.ingest.registrant.is_position`) rather than a person's name: a position
    that is no name (``Chủ tịch CĐCS``), or a name's look-alike whose first two words are a
    position's (``Đoàn Viên Ưu Tú``); ``Trương Thị Mai`` (the family name ``Trương`` reads
    ``truong``, a position's word) is a name."""
    return is_position(part) and (not is_person_name(part)
                                   or match_key(" ".join(part.split()[:2])) in POSITION_WORDS)


def _parts(text: str, separator: re.Pattern) -> list[str]:
    """``text`` split by ``separator``, each part without its numbering or bullet and, split by
    lines, without a comma or semicolon ending its line (``Nguyễn Văn An,⏎Trần Thị Bình``)."""
    parts = [clean_text(_LEAD.sub("", clean_text(p))) for p in separator.split(text) if clean_text(p)]
    if separator is _SEPARATORS[0]:
        parts = [p.rstrip(",;").rstrip() for p in parts]
    return [p for p in parts if p]


def _person(part: str) -> tuple[str, str | None] | None:
    """``(name, None)`` for a person's name (:func:`is_person_name`), ``(name, position)`` for
    a name then its position after a dash, a comma or in brackets (``Nguyễn Văn An - Chủ tịch
    CĐCS``, ``Trần Thị Bình (Phó Chủ tịch CĐCS)``: split at the first of them, the left side a
    name, the right side a position, :func:`thidua.ingest.registrant.is_position`), else
    ``None``."""
    if is_person_name(part):
        return part, None
    found = POSITION_SPLIT.search(part)  # a name has none of them: only the first can end it
    if found is None:
        return None
    name, position = part[:found.start()].strip(), part[found.end():].strip(" )")
    return (name, position) if is_person_name(name) and is_position(position) else None


def people_and_positions(text: object
                         ) -> tuple[list[tuple[str, str | None]], re.Pattern] | None:
    """The people (name, and the position written after it or ``None``) of two or more
    people written in one registrant cell, and the separator that split them; ``None`` when
    the cell does not split into parts each reading as a person's name, perhaps followed by a
    position (:func:`_person`). ``1. A - Chủ tịch CĐCS⏎2. B - Kế toán`` gives ``[(A, Chủ tịch
    CĐCS), (B, Kế toán)]`` (fresh tester L's L173)."""
    if not isinstance(text, str):
        return None
    for separator in _SEPARATORS:
        if not separator.search(text.strip()):
            continue
        parts = _parts(text.strip(), separator)
        if separator is _DASH and any(map(_reads_as_position, parts)):
            continue  # ``Nguyễn Văn An - Đoàn Viên Ưu Tú``: a name and its position
        people = [_person(p) for p in parts]
        if len(people) >= 2 and all(people):
            return people, separator
        if separator is _SEPARATORS[0]:  # lines that are not all names: no other reading
            return None
    return None


#: Where two names may be a person and a place: a comma, a line break or a dash; never
#: ``và``, ``;``, ``+``, ``&`` or ``/``, which join people.
_PLACE_SEPARATORS = (_SEPARATORS[0], _SEPARATORS[4], _DASH)
_NUMBERED = re.compile(r"(?m)^\s*\d{1,2}\s*[.)]")


def is_person_and_place(text: str, found: tuple[list[tuple[str, str | None]], re.Pattern],
                        position: object = None) -> bool:
    """Whether two names of a registrant cell (:func:`people_and_positions`' ``found``) are a
    person and the ward or street they are of, named after a historical figure
    (:func:`is_namesake_place`, either name: ``Nguyễn Văn An, Lê Đại Hành``, ``Lê Đại Hành -
    Lê Văn Cường``; fresh testers T's T139, U's U021–U040): two names only, joined by a
    comma, a line break or a dash, not numbered, no position after either name and the
    ``Chức vụ`` cell (``position``) not split into two. Written as several people (``và``,
    ``1. … 2. …``, a position each, three names), they are people, whatever their names
    (fresh tester V's V005–V007)."""
    people, separator = found
    if len(people) != 2 or separator not in _PLACE_SEPARATORS or _NUMBERED.search(text) \
            or any(held for _, held in people) or _positions(position, 2, separator):
        return False
    return any(is_namesake_place(name) for name, _ in people)


def people_in_cell(text: object) -> tuple[list[str], re.Pattern] | None:
    """The names of two or more people written in one registrant cell, and the separator
    that split them (:func:`people_and_positions` without the positions); ``None`` when the
    cell does not split into people, or names a person and their place
    (:func:`is_person_and_place`). ``1. A⏎2. B`` gives ``[A, B]``."""
    found = people_and_positions(text)
    if found is None or is_person_and_place(text, found):
        return None
    return [name for name, _ in found[0]], found[1]


def positions_of_people(data: pd.DataFrame) -> tuple[pd.DataFrame, frozenset[int]]:
    """``data`` (:func:`thidua.ingest.read.raw_rows` rows, index Excel row) with each
    individual's empty ``position`` given the positions written after the names of its
    registrant cell when it names several people each with one (``1. A - Chủ tịch CĐCS⏎2. B -
    Phó Chủ tịch CĐCS``: ``Chủ tịch CĐCS; Phó Chủ tịch CĐCS``, so that the row is valid and
    :func:`several_people` then gives each person their own), and the Excel rows whose cell
    names several people (whatever their positions): no single position is to be taken out of
    such a cell (:func:`thidua.ingest.registrant.positions_from_registrants` skips them; read
    so, ``1. A - Chủ tịch CĐCS 2. B`` was one name). ``data`` is not modified."""
    if "registrant" not in data or "type" not in data or data.empty:
        return data, frozenset()
    position = data["position"] if "position" in data else pd.Series("", index=data.index)
    rows = [row for row, cell, kind, held in zip(data.index, data["registrant"], data["type"],
                                                 position)
            if isinstance(cell, str) and not clean_text(held)
            and read_value("type", kind).code == "individual"]  # few: a position is required
    found = {row: f for row in rows if (f := people_and_positions(cell := data.at[row, "registrant"]))
             and not is_person_and_place(cell, f)}
    if not found:
        return data, frozenset()
    out = data.copy()
    if "position" not in out:
        out["position"] = ""
    out["position"] = out["position"].astype("object")
    for row, (people, _) in found.items():
        if all(held for _, held in people):
            out.at[row, "position"] = "; ".join(held for _, held in people)
    return out, frozenset(found)


def _positions(text: object, count: int, separator: re.Pattern) -> list[str] | None:
    """``text`` split into ``count`` positions by ``separator``, else by lines, ``;``, ``+``,
    ``&``, ``,``, ``và`` or ``/`` (names joined by commas, positions by semicolons: fresh tester
    V's V005), else ``None``;
    ``None`` too when a part says nothing (``Chủ tịch, -``, ``Tổ trưởng; Không``: read as a
    position, :func:`thidua.ingest.normalise.says_nothing`), so that no person is counted
    with a position the validation would have found missing."""
    if not isinstance(text, str):
        return None
    for sep in dict.fromkeys((separator, *_SEPARATORS[:-1])):  # a dash is no list of positions
        parts = _parts(text.strip(), sep)
        if len(parts) == count:
            return None if any(map(says_nothing, parts)) else parts
    return None


def several_people(valid: pd.DataFrame, raw: pd.DataFrame
                   ) -> tuple[pd.DataFrame, dict[int, list[tuple[str, str | None, int | None]]]]:
    """``valid`` (normalised valid rows, index Excel row) with each individual's row whose
    registrant cell in ``raw`` (as written, same index) names several people
    (:func:`people_in_cell`) made one row per person, in the cell's order, each keeping the
    Excel row as its index: ``registrant`` the person's name, ``position`` the matching part
    of the ``Chức vụ`` cell when it splits into as many parts, else the cell for all. A person
    who repeats another registration of the sheet (the duplicate rule,
    :data:`thidua.ingest.duplicates.DUPLICATE_KEY`) is not counted again. Returns the rows and
    ``{row: [(name, position, the row it repeats or None)]}`` of the rows split (for
    :func:`several_people_note`)."""
    if valid.empty or "registrant" not in raw or "type" not in valid:
        return valid, {}
    individual = valid.index[valid["type"].eq("individual").fillna(False).to_numpy(dtype=bool)
                             & valid.index.isin(raw.index)]
    cells = raw["registrant"].reindex(individual).tolist()  # whole column, not cell by cell
    written = raw["position"].reindex(individual).tolist() if "position" in raw \
        else [None] * len(cells)
    found = {row: f for row, cell, held in zip(individual, cells, written)
             if (f := people_and_positions(cell)) is not None
             and not is_person_and_place(cell, f, held)}
    if not found:
        return valid, {}
    parts: dict[int, list[dict[str, object]]] = {}
    for row, (people, separator) in found.items():
        names = [name for name, _ in people]
        written = raw.at[row, "position"] if "position" in raw else None
        positions = ([held for _, held in people] if all(held for _, held in people)
                     else _positions(written, len(names), separator))
        kept = valid.at[row, "position"] if "position" in valid else None
        parts[row] = [{"registrant": name,
                       "position": p if isinstance(p := (positions[i] if positions is not None
                                                         else kept), str) else None}
                      for i, name in enumerate(names)]
    out, repeats = split_rows(valid, parts)
    return out, {row: [(part["registrant"], part["position"], again)
                       for part, again in zip(parts[row], repeats[row])]
                 for row in repeats}


def several_people_note(split: dict[int, list[tuple[str, str | None, int | None]]]
                        ) -> str | None:
    """The note telling the unit which rows named several people in the registrant cell,
    each counted as one individual registration of the row's model (:func:`several_people`):
    the row, each person with the position counted, a person repeating another row named
    with that row; ``None`` when no row did."""
    if not split:
        return None

    def person(name: str, position: str | None, repeated: int | None) -> str:
        said = f"{name} ({position})" if position else name
        return said if repeated is None else f"{said}: trùng với dòng {repeated}, không tính lại"
    rows = "; ".join(f"dòng {row}: {', '.join(person(*p) for p in people)}"
                     for row, people in sorted(split.items()))
    return (f"Ô '{BY_NAME['registrant'].header}' của cá nhân ghi nhiều người trong một ô, mỗi "
            f"người được tính là một đăng ký cá nhân của cùng mô hình, mang số dòng của ô ấy "
            f"({rows}). Đề nghị từ nay ghi mỗi người một dòng.")
