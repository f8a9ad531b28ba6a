"""A parsing worker process: its loop, its limits, and why it failed (issue 9.6).

Each worker is forked from the ``forkserver`` (safe from a threaded parent such as Prefect's
task runner; :mod:`thidua.ingest.isolation`, with the parsers, is imported once), limits its
address space to :data:`thidua.ingest.limits.WORKER_MEMORY_BYTES` (``RLIMIT_AS``) and each
task's CPU time, ignores Ctrl+C (the parent decides) and dies with the forkserver, which dies
with the run: no worker outlives the run, even one killed with SIGKILL. Time is judged by
processor time and by standing still, never by wall time alone. The pool of workers is
:mod:`thidua.ingest.isolation`'s.
"""

from __future__ import annotations

import csv
import ctypes
import contextlib
import multiprocessing
import os
import re
import resource
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

from thidua.ingest import limits
from thidua.ingest.limits import exceeded, size
from thidua.ingest.workbook import FileRejected
from thidua.reasons import own_fault

_CONTEXT = multiprocessing.get_context("forkserver")
# workers fork with the parsers already imported (the pool's module imports them)
# and what reads a batch of files in a worker (:func:`thidua.reading.ingest_batch_isolated`)
_CONTEXT.set_forkserver_preload(["thidua.ingest.isolation", "thidua.reading"])

CRASHED = ("Tệp làm chương trình đọc bảng tính dừng bất thường ({how}): tệp có thể bị hỏng hoặc "
           "được tạo bằng phần mềm lạ; đề nghị mở tệp bằng Excel, lưu lại dạng .xlsx rồi gửi lại.")
FAILED = ("Không đọc được tệp: {error}; đề nghị mở tệp bằng "
          "Excel, lưu lại dạng .xlsx rồi gửi lại.")


def memory_exceeded(needed: int | None = None) -> str:
    """The reason of a file whose parsing needs more than the worker's memory."""
    found = f"cần thêm {size(needed)}" if needed else f"cần hơn {size(limits.WORKER_MEMORY_BYTES)}"
    return exceeded("bộ nhớ dùng để đọc tệp", found, size(limits.WORKER_MEMORY_BYTES))


def _seconds(seconds: float) -> str:
    return f"{seconds:g}".replace(".", ",")


def time_exceeded(seconds: float) -> str:
    """The reason of a file whose work used more than ``seconds`` of processor time."""
    return exceeded("thời gian xử lý tệp", f"chưa đọc xong sau {_seconds(seconds)} giây xử lý",
                    f"{_seconds(seconds)} giây xử lý")


def stalled(seconds: float) -> str:
    """The reason of a file whose reader stood still (used no processor time) for ``seconds``."""
    return exceeded("thời gian đọc tệp", f"chương trình đọc tệp đứng yên {_seconds(seconds)} giây",
                    f"{_seconds(seconds)} giây đứng yên")


def _let_go_of_the_forkserver() -> None:
    """Close this worker's copy of the run's end of the forkserver's "alive" pipe.

    multiprocessing hands every forked child that descriptor; while any child holds it, the
    forkserver never sees the run die. A worker busy with a file (seconds) then kept the
    forkserver, and so itself, alive after a killed run. Without it, the run's death reaches
    the forkserver at once, which exits, and its workers die with it (``PR_SET_PDEATHSIG``)."""
    from multiprocessing import forkserver

    server = forkserver._forkserver  # noqa: SLF001 - the one forkserver of this process
    if server._forkserver_alive_fd is not None:
        os.close(server._forkserver_alive_fd)
        server._forkserver_alive_fd = None


def _within_hard(kind: int, wanted: int) -> int:
    """``wanted``, or the hard limit of ``kind`` the run was started under when it is lower
    (``ulimit -t``, ``ulimit -v``, a test runner's CPU limit): a process may lower its hard
    limit, never raise it, and a worker asking more died at its start (every file then
    rejected as crashing the reader)."""
    hard = resource.getrlimit(kind)[1]
    return wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)


#: Whether this process is a worker (:func:`_serve`): what it is asked runs here, under its
#: limits, and calls it makes to run something isolated run in place
#: (:func:`thidua.ingest.isolation.run_isolated`).
serving = False


def _serve(conn, log: str) -> None:
    """A worker's loop: receive ``(function, args)``, send back ``(status, value)``."""
    global serving
    serving = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _let_go_of_the_forkserver()
    try:  # Linux: die with the forkserver, which dies with the run
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
    memory = _within_hard(resource.RLIMIT_AS, limits.WORKER_MEMORY_BYTES)
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    csv.field_size_limit(limits.MAX_FILE_BYTES)  # a CSV cell may be as long as the file
    fd = os.open(log, os.O_WRONLY | os.O_TRUNC)
    os.dup2(fd, 2)  # a native abort's last words ("memory allocation of N bytes failed")
    os.close(fd)
    # The parent reads the log through the handle it kept open: the name can go now, so that
    # a run killed outright (SIGKILL, a machine's OOM killer) leaves no file behind.
    with contextlib.suppress(OSError):
        os.unlink(log)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        function, args, cpu_seconds = task
        used = resource.getrusage(resource.RUSAGE_SELF)
        cpu = int(used.ru_utime + used.ru_stime + cpu_seconds) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (_within_hard(resource.RLIMIT_CPU, cpu),
                                                 resource.getrlimit(resource.RLIMIT_CPU)[1]))
        os.ftruncate(2, 0)
        os.lseek(2, 0, os.SEEK_SET)
        try:
            reply = ("ok", function(*args))
        except MemoryError:
            reply = ("memory", None)
        except Exception as exc:  # noqa: BLE001 - sent back, judged by the parent
            with contextlib.suppress(AttributeError, TypeError):  # its traceback does not pickle
                exc.own_trace = own_fault(exc)
            reply = ("error", exc)
        try:
            conn.send(reply)
        except Exception as exc:  # noqa: BLE001 - a value or exception that does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
        if reply[0] == "memory":
            return


