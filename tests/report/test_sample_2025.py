"""The bundled 2025 sample (issue 12), through the plain pipeline: its tables agree, every
unit × field × type equals the independent recount of ``scripts/sample/verify.py``, and every
injected fault is rejected at its Excel row, as in 2024."""

from __future__ import annotations

import csv

import pytest

from conftest import FIXTURES, REGISTRY
from helpers import assert_figures_agree
from scripts.sample.verify import recount
from thidua import pipeline
from thidua.report.figures import summary_dict
from thidua.settings import REPO_ROOT

RAW_2025 = REPO_ROOT / "data" / "raw" / "2025"


@pytest.fixture(scope="module")
def figures_2025():
    plan = pipeline.plan_run(2025, RAW_2025, REGISTRY)
    results = [pipeline.ingest(source, plan.context) for source in plan.files]
    return pipeline.aggregate_results(plan, results)


@pytest.fixture(scope="module")
def bundled(figures_2025) -> dict:
    return summary_dict(figures_2025)


def test_the_2025_sample_s_figures(bundled):
    assert bundled["registrations"] == {"total": 8661, "collective": 1179, "individual": 7482}
    assert bundled["rows"] == {"read": 9112, "valid": 8661, "rejected": 12, "ignored": 439}
    assert bundled["units"] == {"expected": 93, "submitted": 91, "missing": ["CX-PHUCSON", "CX-HONGVAN"]}
    assert_figures_agree(bundled)


def test_every_unit_field_and_type_equals_the_independent_recount(bundled):
    independent = recount(RAW_2025)
    ours = {(unit, field, kind): n for unit, fields in bundled["by_unit"].items()
            for field, kinds in fields.items() for kind, n in kinds.items()}
    assert ours == {key: independent["by_unit"].get(key, 0) for key in ours}
    assert sum(independent["by_unit"].values()) == 8661
    assert {k: v["collective"] + v["individual"] for k, v in bundled["by_level"].items()} == dict(independent["levels"])


def test_every_injected_rejection_is_found_at_its_excel_row(figures_2025):
    with (FIXTURES / "sample_2025_expected_rejections.csv").open(encoding="utf-8") as handle:
        expected = {(r["file"], r["sheet"], int(r["row"]), r["column"]) for r in csv.DictReader(handle)}
    got = {(r.file, r.sheet, int(r.row), r.column) for r in figures_2025.rejections.itertuples()}
    assert got == expected and len(got) == 12


def test_a_unit_that_ended_during_the_year_is_counted_and_named_but_not_expected(figures_2025):
    assert "H-TO" not in set(figures_2025.expected["code"])
    assert int(figures_2025.by_unit.at["H-TO", "total"]) == 91
    assert figures_2025.unit_names["H-TO"] == "Liên đoàn Lao động huyện Thanh Oai"
