"""Edges of “So sánh với năm trước” (``spec/outputs.md``, previous_year): a previous
summary.json that is missing or unusable (exact Vietnamese messages), blocks an older
summary.json does not have (compared as 0), successions through units of neither year, group
labels with many old units or new units of several kinds, and every line of the section's
text. Written for the survivors of ``bash scripts/mutation.sh comparison`` (README)."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pandas as pd
import pytest

from thidua.report.comparison import (PreviousUnusable, change, compare_years, group_label,
                                      read_previous, successor_groups)
from thidua.report.comparison_view import change_percent, comparison_context, signed

MINIMAL = {"year": 2024, "registrations": {}, "by_field": {}}


def _registry(edges: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({"code": list(edges), "successors": list(edges.values())})


# --- read_previous: each way a previous summary.json is not usable has its own message ---

def test_a_previous_summary_with_the_three_keys_is_read_as_it_is(tmp_path):
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(MINIMAL), encoding="utf-8")
    assert read_previous(path) == MINIMAL
    assert read_previous(tmp_path / "2023") is None  # no file
    (tmp_path / "2023").mkdir()
    assert read_previous(tmp_path / "2023") is None  # a folder without one
    (tmp_path / "2023" / "summary.json").write_text(json.dumps(MINIMAL), encoding="utf-8")
    assert read_previous(tmp_path / "2023") == MINIMAL  # the previous year's output folder


@pytest.mark.parametrize("content", [
    {"registrations": {}, "by_field": {}}, {"year": 2024, "by_field": {}},
    {"year": 2024, "registrations": {}}, ["year", "registrations", "by_field"]])
def test_a_previous_summary_without_year_registrations_or_by_field_is_refused(tmp_path, content):
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(PreviousUnusable) as refused:
        read_previous(path)
    assert str(refused.value) == (f"Tệp {path} không phải summary.json của một năm (thiếu year, "
                                  f"registrations hoặc by_field).")


def test_a_previous_summary_that_is_not_utf8_or_not_json_is_refused_with_the_place(tmp_path):
    path = tmp_path / "summary.json"
    path.write_bytes(b'{"year": "\xff"}')
    with pytest.raises(PreviousUnusable) as refused:
        read_previous(path)
    assert str(refused.value) == (f"Số liệu năm trước {path} không phải văn bản UTF-8 (byte lạ ở vị "
                                  f"trí 10).")
    path.write_text('{"year": 2024,\n  "registrations": }', encoding="utf-8")
    with pytest.raises(PreviousUnusable) as refused:
        read_previous(path)
    assert str(refused.value) == f"Số liệu năm trước {path} không đúng dạng JSON ở dòng 2, cột 20."


def test_a_previous_summary_that_cannot_be_read_is_refused_with_the_reason(tmp_path, monkeypatch):
    path = tmp_path / "summary.json"
    path.write_text(json.dumps(MINIMAL), encoding="utf-8")

    def denied(self, *args, **kwargs):  # root reads any file: the refusal is made here
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_text", denied)
    with pytest.raises(PreviousUnusable) as refused:
        read_previous(path)
    assert str(refused.value) == f"Không đọc được số liệu năm trước {path}: không có quyền truy cập"


# --- compare_years: what an older summary.json lacks counts as 0 ---

FULL = {"year": 2025, "registrations": {"total": 5, "collective": 2, "individual": 3},
        "by_field": {"KT": {"collective": 2, "individual": 3}},
        "by_level": {"co_so": {"collective": 2}}, "by_result": {"hoan_thanh": {"individual": 3}},
        "units": {"expected": 4, "submitted": 3}, "exemplary": 1,
        "by_unit": {"A": {"KT": {"collective": 2}, "VHXH": {"individual": 3}}}}


def test_blocks_missing_from_the_previous_summary_are_compared_as_zero():
    block = compare_years(FULL, MINIMAL, _registry({"A": None}))
    assert block["registrations"] == {"collective": change(0, 2), "individual": change(0, 3),
                                      "total": change(0, 5)}
    assert block["by_field"]["KT"] == {"collective": change(0, 2), "individual": change(0, 3),
                                       "total": change(0, 5)}
    assert block["by_level"]["co_so"] == {"collective": change(0, 2), "individual": change(0, 0),
                                          "total": change(0, 2)}
    assert block["by_result"]["hoan_thanh"] == {"collective": change(0, 0),
                                                "individual": change(0, 3), "total": change(0, 3)}
    assert block["units"] == {"expected": change(0, 4), "submitted": change(0, 3)}
    assert block["exemplary"] == change(0, 1)
    assert block["by_unit"] == {} and block["by_successor_group"] == []


def test_blocks_missing_from_the_current_summary_are_compared_as_zero():
    block = compare_years({**MINIMAL, "year": 2026}, FULL, _registry({"A": None}))
    assert block["year"] == 2025
    assert block["registrations"]["total"] == change(5, 0)
    assert block["by_level"]["co_so"]["collective"] == change(2, 0)
    assert block["by_result"]["hoan_thanh"]["individual"] == change(3, 0)
    assert block["units"] == {"expected": change(4, 0), "submitted": change(3, 0)}
    assert block["exemplary"] == change(1, 0)


def test_a_unit_cell_without_a_type_counts_that_type_as_zero():
    current = {**FULL, "units": {"expected": 1, "submitted": 1},  # no "missing" list
               "by_unit": {"A": {"KT": {"individual": 4}}}}
    block = compare_years(current, {**FULL, "year": 2024}, _registry({"A": None}))
    assert block["by_unit"] == {"A": change(5, 4)}


# --- successor_groups: walks through units of neither year, the same way every run ---

@pytest.mark.parametrize("edges, previous, current, groups", [
    # a unit of neither year in between (merged, then split): followed
    ({"OLD": "MID", "MID": "NEW"}, ["OLD"], ["NEW"], [(["OLD"], ["NEW"])]),
    # a successor that sent in both years is not a new unit: no group
    ({"A": "B"}, ["A", "B"], ["A", "B"], []),
    # a successor already seen (a way back) does not stop the walk of the next ones
    ({"A-OLD": "M", "M": "A-OLD;Z-NEW"}, ["A-OLD"], ["Z-NEW"], [(["A-OLD"], ["Z-NEW"])]),
    # a ring of units of neither year ends
    ({"A": "M1", "M1": "M2", "M2": "M1;N"}, ["A"], ["N"], [(["A"], ["N"])]),
])
def test_successor_groups_follow_units_of_neither_year(edges, previous, current, groups):
    assert successor_groups(_registry(edges), previous, current) == groups


# --- group labels ---

NAMES = {"Q1": "Liên đoàn Lao động quận 1", "Q2": "Liên đoàn Lao động quận 2",
         "Q3": "Liên đoàn Lao động quận 3", "Q4": "Liên đoàn Lao động quận 4",
         "P1": "Công đoàn phường 1", "T1": "Công đoàn Tổng công ty Vận tải",
         "T2": "Công đoàn Tổng công ty Xây dựng", "C1": "Cơ quan 1", "C2": "Cơ quan 2"}


@pytest.mark.parametrize("old, new, label", [
    (["Q1", "Q2", "Q3"], ["P1"], "LĐLĐ quận 1, LĐLĐ quận 2 và LĐLĐ quận 3 (2024) → Công đoàn phường 1 (2025)"),
    (["Q1", "Q2", "Q3", "Q4"], ["P1"],
     "LĐLĐ quận 1, LĐLĐ quận 2, LĐLĐ quận 3 và 1 đơn vị khác (2024) → Công đoàn phường 1 (2025)"),
    (["Q1"], ["T1", "T2"], "LĐLĐ quận 1 (2024) → 2 công đoàn tổng công ty (2025)"),
    (["Q1"], ["P1", "C1"], "LĐLĐ quận 1 (2024) → 2 đơn vị (2025)"),
    (["Q1"], ["C1", "C2"], "LĐLĐ quận 1 (2024) → 2 đơn vị (2025)"),
])
def test_group_labels_name_three_old_units_and_count_new_ones_by_kind(old, new, label):
    assert group_label(old, new, NAMES, 2024, 2025) == label


# --- the section's text ---

def _block(previous_total: int, current_total: int) -> dict:
    def one(year, total):
        return {"year": year, "registrations": {"total": total, "collective": total},
                "by_field": {"KT": {"collective": total}}}
    return compare_years(one(2025, current_total), one(2024, previous_total))


@pytest.mark.parametrize("before, after, sentence", [
    (52, 53, "So với năm 2024 (52 mô hình), năm 2025 tăng 1 mô hình (+1,9%)."),
    (52, 51, "So với năm 2024 (52 mô hình), năm 2025 giảm 1 mô hình (-1,9%)."),
    (1200, 0, "So với năm 2024 (1.200 mô hình), năm 2025 giảm 1.200 mô hình (-100,0%)."),
    (52, 52, "So với năm 2024 (52 mô hình), năm 2025 giữ nguyên."),
    (0, 3, "So với năm 2024 (0 mô hình), năm 2025 tăng 3 mô hình (mới)."),
])
def test_the_sentence_says_up_down_or_unchanged(before, after, sentence):
    assert comparison_context(_block(before, after), 2025, {})["sentence"] == sentence


def test_signs_and_percentages_of_small_and_zero_differences():
    assert [signed(v) for v in (1, 0, -1, -1060, 1060)] == ["+1", "0", "-1", "-1.060", "+1.060"]
    assert change_percent(change(52, 52)) == "0,0%"
    assert change_percent(change(3, 2)) == "-33,3%"
    assert change_percent(change(3, 5)) == "+66,7%"


def test_without_a_previous_year_the_context_is_empty_but_names_the_year():
    assert comparison_context(None, 2025, {}) == {
        "available": False, "previous_year": 2024,
        "sentence": ("Không có số liệu đã công bố của năm 2024 (summary.json) nên báo cáo này "
                     "không so sánh với năm trước."),
        "rows": [], "unit_rows": [], "group_rows": []}


def test_every_line_of_the_section_is_labelled_and_field_rows_give_both_types():
    previous = {**FULL, "year": 2024, "registrations": {"total": 8333, "collective": 1129,
                                                       "individual": 7204},
                "by_field": {"KT": {"collective": 1129, "individual": 7204}}}
    current = {**FULL, "registrations": {"total": 8661, "collective": 1179, "individual": 7482},
               "by_field": {"KT": {"collective": 1179, "individual": 7482}},
               "by_unit": {"A": {"KT": {"collective": 7}}}}
    view = comparison_context(compare_years(current, previous), 2025, {})
    assert view["available"] is True and view["previous_year"] == 2024
    assert [row["label"] for row in view["rows"]] == [
        "Tổng số mô hình", "– Tập thể", "– Cá nhân", "Lĩnh vực kinh tế",
        "Lĩnh vực văn hóa - xã hội", "Lĩnh vực an ninh - quốc phòng",
        "Lĩnh vực xây dựng hệ thống chính trị", "Cấp công đoàn: thành phố",
        "Cấp công đoàn: cấp trên trực tiếp cơ sở", "Cấp công đoàn: cơ sở",
        "Kết quả: chưa đánh giá", "Kết quả: hoàn thành", "Kết quả: tiêu biểu",
        "Kết quả: không hoàn thành", "Mô hình tiêu biểu", "Đơn vị phải báo cáo", "Đơn vị đã gửi"]
    assert [row["current"] for row in view["rows"][:3]] == ["8.661", "1.179", "7.482"]
    assert view["field_rows"][0] == {
        "label": "Kinh tế",
        "collective": {"label": "", "previous": "1.129", "current": "1.179", "difference": "+50",
                       "percent": "+4,4%"},
        "individual": {"label": "", "previous": "7.204", "current": "7.482", "difference": "+278",
                       "percent": "+3,9%"}}
    assert [f["label"] for f in view["field_rows"]] == [
        "Kinh tế", "Văn hóa - xã hội", "An ninh - quốc phòng", "Xây dựng hệ thống chính trị"]
    assert view["unit_rows"] == [{"label": "A (A)", "previous": "5", "current": "7",
                                  "difference": "+2", "percent": "+40,0%"}]


def test_a_group_names_its_silent_units_by_name_or_code():
    registry = _registry({"Q1": "P1;T1;X9", "P1": None, "T1": None, "X9": None})
    previous = {**FULL, "year": 2024, "by_unit": {"Q1": {"KT": {"collective": 9}}}}
    current = {**FULL, "units": {"expected": 3, "submitted": 1, "missing": ["T1", "X9"]},
               "by_unit": {"P1": {"KT": {"collective": 4}}, "T1": {}, "X9": {}}}
    block = compare_years(current, previous, registry, NAMES)
    view = comparison_context(block, 2025, NAMES)
    assert [row["label"] for row in view["group_rows"]] == [
        "LĐLĐ quận 1 (2024) → 3 đơn vị (2025); chưa gửi: Công đoàn Tổng công ty Vận tải, X9"]
    del block["by_successor_group"][0]["missing_units"]  # a block written before the list
    assert [row["label"] for row in comparison_context(block, 2025, NAMES)["group_rows"]] == [
        "LĐLĐ quận 1 (2024) → 3 đơn vị (2025)"]


@pytest.mark.parametrize("year", [2024, 2025, "2023"])
def test_a_previous_summary_of_this_year_or_later_is_refused(tmp_path, year):
    """Fresh tester V: ``--previous`` given 2024's own summary made the report say "So với năm
    2024 (9 mô hình), năm 2024 giữ nguyên"."""
    from conftest import REGISTRY, SAMPLE_DIR
    from thidua.errors import NothingToReport
    from thidua.planning import plan_run

    path = tmp_path / "summary.json"
    path.write_text(json.dumps({**MINIMAL, "year": year}), encoding="utf-8")
    with pytest.raises(NothingToReport) as caught:
        plan_run(2024, SAMPLE_DIR, REGISTRY, previous=path)
    assert str(caught.value) == (f"Số liệu năm trước {path} là của năm {year}, không phải một "
                                 f"năm trước 2024; đề nghị chỉ summary.json của năm 2023.")
    path.write_text(json.dumps({**MINIMAL, "year": 2023}), encoding="utf-8")
    assert plan_run(2024, SAMPLE_DIR, REGISTRY, previous=tmp_path).previous["year"] == 2023
