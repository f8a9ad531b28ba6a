import datetime as dt
from types import SimpleNamespace

import pandas as pd

from thidua.pipeline import default_report_date


def files(*rows):
    return SimpleNamespace(files=pd.DataFrame.from_records(
        rows, columns=["status", "sent_date", "modified"]))


def test_report_date_is_the_latest_sent_date_not_a_later_copy_time():
    figures = files(("used", "2024-11-20", "2026-11-29T10:00:00+00:00"),
                    ("used", None, "2026-11-29T11:00:00+00:00"),
                    ("used", "2024-11-26", "2026-11-29T10:00:00+00:00"),
                    ("superseded", "2024-12-01", "2024-12-01T00:00:00+00:00"))
    assert default_report_date(figures) == dt.date(2024, 11, 26)


def test_without_any_sent_date_the_latest_modification_date_serves():
    figures = files(("used", None, "2024-12-02T08:00:00+00:00"),
                    ("used", None, "2024-11-30T08:00:00+00:00"),
                    ("rejected", None, "2025-01-01T08:00:00+00:00"))
    assert default_report_date(figures) == dt.date(2024, 12, 2)
