"""A workbook of several sheets read against its own title blocks (an extension of
``spec/submission-form.md``, "Which unit and which year"): a later sheet titled for another
unit or another year is never counted for the file's unit; a sheet naming the same unit in
any spelling, or no unit, is. The no-majority message of a ``Mã đơn vị`` column names each
row's sheet. An ``.xls`` whose formulas no program computed is read as the ``.xlsx`` one is."""

from __future__ import annotations

import dataclasses
import struct

import pandas as pd
import pytest

from corpus_rows import HEADER, reg, regs, titled
from corpus_writers import Formula, Sheet, write_xls, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.read import FileRejected, parse_sheets
from thidua.ingest.sheetrows import label_rows, unit_codes
from thidua.ingest.unitcodes import column_unit

SAVE = ("Đề nghị mở tệp bằng Excel hoặc LibreOffice, lưu lại (để lưu cả kết quả của công thức) "
        "rồi gửi lại.")


def named(name: str, sheet: Sheet) -> Sheet:
    return dataclasses.replace(sheet, name=name)


def ingest(tmp_path, context, sheets: list[Sheet], writer=write_xlsx, suffix=".xlsx"):
    path = tmp_path / f"Q-DD_dk{suffix}"
    writer(path, sheets)
    return ingest_file(input_file(path), context)


def counts(result) -> list[tuple]:
    return [(s["sheet"], s["read"], s["valid"], s["rejected"], s["ignored"]) for s in result.sheets]


def other_unit(code: str, *, to: str = "Q-DD", elsewhere: bool = True) -> str:
    return (f"Trang 'Trang 2' của tệp Q-DD_dk.xlsx ghi 'Mã đơn vị: {code}' ở tiêu đề, khác mã "
            f"đơn vị của tệp '{to}': các dòng của trang này không được tính cho đơn vị '{to}'. "
            f"Mỗi tệp chỉ của một đơn vị: nếu đây là danh sách của đơn vị '{to}', đề nghị sửa "
            f"tiêu đề trang thành 'Mã đơn vị: {to}'"
            + (f", hoặc gửi trang này trong tệp của đơn vị '{code}'." if elsewhere else "."))


# --- a later sheet titled for another unit -------------------------------------------------
def test_a_later_sheet_titled_for_another_unit_has_its_rows_rejected_naming_both_codes(
        tmp_path, context):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(2))),
                                        named("Trang 2", titled("Q-BD", regs(2, start=2)))])
    assert (result.status, result.unit) == (USED, "Q-DD")
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 2, 0, 2, 0)]
    assert result.registrations["model"].tolist() == [reg(0)[1], reg(1)[1]]
    assert result.rejections.values.tolist() == [
        ["Q-DD_dk.xlsx", "Trang 2", 7, "Mã đơn vị", "Mã đơn vị: Q-BD", other_unit("Q-BD")],
        ["Q-DD_dk.xlsx", "Trang 2", 8, "Mã đơn vị", "Mã đơn vị: Q-BD", other_unit("Q-BD")]]


def test_a_later_sheet_titled_with_a_code_not_in_the_registry_is_rejected_too(tmp_path, context):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(1))),
                                        named("Trang 2", titled("Q-XYZ", regs(1, start=1)))])
    assert counts(result) == [("Trang 1", 1, 1, 0, 0), ("Trang 2", 1, 0, 1, 0)]
    assert result.rejections["error"].tolist() == [other_unit("Q-XYZ", elsewhere=False)]


@pytest.mark.parametrize("written", ["q-dd", "Q DD", "Ｑ－ＤＤ", "Q-ĐĐ"])
def test_a_later_sheet_naming_the_same_unit_in_another_spelling_counts(tmp_path, context,
                                                                       written):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(2))),
                                        named("Trang 2", titled(written, regs(2, start=2)))])
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 2, 2, 0, 0)]
    assert result.rejections.empty


