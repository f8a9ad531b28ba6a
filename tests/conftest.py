"""Shared fixtures. Prefect keeps its state in a temporary folder, never in the user's home."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_PREFECT_HOME = tempfile.mkdtemp(prefix="thidua-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from flows.ingest import UnitContext  # noqa: E402
from flows.registry import expected_units, load_registry  # noqa: E402
from flows.settings import REPO_ROOT  # noqa: E402

SAMPLE_DIR = REPO_ROOT / "data" / "raw" / "2024"
REGISTRY = REPO_ROOT / "data" / "reference" / "units.csv"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def prefect_api():
    """One Prefect test server for the whole session (temporary SQLite database)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness():
        yield


@pytest.fixture(scope="session")
def registry() -> pd.DataFrame:
    return load_registry(REGISTRY)


@pytest.fixture(scope="session")
def context(registry) -> UnitContext:
    expected = expected_units(registry, 2024)
    return UnitContext(2024, frozenset(registry["code"]), frozenset(expected["code"]))
