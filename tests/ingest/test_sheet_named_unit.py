"""A later sheet named after another unit, with no title of its own (``docs/contracts.md``,
"Several data sheets"; :func:`thidua.ingest.unitnames.unit_by_sheet_name`): its rows are
rejected naming the sheet and both units, never counted for the file's unit."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.unitnames import unit_by_sheet_name

NAMES = {"Q-BD": "Liên đoàn Lao động quận Ba Đình", "Q-HK": "Liên đoàn Lao động quận Hoàn Kiếm",
         "N-YT": "Công đoàn ngành Y tế Hà Nội", "N-GD": "Công đoàn ngành Giáo dục Hà Nội",
         "VC": "Công đoàn Viên chức thành phố Hà Nội", "TX-ST": "Liên đoàn Lao động thị xã Sơn Tây"}
TITLE = [["Mã đơn vị: Q-HK"], ["Năm: 2024"]]


@pytest.mark.parametrize("sheet, code", [
    ("Q-BD", "Q-BD"), ("q.bd", "Q-BD"), ("LĐLĐ Ba Đình", "Q-BD"), ("Ba Đình", "Q-BD"),
    ("Quận Ba Đình", "Q-BD"), ("LĐLĐ quận Ba Đình", "Q-BD"), ("Sơn Tây", "TX-ST"),
    ("TX Sơn Tây", "TX-ST"), ("Ngành Y tế", "N-YT"), ("CĐ ngành Giáo dục", "N-GD"),
    ("Công đoàn Viên chức", "VC"), ("QBD", "Q-BD"), ("TXST", "TX-ST"),
])
def test_a_sheet_named_by_a_unit_s_code_name_or_place_names_it(sheet, code):
    assert unit_by_sheet_name(sheet, NAMES) == code


@pytest.mark.parametrize("sheet", [
    "Kinh tế", "Tập thể", "Cá nhân", "Sheet1", "DS", "Đợt 1", "Năm 2024", "Giáo dục", "Y tế",
    "Viên chức", "VC", "Xây dựng", "KT", "CĐCS Trường Ba Đình", "", "qbd", "CBCC", "KTXH", "2024",
])
def test_a_sheet_named_after_a_field_a_type_or_a_trade_names_no_unit(sheet):
    assert unit_by_sheet_name(sheet, NAMES) is None


def test_a_place_two_units_are_named_after_names_neither():
    names = {**NAMES, "P-BADINH": "Công đoàn phường Ba Đình"}  # 2025: district and ward
    assert unit_by_sheet_name("Ba Đình", names) is None
    assert unit_by_sheet_name("Công đoàn phường Ba Đình", names) == "P-BADINH"


def ingest(tmp_path, context, later: Sheet):
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("Hoàn Kiếm", [*TITLE, HEADER, *regs(3)]), later])
    return ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)


@pytest.mark.parametrize("name, code", [("Q-BD", "Q-BD"), ("LĐLĐ Ba Đình", "Q-BD"),
                                        ("Ngành Y tế", "N-YT")])
def test_a_later_sheet_named_after_another_unit_has_its_rows_rejected(tmp_path, context, name,
                                                                      code):
    result = ingest(tmp_path, context, Sheet(name, [HEADER, *regs(2, start=3)]))
    assert (result.status, result.unit) == (USED, "Q-HK")
    assert [(s["sheet"], s["valid"], s["rejected"]) for s in result.sheets] == [
        ("Hoàn Kiếm", 3, 0), (name, 0, 2)]
    assert result.rejections[["sheet", "row", "column", "value"]].values.tolist() == [
        [name, 2, "Mã đơn vị", name], [name, 3, "Mã đơn vị", name]]
    assert result.rejections["error"].iloc[0] == (
        f"Trang '{name}' của tệp Q-HK_dk.xlsx mang tên '{name}' (đơn vị '{code}' trong danh "
        f"mục), khác đơn vị của tệp 'Q-HK', và không có tiêu đề riêng: các dòng của trang này "
        f"không được tính cho đơn vị 'Q-HK'. Nếu đây là danh sách của đơn vị 'Q-HK', đề nghị "
        f"đổi tên trang hoặc ghi 'Mã đơn vị: Q-HK' ở tiêu đề trang; nếu là của đơn vị "
        f"'{code}', đề nghị gửi trang này trong tệp của đơn vị đó.")


@pytest.mark.parametrize("later", [
    Sheet("Q-BD", [["Mã đơn vị: Q-HK"], HEADER, *regs(2, start=3)]),  # its title decides
    Sheet("LĐLĐ Hoàn Kiếm", [HEADER, *regs(2, start=3)]),  # the file's own unit
    Sheet("Viên chức", [HEADER, *regs(2, start=3)]), Sheet("Kinh tế", [HEADER, *regs(2, start=3)]),
])
def test_a_later_sheet_titled_for_the_file_s_unit_or_named_otherwise_counts(tmp_path, context,
                                                                          later):
    result = ingest(tmp_path, context, later)
    assert result.rows["valid"] == 5
    assert result.rejections.empty


@pytest.mark.parametrize("name, told", [("Q-BD", "Q-BD"), ("LĐLĐ Ba Đình", "Q-BD"),
                                        ("Hoàn Kiếm", None), ("DS", None), ("Kinh tế", None)])
def test_an_only_sheet_named_after_another_unit_counts_for_the_title_s_and_is_told(
        tmp_path, context, name, told):
    # the sixth tester's F12: the title's code decides, the sheet's name contradicting it told
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet(name, [*TITLE, HEADER, *regs(3)])])
    result = ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)
    assert (result.unit, result.rows["valid"], result.rows["rejected"]) == ("Q-HK", 3, 0)
    notes = [line for line in result.readings if line.startswith("Trang ")]
    assert notes == ([] if told is None else [
        f"Trang '{name}' mang tên đơn vị '{told}' trong danh mục, nhưng tệp là của đơn vị "
        f"'Q-HK' (theo mã ở tiêu đề hoặc tên tệp): đã tính các dòng của trang cho đơn vị "
        f"'Q-HK'. Nếu đây là danh sách của đơn vị '{told}', đề nghị gửi trong tệp của đơn vị "
        f"đó; nếu không, đề nghị đổi tên trang."])
