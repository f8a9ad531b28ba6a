"""A coded column written as numbers, with the numbers' meaning given on the sheet.

A unit may fill ``Lĩnh vực`` with the template's numbers ``1`` … ``4`` and give their meaning in
a legend: a line under the table (``Lĩnh vực: 1 - Kinh tế; 2 - Văn hóa - xã hội; 3 - An ninh -
quốc phòng; 4 - Xây dựng HTCT``), a line of the title block, one line per number, or the
column's header cell itself (``Lĩnh vực (1: KT, 2: VHXH, 3: ANQP, 4: XDHTCT)``); the same for
``Hình thức`` (``1 - Tập thể, 2 - Cá nhân``), ``Cấp công đoàn`` and ``Kết quả``. Fresh tester
F's 132: every row was rejected "'1' không hợp lệ ở cột 'Lĩnh vực'", though a person reads
them from the legend.

The keys may also be a template's own codes, a number after one to three letters (``LV1`` …
``LV4`` in the cells, ``Lĩnh vực (LV1: Kinh tế; LV2: VH-XH; …)`` in the header: fresh tester O's
O156).

A legend is read from the sheet's cells: each key written before a separator (``1 -``,
``1:``, ``1.``, ``1)``, ``(1)``, ``1 =``, ``LV1:``) and the text up to the next key, where that text
spells one value of the column as the form does (an exact reading of
:func:`thidua.ingest.values.read_value`: ``Kinh tế``, ``VH-XH``, ``Tập thể``). The column's
legend is every such pair on the sheet when they agree (one value per number, one number per
value) and give two values or more; a number with no meaning there stays as written (and is
rejected as any unknown value is). An extension of ``spec/submission-form.md``, "The header
row" (``docs/contracts.md``).
"""

from __future__ import annotations

import re

from thidua.ingest.values import EXACT, read_value
from thidua.ingest.workbook import Grid
from thidua.text import clean_text, match_key

#: The coded columns a legend may give.
LEGEND_COLUMNS = ("field", "type", "level", "result")
#: A key before its meaning: a number, or a number after one to three letters (``LV1``,
#: ``LV 1``, ``LV.1``: a template's own codes; fresh tester O's O156), then ``-``, ``:``,
#: ``.``, ``)``, ``=``, or the key in brackets (``(1)``); never a date's ``01/2024`` nor a
#: decimal ``1.5``.
_KEY = r"[a-z]{0,3}[ .\-]?\d{1,2}"
_MARK = re.compile(rf"(?<![\w/.,])(?:\(({_KEY})\)|({_KEY})\s*[-–—:=.)])(?![\d/])\s*", re.IGNORECASE)
#: A cell that is nothing but a key (``1``, ``01``, ``(1)``, ``1.``, ``LV1``, ``lv 01``).
_CELL_KEY = re.compile(r"\(?([a-z]{0,3})[ .\-]?0?(\d{1,2})\)?\.?", re.IGNORECASE)
#: What ends a legend's value: separators and brackets around it.
_TRIM = " \t\r\n;,.-–—()[]"


def _key(letters: str, digits: str) -> str:
    """A legend's key as one spelling: ``LV 01`` → ``lv1``, ``01`` → ``1``."""
    return f"{letters.lower()}{int(digits)}"


def legend_pairs(text: str) -> list[tuple[str, str]]:
    """``(key, text)`` of each key (:data:`_MARK`: a number, or letters and a number) written
    before a separator in ``text`` and the text up to the next such key (``"1 - Kinh tế; 2 -
    VH-XH"`` → ``[("1", "Kinh tế"), ("2", "VH-XH")]``; ``"LV1: Kinh tế"`` → ``[("lv1", "Kinh
    tế")]``), separators and brackets trimmed; ``[]`` when there is none."""
    marks = list(_MARK.finditer(text))
    out = []
    for mark, following in zip(marks, [*marks[1:], None]):
        value = text[mark.end():following.start() if following else len(text)].strip(_TRIM)
        if value:
            found = re.fullmatch(r"([a-z]*)[ .\-]?(\d+)", mark.group(1) or mark.group(2), re.I)
            out.append((_key(*found.groups()), value))
    return out


def _code(name: str, text: str) -> str | None:
    """The code of column ``name`` that ``text`` spells as the form does (an exact reading:
    ``Tổ`` read as ``Tập thể`` by approximation is no legend's value)."""
    reading = read_value(name, text)
    return reading.code if reading.how == EXACT else None


