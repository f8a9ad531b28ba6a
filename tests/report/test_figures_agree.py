"""Cross-checks between figures (issue 14.1): every table agrees with every other, and the
bundled year's counts by unit equal an independent recount of the sample files."""

from __future__ import annotations

import copy

import pytest

from conftest import CORPUS_REGISTRY, REGISTRY, SAMPLE_DIR
from helpers import assert_figures_agree
from scripts.sample.verify import recount
from thidua import pipeline
from thidua.ingest.registry import expected_units, load_registry
from thidua.report.figures import compute_figures, summary_dict


@pytest.fixture(scope="module")
def bundled() -> dict:
    """summary.json of the bundled year, through the plain pipeline (no Prefect)."""
    plan = pipeline.plan_run(2024, SAMPLE_DIR, REGISTRY)
    results = [pipeline.ingest(source, plan.context) for source in plan.files]
    return summary_dict(pipeline.aggregate_results(plan, results))


@pytest.fixture(scope="module")
def independent() -> dict:
    """The sample's counts as ``scripts/sample/verify.py`` recounts them from the files."""
    return recount(SAMPLE_DIR)


def test_the_bundled_year_s_tables_agree(bundled):
    assert_figures_agree(bundled)


def test_every_unit_field_and_type_equals_the_independent_recount(bundled, independent):
    ours = {(unit, field, kind): n for unit, fields in bundled["by_unit"].items()
            for field, kinds in fields.items() for kind, n in kinds.items()}
    theirs = {key: independent["by_unit"].get(key, 0) for key in ours}
    assert ours == theirs
    assert sum(independent["by_unit"].values()) == bundled["registrations"]["total"] == 8333


def test_a_few_units_exactly(bundled):
    """Pinned by hand from the sample's Appendix I (PDF of 26/11/2024)."""
    assert bundled["by_unit"]["Q-BD"] == {"KT": {"collective": 10, "individual": 58},
                                          "VHXH": {"collective": 21, "individual": 164},
                                          "ANQP": {"collective": 9, "individual": 69},
                                          "XDHTCT": {"collective": 9, "individual": 49}}
    assert bundled["by_unit"]["H-GL"] == {"KT": {"collective": 5, "individual": 25},
                                          "VHXH": {"collective": 10, "individual": 69},
                                          "ANQP": {"collective": 5, "individual": 30},
                                          "XDHTCT": {"collective": 4, "individual": 21}}


def test_levels_and_results_equal_the_independent_recount(bundled, independent):
    assert {k: v["collective"] + v["individual"] for k, v in bundled["by_level"].items()} == dict(independent["levels"])
    assert {k: v["collective"] + v["individual"] for k, v in bundled["by_result"].items()} == dict(independent["results"])


def test_the_corpus_tables_agree(results):
    expected = expected_units(load_registry(CORPUS_REGISTRY), 2024)
    assert_figures_agree(summary_dict(compute_figures(2024, list(results.values()), expected)))


@pytest.mark.parametrize("break_it", [
    lambda s: s["by_unit"]["Q-BD"]["KT"].update(collective=58, individual=10),  # swapped in one unit
    lambda s: s["by_level"]["co_so"].update(collective=s["by_level"]["co_so"]["collective"] + 1),
    lambda s: s["by_result"]["tieu_bieu"].update(individual=0),
    lambda s: s["units"].update(submitted=39),
])
def test_the_cross_check_catches_a_swapped_or_lost_figure(bundled, break_it):
    broken = copy.deepcopy(bundled)
    break_it(broken)
    with pytest.raises(AssertionError):
        assert_figures_agree(broken)
