"""“So sánh với năm trước” from two summary.json dicts (``spec/outputs.md``, previous_year):
differences, half-up percentages, no percentage of nothing, units of both years, successor
groups of a many-to-many reorganisation."""

from __future__ import annotations

import pandas as pd

from thidua.report.comparison import change, compare_years, group_label, successor_groups
from thidua.report.comparison_view import change_percent, comparison_context, history_chart_src
from thidua.report.history import year_row


def summary(year: int, units: dict[str, tuple[int, int]], exemplary: int = 0,
            expected: int | None = None) -> dict:
    """A summary.json with every registration in field KT at level co_so, result hoan_thanh."""
    coll = sum(c for c, _ in units.values())
    indiv = sum(i for _, i in units.values())
    zero = {"collective": 0, "individual": 0}
    return {
        "year": year, "registrations": {"total": coll + indiv, "collective": coll, "individual": indiv},
        "by_field": {"KT": {"collective": coll, "individual": indiv}, "VHXH": zero, "ANQP": zero, "XDHTCT": zero},
        "by_level": {"thanh_pho": zero, "cap_tren_co_so": zero, "co_so": {"collective": coll, "individual": indiv}},
        "by_result": {"chua_danh_gia": zero, "hoan_thanh": {"collective": coll, "individual": indiv},
                      "tieu_bieu": zero, "khong_hoan_thanh": zero},
        "by_unit": {u: {"KT": {"collective": c, "individual": i}, "VHXH": zero, "ANQP": zero,
                        "XDHTCT": zero} for u, (c, i) in units.items()},
        "units": {"expected": expected or len(units), "submitted": len(units), "missing": []},
        "exemplary": exemplary,
    }


REGISTRY = pd.DataFrame({
    "code": ["Q-DD", "Q-BD", "VC", "N-GD", "P-A", "P-B", "P-C", "CQ-1", "CQ-2", "KEEP"],
    "name": ["Liên đoàn Lao động quận Đống Đa", "Liên đoàn Lao động quận Ba Đình",
             "Công đoàn Viên chức", "Công đoàn ngành Giáo dục", "Công đoàn phường A",
             "Công đoàn phường B", "Công đoàn xã C", "Cơ quan 1", "Cơ quan 2", "Giữ nguyên"],
    "successors": ["P-A;P-B", "P-C", "CQ-1;CQ-2", "CQ-2", None, None, None, None, None, None],
})


def test_a_change_has_difference_and_half_up_percentage():
    assert change(16, 17) == {"previous": 16, "current": 17, "difference": 1, "percent": 6.3}  # 6,25 → 6,3
    assert change(1129, 1179)["percent"] == 4.4
    assert change(80, 43) == {"previous": 80, "current": 43, "difference": -37, "percent": -46.3}


def test_a_change_from_nothing_has_no_percentage():
    assert change(0, 5) == {"previous": 0, "current": 5, "difference": 5, "percent": None}
    assert change_percent(change(0, 5)) == "mới"
    assert change_percent(change(0, 0)) == "–"
    assert change_percent(change(16, 17)) == "+6,3%"
    assert change_percent(change(1000, 990)) == "-1,0%"


def test_totals_fields_levels_results_coverage_and_exemplary_are_compared():
    before = summary(2024, {"Q-DD": (10, 30), "Q-BD": (5, 5), "KEEP": (1, 1)}, exemplary=4)
    after = summary(2025, {"P-A": (6, 20), "P-B": (6, 20), "P-C": (2, 3), "KEEP": (2, 2)},
                    exemplary=6, expected=5)
    block = compare_years(after, before, REGISTRY)
    assert block["year"] == 2024
    assert block["registrations"]["total"] == change(52, 61)
    assert block["registrations"]["collective"] == change(16, 16)
    assert block["by_field"]["KT"]["individual"] == change(36, 45)
    assert block["by_field"]["VHXH"]["total"] == change(0, 0)
    assert block["by_level"]["co_so"]["total"] == change(52, 61)
    assert block["by_result"]["hoan_thanh"]["collective"] == change(16, 16)
    assert block["units"] == {"expected": change(3, 5), "submitted": change(3, 4)}
    assert block["exemplary"] == change(4, 6)
    assert block["by_unit"] == {"KEEP": change(2, 4)}


def test_units_that_changed_are_compared_by_successor_group():
    before = summary(2024, {"Q-DD": (10, 30), "Q-BD": (5, 5), "VC": (3, 3), "N-GD": (1, 1)})
    after = summary(2025, {"P-A": (6, 20), "P-B": (6, 20), "P-C": (2, 3), "CQ-1": (1, 1), "CQ-2": (4, 4)})
    names = dict(zip(REGISTRY["code"], REGISTRY["name"]))
    groups = compare_years(after, before, REGISTRY, names)["by_successor_group"]
    assert [(g["previous_units"], g["current_units"]) for g in groups] == [
        (["Q-DD"], ["P-A", "P-B"]), (["Q-BD"], ["P-C"]), (["VC", "N-GD"], ["CQ-1", "CQ-2"])]
    assert [g["total"] for g in groups] == [change(40, 52), change(10, 5), change(8, 10)]
    assert groups[0]["label"] == "LĐLĐ quận Đống Đa (2024) → 2 công đoàn phường (2025)"
    assert groups[1]["label"] == "LĐLĐ quận Ba Đình (2024) → Công đoàn xã C (2025)"


def test_a_unit_that_ended_during_the_year_and_sent_is_in_its_group_on_both_sides():
    groups = successor_groups(REGISTRY, ["Q-DD", "KEEP"], ["Q-DD", "P-A", "P-B", "KEEP"])
    assert groups == [(["Q-DD"], ["Q-DD", "P-A", "P-B"])]


