"""Issue 10: the per-file work on a real Dask cluster gives the figures of a run in one process."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import REGISTRY, SAMPLE_DIR
from thidua.runner import Steps, run_year

FILES = ["Q-DD_dang-ky-dvk-2024.xlsx", "H-MD_dang-ky-dvk-2024.csv", "Q-HM_dang-ky-dvk-2024.xls",
         "N-YT_dang-ky-dvk-2024.xlsx", "H-BV_dang-ky-dvk-2024.xlsx", "KCN_dang-ky-dvk-2024.xlsx"]


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dask") / "raw" / "2024"
    folder.mkdir(parents=True)
    for name in FILES:
        matches = list(SAMPLE_DIR.glob(name.rsplit(".", 1)[0] + ".*"))
        assert matches, name
        shutil.copy2(matches[0], folder / matches[0].name)
    return folder


def _run(raw, root, steps):
    return run_year(2024, str(raw), str(REGISTRY), str(root / "out"), cache_dir=str(root / "cache"),
                    steps=steps)


def test_a_local_cluster_of_two_worker_processes_gives_the_single_process_figures(raw, tmp_path):
    import dask
    from distributed import Client, LocalCluster

    from thidua import executors

    alone = _run(raw, tmp_path / "alone", Steps())
    with dask.config.set(executors.worker_config()):
        with LocalCluster(**executors.local_cluster_kwargs(2)) as cluster, Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            pids = set(client.run(lambda: __import__("os").getpid()).values())
            spread = _run(raw, tmp_path / "dask", Steps(executors.dask(cluster.scheduler_address)))
    assert len(pids) == 2  # two worker processes
    assert spread["summary"] == alone["summary"]
    assert spread["files_read"] == alone["files_read"] == len(FILES)
    assert alone["summary"]["rows"]["read"] > 0 and alone["summary"]["files"]["used"] == len(FILES)
    for name in ("rejected.csv", "summary.json"):
        assert (tmp_path / "dask" / "out" / name).read_bytes() == \
            (tmp_path / "alone" / "out" / name).read_bytes()
    manifest = json.loads((tmp_path / "dask" / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["ingest_cache"]) == len(FILES)
