"""Section headings, value by value (:mod:`thidua.ingest.sections`; ``spec/submission-form.md``,
"Rows that are not data" and "The file"): the rows that never take a heading's type (a field
heading, totals, the signature block and every row after it) and the type a sheet's name
gives. Found by the mutation run of ``sections`` (issue 14)."""

from __future__ import annotations

import pytest

from thidua.ingest.sections import sheet_type, sheet_type_note, types_from_headings


def _is_header(row: list) -> bool:
    return row[:1] == ["STT"]


def _types(rows: list[list]) -> list[str]:
    grid = [["I. TẬP THỂ"], ["STT", "Tên mô hình", "Lĩnh vực"], *rows]
    return types_from_headings(grid, 2, len(grid), 1, _is_header)


@pytest.mark.parametrize("row, heading", [
    (["I. LĨNH VỰC KINH TẾ"], True),                       # one text
    (["I. LĨNH VỰC KINH TẾ", "I. LĨNH VỰC KINH TẾ"], True),  # merged across: one text
    (["II", "Văn hóa - xã hội"], True), (["IV.", "An ninh - quốc phòng"], True),
    (["ii", "Kinh tế"], True),                             # a numbering in any case
    (["12", "Kinh tế"], True), (["123", "Kinh tế"], False),  # two digits at most
    (["A", "KT"], False),                                  # a model and its field: data
    (["Kinh tế", "II"], False),                            # the numbering comes first
    (["I", "Kinh tế", "Tủ sách"], False),                  # three texts: data
])
def test_a_field_heading_row_takes_no_type_and_a_data_row_does(row, heading):
    assert _types([[1, "Vườn rau", "KT"], row, [2, "Tủ sách", "KT"]]) == [
        "Tập thể", "" if heading else "Tập thể", "Tập thể"]


def test_totals_the_signature_block_and_every_row_after_it_take_no_type():
    rows = [[1, "Vườn rau", "KT"], ["Tổng cộng", "", "2"], [2, "Tủ sách", "KT"],
            ["", "Người lập biểu"], ["", "Nguyễn Văn A"], [3, "Góc xanh", "KT"]]
    assert _types(rows) == ["Tập thể", "", "Tập thể", "", "", ""]
    # a blank row takes none and starts no signature block
    assert _types([["", ""], [1, "Vườn rau", "KT"]]) == ["", "Tập thể"]


@pytest.mark.parametrize("name, kind", [
    ("Tập thể", "Tập thể"), ("CÁ NHÂN", "Cá nhân"), ("TT", "Tập thể"), ("CN", "Cá nhân"),
    ("DS Cá nhân", "Cá nhân"), ("ds cá nhân", "Cá nhân"), ("Danh sách cá nhân (2)", "Cá nhân"),
    ("Mô hình tập thể", "Tập thể"), ("ĐK cá nhân", "Cá nhân"), ("Đăng ký tập thể - 2024", "Tập thể"),
    ("Cá nhân 2024", "Cá nhân"), ("Cá nhân_3", "Cá nhân"), ("Cá nhân 12024", ""),
    ("Sheet1", ""), ("", ""), ("Cá nhân X", ""), ("Danh sách", ""), ("2024", ""),
    ("DSCá nhân", ""),  # the leading word stands apart
])
def test_the_type_a_sheet_s_name_gives(name, kind):
    assert sheet_type(name) == kind


def test_the_line_telling_a_unit_its_rows_took_the_sheet_s_type():
    assert sheet_type_note("DS Cá nhân", "Cá nhân") == (
        "Trang 'DS Cá nhân' không có cột 'Hình thức': các dòng đăng ký của trang đã lấy hình "
        "thức 'Cá nhân' theo tên trang. Đề nghị lần sau ghi hình thức ở từng dòng.")


def test_a_registration_naming_a_chairman_keeps_its_type_and_the_signature_block_none():
    """``is_data`` (a field read, an STT number with a model; :mod:`thidua.ingest.rows` passes
    it) says a row is a registration: one whose ``Chức vụ`` is ``Chủ tịch CĐCS`` is no
    signature line and keeps its heading's type, as every registration after it; the
    signature block below still takes none (the re-run of 30/11 late evening: no test of the
    module's map passed ``is_data``)."""
    grid = [["I. TẬP THỂ"], ["STT", "Họ và tên", "Chức vụ"],
            ["1", "Nguyễn Văn A", "Chủ tịch CĐCS"], ["2", "Trần Thị B", "Đoàn viên"],
            [None, "Người lập biểu"], [None, "Chủ tịch"]]
    numbered = lambda row: str(row[0]).strip().isdigit()  # noqa: E731
    assert types_from_headings(grid, 2, 6, 1, _is_header, is_data=numbered) == [
        "Tập thể", "Tập thể", "", ""]
    assert types_from_headings(grid, 2, 6, 1, _is_header) == ["", "", "", ""]
