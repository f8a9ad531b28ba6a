"""Validating normalised rows: which registrations count, and why the others are rejected.

Source: ``spec/submission-form.md`` ("Errors"). The checks are the pandera schema in
:mod:`schemas.registration` (run lazily, so every problem of every row is found at once) plus
the duplicate rule; each failure becomes a rejection with a Vietnamese message that names the
column as the unit wrote it and what is expected.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from schemas.form import BY_NAME
from schemas.registration import MODEL_MAX, MODEL_MIN, registration_schema
from thidua.text import clean_text, match_key

#: Columns of every rejections table (``rejected.csv``, ``spec/outputs.md``).
REJECTION_COLUMNS = ["file", "sheet", "row", "column", "value", "error"]
#: Dataframe-wide checks → the form column they are about.
_CHECK_COLUMN = {"position_given": "position", "period_readable": "period",
                 "period_in_year": "period"}
DUPLICATE_KEY = ["model", "field", "type", "registrant"]


def _message(column: str, check: str, value: str, year: int) -> str:
    spec = BY_NAME[column]
    header = spec.header
    if check == "not_nullable" or (not value and check != "position_given"):
        return f"Thiếu '{header}': cần {spec.expected}."
    if check.startswith("str_length"):
        return (f"'{header}' có {len(value)} ký tự: cần từ {MODEL_MIN} đến {MODEL_MAX} ký tự.")
    if check.startswith("isin"):
        return f"'{value}' không hợp lệ ở cột '{header}': cần {spec.expected}."
    if check == "position_given":
        return "Thiếu 'Chức vụ': đăng ký Cá nhân phải ghi chức vụ của cá nhân đó."
    if check == "period_readable":
        return f"Không đọc được '{header}' '{value}': cần {spec.expected}."
    if check == "period_in_year":
        return f"'{header}' '{value}' không trùng với năm báo cáo {year}."
    return f"'{value}' không hợp lệ ở cột '{header}' ({check}): cần {spec.expected}."


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


def _duplicates(rows: pd.DataFrame) -> pd.Series:
    """For each row that repeats an earlier one, the Excel row of the first (else <NA>)."""
    key = rows[DUPLICATE_KEY].apply(lambda col: col.map(match_key))
    first = key.reset_index().groupby(DUPLICATE_KEY, dropna=False)["row"].transform("min")
    first.index = rows.index
    return first.where(first != rows.index.to_series(), pd.NA)


def validate_rows(rows: pd.DataFrame, raw: pd.DataFrame, *, year: int, file: str,
                  sheet: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split normalised rows into valid registrations and rejections.

    ``rows``: :func:`thidua.ingest.normalise.normalise_rows` output (index: Excel row);
    ``raw``: the same rows as read (for the value a unit wrote). Returns ``(valid,
    rejections)``: ``valid`` is ``rows`` restricted to rows without problems, checked against
    :func:`schemas.registration.registration_schema`; ``rejections`` has one line per
    problem (a row with two problems has two lines) with :data:`REJECTION_COLUMNS`.
    """
    schema = registration_schema(year)
    try:
        schema.validate(rows, lazy=True)
        failures = pd.DataFrame(columns=["column", "check", "index"])
    except pa.errors.SchemaErrors as exc:
        failures = exc.failure_cases
        failures = failures[failures["index"].notna()]
    problems: dict[tuple[int, str], str] = {}
    for column, check, index in failures[["column", "check", "index"]].itertuples(index=False):
        column = _CHECK_COLUMN.get(str(check), column)
        if column not in BY_NAME:
            continue
        problems.setdefault((int(index), column), str(check))
    records = []
    for (row, column), check in sorted(problems.items()):
        value = clean_text(raw.at[row, column]) if column in raw else ""
        records.append({"file": file, "sheet": sheet, "row": row,
                        "column": BY_NAME[column].header, "value": value,
                        "error": _message(column, check, value, year)})
    for row, first in _duplicates(rows).dropna().astype(int).items():
        records.append({"file": file, "sheet": sheet, "row": row,
                        "column": BY_NAME["model"].header,
                        "value": clean_text(raw.at[row, "model"]) if "model" in raw else "",
                        "error": f"Trùng với dòng {first}: cùng tên mô hình, lĩnh vực, hình thức "
                                 f"và tập thể/cá nhân; chỉ tính dòng {first}."})
    rejections = rejection_frame(records).sort_values(["row", "column"], kind="stable")
    valid = rows.drop(index=rejections["row"].unique().astype(int))
    return schema.validate(valid), rejections.reset_index(drop=True)
