"""Normalising raw rows: which rows are data, and each value in its canonical form.

Source: ``spec/submission-form.md`` ("The header row", "Rows that are not data", "Text").
Values that cannot be mapped stay as the unit wrote them (cleaned), so validation can say
exactly what was found; empty values become ``<NA>``.
"""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from schemas.form import (
    BY_NAME,
    FIELD_MAP,
    FIELDS,
    LEVEL_MAP,
    RESULT_MAP,
    SIGNATURE_KEYS,
    TOTAL_KEYS,
    TYPE_MAP,
)
from thidua.text import clean_text, compact_key, match_key

#: Ignored-row reasons, as counted in ``summary.json`` and the manifest.
IGNORED_REASONS = ("blank", "totals", "subheading", "signature")
TEXT_COLUMNS = ("model", "registrant", "position", "grassroots_union", "note", "unit_code")
_DATE = r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})"
_MONTH = r"(\d{1,2})\s*[/.\-]\s*(\d{4})"
_RANGE_SEP = r"\s*(?:-|–|—|đến|den|tới|toi|~)\s*"
_FIELD_HEADING_KEYS = {compact_key(name) for name in FIELDS.values()} | {
    compact_key("Quốc phòng - an ninh")}


def _data_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c in BY_NAME and c != "stt"]


def _is_totals(texts: list[str]) -> bool:
    first = [match_key(t).rstrip(" :") for t in texts[:3]]
    return any(k in TOTAL_KEYS or k.startswith(("tong cong", "tong so")) for k in first)


_ENUMERATOR = re.compile(r"^(?:[ivxlcdm]+|\d+|[a-z])(?:[.)/:-]|\s*[.)])?\s+")
_HEADING_WORDS = re.compile(r"^(?:linh vuc|mo hinh|cac mo hinh|hinh thuc|nhom)\s*:?\s*")


def _is_subheading(texts: list[str], type_text: str) -> bool:
    """A row that only names a field, e.g. ``I. LĨNH VỰC KINH TẾ`` (merged across the table) or
    ``I`` | ``Lĩnh vực kinh tế`` in two cells, or a registrant type with a numbering
    (``A. TẬP THỂ``, ``2. Mô hình cá nhân``) outside the ``Hình thức`` column."""
    parts = list(dict.fromkeys(texts))
    if not parts or len(parts) > 2:
        return False
    key = match_key(" ".join(parts))
    bare = _ENUMERATOR.sub("", key)
    numbered = bare != key
    name = compact_key(_HEADING_WORDS.sub("", bare))
    if name in _FIELD_HEADING_KEYS or name in FIELD_MAP:
        return len(parts) == 1 or numbered
    return name in TYPE_MAP and (numbered or _HEADING_WORDS.match(bare) is not None) \
        and not type_text


_NOTE = re.compile(r"^(ghi chu|luu y|chu thich|nguon)\s*:|^\(?\*+\)?\s")


def _is_signature(texts: list[str]) -> bool:
    """The first row of the block below the table: a signer (``Người lập biểu``, ``THỦ TRƯỞNG
    ĐƠN VỊ``), a place-and-date line, or a note in a single cell (``Ghi chú: …``, ``* …``)."""
    keys = [match_key(t) for t in texts]
    if len(keys) == 1 and _NOTE.match(keys[0]):
        return True
    return any(k.startswith(SIGNATURE_KEYS) or re.match(r"^.{0,40}, ngay .{0,6}thang", k)
               or re.match(r"^ngay\s+(\d{1,2}|\.+|…+)\s+thang", k) for k in keys)


def classify_rows(raw: pd.DataFrame) -> pd.Series:
    """Label each raw row ``"data"`` or an ignored reason from :data:`IGNORED_REASONS`.

    ``raw`` is :func:`thidua.ingest.read.raw_rows` output (index: Excel row). Blank rows (nothing in
    the form's columns but perhaps a pre-printed STT number; unknown columns are not looked
    at), totals rows, field sub-headings and the signature block (the
    first row naming a signer or a place and date, and the rows after it that carry neither a
    known field nor a known type) are ignored, never rejected. Returns a str Series on the same index.
    """
    columns = _data_columns(raw)
    form = [c for c in raw.columns if c in BY_NAME]
    labels = []
    in_signature = False
    for _, values in raw.iterrows():
        texts = [t for t in (clean_text(values[c]) for c in form) if t]
        data_texts = [t for t in (clean_text(values[c]) for c in columns) if t]
        has_field_or_type = (
            ("field" in raw and compact_key(values["field"]) in FIELD_MAP)
            or ("type" in raw and compact_key(values["type"]) in TYPE_MAP))
        if not data_texts and all(re.fullmatch(r"[\d.,]*", t) for t in texts):
            labels.append("blank")  # nothing, or only a pre-printed STT number
        elif _is_totals(texts):
            labels.append("totals")
        elif not has_field_or_type and (in_signature or _is_signature(texts)):
            in_signature = True
            labels.append("signature")
        elif _is_subheading(texts, clean_text(values["type"]) if "type" in raw else ""):
            labels.append("subheading")
        else:
            labels.append("data")
    return pd.Series(labels, index=raw.index, name="status", dtype="str")


