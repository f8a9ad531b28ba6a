"""A unit code column headed ``Đơn vị`` (``ĐV``, ``Đơn vị gửi``, ``Mã đơn vị gửi``) holding
registry codes on its rows is the ``Mã đơn vị`` column; the same header over workplaces' names
is never read as codes, and a column mixing both is told (fresh tester J's J128: the file was
rejected "Không xác định được đơn vị gửi"; ``thidua.ingest.unitcolumn.unit_code_column``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file

TITLE = [["DANH SÁCH ĐĂNG KÝ MÔ HÌNH \"DÂN VẬN KHÉO\" NĂM 2024"], ["Năm: 2024"]]
NAMES = ["Công ty May 10", "Trường THCS Nguyễn Du", "Bệnh viện Xanh Pôn", "UBND phường Láng"]


def _file(tmp_path, header: str, values: list[str], title=TITLE, name="DS (2).xlsx"):
    """A file without any other unit code: STT | ``header`` | the form's columns."""
    rows = [[r[0], v, *r[1:]] for r, v in zip(regs(len(values)), values)]
    path = tmp_path / name
    write_xlsx(path, [Sheet("DS", [*title, [HEADER[0], header, *HEADER[1:]], *rows])])
    return path


def _read_as(header: str, shown: str) -> str:
    return (f"Cột '{header}' ghi mã đơn vị trong danh mục ({shown}): đã đọc là cột 'Mã đơn vị'; "
            f"đề nghị lần sau đặt tiêu đề cột là 'Mã đơn vị'.")


@pytest.mark.parametrize("header", ["Đơn vị", "ĐV", "Đơn vị gửi", "ĐƠN VỊ", "Đơn vị (mã)"])
@pytest.mark.parametrize("code", ["Q-CG", "q-cg", "Q.CG"])
def test_a_unit_column_of_registry_codes_gives_the_file_s_unit_told(tmp_path, context, header,
                                                                   code):
    result = ingest_file(input_file(_file(tmp_path, header, [code] * 4)), context)
    assert (result.status, result.unit, result.rows["valid"], result.rows["rejected"]) == (
        "used", "Q-CG", 4, 0)
    assert _read_as(header, repr(code)) in result.readings


def test_mã_đơn_vị_gửi_is_the_unit_code_column_itself(tmp_path, context):
    result = ingest_file(input_file(_file(tmp_path, "Mã đơn vị gửi", ["Q-CG"] * 3)), context)
    assert (result.status, result.unit, result.rows["valid"]) == ("used", "Q-CG", 3)
    assert not any("đã đọc là cột 'Mã đơn vị'" in n for n in result.readings)


def test_a_unit_column_of_workplaces_is_never_read_as_codes(tmp_path, context):
    title = [*TITLE, ["Mã đơn vị: Q-HK"]]
    result = ingest_file(input_file(_file(tmp_path, "Đơn vị", NAMES, title)), context)
    assert (result.status, result.unit, result.rows["valid"], result.rows["rejected"]) == (
        "used", "Q-HK", 4, 0)
    assert not any("Cột 'Đơn vị'" in n or "Cột 'Mã đơn vị'" in n for n in result.readings)


def test_names_only_and_no_code_anywhere_still_rejects_the_file_saying_nothing_of_the_column(
        tmp_path, context):
    result = ingest_file(input_file(_file(tmp_path, "Đơn vị", NAMES)), context)
    assert result.status == "rejected"
    assert result.problem.startswith("Không xác định được đơn vị gửi: cần cột 'Mã đơn vị'")
    assert "Cột 'Đơn vị'" not in result.problem


def test_codes_on_most_rows_a_name_on_one_the_name_s_row_counts_for_the_unit_told(
        tmp_path, context):
    values = ["Q-CG", "Q-CG", "Công ty May 10", "Q-CG"]
    result = ingest_file(input_file(_file(tmp_path, "Đơn vị", values)), context)
    assert (result.status, result.unit, result.rows["valid"]) == ("used", "Q-CG", 4)
    assert _read_as("Đơn vị", "'Q-CG'") in result.readings
    assert any("Cột 'Mã đơn vị' ghi 'Công ty May 10' ở 1 dòng, không phải mã đơn vị trong "
               "danh mục: các dòng này đã tính cho đơn vị 'Q-CG'" in n for n in result.readings)


def test_another_unit_s_code_on_one_row_rejects_that_row_alone(tmp_path, context):
    values = ["Q-CG", "Q-HK", "Q-CG", "Q-CG"]
    result = ingest_file(input_file(_file(tmp_path, "Đơn vị", values)), context)
    assert (result.status, result.unit, result.rows["valid"], result.rows["rejected"]) == (
        "used", "Q-CG", 3, 1)
    assert list(result.rejections["row"]) == [5]
    assert result.rejections["error"].iloc[0].startswith("Mã đơn vị 'Q-HK' khác mã của tệp 'Q-CG'")


def _mixed(row: int) -> str:
    return (f"Cột 'Đơn vị' ghi mã đơn vị ('Q-CG') ở dòng {row} nhưng ghi tên ở 3 dòng khác: không đọc "
            "cột này là cột 'Mã đơn vị'. Nếu cột ghi mã đơn vị gửi, đề nghị ghi mã ở mọi dòng và "
            "đặt tiêu đề cột là 'Mã đơn vị'; nếu cột ghi nơi công tác, đề nghị bỏ mã đơn vị khỏi "
            "cột.")


def test_a_code_among_names_is_not_read_and_is_told(tmp_path, context):
    values = ["Q-CG", *NAMES[:3]]
    title = [*TITLE, ["Mã đơn vị: Q-HK"]]
    result = ingest_file(input_file(_file(tmp_path, "Đơn vị", values, title)), context)
    assert (result.status, result.unit, result.rows["valid"], result.rows["rejected"]) == (
        "used", "Q-HK", 4, 0)
    assert _mixed(5) in result.readings  # a title line more


def test_a_code_among_names_and_no_other_code_the_rejection_says_why(tmp_path, context):
    result = ingest_file(input_file(_file(tmp_path, "Đơn vị", ["Q-CG", *NAMES[:3]])), context)
    assert result.status == "rejected"
    assert result.problem.startswith("Không xác định được đơn vị gửi")
    assert result.problem.endswith(_mixed(4))


def test_a_half_of_codes_is_no_code_column(tmp_path, context):
    result = ingest_file(input_file(_file(tmp_path, "Đơn vị", ["Q-CG", "Q-CG", *NAMES[:2]])),
                         context)
    assert result.status == "rejected"
    assert "Cột 'Đơn vị' ghi mã đơn vị ('Q-CG') ở dòng 4, 5 nhưng ghi tên ở 2 dòng khác" \
        in result.problem


def test_a_form_s_own_unit_code_column_wins_over_a_workplace_column(tmp_path, context):
    rows = [[r[0], "Q-HK", "Q-CG", *r[1:]] for r in regs(3)]
    path = tmp_path / "DS.xlsx"
    write_xlsx(path, [Sheet("DS", [*TITLE, ["STT", "Mã đơn vị", "Đơn vị", *HEADER[1:]], *rows])])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit, result.rows["valid"]) == ("used", "Q-HK", 3)
