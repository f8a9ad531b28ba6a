"""A unit of the registry named by its name in a sheet (``LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH``,
``LĐLĐ q. Ba Đình``): in a title block that has no code (``spec/submission-form.md``, "Which
unit and which year"; ``docs/contracts.md``), or alone on a line typed under a sheet's header,
where another unit's list was pasted (``docs/contracts.md``, "A title line below the header").
"""

from __future__ import annotations

import functools
import re

from thidua.ingest.unitcodes import registry_code
from thidua.text import fold_code, match_key

__all__ = ["name_key", "other_unit_named", "unit_by_name", "unit_by_sheet_name", "unit_by_variant",
           "unit_coded", "unit_in_cell", "unit_in_line", "unit_named"]

#: Short forms of a unit name's words in titles (``LĐLĐ quận Ba Đình``), as match keys.
_NAME_SHORT = (("ldld", "lien doan lao dong"), ("cdcs", "cong doan co so"), ("cd", "cong doan"),
               ("cdn", "cong doan nganh"),
               ("tp", "thanh pho"), ("tx", "thi xa"), ("q", "quan"), ("h", "huyen"))
#: ``… Hà Nội`` (``… thành phố Hà Nội``) at the end of a registry name, which titles leave out.
_CITY = re.compile(r"( thanh pho)? ha noi$")


def name_key(text: str) -> str:
    """A unit name as words without diacritics, short forms spelled out, punctuation as
    spaces: ``LĐLĐ Q. Ba Đình`` → ``lien doan lao dong quan ba dinh``."""
    words = re.findall(r"[a-z0-9]+", match_key(text))
    full = dict(_NAME_SHORT)
    return " ".join(full.get(w, w) for w in words)


