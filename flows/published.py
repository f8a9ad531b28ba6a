"""Reading what a run published: one version of a year's report, for the UI and for e-mail.

Layout (issue 4): ``<out>/versions/v<N>/`` holds version N's PDF, ``summary.json``,
``rejected.csv`` and ``manifest.json``; the top of ``<out>`` holds a copy of the latest. A
manifest has ``"version": N``, ``"replaces": {"version": N-1, "date": "YYYY-MM-DD"}`` or
``null``, and ``"changes": [Vietnamese lines]``. A manifest written before versions existed has
no ``"version"``: it is version 1, with no changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from flows.discover import sha256_of
from flows.publish import REJECTED, SUMMARY
from flows.settings import report_filename
from flows.versions import version_dir, version_numbers


class NotPublished(Exception):
    """The asked version is not there, or its PDF does not match its manifest;
    ``str(exc)`` is the one-line Vietnamese reason."""


@dataclass(frozen=True)
class PublishedVersion:
    """One published version of a year's report.

    ``folder``: where its files are (``versions/v<N>`` or, before versions, the year's output
    folder); ``pdf``: the report in it; ``pdf_sha256``: hex SHA-256 of the PDF's bytes;
    ``replaces``: ``{"version": N-1, "date": "YYYY-MM-DD"}`` or ``None``; ``changes``: what
    changed since N-1, in Vietnamese (empty for version 1).
    """

    year: int
    version: int
    folder: Path
    pdf: Path
    pdf_sha256: str
    replaces: dict | None = None
    changes: list[str] = field(default_factory=list)
    manifest: dict = field(default_factory=dict, repr=False)


def version_folders(out_dir: Path) -> dict[int, Path]:
    """``{N: out_dir/versions/vN}`` for every complete version (:mod:`flows.versions`), by N."""
    return {n: version_dir(out_dir, n) for n in version_numbers(out_dir)}


def _manifest(folder: Path) -> dict:
    try:
        return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NotPublished(f"Không đọc được {folder / 'manifest.json'}: {exc}") from exc


def load_published(out_dir: Path, year: int, version: int | None = None) -> PublishedVersion:
    """The latest version of the year's report in ``out_dir`` (``version=None``), or version N.

    Version N is read from ``versions/vN/``; the latest is the version named by the manifest at
    the top of ``out_dir``, read from its ``versions/vN/`` folder when there is one. When that
    folder does not exist, the top of ``out_dir`` serves if its manifest is version N (so
    version 1 of a run made before versions existed is found). Raises :class:`NotPublished` when there is no such version, its PDF is
    missing, or the PDF's SHA-256 differs from the one its manifest lists.
    """
    folders = version_folders(out_dir)
    if version is not None and version in folders:
        folder = folders[version]
    elif (out_dir / "manifest.json").is_file():
        folder = out_dir
    else:
        raise NotPublished(f"Chưa có báo cáo năm {year} trong {out_dir}: "
                           f"hãy chạy `thidua run --year {year}` trước.")
    manifest = _manifest(folder)
    number = int(manifest.get("version") or 1)
    if folder == out_dir and number in folders:  # the latest: read its own, immutable folder
        folder = folders[number]
        manifest = _manifest(folder)
    if version is not None and number != version:
        have = ", ".join(f"v{n}" for n in folders) or f"v{number}"
        raise NotPublished(f"Không có phiên bản {version} của báo cáo năm {year} "
                           f"(hiện có: {have}).")
    pdf = folder / report_filename(year)
    if not pdf.is_file():
        raise NotPublished(f"Không có tệp {pdf}.")
    digest = sha256_of(pdf)
    listed = {Path(o.get("path", "")).name: o.get("sha256") for o in manifest.get("outputs", [])}
    if listed.get(pdf.name) not in (None, digest):
        raise NotPublished(f"Tệp {pdf} khác với tệp đã ghi trong manifest.json "
                           "(đã bị sửa sau khi xuất bản?).")
    return PublishedVersion(year=year, version=number, folder=folder, pdf=pdf,
                            pdf_sha256=digest, replaces=manifest.get("replaces"),
                            changes=[str(c) for c in manifest.get("changes") or []],
                            manifest=manifest)


def read_summary(published: PublishedVersion) -> dict:
    """The version's ``summary.json`` (``spec/outputs.md``)."""
    return json.loads((published.folder / SUMMARY).read_text(encoding="utf-8"))


def read_rejections(published: PublishedVersion) -> pd.DataFrame:
    """The version's ``rejected.csv`` (all columns ``str``, empty ``row`` for a rejected file)
    plus ``unit``: the unit of the line's file, from the manifest's inputs (``""`` unknown)."""
    frame = pd.read_csv(published.folder / REJECTED, dtype=str, keep_default_na=False,
                        encoding="utf-8-sig")
    units = {i.get("path"): i.get("unit") or "" for i in published.manifest.get("inputs", [])}
    return frame.assign(unit=frame["file"].map(units).fillna("").astype(str))
