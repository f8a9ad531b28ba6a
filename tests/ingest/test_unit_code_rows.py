"""A file's unit when its ``Mã đơn vị`` cells differ, and codes written in full-width or
look-alike letters (``spec/submission-form.md``, "Which unit and which year")."""

import pandas as pd
import pytest

from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.identify import TitleBlock, code_note, parse_title, resolve_unit
from thidua.ingest.unitcodes import code_rejections, column_unit, registry_code
from thidua.ingest.read import FileRejected
from helpers import HEADER, input_file, row, write_xlsx

KNOWN = {"Q-DD", "Q-BD", "N-YT", "CQ"}


def _coded(codes: list[str]) -> list[list]:
    return [[code, *row(model=f"Mô hình thử nghiệm số {i}", stt=i)]
            for i, code in enumerate(codes, start=1)]


def test_one_typo_code_rejects_its_row_alone_and_the_others_count(tmp_path, context):
    codes = ["Q-BD"] * 10
    codes[6] = "Q-DB"
    path = write_xlsx(tmp_path / "Q-BD_dvk.xlsx", _coded(codes), header=["Mã đơn vị", *HEADER])
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.unit == "Q-BD"
    assert result.rows == {"read": 10, "valid": 9, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "column", "value", "error"]].values.tolist() == [
        [8, "Mã đơn vị", "Q-DB",
         "Mã đơn vị 'Q-DB' khác mã của tệp 'Q-BD' (mã của hơn nửa số dòng); mỗi tệp chỉ của một "
         "đơn vị: đề nghị sửa thành 'Q-BD'."]]
    assert not any("Q-DB" in line for line in result.readings)


def test_a_row_of_another_known_unit_is_told_where_it_belongs(tmp_path, context):
    path = write_xlsx(tmp_path / "dvk.xlsx", _coded(["Q-BD", "Q-BD", "Q-DD"]),
                      header=["Mã đơn vị", *HEADER])
    result = ingest_file(input_file(path), context)
    assert result.unit == "Q-BD" and result.rows["valid"] == 2
    assert result.rejections["error"].tolist() == [
        "Mã đơn vị 'Q-DD' khác mã của tệp 'Q-BD' (mã của hơn nửa số dòng); mỗi tệp chỉ của một "
        "đơn vị: đề nghị sửa thành 'Q-BD', hoặc gửi dòng này trong tệp của đơn vị 'Q-DD'."]


def test_a_full_width_code_in_one_row_is_the_files_code_and_told(tmp_path, context):
    codes = ["Q-BD ", " q-bd", "Q-BD\u00a0", "Q-\u200bBD", "Ｑ-BD"]
    path = write_xlsx(tmp_path / "dvk.xlsx", _coded(codes), header=["Mã đơn vị", *HEADER])
    result = ingest_file(input_file(path), context)
    assert result.status == USED and result.rows["valid"] == 5 and result.rejections.empty
    assert "Mã đơn vị 'Ｑ-BD' đã hiểu là 'Q-BD' (mã trong danh mục đơn vị); đề nghị lần sau " \
           "ghi đúng 'Q-BD'." in result.readings


def test_half_and_half_rejects_the_file_naming_each_code_and_its_rows(tmp_path, context):
    path = write_xlsx(tmp_path / "Q-BD_dvk.xlsx", _coded(["Q-BD", "Q-DD", "Q-BD", "Q-DD"]),
                      header=["Mã đơn vị", *HEADER])
    result = ingest_file(input_file(path), context)
    assert result.status == REJECTED
    assert result.problem == (
        "Cột 'Mã đơn vị' có nhiều mã khác nhau, không mã nào chiếm quá nửa số dòng: Q-BD (dòng "
        "2, 4); Q-DD (dòng 3, 5); mỗi tệp chỉ của một đơn vị: đề nghị sửa mã cho đúng hoặc tách "
        "thành tệp riêng của từng đơn vị.")


@pytest.mark.parametrize("codes, unit", [
    (["Q-BD", "Q-BD", "Q-DB"], "Q-BD"),  # two of three
    (["Q-DB", "Q-BD", "Q-BD"], "Q-BD"),  # the odd one first
    (["Ｑ－ＢＤ", "Q-BD", "XYZ"], "Q-BD"),  # folded codes count together
    (["Q-BD", "#N/A", "#REF!"], "Q-BD"),  # error values are not codes
    ([None, "", "N-YT"], "N-YT"),
])
def test_the_files_code_is_the_code_of_more_than_half_of_the_filled_cells(codes, unit):
    assert column_unit(pd.Series(codes, index=range(8, 8 + len(codes))), KNOWN) == unit


