"""What makes the report's PDF an archival, signable document (``spec/outputs.md``,
"PDF/A-3b and signature"): its data files attached as associated files, each listed once,
and an empty signature field over the room left for the signature in the signature block.

WeasyPrint writes the PDF/A-3b structure (fonts embedded, sRGB output intent, XMP metadata);
:class:`ArchiveFinisher` runs on WeasyPrint's PDF objects just before they are written, so no
second pass over the bytes is needed and the output stays reproducible.
"""

from __future__ import annotations

import datetime as dt
import io

import pydyf
import weasyprint
from pathlib import Path
from weasyprint.urls import URLFetcher

from thidua.settings import TEMPLATES_DIR

#: ``AFRelationship`` of each attached file (PDF 2.0, 14.13; PDF/A-3, 6.8): the figures and the
#: rejected rows are the data the report presents; the manifest lists the sources it was made from.
RELATIONSHIPS = {"summary.json": "Data", "rejected.csv": "Data", "manifest.json": "Source"}

#: Vietnamese description of each attached file (``/Desc``).
DESCRIPTIONS = {"summary.json": "Số liệu của báo cáo (máy đọc được)",
                "rejected.csv": "Các dòng và tệp bị từ chối, kèm lý do",
                "manifest.json": "Danh mục tệp đầu vào và kết quả, kèm SHA-256"}

#: The signature field's name (``/T``), which :mod:`thidua.publish.sign` fills.
SIGNATURE_FIELD = "ChuKy"

#: The class of the HTML element that leaves room for the signature and seal.
SIGNATURE_CLASS = "sig-space"

#: The PDF variant every report is written in (``spec/outputs.md``, "PDF/A-3b").
PDF_VARIANT = "pdf/a-3b"

#: CSS pixels → PDF points.
_PT = 0.75


def pdf_attachments(files: dict[str, bytes], stamp: dt.datetime) -> list[weasyprint.Attachment]:
    """WeasyPrint attachments for ``files`` (name → bytes), in the given order, each with its
    MIME type (WeasyPrint guesses it from the name: ``application/json``, ``text/csv``),
    ``AFRelationship``
    (:data:`RELATIONSHIPS`, else ``Data``), description, and creation and modification date
    ``stamp`` (never the clock: reproducible bytes)."""
    return [weasyprint.Attachment(file_obj=io.BytesIO(data), name=name,
                                  description=DESCRIPTIONS.get(name, name),
                                  created=stamp, modified=stamp,
                                  relationship=RELATIONSHIPS.get(name, "Data"))
            for name, data in files.items()]


class ArchiveFinisher:
    """A WeasyPrint ``finisher`` (called with the document and the ``pydyf.PDF`` before it is
    written) that

    - keeps each entry of the catalog's ``/AF`` once (WeasyPrint 70 lists every attachment
      twice: Kozea/WeasyPrint#2917; WeasyPrint writes each file's MIME type from its name);
    - adds an empty, printable signature field :data:`SIGNATURE_FIELD` over the first element
      of class :data:`SIGNATURE_CLASS` (with an empty appearance, as PDF/A requires of a
      widget), so that a signature can later be placed exactly there
      (:mod:`thidua.publish.sign`).
    """

    def __call__(self, document, pdf: pydyf.PDF) -> None:
        self._unique_associated_files(pdf)
        placed = _signature_place(document)
        if placed:
            self._add_signature_field(pdf, *placed)

    @staticmethod
    def _unique_associated_files(pdf: pydyf.PDF) -> None:
        if "AF" not in pdf.catalog:
            return
        unique = pydyf.Array()
        for reference in pdf.catalog["AF"]:
            if reference not in unique:
                unique.append(reference)
        pdf.catalog["AF"] = unique

    @staticmethod
    def _add_signature_field(pdf: pydyf.PDF, page_index: int, rect: list[float]) -> None:
        width, height = rect[2] - rect[0], rect[3] - rect[1]
        appearance = pydyf.Stream([], {"Type": "/XObject", "Subtype": "/Form",
                                       "BBox": pydyf.Array([0, 0, width, height]),
                                       "Resources": pydyf.Dictionary()})
        pdf.add_object(appearance)
        page_number = pdf.pages["Kids"][3 * page_index]
        page = pdf.objects[page_number]
        widget = pydyf.Dictionary({
            "Type": "/Annot", "Subtype": "/Widget", "FT": "/Sig",
            "T": pydyf.String(SIGNATURE_FIELD), "F": 4,
            "Rect": pydyf.Array([round(v, 2) for v in rect]),
            "P": f"{page_number} 0 R".encode(),
            "AP": pydyf.Dictionary({"N": appearance.reference}),
        })
        pdf.add_object(widget)
        page.setdefault("Annots", pydyf.Array()).append(widget.reference)
        pdf.catalog["AcroForm"] = pydyf.Dictionary({"Fields": pydyf.Array([widget.reference])})


