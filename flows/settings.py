"""Where things are: the one place that resolves paths and defaults.

Defaults are the repository's data folders; the CLI options and the environment variables
``THIDUA_RAW_ROOT``, ``THIDUA_REGISTRY`` and ``THIDUA_OUT_ROOT`` override them.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = REPO_ROOT / "report_templates"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


def default_raw_dir(year: int) -> Path:
    """The folder of one year's unit files: ``data/raw/<year>`` (``spec/outputs.md``)."""
    return _env_path("THIDUA_RAW_ROOT", REPO_ROOT / "data" / "raw") / str(year)


def default_registry() -> Path:
    """The unit registry: ``data/reference/units.csv`` (``spec/unit-registry.md``)."""
    return _env_path("THIDUA_REGISTRY", REPO_ROOT / "data" / "reference" / "units.csv")


def default_out_dir(year: int) -> Path:
    """The folder of one year's outputs: ``data/out/<year>`` (``spec/outputs.md``)."""
    return _env_path("THIDUA_OUT_ROOT", REPO_ROOT / "data" / "out") / str(year)


def report_filename(year: int) -> str:
    """The report PDF's file name, fixed by ``spec/outputs.md``."""
    return f"bao-cao-dan-van-kheo-{year}.pdf"


def quiet_prefect_defaults() -> None:
    """Environment defaults for Prefect in a one-off run, set before Prefect is imported.

    The ephemeral server's telemetry heartbeat races the SQLite database at start-up and
    prints a "database is locked" traceback; a one-off report run has no use for it. A value
    already in the environment wins.
    """
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
