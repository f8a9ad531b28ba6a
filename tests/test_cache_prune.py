"""Issue 10: the ingest cache keeps only what the latest published version of each output
folder needs; each run prunes it, and so does ``thidua cache prune``."""

from __future__ import annotations

import json
import os
import time

from typer.testing import CliRunner

from conftest import REGISTRY
from helpers import row, write_xlsx
from thidua.cli import app
from thidua.ingest.cache import IngestCache, prune
from thidua.runner import run_year

runner = CliRunner()


def _year(tmp_path, name="raw"):
    raw = tmp_path / name / "2024"
    write_xlsx(raw / "Q-DD_dk.xlsx", [row(), row(model="Tốt", stt=2)], title=["Năm: 2024"])
    write_xlsx(raw / "Q-CG_dk.xlsx", [row(model="Góc sách", stt=1)], title=["Năm: 2024"])
    return raw


def _age(folder, seconds=7200):
    past = time.time() - seconds
    for path in folder.iterdir():
        os.utime(path, (past, past))


def _keys(out):
    return set(json.loads((out / "manifest.json").read_text(encoding="utf-8"))["ingest_cache"])


def test_a_run_keeps_only_the_entries_of_the_latest_version(tmp_path):
    raw, out, cache = _year(tmp_path), tmp_path / "out", tmp_path / "cache"
    first = run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert first["files_read"] == 2 and IngestCache(cache).keys() == _keys(out)
    v1_keys = _keys(out)
    write_xlsx(raw / "Q-CG_dk.xlsx", [row(model="Góc sách mới", stt=1)], title=["Năm: 2024"])
    _age(cache)  # the old entry was written long ago
    second = run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert (second["version"], second["files_read"], second["pruned"]) == (2, 1, 1)
    assert IngestCache(cache).keys() == _keys(out)  # Q-CG's old entry is gone
    assert len(_keys(out) & v1_keys) == 1  # Q-DD's entry served both versions


def test_young_entries_of_a_run_in_progress_are_kept(tmp_path):
    raw, out, cache = _year(tmp_path), tmp_path / "out", tmp_path / "cache"
    run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    stray = IngestCache(cache)
    stray.put("ingest-" + "0" * 64 + "-x", stray.get(sorted(stray.keys())[0]))
    assert prune(stray, [out]).removed == 0  # written a moment ago: maybe another year's run
    assert prune(stray, [out], older_than=0).removed == 1


def test_one_cache_shared_by_two_years_never_drops_the_other_years_entries(tmp_path):
    cache = tmp_path / "cache"
    for name in ("a", "b"):
        run_year(2024, str(_year(tmp_path, name)), str(REGISTRY), str(tmp_path / f"out-{name}"),
                 cache_dir=str(cache))
    # the two years have the same files: their keys differ only if names do, so change one
    write_xlsx(tmp_path / "b" / "2024" / "Q-DD_dk.xlsx", [row(model="Khác", stt=1)],
               title=["Năm: 2024"])
    _age(cache)
    run_year(2024, str(tmp_path / "b" / "2024"), str(REGISTRY), str(tmp_path / "out-b"),
             cache_dir=str(cache))
    assert _keys(tmp_path / "out-a") <= IngestCache(cache).keys()
    assert _keys(tmp_path / "out-b") <= IngestCache(cache).keys()


def test_cache_prune_command_removes_entries_no_version_needs(tmp_path):
    raw, out, cache = _year(tmp_path), tmp_path / "out", tmp_path / "cache"
    run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    (cache / ("ingest-" + "1" * 64 + "-old")).write_bytes(b"x" * 2048)  # an older program's
    result = runner.invoke(app, ["cache", "prune", "--cache", str(cache), "--out", str(out),
                                 "--now"])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Bộ nhớ đệm {cache}: giữ 2 mục, xóa 1 mục (0,0 MB).\n"
    assert IngestCache(cache).keys() == _keys(out)
    assert not (cache / ("ingest-" + "1" * 64 + "-old")).exists()
