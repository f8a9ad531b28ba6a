"""A unit's name where its code is expected (``spec/submission-form.md``, "Which unit and which
year", extended in ``docs/contracts.md``): in the ``Mã đơn vị`` column (fresh tester N's N209:
``LĐLĐ quận Đống Đa`` on every row, no code in the title or the file name, the whole file was
rejected "Mã đơn vị 'LĐLĐ QUẬN ĐỐNG ĐA' không có trong danh mục…") or after the title's ``Mã đơn
vị:``, read as the unit's code and told; a value naming no unit quoted as the unit typed it."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.unitnames import unit_in_cell

HEADER_CODED = ["Mã đơn vị", *HEADER]
DD = "Liên đoàn Lao động quận Đống Đa"


def _file(tmp_path: Path, cells: list[str], *, name: str = "danh sach.xlsx",
          title: list[str] = ()) -> Path:
    """A sheet with a ``Mã đơn vị`` column first holding ``cells`` (one per row), under
    ``title`` lines; no code elsewhere unless ``name`` or ``title`` gives one."""
    rows = [[cell, *row] for cell, row in zip(cells, regs(len(cells)))]
    grid = [[t] for t in title] + ([[]] if title else []) + [HEADER_CODED, *rows]
    path = tmp_path / name
    write_xlsx(path, [Sheet("Danh sách", grid)])
    return path


def _note(cells: str, n: int) -> str:
    return (f"Cột 'Mã đơn vị' ghi tên đơn vị thay cho mã ở {n} dòng: đã hiểu {cells}; đề nghị "
            f"lần sau ghi mã đơn vị trong danh mục (ví dụ 'Q-DD') ở cột 'Mã đơn vị'.")


@pytest.mark.parametrize("written", [
    "LĐLĐ quận Đống Đa", "LĐLĐ QUẬN ĐỐNG ĐA", "Liên đoàn Lao động quận Đống Đa",
    "Liên đoàn Lao động quận Đống Đa, Hà Nội", "LDLD quan Dong Da", "LĐLĐ Q. Đống Đa",
    "Quận Đống Đa", "LĐLĐ Đống Đa", "Công đoàn quận Đống Đa", "QUẬN ĐỐNG ĐA - LIÊN ĐOÀN LAO ĐỘNG",
])
def test_a_unit_s_name_in_the_code_column_is_its_code(tmp_path, context, written):
    got = ingest_file(input_file(_file(tmp_path, [written] * 8)), context)
    assert (got.status, got.unit, got.rows["valid"], got.rows["rejected"]) == (USED, "Q-DD", 8, 0)
    assert _note(f"'{written}' là 'Q-DD' ({DD})", 8) in got.readings


def test_names_and_codes_mixed_in_the_column(tmp_path, context):
    cells = ["Q-DD", "LĐLĐ quận Đống Đa", "q.dd", "Liên đoàn Lao động quận Đống Đa"]
    got = ingest_file(input_file(_file(tmp_path, cells)), context)
    assert (got.status, got.unit, got.rows["valid"]) == (USED, "Q-DD", 4)
    assert _note(f"'LĐLĐ quận Đống Đa' là 'Q-DD' ({DD}), 'Liên đoàn Lao động quận Đống Đa' là "
                 f"'Q-DD' ({DD})", 2) in got.readings


def test_another_unit_s_name_on_one_row_is_rejected_alone_quoted_as_typed(tmp_path, context):
    cells = ["LĐLĐ quận Đống Đa"] * 3 + ["LĐLĐ quận Ba Đình"]
    got = ingest_file(input_file(_file(tmp_path, cells)), context)
    assert (got.unit, got.rows["valid"], got.rows["rejected"]) == ("Q-DD", 3, 1)
    row = got.rejections.iloc[0]
    assert (row["column"], row["value"]) == ("Mã đơn vị", "LĐLĐ quận Ba Đình")
    assert row["error"] == ("Mã đơn vị 'LĐLĐ quận Ba Đình' khác mã của tệp 'Q-DD' (mã của hơn "
                            "nửa số dòng); mỗi tệp chỉ của một đơn vị: đề nghị sửa thành 'Q-DD', "
                            "hoặc gửi dòng này trong tệp của đơn vị 'Q-BD'.")


def test_a_name_against_the_file_name_s_code_disagrees(tmp_path, context):
    got = ingest_file(input_file(_file(tmp_path, ["LĐLĐ quận Ba Đình"] * 3,
                                       name="Q-DD_2024.xlsx")), context)
    assert got.status == REJECTED
    assert got.problem == ("Mã đơn vị không thống nhất (cột 'Mã đơn vị': Q-BD; tên tệp: Q-DD).")


@pytest.mark.parametrize("written", ["LĐLĐ quận Xyz", "Công ty May 10", "lđlđ thành phố"])
def test_a_value_naming_no_unit_is_quoted_as_typed(tmp_path, context, written):
    got = ingest_file(input_file(_file(tmp_path, [written] * 3)), context)
    assert got.status == REJECTED
    assert got.problem == (f"Mã đơn vị '{written}' không có trong danh mục đơn vị của năm 2024 "
                           f"(mã lấy từ cột 'Mã đơn vị'); đề nghị ghi đúng mã đơn vị do LĐLĐ "
                           f"thành phố cấp.")


@pytest.mark.parametrize("text, code", [
    ("LĐLĐ quận Đống Đa", "Q-DD"), ("Phối hợp với LĐLĐ quận Đống Đa", None),
    ("Đống Đa", None), ("CĐCS Trường THCS Đống Đa", None), ("", None),
])
def test_what_a_cell_names(text, code, context):
    assert unit_in_cell(text, dict(context.names)) == code


# --- the title's ``Mã đơn vị:`` --------------------------------------------------------------
def _titled(tmp_path: Path, line: str, name: str = "danh sach.xlsx") -> Path:
    grid = [[line], ["Năm: 2024"], [], list(HEADER), *regs(3)]
    path = tmp_path / name
    write_xlsx(path, [Sheet("Danh sách", grid)])
    return path


@pytest.mark.parametrize("written", ["lđlđ quận Đống Đa", "Liên đoàn Lao động quận Đống Đa"])
def test_a_unit_s_name_after_the_title_s_code_label(tmp_path, context, written):
    got = ingest_file(input_file(_titled(tmp_path, f"Mã đơn vị: {written}")), context)
    assert (got.status, got.unit, got.rows["valid"]) == (USED, "Q-DD", 3)
    assert (f"Dòng 'Mã đơn vị: {written}' ở tiêu đề ghi tên đơn vị thay cho mã: đã hiểu là "
            f"'Q-DD' ({DD}); đề nghị lần sau ghi 'Mã đơn vị: Q-DD' ở tiêu đề.") in got.readings


def test_the_title_s_value_naming_no_unit_is_quoted_as_typed(tmp_path, context):
    got = ingest_file(input_file(_titled(tmp_path, "Mã đơn vị: lđlđ quận Xyz")), context)
    assert got.status == REJECTED
    assert got.problem == ("Mã đơn vị 'lđlđ quận Xyz' không có trong danh mục đơn vị của năm 2024 "
                           "(mã lấy từ dòng 'Mã đơn vị:' ở tiêu đề); đề nghị ghi đúng mã đơn vị "
                           "do LĐLĐ thành phố cấp.")
