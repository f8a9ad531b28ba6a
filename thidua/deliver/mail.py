"""E-mail of the report: SMTP settings, the Vietnamese message, one send (standard library).

SMTP settings never live in the repository: they come from the environment
(:data:`ENVIRONMENT`), or from a Prefect Secret block named by ``THIDUA_SMTP_SECRET`` (loaded by
the caller, :func:`flows.annual_report.load_secret`), the environment winning.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid, parseaddr

from thidua.publish.published import PublishedVersion
from thidua.report.formatting import short_date

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
    timeout: float = 30.0


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


def body(published: PublishedVersion, name: str, role: str = "") -> str:
    """The message's text: greeting (name and role), which version is attached, what changed
    since the previous one (the manifest's ``changes``), the PDF's SHA-256, the signature."""
    lines = [f"Kính gửi đồng chí {name}" + (f", {role}," if role else ","), "",
             "Liên đoàn Lao động thành phố Hà Nội trân trọng gửi đồng chí Báo cáo kết quả đăng ký "
             f"mô hình “Dân vận khéo” năm {published.year}, bản số {published.version} "
             f"(tệp đính kèm {published.pdf.name}).", ""]
    replaces = published.replaces
    if replaces:
        when = short_date(dt.date.fromisoformat(replaces["date"]))  # ISO, as draft_version writes it
        lines.append(f"Bản này thay thế bản số {replaces['version']} ngày {when}. Những thay đổi:")
        lines += [f"  - {change}" for change in published.changes] or ["  - (không ghi nhận)"]
    else:
        lines.append("Đây là bản đầu tiên của báo cáo năm nay.")
    lines += ["", f"Mã kiểm tra SHA-256 của tệp: {published.pdf_sha256}", "", "Trân trọng,",
              SIGNATURE, "", "(Thư được gửi tự động; xin đừng trả lời thư này.)"]
    return "\n".join(lines) + "\n"


def compose_message(published: PublishedVersion, name: str, email: str, sender: str,
                    pdf: bytes, role: str = "") -> EmailMessage:
    """One message to one recipient, with the PDF (``pdf``: its bytes) attached."""
    message = EmailMessage()
    message["Subject"] = subject(published)
    message["From"] = sender
    message["To"] = formataddr((name, email))
    message["Date"] = formatdate(localtime=True)
    domain = parseaddr(sender)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(body(published, name, role))
    message.add_attachment(pdf, maintype="application", subtype="pdf",
                           filename=published.pdf.name)
    return message


def send_message(settings: SmtpSettings, message: EmailMessage) -> None:
    """Send one message over a fresh connection. Raises ``smtplib.SMTPException`` or
    ``OSError`` (see :func:`is_transient` for which are worth retrying)."""
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
        smtp.send_message(message)


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


def describe_error(exc: BaseException) -> str:
    """One line for the log: the server's code and reply, or the error's kind and text."""
    def reply(code: int, text: bytes | str) -> str:
        text = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return f"{code} {' '.join(text.split())}"

    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "Máy chủ thư từ chối người nhận: " + "; ".join(
            reply(code, text) for code, text in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return "Máy chủ thư trả lời: " + reply(exc.smtp_code, exc.smtp_error)
    return f"{type(exc).__name__}: {' '.join(str(exc).split())}"