def test_a_later_sheet_naming_another_unit_by_its_name_only_has_its_rows_rejected(
        tmp_path, context):
    # no code on the sheet, but the registry name of another unit: another unit's list
    by_name = titled(None, regs(2, start=2), year=None,
                     extra_title=["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"])
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(2))),
                                        named("Trang 2", by_name)])
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 2, 0, 2, 0)]
    said = ("Trang 'Trang 2' của tệp Q-DD_dk.xlsx ghi 'LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH' ở tiêu "
            "đề (đơn vị 'Q-BD' trong danh mục), khác đơn vị của tệp 'Q-DD': các dòng của trang "
            "này không được tính cho đơn vị 'Q-DD'. Mỗi tệp chỉ của một đơn vị: nếu đây là danh "
            "sách của đơn vị 'Q-DD', đề nghị ghi 'Mã đơn vị: Q-DD' ở tiêu đề trang, hoặc gửi "
            "trang này trong tệp của đơn vị 'Q-BD'.")
    assert result.rejections[["sheet", "row", "column", "value", "error"]].values.tolist() == [
        ["Trang 2", 6, "Mã đơn vị", "LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH", said],
        ["Trang 2", 7, "Mã đơn vị", "LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH", said]]


@pytest.mark.parametrize("line", ["LIÊN ĐOÀN LAO ĐỘNG QUẬN ĐỐNG ĐA", "LĐLĐ quận Đống Đa",
                                  "CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH ÁNH DƯƠNG"])
def test_a_later_sheet_naming_the_files_unit_or_no_unit_of_the_registry_counts(
        tmp_path, context, line):
    by_name = titled(None, regs(2, start=2), year=None, extra_title=[line])
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(2))),
                                        named("Trang 2", by_name)])
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 2, 2, 0, 0)]


def test_a_later_sheet_with_a_code_is_read_by_its_code_not_its_name(tmp_path, context):
    both = titled("Q-DD", regs(2, start=2), extra_title=["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"])
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(2))),
                                        named("Trang 2", both)])
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 2, 2, 0, 0)]


def test_a_later_sheet_without_a_title_block_takes_the_files_unit_and_year(tmp_path, context):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(2))),
                                        Sheet("Trang 2", [HEADER, *regs(2, start=2)])])
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 2, 2, 0, 0)]


@pytest.mark.parametrize("code, rejected", [("Q-DD", 0), ("Q-BD", 2)])
def test_a_first_sheet_without_a_title_gives_the_file_name_s_unit_to_check_later_titles(
        tmp_path, context, code, rejected):
    result = ingest(tmp_path, context, [Sheet("Trang 1", [HEADER, *regs(2)]),
                                        named("Trang 2", titled(code, regs(2, start=2)))])
    assert (result.status, result.unit) == (USED, "Q-DD")
    assert counts(result) == [("Trang 1", 2, 2, 0, 0), ("Trang 2", 2, 2 - rejected, rejected, 0)]
    assert result.rejections["error"].tolist() == [other_unit(code)] * rejected


# --- a later sheet titled for another year -------------------------------------------------
def test_a_later_sheet_titled_for_another_year_has_its_rows_rejected(tmp_path, context):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(1))),
                                        named("Trang 2", titled("Q-DD", regs(2, start=1),
                                                                year="2023"))])
    assert counts(result) == [("Trang 1", 1, 1, 0, 0), ("Trang 2", 2, 0, 2, 0)]
    assert result.rejections[["sheet", "row", "column", "value"]].values.tolist() == [
        ["Trang 2", 7, "Năm", "Năm: 2023"], ["Trang 2", 8, "Năm", "Năm: 2023"]]
    assert result.rejections["error"][0] == (
        "Trang 'Trang 2' của tệp Q-DD_dk.xlsx ghi 'Năm: 2023' ở tiêu đề, khác năm báo cáo của "
        "tệp (2024): các dòng của trang này không được tính cho năm 2024. Nếu đây là đăng ký năm "
        "2024, đề nghị sửa tiêu đề trang thành 'Năm: 2024'; nếu là danh sách năm 2023, đề nghị "
        "bỏ trang này khỏi tệp.")


