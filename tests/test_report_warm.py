"""Issue 10, P1: the report's heavy libraries (WeasyPrint, Matplotlib) are imported on a
thread of their own while the workers read the files, never by a run where nothing changed,
and that thread has ended before the render forks its processes."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

from conftest import REGISTRY
from helpers import row, write_xlsx
from thidua import pipeline, runner


def test_the_run_and_its_command_import_no_renderer():
    code = ("import sys, thidua.cli, thidua.cli_run, thidua.runner, thidua.report.render\n"
            "print(sorted(m for m in ('weasyprint', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_renderer_is_imported_while_files_are_read_and_never_when_nothing_changed(
        tmp_path, monkeypatch):
    raw, out, cache = tmp_path / "raw" / "2024", tmp_path / "out", tmp_path / "cache"
    write_xlsx(raw / "Q-DD_dk.xlsx", [row(), row(model="Tủ sách", stt=2)], title=["Năm: 2024"])
    events = []
    real_warm, real_render = runner.warm, pipeline.render

    def warm():
        events.append(("warm", threading.current_thread().name))
        real_warm()
        time.sleep(3)  # longer than the reading: the render must wait for it

    def render(*args, **kwargs):
        events.append(("render", sorted(t.name for t in threading.enumerate()
                                        if t.name == "thidua-warm")))
        return real_render(*args, **kwargs)

    monkeypatch.setattr(runner, "warm", warm)
    monkeypatch.setattr(pipeline, "render", render)
    first = runner.run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert (first["status"], first["files_read"]) == ("published", 1)
    assert events == [("warm", "thidua-warm"), ("render", [])]
    assert "weasyprint" in sys.modules
    events.clear()
    again = runner.run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert again["status"] == "unchanged" and events == []
