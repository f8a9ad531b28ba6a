"""``thidua/ingest/salvage.py`` in this process, on packages built in the test (it runs inside
the parsing worker when a file is read: a mutation run sees none of the file-reading tests):
what is dropped, what is written anew and how, what the unit is told."""

from __future__ import annotations

import io
import zipfile

from thidua.ingest.salvage import MANIFEST, ODS_TYPE, salvage_note, without_broken_parts

CONTENT = b"<office:document-content xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>"
WHOLE_MANIFEST = b"<manifest/>"


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def _parts(data: bytes) -> dict[str, tuple[bytes, int]]:
    """Each part's body and compression, in the zip's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: (archive.read(i), i.compress_type) for i in archive.infolist()}


def test_an_ods_without_mimetype_and_manifest_has_both_written():
    fixed, wrong = without_broken_parts(_zip({"content.xml": CONTENT}))
    assert wrong == ("thiếu mimetype", "thiếu META-INF/manifest.xml")
    parts = _parts(fixed)
    assert list(parts) == ["mimetype", "content.xml", MANIFEST]  # mimetype first, as ODF asks
    assert parts["mimetype"] == (ODS_TYPE.encode(), zipfile.ZIP_STORED)  # and uncompressed
    assert parts["content.xml"] == (CONTENT, zipfile.ZIP_DEFLATED)
    manifest, how = parts[MANIFEST]
    assert how == zipfile.ZIP_DEFLATED
    assert manifest.startswith(b'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest ')
    assert f'manifest:full-path="/" manifest:media-type="{ODS_TYPE}"'.encode() in manifest
    assert b'manifest:full-path="content.xml" manifest:media-type="text/xml"' in manifest


def test_an_ods_missing_only_one_of_them_has_that_one_written():
    fixed, wrong = without_broken_parts(_zip({"mimetype": ODS_TYPE.encode(),
                                              "content.xml": CONTENT}))
    assert wrong == ("thiếu META-INF/manifest.xml",)
    assert list(_parts(fixed)) == ["mimetype", "content.xml", MANIFEST]
    fixed, wrong = without_broken_parts(_zip({"content.xml": CONTENT, MANIFEST: WHOLE_MANIFEST}))
    assert wrong == ("thiếu mimetype",)
    assert {n: b for n, (b, _) in _parts(fixed).items()} == {
        "mimetype": ODS_TYPE.encode(), "content.xml": CONTENT, MANIFEST: WHOLE_MANIFEST}


def test_an_ods_with_a_broken_manifest_has_it_written_anew():
    fixed, wrong = without_broken_parts(_zip({"mimetype": ODS_TYPE.encode(),
                                              "content.xml": CONTENT,
                                              MANIFEST: b"<manifest:manifest"}))
    assert wrong == ("META-INF/manifest.xml không đọc được",)
    parts = _parts(fixed)
    assert list(parts) == ["mimetype", "content.xml", MANIFEST]
    assert parts[MANIFEST][0].startswith(b'<?xml version="1.0"')


def test_a_whole_ods_or_a_zip_of_no_spreadsheet_is_left_as_it_is():
    assert without_broken_parts(_zip({"mimetype": ODS_TYPE.encode(), "content.xml": CONTENT,
                                      MANIFEST: WHOLE_MANIFEST})) is None
    # no content.xml: no .ods (nothing said missing)
    assert without_broken_parts(_zip({"readme.txt": b"a"})) is None
    # a content.xml beside xl/ parts: an .xlsx, whose manifest is none of its parts
    assert without_broken_parts(_zip({"content.xml": CONTENT, "xl/workbook.xml": b"<w/>",
                                      MANIFEST: b"<broken"})) is None


def test_a_decoration_part_with_a_dtd_is_dropped():
    data = _zip({"xl/workbook.xml": b"<w/>", "xl/styles.xml": b"<!DOCTYPE s><s/>"})
    fixed, wrong = without_broken_parts(data)
    assert wrong == ("xl/styles.xml không đọc được",)
    assert list(_parts(fixed)) == ["xl/workbook.xml"]


def test_the_note_names_every_part_wrong():
    assert salvage_note(("xl/styles.xml không đọc được", "thiếu mimetype")) == (
        "Tệp bị hỏng một phần (xl/styles.xml không đọc được; thiếu mimetype): đã đọc dữ liệu "
        "nhưng bỏ qua phần hỏng, định dạng ô (ví dụ ngày tháng) có thể bị mất; đề nghị mở tệp "
        "bằng Excel, lưu lại rồi gửi lại.")
