"""Writing a run's outputs into ``data/out/<year>/`` (``spec/outputs.md``).

Each file is written to a temporary name in the same folder and renamed into place, so a
reader never sees half a file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from thidua import __version__
from thidua.ingest.validate import REJECTION_COLUMNS
from thidua.publish.atomic import current_umask
from thidua.publish.latest import SIGNED_SUFFIX, restore_latest  # noqa: F401 - the versions API
from thidua.report.figures import Figures, summary_dict
from thidua.settings import report_filename

SUMMARY, REJECTED, MANIFEST = "summary.json", "rejected.csv", "manifest.json"


def json_bytes(value: object) -> bytes:
    """Pretty UTF-8 JSON (Vietnamese kept readable), keys in insertion order."""
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def rejected_csv_bytes(rejections: pd.DataFrame) -> bytes:
    """``rejected.csv``: columns ``file, sheet, row, column, value, error``, UTF-8 with BOM.

    One line per rejected row or file (``spec/outputs.md``): a row with several problems has
    them in one line, its columns, values and reasons each joined by `` | `` in the same
    order (:func:`one_line_per_row`); a rejected file has one line with an empty row. Values
    are written as text; a value starting with ``=``, ``+``, ``-`` or ``@`` is prefixed with
    ``'`` so that Excel shows it and never runs it.
    """
    frame = one_line_per_row(rejections[REJECTION_COLUMNS])
    for name in ("value", "error", "sheet", "file"):
        frame[name] = frame[name].map(neutralise_formula)
    return frame.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


#: Joins the columns, values and reasons of one row's problems in ``rejected.csv``.
JOINER = " | "


def one_line_per_row(rejections: pd.DataFrame) -> pd.DataFrame:
    """``rejections`` (columns ``file, sheet, row, column, value, error``: one record per
    problem) with the problems of one row (same ``file``, ``sheet``, ``row``) in one record,
    in the order of its first problem, ``column``, ``value`` and ``error`` each joined by
    :data:`JOINER` (an empty value kept, so that the n-th of each belong together); records
    without a row (a rejected file) stay one each. Same columns, a new 0-based index."""
    if rejections.empty:
        return rejections.reset_index(drop=True)
    frame = rejections.reset_index(drop=True)
    key = (frame["file"].astype(str) + "\0" + frame["sheet"].astype(str) + "\0"
           + frame["row"].astype(str)).where(frame["row"].notna(), frame.index.astype(str))
    joined = dict.fromkeys(("column", "value", "error"), _joined)
    out = frame.groupby(key, sort=False).agg({"file": "first", "sheet": "first", "row": "first",
                                              **joined})
    return out.reset_index(drop=True)[list(rejections.columns)]


def _joined(values: pd.Series) -> object:
    """One problem's value as it is, several joined by :data:`JOINER` (empty ones kept)."""
    if len(values) == 1:
        return values.iloc[0]
    return JOINER.join("" if pd.isna(v) else str(v) for v in values)


def neutralise_formula(text: str) -> str:
    """Prefix ``'`` to text that a spreadsheet would read as a formula (CSV/XLSX injection)."""
    return "'" + text if isinstance(text, str) and text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def manifest_dict(figures: Figures, registry_sha256: str, started: dt.datetime) -> dict:
    """``manifest.json`` without its outputs: inputs (path, SHA-256 of the bytes read, unit,
    sent date, status ``used``/``superseded``/``rejected``/``skipped``, rows, problem; a
    ``reason`` for a skipped entry, a ``choice`` when the file counted for its unit needs one,
    ``chosen_by`` (``sent_date``/``mtime``/``name``) when it was chosen over another usable file,
    ``ignored_by``: the ignored rows by reason when any; ``sheets``: the rows of each sheet
    counted, ``[{sheet, read, valid, rejected, ignored}]``, when a file has several;
    ``rows_sha256``: what a usable file says whatever its bytes, and ``first_seen``: when
    those rows were first seen, when earlier than its ``modified``, :mod:`thidua.ingest.firstseen`), the
    registry's SHA-256, the program
    version and the time of the run.
    :func:`thidua.pipeline.draft_version` adds the version keys, :func:`output_hashes` the
    outputs."""
    inputs = figures.files.astype(object).where(figures.files.notna(), None)
    return {
        "year": figures.year,
        "program_version": __version__,
        "run_at": started.isoformat(timespec="seconds"),
        "registry_sha256": registry_sha256,
        "inputs": [
            {"path": r["file"], "sha256": r["sha256"], "size": r["size"], "unit": r["unit"],
             "sent_date": r["sent_date"], "modified": r["modified"], "status": r["status"],
             "sheet": r["sheet"], "problem": r["problem"],
             "rows": {k: r[k] for k in ("read", "valid", "rejected", "ignored")},
             **({"sent_time": r["sent_time"]} if r.get("sent_time") else {}),
             **({"ignored_by": r["ignored_by"]} if r.get("ignored_by") else {}),
             **({"sheets": r["sheets"]} if len(r.get("sheets") or ()) > 1 else {}),
             **({"reason": r["reason"]} if r.get("reason") else {}),
             **({"choice": r["choice"]} if r.get("choice") else {}),
             **({"chosen_by": r["chosen_by"]} if r.get("chosen_by") else {}),
             **({"rows_sha256": r["rows_sha256"]} if r.get("rows_sha256") else {}),
             **({"first_seen": r["first_seen"]} if r.get("first_seen") else {})}
            for r in inputs.to_dict("records")
        ],
    }


