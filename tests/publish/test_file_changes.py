"""The report's list of file changes says why a file added or changed is not counted: a
correction older than the unit's file in use is "added" but superseded at once (the eighth
tester's F7: the report read as if the correction were in; ``spec/outputs.md``, changes)."""

from __future__ import annotations

from thidua.publish.versions import _file_changes


def _entry(path, status, sha="a"):
    return {"path": path, "status": status, "sha256": sha, "unit": "Q-HM"}


def test_each_added_or_changed_file_says_whether_it_counts():
    before = [_entry("Q-HM_x.xlsx", "used"), _entry("Q-HM_b.xlsx", "used")]
    after = [_entry("Q-HM_x.xlsx", "used"), _entry("Q-HM_x_sua.xlsx", "superseded"),
             _entry("Q-HM_b.xlsx", "rejected", "b"), _entry("Q-HM_c.xlsx", "used"),
             _entry("Q-HM_d.xlsx", "rejected")]
    assert [(r["file"], r["detail"]) for r in _file_changes(before, after)] == [
        ("Q-HM_b.xlsx", "thay nội dung tệp (bị từ chối)"),
        ("Q-HM_c.xlsx", "thêm tệp"),
        ("Q-HM_d.xlsx", "thêm tệp (bị từ chối)"),
        ("Q-HM_x_sua.xlsx", "thêm tệp (không dùng: đơn vị có tệp mới hơn)")]
