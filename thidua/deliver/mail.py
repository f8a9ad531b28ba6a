"""E-mail of the report: SMTP settings, the Vietnamese message, one send (standard library).

SMTP settings never live in the repository: they come from the environment
(:data:`ENVIRONMENT`), or from a Prefect Secret block named by ``THIDUA_SMTP_SECRET`` (loaded by
the caller, :func:`flows.annual_report.load_secret`), the environment winning.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import smtplib
import socket
import ssl
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import formatdate, getaddresses, make_msgid

from thidua.deliver.attachment import attach_pdf, attachment_name
from thidua.publish.published import PublishedVersion
from thidua.report.formatting import NOT_DATA_HEADING, short_date

#: Setting → environment variable.
ENVIRONMENT = {"host": "THIDUA_SMTP_HOST", "port": "THIDUA_SMTP_PORT",
               "security": "THIDUA_SMTP_SECURITY", "user": "THIDUA_SMTP_USER",
               "password": "THIDUA_SMTP_PASSWORD", "sender": "THIDUA_SMTP_SENDER"}
#: The environment variable naming a Prefect Secret block with the settings (a JSON object with
#: the keys of :data:`ENVIRONMENT`) or with the password alone (a string).
SECRET_VARIABLE = "THIDUA_SMTP_SECRET"
SECURITIES = {"starttls": 587, "ssl": 465, "none": 25}
SIGNATURE = "Văn phòng Liên đoàn Lao động thành phố Hà Nội"


class MailError(Exception):
    """SMTP settings are missing or unsafe; ``str(exc)`` is the one-line Vietnamese reason."""


class AddressError(ValueError):
    """An e-mail address that is not exactly one usable address; ``str(exc)`` says, in
    Vietnamese, what is wrong and what is expected (issue 16.7)."""


#: What a recipient's address must look like, said to whoever fixes ``recipients.csv``.
ADDRESS_EXPECTED = ("cần đúng một địa chỉ dạng ten@ten-mien.vn, không kèm tên, dấu phẩy, "
                    "dấu chấm phẩy hay khoảng trắng")
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$")


def shown(text: str) -> str:
    """``text`` safe to quote in a one-line message: control characters become ``�``."""
    return "".join(c if c.isprintable() else "\ufffd" for c in text)


def clean_name(text: str) -> str:
    """A display name or role as one line: control characters (newlines included) become
    spaces, runs of spaces one space. What remains (commas, quotes, ``<``, ``>``, ``@``,
    ``;``) is quoted or encoded by the e-mail package, never read as an address or a header."""
    return " ".join("".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                            for c in text).split())


def parse_address(text: str) -> Address:
    """One bare address (``ten@ten-mien.vn``) as an :class:`email.headerregistry.Address`
    whose domain is ASCII: an internationalised domain (``côngđoàn.vn``) is converted to its
    IDNA form (``xn--…``) so that any server takes it; a non-ASCII local part is kept (it
    needs a server with SMTPUTF8, RFC 6531; :func:`send_message` fails clearly otherwise).

    Raises :class:`AddressError` when ``text`` is not exactly one such address: a name or
    ``<…>`` around it, several addresses, spaces or control characters, no ``@``, a domain
    without a dot or with a label that is not letters, digits and inner hyphens.
    """
    def refuse(reason: str) -> AddressError:
        return AddressError(f"địa chỉ e-mail '{shown(text)}' không hợp lệ ({reason}): "
                            f"{ADDRESS_EXPECTED}")

    if not text or any(c.isspace() or not c.isprintable() for c in text):
        raise refuse("trống" if not text else "có khoảng trắng hoặc ký tự điều khiển")
    if text.count("@") != 1 or any(c in text for c in ',;<>()[]"\\'):
        raise refuse("không phải đúng một địa chỉ")
    local, _, domain = text.partition("@")
    if not local or not domain:
        raise refuse("không đọc được")
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise refuse(f"tên miền '{shown(domain)}' không hợp lệ") from None
    labels = ascii_domain.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        raise refuse(f"tên miền '{shown(domain)}' không hợp lệ")
    # The email package parses ASCII local parts only; RFC 6531 allows any non-ASCII letter
    # where an ASCII letter may stand, so the local part is checked with those as "a".
    probe = "".join(c if c.isascii() else "a" for c in local) + "@" + ascii_domain
    try:
        parsed = Address(addr_spec=probe)
    except (ValueError, HeaderParseError, IndexError):
        raise refuse("không đọc được") from None
    if parsed.addr_spec != probe:
        raise refuse("không đọc được")
    return Address(username=local, domain=ascii_domain.lower())


def recipient_address(name: str, email: str) -> Address:
    """The ``To`` of a message to one person: :func:`parse_address` with ``name`` cleaned
    (:func:`clean_name`) as its display name. Raises :class:`AddressError`."""
    bare = parse_address(email)
    return Address(display_name=clean_name(name), username=bare.username, domain=bare.domain)


def sender_address(text: str) -> Address:
    """The configured sender (``Văn phòng <vanphong@example.org>`` or a bare address) as
    one :class:`~email.headerregistry.Address`. Raises :class:`AddressError`."""
    found = getaddresses([text])
    if len(found) != 1:
        raise AddressError(f"người gửi '{shown(text)}' không phải đúng một địa chỉ")
    name, spec = found[0]
    return recipient_address(name, spec)


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send. ``security``: ``starttls`` (default, port 587), ``ssl``
    (implicit TLS, port 465) or ``none`` (plain, port 25; only without a password or on the
    loopback). ``sender``: the From address, optionally with a display name."""

    host: str
    port: int
    security: str = "starttls"
    user: str | None = None
    password: str | None = None
    sender: str = ""
    timeout: float = 10.0


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def smtp_settings(environ: Mapping[str, str], secret: str | Mapping | None = None) -> SmtpSettings:
    """SMTP settings from ``secret`` (the Secret block's value: a mapping of settings, or the
    password alone) overridden by ``environ`` (:data:`ENVIRONMENT`).

    Raises :class:`MailError` when the host or the sender is missing, the security or the port
    is not valid, or a password would travel unencrypted to another machine.
    """
    values: dict[str, str] = {}
    if isinstance(secret, Mapping):
        values.update({k: str(v) for k, v in secret.items() if k in ENVIRONMENT and v is not None})
    elif secret:
        values["password"] = str(secret)
    values.update({k: environ[v] for k, v in ENVIRONMENT.items() if environ.get(v)})
    for key in ("host", "sender"):
        if not values.get(key):
            raise MailError(f"Chưa cấu hình gửi thư: thiếu {ENVIRONMENT[key]} "
                            f"(hoặc khối Secret của Prefect tên trong {SECRET_VARIABLE}).")
    security = values.get("security", "starttls").lower()
    if security not in SECURITIES:
        raise MailError(f"{ENVIRONMENT['security']}='{security}' không hợp lệ: dùng "
                        f"{', '.join(SECURITIES)}.")
    try:
        port = int(values.get("port") or SECURITIES[security])
    except ValueError:
        raise MailError(f"{ENVIRONMENT['port']}='{values['port']}' không phải số cổng.") from None
    try:
        sender_address(values["sender"])
    except AddressError as exc:
        raise MailError(f"{ENVIRONMENT['sender']}: {exc}.") from None
    if security == "none" and values.get("password") and not _is_loopback(values["host"]):
        raise MailError("Không gửi mật khẩu SMTP qua kết nối không mã hóa: đặt "
                        f"{ENVIRONMENT['security']}=starttls hoặc ssl.")
    return SmtpSettings(host=values["host"], port=port, security=security,
                        user=values.get("user"), password=values.get("password"),
                        sender=values["sender"])


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


