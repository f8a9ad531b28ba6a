"""One bad file never stops the year (issue 9.6): limits checked before parsing
(:mod:`thidua.ingest.prescan`, :mod:`thidua.ingest.limits`) and each file parsed in a worker
process (:mod:`thidua.ingest.isolation`) whose crash, memory or time only rejects that file."""

from __future__ import annotations

import ctypes
import io
import os
import resource
import shutil
import struct
import threading
import time
import zipfile

import pytest

from conftest import CORPUS, CORPUS_REGISTRY
from corpus_damaged import EXPECTED, SHEET, good, limit, zip_with
from corpus_rows import HEADER, regs
from corpus_writers import write_csv
from thidua.ingest import isolation, limits
from thidua.ingest.discover import discover_files
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.prescan import check_bytes
from thidua.ingest.workbook import FileRejected, workbook_grids

GOOD = "D-00_dung.xlsx"


def _folder(tmp_path, *names, extra=None):
    """A 2024 folder with the good file, the corpus files ``names`` and ``extra`` (name → bytes)."""
    raw = tmp_path / "2024"
    raw.mkdir()
    for name in (GOOD, *names):
        shutil.copy(CORPUS / name, raw / name)
    for name, data in (extra or {}).items():
        (raw / name).write_bytes(data)
    return raw


def _ingest(raw, corpus_context):
    return {r.file: r for r in (ingest_file(s, corpus_context) for s in discover_files(raw))}


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if EXPECTED[n][1] == "rejected"))
def test_a_damaged_file_is_rejected_and_its_neighbour_still_counts(tmp_path, corpus_context,
                                                                   name):
    started = time.monotonic()
    results = _ingest(_folder(tmp_path, name), corpus_context)
    assert time.monotonic() - started < 30  # sanity only: the real bounds are the limits
    _, status, unit, _, _, problem = EXPECTED[name]
    assert (results[name].status, results[name].unit, results[name].problem) == (
        REJECTED, unit, problem)
    assert results[name].rejections["error"].tolist() == [f"Tệp bị từ chối: {problem}"]
    assert results[GOOD].status == USED and results[GOOD].rows == {
        "read": 3, "valid": 3, "rejected": 0, "ignored": 0}


