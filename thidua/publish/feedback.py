"""Feedback a unit can act on: one workbook per unit with its rejected rows and files.

Source: issue 3 and ``spec/submission-form.md`` ("Errors": every rejection names file, sheet,
Excel row, column, value found and what is expected). For each unit with a rejection,
``phan-hoi/<unit code>.xlsx`` holds three sheets:

- ``Tóm tắt``: the unit, the year, and each of its files with its status and row counts (one
  line per sheet counted when a file has several);
- ``Dòng bị từ chối``: one line per rejected row: file, sheet, Excel row, the column(s) at
  fault, the value(s) found and the reason(s), then the row exactly as the unit wrote it, under
  the unit's own headers, the faulty cells marked in red;
- ``Lỗi và lưu ý cả tệp``: files rejected as a whole, with the reason, and notes about how a
  file was read (text converted from TCVN3, a value "đã hiểu là …"; named so since a used file
  with notes only is no file in error: fresh tester A).

Files whose unit is unknown go to ``phan-hoi/KHONG-RO-DON-VI.xlsx``. Text is untrusted: every
string is written as a string cell (never a formula, whatever it starts with: ``=``, ``+``,
``-``, ``@``, tab, CR) with Excel's quote prefix, and characters XML cannot hold are dropped.
The bytes are reproducible: same results, same workbook.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Mapping
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from thidua.ingest.files import (
    REJECTED,
    SKIPPED,
    SUPERSEDED,
    USED,
    FileResult,
)
from thidua.ingest.ownfiles import FEEDBACK_COLUMNS, FEEDBACK_SHEETS, FEEDBACK_TITLE
from thidua.ingest.selection import select_submissions
from thidua.ingest.workbook import MIXED
from thidua.publish.atomic import write_atomic
from thidua.publish.latest import FEEDBACK_DIR
from thidua.text import clean_text, xml_text

UNKNOWN_UNIT = "KHONG-RO-DON-VI"
STATUS_TEXT = {USED: "được dùng", SUPERSEDED: "không dùng (đã có tệp mới hơn)",
               REJECTED: "bị từ chối cả tệp"}
ROW_COLUMNS = ["Tệp", "Trang tính", FEEDBACK_COLUMNS[0], FEEDBACK_COLUMNS[1], "Giá trị đã ghi",
               FEEDBACK_COLUMNS[2]]  # (how a feedback workbook sent back is known: ownfiles)
FILE_COLUMNS = ["Tệp", "Trang tính", "Loại", "Nội dung"]
_BOLD = Font(bold=True)
_FAULT = PatternFill("solid", fgColor="FFC7CE")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _unit_key(result: FileResult) -> str:
    return result.unit or UNKNOWN_UNIT


def units_with_rejections(results: list[FileResult]) -> list[str]:
    """Codes (or :data:`UNKNOWN_UNIT`) of the units with a rejected row or file, or with hidden
    rows not counted (issue 9.4: the workbook lists them), or with values read by
    approximation or rows of filled-down values (``FileResult.readings``, issues 9.1 and 16.6:
    the workbook says how they were read), or whose file in use was chosen over a rejected
    newer one or by modification time (``FileResult.choice``, issues 9.7 and 16.2), or with a
    remark on their file (``FileResult.remarks``: a sheet passed over, a missing column…), or
    whose CSV mixes lines of several encodings (the unit is asked to check those lines), sorted;
    superseded files do not
    count (``spec/submission-form.md``, "Corrections")."""
    return sorted({_unit_key(r) for r in results
                   if r.status != SUPERSEDED and (r.status == REJECTED or r.rows["rejected"]
                                                  or r.ignored.get("hidden")
                                                  or r.readings or r.choice or r.remarks
                                                  or r.encoding.startswith(MIXED))})


def _put(ws, row: int, column: int, value: object):
    """Write one cell: strings always as text (never a formula), dates as dates."""
    if isinstance(value, float) and pd.isna(value):
        value = None
    if value is pd.NA or value is pd.NaT:
        value = None
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        cell = ws.cell(row, column, value)
        cell.number_format = "DD/MM/YYYY" if isinstance(value, dt.date) else "HH:MM"
        return cell
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ws.cell(row, column, value)
    if value is None:
        return ws.cell(row, column)
    text = xml_text(str(value))
    cell = ws.cell(row, column)
    cell.value = text
    cell.data_type = "s"  # openpyxl makes "=…" a formula; force a string
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        cell.quotePrefix = True  # Excel keeps it text when the unit edits the cell
    return cell


def _header(ws, row: int, names: list[str]) -> None:
    for c, name in enumerate(names, start=1):
        _put(ws, row, c, name).font = _BOLD


def _widths(ws, widths: dict[int, float]) -> None:
    for c, width in widths.items():
        ws.column_dimensions[get_column_letter(c)].width = width


def _summary_sheet(ws, code: str, name: str, year: int, files: list[FileResult]) -> None:
    _put(ws, 1, 1, f"{FEEDBACK_TITLE} NĂM {year}").font = Font(bold=True, size=13)
    _put(ws, 2, 1, f"Đơn vị: {code}" + (f" – {name}" if name else ""))
    _put(ws, 3, 1, "Sửa từng dòng ở trang 'Dòng bị từ chối' ngay trong tệp của đơn vị (đúng số dòng "
                   "Excel đã ghi), sửa các lỗi ở trang 'Lỗi và lưu ý cả tệp', rồi gửi lại cả tệp; tệp gửi sau "
                   "sẽ thay tệp trước.")
    names = ["Tệp", "Trang tính", "Trạng thái", "Dòng đã đọc", "Hợp lệ", "Bị từ chối", "Bỏ qua"]
    _header(ws, 5, names)
    lines = [[result.file, counts["sheet"], STATUS_TEXT[result.status],
              *(counts[k] for k in ("read", "valid", "rejected", "ignored"))]
             for result in files
             for counts in (result.sheets if len(result.sheets) > 1
                            else [{"sheet": result.sheet, **result.rows}])]
    for r, values in enumerate(lines, start=6):
        for c, value in enumerate(values, start=1):
            _put(ws, r, c, value)
    _widths(ws, {1: 40, 2: 16, 3: 30, 4: 12, 5: 10, 6: 12, 7: 10})


def _row_lines(files: list[FileResult]) -> tuple[list[str], list[tuple[list, set[str]]]]:
    """The original-column headers (union, in order of appearance) and, per rejected row, the
    cells of the line and the original headers at fault."""
    originals: list[str] = []
    for result in files:
        originals += [c for c in result.rejected_rows.columns if c not in originals]
    lines = []
    for result in files:
        problems = result.rejections.dropna(subset=["row"])
        order = {s["sheet"]: i for i, s in enumerate(result.sheets)}
        groups = sorted(problems.groupby(["sheet", "row"], sort=False),
                        key=lambda g: (order.get(g[0][0], 0), int(g[0][1])))
        for (sheet, row), group in groups:
            key = (sheet, int(row))
            raw = result.rejected_rows.loc[key] if key in result.rejected_rows.index \
                else pd.Series(dtype=object)
            columns = list(dict.fromkeys(group["column"]))
            cells = [result.file, sheet, int(row), "; ".join(columns),
                     "\n".join(f"{c}: {v}" if len(columns) > 1 else v
                               for c, v in zip(group["column"], group["value"])),
                     "\n".join(group["error"]),
                     *(raw.get(h) for h in originals)]
            faulty = {result.headers.get(c, c) for c in columns}
            lines.append((cells, faulty))
    return originals, lines


def _rows_sheet(ws, files: list[FileResult]) -> None:
    originals, lines = _row_lines(files)
    _header(ws, 1, ROW_COLUMNS + originals)
    for r, (cells, faulty) in enumerate(lines, start=2):
        for c, value in enumerate(cells, start=1):
            cell = _put(ws, r, c, value)
            cell.alignment = _WRAP
            if c > len(ROW_COLUMNS) and originals[c - len(ROW_COLUMNS) - 1] in faulty:
                cell.fill = _FAULT
    ws.freeze_panes = "D2"
    _widths(ws, {1: 30, 2: 14, 3: 8, 4: 18, 5: 28, 6: 60,
                 **{len(ROW_COLUMNS) + i: 22 for i in range(1, len(originals) + 1)}})


def _file_sheet(ws, files: list[FileResult], used: Mapping[str, str]) -> None:
    _header(ws, 1, FILE_COLUMNS)
    r = 2
    for result in files:
        lines = []
        if result.status == REJECTED:
            still = used.get(result.unit or "")
            lines.append(("Tệp bị từ chối", result.problem + (
                f" Báo cáo vẫn dùng tệp {still} của đơn vị." if still else "")))
        lines += [("Đã hiểu là" if note in result.readings and "đã hiểu là" in note
                   else "Lưu ý", note) for note in result.notes]
        for kind, text in lines:
            for c, value in enumerate([result.file, result.sheet, kind, text], start=1):
                _put(ws, r, c, value).alignment = _WRAP
            r += 1
    _widths(ws, {1: 40, 2: 16, 3: 16, 4: 100})


def _stable_bytes(wb: openpyxl.Workbook, when: dt.datetime) -> bytes:
    """The workbook's bytes with document properties and zip entries dated ``when``."""
    wb.properties.creator = wb.properties.lastModifiedBy = "thidua"
    wb.properties.created = wb.properties.modified = when
    raw = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED)).save()  # wb.save dates it now
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, when.timetuple()[:6]),
                         src.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def unit_workbook(code: str, year: int, files: list[FileResult], name: str = "",
                  used: Mapping[str, str] | None = None) -> bytes:
    """The feedback workbook of one unit (module docstring) as .xlsx bytes.

    ``files``: that unit's results after :func:`thidua.ingest.selection.select_submissions`; ``used``:
    unit code → its file in use (to tell a unit whose new file was rejected which one counts).
    """
    wb = openpyxl.Workbook()
    _summary_sheet(wb.active, code, name, year, files)
    summary, rows, whole = FEEDBACK_SHEETS
    wb.active.title = summary
    reported = [f for f in files if f.status != SUPERSEDED]
    _rows_sheet(wb.create_sheet(rows), [f for f in reported if f.status == USED])
    _file_sheet(wb.create_sheet(whole), reported, used or {})
    return _stable_bytes(wb, dt.datetime(year + 1, 1, 1))


