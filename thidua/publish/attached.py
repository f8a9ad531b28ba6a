"""The files attached to the report as PDF/A-3 associated files (ISO 19005-3, 6.8): the check
that each is attached once, fully described, and listed in the catalog's ``/AF``
(:func:`associated_files_problems`, part of :func:`thidua.publish.pdfa.pdfa_problems`), and
reading them back (:func:`attached_files`; ``thidua verify``), with pikepdf."""

from __future__ import annotations

import io

import pikepdf

#: The ``AFRelationship`` values PDF/A-3 allows (6.8).
RELATIONSHIPS = {"/Source", "/Data", "/Alternative", "/Supplement", "/EncryptedPayload",
                 "/FormData", "/Schema", "/Unspecified"}


def _embedded_files(pdf: pikepdf.Pdf) -> list[tuple[str, pikepdf.Dictionary]]:
    """``(name, file specification)`` of the ``/EmbeddedFiles`` name tree (flat or with kids)."""
    tree = (pdf.Root.get("/Names") or {}).get("/EmbeddedFiles")
    return _name_tree_entries(tree, set()) if tree is not None else []


def _name_tree_entries(node, seen: set) -> list[tuple[str, pikepdf.Dictionary]]:
    """Every ``(key, value)`` of a name tree, duplicates kept (a mapping would hide them)."""
    if node.objgen in seen and node.objgen != (0, 0):
        return []
    seen.add(node.objgen)
    names = list(node.get("/Names", []))
    found = [(str(names[i]), names[i + 1]) for i in range(0, len(names) - 1, 2)]
    for kid in node.get("/Kids", []):
        found += _name_tree_entries(kid, seen)
    return found


def associated_files_problems(pdf: pikepdf.Pdf, attached: tuple[str, ...] | None) -> list[str]:
    """Vietnamese lines, one per broken requirement of 6.8: each embedded file is an associated file of the document (in the catalog's
    ``/AF``), with ``/F`` and ``/UF``, an ``AFRelationship``, a MIME type (``/Subtype``) and a
    modification date; ``/AF`` lists each once; ``attached`` names are there, once each."""
    problems = []
    files = _embedded_files(pdf)
    af = list(pdf.Root.get("/AF", []))
    af_ids = [spec.objgen for spec in af]
    for name, spec in files:
        count = af_ids.count(spec.objgen)
        if count != 1:
            problems.append(f"tệp đính kèm {name} có {count} lần trong /AF, cần đúng 1 lần (6.8)")
        if "/F" not in spec or "/UF" not in spec:
            problems.append(f"tệp đính kèm {name} thiếu /F hoặc /UF (6.8)")
        if str(spec.get("/AFRelationship", "")) not in RELATIONSHIPS:
            problems.append(f"tệp đính kèm {name} thiếu AFRelationship (6.8)")
        stream = (spec.get("/EF") or {}).get("/F")
        if stream is None:
            problems.append(f"tệp đính kèm {name} không có nội dung /EF /F (6.8)")
            continue
        if "/" not in str(stream.get("/Subtype", ""))[1:]:
            problems.append(f"tệp đính kèm {name} thiếu kiểu MIME /Subtype (6.8)")
        if "/ModDate" not in (stream.get("/Params") or {}):
            problems.append(f"tệp đính kèm {name} thiếu ngày sửa /Params /ModDate (6.8)")
    listed = {spec.objgen for _, spec in files}
    if any(i not in listed for i in af_ids):
        problems.append("/AF có mục không phải tệp đính kèm của tài liệu (6.8)")
    if attached is not None:
        names = [name for name, _ in files]
        for name in attached:
            if names.count(name) != 1:
                problems.append(f"tệp {name} được đính kèm {names.count(name)} lần, cần đúng 1 lần")
    return problems


def attached_files(data: bytes) -> dict[str, dict]:
    """The files attached to the PDF ``data``: name → ``{"data": bytes, "mime": "text/csv",
    "relationship": "Data", "description": str}``. Raises ``pikepdf.PdfError`` for an
    unreadable PDF."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        found = {}
        for name, spec in _embedded_files(pdf):
            stream = spec.EF.F
            found[name] = {"data": stream.read_bytes(),
                           "mime": str(stream.get("/Subtype", ""))[1:].replace("#2f", "/"),
                           "relationship": str(spec.get("/AFRelationship", ""))[1:],
                           "description": str(spec.get("/Desc", ""))}
        return found
