"""Parts of one report, rendered apart (:mod:`thidua.report.parts`), joined into one PDF/A-3b with
pikepdf: what a single rendering would hold, whatever the number of parts.

- The first part is the base: its catalog (XMP metadata, output intent, ``/Lang``, the
  attached files listed once in ``/AF``, the signature field) and document information stay
  as they are; the other parts give their pages only.
- One structure tree (tagged PDF): each part's top-level structure elements go under the
  first part's ``Document`` element, in order; the parent tree is renumbered (pages
  ``0…N-1``, then the annotations), with each page's ``/StructParents`` and each
  annotation's ``/StructParent``.
- One outline, built from every part's headings with their levels (an ``h2`` continuing a
  section of an earlier part nests under that section's ``h1``), pointing at the joined pages.
- Continuous page numbers: each part is rendered without them; one small document holding
  only the numbers, laid out by WeasyPrint with the report's own ``@page`` rules on pages of
  the same sizes, is drawn on each page after its content (a form XObject marked
  ``/Artifact``, as WeasyPrint marks its margin boxes), so the first page stays unnumbered and
  page n shows n.
- Reproducible: no clock, the file identifier derived from the content (qpdf
  ``deterministic_id``).
"""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, OutlineItem


#: Name of the page style of a landscape page (``report.css``: ``@page appendix``).
LANDSCAPE_PAGE = "appendix"
#: The page number's form XObject in each page's resources (a fixed name: reproducible bytes).
NUMBER = "/ThiduaPageNumber"


def numbers_html(sizes: list[tuple[float, float]], numbers_css: str) -> str:
    """One empty page per entry of ``sizes`` (portrait: the default page, landscape:
    :data:`LANDSCAPE_PAGE`), under ``report.css`` and ``numbers_css``: WeasyPrint prints on
    them the page numbers of ``report.css`` (or of ``numbers_css``) and nothing else."""
    pages = "".join(f'<div class="n"{" style=%s" % "page:" + LANDSCAPE_PAGE if w > h else ""}>'
                    f"</div>" for w, h in sizes)
    return ('<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            '<link rel="stylesheet" href="report.css">'
            f"<style>.n {{ break-before: page; height: 1px; }} {numbers_css}</style></head>"
            f"<body>{pages}</body></html>")


def page_numbers(sizes: list[tuple[float, float]], numbers_css: str) -> pikepdf.Pdf:
    """The pages of :func:`numbers_html`, rendered (untagged). Raises ``ValueError`` when a
    page's size differs from ``sizes`` (a page style the numbers do not know)."""
    from thidua.report.archive import document_pdf, html_document

    document = html_document(numbers_html(sizes, numbers_css))
    got = [(round(p.width * 0.75, 2), round(p.height * 0.75, 2)) for p in document.pages]
    if got != [(round(w, 2), round(h, 2)) for w, h in sizes]:
        raise ValueError(f"page sizes of the numbers {got[:3]}… differ from the parts' {sizes[:3]}…")
    return pikepdf.open(io.BytesIO(document_pdf(document, tagged=False)))


def join_parts(parts: list, numbers_css: str = "") -> bytes:
    """One PDF of ``parts`` in order (see the module's docstring). ``numbers_css``: CSS for
    the page numbers after ``report.css`` (``""``: the report's own)."""
    base = pikepdf.open(io.BytesIO(parts[0].pdf))
    root = base.Root.StructTreeRoot
    document = root.K[0]
    page_keys: list = []  # per joined page: its array of marked contents → structure elements
    annotations: list = []  # structure parents of annotations, in order
    for number, part in enumerate(parts):
        other = base if number == 0 else pikepdf.open(io.BytesIO(part.pdf))
        tree = other.Root.StructTreeRoot
        nums = list(tree.ParentTree.Nums)
        entries = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        if number:
            base.pages.extend(other.pages)
            for kid in tree.K[0].K:
                copied = base.copy_foreign(kid)
                copied.P = document
                document.K.append(copied)
        count = len(part.sizes)
        for key in sorted(entries):
            value = entries[key] if number == 0 else _copied(base, entries[key])
            (page_keys if key < count else annotations).append(value)
    total = len(page_keys)
    if total != len(base.pages):
        raise ValueError(f"{total} pages in the structure tree, {len(base.pages)} joined")
    nums = Array()
    for index, (page, marks) in enumerate(zip(base.pages, page_keys)):
        page.obj.StructParents = index
        nums.extend([index, marks])
    for offset, annotation in enumerate(annotations):
        annotation.StructParent = total + offset
        nums.extend([total + offset, annotation])
    root.ParentTree = base.make_indirect(Dictionary(Nums=nums))
    _outline(base, parts)
    _number_pages(base, [s for part in parts for s in part.sizes], numbers_css)
    out = io.BytesIO()
    base.save(out, deterministic_id=True, fix_metadata_version=False,
              object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _copied(base: pikepdf.Pdf, value):
    """``value`` of another part copied into ``base``: an array element by element (the
    elements are indirect and were copied with the pages), an indirect object as itself."""
    if isinstance(value, Array):
        return Array([base.copy_foreign(item) for item in value])
    return base.copy_foreign(value)


def _outline(base: pikepdf.Pdf, parts: list) -> None:
    """Replace the first part's outline with one of every part's headings, nested by level
    (as WeasyPrint nests them: a heading goes under the last one of a lower level)."""
    if "/Outlines" in base.Root:
        del base.Root.Outlines
    with base.open_outline() as outline:
        stack: list[tuple[int, list]] = [(0, outline.root)]
        first = 0
        for part in parts:
            for index, level, label, x, y in part.bookmarks:
                item = OutlineItem(label, first + index, "XYZ", left=x, top=y, zoom=0)
                while stack[-1][0] >= level:
                    stack.pop()
                stack[-1][1].append(item)
                stack.append((level, item.children))
            first += len(part.sizes)


def _number_pages(base: pikepdf.Pdf, sizes: list[tuple[float, float]], numbers_css: str) -> None:
    """Draw each page's number (:func:`page_numbers`) after its content (where WeasyPrint
    paints its margin boxes: the text reads in the same order), as an artifact."""
    numbers = page_numbers(sizes, numbers_css)
    for page, number in zip(base.pages, numbers.pages):
        if not number.obj.get("/Contents"):
            continue
        form = base.copy_foreign(number.as_form_xobject())
        # a page's own resources: WeasyPrint shares one dictionary between a part's pages
        resources = page.obj.get("/Resources", Dictionary())
        xobjects = Dictionary({k: v for k, v in resources.get("/XObject", Dictionary()).items()})
        xobjects[NUMBER] = form
        page.obj.Resources = Dictionary({**{k: v for k, v in resources.items()}, "/XObject": xobjects})
        page.contents_add(base.make_stream(b"/Artifact BMC q " + NUMBER.encode() + b" Do Q EMC\n"))
