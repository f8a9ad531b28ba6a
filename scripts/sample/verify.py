"""Re-read the written sample files with pandas and recount them, independently of the generator.

This is a deliberately small reader of form DVK-01 (../shared/spec/submission-form.md): it knows
the accepted spellings from the spec, not from ``vocab``/``layout``. The generator compares its
findings with what it meant to write.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd
import python_calamine

#: The year being recounted: the folder's name when it is a year (``data/raw/2025``), set by
#: :func:`recount`; periods must overlap it and titles must name it.
YEAR = 2024
CANONICAL = ("STT", "Mã đơn vị", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
             "Chức vụ", "Cấp công đoàn", "Công đoàn cơ sở", "Thời gian thực hiện", "Kết quả", "Ghi chú")
FIELD_KEYS = {"kt": "KT", "kinhte": "KT", "vhxh": "VHXH", "vanhoaxahoi": "VHXH", "anqp": "ANQP",
              "qpan": "ANQP", "anninhquocphong": "ANQP", "quocphonganninh": "ANQP",
              "xdhtct": "XDHTCT", "xaydunghethongchinhtri": "XDHTCT"}
TYPE_KEYS = {"tapthe": "collective", "tt": "collective", "canhan": "individual", "cn": "individual"}
LEVEL_KEYS = {"thanhpho": "thanh_pho", "captrentructiepcoso": "cap_tren_co_so",
              "captrencoso": "cap_tren_co_so", "coso": "co_so"}
RESULT_KEYS = {"": "chua_danh_gia", "chuadanhgia": "chua_danh_gia", "hoanthanh": "hoan_thanh",
               "tieubieu": "tieu_bieu", "khonghoanthanh": "khong_hoan_thanh"}


def text(value) -> str:
    """Cell as NFC text with collapsed spaces ("" for empty)."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (dt.date, pd.Timestamp)):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def key(value: str) -> str:
    """Accent-free, case-free, letters-and-digits-only form used for matching."""
    stripped = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in stripped if not unicodedata.combining(c)).lower())


def header_name(value: str) -> str:
    """Canonical header a cell stands for, or "" (ignores a trailing (*) and a (hint) after it)."""
    k = key(re.sub(r"\(\*\)\s*$", "", value))
    for name in CANONICAL:
        if k == key(name) or (k.startswith(key(name)) and "(" in value and key(name) != "stt"):
            return name
    return ""


def read_grid(path: Path) -> tuple[str, list[list[str]]]:
    """(sheet name, rows of NFC text) of the first visible sheet with a header; "" sheet for CSV."""
    if path.suffix == ".csv":
        raw = path.read_bytes()
        encoding = "utf-8-sig"
        try:
            raw.decode(encoding)
        except UnicodeDecodeError:
            encoding = "cp1258"
        first = raw.decode(encoding).splitlines()[0]
        sep = ";" if first.count(";") > first.count(",") else ","
        frame = pd.read_csv(path, sep=sep, encoding=encoding, header=None, dtype=str,
                            keep_default_na=False, skip_blank_lines=False)
        return "", [[text(v) for v in row] for row in frame.itertuples(index=False)]
    book = python_calamine.CalamineWorkbook.from_path(str(path))
    for meta in book.sheets_metadata:
        if not str(meta.visible).endswith(".Visible"):  # hidden sheets are ignored
            continue
        frame = pd.read_excel(path, sheet_name=meta.name, header=None, engine="calamine")
        rows = [[text(v) for v in row] for row in frame.itertuples(index=False)]
        if find_header(rows) is not None:
            return meta.name, rows
    raise ValueError(f"{path.name}: no visible sheet with a header row")


def find_header(rows: list[list[str]]) -> int | None:
    """Index of the first row holding both Tên mô hình and Lĩnh vực."""
    for i, row in enumerate(rows):
        names = {header_name(v) for v in row}
        if {"Tên mô hình", "Lĩnh vực"} <= names:
            return i
    return None


def overlaps_year(period: str) -> bool:
    """True when a period (text or dd/mm/yyyy of a date cell) overlaps YEAR, or is empty."""
    years = [int(y) for y in re.findall(r"(\d{4})", period)]
    if not years:
        return period == ""
    return min(years) <= YEAR <= max(years)


