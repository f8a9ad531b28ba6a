"""The report's pages never lose text (issue 9.11): a table row taller than a page keeps the
repeated header on every page it spans and leaves no blank page; a caption or a table's heading
never sits alone at a page foot. Checked on rendered PDFs (pypdf)."""

from __future__ import annotations

import dataclasses
import io
import re

import pandas as pd
import pytest
from pypdf import PdfReader

from conftest import SAMPLE_DIR
from thidua import pipeline
from thidua.ingest.discover import discover_files
from thidua.ingest.files import ingest_file
from thidua.ingest.registry import expected_units
from thidua.report.render import html_to_pdf

EXEMPLARY_HEADER = "STT Tên mô hình Tập thể/cá nhân thực hiện Hình thức Đơn vị"
UNITS_HEADER = "STT Đơn vị Kinh tế Văn hóa - xã hội"
CELL_MAX = 32_767  # the longest text one Excel cell holds
PHRASE = "Mô hình dân vận khéo chăm lo đời sống đoàn viên và người lao động, "  # a long unit name


def sample_figures(registry, context):
    """The figures of two units of the bundled sample (H-MD, Q-DD): a small real report."""
    files = [f for f in discover_files(SAMPLE_DIR) if f.file.startswith(("H-MD", "Q-DD"))]
    plan = pipeline.Plan(2024, files, expected_units(registry, 2024), context, "r", "p")
    return pipeline.aggregate_results(plan, [ingest_file(f, context) for f in files])


def with_exemplary(figures, position: int = 3, **cells):
    """``figures`` with one more exemplary model at ``position`` of its field's list, a copy
    of the first one with ``cells`` (``model``, ``registrant``) replaced."""
    exemplary = figures.exemplary
    row = exemplary.iloc[[0]].copy()
    for column, value in cells.items():
        row[column] = value
    rows = pd.concat([exemplary.iloc[:position], row, exemplary.iloc[position:]],
                     ignore_index=True)
    return dataclasses.replace(figures, exemplary=rows)


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, on one line, without the page number printed in the top margin."""
    texts = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    return [re.sub(r"^\d+ ", "", text) if i else text for i, text in enumerate(texts)]


def numbered(prefix: str, length: int) -> str:
    """``length`` characters of numbered words (``môhình00001 môhình00002 …``): each word
    must be found in the PDF, whatever page it falls on."""
    return " ".join(f"{prefix}{i:05d}" for i in range(length // len(prefix) + 1))[:length]


def words_in(text: str, pages: list[str]) -> bool:
    found = set(" ".join(pages).split())
    return all(word in found for word in text.split()[:-1])  # the last may be cut short


@pytest.fixture(scope="module")
def figures(registry, context):
    return sample_figures(registry, context)


@pytest.fixture(scope="module")
def tall(figures):
    """A report whose exemplary list holds a model name of a whole Excel cell and, further
    on, a registrant's name of 20,000 characters."""
    model = numbered("môhình", CELL_MAX)
    registrant = numbered("tậpthể", 20_000)
    changed = with_exemplary(with_exemplary(figures, 3, model=model), 10, registrant=registrant)
    return model, registrant, page_texts(pipeline.render(changed)), page_texts(
        pipeline.render(figures))


def test_every_page_a_tall_row_spans_starts_with_the_repeated_header(tall):
    model, registrant, pages, _ = tall
    start = next(i for i, t in enumerate(pages) if t.startswith("Phụ lục II "))
    for number, text in enumerate(pages[start + 1:], start=start + 2):
        assert re.match(rf"(\d\. Lĩnh vực [^\d]+ )?{EXEMPLARY_HEADER}", text), (number, text[:120])


def test_no_page_is_blank_and_no_text_is_lost(tall):
    model, registrant, pages, plain = tall
    assert all(len(text) > 200 for text in pages), [len(t) for t in pages]
    assert words_in(model, pages) and words_in(registrant, pages)
    # a tall row starts right after the rows before it: the appendix's first page is full,
    # never left short with the row pushed to the next pages
    start = next(i for i, t in enumerate(pages) if t.startswith("Phụ lục II "))
    assert len(pages[start]) > 1000 and re.search(r"(môhình|tậpthể)00000", pages[start])
    # 32,767 characters in the model column (~2,000 a page) and 20,000 in the narrow
    # registrant column (~600 a page) fill about 50 pages: no page is wasted
    assert len(pages) - len(plain) <= 55


def test_a_tall_row_in_the_units_appendix_keeps_its_header_too(figures):
    """Phụ lục 1 lists units by their registry names: a name that fills pages keeps the
    header on each page as well."""
    names = figures.expected.copy()
    code = figures.by_unit.index[5]
    names.loc[names["code"] == code, "name"] = PHRASE * 150
    pages = page_texts(pipeline.render(dataclasses.replace(figures, expected=names)))
    start = next(i for i, t in enumerate(pages) if t.startswith("Phụ lục I "))
    end = next(i for i, t in enumerate(pages) if t.startswith("Phụ lục II "))
    assert end - start >= 3
    assert all(t.startswith(UNITS_HEADER) for t in pages[start + 1:end]), [
        t[:60] for t in pages[start + 1:end]]


CAPTIONED = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<link rel="stylesheet" href="report.css"></head><body>
<div style="height: {space}mm"></div>
<p>Đoạn văn trước bảng.</p>
<table class="fields"><caption>Bảng 9. Chú thích của bảng</caption>
<thead><tr><th>Lĩnh vực</th><th>Tổng số</th></tr></thead>
<tbody>{rows}</tbody></table>
<section class="appendix"><h1>Phụ lục 9</h1>
<div style="height: {appendix_space}mm"></div>
<h2>1. Lĩnh vực kinh tế</h2>
<table class="exemplary"><thead><tr><th>STT</th><th>Tên mô hình</th></tr></thead>
<tbody><tr><td>1</td><td>Dòng đầu tiên của bảng phụ lục</td></tr>{rows}</tbody></table>
</section></body></html>"""


@pytest.mark.parametrize("space", range(200, 250, 4))
def test_a_caption_or_a_tables_heading_is_on_the_page_of_the_tables_first_row(space):
    rows = "".join(f"<tr><td>Dòng {i}</td><td>{i}</td></tr>" for i in range(1, 8))
    pdf = html_to_pdf(CAPTIONED.format(space=space, rows=rows, appendix_space=space - 80))
    pages = page_texts(pdf)

    def page_of(text: str) -> int:
        return next(i for i, t in enumerate(pages) if text in t)

    assert page_of("Bảng 9. Chú thích của bảng") == page_of("Dòng 1 1")
    assert page_of("1. Lĩnh vực kinh tế") == page_of("Dòng đầu tiên của bảng phụ lục")
    assert all(t.strip() for t in pages)
