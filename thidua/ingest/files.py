"""One unit file, from bytes to registrations and rejections, and the choice among a unit's files.

This is the per-file step the flow maps over. It composes :mod:`thidua.ingest.read`,
:mod:`thidua.ingest.identify`, :mod:`thidua.ingest.normalise` and :mod:`thidua.ingest.validate`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.discover import InputFile
from thidua.ingest.identify import (
    checked_sent_date,
    code_from_filename,
    folder_year,
    parse_title,
    resolve_unit,
    resolve_year,
)
from thidua.ingest.legacy import DECODERS
from thidua.ingest.normalise import IGNORED_REASONS, classify_rows, normalise_rows
from thidua.ingest.read import (
    FORMULA_HINT,
    FileRejected,
    column_labels,
    parse_sheet,
    raw_rows,
    read_bytes,
    title_lines,
)
from thidua.ingest.validate import rejection_frame, validate_rows

#: Statuses of an input file in the manifest (``spec/outputs.md``).
USED, SUPERSEDED, REJECTED = "used", "superseded", "rejected"


@dataclass(frozen=True)
class UnitContext:
    """What a file is checked against: the report year and the registry's codes."""

    year: int
    known_codes: frozenset[str]
    expected_codes: frozenset[str]


@dataclass(frozen=True)
class FileResult:
    """The outcome of one input file.

    ``registrations``: valid rows (:func:`thidua.ingest.normalise.normalise_rows` columns plus
    ``unit``, ``file``, ``sheet``; index: Excel row). ``rejections``: lines of ``rejected.csv``
    (:data:`thidua.ingest.validate.REJECTION_COLUMNS`). ``rows`` counts ``read, valid, rejected,
    ignored`` and ``ignored`` splits the ignored rows by reason. ``rejected_rows``: the rejected
    rows as the unit wrote them (index: Excel row; one object column per column of the
    file's table, in the file's order, named by the file's own header text; values as read,
    after a legacy-encoding conversion). ``encoding``: the text encoding found
    (:attr:`thidua.ingest.read.SheetData.encoding`; ``""`` when the file could not be read).
    ``headers``: the form's header (``rejections.column``) → the file's own header text.
    """

    input: InputFile
    status: str
    unit: str | None = None
    sent_date: dt.date | None = None
    sheet: str = ""
    problem: str | None = None
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("read", "valid", "rejected", "ignored"), 0))
    ignored: dict[str, int] = field(default_factory=dict)
    registrations: pd.DataFrame = field(default_factory=pd.DataFrame)
    rejections: pd.DataFrame = field(default_factory=lambda: rejection_frame([]))
    rejected_rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    encoding: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    remarks: tuple[str, ...] = ()

    @property
    def file(self) -> str:
        """The file's path relative to the raw folder."""
        return self.input.file

    @property
    def notes(self) -> list[str]:
        """What a unit should know about a file that is not an error (Vietnamese)."""
        notes = list(self.remarks)
        if self.encoding in DECODERS:
            notes.append(f"Chữ trong tệp được gõ bằng bảng mã {self.encoding}; đã tự động chuyển "
                         f"sang Unicode. Lần sau đề nghị dùng Unicode (phông Times New Roman).")
        return notes


def _rejected_file(source: InputFile, reason: str, sheet: str = "",
                   unit: str | None = None, encoding: str = "") -> FileResult:
    line = {"file": source.file, "sheet": sheet, "row": None, "column": "", "value": "",
            "error": f"Tệp bị từ chối: {reason}"}
    return FileResult(source, REJECTED, unit=unit, sheet=sheet, problem=reason,
                      rejections=rejection_frame([line]), encoding=encoding)


