"""A LibreOffice "Flat XML ODF Spreadsheet" (``.fods``): the OpenDocument spreadsheet as one
XML document instead of a zip of parts. python-calamine reads only the zip, so a ``.fods`` was
refused "Định dạng tệp '.fods' không được nhận" (fresh tester G's 307). Its
``<office:document>`` holds what an ``.ods``'s ``content.xml`` holds (the body, the automatic
styles) and its named styles: written as the ``content.xml`` of an ``.ods`` package, with the
package's ``mimetype`` and manifest (ODF 1.2, part 3), it is read as any ``.ods``, cells and
facts (merges, hidden rows, struck cells) alike. An extension of ``spec/submission-form.md``,
"The file" (``docs/contracts.md``).
"""

from __future__ import annotations

import io
import zipfile

from thidua.ingest.salvage import MANIFEST, MANIFEST_XML, ODS_TYPE

#: The root element of a flat ODF document, and the spreadsheet's media type on it.
_ROOT, _TYPE = b"<office:document ", ODS_TYPE.encode()


def is_flat_ods(data: bytes) -> bool:
    """Whether a file's bytes are a flat ODF spreadsheet: an XML document whose root
    ``office:document`` (within the first 8.192 bytes) says the spreadsheet's media type."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return False
    at = head.find(_ROOT)
    return at >= 0 and _TYPE in head[at:head.find(b">", at) + 1 or None]


def as_ods(data: bytes) -> bytes:
    """The ``.ods`` package holding the flat document ``data`` as its ``content.xml``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", ODS_TYPE, zipfile.ZIP_STORED)
        package.writestr("content.xml", data)
        package.writestr(MANIFEST, MANIFEST_XML)
    return out.getvalue()
