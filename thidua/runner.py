"""The one orchestration of a year's report, over the plain steps of :mod:`thidua.pipeline`.

:func:`run_year` plans, checks whether anything changed, reads every file (each through the
content cache, :func:`thidua.reading.ingest_to_cache`), aggregates, drafts the version, renders, publishes
and prunes the cache. *How* each step runs is a :class:`Steps` object: :class:`Steps` itself
runs them in this process (``thidua run`` without ``PREFECT_API_URL``: no Prefect at all, no
server to wait for, no process left behind), and :mod:`flows.annual_report` passes one whose
steps are Prefect tasks (``PREFECT_API_URL`` set: everything shows in the Prefect UI). Either
way the per-file work goes through an executor (:mod:`thidua.executors`: threads here, or a
Dask cluster) and passes only paths and small :class:`Ingested` records between processes;
the rows travel through the cache folder.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from thidua import pipeline, progress
from thidua.reading import (  # noqa: F401 - the per-file reading, kept importable from here
    BATCH_FILES,
    Ingested,
    Mapper,
    batch_size,
    cache_keys,
    ingest_all,
    ingest_batch_to_cache,
    ingest_to_cache,
    prune_after_run,
    settle,
)
from thidua.ingest.files import FileResult
from thidua.ingest.firstseen import dated_by_content, seen_before
from thidua.publish.outputs import restore_latest
from thidua.publish.versions import latest_version
from thidua.report.figures import Figures, summary_dict
from thidua.report.render import warm
from thidua.report.partcache import PartCache
from thidua.settings import current_year, default_cache_dir, default_out_dir, \
    default_previous_summary, default_raw_dir, default_registry, for_year

log = logging.getLogger("thidua")


class Steps:
    """How each step of :func:`run_year` runs: here, as plain calls in this process, the
    files mapped by ``mapper`` (:func:`thidua.executors.threads` by default). The Prefect
    layer subclasses it (every step a task). ``done``: the steps of
    :data:`thidua.progress.STEPS` a run reports as done (its progress bar's total)."""

    done = ("read", "aggregate", "render", "publish")
    #: Files read in one call of the per-file work (``None``: :func:`batch_size`).
    batch_files: int | None = None

    def __init__(self, mapper: Mapper | None = None, load_secret: Callable | None = None):
        from thidua.executors import threads

        self.mapper = mapper or threads()
        self.load_secret = load_secret

    def info(self, message: str, *args: object) -> None:
        """Log one line of the run (to the Prefect UI in the Prefect layer)."""
        log.info(message, *args)

    def ingest_all(self, plan: pipeline.Plan, cache_dir: Path) -> tuple[list[FileResult], int]:
        """Every file's result, in the plan's order, and how many were read (not cached)."""
        return ingest_all(plan, cache_dir, self.mapper, self.batch_files)

    def aggregate(self, plan: pipeline.Plan, results: list[FileResult]) -> Figures:
        return pipeline.aggregate_results(plan, results)

    def render(self, figures: Figures, meta, attachments: dict[str, bytes] | None = None,
               parts: PartCache | None = None) -> bytes:
        return pipeline.render(figures, meta, attachments, parts)

    def publish(self, plan, results, figures, draft, pdf, out: Path,
                outputs: dict[str, bytes] | None = None) -> list[Path]:
        return pipeline.publish(plan, results, figures, draft, pdf, out, outputs)

    def sign(self, out: Path, year: int, p12: Path, settings) -> str:
        """Sign the version in force (:func:`thidua.publish.sign.sign_version`), the PKCS#12
        password from ``THIDUA_P12_PASSWORD`` (or a Prefect Secret block read with
        ``load_secret``); returns the signed file's path. Raises
        :class:`thidua.publish.sign.SigningError`."""
        import os

        from thidua.publish.sign import load_signer, p12_password, sign_version

        signer = load_signer(p12, p12_password(os.environ, self.load_secret))
        path, signed = sign_version(out, year, signer, settings)
        self.info("%s: %s", "Đã ký" if signed else "Đã ký từ trước", path)
        return str(path)

    def after_publish(self, out: Path, year: int, plan: pipeline.Plan, distribute: bool,
                      sign_p12: str | None = None) -> dict:
        """Sign the version in force when ``sign_p12`` is given (before anything is sent: the
        signed file is what goes out, ``{"signed": path}``), then with ``distribute`` e-mail it
        (:func:`thidua.deliver.distribution.distribute_report`): ``{"distribution":
        outcome_dict}``, or ``{"distribution": {"error": reason}}`` when nothing could be sent
        (the report stays published). The Prefect layer also publishes its artifacts. Raises
        :class:`thidua.publish.sign.SigningError` when the version cannot be signed."""
        extra: dict = {}
        if sign_p12:
            extra["signed"] = self.sign(out, year, Path(sign_p12), plan.settings)
        if not distribute:
            return extra
        from thidua.deliver.distribution import distribute_report, outcome_dict

        try:
            extra["distribution"] = outcome_dict(distribute_report(
                out, year, load_secret=self.load_secret))
        except Exception as exc:  # noqa: BLE001 - reported, the report itself is published
            extra["distribution"] = {"error": str(exc)}
        return extra


def run_year(year: int | None = None, raw_dir: str | None = None, registry: str | None = None,
             out_dir: str | None = None, report_date: dt.date | None = None,
             cache_dir: str | None = None, lock_timeout: float = 60.0,
             distribute: bool = False, as_of: dt.date | None = None,
             previous: str | None = None, report_settings: str | None = None,
             number: str | None = None, sign_p12: str | None = None,
             steps: Steps | None = None) -> dict:
    """Build the year's report as a new version when anything changed (the flow's contract,
    :func:`flows.annual_report.annual_report`, whose parameters these are).

    Returns ``{"status": "published" | "unchanged", "version": N, "summary": summary.json,
    "outputs": [top-level paths], "files": n found, "skipped": n not submissions,
    "files_read": n not taken from the cache, "pruned": entries removed from the cache,
    "choices": lines naming each unit whose file was chosen by modification time
    (:func:`thidua.progress.choice_lines`)}`` plus what :meth:`Steps.after_publish` adds.
    ``as_of``: the reference date of the expected units; ``previous``: the previous year's
    ``summary.json`` (default ``<out>/../<year - 1>/summary.json``); ``report_settings`` and
    ``number``: the report's settings file and document number; ``sign_p12``: sign the version
    in force with this PKCS#12 key. Raises :class:`thidua.pipeline.NothingToReport`, and
    :class:`thidua.publish.sign.SigningError` when the version cannot be signed."""
    steps = steps or Steps()
    started = dt.datetime.now(dt.timezone.utc)
    year = year or current_year()
    raw = for_year(raw_dir, year) or default_raw_dir(year)
    out = for_year(out_dir, year) or default_out_dir(year)
    cache = for_year(cache_dir, year) or default_cache_dir()
    progress.emit("step_started", step="plan")
    plan = pipeline.plan_run(year, raw, for_year(registry, year) or default_registry(),
                             exclude=(out, cache), as_of=as_of,
                             previous=(Path(previous) if previous
                                       else default_previous_summary(out, year)),
                             history_root=out.parent,
                             settings_path=for_year(report_settings, year), number=number)
    steps.info("Năm %d: %d tệp trong %s, %d đơn vị phải báo cáo", year, len(plan.files), raw,
               len(plan.expected))
    skipped = sum(1 for f in plan.files if f.skipped)
    progress.emit("planned", files=len(plan.files), submissions=len(plan.files) - skipped,
                  steps=len(steps.done))
    with pipeline.year_lock(out, lock_timeout):
        previous = latest_version(out)
        if previous and previous.manifest.get("fingerprint") == plan.fingerprint(report_date):
            paths = restore_latest(out, previous.path)
            steps.info("Dữ liệu, danh mục và chương trình không đổi: không lập bản mới (vẫn là "
                       "bản số %d).", previous.number)
            extra = steps.after_publish(out, year, plan, distribute, sign_p12)
            return {"status": "unchanged", "version": previous.number, "summary": previous.summary,
                    "choices": progress.choice_lines(previous.manifest.get("inputs", []),
                                                     plan.unit_names),
                    "outputs": [str(p) for p in paths], "files": len(plan.files), "files_read": 0,
                    "skipped": skipped, "pruned": 0, **extra}
        warming = threading.Thread(target=warm, name="thidua-warm", daemon=True)
        warming.start()  # the report's libraries imported while the workers read
        results, read = steps.ingest_all(plan, cache)
        # the same rows saved or downloaded again are dated by when they were first published
        inputs = previous.manifest.get("inputs", []) if previous else []
        results = dated_by_content(results, seen_before(inputs), seen_before(inputs, by="path"))
        warming.join()  # before the render forks its processes
        steps.info("Đã đọc %d tệp, %d tệp lấy lại từ bộ nhớ đệm", read, len(results) - read)
        progress.emit("step_done", step="read")
        figures = steps.aggregate(plan, results)
        progress.emit("step_done", step="aggregate")
        draft = pipeline.draft_version(plan, figures, previous, report_date, started)
        draft.manifest["ingest_cache"] = cache_keys(plan, results)
        outputs = pipeline.prepare_outputs(plan, results, figures, draft)
        pdf = steps.render(figures, draft.meta, pipeline.attachments(outputs),
                           PartCache.of_year(cache, year, plan.program))
        progress.emit("step_done", step="render")
        paths = steps.publish(plan, results, figures, draft, pdf, out, outputs)
        progress.emit("step_done", step="publish")
        pruned = prune_after_run(cache, out)
    steps.info("Đã lập bản số %d: %s", draft.number, ", ".join(str(p) for p in paths))
    extra = steps.after_publish(out, year, plan, distribute, sign_p12)
    return {"status": "published", "version": draft.number, "summary": summary_dict(figures),
            "choices": progress.choice_lines(figures.files.to_dict("records"), plan.unit_names),
            "outputs": [str(p) for p in paths], "files": len(plan.files), "files_read": read,
            "skipped": skipped, "pruned": pruned, **extra}