def envelope_recipient(message: EmailMessage) -> str:
    """The one address a message is for: its ``To`` read back by the e-mail package must
    hold exactly one address, and there is no ``Cc`` or ``Bcc``. Raises
    :class:`AddressError` otherwise (the message is never sent)."""
    addresses = [a for header in ("To", "Cc", "Bcc") for value in message.get_all(header, [])
                 for a in value.addresses]
    if len(addresses) != 1 or not addresses[0].username:
        raise AddressError("thư phải gửi cho đúng một người nhận, nhưng có "
                           f"{len(addresses)} địa chỉ: "
                           + ", ".join(shown(a.addr_spec) for a in addresses))
    return addresses[0].addr_spec


def send_message(settings: SmtpSettings, message: EmailMessage) -> str:
    """Send one message over a fresh connection to its one recipient
    (:func:`envelope_recipient`) and return that address once the server accepted it.

    Raises ``smtplib.SMTPRecipientsRefused`` when the server refused it, other
    ``smtplib.SMTPException`` (``SMTPNotSupportedError`` for a non-ASCII address on a server
    without SMTPUTF8) or ``OSError`` (see :func:`is_transient` for which are worth retrying),
    :class:`AddressError` for a message not addressed to exactly one person."""
    recipient = envelope_recipient(message)
    context = ssl.create_default_context()
    if settings.security == "ssl":
        smtp = smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                context=context)
    else:
        smtp = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    with smtp:
        if settings.security == "starttls":
            smtp.starttls(context=context)
        if settings.user:
            smtp.login(settings.user, settings.password or "")
        refused = smtp.send_message(message, to_addrs=[recipient])
    if refused:  # smtplib returns the refused ones when some others were accepted
        raise smtplib.SMTPRecipientsRefused(refused)
    return recipient