def _map_value(value: object, mapping: dict[str, str]) -> object:
    """The code for a spelling, the cleaned text when unknown, ``<NA>`` when empty."""
    text = clean_text(value)
    if not text:
        return pd.NA
    return mapping.get(compact_key(text), text)


def _parse_date(day: str | None, month: str, year: str, end: bool) -> dt.date:
    y, m = int(year), int(month)
    if day is not None:
        return dt.date(y, m, int(day))
    if end:
        return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))
    return dt.date(y, m, 1)


def parse_period(value: object) -> tuple[dt.date, dt.date] | None:
    """A period cell as ``(start, end)`` dates, ``None`` when it cannot be read.

    Accepts ``dd/mm/yyyy - dd/mm/yyyy``, ``mm/yyyy - mm/yyyy`` (whole months), a single date or
    month, ``yyyy`` or ``Năm yyyy`` (the whole year), and a real date cell (that one day).
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value, value
    text = match_key(value)
    text = re.sub(r"^(tu|nam|ca nam)\s+", "", text)
    try:
        for part in (_DATE, _MONTH):
            m = re.fullmatch(part + _RANGE_SEP + part, text)
            if m:
                g = m.groups()
                half = len(g) // 2
                start = _parse_date(*(g[:half] if half == 3 else (None, *g[:half])), end=False)
                stop = _parse_date(*(g[half:] if half == 3 else (None, *g[half:])), end=True)
                return (start, stop) if start <= stop else None
        m = re.fullmatch(_DATE, text)
        if m:
            day = _parse_date(*m.groups(), end=False)
            return day, day
        m = re.fullmatch(_MONTH, text)
        if m:
            return _parse_date(None, *m.groups(), end=False), _parse_date(None, *m.groups(), end=True)
        m = re.fullmatch(r"(\d{4})", text)
        if m:
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
    except ValueError:  # 31/02/2024 and the like
        return None
    return None


def normalise_rows(raw: pd.DataFrame) -> pd.DataFrame:
    """Canonical values for the data rows of one file.

    Input: :func:`thidua.ingest.read.raw_rows` output, restricted to rows labelled ``"data"``.
    Output, same index (Excel row), one column per form column (missing columns added empty):
    ``model, registrant, position, grassroots_union, note, unit_code`` (str or <NA>);
    ``field`` (``KT``…, or the text as written), ``type`` (``collective``/``individual`` or
    text), ``level`` (``thanh_pho``/``cap_tren_co_so``/``co_so`` or text; derived when empty:
    ``co_so`` when ``Công đoàn cơ sở`` is filled, else ``cap_tren_co_so``), ``result`` (codes,
    ``chua_danh_gia`` when empty), ``period`` (text as written or <NA>), ``period_start`` and
    ``period_end`` (datetime64, NaT when empty or unreadable). All object columns are ``str``
    dtype with ``<NA>`` for missing.
    """
    out = pd.DataFrame(index=raw.index)
    get = lambda name: raw[name] if name in raw else pd.Series("", index=raw.index, dtype=object)
    for name in TEXT_COLUMNS:
        out[name] = get(name).map(lambda v: clean_text(v) or pd.NA)
    out["field"] = get("field").map(lambda v: _map_value(v, FIELD_MAP))
    out["type"] = get("type").map(lambda v: _map_value(v, TYPE_MAP))
    level = get("level").map(lambda v: _map_value(v, LEVEL_MAP))
    derived = out["grassroots_union"].notna().map({True: "co_so", False: "cap_tren_co_so"})
    out["level"] = level.where(level.notna(), derived)
    result = get("result").map(lambda v: _map_value(v, RESULT_MAP))
    out["result"] = result.where(result.notna(), "chua_danh_gia")
    periods = get("period").map(parse_period)
    out["period"] = get("period").map(lambda v: clean_text(v) or pd.NA)
    out["period_start"] = pd.to_datetime(periods.map(lambda p: p[0] if p else None))
    out["period_end"] = pd.to_datetime(periods.map(lambda p: p[1] if p else None))
    for name in (*TEXT_COLUMNS, "field", "type", "level", "result", "period"):
        out[name] = out[name].astype("str")
    return out