def output_hashes(outputs: dict[str, bytes]) -> list[dict]:
    """``[{"path": file name, "sha256": hex}]`` for the manifest's ``outputs``."""
    return [{"path": name, "sha256": sha256_bytes(data)} for name, data in outputs.items()]


def build_outputs(figures: Figures, pdf: bytes) -> dict[str, bytes]:
    """The report's files (all but the manifest) as ``{file name: bytes}``."""
    return {report_filename(figures.year): pdf, **data_outputs(figures)}


def data_outputs(figures: Figures) -> dict[str, bytes]:
    """``summary.json`` and ``rejected.csv`` as ``{file name: bytes}``."""
    return {SUMMARY: json_bytes(summary_dict(figures)),
            REJECTED: rejected_csv_bytes(figures.rejections)}


#: The files the PDF carries as associated files (``spec/outputs.md``, "PDF/A-3b").
ATTACHED = (SUMMARY, REJECTED, MANIFEST)


def attached_files(outputs: dict[str, bytes]) -> dict[str, bytes]:
    """The :data:`ATTACHED` files of ``outputs``, in that order. Raises ``KeyError`` when
    one is missing."""
    return {name: outputs[name] for name in ATTACHED}


def manifest_with_pdf(attached_manifest: bytes, pdf_name: str, pdf: bytes) -> bytes:
    """The published ``manifest.json``: ``attached_manifest`` (the copy inside the PDF, which
    cannot hold the hash of the PDF that holds it) with ``{"path": pdf_name, "sha256": …}``
    first in ``outputs``. Removing that entry gives back ``attached_manifest`` byte for byte
    (:func:`attached_manifest_of`; ``spec/outputs.md``, "The manifest inside the PDF")."""
    manifest = json.loads(attached_manifest)
    manifest["outputs"] = [{"path": pdf_name, "sha256": sha256_bytes(pdf)}] + manifest["outputs"]
    return json_bytes(manifest)


def attached_manifest_of(published_manifest: bytes, pdf_name: str) -> bytes:
    """The inverse of :func:`manifest_with_pdf`: the published manifest without the PDF's
    entry, as the bytes the PDF must carry."""
    manifest = json.loads(published_manifest)
    manifest["outputs"] = [o for o in manifest["outputs"] if o.get("path") != pdf_name]
    return json_bytes(manifest)


def publish_version(out_dir: Path, version_path: Path, outputs: dict[str, bytes]) -> list[Path]:
    """Publish a new version: write every file into a temporary folder beside
    ``version_path``, rename it into place in one step, then copy the files to the top of
    ``out_dir``. A run killed at any point leaves every earlier version intact; a complete
    version folder is never modified. Returns the top-level paths.

    Raises ``FileExistsError`` when ``version_path`` already exists, ``OSError`` when the
    folder cannot be written.
    """
    parent = version_path.parent
    parent.mkdir(parents=True, exist_ok=True)
    for leftover in parent.glob(".tmp-*"):  # a folder a killed run left half-written
        shutil.rmtree(leftover, ignore_errors=True)
    if version_path.exists():
        raise FileExistsError(f"{version_path} already exists")
    staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".tmp-{version_path.name}-"))
    try:
        for name, data in outputs.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            (staging / name).write_bytes(data)
        os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp makes it 0700
        os.rename(staging, version_path)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return restore_latest(out_dir, version_path)
