"""One unit file, from bytes to registrations and rejections (the choice among a unit's files
is :mod:`thidua.ingest.selection`'s).

This is the per-file step the flow maps over. It composes :mod:`thidua.ingest.read`,
:mod:`thidua.ingest.identify`, :mod:`thidua.ingest.normalise` and :mod:`thidua.ingest.validate`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace

import pandas as pd

from thidua.ingest.discover import InputFile
from thidua.ingest.identify import (
    NO_UNIT,
    TitleBlock,
    checked_sent_date,
    code_from_filename,
    code_note,
    folder_year,
    parse_title,
    resolve_unit,
    resolve_year,
    title_of_year,
)
from thidua.ingest.legacy import DECODERS
from thidua.ingest.workbook import MIXED
from thidua.ingest.registry import accepted_units, ended_units, validity_text
from thidua.ingest.unitend import after_end_note
from thidua.ingest.isolation import ReaderFailed, parse_isolated
from thidua.ingest.discover import form_suffix
from thidua.ingest.ownfiles import OWN_FEEDBACK, is_feedback
from thidua.ingest.read import FORMULA_HINT, FileRejected, FileSheets, read_bytes, title_rows
from thidua.ingest.sheetrows import (SheetCheck, SheetOutcome, SheetRows, check_sheets,
                                     label_rows, unit_codes)
from thidua.ingest.sheetsjoin import combined as combined_sheets
from thidua.ingest.unitnames import other_unit_named, sheet_name_note
from thidua.ingest.unitcodes import nameless_note
from thidua.ingest.unitcolumn import unit_code_column, unit_names_as_codes
from thidua.ingest.validate import rejection_frame
from thidua.ingest.cellrules import all_hidden_reason, check_not_all_formulas
from thidua.ingest.othercopies import copies_of_other_units
from thidua.ingest.sheettitle import sheets_of_other_years
from thidua.ingest.titlelines import check_title_lines
from thidua.ingest.titleblock import year_remark

#: Statuses of an input file in the manifest (``spec/outputs.md``); ``skipped``: not a
#: submission, never read (:attr:`thidua.ingest.discover.InputFile.skipped`, issue 9.8).
USED, SUPERSEDED, REJECTED, SKIPPED = "used", "superseded", "rejected", "skipped"


@dataclass(frozen=True)
class UnitContext:
    """What a file is checked against: the report year and the registry's codes.

    ``known_codes``: every code of the registry; ``accepted_codes``: the units valid on at
    least one day of ``year`` (:func:`thidua.ingest.registry.accepted_units`), whose files are
    counted; ``periods``: ``(code, validity in Vietnamese)`` pairs
    (:func:`thidua.ingest.registry.validity_text`), for the message rejecting a file of a unit
    that did not exist in ``year`` (``spec/unit-registry.md``); ``names``: ``(code, name)`` of
    the accepted units, to find a unit its title names but does not code
    (:func:`thidua.ingest.identify.unit_by_name`)."""

    year: int
    known_codes: frozenset[str]
    accepted_codes: frozenset[str]
    periods: tuple[tuple[str, str], ...] = ()
    names: tuple[tuple[str, str], ...] = ()  # (code, name) of the accepted units
    #: ``(code, last day)`` of the accepted units that end during ``year``
    #: (:func:`thidua.ingest.registry.ended_units`; also said by ``periods``, in the cache key).
    ends: tuple[tuple[str, dt.date], ...] = ()

    @classmethod
    def for_year(cls, registry: pd.DataFrame, year: int) -> "UnitContext":
        """The context of ``year`` from a loaded registry
        (:func:`thidua.ingest.registry.load_registry`)."""
        accepted = accepted_units(registry, year)
        return cls(year, frozenset(registry["code"]), frozenset(accepted["code"]),
                   tuple(sorted(validity_text(registry).items())),
                   tuple(sorted(dict(zip(accepted["code"], accepted["name"])).items())),
                   tuple(sorted(ended_units(registry, year).items())))


@dataclass(frozen=True)
class FileResult:
    """The outcome of one input file.

    ``registrations``: valid rows (:func:`thidua.ingest.normalise.normalise_rows` columns plus
    ``unit``, ``file``, ``sheet``; index: Excel row, repeated when several sheets count).
    ``sheet``: the first sheet counted (whose title block names the unit); ``sheets``: one dict
    per sheet counted, in workbook order, ``{sheet, read, valid, rejected, ignored}`` (ints
    summing to ``rows``; an extension of ``spec/submission-form.md``, "The file").
    ``rejections``: lines of ``rejected.csv`` (:data:`thidua.ingest.validate.REJECTION_COLUMNS`).
    ``rows`` counts ``read, valid, rejected, ignored`` and ``ignored`` splits the ignored rows
    by reason. ``rejected_rows``: the rejected rows as the unit wrote them (index: ``(sheet,
    row)``, the Excel row; one object column per column of the file's table, in the file's
    order, named by the file's own header text; values as read,
    after a legacy-encoding conversion). ``encoding``: the text encoding found
    (:attr:`thidua.ingest.read.SheetData.encoding`; ``""`` when the file could not be read).
    ``headers``: the form's header (``rejections.column``) → the file's own header text.
    ``sha256``: hex SHA-256 of the bytes actually read and parsed (issue 9.9; ``""`` when none
    could be read; the discovered hash when the verdict needed no content, e.g. a ``.docx``).
    ``choice``: why this file of its unit is the one counted, when that needs saying
    (:func:`select_submissions`, issue 9.7/16.2), else ``""``; ``chosen_by``: which rule of
    "Corrections" made it its unit's newest usable file over another usable one
    (:data:`CHOSEN_BY`: ``"sent_date"``, ``"mtime"``, ``"name"``), ``""`` when it had no rival.
    ``transient``: the file was rejected because the reader crashed or ran out of time or
    memory (:class:`thidua.ingest.isolation.ReaderFailed`): never cached.
    ``rows_sha256``: what the file says, whatever its bytes
    (:func:`thidua.ingest.firstseen.rows_sha256`; set for usable files by the choice among a
    unit's files, ``""`` before); ``first_seen``: the earliest modification time of the same
    rows of its unit, when earlier than the file's own (a file the office saved again or
    downloaded again; :func:`thidua.ingest.firstseen.dated_by_content`), else ``None``;
    ``own_first_seen``: the same, under this file's own name only (the version published
    before held this name with these rows earlier: the file saved again), else ``None``.
    ``readings``: what the unit should check of how its file was read (issues 9.1, 16.6): one
    line for its rows of nothing but filled-down values, one per value read by approximation
    (``… đã hiểu là …``); ``interpreted``: how many cells of valid rows were read so.
    """

    input: InputFile
    status: str
    unit: str | None = None
    sent_date: dt.date | None = None
    sent_time: dt.time | None = None  # the time of day written with ``sent_date``
    sheet: str = ""
    sheets: tuple[dict, ...] = ()
    problem: str | None = None
    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(
        ("read", "valid", "rejected", "ignored"), 0))
    ignored: dict[str, int] = field(default_factory=dict)
    registrations: pd.DataFrame = field(default_factory=pd.DataFrame)
    rejections: pd.DataFrame = field(default_factory=lambda: rejection_frame([]))
    rejected_rows: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        index=pd.MultiIndex.from_tuples([], names=["sheet", "row"])))
    encoding: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    remarks: tuple[str, ...] = ()
    sha256: str = ""
    choice: str = ""
    chosen_by: str = ""
    readings: tuple[str, ...] = ()
    interpreted: int = 0
    transient: bool = False
    rows_sha256: str = ""
    first_seen: dt.datetime | None = None
    own_first_seen: dt.datetime | None = None

    @property
    def file(self) -> str:
        """The file's path relative to the raw folder."""
        return self.input.file

    @property
    def notes(self) -> list[str]:
        """What a unit should know about a file that is not an error (Vietnamese)."""
        notes = list(self.remarks) + ([self.choice] if self.choice else []) + list(self.readings)
        if self.encoding.startswith(MIXED):  # a UTF-8 CSV with lines of another encoding
            notes.append(f"Tệp CSV gõ bằng UTF-8 nhưng có dòng gõ bằng bảng mã khác ("
                         f"{self.encoding.removeprefix(MIXED).strip()}); đã đọc từng dòng theo "
                         f"bảng mã của nó. Đề nghị kiểm tra chữ ở các dòng đó; lần sau lưu tệp "
                         f"dạng CSV UTF-8.")
        if self.encoding in DECODERS:
            notes.append(f"Chữ trong tệp được gõ bằng bảng mã {self.encoding}; đã tự động chuyển "
                         f"sang Unicode. Lần sau đề nghị dùng Unicode (phông Times New Roman).")
        return notes


