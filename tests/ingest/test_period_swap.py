"""A period written with its ends swapped is read the right way round, told (the fresh29
tester's F9: ``12/2024 - 01/2024`` rejected the registration over an optional column)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from thidua.ingest.files import USED, ingest_file
from thidua.ingest.periodswap import swapped_periods, turned
from helpers import input_file, row, write_xlsx


@pytest.mark.parametrize("value, expected", [
    ("12/2024 - 01/2024", "01/2024 - 12/2024"),
    ("31/12/2024 - 01/01/2024", "01/01/2024 - 31/12/2024"),
    ("31/12/2024 đến 01/03/2024", "01/03/2024 - 31/12/2024"),
    ("Quý IV/2024 - Quý I/2024", "Quý I/2024 - Quý IV/2024"),
    ("12/2024 - 01/2023", "01/2023 - 12/2024"),  # turned; the report year is checked after
    ("Từ 12/2024 đến 01/2024", "01/2024 - 12/2024"),  # the first end read without ``Từ``
    ("26-20/5/2024", "26-20/5/2024"),  # days of one month: rejected saying why
    # read as written, or not a period: as it is
    ("01/2024 - 12/2024", "01/2024 - 12/2024"), ("12/2024", "12/2024"),
    ("15/06/2024 - 14/06/2024", "14/06/2024 - 15/06/2024"),  # a day before: turned
    ("06/2024 - 06/2024", "06/2024 - 06/2024"),
    ("13/2024 - 01/2024", "13/2024 - 01/2024"),  # an end that does not read
    ("xx - 01/2024", "xx - 01/2024"), (None, None), (45000.0, 45000.0),
])
def test_a_period_written_backwards_is_turned(value, expected):
    assert turned(value) == expected


def test_an_overlapping_backwards_range_is_left_for_its_message():
    # the end (06/2024) is not wholly before the start (15/06/2024): no reading, left as it is
    assert turned("15/06/2024 - 06/2024") == "15/06/2024 - 06/2024"


def test_the_rows_turned_are_told_with_an_example():
    data = pd.DataFrame({"period": ["01/2024 - 12/2024", "12/2024 - 01/2024",
                                    dt.datetime(2024, 5, 1), "31/12/2024 - 01/01/2024"]},
                        index=pd.Index([9, 10, 11, 12], name="row"), dtype=object)
    out, note = swapped_periods(data)
    assert out["period"].tolist() == ["01/2024 - 12/2024", "01/2024 - 12/2024",
                                      dt.datetime(2024, 5, 1), "01/01/2024 - 31/12/2024"]
    assert note == ("Cột 'Thời gian thực hiện' ghi thời gian kết thúc trước thời gian bắt đầu ở "
                    "dòng 10, 12 (ví dụ '12/2024 - 01/2024'): đã hiểu là '01/2024 - 12/2024'. "
                    "Đề nghị sửa lại cho đúng thứ tự.")
    assert data["period"].tolist()[1] == "12/2024 - 01/2024"  # not modified
    unchanged, none = swapped_periods(data.iloc[:1])
    assert unchanged is data.iloc[:1] or unchanged.equals(data.iloc[:1])
    assert none is None
    assert swapped_periods(pd.DataFrame({"model": ["x"]}))[1] is None


def test_a_file_with_swapped_periods_keeps_its_registrations_told(tmp_path, context):
    rows = [row(stt=1, model="Mô hình thứ nhất tốt", period="12/2024 - 01/2024"),
            row(stt=2, model="Mô hình thứ hai tốt", period="12/2023 - 01/2023")]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"])
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.registrations["period_start"].tolist() == [pd.Timestamp(2024, 1, 1)]
    assert result.rejections["error"].tolist() == [
        "'Thời gian thực hiện' '12/2023 - 01/2023' không trùng với năm báo cáo 2024."]
    assert any(r.startswith("Cột 'Thời gian thực hiện' ghi thời gian kết thúc trước")
               for r in result.readings)
