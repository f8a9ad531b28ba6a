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


def test_the_2025_plan_expects_the_units_of_31_december_and_accepts_those_of_the_year(tmp_path):
    """Issue 12: coverage counts the units expected on the reference date; a file of a unit
    that ended during the year is still read (``spec/unit-registry.md``)."""
    import datetime as dt

    from conftest import REGISTRY
    from thidua.pipeline import plan_run
    from thidua.settings import REPO_ROOT

    raw = REPO_ROOT / "data" / "raw" / "2025"
    plan = plan_run(2025, raw, REGISTRY)
    assert len(plan.expected) == 93 and "H-TO" not in set(plan.expected["code"])
    assert len(plan.context.accepted_codes) == 133 and "H-TO" in plan.context.accepted_codes
    assert len(plan_run(2025, raw, REGISTRY, as_of=dt.date(2025, 6, 30)).expected) == 40
    assert plan.previous is None and plan.summaries_read == ()
