"""Text typed in a legacy 8-bit Vietnamese font encoding: detected and converted to Unicode.

Source: ``spec/submission-form.md`` ("Text"): text in TCVN3 (ABC, fonts ``.VnTime``) or VNI
(``VNI-Times``) "must be detected and either converted or rejected with a message saying which
encoding was found; it must never be counted under a garbled field name".

In a workbook such text arrives as Latin-1 characters: TCVN3 puts each Vietnamese letter in one
8-bit code (``"Kinh tÕ"`` is *Kinh tế*, ``"Tr­êng"`` *Trường*), VNI writes a base letter followed
by a mark character (``"Kinh teá"``, ``"Vaên hoùa"``). Detection does not guess from single
characters, which Unicode Vietnamese also uses (``á``, ``ê``, ``ó``): each candidate reading of a
cell is scored by how many of its words are well-formed Vietnamese syllables
(:func:`syllable_score`), and a cell is converted only when a legacy reading is strictly better
than the text as read. A sheet is in a legacy encoding when several distinct cells are
(:func:`detect_encoding`); a sheet where both encodings win many cells is ambiguous and the
file is rejected (:class:`MixedEncodings`).

Tables: TCVN3 is TCVN 5712:1993 (glibc's ``TCVN5712-1`` agrees byte for byte, checked in
``tests/test_legacy.py``); VNI is built from its structure (vowel + tone-mark character, the
same layout as the VNI table of the xvnkb keyboard driver) and checked on real words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from schemas.form import VOCABULARY

TCVN3_NAME, VNI_NAME = "TCVN3 (ABC)", "VNI"

# --- TCVN3 (TCVN 5712:1993, VN3 plane as Excel shows it: byte value = code point) ---------
_TCVN3_BYTES = {
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAD: "ư", 0xAE: "đ", 0xAF: "Ằ",
    0xB5: "à", 0xB6: "ả", 0xB7: "ã", 0xB8: "á", 0xB9: "ạ", 0xBA: "Ẳ", 0xBB: "ằ", 0xBC: "ẳ",
    0xBD: "ẵ", 0xBE: "ắ", 0xBF: "Ẵ", 0xC0: "Ắ", 0xC1: "Ầ", 0xC2: "Ẩ", 0xC3: "Ẫ", 0xC4: "Ấ",
    0xC5: "Ề", 0xC6: "ặ", 0xC7: "ầ", 0xC8: "ẩ", 0xC9: "ẫ", 0xCA: "ấ", 0xCB: "ậ", 0xCC: "è",
    0xCD: "Ể", 0xCE: "ẻ", 0xCF: "ẽ", 0xD0: "é", 0xD1: "ẹ", 0xD2: "ề", 0xD3: "ể", 0xD4: "ễ",
    0xD5: "ế", 0xD6: "ệ", 0xD7: "ì", 0xD8: "ỉ", 0xD9: "Ễ", 0xDA: "Ế", 0xDB: "Ồ", 0xDC: "ĩ",
    0xDD: "í", 0xDE: "ị", 0xDF: "ò", 0xE0: "Ổ", 0xE1: "ỏ", 0xE2: "õ", 0xE3: "ó", 0xE4: "ọ",
    0xE5: "ồ", 0xE6: "ổ", 0xE7: "ỗ", 0xE8: "ố", 0xE9: "ộ", 0xEA: "ờ", 0xEB: "ở", 0xEC: "ỡ",
    0xED: "ớ", 0xEE: "ợ", 0xEF: "ù", 0xF0: "Ỗ", 0xF1: "ủ", 0xF2: "ũ", 0xF3: "ú", 0xF4: "ụ",
    0xF5: "ừ", 0xF6: "ử", 0xF7: "ữ", 0xF8: "ứ", 0xF9: "ự", 0xFA: "ỳ", 0xFB: "ỷ", 0xFC: "ỹ",
    0xFD: "ý", 0xFE: "ỵ", 0xFF: "Ố",
}
#: Character as read (U+00A1..U+00FF) → Unicode letter.
TCVN3: dict[str, str] = {chr(b): u for b, u in _TCVN3_BYTES.items()}
#: TCVN3's five tone marks typed after the vowel (0xB0..0xB4: huyền, hỏi, ngã, sắc, nặng), as
#: glibc's ``TCVN5712-1`` reads them; composed with the letter before them.
TCVN3_TONES: dict[str, str] = {"\xb0": "\u0300", "\xb1": "\u0309", "\xb2": "\u0303",
                               "\xb3": "\u0301", "\xb4": "\u0323"}

# --- VNI (VNI-Windows): base vowel + mark character ------------------------------------------
_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
#: VNI mark character (lower case; the upper-case one is the same mark) → combining marks.
_VNI_MARKS = {
    "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "â": _CIRCUMFLEX, "á": _CIRCUMFLEX + _ACUTE, "à": _CIRCUMFLEX + _GRAVE,
    "å": _CIRCUMFLEX + _HOOK, "ã": _CIRCUMFLEX + _TILDE, "ä": _CIRCUMFLEX + _DOT,
    "ê": _BREVE, "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK,
    "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}
#: Letters VNI writes with one character of their own.
_VNI_SINGLES = {"ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
                "î": "ỵ"}
#: Base letters VNI marks with a following character; ``i`` takes only the five tones
#: (``chiùnh`` is *chính*, as some VNI keyboards type it beside the single ``í``).
_VNI_BASES = {"a": "a", "e": "e", "i": "i", "o": "o", "u": "u", "y": "y", "ô": "o" + _HORN,
              "ö": "u" + _HORN}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for single, letter in _VNI_SINGLES.items():
        table[single], table[single.upper()] = letter, letter.upper()
    for base, decomposed in _VNI_BASES.items():
        for mark, combining in _VNI_MARKS.items():
            letter = unicodedata.normalize("NFC", decomposed + combining)
            if len(letter) != 1 or not _is_vietnamese_letter(letter):
                continue  # e.g. e + breve: no such Vietnamese letter
            for b in (base, base.upper()):
                for m in (mark, mark.upper()):
                    table[b + m] = letter.upper() if b.isupper() else letter
    return table


def _is_vietnamese_letter(letter: str) -> bool:
    base = unicodedata.normalize("NFD", letter)[0]
    marks = unicodedata.normalize("NFD", letter)[1:]
    allowed = {"a": {"", _CIRCUMFLEX, _BREVE}, "e": {"", _CIRCUMFLEX}, "o": {"", _CIRCUMFLEX, _HORN},
               "u": {"", _HORN}, "y": {""}, "i": {""}}
    modifier = "".join(m for m in marks if m in (_CIRCUMFLEX, _BREVE, _HORN))
    return modifier in allowed.get(base.lower(), set())


#: VNI character or pair as read → Unicode letter.
VNI: dict[str, str] = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))


def decode_tcvn3(text: str) -> str:
    """Text read from a TCVN3 (ABC) cell as Unicode NFC: ``"Kinh tÕ"`` → ``"Kinh tế"``; a
    tone typed as its own code after the vowel (:data:`TCVN3_TONES`) is composed with it."""
    decoded = "".join(TCVN3.get(ch) or TCVN3_TONES.get(ch, ch) for ch in text)
    return unicodedata.normalize("NFC", decoded) if any(t in text for t in TCVN3_TONES) else decoded


def decode_vni(text: str) -> str:
    """Text read from a VNI cell as Unicode NFC: ``"Vaên hoùa"`` → ``"Văn hóa"``."""
    return _VNI_PATTERN.sub(lambda m: VNI[m.group()], text)


DECODERS = {TCVN3_NAME: decode_tcvn3, VNI_NAME: decode_vni}

# --- how Vietnamese is a text? -----------------------------------------------------------
_ONSET = "ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx]"
#: Vowel nuclei that may take a final consonant, and those ending in a glide that never do
#: (*chịu* but no *chiunh*: a VNI ``iù`` left unconverted is not a syllable).
_NUCLEI = "a ă â e ê i o ô ơ u ư y iê oa oă oe uâ uê uô uơ uy ươ yê uyê".split()
_OPEN_NUCLEI = ("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oao oay oeo "
                "uây uôi uya uyu ươi ươu").split()


def _alternatives(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_SYLLABLE = re.compile(f"({_ONSET})?(?:({_alternatives(_NUCLEI)})(ch|nh|ng|[cmnpt])?"
                       f"|({_alternatives(_OPEN_NUCLEI)}))")
_TONE_MARKS = {_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT}
_MIXED_CASE = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]")  # "tÕ": a capital after a small letter
_WORD_SPLIT = re.compile(r"[\s0-9!\"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~–—“”‘’…]+")


def is_syllable(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (onset, vowel nucleus, final,
    at most one tone; a syllable ending in p, t, c, ch takes only the sắc or nặng tone)."""
    parts = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in parts if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
    m = _SYLLABLE.fullmatch(base)
    if not m:
        return False
    if m.group(3) in ("c", "ch", "p", "t"):
        return bool(tones) and tones[0] in (_ACUTE, _DOT)
    return True


