"""A title naming one unit of the registry by its name and another by its code
(``thidua.ingest.unitnames``, ``docs/contracts.md`` "Which unit and which year"): the code
decides, the unit is told (the fifth tester's ae_name_vs_code: counted silently)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file

TOLD = ("Tiêu đề ghi tên đơn vị 'Liên đoàn Lao động quận Ba Đình' (Q-BD) nhưng mã đơn vị là "
        "'Q-HK'; tệp được tính cho 'Q-HK' (Liên đoàn Lao động quận Hoàn Kiếm). Nếu tệp là của "
        "Liên đoàn Lao động quận Ba Đình, đề nghị sửa mã đơn vị thành 'Q-BD' và gửi lại; nếu "
        "không, sửa tên đơn vị ở tiêu đề.")


def _file(tmp_path, context, name: str, title: list[list]):
    rows = [*title, [], list(HEADER), *regs(4)]
    write_xlsx(tmp_path / name, [Sheet("DS", rows, [])])
    return ingest_file(input_file(tmp_path / name), context)


@pytest.mark.parametrize("name, title", [
    # one cell, lines broken with Alt+Enter (the tester's case; no code in the file name)
    ("ds dvk.xlsx", [["LĐLĐ QUẬN BA ĐÌNH\nMã đơn vị: Q-HK\nNăm: 2024"]]),
    # three rows
    ("ds dvk.xlsx", [["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], ["Mã đơn vị: Q-HK"], ["Năm: 2024"]]),
    # the code only in the file name
    ("Q-HK_dvk.xlsx", [["Liên đoàn Lao động quận Ba Đình"], ["Năm: 2024"]]),
])
def test_a_title_naming_another_unit_than_its_code_counts_for_the_code_and_is_told(
        tmp_path, context, name, title):
    result = _file(tmp_path, context, name, title)
    assert (result.status, result.unit, result.rows["valid"]) == ("used", "Q-HK", 4)
    assert TOLD in result.readings


@pytest.mark.parametrize("title", [
    [["LIÊN ĐOÀN LAO ĐỘNG QUẬN HOÀN KIẾM"], ["Mã đơn vị: Q-HK"], ["Năm: 2024"]],  # its own name
    [["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI"], ["Mã đơn vị: Q-HK"], ["Năm: 2024"]],  # the city's
    [["Mã đơn vị: Q-HK"], ["Năm: 2024"]],  # no name
])
def test_a_title_naming_its_own_unit_or_none_says_nothing(tmp_path, context, title):
    result = _file(tmp_path, context, "Q-HK_dvk.xlsx", title)
    assert (result.unit, result.rows["valid"]) == ("Q-HK", 4)
    assert not any("Tiêu đề ghi tên đơn vị" in n for n in result.readings)
