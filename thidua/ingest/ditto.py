"""Ditto marks: a cell saying "as above" (``nt``, ``như trên``, ``"``, ``〃``, ``-//-``), as
Vietnamese clerks write a value that repeats the row above instead of typing it again.

Read as written, ``nt`` in ``Lĩnh vực`` or ``Hình thức`` was a value outside the accepted set
and the registration was rejected; in ``Tên tập thể/cá nhân`` or ``Chức vụ`` it was counted as
a registrant named ``nt``. A careful reader takes the value of the row above. Such a cell takes
the value of the registration row right above it (itself perhaps read from a ditto mark),
and the unit is told which cells (:func:`ditto_note`). A ditto mark with nothing to repeat
(the row above leaves the column blank, the first row, under a repeated header row or a
sub-heading) is an empty cell: a required value missing (fresh tester L's L012). Only a cell holding nothing but the
mark counts: ``NT Xanh``, ``Nhà trẻ NT``, ``Tổ công tác như trên`` are values. An extension of
``spec/submission-form.md``, "Accepted values" (``docs/contracts.md``).
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import by_value
from thidua.text import clean_text, rows_said

#: A cell holding only a ditto mark, after :func:`thidua.text.clean_text`, any case, with or
#: without its diacritics: ``nt``, ``n.t``, ``n/t``, ``-nt-``, ``(nt)``, ``nt trên``,
#: ``như trên``, ``như tr``, ``như tr.``, ``như dòng trên``, ``như ở trên``, ``giống trên``,
#: ``giống dòng trên``, ``-như trên-``; one to three quotes (``"``, ``''``, ``“``, ``”``,
#: ``„``, ``〃``, ``″``), perhaps a space between them (``" "``, ``“ ”``), a double low comma
#: ``,,`` and slashes (``//``, ``-//-``), with dashes of any length (``-"-``, ``–"–``,
#: ``—"—``), ``=`` or brackets around them.
DITTO = re.compile(
    r"[\s\-‐‑–—−=(\[]*"
    r"(?:n\.?\s?[/.]?\s?t\.?(?:\s+tr[eê]n)?"
    r"|(?:nh[uư]|gi[oố]ng)\s+(?:(?:d[oò]ng|[oở])\s+)?tr(?:[eê]n)?"
    r"|[\"'“”„‟〃″`](?:\s?[\"'“”„‟〃″`]){0,2}|,,|//)"
    r"[\s\-‐‑–—−=)\].]*", re.IGNORECASE)
#: The columns a ditto mark is read in: every column of the form but the row number.
DITTO_COLUMNS = tuple(name for name in BY_NAME if name != "stt")
#: Longest text a ditto mark cell holds (quick filter before the pattern): ``-- giống dòng
#: trên --``.
_LONGEST = 20


def is_ditto(value: object) -> bool:
    """Whether ``value`` (a cell as read) is nothing but a ditto mark (:data:`DITTO`)."""
    return isinstance(value, str) and len(value) <= _LONGEST \
        and DITTO.fullmatch(clean_text(value)) is not None


def _marked(column: pd.Series) -> pd.Series:
    """Per cell of ``column``: a ditto mark (bool, same index; each distinct value looked at
    once)."""
    return by_value(column, is_ditto, dtype=bool)


def filled_from_ditto(raw: pd.DataFrame, labels: pd.Series
                      ) -> tuple[pd.DataFrame, dict[str, dict[int, int | None]]]:
    """``raw`` with each ditto mark of a registration row (``labels == "data"``) replaced by
    the value of the registration row right above it (rows not registrations passed over),
    itself perhaps read from a mark, and ``{column: {row: the row whose written value it
    took, or None}}`` (Excel rows; ``{}`` and ``raw`` unchanged when there is none). A mark
    with nothing to repeat (under a registration that leaves the column blank, an
    individual's ``Chức vụ`` ``nt`` under a collective; under a repeated header row or a
    sub-heading; on the first row) is an empty cell (``None`` in the map): a required value
    missing, a field under a sub-heading taken from it, an optional one left to its default
    (fresh tester L's L012, L128, L132, L134).
    ``raw``: :func:`thidua.ingest.rows.raw_rows` (object columns, index Excel row);
    ``labels``: the rows' labels, same index. ``raw`` is not modified."""
    columns = [c for c in DITTO_COLUMNS if c in raw]
    data = labels == "data"
    marks = {c: m for c in columns if (m := _marked(raw[c]) & data).any()}
    if not marks:
        return raw, {}
    raw = raw.copy()
    taken: dict[str, dict[int, int | None]] = {}
    for column, marked in marks.items():
        raw[column] = raw[column].astype("object")
        above = None
        for row, label in labels.items():
            if label in ("header", "subheading"):
                above = None
            elif label != "data":
                continue
            else:
                if marked[row]:
                    value = raw.at[above, column] if above is not None else ""
                    said = bool(clean_text(value))
                    raw.at[row, column] = value if said else ""
                    taken.setdefault(column, {})[row] = (
                        taken.get(column, {}).get(above, above) if said else None)
                above = row
    return raw, taken


def ditto_note(raw: pd.DataFrame, taken: dict[str, dict[int, int | None]]) -> str | None:
    """The line telling a unit which cells were read as "as above" (:func:`filled_from_ditto`),
    or ``None``: ``Ô ghi dấu 'như trên' (nt, ", -//-) đã hiểu là giống dòng trên: cột 'Lĩnh
    vực' dòng 7, 8 lấy theo dòng 6 (Kinh tế); cột 'Hình thức' dòng 7 lấy theo dòng 6 (Tập
    thể).``, and for a mark with nothing to repeat ``cột 'Chức vụ' dòng 9: dòng trên không
    ghi gì, coi như ô để trống``."""
    if not taken:
        return None
    parts = []
    for column, rows in taken.items():
        by_source: dict[int | None, list[int]] = {}
        for row, source in sorted(rows.items()):
            by_source.setdefault(source, []).append(row)
        header = BY_NAME[column].header
        parts += [f"cột '{header}' dòng {rows_said(marked)} lấy theo dòng {source} "
                  f"({clean_text(raw.at[source, column])})" if source is not None else
                  f"cột '{header}' dòng {rows_said(marked)}: dòng trên không ghi gì, coi như ô "
                  f"để trống" for source, marked in by_source.items()]
    return ("Ô ghi dấu 'như trên' (nt, \", -//-) đã hiểu là giống dòng trên: "
            + "; ".join(parts) + ".")