def test_a_unit_of_both_years_is_named_on_the_new_side_and_compared_only_in_its_group():
    before = summary(2024, {"Q-DD": (10, 30), "KEEP": (1, 1)})
    after = summary(2025, {"Q-DD": (1, 4), "P-A": (6, 20), "P-B": (6, 20), "KEEP": (2, 2)})
    names = dict(zip(REGISTRY["code"], REGISTRY["name"]))
    block = compare_years(after, before, REGISTRY, names)
    [group] = block["by_successor_group"]
    assert group["label"] == ("LĐLĐ quận Đống Đa (2024) → LĐLĐ quận Đống Đa và 2 công đoàn "
                              "phường (2025)")
    assert group["total"] == change(40, 57)
    assert sorted(block["by_unit"]) == ["KEEP", "Q-DD"]  # summary.json keeps every unit of both years
    view = comparison_context(block, 2025, names)
    assert [row["label"] for row in view["unit_rows"]] == ["Giữ nguyên (KEEP)"]  # Q-DD only in Bảng 7
    assert [row["current"] for row in view["group_rows"]] == ["57"]


def test_a_group_that_fell_names_the_successors_that_sent_nothing():
    before = summary(2024, {"Q-DD": (10, 30), "Q-BD": (5, 5)})
    after = summary(2025, {"P-A": (6, 20), "P-B": (0, 0), "P-C": (2, 3)})
    after["units"]["missing"] = ["P-B"]
    names = dict(zip(REGISTRY["code"], REGISTRY["name"]))
    block = compare_years(after, before, REGISTRY, names)
    assert [g["missing_units"] for g in block["by_successor_group"]] == [["P-B"], []]
    view = comparison_context(block, 2025, names)
    assert [row["label"] for row in view["group_rows"]] == [
        "LĐLĐ quận Đống Đa (2024) → 2 công đoàn phường (2025); chưa gửi: Công đoàn phường B",
        "LĐLĐ quận Ba Đình (2024) → Công đoàn xã C (2025)"]
    assert [row["difference"] for row in view["group_rows"]] == ["-14", "-5"]


def test_group_label_counts_mixed_communes_and_wards():
    names = {"H-X": "Liên đoàn Lao động huyện X", "P-1": "Công đoàn phường 1",
             "X-2": "Công đoàn xã 2", "CX-3": "Công đoàn các xã 3, 4 và 5"}
    assert group_label(["H-X"], ["P-1", "X-2", "CX-3"], names, 2024, 2025) == (
        "LĐLĐ huyện X (2024) → 3 công đoàn xã, phường (2025)")


def test_without_previous_year_the_section_says_so_in_one_sentence():
    view = comparison_context(None, 2024, {})
    assert view["available"] is False and view["rows"] == []
    assert view["sentence"] == ("Không có số liệu đã công bố của năm 2023 (summary.json) nên báo "
                                "cáo này không so sánh với năm trước.")


def test_the_view_formats_each_line_from_the_block():
    block = compare_years(summary(2025, {"A": (1179, 7482)}), summary(2024, {"A": (1129, 7204)}))
    view = comparison_context(block, 2025, {"A": "Đơn vị A"})
    assert view["sentence"] == "So với năm 2024 (8.333 mô hình), năm 2025 tăng 328 mô hình (+3,9%)."
    assert view["rows"][0] == {"label": "Tổng số mô hình", "previous": "8.333", "current": "8.661",
                               "difference": "+328", "percent": "+3,9%"}
    assert view["unit_rows"] == [{"label": "Đơn vị A (A)", "previous": "8.333", "current": "8.661",
                                  "difference": "+328", "percent": "+3,9%"}]


def test_the_multi_year_chart_needs_three_years():
    rows = [year_row(summary(y, {"A": (y - 2000, 1)})) for y in (2023, 2024, 2025)]
    assert history_chart_src(rows[:2]) is None
    assert history_chart_src(rows).startswith("data:image/svg+xml;base64,")


def test_a_previous_summary_that_is_not_one_is_refused_with_its_path(tmp_path):
    import pytest

    from thidua.report.comparison import PreviousUnusable, read_previous

    assert read_previous(tmp_path / "khong-co.json") is None
    bad = tmp_path / "summary.json"
    bad.write_text('{"year": 2024}', encoding="utf-8")
    with pytest.raises(PreviousUnusable, match=r"không phải summary.json của một năm \(thiếu year, registrations"):
        read_previous(bad)


def test_history_reads_every_published_year_and_skips_a_broken_one(tmp_path, capsys):
    import json

    from thidua.cli import main
    from thidua.report.history import read_history

    for year, units in ((2023, {"A": (1, 2)}), (2024, {"A": (3, 4)})):
        (tmp_path / str(year)).mkdir()
        (tmp_path / str(year) / "summary.json").write_text(json.dumps(summary(year, units)), encoding="utf-8")
    (tmp_path / "2022").mkdir()
    (tmp_path / "2022" / "summary.json").write_text("{", encoding="utf-8")
    rows, problems = read_history(tmp_path)
    assert [(r["year"], r["by_field"]["KT"], r["collective"], r["total"]) for r in rows] == [
        (2023, 3, 1, 3), (2024, 7, 3, 7)]
    assert problems == [f"{tmp_path}/2022/summary.json: không đúng dạng JSON ở dòng 1, cột 2; bỏ qua năm 2022."]
    assert main(["history", "--out-root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "│ 2023 │       3 │" in out and "│ 2024 │       7 │" in out
