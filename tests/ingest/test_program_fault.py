"""A fault of this program's own code while a file is read is said to be the program's,
never the file's (``thidua.reasons.own_fault``, ``PROGRAM_FAULT``; ``docs/contracts.md``,
"A fault of the program"). Before, a check that went wrong (an array written in place,
02/12/2026) rejected the unit's file "Không đọc được tệp: nội dung tệp bị hỏng hoặc không
đúng định dạng; đề nghị mở tệp bằng Excel, lưu lại …": the unit was asked to mend a sound
file, and the rejection was kept in the cache.
"""
from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import pytest

import thidua

from thidua.ingest import isolation, worker
from thidua.ingest.workbook import FileRejected
from thidua.reasons import PROGRAM_FAULT, own_fault

THIDUA = Path(thidua.__file__).resolve().parent


def _raised(function, *args) -> BaseException:
    try:
        function(*args)
    except Exception as exc:  # noqa: BLE001
        return exc
    raise AssertionError("no error")


def test_a_builtin_error_of_the_program_s_own_code_is_its_fault():
    import numpy as np

    from thidua.ingest.duplicates import placeless

    trace = own_fault(_raised(placeless, None))  # ``None`` has no ``search``: a TypeError
    assert trace.startswith("Traceback") and "thidua/ingest/duplicates.py" in trace
    assert "TypeError" in trace
    frozen = np.zeros(2)
    frozen.flags.writeable = False

    def write():
        frozen[0] = 1
    assert own_fault(_raised(write)) is None  # this test's own code is not the program's


@pytest.mark.parametrize("function, args", [
    (zipfile.ZipFile, (io.BytesIO(b"PK\x03\x04 broken"),)),   # a library's own kind of error
    (bytes.decode, (b"\xff", "utf-8")),                     # raised by Python, no frame of ours
])
def test_a_library_s_error_is_the_file_s(function, args):
    assert own_fault(_raised(function, *args)) is None


def _raised_in(folder: Path, statement: str) -> BaseException:
    """The error ``statement`` raises run as code of a file in ``folder``."""
    return _raised(exec, compile(statement, str(folder / "rule.py"), "exec"), {})


@pytest.mark.parametrize("statement, own", [
    ("int('mười')", True), ("{}['x']", True), ("[][1]", True), ("None.x", True),
    ("raise MemoryError", False),  # a limit, never a fault
    ("import zipfile; zipfile.ZipFile(__import__('io').BytesIO(b'x'))", False),
    ("import zipfile; raise zipfile.BadZipFile('x')", False),  # a reader's kind, from our code
])
def test_what_is_the_program_s_fault(statement, own):
    assert (own_fault(_raised_in(THIDUA, statement)) is not None) is own
    assert (own_fault(_raised_in(THIDUA.parent / "schemas", statement)) is not None) is own
    assert own_fault(_raised_in(THIDUA.parent / "tests", statement)) is None  # not its code


def test_run_isolated_says_the_program_failed_and_logs_the_trace(monkeypatch, caplog):
    monkeypatch.setattr(worker, "serving", True)  # in place: the same judgement as a worker's
    with caplog.at_level(logging.ERROR, logger="thidua"), \
            pytest.raises(worker.ReaderFailed) as failed:
        isolation.run_isolated(int, "mười")  # raised in ``run_isolated``'s own frame
    assert str(failed.value) == PROGRAM_FAULT
    assert "ValueError: invalid literal for int() with base 10: 'mười'" in caplog.text


def test_a_worker_sends_the_trace_back_with_the_error(caplog):
    with caplog.at_level(logging.ERROR, logger="thidua"), \
            pytest.raises(worker.ReaderFailed) as failed:
        isolation.run_isolated(int, "mười")  # in a worker process of its own
    assert str(failed.value) == PROGRAM_FAULT
    assert "thidua/ingest/worker.py" in caplog.text and "ValueError" in caplog.text
    with pytest.raises(FileRejected) as damaged:
        isolation.run_isolated(zipfile.ZipFile, io.BytesIO(b"PK\x03\x04 broken"))
    assert not isinstance(damaged.value, worker.ReaderFailed)
    assert str(damaged.value).startswith("Không đọc được tệp: cấu trúc nén của tệp bị hỏng")
