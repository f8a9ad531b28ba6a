import pytest

from thidua.report.render import LocalOnlyFetcher, html_to_pdf
from thidua.settings import TEMPLATES_DIR


def test_templates_escape_spreadsheet_text():

    from thidua.report import render

    html = render._environment().from_string("<td>{{ x }}</td>").render(
        x='<img src="http://evil.example/x.png">')
    assert "<img" not in html and "&lt;img" in html


def test_renderer_fetches_only_local_template_files():
    fetcher = LocalOnlyFetcher()
    with pytest.raises(ValueError, match="only local template files"):
        fetcher.fetch("http://127.0.0.1:9/x.png")
    with pytest.raises(ValueError, match="outside"):
        fetcher.fetch("file:///etc/passwd")
    css = fetcher.fetch((TEMPLATES_DIR / "report.css").as_uri())
    assert css.read() == (TEMPLATES_DIR / "report.css").read_bytes()  # the template's own bytes


def test_a_pdf_with_a_remote_image_renders_without_fetching_it(caplog):
    pdf = html_to_pdf('<html lang="vi"><body><p>Xin chào</p>'
                      '<img src="http://127.0.0.1:9/tracker.png"></body></html>')
    from pypdf import PdfReader
    import io

    assert PdfReader(io.BytesIO(pdf)).pages[0].extract_text().strip() == "Xin chào"
    assert "only local template files" in caplog.text