def is_transient(exc: BaseException) -> bool:
    """Whether a failed send may succeed later: 4xx replies, a dropped or refused connection,
    a time-out. 5xx replies (RFC 5321: permanent), TLS errors and missing server features are
    not retried."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(exc, (smtplib.SMTPException, ssl.SSLError)):
        return False
    return isinstance(exc, OSError)


class OutOfTime(Exception):
    """A distribution's time budget ran out before this recipient could be tried; ``seconds``
    is the budget (:attr:`thidua.deliver.distribution.Retry.budget`)."""

    def __init__(self, seconds: float):
        super().__init__(seconds)
        self.seconds = seconds


def describe_error(exc: BaseException) -> str:
    """One line for the log, in Vietnamese: the server's code and reply, or what went wrong
    with the connection; else the error's kind and text."""
    def reply(code: int, text: bytes | str) -> str:
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{code} {' '.join(text.split())}"

    if isinstance(exc, AddressError):
        return f"Không gửi: {exc}"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return ("Máy chủ thư không nhận địa chỉ có ký tự ngoài ASCII (không hỗ trợ SMTPUTF8): "
                "dùng địa chỉ không dấu của người nhận, hoặc máy chủ khác")
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "Máy chủ thư từ chối người nhận: " + "; ".join(
            reply(code, text) for code, text in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return "Máy chủ thư trả lời: " + reply(exc.smtp_code, exc.smtp_error)
    if isinstance(exc, OutOfTime):
        return (f"Chưa gửi: đã hết {exc.seconds:g} giây dành cho lần gửi này (máy chủ thư không "
                f"trả lời); chạy lại lệnh khi máy chủ thư hoạt động, người đã nhận không bị gửi lại")
    if isinstance(exc, ConnectionRefusedError):
        return "Không kết nối được máy chủ thư: máy chủ từ chối kết nối (chưa chạy, hoặc sai cổng)"
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return "Máy chủ thư không trả lời kịp (hết thời gian chờ kết nối)"
    if isinstance(exc, socket.gaierror):
        return "Không tìm thấy máy chủ thư (sai tên máy chủ THIDUA_SMTP_HOST?)"
    if isinstance(exc, (smtplib.SMTPServerDisconnected, ConnectionError)):
        return f"Mất kết nối với máy chủ thư ({type(exc).__name__})"
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"