def test_a_later_sheet_whose_year_line_is_no_year_has_its_rows_rejected(tmp_path, context):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(1))),
                                        named("Trang 2", titled("Q-DD", regs(1, start=1),
                                                                year="hai nghìn"))])
    assert counts(result) == [("Trang 1", 1, 1, 0, 0), ("Trang 2", 1, 0, 1, 0)]
    assert result.rejections["error"].tolist() == [
        "Trang 'Trang 2' của tệp Q-DD_dk.xlsx: dòng 'Năm: hai nghìn' ở phần tiêu đề không phải là "
        "một năm (cần một năm 4 chữ số, ví dụ 'Năm: 2024'). Các dòng của trang này không được "
        "tính."]


# --- the no-majority message names each row's sheet ---------------------------------------
NO_MAJORITY = ("Cột 'Mã đơn vị' có nhiều mã khác nhau, không mã nào chiếm quá nửa số dòng: {}; "
               "mỗi tệp chỉ của một đơn vị: đề nghị sửa mã cho đúng hoặc tách thành tệp riêng "
               "của từng đơn vị.")


def test_no_majority_across_sheets_names_each_sheets_rows(context):
    codes = pd.concat([pd.Series(["Q-DD", "Q-BD", "Q-DD"], index=[7, 8, 9]),
                       pd.Series(["Q-BD", "q-bd", "Q-DD"], index=[2, 3, 4])],
                      keys=["Tập thể", "Cá nhân"])
    with pytest.raises(FileRejected) as raised:
        column_unit(codes, set(context.known_codes))
    assert str(raised.value) == NO_MAJORITY.format(
        "Q-DD (Trang 'Tập thể': dòng 7, 9; Trang 'Cá nhân': dòng 4); "
        "Q-BD (Trang 'Tập thể': dòng 8; Trang 'Cá nhân': dòng 2, 3)")


def test_a_files_unit_codes_carry_their_sheet_into_the_no_majority_message(tmp_path, context):
    coded = [Sheet(name, [["Mã đơn vị", *HEADER], [a, *reg(0)], [b, *reg(1)]])
             for name, a, b in (("Tập thể", "Q-DD", "Q-BD"), ("Cá nhân", "Q-BD", "Q-DD"))]
    write_xlsx(tmp_path / "dk.xlsx", coded)
    parsed = parse_sheets((tmp_path / "dk.xlsx").read_bytes(), ".xlsx")
    codes = unit_codes([label_rows(sheet) for sheet in parsed.sheets])
    assert codes.index.tolist() == [("Tập thể", 2), ("Tập thể", 3), ("Cá nhân", 2), ("Cá nhân", 3)]
    with pytest.raises(FileRejected) as raised:
        column_unit(codes, set(context.known_codes))
    assert str(raised.value) == NO_MAJORITY.format(
        "Q-DD (Trang 'Tập thể': dòng 2; Trang 'Cá nhân': dòng 3); "
        "Q-BD (Trang 'Tập thể': dòng 3; Trang 'Cá nhân': dòng 2)")


def test_no_majority_in_one_sheet_names_rows_alone(context):
    codes = pd.concat([pd.Series(["Q-BD", "Q-DD"], index=[2, 3])], keys=["DS"])
    with pytest.raises(FileRejected) as raised:
        column_unit(codes, set(context.known_codes))
    assert str(raised.value) == NO_MAJORITY.format("Q-BD (dòng 2); Q-DD (dòng 3)")


# --- .xls formulas that no program computed ------------------------------------------------
#: A RECALCID record (as Excel and LibreOffice write it): the workbook was computed.
RECALCID = struct.pack("<HH", 0x01C1, 8) + bytes.fromhex("c1010000548d0100")


def _formulas() -> list[Sheet]:
    """Row 8's field is a VLOOKUP, row 9's result an IF; xlwt computes neither."""
    return [titled("Q-DD", [reg(0), reg(1, field=Formula("=VLOOKUP(B8,M1:N2,2,0)")),
                            reg(2, result=Formula('=IF(H9="","","Hoàn thành")'))])]


