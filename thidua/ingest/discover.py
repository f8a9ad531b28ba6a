"""Finding a year's input files and fingerprinting them (``spec/outputs.md``, manifest)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class InputFile:
    """One file found in the raw folder.

    ``file`` is the path relative to the raw folder (POSIX separators), the name used in every
    output; ``sha256`` the hex digest of its bytes; ``modified`` its mtime (UTC).
    """

    path: Path
    file: str
    sha256: str
    size: int
    modified: dt.datetime


def sha256_of(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def discover_files(raw_dir: Path) -> list[InputFile]:
    """Every regular file under ``raw_dir`` (sub-folders included), sorted by relative path.

    Nothing is filtered out here: files that are not spreadsheets, cannot be read (``sha256``
    is ``""``) or are broken links are rejected later with a reason, so that every input file
    is accounted for in the manifest.
    """
    files = []
    found = (p for p in raw_dir.rglob("*") if p.is_file() or (p.is_symlink() and not p.exists()))
    for path in sorted(found):
        try:
            stat, digest = path.stat(), sha256_of(path)
        except OSError:  # unreadable, or a broken link: listed, and rejected when read
            stat, digest = path.lstat(), ""
        files.append(InputFile(
            path=path,
            file=path.relative_to(raw_dir).as_posix(),
            sha256=digest,
            size=stat.st_size,
            modified=dt.datetime.fromtimestamp(stat.st_mtime, tz=dt.timezone.utc),
        ))
    return files
