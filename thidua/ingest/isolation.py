"""One file's parsing in a worker process, so that nothing in a file can take the run down.

A native crash of a parser (segfault, abort), memory running away or a parse that never ends
kills at most a worker (:mod:`thidua.ingest.worker`): the file is rejected with a Vietnamese
reason and the run goes on with the next file (issue 9.6, "one bad file never stops the
year"). Time is judged by processor time (:data:`thidua.ingest.limits.PARSE_SECONDS`) and by
standing still (:data:`thidua.ingest.limits.STALL_SECONDS`), never by wall time alone: the
same file gives the same result on a quiet machine and on a loaded one. Workers are reused, so
the common path costs a pipe round trip per file, and at most :data:`MAX_WORKERS` parse at
once. :func:`run_isolated` may be called from any number of threads at once.
"""

from __future__ import annotations

import atexit
import logging
import os
import threading
from dataclasses import replace

from thidua.ingest import limits
from thidua.ingest.farcells import (BlankCells, FarCells, RepeatedRows, without_blank_cells,
                                     without_far_cells, without_repeated_rows)
from thidua.ingest.csvtail import repeated_tail, trimmed_tail
from thidua.ingest.defaultkey import OPENED_NOTE, opened_with_default_password
from thidua.ingest.pictures import pictures_note
from thidua.ingest.prescan import check_bytes
from thidua.ingest.read import FileSheets, parse_sheets, prepare
from thidua.ingest.widetext import as_utf8
from thidua.ingest.worker import (  # noqa: F401 - the reasons and the error, kept where they were
    CRASHED,
    FAILED,
    ReaderFailed,
    Worker,
    main_script_hidden,
    memory_exceeded,
    stalled,
    time_exceeded,
)
from thidua.ingest import worker as worker_module
from thidua.ingest.workbook import PASSWORD, FileRejected, reads_as_csv
from thidua.reasons import PROGRAM_FAULT, file_fault, own_fault

#: Workers parsing at once (the machine's cores, at least two).
MAX_WORKERS = max(2, os.cpu_count() or 2)


def checked_parse(data: bytes, suffix: str) -> FileSheets:
    """A CSV's empty end taken off (:func:`thidua.ingest.csvtail.trimmed_tail`, told), and the
    copies of its last line past the limit of rows (:func:`~thidua.ingest.csvtail.repeated_tail`),
    :func:`thidua.ingest.prescan.check_bytes`, then (a workbook encrypted with Excel's default
    password opened first, :mod:`thidua.ingest.defaultkey`, told) :func:`thidua.ingest.read.parse_sheets`
    and the rows of each sheet (:func:`thidua.ingest.read.prepare`): what a worker runs for
    one file. A web page or XML workbook saved in UTF-16 (UTF-32 text too) is all of this as
    its UTF-8 twin (:func:`thidua.ingest.widetext.as_utf8`): never trimmed as a CSV."""
    notes: list[str] = []
    data = as_utf8(data, suffix)
    if reads_as_csv(data, suffix):  # padding and blank lines after the text, one line's
        data, note = trimmed_tail(data)  # copies past the limit of rows (csvtail.py)
        data, copies = repeated_tail(data)
        notes.extend(filter(None, [note, copies]))
    data = _within_limits(data, suffix, notes)
    notes.extend(filter(None, [pictures_note(data)]))  # a package large by its pictures
    try:
        parsed = parse_sheets(data, suffix)
    except FileRejected as exc:  # Excel's default password opens it as Excel does
        if str(exc) != PASSWORD or (opened := opened_with_default_password(data)) is None:
            raise
        notes.append(OPENED_NOTE)
        data = _within_limits(opened, suffix, notes)
        parsed = parse_sheets(data, suffix)
    if notes:
        parsed = replace(parsed, remarks=(*notes, *parsed.remarks))
    for sheet in parsed.sheets:
        prepare(sheet)
    return parsed


