"""The unit registry: which units exist, and which are expected to submit for a year.

Source: ``shared/spec/unit-registry.md``. The registry is validated with
:data:`schemas.registry.REGISTRY_SCHEMA`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from schemas.registry import REGISTRY_SCHEMA


class RegistryError(Exception):
    """The registry cannot be used; ``str(exc)`` says why, in Vietnamese."""


def load_registry(path: Path) -> pd.DataFrame:
    """Read and validate the registry CSV.

    Returns one row per unit and validity period with the columns of
    ``spec/unit-registry.md``: ``code, name, level, kind`` (str), ``valid_from, valid_to``
    (datetime64, ``valid_to`` NaT while the unit exists), ``successors`` (str or NaN),
    ``members, grassroots_unions`` (int64). Raises :class:`RegistryError` when the file is
    missing, unreadable or breaks the schema.
    """
    if not path.is_file():
        raise RegistryError(f"Không tìm thấy danh mục đơn vị: {path}")
    try:
        frame = pd.read_csv(path, dtype="str", encoding="utf-8-sig", keep_default_na=False,
                            na_values=[""])
    except pd.errors.EmptyDataError as exc:
        raise RegistryError(f"Danh mục đơn vị {path} rỗng: cần dòng tiêu đề "
                            f"{','.join(REGISTRY_SCHEMA.columns)} và mỗi đơn vị một dòng.") from exc
    except (pd.errors.ParserError, UnicodeDecodeError, OSError) as exc:
        raise RegistryError(f"Không đọc được danh mục đơn vị {path}: "
                            f"{getattr(exc, 'strerror', None) or exc}") from exc
    if not set(REGISTRY_SCHEMA.columns) & set(frame.columns):
        raise RegistryError(f"Danh mục đơn vị {path} không có dòng tiêu đề: dòng 1 phải là "
                            f"{','.join(REGISTRY_SCHEMA.columns)}.")
    try:
        return REGISTRY_SCHEMA.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        raise RegistryError(f"Danh mục đơn vị {path} không hợp lệ: {_describe(exc.failure_cases, frame)}") from exc


def _describe(cases: pd.DataFrame, frame: pd.DataFrame) -> str:
    """The first few registry problems in Vietnamese: CSV line, column, value, what is wrong."""
    said = []
    for column, check, value, index in cases[["column", "check", "failure_case", "index"]].itertuples(index=False):
        where = f"dòng {int(index) + 2}, " if pd.notna(index) else ""
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
    unique = list(dict.fromkeys(said))
    return "; ".join(unique[:5]) + (f"; và {len(unique) - 5} lỗi khác" if len(unique) > 5 else "")


def expected_units(registry: pd.DataFrame, year: int) -> pd.DataFrame:
    """The units expected to submit for ``year``: those whose validity period overlaps it.

    Same columns as :func:`load_registry`, one row per code, in the registry's order (the
    order of the report's tables).
    """
    start, end = pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    live = (registry["valid_from"] <= end) & (registry["valid_to"].isna() | (registry["valid_to"] >= start))
    return registry[live].drop_duplicates("code", keep="last").reset_index(drop=True)
