"""Validating normalised rows: which registrations count, and why the others are rejected.

Source: ``spec/submission-form.md`` ("Errors"). The checks are the pandera schema in
:mod:`schemas.registration` (run lazily, so every problem of every row is found at once) plus
the duplicate rule; each failure becomes a rejection with a Vietnamese message that names the
column as the unit wrote it and what is expected.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pandera.pandas as pa

from schemas.form import BY_NAME, VALUE_NAMES
from schemas.registration import MODEL_MAX, MODEL_MIN, REGISTRANT_MAX, registration_schema
from thidua.ingest.columnar import by_value, frame_by_value
from thidua.ingest.errorcells import error_cells, error_message
from thidua.ingest.limits import MAX_CELL_CHARS, SHOWN_CELL_CHARS, SHOWN_FROM_CHARS, number
from thidua.ingest.periods import parse_period, with_report_year
from thidua.ingest.periodcheck import period_problem
from thidua.ingest.values import AMBIGUOUS, read_value
from thidua.text import clean_text, foreign_letters_note, match_key

#: Columns of every rejections table (``rejected.csv``, ``spec/outputs.md``).
REJECTION_COLUMNS = ["file", "sheet", "row", "column", "value", "error"]
#: Dataframe-wide checks → the form column they are about.
_CHECK_COLUMN = {"position_given": "position", "period_readable": "period",
                 "period_order": "period_to", "period_in_year": "period"}


def shorten(value: str) -> str:
    """A value as shown in ``rejected.csv``, the feedback and messages: whole up to
    :data:`~thidua.ingest.limits.SHOWN_FROM_CHARS` characters, else its first
    :data:`~thidua.ingest.limits.SHOWN_CELL_CHARS` and ``…`` (issue 9.10)."""
    return value if len(value) <= SHOWN_FROM_CHARS else value[:SHOWN_CELL_CHARS] + "…"


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
#: What makes two rows one registration (``spec/submission-form.md``, "Errors": same name,
#: field, type, registrant), and the grassroots union and position, which tell two people of
#: one name (``Nguyễn Văn Hùng`` of two unions) or two unions' ``Ban Chấp hành CĐCS`` apart.
DUPLICATE_KEY = ["model", "field", "type", "registrant", "grassroots_union", "position"]


def _message(column: str, check: str, value: str, year: int) -> str:
    spec = BY_NAME[column]
    header = spec.header
    if check == "not_nullable" or (not value and check != "position_given"):
        return f"Thiếu '{header}': cần {spec.expected}."
    if check.startswith("str_length") and column == "registrant":
        return f"'{header}' có {number(len(value))} ký tự: cần tối đa {REGISTRANT_MAX} ký tự."
    if check.startswith("str_length"):
        return (f"'{header}' có {number(len(value))} ký tự: cần từ {MODEL_MIN} đến {MODEL_MAX} "
                f"ký tự.")
    value = shorten(value)
    if check.startswith("isin"):
        return _ambiguous(column, value) or \
            f"'{value}' không hợp lệ ở cột '{header}': cần {spec.expected}." \
            f"{foreign_letters_note(value)}"
    if check == "position_given":
        return "Thiếu 'Chức vụ': đăng ký Cá nhân phải ghi chức vụ của cá nhân đó."
    if check == "period_readable":
        if problem := period_problem(value):  # 30/02/2024, 13/2024, end before start
            return f"'{header}' '{value}': {problem}; đề nghị sửa lại."
        return f"Không đọc được '{header}' '{value}': cần {spec.expected}."
    if check == "period_in_year":
        if column in ("period_from", "period_to"):
            header = f"{BY_NAME['period'].header}' ('{header}' – '{BY_NAME['period_to'].header}')"
            return f"'{header} '{value}' không trùng với năm báo cáo {year}."
        return f"'{header}' '{value}' không trùng với năm báo cáo {year}."
    return f"'{value}' không hợp lệ ở cột '{header}' ({check}): cần {spec.expected}."


def _length(value: object) -> int:
    return len(value) if isinstance(value, str) else 0


def _oversized(raw: pd.DataFrame) -> dict[tuple[int, str], int]:
    """``(row, raw column) → length`` of every cell longer than
    :data:`~thidua.ingest.limits.MAX_CELL_CHARS` (issue 9.10: it rejects its row, not its file)."""
    found = {}
    for column in raw.columns:
        cells = raw[column].to_numpy(dtype=object)
        if not any(isinstance(v, str) and len(v) > MAX_CELL_CHARS for v in cells):
            continue  # the common case, seen in one pass (issue 10)
        lengths = by_value(raw[column], _length, "int64")
        for row, length in lengths[lengths > MAX_CELL_CHARS].items():
            found[(int(row), column)] = int(length)
    return found


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


def rejection_frame(records: list[dict]) -> pd.DataFrame:
    """Rejection records as a DataFrame with :data:`REJECTION_COLUMNS`.

    ``row`` is ``Int64`` (<NA> for a whole-file rejection); the others are ``str``.
    """
    frame = pd.DataFrame.from_records(records, columns=REJECTION_COLUMNS)
    frame["row"] = frame["row"].astype("Int64")
    for name in REJECTION_COLUMNS:
        if name != "row":
            frame[name] = frame[name].fillna("").astype("str")
    return frame


def duplicate_key(value: object) -> str:
    """What two cells must share to be the same in a duplicate (``spec/submission-form.md``,
    "Errors": same name, field, type, registrant): :func:`thidua.text.match_key` (case,
    accents, spacing and dashes aside) without punctuation or quotes at either end, so that
    ``Bữa cơm công đoàn`` and ``"bữa cơm  công đoàn."`` are one model."""
    return match_key(value).strip(" .,;:!?-'\"“”‘’")


def _duplicates(frames: list[pd.DataFrame]) -> list[pd.Series]:
    """For each row of each frame that repeats an earlier row of the same frame, the Excel
    row of the first (else <NA>), one Series per frame (index: its Excel rows). The keys of
    every frame are made in one pass over the distinct values of all of them and grouped in
    one call (issue 10: a batch of files, not a pass per sheet); a frame's rows are only ever
    compared with its own."""
    if not frames:
        return []
    keys = frame_by_value(pd.concat([f[DUPLICATE_KEY] for f in frames], ignore_index=True),
                          duplicate_key)
    keys.insert(0, " sheet", np.repeat(np.arange(len(frames)), [len(f) for f in frames]))
    rows = np.concatenate([f.index.to_numpy(dtype="int64") for f in frames])
    first = pd.Series(rows).groupby([keys[c] for c in keys.columns], dropna=False,
                                    sort=False).transform("min").to_numpy()
    ends = np.cumsum([len(f) for f in frames])
    out = []
    for f, stop in zip(frames, ends):
        mine = pd.Series(first[stop - len(f):stop], index=f.index)
        out.append(mine.where(mine.to_numpy() != rows[stop - len(f):stop], pd.NA))
    return out


#: One sheet to validate: ``(rows, raw, year, file, sheet)`` as :func:`validate_rows` takes them.
Sheet = tuple[pd.DataFrame, pd.DataFrame, int, str, str]


def validate_rows(rows: pd.DataFrame, raw: pd.DataFrame, *, year: int, file: str,
                  sheet: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split normalised rows into valid registrations and rejections.

    ``rows``: :func:`thidua.ingest.normalise.normalise_rows` output (index: Excel row);
    ``raw``: the same rows as read (for the value a unit wrote). Returns ``(valid,
    rejections)``: ``valid`` is ``rows`` restricted to rows without problems, checked against
    :func:`schemas.registration.registration_schema`; ``rejections`` has one line per
    problem (a row with two problems has two lines) with :data:`REJECTION_COLUMNS`.
    :func:`validate_sheets` of this one sheet.
    """
    return validate_sheets([(rows, raw, year, file, sheet)])[0]


