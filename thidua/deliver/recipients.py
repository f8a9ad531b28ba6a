"""Who gets a version: the recipients of ``recipients.csv`` and the log of every send,
``<out>/distribution.csv`` (:data:`LOG_COLUMNS`), read to send a version once per person
(:func:`pending`)."""

from __future__ import annotations

import csv
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from thidua.deliver.addresses import AddressError, clean_name, parse_address
from thidua.reasons import os_reason

LOG_NAME = "distribution.csv"
LOG_COLUMNS = ["time", "version", "pdf_sha256", "recipient", "name", "result", "attempts",
               "error"]
DELIVERED, FAILED = "delivered", "failed"
RECIPIENT_COLUMNS = ["name", "email", "role"]


class DistributionError(Exception):
    """Nothing can be sent (recipients file unusable, another distribution running);
    ``str(exc)`` is the one-line Vietnamese reason."""


@dataclass(frozen=True)
class Recipient:
    """A member of the Standing Committee: ``name, email, role`` of ``recipients.csv``."""

    name: str
    email: str
    role: str = ""


def load_recipients(path: Path) -> list[Recipient]:
    """The recipients of ``recipients.csv`` (UTF-8, header ``name,email,role``), in file order.

    Raises :class:`DistributionError` when the file is missing or empty, a column is missing,
    an address is not exactly one valid address (:func:`thidua.deliver.addresses.parse_address`:
    the message names the row and what is expected), or an address appears twice. Names and
    roles are kept on one line (:func:`thidua.deliver.addresses.clean_name`), whatever they hold.
    """
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in RECIPIENT_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise DistributionError(f"Danh sách người nhận {path} thiếu cột {', '.join(missing)}.")
            rows = list(reader)
    except OSError as exc:
        raise DistributionError(f"Không đọc được danh sách người nhận {path}: "
                                f"{os_reason(exc)}") from exc
    recipients, seen = [], set()
    for line, row in enumerate(rows, start=2):
        email = (row["email"] or "").strip()
        try:
            address = parse_address(email)
        except AddressError as exc:
            raise DistributionError(f"{path}, dòng {line}: {exc}.") from None
        if address.addr_spec.casefold() in seen:
            raise DistributionError(f"{path}, dòng {line}: địa chỉ {email} bị lặp.")
        seen.add(address.addr_spec.casefold())
        recipients.append(Recipient(clean_name(row["name"] or "") or email, email,
                                    clean_name(row["role"] or "")))
    if not recipients:
        raise DistributionError(f"Danh sách người nhận {path} không có ai.")
    return recipients


def read_log(path: Path) -> list[dict[str, str]]:
    """The lines of ``distribution.csv`` (none when it does not exist yet)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def append_log(path: Path, line: Mapping[str, object]) -> None:
    """Append one line (header and BOM first when the file is new), flushed to disk."""
    new = not path.is_file() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8-sig" if new else "utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, LOG_COLUMNS, lineterminator="\r\n")
        if new:
            writer.writeheader()
        writer.writerow({c: line.get(c, "") for c in LOG_COLUMNS})
        handle.flush()
        os.fsync(handle.fileno())


def pending(recipients: list[Recipient], log: list[dict[str, str]], version: int,
            force: bool = False) -> tuple[list[Recipient], list[Recipient]]:
    """``(to send, already delivered)``: a recipient already has ``version`` when the log has a
    ``delivered`` line for it and their address (case-insensitive). ``force`` sends to all."""
    have = {line["recipient"].casefold() for line in log
            if line.get("result") == DELIVERED and line.get("version") == str(version)}
    if force:
        return list(recipients), []
    return ([r for r in recipients if r.email.casefold() not in have],
            [r for r in recipients if r.email.casefold() in have])
