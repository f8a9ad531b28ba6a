"""Text normalisation shared by every step (``spec/submission-form.md``, "Text").

All text from spreadsheets is untrusted and arrives in many shapes: NFD or NFC, with
non-breaking spaces, line breaks inside cells, numbers typed as floats. These helpers turn a cell
into clean NFC text and into a *key* used only for matching (no accents, lower case).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import math
import re
import unicodedata

_SPACES = re.compile(r"\s+")
#: Invisible characters that change how text is shown, never what it says: bidirectional
#: overrides and isolates (which can make a PDF show text other than the data), zero-width
#: characters and the BOM; the word joiner and the invisible operators (U+2060–U+2064), the
#: Mongolian vowel separator, the combining grapheme joiner, the deprecated format characters
#: (U+206A–U+206F) and the interlinear annotation marks: a model holding one looked the same as
#: another and was counted twice (fresh tester M's M083). Removed from untrusted spreadsheet
#: text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d"
                                    "\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
                                    "\u2060\u2061\u2062\u2063\u2064\u180e\u034f"
                                    "\u206a\u206b\u206c\u206d\u206e\u206f\ufff9\ufffa\ufffb"))
#: Dashes, and the full-width forms of ASCII (``０１／２０２４ － １２／２０２４``, ``01／2024``,
#: ``～``: typed with a Chinese or Japanese input method on; fresh tester AA's AA45, AA5C,
#: AA5D: every period so written was unread) and the slashes that look like ``/`` (fraction
#: and division slash), as their ASCII character in a matching key.
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "‒": "-", "―": "-",
                         "﹣": "-", "⁄": "/", "∕": "/",
                         **{chr(cp): chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F)}})
#: Icelandic eth (``Ð`` U+00D0, ``ð`` U+00F0), typed for ``Đ``/``đ`` (U+0110/U+0111) by
#: keyboards and fonts that draw them alike (``CÐCS``, ``XDÐ``; fresh tester J's J006, J018).
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})
#: Excel's escape of a character its XML cannot hold (``_x000B_``: the line break Word's
#: Shift+Enter pastes into a cell), left in the text by readers that do not undo it.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")
#: An HTML character reference with its semicolon (``&amp;``, ``&nbsp;``, ``&#7853;``,
#: ``&aacute;``), as a web system's "Xuất Excel" leaves them; ``R&D`` is no reference.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: An HTML tag of text formatting or lines (``<b>``, ``</p>``, ``<br/>``, ``<span style=…>``);
#: ``<VHXH>``, a code in brackets, is none.
_TAG = re.compile(r"</?(b|i|u|s|p|br|hr|span|div|strong|em|font|sup|sub|small|mark|li|ul|ol)"
                  r"(?:\s[^<>]*)?/?>", re.IGNORECASE)
#: Tags that end a line (the others only format a word).
_LINE_TAGS = frozenset({"br", "p", "div", "hr", "li", "ul", "ol"})


#: What no text cell means and no XML file may hold: C0 and C1 control characters but the
#: white space ones (tab, line breaks, which :data:`_SPACES` makes spaces), DEL, the
#: noncharacters U+FFFE and U+FFFF, a lone half of a surrogate pair, and a terminal's colour
#: codes (``ESC[31m``) whole. Text copied out of a PDF or a terminal keeps them; Excel saves
#: them escaped (``_x0002_``). Written into a workbook they stopped the whole year's run
#: (fresh tester M's M098, M101, M107, M108, M119: openpyxl refuses them).
_CONTROLS = re.compile("\x1b\\[[0-?]*[ -/]*[@-~]|[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f"
                       "\ufffe\uffff\ud800-\udfff]")
#: White space an XML file may not hold either (vertical tab, form feed, the separators).
_XML_SPACES = re.compile("[\x0b\x0c\x1c-\x1f]")


def printable(text: str) -> str:
    """``text`` without :data:`_CONTROLS`, its surrogate pairs joined into their characters
    (``_xD83D__xDC4D_`` → 👍). Text with none is returned as it is (checked first)."""
    if text.isprintable() or not _CONTROLS.search(text):
        return text
    if any("\ud800" <= ch <= "\udfff" for ch in text):  # a pair escaped in halves: one character
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "ignore")
    return _CONTROLS.sub("", text)


def xml_text(text: str) -> str:
    """``text`` as a workbook cell may hold it: :func:`printable`, and the white space XML
    refuses (:data:`_XML_SPACES`) as spaces. What every workbook this project writes passes its
    text through (a file name or a value that did not go through :func:`clean_text`)."""
    return _XML_SPACES.sub(" ", printable(text))


def unescaped(text: str) -> str:
    """``text`` with what a web page or Excel's XML escapes turned back into what it stands
    for: Excel's ``_xHHHH_`` escapes (``_x000B_`` → a line break), HTML character references
    (``Kinh&nbsp;tế``, ``T&#7853;p th&#7875;``, ``C&aacute; nh&acirc;n``) and formatting tags
    (``<b>Kinh tế</b>``; ``<br>``, ``</p>`` end a line). Other text is returned as it is
    (fresh tester L's L055, L063, L065)."""
    if "_x" in text:
        text = _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
    if "<" in text:
        text = _TAG.sub(lambda m: "\n" if m.group(1).lower() in _LINE_TAGS else "", text)
    return text


def clean_text(value: object) -> str:
    """A cell as trimmed NFC text with runs of white space collapsed and invisible
    formatting characters removed, escapes undone (:func:`unescaped`); ``""`` for empty. A leading apostrophe, Excel's mark of
    text typed so (``'01/2024 - 12/2024``, ``'04``), which a CSV keeps as a character, is
    dropped when no other apostrophe follows (``'Tổ 3' và …`` keeps it).

    Floats that hold whole numbers print without ``.0`` (``3.0`` → ``"3"``); dates print as
    ``dd/mm/yyyy``.
    """
    if isinstance(value, str):
        return _clean_str(value)
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return _clean_str(str(value))


#: How many distinct strings the text helpers remember: a unit file repeats the same few
#: values (fields, types, levels, union names) in every row.
_REMEMBERED = 1 << 16


@functools.lru_cache(maxsize=_REMEMBERED)
def _clean_str(text: str) -> str:
    text = unicodedata.normalize("NFC", printable(unescaped(text))).translate(_INVISIBLE)
    text = _SPACES.sub(" ", text).strip()
    if text[:1] == "'" and "'" not in text[1:]:  # Excel's text prefix, kept in a CSV: ``'01/2024``
        text = text[1:].lstrip()
    return text


def match_key(value: object) -> str:
    """A matching key: no accents (``đ`` → ``d``), lower case, dashes unified, spaces collapsed.

    ``"Văn hoá – Xã hội"`` and ``"VĂN HÓA - XÃ HỘI"`` give the same key ``"van hoa - xa hoi"``.
    """
    return _key_of(clean_text(value))


@functools.lru_cache(maxsize=_REMEMBERED)
def _key_of(text: str) -> str:
    text = text.translate(_DASHES).translate(_ETH).replace("đ", "d").replace("Đ", "D")
    stripped = unicodedata.normalize("NFD", text).translate(_combining())
    return _SPACES.sub(" ", stripped.casefold()).strip()


class _CombiningMarks(dict):
    """A ``str.translate`` table removing every combining mark (``unicodedata.combining``
    not 0) and keeping every other character: one C pass over a key instead of a Python test
    per character (issue 10). Filled as characters are met (a key's text holds a few dozen
    distinct ones), never by walking all of Unicode: that walk cost 0,4 s at every start of
    the program, the answer of a run where nothing changed included."""

    def __missing__(self, cp: int) -> int | None:
        kept = None if unicodedata.combining(chr(cp)) else cp
        self[cp] = kept
        return kept


_COMBINING = _CombiningMarks()


def _combining() -> _CombiningMarks:
    """The table of :class:`_CombiningMarks` (one for the process)."""
    return _COMBINING


def compact_key(value: object) -> str:
    """:func:`match_key` without spaces and punctuation: ``"VH - XH"`` → ``"vhxh"``."""
    return re.sub(r"[^0-9a-z]", "", match_key(value))


def word_key(value: object) -> str:
    """:func:`match_key` with punctuation as spaces, words single-spaced: ``"Q-HM_chưa_sửa"``
    → ``"q hm chua sua"``, ``"Không."`` → ``"khong"``."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", match_key(value)).split())


#: The scripts a foreign letter is named by in messages (``confusable_homoglyphs`` aliases).
_SCRIPTS = {"CYRILLIC": "chữ Kirin", "GREEK": "chữ Hy Lạp", "ARMENIAN": "chữ Armenia",
            "HAN": "chữ Hán", "HANGUL": "chữ Hàn", "HIRAGANA": "chữ Nhật", "KATAKANA": "chữ Nhật",
            "THAI": "chữ Thái", "ARABIC": "chữ Ả Rập", "HEBREW": "chữ Do Thái"}


#: Text of only Basic Latin, Latin-1, Latin Extended A/B and Latin Extended Additional (all of
#: Vietnamese), combining marks aside: no letter of it has a Latin look-alike to fold.
_ALL_LATIN = re.compile(r"[\u0000-\u036f\u1e00-\u1eff]*")


@functools.lru_cache(maxsize=4096)
def _latin_twin(char: str) -> str | None:
    """The Latin letter a non-Latin letter looks like (Cyrillic ``С`` → ``C``, Greek ``Τ`` →
    ``T``), from Unicode's confusables.txt (``confusable_homoglyphs``); ``None`` for a Latin
    letter, a letter with no Latin twin (``Д``), or anything that is not a letter."""
    from confusable_homoglyphs import categories, confusables  # loaded on the first such letter

    if not unicodedata.category(char).startswith("L") or categories.alias(char) == "LATIN":
        return None
    found = confusables.is_confusable(char, preferred_aliases=["latin"]) or []
    twins = [g["c"] for hit in found for g in hit["homoglyphs"]
             if len(g["c"]) == 1 and categories.alias(g["c"]) == "LATIN"]
    return min(twins, key=lambda c: (not c.isascii(), c)) if twins else None


def fold_code(value: object) -> str:
    """A code-like cell (a unit code, a field, type, level or result code or value) as the
    Latin text it looks like: :func:`clean_text`, then full-width and compatibility forms
    folded (NFKC: ``Ｑ－ＢＤ`` → ``Q-BD``, then NFC again), then each Cyrillic or Greek letter
    that looks like a Latin one replaced by it (``СQ`` → ``CQ``, ``ТТ`` → ``TT``; Unicode
    confusables.txt). Never for names (models, registrants): only for values read as codes
    (``spec/submission-form.md``, "Text")."""
    text = unicodedata.normalize("NFKC", clean_text(value))
    text = clean_text(unicodedata.normalize("NFC", text)).translate(_ETH)  # ``CÐCS``
    if _ALL_LATIN.fullmatch(text):  # nothing to look up (Vietnamese included)
        return text
    return "".join(_latin_twin(ch) or ch for ch in text)


def foreign_letters_note(value: object) -> str:
    """``" 'ТХ' có chữ 'Т', 'Х' không phải chữ Latinh (chữ Kirin)."`` (with a leading space)
    when a code-like value still holds letters of another script after :func:`fold_code`
    (the unit sees a Latin look-alike on screen), else ``""``. At most three letters named."""
    from confusable_homoglyphs import categories

    text = clean_text(value)
    foreign = list(dict.fromkeys(ch for ch in unicodedata.normalize("NFKC", text)
                                 if unicodedata.category(ch).startswith("L")
                                 and categories.alias(ch) != "LATIN"))
    if not foreign:
        return ""
    scripts = sorted({_SCRIPTS.get(categories.alias(ch), "bảng chữ khác") for ch in foreign})
    letters = ", ".join(f"'{ch}'" for ch in foreign[:3]) + (", …" if len(foreign) > 3 else "")
    return (f" '{text}' có chữ {letters} không phải chữ Latinh ({', '.join(scripts)}); "
            f"đề nghị gõ lại bằng bàn phím tiếng Việt/Latinh.")


#: A year as a number cell formatted ``#,##0`` shows it, or as a number typed as text shows it
#: (``2.024``, ``2,024``, ``2 024``, ``2024.0``, ``2024,00``).
_NUMBER_YEAR = re.compile(r"(?<![\d.,])(\d)[.,\u00a0\u202f ](\d{3})(?![\d.,])|"
                          r"(?<![\d.,])(\d{4})[.,]0+(?![\d.,])")


def year_digits(text: str) -> str:
    """``text`` with each year written as a formatted number (``2.024``, ``2,024``, ``2 024``,
    ``2024.0``) as its four digits (``2024``); other numbers (``12.345``, ``20.24``,
    ``2024.5``) unchanged. Used for the title's ``Năm`` and for ``Thời gian thực hiện``."""
    return _NUMBER_YEAR.sub(lambda m: m[1] + m[2] if m[1] else m[3], text)


#: A letter an encoding could not hold, saved as ``?`` inside a word (``L?nh v?c``, ``S?ng
#: ki?n``): what Excel writes for Vietnamese text saved as "CSV (Comma delimited)" or "CSV
#: (MS-DOS)" on a Windows set to another language. Letters only, so ``1?2`` is not one.
LOST_LETTER = re.compile(r"[^\W\d_]\?[^\W\d_]|[^\W\d_]\?\?")


def rows_said(rows: list[int], limit: int = 10) -> str:
    """Row numbers as a message lists them: the first ``limit`` joined by ``, ``, then
    ``, …`` when there are more (``[5, 6, 7]`` → ``5, 6, 7``)."""
    return ", ".join(map(str, rows[:limit])) + (", …" if len(rows) > limit else "")


def on_sheet(sheet: str, note: str) -> str:
    """A note about sheet ``sheet`` in a file of several sheets: ``Trang 'X': note``, unless
    the note already starts by naming that sheet (``Trang 'X' không có cột …``)."""
    if not sheet or note.startswith(f"Trang '{sheet}'"):
        return note
    return f"Trang '{sheet}': {note}"
