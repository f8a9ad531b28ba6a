"""Excel's "Single File Web Page" (MHTML, ``.mht``/``.mhtml``, or saved under ``.xls``).

A MIME ``multipart/related`` message (RFC 2557): the workbook's page and, for a workbook of
several sheets, one page per sheet (``Book1_files/sheet001.htm``…) listed by the main page's
``<x:ExcelWorksheet>`` blocks (``<x:Name>``, ``<x:WorksheetSource HRef=…>``, a hidden sheet
``<x:Visible>SheetHidden``), beside a style sheet, a tab strip and a file list. The parts are
unpacked with the standard library's :mod:`email` parser (quoted-printable, base64, each
part's charset) and each sheet's page is read as a web page saved as a spreadsheet is
(:func:`thidua.ingest.htmltable.html_grid`). Nothing is fetched: parts are looked up among the
message's own by their ``Content-Location``.

Limits: the message's parts (:data:`thidua.ingest.limits.MAX_PARTS`) and sheets
(``MAX_SHEETS``), checked before any page is parsed (:func:`check_mhtml`, called by
:mod:`thidua.ingest.prescan`); the bytes themselves are bounded by ``MAX_FILE_BYTES``, and
decoding never makes a part larger than its text.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass

from thidua.ingest.limits import MAX_PARTS, MAX_SHEETS, exceeded, number
from thidua.ingest.workbook import FileRejected, is_mhtml  # noqa: F401 - recognised with the formats

_SHEET = re.compile(r"<x:ExcelWorksheet>(.*?)</x:ExcelWorksheet>", re.IGNORECASE | re.DOTALL)
_NAME = re.compile(r"<x:Name>(.*?)</x:Name>", re.IGNORECASE | re.DOTALL)
_SOURCE = re.compile(r"<x:WorksheetSource\s+HRef\s*=\s*[\"']?([^\"'\s>]+)", re.IGNORECASE)
_HIDDEN = re.compile(r"<x:Visible>\s*Sheet(?:Very)?Hidden\s*</x:Visible>", re.IGNORECASE)


@dataclass(frozen=True)
class Page:
    """A sheet's page: its name (``""`` when the archive names none), whether it is shown,
    and its HTML as UTF-8 bytes."""

    name: str
    visible: bool
    html: bytes


def _parts(data: bytes) -> list:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    parts = [p for p in message.walk() if not p.is_multipart()]
    if len(parts) > MAX_PARTS:
        raise FileRejected(exceeded("số phần của trang web lưu một tệp (.mht)",
                                    f"{number(len(parts))} phần", f"{number(MAX_PARTS)} phần"))
    return parts


def check_mhtml(data: bytes) -> None:
    """Raise :class:`FileRejected` when the archive has more parts or sheets than the limits."""
    pages = [p for p in _parts(data) if p.get_content_type() == "text/html"]
    if len(pages) > MAX_SHEETS + 2:  # a sheet each, the main page and the tab strip
        raise FileRejected(exceeded("số trang tính", f"{number(len(pages))} trang",
                                    f"{number(MAX_SHEETS)} trang"))


def _html_of(part) -> str:
    raw = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "utf-8"
    try:
        return raw.decode(charset)
    except (LookupError, UnicodeDecodeError):
        return raw.decode("utf-8", errors="replace")


def _location(part) -> str:
    return (part.get("Content-Location") or "").strip().replace("\\", "/")


def mhtml_pages(data: bytes) -> list[Page]:
    """The sheets' pages of an MHTML workbook, in the workbook's order: those its main page
    lists (``<x:ExcelWorksheet>``, found among the parts by the end of their
    ``Content-Location``), else every HTML part holding a ``<table>`` (a one-sheet workbook's
    main page holds the table itself). Raises :class:`FileRejected` when no part is a page
    with a table."""
    parts = [p for p in _parts(data) if p.get_content_type() == "text/html"]
    if not parts:
        raise FileRejected("Tệp là trang web lưu một tệp (.mht) nhưng không có trang nào; đề nghị "
                           "mở tệp bằng Excel, lưu dạng .xlsx rồi gửi lại.")
    texts = [(_location(p), _html_of(p)) for p in parts]
    main = texts[0][1]
    pages: list[Page] = []
    for block in _SHEET.findall(main):
        source = _SOURCE.search(block)
        if source is None:
            continue
        href = html.unescape(source.group(1)).replace("\\", "/").lstrip("./")
        name = _NAME.search(block)
        text = next((t for loc, t in texts if loc.endswith("/" + href) or loc == href), None)
        if text is not None:
            pages.append(Page(html.unescape(name.group(1).strip()) if name else "",
                              _HIDDEN.search(block) is None, text.encode("utf-8")))
    if not pages:  # one sheet: the main page holds its table (and names it, without a source)
        names = [html.unescape(m.group(1).strip()) for block in _SHEET.findall(main)
                 if (m := _NAME.search(block))]
        pages = [Page(names[0] if len(names) == 1 and i == 0 else "", True, t.encode("utf-8"))
                 for i, (_, t) in enumerate(texts) if re.search(r"<table\b", t, re.IGNORECASE)]
    if not pages:
        raise FileRejected("Tệp là trang web lưu một tệp (.mht) nhưng không có bảng nào; đề nghị "
                           "gửi biểu DVK-01 dạng Excel (.xlsx).")
    return pages
