"""The PDF/A-3b requirements the report relies on, checked with pikepdf (no validator such as
veraPDF can be installed here). ``spec/outputs.md``, "PDF/A-3b and signature", lists them;
each check below names its clause of ISO 19005-3 (PDF/A-3).

:func:`pdfa_problems` returns the broken requirements as Vietnamese lines; an empty list means
every requirement listed holds. It is run on every report after rendering (tests) and after
signing (:mod:`thidua.publish.sign`), and by ``thidua verify``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from xml.etree import ElementTree

import pikepdf

from thidua.publish.attached import associated_files_problems

NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/", "pdf": "http://ns.adobe.com/pdf/1.3/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}

#: Document information key → XMP property it must agree with (ISO 19005-3, 6.6.2.3.1).
INFO_TO_XMP = {"/Title": "dc:title", "/Author": "dc:creator", "/Subject": "dc:description",
               "/Keywords": "pdf:Keywords", "/Creator": "xmp:CreatorTool",
               "/Producer": "pdf:Producer", "/CreationDate": "xmp:CreateDate",
               "/ModDate": "xmp:ModifyDate"}

def pdfa_problems(data: bytes, attached: tuple[str, ...] | None = None) -> list[str]:
    """Every PDF/A-3b requirement of ``spec/outputs.md`` that ``data`` (PDF bytes) breaks,
    one Vietnamese line each (empty list: all hold). ``attached``: the file names that must
    be attached, each exactly once (default: no such requirement).

    Never raises for a damaged PDF: an unreadable file is one problem.
    """
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PdfError as exc:
        return [f"không mở được tệp PDF: {exc}"]
    with pdf:
        problems = []
        for check in (_header, _trailer, _xmp_identification, _xmp_agrees_with_info,
                      _output_intent, _fonts_embedded, _annotations, _forbidden,
                      _tagged):
            problems += check(data, pdf)
        problems += associated_files_problems(pdf, attached)
        return problems


def _header(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """6.1.2: ``%PDF-1.n`` header (n ≤ 7) followed by a comment of four bytes above 127."""
    match = re.match(rb"%PDF-1\.[0-7]\r?\n%([\x80-\xff]{4})", data)
    return [] if match else ["đầu tệp không phải %PDF-1.n kèm dòng chú thích nhị phân (6.1.2)"]


def _trailer(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """6.1.3: a file identifier (``/ID``) in the trailer, no encryption."""
    problems = []
    if "/ID" not in pdf.trailer or len(pdf.trailer.ID) != 2:
        problems.append("trailer không có mã định danh /ID (6.1.3)")
    if pdf.is_encrypted or "/Encrypt" in pdf.trailer:
        problems.append("tệp bị mã hóa (6.1.3)")
    return problems


def _xmp(pdf: pikepdf.Pdf) -> ElementTree.Element | None:
    if "/Metadata" not in pdf.Root:
        return None
    try:
        return ElementTree.fromstring(pdf.Root.Metadata.read_bytes())
    except ElementTree.ParseError:
        return None


def _xmp_values(root: ElementTree.Element, prop: str) -> list[str]:
    """Every value of ``prop`` (``prefix:name``) in the XMP packet: as attributes of
    ``rdf:Description``, or as elements (simple, ``rdf:Alt``/``rdf:Seq``/``rdf:Bag`` items)."""
    prefix, name = prop.split(":")
    tag = f"{{{NS[prefix]}}}{name}"
    values = []
    for description in root.iter(f"{{{NS['rdf']}}}Description"):
        if tag in description.attrib:
            values.append(description.attrib[tag])
        for element in description.iter(tag):
            items = list(element.iter(f"{{{NS['rdf']}}}li"))
            values.append(", ".join(li.text or "" for li in items) if items else element.text or "")
    return values


def _xmp_identification(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """6.6.2.1 and 6.6.4: a readable XMP metadata stream in the catalog, with
    ``pdfaid:part`` 3 and ``pdfaid:conformance`` B."""
    root = _xmp(pdf)
    if root is None:
        return ["không có siêu dữ liệu XMP đọc được trong /Metadata (6.6.2.1)"]
    part, conformance = _xmp_values(root, "pdfaid:part"), _xmp_values(root, "pdfaid:conformance")
    if part != ["3"] or conformance != ["B"]:
        return [f"XMP không khai báo PDF/A-3b (pdfaid:part={part}, "
                f"pdfaid:conformance={conformance}) (6.6.4)"]
    return []


def _pdf_date(text: str) -> dt.datetime | None:
    m = re.match(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?", text)
    if not m:
        return None
    parts = [int(p) if p else d for p, d in zip(m.groups()[:6], (0, 1, 1, 0, 0, 0))]
    zone = m.group(7) or "Z"
    offset = (dt.timedelta(0) if zone == "Z" else
              (1 if zone[0] == "+" else -1) * dt.timedelta(hours=int(zone[1:3]),
                                                           minutes=int(zone.replace("'", "")[3:5])))
    return dt.datetime(*parts, tzinfo=dt.timezone(offset))


def _xmp_date(text: str) -> dt.datetime | None:
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _xmp_agrees_with_info(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """6.6.2.3.1: every document information entry with an XMP equivalent has it, with the
    same value (dates compared as instants)."""
    root = _xmp(pdf)
    if root is None or "/Info" not in pdf.trailer:
        return []
    problems = []
    for key, prop in INFO_TO_XMP.items():
        if key not in pdf.docinfo:
            continue
        info = str(pdf.docinfo[key])
        values = _xmp_values(root, prop)
        if key.endswith("Date"):
            same = any(_xmp_date(v) is not None and _xmp_date(v) == _pdf_date(info) for v in values)
        else:
            same = info in values
        if not same or len(values) != 1:
            problems.append(f"thông tin tài liệu {key} = '{info}' không khớp XMP {prop} = "
                            f"{values} (6.6.2.3.1)")
    return problems


def _output_intent(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """6.2.3: one ``/GTS_PDFA1`` output intent whose ICC profile is an RGB one (sRGB), since
    the pages paint in DeviceRGB."""
    intents = [i for i in pdf.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        return [f"cần đúng một OutputIntent /GTS_PDFA1, có {len(intents)} (6.2.3)"]
    profile = intents[0].get("/DestOutputProfile")
    if profile is None or int(profile.get("/N", 0)) != 3:
        return ["OutputIntent không có hồ sơ màu ICC RGB (sRGB) (6.2.3)"]
    header = profile.read_bytes()[:20]
    if header[16:20] != b"RGB ":
        return ["hồ sơ màu của OutputIntent không phải RGB (6.2.3)"]
    return []


def _fonts(resources, seen: set) -> list[tuple[str, pikepdf.Dictionary]]:
    """Every font reachable from ``resources`` (form XObjects and Type 3 resources too)."""
    found = []
    if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
        return found
    seen.add(resources.objgen)
    for name, font in (resources.get("/Font") or {}).items():
        found.append((name, font))
        if font.get("/Subtype") == "/Type0":
            found += [(name, d) for d in font.DescendantFonts]
        found += _fonts(font.get("/Resources"), seen)
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            found += _fonts(xobject.get("/Resources"), seen)
    return found


def _fonts_embedded(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """6.2.11.4: every font used (pages, form XObjects, annotation appearances) is embedded:
    its descriptor has ``/FontFile``, ``/FontFile2`` or ``/FontFile3`` (Type 3 fonts and
    Type 0 parents carry their glyphs otherwise)."""
    seen: set = set()
    fonts = []
    for page in pdf.pages:
        fonts += _fonts(page.obj.get("/Resources"), seen)
        for annot in page.obj.get("/Annots", []):
            for appearance in (annot.get("/AP") or {}).values():
                if isinstance(appearance, pikepdf.Stream):
                    fonts += _fonts(appearance.get("/Resources"), seen)
    problems = []
    for name, font in fonts:
        if font.get("/Subtype") in ("/Type3", "/Type0"):
            continue
        descriptor = font.get("/FontDescriptor")
        if descriptor is None or not any(k in descriptor for k in
                                         ("/FontFile", "/FontFile2", "/FontFile3")):
            problems.append(f"phông chữ {font.get('/BaseFont', name)} không được nhúng (6.2.11.4)")
    return sorted(set(problems))


def _annotations(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """6.3.2 and 6.3.3: every annotation is printable and not hidden (``/F`` print bit set,
    hidden/invisible/no-view bits clear) and, but for a zero-size rectangle, has a normal
    appearance stream."""
    problems = []
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.obj.get("/Annots", []):
            if annot.get("/Subtype") == "/Popup":  # exempt: drawn by its parent annotation
                continue
            flags = int(annot.get("/F", 0))
            if not flags & 4 or flags & (1 | 2 | 32):
                problems.append(f"chú thích ({annot.get('/Subtype')}) ở trang {number} không "
                                f"được đặt cờ in (6.3.2)")
            rect = [float(v) for v in annot.get("/Rect", [0, 0, 0, 0])]
            empty = rect[0] == rect[2] or rect[1] == rect[3]
            if annot.get("/Subtype") != "/Link" and not empty and "/N" not in (annot.get("/AP") or {}):
                problems.append(f"chú thích ({annot.get('/Subtype')}) ở trang {number} không có "
                                f"hình hiển thị /AP /N (6.3.3)")
    return problems


def _forbidden(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """6.6.1 and 6.4.1: no JavaScript, no ``NeedAppearances`` true in an AcroForm."""
    problems = []
    if "/JavaScript" in (pdf.Root.get("/Names") or {}):
        problems.append("tệp có JavaScript (6.6.1)")
    form = pdf.Root.get("/AcroForm")
    if form is not None and bool(form.get("/NeedAppearances", False)):
        problems.append("AcroForm đặt NeedAppearances (6.4.1)")
    return problems


def _tagged(data: bytes, pdf: pikepdf.Pdf) -> list[str]:
    """Accessibility, beyond PDF/A-3b (``spec/outputs.md``): marked content (``/MarkInfo
    /Marked true``), a structure tree, and the document's language (``/Lang``)."""
    problems = []
    mark = pdf.Root.get("/MarkInfo")
    if mark is None or not bool(mark.get("/Marked", False)) or "/StructTreeRoot" not in pdf.Root:
        problems.append("tệp không được gắn thẻ (MarkInfo/StructTreeRoot) cho người đọc khiếm thị")
    if not str(pdf.Root.get("/Lang", "")):
        problems.append("tệp không khai báo ngôn ngữ /Lang")
    return problems