def test_a_tie_of_three_codes_is_no_code():
    with pytest.raises(FileRejected, match=r"Q-BD \(dòng 8\); Q-DD \(dòng 9\); Q-XY \(dòng 10\)"):
        column_unit(pd.Series(["Q-BD", "Q-DD", "q-xy"], index=[8, 9, 10]), KNOWN)


def test_a_cell_naming_no_unit_does_not_vote_beside_units_codes():
    with pytest.raises(FileRejected, match=r"dòng: Q-BD \(dòng 8\); Q-DD \(dòng 9\); mỗi tệp"):
        column_unit(pd.Series(["Q-BD", "Q-DD", "xyz"], index=[8, 9, 10]), KNOWN)


def test_the_columns_code_must_still_agree_with_the_title():
    with pytest.raises(FileRejected, match=r"Mã đơn vị không thống nhất \(cột 'Mã đơn vị': "
                                           r"Q-BD; dòng 'Mã đơn vị:' ở tiêu đề: Q-DD\)"):
        resolve_unit(pd.Series(["Q-BD", "Q-BD", "Q-DD"]), TitleBlock("Q-DD"), _Path("x.xlsx"),
                     KNOWN, KNOWN, 2024)


@pytest.mark.parametrize("written, unit", [
    ("Ｑ－ＢＤ", "Q-BD"),  # full-width letters and hyphen
    ("\u0421Q", "CQ"),  # Cyrillic С
    ("Q-\u0412D", "Q-BD"),  # Cyrillic В
    ("N-\u03a5\u03a4", "N-YT"),  # Greek Υ, Τ
    ("ｑ－ｂｄ", "Q-BD"),  # full-width lower case
])
def test_full_width_and_look_alike_codes_read_as_the_latin_code_and_are_told(written, unit):
    title = parse_title([f"Mã đơn vị: {written}"])
    code = resolve_unit(pd.Series(dtype="str"), title, _Path("x.xlsx"), KNOWN, KNOWN, 2024)
    assert code == unit
    assert code_note(pd.Series(dtype="str"), title, code) == (
        f"Mã đơn vị '{written.upper()}' đã hiểu là '{unit}' (mã trong danh mục đơn vị); đề nghị "
        f"lần sau ghi đúng '{unit}'.")  # the title's code is kept in upper case, as written


def test_a_look_alike_code_without_a_colon_and_in_a_file_name_is_read_and_told():
    assert parse_title(["Mã đơn vị \u0421Q"]).unit_code == "\u0421Q"
    path = _Path("\u0421Q_dvk-2024.xlsx")
    assert resolve_unit(pd.Series(dtype="str"), TitleBlock(), path, KNOWN, KNOWN, 2024) == "CQ"
    assert code_note(pd.Series(dtype="str"), TitleBlock(), "CQ", path) == (
        "Mã đơn vị 'СQ' đã hiểu là 'CQ' (mã trong danh mục đơn vị); đề nghị lần sau ghi đúng "
        "'CQ'.")


def test_a_code_still_unknown_says_which_letter_is_foreign():
    with pytest.raises(FileRejected) as caught:
        resolve_unit(pd.Series(dtype="str"), TitleBlock("Q-Д\u0412"), _Path("x.xlsx"), KNOWN,
                     KNOWN, 2024)
    assert str(caught.value) == (
        "Mã đơn vị 'Q-ДВ' không có trong danh mục đơn vị của năm 2024 (mã lấy từ dòng 'Mã đơn "
        "vị:' ở tiêu đề); đề nghị ghi đúng mã đơn vị do LĐLĐ thành phố cấp. 'Q-ДВ' có chữ 'Д', "
        "'В' không phải chữ Latinh (chữ Kirin); đề nghị gõ lại bằng bàn phím tiếng Việt/Latinh.")


def _Path(name):
    from pathlib import Path

    return Path(name)


# --- unitcodes, value by value (mutation run of ``thidua.ingest.unitcodes``) ---------------

