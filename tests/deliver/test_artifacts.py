"""The content of the run's artifacts, built from what was published."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from helpers import SUMMARY

from thidua.deliver.artifacts import (
    KEY_PATTERN,
    REJECTION_TABLE_COLUMNS,
    UNKNOWN_UNIT,
    artifact_keys,
    inert,
    rejections_by_unit,
    summary_markdown,
)
from thidua.publish.published import PublishedVersion


def test_keys_are_per_year_and_follow_prefects_rule():
    keys = artifact_keys(2024)
    assert keys == {"summary": "dan-van-kheo-2024-tom-tat", "rejections": "dan-van-kheo-2024-tu-choi"}
    assert all(KEY_PATTERN.match(k) for k in keys.values())
    with pytest.raises(ValueError, match="Khóa artifact không hợp lệ"):
        artifact_keys("2024 ")  # a year read from text with a space would break the rule


def test_runs_into_other_output_folders_keep_histories_of_their_own(tmp_path):
    from thidua.settings import default_out_dir

    assert artifact_keys(2024, default_out_dir(2024)) == artifact_keys(2024)
    one, two = artifact_keys(2024, tmp_path / "a"), artifact_keys(2024, tmp_path / "b")
    assert one != two and one != artifact_keys(2024)
    assert one["summary"].startswith("dan-van-kheo-2024-") and one["summary"].endswith("-tom-tat")
    assert all(KEY_PATTERN.match(k) for k in (*one.values(), *two.values()))
    assert artifact_keys(2024, tmp_path / "a") == one  # the same folder, the same keys


def test_the_summary_names_the_version_the_changes_and_the_figures(tmp_path):
    published = PublishedVersion(2024, 2, tmp_path, tmp_path / "bao-cao.pdf", "ab" * 32,
                                 replaces={"version": 1, "date": "2024-12-05"},
                                 changes=["Q-DD gửi lại tệp: thêm 3 mô hình"])
    summary = {**SUMMARY, "by_level": {"thanh_pho": {"collective": 1, "individual": 2},
                                       "cap_tren_co_so": {"collective": 3, "individual": 4},
                                       "co_so": {"collective": 1125, "individual": 7198}},
               "files": {"found": 41, "used": 39, "superseded": 1, "rejected": 1}}
    text = summary_markdown(summary, published, tmp_path, {"VC": "Công đoàn Viên chức"})
    lines = text.splitlines()
    assert lines[2] == "**Bản số 2**, thay thế bản số 1 ngày 2024-12-05."
    assert "- Q\\-DD gửi lại tệp\\: thêm 3 mô hình" in lines  # as typed, punctuation escaped
    assert "| Văn hóa - xã hội | 467 | 3.446 | 3.913 |" in lines
    assert "| **Tổng** | 1.129 | 7.204 | 8.333 |" in lines
    assert "| Cơ sở | 1.125 | 7.198 | 8.323 |" in lines
    assert "39/40 đơn vị đã gửi tệp dùng được (97,5%)." in lines
    assert "Chưa gửi hoặc không dùng được: VC \\(Công đoàn Viên chức\\)." in lines
    assert "| Tệp bị thay thế | 1 |" in lines
    assert f"- Báo cáo: `{tmp_path / 'bao-cao.pdf'}` (SHA-256 `{'ab' * 32}`)" in lines


def test_rejections_are_counted_per_unit_rows_and_files_apart():
    lines = pd.DataFrame([
        {"file": "a.xlsx", "sheet": "S", "row": "7", "error": "x", "unit": "Q-DD"},
        {"file": "a.xlsx", "sheet": "S", "row": "7", "error": "y", "unit": "Q-DD"},
        {"file": "a.xlsx", "sheet": "S", "row": "9", "error": "z", "unit": "Q-DD"},
        {"file": "b.xlsx", "sheet": "", "row": "", "error": "Tệp bị từ chối", "unit": "Q-BD"},
        {"file": "c.txt", "sheet": "", "row": None, "error": "Tệp bị từ chối", "unit": ""},
    ])
    table = rejections_by_unit(lines, {"Q-DD": "LĐLĐ quận Đống Đa"})
    assert [list(r) for r in table] == [REJECTION_TABLE_COLUMNS] * 3
    assert [tuple(r.values()) for r in table] == [
        ("Q-DD", "LĐLĐ quận Đống Đa", 2, 0, 3), ("Q-BD", "", 0, 1, 1), (UNKNOWN_UNIT, "", 0, 1, 1)]
    assert rejections_by_unit(lines.iloc[0:0]) == []


def test_text_from_files_is_inert_markdown_in_the_ui():
    """A file or unit name in a change line renders as itself: never a link, an image,
    emphasis, a heading or HTML (issue 13.2)."""
    hostile = "Tệp [bấm đây](http://x.invalid) <img src=x onerror=alert(1)> **đậm** # tiêu đề"
    text = inert(hostile)
    assert "[" not in text.replace("\\[", "") and "<" not in text.replace("\\<", "")
    assert "**" not in text and not text.startswith("#")
    assert re.sub(r"\\(.)", r"\1", text) == hostile  # unescaped, it is the text itself


def test_the_level_table_ends_with_its_total(tmp_path):
    levels = {"thanh_pho": {"collective": 9, "individual": 50},
              "cap_tren_co_so": {"collective": 145, "individual": 864},
              "co_so": {"collective": 975, "individual": 6290}}
    lines = summary_markdown({**SUMMARY, "by_level": levels}, None, tmp_path).splitlines()
    start = lines.index("## Theo cấp")
    table = [line for line in lines[start:] if line.startswith("|")][:6]
    assert table[-1] == "| **Tổng** | 1.129 | 7.204 | 8.333 |"


def test_the_report_date_change_is_said_apart_from_the_data_changes(tmp_path):
    from thidua.deliver.artifacts import _version_lines, inert
    from thidua.deliver.mail import body

    published = PublishedVersion(2024, 2, tmp_path, tmp_path / "bao-cao.pdf", "ab" * 32,
                                 replaces={"version": 1, "date": "2024-12-05"},
                                 changes=["Tổng số mô hình không đổi: 3 (tập thể 1, cá nhân 2)."],
                                 date_change="Ngày báo cáo: 05/12/2024 → 20/12/2024.")
    lines = _version_lines(published)
    i = lines.index("Không phải thay đổi số liệu:")
    assert lines[i - 2:i + 3] == [
        "- " + inert("Tổng số mô hình không đổi: 3 (tập thể 1, cá nhân 2)."), "",
        "Không phải thay đổi số liệu:", "", "- Ngày báo cáo\\: 05\\/12\\/2024 → 20\\/12\\/2024\\."]
    text = body(published, "Nguyễn Văn A").splitlines()
    i = text.index("Bản này thay thế bản số 1 ngày 05/12/2024. Những thay đổi:")
    assert text[i + 1:i + 4] == ["  - Tổng số mô hình không đổi: 3 (tập thể 1, cá nhân 2).",
                                 "Không phải thay đổi số liệu:",
                                 "  - Ngày báo cáo: 05/12/2024 → 20/12/2024."]