def syllable_score(text: str) -> int:
    """Words with a non-ASCII character that are Vietnamese syllables, minus those that are not
    (ASCII words count 0: every reading of a cell leaves them as they are)."""
    score = 0
    for word in _WORD_SPLIT.split(unicodedata.normalize("NFC", text)):
        if word and not word.isascii():
            score += 1 if is_syllable(word) and not _MIXED_CASE.search(word) else -1
    return score


def _candidate(text: str) -> bool:
    """A cell that a legacy font could have produced: some non-ASCII, all within Latin-1."""
    if text.isascii():
        return False
    try:
        text.encode("latin-1")  # every character below U+0100
    except UnicodeEncodeError:
        return False
    return True


def best_reading(text: str) -> str | None:
    """The legacy encoding whose reading of ``text`` is strictly more Vietnamese than the text
    as read and than the other encoding's reading; ``None`` when no reading stands out."""
    if not _candidate(text):
        return None
    scores = {name: syllable_score(decode(text)) for name, decode in DECODERS.items()}
    best = max(scores, key=scores.get)
    others = [s for n, s in scores.items() if n != best] + [syllable_score(text)]
    return best if scores[best] > max(others) else None


class MixedEncodings(ValueError):
    """A sheet written partly in TCVN3 and partly in VNI: no safe single conversion."""


