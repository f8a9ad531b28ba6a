"""Sending one message: SMTP settings from the environment or a Prefect Secret, one send over
a fresh connection, which failures are worth retrying, and the log's Vietnamese line for each
(standard library ``smtplib``).

SMTP settings never live in the repository: they come from the environment
(:data:`ENVIRONMENT`), or from a Prefect Secret block named by ``THIDUA_SMTP_SECRET`` (loaded by
the caller, :func:`flows.annual_report.load_secret`), the environment winning.
"""

from __future__ import annotations

import ipaddress
import smtplib
import socket
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage

from thidua.deliver.addresses import AddressError, sender_address, shown

#: Setting → environment variable.
ENVIRONMENT = {"host": "THIDUA_SMTP_HOST", "port": "THIDUA_SMTP_PORT",
               "security": "THIDUA_SMTP_SECURITY", "user": "THIDUA_SMTP_USER",
               "password": "THIDUA_SMTP_PASSWORD", "sender": "THIDUA_SMTP_SENDER"}
#: The environment variable naming a Prefect Secret block with the settings (a JSON object with
#: the keys of :data:`ENVIRONMENT`) or with the password alone (a string).
SECRET_VARIABLE = "THIDUA_SMTP_SECRET"
SECURITIES = {"starttls": 587, "ssl": 465, "none": 25}


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