def _rejected_file(source: InputFile, reason: str, sheet: str = "",
                   unit: str | None = None, encoding: str = "", sha256: str = "",
                   sent_date: dt.date | None = None, transient: bool = False,
                   sent_time: dt.time | None = None) -> FileResult:
    line = {"file": source.file, "sheet": sheet, "row": None, "column": "", "value": "",
            "error": f"Tệp bị từ chối: {reason}"}
    return FileResult(source, REJECTED, unit=unit, sheet=sheet, problem=reason,
                      rejections=rejection_frame([line]), encoding=encoding, sha256=sha256,
                      sent_date=sent_date, sent_time=sent_time, transient=transient)


def over_limits(source: InputFile, context: UnitContext, reason: str) -> FileResult:
    """The rejection of ``source`` whose whole reading went past a parsing worker's limits of
    time or memory, or crashed it (``reason``: :mod:`thidua.ingest.worker`'s words): for this
    run only (``transient``: a limit depends on the machine), its unit taken from its name.
    Never read again in the run's own process, where no limit holds (fresh tester M's M042:
    one file's rows took the run's process 40 minutes)."""
    return _rejected_file(source, reason, unit=code_from_filename(source.path,
                                                                  set(context.known_codes)),
                          sha256=source.sha256, transient=True)


