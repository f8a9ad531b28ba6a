"""``thidua/ingest/packageparts.py`` on packages built in the test: targets written as Excel
writes them (relative to the workbook's folder; the writer of the other tests writes them from
the root), parts named with ``\\`` or in upper case, attributes left out, a DTD, an ``.ods``
known by its manifest alone."""

from __future__ import annotations

import io
import zipfile

from test_package_parts import ADVICE, BROKEN, MISSING, XLSX, _body, _changed, _reason

RELS = "xl/_rels/workbook.xml.rels"
WORKBOOK = "xl/workbook.xml"
PACKAGE = "_rels/.rels"
SHEET = "xl/worksheets/sheet1.xml"


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def _edited(data: bytes, part: str, old: bytes, new: bytes) -> bytes:
    body = _body(data, part)
    assert body.count(old) == 1, (part, old)
    return _changed(data, part, body.replace(old, new))


def _renamed(data: bytes, rename) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        return _zip({rename(n): src.read(n) for n in src.namelist()})


def _without(data: bytes, part: str) -> bytes:
    return _changed(data, part, None)


#: The sheet's target as Excel writes it: relative to the workbook's folder.
RELATIVE = _edited(XLSX, RELS, b'Target="/xl/worksheets/sheet1.xml"',
                   b'Target="worksheets/sheet1.xml"')


def test_a_target_relative_to_the_workbook_s_folder_is_found_there():
    assert _reason(RELATIVE) is None
    assert _reason(_without(RELATIVE, SHEET)) == MISSING.format(
        SHEET, "trang tính 'Danh sách'") + ADVICE
    up = _edited(RELATIVE, RELS, b'Target="worksheets/sheet1.xml"',
                 b'Target="../xl/worksheets/sheet1.xml"')
    assert _reason(up) is None


def test_part_names_with_backslashes_or_in_upper_case_are_found():
    backslashed = _renamed(XLSX, lambda n: n.replace("/", "\\") if n.startswith("xl/") else n)
    assert _reason(backslashed) is None
    assert _reason(_without(backslashed, "xl\\worksheets\\sheet1.xml")) == MISSING.format(
        SHEET, "trang tính 'Danh sách'") + ADVICE
    upper = _renamed(XLSX, lambda n: "XL/" + n[3:] if n.startswith("xl/") else n)
    assert _reason(upper) is None
    assert _reason(_without(upper, "XL/worksheets/sheet1.xml")) == MISSING.format(
        SHEET, "trang tính 'Danh sách'") + ADVICE


def test_a_part_with_a_dtd_is_broken():
    package = _body(XLSX, PACKAGE)
    data = _changed(XLSX, PACKAGE, b"<!DOCTYPE Relationships>" + package)
    assert _reason(data) == BROKEN.format(PACKAGE, "mục lục của tệp") + ADVICE


def test_an_ods_is_known_by_its_manifest_alone():
    manifest = {"META-INF/manifest.xml": b"<manifest/>"}
    assert _reason(_zip(manifest)) == MISSING.format("content.xml", "nội dung bảng tính") + ADVICE
    assert _reason(_zip({**manifest, "content.xml": b"<x/>"})) is None
    assert _reason(_zip({"readme.txt": b"a zip of no workbook"})) is None


def test_without_an_office_document_relationship_the_workbook_is_xl_workbook_xml():
    package = _body(XLSX, PACKAGE).replace(b"relationships/officeDocument",
                                           b"relationships/other")
    assert b"/officeDocument\"" not in package
    data = _changed(XLSX, PACKAGE, package)
    assert _reason(data) is None
    assert _reason(_without(data, WORKBOOK)) == MISSING.format(
        WORKBOOK, "danh sách trang tính") + ADVICE
    # nor does a main relationship without a target (was: "thiếu phần ''")
    blank = _edited(XLSX, PACKAGE, b'Target="xl/workbook.xml" ', b"")
    assert _reason(blank) is None
    assert _reason(_without(blank, WORKBOOK)) == MISSING.format(
        WORKBOOK, "danh sách trang tính") + ADVICE


def test_relationships_without_a_type_or_a_target_are_passed_over():
    # a relationship with no Type before the workbook's: not the workbook's
    data = _edited(XLSX, PACKAGE, b'package/2006/relationships">',
                   b'package/2006/relationships"><Relationship Target="x.xml" Id="rId9"/>')
    assert _reason(data) is None
    # the sheet's relationship without a Target, or the sheet naming no relationship: left to
    # the reader
    no_target = _edited(XLSX, RELS, b'Target="/xl/worksheets/sheet1.xml" ', b"")
    assert _reason(no_target) is None
    assert _reason(_without(no_target, SHEET)) is None
    unknown = _edited(XLSX, WORKBOOK, b'r:id="rId1"', b'r:id="rId7"')
    assert _reason(_without(unknown, SHEET)) is None


def test_only_sheets_are_looked_for():
    # an external link the workbook lists but the file lacks is no sheet: left to the reader
    external = _edited(XLSX, WORKBOOK, b"<definedNames/>",
                       b'<externalReferences><externalReference xmlns:r="http://schemas.'
                       b'openxmlformats.org/officeDocument/2006/relationships" r:id="rId9"/>'
                       b"</externalReferences><definedNames/>")
    external = _edited(external, RELS, b"</Relationships>",
                       b'<Relationship Type="http://schemas.openxmlformats.org/officeDocument/'
                       b'2006/relationships/externalLink" Target="externalLinks/externalLink1.'
                       b'xml" Id="rId9"/></Relationships>')
    assert _reason(external) is None


def test_a_sheet_without_a_name_is_named_empty():
    data = _edited(XLSX, WORKBOOK, b'name="Danh s\xc3\xa1ch" ', b"")
    assert _reason(_without(data, SHEET)) == MISSING.format(SHEET, "trang tính ''") + ADVICE
