"""The annual report's steps as plain functions, top to bottom in the order data flows:

1. ``plan_run``           ingest: the registry and the files found (:mod:`thidua.ingest`)
2. ``ingest``             ingest: one file, from bytes to registrations and rejections
3. ``aggregate_results``  report: the newest file per unit, counted (:mod:`thidua.report`)
4. ``draft_version``      publish: the version's number, date and changes (:mod:`thidua.publish`)
5. ``render``             report: the PDF
6. ``publish``            publish: the version's files, written atomically

:mod:`flows.annual_report` wraps each in one Prefect task; tests call them directly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterator
from zoneinfo import ZoneInfo

import filelock
import pandas as pd

from thidua.errors import NothingToReport
from thidua.ingest.discover import InputFile, discover_files, sha256_of
from thidua.ingest.files import FileResult, UnitContext, ingest_file, ingest_files
from thidua.ingest.selection import select_submissions
from thidua.ingest.registry import RegistryError, expected_units, load_registry
from thidua.publish.feedback import FEEDBACK_DIR, feedback_workbooks
from thidua.publish.outputs import (
    MANIFEST,
    attached_files,
    data_outputs,
    json_bytes,
    manifest_dict,
    manifest_with_pdf,
    output_hashes,
    publish_version,
)
from thidua.publish.latest import plan_fingerprint
from thidua.publish.versions import (
    Version,
    compare,
    date_change,
    describe_changes,
    program_sha256,
    version_dir,
)
from thidua.report.comparison import PreviousUnusable, compare_years, read_previous
from thidua.report.figures import Figures, compute_figures, summary_dict
from thidua.report import appendix
from thidua.report.document_settings import (
    DEFAULT_SETTINGS,
    DocumentSettings,
    SettingsError,
    load_document_settings,
)
from thidua.report.formatting import decree_date
from thidua.report.history import read_history, summaries_read, year_row
from thidua.report.render import ReportMeta, meta_from_settings, render_report
from thidua.settings import report_filename
from thidua.settings import TIMEZONE
from thidua.reasons import os_reason

LOCK_FILE = ".thidua.lock"


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
    ``summary.json``.
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
    selected = select_submissions(results)
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


@dataclass(frozen=True)
class Draft:
    """A version about to be published: its number, its report's meta (version line and
    changes) and its manifest without the outputs' hashes."""

    number: int
    meta: ReportMeta
    manifest: dict


def replacing_date(started: dt.datetime, previous: Version) -> dt.date:
    """The date of a version that replaces ``previous``, when none is given: the day it is
    built in Hà Nội (:data:`thidua.settings.TIMEZONE`), and never on or before the date of
    the version it replaces (issue 13.3): built the same day, it is dated the day after."""
    built = started.astimezone(ZoneInfo(TIMEZONE)).date()
    replaced = dt.date.fromisoformat(previous.manifest["report_date"])
    return max(built, replaced + dt.timedelta(days=1))


def draft_version(plan: Plan, figures: Figures, previous: Version | None,
                  report_date: dt.date | None, started: dt.datetime) -> Draft:
    """Number the next version, date it and say what changed since ``previous``
    (:func:`thidua.publish.versions.compare`). The date: ``report_date`` when given; else
    the first version's is the latest sent date of the files used
    (:func:`default_report_date`), a later version's the day it is built
    (:func:`replacing_date`)."""
    number = previous.number + 1 if previous else 1
    day = report_date or (replacing_date(started, previous) if previous
                          else default_report_date(figures))
    manifest = manifest_dict(figures, plan.registry_sha256, started)
    manifest["program_sha256"] = plan.program
    manifest["report_date"] = day.isoformat()
    names = plan.unit_names
    manifest["unit_names"] = names  # what `thidua diff` names the units by (issue 13.5)
    changes = (compare(previous, manifest, summary_dict(figures)) if previous
               else pd.DataFrame())
    replaces = ({"version": previous.number, "date": previous.manifest["report_date"]}
                if previous else None)
    manifest.update({
        "version": number, "replaces": replaces,
        "fingerprint": _complete(figures, plan.fingerprint(report_date, read_inputs(figures.files))),
        "changes": describe_changes(changes, names) if previous else [],
        "date_change": date_change(changes) if previous else None,  # said apart
    })
    meta = ReportMeta(
        **(meta_from_settings(plan.settings) if plan.settings else {}),
        year=plan.year, report_date=day, version=number,
        replaces=dt.date.fromisoformat(replaces["date"]) if replaces else None,
        replaces_version=previous.number if previous else None,
        changes=manifest["changes"], date_change=manifest["date_change"])
    return Draft(number, meta, manifest)


