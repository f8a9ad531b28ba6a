"""Title block, unit and year, value by value, for what the mutation run of
thidua/ingest/identify.py left unchecked (README, "Mutation scores"): a separator that is no
colon, a second colon in a value, a code ending in ``X`` before a later label, the dated line
in lines and in rows, a unit name inside another, how a file name's code is told, what a file
name with two underscores lacks, and the year folders above the raw folder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from thidua.ingest.identify import (TitleBlock, code_note, folder_year, parse_title, resolve_unit,
                                    unit_by_name)
from thidua.ingest.read import FileRejected

KNOWN = {"Q-DD", "Q-BD", "Q-TX", "CQ"}
NO_UNIT = ("Không xác định được đơn vị gửi: cần cột 'Mã đơn vị', dòng 'Mã đơn vị: …' ở tiêu đề, "
           "hoặc tên tệp bắt đầu bằng mã đơn vị (ví dụ Q-DD_dang-ky.xlsx)")
NONE = pd.Series(dtype="object")


def _rejected(title: TitleBlock, name: str, column=NONE) -> str:
    with pytest.raises(FileRejected) as caught:
        resolve_unit(column, title, Path(name), KNOWN, KNOWN, 2024)
    return str(caught.value)


@pytest.mark.parametrize("line", ["Năm - 2024", "Năm = 2024", "Năm – 2024"])
def test_a_dash_or_equals_after_a_label_is_its_colon(line):
    assert parse_title([line]).year == 2024


def test_a_dash_after_a_label_makes_a_bad_year_an_error_as_a_colon_does():
    with pytest.raises(FileRejected) as caught:
        parse_title(["Năm - 2024 2025"])
    assert str(caught.value) == ("Dòng 'Năm: 2024 2025' ở phần tiêu đề không phải là một năm (cần "
                                 "một năm 4 chữ số, ví dụ 'Năm: 2024').")
    assert parse_title(["Năm 2024 2025"]).year is None  # no colon, no dash: says nothing


def test_a_value_is_all_the_text_after_the_first_colon():
    with pytest.raises(FileRejected, match="^Dòng 'Năm: 2024: 2025' ở phần tiêu đề"):
        parse_title(["Năm: 2024: 2025"])
    assert parse_title(["Ngày gửi: 05/12: 2024"]).sent_text == "05/12: 2024"


def test_a_code_ending_in_x_before_a_later_label_keeps_its_x():
    title = parse_title([["Mã đơn vị: Q-TX Năm: 2024"]])
    assert (title.unit_code, title.year) == ("Q-TX", 2024)


@pytest.mark.parametrize("rows", [["Hà Nội, ngày 05 tháng 12 năm 2024"],
                                  [["LĐLĐ quận Đống Đa", "Hà Nội, ngày 05 tháng 12 năm 2024"]]])
def test_the_dated_line_is_read_from_lines_and_from_rows_of_cells(rows):
    assert parse_title(rows).sent_date == dt.date(2024, 12, 5)


def test_a_unit_whose_name_holds_another_found_name_is_the_one_named():
    names = {"N-YT": "Công đoàn ngành Y tế", "CS-1": "Công đoàn ngành Y tế cơ sở 1"}
    assert unit_by_name(("CÔNG ĐOÀN NGÀNH Y TẾ CƠ SỞ 1",), names) == "CS-1"
    assert unit_by_name(("Công đoàn ngành Y tế",), names) == "N-YT"


def test_codes_of_another_unit_in_the_column_are_not_told_as_read_for_the_file():
    assert code_note(pd.Series(["Q-DD", "Q-BD"]), TitleBlock(), "Q-DD") is None
    assert code_note(pd.Series(["q.dd", "Q-BD"]), TitleBlock(), "Q-DD") == (
        "Mã đơn vị 'q.dd' đã hiểu là 'Q-DD' (mã trong danh mục đơn vị); đề nghị lần sau ghi "
        "đúng 'Q-DD'.")


def test_without_a_path_and_without_a_code_nothing_is_told():
    assert code_note(NONE, TitleBlock(), "Q-DD") is None


@pytest.mark.parametrize("name", ["СQ_dang-ky.xlsx", "СQ_dang_ky.xlsx"])  # a Cyrillic С
def test_a_file_names_code_with_a_look_alike_letter_is_told(name):
    assert code_note(NONE, TitleBlock(), "CQ", Path(name)) == (
        "Mã đơn vị 'СQ' đã hiểu là 'CQ' (mã trong danh mục đơn vị); đề nghị lần sau ghi đúng 'CQ'.")


def test_a_file_names_code_in_another_case_or_separator_is_not_told():
    assert code_note(NONE, TitleBlock(), "Q-DD", Path("q.dd_dang-ky.xlsx")) is None


def test_a_file_name_with_two_underscores_names_its_first_part():
    assert _rejected(TitleBlock(), "xy_dang_ky.xlsx") == (
        NO_UNIT + " (phần đầu tên tệp 'xy' không phải mã đơn vị trong danh mục).")


def test_a_code_then_words_before_the_underscore_gives_the_unit_by_its_first_word():
    assert resolve_unit(NONE, TitleBlock(), Path("Q-DD bao cao_dang-ky.xlsx"), KNOWN, KNOWN,
                        2024) == "Q-DD"


def test_a_code_not_in_the_registry_with_a_cyrillic_letter_says_which():
    assert _rejected(TitleBlock("ХY-Z"), "a.xlsx") == (  # a Cyrillic Х
        "Mã đơn vị 'ХY-Z' không có trong danh mục đơn vị của năm 2024 (mã lấy từ dòng 'Mã đơn "
        "vị:' ở tiêu đề); đề nghị ghi đúng mã đơn vị do LĐLĐ thành phố cấp. 'ХY-Z' có chữ 'Х' "
        "không phải chữ Latinh (chữ Kirin); đề nghị gõ lại bằng bàn phím tiếng Việt/Latinh.")


def test_a_year_folder_above_the_raw_folder_is_not_the_files():
    assert folder_year(Path("/data/2023/raw/Q-DD.xlsx"), "Q-DD.xlsx") is None
    assert folder_year(Path("/data/2023/raw/quan/Q-DD.xlsx"), "quan/Q-DD.xlsx") is None
    assert folder_year(Path("/data/2023/raw/2024/Q-DD.xlsx"), "2024/Q-DD.xlsx") == 2024


# --- A ``Mã đơn vị`` column naming no unit (the re-run of 30/11 late evening, in this process:
# ``code_note`` and ``resolve_unit`` were checked only through files read by the parsing worker)

GRASSROOTS = [f"HK-00{i}" for i in range(1, 5)]


def _nameless(shown: str) -> str:
    return (f"Cột 'Mã đơn vị' ghi {shown}, không phải mã đơn vị trong danh mục: không dùng cột "
            f"này để xác định đơn vị; đã xác định đơn vị 'Q-DD' theo tiêu đề hoặc tên tệp. Nếu "
            f"cột ghi mã riêng của công đoàn cơ sở, đề nghị đổi tiêu đề cột (ví dụ 'Mã CĐCS').")


@pytest.mark.parametrize("codes, shown", [
    (GRASSROOTS, "'HK-001', 'HK-002', 'HK-003', …"),
    (GRASSROOTS[:3], "'HK-001', 'HK-002', 'HK-003'"),
    (["HK-001", " ", "HK-001"], "'HK-001'")])
def test_a_column_naming_no_unit_is_told_with_its_first_three_codes(codes, shown):
    note = code_note(pd.Series(codes), TitleBlock("Q-DD"), "Q-DD", Path("a.xlsx"), KNOWN)
    assert note == _nameless(shown)


def test_a_column_holding_another_unit_s_code_is_not_told_as_naming_no_unit():
    column = pd.Series({5: "HK-001", 6: "HK-002", 7: "Q-BD"})
    assert code_note(column, TitleBlock("Q-DD"), "Q-DD", Path("a.xlsx"), KNOWN) is None


@pytest.mark.parametrize("column", [
    {5: "Q-HKK", 6: "Q-HKK"},  # one code on every row, no unit's: the title's unit
    {5: "Q-BD", 6: "HK-001", 7: "HK-002"}])  # a unit's code on one row of three: gives way
def test_a_column_naming_no_unit_gives_way_to_the_title_s_code(column):
    assert resolve_unit(pd.Series(column), TitleBlock("Q-DD"), Path("a.xlsx"), KNOWN, KNOWN,
                        2024) == "Q-DD"


def test_a_column_of_one_unit_s_code_does_not_give_way():
    assert _rejected(TitleBlock("Q-DD"), "a.xlsx", pd.Series({5: "Q-BD", 6: "Q-BD"})) == (
        "Mã đơn vị không thống nhất (cột 'Mã đơn vị': Q-BD; dòng 'Mã đơn vị:' ở tiêu đề: Q-DD).")