def _within_limits(data: bytes, suffix: str, notes: list[str]) -> bytes:
    """``data`` once :func:`thidua.ingest.prescan.check_bytes` passes it, with the few stray
    cells far outside the form taken out of each sheet (:func:`without_far_cells`, each told
    in ``notes``). Raises :class:`FileRejected` for a limit broken otherwise."""
    trimmed_parts = set()
    for _ in range(2 * limits.MAX_SHEETS):  # each pass takes one sheet's far or empty cells out
        try:
            check_bytes(data, suffix)
            return data
        except FarCells as exc:  # a few stray cells far outside the form: read without them
            if exc.part in trimmed_parts or (trimmed := without_far_cells(data, exc)) is None:
                raise FileRejected(str(exc)) from None  # (as it pickles back from a worker)
            data, note = trimmed
            notes.append(note)
            trimmed_parts.add(exc.part)  # once a sheet: never peeled again and again
        except RepeatedRows as exc:  # a row filled down past the bound: two copies kept
            if ("copies", exc.part) in trimmed_parts \
                    or (cut := without_repeated_rows(data, exc)) is None:
                raise FileRejected(str(exc)) from None
            data, note = cut
            notes.append(note)
            trimmed_parts.add(("copies", exc.part))
        except BlankCells as exc:  # cells holding nothing past a limit: read without them
            if ("empty", exc.part) in trimmed_parts \
                    or (emptied := without_blank_cells(data, exc)) is None:
                raise FileRejected(str(exc)) from None
            data = emptied
            trimmed_parts.add(("empty", exc.part))
    check_bytes(data, suffix)
    return data


def parse_isolated(data: bytes, suffix: str) -> FileSheets:
    """:func:`checked_parse` in a worker process (:func:`run_isolated`). Raises
    :class:`FileRejected` for every failure: a limit, a parser's error, a crash, memory, time."""
    return run_isolated(checked_parse, data, suffix)


_lock = threading.Lock()
_idle: list[Worker] = []
_busy: set[Worker] = set()
_slots = threading.BoundedSemaphore(MAX_WORKERS)


def _take() -> Worker:
    with _lock:
        while _idle:
            worker = _idle.pop()
            if worker.alive():
                _busy.add(worker)
                return worker
            worker.close()
    worker = Worker()
    with _lock:
        _busy.add(worker)
    return worker


def _give_back(worker: Worker, keep: bool) -> None:
    with _lock:
        _busy.discard(worker)
        if keep:
            _idle.append(worker)
    if not keep:
        worker.close()


def run_isolated(function, *args, timeout: float | None = None, cpu_seconds: float | None = None):
    """``function(*args)`` in a worker process; ``function`` and ``args`` must pickle
    (a module-level function). Returns its value, or raises the exception it raised
    (an exception other than :class:`FileRejected` comes back as one, with :data:`FAILED`).

    Called in a worker (a batch of files read there, :func:`thidua.reading.ingest_batch_isolated`),
    it runs ``function`` in place, under that worker's limits; a :class:`MemoryError` then
    goes up to the worker.

    Raises :class:`FileRejected` when the worker dies (:data:`CRASHED`, or
    :func:`memory_exceeded` when it ran out of memory), uses more than ``cpu_seconds`` of
    processor time (default :data:`thidua.ingest.limits.PARSE_SECONDS`; :func:`time_exceeded`)
    or stands still for ``timeout`` seconds (default :data:`thidua.ingest.limits.STALL_SECONDS`;
    :func:`stalled`).
    """
    if worker_module.serving:  # already in a worker, under its limits: run here
        try:
            return function(*args)
        except (FileRejected, MemoryError):
            raise
        except Exception as exc:  # noqa: BLE001 - as a worker's error comes back
            status, value = "error", exc
    else:
        timeout = limits.STALL_SECONDS if timeout is None else timeout
        cpu_seconds = limits.PARSE_SECONDS if cpu_seconds is None else cpu_seconds
        with _slots:
            worker = _take()
            try:
                status, value = worker.call(function, args, timeout, cpu_seconds)
            except BaseException:  # crash, time, memory, or Ctrl+C in the parent
                _give_back(worker, keep=False)
                raise
            _give_back(worker, keep=True)
    if status == "ok":
        return value
    if isinstance(value, FileRejected):
        raise value
    if trace := getattr(value, "own_trace", None) or own_fault(value):  # the program's fault
        logging.getLogger("thidua").error("Lỗi chương trình khi đọc một tệp:\n%s", trace)
        raise ReaderFailed(PROGRAM_FAULT) from value  # never cached: read again next run
    raise FileRejected(FAILED.format(error=file_fault(value))) from value


def workers() -> list[int]:
    """The process ids of the live workers (for tests and diagnostics)."""
    with _lock:
        return [w.process.pid for w in (*_idle, *_busy) if w.alive()]


@atexit.register
def shutdown() -> None:
    """Stop every worker; the next :func:`run_isolated` starts new ones."""
    with _lock:
        every = [*_idle, *_busy]
        _idle.clear()
        _busy.clear()
    for worker in every:
        worker.close()
