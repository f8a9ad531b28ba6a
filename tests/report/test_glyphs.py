"""A character that no installed font draws never reaches the PDF as a ``.notdef`` box (PDF/A,
ISO 19005-3 6.2.11.8): a Symbol-font bullet pasted from Word shows as its meaning, anything
else as its code point, and the unit's text stays as written in summary.json and workbooks."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from test_layout_pages import sample_figures, with_exemplary
from thidua import pipeline
from thidua.report.glyphs import SYMBOL_FONT, covered, finalize, printable

#: A made-up machine whose fonts draw ASCII, Vietnamese letters and the bullet "•" only.
FONTS = frozenset(range(0x20, 0x7F)) | frozenset(range(0xC0, 0x1B1)) | frozenset(
    range(0x1EA0, 0x1EFA)) | {0x2022}


@pytest.mark.parametrize("text, shown", [
    ("Bữa cơm ấm áp", "Bữa cơm ấm áp"),
    ("\uf0b7 Tủ sách", "• Tủ sách"),                      # Symbol bullet → its meaning
    ("\uf0fc Đạt", "[U+F0FC] Đạt"),                       # a check mark no font here draws
    ("Mô hình 𓀀", "Mô hình [U+13000]"),                   # five hex digits
    ("A\U000F0001B", "A[U+F0001]B"),                      # plane-15 private use
    ("Dòng 1\nDòng\t2\u00a0x", "Dòng 1\nDòng\t2\u00a0x"),   # spaces and breaks draw no glyph
    ("Góc\u200bvăn\u00adhóa", "Góc\u200bvăn\u00adhóa"),     # invisible format characters stay
    ("plain ascii \x7f", "plain ascii \x7f"),             # ASCII returns at once
])
def test_printable_replaces_only_what_no_font_draws(text, shown):
    assert printable(text, FONTS) == shown


def test_a_meaning_no_font_draws_falls_back_to_the_code_point():
    assert printable("\uf0b7 x", frozenset(range(0x20, 0x7F))) == "[U+F0B7] x"
    assert printable("\uf0d8 y", FONTS) == "[U+F0D8] y"  # "➢" is not among FONTS either
    assert set(SYMBOL_FONT) <= {chr(c) for c in range(0xF000, 0xF100)}


def test_finalize_leaves_markup_and_other_values_alone():
    from markupsafe import Markup

    assert finalize(Markup("<b>\uf0b7</b>")) == Markup("<b>\uf0b7</b>")
    assert finalize(3) == 3 and finalize(None) is None


def test_this_machine_draws_vietnamese_but_not_private_use_or_hieroglyphs():
    fonts = covered()
    assert fonts is not None
    assert all(ord(c) in fonts for c in "ĂăÂâĐđÊêÔôƠơƯư ảạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựỳỷỹỵ0123456789")
    assert {0xF0B7, 0x13000, 0xF0001}.isdisjoint(fonts)
    assert 0x2022 in fonts  # the bullet that stands in for U+F0B7


def test_the_report_shows_stand_ins_and_summary_keeps_the_units_text(registry, context):
    model = "\uf0b7 Mô hình 𓀀 của đoàn viên \U000F0001"
    figures = with_exemplary(sample_figures(registry, context), model=model)
    reader = PdfReader(io.BytesIO(pipeline.render(figures)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "• Mô hình [U+13000] của đoàn viên [U+F0001]" in text
    assert not {"\uf0b7", "𓀀", "\U000F0001"} & set(text)
    assert model in set(figures.exemplary["model"])  # the data keeps what the unit wrote
