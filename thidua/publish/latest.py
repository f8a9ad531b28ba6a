"""The latest published version of a year, read without pandas: what a run that changes
nothing needs, so that it answers in well under a second (issue 10).

The versions' layout is :mod:`thidua.publish.versions`; this module holds the light part of it
(numbers, manifests, fingerprints, copying the latest version to the top of the output folder)
and :func:`unchanged_outcome`, the whole "nothing changed" answer of ``thidua run``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from thidua import __version__
from thidua.ingest.discover import discover_files, sha256_of
from thidua.publish.atomic import write_atomic
from thidua.settings import REPO_ROOT

VERSIONS = "versions"
_VERSION_DIR = re.compile(r"^v(\d+)$")
_PROGRAM_PARTS = ("flows", "thidua", "schemas", "report_templates")
#: The units' feedback workbooks' sub-folder of a version (``phan-hoi/<unit>.xlsx``).
FEEDBACK_DIR = "phan-hoi"


def program_sha256() -> str:
    """SHA-256 over the program's own files (``flows/``, ``thidua/``, ``schemas/``, ``report_templates/``)
    and its version: any change of code or template changes it, and so invalidates caches
    and publishes a new version."""
    digest = hashlib.sha256(__version__.encode())
    for part in _PROGRAM_PARTS:
        for path in sorted((REPO_ROOT / part).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(REPO_ROOT).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(files: list[tuple[str, str]], registry_sha256: str, program: str,
                report_date: str | None, settings: str | None = None) -> str:
    """One SHA-256 for everything a version is built from: each input ``(path, sha256)``,
    the registry's SHA-256, the program's SHA-256, the report date asked for (or None) and,
    when given, the SHA-256 of the report's settings (``report.toml`` and ``--number``)."""
    content = {"files": sorted(files), "registry": registry_sha256,
               "program": program, "report_date": report_date}
    if settings is not None:
        content["settings"] = settings
    payload = json.dumps(content, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()


def plan_fingerprint(inputs: list[tuple[str, str]], registry_sha256: str, program: str,
                     report_date: dt.date | None, settings_sha256: str | None,
                     summaries: tuple[tuple[str, str], ...] = (),
                     as_of: dt.date | None = None) -> str:
    """The fingerprint of a version (:func:`fingerprint`) over the unit
    files' ``inputs``, the published summaries it reads (:func:`thidua.report.history.summaries_read`)
    and ``--as-of`` (as the entry ``("--as-of", date)``), with the registry, program, report
    date and settings. The run where nothing changed computes it without pandas
    (:func:`unchanged_outcome`), so both must agree: this is the one
    place that says what goes in."""
    entries = list(inputs) + list(summaries) + ([("--as-of", as_of.isoformat())] if as_of else [])
    return fingerprint(entries, registry_sha256, program,
                       report_date.isoformat() if report_date else None, settings_sha256)


@dataclass(frozen=True)
class Version:
    """A published version: its number, folder, manifest and summary (parsed JSON)."""

    number: int
    path: Path
    manifest: dict
    summary: dict


def version_dir(out_dir: Path, number: int) -> Path:
    """``<out_dir>/versions/v<number>``."""
    return out_dir / VERSIONS / f"v{number}"


def version_numbers(out_dir: Path) -> list[int]:
    """The numbers of the complete versions in ``out_dir`` (with a manifest), ascending."""
    root = out_dir / VERSIONS
    if not root.is_dir():
        return []
    found = (_VERSION_DIR.match(p.name) for p in root.iterdir() if (p / "manifest.json").is_file())
    return sorted(int(m.group(1)) for m in found if m)


def load_version(out_dir: Path, number: int) -> Version:
    """Read version ``number``. Raises ``FileNotFoundError`` when it does not exist."""
    path = version_dir(out_dir, number)
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    summary = json.loads((path / "summary.json").read_text(encoding="utf-8"))
    return Version(number, path, manifest, summary)


def latest_version(out_dir: Path) -> Version | None:
    """The newest version, or None when none was published."""
    numbers = version_numbers(out_dir)
    return load_version(out_dir, numbers[-1]) if numbers else None


#: Sub-folders of a version whose top-level copy holds exactly the latest version's files.
SYNCED_FOLDERS = (FEEDBACK_DIR,)
#: The signed report is the report's file name with this ending (``spec/outputs.md``,
#: "PDF/A-3b and signature"); a signed file of an older version never stays at the top.
SIGNED_SUFFIX = "-da-ky.pdf"


def restore_latest(out_dir: Path, version_path: Path) -> list[Path]:
    """Make the top of ``out_dir`` hold a copy of the files of ``version_path``, sub-folders
    included (only files that differ are rewritten, each atomically); files of
    :data:`SYNCED_FOLDERS` that the version does not have are removed. Returns the top-level
    paths of the version's files, sorted."""
    paths = []
    for source in sorted(p for p in version_path.rglob("*") if p.is_file()):
        target = out_dir / source.relative_to(version_path)
        data = source.read_bytes()
        if not target.is_file() or hashlib.sha256(target.read_bytes()).digest() != hashlib.sha256(data).digest():
            write_atomic(target, data)
        paths.append(target)
    for folder in SYNCED_FOLDERS:
        for stale in (out_dir / folder).glob("*"):
            if stale.is_file() and not (version_path / folder / stale.name).exists():
                stale.unlink()
    for stale in out_dir.glob(f"*{SIGNED_SUFFIX}"):
        if not (version_path / stale.name).exists():
            stale.unlink()
    return paths


def unchanged_outcome(raw: Path, registry: Path, out: Path, exclude: tuple[Path, ...] = (),
                      report_date: dt.date | None = None, settings_sha256: str | None = None,
                      summaries: tuple[tuple[str, str], ...] = (),
                      as_of: dt.date | None = None) -> dict | None:
    """The outcome of a run that would publish nothing, found without reading any file's
    rows: the latest version of ``out`` has the fingerprint of the files of ``raw`` as they
    are now (:func:`plan_fingerprint` of each submission's SHA-256, the registry's, the
    program's, ``report_date``, the settings' ``settings_sha256``, the published
    ``summaries`` read and ``as_of``). Then the top of ``out`` is made a copy of that version again
    (:func:`restore_latest`, under the year's lock, ``.thidua.lock``) and the dict
    :func:`thidua.runner.run_year` returns for "unchanged" comes back. ``None`` in every other
    case (anything changed, no version yet, a folder or the registry missing, the lock held by
    another run): the full run then decides, and says why."""
    import filelock

    numbers = version_numbers(out)
    if not numbers or not raw.is_dir() or not registry.is_file():
        return None
    try:
        previous = load_version(out, numbers[-1])
        files = discover_files(raw, exclude)
        inputs = [(f.file, f.sha256) for f in files if not f.skipped]
        now = plan_fingerprint(inputs, sha256_of(registry), program_sha256(), report_date,
                               settings_sha256, summaries, as_of)
    except (OSError, ValueError):
        return None
    if not files or previous.manifest.get("fingerprint") != now:
        return None
    lock = filelock.FileLock(out / ".thidua.lock")
    try:
        with lock.acquire(timeout=0):
            paths = restore_latest(out, previous.path)
    except (filelock.Timeout, OSError):
        return None
    return {"status": "unchanged", "version": previous.number, "summary": previous.summary,
            "outputs": [str(p) for p in paths], "files": len(files), "files_read": 0,
            "skipped": sum(1 for f in files if f.skipped), "pruned": 0}
