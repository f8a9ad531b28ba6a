"""Characters Liberation Serif lacks never vanish from the report (issue 9.12): they are drawn
with the fallback fonts that scripts/setup.sh installs and report.css names, while every
Vietnamese letter and every digit stays in Liberation Serif."""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata

import pytest
from pypdf import PdfReader

from test_layout_pages import sample_figures, with_exemplary
from thidua import pipeline
from thidua.report.render import html_to_pdf
from thidua.settings import REPO_ROOT

#: A model name in each script a unit may type, and the font that must draw it.
SCRIPTS = {
    "emoji": ("Bữa cơm ấm áp 😀👍🔥🥰🫶", "Noto-Color-Emoji"),
    "Chinese": ("工会模范 劳动者之家", "WenQuanYi-Micro-Hei"),
    "Korean": ("모범 노동조합 모델", "WenQuanYi-Micro-Hei"),
    "Japanese": ("ろうどうくみあい カタカナ", "WenQuanYi-Micro-Hei"),
    "Thai": ("สหภาพแรงงานตัวอย่าง", "FreeSerif"),
    "Hindi": ("श्रमिक संघ का आदर्श मॉडल", "FreeSerif"),
    "Arabic": ("نموذج نقابة العمال", "FreeSerif"),
    "Lao": ("ສະຫະພັນແຮງງານ", "Phetsarath-OT"),  # no ຳ: its glyph is shared with າ in the PDF text map
    "Khmer": ("សហជីពកម្មករ", "Khmer-OS"),
}
FALLBACKS = {font for _, font in SCRIPTS.values()}


def vietnamese(text: str) -> str:
    """The Latin letters (Vietnamese ones included) and digits of ``text``."""
    return "".join(c for c in text if c.isdigit() and c.isascii()
                   or unicodedata.name(c, "").startswith("LATIN"))


def font_names(reader: PdfReader) -> set[str]:
    """The base names (subset prefix dropped) of the fonts of every page's resources."""
    return {str(font.get_object()["/BaseFont"]).split("+", 1)[-1]
            for page in reader.pages
            for font in page["/Resources"].get("/Font", {}).values()}


def runs(reader: PdfReader) -> list[tuple[str, str]]:
    """``(text, font)`` of every run of text drawn, in order."""
    found = []

    def visit(text, cm, tm, font, size):
        if text.strip() and font:
            found.append((text, str(font["/BaseFont"]).split("+", 1)[-1]))
    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def report(registry, context):
    figures = sample_figures(registry, context)
    for name, (model, _) in SCRIPTS.items():
        figures = with_exemplary(figures, model=f"{name}: {model}")
    return PdfReader(io.BytesIO(pipeline.render(figures)))


@pytest.mark.parametrize("script", SCRIPTS)
def test_a_model_name_in_any_script_is_in_the_pdf_drawn_by_its_fallback_font(report, script):
    model, font = SCRIPTS[script]
    text = " ".join(" ".join(page.extract_text() for page in report.pages).split())
    assert f"{script}: " in text
    assert set(model) <= set(text)  # Indic and Lao marks come out reordered, none is lost
    drawn = "".join(t for t, f in runs(report) if f == font)
    letters = [c for c in model if not c.isspace() and not vietnamese(c)]
    assert letters and all(c in drawn for c in letters), (script, font)


def test_vietnamese_letters_and_digits_stay_in_liberation_serif(report):
    assert FALLBACKS <= font_names(report)
    for text, font in runs(report):
        if font.startswith("Liberation-Serif"):
            continue
        assert not vietnamese(text), (text, font)


def test_a_page_with_fallback_fonts_keeps_vietnamese_bold_italic_and_numbers_in_liberation():
    html = ('<html lang="vi"><head><link rel="stylesheet" href="report.css"></head><body>'
            '<p>Có 1.129 mô hình 😀 tập thể 工会 và <b>7.204</b> cá nhân สหภาพ, <i>12,5%</i> '
            'Đơn vị ỹ ự ổ đ.</p></body></html>')
    reader = PdfReader(io.BytesIO(html_to_pdf(html)))
    by_font = {}
    for text, font in runs(reader):
        by_font.setdefault(font, "")
        by_font[font] += text
    latin = {f: t for f, t in by_font.items() if vietnamese(t)}
    assert set(latin) == {"Liberation-Serif", "Liberation-Serif-Bold", "Liberation-Serif-Italic"}
    assert "7.204" in latin["Liberation-Serif-Bold"] and "12,5%" in latin["Liberation-Serif-Italic"]


@pytest.mark.parametrize("pattern", ["Liberation Serif:lang=vi", "Liberation Serif:bold:lang=vi",
                                     "Liberation Serif:italic:lang=vi"])
def test_fontconfig_still_gives_liberation_serif_for_vietnamese(pattern):
    """The fallback packages ship fontconfig rules (65-khmer.conf, 65-wqy-microhei.conf):
    none of them changes the font matched for the report's Vietnamese text."""
    matched = subprocess.run(["fc-match", "-f", "%{family[0]}", pattern], capture_output=True,
                             text=True, check=True).stdout
    assert matched == "Liberation Serif"


def test_setup_installs_every_fallback_font_the_css_names():
    setup = (REPO_ROOT / "scripts" / "setup.sh").read_text(encoding="utf-8")
    packages = re.search(r"APT_PACKAGES=\(([^)]*)\)", setup).group(1).split()
    assert {"fonts-liberation2", "fonts-freefont-ttf", "fonts-wqy-microhei",
            "fonts-noto-color-emoji", "fonts-lao", "fonts-khmeros"} <= set(packages)
    css = (REPO_ROOT / "report_templates" / "report.css").read_text(encoding="utf-8")
    families = re.search(r"html \{ font-family: ([^;]*);", css).group(1)
    assert [f.strip().strip('"') for f in families.split(",")] == [
        "Liberation Serif", "FreeSerif", "WenQuanYi Micro Hei", "Phetsarath OT", "Khmer OS"]
    installed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                               check=True).stdout
    for family in ("Liberation Serif", "FreeSerif", "WenQuanYi Micro Hei", "Noto Color Emoji",
                   "Phetsarath OT", "Khmer OS"):
        assert family in installed, family