def _signature_place(document) -> tuple[int, list[float]] | None:
    """``(page index, [x1, y1, x2, y2] in PDF points)`` of the first box whose element has
    class :data:`SIGNATURE_CLASS`, or ``None``."""
    for index, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or SIGNATURE_CLASS not in (element.get("class") or "").split():
                continue
            if getattr(box, "element_tag", None) is None or not hasattr(box, "border_box_x"):
                continue
            x, y = box.border_box_x(), box.border_box_y()
            w, h = box.border_width(), box.border_height()
            top = page.height
            return index, [x * _PT, (top - y - h) * _PT, (x + w) * _PT, (top - y) * _PT]
    return None


def document_pdf(document: weasyprint.Document, attachments: dict[str, bytes] | None = None,
                 stamp: dt.datetime | None = None, tagged: bool = True) -> bytes:
    """PDF/A-3b bytes of a laid-out ``document`` (:func:`thidua.report.render.html_document`), tagged (WeasyPrint
    ``pdf_tags``) unless ``tagged`` is false, with ``attachments`` (file name → bytes)
    embedded as associated files (:func:`pdf_attachments`, dated
    ``stamp``, default 2000-01-01 UTC) and an empty signature field over the element of
    class ``sig-space`` when there is one (:class:`ArchiveFinisher`).
    No clock time nor random ID goes in: the same document, attachments and stamp give the
    same bytes (``spec/outputs.md``)."""
    stamp = stamp or dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    return document.write_pdf(pdf_identifier=b"thidua", custom_metadata=True,
                              pdf_variant=PDF_VARIANT, pdf_tags=tagged,
                              attachments=pdf_attachments(attachments or {}, stamp),
                              finisher=ArchiveFinisher())


class LocalOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves ``data:`` URLs and files under
    ``report_templates/`` only; anything else (http, other files) raises."""

    def __init__(self, root: Path = TEMPLATES_DIR):
        super().__init__(allowed_protocols={"file", "data"})
        self._root = root.resolve()

    def fetch(self, url, headers=None):
        if url.startswith("file:"):
            from urllib.parse import unquote, urlsplit
            path = Path(unquote(urlsplit(url).path)).resolve()
            if not path.is_relative_to(self._root):
                raise ValueError(f"Refusing to fetch {url}: outside {self._root}")
        elif not url.startswith("data:"):
            raise ValueError(f"Refusing to fetch {url}: only local template files")
        return super().fetch(url, headers)


def html_document(html: str) -> weasyprint.Document:
    """The laid-out WeasyPrint document of ``html``: relative URLs resolve inside
    ``report_templates/``; nothing else is fetched (:class:`LocalOnlyFetcher`)."""
    return weasyprint.HTML(string=html, base_url=str(TEMPLATES_DIR) + "/",
                           url_fetcher=LocalOnlyFetcher()).render()
