"""The year's lock: one run at a time writes a year's output folder."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import filelock

from thidua.errors import NothingToReport
from thidua.reasons import os_reason

#: The lock file a run keeps in its output folder.
LOCK_FILE = ".thidua.lock"


@contextmanager
def year_lock(out_dir: Path, timeout: float) -> Iterator[None]:
    """Hold the year's lock (``<out_dir>/.thidua.lock``) for one run: a second run for the
    same year waits up to ``timeout`` seconds, then raises :class:`NothingToReport`."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NothingToReport(f"Không ghi được kết quả vào {out_dir}: {os_reason(exc)}") from exc
    lock = filelock.FileLock(out_dir / LOCK_FILE)
    try:
        lock.acquire(timeout=timeout)
    except filelock.Timeout as exc:
        raise NothingToReport(f"Một lần chạy khác đang ghi báo cáo vào {out_dir}; hãy chờ lần "
                              f"đó xong rồi chạy lại.") from exc
    except OSError as exc:
        raise NothingToReport(f"Không ghi được kết quả vào {out_dir}: {os_reason(exc)}") from exc
    try:
        yield
    finally:
        lock.release()