def test_an_xls_formula_no_program_computed_rejects_its_row_naming_the_cell(tmp_path, context):
    result = ingest(tmp_path, context, _formulas(), write_xls, ".xls")
    assert result.rejections[["row", "column", "value", "error"]].values.tolist() == [
        [8, "Lĩnh vực", "=", "Ô C8 là công thức chưa được lưu kết quả, nên không đọc được giá "
                             f"trị của cột 'Lĩnh vực'. {SAVE}"],
        [9, "Kết quả", "=", "Ô J9 là công thức chưa được lưu kết quả, nên không đọc được giá "
                            f"trị của cột 'Kết quả'. {SAVE}"]]
    assert result.registrations.index.tolist() == [7]


def test_an_xls_computed_by_excel_keeps_an_empty_formula_result(tmp_path, context, monkeypatch):
    import xlwt

    useselfs = xlwt.Workbook._Workbook__useselfs_rec
    monkeypatch.setattr(xlwt.Workbook, "_Workbook__useselfs_rec",
                        lambda self: useselfs(self) + RECALCID)
    result = ingest(tmp_path, context, _formulas(), write_xls, ".xls")
    assert result.rejections[["row", "column"]].values.tolist() == [[8, "Lĩnh vực"]]
    assert result.rejections["error"][0].startswith("Thiếu 'Lĩnh vực': cần ")
    assert result.registrations.loc[9, "result"] == "chua_danh_gia"  # what Excel showed: empty


# --- in this process (the 01/12 mutation run: ``ingest_file`` reads in a worker) -----------
def _sheet(name: str, grid: list[list]):
    from thidua.ingest.rows import SheetData
    from thidua.ingest.table import find_table

    return SheetData(name, grid, find_table(grid))


def test_a_sheet_s_title_holds_a_unit_s_name_under_the_header_only_with_the_registry_s_names():
    from helpers import HEADER as FORM, row as registration
    from thidua.ingest.sheettitle import sheet_title

    name = "Liên đoàn Lao động quận Ba Đình"
    sheet = _sheet("DS", [["Năm: 2024"], FORM, [name], registration()])
    assert sheet_title(sheet, {"Q-BD": name})[0].lines == ("Năm: 2024", name)
    assert sheet_title(sheet)[0].lines == ("Năm: 2024",)


@pytest.mark.parametrize("sheet, file, where", [("DS", "a.xlsx", "Trang 'DS' của tệp a.xlsx"),
                                                ("", "a.csv", "Tệp a.csv")])
def test_a_sheet_titled_for_another_unit_is_said_by_its_name_or_its_file_s(sheet, file, where):
    from helpers import HEADER as FORM, row as registration
    from thidua.ingest.sheettitle import title_rejections

    grid = [["Mã đơn vị: Q-BD"], FORM, registration()]
    found = title_rejections(_sheet(sheet, grid), pd.Index([3]), unit="Q-DD", year=2024,
                             known_codes=frozenset({"Q-DD", "Q-BD"}), file=file)
    assert [(r["row"], r["column"]) for r in found] == [(3, "Mã đơn vị")]
    assert found[0]["error"].startswith(
        f"{where} ghi 'Mã đơn vị: Q-BD' ở tiêu đề, khác mã đơn vị của tệp 'Q-DD'")


NAMES = {"Q-BD": "Liên đoàn Lao động quận Ba Đình", "Q-DD": "Liên đoàn Lao động quận Đống Đa"}


