"""The Prefect flow of the annual report: :func:`thidua.runner.run_year` with every step a
Prefect task, so that runs, files, logs and artifacts show in the Prefect UI.

``thidua run`` uses this flow only when a Prefect server is configured (``PREFECT_API_URL``);
without one it runs the same steps in-process (:class:`thidua.runner.Steps`), never starting a
temporary server. Reading is one mapped task per file through thidua's content cache, on the
flow's task runner: threads, or a Dask cluster (:func:`with_dask`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed

from flows.artifacts import publish_artifacts_task
from flows.distribute import distribute_task
from flows.sign import sign_task
from thidua import pipeline, progress
from thidua.executors import local_cluster_kwargs, worker_config
from thidua.ingest.discover import InputFile
from thidua.ingest.files import FileResult, UnitContext
from thidua.report.figures import Figures
from thidua.report.render import ReportMeta
from thidua.report.partcache import PartCache
from thidua.runner import Ingested, Steps, ingest_to_cache, run_year


@task(name="ingest-file", task_run_name="ingest-{source.file}", cache_policy=NO_CACHE)
def ingest_file_task(source: InputFile, context: UnitContext, program: str,
                     cache_dir: str) -> Ingested:
    """Read, normalise and validate one unit file through thidua's content cache
    (:func:`thidua.runner.ingest_to_cache`): a re-run after one unit's correction reads that
    file only. Returns a small :class:`thidua.runner.Ingested` (the rows stay in the cache
    folder), so that the task may run on a Dask worker."""
    ingested = ingest_to_cache(source, context, program, cache_dir)
    logger = get_run_logger()
    if ingested.changed:
        logger.warning("%s: nội dung đã thay đổi sau khi liệt kê tệp; đọc lại", source.file)
    elif ingested.status == "rejected":
        logger.warning("%s: tệp bị từ chối", source.file)
    else:
        rows = ingested.rows
        logger.info("%s%s: %d dòng, %d hợp lệ, %d bị từ chối, %d bỏ qua", source.file,
                    " (bộ nhớ đệm)" if ingested.cached else "", rows["read"], rows["valid"],
                    rows["rejected"], rows["ignored"])
    return ingested


def _prefect_mapper(function, sources: list[InputFile], context: UnitContext, program: str,
                    cache_dir: str):
    """The files mapped as Prefect tasks on the flow's task runner (threads, or Dask with
    :func:`with_dask`), yielded ``(index, Ingested)`` as each ends."""
    futures = ingest_file_task.map(sources, context=unmapped(context), program=unmapped(program),
                                   cache_dir=unmapped(cache_dir))
    index = {f.task_run_id: i for i, f in enumerate(futures)}
    for future in as_completed(futures):
        yield index[future.task_run_id], future.result()


@task(name="aggregate", cache_policy=NO_CACHE)
def aggregate_task(plan: pipeline.Plan, results: list[FileResult]) -> Figures:
    """Pick the newest file per unit and count (:func:`thidua.pipeline.aggregate_results`)."""
    return pipeline.aggregate_results(plan, results)


@task(name="render", cache_policy=NO_CACHE)
def render_task(figures: Figures, meta: ReportMeta,
                attachments: dict[str, bytes] | None = None, parts: PartCache | None = None) -> bytes:
    """Render the PDF/A-3b with its attached files (:func:`thidua.pipeline.render`), reusing
    the parts rendered before (``parts``)."""
    return pipeline.render(figures, meta, attachments, parts)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(plan: pipeline.Plan, results: list[FileResult], figures: Figures,
                 draft: pipeline.Draft, pdf: bytes, out: Path,
                 outputs: dict[str, bytes] | None = None) -> list[Path]:
    """Publish the version with the units' feedback workbooks (:func:`thidua.pipeline.publish`)."""
    return pipeline.publish(plan, results, figures, draft, pdf, out, outputs)


class PrefectSteps(Steps):
    """The steps of :func:`thidua.runner.run_year` as Prefect tasks, logged to the run."""

    done = (*Steps.done, "artifacts")
    batch_files = 1  # one Prefect task per file, named by it in the UI

    def __init__(self):
        super().__init__(mapper=_prefect_mapper)
        self.logger = get_run_logger()

    def info(self, message: str, *args: object) -> None:
        self.logger.info(message, *args)

    def aggregate(self, plan, results):
        return aggregate_task(plan, results)

    def render(self, figures, meta, attachments=None, parts=None):
        return render_task(figures, meta, attachments, parts)

    def publish(self, plan, results, figures, draft, pdf, out, outputs=None):
        return publish_task(plan, results, figures, draft, pdf, out, outputs)

    def after_publish(self, out, year, plan, distribute, sign_p12=None):
        return _after_publish(out, year, plan, distribute, sign_p12)


