"""A real SMTP server on the loopback for tests (aiosmtpd), which keeps what it receives and
can refuse chosen recipients, for good (550) or for a while (451)."""

from __future__ import annotations

import email
import email.policy
import socket
from pathlib import Path
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller

from thidua.deliver.recipients import Recipient


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Handler:
    """aiosmtpd handler. ``refuse``: addresses answered 550 at RCPT; ``busy``: address → how
    many more times to answer 451 before accepting. ``messages``: what was accepted, parsed;
    ``rcpt_attempts``: every RCPT TO address seen, in order."""

    refuse: set[str] = field(default_factory=set)
    busy: dict[str, int] = field(default_factory=dict)
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    rcpt_attempts: list[str] = field(default_factory=list)
    #: each accepted message's bytes exactly as received (its raw headers, for issue 13.4)
    raw: list[bytes] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.rcpt_attempts.append(address)
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        if self.busy.get(address, 0) > 0:
            self.busy[address] -= 1
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.raw.append(envelope.original_content)
        self.messages.append(email.message_from_bytes(envelope.original_content,
                                                      policy=email.policy.default))
        return "250 Message accepted for delivery"


class MailServer:
    """``with MailServer() as server:`` a server on ``server.port``; ``server.handler`` holds
    what arrived; ``server.environ`` the THIDUA_SMTP_* variables that point at it."""

    def __init__(self, handler: Handler | None = None, **smtp: object):
        """``smtp``: aiosmtpd's SMTP options, e.g. ``enable_SMTPUTF8=True``."""
        self.handler = handler or Handler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port, **smtp)

    @property
    def environ(self) -> dict[str, str]:
        return {"THIDUA_SMTP_HOST": "127.0.0.1", "THIDUA_SMTP_PORT": str(self.port),
                "THIDUA_SMTP_SECURITY": "none",
                "THIDUA_SMTP_SENDER": "Văn phòng LĐLĐ Hà Nội <vanphong@example.org>"}

    def __enter__(self) -> MailServer:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()


def attachment(message: EmailMessage) -> tuple[str, bytes]:
    """``(file name, bytes)`` of the message's one attachment."""
    (part,) = list(message.iter_attachments())
    return part.get_filename(), part.get_content()


#: Three members of the Standing Committee to e-mail in the tests.
PEOPLE = [Recipient("Trần Văn Minh", "minh@example.org", "Phó Chủ tịch"),
          Recipient("Lê Thị Nhung", "nhung@example.org", "Ủy viên"),
          Recipient("Phạm Quốc Bảo", "bao@example.org", "Ủy viên")]


def write_recipients(path: Path, people=PEOPLE) -> Path:
    lines = ["name,email,role"] + [f"{p.name},{p.email},{p.role}" for p in people]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
