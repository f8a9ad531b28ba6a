"""The Prefect flow of the annual report: one thin task per step of :mod:`thidua.pipeline`.

Reading is one mapped task per file, cached on the file's content. Runs without a server
(Prefect's ephemeral mode) or against one (``PREFECT_API_URL``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from pathlib import Path

from prefect import flow, get_run_logger, task, unmapped
from prefect.cache_policies import NO_CACHE
from prefect.filesystems import LocalFileSystem
from prefect.futures import as_completed

from flows.artifacts import publish_artifacts_task
from flows.distribute import distribute_task
from flows.sign import sign_task
from thidua import pipeline, progress
from thidua.ingest.discover import InputFile
from thidua.ingest.files import FileResult, UnitContext, changed_while_read
from thidua.publish.outputs import restore_latest
from thidua.publish.versions import latest_version
from thidua.report.figures import Figures, summary_dict
from thidua.report.render import ReportMeta
from thidua.settings import (
    current_year,
    default_cache_dir,
    default_out_dir,
    default_raw_dir,
    default_previous_summary,
    default_registry,
    for_year,
)


def _ingest_cache_key(_context, parameters: dict) -> str:
    return pipeline.ingest_cache_key(parameters["source"], parameters["context"],
                                     parameters["program"])


@task(name="ingest-file", task_run_name="ingest-{source.file}", cache_key_fn=_ingest_cache_key,
      persist_result=True)
def ingest_file_task(source: InputFile, context: UnitContext, program: str) -> FileResult:
    """Read, normalise and validate one unit file (:func:`thidua.ingest.files.ingest_file`).

    Cached on the file's content, name, year, registry codes and ``program``
    (:func:`thidua.pipeline.ingest_cache_key`), not on its path or time: a re-run after one
    unit's correction reads that file only. Raises (so that nothing is stored under this key)
    :class:`thidua.pipeline.ContentChanged` when the bytes read are not those of
    ``source.sha256`` (issue 9.9), and :class:`thidua.pipeline.NotCached` when the reader
    crashed or ran out of time or memory (issue 9.6)."""
    result = pipeline.ingest_checked(source, context)
    logger = get_run_logger()
    if result.problem:
        logger.warning("%s: tệp bị từ chối: %s", source.file, result.problem)
    else:
        logger.info("%s (%s): %d dòng, %d hợp lệ, %d bị từ chối, %d bỏ qua", source.file,
                    result.unit, result.rows["read"], result.rows["valid"],
                    result.rows["rejected"], result.rows["ignored"])
    return result


@task(name="aggregate", cache_policy=NO_CACHE)
def aggregate_task(plan: pipeline.Plan, results: list[FileResult]) -> Figures:
    """Pick the newest file per unit and count (:func:`thidua.pipeline.aggregate_results`)."""
    return pipeline.aggregate_results(plan, results)


@task(name="render", cache_policy=NO_CACHE)
def render_task(figures: Figures, meta: ReportMeta, attachments: dict[str, bytes]) -> bytes:
    """Render the PDF/A-3b with its attached files (:func:`thidua.pipeline.render`)."""
    return pipeline.render(figures, meta, attachments)


@task(name="publish", cache_policy=NO_CACHE)
def publish_task(plan: pipeline.Plan, results: list[FileResult], figures: Figures,
                 draft: pipeline.Draft, pdf: bytes, out: Path,
                 outputs: dict[str, bytes]) -> list[Path]:
    """Publish the version with the units' feedback workbooks (:func:`thidua.pipeline.publish`)."""
    return pipeline.publish(plan, results, figures, draft, pdf, out, outputs)


