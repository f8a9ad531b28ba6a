"""Issue 10 (P1, P4): the report and the exemplary appendix are rendered in parts, in parallel
processes, and joined: the joined file must be what one rendering of the whole gives (the same
text on the same pages), with page numbers running on across the parts, one outline with the
report's headings in order, one structure tree, PDF/A-3b with its files attached once, and the
same bytes every time, whatever the number of processes."""

from __future__ import annotations

import io
import re

import pikepdf
import pytest
from pypdf import PdfReader

from test_layout_pages import sample_figures
from thidua import pipeline
from thidua.publish.pdfa import pdfa_problems
from thidua.report import appendix, parts
from thidua.report.render import ReportMeta, build_context, html_to_pdf, render_html, \
    render_report

ATTACHED = {"summary.json": b'{"year": 2024}\n', "rejected.csv": b"file,row\r\n",
            "manifest.json": b'{"version": 1}\n'}


def texts(pdf: bytes) -> list[str]:
    """Each page's text on one line (page numbers included)."""
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def outline(pdf: bytes) -> list[tuple[int, str, int]]:
    """``(depth, title, page index)`` of every outline entry, in order."""
    reader = PdfReader(io.BytesIO(pdf))
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title, reader.get_destination_page_number(item)))

    walk(reader.outline, 0)
    return found