@flow(name="annual-report", log_prints=True)
def annual_report(year: int | None = None, raw_dir: str | None = None, registry: str | None = None,
                  out_dir: str | None = None, report_date: dt.date | None = None,
                  cache_dir: str | None = None, lock_timeout: float = 60.0,
                  distribute: bool = False, as_of: dt.date | None = None,
                  previous: str | None = None, report_settings: str | None = None,
                  number: str | None = None, sign_p12: str | None = None) -> dict:
    """Build the year's "Dân vận khéo" report from the units' files, as a new version when
    anything changed.

    ``year`` defaults to this year in Hà Nội; ``raw_dir`` to ``data/raw/<year>``,
    ``registry`` to ``data/reference/units.csv``, ``out_dir`` to ``data/out/<year>``,
    ``cache_dir`` to ``data/out/.cache`` (a ``{year}`` in a folder is replaced by the year).
    Returns ``{"status": "published" | "unchanged", "version": N, "summary": summary.json,
    "outputs": [top-level paths], "files": n found (skipped entries included), "skipped": n not
    submissions, "files_read": n submissions not taken from the
    cache, "choices": lines naming each unit whose file was chosen by modification time}``,
    plus ``"artifacts"`` (their keys), with ``sign_p12`` ``"signed"`` (the signed file) and,
    with ``distribute``, ``"distribution"`` (:func:`_after_publish`). Raises
    :class:`thidua.pipeline.NothingToReport` when no report can be produced or another run
    holds the year's lock longer than ``lock_timeout`` seconds, and
    :class:`thidua.publish.sign.SigningError` when the version cannot be signed.

    Args:
        year: Năm báo cáo; để trống là năm hiện tại theo giờ Hà Nội.
        raw_dir: Thư mục tệp của các đơn vị (mặc định data/raw/<năm>; {year} được thay bằng năm).
        registry: Danh mục đơn vị, CSV (mặc định data/reference/units.csv).
        out_dir: Thư mục kết quả (mặc định data/out/<năm>; {year} được thay bằng năm).
        report_date: Ngày của báo cáo; để trống là ngày gửi muộn nhất (bản đầu) hoặc ngày lập.
        cache_dir: Thư mục bộ nhớ đệm của việc đọc tệp (mặc định data/out/.cache).
        lock_timeout: Số giây chờ khi một lần chạy khác đang ghi báo cáo của cùng năm.
        distribute: Gửi e-mail báo cáo cho Ban Thường vụ ngay sau khi lập.
        as_of: Ngày xét đơn vị phải báo cáo (mặc định 31/12 của năm báo cáo).
        previous: summary.json của năm trước để so sánh (mặc định <thư mục kết quả>/../<năm trước>/summary.json).
        report_settings: Tệp thiết lập báo cáo: người ký, số văn bản, nơi nhận (mặc định data/reference/report.toml).
        number: Số văn bản cấp khi phát hành (thay số trong tệp thiết lập).
        sign_p12: Tệp khóa ký số PKCS#12 để ký bản đang có hiệu lực (mật khẩu: THIDUA_P12_PASSWORD hoặc khối Secret tên THIDUA_P12_SECRET); để trống: không ký.
    """
    return run_year(year, raw_dir, registry, out_dir, report_date, cache_dir, lock_timeout,
                    distribute, as_of, previous, report_settings, number, sign_p12,
                    steps=PrefectSteps())


def with_dask(address: str | None = None, workers: int | None = None):
    """:func:`annual_report` with its per-file tasks on a Dask cluster through prefect-dask's
    ``DaskTaskRunner``: the cluster at ``address``, or a ``LocalCluster`` of ``workers``
    processes (:func:`thidua.executors.local_cluster_kwargs`). Dask's workers are made
    non-daemonic (:func:`thidua.executors.worker_config`) so that each may start the parsing
    processes that keep memory and time limits on every file."""
    import dask
    from prefect_dask import DaskTaskRunner

    dask.config.set(worker_config())
    runner = (DaskTaskRunner(address=address) if address else
              DaskTaskRunner(cluster_kwargs=local_cluster_kwargs(workers or 2)))
    return annual_report.with_options(task_runner=runner)


def _after_publish(out: Path, year: int, plan: pipeline.Plan, distribute: bool,
                   sign_p12: str | None = None) -> dict:
    """Sign the version in force when ``sign_p12`` is given (before anything is sent: the
    signed file is what goes out), publish the artifacts and, when asked, e-mail the report.
    Returns ``{"artifacts": keys}`` plus ``"signed"`` (the signed file's path) and
    ``"distribution"``: :func:`thidua.deliver.distribution.outcome_dict`, or ``{"error":
    reason}`` when nothing could be sent (the report itself stays published). Raises
    :class:`thidua.publish.sign.SigningError` when the version cannot be signed."""
    extra: dict = {}
    if sign_p12:
        extra["signed"] = sign_task(out, year, Path(sign_p12), plan.settings)
    extra["artifacts"] = publish_artifacts_task(out, year, plan.unit_names)
    progress.emit("step_done", step="artifacts")
    if distribute:
        state = distribute_task(out, year, return_state=True)
        result = state.result(raise_on_failure=False)
        extra["distribution"] = result if state.is_completed() else {"error": str(result)}
    return extra