class ReaderFailed(FileRejected):
    """The reader crashed, or ran out of time or memory, on a file: a rejection that depends
    on the machine and its load as much as on the file, so it is never cached (a run on a
    quieter machine, or with higher limits, reads the file again)."""


_starting = threading.Lock()


@contextlib.contextmanager
def _main_script_hidden():
    """Hide the parent's ``__main__`` script while a worker starts.

    multiprocessing prepares every forkserver child by importing the parent's main script
    again (``multiprocessing.spawn.prepare``): a script without an ``if __name__ ==
    "__main__"`` guard would run its work again in each worker, and a program read from
    standard input cannot be imported at all, so every file would be rejected. The worker
    needs nothing from ``__main__`` (its code lives in this module); a main module run with
    ``-m`` (``__spec__`` set: the ``thidua`` command, pytest) is left as it is.
    """
    main = sys.modules.get("__main__")
    hide = main is not None and getattr(main, "__spec__", None) is None and hasattr(main, "__file__")
    with _starting:
        saved = main.__dict__.pop("__file__") if hide else None
        try:
            yield
        finally:
            if hide:
                main.__file__ = saved


#: For other process pools of the program (the appendix's renderers).
main_script_hidden = _main_script_hidden


def start_server() -> None:
    """Start the forkserver the workers fork from, now, without waiting for it: it imports
    the parsers (the preload above, about a second of processor time) on another core while
    the run does its own imports, so that the first file to read finds it ready (issue 10: a
    re-run after one corrected file paid that second on top of everything else). The next
    :class:`Worker` forks from this same server; calling it again does nothing."""
    from multiprocessing import forkserver

    with _main_script_hidden():
        forkserver.ensure_running()


class Worker:
    """One worker process, its pipe and the file its standard error goes to."""

    def __init__(self) -> None:
        # Kept open: the worker removes the file's name once its standard error points at
        # it (:func:`_serve`), and this handle reads what it said.
        self.log_handle, self.log = tempfile.mkstemp(prefix="thidua-worker-", suffix=".log")
        self.conn, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_serve, args=(child, self.log), daemon=True,
                                       name="thidua-parse")
        with _main_script_hidden():
            self.process.start()
        child.close()

    def call(self, function, args: tuple, stall: float, cpu_seconds: float):
        """``function(*args)`` in the worker. Raises :class:`ReaderFailed` when it uses more
        than ``cpu_seconds`` of processor time (``RLIMIT_CPU``: the worker dies of SIGXCPU),
        stands still (no processor time used) for ``stall`` seconds of wall time, or dies;
        the worker is then closed."""
        self.conn.send((function, args, cpu_seconds))
        self.cpu_seconds = cpu_seconds
        self.cpu = self._cpu_used()
        self.moved = time.monotonic()
        while not self.conn.poll(min(1.0, stall)):
            if not self._moving(stall):
                self.close()
                raise ReaderFailed(stalled(stall))
        try:
            status, value = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            raise ReaderFailed(self._death()) from None
        if status == "memory":
            self.close()
            raise ReaderFailed(memory_exceeded())
        return status, value

    def _cpu_used(self) -> float | None:
        """The worker's processor time so far, in seconds (None when it is gone)."""
        try:
            used = psutil.Process(self.process.pid).cpu_times()
        except psutil.Error:
            return None
        return used.user + used.system

    def _moving(self, stall: float) -> bool:
        """Whether the worker used processor time within the last ``stall`` seconds (a dead
        worker counts as moving: its pipe says the rest)."""
        now, cpu = time.monotonic(), self._cpu_used()
        if cpu is None or self.cpu is None or cpu > self.cpu:
            self.cpu, self.moved = cpu, now
        return now - self.moved < stall

    def _death(self) -> str:
        """Why the worker died, in Vietnamese; closes it."""
        code = self.process.exitcode
        said = os.pread(self.log_handle, 65536, 0).decode("utf-8", "replace")
        self.close()
        if found := re.search(r"memory allocation of (\d+) bytes failed", said):
            return memory_exceeded(int(found.group(1)))
        if code is not None and code < 0:
            how = signal.Signals(-code).name if -code in signal.valid_signals() else -code
            if how == "SIGXCPU":
                return time_exceeded(self.cpu_seconds)
            return CRASHED.format(how=f"tín hiệu {how}")
        return CRASHED.format(how=f"mã thoát {code}")

    def alive(self) -> bool:
        return self.process.is_alive()

    def close(self) -> None:
        """Stop the worker (at once) and remove its log (its name, if the worker died before
        removing it, and this process's handle)."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()
        Path(self.log).unlink(missing_ok=True)
        if self.log_handle >= 0:
            os.close(self.log_handle)
            self.log_handle = -1