@pytest.fixture(scope="module")
def small_parts():
    """Phụ lục II cut every 15 rows, so that the two units' report has several parts."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "CHUNK_ROWS", 15)
        yield


@pytest.fixture(scope="module")
def sample(registry, context, small_parts):
    figures = sample_figures(registry, context)
    meta = ReportMeta(year=2024, report_date=pipeline.default_report_date(figures), version=1)
    return figures, meta


@pytest.fixture(scope="module")
def joined(sample):
    figures, meta = sample
    return render_report(figures, meta, ATTACHED, workers=2)


@pytest.fixture(scope="module")
def whole(sample):
    """The same report laid out as one document, in this process."""
    figures, meta = sample
    return html_to_pdf(render_html(build_context(figures, meta)))


def test_phu_luc_ii_is_cut_into_equal_parts_numbered_within_each_field():
    groups = [("Kinh tế", [{"model": f"KT {i}"} for i in range(5)]),
              ("Văn hóa - xã hội", [{"model": f"VH {i}"} for i in range(6)])]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parts, "CHUNK_ROWS", 4)
        chunks = parts.exemplary_chunks(groups)
    assert [c["first"] for c in chunks] == [True, False, False]
    assert [[(g["number"], g["continued"], [r["index"] for r in g["rows"]]) for g in c["groups"]]
            for c in chunks] == [[(1, False, [1, 2, 3, 4])],
                                 [(1, True, [5]), (2, False, [1, 2])],
                                 [(2, True, [3, 4, 5, 6])]]
    assert chunks[1]["groups"][1]["rows"][0]["model"] == "VH 0"
    assert parts.exemplary_chunks([]) == [{"first": True, "groups": []}]


def test_the_report_is_rendered_in_several_parts(sample):
    figures, meta = sample
    context = build_context(figures, meta)
    listed = parts.report_parts(context)
    assert [p["front"] for p in listed] == [True] + [False] * (len(listed) - 1)
    assert len(listed) >= 3
    assert sum(len(g["rows"]) for p in listed for c in p["chunks"] for g in c["groups"]) == \
        len(figures.exemplary)


def test_the_joined_report_has_the_text_of_one_rendering_page_by_page(joined, whole):
    assert texts(joined) == texts(whole)


def test_page_numbers_run_on_across_the_parts(joined):
    pages = texts(joined)
    assert not re.search(r" \d+$", pages[0])  # ND30: the first page bears no number
    assert [int(re.search(r" (\d+)$", t).group(1)) for t in pages[1:]] == \
        list(range(2, len(pages) + 1))


def test_one_outline_with_the_report_s_headings_in_order(joined):
    entries = outline(joined)
    titles = [(depth, title) for depth, title, _ in entries]
    assert titles[:4] == [(0, "I. Tình hình chung"), (0, "II. Kết quả đăng ký mô hình “Dân vận khéo”"),
                          (1, "1. Theo lĩnh vực"), (1, "2. Theo cấp công đoàn")]
    assert (0, "IV. Đề xuất") in titles
    start = titles.index((0, "Phụ lục II"))
    assert titles[start - 1] == (0, "Phụ lục I")
    fields = [t for d, t in titles[start + 1:]]
    assert fields and all(d == 1 for d, _ in titles[start + 1:])
    assert fields == sorted(fields, key=lambda t: int(t.split(".")[0]))
    pages = texts(joined)
    for _, title, page in entries:  # each entry points at the page that shows its heading
        assert title.upper() in pages[page].upper(), (title, page)


def test_the_joined_report_is_pdfa_with_its_files_attached_once(joined):
    assert pdfa_problems(joined, tuple(ATTACHED)) == []
    with pikepdf.open(io.BytesIO(joined)) as pdf:
        assert str(pdf.Root.AcroForm.Fields[0].T) == "ChuKy"  # the signature field stays
        root = pdf.Root.StructTreeRoot
        assert len(root.K) == 1 and root.K[0].S == "/Document"
        nums = list(root.ParentTree.Nums)
        keys = [int(k) for k in nums[::2]]
        assert keys[:len(pdf.pages)] == list(range(len(pdf.pages)))
        assert [int(p.obj.StructParents) for p in pdf.pages] == list(range(len(pdf.pages)))
        assert all(kid.P.objgen == root.K[0].objgen for kid in root.K[0].K)


def test_the_same_bytes_every_time_whatever_the_number_of_processes(sample, joined):
    figures, meta = sample
    assert render_report(figures, meta, ATTACHED, workers=1) == joined
    assert render_report(figures, meta, ATTACHED, workers=2) == joined


def test_the_appendix_file_is_one_pdfa_numbered_on_across_its_parts(monkeypatch):
    rows = appendix.exemplary_rows(_registrations(120), {"Q-BD": "LĐLĐ quận Ba Đình"})
    monkeypatch.setattr(appendix, "PART_ROWS", 40)
    pdf = appendix.appendix_pdf(rows, "Báo cáo số ……/BC-LĐLĐ", "“Dân vận khéo” năm 2024",
                                "2024-12-26", workers=2)
    assert pdfa_problems(pdf) == []
    pages = texts(pdf)
    assert len(pages) > 3
    assert [re.search(r" Phụ lục 2 — trang (\d+)$", t).group(1) for t in pages] == \
        [str(n) for n in range(1, len(pages) + 1)]
    found = re.findall(r"Mô hình (\d{3}) ", " ".join(pages))
    assert found == [f"{i:03d}" for i in range(120)]
    assert [t for _, t, _ in outline(pdf)][:2] == [
        "Phụ lục 2. Danh sách mô hình “Dân vận khéo” tiêu biểu", "1. Lĩnh vực kinh tế"]
    assert appendix.appendix_pdf(rows, "Báo cáo số ……/BC-LĐLĐ", "“Dân vận khéo” năm 2024",
                                 "2024-12-26", workers=1) == pdf


def _registrations(n: int):
    import pandas as pd

    return pd.DataFrame({"unit": ["Q-BD"] * n, "file": ["bd.xlsx"] * n, "field": ["KT"] * n,
                         "type": ["collective"] * n, "model": [f"Mô hình {i:03d}" for i in range(n)],
                         "registrant": ["CĐCS Ánh Dương"] * n, "result": ["tieu_bieu"] * n},
                        index=range(7, 7 + n))


def test_a_large_run_renders_its_parts_from_the_forkserver_a_small_one_by_fork(sample, joined,
                                                                                monkeypatch):
    """A run holding a national year (its process past :data:`parts.FORK_LIMIT`) starts the
    render's processes from the forkserver: forks of it would each copy its pages (issue 10,
    P3). The bytes are the same either way."""
    import threading

    from thidua.report import parts

    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(parts, "FORK_LIMIT", 2**50)  # the test process itself may be large
    assert parts._context().get_start_method() == "fork"
    monkeypatch.setattr(parts, "FORK_LIMIT", 0)
    assert parts._context().get_start_method() == "forkserver"
    figures, meta = sample
    assert render_report(figures, meta, ATTACHED, workers=2) == joined
