"""The annual report's steps as plain functions, in the order the flow runs them.

:mod:`flows.annual_report` wraps these in Prefect tasks; tests call them directly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from flows.discover import InputFile, discover_files, sha256_of
from flows.figures import Figures, compute_figures
from flows.ingest import FileResult, UnitContext, select_submissions
from flows.publish import MANIFEST, build_outputs, json_bytes, manifest_dict, write_outputs
from flows.registry import RegistryError, expected_units, load_registry
from flows.render import ReportMeta, render_report


class NothingToReport(Exception):
    """No report can be produced; ``str(exc)`` is the one-line Vietnamese reason
    (``spec/outputs.md``, exit status)."""


@dataclass(frozen=True)
class Plan:
    """What a run will read: the files found, the registry and the unit context."""

    year: int
    files: list[InputFile]
    expected: pd.DataFrame
    context: UnitContext
    registry_sha256: str


def plan_run(year: int, raw_dir: Path, registry_path: Path) -> Plan:
    """Load the registry and list the input files.

    Raises :class:`NothingToReport` when the registry is unusable, the raw folder does not
    exist, or it holds no file.
    """
    try:
        registry = load_registry(registry_path)
    except RegistryError as exc:
        raise NothingToReport(str(exc)) from exc
    expected = expected_units(registry, year)
    if expected.empty:
        raise NothingToReport(f"Danh mục đơn vị {registry_path} không có đơn vị nào cho năm {year}.")
    if not raw_dir.is_dir():
        raise NothingToReport(f"Không có thư mục dữ liệu {raw_dir}.")
    files = discover_files(raw_dir)
    if not files:
        raise NothingToReport(f"Thư mục {raw_dir} không có tệp nào.")
    context = UnitContext(year, frozenset(registry["code"]), frozenset(expected["code"]))
    return Plan(year, files, expected, context, sha256_of(registry_path))


def aggregate_results(plan: Plan, results: list[FileResult]) -> Figures:
    """Choose the newest file per unit and aggregate. Raises :class:`NothingToReport` when no
    file was usable or no row was valid."""
    selected = select_submissions(results)
    if not any(r.status == "used" for r in selected):
        reasons = "; ".join(f"{r.file}: {r.problem}" for r in selected[:3])
        raise NothingToReport(f"Không có tệp nào dùng được ({reasons}).")
    figures = compute_figures(plan.year, selected, plan.expected)
    if figures.rows["valid"] == 0:
        raise NothingToReport("Không có dòng đăng ký hợp lệ nào trong các tệp đã đọc.")
    return figures


def default_report_date(figures: Figures) -> dt.date:
    """The report's date when none is given: the latest sent date (else modification date) of
    the used files, so that the same inputs always give the same report."""
    used = figures.files[figures.files["status"] == "used"]
    dates = [dt.date.fromisoformat(s) if isinstance(s, str) else dt.datetime.fromisoformat(m).date()
             for s, m in zip(used["sent_date"], used["modified"])]
    return max(dates)


def render(figures: Figures, report_date: dt.date | None = None) -> bytes:
    """The PDF bytes of the report (see :func:`flows.render.render_report`)."""
    meta = ReportMeta(year=figures.year, report_date=report_date or default_report_date(figures))
    return render_report(figures, meta)


def publish(plan: Plan, figures: Figures, pdf: bytes, out_dir: Path,
            started: dt.datetime) -> list[Path]:
    """Write the PDF, ``summary.json``, ``rejected.csv`` and ``manifest.json``.

    Raises :class:`NothingToReport` when the output folder is not writable.
    """
    outputs = build_outputs(figures, pdf)
    manifest = manifest_dict(figures, plan.registry_sha256, outputs, started)
    try:
        return write_outputs(out_dir, {**outputs, MANIFEST: json_bytes(manifest)})
    except OSError as exc:
        raise NothingToReport(f"Không ghi được kết quả vào {out_dir}: {exc.strerror or exc}") from exc
