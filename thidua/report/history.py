"""Registrations by year and field over every published year (``thidua history``, and the
report's multi-year chart when three or more years exist).

Source: ``shared/spec/outputs.md`` ("history"): a published year is a folder
``<out root>/<year>/`` holding ``summary.json`` (:func:`thidua.report.figures.summary_dict`).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from schemas.form import FIELDS
from thidua.reasons import json_reason, os_reason

#: Years shown in the report's chart: at least this many.
CHART_MIN_YEARS = 3


def year_row(summary: dict) -> dict:
    """One year's line: ``{"year": int, "by_field": {field: total}, "collective": int,
    "individual": int, "total": int}`` from a ``summary.json`` dict."""
    by_field = {f: sum(int(v) for v in summary["by_field"].get(f, {}).values()) for f in FIELDS}
    reg = summary["registrations"]
    return {"year": int(summary["year"]), "by_field": by_field,
            "collective": int(reg.get("collective", 0)), "individual": int(reg.get("individual", 0)),
            "total": int(reg.get("total", 0))}


def summary_files(root: Path) -> list[tuple[int, Path]]:
    """``(year, path)`` of every ``<root>/<year>/summary.json``, oldest first."""
    if not root.is_dir():
        return []
    found = [(int(d.name), d / "summary.json") for d in root.iterdir()
             if d.is_dir() and re.fullmatch(r"(19|20)\d\d", d.name) and (d / "summary.json").is_file()]
    return sorted(found)


def summaries_read(root: Path | None, year: int, previous: Path | None = None,
                   sha256=None) -> tuple[tuple[str, str], ...]:
    """``(path, sha256)`` of the published summaries a report of ``year`` reads: every
    ``<root>/<y>/summary.json`` with ``y < year`` (the history) and ``previous`` when it
    exists (the comparison), sorted. They count in the version's fingerprint, so a
    re-published earlier year makes a new version of this one (issue 12). ``sha256``: the
    file-hash function (:func:`thidua.ingest.discover.sha256_of`)."""
    read = {str(path): sha256(path) for y, path in (summary_files(root) if root else [])
            if y < year}
    if previous is not None and previous.is_file() and str(previous) not in read:
        read[str(previous)] = sha256(previous)
    return tuple(sorted(read.items()))


def read_history(root: Path, before: int | None = None) -> tuple[list[dict], list[str]]:
    """Every published year under ``root`` (before ``before`` when given): its
    :func:`year_row`, oldest first, and one Vietnamese line per ``summary.json`` that could not
    be read (skipped)."""
    rows, problems = [], []
    for year, path in summary_files(root):
        if before is not None and year >= before:
            continue
        try:
            summary = json.loads(path.read_text(encoding="utf-8"))
            row = year_row(summary)
        except OSError as exc:
            problems.append(f"{path}: không đọc được ({os_reason(exc)}); bỏ qua năm {year}.")
            continue
        except json.JSONDecodeError as exc:
            problems.append(f"{path}: {json_reason(exc)}; bỏ qua năm {year}.")
            continue
        except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
            problems.append(f"{path}: không phải summary.json của một năm (thiếu hoặc sai số liệu); "
                            f"bỏ qua năm {year}.")
            continue
        if row["year"] != year:
            problems.append(f"{path}: ghi năm {row['year']} nhưng nằm trong thư mục năm {year}; bỏ qua.")
            continue
        rows.append(row)
    return rows, problems