#: Said of a file whose bytes changed between discovery and reading, twice (issue 9.9).
CHANGED_WHILE_READ = ("Tệp đã thay đổi trong khi đọc; chạy lại khi tệp đã ghi xong (có thể phần "
                      "mềm đồng bộ hoặc người gửi đang ghi tệp).")


def changed_while_read(source: InputFile, context: UnitContext) -> FileResult:
    """The rejection of a file whose bytes kept changing while the run read it (issue 9.9):
    no figures from it in this run; the next run reads it again."""
    unit = code_from_filename(source.path, set(context.known_codes))
    return _rejected_file(source, CHANGED_WHILE_READ, unit=unit)


def _unread_digest(source: InputFile, exc: FileRejected) -> str:
    """The ``sha256`` of a file rejected before its bytes were parsed: of the bytes read when
    there were some (an empty file), ``""`` when it could not be read, else the discovered
    hash (the verdict needed no content: the name, e.g. ``.docx``, or the size)."""
    if (data := getattr(exc, "data", None)) is not None:
        return hashlib.sha256(data).hexdigest()
    return "" if isinstance(exc.__cause__, OSError) else source.sha256


def ingest_file(source: InputFile, context: UnitContext) -> FileResult:
    """Read, identify, normalise and validate one unit file: every sheet that counts
    (:func:`thidua.ingest.read.parse_sheets`), each row numbered by its sheet and Excel row.

    Never raises for bad input: a file that cannot be used comes back with status
    ``rejected`` and its reason (``problem``) in Vietnamese, also as one line of
    ``rejections`` with an empty row number. A file that is not a submission
    (``source.skipped``) comes back ``skipped``, unread. The file's bytes are read once; the
    result's ``sha256`` is theirs (issue 9.9). The unit and the year come from the first
    sheet's title block (and the unit codes of every sheet's rows).
    :func:`ingest_files` of this one file.
    """
    return ingest_files([source], context)[0]


def ingest_files(sources: list[InputFile], context: UnitContext) -> list[FileResult]:
    """:func:`ingest_file` of each of ``sources``, in order, the rows of all their sheets
    normalised and validated together (:func:`thidua.ingest.sheetrows.check_sheets`: one
    pass over the distinct values, one pandera call per year; issue 10). Each result is the
    one :func:`ingest_file` gives its file alone."""
    opened = [_opened(source, context) for source in sources]
    checks = [SheetCheck(r, o.year, o.source.file, o.unit, frozenset(context.known_codes),
                         context.names if i else (),  # a later sheet's title: its name too
                         sheets_of_other_years([s.sheet.sheet for s in o.labelled],
                                               o.year).get(r.sheet.sheet),  # ``Năm 2023``
                         context.names)  # ``LĐLĐ quận Đống Đa`` for a code
              for o in opened if isinstance(o, _Opened) for i, r in enumerate(o.labelled)]
    outcomes = iter(check_sheets(checks))
    return [o if isinstance(o, FileResult) else
            _finished(o, [next(outcomes) for _ in o.labelled]) for o in opened]


@dataclass(frozen=True)
class _Opened:
    """A file read and identified, its sheets' rows labelled: what is left is to check them."""

    source: InputFile
    parsed: FileSheets
    labelled: list[SheetRows]
    title: TitleBlock
    codes: pd.Series
    unit: str
    year: int
    digest: str
    told: tuple[str | None, ...] = ()  # how its unit was read: :func:`code_note` …
    ends: dt.date | None = None  # its unit's last day, when within the year


