"""Planning a run and counting its files: the registry and the files found (:func:`plan_run`,
:class:`Plan`), one file read (:func:`ingest`), the newest file per unit aggregated
(:func:`aggregate_results`) with the other years (:func:`with_other_years`), and the report's
date taken from the data (:func:`default_report_date`). Steps 1 to 3 of
:mod:`thidua.pipeline`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from thidua.errors import NothingToReport
from thidua.ingest.discover import InputFile, discover_files, sha256_of
from thidua.ingest.files import FileResult, UnitContext, ingest_file
from thidua.ingest.handover import heirs
from thidua.ingest.selection import select_submissions
from thidua.ingest.registry import RegistryError, expected_units, load_registry
from thidua.publish.latest import plan_fingerprint
from thidua.publish.versions import program_sha256
from thidua.report.comparison import PreviousUnusable, compare_years, read_previous
from thidua.report.figures import Figures, compute_figures, summary_dict
from thidua.report.document_settings import (
    DEFAULT_SETTINGS,
    DocumentSettings,
    SettingsError,
    load_document_settings,
)
from thidua.report.history import read_history, summaries_read, year_row


@dataclass(frozen=True)
class Plan:
    """What a run will read: the files found, the registry, the unit context, the
    program's fingerprint (:func:`thidua.publish.versions.program_sha256`) and the report's
    document settings (``data/reference/report.toml``, with ``--number``)."""

    year: int
    files: list[InputFile]
    expected: pd.DataFrame
    context: UnitContext
    registry_sha256: str
    program: str
    #: The whole registry (:func:`thidua.ingest.registry.load_registry`): names and
    #: successors of units that are not expected (ended during the year, or of last year).
    registry: pd.DataFrame | None = None
    #: The previous year's published ``summary.json`` (:func:`thidua.report.comparison.read_previous`).
    previous: dict | None = None
    #: Earlier published years (:func:`thidua.report.history.read_history`), oldest first.
    history: tuple = ()
    #: ``(path, sha256)`` of the published summaries read: they count in the fingerprint,
    #: so a re-published previous year makes a new version of this one.
    summaries_read: tuple[tuple[str, str], ...] = ()
    #: The report's settings (``data/reference/report.toml``, ``--number``).
    settings: DocumentSettings | None = None
    #: The reference date of the expected units (``--as-of``), when not 31/12 of the year.
    as_of: dt.date | None = None

    @cached_property
    def lineage(self) -> dict[str, frozenset[str]]:
        """Unit code → the units that took over from it (:func:`thidua.ingest.handover.heirs`
        of :attr:`registry`), for the choice of files (``select_submissions``); made once per
        plan (the run asks it for the figures and again for the feedback)."""
        return heirs(self.registry)

    @property
    def unit_names(self) -> dict[str, str]:
        """Expected unit code → official name, as the report writes them."""
        return dict(zip(self.expected["code"], self.expected["name"]))

    def fingerprint(self, report_date: dt.date | None,
                    inputs: list[tuple[str, str]] | None = None) -> str:
        """The fingerprint a version built from this plan gets
        (:func:`thidua.publish.versions.fingerprint`): over ``inputs`` (``(file, sha256)`` of
        the bytes read, :func:`read_inputs`) when given, else over the files as discovered.
        Skipped entries (not submissions) never count: a lock file coming and going makes no
        new version."""
        if inputs is None:
            inputs = [(f.file, f.sha256) for f in self.files if not f.skipped]
        return plan_fingerprint(inputs, self.registry_sha256, self.program, report_date,
                                self.settings.sha256 if self.settings else None,
                                self.summaries_read, self.as_of)


def read_inputs(files: pd.DataFrame) -> list[tuple[str, str]]:
    """``(file, sha256)`` of the bytes actually read, from
    :func:`thidua.ingest.selection.file_table`, skipped entries left out (issue 9.9)."""
    return [(f, h) for f, h, s in zip(files["file"], files["sha256"], files["status"])
            if s != "skipped"]


def plan_run(year: int, raw_dir: Path, registry_path: Path,
             exclude: tuple[Path, ...] = (), as_of: dt.date | None = None,
             previous: Path | None = None, history_root: Path | None = None,
             settings_path: Path | None = None, number: str | None = None) -> Plan:
    """Load the registry and list the input files; folders in ``exclude`` (the run's output
    and cache folders, when they lie inside ``raw_dir``) are listed as skipped, never read
    (:func:`thidua.ingest.discover.discover_files`). The expected units are those valid on
    ``as_of`` (default 31/12/``year``); files of every unit valid on some day of ``year``
    are counted (``spec/unit-registry.md``). ``previous``: the previous year's
    ``summary.json`` for the comparison (none there: no comparison); ``history_root``: the
    folder of the published years (``<root>/<year>/summary.json``) for the multi-year chart.

    The report's settings come from ``settings_path`` (default
    ``data/reference/report.toml``), ``number`` (``--number``) overriding its document number
    (:func:`thidua.report.document_settings.load_document_settings`).

    Raises :class:`NothingToReport` when the registry or the settings file is unusable, the
    raw folder does not exist, it holds no file, or ``previous`` exists but is not a
    ``summary.json``, or is one of ``year`` or later (fresh tester V: the report compared 2024
    with itself).
    """
    try:
        registry = load_registry(registry_path)
        settings = load_document_settings(settings_path or DEFAULT_SETTINGS, number)
    except (RegistryError, SettingsError) as exc:
        raise NothingToReport(str(exc)) from exc
    expected = expected_units(registry, year, as_of)
    if expected.empty:
        raise NothingToReport(f"Danh mục đơn vị {registry_path} không có đơn vị nào cho năm {year}.")
    if raw_dir.exists() and not raw_dir.is_dir():
        raise NothingToReport(f"{raw_dir} là một tệp, không phải thư mục: --raw cần thư mục chứa "
                              f"tệp của các đơn vị cho một năm (ví dụ data/raw/{year}).")
    if not raw_dir.is_dir():
        raise NothingToReport(f"Không có thư mục dữ liệu {raw_dir}.")
    files = discover_files(raw_dir, exclude)
    if not files:
        raise NothingToReport(f"Thư mục {raw_dir} không có tệp nào.")
    context = UnitContext.for_year(registry, year)
    try:
        last = read_previous(previous) if previous else None
    except PreviousUnusable as exc:
        raise NothingToReport(str(exc)) from exc
    if last is not None and not (isinstance(last["year"], int) and last["year"] < year):
        raise NothingToReport(f"Số liệu năm trước {previous} là của năm {last['year']}, không phải "
                              f"một năm trước {year}; đề nghị chỉ summary.json của năm {year - 1}.")
    history = read_history(history_root, before=year)[0] if history_root else []
    read = summaries_read(history_root, year, previous if last else None, sha256_of)
    return Plan(year, files, expected, context, sha256_of(registry_path), program_sha256(),
                registry=registry, previous=last, history=tuple(history),
                summaries_read=read, settings=settings, as_of=as_of)


def ingest(source: InputFile, context: UnitContext) -> FileResult:
    """Read, normalise and validate one unit file (:func:`thidua.ingest.files.ingest_file`);
    every row ends up valid, rejected or ignored, or the whole file is rejected."""
    return ingest_file(source, context)


def _reasons(results: list[FileResult], shown: int = 3) -> str:
    """``file: reason; file: reason`` of the first ``shown`` files, each reason without its
    final full stop (the sentence around them has one), then how many more."""
    said = "; ".join(f"{r.file}: {(r.problem or '').rstrip(' .')}" for r in results[:shown])
    more = len(results) - shown
    return f"{said}; và {more} tệp khác" if more > 0 else said


def aggregate_results(plan: Plan, results: list[FileResult]) -> Figures:
    """Choose the newest file per unit and aggregate. Raises :class:`NothingToReport` when no
    file was usable or no row was valid."""
    selected = select_submissions(results, plan.lineage)
    if not any(r.status == "used" for r in selected):
        raise NothingToReport(f"Không có tệp nào dùng được ({_reasons(selected)}).")
    figures = compute_figures(plan.year, selected, plan.expected, plan.registry)
    if figures.rows["valid"] == 0:
        raise NothingToReport("Không có dòng đăng ký hợp lệ nào trong các tệp đã đọc.")
    return with_other_years(plan, figures)


def with_other_years(plan: Plan, figures: Figures) -> Figures:
    """``figures`` with the comparison with the previous year
    (:func:`thidua.report.comparison.compare_years`, when its ``summary.json`` was found) and
    the registrations of every published year, this one last (:mod:`thidua.report.history`)."""
    summary = summary_dict(figures)
    previous = (compare_years(summary, plan.previous, plan.registry, figures.unit_names)
                if plan.previous else None)
    history = [row for row in plan.history if row["year"] < plan.year] + [year_row(summary)]
    return replace(figures, previous_year=previous, history=history)


def default_report_date(figures: Figures) -> dt.date:
    """The report's date when none is given: the latest ``Ngày gửi:`` of the used files;
    when none has one, the latest modification date. Taken from the data, never from the
    clock, so that the same inputs always give the same report (a copy or a clone changes
    the files' modification times, not their sent dates)."""
    used = figures.files[figures.files["status"] == "used"]
    sent = [dt.date.fromisoformat(s) for s in used["sent_date"] if isinstance(s, str)]
    if sent:
        return max(sent)
    return max(dt.datetime.fromisoformat(m).date() for m in used["modified"])

