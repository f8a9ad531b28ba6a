"""The unit registry: which units exist, and which are expected to submit for a year.

Source: ``shared/spec/unit-registry.md``. The registry is validated with
:data:`schemas.registry.REGISTRY_SCHEMA`.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from schemas.registry import REGISTRY_SCHEMA
from thidua.ingest.registrydates import DateFault, registry_dates
from thidua.ingest.registrytext import (
    SEPARATORS,
    RegistryError,
    registry_text,
    separator,
)
from thidua.reasons import csv_reason


def comment_lines(text: str) -> int:
    """How many lines at the top of a registry's text are comments: ``#`` first, or blank
    (the header comment of an example registry, ``spec/unit-registry.md``), or ``"#`` first
    (a comment holding the separator, which Excel saved in quotes), and a first line
    ``sep=;`` (the separator hint Excel reads; the header line decides the separator
    anyway, :func:`thidua.ingest.registrytext.separator`)."""
    count = 0
    for number, line in enumerate(text.splitlines()):
        hint = number == 0 and len(line) == 5 and line.startswith("sep=")
        if line.strip() and not line.lstrip().startswith(("#", '"#')) and not hint:
            break
        count += 1
    return count


def read_registry_table(path: Path) -> tuple[pd.DataFrame, int]:
    """The registry's rows as text (every column ``str``, empty cells NaN) and the CSV line
    number of its header row (1 unless comment lines come first). A data row's CSV line is
    ``header line + 1 + its index``. The text is UTF-8 (or UTF-16 with its byte-order mark),
    its separator ``,``, ``;`` or a tab as its header line says
    (:mod:`thidua.ingest.registrytext`). Raises :class:`RegistryError` when the file is
    missing, unreadable, not such a text or empty (no header)."""
    if not path.is_file():
        raise RegistryError(f"Không tìm thấy danh mục đơn vị: {path}")
    text = registry_text(path)
    skip = comment_lines(text)
    sep = separator(next(iter(text.splitlines()[skip:]), ""))
    try:
        frame = pd.read_csv(io.StringIO(text), dtype="str", keep_default_na=False,
                            na_values=[""], skiprows=skip, sep=sep, skip_blank_lines=False)
    except pd.errors.EmptyDataError as exc:
        raise RegistryError(f"Danh mục đơn vị {path} rỗng: cần dòng tiêu đề "
                            f"{','.join(REGISTRY_SCHEMA.columns)} và mỗi đơn vị một dòng.") from exc
    except pd.errors.ParserError as exc:
        raise RegistryError(f"Danh mục đơn vị {path} không đọc được: "
                            f"{csv_reason(exc, SEPARATORS[sep])}.") from exc
    if not set(REGISTRY_SCHEMA.columns) & set(frame.columns):
        raise RegistryError(f"Danh mục đơn vị {path} không có dòng tiêu đề: dòng {skip + 1} phải là "
                            f"{','.join(REGISTRY_SCHEMA.columns)}.")
    blank = frame.fillna("").apply(lambda column: column.str.strip()).eq("").all(axis=1)
    return _counts_ungrouped(frame[~blank]), skip + 1


#: A count written with thousands separators, as Excel shows it in a Vietnamese (``29.140``)
#: or an English (``29,140``) locale, or with spaces (``29 140``).
_GROUPED = r"\d{1,3}(?:[.,\s\u00a0]\d{3})+"


def _counts_ungrouped(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with ``members`` and ``grassroots_unions`` written with thousands separators
    (:data:`_GROUPED`) as plain digits (``29.140`` → ``29140``). (The rows of nothing but
    separators Excel saves for an empty formatted row, ``,,,,,,,,``, were dropped before: fresh
    tester Z's Z050, Z051, the whole registry was refused.)"""
    for column in ("members", "grassroots_unions"):
        if column in frame:
            grouped = frame[column].str.strip().str.fullmatch(_GROUPED, na=False)
            frame.loc[grouped, column] = frame.loc[grouped, column].str.replace(r"\D", "",
                                                                                  regex=True)
    return frame


def load_registry(path: Path) -> pd.DataFrame:
    """Read and validate the registry CSV.

    Returns one row per unit and validity period with the columns of
    ``spec/unit-registry.md``: ``code, name, level, kind`` (str), ``valid_from, valid_to``
    (datetime64, ``valid_to`` NaT while the unit exists), ``successors`` (str or NaN),
    ``members, grassroots_unions`` (int64), ``line`` (int64: the row's CSV line, counting
    the header comment). A unit may have several rows, one per validity period
    (``spec/unit-registry.md``). Raises :class:`RegistryError` when the file is missing,
    unreadable or breaks the schema (``thidua registry check`` lists every fault:
    :mod:`thidua.ingest.registry_check`). Dates may be written day first or year first
    (:mod:`thidua.ingest.registrydates`); a date that cannot be read is refused before
    anything else is checked, naming its line, column and value.
    """
    written, header = read_registry_table(path)
    frame, faults = registry_dates(written, header)
    if faults:
        raise RegistryError(f"Danh mục đơn vị {path} không hợp lệ: "
                            f"{_first_five([date_fault_text(f, header) for f in faults])}")
    try:
        valid = REGISTRY_SCHEMA.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:  # dates quoted as written (01/05/2024), not as read
        raise RegistryError(f"Danh mục đơn vị {path} không hợp lệ: "
                            f"{_describe(exc.failure_cases, written, header)}") from exc
    return valid.assign(line=valid.index + header + 1)


