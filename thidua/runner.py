"""The one orchestration of a year's report, over the plain steps of :mod:`thidua.pipeline`.

:func:`run_year` plans, checks whether anything changed, reads every file (each through the
content cache, :func:`ingest_to_cache`), aggregates, drafts the version, renders, publishes
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
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from thidua import pipeline, progress
from thidua.ingest.cache import IngestCache, prune
from thidua.ingest.discover import InputFile
from thidua.ingest.files import SKIPPED, FileResult, UnitContext, changed_while_read
from thidua.reasons import os_reason
from thidua.publish.outputs import restore_latest
from thidua.publish.versions import latest_version
from thidua.report.figures import Figures, summary_dict
from thidua.settings import current_year, default_cache_dir, default_out_dir, \
    default_previous_summary, default_raw_dir, default_registry, for_year

log = logging.getLogger("thidua")


@dataclass(frozen=True)
class Ingested:
    """What one file's reading sends back to the run (small, whatever the file's size).

    ``key``: where its :class:`FileResult` is in the cache; ``cached``: taken from the cache,
    not read; ``status`` and ``rows`` (``read, valid, rejected, ignored``) as in the result;
    ``keep``: ``False`` for a result stored for this run only (the reader failed on the file:
    never reused, :class:`thidua.pipeline.NotCached`); ``changed``: the SHA-256 of the bytes
    read when they are not those the key was made from (:class:`thidua.pipeline.ContentChanged`;
    nothing stored), else ``""``."""

    file: str
    key: str
    cached: bool
    status: str
    rows: dict
    keep: bool = True
    changed: str = ""
    #: The :class:`FileResult` itself, in the process that read or loaded it (issue 10: the
    #: in-process run then never unpickles an entry twice); never pickled: another process
    #: (a Dask worker's caller, Prefect) takes it from the cache by ``key``.
    result: FileResult | None = field(default=None, repr=False, compare=False)

    def __reduce__(self):
        return Ingested, (self.file, self.key, self.cached, self.status, self.rows, self.keep,
                          self.changed)


def ingest_to_cache(source: InputFile, context: UnitContext, program: str,
                    cache_dir: str) -> Ingested:
    """Read one file through the content cache in ``cache_dir``: its stored result when the
    key (:func:`thidua.pipeline.ingest_cache_key`) has one, else
    :func:`thidua.pipeline.ingest_checked`, stored under the key. Runs in any process that
    sees ``cache_dir`` (a Dask worker: module-level, its arguments pickle). Never raises for
    bad input. :func:`ingest_batch_to_cache` of this one file."""
    return ingest_batch_to_cache([source], context, program, cache_dir)[0]


def ingest_batch_to_cache(sources: list[InputFile], context: UnitContext, program: str,
                          cache_dir: str) -> list[Ingested]:
    """:func:`ingest_to_cache` of each of ``sources``, in order: the files the cache does
    not hold are read together (:func:`thidua.pipeline.ingest_many`: their rows checked in
    one pass, issue 10), each stored under its own key, so that a later run reuses, or
    re-reads, each file alone. Runs in any process that sees ``cache_dir``."""
    cache = IngestCache(Path(cache_dir))
    keys = [pipeline.ingest_cache_key(source, context, program) for source in sources]
    done: dict[int, Ingested] = {}
    for i, (source, key) in enumerate(zip(sources, keys)):
        if (hit := cache.get(key)) is not None:
            done[i] = Ingested(source.file, key, True, hit.status, dict(hit.rows), result=hit)
    todo = [i for i in range(len(sources)) if i not in done]
    for i, result in zip(todo, pipeline.ingest_many([sources[i] for i in todo], context)):
        done[i] = _stored(cache, sources[i], keys[i], result)
    return [done[i] for i in range(len(sources))]


def _stored(cache: IngestCache, source: InputFile, key: str, result: FileResult) -> Ingested:
    """Store ``result`` (the reading of ``source``) under ``key``, or for this run only when
    the reader failed on it (never reused); nothing when its bytes changed."""
    try:
        result = pipeline.checked(source, result)
    except pipeline.ContentChanged as exc:
        return Ingested(source.file, key, False, "", {}, changed=exc.sha256)
    except pipeline.NotCached as exc:  # the reader failed: this run only, never reused
        once = f"run-{uuid.uuid4().hex}"
        cache.put(once, exc.result)
        return Ingested(source.file, once, False, exc.result.status, dict(exc.result.rows),
                        keep=False, result=exc.result)
    cache.put(key, result)
    return Ingested(source.file, key, False, result.status, dict(result.rows), result=result)


def settle(ingested: Ingested, source: InputFile, context: UnitContext, program: str,
           cache_dir: str) -> FileResult:
    """The :class:`FileResult` of ``ingested``, re-stamped with the file's current path and
    time. A file whose bytes changed between discovery and reading is read once more, under
    the hash of what was read; when it changed again, it is rejected for this run
    (:func:`thidua.ingest.files.changed_while_read`, issue 9.9)."""
    cache = IngestCache(Path(cache_dir))
    if ingested.changed:
        fresh = replace(source, sha256=ingested.changed)
        again = ingest_to_cache(fresh, context, program, cache_dir)
        if again.changed:
            return changed_while_read(source, context)
        return settle(again, fresh, context, program, cache_dir)
    result = ingested.result
    if result is None:
        result = cache.get(ingested.key) if ingested.keep else cache.take(ingested.key)
    elif not ingested.keep:  # stored for this run only: taken
        cache.path(ingested.key).unlink(missing_ok=True)
    if result is None:  # removed under our feet (a pruned or deleted cache): read it here
        return replace(pipeline.ingest(source, context), input=source)
    return replace(result, input=source)


#: Maps the per-file function over the files and yields ``(index, Ingested)`` as each ends.
Mapper = Callable[[Callable, list[InputFile], UnitContext, str, str], Iterator[tuple[int, Ingested]]]


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

    def render(self, figures: Figures, meta, attachments: dict[str, bytes] | None = None) -> bytes:
        return pipeline.render(figures, meta, attachments)

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


#: Most files read together in one batch (:func:`ingest_batch_to_cache`): their rows are
#: checked in one pass, and progress moves by a batch at a time.
BATCH_FILES = 16


def batch_size(files: int, workers: int) -> int:
    """How many files a batch holds when ``files`` are read by ``workers`` at once: enough
    batches to keep each worker busy twice over, at most :data:`BATCH_FILES` files each."""
    return max(1, min(BATCH_FILES, -(-files // (2 * max(1, workers)))))


def ingest_all(plan: pipeline.Plan, cache_dir: Path, mapper: Mapper,
               batch: int | None = None) -> tuple[list[FileResult], int]:
    """Map the reading of the plan's submissions through the cache with ``mapper``, in
    batches of ``batch`` files (:func:`ingest_batch_to_cache`; default
    :func:`batch_size` for :data:`thidua.executors.THREADS`; ``1``: one call of
    :func:`ingest_to_cache` per file, as a mapper of Prefect tasks needs), emitting
    ``file_read`` (with its rows) as each file's batch ends; skipped entries are never sent
    out. Returns the results in the plan's order and how many files were read (not cached)."""
    from thidua.executors import THREADS

    results: list[FileResult | None] = [None] * len(plan.files)
    todo = [i for i, f in enumerate(plan.files) if not f.skipped]
    for i, source in enumerate(plan.files):
        if source.skipped:
            results[i] = FileResult(source, SKIPPED)  # not a submission: never read
    read = 0
    sources = [plan.files[i] for i in todo]
    batch = batch or batch_size(len(sources), THREADS)
    if batch == 1:
        ended = ((j, [ingested]) for j, ingested in mapper(
            ingest_to_cache, sources, plan.context, plan.program, str(cache_dir)))
    else:
        ended = ((j * batch, ingested) for j, ingested in mapper(
            ingest_batch_to_cache, [sources[k:k + batch] for k in range(0, len(sources), batch)],
            plan.context, plan.program, str(cache_dir)))
    for first, batch_ingested in ended:
        for j, ingested in enumerate(batch_ingested, start=first):
            source = sources[j]
            result = settle(ingested, source, plan.context, plan.program, str(cache_dir))
            results[todo[j]] = result
            read += not ingested.cached
            progress.emit("file_read", file=source.file, status=result.status,
                          rows=result.rows["read"])
    return results, read


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
        results, read = steps.ingest_all(plan, cache)
        steps.info("Đã đọc %d tệp, %d tệp lấy lại từ bộ nhớ đệm", read, len(results) - read)
        progress.emit("step_done", step="read")
        figures = steps.aggregate(plan, results)
        progress.emit("step_done", step="aggregate")
        draft = pipeline.draft_version(plan, figures, previous, report_date, started)
        draft.manifest["ingest_cache"] = cache_keys(plan, results)
        outputs = pipeline.prepare_outputs(plan, results, figures, draft)
        pdf = steps.render(figures, draft.meta, pipeline.attachments(outputs))
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


def cache_keys(plan: pipeline.Plan, results: Iterable[FileResult]) -> list[str]:
    """The cache keys a version built from ``results`` reads again on a re-run: one per
    submission whose result was stored (not the reader's failures), sorted."""
    return sorted(pipeline.ingest_cache_key(r.input, plan.context, plan.program)
                  for r in results if r.status != SKIPPED and not r.transient)


def prune_after_run(cache_dir: Path, out: Path) -> int:
    """Record ``out`` as served by the cache and prune it (:func:`thidua.ingest.cache.prune`);
    returns the entries removed. A cache that cannot be written is left as it is."""
    cache = IngestCache(cache_dir)
    try:
        cache.serve(out)
        return prune(cache, [out]).removed
    except OSError as exc:
        log.warning("Không dọn được bộ nhớ đệm %s: %s", cache_dir, os_reason(exc))
        return 0
