"""A file whose only mark of its unit is its name, written otherwise than ``CODE_…``: the code
as its first word (``n-yt 2024.xlsx``) or the unit named in it (``LĐLĐ Đống Đa - DVK
2024.xlsx``) gives the unit, told (fresh tester D's 510, 511: the file was rejected although
its own message named the unit; ``thidua.ingest.identify.unit_from_file_name``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.identify import TitleBlock, code_note, resolve_unit, unit_from_file_name
from thidua.ingest.read import FileRejected

NONE = pd.Series(dtype="object")


@pytest.mark.parametrize("name, unit", [
    ("n-yt 2024.xlsx", "N-YT"), ("Q-DD dang ky.xlsx", "Q-DD"), ("q-hk.xlsx", "Q-HK"),
    # the code written with ``_`` as its separator (was: rejected, the part before ``_`` no code)
    ("Q_DD.xlsx", "Q-DD"), ("q_hk 2024.xlsx", "Q-HK"), ("Q_DD_dang_ky.xlsx", "Q-DD"),
    # the code run on into the name by a dash or a comma (fresh tester O's O304, O398, O401)
    ("Q-DD-dang-ky-2024.xlsx", "Q-DD"), ("Q-DD-DVK2024.xlsx", "Q-DD"),
    ("Q-DD,dang ky.xlsx", "Q-DD"), ("q.dd-dvk.xlsx", "Q-DD"), ("CX-PHUDONG-DVK.xlsx", "CX-PHUDONG"),
    # what a copy or the office puts before the name (O307, O394, O395, O399)
    ("01. Q-DD_dang ky.xlsx", "Q-DD"), ("2. Q-DD_DVK.xlsx", "Q-DD"), ("(3) Q-DD.xlsx", "Q-DD"),
    ("12 - Q-DD_DVK.xlsx", "Q-DD"), ("Copy of Q-DD_dang-ky.xlsx", "Q-DD"),
    ("Bản sao của Q-DD_dang-ky.xlsx", "Q-DD"), ("Ba\u0309n sao cu\u0309a Q-DD.xlsx", "Q-DD"),
    ("Copy of Copy of Q-DD.xlsx", "Q-DD"), ("3 Q-DD_dang ky.xlsx", "Q-DD"),
    ("2024 Q-DD.xlsx", None),  # a year is no numbering of the office's
    ("Q-DDX-dang-ky.xlsx", None), ("Q-dang-ky.xlsx", None),
    ("LĐLĐ Đống Đa - DVK 2024.xlsx", "Q-DD"), ("DVK 2024 - LĐLĐ quận Hoàn Kiếm.xlsx", "Q-HK"),
    ("Dang ky (LĐLĐ Ba Đình).xlsx", "Q-BD"),
    ("Đống Đa.xlsx", None),                       # a place alone names no unit
    ("dang-ky-dvk-2024.xlsx", None), ("DS 2024.xlsx", None),
    ("LĐLĐ Ba Đình - LĐLĐ Hoàn Kiếm.xlsx", None),  # two units: none
])
def test_the_unit_a_file_name_gives(context, name, unit):
    assert unit_from_file_name(Path(name), set(context.known_codes), dict(context.names)) == unit


@pytest.mark.parametrize("name, unit", [("n-yt 2024.xlsx", "N-YT"), ("Q_DD.xlsx", "Q-DD"),
                                        ("LĐLĐ Đống Đa - DVK 2024.xlsx", "Q-DD")])
def test_the_file_counts_for_that_unit_and_the_unit_is_told(tmp_path, context, name, unit):
    path = tmp_path / name
    write_xlsx(path, [Sheet("DS", [["DANH SÁCH ĐĂNG KÝ"], ["Năm: 2024"], HEADER, *regs(3)])])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit, result.rows["valid"]) == ("used", unit, 3)
    assert (f"Tệp không ghi mã đơn vị; đã xác định đơn vị '{unit}' theo tên tệp '{name}'; đề "
            f"nghị lần sau đặt tên tệp bắt đầu bằng mã đơn vị và dấu '_' (ví dụ "
            f"{unit}_dang-ky.xlsx) hoặc ghi 'Mã đơn vị: {unit}' ở tiêu đề.") in result.readings


def test_a_code_in_the_title_comes_before_the_file_name(tmp_path, context):
    path = tmp_path / "LĐLĐ Đống Đa - DVK 2024.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *regs(2)])])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit) == ("used", "Q-HK")


# ``code_note`` and ``resolve_unit`` on values built here (a mutation run sees only this
# process; ``ingest_file`` reads in a worker)
def _by_name(unit: str, name: str) -> str:
    return (f"Tệp không ghi mã đơn vị; đã xác định đơn vị '{unit}' theo tên tệp '{name}'; đề "
            f"nghị lần sau đặt tên tệp bắt đầu bằng mã đơn vị và dấu '_' (ví dụ "
            f"{unit}_dang-ky.xlsx) hoặc ghi 'Mã đơn vị: {unit}' ở tiêu đề.")


def test_a_unit_named_in_the_title_and_the_file_name_is_told_as_the_title_s(context):
    title = TitleBlock(lines=("LĐLĐ quận Đống Đa",))
    note = code_note(NONE, title, "Q-DD", Path("LĐLĐ Đống Đa - DVK 2024.xlsx"),
                     set(context.known_codes), dict(context.names))
    assert note == ("Tệp không ghi mã đơn vị; đã xác định đơn vị 'Q-DD' theo tên đơn vị ở tiêu "
                    "đề; đề nghị lần sau ghi 'Mã đơn vị: Q-DD' ở tiêu đề.")
    assert code_note(NONE, TitleBlock(), "Q-DD", Path("LĐLĐ Đống Đa - DVK 2024.xlsx"),
                     set(context.known_codes), dict(context.names)) == _by_name(
        "Q-DD", "LĐLĐ Đống Đa - DVK 2024.xlsx")


def test_without_the_registry_s_codes_the_file_name_s_first_word_is_read_for_the_unit(context):
    assert code_note(NONE, TitleBlock(), "N-YT", Path("n-yt 2024.xlsx"),
                     names=dict(context.names)) == _by_name("N-YT", "n-yt 2024.xlsx")


def test_a_file_name_s_code_of_a_unit_closed_that_year_is_said_from_the_file_name():
    with pytest.raises(FileRejected) as error:
        resolve_unit(NONE, TitleBlock(), Path("q-tx 2024.xlsx"), {"Q-DD", "Q-TX"}, {"Q-DD"},
                     2024, {"Q-TX": "đến 31/12/2023"})
    assert str(error.value) == (
        "Mã đơn vị 'Q-TX' không có trong danh mục đơn vị của năm 2024 (mã lấy từ tên tệp): "
        "theo danh mục, đơn vị này hoạt động đến 31/12/2023, không ngày nào trong năm 2024 (đã "
        "giải thể, sáp nhập hoặc thành lập sau); đề nghị gửi tệp vào đúng năm hoặc ghi mã của "
        "đơn vị kế thừa.")


@pytest.mark.parametrize("path, unit", [
    ("Q-DD/danh sach dang ky.xlsx", "Q-DD"), ("q_dd - LĐLĐ Đống Đa/DVK.xlsx", "Q-DD"),
    ("n-yt 2024/bieu.xlsx", "N-YT"),
    ("2024/bieu.xlsx", None), ("Thư gửi/bieu.xlsx", None), ("Q-DDX/bieu.xlsx", None),
    ("bieu.xlsx", None),
])
def test_the_unit_a_folder_name_gives(context, path, unit):
    """Fresh tester K's K043: the office sorts each unit's mail into a folder named by its
    code; a file with no code of its own was rejected "Không xác định được đơn vị gửi"."""
    from thidua.ingest.identify import unit_from_folder

    assert unit_from_folder(Path(path), set(context.known_codes)) == unit


def test_a_file_in_its_units_folder_counts_for_that_unit(tmp_path, context):
    path = tmp_path / "Q-DD" / "danh sach dang ky.xlsx"
    path.parent.mkdir()
    write_xlsx(path, [Sheet("DS", [["Năm: 2024"], HEADER, *regs(2)])])
    result = ingest_file(input_file(path, tmp_path), context)
    assert (result.unit, result.rows["valid"]) == ("Q-DD", 2)


def test_a_file_naming_another_unit_than_its_folder_keeps_its_own(tmp_path, context):
    path = tmp_path / "Q-DD" / "Q-HK_dang-ky.xlsx"  # filed in the wrong folder: the file decides
    path.parent.mkdir()
    write_xlsx(path, [Sheet("DS", [["Năm: 2024"], HEADER, *regs(2)])])
    assert ingest_file(input_file(path, tmp_path), context).unit == "Q-HK"


def test_the_longest_code_the_first_words_make_wins():
    """``CQ`` and ``CQ-DANG`` are both codes: ``CQ-DANG-dvk.xlsx`` is CQ-DANG's, ``CQ-dvk.xlsx``
    CQ's (``identify._leading_code``)."""
    codes = {"CQ", "CQ-DANG", "Q-DD"}
    assert unit_from_file_name(Path("CQ-DANG-dvk.xlsx"), codes) == "CQ-DANG"
    assert unit_from_file_name(Path("CQ-dvk-2025.xlsx"), codes) == "CQ"
    assert unit_from_file_name(Path("01. CQ-DANG-dvk.xlsx"), codes) == "CQ-DANG"
