"""Last year's list on a sheet named for last year (``Năm 2023``, ``2023``, ``DS năm trước``)
beside this year's, neither with a title block: its rows are rejected naming the sheet, never
counted as this year's (tester B's cases 156, 158, 159: 6 registrations invented); a workbook
whose every sheet names another year is left to its title and folder
(``sheettitle.sheets_of_other_years``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.sheettitle import named_year, sheets_of_other_years


@pytest.mark.parametrize("name, year", [
    ("Năm 2023", 2023), ("2023", 2023), ("DS 2023", 2023), ("ĐK_2023", 2023),
    ("DS năm trước", 2023), ("Năm cũ", 2023), ("NĂM TRƯỚC", 2023),
    ("Năm 2024", None), ("2023-2024", None), ("Sheet1", None), ("2022 và 2023", None),
    ("Tháng 12", None), ("Danh sách", None),
])
def test_the_other_year_a_sheet_s_name_gives(name, year):
    assert named_year(name, 2024) == year


def test_only_beside_a_sheet_of_the_year():
    assert sheets_of_other_years(["Năm 2023", "Năm 2024"], 2024) == {"Năm 2023": 2023}
    assert sheets_of_other_years(["DS", "DS năm trước"], 2024) == {"DS năm trước": 2023}
    assert sheets_of_other_years(["2023"], 2024) == {}
    assert sheets_of_other_years(["2023", "DS 2022"], 2024) == {}


OLD = [reg(i) for i in range(3)]  # periods of 2024 too: only the name tells
NEW = [reg(i) for i in range(3, 8)]


@pytest.mark.parametrize("names", [("Năm 2024", "Năm 2023"), ("2023", "2024"),
                                   ("DS", "DS năm trước")])
def test_last_year_s_sheet_by_name_is_not_counted(tmp_path, context, names):
    old_first = names[0] in ("2023",)
    sheets = {names[0]: OLD if old_first else NEW, names[1]: NEW if old_first else OLD}
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet(n, [HEADER, *rows]) for n, rows in sheets.items()])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (5, 3)
    stale = names[0] if old_first else names[1]
    assert set(result.rejections["sheet"]) == {stale}
    assert result.rejections["error"].iloc[0].startswith(
        f"Trang '{stale}' của tệp Q-HK_dk.xlsx mang tên '{stale}' (năm 2023), khác năm báo cáo "
        f"của tệp (2024), và không có tiêu đề riêng")


def test_a_sheet_named_for_last_year_with_this_year_s_title_counts(tmp_path, context):
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("Năm 2024", [HEADER, *NEW]),
                      Sheet("Năm 2023", [["Năm: 2024"], HEADER, *OLD])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (8, 0)


def test_a_reused_file_whose_only_sheet_names_last_year_still_counts(tmp_path, context):
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("Năm 2023", [HEADER, *NEW])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (5, 0)
