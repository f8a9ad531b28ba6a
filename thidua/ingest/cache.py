"""The content cache of each file's reading, and what keeps it from growing without end.

One entry per cache key (:func:`thidua.filecache.ingest_cache_key`: the file's SHA-256, its
name, the year, the registry's codes and the program): ``<cache>/<key>.pkl``, the file's
:class:`thidua.ingest.files.FileResult` pickled. Entries are written to a temporary name and
renamed into place, so a run killed mid-write never leaves half an entry, and two runs (or two
Dask workers sharing the folder) may write the same key at once.

Pruning (:func:`prune`) keeps only the entries that a published version still needs: the
latest version of each output folder, the one a re-run compares with and reuses (older versions
are never rebuilt: they are published files). Each version's manifest lists its keys
(``ingest_cache``, ``spec/outputs.md``), and the cache remembers the output folders it served
(``outputs.json``), so that one cache shared by several years (or ``--out`` folders) never
drops another year's entries. Entries younger than :data:`GRACE` seconds stay too: they may
belong to a run of another year still going on. The folder is safe to delete.
"""

from __future__ import annotations

import json
import os
import pickle
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from thidua.ingest.files import FileResult

SUFFIX = ".pkl"
#: The output folders whose published versions this cache serves (JSON list of paths).
OUTPUTS = "outputs.json"
#: Prefixes of the names the cache owns: its entries, and the entries of older programs
#: (Prefect's result files were named by the bare key).
OWNED = ("ingest-", "run-")
#: Seconds an unneeded entry is kept after it was written (a run in progress may need it).
GRACE = 3600.0


class IngestCache:
    """The cache folder ``folder``: :meth:`get` and :meth:`put` one file's result by key."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def path(self, key: str) -> Path:
        """Where the entry of ``key`` lives."""
        return self.folder / f"{key}{SUFFIX}"

    def get(self, key: str) -> FileResult | None:
        """The result stored under ``key``, or ``None`` (no entry, or one that cannot be read
        back: written by another version of Python or pandas, or damaged)."""
        try:
            with open(self.path(key), "rb") as handle:
                value = pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 - a damaged entry is a miss, read the file again
            return None
        return value if isinstance(value, FileResult) else None

    def put(self, key: str, result: FileResult) -> Path:
        """Store ``result`` under ``key`` (atomically: temporary file, then rename)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(result, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path(key))
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return self.path(key)

    def take(self, key: str) -> FileResult | None:
        """:meth:`get`, then remove the entry (a result stored for one run only)."""
        value = self.get(key)
        self.path(key).unlink(missing_ok=True)
        return value

    def keys(self) -> set[str]:
        """The keys of every entry in the folder."""
        if not self.folder.is_dir():
            return set()
        return {p.name[:-len(SUFFIX)] for p in self.folder.glob(f"*{SUFFIX}")}

    def served(self) -> list[Path]:
        """The output folders recorded by :meth:`serve`, those that still exist."""
        try:
            listed = json.loads((self.folder / OUTPUTS).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return []
        return [Path(p) for p in listed if isinstance(p, str) and Path(p).is_dir()]

    def serve(self, out_dir: Path) -> None:
        """Remember that the versions in ``out_dir`` use this cache."""
        folders = {str(p) for p in self.served()} | {str(Path(out_dir).resolve())}
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(sorted(folders), out, ensure_ascii=False, indent=1)
        os.replace(temporary, self.folder / OUTPUTS)


@dataclass(frozen=True)
class Pruned:
    """What :func:`prune` did: entries kept, entries removed and the bytes freed."""

    kept: int
    removed: int
    freed: int


def needed_keys(out_dirs: list[Path]) -> set[str]:
    """The cache keys listed by the latest published version's manifest (``ingest_cache``) of
    each of ``out_dirs`` (``<out>/versions/v<N>/manifest.json``, highest ``N``). A manifest
    that cannot be read needs nothing."""
    keys: set[str] = set()
    for out in out_dirs:
        numbered = [(int(p.parent.name[1:]), p) for p in Path(out).glob("versions/v*/manifest.json")
                    if p.parent.name[1:].isdigit()]
        for _, manifest in sorted(numbered)[-1:]:
            try:
                listed = json.loads(manifest.read_text(encoding="utf-8")).get("ingest_cache", [])
            except (OSError, ValueError, AttributeError):
                continue
            keys.update(k for k in listed if isinstance(k, str))
    return keys


def prune(cache: IngestCache, out_dirs: list[Path] = (), older_than: float = GRACE) -> Pruned:
    """Remove every entry of ``cache`` that no latest published version needs
    (:func:`needed_keys` of the output folders the cache served, :meth:`IngestCache.served`,
    and of ``out_dirs``) and that was written more than ``older_than`` seconds ago. Entries
    of older programs (names without :data:`SUFFIX`) and leftover temporary files go too;
    files the cache does not own stay."""
    keep = needed_keys([*cache.served(), *out_dirs])
    now = time.time()
    kept = removed = freed = 0
    if not cache.folder.is_dir():
        return Pruned(0, 0, 0)
    for path in cache.folder.iterdir():
        if not path.is_file():
            continue
        name = path.name
        key = name[:-len(SUFFIX)] if name.endswith(SUFFIX) else name
        owned = name.startswith(".tmp-") or key.startswith(OWNED)
        if not owned:
            continue
        if name.endswith(SUFFIX) and key in keep:
            kept += 1
            continue
        try:
            stat = path.stat()
            if now - stat.st_mtime < older_than:
                kept += 1
                continue
            size = stat.st_size
            path.unlink()
        except OSError:
            continue
        removed, freed = removed + 1, freed + size
    return Pruned(kept, removed, freed)
