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



def test_nothing_usable_names_each_file_once_punctuated_and_counts_the_rest(tmp_path):
    """The one line of a run with no usable file: ``file: reason`` joined by ``; `` without
    the reasons' own full stops (``đầy đủ.;`` and ``.).`` before), three files at most, then
    how many more."""
    import pytest

    from conftest import REGISTRY
    from helpers import input_file
    from thidua.ingest.files import UnitContext, ingest_file
    from thidua.ingest.registry import load_registry
    from thidua.pipeline import NothingToReport, aggregate_results

    context = UnitContext.for_year(load_registry(REGISTRY), 2024)
    names = ["Q-BD_a.csv", "Q-DD_b.xlsx", "Q-HK_c.xlsx", "Q-TX_d.xlsx", "Q-CG_e.xlsx"]
    for name in names:
        (tmp_path / name).write_bytes(b"")
    results = [ingest_file(input_file(tmp_path / n), context) for n in names]
    with pytest.raises(NothingToReport) as caught:
        aggregate_results(SimpleNamespace(year=2024, lineage={}), results)
    empty = "Tệp rỗng (0 byte), không có dữ liệu; đề nghị gửi lại tệp đã lưu đầy đủ"
    assert str(caught.value) == (
        f"Không có tệp nào dùng được (Q-BD_a.csv: {empty}; Q-DD_b.xlsx: {empty}; "
        f"Q-HK_c.xlsx: {empty}; và 2 tệp khác).")
