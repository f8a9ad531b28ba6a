"""Delivering a published version of the report to the Standing Committee, once, with a log.

Every send (delivered or failed) is one line of ``<out>/distribution.csv``
(:data:`thidua.deliver.recipients.LOG_COLUMNS`). A version is sent to a recipient only if the log has no ``delivered``
line for that version and address, unless ``force``; so re-running after a failure sends only
to those who did not get it. Transient failures are retried with exponential backoff
(tenacity); the others go out whatever happens to one.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

from tenacity import (Retrying, retry_if_exception, stop_after_attempt, stop_after_delay,
                      wait_exponential)

from thidua.deliver.addresses import AddressError, parse_address
from thidua.deliver.mail import compose_message, replaced_date
from thidua.deliver.recipients import (DELIVERED, FAILED, LOG_NAME, DistributionError, Recipient,
                                       append_log, load_recipients, pending, read_log)
from thidua.deliver.smtp import (SECRET_VARIABLE, MailError, OutOfTime, describe_error,
                                 is_transient, send_message, smtp_settings)
from thidua.publish.published import PublishedVersion, load_published
from thidua.settings import TIMEZONE, default_recipients


@dataclass(frozen=True)
class Retry:
    """How a transient failure is retried: ``attempts`` in all, waiting ``wait_initial`` s,
    then twice as long each time, at most ``wait_max`` s; and ``budget``, the seconds the
    whole distribution may take (issue 13.4: with the mail server down, 14 recipients end
    within a minute), after which the recipients not yet tried are logged failed."""

    attempts: int = 4
    wait_initial: float = 2.0
    wait_max: float = 60.0
    budget: float = 60.0


@dataclass(frozen=True)
class Delivery:
    """The outcome of one recipient: ``result`` is :data:`DELIVERED` or :data:`FAILED`."""

    recipient: Recipient
    result: str
    attempts: int
    error: str = ""


@dataclass(frozen=True)
class Outcome:
    """One distribution: the version sent, each send, and the recipients skipped because the
    log shows they already have this version."""

    published: PublishedVersion
    deliveries: list[Delivery]
    already: list[Recipient]

    @property
    def failed(self) -> list[Delivery]:
        return [d for d in self.deliveries if d.result == FAILED]


def _exactly(send: Callable[[EmailMessage], str], expected: str) -> Callable[[EmailMessage], str]:
    """``send``, failing unless the server accepted exactly ``expected`` (issue 16.7: a
    recipient is ``delivered`` only when its own address was accepted)."""
    def checked(message: EmailMessage) -> str:
        accepted = send(message)
        if accepted != expected:
            raise AddressError(f"máy chủ nhận thư cho '{accepted}', không phải cho '{expected}'")
        return accepted
    return checked


def send_with_retry(send: Callable[[EmailMessage], object], message: EmailMessage,
                    retry: Retry, seconds_left: float | None = None
                    ) -> tuple[int, BaseException | None]:
    """Send, retrying transient failures (:func:`thidua.deliver.smtp.is_transient`) with exponential
    backoff, for at most ``seconds_left`` seconds of retrying. Returns ``(attempts made,
    None)`` or ``(attempts made, the last error)``."""
    stop = stop_after_attempt(retry.attempts)
    if seconds_left is not None:
        stop = stop | stop_after_delay(max(seconds_left, 0.0))
    retrying = Retrying(stop=stop,
                        wait=wait_exponential(multiplier=retry.wait_initial, max=retry.wait_max),
                        retry=retry_if_exception(is_transient), reraise=True)
    try:
        retrying(send, message)
    except Exception as exc:  # noqa: BLE001 - every failure is recorded, none stops the others
        return retrying.statistics.get("attempt_number", 1), exc
    return retrying.statistics.get("attempt_number", 1), None


@contextmanager
def _exclusive(out_dir: Path) -> Iterator[None]:
    """Hold a lock on ``<out>/.distribution.lock`` so that two distributions never overlap."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / ".distribution.lock").open("w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise DistributionError(f"Một lần gửi khác đang chạy cho {out_dir}.") from None
        yield


def distribute(published: PublishedVersion, recipients: list[Recipient], sender: str,
               send: Callable[[EmailMessage], str], out_dir: Path, force: bool = False,
               retry: Retry = Retry(),
               now: Callable[[], dt.datetime] = lambda: dt.datetime.now(ZoneInfo(TIMEZONE)),
               on_delivery: Callable[[Delivery], None] | None = None,
               ) -> Outcome:
    """Send ``published`` to every recipient who does not have it yet (all with ``force``),
    one message each, and log every send in ``<out_dir>/distribution.csv``.

    ``send`` delivers one message and returns the one address the server accepted
    (:func:`thidua.deliver.smtp.send_message` bound to settings); a recipient is
    :data:`DELIVERED` only when that is exactly their address. Never
    raises for a failed send: it is retried, logged as :data:`FAILED`, and the next recipient
    is tried, within :attr:`Retry.budget` seconds in all: the recipients left when it runs out
    are logged :data:`FAILED` without a try. ``on_delivery`` is told each outcome as it comes
    (the terminal shows it). Raises :class:`DistributionError` when another distribution
    holds the lock.
    """
    deadline = time.monotonic() + retry.budget
    log_path = out_dir / LOG_NAME
    pdf = published.pdf.read_bytes()
    deliveries = []
    with _exclusive(out_dir):
        to_send, already = pending(recipients, read_log(log_path), published.version, force)
        for recipient in to_send:
            try:
                message = compose_message(published, recipient.name, recipient.email, sender,
                                          pdf, recipient.role)
                expected = parse_address(recipient.email).addr_spec
            except AddressError as exc:
                attempts, error = 0, exc
            else:
                left = deadline - time.monotonic()
                attempts, error = ((0, OutOfTime(retry.budget)) if left <= 0 else
                                   send_with_retry(_exactly(send, expected), message, retry, left))
            delivery = Delivery(recipient, FAILED if error else DELIVERED, attempts,
                                describe_error(error) if error else "")
            append_log(log_path, {"time": now().isoformat(timespec="seconds"),
                                  "version": published.version,
                                  "pdf_sha256": published.pdf_sha256,
                                  "recipient": recipient.email, "name": recipient.name,
                                  "result": delivery.result, "attempts": attempts,
                                  "error": delivery.error})
            deliveries.append(delivery)
            if on_delivery is not None:
                on_delivery(delivery)
    return Outcome(published, deliveries, already)


