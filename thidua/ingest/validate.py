"""Validating normalised rows: which registrations count, and why the others are rejected.

Source: ``spec/submission-form.md`` ("Errors"). The checks are the pandera schema in
:mod:`schemas.registration` (run lazily, so every problem of every row is found at once) plus
the duplicate rule; each failure becomes a rejection with a Vietnamese message that names the
column as the unit wrote it and what is expected.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pandera.pandas as pa

from schemas.form import BY_NAME, VALUE_NAMES
from schemas.registration import MODEL_MAX, MODEL_MIN, REGISTRANT_MAX, registration_schema
from thidua.ingest.columnar import by_value
from thidua.ingest.rejections import REJECTION_COLUMNS, rejection_frame, shorten
from thidua.ingest.duplicates import (DUPLICATE_KEY, duplicate_key, duplicate_records,
                                      duplicates_across_sheets, first_rows)
from thidua.ingest.yearwords import YEAR_EXPECTED, is_year_header
from thidua.ingest.errorcells import (error_cells, error_message, lost_letter_cells,
                                      lost_letters_message, lost_string_cells,
                                      lost_string_message)
from thidua.ingest.limits import MAX_CELL_CHARS, number
from thidua.ingest.legend import number_hint
from thidua.ingest.periods import parse_period, serial_note, with_report_year
from thidua.ingest.periodcheck import period_problem
from thidua.ingest.plandocs import document_hint
from thidua.ingest.values import AMBIGUOUS, other_column, read_value
from thidua.ingest.wardlevel import ward_hint
from thidua.text import clean_text, foreign_letters_note

__all__ = ["DUPLICATE_KEY", "REJECTION_COLUMNS", "duplicate_key", "duplicates_across_sheets",
           "own_headers", "rejection_frame", "shorten", "validate_rows", "validate_sheets"]

#: Dataframe-wide checks → the form column they are about.
_CHECK_COLUMN = {"position_given": "position", "period_readable": "period",
                 "period_order": "period_to", "period_in_year": "period"}


def _ambiguous(column: str, value: str) -> str | None:
    """``có phải là … hay …?`` for a coded value close to two accepted values (issue 9.1)."""
    if column not in VALUE_NAMES:
        return None
    reading = read_value(column, value)
    if reading.how != AMBIGUOUS:
        return None
    names = " hay ".join(f"'{VALUE_NAMES[column][c]}'" for c in reading.candidates)
    return (f"'{shorten(value)}' ở cột '{BY_NAME[column].header}' chưa rõ: có phải là {names}? "
            f"Đề nghị ghi rõ {BY_NAME[column].expected}.")
def _other_column_note(column: str, value: str) -> str:
    """`` 'TT' là giá trị của cột 'Hình thức': có ghi nhầm cột không?`` for a value of another
    coded column (:func:`thidua.ingest.values.other_column`), else ``""``."""
    other = other_column(column, value) if column in VALUE_NAMES else None
    return (f" '{value}' là giá trị của cột '{BY_NAME[other].header}': có ghi nhầm cột không?"
            if other else "")


#: A share of the plan alone (``50%``, ``0 %``, ``99,5%``).
_SHARE = re.compile(r"\s*\d+(?:[.,]\d+)?\s*%\s*")


def _share_hint(column: str, value: str) -> str:
    """What a rejection of a result written as a share of the plan below 100% adds (``50%``,
    ``0%``; 100% or more reads as ``Hoàn thành``, :mod:`thidua.ingest.values`): the share says
    no result; write one (leading space); ``""`` otherwise (fresh tester J's J039)."""
    if column != "result" or not _SHARE.fullmatch(value):
        return ""
    return (" Tỷ lệ thực hiện dưới 100% kế hoạch không cho biết kết quả: đề nghị ghi rõ 'Không "
            "hoàn thành', 'Hoàn thành' hoặc 'Chưa đánh giá'.")


def _message(column: str, check: str, value: str, year: int,
             own: dict[str, str] | None = None) -> str:
    """The rejection of one cell; ``own``: the unit's header of the period's two columns
    (:func:`own_headers`), named instead of the form's ``Từ ngày``/``Đến ngày``."""
    spec = BY_NAME[column]
    own = own or {}
    header = own.get(column, spec.header)
    if check == "not_nullable" or (not value and check != "position_given"):
        return f"Thiếu '{header}': cần {spec.expected}."
    if check.startswith("str_length") and column == "registrant":
        return f"'{header}' có {number(len(value))} ký tự: cần tối đa {REGISTRANT_MAX} ký tự."
    if check.startswith("str_length"):
        return (f"'{header}' có {number(len(value))} ký tự: cần từ {MODEL_MIN} đến {MODEL_MAX} "
                f"ký tự.")
    whole, value = value, shorten(value)
    if check.startswith("isin"):
        return _ambiguous(column, value) or \
            f"'{value}' không hợp lệ ở cột '{header}': cần {spec.expected}." \
            f"{_other_column_note(column, value)}{foreign_letters_note(value)}" \
            f"{ward_hint(value, year) if column == 'level' else ''}" \
            f"{number_hint(column, header, value)}{_share_hint(column, value)}"
    if check == "position_given":
        return "Thiếu 'Chức vụ': đăng ký Cá nhân phải ghi chức vụ của cá nhân đó."
    if check == "period_readable":
        if problem := period_problem(whole):  # 30/02/2024, 13/2024, end before start, too long
            return f"'{header}' '{value}': {problem}; đề nghị sửa lại."
        expected = YEAR_EXPECTED if column == "period" and "period" in own else spec.expected
        return f"Không đọc được '{header}' '{value}': cần {expected}."
    if check == "period_in_year":
        if column == "period_from":  # a period in two columns, said in its start (_period_column)
            header = (f"{BY_NAME['period'].header}' ('{header}' – "
                      f"'{own.get('period_to', BY_NAME['period_to'].header)}')")
            return f"'{header} '{value}'{serial_note(value)} không trùng với năm báo cáo {year}."
        return (f"'{header}' '{value}'{serial_note(value)} không trùng với năm báo cáo {year}."
                f"{document_hint(whole, year)}")  # ``Theo KH … ngày 10/12/2023``: signed then
    return f"'{value}' không hợp lệ ở cột '{header}' ({check}): cần {spec.expected}."


def _length(value: object) -> int:
    return len(value) if isinstance(value, str) else 0


#: Workbooks whose reader (python-calamine) returns a text longer than
#: :data:`~thidua.ingest.limits.MAX_CELL_CHARS` cut to it (``.ods`` and CSV come whole).
CUT_AT_LIMIT = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb")


def _oversized(raw: pd.DataFrame, cut: bool = False) -> dict[tuple[int, str], int]:
    """``(row, raw column) → length`` of every cell longer than
    :data:`~thidua.ingest.limits.MAX_CELL_CHARS` (issue 9.10: it rejects its row, not its
    file); with ``cut`` (a file of :data:`CUT_AT_LIMIT`), of exactly the limit too: its reader
    returns a longer text cut there, so an over-long cell written by a program arrives at
    exactly 32.767 characters (the fresh29 tester's F5; Excel itself cannot write one)."""
    limit = MAX_CELL_CHARS if cut else MAX_CELL_CHARS + 1
    found = {}
    for column in raw.columns:
        cells = raw[column].to_numpy(dtype=object)
        if not any(isinstance(v, str) and len(v) >= limit for v in cells):
            continue  # the common case, seen in one pass (issue 10)
        lengths = by_value(raw[column], _length, "int64")
        for row, length in lengths[lengths >= limit].items():
            found[(int(row), column)] = int(length)
    return found


#: Workbooks whose cells hold Unicode text, never text read through a guessed code page.
NATIVE_TEXT = (*CUT_AT_LIMIT, ".ods", ".fods")


def _free(column: str) -> bool:
    """Whether an over-long cell of ``column`` keeps its row: the remark (``Ghi chú``, which
    no figure reads) and a column the form does not have (kept, otherwise ignored:
    ``spec/submission-form.md``, "Columns"). Fresh tester M's M044: a ``Ghi chú`` of 32.767
    characters, Excel's own maximum, rejected its registration."""
    return column == "note" or column not in BY_NAME


def long_free_cells(raw: pd.DataFrame, file: str) -> dict[tuple[int, str], int]:
    """``(row, raw column) → length`` of the over-long cells (:func:`_oversized`) that keep
    their row (:func:`_free`): told by :func:`long_free_cells_note`, never rejected."""
    return {k: v for k, v in _oversized(raw, file.lower().endswith(CUT_AT_LIMIT)).items()
            if _free(k[1])}


def long_free_cells_note(found: dict[tuple[int, str], int], rows: list[int],
                         headers: dict[str, str] | None = None) -> str | None:
    """The note telling a unit which cells of :func:`long_free_cells` were at or over a cell's
    limit on its counted ``rows`` (the unit's own ``headers``), ``None`` when none."""
    kept = sorted((r, c) for (r, c) in found if r in set(rows))
    if not kept:
        return None
    said = []
    for column in dict.fromkeys(c for _, c in kept):
        header = (headers or {}).get(column) or (BY_NAME[column].header if column in BY_NAME
                                                 else column.strip("[]"))
        said.append(f"Ô ở cột '{header}' dòng {', '.join(str(r) for r, c in kept if c == column)}"
                    f" có từ {number(MAX_CELL_CHARS)} ký tự trở lên, giới hạn của một ô (phần "
                    f"dài hơn có thể đã bị cắt khi đọc tệp): đã coi như để trống, dòng vẫn được "
                    f"tính.")
    return " ".join(said) + " Đề nghị rút gọn."


def _too_long(header: str, length: int) -> str:
    """The rejection of a cell of ``length`` characters in column ``header``
    (:func:`_oversized`), in Vietnamese."""
    if length > MAX_CELL_CHARS:
        return (f"Ô ở cột '{header}' có {number(length)} ký tự, quá giới hạn "
                f"{number(MAX_CELL_CHARS)} ký tự của một ô; đề nghị rút gọn.")
    return (f"Ô ở cột '{header}' có từ {number(MAX_CELL_CHARS)} ký tự trở lên, giới hạn của một "
            f"ô (phần dài hơn đã bị cắt khi đọc tệp); đề nghị rút gọn.")


def _period_column(column: str, check: str, raw: pd.DataFrame, row: int) -> str:
    """The column a period problem is about: ``period``, or, for a period in two columns,
    the one that cannot be read, the start (outside the year) or the end (before the start)."""
    if column != "period" or "period" in raw and clean_text(raw.at[row, "period"]):
        return column
    if "period_from" not in raw and "period_to" not in raw:
        return column
    if check == "period_readable":
        first = clean_text(raw.at[row, "period_from"]) if "period_from" in raw else ""
        return "period_from" if first and parse_period(raw.at[row, "period_from"]) is None \
            else "period_to"
    return "period_from"


#: One sheet to validate: ``(rows, raw, year, file, sheet)`` as :func:`validate_rows` takes them.
Sheet = tuple[pd.DataFrame, pd.DataFrame, int, str, str]


def own_headers(labels: dict[str, str]) -> dict[str, str]:
    """The unit's own headers of a period in two columns (``Bắt đầu`` | ``Kết thúc``) from a
    sheet's :func:`thidua.ingest.rows.column_labels` (under a parent header, the sub-column's
    text: ``Thời gian thực hiện / Bắt đầu`` → ``Bắt đầu``), for the messages about them."""
    own = {name: labels[name].rsplit(" / ", 1)[-1] for name in ("period_from", "period_to")
           if labels.get(name)}
    if is_year_header(labels.get("period")):  # ``Năm đăng ký`` read as the period: named so
        own["period"] = labels["period"]
    return own


def validate_rows(rows: pd.DataFrame, raw: pd.DataFrame, *, year: int, file: str,
                  sheet: str, own: dict[str, str] | None = None
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split normalised rows into valid registrations and rejections.

    ``rows``: :func:`thidua.ingest.normalise.normalise_rows` output (index: Excel row);
    ``raw``: the same rows as read (for the value a unit wrote). Returns ``(valid,
    rejections)``: ``valid`` is ``rows`` restricted to rows without problems, checked against
    :func:`schemas.registration.registration_schema`; ``rejections`` has one line per
    problem (a row with two problems has two lines) with :data:`REJECTION_COLUMNS`.
    :func:`validate_sheets` of this one sheet.
    """
    return validate_sheets([(rows, raw, year, file, sheet)], [own or {}])[0]


def validate_sheets(sheets: list[Sheet], own: list[dict[str, str]] | None = None
                    ) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """:func:`validate_rows` of many sheets (of one file or of many), in order, with one
    pandera call per report year for all of them (issue 10: pandera costs 50–100 ms a call
    whatever the rows, and a national year has 2.000 files). Each sheet's result is the one
    :func:`validate_rows` gives it alone: same valid rows, same rejections and messages.
    ``own``: per sheet, the unit's headers of a period in two columns (:func:`own_headers`),
    named in the messages about them."""
    prepared = [_with_dates(rows, raw, year) for rows, raw, year, _, _ in sheets]
    checks = _schema_failures(prepared, [year for _, _, year, _, _ in sheets])
    own = own or [{}] * len(sheets)
    repeats = first_rows(prepared)  # the duplicate rule's keys, once for the batch
    return [_split(rows, raw, year, file, sheet, failures, headers, repeated)
            for rows, (_, raw, year, file, sheet), failures, headers, repeated
            in zip(prepared, sheets, checks, own, repeats)]


def _with_dates(rows: pd.DataFrame, raw: pd.DataFrame, year: int) -> pd.DataFrame:
    """``rows`` with the periods of ``year`` read (``Cả năm``, ``6 tháng đầu năm``) and the
    period dates as the schema wants them (``datetime64[us]``)."""
    rows = with_report_year(rows, raw, year)  # ``Cả năm``, ``6 tháng đầu năm``: of ``year``
    return rows.astype({"period_start": "datetime64[us]", "period_end": "datetime64[us]"})


#: The schema's verdict on one sheet: its failures of a row (``column``, ``check``,
#: ``index``: the Excel row), and whether one failure is of no row (a column's dtype).
Failures = tuple[pd.DataFrame, bool]


def _schema_failures(frames: list[pd.DataFrame], years: list[int]) -> list[Failures]:
    """The lazy failures of :func:`schemas.registration.registration_schema` for each frame:
    the frames of one year are checked together in one call (their rows numbered 0…n-1 for
    the call, then given back their sheet and Excel row). A failure of no row sends that
    year's frames through the schema one by one (it cannot be told which frame it is of)."""
    out: list[Failures] = [(_NO_FAILURES, False)] * len(frames)
    for year in dict.fromkeys(years):
        group = [i for i, y in enumerate(years) if y == year]
        if len(group) == 1:
            out[group[0]] = _failures(registration_schema(year), frames[group[0]])
            continue
        together = pd.concat([frames[i] for i in group])
        together.index = pd.RangeIndex(len(together), name="row")
        found, whole = _failures(registration_schema(year), together)
        if whole:
            for i in group:
                out[i] = _failures(registration_schema(year), frames[i])
            continue
        ends = np.cumsum([len(frames[i]) for i in group])
        positions = found["index"].to_numpy(dtype="int64")
        owner = np.searchsorted(ends, positions, side="right")
        for k, i in enumerate(group):
            mine = owner == k
            start = int(ends[k]) - len(frames[i])
            rows = frames[i].index.to_numpy()[positions[mine] - start]
            out[i] = found[mine].assign(index=rows), False
    return out


def _failures(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> Failures:
    """``schema``'s lazy failures of a row on ``frame`` (``column``, ``check``, ``index``),
    in pandera's order, and whether one failure is of no row."""
    try:  # every problem of every row at once
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases
        whole = bool(failures["index"].isna().any())
        failures = failures[failures["index"].notna()]
        return failures[["column", "check", "index"]], whole
    return _NO_FAILURES, False


_NO_FAILURES = pd.DataFrame({"column": [], "check": [], "index": []})


def _split(rows: pd.DataFrame, raw: pd.DataFrame, year: int, file: str, sheet: str,
           failures: Failures, own: dict[str, str] | None = None,
           repeated: pd.Series | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`validate_rows` of one sheet whose schema failures and repeated rows
    (:func:`thidua.ingest.duplicates.first_rows`) are known."""
    failures, whole = failures
    long = _oversized(raw, file.lower().endswith(CUT_AT_LIMIT))  # once: rejected or emptied
    oversized = {k: v for k, v in long.items() if not _free(k[1])}
    free = [k for k in long if _free(k[1])]  # a long remark keeps its row, told (long_free_cells)
    strings = lost_string_cells(raw)  # a shared string missing from the file: its text lost
    errors = error_cells(raw)  # ``#N/A``: rejects its row, named as such (not as missing)
    native = file.lower().endswith(NATIVE_TEXT)  # a workbook's text is Unicode: ``Hỏi?Đáp``
    lost = {k: v for k, v in lost_letter_cells(raw, native).items() if k not in errors}  # ``S?ng``
    flagged = set(oversized) | set(errors) | set(lost) | set(strings)
    problems: dict[tuple[int, str], str] = {}
    for column, check, index in failures[["column", "check", "index"]].itertuples(index=False):
        column = _period_column(_CHECK_COLUMN.get(str(check), column), str(check), raw,
                                int(index))
        if column not in BY_NAME or (int(index), column) in flagged:
            continue
        problems.setdefault((int(index), column), str(check))
    records = [{"file": file, "sheet": sheet, "row": row,
                "column": BY_NAME[column].header if column in BY_NAME else column.strip("[]"),
                "value": shorten(clean_text(raw.at[row, column])),
                "error": _too_long(BY_NAME[column].header if column in BY_NAME
                                   else column.strip("[]"), length)}
               for (row, column), length in sorted(oversized.items())]
    records += [{"file": file, "sheet": sheet, "row": row, "column": BY_NAME[column].header,
                 "value": error, "error": error_message(column, error)}
                for (row, column), error in sorted(errors.items())]
    records += [{"file": file, "sheet": sheet, "row": row, "column": BY_NAME[column].header,
                 "value": shorten(text), "error": lost_letters_message(column)}
                for (row, column), text in sorted(lost.items())]
    records += [{"file": file, "sheet": sheet, "row": row, "column": BY_NAME[column].header,
                 "value": "(mất chữ)", "error": lost_string_message(column, ref)}
                for (row, column), ref in sorted(strings.items())]
    for (row, column), check in sorted(problems.items()):
        value = clean_text(raw.at[row, column]) if column in raw else ""
        if column == "period_from" and check == "period_in_year":  # both cells, as written
            ends = [clean_text(raw.at[row, c]) for c in ("period_from", "period_to") if c in raw]
            value = " - ".join(e for e in ends if e) or str(rows.at[row, "period"])
        error = _message(column, check, value, year, own)
        if check == "period_order":
            error = (f"'{(own or {}).get('period_to', BY_NAME['period_to'].header)}' "
                     f"({shorten(value)}) trước "
                     f"'{(own or {}).get('period_from', BY_NAME['period_from'].header)}' "
                     f"({shorten(clean_text(raw.at[row, 'period_from']))}): thời gian kết thúc "
                     f"không được trước thời gian bắt đầu.")
        records.append({"file": file, "sheet": sheet, "row": row,
                        "column": BY_NAME[column].header, "value": shorten(value),
                        "error": error})
    repeated, copies = duplicate_records(rows, raw, file=file, sheet=sheet,
                                         flagged={r for r, _ in flagged},
                                         rejected={r["row"] for r in records},
                                         repeated=repeated)
    records = [r for r in records if r["row"] not in copies] + repeated
    rejections = rejection_frame(records).sort_values(["row", "column"])  # np.lexsort: stable
    if not whole and failures.empty and rejections.empty:
        return _errors_emptied(rows, raw, free), rejections.reset_index(drop=True)
    rejected = set(rejections["row"].unique().astype(int))
    valid = rows.drop(index=list(rejected))
    if whole or not set(failures["index"].astype(int)) <= rejected:
        valid = registration_schema(year).validate(valid)  # a failure no rejection names: raises
    return _errors_emptied(valid, raw, free), rejections.reset_index(drop=True)


def _errors_emptied(valid: pd.DataFrame, raw: pd.DataFrame,
                    long: list[tuple[int, str]] = ()) -> pd.DataFrame:
    """``valid`` with each optional free-text cell holding an error value (``#N/A`` in
    ``Ghi chú``, :data:`thidua.ingest.errorcells.OPTIONAL_TEXT`) or a formula saved without
    its result, and each over-long remark (``long``: :func:`long_free_cells`' cells), read as
    empty: the row counts, the report never prints them (the unit is told,
    :func:`thidua.ingest.errorcells.kept_errors_note`, :func:`long_free_cells_note`)."""
    found = [(r, c) for r, c in (*error_cells(raw, optional=True), *long)
             if r in valid.index and c in valid.columns]
    if not found:
        return valid
    valid = valid.copy()
    for r, c in found:
        valid.at[r, c] = pd.NA
    return valid