def test_a_later_sheet_named_for_another_unit_without_a_title_is_told_word_for_word():
    from helpers import HEADER as FORM, row as registration
    from thidua.ingest.sheettitle import title_rejections

    found = title_rejections(_sheet("LĐLĐ Ba Đình", [FORM, registration()]), pd.Index([2]),
                             unit="Q-DD", year=2024, known_codes=frozenset(NAMES), file="a.xlsx",
                             names=NAMES)
    assert [(r["row"], r["column"], r["value"], r["error"]) for r in found] == [
        (2, "Mã đơn vị", "LĐLĐ Ba Đình",
         "Trang 'LĐLĐ Ba Đình' của tệp a.xlsx mang tên 'LĐLĐ Ba Đình' (đơn vị 'Q-BD' trong danh "
         "mục), khác đơn vị của tệp 'Q-DD', và không có tiêu đề riêng: các dòng của trang này "
         "không được tính cho đơn vị 'Q-DD'. Nếu đây là danh sách của đơn vị 'Q-DD', đề nghị đổi "
         "tên trang hoặc ghi 'Mã đơn vị: Q-DD' ở tiêu đề trang; nếu là của đơn vị 'Q-BD', đề nghị "
         "gửi trang này trong tệp của đơn vị đó.")]


@pytest.mark.parametrize("sheet, title, below, said", [
    ("Q-BD", [], [], [(2, "Q-BD")]),                      # the code as the sheet's name
    ("LĐLĐ Đống Đa", [], [], []),                         # the file's own unit
    ("", [], [], []),                                     # no sheet's name (a CSV)
    ("Q-BD", [["Mã đơn vị: Q-DD"]], [], []),             # its title's code decides
    ("Q-BD", [[NAMES["Q-BD"]]], [], [(3, NAMES["Q-BD"])]),  # its title's name: told once
    ("DS", [], [[NAMES["Q-BD"]]], [(3, NAMES["Q-BD"])]),    # a name under the header
])
def test_which_later_sheets_are_told_as_another_unit_s(sheet, title, below, said):
    from helpers import HEADER as FORM, row as registration
    from thidua.ingest.sheettitle import title_rejections

    grid = [*title, FORM, *below, registration()]
    found = title_rejections(_sheet(sheet, grid), pd.Index([len(grid)]), unit="Q-DD",
                             year=2024, known_codes=frozenset(NAMES), file="a.xlsx", names=NAMES)
    assert [(r["row"], r["value"]) for r in found] == [(row, v) for row, v in said]


@pytest.mark.parametrize("sheet, title, name_year, said", [
    ("DS", [["Mã đơn vị: ХY-Z"]], None,  # a Cyrillic Х: the letter named
     (3, "Mã đơn vị", "Mã đơn vị: ХY-Z",
      "Trang 'DS' của tệp a.xlsx ghi 'Mã đơn vị: ХY-Z' ở tiêu đề, khác mã đơn vị của tệp "
      "'Q-DD': các dòng của trang này không được tính cho đơn vị 'Q-DD'. Mỗi tệp chỉ của một "
      "đơn vị: nếu đây là danh sách của đơn vị 'Q-DD', đề nghị sửa tiêu đề trang thành 'Mã đơn "
      "vị: Q-DD'. 'ХY-Z' có chữ 'Х' không phải chữ Latinh (chữ Kirin); đề nghị gõ lại bằng bàn "
      "phím tiếng Việt/Latinh.")),
    ("Năm 2023", [], 2023,
     (2, "Năm", "Năm 2023",
      "Trang 'Năm 2023' của tệp a.xlsx mang tên 'Năm 2023' (năm 2023), khác năm báo cáo của tệp "
      "(2024), và không có tiêu đề riêng: các dòng của trang này không được tính cho năm 2024. "
      "Nếu đây là đăng ký năm 2024, đề nghị đổi tên trang hoặc ghi 'Năm: 2024' ở tiêu đề trang; "
      "nếu là danh sách năm 2023, đề nghị bỏ trang này khỏi tệp.")),
    ("DS", [["Năm: abc"]], None,
     (3, "Năm", "", "Trang 'DS' của tệp a.xlsx: dòng 'Năm: abc' ở phần tiêu đề không phải là "
      "một năm (cần một năm 4 chữ số, ví dụ 'Năm: 2024'). Các dòng của trang này không được "
      "tính.")),
])
def test_each_title_rejection_word_for_word(sheet, title, name_year, said):
    from helpers import HEADER as FORM, row as registration
    from thidua.ingest.sheettitle import title_rejections

    grid = [*title, FORM, registration()]
    found = title_rejections(_sheet(sheet, grid), pd.Index([len(grid)]), unit="Q-DD",
                             year=2024, known_codes=frozenset({"Q-DD", "Q-BD"}), file="a.xlsx",
                             name_year=name_year)
    assert [(r["row"], r["column"], r["value"], r["error"]) for r in found] == [said]