def _describe(cases: pd.DataFrame, frame: pd.DataFrame, header: int = 1) -> str:
    """The first few registry problems in Vietnamese: CSV line, column, value, what is wrong."""
    said = []
    for column, check, value, index in cases[["column", "check", "failure_case", "index"]].itertuples(index=False):
        where = f"dòng {int(index) + header + 1}, " if pd.notna(index) else ""
        if check == "column_in_dataframe":
            said.append(f"thiếu cột '{value}'")
        elif pd.isna(index):
            continue  # a whole-column failure (e.g. a type error) already said per cell
        elif check == "valid_to_after_valid_from":
            said.append(f"{where}mã '{frame.at[index, 'code']}': valid_to "
                        f"{frame.at[index, 'valid_to']} trước valid_from {frame.at[index, 'valid_from']}")
        elif check == "periods_apart":
            said.append(f"{where}mã '{frame.at[index, 'code']}' có hai thời kỳ hoạt động chồng "
                        f"lên nhau (mỗi ngày một đơn vị chỉ có một dòng)")
        elif check in ("field_uniqueness", "multiple_fields_uniqueness"):
            said.append(f"mã '{frame.at[index, 'code']}' có hai dòng cùng ngày bắt đầu (mỗi đơn vị "
                        f"một dòng cho mỗi thời kỳ)")
        elif check == "not_nullable":
            said.append(f"{where}cột '{column}' để trống")
        else:
            expected = REGISTRY_SCHEMA.columns[column].description if column in REGISTRY_SCHEMA.columns else check
            said.append(f"{where}cột '{column}' = '{value}': cần {expected}")
    return _first_five(said)


def _first_five(said: list[str]) -> str:
    """The first five of ``said`` (repeats dropped), joined by ``; ``, and how many more."""
    unique = list(dict.fromkeys(said))
    return "; ".join(unique[:5]) + (f"; và {len(unique) - 5} lỗi khác" if len(unique) > 5 else "")


def date_fault_text(fault: DateFault, header: int) -> str:
    """A date the registry cannot use (:class:`thidua.ingest.registrydates.DateFault`), as
    :func:`load_registry` says it: ``dòng 6, cột 'valid_from' = '31/02/2025': ngày
    31/02/2025 không có (tháng 02/2025 có 28 ngày); cần ngày bắt đầu dạng dd/mm/yyyy …``."""
    expected = REGISTRY_SCHEMA.columns[fault.column].description
    return (f"dòng {fault.index + header + 1}, cột '{fault.column}' = '{fault.value}': "
            f"{fault.reason}; cần {expected}")


def reference_date(year: int, as_of: dt.date | None = None) -> pd.Timestamp:
    """The day on which the units expected for ``year`` are those of the registry: ``as_of``
    when given, else 31 December of ``year`` (``spec/unit-registry.md``, "Expected units")."""
    return pd.Timestamp(as_of or dt.date(year, 12, 31))


def _valid_between(registry: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.Series:
    return (registry["valid_from"] <= end) & (registry["valid_to"].isna() | (registry["valid_to"] >= start))


def expected_units(registry: pd.DataFrame, year: int, as_of: dt.date | None = None) -> pd.DataFrame:
    """The units expected to submit for ``year``: those valid on the reference date
    (:func:`reference_date`: ``as_of``, default 31/12/``year``; ``spec/unit-registry.md``).

    A unit that ended during the year (the 40 units that ended on 30/06/2025) is not
    expected, though its file is accepted (:func:`accepted_units`). Same columns as
    :func:`load_registry`, one row per code, in the registry's order (the order of the
    report's tables).
    """
    day = reference_date(year, as_of)
    live = _valid_between(registry, day, day)
    return registry[live].drop_duplicates("code", keep="last").reset_index(drop=True)


def accepted_units(registry: pd.DataFrame, year: int) -> pd.DataFrame:
    """The units whose file is accepted for ``year``: those valid on at least one day of it
    (``spec/unit-registry.md``). Same columns as :func:`load_registry`, one row per code."""
    live = _valid_between(registry, pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31))
    return registry[live].drop_duplicates("code", keep="last").reset_index(drop=True)


def ended_units(registry: pd.DataFrame, year: int) -> dict[str, dt.date]:
    """Unit code → its last day, for the units accepted for ``year`` (:func:`accepted_units`)
    whose last period ends before 31 December of it (``valid_to``; ``spec/unit-registry.md``):
    the 40 districts' unions that ended on 30/06/2025. A unit with an open or later period is
    not among them."""
    live = registry[registry["code"].isin(accepted_units(registry, year)["code"])]
    last = live["valid_to"].fillna(pd.Timestamp.max).groupby(live["code"]).max()
    return {code: end.date() for code, end in last.items() if end < pd.Timestamp(year, 12, 31)}


def validity_text(registry: pd.DataFrame) -> dict[str, str]:
    """Unit code → its validity periods in Vietnamese (``từ 01/07/2025``, ``từ 01/01/1990 đến
    30/06/2025``, several joined by ``; ``), for the message rejecting a file of a unit that did
    not exist in the year."""
    said: dict[str, list[str]] = {}
    for code, start, end in registry[["code", "valid_from", "valid_to"]].itertuples(index=False):
        text = f"từ {start:%d/%m/%Y}" + (f" đến {end:%d/%m/%Y}" if pd.notna(end) else "")
        said.setdefault(code, []).append(text)
    return {code: "; ".join(texts) for code, texts in said.items()}
