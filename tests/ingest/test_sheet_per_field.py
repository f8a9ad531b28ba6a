"""One sheet per field, named after it (``Kinh tế``, ``VH-XH``, ``AN-QP``, ``XD HTCT``), with no
``Lĩnh vực`` column: each sheet's rows take the field its name gives, told (tester B's F10: the
file was rejected "không có cột nào đọc được là 'Lĩnh vực'"; ``sections.sheet_field``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.sections import sheet_field

FIELD = HEADER.index("Lĩnh vực")
NO_FIELD = HEADER[:FIELD] + HEADER[FIELD + 1:]


def _without_field(row: list) -> list:
    return row[:FIELD] + row[FIELD + 1:]


@pytest.mark.parametrize("name, field", [
    ("Kinh tế", "Kinh tế"), ("KT", "Kinh tế"), ("VH-XH", "Văn hóa - xã hội"),
    ("AN-QP", "An ninh - quốc phòng"), ("XD HTCT", "Xây dựng hệ thống chính trị"),
    ("DS Kinh tế", "Kinh tế"), ("Lĩnh vực kinh tế", "Kinh tế"), ("Kinh tế 2024", "Kinh tế"),
    ("Danh sách", ""), ("Tập thể", ""), ("Sheet1", ""), ("Kinh tế - xã hội", ""),
])
def test_a_sheet_s_name_gives_a_field_only_when_it_reads_exactly_as_one(name, field):
    assert sheet_field(name) == field


def test_a_workbook_of_one_sheet_per_field_counts_every_row(tmp_path, context):
    names = ["Kinh tế", "VH-XH", "AN-QP", "XD HTCT"]
    sheets = [Sheet(name, ([["Mã đơn vị: Q-HK"], ["Năm: 2024"]] if i == 0 else [])
                    + [NO_FIELD, *[_without_field(reg(3 * i + j)) for j in range(3)], [],
                       ["Tổng cộng", 3]])
              for i, name in enumerate(names)]
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, sheets)
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 12, 0)
    assert result.registrations["field"].value_counts().to_dict() == {
        "KT": 3, "VHXH": 3, "ANQP": 3, "XDHTCT": 3}
    assert any("Trang 'VH-XH' không có cột 'Lĩnh vực': các dòng đăng ký của trang đã lấy lĩnh "
               "vực 'Văn hóa - xã hội' theo tên trang." in n for n in result.readings)


def test_a_field_column_wins_over_the_sheet_s_name(tmp_path, context):
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("Kinh tế", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER,
                                        reg(0, field="ANQP"), reg(1, field="ANQP")])])
    result = ingest_file(input_file(path), context)
    assert set(result.registrations["field"]) == {"ANQP"}
    assert not any("theo tên trang" in n for n in result.readings)


def test_a_sheet_named_otherwise_without_a_field_column_is_still_rejected(tmp_path, context):
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("Danh sách", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], NO_FIELD,
                                          _without_field(reg(0))])])
    result = ingest_file(input_file(path), context)
    assert result.status == "rejected"
