"""The report as an ND30 document (issue 11.4): the signer's name and room for signature and
seal, appendices in Roman numerals with their reference line, "Bản số" only from version 2,
and "an ninh - quốc phòng" never broken across lines. Text is extracted with pypdf."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader

from test_layout_pages import sample_figures
from thidua.report import render
from thidua.report.document_settings import load_document_settings
from thidua.report.formatting import roman
from thidua.report.render import ReportMeta, meta_from_settings, render_report

DAY = dt.date(2024, 12, 5)


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def figures(registry, context):
    return sample_figures(registry, context)


@pytest.fixture(scope="module")
def first(figures):
    meta = ReportMeta(year=2024, report_date=DAY, version=1,
                      **meta_from_settings(load_document_settings(number="125")))
    return texts(render_report(figures, meta))


@pytest.fixture(scope="module")
def second(figures):
    meta = ReportMeta(year=2024, report_date=DAY, version=2, replaces=dt.date(2024, 11, 26),
                      replaces_version=1, **meta_from_settings(load_document_settings()))
    return texts(render_report(figures, meta))


def test_roman_numerals():
    assert [roman(n) for n in (1, 2, 3, 4, 9, 14, 40, 1994)] == [
        "I", "II", "III", "IV", "IX", "XIV", "XL", "MCMXCIV"]
    with pytest.raises(ValueError):
        roman(0)


def test_appendices_are_numbered_in_roman_numerals_with_their_reference_line(first):
    whole = "\n".join(first)
    assert re.findall(r"^Phụ lục ([IVX0-9]+)$", whole, flags=re.M) == ["I", "II"]
    assert not re.search(r"Phụ lục \d", whole)
    reference = ("(Kèm theo Báo cáo số 125/BC-LĐLĐ ngày 05/12/2024 của Liên đoàn Lao động "
                 "thành phố Hà Nội)")
    assert " ".join(whole.split()).count(reference) == 2
    assert "tại Phụ lục I;" in " ".join(whole.split()) or "tại Phụ lục I." in " ".join(whole.split())
    assert "tiêu biểu tại Phụ lục II." in " ".join(whole.split())


def test_the_number_line_carries_the_number_given_at_issue_time(first, second):
    assert "Số: 125/BC-LĐLĐ" in first[0]
    assert "Số: ……/BC-LĐLĐ" in second[0]


def test_the_signature_block_names_the_signer_under_the_room_for_signature_and_seal(first):
    page = next(t for t in first if "Nơi nhận:" in t)
    lines = [line.strip() for line in page.splitlines()]
    i = lines.index("KT. CHỦ TỊCH")
    assert lines[i + 1] == "PHÓ CHỦ TỊCH"
    assert "Nguyễn Minh Hằng" in lines[i + 2:]


def test_version_one_prints_no_copy_number_and_version_two_does(first, second):
    assert not any("Bản số" in t for t in first)
    assert "Bản số 2, thay thế bản ngày 26/11/2024" in second[0]


def test_the_recipients_come_from_the_settings(first):
    page = next(t for t in first if "Nơi nhận:" in t)
    assert "- Ban Thường vụ LĐLĐ Thành phố (để b/c);" in page and "- Lưu: VT, TG." in page


def test_an_ninh_quoc_phong_is_never_broken_across_lines():
    """At every width, the phrase stays whole on one line of the extracted text; the same text
    without the rule breaks at some width (so the test can see a break)."""
    env = render._environment()
    sentence = ("Các mô hình ở lĩnh vực an ninh - quốc phòng được nhân rộng tại nhiều đơn vị "
                "trong năm; quốc phòng - an ninh là trọng tâm.")
    template = '<html lang="vi"><head><link rel="stylesheet" href="report.css"></head><body>{% for w in widths %}<p style="width: {{ w }}mm; text-indent: 0">{{ text }}</p>{% endfor %}</body></html>'
    widths = list(range(30, 95, 3))
    kept = render.html_to_pdf(env.from_string(template).render(text=sentence, widths=widths))
    # justification widens the spaces of a line, inside the phrase too: compare words
    lines = [" ".join(line.split()) for t in texts(kept) for line in t.splitlines()]
    assert sum("an ninh - quốc phòng" in line for line in lines) == len(widths)
    assert sum("quốc phòng - an ninh" in line for line in lines) == len(widths)
    plain = render.html_to_pdf(jinja_plain(template, sentence, widths))
    plain_lines = [" ".join(line.split()) for t in texts(plain) for line in t.splitlines()]
    assert sum("an ninh - quốc phòng" in line for line in plain_lines) < len(widths)


def jinja_plain(template: str, text: str, widths: list[int]) -> str:
    import jinja2
    return jinja2.Environment(autoescape=True).from_string(template).render(text=text, widths=widths)


def test_keep_together_still_escapes_spreadsheet_text():
    out = render.keep_together('<script>an ninh - quốc phòng</script>')
    assert str(out) == '&lt;script&gt;<span class="nowrap">an ninh - quốc phòng</span>&lt;/script&gt;'
