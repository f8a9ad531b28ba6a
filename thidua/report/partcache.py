"""Rendered parts kept from one run to the next (issue 10, P2: a re-run after one corrected file).

The report is rendered in parts (:mod:`thidua.report.parts`). A unit's corrected file changes
the body's figures, but most parts of Phụ lục II hold the same rows as in the version before:
their HTML is the same, and so is their PDF. Each part's rendering is kept under a key of
everything its bytes rest on (:func:`part_key`: its HTML, its attachments and their date, the
program's files and templates, the versions of WeasyPrint, pydyf and pikepdf), so a re-run
renders only the parts whose HTML changed; the joined report has the same bytes as a rendering
from nothing (``tests/report/test_part_cache.py``).

The entries live in ``<cache>/parts/<year>/<key>.pkl`` (a :class:`thidua.report.parts.RenderedPart`
pickled, written to a temporary name and renamed into place). After each render only the
parts of that render stay (:meth:`PartCache.keep`): the folder holds one report's parts per
year, never more. A damaged or unreadable entry is a miss. The folder is safe to delete.
What is not in the key: the machine's fonts (an update of the system's fonts between two runs
keeps the older parts' glyphs until the program or the data change; delete the folder then).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".pkl"
#: The cache's subfolder holding the rendered parts, one folder per report year under it.
FOLDER = "parts"


def renderer_versions() -> str:
    """The versions of the libraries a part's bytes depend on: WeasyPrint, pydyf, pikepdf."""
    from importlib.metadata import version

    return " ".join(f"{name}={version(name)}" for name in ("weasyprint", "pydyf", "pikepdf"))


def part_key(job: tuple, program: str, versions: str) -> str:
    """SHA-256 (hex) of one part's job ``(html, attachments, stamp)`` (attachments: file name
    → bytes, or ``None``; stamp: their date, a ``datetime`` or ``None``), the program's
    SHA-256 (:func:`thidua.publish.latest.program_sha256`: code and templates, the CSS the
    HTML links to included) and ``versions`` (:func:`renderer_versions`). The stamp counts only
    with attachments: it dates them and nothing else (:func:`thidua.report.archive.document_pdf`)."""
    html, attachments, stamp = job
    digest = hashlib.sha256()
    for piece in (program, versions, html):
        digest.update(piece.encode())
        digest.update(b"\0")
    for name in sorted(attachments or {}):
        digest.update(name.encode() + b"\0" + hashlib.sha256(attachments[name]).digest())
    if attachments:
        digest.update(str(stamp).encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class PartCache:
    """The rendered parts of one report year: ``folder`` (``<cache>/parts/<year>``) and the
    ``program``'s SHA-256 that every key includes. Pickles (a Prefect task's parameter)."""

    folder: Path
    program: str

    @classmethod
    def of_year(cls, cache_dir: Path, year: int, program: str) -> PartCache:
        """The parts of ``year`` under the run's cache folder ``cache_dir``."""
        return cls(Path(cache_dir) / FOLDER / str(year), program)

    def keys(self, jobs: list[tuple]) -> list[str]:
        """:func:`part_key` of each job, in order."""
        versions = renderer_versions()
        return [part_key(job, self.program, versions) for job in jobs]

    def get(self, key: str) -> object | None:
        """What is kept under ``key`` (a :class:`thidua.report.parts.RenderedPart`, which the
        caller checks), or ``None`` (no entry, or one that cannot be read back: damaged, or of
        another Python)."""
        try:
            with open(self.folder / f"{key}{SUFFIX}", "rb") as handle:
                return pickle.load(handle)
        except Exception:  # noqa: BLE001 - a damaged entry is a miss: render the part again
            return None

    def put(self, key: str, part) -> None:
        """Keep ``part`` under ``key`` (atomically). A folder that cannot be written is no
        error: the part is rendered again next time."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
        except OSError:
            return
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(part, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.folder / f"{key}{SUFFIX}")
        except OSError:
            Path(temporary).unlink(missing_ok=True)

    def keep(self, keys: list[str]) -> int:
        """Remove every entry but those of ``keys`` (the parts of the render just done) and
        any temporary file left by a run that was killed; returns how many were removed."""
        wanted = {f"{key}{SUFFIX}" for key in keys}
        removed = 0
        for path in self.folder.glob("*") if self.folder.is_dir() else ():
            if path.name not in wanted and (path.suffix == SUFFIX or path.name.startswith(".tmp-")):
                path.unlink(missing_ok=True)
                removed += 1
        return removed