def is_legend(text: str) -> bool:
    """Whether ``text`` is a legend line (``Lĩnh vực: 1 - Kinh tế; 2 - Văn hóa - xã hội; …``):
    two numbered texts or more that read as values of one column of
    :data:`LEGEND_COLUMNS`, and no more than as many that do not. Such a line under the table
    is a note, never a registration (``thidua.ingest.normalise.is_signature``)."""
    pairs = legend_pairs(text)
    return any(2 <= (n := sum(_code(name, v) is not None for _, v in pairs))
               and 2 * n >= len(pairs) for name in LEGEND_COLUMNS)


#: A legend's label, alone in its cell or before its text (match keys): ``Chú thích:``, ``Ghi
#: chú``, ``Ký hiệu:``, ``Chữ viết tắt:``, ``* Giải thích các từ viết tắt:``, ``Quy ước``.
_LEGEND_LABEL = re.compile(r"\W*(?:ghi chu|chu thich|chu y|ky hieu|(?:cac )?(?:chu )?viet tat|"
                           r"giai thich|quy uoc)\b[^:;]{0,30}?(?:\s*[:.\-]\s*|$)")
#: Where a legend's entry may be cut into its key and its meaning (match keys; dashes are
#: ``-`` there): ``KT: Kinh tế``, ``KT = Kinh tế``, ``VHXH - Văn hóa - xã hội``, ``KT-Kinh tế``.
_ENTRY_CUTS = (":", "=", " - ", "-", " ")
#: The longest legend entry, in characters: ``XDHTCT - Xây dựng hệ thống chính trị`` has 36
#: (a model's name, a note, is never cut into keys and meanings).
_ENTRY_LONGEST = 80
#: What is trimmed around a legend entry's key and meaning.
_ENTRY_TRIM = " \t.;,:-=*()[]\"'"


def _entry_reads(key: str, meaning: str) -> bool:
    """Whether ``key`` and ``meaning`` (match keys) are one legend entry of a coded column
    (:data:`LEGEND_COLUMNS`): two spellings of one value (``kt`` and ``kinh te``, both read
    exactly as that value), or a number or a template's code (:func:`legend_key`) before a
    value spelled as the form does."""
    key, meaning = key.strip(_ENTRY_TRIM), meaning.strip(_ENTRY_TRIM)
    if key == meaning:  # (an empty key or meaning reads as no value)
        return False
    for name in LEGEND_COLUMNS:
        value = _code(name, meaning)
        if value is not None and (_code(name, key) == value or legend_key(key) is not None):
            return True
    return False


def _entry(text: str) -> bool:
    """Whether ``text`` (a match key) is one legend entry: ``key<cut>meaning`` at any cut of
    :data:`_ENTRY_CUTS` (brackets trimmed: ``Kinh tế (KT)``, ``1 (Kinh tế)``)."""
    if len(text) > _ENTRY_LONGEST:
        return False
    return any(_entry_reads(text[:at.start()], text[at.end():])
               for cut in _ENTRY_CUTS for at in re.finditer(re.escape(cut), text))


#: Where a line may end one legend entry and start the next: at ``;`` or ``,``, or before a
#: short key and its sign (``… Kinh tế VHXH: …``, ``… Tập thể CN = …``, ``… KT - …``) or after
#: a bracket (``Kinh tế (KT) Văn hóa - xã hội (VHXH)``): a
#: cell's lines run together once its text is cleaned.
_NEXT_ENTRY = re.compile(r"[;,]|\s(?=[^\s,;:=]{1,8}\s*(?:[:=]|-\s))|(?<=\))\s")


def _entries(text: str) -> bool:
    """Whether ``text`` (a match key) is legend entries one after the other (:func:`_entry`),
    each the longest run between two places of :data:`_NEXT_ENTRY` that reads as one (a value
    written with a comma or a dash stays whole: ``VHXH - Văn hóa, xã hội``)."""
    bounds = sorted({0, *(m.start() for m in _NEXT_ENTRY.finditer(text)), len(text)})
    at = 0  # the place in ``bounds`` the next entry starts at (an entry takes the signs
    while at < len(bounds) - 1:  # after it: ``KT: Kinh tế;`` ends the text)
        ends = [end for end in range(at + 1, len(bounds))
                if _entry(text[bounds[at]:bounds[end]])]
        if not ends:
            return False
        at = ends[-1]
    return True