def ingest_file(source: InputFile, context: UnitContext) -> FileResult:
    """Read, identify, normalise and validate one unit file.

    Never raises for bad input: a file that cannot be used comes back with status
    ``rejected`` and its reason (``problem``) in Vietnamese, also as one line of
    ``rejections`` with an empty row number.
    """
    sheet_name, encoding = "", ""
    try:
        sheet = parse_sheet(read_bytes(source.path), source.path.suffix)
        sheet_name, encoding = sheet.sheet, sheet.encoding
        raw = raw_rows(sheet)
        title = parse_title(title_lines(sheet))
        folder = folder_year(source.path, source.file) or context.year
        year = resolve_year(title, folder, context.year)
        labels = classify_rows(raw)
        data = raw[labels == "data"]
        unit = resolve_unit(data["unit_code"] if "unit_code" in data else pd.Series(dtype="str"),
                            title, source.path, set(context.known_codes),
                            set(context.expected_codes), year)
        if not (labels == "data").any():
            raise FileRejected(f"Không có dòng đăng ký nào dưới dòng tiêu đề. {FORMULA_HINT}")
    except FileRejected as exc:
        unit = code_from_filename(source.path, set(context.known_codes))
        return _rejected_file(source, str(exc), sheet_name, unit, encoding)
    rows = normalise_rows(data)
    valid, rejections = validate_rows(rows, data, year=year, file=source.file, sheet=sheet.sheet)
    valid = valid.assign(unit=unit, file=source.file, sheet=sheet.sheet)
    headers = column_labels(sheet)
    rejected_rows = raw.loc[sorted(rejections["row"].dropna().unique().astype(int)), list(headers)]
    ignored = labels[labels != "data"].value_counts()
    counts = {"read": len(raw), "valid": len(valid),
              "rejected": int(rejections["row"].nunique()), "ignored": int(ignored.sum())}
    sent, remark = checked_sent_date(title, year)
    return FileResult(source, USED, unit=unit, sent_date=sent, sheet=sheet.sheet,
                      remarks=(remark,) if remark else (),
                      rows=counts, ignored={r: int(ignored.get(r, 0)) for r in IGNORED_REASONS},
                      registrations=valid, rejections=rejections,
                      rejected_rows=rejected_rows.rename(columns=headers), encoding=sheet.encoding,
                      headers={BY_NAME[n].header: h for n, h in headers.items() if n in BY_NAME})


def _recency(result: FileResult) -> tuple:
    """Sort key of ``spec/submission-form.md`` "Corrections": sent date, else mtime, else name."""
    sent = result.sent_date or result.input.modified.date()
    return (sent, result.input.modified, result.file)


def select_submissions(results: list[FileResult]) -> list[FileResult]:
    """Mark all but the newest usable file of each unit as ``superseded``.

    A rejected file never supersedes a usable one. Returns the results in the input order.
    """
    newest: dict[str, FileResult] = {}
    for result in results:
        if result.status == USED:
            best = newest.get(result.unit)
            if best is None or _recency(result) > _recency(best):
                newest[result.unit] = result
    chosen = {id(r) for r in newest.values()}
    return [replace(r, status=SUPERSEDED) if r.status == USED and id(r) not in chosen else r
            for r in results]


FILE_COLUMNS = ["file", "sha256", "size", "modified", "unit", "sent_date", "status", "sheet",
                "encoding", "problem", "read", "valid", "rejected", "ignored"]


def file_table(results: list[FileResult]) -> pd.DataFrame:
    """One row per input file, in input order, with :data:`FILE_COLUMNS`.

    ``unit``, ``sent_date`` (ISO date str), ``sheet``, ``problem`` may be <NA>; ``encoding``
    is :attr:`FileResult.encoding`; the row
    counts are int64 and are the file's own (also for superseded files).
    """
    records = [{
        "file": r.file, "sha256": r.input.sha256, "size": r.input.size,
        "modified": r.input.modified.isoformat(), "unit": r.unit,
        "sent_date": r.sent_date.isoformat() if r.sent_date else None, "status": r.status,
        "sheet": r.sheet, "encoding": r.encoding, "problem": r.problem, **r.rows,
    } for r in results]
    frame = pd.DataFrame.from_records(records, columns=FILE_COLUMNS)
    return frame.astype({k: "int64" for k in ("size", "read", "valid", "rejected", "ignored")})
