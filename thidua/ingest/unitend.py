"""Models that start after their unit ended: counted, and the unit told.

A unit that ended during the year (``valid_to`` of ``spec/unit-registry.md``: the 40
districts' unions on 30/06/2025) still sends its list for that year, and its file is
accepted. A model of that list whose ``Thời gian thực hiện`` starts after the unit's last day
was carried out by the units that took over its grassroots unions (``successors``): it is
still counted for the unit whose file holds it (the spec asks a period only to overlap the
report year), but the unit is told, so that it can move such models to its successor's list
(fresh tester R's R420: a whole list dated 07/2025 - 12/2025 counted for the old district
without a word). An extension, in ``docs/contracts.md``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from thidua.text import rows_said


def after_end_note(unit: str | None, end: dt.date | None,
                   registrations: pd.DataFrame) -> str | None:
    """The line telling ``unit`` (which ended on ``end``) how many of its valid
    ``registrations`` (index: Excel row; ``period_start`` datetime64, NaT when no period;
    ``sheet``) start after ``end``, and which rows: "Đơn vị 'Q-HK' kết thúc ngày 30/06/2025
    theo danh mục đơn vị, nhưng 8 mô hình ghi thời gian thực hiện bắt đầu sau ngày đó (dòng 8,
    9, …): …"; ``None`` when ``end`` is ``None`` or no registration starts after it."""
    if end is None or "period_start" not in registrations:  # no rows read: no columns
        return None
    later = registrations[registrations["period_start"] > pd.Timestamp(end)]
    if later.empty:
        return None
    sheets = later["sheet"].unique()
    if len(sheets) > 1:
        where = "; ".join(f"trang '{s}' dòng {rows_said(sorted(set(later.index[later['sheet'] == s])))}"
                          for s in sheets)
    else:
        where = f"dòng {rows_said(sorted(set(later.index)))}"
    return (f"Đơn vị '{unit}' kết thúc ngày {end:%d/%m/%Y} theo danh mục đơn vị, nhưng "
            f"{len(later)} mô hình ghi thời gian thực hiện bắt đầu sau ngày đó ({where}): các "
            f"mô hình này vẫn được tính cho '{unit}'. Nếu đó là mô hình của đơn vị kế thừa, đề "
            f"nghị chuyển sang danh sách của đơn vị kế thừa và gửi lại.")
