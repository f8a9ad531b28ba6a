"""A version that replaces another is dated after it, and its change list says which units
came or went, the coverage and the rejected rows (issue 13.3)."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pytest

from helpers import SUMMARY
from thidua.pipeline import replacing_date
from thidua.publish.versions import Version, compare, describe_changes

UTC = dt.timezone.utc


def version(report_date: str, summary: dict = SUMMARY) -> Version:
    return Version(1, Path("v1"), {"report_date": report_date, "inputs": []}, summary)


@pytest.mark.parametrize("started, replaced, dated", [
    (dt.datetime(2024, 12, 9, 20, 0, tzinfo=UTC), "2024-12-05", dt.date(2024, 12, 10)),  # 03:00 in Hà Nội
    (dt.datetime(2024, 12, 9, 16, 59, tzinfo=UTC), "2024-12-05", dt.date(2024, 12, 9)),  # 23:59 in Hà Nội
    (dt.datetime(2024, 12, 5, 3, 0, tzinfo=UTC), "2024-12-05", dt.date(2024, 12, 6)),   # same day
    (dt.datetime(2024, 12, 1, 3, 0, tzinfo=UTC), "2024-12-05", dt.date(2024, 12, 6)),   # clock behind
])
def test_a_replacing_version_is_dated_the_day_it_is_built_and_after_the_replaced(started, replaced, dated):
    assert replacing_date(started, version(replaced)) == dated


def test_units_that_came_or_went_coverage_and_rejected_rows_are_named():
    before = copy.deepcopy(SUMMARY)
    before["units"] = {"expected": 40, "submitted": 39, "missing": ["VC"]}
    after = copy.deepcopy(SUMMARY)
    after["units"] = {"expected": 40, "submitted": 39, "missing": ["Q-BD"]}
    after["rows"] = dict(after["rows"], rejected=15)
    lines = describe_changes(compare(version("2024-12-05", before), {"report_date": "2024-12-05"},
                                     after), {"VC": "Công đoàn Viên chức thành phố",
                                              "Q-BD": "LĐLĐ quận Ba Đình"})
    assert lines[:3] == ["Công đoàn Viên chức thành phố: đơn vị mới gửi danh sách.",
                         "LĐLĐ quận Ba Đình: đơn vị không còn tệp dùng được.",
                         "Số dòng bị từ chối: 12 → 15."]
    after["units"] = {"expected": 40, "submitted": 40, "missing": []}
    lines = describe_changes(compare(version("2024-12-05", before), {"report_date": "2024-12-05"},
                                     after), {})
    assert "Số đơn vị đã gửi: 39/40 → 40/40." in lines


def test_skipped_entries_are_never_a_file_change():
    before = Version(1, Path("v1"), {"report_date": "2024-12-05", "inputs": []}, SUMMARY)
    manifest = {"report_date": "2024-12-05", "inputs": [
        {"path": "~$Q-BD.xlsx", "sha256": "", "status": "skipped", "unit": None}]}
    changes = compare(before, manifest, SUMMARY)
    assert changes[changes["section"] == "tệp"].empty


def _exemplary(*models: tuple[str, str, str, str, str]) -> dict:
    summary = copy.deepcopy(SUMMARY)
    summary["exemplary_models"] = [dict(zip(("unit", "field", "type", "model", "registrant"), m))
                                   for m in models]
    return summary


KEPT = ("Q-BD", "KT", "collective", "Chợ văn minh", "Ban quản lý chợ")
ADDED = ("VC", "VHXH", "individual", "Sổ tay [bold]dân vận[/bold]\nkhéo", "Nguyễn Thị Hoa")
GONE = ("Q-BD", "ANQP", "collective", "Tổ tự quản", "Tổ dân phố 5")


def test_exemplary_models_added_or_removed_are_named_with_their_unit():
    changes = compare(version("2024-12-05", _exemplary(KEPT, GONE)), {"report_date": "2024-12-05"},
                      _exemplary(ADDED, KEPT))
    rows = changes[changes["section"] == "tiêu biểu"]
    assert rows[["unit", "field", "type", "detail"]].values.tolist() == [
        ["VC", "VHXH", "individual", "“Sổ tay [bold]dân vận[/bold] khéo” (Nguyễn Thị Hoa)"],
        ["Q-BD", "ANQP", "collective", "“Tổ tự quản”"]]
    assert rows["after"].tolist() == [1, 0]
    lines = describe_changes(changes, {"VC": "Công đoàn Viên chức thành phố",
                                       "Q-BD": "LĐLĐ quận Ba Đình"})
    assert lines[:2] == [
        "Công đoàn Viên chức thành phố, lĩnh vực văn hóa - xã hội, cá nhân: thêm mô hình tiêu "
        "biểu “Sổ tay [bold]dân vận[/bold] khéo” (Nguyễn Thị Hoa).",
        "LĐLĐ quận Ba Đình, lĩnh vực an ninh - quốc phòng, tập thể: không còn là mô hình tiêu "
        "biểu “Tổ tự quản”."]


def test_no_exemplary_change_without_both_lists_or_when_equal():
    old = copy.deepcopy(SUMMARY)  # a version published before the list existed
    assert compare(version("2024-12-05", old), {"report_date": "2024-12-05"},
                   _exemplary(ADDED)).query("section == 'tiêu biểu'").empty
    assert compare(version("2024-12-05", _exemplary(KEPT)), {"report_date": "2024-12-05"},
                   _exemplary(KEPT)).query("section == 'tiêu biểu'").empty
