"""What a run shows in the Prefect UI: a Markdown summary and a table of rejections per unit.

Pure functions: they build the artifacts' content from ``summary.json`` (a dict,
:func:`thidua.report.figures.summary_dict`), the rejections and the published version;
:mod:`flows.annual_report` hands them to Prefect under :func:`artifact_keys`, which are the same
every year but for the year, so that the UI lists one history per key.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pandas as pd

from schemas.form import FIELDS, LEVELS
from thidua.publish.published import (
    PublishedVersion,
    load_published,
    read_rejections,
    read_summary,
)
from thidua.settings import default_out_dir
from thidua.report.formatting import NOT_DATA_HEADING, number, percent

#: Prefect's rule for an artifact key: lowercase letters, digits and dashes.
KEY_PATTERN = re.compile(r"^[a-z0-9-]+$")

#: Column headers of the rejections table, in order.
REJECTION_TABLE_COLUMNS = ["Mã đơn vị", "Đơn vị", "Dòng bị từ chối", "Tệp bị từ chối", "Số lỗi"]

UNKNOWN_UNIT = "(không xác định)"


def artifact_keys(year: int, out_dir: Path | None = None) -> dict[str, str]:
    """``{"summary": "dan-van-kheo-<year>-tom-tat", "rejections": "dan-van-kheo-<year>-tu-choi"}``
    for the year's default output folder; runs into another folder (``out_dir`` not
    :func:`thidua.settings.default_out_dir`) get keys of their own,
    ``dan-van-kheo-<year>-<8 hex of the folder's path>-…``, so that their histories never mix
    in the Prefect UI (issue 13.6).

    Raises ``ValueError`` if a key would break Prefect's rule (:data:`KEY_PATTERN`).
    """
    stem = f"dan-van-kheo-{year}"
    if out_dir is not None and out_dir.resolve() != default_out_dir(int(year)).resolve():
        stem += "-" + hashlib.sha256(str(out_dir.resolve()).encode()).hexdigest()[:8]
    keys = {"summary": f"{stem}-tom-tat", "rejections": f"{stem}-tu-choi"}
    bad = [k for k in keys.values() if not KEY_PATTERN.match(k)]
    if bad:
        raise ValueError(f"Khóa artifact không hợp lệ: {bad}")
    return keys


#: Every ASCII punctuation character CommonMark lets a backslash escape: escaped, text from
#: units' files (file names, unit names, change lines) shows as typed and never becomes a
#: link, an image, emphasis, a heading or HTML in the Prefect UI (issue 13.2).
_MARKDOWN = re.compile(r"""([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])""")


def inert(value: object) -> str:
    """``value`` as Markdown text that renders as itself: punctuation backslash-escaped, line
    breaks flattened."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(value).splitlines()))


