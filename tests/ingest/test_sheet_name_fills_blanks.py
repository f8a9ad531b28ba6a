"""A sheet per field (``Kinh tế``) or per type (``Tập thể``) that kept the form's ``Lĩnh vực``
or ``Hình thức`` column but left it blank: the sheet's name fills the blank cells, told (fresh
tester F's 112, 112b, 142: every row was rejected "Thiếu 'Lĩnh vực'"; ``rows._named_blanks``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file

TITLE = [["Mã đơn vị: Q-DD"], ["Năm: 2024"], []]


def _row(stt, model, field, type_, registrant, position=None):
    return [stt, model, field, type_, registrant, position, "Cơ sở", None, "01/2024 - 12/2024",
            "Hoàn thành", None]


def test_a_sheet_per_field_fills_its_blank_field_cells_and_keeps_the_written_ones(
        tmp_path, context):
    economy = [_row(1, "Tủ sách pháp luật cho người lao động", "", "Tập thể", "Tổ công đoàn 1"),
               _row(2, "Chợ phiên nông sản của đoàn viên", "Kinh tế", "Cá nhân",
                    "Mai Xuân Trường", "Tổ trưởng"),
               [None, "Cộng", None, None, "2 mô hình"]]
    culture = [_row(1, "Góc đọc sách công nhân", None, "Cá nhân", "Trịnh Thị Yến",
                    "Chủ tịch CĐCS")]
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("1. Kinh te", [*TITLE, HEADER, *economy]),
                      Sheet("VH-XH", [*TITLE, HEADER, *culture])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.ignored["totals"] == 1
    assert result.registrations["field"].tolist() == ["KT", "KT", "VHXH"]
    assert ("Trang '1. Kinh te': cột 'Lĩnh vực' để trống ở dòng 5; các dòng này đã lấy lĩnh "
            "vực 'Kinh tế' theo tên trang. Đề nghị lần sau ghi lĩnh vực ở từng dòng."
            ) in result.readings
    assert any(n.startswith("Trang 'VH-XH': cột 'Lĩnh vực' để trống ở dòng 5;")
               for n in result.readings)


def test_a_sheet_per_type_fills_its_blank_type_cells_unless_headings_name_the_type(
        tmp_path, context):
    persons = [_row(1, "Góc đọc sách công nhân", "KT", "", "Trịnh Thị Yến", "Chủ tịch CĐCS"),
               _row(2, "Chợ phiên nông sản", "VHXH", None, "Mai Xuân Trường", "Tổ trưởng")]
    headed = [["I. TẬP THỂ"], _row(1, "Tủ sách pháp luật", "KT", "", "Tổ công đoàn 1"),
              ["II. CÁ NHÂN"], _row(2, "Bữa cơm công đoàn", "KT", "", "Lê Văn An", "Kế toán")]
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("Cá nhân", [*TITLE, HEADER, *persons]),
                      Sheet("Tập thể", [*TITLE, HEADER, *headed])])
    result = ingest_file(input_file(path), context)
    assert result.rows["valid"] == 4 and result.rows["rejected"] == 0
    assert result.registrations["type"].tolist() == ["individual", "individual", "collective",
                                                     "individual"]
    assert ("Trang 'Cá nhân': cột 'Hình thức' để trống ở dòng 5, 6; các dòng này đã lấy hình "
            "thức 'Cá nhân' theo tên trang. Đề nghị lần sau ghi hình thức ở từng dòng."
            ) in result.readings
    assert not any(n.startswith("Trang 'Tập thể': cột 'Hình thức' để trống")
                   for n in result.readings)


def test_a_sheet_named_otherwise_leaves_a_blank_field_rejected(tmp_path, context):
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("Danh sách", [*TITLE, HEADER, _row(1, "Tủ sách pháp luật", "",
                                                                "Tập thể", "Tổ 1")])])
    result = ingest_file(input_file(path), context)
    assert result.rejections["column"].tolist() == ["Lĩnh vực"]


def test_a_totals_line_takes_no_field_from_the_sheet_s_name_with_or_without_the_column(
        tmp_path, context):
    """One rule for both: a ``Cộng`` | ``2 mô hình`` line is a totals row, never a
    registration the name's field would make of it."""
    no_column = [h for h in HEADER if h != "Lĩnh vực"]
    rows = [[r[0], r[1], *r[3:]] for r in (
        _row(1, "Tủ sách pháp luật cho người lao động", "", "Tập thể", "Tổ công đoàn 1"),
        _row(2, "Chợ phiên nông sản của đoàn viên", "", "Cá nhân", "Mai Xuân Trường", "Tổ trưởng"))]
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("Kinh tế", [*TITLE, no_column, *rows, [None, "Cộng", None, "2 mô hình"]])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    assert result.ignored["totals"] == 1


@pytest.mark.parametrize("name, column, written, blank", [
    ("1. Kinh te", "field", ("Kinh tế", "ANQP"), "Lĩnh vực"),     # holds another field
    ("Khối Kinh tế", "field", ("VHXH", "KT"), "Lĩnh vực"),        # G's 404: a bloc's sheet
    ("Tập thể", "type", ("Tập thể", "Cá nhân"), "Hình thức"),     # G's 206: the template's name
])
def test_a_sheet_holding_other_values_is_no_sheet_per_field_or_type(tmp_path, context, name,
                                                                      column, written, blank):
    # the sheet's name fills a blank cell only when no filled cell of the column gives
    # another value: here the blank row is rejected asking its value, as on any sheet
    def row(stt, value):
        field, kind = (value, "Cá nhân") if column == "field" else ("KT", value)
        return _row(stt, f"Mô hình số {stt} của đơn vị", field, kind, f"Nguyễn Văn {stt}",
                    "Tổ trưởng")
    rows = [row(1, written[0]), row(2, written[1]), row(3, "")]
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet(name, [*TITLE, HEADER, *rows])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 1)
    assert result.rejections["column"].tolist() == [blank]
    assert not any("theo tên trang" in n for n in result.readings)