def feedback_workbooks(results: list[FileResult], year: int,
                       unit_names: Mapping[str, str] | None = None,
                       lineage: Mapping[str, frozenset[str]] | None = None) -> dict[str, bytes]:
    """``{unit code: .xlsx bytes}`` for every unit with a rejected row or file
    (:func:`units_with_rejections`); :data:`UNKNOWN_UNIT` gathers the files of no known unit.

    ``results``: every file of the run (the newest file per unit is chosen again here with
    :func:`thidua.ingest.selection.select_submissions`, which leaves chosen results unchanged;
    ``lineage``: its successors, :attr:`thidua.planning.Plan.lineage`).
    """
    selected = [r for r in select_submissions(results, dict(lineage or {}))
                if r.status != SKIPPED]  # no unit's file
    used = {r.unit: r.file for r in selected if r.status == USED and r.unit}
    names = unit_names or {}
    return {code: unit_workbook(code, year, [r for r in selected if _unit_key(r) == code],
                                names.get(code, ""), used)
            for code in units_with_rejections(selected)}


def write_feedback(out_dir: Path, results: list[FileResult], year: int,
                   unit_names: Mapping[str, str] | None = None,
                   lineage: Mapping[str, frozenset[str]] | None = None) -> list[Path]:
    """Write :func:`feedback_workbooks` to ``<out_dir>/phan-hoi/<code>.xlsx`` (atomically) and
    remove the workbooks of an earlier run for units that no longer have a rejection. Returns
    the paths written, sorted. Raises ``OSError`` when the folder cannot be written."""

    folder = out_dir / FEEDBACK_DIR
    books = feedback_workbooks(results, year, unit_names, lineage)
    paths = []
    for code, data in books.items():
        write_atomic(folder / f"{code}.xlsx", data)
        paths.append(folder / f"{code}.xlsx")
    if folder.is_dir():
        for stale in folder.glob("*.xlsx"):
            if stale.stem not in books:
                stale.unlink()
    return sorted(paths)


