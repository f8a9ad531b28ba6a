"""The Prefect flow of the annual report: the only module that imports Prefect.

Each step is a thin task over a plain function of :mod:`flows.pipeline`; reading is one
mapped task per file. Runs without a server (Prefect's ephemeral mode) or against one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE

from flows import pipeline
from flows.discover import InputFile
from flows.figures import summary_dict
from flows.ingest import FileResult, UnitContext, ingest_file
from flows.settings import default_out_dir, default_raw_dir, default_registry


@task(name="ingest-file", task_run_name="ingest-{source.file}", cache_policy=NO_CACHE)
def ingest_file_task(source: InputFile, context: UnitContext) -> FileResult:
    """Read, normalise and validate one unit file (:func:`flows.ingest.ingest_file`)."""
    result = ingest_file(source, context)
    logger = get_run_logger()
    if result.problem:
        logger.warning("%s: tệp bị từ chối: %s", source.file, result.problem)
    else:
        logger.info("%s (%s): %d dòng, %d hợp lệ, %d bị từ chối, %d bỏ qua", source.file,
                    result.unit, result.rows["read"], result.rows["valid"],
                    result.rows["rejected"], result.rows["ignored"])
    return result


@task(name="aggregate", cache_policy=NO_CACHE)
def aggregate_task(plan: pipeline.Plan, results: list[FileResult]):
    """Pick the newest file per unit and count (:func:`flows.pipeline.aggregate_results`)."""
    return pipeline.aggregate_results(plan, results)


@task(name="render", cache_policy=NO_CACHE)
def render_task(figures, report_date: dt.date | None) -> bytes:
    """Render the PDF (:func:`flows.pipeline.render`)."""
    return pipeline.render(figures, report_date)


@flow(name="annual-report", log_prints=True)
def annual_report(year: int, raw_dir: str | None = None, registry: str | None = None,
                  out_dir: str | None = None, report_date: dt.date | None = None) -> dict:
    """Build the year's "Dân vận khéo" report from the units' files.

    ``raw_dir`` defaults to ``data/raw/<year>``, ``registry`` to ``data/reference/units.csv``,
    ``out_dir`` to ``data/out/<year>``. Returns ``{"summary": summary.json as a dict,
    "outputs": [paths written]}``. Raises :class:`flows.pipeline.NothingToReport` when no
    report can be produced.
    """
    started = dt.datetime.now(dt.timezone.utc)
    logger = get_run_logger()
    raw = Path(raw_dir) if raw_dir else default_raw_dir(year)
    out = Path(out_dir) if out_dir else default_out_dir(year)
    plan = pipeline.plan_run(year, raw, Path(registry) if registry else default_registry())
    logger.info("Năm %d: %d tệp trong %s, %d đơn vị phải báo cáo", year, len(plan.files), raw,
                len(plan.expected))
    futures = ingest_file_task.map(plan.files, context=unmapped(plan.context))
    results = [f.result() for f in futures]
    figures = aggregate_task(plan, results)
    pdf = render_task(figures, report_date)
    paths = pipeline.publish(plan, figures, pdf, out, started)
    logger.info("Đã ghi %s", ", ".join(str(p) for p in paths))
    return {"summary": summary_dict(figures), "outputs": [str(p) for p in paths]}