#: Marks the fingerprint of a version in which the reader failed on some file (crash, time or
#: memory: :attr:`FileResult.transient`): such a version never counts as "unchanged", so the
#: next run reads those files again (issue 9.6).
INCOMPLETE = "incomplete-"


def _complete(figures: Figures, fingerprint: str) -> str:
    """``fingerprint``, marked :data:`INCOMPLETE` when a file's reading failed for want of
    time or memory or by a crash."""
    return INCOMPLETE + fingerprint if figures.files["transient"].any() else fingerprint


def render(figures: Figures, meta: ReportMeta | None = None,
           attachments: dict[str, bytes] | None = None) -> bytes:
    """The PDF/A-3b bytes of the report with ``attachments`` (file name → bytes; see
    :func:`thidua.report.render.render_report`); without ``meta``, an unversioned report dated
    :func:`default_report_date`."""
    meta = meta or ReportMeta(year=figures.year, report_date=default_report_date(figures))
    return render_report(figures, meta, attachments)


def prepare_outputs(plan: Plan, results: list[FileResult], figures: Figures,
                    draft: Draft) -> dict[str, bytes]:
    """The version's files but the PDF, as ``{file name: bytes}``: ``summary.json``,
    ``rejected.csv``, the exemplary models' appendix (:func:`appendix_outputs`),
    ``phan-hoi/<unit>.xlsx`` for each unit with a problem
    (:func:`thidua.publish.feedback.feedback_workbooks`), and ``manifest.json`` listing them
    all but the PDF: the copy attached inside the PDF (``spec/outputs.md``, "The manifest
    inside the PDF"). :func:`attachments` picks the three files the PDF carries."""
    feedback = feedback_workbooks(results, plan.year, plan.unit_names)
    outputs = data_outputs(figures)
    outputs.update(appendix_outputs(figures, draft.meta, plan.unit_names))
    outputs.update({f"{FEEDBACK_DIR}/{code}.xlsx": data for code, data in feedback.items()})
    outputs[MANIFEST] = json_bytes({**draft.manifest, "outputs": output_hashes(outputs)})
    return outputs


def attachments(outputs: dict[str, bytes]) -> dict[str, bytes]:
    """``summary.json``, ``rejected.csv`` and ``manifest.json`` of :func:`prepare_outputs`:
    what the PDF carries as associated files (:func:`thidua.publish.outputs.attached_files`)."""
    return attached_files(outputs)


def publish(plan: Plan, results: list[FileResult], figures: Figures, draft: Draft, pdf: bytes,
            out_dir: Path, outputs: dict[str, bytes] | None = None) -> list[Path]:
    """Publish ``draft`` as ``versions/v<N>/`` (PDF, ``summary.json``, ``rejected.csv``,
    ``manifest.json``, and ``phan-hoi/<unit>.xlsx`` for each unit with a problem,
    :func:`thidua.publish.feedback.feedback_workbooks`) and copy it to the top of ``out_dir``
    (:func:`thidua.publish.outputs.publish_version`). Raises :class:`NothingToReport` when the
    output folder is not writable. ``outputs``: :func:`prepare_outputs` (made here when not
    given); the published ``manifest.json`` is its manifest with the PDF's entry first in
    ``outputs`` (:func:`thidua.publish.outputs.manifest_with_pdf`)."""
    outputs = dict(outputs or prepare_outputs(plan, results, figures, draft))
    name = report_filename(plan.year)
    files = {name: pdf, **{k: v for k, v in outputs.items() if k != MANIFEST},
             MANIFEST: manifest_with_pdf(outputs[MANIFEST], name, pdf)}
    try:
        return publish_version(out_dir, version_dir(out_dir, draft.number), files)
    except OSError as exc:
        raise NothingToReport(f"Không ghi được kết quả vào {out_dir}: {os_reason(exc)}") from exc