@functools.lru_cache(maxsize=64)
def _keys(names: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Code → the name's key without ``… Hà Nội`` at its end, for ``names`` as pairs."""
    return {code: _CITY.sub("", name_key(name)) for code, name in names}


def _pairs(names: dict[str, str] | tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(names.items())) if isinstance(names, dict) else tuple(names)


def unit_by_name(lines: tuple[str, ...], names: dict[str, str]) -> str | None:
    """The one unit of ``names`` (code → registry name) whose whole name a title line holds
    (``LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH``, ``LĐLĐ quận Ba Đình``), else ``None`` (no unit, or
    several: a line naming the Federation itself names no unit under it)."""
    keys = {code: f" {key} " for code, key in _keys(_pairs(names)).items()}
    found = {code for line in lines for code, key in keys.items()
             if key.strip() and key in f" {name_key(line)} "}
    # a name inside another found name (``… Hà Nội`` in ``Cơ quan LĐLĐ … Hà Nội``) gives way
    found = {c for c in found if not any(o != c and keys[c] in keys[o] for o in found)}
    if not found:  # ``CÔNG ĐOÀN XÃ BÁT TRÀNG``: one commune of a union of several (2025)
        found = {code for line in lines if (code := group_of_place(line, names))}
    return found.pop() if len(found) == 1 else None


#: A unit of several communes or wards (Hà Nội from 01/07/2025: ``Công đoàn các xã Phù Đổng,
#: Thuận An và Bát Tràng``), over its registry name; and a line naming one commune or ward
#: (``CÔNG ĐOÀN XÃ BÁT TRÀNG``, ``Xã Bát Tràng``), over its key.
_GROUP_NAME = re.compile(r"(?i)^\s*công đoàn các (xã|phường)\s+(.+?)\s*$")
_ONE_PLACE = re.compile(r"^(?:(?:cong doan|lien doan lao dong) )?(xa|phuong) (.+)$")


@functools.lru_cache(maxsize=64)
def _groups(names: tuple[tuple[str, str], ...]) -> dict[tuple[str, str], tuple[str, ...]]:
    """``(kind, place key)`` → the codes of the units of several places naming it."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for code, name in names:
        if m := _GROUP_NAME.match(name):
            kind = name_key(m[1])
            for place in re.split(r"\s*[,;]\s*(?:và\s+)?|\s+(?:và|&)\s+", m[2]):
                if key := name_key(place):
                    found[(kind, key)] = (*found.get((kind, key), ()), code)
    return found


def group_of_place(line: str, names: dict[str, str] | tuple[tuple[str, str], ...]) -> str | None:
    """The code of the one unit of ``names`` whose name lists the commune or ward a title line
    names alone (``CÔNG ĐOÀN XÃ BÁT TRÀNG`` → ``Công đoàn các xã Phù Đổng, Thuận An và Bát
    Tràng``; fresh tester M's M069: the file was rejected, no unit found), else ``None`` (no
    such line, no such unit, or two). A ward is never a commune (``phường`` ≠ ``xã``)."""
    if len(line) > 100 or not (m := _ONE_PLACE.match(_CITY.sub("", name_key(line)))):
        return None
    codes = _groups(_pairs(names)).get((m[1], m[2]), ())
    return codes[0] if len(codes) == 1 else None


#: What may stand before a unit's name on a line of its own: a numbering (``II.``, ``B)``) and
#: a label (``Đơn vị:``, ``Tên đơn vị báo cáo -``), over the name's key.
_BEFORE_NAME = re.compile(r"^(?:(?:[ivxlc]+|\d{1,2}|[a-e]) )?"
                          r"(?:(?:ten )?(?:don vi|co quan)(?: bao cao| gui| dang ky)? )?")
#: A unit code after the name (``LĐLĐ quận Ba Đình (Q-BD)``, ``… - Q-BD``): letters and digits
#: in capitals joined by dashes, in brackets or after a dash, at the end of the cell.
_CODE_AFTER = re.compile(r"\s*(?:[-–(\[]\s*)?(?<!\w)[A-Z0-9]+(?:-[A-Z0-9]+)+\s*[)\]]?\s*$")


def unit_named(text: str, names: dict[str, str] | tuple[tuple[str, str], ...]) -> str | None:
    """The code of the unit of ``names`` (code → registry name, or its pairs) that ``text`` is
    the name of, all of it (``LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH``, ``Đơn vị: LĐLĐ q. Ba Đình``,
    ``II. Công đoàn ngành Y tế Hà Nội (N-YT)``: a numbering, a ``Đơn vị:`` label and a code
    after it allowed), else ``None``. Unlike :func:`unit_by_name`, a text that only mentions a
    unit (``Phối hợp với LĐLĐ quận Ba Đình``) names none: a model may."""
    if not text or len(text) > 200:
        return None
    key = _CITY.sub("", _BEFORE_NAME.sub("", name_key(_CODE_AFTER.sub("", text)), count=1))
    if not key:
        return None
    found = [code for code, name in _keys(_pairs(names)).items() if name == key]
    return found[0] if len(found) == 1 else None


def unit_coded(text: str, names: dict[str, str] | tuple[tuple[str, str], ...]) -> str | None:
    """The code of the unit of ``names`` that ``text`` is the code of, written alone in a cell
    (``Q-BD``, ``q.bd``, ``Q BD``: :func:`thidua.ingest.unitcodes.registry_code`), else
    ``None``. Two letters alone (``VC``, ``CQ``, which a cell may hold for other reasons) and
    a code without its dash (``QBD``) are not read as a unit here."""
    text = text.strip()
    if not text or len(text) > 30:
        return None
    code = registry_code(text, frozenset(code for code, _ in _pairs(names)))
    if code is None or not (code in text.upper() and len(code) >= 3 or "-" in code
                            and any(sep in text for sep in "-.–_ ")):
        return None
    return code


#: The words before a place's name in a unit's name (``Liên đoàn Lao động quận``, ``Công đoàn
#: phường``), over its key: what a sheet named after the unit leaves out (``Ba Đình``).
_PLACE = re.compile(r"^(?:lien doan lao dong |cong doan )?(quan|huyen|thi xa|phuong|xa|cac xa) ")


def _place(key: str) -> tuple[str, str] | None:
    """The kind and the name of the place in a unit name's key (``… quận Ba Đình`` →
    ``("quan", "ba dinh")``), else None."""
    return (found[1], key[found.end():]) if (found := _PLACE.match(key)) else None


def unit_by_sheet_name(text: str, names: dict[str, str] | tuple[tuple[str, str], ...]
                       ) -> str | None:
    """The unit of ``names`` a sheet's name names: its code (``Q-BD``, :func:`unit_coded`),
    its whole name (:func:`unit_named`; ``Ngành Y tế`` for ``Công đoàn ngành Y tế``), or the
    place a unit of a place is named after (``Ba Đình``, ``LĐLĐ Ba Đình``, ``Quận Ba Đình``:
    the one unit of that place; ``None`` when two are, as a district and its ward in 2025).
    A sheet's name may also be a code without its dash in capitals (``QBD``, ``TXST``), never
    two letters (``VC``, ``KT``). A field's or a type's name (``Kinh tế``, ``Tập thể``),
    ``Giáo dục`` or ``Viên chức`` alone names none."""
    if found := unit_coded(text, names) or unit_named(text, names):
        return found
    if re.fullmatch(r"[A-Z0-9]{3,8}", text.strip()) and "-" in (found := registry_code(
            text, frozenset(code for code, _ in _pairs(names))) or ""):
        return found  # ``QBD``: a code without its dash, in capitals, alone as a sheet's name
    if name_key(text).startswith("nganh ") and (found := unit_named(f"Công đoàn {text}", names)):
        return found  # ``Ngành Y tế``; ``Viên chức`` alone may be a sheet of civil servants
    if re.match(r"cong doan (?!nganh )", name_key(text)) \
            and (found := unit_named(re.sub(r"(?i)^\s*(công đoàn|cđ)\s+", "Công đoàn ngành ",
                                            text), names)):
        return found  # ``Công đoàn Y tế Hà Nội`` for ``Công đoàn ngành Y tế Hà Nội``
    key = name_key(text)
    kind, place = _place(key) or (None, re.sub(r"^(?:lien doan lao dong|cong doan) ", "", key))
    places = [code for code, name in _keys(_pairs(names)).items()
              if (its := _place(name)) and its[1] == place and kind in (None, its[0])]
    return places[0] if len(places) == 1 else None  # ``phường Đống Đa`` is no ``quận Đống Đa``


#: A title naming one unit by its name and another by its code (``LĐLĐ QUẬN BA ĐÌNH`` above
#: ``Mã đơn vị: Q-HK``): the code decides (``spec/submission-form.md``, "Which unit and which
#: year": the code is the unit's key), and the unit is told (the ae_name_vs_code case).
def other_unit_named(lines: tuple[str, ...], unit: str, names: dict[str, str]) -> str | None:
    """The line telling the unit that its title names another unit of the registry than the
    one its code gives: ``Tiêu đề ghi tên đơn vị 'LĐLĐ quận Ba Đình' (Q-BD) nhưng mã đơn vị
    là 'Q-HK'; …``. ``lines``: the title's cells (:attr:`TitleBlock.lines`); ``unit``: the
    code the file counts for; ``names``: code → registry name of the accepted units. ``None``
    when the title names no unit, several (the Federation's heading), or ``unit`` itself."""
    named = unit_by_name(lines, names)
    if named is None or named == unit:
        return None
    mine = f" ({names[unit]})" if unit in names else ""
    return (f"Tiêu đề ghi tên đơn vị '{names[named]}' ({named}) nhưng mã đơn vị là '{unit}'; "
            f"tệp được tính cho '{unit}'{mine}. Nếu tệp là của {names[named]}, đề nghị sửa mã "
            f"đơn vị thành '{named}' và gửi lại; nếu không, sửa tên đơn vị ở tiêu đề.")


#: A label before a unit on a line of its own (``Đơn vị:``, ``Tên đơn vị báo cáo -``), over the
#: text; and a count after it (``(03 mô hình)``).
_LINE_LABEL = re.compile(r"(?i)^\s*(?:tên\s+)?đơn\s+vị(?:\s+(?:báo cáo|gửi|đăng ký))?\s*[:\-–]\s*")
_COUNT_AFTER = re.compile(r"\s*[(\[]\s*\d+\s*(?:mô hình|đăng ký|dòng)?\s*[)\]]\s*$", re.I)
#: Words that make a line name a unit rather than a place (``LĐLĐ Ba Đình``, ``Quận Ba Đình``,
#: ``Công đoàn quận Ba Đình``), over the name's key: ``Ba Đình`` alone may end a wrapped model.
_UNIT_WORD = re.compile(r"^(?:lien doan lao dong|cong doan|quan|huyen|thi xa) ")


def unit_in_line(text: str, names: dict[str, str] | tuple[tuple[str, str], ...]) -> str | None:
    """The unit a line of its own under the header names (``docs/contracts.md``, "Another
    unit's list pasted under the header"): its whole name (:func:`unit_named`), its code
    (:func:`unit_coded`), either after ``Đơn vị:`` and before a count (``(03 mô hình)``), or
    a short name with a unit's word (``LĐLĐ Ba Đình``, ``QUẬN BA ĐÌNH``, ``Công đoàn quận Ba
    Đình``, ``Công đoàn Y tế Hà Nội``, ``CĐN Giáo dục``, ``Công đoàn Viên chức TP``:
    :func:`unit_by_sheet_name`); ``None`` otherwise (``Ba Đình`` alone, a model)."""
    text = _COUNT_AFTER.sub("", _LINE_LABEL.sub("", text, count=1))
    if not text or len(text) > 200:
        return None
    if found := unit_named(text, names) or unit_coded(text, names):
        return found
    key = re.sub(r"( thanh pho)?( ha noi)?$", "", name_key(text))
    if not _UNIT_WORD.match(key):
        return None
    return unit_named(key, names) or unit_by_sheet_name(text, names)


def sheet_name_note(sheet: str, unit: str, names: dict[str, str]) -> str | None:
    """The line telling a unit that the sheet its file is read from (the first one read) is
    named after another unit of ``names`` (code → registry name; :func:`unit_by_sheet_name`)
    than the file's ``unit``, which its title or its file name gave: its rows count for
    ``unit`` (the code decides, ``spec/submission-form.md``, "Which unit and which year");
    ``None`` otherwise. A later sheet so named without a title of its own has its rows
    rejected instead (:mod:`thidua.ingest.sheettitle`)."""
    code = unit_by_sheet_name(sheet, names) if names and sheet else None
    if code in (None, unit):
        return None
    return (f"Trang '{sheet}' mang tên đơn vị '{code}' trong danh mục, nhưng tệp là của đơn vị "
            f"'{unit}' (theo mã ở tiêu đề hoặc tên tệp): đã tính các dòng của trang cho đơn vị "
            f"'{unit}'. Nếu đây là danh sách của đơn vị '{code}', đề nghị gửi trong tệp của đơn "
            f"vị đó; nếu không, đề nghị đổi tên trang.")


#: Short forms of a unit name's words that titles use beyond :data:`_NAME_SHORT`, as match keys.
_VARIANT_SHORT = {"p": "phuong", "x": "xa", "hn": "ha noi", "kcn": "khu cong nghiep",
                  "cx": "che xuat", "gtvt": "giao thong van tai", "nn": "nong nghiep",
                  "ptnt": "phat trien nong thon", "dm": "det may", "ct": "cong thuong",
                  "gd": "giao duc", "yt": "y te", "xd": "xay dung", "vc": "vien chuc",
                  "tt": "thi tran", "ldld": "lien doan lao dong", "cd": "cong doan",
                  "cdn": "cong doan nganh", "q": "quan", "h": "huyen", "tx": "thi xa",
                  "tp": "thanh pho"}
#: The words of a unit name that say what kind of union it is or where the city is, over the
#: key: what is left is the unit's own words (``dong da``, ``y te``, ``giao thong van tai``).
_UNIT_WORDS = re.compile(r"\b(?:ban thuong vu|lien doan lao dong|cong doan|nganh|thanh pho ha noi"
                         r"|tp ha noi|ha noi|thu do|va|cac)\b")
#: The kind of place a unit is named after, over the key (``quận``, ``thị xã``, ``phường``).
_KIND = re.compile(r"\b(quan|huyen|thi xa|thanh pho|phuong|xa)\b")
#: Words that make a title line name a union (over the key before the unit words go).
_NAMES_UNION = re.compile(r"\b(?:lien doan lao dong|cong doan)\b|^(?:quan|huyen|thi xa|phuong|xa)\b")
#: Kinds of place a district-level unit was or is named after (``thị xã Hà Đông``, now a quận).
_DISTRICT = {"quan", "huyen", "thi xa", "thanh pho"}


def _kind_fits(written: str | None, kind: str | None) -> bool:
    """Whether a line's kind of place may name a unit of ``kind``: none written, the same, or
    two district kinds (an old name); a ward's or commune's must be the same."""
    return written in (None, kind) or written in _DISTRICT and kind in _DISTRICT


#: The federation's short form written otherwise, over a line's words: ``L.Đ.L.Đ``, ``LĐ-LĐ``,
#: ``Liên đoàn LĐ`` (fresh tester J's J121).
_FEDERATION = re.compile(r"\b(?:l d l d|ld ld|lien doan ld)\b")
#: A kind of place as a line writes it, short (``Q.``) or whole (``quận``), over its words.
_KIND_WORDS = frozenset({"q", "h", "p", "x", "tx", "quan", "huyen", "phuong", "xa"})


def _variant_key(text: str, initials: bool = False) -> str:
    """A title line's words for :func:`unit_by_variant`: look-alike letters folded (Eth ``Ð``,
    Cyrillic ``Т``), without diacritics, short forms (``LĐLĐ``, ``L.Đ.L.Đ``, ``LĐ-LĐ``, ``CĐ``,
    ``P.``, ``GTVT``, ``KCN``, ``CX``, ``NN&PTNT``) spelled out. With ``initials``, the words
    after the kind of place are kept as written (``H.TT``: the initials of a place, never
    ``thị trấn``)."""
    text = fold_code(text.replace("Ð", "Đ").replace("ð", "đ"))
    words = _FEDERATION.sub("ldld", " ".join(re.findall(r"[a-z0-9]+", match_key(text)))).split()
    out, placed = [], False
    for w in words:
        out.append(w if placed else _VARIANT_SHORT.get(w, w))
        placed = placed or initials and w in _KIND_WORDS
    return " ".join(out)


def _abbreviates(written: str, own: str) -> bool:
    """Whether a place's words as a title wrote them abbreviate a unit's own words: its
    initials in one word (``hbt`` for ``hai ba trung``), or word for word
    each the same or its first letter (``t xuan`` for ``thanh xuan``), one at least so."""
    mine, theirs = written.split(), own.split()
    if len(mine) == 1 and len(theirs) >= 2 and mine[0].isalpha():
        return mine[0] == "".join(w[0] for w in theirs)
    return len(mine) == len(theirs) and mine != theirs and all(
        a == b or len(a) == 1 and b.startswith(a) for a, b in zip(mine, theirs))


def _core(key: str) -> tuple[str | None, str]:
    """``(kind, own words)`` of a name's key (:func:`_variant_key`): ``liên đoàn lao động quận
    Đống Đa`` → ``("quan", "dong da")``, ``công đoàn ngành Y tế Hà Nội`` → ``(None, "y te")``,
    ``huyện Đan Phượng`` → ``("huyen", "dan phuong")``."""
    rest = " ".join(_UNIT_WORDS.sub(" ", key).split())
    # a kind comes before its place: ``phường``/``xã`` ending the words is the place's own word
    # (``huyện Đan Phượng``, ``xã Đoài Phương``, ``… và Hoà Xá``), never its kind
    end = re.search(r" (?:phuong|xa)$", rest)
    body, tail = (rest[:end.start()], end.group(0)) if end else (rest, "")
    kinds = _KIND.findall(body)
    return (kinds[0] if kinds else None), " ".join((_KIND.sub(" ", body) + tail).split())


def _one_letter_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter typed for another (same length)."""
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1


def unit_by_variant(lines: tuple[str, ...], names: dict[str, str]
                    ) -> tuple[str | None, str | None, tuple[str, ...]]:
    """The unit of ``names`` (code → registry name) a title line names by an ordinary variant
    of its name, when no line holds a whole name (:func:`unit_by_name`): its own words in
    another order or among other union words (``QUẬN ĐỐNG ĐA - LIÊN ĐOÀN LAO ĐỘNG``, ``CÔNG ĐOÀN
    Y TẾ HÀ NỘI``, ``CÔNG ĐOÀN GIÁO DỤC THÀNH PHỐ HÀ NỘI``), short forms (``CĐ NGÀNH GTVT HÀ
    NỘI``, ``CĐ P. LÁNG``), look-alike letters (``ÐÔNG ANH``, ``ТÂY HỒ``), one letter typed for
    another in own words of 6 letters or more (``HOÀNG MAY``), an old kind of place
    (``THỊ XÃ HÀ ĐÔNG``) when no unit of that kind has the name, the federation's short form
    written otherwise (``L.Đ.L.Đ``, ``LĐ-LĐ``, ``Liên đoàn LĐ``), and after a kind of place its
    initials (``LĐLĐ Q.HBT``, ``LĐLĐ QUẬN T.XUÂN``: :func:`_abbreviates`; initials of two
    units, ``H.TT``, name none and are said). The line must hold nothing
    else, and one unit only may be named. Returns ``(code, line, units)``: the code and the
    line, or ``None`` and the line that seemed to name a unit with the units it may name
    (two or more: ``huyện Từ Liêm``), or ``(None, None, ())``."""
    cores = {code: _core(_variant_key(name)) for code, name in names.items()}
    found: dict[str, str] = {}
    seemed: tuple[str | None, tuple[str, ...]] = (None, ())
    for line in lines:
        key = _variant_key(line)
        if not key or len(key) > 120 or not _NAMES_UNION.search(key):
            continue
        kind, own = _core(key)
        if not own or not re.search(r"[a-z]", own):
            continue
        same = [c for c, (k, o) in cores.items() if o == own]
        if kind and len(same) > 1:
            same = [c for c in same if cores[c][0] == kind] or same
        same = [c for c in same if _kind_fits(kind, cores[c][0])]
        if not same and len(own.replace(" ", "")) >= 6:
            same = [c for c, (k, o) in cores.items() if _one_letter_apart(o, own)
                    and _kind_fits(kind, k)]
        if len(same) == 1:
            found.setdefault(same[0], line)
            continue
        if not same and kind:  # ``Q.HBT``, ``QUẬN T.XUÂN``: a kind of place, then initials
            written = _core(_variant_key(line, initials=True))[1]
            same = [c for c, (k, o) in cores.items() if _abbreviates(written, o)
                    and _kind_fits(kind, k)]
            same = [c for c in same if cores[c][0] == kind] if len(same) > 1 and [
                c for c in same if cores[c][0] == kind] else same
            if len(same) == 1:
                found.setdefault(same[0], line)
                continue
        if not same:
            same = [c for c, (k, o) in cores.items() if o.endswith(" " + own)
                    and _kind_fits(kind, k)]
        if len(same) > 1 or not seemed[0]:
            seemed = (line, tuple(sorted(same)) if len(same) > 1 else ())
    if len(found) == 1:
        code, line = next(iter(found.items()))
        return code, line, ()
    return None, seemed[0], seemed[1]


def unit_in_cell(text: str, names: dict[str, str] | tuple[tuple[str, str], ...]) -> str | None:
    """The code of the unit of ``names`` (code → registry name) a cell where a unit code is
    expected (a ``Mã đơn vị`` column's, a title's ``Mã đơn vị:`` value) names by its name
    instead, in any spelling a title line's is read (:func:`unit_in_line`: ``LĐLĐ quận Đống
    Đa``, ``Liên đoàn Lao động quận Đống Đa``, ``QUẬN ĐỐNG ĐA``; else an ordinary variant,
    :func:`unit_by_variant`: ``Quận Đống Đa - LĐLĐ``, ``LĐLĐ Q.ĐĐ``), else ``None`` (fresh
    tester N's N209)."""
    names = dict(names)
    return unit_in_line(text, names) or unit_by_variant((text,), names)[0]
