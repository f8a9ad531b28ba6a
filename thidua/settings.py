"""Where things are: the one place that resolves paths and defaults.

Defaults are the repository's data folders; the CLI options and the environment variables
``THIDUA_RAW_ROOT``, ``THIDUA_REGISTRY`` and ``THIDUA_OUT_ROOT`` override them.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

REPO_ROOT = Path(__file__).resolve().parent.parent
TEMPLATES_DIR = REPO_ROOT / "report_templates"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


def default_raw_dir(year: int) -> Path:
    """The folder of one year's unit files: ``data/raw/<year>`` (``spec/outputs.md``)."""
    return raw_root() / str(year)


def raw_root() -> Path:
    """The folder of every year's unit folders: ``data/raw`` (``THIDUA_RAW_ROOT``)."""
    return _env_path("THIDUA_RAW_ROOT", REPO_ROOT / "data" / "raw")


def default_registry() -> Path:
    """The unit registry: ``data/reference/units.csv`` (``spec/unit-registry.md``)."""
    return _env_path("THIDUA_REGISTRY", REPO_ROOT / "data" / "reference" / "units.csv")


def default_out_dir(year: int) -> Path:
    """The folder of one year's outputs: ``data/out/<year>`` (``spec/outputs.md``)."""
    return out_root() / str(year)


def out_root() -> Path:
    """The folder of every year's output folders: ``data/out`` (``THIDUA_OUT_ROOT``)."""
    return _env_path("THIDUA_OUT_ROOT", REPO_ROOT / "data" / "out")


#: Stands for the report year in a folder given as a deployment parameter
#: (``/srv/dvk/{year}``), so that one deployment serves every year.
YEAR_PLACEHOLDER = "{year}"


def for_year(path: str | Path | None, year: int) -> Path | None:
    """``path`` with :data:`YEAR_PLACEHOLDER` replaced by ``year``; ``None`` (or ``""``)
    stays ``None`` so that the caller's default applies."""
    return Path(str(path).replace(YEAR_PLACEHOLDER, str(year))) if path else None


def default_previous_summary(out_dir: Path, year: int) -> Path:
    """The previous year's published figures, for the comparison: ``summary.json`` of the
    folder of ``year - 1`` beside ``out_dir`` (``data/out/2025`` → ``data/out/2024/summary.json``)."""
    return out_dir.parent / str(year - 1) / "summary.json"


def default_cache_dir() -> Path:
    """Where the flow caches each file's reading, keyed on its content:
    ``data/out/.cache`` (``THIDUA_CACHE_DIR``). Safe to delete at any time."""
    return _env_path("THIDUA_CACHE_DIR", out_root() / ".cache")


def report_filename(year: int) -> str:
    """The report PDF's file name, fixed by ``spec/outputs.md``."""
    return f"bao-cao-dan-van-kheo-{year}.pdf"


def quiet_prefect_defaults() -> None:
    """Environment defaults for Prefect in a one-off run, set before Prefect is imported.

    The ephemeral server's telemetry heartbeat races the SQLite database at start-up and
    prints a "database is locked" traceback; a one-off report run has no use for it. The
    client's telemetry is off too (``DO_NOT_TRACK=1``, the opt-out Prefect documents for its
    SDK): otherwise the first run in a terminal prints Prefect's English "collects anonymous
    usage data" notice among the progress bars (issue 13.5). A slow machine gets 90 s, not
    20, to start the ephemeral server (else an English "Timed out … ephemeral Prefect API
    server"). A value already in the environment wins.
    """
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")


#: The federation's time zone: the schedule's, the distribution log's, and "this year"'s.
TIMEZONE = "Asia/Ho_Chi_Minh"


def current_year(now: dt.datetime | None = None) -> int:
    """The year today in Hà Nội (:data:`TIMEZONE`): the report year of a scheduled run that
    was given none, resolved when the run starts (a deployment made in 2026 reports 2027 in
    2027)."""
    return (now or dt.datetime.now(dt.timezone.utc)).astimezone(ZoneInfo(TIMEZONE)).year


def default_recipients() -> Path:
    """The Standing Committee's members to e-mail the report to:
    ``data/reference/recipients.csv`` (``name, email, role``); ``THIDUA_RECIPIENTS``
    overrides it."""
    return _env_path("THIDUA_RECIPIENTS", REPO_ROOT / "data" / "reference" / "recipients.csv")


#: The environment variables that give the PKCS#12 password: the password itself, or the name
#: of a Prefect Secret block holding it (:func:`thidua.publish.sign.p12_password`). Here, not
#: in the signing module, so that checking a command line never loads pyHanko or pandas.
PASSWORD_VARIABLE, SECRET_VARIABLE = "THIDUA_P12_PASSWORD", "THIDUA_P12_SECRET"
