"""A second table under the list headed by another year (``DANH SÁCH MÔ HÌNH ĐĂNG KÝ NĂM 2023
(để đối chiếu)``, ``DỰ KIẾN ĐĂNG KÝ NĂM 2025``, ``Năm 2023``), usually with the header again:
last year's list kept for comparison or next year's plan. Its rows are not this year's
registrations: ignored as :data:`OTHER_YEAR`, told naming the heading and the rows, never
counted (fresh tester L's L085, L086, L151; ``docs/contracts.md``, "Rows that are not data").
A heading of the report year (``DANH SÁCH ĐĂNG KÝ BỔ SUNG (tháng 9/2024)``, ``… NĂM 2024 (tiếp
theo)``) changes nothing: its rows are more registrations. The year is read as a sheet's name
is (:func:`thidua.ingest.sheettitle.named_year`).
"""

from __future__ import annotations

import pandas as pd

from thidua.ingest.excerpts import EXCERPT
from thidua.ingest.sheettitle import named_year
from thidua.text import clean_text

__all__ = ["OTHER_YEAR", "other_year_note", "other_year_tables"]

#: Ignored-row reason of a row under a heading of another year (``IGNORED_REASONS`` of
#: :mod:`thidua.ingest.normalise`).
OTHER_YEAR = "other_year"


def _only_text(row: pd.Series) -> str | None:
    texts = list(dict.fromkeys(t for t in map(clean_text, row.tolist()) if t))
    return texts[0] if len(texts) == 1 else None


def other_year_tables(raw: pd.DataFrame, labels: pd.Series, year: int
                      ) -> list[tuple[int, str, int, list[int]]]:
    """The tables under a heading of another year: ``(heading's Excel row, its text, the year
    it names, the Excel rows of data under it)``, each up to the next heading (a
    ``subheading`` row holding one text) or the sheet's end. Only a heading under at least one
    row of data counts (the list comes first); ``raw`` and ``labels`` as
    :class:`thidua.ingest.sheetrows.SheetRows` has them."""
    found: list[tuple[int, str, int, list[int]]] = []
    seen_data = False
    current: tuple[int, str, int, list[int]] | None = None
    for row, label in labels.items():
        if label in ("data", OTHER_YEAR, EXCERPT):  # once marked, read again for its note;
            # last year's list repeating this year's rows is last year's (not an excerpt)
            seen_data = True
            if current is not None:
                current[3].append(row)
            continue
        text = _only_text(raw.loc[row]) if label == "subheading" else None
        if text is None:
            continue
        other = named_year(text, year) if seen_data else None
        current = (row, text, other, []) if other is not None else None
        if current is not None:
            found.append(current)
    return [t for t in found if t[3]]


def mark_other_years(labels: pd.Series, tables: list[tuple[int, str, int, list[int]]]
                     ) -> pd.Series:
    """``labels`` with the data rows of ``tables`` (:func:`other_year_tables`) made
    :data:`OTHER_YEAR`."""
    if not tables:
        return labels
    labels = labels.copy()
    labels[[r for t in tables for r in t[3]]] = OTHER_YEAR
    return labels


def other_year_note(tables: list[tuple[int, str, int, list[int]]], year: int) -> str | None:
    """The line telling a unit its rows under a heading of another year were not counted:
    ``Dòng 18 'DANH SÁCH … NĂM 2023 (để đối chiếu)' ghi năm 2023, khác năm báo cáo 2024: 4 dòng
    dưới nó (dòng 20 đến 23) không tính là đăng ký năm 2024, đã bỏ qua. …``; ``None`` when
    there is none."""
    if not tables:
        return None
    parts = []
    for row, text, other, rows in tables:
        span = f"dòng {rows[0]} đến {rows[-1]}" if len(rows) > 1 else f"dòng {rows[0]}"
        parts.append(f"Dòng {row} '{text}' ghi năm {other}, khác năm báo cáo {year}: {len(rows)} "
                     f"dòng dưới nó ({span}) không tính là đăng ký năm {year}, đã bỏ qua.")
    return " ".join(parts) + (f" Nếu đó là đăng ký năm {year}, đề nghị sửa năm ở dòng tiêu đề; "
                              f"danh sách năm khác đề nghị gửi riêng vào năm đó.")