def _cell(value: object) -> str:
    """A Markdown table cell of the program's own labels and numbers: pipes escaped, line
    breaks flattened."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]], right_from: int = 1) -> list[str]:
    align = ["---" if i < right_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _version_lines(published: PublishedVersion | None) -> list[str]:
    if published is None:
        return ["Chưa xác định được bản đã xuất bản."]
    lines = [f"**Bản số {published.version}**"
             + (f", thay thế bản số {published.replaces['version']} ngày "
                f"{published.replaces.get('date', '')}." if published.replaces else ".")]
    if published.changes:
        lines += ["", "Thay đổi so với bản trước:", ""]
        lines += [f"- {inert(change)}" for change in published.changes]
    if published.date_change:
        lines += ["", f"{NOT_DATA_HEADING}:", "", f"- {inert(published.date_change)}"]
    return lines


def summary_markdown(summary: dict, published: PublishedVersion | None, out_dir: Path,
                     unit_names: dict[str, str] | None = None) -> str:
    """The run's summary as Markdown (Vietnamese): version and changes, registrations by field
    and by level (collective, individual, total), the units that sent (and those missing),
    rows read/valid/rejected/ignored, files used/superseded/rejected, and where the outputs are.

    ``summary``: ``summary.json`` as a dict (keys of ``spec/outputs.md``; ``files`` optional).
    ``unit_names``: code → name, to name the missing units.
    """
    year, reg = summary["year"], summary["registrations"]
    n = number
    lines = [f"# Báo cáo “Dân vận khéo” năm {year}", "", *_version_lines(published), "",
             f"Tổng số **{n(reg['total'])}** mô hình đăng ký: {n(reg['collective'])} tập thể, "
             f"{n(reg['individual'])} cá nhân.", "", "## Theo lĩnh vực", ""]
    rows = [[label, n(c["collective"]), n(c["individual"]), n(c["collective"] + c["individual"])]
            for code, label in FIELDS.items() for c in [summary["by_field"][code]]]
    rows.append(["**Tổng**", n(reg["collective"]), n(reg["individual"]), n(reg["total"])])
    lines += _table(["Lĩnh vực", "Tập thể", "Cá nhân", "Tổng"], rows)
    lines += ["", "## Theo cấp", ""]
    level_rows = [[label, n(c["collective"]), n(c["individual"]), n(c["collective"] + c["individual"])]
                  for code, label in LEVELS.items() for c in [summary["by_level"][code]]]
    level_rows.append(["**Tổng**", n(reg["collective"]), n(reg["individual"]), n(reg["total"])])
    lines += _table(["Cấp", "Tập thể", "Cá nhân", "Tổng"], level_rows)
    units = summary["units"]
    lines += ["", "## Đơn vị gửi báo cáo", "",
              f"{units['submitted']}/{units['expected']} đơn vị đã gửi tệp dùng được "
              f"({percent(units['submitted'], units['expected'])})."]
    if units["missing"]:
        names = unit_names or {}
        missing = ", ".join(f"{c} ({names[c]})" if c in names else c for c in units["missing"])
        lines.append(f"Chưa gửi hoặc không dùng được: {inert(missing)}.")
    rows_, files = summary["rows"], summary.get("files")
    lines += ["", "## Dòng và tệp", ""]
    table = [["Dòng đã đọc", n(rows_["read"])], ["Dòng hợp lệ", n(rows_["valid"])],
             ["Dòng bị từ chối", n(rows_["rejected"])], ["Dòng bỏ qua", n(rows_["ignored"])]]
    if files:
        table += [["Tệp nhận được", n(files["found"])], ["Tệp được dùng", n(files["used"])],
                  ["Tệp bị thay thế", n(files["superseded"])],
                  ["Tệp bị từ chối", n(files["rejected"])]]
    lines += _table(["", "Số"], table)
    lines += ["", "## Kết quả", "", f"- Thư mục kết quả: `{out_dir}`"]
    if published is not None:
        lines += [f"- Báo cáo: `{published.pdf}` (SHA-256 `{published.pdf_sha256}`)"]
    return "\n".join(lines) + "\n"


def rejections_by_unit(rejections: pd.DataFrame,
                       unit_names: dict[str, str] | None = None) -> list[dict[str, object]]:
    """One row per unit with any rejection, most rejected rows first (then rejected files,
    then code); files whose unit could not be told come last.

    ``rejections``: the lines of ``rejected.csv`` with a ``unit`` column (``""`` when the
    unit could not be told), as :func:`thidua.publish.published.read_rejections` or
    :attr:`thidua.report.figures.Figures.rejections`; a line with an empty ``row`` (NA or ``""``) is a
    rejected file. Returns dicts with :data:`REJECTION_TABLE_COLUMNS` as keys: rows rejected
    (distinct file, sheet and row), files rejected, and error lines.
    """
    if rejections.empty:
        return []
    names = unit_names or {}
    row = rejections["row"]
    frame = rejections.assign(unit=rejections["unit"].fillna("").astype(str),
                              is_file=row.isna() | (row.astype(str).str.strip() == ""))
    table = []
    for unit, lines in frame.groupby("unit", sort=False):
        row_lines = lines[~lines["is_file"]]
        table.append({
            "Mã đơn vị": unit or UNKNOWN_UNIT,
            "Đơn vị": names.get(unit, ""),
            "Dòng bị từ chối": int(len(row_lines[["file", "sheet", "row"]].drop_duplicates())),
            "Tệp bị từ chối": int(lines.loc[lines["is_file"], "file"].nunique()),
            "Số lỗi": int(len(lines)),
        })
    return sorted(table, key=lambda r: (r["Mã đơn vị"] == UNKNOWN_UNIT, -r["Dòng bị từ chối"],
                                        -r["Tệp bị từ chối"], r["Mã đơn vị"]))


def build_artifacts(out_dir: Path, year: int, unit_names: dict[str, str] | None = None,
                    ) -> tuple[str, list[dict[str, object]]]:
    """``(summary Markdown, rejections table)`` of the latest version published in
    ``out_dir``, read from its own files (so a run that published nothing new shows the
    version in force). Raises :class:`thidua.publish.published.NotPublished` when there is none."""
    published = load_published(out_dir, year)
    return (summary_markdown(read_summary(published), published, out_dir, unit_names),
            rejections_by_unit(read_rejections(published), unit_names))