def appendix_outputs(figures: Figures, meta: ReportMeta, names: dict[str, str]) -> dict[str, bytes]:
    """The exemplary models as ``phu-luc-tieu-bieu.xlsx`` (always) and, above
    :data:`thidua.report.appendix.INLINE_MAX` models, ``phu-luc-tieu-bieu.pdf``, which the
    report then names instead of listing them (:mod:`thidua.report.appendix`)."""
    rows = appendix.exemplary_rows(figures.registrations, names)
    outputs = {appendix.WORKBOOK: appendix.exemplary_workbook(rows)}
    if len(rows) > appendix.INLINE_MAX:
        outputs[appendix.PDF] = appendix.appendix_pdf(
            rows, f"Báo cáo số {meta.number}/BC-LĐLĐ, {decree_date(meta.report_date)}",
            f"“Dân vận khéo” năm {meta.year}", meta.report_date.isoformat())
    return outputs


# --- What the flow needs around the steps: the cache key of a file's reading, the year's lock


class ContentChanged(Exception):
    """The bytes read from a file are not those its cache key was made from; ``sha256`` is
    the hash of the bytes read. Raised so that the result is never stored under that key."""

    def __init__(self, file: str, sha256: str):
        super().__init__(f"{file}: nội dung đã thay đổi sau khi liệt kê tệp")
        self.file, self.sha256 = file, sha256


class NotCached(Exception):
    """A result that must not be stored under a cache key (``result``: the file's
    :class:`FileResult`): the reader crashed or ran out of time or memory
    (:attr:`FileResult.transient`), which depends on the machine, not only on the file."""

    def __init__(self, result: FileResult):
        super().__init__(f"{result.file}: {result.problem}")
        self.result = result


def ingest_checked(source: InputFile, context: UnitContext) -> FileResult:
    """:func:`ingest`, refusing a result whose bytes are not the ones ``source.sha256`` (the
    cache key's hash) says: raises :class:`ContentChanged` (issue 9.9). A cache keyed on the
    discovered hash can then never hold, nor serve, figures of other content. Raises
    :class:`NotCached` for a rejection that depends on the machine (issue 9.6)."""
    return checked(source, ingest(source, context))


def ingest_many(sources: list[InputFile], context: UnitContext) -> list[FileResult]:
    """:func:`ingest` of each file, their rows checked together
    (:func:`thidua.ingest.files.ingest_files`, issue 10); in order, each result the one
    :func:`ingest` gives its file alone."""
    return ingest_files(sources, context)


def checked(source: InputFile, result: FileResult) -> FileResult:
    """``result`` of reading ``source``, as :func:`ingest_checked` lets it through: raises
    :class:`ContentChanged` when its bytes are not those of ``source.sha256``,
    :class:`NotCached` when it depends on the machine."""
    if result.sha256 != source.sha256:
        raise ContentChanged(source.file, result.sha256)
    if result.transient:
        raise NotCached(result)
    return result


def ingest_cache_key(source: InputFile, context: UnitContext, program: str) -> str:
    """The cache key of one file's reading: its content (SHA-256) and name as shown in
    messages, what it is checked against (the year and the whole unit context: the registry's
    codes, the accepted units' names, which find a unit named in a title or a later sheet, and
    their validity periods, named in messages) and the program. A changed file, registry or
    program never reuses an old result; an unchanged one always can."""
    codes = ",".join(sorted(context.known_codes)) + "|" + ",".join(sorted(context.accepted_codes))
    units = repr((sorted(context.names), sorted(context.periods)))
    scope = hashlib.sha256(f"{source.file}|{context.year}|{codes}|{units}|{program}".encode()
                           ).hexdigest()
    return f"ingest-{source.sha256}-{scope[:32]}"


@contextmanager
def year_lock(out_dir: Path, timeout: float) -> Iterator[None]:
    """Hold the year's lock (``<out_dir>/.thidua.lock``) for one run: a second run for the
    same year waits up to ``timeout`` seconds, then raises :class:`NothingToReport`."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise NothingToReport(f"Không ghi được kết quả vào {out_dir}: {os_reason(exc)}") from exc
    lock = filelock.FileLock(out_dir / LOCK_FILE)
    try:
        lock.acquire(timeout=timeout)
    except filelock.Timeout as exc:
        raise NothingToReport(f"Một lần chạy khác đang ghi báo cáo vào {out_dir}; hãy chờ lần "
                              f"đó xong rồi chạy lại.") from exc
    except OSError as exc:
        raise NothingToReport(f"Không ghi được kết quả vào {out_dir}: {os_reason(exc)}") from exc
    try:
        yield
    finally:
        lock.release()
