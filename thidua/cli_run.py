"""How ``thidua run`` runs the year: in this process, or as a Prefect flow when a server is set.

Without a Prefect server configured (no ``PREFECT_API_URL``), the run is
:func:`thidua.runner.run_year` with plain steps: Prefect is not even imported, so no temporary
server is started (Prefect's ephemeral mode costs about 10 s per call and its server outlived a
killed run). With ``PREFECT_API_URL`` the run is the flow :func:`flows.annual_report.annual_report`
(the same orchestration, every step a task), so that it shows in the Prefect UI. Either way the
per-file work runs on threads of this process, on a ``LocalCluster`` (``--workers N``) or on an
existing Dask cluster (``--dask-address``).
"""

from __future__ import annotations

import logging
import os
import sys
import tomllib
from pathlib import Path


def prefect_api_configured() -> str | None:
    """The Prefect API this run should report to: ``PREFECT_API_URL`` from the environment,
    else from the active profile of ``PREFECT_HOME/profiles.toml`` (``prefect config set``);
    ``None`` when neither sets one. Reads the file itself, so that the common path never
    imports Prefect."""
    if "PREFECT_API_URL" in os.environ:
        return os.environ["PREFECT_API_URL"] or None
    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect").expanduser()
    try:
        profiles = tomllib.loads((home / "profiles.toml").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active", "ephemeral")
    value = profiles.get("profiles", {}).get(active, {}).get("PREFECT_API_URL")
    return str(value) if value else None


def check_cluster(address: str, timeout: float = 5.0) -> str | None:
    """``None`` when the Dask scheduler at ``address`` answers within ``timeout`` seconds,
    else the one-line Vietnamese refusal."""
    from distributed import Client

    if not address.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
        return (f"--dask-address '{address}' không phải địa chỉ của dask scheduler; hãy ghi "
                f"dạng tcp://máy:cổng, ví dụ tcp://10.0.0.5:8786.")
    try:
        Client(address, timeout=timeout).close()
    except Exception:  # noqa: BLE001 - any failure to connect is the same refusal
        return (f"Không kết nối được cụm Dask tại {address} (không có dask scheduler trả lời "
                f"trong {timeout:g} giây); hãy chạy `dask scheduler` và `dask worker` ở đó, hoặc "
                f"bỏ --dask-address.")
    return None


def show_log(verbose: bool) -> None:
    """With ``--verbose``, thidua's own log lines go to stderr (the in-process run)."""
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger = logging.getLogger("thidua")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def run_report(prefect: bool, workers: int | None, dask_address: str | None, **parameters) -> dict:
    """Run the year (``parameters``: those of :func:`thidua.runner.run_year`) in this
    process, or as the Prefect flow when ``prefect``; the files on ``workers`` local Dask
    processes or the cluster at ``dask_address`` when given. Returns the run's outcome dict;
    raises :class:`thidua.pipeline.NothingToReport`."""
    if prefect:
        from flows.annual_report import annual_report, with_dask

        flow = with_dask(dask_address, workers) if (workers or dask_address) else annual_report
        return flow(**parameters)
    if not parameters.get("distribute") and (quick := _unchanged(**parameters)):
        return quick
    if not (workers or dask_address):  # files parsed by workers of this process (issue 10):
        from thidua.ingest.worker import start_server

        start_server()  # their server imports its parsers while this process imports its own
    from thidua import executors
    from thidua.runner import Steps, run_year

    mapper = executors.dask(dask_address, workers) if (workers or dask_address) else None
    load_secret = None
    if os.environ.get("THIDUA_SMTP_SECRET") and parameters.get("distribute"):
        from flows.distribute import load_secret  # a Prefect Secret block: Prefect's own API
    return run_year(**parameters, steps=Steps(mapper, load_secret))


def _unchanged(year: int, raw_dir: str | None, registry: str | None, out_dir: str | None,
               report_date, cache_dir: str | None, as_of=None, previous: str | None = None,
               report_settings: str | None = None, number: str | None = None,
               **_) -> dict | None:
    """:func:`thidua.publish.latest.unchanged_outcome` for the run's folders (the defaults
    of :mod:`thidua.settings`), over the same components as the full run's fingerprint
    (:func:`thidua.publish.latest.plan_fingerprint`: the settings, the published summaries
    read, ``--as-of``): the answer of a run where nothing changed, in well under a second,
    since neither pandas nor the renderer is imported for it. ``None`` when the settings file
    cannot be read (the full run then refuses, saying why)."""
    from thidua.ingest.discover import sha256_of
    from thidua.publish.latest import unchanged_outcome
    from thidua.report.document_settings import DEFAULT_SETTINGS, SettingsError, \
        load_document_settings
    from thidua.report.history import summaries_read
    from thidua.settings import default_cache_dir, default_out_dir, \
        default_previous_summary, default_raw_dir, default_registry, for_year

    out = Path(out_dir) if out_dir else default_out_dir(year)
    cache = Path(cache_dir) if cache_dir else default_cache_dir()
    try:
        settings = load_document_settings(for_year(report_settings, year) or DEFAULT_SETTINGS,
                                          number)
    except SettingsError:
        return None
    earlier = Path(previous) if previous else default_previous_summary(out, year)
    summaries = summaries_read(out.parent, year, earlier, sha256_of)
    return unchanged_outcome(Path(raw_dir) if raw_dir else default_raw_dir(year),
                             Path(registry) if registry else default_registry(), out,
                             (out, cache), report_date, settings.sha256, summaries, as_of)
