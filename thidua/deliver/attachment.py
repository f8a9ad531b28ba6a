"""The report attached to a mail under a Vietnamese name that every common client shows
intact (issue 13.4): RFC 2231 ``filename*`` for the standard's readers, RFC 2047 ``name=`` for
older Outlook and webmail. Standard library only."""

from __future__ import annotations

import base64
from email.message import EmailMessage

from thidua.publish.published import PublishedVersion


def attachment_name(published: PublishedVersion) -> str:
    """The PDF's name in the mail, in Vietnamese: ``Báo cáo Dân vận khéo năm 2024 - bản số
    2.pdf``, ``… - bản số 2 (đã ký số).pdf`` for the signed file (the recipient sees which
    version it is and that it is signed; the file on disk keeps its ASCII name)."""
    signed = " (đã ký số)" if getattr(published, "signed", False) else ""
    return f"Báo cáo Dân vận khéo năm {published.year} - bản số {published.version}{signed}.pdf"


def encoded_words(text: str, charset: str = "utf-8") -> list[str]:
    """``text`` as RFC 2047 encoded words (``=?utf-8?b?…?=``, base64), each of at most 39
    bytes of text (whole characters) so that one fits on a folded header line."""
    words, chunk = [], ""
    for char in text:
        if chunk and len((chunk + char).encode(charset)) > 39:
            words.append(chunk)
            chunk = ""
        chunk += char
    words.append(chunk)
    return [f"=?{charset}?b?{base64.b64encode(w.encode(charset)).decode('ascii')}?="
            for w in words]


def attach_pdf(message: EmailMessage, pdf: bytes, filename: str) -> None:
    """Attach ``pdf`` as ``filename`` so that a name with Vietnamese letters arrives intact in
    common clients: ``Content-Disposition: attachment; filename*=utf-8''…`` (RFC 2231, what
    the standard and most clients read; the e-mail package writes it, with continuations
    ``filename*0*=…; filename*1*=…`` when long) and ``Content-Type: application/pdf;
    name="=?utf-8?b?…?="`` (RFC 2047 in ``name=``, what older Outlook and webmail read;
    stored as folded text, since the e-mail package would rewrite it as RFC 2231). Issue 13.4.
    """
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=filename)
    *_, part = message.iter_attachments()
    if filename.isascii():
        return
    del part["Content-Type"]
    part.set_raw("Content-Type", 'application/pdf;\n name="' + "\n ".join(encoded_words(filename))
                 + '"')