def detect_encoding(texts: Iterable[object]) -> str | None:
    """The legacy encoding of a sheet's cells (:data:`TCVN3_NAME`, :data:`VNI_NAME`) or
    ``None`` for Unicode.

    Votes over distinct text cells (:func:`best_reading`): an encoding needs two cells, or one
    when the sheet has a single candidate cell. Raises :class:`MixedEncodings` (message: the
    two names) when both encodings win at least two cells and the smaller share is at least a
    fifth of the larger.
    """
    distinct = {t for t in set(texts) if isinstance(t, str) and _candidate(t)}
    votes = {TCVN3_NAME: 0, VNI_NAME: 0}
    for text in distinct:
        if (reading := best_reading(text)) is not None:
            votes[reading] += 1
    (top, n_top), (low, n_low) = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    if n_low >= 2 and n_low * 5 >= n_top:
        raise MixedEncodings(f"{top} và {low}")
    return top if n_top >= 2 or (n_top == 1 and len(distinct) == 1) else None


def convert_cell(value: object, encoding: str) -> object:
    """A cell of a sheet in ``encoding``, in Unicode when that reading is more Vietnamese than
    the cell as read (on a tie: when it is one of the form's words, e.g. ``"Ghi chó"`` →
    ``"Ghi chú"``, while a Unicode ``"Cá nhân"`` stays); other cells (numbers, dates, Unicode text typed beside the legacy text)
    are returned unchanged."""
    if isinstance(value, str) and _candidate(value):
        converted = DECODERS[encoding](value)
        gain = syllable_score(converted) - syllable_score(value)
        if gain > 0 or (gain == 0 and _known(converted) and not _known(value)):
            return converted
    return value


def _known(text: str) -> bool:
    """Whether a cell is one of the form's headers or accepted values, as spelled."""
    return " ".join(unicodedata.normalize("NFC", text).lower().split()) in VOCABULARY