# --- a title's line quoted as the file holds it (fresh tester H's H25) -----------------------
def _later(title: list[list], start: int = 1) -> Sheet:
    return Sheet("Trang 2", [*title, [], HEADER, *regs(2, start=start)])


def test_a_year_in_the_heading_only_is_quoted_as_the_heading(tmp_path, context):
    """The sheet has no ``Năm:`` line: the message quoted ``'Năm: 2025' ở tiêu đề`` and asked
    for ``'Năm: 2024'``, text the file does not hold."""
    heading = "CÁC MÔ HÌNH DỰ KIẾN ĐĂNG KÝ NĂM 2025"
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(1))),
                                        _later([[heading]])])
    assert result.rejections[["sheet", "row", "column", "value"]].values.tolist() == [
        ["Trang 2", 4, "Năm", heading], ["Trang 2", 5, "Năm", heading]]
    assert result.rejections["error"][0] == (
        "Trang 'Trang 2' của tệp Q-DD_dk.xlsx ghi 'CÁC MÔ HÌNH DỰ KIẾN ĐĂNG KÝ NĂM 2025' ở tiêu "
        "đề, khác năm báo cáo của tệp (2024): các dòng của trang này không được tính cho năm "
        "2024. Nếu đây là đăng ký năm 2024, đề nghị sửa tiêu đề trang thành 'CÁC MÔ HÌNH DỰ "
        "KIẾN ĐĂNG KÝ NĂM 2024'; nếu là danh sách năm 2025, đề nghị bỏ trang này khỏi tệp.")


@pytest.mark.parametrize("title, said, fixed", [
    ([["Năm báo cáo - 2023"]], "Năm báo cáo - 2023", "Năm báo cáo - 2024"),
    ([["Năm", ":", "2023"]], "Năm: 2023", "Năm: 2024"),
    ([["Năm thực hiện:", "2023"]], "Năm thực hiện: 2023", "Năm thực hiện: 2024"),
    ([["Mã đơn vị: Q-DD   Năm: 2023"]], "Năm: 2023", "Năm: 2024"),
])
def test_a_year_line_is_quoted_as_written(tmp_path, context, title, said, fixed):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(1))),
                                        _later(title)])
    assert set(result.rejections["value"]) == {said}
    assert f"ghi '{said}' ở tiêu đề" in result.rejections["error"][0]
    assert f"sửa tiêu đề trang thành '{fixed}'" in result.rejections["error"][0]


def test_a_code_line_is_quoted_as_written(tmp_path, context):
    result = ingest(tmp_path, context, [named("Trang 1", titled("Q-DD", regs(1))),
                                        _later([["Mã số ĐV - Q-BD"]])])
    assert set(result.rejections["value"]) == {"Mã số ĐV - Q-BD"}
    assert result.rejections["error"][0].startswith(
        "Trang 'Trang 2' của tệp Q-DD_dk.xlsx ghi 'Mã số ĐV - Q-BD' ở tiêu đề, khác mã đơn vị "
        "của tệp 'Q-DD'")


def test_a_sheet_repeating_the_first_under_another_unit_s_code_is_told_not_ignored(tmp_path,
                                                                                    context):
    """An office's workbook of two units' lists that happen to hold the same rows: the second
    is another unit's, never a copy of the first (fresh tester W's W406: its rows ignored as a
    copy, the other unit never named)."""
    rows = regs(4)
    result = ingest(tmp_path, context, [named("Đống Đa", titled("Q-DD", rows)),
                                        named("Hoàn Kiếm", titled("Q-HK", rows))])
    assert counts(result) == [("Đống Đa", 4, 4, 0, 0), ("Hoàn Kiếm", 4, 0, 4, 0)]
    assert result.rejections["error"].str.contains(
        "ghi 'Mã đơn vị: Q-HK' ở tiêu đề, khác mã đơn vị của tệp 'Q-DD'").all()