def unit_overview(files: pd.DataFrame, expected: pd.DataFrame) -> pd.DataFrame:
    """Per unit: what ``thidua validate`` shows.

    ``files``: :func:`thidua.ingest.selection.file_table` of the run (after selection); ``expected``:
    :func:`thidua.ingest.registry.expected_units`. Index ``unit`` (registry order, then units not in
    the registry, then :data:`UNKNOWN_UNIT`); columns ``name`` (str), ``files`` (int: files
    found), ``used`` (str: the file counted, ``""`` if none), ``valid, rejected, ignored``
    (int: rows of the file in use), ``problems`` (str: file-level problems, one per line: of
    rejected files, and of superseded files holding registrations the file in use lacks,
    :func:`thidua.ingest.selection.batch_note`).
    Expected units that sent nothing have a line with ``files == 0``.
    """
    names = dict(zip(expected["code"], expected["name"]))
    frame = files.assign(unit=files["unit"].fillna(UNKNOWN_UNIT).replace("", UNKNOWN_UNIT))
    order = list(expected["code"]) + sorted(set(frame["unit"]) - set(expected["code"]) - {UNKNOWN_UNIT})
    if (frame["unit"] == UNKNOWN_UNIT).any():
        order.append(UNKNOWN_UNIT)
    lines = []
    for code in order:
        mine = frame[frame["unit"] == code]
        used = mine[mine["status"] == USED]
        rejected = mine[(mine["status"] == REJECTED)
                        | ((mine["status"] == SUPERSEDED) & mine["problem"].notna())]
        lines.append({
            "unit": code, "name": names.get(code, ""), "files": len(mine),
            "used": used["file"].iloc[0] if len(used) else "",
            **{k: int(used[k].sum()) for k in ("valid", "rejected", "ignored")},
            "problems": "\n".join(f"{f}: {clean_text(p)}" for f, p in
                                  zip(rejected["file"], rejected["problem"])),
        })
    return pd.DataFrame(lines).set_index("unit")
