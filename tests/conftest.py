"""Shared fixtures. Prefect keeps its state in a temporary folder, never in the user's home."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

_PREFECT_HOME = tempfile.mkdtemp(prefix="thidua-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
# The ingest cache of flow runs that name no --cache: a temporary folder, never the
# repository's data/out/.cache (which a later `bash scripts/report.sh` would then reuse).
os.environ["THIDUA_CACHE_DIR"] = _CACHE_DIR = tempfile.mkdtemp(prefix="thidua-cache-")
_OWNER = os.getpid()


@atexit.register
def _remove_temporary_folders() -> None:
    """Remove this session's Prefect home and cache at exit (registered first, so it runs
    after Prefect's own exit handlers). Only in the process that made them: a mutation run's
    children are forks of it and share them."""
    if os.getpid() == _OWNER:
        for folder in (_PREFECT_HOME, _CACHE_DIR):
            shutil.rmtree(folder, ignore_errors=True)


os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
# pandera's pandas checks import ``hypothesis.extra.numpy`` on a schema's first validation;
# under pytest that import is rewritten (``ast.parse``) and, when it happens inside a flow run
# beside Prefect's threads, CPython 3.11.7 can raise "SystemError: AST constructor recursion
# depth mismatch" (CPython gh-106905; seen once in a clean clone's CI, 01/12,
# tests/flows/test_signed_report.py). Imported here, in the main thread, before any thread.
import pandera.backends.pandas.builtin_checks  # noqa: E402, F401

# Property tests are deterministic everywhere (the same examples on every run and in CI) and
# keep no example database in the repository (issue 14.3); THIDUA_HYPOTHESIS_PROFILE=explore
# searches afresh.
settings.register_profile("thidua", derandomize=True, database=None, deadline=None,
                          max_examples=300)
settings.register_profile("explore", database=None, deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("THIDUA_HYPOTHESIS_PROFILE", "thidua"))

from thidua.ingest.discover import discover_files  # noqa: E402
from thidua.ingest.files import UnitContext, ingest_file  # noqa: E402
from thidua.ingest.selection import select_submissions
from thidua.ingest.registry import load_registry  # noqa: E402
from thidua.settings import REPO_ROOT  # noqa: E402

SAMPLE_DIR = REPO_ROOT / "data" / "raw" / "2024"
REGISTRY = REPO_ROOT / "data" / "reference" / "units.csv"
FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus" / "2024"
CORPUS_REGISTRY = FIXTURES / "corpus" / "units.csv"
#: Every file's mtime in the tests (git keeps none), and the one newer file of N-YT.
MTIME = dt.datetime(2024, 12, 10, 8, 30, tzinfo=dt.timezone.utc).timestamp()
NEWER = {"N-YT_ban-sua.xlsx": MTIME + 86400}


@pytest.fixture(scope="session")
def prefect_api():
    """One Prefect test server for the whole session (temporary SQLite database)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):  # a shared, busy machine is slow
        yield


@pytest.fixture(scope="session")
def registry() -> pd.DataFrame:
    return load_registry(REGISTRY)


@pytest.fixture(scope="session")
def context(registry) -> UnitContext:
    return UnitContext.for_year(registry, 2024)


# --- The corpus of variants (tests/fixtures/corpus), read once per test module -----------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A copy of the corpus in a ``2024`` folder, every mtime pinned."""
    raw = tmp_path_factory.mktemp("corpus") / "2024"
    shutil.copytree(CORPUS, raw)
    for path in raw.rglob("*"):
        if path.is_file():
            stamp = NEWER.get(path.name, MTIME)
            os.utime(path, (stamp, stamp))
    return raw


@pytest.fixture(scope="module")
def corpus_context() -> UnitContext:
    registry = load_registry(CORPUS_REGISTRY)
    return UnitContext.for_year(registry, 2024)


@pytest.fixture(scope="module")
def results(corpus, corpus_context) -> dict:
    ingested = [ingest_file(source, corpus_context) for source in discover_files(corpus)]
    return {r.file: r for r in select_submissions(ingested)}


# --- Mutation testing (scripts/mutation.sh): only the tests named for the module ------------

def pytest_collection_modifyitems(config, items):
    """With ``THIDUA_MUTATION_TESTS`` (space-separated test files or folders, and
    ``-<fixture>`` to leave out the tests using a fixture; set by
    ``scripts/mutation.sh``), keep only the tests under them: mutmut then times and maps only
    the tests that check the module being mutated. Unset (always, outside mutation runs),
    every test runs."""
    words = os.environ.get("THIDUA_MUTATION_TESTS", "").split()
    if not words:
        return
    # ``-<fixture>``: leave out the tests that use that fixture (``-results``: those that read
    # the whole corpus, too slow to run once per mutant)
    wanted = [w for w in words if not w.startswith("-")]
    unwanted = {w[1:] for w in words if w.startswith("-")}
    roots = [Path(config.rootpath, w).resolve() for w in wanted]
    keep, drop = [], []
    for item in items:
        path = Path(str(item.path)).resolve()
        rel = [path.is_relative_to(r) for r in roots]
        kept = any(rel) and not unwanted & set(getattr(item, "fixturenames", ()))
        (keep if kept else drop).append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def _forget_the_parent_s_workers() -> None:
    """In a process forked from one that had read files (a mutation run forks each mutant's
    tests from the process that ran the unmutated ones): the file-reading workers
    (:mod:`thidua.ingest.isolation`) and multiprocessing's fork server that starts them are
    the parent's. A child can neither use them (``AssertionError``: a process is only its
    starter's child) nor start its own through the parent's server (``ChildProcessError``):
    every test reading a file then failed, and its mutants were counted killed. Forget them
    (closing nothing of the parent's but this process's copy of the server's alive pipe):
    the child starts its own."""
    import multiprocessing.forkserver
    import sys
    import threading

    server = multiprocessing.forkserver._forkserver
    if server._forkserver_alive_fd is not None:
        os.close(server._forkserver_alive_fd)
    server._forkserver_address = server._forkserver_alive_fd = None
    server._forkserver_pid = server._inherited_fds = None
    server._lock = threading.Lock()
    if (isolation := sys.modules.get("thidua.ingest.isolation")) is not None:
        isolation._idle.clear()
        isolation._busy.clear()


if os.environ.get("THIDUA_MUTATION_TESTS"):
    os.register_at_fork(after_in_child=_forget_the_parent_s_workers)


def pytest_sessionstart(session):
    """In a mutation run, each mutant's tests run in a process forked from the one that ran
    the unmutated tests: empty every ``functools`` cache of ``thidua`` and ``schemas`` first,
    or a reading remembered from the unmutated code (:func:`thidua.ingest.values.read_value`)
    would hide the mutant."""
    if not os.environ.get("THIDUA_MUTATION_TESTS"):
        return
    import sys

    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(("thidua", "schemas")):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
