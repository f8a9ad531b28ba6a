"""Characters that no installed font can draw, replaced before the PDF is laid out.

WeasyPrint draws a character that no font has with the ``.notdef`` glyph (an empty box), and
a PDF/A file must never show ``.notdef`` (ISO 19005-3, 6.2.11.8): one such character in a
unit's model name would make the whole report non-conforming, and the reader would see a box
instead of the text. Such characters come from units' spreadsheets: private-use code points of
Symbol and Wingdings bullets pasted from Word (U+F0B7), characters of fonts the machine does
not have, unassigned code points.

:func:`printable` replaces each of them in the text the report shows: a Symbol-font bullet by
its meaning (:data:`SYMBOL_FONT`), any other by its code point written out, ``[U+F0A7]``, so
that nothing disappears silently. ``summary.json``, ``rejected.csv`` and the workbooks keep
the text exactly as the unit wrote it. What fonts cover is asked of fontconfig (``fc-list``,
the same library WeasyPrint's Pango finds fonts with), once per process.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import unicodedata

#: Private-use code points of Microsoft's Symbol and Wingdings fonts that documents typed in
#: Word carry as bullets and ticks, and what they mean.
SYMBOL_FONT = {
    "\uf0b7": "•",  # Symbol: bullet
    "\uf0a7": "▪",  # Wingdings: small square bullet
    "\uf0d8": "➢",  # Wingdings: arrowhead bullet
    "\uf076": "❖",  # Wingdings: diamond bullet
    "\uf0fc": "✓",  # Wingdings: check mark
    "\uf02d": "-",  # Symbol: minus
}


def _ranges(charset: str) -> list[tuple[int, int]]:
    """fontconfig's ``%{charset}``, ``"20-7e a0-36f 374"``, as inclusive ranges."""
    out = []
    for part in charset.split():
        first, _, last = part.partition("-")
        out.append((int(first, 16), int(last or first, 16)))
    return out


@functools.lru_cache(maxsize=1)
def covered() -> frozenset[int] | None:
    """Every code point at least one installed font draws (union of ``fc-list``'s charsets);
    ``None`` when fontconfig's ``fc-list`` is not there (then nothing is replaced)."""
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return None
    result = subprocess.run([fc_list, "--format", "%{charset}\n"], capture_output=True,
                            text=True, check=False)
    points: set[int] = set()
    for line in result.stdout.splitlines():
        for first, last in _ranges(line):
            points.update(range(first, last + 1))
    return frozenset(points)


def _drawable(char: str, fonts: frozenset[int]) -> bool:
    """Whether ``char`` shows without a ``.notdef`` box: a font has it, or it is a space or an
    invisible format character (line breaks, joiners) that no glyph is drawn for."""
    return ord(char) in fonts or char.isspace() or unicodedata.category(char) in ("Cc", "Cf")


def printable(text: str, fonts: frozenset[int] | None = None) -> str:
    """``text`` with every character that no font in ``fonts`` (default: :func:`covered`)
    draws replaced: by :data:`SYMBOL_FONT`'s meaning, else by ``[U+XXXX]`` (its code point, at
    least four hex digits). ASCII text is returned as it is, at once."""
    if text.isascii():
        return text
    fonts = covered() if fonts is None else fonts
    if fonts is None or not _suspects(fonts).search(text):
        return text
    return "".join(c if _drawable(c, fonts) else _stand_in(c, fonts) for c in text)


@functools.lru_cache(maxsize=4)
def _suspects(fonts: frozenset[int]) -> re.Pattern:
    """A pattern matching any character outside ``fonts``: the check of a whole string runs
    in the regex engine (a national report prints a million strings), and only a match is
    looked at character by character (:func:`_drawable`)."""
    points = sorted(fonts)
    ranges, start, last = [], None, None
    for point in points:
        if start is None:
            start = last = point
        elif point == last + 1:
            last = point
        else:
            ranges.append((start, last))
            start = last = point
    if start is not None:
        ranges.append((start, last))
    allowed = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                      for a, b in ranges)
    return re.compile(f"[^{allowed}]" if allowed else "[\\s\\S]")


def _stand_in(char: str, fonts: frozenset[int]) -> str:
    """What shows instead of ``char``: its meaning when a font draws that, else its code point."""
    meaning = SYMBOL_FONT.get(char)
    if meaning and all(_drawable(c, fonts) for c in meaning):
        return meaning
    return f"[U+{ord(char):04X}]"


def finalize(value: object) -> object:
    """A Jinja2 ``finalize`` for templates of the PDF: :func:`printable` on every plain string
    (escaping stays autoescape's, after this); markup and other values pass unchanged."""
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return printable(value)
    return value
