"""Checking a year's files without rendering: what ``thidua validate`` does, as plain functions.

Reads every file (:func:`thidua.ingest.files.ingest_file`), picks the newest per unit, counts
(:func:`thidua.report.figures.compute_figures`) and gives one line per unit
(:func:`thidua.publish.feedback.unit_overview`). No Prefect, no PDF.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from thidua.ingest.files import REJECTED, SKIPPED, FileResult, ingest_file
from thidua.ingest.selection import select_submissions
from thidua.pipeline import Plan, plan_run
from thidua.publish.feedback import UNKNOWN_UNIT, unit_overview
from thidua.report.figures import Figures, compute_figures
from thidua.report.formatting import number, short_name


@dataclass(frozen=True)
class Check:
    """A checked year: the plan, every file's result (after selection), the figures and the
    per-unit overview (:func:`thidua.publish.feedback.unit_overview`)."""

    plan: Plan
    results: list[FileResult]
    figures: Figures
    overview: pd.DataFrame

    @property
    def rejected_files(self) -> int:
        return sum(r.status == REJECTED for r in self.results)

    @property
    def anything_rejected(self) -> bool:
        """Whether a row of a file in use, or a whole file, was rejected."""
        return self.rejected_files > 0 or self.figures.rows["rejected"] > 0


def read_each(plan: Plan) -> list[FileResult]:
    """Every file of ``plan`` read in turn (:func:`thidua.ingest.files.ingest_file`), no cache."""
    return [ingest_file(source, plan.context) for source in plan.files]


def check_year(year: int, raw_dir: Path, registry_path: Path, as_of: dt.date | None = None,
               read: Callable[[Plan], list[FileResult]] = read_each) -> Check:
    """Check every file of ``raw_dir`` for ``year``; ``read`` gives each file's result in the
    plan's order (default :func:`read_each`; ``thidua validate`` passes the run's cached,
    parallel reading, :func:`thidua.runner.ingest_all`). Raises
    :class:`thidua.pipeline.NothingToReport` when nothing can be checked (no folder, no file,
    an unusable registry)."""
    plan = plan_run(year, raw_dir, registry_path, as_of=as_of)
    results = select_submissions(read(plan), plan.lineage)
    figures = compute_figures(year, results, plan.expected)
    submitted = figures.files[figures.files["status"] != SKIPPED]  # skipped: no unit's file
    return Check(plan, results, figures, unit_overview(submitted, plan.expected))


def overview_table(check: Check) -> Table:
    """The per-unit table printed by ``thidua validate`` (rich): the unit's code and its name
    as the report's tables abbreviate it (:func:`thidua.report.formatting.short_name`; issue
    13.5), files, rows valid / rejected / ignored, the files' problems."""
    table = Table(title=f"Kiểm tra tệp đăng ký năm {check.plan.year}", show_lines=False)
    for name, justify in (("Mã", "left"), ("Đơn vị", "left"), ("Tệp", "right"), ("Hợp lệ", "right"),
                          ("Bị từ chối", "right"), ("Bỏ qua", "right"),
                          ("Vấn đề của tệp", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    for unit, line in check.overview.iterrows():
        problems = line["problems"] or ("chưa gửi tệp" if line["files"] == 0 else "")
        style = "red" if line["rejected"] or line["problems"] else None
        label = (short_name(line["name"]) if line["name"] else
                 "không rõ đơn vị" if unit == UNKNOWN_UNIT else "không có trong danh mục")
        table.add_row(Text(unit), Text(label), str(line["files"]), number(line["valid"]),  # text from files
                      number(line["rejected"]), number(line["ignored"]), Text(problems),  # is inert
                      style=style)
    rows = check.figures.rows
    skipped = [r for r in check.results if r.status == SKIPPED]
    table.caption = (f"{len(check.results) - len(skipped)} tệp, {check.rejected_files} tệp bị "
                     f"từ chối" + (f", {len(skipped)} tệp bỏ qua không đọc (tệp tạm, tệp ẩn, tệp "
                                   f"khóa…: " + escape(", ".join(r.file for r in skipped)) + ")"
                                   if skipped else "") + "; dòng: "
                     f"{number(rows['read'])} đã đọc, {number(rows['valid'])} hợp lệ, "
                     f"{number(rows['rejected'])} bị từ chối, {number(rows['ignored'])} bỏ qua.")
    return table
