"""Value-by-value checks of :func:`thidua.text.printable` and :func:`thidua.text.xml_text` here,
where a mutation run collects them (``tests/test_text_controls.py`` lies outside the folders
mutmut collects from): each kind of character dropped or kept, pairs escaped in halves
joined, a lone half dropped beside a pair, and the white space XML refuses."""

from __future__ import annotations

import pytest

from thidua.text import printable, xml_text


@pytest.mark.parametrize("text, kept", [
    ("a\x00b\x08c", "abc"), ("a\x0ec\x1bd", "acd"), ("x\x7fy\x84z", "xyz"), ("x\x86y\x9fz", "xyz"),
    ("x\ufffey\uffffz", "xyz"), ("\x1b[1;32mXanh\x1b[0m", "Xanh"), ("lẻ\ud83d", "lẻ"),
    ("a\ud83d\udc4db\ud83dc", "a👍bc"), ("\udc4d\ud83d\udc4d", "👍"),
    ("\ud800\udc00\x01", "\U00010000"), ("\udbff\udfff\x01", "\U0010ffff"),
    ("a\x85b\x01", "a\x85b"),  # NEL is white space, kept for the spaces' rule
    ("Tab\tvà\ndòng\x0b\x0c\r\x1c\x1f\x01", "Tab\tvà\ndòng\x0b\x0c\r\x1c\x1f"),
])
def test_printable_drops_only_controls(text, kept):
    assert printable(text) == kept


@pytest.mark.parametrize("text", ["Công đoàn 👍 (1)", "Tab\tvà\ndòng", "a\x85b", "\u200bẩn", ""])
def test_text_without_controls_is_returned_itself(text):
    assert printable(text) is text


@pytest.mark.parametrize("text, written", [
    ("a\x0bb\x0cc\x1cd\x1fe", "a b c d e"), ("a\x1db\x1ec", "a b c"),
    ("a\x00\x0bb", "a b"), ("\x1b[0m\x0b", " "), ("Tab\tvà\ndòng\r", "Tab\tvà\ndòng\r"),
    ("a\ud83d\udc4d\x0b", "a👍 "), ("Bình thường", "Bình thường"),
])
def test_xml_text_makes_what_xml_refuses_spaces(text, written):
    assert xml_text(text) == written