def check_row(row: dict, seen: set) -> list[str]:
    """Columns in error for one data row (spec table 'The header row' and 'Errors')."""
    errors = []
    name, field, type_ = row.get("Tên mô hình", ""), row.get("Lĩnh vực", ""), row.get("Hình thức", "")
    if not 5 <= len(name) <= 500:
        errors.append("Tên mô hình")
    if key(field) not in FIELD_KEYS:
        errors.append("Lĩnh vực")
    if key(type_) not in TYPE_KEYS:
        errors.append("Hình thức")
    if not row.get("Tên tập thể/cá nhân"):
        errors.append("Tên tập thể/cá nhân")
    if TYPE_KEYS.get(key(type_)) == "individual" and not row.get("Chức vụ"):
        errors.append("Chức vụ")
    if row.get("Cấp công đoàn") and key(row["Cấp công đoàn"]) not in LEVEL_KEYS:
        errors.append("Cấp công đoàn")
    if not overlaps_year(row.get("Thời gian thực hiện", "")):
        errors.append("Thời gian thực hiện")
    if key(row.get("Kết quả", "")) not in RESULT_KEYS:
        errors.append("Kết quả")
    ident = (name, FIELD_KEYS.get(key(field)), TYPE_KEYS.get(key(type_)), row.get("Tên tập thể/cá nhân"))
    if not errors and ident in seen:
        errors.append("Tên mô hình")
    seen.add(ident)
    return errors


def classify(cells: list[str]) -> str:
    """blank / totals / subheading / signature, or "data"."""
    filled = [c for c in cells if c]
    if not filled:
        return "blank"
    if key(filled[0]) in ("tongcong", "cong", "tongso"):
        return "totals"
    if len(filled) == 1 and key(filled[0]).lstrip("ivx").startswith("linhvuc"):
        return "subheading"
    if any(re.search(r"nguoilapbieu|thutruongdonvi|ngay\d+thang\d+nam\d{4}", key(c)) for c in filled):
        return "signature"
    return "data"


def check_identity(path: Path, title: list[list[str]], columns: list[str], body: list[list[str]]) -> None:
    """Unit code (file name, title line, column) and year (title line) agree (spec 'Which unit')."""
    code = path.name.split("_")[0]
    for line in (v for row in title for v in row if v):
        if match := re.match(r"Mã đơn vị:\s*(\S+)", line):
            assert match[1] == code, (path.name, line)
        if match := re.match(r"Năm:\s*(\d{4})", line):
            assert int(match[1]) == YEAR, (path.name, line)
    if "Mã đơn vị" in columns:
        k = columns.index("Mã đơn vị")
        assert {row[k] for row in body if classify(row) == "data"} == {code}, path.name


def recount(folder: Path) -> dict:
    """Counts, rejections and ignored rows of every file in ``folder``.

    Returns {"cells": Counter[(field, type)], "by_unit": Counter[(unit code, field, type)],
    "levels": Counter, "results": Counter, "rejections": [(file, sheet, row, column)],
    "files": {name: Counter of row kinds}}. The unit code is the file name's part before ``_``.
    The year is the folder's name when it is one (``data/raw/2025``), else 2024.
    """
    global YEAR
    YEAR = int(folder.name) if re.fullmatch(r"(19|20)\d\d", folder.name) else 2024
    out = {"cells": Counter(), "by_unit": Counter(), "levels": Counter(), "results": Counter(),
           "rejections": [], "files": {}}
    for path in sorted(folder.iterdir()):
        sheet, rows = read_grid(path)
        h = find_header(rows)
        columns = [header_name(v) for v in rows[h]]
        start = h + 1
        if any(header_name(v) for v in rows[h + 1]):  # header split over two rows
            columns = [a or header_name(b) for a, b in zip(columns, rows[h + 1])]
            start = h + 2
        check_identity(path, rows[:h], columns, rows[start:])
        kinds, seen = Counter(), set()
        for i in range(start, len(rows)):
            kind = classify(rows[i])
            if kind == "totals":
                assert int(next(v for v in rows[i][1:] if v)) == kinds["data"] + kinds["rejected"], path.name
            if kind == "data":
                row = {c: v for c, v in zip(columns, rows[i]) if c}
                errors = check_row(row, seen)
                assert len(errors) <= 1, (path.name, i + 1, errors)
                if errors:
                    kind = "rejected"
                    out["rejections"].append((path.name, sheet, i + 1, errors[0]))
                else:
                    cell = (FIELD_KEYS[key(row["Lĩnh vực"])], TYPE_KEYS[key(row["Hình thức"])])
                    out["cells"][cell] += 1
                    out["by_unit"][(path.name.split("_")[0], *cell)] += 1
                    level = row.get("Cấp công đoàn") or ("Cơ sở" if row.get("Công đoàn cơ sở") else "Cấp trên cơ sở")
                    out["levels"][LEVEL_KEYS[key(level)]] += 1
                    out["results"][RESULT_KEYS[key(row.get("Kết quả", ""))]] += 1
            kinds[kind] += 1
        out["files"][path.name] = kinds
    return out
