"""A run's progress: events the flow emits, and their display in a terminal (rich).

The flow calls :func:`emit` as it goes (``planned`` with the number of files, ``file_read`` per
file, ``step_done`` per step of :data:`STEPS`); whoever wants to follow a run registers a
listener with :func:`listening` (``thidua run`` shows :class:`TerminalProgress`). With no
listener, as in a scheduled run, :func:`emit` does nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text
from rich.table import Table

from schemas.form import FIELDS
from thidua.report.formatting import number, percent

#: The flow's steps, in order: key → what the terminal shows.
STEPS = {"read": "Đọc tệp", "aggregate": "Tổng hợp", "render": "Dựng PDF",
         "publish": "Ghi kết quả", "artifacts": "Đăng lên Prefect"}

Listener = Callable[[str, dict], None]
_listeners: list[Listener] = []
_lock = threading.Lock()


def emit(kind: str, **data: object) -> None:
    """Tell every listener ``(kind, data)``. Kinds: ``step_started`` (``step``: ``plan``
    while the files are listed and hashed), ``planned`` (``files``: int, ``submissions``:
    int, the files to read; ``steps``: int, how many ``step_done`` follow), ``file_read`` (``file``: str, ``status``: used/rejected/…, ``rows``: rows read, int),
    ``step_done`` (``step``: a key of :data:`STEPS`). A failing listener is logged and never fails the run. Thread-safe (files
    are read in worker threads)."""
    with _lock:
        listeners = list(_listeners)
    for listener in listeners:
        try:
            listener(kind, data)
        except Exception:  # noqa: BLE001 - a display must not break the report
            logging.getLogger(__name__).exception("Lỗi khi hiển thị tiến độ")


@contextmanager
def listening(listener: Listener) -> Iterator[Listener]:
    """Register ``listener`` for the events emitted inside the ``with`` block."""
    with _lock:
        _listeners.append(listener)
    try:
        yield listener
    finally:
        with _lock:
            _listeners.remove(listener)


class CountColumn(MofNCompleteColumn):
    """``n/N``, and nothing while ``N`` is not known yet (never ``0/?``)."""

    def render(self, task) -> Text:
        return Text("") if task.total is None else super().render(task)


class RateColumn(ProgressColumn):
    """Files a second and rows read so far (``12,5 tệp/s · 6.250 dòng``); blank for a bar
    without a rate yet."""

    def render(self, task) -> Text:
        rows = task.fields.get("rows")
        if rows is None:
            return Text("")
        rate = f"{task.speed:.1f}".replace(".", ",") + " tệp/s · " if task.speed else ""
        return Text(f"{rate}{number(rows)} dòng", style="progress.data.speed")


class TerminalProgress:
    """A listener that shows two bars: files read (``n/N``, rows read, files a second and
    time left) and steps done (``n/5``). Before the files are counted the files bar says
    what is being done (``Đang liệt kê tệp…``), never a bare ``0/?``.

    Use as a context manager around the run; ``console`` is where it draws (stderr by default).
    """

    def __init__(self, console: Console | None = None):
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description:<30}"),
                                 BarColumn(bar_width=16), CountColumn(), RateColumn(),
                                 TimeElapsedColumn(), TimeRemainingColumn(),
                                 console=console or Console(stderr=True))
        self.files = self.steps = None
        self.rows = 0

    def __enter__(self) -> TerminalProgress:
        self.progress.start()
        self.files = self.progress.add_task("Đang liệt kê tệp…", total=None, rows=None)
        self.steps = self.progress.add_task("Các bước", total=len(STEPS))
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()

    def __call__(self, kind: str, data: dict) -> None:
        if kind == "planned":
            self.progress.reset(self.files, total=data.get("submissions", data["files"]),
                                rows=0, description="Đọc tệp")
            if "steps" in data:
                self.progress.update(self.steps, total=data["steps"])
        elif kind == "file_read":
            name = str(data["file"])
            self.rows += int(data.get("rows") or 0)
            self.progress.update(self.files, advance=1, rows=self.rows,
                                 description=f"Đọc tệp {name[:22]}")
        elif kind == "step_done":
            if data["step"] == "read":
                self.progress.update(self.files, description="Đọc tệp")
            self.progress.update(self.steps, advance=1,
                                 description=f"Xong: {STEPS.get(data['step'], data['step'])}")


def summary_table(summary: dict) -> Table:
    """The short table that ends a terminal run: registrations by field (collective,
    individual, total) and a total row. Units and rows follow it as a line of their own
    (:func:`summary_line`), so that they wrap at the terminal's width, not the table's.

    ``summary``: ``summary.json`` as a dict (``spec/outputs.md``).
    """
    reg = summary["registrations"]
    table = Table(title=f"“Dân vận khéo” năm {summary['year']}", title_justify="left")
    table.add_column("Lĩnh vực")
    for header in ("Tập thể", "Cá nhân", "Tổng"):
        table.add_column(header, justify="right")
    for code, label in FIELDS.items():
        counts = summary["by_field"][code]
        table.add_row(label, number(counts["collective"]), number(counts["individual"]),
                      number(counts["collective"] + counts["individual"]))
    table.add_section()
    table.add_row("Tổng", number(reg["collective"]), number(reg["individual"]),
                  number(reg["total"]), style="bold")
    return table


def summary_line(summary: dict) -> str:
    """Units and rows of a run, one line: ``39/40 đơn vị đã gửi (97,5%); dòng: 8.533 đã đọc,
    8.333 hợp lệ, 12 bị từ chối, 188 bỏ qua``."""
    rows, units = summary["rows"], summary["units"]
    return (f"{units['submitted']}/{units['expected']} đơn vị đã gửi "
            f"({percent(units['submitted'], units['expected'])}); dòng: "
            f"{number(rows['read'])} đã đọc, {number(rows['valid'])} hợp lệ, "
            f"{number(rows['rejected'])} bị từ chối, {number(rows['ignored'])} bỏ qua")


def outcome_line(outcome: dict) -> str:
    """The one line a scheduled or ``--quiet`` run prints: year, version and whether it is new,
    registrations, units and rejected rows. ``outcome``: the flow's return value."""
    summary = outcome["summary"]
    reg, units = summary["registrations"], summary["units"]
    state = "không đổi" if outcome.get("status") == "unchanged" else "mới lập"
    return (f"Năm {summary['year']}, bản số {outcome.get('version', 1)} ({state}): "
            f"{number(reg['total'])} mô hình ({number(reg['collective'])} tập thể, "
            f"{number(reg['individual'])} cá nhân); {units['submitted']}/{units['expected']} "
            f"đơn vị đã gửi; {number(summary['rows']['rejected'])} dòng bị từ chối.")


def choice_lines(inputs: list[dict], unit_names: dict[str, str]) -> list[str]:
    """One line per unit whose counted file was chosen over another usable one by the files'
    modification times (no ``Ngày gửi:`` line read, or the same sent date): ``inputs`` are the
    manifest's (``unit``, ``file`` or ``path``, ``status``, ``chosen_by``, ``choice``;
    :data:`thidua.ingest.selection.CHOSEN_BY`). The terminal shows them, issue 13.3. Text from the
    file system (names) is made one line: control characters become ``�``."""
    lines = []
    for item in inputs:
        if item.get("status") != "used" or item.get("chosen_by") != "mtime":
            continue
        code = item.get("unit") or ""
        name = item.get("file") or item.get("path") or ""
        text = (f"{unit_names.get(code, code)} ({code}): dùng tệp {name}, chọn theo thời gian sửa "
                f"tệp vì không đọc được dòng 'Ngày gửi:' để phân biệt các tệp của đơn vị.")
        lines.append("".join(c if c.isprintable() else "\ufffd" for c in text))
    return lines