def superseded_refusal(published: PublishedVersion) -> str:
    """Why a replaced version is not sent without ``--force``, in one Vietnamese line naming
    the version, the one in force and its date (issue 13.4)."""
    later = published.replaced_by or {}
    when = replaced_date(later)
    return (f"Bản số {published.version} của báo cáo năm {published.year} không còn hiệu lực: "
            f"đã được thay thế bởi bản số {later.get('version')}" + (f" ngày {when}" if when else "")
            + "; hãy gửi bản đang có hiệu lực (bỏ --version) hoặc thêm --force nếu thật sự "
            "cần gửi bản cũ.")


def distribute_report(out_dir: Path, year: int, version: int | None = None, force: bool = False,
                      recipients: Path | None = None, environ: Mapping[str, str] = os.environ,
                      load_secret: Callable[[str], object] | None = None,
                      retry: Retry = Retry(),
                      on_delivery: Callable[[Delivery], None] | None = None) -> Outcome:
    """Everything ``thidua distribute`` does: find the version (the latest by default), read
    the recipients and the SMTP settings (environment, or the Prefect Secret block named by
    ``THIDUA_SMTP_SECRET``, read with ``load_secret``), then :func:`distribute` (which tells
    ``on_delivery`` each outcome as it comes).

    A version no longer in force (a later one replaced it) is sent only with ``force``, and
    its message says which version replaces it (:func:`thidua.deliver.mail.body`).

    Raises :class:`thidua.publish.published.NotPublished`, :class:`DistributionError` (also
    for a replaced version without ``force``, :func:`superseded_refusal`) or
    :class:`thidua.deliver.smtp.MailError` when nothing can be sent.
    """
    published = load_published(out_dir, year, version)
    if published.replaced_by and not force:
        raise DistributionError(superseded_refusal(published))
    people = load_recipients(recipients or default_recipients())
    block = environ.get(SECRET_VARIABLE)
    if block and load_secret is None:
        raise DistributionError(f"{SECRET_VARIABLE}={block}: không có cách đọc khối Secret.")
    try:
        secret = load_secret(block) if block else None
    except Exception as exc:  # noqa: BLE001 - Prefect's errors, told in one line
        raise MailError(f"Không đọc được khối Secret '{block}' của Prefect: {exc}") from exc
    settings = smtp_settings(environ, secret)
    return distribute(published, people, settings.sender,
                      lambda message: send_message(settings, message), out_dir, force, retry,
                      on_delivery=on_delivery)


def outcome_dict(outcome: Outcome) -> dict:
    """An :class:`Outcome` as plain data (the flow's return value, JSON-able):
    ``{"version", "pdf_sha256", "delivered": [addresses], "failed": [{"recipient", "error"}],
    "already": [addresses]}``."""
    return {"version": outcome.published.version, "pdf_sha256": outcome.published.pdf_sha256,
            "delivered": [d.recipient.email for d in outcome.deliveries if d.result == DELIVERED],
            "failed": [{"recipient": d.recipient.email, "error": d.error} for d in outcome.failed],
            "already": [r.email for r in outcome.already]}


def delivery_line(delivery: Delivery) -> str:
    """One recipient's outcome as it comes: ``✓ email`` or ``✗ email: reason``."""
    if delivery.result == DELIVERED:
        return f"  ✓ {delivery.recipient.email}"
    return f"  ✗ {delivery.recipient.email}: {delivery.error}"


def outcome_lines(outcome: dict) -> list[str]:
    """What ``thidua distribute`` prints for :func:`outcome_dict` (Vietnamese): a line of
    counts, then one line per recipient sent to (``✓``) or failed (``✗`` and the reason)."""
    version = outcome["version"]
    sent, failed, already = outcome["delivered"], outcome["failed"], outcome["already"]
    if not sent and not failed:
        return [f"Mọi người nhận đã có bản số {version}: không gửi lại "
                "(dùng --force để gửi lại)."]
    lines = [f"Bản số {version}: đã gửi {len(sent)}, lỗi {len(failed)}, "
             f"đã có từ trước {len(already)}."]
    lines += [f"  ✓ {email}" for email in sent]
    lines += [f"  ✗ {f['recipient']}: {f['error']}" for f in failed]
    return lines