@pytest.mark.parametrize("written, code", [
    ("q.bd", "Q-BD"), ("Q BD", "Q-BD"), ("Q_BD", "Q-BD"), ("QBD", "Q-BD"), ("Q–BD", "Q-BD"),
    ("Q-BĐ", "Q-BD"), ("q-yt", None), ("---", None), ("", None), ("n yt", "N-YT"),
])
def test_a_code_is_the_registrys_whatever_its_separators(written, code):
    assert registry_code(written, KNOWN) == code


def test_no_filled_code_cell_gives_no_code():
    assert column_unit(pd.Series([None, "", " ", "#N/A"], index=[5, 6, 7, 8]), KNOWN) is None


def test_codes_in_other_words_count_with_the_registrys_and_the_rest_in_upper_case():
    assert column_unit(pd.Series(["q bd", "Q_BD", "xyz"], index=[5, 6, 7]), KNOWN) == "Q-BD"
    assert column_unit(pd.Series(["xyz", "XYZ", "Q-XY"], index=[5, 6, 7]), KNOWN) == "XYZ"
    assert column_unit(pd.Series(["xyz", "XYZ", "Q-BD"], index=[5, 6, 7]), KNOWN) == "Q-BD"


def _no_majority(codes: list[str | None], index: list[int]) -> str:
    with pytest.raises(FileRejected) as caught:
        column_unit(pd.Series(codes, index=index), KNOWN)
    return str(caught.value).split(": ", 1)[1].split("; mỗi tệp")[0]


def test_codes_without_a_majority_are_named_most_rows_first_then_by_first_row():
    # two rows of Q-DD (of four) is no majority; the codes of one row follow, by first row
    assert _no_majority(["N-YT", "Q-DD", "Q-BD", "Q-DD"], [2, 3, 4, 5]) == \
        "Q-DD (dòng 3, 5); N-YT (dòng 2); Q-BD (dòng 4)"
    # equal counts: the code seen first comes first (Q-BD at 2 before Q-DD at 3, though
    # Q-DD's last row is before Q-BD's)
    assert _no_majority(["Q-BD", "Q-DD", "Q-DD", "Q-BD"], [2, 3, 4, 5]) == \
        "Q-BD (dòng 2, 5); Q-DD (dòng 3, 4)"


def test_a_codes_rows_are_named_up_to_ten():
    ten = _no_majority(["Q-BD"] * 10 + ["Q-DD"] * 10, list(range(2, 22)))
    assert ten == ("Q-BD (dòng 2, 3, 4, 5, 6, 7, 8, 9, 10, 11); "
                   "Q-DD (dòng 12, 13, 14, 15, 16, 17, 18, 19, 20, 21)")
    eleven = _no_majority(["Q-BD"] * 11 + ["Q-DD"] * 11, list(range(2, 24)))
    assert eleven == ("Q-BD (dòng 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …); "
                      "Q-DD (dòng 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, …)")


def test_each_row_of_another_code_is_rejected_alone_and_the_empty_ones_are_not():
    column = pd.Series(["Q-BD", "", None, "q bd", "#N/A", "Q-DD", " xyz ", "Q-\u0414D", "QBD",
                        "Q-BD"], index=[3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    records = code_rejections(column, "Q-BD", KNOWN, "f.xlsx", "Tập thể")
    assert [(r["file"], r["sheet"], r["row"], r["column"], r["value"]) for r in records] == [
        ("f.xlsx", "Tập thể", 8, "Mã đơn vị", "Q-DD"),
        ("f.xlsx", "Tập thể", 10, "Mã đơn vị", "Q-ДD")]  # ``xyz`` names no unit: counted, told
    assert all(type(r["row"]) is int for r in records)
    assert [r["error"] for r in records] == [
        "Mã đơn vị 'Q-DD' khác mã của tệp 'Q-BD' (mã của hơn nửa số dòng); mỗi tệp chỉ của một "
        "đơn vị: đề nghị sửa thành 'Q-BD', hoặc gửi dòng này trong tệp của đơn vị 'Q-DD'.",
        "Mã đơn vị 'Q-ДD' khác mã của tệp 'Q-BD' (mã của hơn nửa số dòng); mỗi tệp chỉ của một "
        "đơn vị: đề nghị sửa thành 'Q-BD'. 'Q-ДD' có chữ 'Д' không phải chữ Latinh (chữ Kirin); "
        "đề nghị gõ lại bằng bàn phím tiếng Việt/Latinh."]
