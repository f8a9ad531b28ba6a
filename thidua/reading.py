"""A run's reading of its files, each through the content cache (issue 10).

:func:`ingest_all` maps :func:`ingest_batch_to_cache` (or :func:`ingest_to_cache`, one file a
call) over the plan's submissions with a mapper (:mod:`thidua.executors`: threads of this
process, or a Dask cluster); each call sends back small :class:`Ingested` records and the rows
travel through the cache folder. :func:`settle` turns each into the file's
:class:`~thidua.ingest.files.FileResult`; :func:`cache_keys` and :func:`prune_after_run` are
what a published version keeps of the cache. :mod:`thidua.runner` orchestrates the run.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from thidua import filecache, planning, progress
from thidua.ingest.cache import IngestCache, prune
from thidua.ingest.discover import InputFile
from thidua.ingest.files import SKIPPED, USED, FileResult, UnitContext, changed_while_read
from thidua.ingest.firstseen import rows_sha256
from thidua.reasons import os_reason

log = logging.getLogger("thidua")


@dataclass(frozen=True)
class Ingested:
    """What one file's reading sends back to the run (small, whatever the file's size).

    ``key``: where its :class:`FileResult` is in the cache; ``cached``: taken from the cache,
    not read; ``status`` and ``rows`` (``read, valid, rejected, ignored``) as in the result;
    ``keep``: ``False`` for a result stored for this run only (the reader failed on the file:
    never reused, :class:`thidua.filecache.NotCached`); ``changed``: the SHA-256 of the bytes
    read when they are not those the key was made from (:class:`thidua.filecache.ContentChanged`;
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
    key (:func:`thidua.filecache.ingest_cache_key`) has one, else
    :func:`thidua.filecache.ingest_checked`, stored under the key. Runs in any process that
    sees ``cache_dir`` (a Dask worker: module-level, its arguments pickle). Never raises for
    bad input. :func:`ingest_batch_to_cache` of this one file."""
    return ingest_batch_to_cache([source], context, program, cache_dir)[0]


def ingest_batch_to_cache(sources: list[InputFile], context: UnitContext, program: str,
                          cache_dir: str) -> list[Ingested]:
    """:func:`ingest_to_cache` of each of ``sources``, in order: the files the cache does
    not hold are read together (:func:`thidua.filecache.ingest_many`: their rows checked in
    one pass, issue 10), each stored under its own key, so that a later run reuses, or
    re-reads, each file alone. Runs in any process that sees ``cache_dir``."""
    cache = IngestCache(Path(cache_dir))
    keys = [filecache.ingest_cache_key(source, context, program) for source in sources]
    done: dict[int, Ingested] = {}
    for i, (source, key) in enumerate(zip(sources, keys)):
        if (hit := cache.get(key)) is not None:
            done[i] = Ingested(source.file, key, True, hit.status, dict(hit.rows), result=hit)
    todo = [i for i in range(len(sources)) if i not in done]
    for i, result in zip(todo, filecache.ingest_many([sources[i] for i in todo], context)):
        done[i] = _stored(cache, sources[i], keys[i], result)
    return [done[i] for i in range(len(sources))]


def ingest_batch_isolated(sources: list[InputFile], context: UnitContext, program: str,
                          cache_dir: str) -> list[Ingested]:
    """:func:`ingest_batch_to_cache` in a parsing worker (:func:`thidua.ingest.isolation.run_isolated`):
    the whole reading of the batch, its normalising and checking too, runs beside this
    process's other batches, each on its own core (issue 10, P1: in this process's threads
    all but the parsing held Python's one lock), under one file's limits of time and memory.
    When the batch goes past them or crashes its worker, each file is read again as
    :func:`ingest_batch_isolated` reads a batch of that file alone, so that only the file at
    fault is rejected, with the reason that file alone gives (:func:`thidua.ingest.files.over_limits`),
    and no file is read without the limits. Same value as
    :func:`ingest_batch_to_cache`, whose records come back without their results (the
    cache folder has them)."""
    from thidua.ingest.isolation import run_isolated
    from thidua.ingest.workbook import FileRejected

    try:
        return run_isolated(ingest_batch_to_cache, sources, context, program, cache_dir)
    except FileRejected as exc:  # past a limit, or crashed
        if len(sources) == 1:  # the file at fault: rejected, never read again without limits
            from thidua.ingest.files import over_limits

            source = sources[0]
            key = filecache.ingest_cache_key(source, context, program)
            return [_stored(IngestCache(Path(cache_dir)), source, key,
                            over_limits(source, context, str(exc)))]
        return [ingested for source in sources  # the file at fault found one by one
                for ingested in ingest_batch_isolated([source], context, program, cache_dir)]


def _stored(cache: IngestCache, source: InputFile, key: str, result: FileResult) -> Ingested:
    """Store ``result`` (the reading of ``source``) under ``key``, or for this run only when
    the reader failed on it (never reused); nothing when its bytes changed."""
    try:
        result = filecache.checked(source, result)
    except filecache.ContentChanged as exc:
        return Ingested(source.file, key, False, "", {}, changed=exc.sha256)
    except filecache.NotCached as exc:  # the reader failed: this run only, never reused
        once = f"run-{uuid.uuid4().hex}"
        cache.put(once, exc.result)
        return Ingested(source.file, once, False, exc.result.status, dict(exc.result.rows),
                        keep=False, result=exc.result)
    if result.status == USED and result.unit and not result.rows_sha256:
        # what it says, hashed once where it is read: a later run takes it from the cache
        # (:func:`thidua.ingest.firstseen.dated_by_content` hashed every file at every run)
        result = replace(result, rows_sha256=rows_sha256(result))
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
        return replace(planning.ingest(source, context), input=source)
    return replace(result, input=source)


#: Maps the per-file function over the files and yields ``(index, Ingested)`` as each ends.
Mapper = Callable[[Callable, list[InputFile], UnitContext, str, str], Iterator[tuple[int, Ingested]]]


#: Most files read together in one batch (:func:`ingest_batch_to_cache`): their rows are
#: checked in one pass, and progress moves by a batch at a time.
BATCH_FILES = 16


def batch_size(files: int, workers: int) -> int:
    """How many files a batch holds when ``files`` are read by ``workers`` at once: enough
    batches to keep each worker busy twice over, at most :data:`BATCH_FILES` files each."""
    return max(1, min(BATCH_FILES, -(-files // (2 * max(1, workers)))))


def ingest_all(plan: planning.Plan, cache_dir: Path, mapper: Mapper,
               batch: int | None = None) -> tuple[list[FileResult], int]:
    """Map the reading of the plan's submissions through the cache with ``mapper``, in
    batches of ``batch`` files (:func:`ingest_batch_isolated`: each batch's whole reading in a
    parsing worker, under its limits of time and memory; default :func:`batch_size` for
    :data:`thidua.executors.THREADS`, a batch of one file when there are few; ``1``: one call
    of :func:`ingest_to_cache` per file, as a mapper of Prefect tasks needs), emitting
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
    per_file = batch == 1  # asked for: one task per file (Prefect's, Dask's)
    batch = batch or batch_size(len(sources), THREADS)
    if per_file:
        ended = ((j, [ingested]) for j, ingested in mapper(
            ingest_to_cache, sources, plan.context, plan.program, str(cache_dir)))
    else:
        ended = ((j * batch, ingested) for j, ingested in mapper(
            ingest_batch_isolated, [sources[k:k + batch] for k in range(0, len(sources), batch)],
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


def cache_keys(plan: planning.Plan, results: Iterable[FileResult]) -> list[str]:
    """The cache keys a version built from ``results`` reads again on a re-run: one per
    submission whose result was stored (not the reader's failures), sorted."""
    return sorted(filecache.ingest_cache_key(r.input, plan.context, plan.program)
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
