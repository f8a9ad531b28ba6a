"""The bundled 2024 and 2025 samples through the flow, 2024 first as ``scripts/report.sh 2025``
does on a fresh clone: the 2025 report's comparison equals the difference of the two years'
``summary.json`` figures, recomputed here independently (issue 12)."""

from __future__ import annotations

import json
import re
from fractions import Fraction

import pytest
from pypdf import PdfReader

from conftest import REGISTRY
from thidua.settings import REPO_ROOT

RAW = REPO_ROOT / "data" / "raw"


@pytest.fixture(scope="module")
def years(prefect_api, tmp_path_factory):
    """``{year: (summary dict, PDF text)}`` for 2024 then 2025, published side by side."""
    from flows.annual_report import annual_report

    root = tmp_path_factory.mktemp("out")
    done = {}
    for year in (2024, 2025):
        annual_report(year=year, raw_dir=str(RAW / str(year)), registry=str(REGISTRY),
                      out_dir=str(root / str(year)), cache_dir=str(root / ".cache"))
        summary = json.loads((root / str(year) / "summary.json").read_text(encoding="utf-8"))
        pdf = PdfReader(root / str(year) / f"bao-cao-dan-van-kheo-{year}.pdf")
        done[year] = (summary, " ".join(" ".join(p.extract_text().split()) for p in pdf.pages))
    return done


def half_up_percent(previous: int, current: int) -> float | None:
    """(current - previous) / previous in per cent, one decimal, halves away from zero."""
    if previous == 0:
        return None
    exact = Fraction(current - previous) * 100 / previous
    sign = -1 if exact < 0 else 1
    tenths = int(abs(exact) * 10 + Fraction(1, 2))
    return sign * tenths / 10


def expected_change(previous: int, current: int) -> dict:
    return {"previous": previous, "current": current, "difference": current - previous,
            "percent": half_up_percent(previous, current)}


def vn(n: int) -> str:
    """1129 → '1.129', -60 → '-60'."""
    return f"{n:,}".replace(",", ".")


def test_2024_stays_as_published_and_has_no_comparison(years):
    summary, text = years[2024]
    assert summary["registrations"] == {"total": 8333, "collective": 1129, "individual": 7204}
    assert summary["rows"] == {"read": 8533, "valid": 8333, "rejected": 12, "ignored": 188}
    assert "previous_year" not in summary
    assert ("Không có số liệu đã công bố của năm 2023 (summary.json) nên báo cáo này không so "
            "sánh với năm trước.") in text


def test_2025_figures_and_coverage_use_the_units_expected_on_31_december(years):
    summary, _ = years[2025]
    assert summary["registrations"] == {"total": 8661, "collective": 1179, "individual": 7482}
    assert summary["units"] == {"expected": 93, "submitted": 91, "missing": ["CX-PHUCSON", "CX-HONGVAN"]}
    assert summary["files"]["used"] == 92  # H-TO ended on 30/06/2025, sent, is counted
    assert "H-TO" in summary["by_unit"] and len(summary["by_unit"]) == 94


def test_the_comparison_is_the_difference_of_the_two_summaries(years):
    before, after = years[2024][0], years[2025][0]
    block = after["previous_year"]
    assert block["year"] == 2024
    for kind in ("collective", "individual", "total"):
        assert block["registrations"][kind] == expected_change(
            before["registrations"][kind], after["registrations"][kind])
    for section in ("by_field", "by_level", "by_result"):
        for key, cells in after[section].items():
            for kind in ("collective", "individual"):
                assert block[section][key][kind] == expected_change(before[section][key][kind], cells[kind])
            assert block[section][key]["total"] == expected_change(
                sum(before[section][key].values()), sum(cells.values()))
    for key in ("expected", "submitted"):
        assert block["units"][key] == expected_change(before["units"][key], after["units"][key])
    assert block["exemplary"] == expected_change(before["exemplary"], after["exemplary"])


def test_units_of_both_years_and_successor_groups_cover_both_years(years):
    before, after = years[2024][0], years[2025][0]
    block = after["previous_year"]

    def total(summary, code):
        return sum(c["collective"] + c["individual"] for c in summary["by_unit"][code].values())

    both = sorted(set(before["by_unit"]) & set(after["by_unit"]))
    assert sorted(block["by_unit"]) == both == ["H-TO"]
    assert block["by_unit"]["H-TO"] == expected_change(total(before, "H-TO"), total(after, "H-TO"))
    groups = block["by_successor_group"]
    for group in groups:
        assert group["total"] == expected_change(sum(total(before, c) for c in group["previous_units"]),
                                                 sum(total(after, c) for c in group["current_units"]))
    assert sorted(c for g in groups for c in g["previous_units"]) == sorted(before["by_unit"])
    assert sorted(c for g in groups for c in g["current_units"]) == sorted(after["by_unit"])
    dd = next(g for g in groups if g["previous_units"] == ["Q-DD"])
    assert dd["label"] == "LĐLĐ quận Đống Đa (2024) → 5 công đoàn phường (2025)"
    to = next(g for g in groups if g["previous_units"] == ["H-TO"])  # still sent in 2025
    assert to["label"] == "LĐLĐ huyện Thanh Oai (2024) → LĐLĐ huyện Thanh Oai và 2 công đoàn xã (2025)"
    assert sorted(c for g in groups for c in g["missing_units"]) == sorted(after["units"]["missing"])
    md = next(g for g in groups if g["previous_units"] == ["H-MD"])
    assert md["missing_units"] == ["CX-PHUCSON"]


def test_the_report_prints_each_comparison_line(years):
    before, after = years[2024][0], years[2025][0]
    _, text = years[2025]
    assert "5. So sánh với năm trước" in text
    a, b = before["registrations"]["total"], after["registrations"]["total"]
    pct = f"{half_up_percent(a, b):+.1f}%".replace(".", ",")
    assert f"So với năm 2024 ({vn(a)} mô hình), năm 2025 tăng {vn(b - a)} mô hình ({pct})." in text
    assert f"Tổng số mô hình {vn(a)} {vn(b)} +{vn(b - a)} {pct}" in text
    for key, label in (("expected", "Đơn vị phải báo cáo"), ("submitted", "Đơn vị đã gửi")):
        x, y = before["units"][key], after["units"][key]
        assert f"{label} {vn(x)} {vn(y)} +{vn(y - x)} {half_up_percent(x, y):+.1f}%".replace(".", ",") in text
    assert re.search(r"LĐLĐ quận Đống Đa \(2024\) → 5 công đoàn phường \(2025\) \d+ \d+ [+-]\d+", text)