@pytest.mark.parametrize("second", ["Q-DD", "q-dd", None])
def test_a_sheet_repeating_the_first_under_the_same_code_or_none_is_a_copy(tmp_path, context,
                                                                          second):
    rows = regs(4)
    copy = titled(second, rows) if second else Sheet("Bản sao", [HEADER, *rows])
    result = ingest(tmp_path, context, [named("Đống Đa", titled("Q-DD", rows)),
                                        named("Bản sao", copy)])
    assert counts(result) == [("Đống Đa", 4, 4, 0, 0), ("Bản sao", 4, 0, 0, 4)]


def test_a_titled_copy_of_an_untitled_first_sheet_is_a_copy(tmp_path, context):
    rows = regs(4)
    result = ingest(tmp_path, context, [Sheet("Danh sách", [HEADER, *rows]),
                                        named("Bản sao", titled("Q-DD", rows))])
    assert counts(result) == [("Danh sách", 4, 4, 0, 0), ("Bản sao", 4, 0, 0, 4)]


def _second(name: str, code: str | None, rows, line: str | None = None) -> Sheet:
    if line:  # a title naming a unit by its name, no code
        return named(name, titled(None, rows, year=None, extra_title=[line]))
    return named(name, titled(code, rows) if code else Sheet(name, [HEADER, *rows]))


@pytest.mark.parametrize("first, second, name, line, copy", [
    ("Q-DD", "Q-HK", "Hoàn Kiếm", None, ""),           # W406: its title's code
    ("Q-DD", "q-dd", "Hoàn Kiếm", None, "Đống Đa"),    # the file's unit in another spelling
    ("Q-DD", None, "Bản sao", None, "Đống Đa"),        # no title, a name of no unit's
    ("Q-DD", None, "Hoàn Kiếm", None, ""),             # no title, named for Q-HK by its name
    (None, "Q-DD", "Hoàn Kiếm", None, "Đống Đa"),
    (None, "Q-HK", "Hoàn Kiếm", None, ""),             # Z067: the first's unit from the file name
    ("Q-DD", None, "Q-HK", None, ""),                  # Z061: no title, named for Q-HK
    ("Q-DD", None, "LĐLĐ Hoàn Kiếm", None, ""),
    ("Q-DD", None, "Q-DD", None, "Đống Đa"),           # named for the file's own unit
    ("Q-DD", None, "Hoàn Kiếm", "LIÊN ĐOÀN LAO ĐỘNG QUẬN HOÀN KIẾM", ""),  # Z060
    ("Q-DD", None, "Hoàn Kiếm", "LĐLĐ Q. HOÀN KIẾM", ""),                   # Z064
    ("Q-DD", None, "Bản sao", "LIÊN ĐOÀN LAO ĐỘNG QUẬN ĐỐNG ĐA", "Đống Đa"),
])
def test_which_repeating_sheet_is_a_copy_in_this_process(tmp_path, context, first, second, name,
                                                         line, copy):
    """:func:`parse_sheets` marks a repeating sheet a copy; once the file's unit is known, a
    copy whose own title or name gives another unit is labelled again as its own list
    (:func:`thidua.ingest.othercopies.copies_of_other_units`; the file tests above parse in a
    worker process)."""
    from thidua.ingest.othercopies import copies_of_other_units

    rows = regs(4)
    sheets = [named("Đống Đa", titled(first, rows) if first else Sheet("Đống Đa", [HEADER, *rows])),
              _second(name, second, rows, line)]
    write_xlsx(tmp_path / "dk.xlsx", sheets)
    parsed = parse_sheets((tmp_path / "dk.xlsx").read_bytes(), ".xlsx")
    assert [s.copy_of for s in parsed.sheets] == ["", "Đống Đa"]  # alike, row for row
    labelled = [label_rows(s, context.names) for s in parsed.sheets]
    again = copies_of_other_units(labelled, "Q-DD", frozenset(context.known_codes), context.names)
    assert [r.sheet.copy_of for r in again] == ["", copy]  # "": a copy of none
    assert (again[1].labels == "data").sum() == (0 if copy else 4)
    assert again[0] is labelled[0]


