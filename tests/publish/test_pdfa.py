"""The report is PDF/A-3b with its data attached (issue 11.1): the check of
thidua.publish.pdfa passes on the rendered report, and each requirement it relies on goes red
when that requirement is broken on purpose (``spec/outputs.md``, "PDF/A-3b and signature")."""

from __future__ import annotations

import io
import json

import pikepdf
import pytest

from archive_fixtures import small_version  # noqa: F401 - a fixture
from thidua.publish.outputs import attached_manifest_of
from thidua.publish.attached import attached_files
from thidua.publish.pdfa import pdfa_problems
from thidua.report.render import html_to_pdf
from thidua.settings import report_filename

ATTACHED = ("summary.json", "rejected.csv", "manifest.json")


def edited(pdf: bytes, change) -> bytes:
    """``pdf`` rewritten by pikepdf after ``change(pdf_object)``."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        change(document)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def test_the_rendered_report_meets_every_pdfa_requirement(small_version):
    assert pdfa_problems(small_version[2], ATTACHED) == []


def test_the_report_declares_pdfa_3b_in_its_xmp_and_embeds_an_srgb_intent(small_version):
    with pikepdf.open(io.BytesIO(small_version[2])) as pdf:
        with pdf.open_metadata() as meta:
            assert meta["pdfaid:part"] == "3" and meta["pdfaid:conformance"] == "B"
            assert meta["dc:title"] == str(pdf.docinfo["/Title"])
        intent = pdf.Root.OutputIntents[0]
        assert intent.S == "/GTS_PDFA1"
        assert intent.DestOutputProfile.read_bytes()[16:20] == b"RGB "
        assert pdf.Root.MarkInfo.Marked and "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "vi"


def test_each_data_file_is_attached_once_with_its_mime_type_and_relationship(small_version):
    out, outputs, pdf = small_version
    files = attached_files(pdf)
    assert {n: (f["mime"], f["relationship"]) for n, f in files.items()} == {
        "summary.json": ("application/json", "Data"), "rejected.csv": ("text/csv", "Data"),
        "manifest.json": ("application/json", "Source")}
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert sorted(str(f.UF) for f in document.Root.AF) == sorted(ATTACHED)


def test_the_attachments_are_the_versions_files_and_the_manifest_lacks_only_the_pdf(small_version):
    out, outputs, pdf = small_version
    folder = out / "versions" / "v1"
    files = attached_files((folder / report_filename(2024)).read_bytes())
    assert files["summary.json"]["data"] == (folder / "summary.json").read_bytes()
    assert files["rejected.csv"]["data"] == (folder / "rejected.csv").read_bytes()
    published = (folder / "manifest.json").read_bytes()
    assert files["manifest.json"]["data"] == attached_manifest_of(published, report_filename(2024))
    inner = json.loads(files["manifest.json"]["data"])
    assert report_filename(2024) not in [o["path"] for o in inner["outputs"]]
    assert {"summary.json", "rejected.csv"} <= {o["path"] for o in inner["outputs"]}
    outer = json.loads(published)["outputs"][0]
    assert outer["path"] == report_filename(2024)


def test_weasyprint_listing_attachments_twice_is_undone():
    """WeasyPrint 70 puts every attachment twice in /AF (Kozea/WeasyPrint#2917)."""
    pdf = html_to_pdf('<html lang="vi"><body><p>Xin chào</p></body></html>',
                      {"summary.json": b"{}", "rejected.csv": b"a\r\n"})
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert [str(f.UF) for f in document.Root.AF] == ["summary.json", "rejected.csv"]
    assert pdfa_problems(pdf, ("summary.json", "rejected.csv")) == []


def _drop_intent(pdf):
    del pdf.Root["/OutputIntents"]


def _twice_in_af(pdf):
    pdf.Root.AF.append(pdf.Root.AF[0])


def _title_differs(pdf):
    pdf.docinfo["/Title"] = "Một tiêu đề khác"


def _xmp_says_pdfa_2(pdf):
    data = pdf.Root.Metadata.read_bytes().replace(b'pdfaid:part="3"', b'pdfaid:part="2"')
    pdf.Root.Metadata.write(data)


def _font_not_embedded(pdf):
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            descriptor = (font.DescendantFonts[0] if "/DescendantFonts" in font else font).FontDescriptor
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                if key in descriptor:
                    del descriptor[key]
            return


def _no_relationship(pdf):
    del pdf.Root.AF[0]["/AFRelationship"]


def _hidden_widget(pdf):
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            annot.F = 2


def _encrypted_or_no_id(pdf):
    del pdf.trailer["/ID"]


def _untagged(pdf):
    del pdf.Root["/StructTreeRoot"]


@pytest.mark.parametrize("change, said", [
    (_drop_intent, "OutputIntent /GTS_PDFA1"),
    (_twice_in_af, "có 2 lần trong /AF"),
    (_title_differs, "/Title = 'Một tiêu đề khác' không khớp XMP dc:title"),
    (_xmp_says_pdfa_2, "XMP không khai báo PDF/A-3b"),
    (_font_not_embedded, "không được nhúng"),
    (_no_relationship, "thiếu AFRelationship"),
    (_hidden_widget, "không được đặt cờ in"),
    (_untagged, "không được gắn thẻ"),
])
def test_each_broken_requirement_is_reported(small_version, change, said):
    problems = pdfa_problems(edited(small_version[2], change), ATTACHED)
    assert any(said in p for p in problems), problems


def test_a_missing_file_identifier_is_reported(small_version):
    with pikepdf.open(io.BytesIO(small_version[2])) as document:
        out = io.BytesIO()
        document.save(out, static_id=True)
    data = out.getvalue()
    assert pdfa_problems(data) == []  # qpdf writes an /ID: the check is not blind to it
    start = data.rindex(b"/ID")
    end = data.index(b"]", start)
    broken = data[:start] + b" " * (end + 1 - start) + data[end + 1:]
    assert any("/ID" in p for p in pdfa_problems(broken))


def test_a_file_attached_twice_under_one_name_is_reported(small_version):
    def twice(pdf):
        names = pdf.Root.Names.EmbeddedFiles.Names
        names.append(pikepdf.String("summary.json"))
        names.append(names[1])
    problems = pdfa_problems(edited(small_version[2], twice), ATTACHED)
    assert "tệp summary.json được đính kèm 2 lần, cần đúng 1 lần" in problems


def test_an_unreadable_file_is_one_problem():
    assert pdfa_problems(b"%PDF-1.7\nkhong phai pdf") != []
