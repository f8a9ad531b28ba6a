"""E-mail addresses of the report's messages: one bare address per recipient, display names
on one line, the configured sender (standard library ``email``; issue 16.7)."""

from __future__ import annotations

import re
import unicodedata
from email.errors import HeaderParseError
from email.headerregistry import Address
from email.utils import getaddresses


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