def test_a_third_sheet_repeating_another_unit_s_list_is_a_copy_of_it(tmp_path, context):
    """The unit of a later list a third sheet repeats is that list's, not the file's: the
    third is a copy of the second (Q-HK's), never a third list."""
    from thidua.ingest.othercopies import copies_of_other_units

    rows = regs(4)
    sheets = [named("Đống Đa", titled("Q-DD", regs(3, start=5))),
              named("Hoàn Kiếm", titled("Q-HK", rows)), named("Bản sao HK", titled("Q-HK", rows))]
    write_xlsx(tmp_path / "dk.xlsx", sheets)
    parsed = parse_sheets((tmp_path / "dk.xlsx").read_bytes(), ".xlsx")
    labelled = [label_rows(s, context.names) for s in parsed.sheets]
    again = copies_of_other_units(labelled, "Q-DD", frozenset(context.known_codes), context.names)
    assert [r.sheet.copy_of for r in again] == ["", "", "Hoàn Kiếm"]


def test_a_file_without_copies_is_not_read_again(tmp_path, context):
    from thidua.ingest.othercopies import copies_of_other_units

    sheets = [named("Đống Đa", titled("Q-DD", regs(2))), named("Hoàn Kiếm", titled("Q-HK", regs(2, start=3)))]
    write_xlsx(tmp_path / "dk.xlsx", sheets)
    parsed = parse_sheets((tmp_path / "dk.xlsx").read_bytes(), ".xlsx")
    labelled = [label_rows(s, context.names) for s in parsed.sheets]
    assert copies_of_other_units(labelled, "Q-DD", frozenset(context.known_codes),
                                 context.names) is labelled


@pytest.mark.parametrize("second, said", [
    (_second("Hoàn Kiếm", None, regs(4), "LIÊN ĐOÀN LAO ĐỘNG QUẬN HOÀN KIẾM"),
     "ghi 'LIÊN ĐOÀN LAO ĐỘNG QUẬN HOÀN KIẾM' ở tiêu đề (đơn vị 'Q-HK' trong danh mục), khác "
     "đơn vị của tệp 'Q-DD'"),
    (_second("Q-HK", None, regs(4)),
     "mang tên 'Q-HK' (đơn vị 'Q-HK' trong danh mục), khác đơn vị của tệp 'Q-DD'"),
])
def test_another_unit_s_list_of_the_same_rows_named_by_its_title_or_sheet_is_rejected(
        tmp_path, context, second, said):
    """Fresh tester Z's Z060, Z061: the second list was ignored as a copy, Q-HK never named."""
    result = ingest(tmp_path, context, [named("Đống Đa", titled("Q-DD", regs(4))), second])
    assert counts(result) == [("Đống Đa", 4, 4, 0, 0), (second.name, 4, 0, 4, 0)]
    assert result.rejections["error"].str.contains(said, regex=False).all()


def test_another_unit_s_list_after_a_first_sheet_of_the_file_name_s_unit_is_rejected(tmp_path,
                                                                                       context):
    """Fresh tester Z's Z067: the first sheet has no title (its unit from the file name)."""
    result = ingest(tmp_path, context, [Sheet("Danh sách", [HEADER, *regs(4)]),
                                        named("Hoàn Kiếm", titled("Q-HK", regs(4)))])
    assert counts(result) == [("Danh sách", 4, 4, 0, 0), ("Hoàn Kiếm", 4, 0, 4, 0)]
    assert result.rejections["error"].str.contains(
        "ghi 'Mã đơn vị: Q-HK' ở tiêu đề, khác mã đơn vị của tệp 'Q-DD'").all()
