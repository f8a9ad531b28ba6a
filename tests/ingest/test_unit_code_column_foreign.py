"""A ``Mã đơn vị`` column holding no unit's code (a district's own codes of its grassroots
unions, ``HK-001``…; the fifth tester's F9): with the title or the file name giving the unit,
the column is not read as units (told), the rows counted; never "split the file"."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.read import FileRejected
from thidua.ingest.unitcodes import (code_rejections, column_gives_way, column_unit,
                                     unit_shaped)

KNOWN = {"Q-HK", "Q-BD"}


def ingest(tmp_path, context, codes, title=(("Mã đơn vị: Q-HK",), ("Năm: 2024",)),
           name="Q-HK_dk.xlsx"):
    rows = [list(t) for t in title] + [["Mã đơn vị", *HEADER]]
    rows += [[code, *reg(i)] for i, code in enumerate(codes)]
    write_xlsx(tmp_path / name, [Sheet("DS", rows)])
    return ingest_file(input_file(tmp_path / name), context)


def test_a_column_of_grassroots_codes_is_not_read_as_units(tmp_path, context):
    result = ingest(tmp_path, context, [f"HK-00{i}" for i in range(1, 5)])
    assert (result.status, result.unit, result.rows["valid"]) == (USED, "Q-HK", 4)
    assert result.readings[0] == (
        "Cột 'Mã đơn vị' ghi 'HK-001', 'HK-002', 'HK-003', …, không phải mã đơn vị trong danh "
        "mục: không dùng cột này để xác định đơn vị; đã xác định đơn vị 'Q-HK' theo tiêu đề "
        "hoặc tên tệp. Nếu cột ghi mã riêng của công đoàn cơ sở, đề nghị đổi tiêu đề cột (ví dụ "
        "'Mã CĐCS').")


def test_one_unknown_code_on_every_row_gives_way_to_the_title_s(tmp_path, context):
    result = ingest(tmp_path, context, ["Q-HKK"] * 3)
    assert (result.status, result.unit, result.rows["valid"]) == (USED, "Q-HK", 3)
    assert result.readings[0].startswith("Cột 'Mã đơn vị' ghi 'Q-HKK', không phải mã đơn vị")


def test_without_a_title_or_a_coded_name_grassroots_codes_leave_the_unit_unknown(tmp_path,
                                                                              context):
    result = ingest(tmp_path, context, ["HK-001", "HK-002"], title=(), name="danh sach.xlsx")
    assert result.status == REJECTED
    assert result.problem.startswith("Không xác định được đơn vị gửi")


def test_a_unit_s_code_among_others_still_needs_a_majority():
    codes = {5: "Q-BD", 6: "HK-001", 7: "Q-HK"}
    with pytest.raises(FileRejected, match="không mã nào chiếm quá nửa số dòng: Q-BD "
                                           r"\(dòng 5\); Q-HK \(dòng 7\); mỗi tệp"):
        column_unit(__import__("pandas").Series(codes), KNOWN)


NAMELESS = ("Cột 'Mã đơn vị' ghi 'HK-001', 'HK-002', 'HK-003' ở 3 dòng, không phải mã đơn vị "
            "trong danh mục: các dòng này đã tính cho đơn vị 'Q-HK' của tệp. Nếu cột ghi mã riêng "
            "của công đoàn cơ sở, đề nghị đổi tiêu đề cột (ví dụ 'Mã CĐCS') hoặc ghi 'Q-HK'.")


def test_grassroots_codes_beside_the_unit_s_own_do_not_vote_and_their_rows_count(tmp_path,
                                                                                  context):
    codes = ["HK-001", "HK-002", "HK-003", "Q-HK", "Q-HK", "Q-HK"]  # the sixth tester's F5
    result = ingest(tmp_path, context, codes)
    assert (result.status, result.unit, result.rows["valid"]) == (USED, "Q-HK", 6)
    assert result.rejections.empty and result.readings == (NAMELESS,)


def test_one_row_of_another_unit_among_grassroots_codes_is_rejected_alone(tmp_path, context):
    codes = ["HK-001", "HK-002", "Q-BD", "HK-003", "HK-004", "HK-005"]
    result = ingest(tmp_path, context, codes)
    assert (result.status, result.unit, result.rows["valid"]) == (USED, "Q-HK", 5)
    assert result.rejections[["row", "value", "error"]].values.tolist() == [
        [6, "Q-BD", "Mã đơn vị 'Q-BD' khác mã của tệp 'Q-HK'; mỗi tệp chỉ của một đơn vị: đề "
                    "nghị sửa thành 'Q-HK', hoặc gửi dòng này trong tệp của đơn vị 'Q-BD'."]]
    assert result.readings == (NAMELESS.replace("'HK-003' ở 3", "'HK-003', … ở 5"),)


def test_another_unit_s_code_on_most_rows_still_disagrees_with_the_title(tmp_path, context):
    result = ingest(tmp_path, context, ["Q-BD"] * 4 + ["HK-001", "HK-002"])
    assert result.status == REJECTED
    assert result.problem == ("Mã đơn vị không thống nhất (cột 'Mã đơn vị': Q-BD; dòng 'Mã đơn "
                              "vị:' ở tiêu đề: Q-HK; tên tệp: Q-HK).")


def test_with_no_other_source_the_unit_s_code_among_grassroots_codes_is_the_unit(tmp_path,
                                                                                context):
    codes = ["HK-001", "Q-HK", "HK-002", "HK-003"]
    result = ingest(tmp_path, context, codes, title=(), name="danh sach.xlsx")
    assert (result.status, result.unit, result.rows["valid"]) == (USED, "Q-HK", 4)


def test_a_typo_of_a_unit_s_code_among_the_unit_s_own_is_still_rejected(tmp_path, context):
    result = ingest(tmp_path, context, ["Q-HK", "Q-HKK", "Q-HK", "HK-001"])
    assert (result.unit, result.rows["valid"], result.rows["rejected"]) == ("Q-HK", 3, 1)
    assert result.rejections["error"].tolist() == [
        "Mã đơn vị 'Q-HKK' khác mã của tệp 'Q-HK' (mã của hơn nửa số dòng); mỗi tệp chỉ của "
        "một đơn vị: đề nghị sửa thành 'Q-HK'."]


@pytest.mark.parametrize("code, shaped", [
    ("Q-BD", True), ("Q-DB", True), ("N-ABC", True), ("CQ", True), ("HK-001", False),
    ("XYZ", False), ("001", False), ("Q", False), ("QBD", False), ("CĐCS-01", False)])
def test_a_code_that_may_be_a_unit_s(code, shaped):
    assert unit_shaped(code, KNOWN | {"CQ", "N-YT"}) is shaped


@pytest.mark.parametrize("codes, gives_way", [
    (["Q-BD", "HK-001", "HK-002"], True), (["Q-BD", "Q-BD", "HK-001", "HK-002"], True),
    (["Q-BD", "Q-BD", "Q-DB", "HK-001"], False), (["Q-BD"], False), ([], True)])
def test_the_column_gives_way_when_at_most_half_its_cells_may_be_units(codes, gives_way):
    import pandas as pd

    assert column_gives_way(pd.Series(codes, dtype=object), KNOWN) is gives_way


@pytest.mark.parametrize("codes, expected", [
    ({5: "HK-001", 6: "HK-002"}, None), ({5: "Q-HKK", 6: "Q-HKK"}, "Q-HKK"),
    ({5: "Q-HK", 6: "HK-001", 7: "Q-HK"}, "Q-HK"), ({5: "Q-BD", 6: "HK-001", 7: "HK-002"}, "Q-BD"),
    ({5: "HK-001", 6: "HK-002", 7: "Q-HK", 8: "HK-003"}, "Q-HK"),
])
def test_the_column_s_unit(codes, expected):
    assert column_unit(__import__("pandas").Series(codes), KNOWN) == expected


def test_rows_of_a_column_without_any_unit_s_code_are_not_rejected_as_another_unit_s():
    import pandas as pd

    assert code_rejections(pd.Series({5: "HK-001", 6: "HK-002"}), "Q-HK", KNOWN, "f", "DS") == []
    found = code_rejections(pd.Series({5: "Q-HK", 6: "Q-BD"}), "Q-HK", KNOWN, "f", "DS")
    assert [(r["row"], r["value"]) for r in found] == [(6, "Q-BD")]


def test_a_unit_s_code_then_a_number_is_that_unit_s_row(tmp_path, context):
    # the eighth tester's F5: a district numbering its grassroots unions after its own code
    codes = ["Q-HK", "Q-HK-02", "Q-HK", "Q-HK.04", "q-hk 5", "Q-HK-06"]
    result = ingest(tmp_path, context, codes)
    assert (result.status, result.unit, result.rows["valid"]) == (USED, "Q-HK", 6)
    assert result.rejections.empty


def test_another_unit_s_code_then_a_number_is_that_unit_s_row_rejected_alone(tmp_path, context):
    result = ingest(tmp_path, context, ["Q-HK", "Q-HK-02", "Q-BD-05", "Q-HK"])
    assert (result.unit, result.rows["valid"]) == ("Q-HK", 3)
    assert result.rejections["error"].tolist() == [
        "Mã đơn vị 'Q-BD-05' khác mã của tệp 'Q-HK' (mã của hơn nửa số dòng); mỗi tệp chỉ của "
        "một đơn vị: đề nghị sửa thành 'Q-HK', hoặc gửi dòng này trong tệp của đơn vị 'Q-BD'."]
