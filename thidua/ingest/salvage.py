"""A workbook damaged only in what decorates it, read all the same (damaged workbooks never lose
their registrations when the data itself is intact).

An ``.xlsx``/``.ods`` is a zip of XML parts. When a part that only decorates the workbook (its
styles, theme, document properties, calculation chain, printer settings, comments, drawings)
is not well-formed XML, spreadsheet readers refuse the whole file although every cell is
intact. :func:`without_broken_parts` drops such parts so that the cells can be read; the unit
is told which parts were dropped and that formats (e.g. dates shown as dates) may be lost.
Parts that hold the data (``xl/workbook.xml``, worksheets, shared strings, ``content.xml``)
are never dropped: a file broken there stays rejected.
"""

from __future__ import annotations

import io
import re
import zipfile

from defusedxml import ElementTree

#: Parts that only decorate a workbook (OOXML and ODF); the data never lives in them.
OPTIONAL_PARTS = re.compile(
    r"^(xl/styles\.xml|xl/theme/[^/]+\.xml|docProps/[^/]+\.xml|xl/calcChain\.xml|"
    r"xl/comments\d*\.xml|xl/threadedComments/[^/]+\.xml|xl/persons/[^/]+\.xml|"
    r"xl/drawings/[^/]+\.xml|customXml/[^/]+\.xml|styles\.xml|meta\.xml|settings\.xml)$")


def _well_formed(body: bytes) -> bool:
    try:
        ElementTree.fromstring(body, forbid_dtd=True)
    except Exception:  # any parse failure or forbidden construct: not usable
        return False
    return True


def without_broken_parts(data: bytes) -> tuple[bytes, tuple[str, ...]] | None:
    """``(zip bytes, dropped part names)``: the workbook ``data`` without its optional parts
    (:data:`OPTIONAL_PARTS`) that are not well-formed XML; ``None`` when ``data`` is not a
    readable zip or no optional part is broken (nothing to salvage). Never raises."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            infos = source.infolist()
            broken = tuple(i.filename for i in infos if OPTIONAL_PARTS.match(i.filename)
                           and not _well_formed(source.read(i.filename)))
            if not broken:
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for info in infos:
                    if info.filename not in broken:
                        target.writestr(info, source.read(info.filename))
    except Exception:  # a zip that cannot even be listed: nothing to salvage
        return None
    return out.getvalue(), broken


def salvage_note(dropped: tuple[str, ...]) -> str:
    """The line telling a unit its file was read without its broken parts."""
    return (f"Tệp bị hỏng một phần ({', '.join(dropped)} không đọc được): đã đọc dữ liệu nhưng "
            f"bỏ qua phần hỏng, định dạng ô (ví dụ ngày tháng) có thể bị mất; đề nghị mở tệp "
            f"bằng Excel, lưu lại rồi gửi lại.")
