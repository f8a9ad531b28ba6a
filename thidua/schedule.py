"""The scheduled year-end run: its schedule and default parameters, as plain data.

:func:`flows.annual_report.build_deployment` turns them into a Prefect deployment and
``thidua serve`` serves it. By default the report runs at 07:00 on 5 December, Hà Nội time, for
the year in which it runs (``year`` is ``None`` and resolved at run time), reading and writing
the folders below with ``{year}`` standing for the year.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from thidua.settings import (
    TIMEZONE,
    YEAR_PLACEHOLDER,
    default_cache_dir,
    default_registry,
    out_root,
    raw_root,
)

FLOW_NAME = "annual-report"
DEFAULT_NAME = "hang-nam"
#: 07:00 on 5 December (minute hour day-of-month month day-of-week).
DEFAULT_CRON = "0 7 5 12 *"


class ScheduleError(ValueError):
    """The schedule asked for is not valid; ``str(exc)`` is the one-line Vietnamese reason."""


@dataclass(frozen=True)
class Schedule:
    """A cron schedule (five fields) in an IANA time zone."""

    cron: str = DEFAULT_CRON
    timezone: str = TIMEZONE


def check_schedule(cron: str, timezone: str) -> Schedule:
    """The schedule, after checking that ``cron`` has five fields and ``timezone`` is a known
    IANA zone (e.g. ``Asia/Ho_Chi_Minh``). Raises :class:`ScheduleError`. (Prefect checks each
    field's values when the deployment is built.)"""
    if len(cron.split()) != 5:
        raise ScheduleError(f"Lịch cron '{cron}' phải có 5 trường: phút giờ ngày tháng thứ "
                            f"(ví dụ '{DEFAULT_CRON}').")
    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScheduleError(f"Múi giờ '{timezone}' không có (ví dụ '{TIMEZONE}').") from None
    return Schedule(" ".join(cron.split()), timezone)


def year_folder(root: Path) -> str:
    """``<root>/{year}`` as an absolute path: a folder parameter valid for every year."""
    return str(root.resolve() / YEAR_PLACEHOLDER)


def deployment_parameters(raw: Path | None = None, registry: Path | None = None,
                          out: Path | None = None, cache: Path | None = None,
                          distribute: bool = False) -> dict:
    """The deployment's default parameters of :func:`flows.annual_report.annual_report`.

    ``raw``/``out``: the roots holding one folder per year (default ``data/raw``,
    ``data/out``); they become ``<root>/{year}``. Paths are made absolute, since the served
    runs need not start in the repository. ``year`` is ``None``: the year of the run.
    """
    return {
        "year": None,
        "raw_dir": year_folder(raw or raw_root()),
        "registry": str((registry or default_registry()).resolve()),
        "out_dir": year_folder(out or out_root()),
        "cache_dir": str((cache or default_cache_dir()).resolve()),
        "distribute": distribute,
    }