def _cache_storage(cache_dir: Path) -> LocalFileSystem:
    """A saved result-storage block for the cache folder (Prefect needs it saved server-side)."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    block = LocalFileSystem(basepath=str(cache_dir.resolve()))
    name = "thidua-cache-" + hashlib.sha256(str(cache_dir.resolve()).encode()).hexdigest()[:12]
    block.save(name, overwrite=True)
    return block


def _ingest_all(plan: pipeline.Plan, cache_dir: Path) -> tuple[list[FileResult], int]:
    """Map the ingest task over the files; returns the results (re-stamped with each file's
    current path and time) and how many files were actually read (not cached)."""
    ingest = ingest_file_task.with_options(result_storage=_cache_storage(cache_dir))
    futures = ingest.map(plan.files, context=unmapped(plan.context), program=unmapped(plan.program))
    sources = {f.task_run_id: source for f, source in zip(futures, plan.files)}
    for future in as_completed(futures):  # progress as each file is done, cached or read
        outcome = future.result(raise_on_failure=False)
        progress.emit("file_read", file=sources[future.task_run_id].file,
                      status=getattr(outcome, "status", "rejected"))
    results = [_settled(ingest, f, source, plan.context, plan.program)
               for f, source in zip(futures, plan.files)]
    read = sum(1 for f, source in zip(futures, plan.files)
               if f.state.name != "Cached" and not source.skipped)
    return results, read


def _settled(ingest, future, source: InputFile, context: UnitContext, program: str) -> FileResult:
    """A file's result, re-stamped with its current path and time. A file whose bytes
    changed between discovery and reading (:class:`thidua.pipeline.ContentChanged`) is read
    once more, under the hash of what was read; when it changed again, it is rejected for
    this run (:func:`thidua.ingest.files.changed_while_read`). A rejection by a failed reader
    (:class:`thidua.pipeline.NotCached`) is used as it is, and was not cached. Any other
    failure is raised."""
    outcome = future.result(raise_on_failure=False)
    if isinstance(outcome, pipeline.NotCached):  # the reader failed: used, never cached
        return replace(outcome.result, input=source)
    if not isinstance(outcome, pipeline.ContentChanged):
        return replace(future.result(), input=source)
    fresh = replace(source, sha256=outcome.sha256)
    again = ingest(fresh, context, program, return_state=True)
    result = again.result(raise_on_failure=False)
    if isinstance(result, pipeline.NotCached):
        return replace(result.result, input=fresh)
    if isinstance(result, pipeline.ContentChanged):
        return changed_while_read(source, context)
    if isinstance(result, BaseException):
        raise result
    return replace(result, input=fresh)


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
    cache, "choices": lines naming each unit whose file was chosen by modification time
    (:func:`thidua.progress.choice_lines`)}``, plus ``"artifacts"`` (their keys), with
    ``sign_p12`` ``"signed"`` (the signed file) and, with ``distribute``, ``"distribution"``
    (:func:`_after_publish`). Raises :class:`thidua.pipeline.NothingToReport` when no report can
    be produced or another run holds the year's lock longer than ``lock_timeout`` seconds, and
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
    started = dt.datetime.now(dt.timezone.utc)
    logger = get_run_logger()
    year = year or current_year()
    raw = for_year(raw_dir, year) or default_raw_dir(year)
    out = for_year(out_dir, year) or default_out_dir(year)
    cache = for_year(cache_dir, year) or default_cache_dir()
    plan = pipeline.plan_run(year, raw, for_year(registry, year) or default_registry(),
                             exclude=(out, cache), as_of=as_of,
                             previous=Path(previous) if previous else default_previous_summary(out, year),
                             history_root=out.parent,
                             settings_path=for_year(report_settings, year), number=number)
    logger.info("Năm %d: %d tệp trong %s, %d đơn vị phải báo cáo", year, len(plan.files), raw,
                len(plan.expected))
    progress.emit("planned", files=len(plan.files))
    with pipeline.year_lock(out, lock_timeout):
        previous = latest_version(out)
        if previous and previous.manifest.get("fingerprint") == plan.fingerprint(report_date):
            paths = restore_latest(out, previous.path)
            logger.info("Dữ liệu, danh mục và chương trình không đổi: không lập bản mới (vẫn là "
                        "bản số %d).", previous.number)
            extra = _after_publish(out, year, plan, distribute, sign_p12)
            return {"status": "unchanged", "version": previous.number, "summary": previous.summary,
                    "choices": progress.choice_lines(previous.manifest.get("inputs", []),
                                                     plan.unit_names),
                    "outputs": [str(p) for p in paths], "files": len(plan.files), "files_read": 0,
                    "skipped": sum(1 for f in plan.files if f.skipped),
                    **extra}
        results, read = _ingest_all(plan, cache)
        logger.info("Đã đọc %d tệp, %d tệp lấy lại từ bộ nhớ đệm", read, len(results) - read)
        progress.emit("step_done", step="read")
        figures = aggregate_task(plan, results)
        progress.emit("step_done", step="aggregate")
        draft = pipeline.draft_version(plan, figures, previous, report_date, started)
        outputs = pipeline.prepare_outputs(plan, results, figures, draft)
        pdf = render_task(figures, draft.meta, pipeline.attachments(outputs))
        progress.emit("step_done", step="render")
        paths = publish_task(plan, results, figures, draft, pdf, out, outputs)
        progress.emit("step_done", step="publish")
    logger.info("Đã lập bản số %d: %s", draft.number, ", ".join(str(p) for p in paths))
    extra = _after_publish(out, year, plan, distribute, sign_p12)
    return {"status": "published", "version": draft.number, "summary": summary_dict(figures),
            "choices": progress.choice_lines(figures.files.to_dict("records"), plan.unit_names),
            "outputs": [str(p) for p in paths], "files": len(plan.files), "files_read": read,
            "skipped": sum(1 for f in plan.files if f.skipped),
            **extra}


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
