"""The registry through time (``spec/unit-registry.md``): expected units on a reference date,
files accepted from every unit valid on some day of the year, rejected with the dates
otherwise; the bundled registry's 2024 and 2025 units."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from thidua.ingest.files import UnitContext
from thidua.ingest.identify import TitleBlock, resolve_unit
from thidua.ingest.read import FileRejected
from thidua.ingest.registry import accepted_units, expected_units, load_registry

OLD_40 = 40
NEW_2025 = 85 + 1 + 7  # commune/ward unions, Hi-tech Park and Industrial Parks union, 7 kept


def test_2024_expects_the_40_units_of_2024(registry):
    expected = expected_units(registry, 2024)
    assert len(expected) == OLD_40
    assert expected["valid_to"].eq(pd.Timestamp("2025-06-30")).all()


def test_2025_expects_the_units_valid_on_31_december(registry):
    expected = expected_units(registry, 2025)
    assert len(expected) == NEW_2025
    assert expected["kind"].value_counts().to_dict() == {"xa_phuong": 85, "tong_cong_ty": 5,
                                                         "vien_chuc": 2, "khu_cong_nghiep": 1}
    assert "Q-DD" not in set(expected["code"]) and "P-KIMLIEN" in set(expected["code"])


def test_the_reference_date_decides_who_is_expected(registry):
    before = expected_units(registry, 2025, as_of=dt.date(2025, 6, 30))
    assert len(before) == OLD_40 and "Q-DD" in set(before["code"])
    between = expected_units(registry, 2025, as_of=dt.date(2025, 7, 1))
    assert len(between) == 8  # the units above grassroots level; communes/wards from 01/10
    assert len(expected_units(registry, 2025, as_of=dt.date(2025, 10, 1))) == NEW_2025


def test_a_file_is_accepted_from_every_unit_valid_some_day_of_the_year(registry):
    accepted = set(accepted_units(registry, 2025)["code"])
    assert len(accepted) == OLD_40 + NEW_2025
    assert set(accepted_units(registry, 2024)["code"]) == set(expected_units(registry, 2024)["code"])


def test_a_file_of_a_unit_that_ended_during_the_year_is_accepted(registry):
    context = UnitContext.for_year(registry, 2025)
    code = resolve_unit(pd.Series(dtype="str"), TitleBlock("Q-DD"), Path("a.xlsx"),
                        set(context.known_codes), set(context.accepted_codes), 2025,
                        dict(context.periods))
    assert code == "Q-DD"


@pytest.mark.parametrize("code, year, when", [
    ("P-KIMLIEN", 2024, "hoạt động từ 01/10/2025, không ngày nào trong năm 2024"),
    ("Q-DD", 2026, "hoạt động từ 01/01/1990 đến 30/06/2025, không ngày nào trong năm 2026"),
])
def test_a_file_of_a_unit_that_did_not_exist_in_the_year_is_rejected_with_its_dates(registry, code, year, when):
    context = UnitContext.for_year(registry, year)
    with pytest.raises(FileRejected) as caught:
        resolve_unit(pd.Series(dtype="str"), TitleBlock(code), Path("a.xlsx"),
                     set(context.known_codes), set(context.accepted_codes), year,
                     dict(context.periods))
    assert str(caught.value) == (
        f"Mã đơn vị '{code}' không có trong danh mục đơn vị của năm {year} (mã lấy từ dòng "
        f"'Mã đơn vị:' ở tiêu đề): theo danh mục, đơn vị này {when} (đã giải thể, sáp nhập "
        f"hoặc thành lập sau); đề nghị gửi tệp vào đúng năm hoặc ghi mã của đơn vị kế thừa.")


def test_each_old_district_union_is_succeeded_by_the_unions_of_its_territory(registry):
    dd = registry.set_index("code").loc["Q-DD"]
    assert dd["successors"].split(";") == ["P-OCHODUA", "P-LANG", "P-VANMIEUQUOCTUGIAM",
                                           "P-KIMLIEN", "P-DONGDA"]
    ended = registry[registry["valid_to"].eq(pd.Timestamp("2025-06-30"))]
    assert len(ended) == OLD_40 and ended["successors"].notna().all()


def test_several_periods_of_one_code_load_and_the_line_counts_comments(tmp_path):
    path = tmp_path / "units.csv"
    path.write_text("# ví dụ\ncode,name,level,kind,valid_from,valid_to,successors,members,grassroots_unions\n"
                    "Q-DD,Đống Đa,cap_tren_co_so,quan_huyen,1990-01-01,2024-12-31,,1,1\n"
                    "Q-DD,Đống Đa mới,cap_tren_co_so,quan_huyen,2025-01-01,,,2,1\n", encoding="utf-8")
    registry = load_registry(path)
    assert registry["line"].tolist() == [3, 4]
    assert expected_units(registry, 2025)["name"].tolist() == ["Đống Đa mới"]
    assert expected_units(registry, 2024)["name"].tolist() == ["Đống Đa"]
