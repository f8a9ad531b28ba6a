"""Issue 10: ``thidua run`` without a Prefect server configured starts no server, imports no
Prefect, and leaves no process behind when it is killed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import psutil
import pytest

from conftest import REGISTRY, SAMPLE_DIR

SERVER_WORDS = ("uvicorn", "prefect server", "prefect.server", "prefect/server")


def _env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), THIDUA_CACHE_DIR=str(tmp_path / "c"))
    return env


def _command(tmp_path, raw) -> list[str]:
    return [sys.executable, "-m", "thidua.cli", "run", "--year", "2024", "--raw", str(raw),
            "--registry", str(REGISTRY), "--out", str(tmp_path / "out"), "--cache",
            str(tmp_path / "cache"), "--quiet"]


def _descendants(parent: psutil.Process) -> dict[int, str]:
    """The descendants of ``parent`` now (pid → command line), those that end or turn zombie
    meanwhile left out; ``{}`` when ``parent`` is gone."""
    found: dict[int, str] = {}
    try:
        children = parent.children(recursive=True)
    except psutil.NoSuchProcess:
        return found
    for child in children:
        try:
            found[child.pid] = " ".join(child.cmdline())
        except psutil.Error:
            pass
    return found


def _watch(process: subprocess.Popen, until) -> dict[int, str]:
    """Every descendant of ``process`` seen (pid → command line) until ``until()``."""
    seen: dict[int, str] = {}
    parent = psutil.Process(process.pid)
    while not until() and parent.is_running():
        for pid, line in _descendants(parent).items():
            seen.setdefault(pid, line)
        time.sleep(0.05)
    return seen


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    folder = tmp_path_factory.mktemp("raw") / "2024"
    shutil.copytree(SAMPLE_DIR, folder)
    return folder


def test_a_run_without_prefect_api_url_starts_no_server_and_imports_no_prefect(tmp_path, raw):
    code = ("import sys; from thidua.cli import main; status = main(sys.argv[1:]); "
            "print('prefect' in sys.modules, status)")
    process = subprocess.Popen([sys.executable, "-c", code, *_command(tmp_path, raw)[3:]],
                               env=_env(tmp_path), stdout=subprocess.PIPE, text=True)
    seen = _watch(process, lambda: process.poll() is not None)
    out = process.stdout.read()
    assert out.splitlines()[-1] == "False 0", out
    assert out.startswith("Năm 2024, bản số 1 (mới lập): 8.333 mô hình")
    assert seen, "the files are parsed in worker processes"
    assert not [c for c in seen.values() if any(w in c for w in SERVER_WORDS)], seen
    assert not (tmp_path / "prefect-home").exists()  # Prefect never even wrote its home
    code = ("import sys; from thidua.cli import main; status = main(sys.argv[1:]); "
            "print('pandas' in sys.modules, 'weasyprint' in sys.modules, status)")
    again = subprocess.run([sys.executable, "-c", code, *_command(tmp_path, raw)[3:]],
                           env=_env(tmp_path), stdout=subprocess.PIPE, text=True, check=True)
    # nothing changed: answered from the manifest's fingerprint, neither pandas nor the renderer
    assert again.stdout.splitlines()[-1] == "False False 0", again.stdout
    assert "bản số 1 (không đổi)" in again.stdout


def test_killing_a_run_leaves_no_process_behind(tmp_path, raw):
    process = subprocess.Popen(_command(tmp_path, raw), env=_env(tmp_path),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    parent = psutil.Process(process.pid)
    def parsing() -> bool:  # the forkserver and at least one parsing worker forked from it
        try:
            return sum("forkserver" in " ".join(c.cmdline())
                       for c in parent.children(recursive=True)) >= 2
        except psutil.Error:
            return False

    seen = _watch(process, lambda: parsing() or time.monotonic() - started > 180)
    seen |= _descendants(parent)  # once more: a child that ended meanwhile is left out
    assert sum("forkserver" in c for c in seen.values()) >= 2, seen
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 15
    alive = list(seen)
    while alive and time.monotonic() < deadline:
        alive = [pid for pid in alive if psutil.pid_exists(pid)
                 and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
        time.sleep(0.2)
    assert alive == [], {pid: seen[pid] for pid in alive}


SERVER_FIRST = """
import builtins, sys
from multiprocessing import forkserver
from thidua import cli_run
from thidua.errors import NothingToReport
seen = {}
real_import = builtins.__import__
def spy(name, *args, **kwargs):
    if name == "thidua.runner" and not seen:
        seen.update(server=forkserver._forkserver._forkserver_pid, pandas="pandas" in sys.modules)
    return real_import(name, *args, **kwargs)
builtins.__import__ = spy
try:
    cli_run.run_report(False, None, None, year=2024, raw_dir=sys.argv[1], registry=sys.argv[2],
                       out_dir=sys.argv[3], report_date=None, cache_dir=sys.argv[4])
except NothingToReport as exc:
    print(exc)
print(seen["server"] is not None, seen["server"] in [c.pid for c in
      __import__("psutil").Process().children()], seen["pandas"])
"""


def test_a_run_starts_its_parsing_server_before_importing_the_pipeline(tmp_path):
    # issue 10: the server imports the parsers (about a second) on another core while the run
    # imports pandas and the renderer; a corrected file no longer waits for it after them
    out = subprocess.run([sys.executable, "-c", SERVER_FIRST, str(tmp_path / "none"),
                          str(REGISTRY), str(tmp_path / "out"), str(tmp_path / "cache")],
                         env=_env(tmp_path), capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == [f"Không có thư mục dữ liệu {tmp_path / 'none'}.",
                                "True True False"], out