def encode_tcvn3(text: str) -> str:
    """Unicode text as a TCVN3 font shows it in a cell (for test fixtures). Capitals with a
    tone have no code of their own: like the ``.VnTimeH`` fonts, they take the small letter's."""
    inverse = {u: ch for ch, u in TCVN3.items()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(inverse.get(ch) or inverse.get(ch.lower()) or ch)
    return "".join(out)


def encode_vni(text: str) -> str:
    """Unicode text as a VNI font shows it in a cell (for test fixtures)."""
    inverse: dict[str, str] = {}
    for chars, letter in sorted(VNI.items(), key=lambda kv: (len(kv[0]), kv[0])):
        if len(chars) == 1 or chars[1].islower() == letter.islower():
            inverse.setdefault(letter, chars)
    return "".join(inverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


#: Characters a legacy encoding leaves behind that Vietnamese Unicode text never uses.
_FOREIGN = {TCVN3_NAME: set("¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿ÆÇËÎÏÐÑÖ×ØÛÞßäåæçëîïðñö÷øûüþÿ"),
            VNI_NAME: set("øåäëüöñæïîØÅÄËÜÖÑÆÏÎ")}
#: A vowel followed by a VNI mark character: a pair the VNI table has no letter for.
_VNI_PAIR = re.compile("[aeiouyAEIOUY][" + re.escape("".join(_VNI_MARKS)).upper()
                       + re.escape("".join(_VNI_MARKS)) + "]")


def undecoded_words(text: object, encoding: str) -> list[str]:
    """The words of a cell (after conversion from ``encoding``) that still hold text of that
    encoding: not a Vietnamese syllable, and holding a character Vietnamese Unicode never
    uses (``ñ``, ``ö``, ``¸``…) or, for VNI, a vowel followed by a mark character that no
    letter of the VNI table explains (``chiùnh`` when ``iù`` is not converted). Issue 9.5:
    such a row is rejected, naming the encoding, never counted half-converted."""
    if not isinstance(text, str) or text.isascii():
        return []
    if encoding.startswith(MOJIBAKE):  # a cell left misread: a lost letter not told for sure
        name = encoding.removeprefix(MOJIBAKE).strip()
        words = text.split()
        return ([w for w in words if "\ufffd" in w]
                or [w for w in words if looks_misread(w, name)])
    foreign = _FOREIGN.get(encoding, set())
    found = []
    for word in _WORD_SPLIT.split(unicodedata.normalize("NFC", text)):
        if not word or word.isascii() or is_syllable(word):
            continue
        if foreign & set(word) or (encoding == VNI_NAME and _VNI_PAIR.search(word)):
            found.append(word)
    return found


def undecoded_cells(frame, encoding: str) -> list[tuple[int, str, object, str]]:
    """``(row, column, value, first undecoded word)`` for every cell of ``frame`` (index: Excel
    row; object columns) that :func:`undecoded_words` flags, in row then column order."""
    cells = []
    for row, values in frame.iterrows():
        for column, value in values.items():
            if words := undecoded_words(value, encoding):
                cells.append((int(row), column, value, words[0]))
    return cells


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Bytes of a CSV file that are not UTF-8, as ``(NFC text, encoding name)``: the reading
    among Windows-1258, TCVN3 and VNI with the most Vietnamese syllables (ties: Windows-1258)."""
    latin = data.decode("latin-1")
    readings = {"Windows-1258": unicodedata.normalize("NFC", data.decode("cp1258", "replace")),
                TCVN3_NAME: decode_tcvn3(latin), VNI_NAME: decode_vni(latin)}
    scores = {name: syllable_score(text) for name, text in readings.items()}
    best = max(readings, key=lambda name: (scores[name], name == "Windows-1258"))
    return readings[best], best


# --- UTF-8 read once as an 8-bit Windows code page and saved again ("Kinh táº¿") ----------
#: The code pages a UTF-8 text is misread in: Excel opening a CSV without a byte-order mark
#: under a Vietnamese Windows (ANSI = Windows-1258) or a Western one (Windows-1252).
MOJIBAKE_CODEPAGES = {"Windows-1258": "cp1258", "Windows-1252": "cp1252"}
#: The start of the encoding name of a sheet whose text was repaired
#: (``UTF-8 bị đọc nhầm thành Windows-1258``).
MOJIBAKE = "UTF-8 bị đọc nhầm thành"
#: Bytes a code page has no character for: a program reading them wrote ``U+FFFD`` (lost),
#: Windows itself the C1 control of the same number (kept).
_UNDEFINED = {"cp1252": bytes((0x81, 0x8D, 0x8F, 0x90, 0x9D)),
              "cp1258": bytes((0x81, 0x8A, 0x8D, 0x8E, 0x8F, 0x90, 0x9A, 0x9D, 0x9E))}
#: At most this many lost bytes in one word are tried (every filling is decoded).
_MAX_LOST_IN_WORD = 3
_ASCII_SEPARATOR = re.compile(rb"[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")


def _vietnamese_letter(ch: str) -> bool:
    """Whether ``ch`` is an ASCII letter or a letter of the Vietnamese alphabet (``đ``, ``ờ``…)."""
    if ch.isascii():
        return ch.isalpha()
    if ch in "đĐ":
        return True
    parts = unicodedata.normalize("NFD", ch)
    tones = [m for m in parts[1:] if m in _TONE_MARKS]
    if any(m not in _TONE_MARKS and m not in (_CIRCUMFLEX, _BREVE, _HORN) for m in parts[1:]):
        return False  # ā, č, ď: marks Vietnamese never writes
    return (parts[0].isascii() and parts[0].isalpha() and len(tones) <= 1
            and _is_vietnamese_letter(unicodedata.normalize("NFC", "".join(
                c for c in parts if c not in _TONE_MARKS))))


def _word_rank(word: str) -> tuple[int, int]:
    """How Vietnamese a decoded word is: (a well-formed syllable in one case pattern,
    letters of the Vietnamese alphabet)."""
    cased = word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())
    letters = sum(_vietnamese_letter(c) for c in word if c.isalpha())
    return (1 if cased and is_syllable(word) else 0, letters)


def _fill_word(chunk: list[int | None], codepage: str,
               known: frozenset[str] = frozenset()) -> list[bytes]:
    """The bytes of one word with its lost bytes (``None``) filled: the fillings whose
    decoding is most Vietnamese (:func:`_word_rank`), narrowed to the one spelling a word of
    ``known`` (lower case) when exactly one does; ``[]`` when no filling decodes as UTF-8 or
    too many bytes were lost. More than one filling: the word cannot be told for sure."""
    lost = [i for i, b in enumerate(chunk) if b is None]
    if len(lost) > _MAX_LOST_IN_WORD:
        return []
    ranked: dict[tuple[int, int], list[bytes]] = {}
    candidates = _UNDEFINED[codepage]
    for filling in _product(candidates, len(lost)):
        filled = list(chunk)
        for i, b in zip(lost, filling):
            filled[i] = b
        raw = bytes(filled)
        try:
            word = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        ranked.setdefault(_word_rank(word), []).append(raw)
    if not ranked:
        return []
    best = ranked[max(ranked)]
    if len(best) > 1 and len(hit := [b for b in best if b.decode().lower() in known]) == 1:
        return hit
    return best


def _product(items: bytes, n: int):
    if n == 0:
        yield ()
        return
    for b in items:
        for rest in _product(items, n - 1):
            yield (b, *rest)


#: At most this many readings of a cell whose lost bytes are not told for sure are tried
#: against the form's words (:data:`schemas.form.VOCABULARY`).
_MAX_READINGS = 64


def unmangle(text: str, codepage: str, known: frozenset[str] = frozenset()) -> str | None:
    """``text`` as it was before its UTF-8 bytes were read in ``codepage`` (``"cp1258"`` or
    ``"cp1252"``) and saved again: ``"Kinh táº¿"`` → ``"Kinh tế"``; ``None`` when ``text`` is
    not such a reading (a character outside the code page, bytes that are not UTF-8 once put
    back, nothing outside ASCII) or a lost byte (``�``) cannot be told for sure.

    Strict: every character must map back to one byte (a C1 control ``U+0081``… to its own
    number, as Windows reads undefined bytes), and the bytes must decode as UTF-8; a byte the
    reading program replaced by ``�`` is filled with the code page's undefined byte that makes
    its word a Vietnamese syllable, only when exactly one does (:func:`_fill_word`; ties:
    the one word of ``known``, then the one reading of the cell that is a header or value of
    the form: ``Th�i gian`` is *Thời gian*, not *Thỏi gian*).
    """
    if text.isascii():
        return None
    fixed = _unmangle(text, codepage, known)
    if fixed is None and codepage == "cp1258" and (undone := _marks_apart(text)) != text:
        # text typed decomposed (NFD) and misread: its tone marks became Windows-1258's own
        # combining characters, which NFC then composed with the letter before them
        fixed = _unmangle(undone, codepage, known)
    return fixed


def _unmangle(text: str, codepage: str, known: frozenset[str]) -> str | None:
    raw: list[int | None] = []
    for ch in text:
        if ch == "\ufffd":
            raw.append(None)
        elif 0x80 <= ord(ch) <= 0x9F:
            raw.append(ord(ch))
        else:
            try:
                raw.extend(ch.encode(codepage))
            except UnicodeEncodeError:
                return None
    if None not in raw:  # (a text outside ASCII gives a byte from 0x80 or a lost one: never ASCII)
        try:
            return bytes(raw).decode("utf-8")  # type: ignore[arg-type]
        except UnicodeDecodeError:
            return None
    start = 0
    chunks: list[list[int | None]] = []
    for i, b in enumerate(raw + [0x20]):  # split at ASCII separators: one word at a time
        if b is not None and _ASCII_SEPARATOR.fullmatch(bytes((b,))):
            chunks.append(raw[start:i])
            chunks.append([b])
            start = i + 1
    options: list[list[bytes]] = []
    for chunk in chunks[:-1]:
        if None in chunk:
            if not (filled := _fill_word(chunk, codepage, known)):
                return None
            options.append(filled)
        else:
            options.append([bytes(chunk)])  # type: ignore[arg-type]
    readings = 1
    for option in options:
        readings *= len(option)
    if readings > _MAX_READINGS:
        return None
    texts = []
    for choice in _product_of(options):
        try:
            texts.append(b"".join(choice).decode("utf-8"))
        except UnicodeDecodeError:
            continue
    if len(texts) > 1:
        texts = [t for t in texts if _known(t)]
    return texts[0] if len(texts) == 1 else None


def _product_of(options: list[list[bytes]]):
    if not options:
        yield ()
        return
    for first in options[0]:
        for rest in _product_of(options[1:]):
            yield (first, *rest)


#: The combining tone marks Windows-1258 has a byte for (0xCC, 0xEC, 0xDE, 0xD2, 0xF2).
_CP1258_MARKS = frozenset((_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT))


def _marks_apart(text: str) -> str:
    """``text`` with each letter that NFC composed from a letter and one of Windows-1258's
    combining tone marks written apart again (``è`` → ``e`` + U+0300); other letters
    (``Ă``: a breve, which the code page writes as a letter of its own) as they are."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        out.append(parts if len(parts) == 2 and parts[1] in _CP1258_MARKS else ch)
    return "".join(out)


def _repaired(text: str, codepage: str, known: frozenset[str] = frozenset()) -> str | None:
    """:func:`unmangle` when its result holds a letter outside ASCII that is Vietnamese (a
    repair must give Vietnamese text, not any UTF-8)."""
    if not _CONTINUATION.search(text):  # every misread UTF-8 letter leaves one: a quick no
        return None
    fixed = unmangle(text, codepage, known)
    if fixed is None or not any(not c.isascii() and _vietnamese_letter(c)
                                for c in unicodedata.normalize("NFC", fixed)):
        return None
    return fixed


def detect_mojibake(texts: Iterable[object]) -> str | None:
    """The code page (a key of :data:`MOJIBAKE_CODEPAGES`) in which a sheet's UTF-8 text was
    misread and saved again, ``None`` when it was not.

    A sheet is misread when at least two distinct text cells (or its only non-ASCII one) are
    repaired by that code page (:func:`unmangle`, giving Vietnamese letters) and no more cells
    hold Vietnamese letters typed in Unicode beside them (a Unicode sheet quoting one odd
    word stays as it is). Of the two code pages, the one that repairs more cells (on a tie
    Windows-1258: the bytes are then the same)."""
    distinct = {t for t in set(texts) if isinstance(t, str) and not t.isascii()}
    if not distinct:
        return None
    repaired = {name: {t for t in distinct if _repaired(t, cp) is not None}
                for name, cp in MOJIBAKE_CODEPAGES.items()}
    name = max(repaired, key=lambda n: (len(repaired[n]), n == "Windows-1258"))
    hits = repaired[name]
    if not (len(hits) >= 2 or (len(hits) == 1 and len(distinct) == 1)):
        return None
    unicode_cells = [t for t in distinct - hits
                     if any(not c.isascii() and _vietnamese_letter(c) for c in t)
                     and not looks_misread(t, name)]
    return name if len(unicode_cells) <= len(hits) else None


def known_words(texts: Iterable[object], name: str) -> frozenset[str]:
    """The words (lower case) of a misread sheet's cells that are repaired for sure: they tell
    a lost byte elsewhere in the sheet (``tr�`` is *trọ* when *trọ* is written out again)."""
    words: set[str] = set()
    for text in {t for t in texts if isinstance(t, str) and not t.isascii() and "\ufffd" not in t}:
        if (fixed := _repaired(text, MOJIBAKE_CODEPAGES[name])) is not None:
            words.update(w.lower() for w in _WORD_SPLIT.split(fixed) if w)
    return frozenset(words)


#: Lead characters a code page shows for the first byte of a Vietnamese letter in UTF-8
#: (``Ã`` / ``Ă`` for U+00C0..U+00FF, ``Ä``, ``Æ``, ``á»`` / ``áº`` for U+1EA0..U+1EFF).
_LEADS = {"cp1252": ("Ã", "Ä", "Å", "Æ", "áº", "á»"), "cp1258": ("Ă", "Ä", "Å", "Æ", "áº", "á»")}
#: The characters either code page shows for a UTF-8 continuation byte (0x80..0xBF; an
#: undefined one as its C1 control or ``�``).
_CONTINUATION_CLASS = ("[\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
                       "\u02dc\u2013-\u203a\u20ac\u2122\ufffd]")
_CONTINUATION = re.compile(_CONTINUATION_CLASS)
_MISREAD = {cp: re.compile("(?:" + "|".join(leads) + ")" + _CONTINUATION_CLASS)
            for cp, leads in _LEADS.items()}


def looks_misread(text: object, name: str | None = None) -> bool:
    """Whether ``text`` shows the marks of UTF-8 misread in code page ``name`` (either when
    ``None``): the characters the code page shows for the first bytes of a Vietnamese
    letter (``Ã``, ``Ä``, ``Æ``, ``áº``, ``á»``) followed by another of its characters."""
    if not isinstance(text, str) or text.isascii():
        return False
    names = [name] if name else list(MOJIBAKE_CODEPAGES)
    return any(_MISREAD[MOJIBAKE_CODEPAGES[n]].search(text) for n in names)


def repair_cell(value: object, name: str, known: frozenset[str] = frozenset()) -> object:
    """A cell of a sheet misread in code page ``name`` (:func:`detect_mojibake`), repaired
    when :func:`unmangle` gives Vietnamese text (``known``: :func:`known_words`); other cells
    (numbers, dates, text typed again by hand in Unicode) unchanged, and a cell whose lost
    letter cannot be told for sure kept as it is (its row is rejected,
    :func:`undecoded_words`)."""
    if isinstance(value, str) and not value.isascii():
        fixed = _repaired(value, MOJIBAKE_CODEPAGES[name], known)
        if fixed is not None:
            return fixed
    return value
