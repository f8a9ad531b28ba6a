"""Models that start after their unit ended are counted and the unit is told (fresh tester R's
R420; :mod:`thidua.ingest.unitend`, ``docs/contracts.md``)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from conftest import REGISTRY
from helpers import input_file, row, write_xlsx
from thidua.ingest.files import UnitContext, ingest_file
from thidua.ingest.registry import ended_units, load_registry
from thidua.ingest.unitend import after_end_note

JUNE_30 = dt.date(2025, 6, 30)


@pytest.fixture(scope="module")
def context_2025() -> UnitContext:
    return UnitContext.for_year(load_registry(REGISTRY), 2025)


def _read(tmp_path, context, periods, unit="Q-HK"):
    rows = [row(model=f"Mô hình số {i}", period=p, stt=i) for i, p in enumerate(periods, 1)]
    path = write_xlsx(tmp_path / f"{unit}_2025.xlsx", rows,
                      title=[f"Mã đơn vị: {unit}", "Năm: 2025"])
    return ingest_file(input_file(path), context)


def _notes(result):
    return [n for n in result.readings if "kết thúc ngày" in n]


def test_the_districts_that_ended_in_2025_end_on_30_june():
    registry = load_registry(REGISTRY)
    ends = ended_units(registry, 2025)
    assert ends["Q-HK"] == ends["Q-DD"] == JUNE_30
    assert "P-DONGDA" not in ends and "CQ-DANG" not in ends
    assert ended_units(registry, 2024) == {}


def test_models_starting_after_the_end_are_counted_and_told(tmp_path, context_2025):
    result = _read(tmp_path, context_2025, ["07/2025 - 12/2025", "01/2025 - 06/2025",
                                            "01/07/2025 - 31/12/2025", "30/06/2025 - 31/12/2025",
                                            None])
    assert result.rows == {"read": 5, "valid": 5, "rejected": 0, "ignored": 0}
    assert _notes(result) == [
        "Đơn vị 'Q-HK' kết thúc ngày 30/06/2025 theo danh mục đơn vị, nhưng 2 mô hình ghi thời "
        "gian thực hiện bắt đầu sau ngày đó (dòng 5, 7): các mô hình này vẫn được tính cho "
        "'Q-HK'. Nếu đó là mô hình của đơn vị kế thừa, đề nghị chuyển sang danh sách của đơn vị "
        "kế thừa và gửi lại."]


def test_no_word_for_a_unit_that_goes_on_or_models_within_its_time(tmp_path, context_2025):
    assert _notes(_read(tmp_path, context_2025, ["07/2025 - 12/2025"], unit="P-DONGDA")) == []
    assert _notes(_read(tmp_path, context_2025, ["01/2025 - 06/2025", None])) == []


def test_the_note_names_each_sheet_of_a_file_of_several():
    frame = pd.DataFrame({"sheet": ["Tổ 1", "Tổ 2", "Tổ 2"],
                          "period_start": pd.to_datetime(["2025-07-01", "2025-08-01", "2025-01-01"])},
                         index=[8, 9, 10])
    note = after_end_note("Q-DD", JUNE_30, frame)
    assert "2 mô hình" in note and "(trang 'Tổ 1' dòng 8; trang 'Tổ 2' dòng 9)" in note
    assert after_end_note("Q-DD", None, frame) is None
    assert after_end_note("Q-DD", JUNE_30, frame.iloc[:0]) is None
    assert after_end_note("Q-DD", JUNE_30, pd.DataFrame()) is None  # a file with no row


def test_a_unit_ending_on_the_last_day_of_the_year_or_going_on_has_not_ended():
    registry = pd.DataFrame({
        "code": ["A", "B", "C", "C"],
        "valid_from": pd.to_datetime(["1990-01-01"] * 4),
        "valid_to": pd.to_datetime(["2024-12-31", "2024-03-31", "2024-05-31", None]),
        "name": ["A", "B", "C", "C"]})
    assert ended_units(registry, 2024) == {"B": dt.date(2024, 3, 31)}
