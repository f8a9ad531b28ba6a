"""End to end on the bundled sample: the Prefect flow, its files, and the PDF's content."""

from __future__ import annotations

import csv
import json
import re

import pytest
from pypdf import PdfReader

from conftest import FIXTURES, REGISTRY, SAMPLE_DIR
from thidua.ingest.discover import sha256_of

SEED_BY_FIELD = {"KT": {"collective": 230, "individual": 1238},
                 "VHXH": {"collective": 467, "individual": 3446},
                 "ANQP": {"collective": 218, "individual": 1470},
                 "XDHTCT": {"collective": 214, "individual": 1050}}


@pytest.fixture(scope="module")
def report(prefect_api, tmp_path_factory):
    from flows.annual_report import annual_report

    out = tmp_path_factory.mktemp("out-2024")
    outcome = annual_report(year=2024, raw_dir=str(SAMPLE_DIR), registry=str(REGISTRY),
                            out_dir=str(out))
    return out, outcome


@pytest.fixture(scope="module")
def pdf(report):
    return PdfReader(report[0] / "bao-cao-dan-van-kheo-2024.pdf")


@pytest.fixture(scope="module")
def pdf_text(pdf):
    return "\n".join(page.extract_text() for page in pdf.pages)


def test_summary_reproduces_the_published_2024_figures(report):
    summary = json.loads((report[0] / "summary.json").read_text(encoding="utf-8"))
    assert summary["year"] == 2024
    assert summary["registrations"] == {"total": 8333, "collective": 1129, "individual": 7204}
    assert summary["by_field"] == SEED_BY_FIELD
    assert summary["units"] == {"expected": 40, "submitted": 40, "missing": []}
    assert sum(v["collective"] + v["individual"] for v in summary["by_level"].values()) == 8333
    assert sum(t["collective"] + t["individual"] for unit in summary["by_unit"].values()
               for t in unit.values()) == 8333
    assert len(summary["by_unit"]) == 40
    assert report[1]["summary"] == summary


def test_no_row_is_lost(report):
    rows = json.loads((report[0] / "summary.json").read_text(encoding="utf-8"))["rows"]
    assert rows["read"] == rows["valid"] + rows["rejected"] + rows["ignored"]
    assert rows["valid"] == 8333
    assert rows["rejected"] > 0 and rows["ignored"] > 0


def test_every_injected_rejection_is_reported_with_its_excel_row(report):
    with (FIXTURES / "sample_2024_expected_rejections.csv").open(encoding="utf-8") as handle:
        expected = {(r["file"], r["sheet"], int(r["row"]), r["column"]) for r in csv.DictReader(handle)}
    raw = (report[0] / "rejected.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel opens it as UTF-8
    with (report[0] / "rejected.csv").open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.DictReader(handle))
    assert list(lines[0]) == ["file", "sheet", "row", "column", "value", "error"]
    got = {(r["file"], r["sheet"], int(r["row"]), r["column"]) for r in lines}
    assert got == expected
    assert all(r["error"] for r in lines)


def test_manifest_accounts_for_every_input_file(report):
    manifest = json.loads((report[0] / "manifest.json").read_text(encoding="utf-8"))
    files = sorted(p for p in SAMPLE_DIR.rglob("*") if p.is_file())
    assert [i["path"] for i in manifest["inputs"]] == [p.relative_to(SAMPLE_DIR).as_posix() for p in files]
    assert [i["sha256"] for i in manifest["inputs"]] == [sha256_of(p) for p in files]
    assert {i["status"] for i in manifest["inputs"]} == {"used"}
    assert manifest["registry_sha256"] == sha256_of(REGISTRY)
    names = {o["path"] for o in manifest["outputs"]}
    # Units with rejected rows, and N-GD, told that its hidden sheet 'Năm 2023' is not counted.
    units_with_rejections = {"H-BV", "H-GL", "H-PT", "H-UH", "N-YT", "Q-DD", "Q-HM", "N-GD"}
    assert names == {"bao-cao-dan-van-kheo-2024.pdf", "summary.json", "rejected.csv",
                     "phu-luc-tieu-bieu.xlsx"} | {
        f"phan-hoi/{code}.xlsx" for code in units_with_rejections}
    for output in manifest["outputs"]:
        assert sha256_of(report[0] / output["path"]) == output["sha256"]


def test_pdf_states_the_figures_in_vietnamese_format(pdf_text):
    text = re.sub(r"\s+", " ", pdf_text)
    for figure in ("8.333", "1.129", "7.204", "1.238", "3.446", "1.470", "1.050"):
        assert figure in text
    assert "1.129 tập thể và 7.204 cá nhân" in text
    assert "Ở lĩnh vực kinh tế có 230 mô hình tập thể và 1.238 mô hình cá nhân" in text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "/BC-LĐLĐ" in text and "Nơi nhận:" in text
    assert re.search(r"Hà Nội, ngày \d\d tháng (0[12]|1[0-2]|[3-9]) năm 2024", text)


def test_pdf_embeds_liberation_serif_only(pdf):
    fonts = set()
    for page in pdf.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
            descendant = font.get("/DescendantFonts")
            if descendant:
                descriptor = descendant[0].get_object()["/FontDescriptor"].get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(name.startswith("Liberation-Serif") for name in fonts), fonts


def test_pdf_metadata_outline_and_page_size(pdf):
    assert pdf.metadata.title == "Báo cáo kết quả đăng ký mô hình “Dân vận khéo” năm 2024"
    assert pdf.trailer["/Root"]["/Lang"] == "vi"
    titles = [item.title for item in pdf.outline if not isinstance(item, list)]
    assert "I. TÌNH HÌNH CHUNG" in [t.upper() for t in titles]
    first = pdf.pages[0].mediabox
    assert (round(float(first.width)), round(float(first.height))) == (595, 842)  # A4


def test_appendix_i_rows_sum_to_table_1_and_to_each_unit_s_total(report, pdf):
    """Appendix I of the PDF, read back from its text: one line per unit with 8 counts (field ×
    type) and the total; the columns sum to Table 1 (summary.json ``by_field``) and each row's
    cells sum to its total."""
    summary = json.loads((report[0] / "summary.json").read_text(encoding="utf-8"))
    def heading(numeral: str):  # the appendix's own line "Phụ lục I" (ND30: Roman numerals)
        return re.compile(rf"^Phụ lục {numeral}$", re.M)
    start = next(i for i, page in enumerate(pdf.pages) if heading("I").search(page.extract_text()))
    end = next(i for i, page in enumerate(pdf.pages) if heading("II").search(page.extract_text()))
    number = r"\d{1,3}(?:\.\d{3})*"
    line = re.compile(rf"^(\d+) (.+?) ((?:{number} ){{8}}{number})$")
    rows = [m for page in pdf.pages[start:end] for text in page.extract_text().splitlines()
            if (m := line.match(text.strip()))]
    assert [int(m.group(1)) for m in rows] == list(range(1, 41))
    cells = [[int(v.replace(".", "")) for v in m.group(3).split()] for m in rows]
    assert all(sum(c[:8]) == c[8] for c in cells)
    columns = [sum(c[i] for c in cells) for i in range(8)]
    assert columns == [summary["by_field"][f][k] for f in ("KT", "VHXH", "ANQP", "XDHTCT")
                       for k in ("collective", "individual")]
    assert sum(c[8] for c in cells) == summary["registrations"]["total"]