def _zip_declaring(data: bytes, part: str, size: int) -> bytes:
    """``data`` whose central directory says ``part`` inflates to ``size`` bytes (a zip bomb's
    directory without its gigabytes)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        offset = archive.getinfo(part).header_offset
    out = bytearray(data)
    at = out.index(b"PK\x01\x02")  # central directory headers: their offset is at +42
    while struct.unpack_from("<I", out, at + 42)[0] != offset:
        at = out.index(b"PK\x01\x02", at + 1)
    struct.pack_into("<I", out, at + 24, size)  # uncompressed size
    return bytes(out)


def test_a_zip_bomb_is_rejected_from_its_directory_before_anything_is_inflated(tmp_path,
                                                                               corpus_context):
    bomb = _zip_declaring(good("D-03"), SHEET, 2_900_000_000)
    results = _ingest(_folder(tmp_path, extra={"D-03_bom.xlsx": bomb}), corpus_context)
    assert results["D-03_bom.xlsx"].problem == limit("dung lượng sau khi giải nén", "2,9 GB",
                                                     "300,0 MB")
    assert results[GOOD].status == USED


def test_a_csv_with_a_5_mb_cell_is_read_and_only_that_row_is_rejected(tmp_path, corpus_context):
    raw = tmp_path / "2024"
    raw.mkdir()
    rows = regs(3)
    rows[1][1] = "x" * 5_000_000  # Tên mô hình
    write_csv(raw / "D-13_o-5mb.csv", [["Mã đơn vị: D-13"], HEADER, *rows])
    result = _ingest(raw, corpus_context)["D-13_o-5mb.csv"]
    assert result.status == USED and result.problem is None
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.rejections["row"].tolist() == [4]


def test_a_csv_with_millions_of_lines_is_rejected_before_parsing(tmp_path, corpus_context):
    # (every line its own: one line's copies would be cut to two, test_filled_down.py)
    data = "\r\n".join([",".join(HEADER)] + [f"a{n},Kinh tế" for n in range(2_000_000)]).encode()
    results = _ingest(_folder(tmp_path, extra={"D-13_trieu-dong.csv": data}), corpus_context)
    assert results["D-13_trieu-dong.csv"].problem == limit(
        "số dòng của tệp CSV", "2.000.001 dòng", "100.000 dòng")
    assert results[GOOD].status == USED


def test_a_file_over_the_size_limit_is_not_read_into_memory(tmp_path, corpus_context, monkeypatch):
    monkeypatch.setattr("thidua.ingest.read.MAX_FILE_BYTES", 4096)
    results = _ingest(_folder(tmp_path), corpus_context)
    assert results[GOOD].problem == limit("dung lượng tệp", "hơn 4,1 KB", "4,1 KB")


def test_the_limits_are_checked_on_every_cell_not_on_the_declared_dimension():
    # a sheet formatted down to the last row declares a huge <dimension>: still read
    check_bytes(zip_with(good("D-00"), {SHEET: lambda x: x.replace(
        b'<dimension ref="A1:K8"', b'<dimension ref="A1:XFD1048576"')}), ".xlsx")
    # a small declared dimension does not hide a far cell
    with pytest.raises(FileRejected, match="có ô B100001 ở dòng 100.001"):
        check_bytes(zip_with(good("D-00"), {SHEET: lambda x: x.replace(b"</sheetData>", (
            b'<row r="100001"><c r="B100001"><v>1</v></c></row></sheetData>'))}), ".xlsx")
    # an empty styled cell far away holds no value: the parser does not allocate for it
    check_bytes(zip_with(good("D-00"), {SHEET: lambda x: x.replace(b"</sheetData>", (
        b'<row r="1048576"><c r="XFD1048576" s="0"/></row></sheetData>'))}), ".xlsx")


def test_an_ods_repeating_empty_cells_to_the_sheet_s_end_is_read(tmp_path):
    from corpus_damaged import ods_with
    data = ods_with('<table:table-row table:number-rows-repeated="1048560"><table:table-cell '
                    'table:number-columns-repeated="16384"/></table:table-row>')
    check_bytes(data, ".ods")  # what LibreOffice writes: trailing empty repeats


# --- the worker: crash, memory, time -----------------------------------------------------

def test_a_native_crash_rejects_the_file_and_the_next_file_is_read():
    with pytest.raises(FileRejected) as crash:
        isolation.run_isolated(ctypes.string_at, 0)  # reads address 0: SIGSEGV
    assert str(crash.value) == (
        "Tệp làm chương trình đọc bảng tính dừng bất thường (tín hiệu SIGSEGV): tệp có thể bị "
        "hỏng hoặc được tạo bằng phần mềm lạ; đề nghị mở tệp bằng Excel, lưu lại dạng .xlsx "
        "rồi gửi lại.")
    with pytest.raises(FileRejected, match=r"dừng bất thường \(tín hiệu SIGABRT\)"):
        isolation.run_isolated(os.abort)
    assert isolation.run_isolated(len, b"abc") == 3


def test_a_parser_running_out_of_memory_rejects_the_file_naming_the_limit():
    # without the checks, calamine asks for 512 GB for XFD1048576 and aborts
    with pytest.raises(FileRejected) as native:
        isolation.run_isolated(workbook_grids, (CORPUS / "D-01_o-XFD1048576.xlsx").read_bytes())
    assert str(native.value) == limit("bộ nhớ dùng để đọc tệp", "cần thêm 549,8 GB", "2,0 GB")
    with pytest.raises(FileRejected) as python:
        isolation.run_isolated(bytearray, 3 * 10 ** 9)
    assert str(python.value) == limit("bộ nhớ dùng để đọc tệp", "cần hơn 2,0 GB", "2,0 GB")


def test_the_worker_s_address_space_is_limited():
    soft, hard = isolation.run_isolated(resource.getrlimit, resource.RLIMIT_AS)
    assert soft == hard == limits.WORKER_MEMORY_BYTES
    assert isolation.run_isolated(resource.getrlimit, resource.RLIMIT_CPU)[0] > 0


def test_a_reader_standing_still_is_killed_and_rejected():
    started = time.monotonic()
    with pytest.raises(FileRejected) as slow:
        isolation.run_isolated(time.sleep, 30, timeout=0.5)
    assert time.monotonic() - started < 10
    assert str(slow.value) == limit("thời gian đọc tệp", "chương trình đọc tệp đứng yên 0,5 giây",
                                    "0,5 giây đứng yên")


def _spin(seconds: float) -> float:
    """Use ``seconds`` of processor time; return the processor time used."""
    start = time.process_time()
    while time.process_time() - start < seconds:
        pass
    return time.process_time() - start


def test_a_reader_that_keeps_working_is_not_killed_for_its_wall_time():
    """A file is judged by the processor time it needs, never by how busy the machine is: a
    worker working longer than the stall time is left to finish (the fault was a 60.000-row
    file rejected after 60 s of wall time on a loaded machine and counted on a quiet one)."""
    assert isolation.run_isolated(_spin, 2.5, timeout=0.5) >= 2.5


def test_a_reader_over_its_processor_time_is_killed_and_rejected():
    with pytest.raises(FileRejected) as slow:
        isolation.run_isolated(_spin, 30, cpu_seconds=1)
    assert str(slow.value) == limit("thời gian xử lý tệp", "chưa đọc xong sau 1 giây xử lý",
                                    "1 giây xử lý")


def test_workers_are_reused_safe_from_threads_and_gone_after_shutdown():
    results, errors = [], []

    def read():
        try:
            parsed = isolation.parse_isolated((CORPUS / GOOD).read_bytes(), ".xlsx")
            results.append(parsed.first.sheet)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and results == ["Danh sách"] * 8
    pids = isolation.workers()
    assert 1 <= len(pids) <= isolation.MAX_WORKERS
    isolation.shutdown()
    assert isolation.workers() == []
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_the_flow_over_damaged_files_still_publishes_the_report(prefect_api, tmp_path):
    from flows.annual_report import annual_report

    raw = _folder(tmp_path, *sorted(n for n in EXPECTED if n != GOOD))
    outcome = annual_report(year=2024, raw_dir=str(raw), registry=str(CORPUS_REGISTRY),
                            out_dir=str(tmp_path / "out"), cache_dir=str(tmp_path / "cache"))
    # the good file and the two whose stray far cell is left out (D-01, D-02); D-09's value
    # dragged over every column cut at the bound (its row of "x" rejected); D-10's row filled
    # down a million times read twice (both copies rejected)
    assert outcome["summary"]["rows"] == {"read": 18, "valid": 15, "rejected": 3, "ignored": 0}
    assert (tmp_path / "out" / "bao-cao-dan-van-kheo-2024.pdf").is_file()


@pytest.mark.parametrize("doctype", ['<!DOCTYPE worksheet SYSTEM "http://example.invalid/x.dtd">',
                                     "<!DOCTYPE worksheet>"])
def test_any_document_type_declaration_is_refused_even_without_entities(doctype):
    from corpus_damaged import UNSAFE, with_doctype
    with pytest.raises(FileRejected) as unsafe:
        check_bytes(zip_with(good("D-05"), {SHEET: with_doctype(doctype)}), ".xlsx")
    assert str(unsafe.value) == UNSAFE.format(SHEET)


@pytest.mark.parametrize("how", ["script", "stdin"])
def test_a_script_without_a_main_guard_reads_files_in_workers_once(tmp_path, how):
    """Workers never re-run the caller's script (multiprocessing would import it again in
    every worker: a script without ``if __name__ == "__main__"`` ran twice, and a program
    read from standard input made every file fail)."""
    import subprocess
    import sys

    from conftest import SAMPLE_DIR
    from thidua.settings import REPO_ROOT

    source = SAMPLE_DIR / "Q-BD_dang-ky-dvk-2024.xlsx"
    program = ("from pathlib import Path\n"
               "from thidua.ingest.isolation import parse_isolated\n"
               "print('top level ran')\n"
               f"sheet = parse_isolated(Path({str(source)!r}).read_bytes(), '.xlsx').first\n"
               "print('sheet', sheet.sheet, len(sheet.grid) > 10)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    if how == "script":
        script = tmp_path / "khong_bao_ve.py"
        script.write_text(program, encoding="utf-8")
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                              env=env, timeout=120)
    else:
        done = subprocess.run([sys.executable, "-"], input=program, capture_output=True, text=True,
                              env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and lines[0] == "top level ran"
    assert lines[1].startswith("sheet ") and lines[1].endswith(" True")
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("limit", ["RLIMIT_CPU", "RLIMIT_AS"])
def test_a_run_under_a_hard_limit_of_its_own_still_reads_files(limit):
    """A run started under a hard processor-time or memory limit lower than a worker's
    (``ulimit -t``, ``ulimit -v``; a mutation run's CPU limit on each mutant's tests): the
    worker keeps the lower one; asking more killed it at its start, and every file was
    rejected as crashing the reader."""
    import subprocess
    import sys

    hard = 3600 if limit == "RLIMIT_CPU" else 1_879_048_192  # 1,75 GiB, under the worker's
    script = (f"import resource; resource.setrlimit(resource.{limit}, ({hard}, {hard}))\n"
              "from thidua.ingest import isolation\n"
              "print(isolation.run_isolated(len, b'abc'), "
              f"isolation.run_isolated(resource.getrlimit, resource.{limit}))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    expected = f"({hard}, {hard})" if limit == "RLIMIT_AS" else \
        f"({int(limits.PARSE_SECONDS) + 1}, {hard})"
    assert (done.returncode, done.stdout.strip()) == (0, f"3 {expected}")


def test_a_run_killed_outright_leaves_no_worker_log_behind():
    """A worker's standard error goes to a file that has no name once the worker has opened
    it: a run killed with SIGKILL (or by the machine's OOM killer) used to leave one
    ``thidua-worker-*.log`` per worker in the temporary folder, and they piled up."""
    import subprocess
    import sys

    script = ("import os, signal\n"
              "from thidua.ingest import isolation\n"
              "assert isolation.run_isolated(len, b'abc') == 3\n"
              "print(isolation._idle[0].log, flush=True)\n"
              "os.kill(os.getpid(), signal.SIGKILL)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == -9
    log = done.stdout.strip()
    assert os.path.basename(log).startswith("thidua-worker-")
    assert not os.path.exists(log)


def test_a_worker_s_last_words_are_read_after_its_log_lost_its_name():
    """The log is read through the handle the parent kept: a native abort's message still
    names the memory it asked for (the file name is gone by then)."""
    with pytest.raises(FileRejected, match="cần thêm 1,2 GB"):
        isolation.run_isolated(_die_saying, 1234567890)


def _die_saying(needed: int) -> None:
    """What a Rust reader does when an allocation fails: says so on stderr and aborts."""
    os.write(2, f"memory allocation of {needed} bytes failed\n".encode())
    os.abort()
