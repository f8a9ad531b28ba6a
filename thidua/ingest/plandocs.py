"""A period cell naming the plan or decision a model follows (``Theo KH số 05/KH-CĐCS ngày
10/01/2024``, ``Từ 01/2024 theo QĐ 15/QĐ-CĐ``, ``Năm 2024 theo Nghị quyết số 08-NQ/TU``): the
document's number is never a date nor a month, and the day it was signed never the period
(:func:`thidua.ingest.periods.documents_dropped`). The period is the one the cell also states;
else the year the documents were signed; else, when they give no day, the report year
(``Thời gian thực hiện`` is optional, ``spec/submission-form.md`` "The header row"; a cell
naming no other year keeps its registration, ``docs/contracts.md`` "Periods written every
other way"). The unit is told which rows were so read, and a row whose documents were signed
in another year is told why it is not in the report year (fresh tester W's W707: 5 of 8 rows
rejected "Không đọc được 'Thời gian thực hiện'").
"""

from __future__ import annotations

import re

import pandas as pd

from schemas.form import BY_NAME
from thidua.ingest.columnar import by_value
from thidua.ingest.periods import documents_dropped, documents_only, over_long, parse_period
from thidua.text import clean_text, match_key, rows_said


def _named(value: object) -> bool:
    """Whether a period cell is text naming a document (:data:`thidua.ingest.periods._DOCUMENT`)."""
    return isinstance(value, str) and not over_long(value) and documents_dropped(match_key(value))[1]


def document_note(data: pd.DataFrame, header: str | None, year: int) -> str | None:
    """The line telling a unit which rows' ``period`` cells (``data``: a sheet's data rows,
    index Excel rows; ``header``: the unit's own header of the column, else the form's) name a
    document and were read as a period overlapping the report ``year``, with the first as an
    example (``'Theo KH số 05/KH-CĐCS ngày 10/01/2024' là 01/01/2024 - 31/12/2024``); ``None``
    when there is none. The rows whose period is outside the year are rejected instead
    (:func:`document_hint`)."""
    if "period" not in data:
        return None
    named = by_value(data["period"], _named, "bool")
    read = []
    for row, value in data.loc[named.to_numpy(), "period"].items():
        period = parse_period(value, year)
        if period and period[0].year <= year <= period[1].year:
            read.append((row, value, period))
    if not read:
        return None
    _, value, (start, end) = read[0]
    column = header or BY_NAME["period"].header
    return (f"Cột '{column}' ghi kèm văn bản (kế hoạch, quyết định, nghị quyết…) ở dòng "
            f"{rows_said([r for r, _, _ in read])}: số hiệu và ngày ký văn bản không phải thời "
            f"gian thực hiện; đã đọc thời gian ghi kèm, hoặc, khi ô chỉ ghi văn bản, cả năm ký "
            f"văn bản (văn bản không ghi ngày: năm báo cáo) (ví dụ '{clean_text(value)}' là "
            f"{start:%d/%m/%Y} - {end:%d/%m/%Y}). Nếu cần, đề nghị ghi rõ thời gian thực hiện "
            f"dd/mm/yyyy - dd/mm/yyyy và ghi văn bản ở cột 'Ghi chú'.")


def document_hint(value: object, year: int) -> str:
    """What the rejection of a period outside the report ``year`` adds when its cell names
    documents and nothing else (``Theo KH số 05/KH-CĐCS ngày 10/12/2023``): the year read is
    the one they were signed, and how to say the period (leading space); ``""`` otherwise."""
    if not _named(value) or not documents_only(key := match_key(value)):
        return ""
    signed = documents_dropped(key)[0]
    said = f" ({m.group()})" if (m := re.search(r"\d{4}", signed)) else ""
    return (f" Ô chỉ ghi văn bản: đã hiểu thời gian là năm ký văn bản{said}; nếu mô hình thực "
            f"hiện trong năm {year}, đề nghị ghi rõ thời gian thực hiện (dd/mm/yyyy - "
            f"dd/mm/yyyy).")


__all__ = ["document_hint", "document_note"]