def validate_sheets(sheets: list[Sheet]) -> list[tuple[pd.DataFrame, pd.DataFrame]]:
    """:func:`validate_rows` of many sheets (of one file or of many), in order, with one
    pandera call per report year for all of them (issue 10: pandera costs 50–100 ms a call
    whatever the rows, and a national year has 2.000 files). Each sheet's result is the one
    :func:`validate_rows` gives it alone: same valid rows, same rejections and messages."""
    prepared = [_with_dates(rows, raw, year) for rows, raw, year, _, _ in sheets]
    checks = _schema_failures(prepared, [year for _, _, year, _, _ in sheets])
    repeats = _duplicates(prepared)
    return [_split(rows, raw, year, file, sheet, failures, repeated)
            for rows, (_, raw, year, file, sheet), failures, repeated
            in zip(prepared, sheets, checks, repeats)]


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
        together = pd.concat([frames[i] for i in group], ignore_index=True)
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
            out[i] = found[mine].assign(index=rows).reset_index(drop=True), False
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
        return failures[["column", "check", "index"]].reset_index(drop=True), whole
    return _NO_FAILURES, False


_NO_FAILURES = pd.DataFrame({"column": [], "check": [], "index": []})


def _split(rows: pd.DataFrame, raw: pd.DataFrame, year: int, file: str, sheet: str,
           failures: Failures, repeated: pd.Series) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`validate_rows` of one sheet whose schema failures and repeated rows
    (:func:`_duplicates`) are known."""
    failures, whole = failures
    oversized = _oversized(raw)
    errors = error_cells(raw)  # ``#N/A``: rejects its row, named as such (not as missing)
    flagged = set(oversized) | set(errors)
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
                "error": f"Ô ở cột '{BY_NAME[column].header if column in BY_NAME else column.strip('[]')}' "
                         f"có {number(length)} ký tự, quá giới hạn {number(MAX_CELL_CHARS)} ký tự "
                         f"của một ô; đề nghị rút gọn."}
               for (row, column), length in sorted(oversized.items())]
    records += [{"file": file, "sheet": sheet, "row": row, "column": BY_NAME[column].header,
                 "value": error, "error": error_message(column, error)}
                for (row, column), error in sorted(errors.items())]
    for (row, column), check in sorted(problems.items()):
        value = clean_text(raw.at[row, column]) if column in raw else ""
        if column in ("period_from", "period_to") and check == "period_in_year":
            value = str(rows.at[row, "period"])
        error = _message(column, check, value, year)
        if check == "period_order":
            error = (f"'{BY_NAME['period_to'].header}' ({shorten(value)}) trước "
                     f"'{BY_NAME['period_from'].header}' "
                     f"({shorten(clean_text(raw.at[row, 'period_from']))}): thời gian kết thúc "
                     f"không được trước thời gian bắt đầu.")
        records.append({"file": file, "sheet": sheet, "row": row,
                        "column": BY_NAME[column].header, "value": shorten(value),
                        "error": error})
    for row, first in repeated.dropna().astype(int).items():
        if any(r == row for r, _ in flagged):
            continue
        records.append({"file": file, "sheet": sheet, "row": row,
                        "column": BY_NAME["model"].header,
                        "value": shorten(clean_text(raw.at[row, "model"])) if "model" in raw else "",
                        "error": f"Trùng với dòng {first}: cùng tên mô hình, lĩnh vực, hình thức, "
                                 f"tập thể/cá nhân, chức vụ và công đoàn cơ sở; chỉ tính dòng "
                                 f"{first}."})
    rejections = rejection_frame(records).sort_values(["row", "column"], kind="stable")
    if not whole and failures.empty and rejections.empty:
        return rows, rejections.reset_index(drop=True)
    rejected = set(rejections["row"].unique().astype(int))
    valid = rows.drop(index=list(rejected))
    if whole or not set(failures["index"].astype(int)) <= rejected:
        valid = registration_schema(year).validate(valid)  # a failure no rejection names: raises
    return valid, rejections.reset_index(drop=True)


def duplicates_across_sheets(valid: list[tuple[str, pd.DataFrame]], *, file: str
                             ) -> tuple[list[pd.DataFrame], pd.DataFrame]:
    """The duplicate rule over a file's sheets (``spec/submission-form.md``, "Errors": the same
    model twice in one file; its sheets are one file, an extension of "The file"): a valid row
    of a later sheet that repeats a valid row of an earlier sheet is rejected, naming that
    sheet and row; the first is kept. ``valid``: ``(sheet, valid rows)`` per sheet in workbook
    order (:func:`validate_rows` output, index Excel row; duplicates inside one sheet are
    already rejected there). Returns the valid frames without the rows rejected, in the same
    order, and the rejections (:data:`REJECTION_COLUMNS`)."""
    if sum(1 for _, rows in valid if not rows.empty) <= 1:  # one sheet: no other to repeat
        return [rows for _, rows in valid], rejection_frame([])
    seen: dict[tuple, tuple[str, int]] = {}
    kept, records = [], []
    for sheet, rows in valid:
        if rows.empty:
            kept.append(rows)
            continue
        keys = frame_by_value(rows[DUPLICATE_KEY], duplicate_key)
        dropped = []
        for row, key in zip(rows.index, keys.itertuples(index=False, name=None)):
            first = seen.setdefault(key, (sheet, int(row)))
            if first[0] != sheet:
                dropped.append(row)
                records.append({
                    "file": file, "sheet": sheet, "row": int(row),
                    "column": BY_NAME["model"].header,
                    "value": shorten(clean_text(rows.at[row, "model"])),
                    "error": f"Trùng với dòng {first[1]} của trang '{first[0]}': cùng tên mô hình, "
                             f"lĩnh vực, hình thức, tập thể/cá nhân, chức vụ và công đoàn cơ sở; "
                             f"chỉ tính dòng {first[1]} của trang '{first[0]}'."})
        kept.append(rows.drop(index=dropped) if dropped else rows)
    return kept, rejection_frame(records)
