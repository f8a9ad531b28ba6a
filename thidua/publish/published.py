"""Reading what a run published: one version of a year's report, for the UI and for e-mail.

Layout: :mod:`thidua.publish.versions` (``<out>/versions/v<N>/``, the latest copied on top). A
manifest has ``"version": N``, ``"replaces": {"version": N-1, "date": "YYYY-MM-DD"}`` or
``null``, and ``"changes": [Vietnamese lines]``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from thidua.ingest.discover import sha256_of
from thidua.publish.outputs import MANIFEST, REJECTED, SIGNED_SUFFIX, SUMMARY
from thidua.publish.versions import version_dir, version_numbers
from thidua.settings import report_filename


class NotPublished(Exception):
    """The asked version is not there, or its PDF does not match its manifest;
    ``str(exc)`` is the one-line Vietnamese reason."""


@dataclass(frozen=True)
class PublishedVersion:
    """One published version of a year's report.

    ``folder``: where its files are (``versions/v<N>``); ``pdf``: the report to send: the
    signed one when the version was signed (``signed`` true, :mod:`thidua.publish.sign`),
    else the published one; ``pdf_sha256``: hex SHA-256 of ``pdf``'s bytes; ``unsigned``:
    the PDF the manifest lists;
    ``replaces``: ``{"version": N-1, "date": "YYYY-MM-DD"}`` or ``None``; ``changes``: what
    changed since N-1, in Vietnamese (empty for version 1); ``date_change``: the report date's
    change, said apart from them (``Ngày báo cáo: 26/11/2024 → 05/12/2024.``,
    :func:`thidua.publish.versions.date_change`; ``None`` when none or not recorded); ``replaced_by``: ``{"version": M,
    "date": "YYYY-MM-DD"}``, the version in force (the latest) and its report date, when a
    later version replaced this one, else ``None`` (issue 13.4).
    """

    year: int
    version: int
    folder: Path
    pdf: Path
    pdf_sha256: str
    replaces: dict | None = None
    changes: list[str] = field(default_factory=list)
    date_change: str | None = None
    manifest: dict = field(default_factory=dict, repr=False)
    replaced_by: dict | None = None
    unsigned: Path | None = None
    signed: bool = False


def load_published(out_dir: Path, year: int, version: int | None = None) -> PublishedVersion:
    """Version ``version`` of the year's report in ``out_dir`` (default: the latest), read
    from its own folder ``versions/v<N>/`` (:mod:`thidua.publish.versions`).

    When the version was signed (:func:`signed_filename` beside the PDF,
    :func:`thidua.publish.sign.sign_version`), ``pdf`` is the signed file, which must be
    the listed PDF plus an incremental update (its first bytes are the listed PDF's).

    Raises :class:`NotPublished` when there is no such version, its manifest cannot be read,
    its PDF is missing, the PDF's SHA-256 differs from the one its manifest lists, or the
    signed file does not begin with that PDF.
    """
    numbers = version_numbers(out_dir)
    if not numbers:
        raise NotPublished(f"Chưa có báo cáo năm {year} trong {out_dir}: "
                           f"hãy chạy `thidua run --year {year}` trước.")
    number = version or numbers[-1]
    if number not in numbers:
        have = ", ".join(f"v{n}" for n in numbers)
        raise NotPublished(f"Không có bản số {number} của báo cáo năm {year} (hiện có: {have}).")
    folder = version_dir(out_dir, number)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NotPublished(f"Không đọc được {folder / MANIFEST}: {exc}") from exc
    pdf = folder / report_filename(year)
    if not pdf.is_file():
        raise NotPublished(f"Không có tệp {pdf}.")
    digest = sha256_of(pdf)
    listed = {o.get("path"): o.get("sha256") for o in manifest.get("outputs", [])}
    if listed.get(pdf.name) != digest:
        raise NotPublished(f"Tệp {pdf} khác với tệp đã ghi trong manifest.json "
                           "(đã bị sửa sau khi xuất bản?).")
    unsigned, signed = pdf, folder / signed_filename(year)
    if signed.is_file():
        data, original = signed.read_bytes(), pdf.read_bytes()
        if not data.startswith(original) or len(data) == len(original):
            raise NotPublished(f"Tệp đã ký {signed} không phải bản {pdf.name} cộng chữ ký "
                               "(đã bị sửa?); hãy xóa nó và ký lại.")
        pdf, digest = signed, sha256_of(signed)
    return PublishedVersion(year=year, version=number, folder=folder, pdf=pdf,
                            unsigned=unsigned, signed=pdf != unsigned,
                            pdf_sha256=digest, replaces=manifest.get("replaces"),
                            changes=[str(c) for c in manifest.get("changes") or []],
                            date_change=manifest.get("date_change") or None,
                            manifest=manifest, replaced_by=_in_force(out_dir, number, numbers))


def _in_force(out_dir: Path, number: int, numbers: list[int]) -> dict | None:
    """``{"version", "date"}`` of the latest version when it is not ``number``, else None;
    ``date`` is its ``report_date`` (ISO), ``""`` when its manifest cannot be read."""
    if number == numbers[-1]:
        return None
    try:
        latest = json.loads((version_dir(out_dir, numbers[-1]) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        latest = {}
    return {"version": numbers[-1], "date": str(latest.get("report_date") or "")}


def signed_filename(year: int) -> str:
    """The signed report's file name, beside the unsigned one in ``versions/v<N>/`` and at
    the top of the year's folder: ``bao-cao-dan-van-kheo-<year>-da-ky.pdf``."""
    return report_filename(year).removesuffix(".pdf") + SIGNED_SUFFIX


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