def is_legend_line(texts: list[str]) -> bool:
    """Whether a row's texts (each distinct cell's) are a legend of the form's codes, as a
    unit writes it under the table (fresh tester O's O360, O361): a label cell or a label
    before the text (:data:`_LEGEND_LABEL`, optional), then either entries ``KT: Kinh tế;
    VHXH: Văn hóa - xã hội`` in one cell or several (``TT: Tập thể; CN: Cá nhân`` beside),
    or one entry over two cells (``KT`` | ``Kinh tế``, ``1`` | ``Kinh tế``). Each entry's
    key and meaning must be one value of one coded column (:func:`_entry_reads`): a
    registration, whose cells hold one value each in its own column, never is one.

    Such a line is a note, never a registration (``thidua.ingest.normalise.classify_rows``).
    """
    keys = [k for k in dict.fromkeys(match_key(t) for t in texts) if k]
    if keys and (label := _LEGEND_LABEL.match(keys[0])):
        keys = [k for k in (keys[0][label.end():].strip(), *keys[1:]) if k]
    if not keys:
        return False
    if len(keys) == 2 and _entry_reads(*keys):
        return True
    return all(map(_entries, keys))


def legend_key(value: object) -> str | None:
    """The legend's key a cell holds when it is nothing but a small number (``1``, ``1.0``,
    ``"01"``, ``"(1)"`` → ``"1"``) or a number after one to three letters (``"LV1"``, ``"lv
    01"`` → ``"lv1"``), else ``None`` (``True``, ``1.5``, other text)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() and 0 <= value < 100 else None
    match = _CELL_KEY.fullmatch(clean_text(value))
    return _key(*match.groups()) if match else None


def sheet_legends(grid: Grid, names: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Column name (of ``names``, :data:`LEGEND_COLUMNS`) → ``{key: the legend's text for it}``
    (keys as :func:`legend_key` gives them) for each column the sheet's cells give a legend of (module doc). The texts read as
    the column's values; a column whose pairs disagree (one number two values, or one value
    two numbers), or give fewer than two values, has none."""
    found: dict[str, list[tuple[str, str, str]]] = {name: [] for name in names}
    for row in grid:
        for value in row:
            if not isinstance(value, str) or not _MARK.search(value):
                continue
            for number, text in legend_pairs(clean_text(value)):
                for name in names:
                    if (code := _code(name, text)) is not None:
                        found[name].append((number, code, text))
    out = {}
    for name, pairs in found.items():
        by_number = {n: {c for m, c, _ in pairs if m == n} for n, _, _ in pairs}
        by_code = {c: {n for n, d, _ in pairs if d == c} for _, c, _ in pairs}
        if len(by_code) >= 2 and all(len(v) == 1 for v in (*by_number.values(), *by_code.values())):
            out[name] = {n: text for n, _, text in reversed(pairs)}  # the first spelling
    return out


#: A value of each column of :data:`LEGEND_COLUMNS`, as a unit would write it.
EXAMPLES = {"field": "Kinh tế", "type": "Tập thể", "level": "Cơ sở", "result": "Hoàn thành"}


def number_hint(column: str, header: str, value: object) -> str:
    """What a rejection of ``value`` in coded column ``column`` (its header ``header``) adds
    when the value is a number alone (:func:`legend_key`, digits only) and no legend gives it:
    write the value in words, or a legend (leading space); ``""`` otherwise."""
    key = legend_key(value)
    if column not in EXAMPLES or key is None or not key.isdigit():
        return ""
    example = EXAMPLES[column]
    return (f" Ô ghi bằng số: đề nghị ghi rõ bằng chữ (ví dụ '{example}'), hoặc ghi chú thích "
            f"số nào là giá trị nào dưới bảng (ví dụ '{header}: 1 - {example}; 2 - …').")


def _in_order(key: str) -> tuple[str, int]:
    """A key's place in a legend told: by its letters, then its number (``2`` before ``10``)."""
    letters, digits = re.fullmatch(r"(\D*)(\d+)", key).groups()
    return letters, int(digits)


def legend_note(sheet: str, header: str, legend: dict[str, str], rows: list[int]) -> str:
    """The line telling a unit that the numbers of its column ``header`` (rows ``rows``,
    Excel's) were read by the sheet's legend ``legend``."""
    shown = ", ".join(map(str, rows[:10])) + (f" và {len(rows) - 10} dòng khác"
                                               if len(rows) > 10 else "")
    meaning = "; ".join(f"{n.upper()} = {legend[n]}" for n in sorted(legend, key=_in_order))
    where = f"Trang '{sheet}': cột" if sheet else "Cột"
    written = "số" if all(key.isdigit() for key in legend) else "mã"
    return (f"{where} '{header}' ghi bằng {written} ở dòng {shown}; đã đọc theo chú thích trong "
            f"tệp ({meaning}). Đề nghị lần sau ghi rõ {header.lower()} ở từng dòng.")
