"""A summary table under the list, with a header of its own: ``TỔNG HỢP THEO LĨNH VỰC``, then
``STT | Lĩnh vực | Tập thể | Cá nhân | Cộng`` and one line per field (``1 | Kinh tế | 1 | 1 |
2``), typed in the form's first columns (fresh tester L's L087: its header and four lines were
rejected "'Tập thể' không hợp lệ ở cột 'Lĩnh vực'", "'1' không hợp lệ ở cột 'Hình thức'").
They count nothing: totals, ignored (``spec/submission-form.md``, "Rows that are not data";
``docs/contracts.md``, "Totals lines"). Only under such a heading, and only rows holding
nothing but numbers, fields, types and a summary's header words: a registration under the
heading, or a blank row after the table's lines, ends it.
"""

from __future__ import annotations

import re

import pandas as pd

from thidua.ingest.values import EXACT, read_value
from thidua.text import match_key

#: A summary block's heading under the table (``TỔNG HỢP THEO LĨNH VỰC``, ``THỐNG KÊ``), as a
#: match key.
SUMMARY_HEADING = re.compile(r"(?:[ivx\d]+[.)]?\s*)?(?:tong hop|thong ke|bang tong hop)\b.{0,60}")
#: A summary table's own header words and line labels, as match keys.
_WORDS = frozenset({"stt", "tt", "linh vuc", "hinh thuc", "cong", "tong", "tong cong", "tong so",
                    "so luong", "so mo hinh", "sl", "ghi chu"})
_NUMBER = re.compile(r"[\d.,]+")


def _summary_word(text: str) -> bool:
    """A count, a field or a type read exactly, or a word of :data:`_WORDS`."""
    key = match_key(text).strip(" .:")
    return (_NUMBER.fullmatch(key) is not None or key in _WORDS
            or any(read_value(column, text).how == EXACT for column in ("field", "type")))


def is_summary_heading(texts: list[str]) -> bool:
    """Whether a row's texts are one summary heading (:data:`SUMMARY_HEADING`), alone or
    merged across the row."""
    return len(set(texts)) == 1 and SUMMARY_HEADING.fullmatch(match_key(texts[0])) is not None


def summary_table_rows(text: pd.DataFrame, labels: pd.Series) -> list[int]:
    """The data rows (Excel rows) of each summary table under a summary heading (a ``totals``
    row, :func:`is_summary_heading`): from the row after it, every data row holding only
    counts, fields, types and a summary's words (:func:`_summary_word`: its header ``STT |
    Lĩnh vực | Tập thể | Cá nhân | Cộng`` and its lines), up to the first data row holding
    anything else, a repeated header or a sub-heading, or a blank row after its lines.
    ``text``: :func:`thidua.ingest.normalise.form_text`; ``labels``:
    :func:`thidua.ingest.normalise.classify_rows` so far (same index)."""
    order = list(text.index)
    found: list[int] = []
    for heading in labels.index[(labels == "totals").to_numpy()]:  # a few rows, often none
        if not is_summary_heading([t for t in text.loc[heading].tolist() if t]):
            continue
        mine: list[int] = []
        for row in order[order.index(heading) + 1:]:
            label = labels[row]
            if label in ("header", "subheading", "signature") or label == "blank" and mine:
                break
            if label != "data":
                continue  # blank rows before it, its ``Cộng`` line (totals already)
            if not all(_summary_word(t) for t in text.loc[row].tolist() if t):
                break
            mine.append(row)
        found += mine
    return found
