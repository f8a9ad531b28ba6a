"""Where the per-file work of a run executes: threads of this process, or a Dask cluster.

A mapper takes the per-file function (:func:`thidua.runner.ingest_to_cache`), the files, and
the small arguments every call shares, and yields ``(index, value)`` as each call ends, so
that progress counts files as they finish. Whatever the mapper, only paths and small records
cross process boundaries; the rows go through the cache folder, which every worker must see
(on a cluster of several machines: a shared folder, ``--cache``).

Each file's parsing, normalising and validating still run in a worker process of
:mod:`thidua.ingest.isolation` (memory and time limits), also on a Dask worker: Dask's workers are then started non-daemonic
(``distributed.worker.daemon: False``), since a daemonic process may not start processes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed

#: Worker threads of the in-process mapper: the parsing happens in the isolation workers
#: (processes), the threads mostly wait for them.
THREADS = max(2, os.cpu_count() or 2)


def threads(workers: int = THREADS):
    """A mapper over a pool of ``workers`` threads in this process."""

    def mapper(function: Callable, sources: list, *shared) -> Iterator[tuple[int, object]]:
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="thidua-ingest") as pool:
            futures = {pool.submit(function, source, *shared): i for i, source in enumerate(sources)}
            for future in as_completed(futures):
                yield futures[future], future.result()

    return mapper


class ClusterError(Exception):
    """The Dask cluster cannot be reached or started; ``str(exc)`` is one Vietnamese line."""


def worker_config() -> dict:
    """The Dask configuration thidua's workers need: non-daemonic (they start the parsing
    processes of :mod:`thidua.ingest.isolation`)."""
    return {"distributed.worker.daemon": False}


def local_cluster_kwargs(workers: int) -> dict:
    """``LocalCluster`` arguments for ``--workers N``: N worker processes of one thread each
    (the parsing is CPU-bound), no dashboard."""
    return {"n_workers": workers, "threads_per_worker": 1, "processes": True,
            "dashboard_address": None}


def dask(address: str | None = None, workers: int | None = None, timeout: float = 10.0):
    """A mapper over a Dask cluster: the one at ``address`` (``tcp://host:8786``), or a
    ``LocalCluster`` of ``workers`` processes started for this run and closed after it.
    Raises :class:`ClusterError` when the address does not answer within ``timeout``
    seconds."""
    import dask as dask_

    from distributed import Client, LocalCluster
    from distributed import as_completed as dask_completed

    def mapper(function: Callable, sources: list, *shared) -> Iterator[tuple[int, object]]:
        with dask_.config.set(worker_config()):
            cluster = None if address else LocalCluster(**local_cluster_kwargs(workers or 2))
            try:
                client = Client(address or cluster, timeout=timeout)
            except (OSError, TimeoutError) as exc:
                if cluster:
                    cluster.close()
                raise ClusterError(f"Không kết nối được cụm Dask tại {address} "
                                   f"({type(exc).__name__}); hãy kiểm tra địa chỉ "
                                   f"tcp://máy:cổng và dask scheduler.") from exc
            try:
                futures = client.map(function, sources, *[[s] * len(sources) for s in shared],
                                     pure=False)
                index = {f.key: i for i, f in enumerate(futures)}
                for future in dask_completed(futures):
                    yield index[future.key], future.result()
            finally:
                client.close()
                if cluster:
                    cluster.close()

    return mapper
