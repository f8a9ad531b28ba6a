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
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from thidua.errors import NothingToReport
from thidua.filecache import (ContentChanged, NotCached, checked, ingest_cache_key,
                              ingest_checked, ingest_many)
from thidua.ingest.files import FileResult
from thidua.planning import (Plan, aggregate_results, default_report_date, ingest, plan_run,
                             read_inputs, with_other_years)
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
from thidua.publish.versions import (
    Version,
    compare,
    date_change,
    describe_changes,
    version_dir,
)
from thidua.report.figures import Figures, summary_dict
from thidua.report import appendix
from thidua.report.formatting import decree_date
from thidua.report.render import ReportMeta, meta_from_settings, render_report
from thidua.report.partcache import PartCache
from thidua.settings import report_filename
from thidua.settings import TIMEZONE
from thidua.reasons import os_reason
from thidua.yearlock import LOCK_FILE, year_lock

#: The steps' names as the flow and the tests call them (``pipeline.plan_run`` …): planning
#: and counting are :mod:`thidua.planning`'s, a reading's cache key :mod:`thidua.filecache`'s,
#: the year's lock :mod:`thidua.yearlock`'s; drafting, rendering and publishing are here.
__all__ = ["ContentChanged", "Draft", "LOCK_FILE", "NotCached", "NothingToReport", "Plan",
           "aggregate_results", "appendix_outputs", "attachments", "checked",
           "default_report_date", "draft_version", "ingest", "ingest_cache_key",
           "ingest_checked", "ingest_many", "plan_run", "prepare_outputs", "publish",
           "read_inputs", "render", "replacing_date", "with_other_years", "year_lock"]


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
           attachments: dict[str, bytes] | None = None, parts: PartCache | None = None) -> bytes:
    """The PDF/A-3b bytes of the report with ``attachments`` (file name → bytes; see
    :func:`thidua.report.render.render_report`); without ``meta``, an unversioned report dated
    :func:`default_report_date`. ``parts``: the parts rendered by the run before
    (:class:`thidua.report.partcache.PartCache`), reused where their HTML is the same."""
    meta = meta or ReportMeta(year=figures.year, report_date=default_report_date(figures))
    return render_report(figures, meta, attachments, cache=parts)


def prepare_outputs(plan: Plan, results: list[FileResult], figures: Figures,
                    draft: Draft) -> dict[str, bytes]:
    """The version's files but the PDF, as ``{file name: bytes}``: ``summary.json``,
    ``rejected.csv``, the exemplary models' appendix (:func:`appendix_outputs`),
    ``phan-hoi/<unit>.xlsx`` for each unit with a problem
    (:func:`thidua.publish.feedback.feedback_workbooks`), and ``manifest.json`` listing them
    all but the PDF: the copy attached inside the PDF (``spec/outputs.md``, "The manifest
    inside the PDF"). :func:`attachments` picks the three files the PDF carries."""
    feedback = feedback_workbooks(results, plan.year, plan.unit_names, plan.lineage)
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