def _opened(source: InputFile, context: UnitContext) -> _Opened | FileResult:
    """A file's bytes read once and parsed (in a worker, :func:`parse_isolated`), its year,
    unit and labelled rows; or its :class:`FileResult` when it is skipped or rejected."""
    if source.skipped:
        return FileResult(source, SKIPPED)
    sheet_name, encoding, digest, title = "", "", "", TitleBlock()
    coded: list[tuple[object, str | None]] = []
    try:
        try:
            content = read_bytes(source.path)
        except FileRejected as exc:
            digest = _unread_digest(source, exc)
            raise
        digest = hashlib.sha256(content).hexdigest()
        parsed = parse_isolated(content, form_suffix(source.path))  # limits, own process (9.6)
        if is_feedback(parsed):  # the program's own feedback workbook, saved back
            raise FileRejected(OWN_FEEDBACK)
        sheet_name, encoding = parsed.first.sheet, parsed.first.encoding
        coded = [unit_code_column(sheet, context.known_codes) for sheet in parsed.sheets]
        parsed = replace(parsed, sheets=tuple(sheet for sheet, _ in coded))  # ``Đơn vị``: Q-CG
        title = parse_title(title_rows(parsed.first, context.names))
        labelled = [label_rows(sheet, context.names) for sheet in parsed.sheets]
        check_title_lines(labelled, source.path, set(context.known_codes), context.names)
        folder = folder_year(source.path, source.file) or context.year
        title = title_of_year(title, (parse_title(title_rows(sheet, context.names))
                                      for sheet in parsed.sheets[1:]), folder)  # 2023 tab first
        year = resolve_year(title, folder, context.year)
        codes = unit_codes(labelled)  # index: (sheet, Excel row), named in messages
        codes, named = unit_names_as_codes(codes, dict(context.names), context.known_codes)
        unit = resolve_unit(codes, title, source.path, set(context.known_codes),
                            set(context.accepted_codes), year,
                            dict(context.periods), dict(context.names))
        labelled = copies_of_other_units(labelled, unit, frozenset(context.known_codes),
                                         context.names)  # same rows, another unit's (W406)
        if not any(len(r.data) for r in labelled):  # all hidden: say so (9.4), else none
            raise FileRejected(all_hidden_reason(labelled)
                               or f"Không có dòng đăng ký nào dưới dòng tiêu đề. {FORMULA_HINT}")
        for r in labelled:  # issue 16.5: a whole table of unsaved formulas
            check_not_all_formulas(r.sheet, r.data)
    except FileRejected as exc:
        unit = code_from_filename(source.path, set(context.known_codes))
        sent = checked_sent_date(title, context.year)[0] \
            if title.sent_date or title.sent_undated else None
        said = " ".join([str(exc), *(n for _, n in coded if n and str(exc).startswith(NO_UNIT))])
        return _rejected_file(source, said, sheet_name, unit, encoding, digest, sent,
                              transient=isinstance(exc, ReaderFailed),
                              sent_time=title.sent_time if sent else None)
    known = set(context.known_codes)
    told = (*dict.fromkeys(note for _, note in coded if note),  # ``Đơn vị`` read as codes
            named,  # ``LĐLĐ quận Đống Đa`` in the ``Mã đơn vị`` column read as its code
            code_note(codes, title, unit, source.path, known, dict(context.names)),
            nameless_note(codes, unit, known),  # ``HK-001`` beside ``Q-HK``
            other_unit_named(title.lines, unit, dict(context.names)),
            sheet_name_note(parsed.first.sheet, unit, dict(context.names)))
    return _Opened(source, parsed, labelled, title, codes, unit, year, digest, told,
                   dict(context.ends).get(unit))


def _finished(opened: _Opened, outcomes: list[SheetOutcome]) -> FileResult:
    """The :class:`FileResult` of an opened file from its sheets' outcomes."""
    source, title, unit, year = opened.source, opened.title, opened.unit, opened.year
    combined = combined_sheets(outcomes, unit, source.file)
    sent, remark = checked_sent_date(title, year)
    remarks = (remark, year_remark(title, year), *opened.parsed.remarks, *combined.pop("remarks"))
    readings = (*opened.told,
                *combined.pop("readings"),
                after_end_note(unit, opened.ends, combined["registrations"]))
    first = opened.parsed.first
    return FileResult(source, USED, unit=unit, sent_date=sent,
                      sent_time=title.sent_time if sent else None, sheet=first.sheet,
                      sha256=opened.digest, encoding=first.encoding,
                      remarks=tuple(n for n in remarks if n),
                      readings=tuple(n for n in readings if n), **combined)
