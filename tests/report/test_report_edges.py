"""Edges of the report's figures and formats found by mutation testing (issue 14): the order of
exemplary models within a field, the previous year's block of ``summary.json``, the registry
kept with the figures, percentages without decimals and Roman numerals."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from thidua.report import aggregate
from thidua.report.formatting import percent, roman

COLUMNS = ["unit", "field", "type", "level", "result", "model", "registrant", "position"]


def test_exemplary_models_of_one_field_by_unit_then_type_then_model():
    rows = [("Q-DD", "KT", "individual", "co_so", "tieu_bieu", "B", "x", ""),
            ("Q-BD", "KT", "individual", "co_so", "tieu_bieu", "C", "x", ""),
            ("Q-DD", "KT", "collective", "co_so", "tieu_bieu", "D", "x", ""),
            ("Q-DD", "KT", "collective", "co_so", "tieu_bieu", "A", "x", "")]
    chosen = aggregate.exemplary_models(pd.DataFrame(rows, columns=COLUMNS).astype("str"))
    assert chosen[["unit", "type", "model"]].values.tolist() == [
        ["Q-BD", "individual", "C"], ["Q-DD", "collective", "A"], ["Q-DD", "collective", "D"],
        ["Q-DD", "individual", "B"]]


def _figures():
    """The figures of one used file of Q-DD with one registration, the registry knowing a
    unit that is not expected (Q-CU)."""
    import datetime as dt
    from pathlib import Path

    from thidua.ingest.discover import InputFile
    from thidua.ingest.files import FileResult
    from thidua.ingest.validate import rejection_frame
    from thidua.report.figures import REGISTRATION_COLUMNS, compute_figures

    row = {"unit": "Q-DD", "file": "dd.xlsx", "sheet": "S", "model": "Vườn rau", "field": "KT",
           "type": "individual", "registrant": "Đỗ Em", "level": "co_so",
           "result": "hoan_thanh"}
    frame = pd.DataFrame([row]).reindex(columns=REGISTRATION_COLUMNS).fillna("").astype("str")
    source = InputFile(Path("dd.xlsx"), "dd.xlsx", "0" * 64, 100,
                       dt.datetime(2024, 12, 1, tzinfo=dt.timezone.utc))
    result = FileResult(source, "used", unit="Q-DD", sha256="0" * 64, registrations=frame,
                        rejections=rejection_frame([]),
                        rows={"read": 1, "valid": 1, "rejected": 0, "ignored": 0})
    expected = pd.DataFrame({"code": ["Q-DD"], "name": ["Đống Đa"]})
    registry = pd.DataFrame({"code": ["Q-DD", "Q-CU"], "name": ["Đống Đa", "Quận cũ"]})
    return compute_figures(2024, [result], expected, registry)


def test_the_registry_stays_with_the_figures_for_the_names_of_units_not_expected():
    figures = _figures()
    assert figures.registry["code"].tolist() == ["Q-DD", "Q-CU"]
    assert figures.unit_names == {"Q-DD": "Đống Đa", "Q-CU": "Quận cũ"}


def test_summary_has_the_previous_year_block_only_when_compared():
    from thidua.report.figures import summary_dict

    figures = _figures()
    assert "previous_year" not in summary_dict(figures)
    block = {"year": 2023, "registrations": {"total": 5}}
    compared = summary_dict(dataclasses.replace(figures, previous_year=block))
    assert compared["previous_year"] == block


@pytest.mark.parametrize("part, whole, digits, text", [
    (2, 3, 0, "67%"), (1, 2, 0, "50%"), (1, 200, 0, "1%"), (1, 3, 2, "33,33%"),
])
def test_percentages_with_no_or_two_decimals(part, whole, digits, text):
    assert percent(part, whole, digits) == text


@pytest.mark.parametrize("value, text", [
    (1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (9, "IX"), (10, "X"), (14, "XIV"),
    (40, "XL"), (49, "XLIX"), (50, "L"), (90, "XC"), (100, "C"), (400, "CD"), (500, "D"),
    (900, "CM"), (1000, "M"), (1994, "MCMXCIV"), (3888, "MMMDCCCLXXXVIII")])
def test_roman_numerals_of_the_appendices(value, text):
    assert roman(value) == text


@pytest.mark.parametrize("value", [0, -1])
def test_roman_refuses_a_value_below_one(value):
    with pytest.raises(ValueError, match=rf"^roman\({value}\): needs a positive integer$"):
        roman(value)
