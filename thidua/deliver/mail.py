"""The e-mail of the report: its subject, its Vietnamese text and the message to one
recipient with the PDF attached (standard library ``email``). Sending is
:mod:`thidua.deliver.smtp`; addresses are :mod:`thidua.deliver.addresses`.
"""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from thidua.deliver.addresses import clean_name, recipient_address, sender_address
from thidua.deliver.attachment import attach_pdf, attachment_name
from thidua.publish.published import PublishedVersion
from thidua.report.formatting import NOT_DATA_HEADING, short_date

SIGNATURE = "Văn phòng Liên đoàn Lao động thành phố Hà Nội"


def subject(published: PublishedVersion) -> str:
    """``Báo cáo “Dân vận khéo” năm 2024 - bản số 2 (thay thế bản số 1)``."""
    text = f"Báo cáo “Dân vận khéo” năm {published.year} - bản số {published.version}"
    if published.replaces:
        text += f" (thay thế bản số {published.replaces['version']})"
    return text


def replaced_date(later: dict) -> str:
    """``dd/mm/yyyy`` of a ``{"version", "date"}`` whose date is ISO (as the manifests
    write it); ``""`` when there is none or it is not a date."""
    try:
        return short_date(dt.date.fromisoformat(str(later.get("date") or "")))
    except ValueError:
        return ""


def body(published: PublishedVersion, name: str, role: str = "") -> str:
    """The message's text: greeting (name and role), which version is attached, what changed
    since the previous one (the manifest's ``changes``), which version replaced it when it is
    no longer in force ("Bản này đã được thay thế bởi bản số M ngày dd/mm/yyyy", issue 13.4),
    the PDF's SHA-256, the signature."""
    lines = [f"Kính gửi đồng chí {name}" + (f", {role}," if role else ","), "",
             "Liên đoàn Lao động thành phố Hà Nội trân trọng gửi đồng chí Báo cáo kết quả đăng ký "
             f"mô hình “Dân vận khéo” năm {published.year}, bản số {published.version} "
             f"(tệp đính kèm {attachment_name(published)}).", ""]
    replaces = published.replaces
    if replaces:
        when = short_date(dt.date.fromisoformat(replaces["date"]))  # ISO, as draft_version writes it
        lines.append(f"Bản này thay thế bản số {replaces['version']} ngày {when}. Những thay đổi:")
        lines += [f"  - {change}" for change in published.changes] or ["  - (không ghi nhận)"]
        if published.date_change:  # the day this version was made: not a change of the data
            lines += [f"{NOT_DATA_HEADING}:", f"  - {published.date_change}"]
    else:
        lines.append("Đây là bản đầu tiên của báo cáo năm nay.")
    if published.replaced_by:  # sent with --force: say it is no longer in force
        when = replaced_date(published.replaced_by)
        lines += ["", f"Bản này đã được thay thế bởi bản số {published.replaced_by['version']}"
                      + (f" ngày {when}" if when else "") + "."]
    lines += ["", f"Mã kiểm tra SHA-256 của tệp: {published.pdf_sha256}", "", "Trân trọng,",
              SIGNATURE, "", "(Thư được gửi tự động; xin đừng trả lời thư này.)"]
    return "\n".join(lines) + "\n"


def compose_message(published: PublishedVersion, name: str, email: str, sender: str,
                    pdf: bytes, role: str = "") -> EmailMessage:
    """One message to one recipient, with the PDF (``pdf``: its bytes) attached.

    ``To`` and ``From`` are built as :class:`email.headerregistry.Address` objects, never
    as text, so a name with a comma, quotes, ``<``, ``>``, ``@`` or ``;`` stays one display
    name and a newline can never start a header (issue 16.7). Raises :class:`AddressError`
    when ``email`` or ``sender`` is not one usable address (:func:`parse_address`).
    """
    to = recipient_address(name, email)
    source = sender_address(sender)
    message = EmailMessage()
    message["Subject"] = subject(published)
    message["From"] = source
    message["To"] = to
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=source.domain)
    message.set_content(body(published, to.display_name or email, clean_name(role)))
    attach_pdf(message, pdf, attachment_name(published))
    return message
