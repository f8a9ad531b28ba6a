"""Rows typed by the sheet's name (``Cá nhân``) or by section headings (``II. CÁ NHÂN``) when
the table has no ``Hình thức`` column keep their type whatever their cells say: an
individual whose ``Chức vụ`` is ``Chủ tịch CĐCS`` was taken for the signature block's first
row (``CHỦ TỊCH``), and every row from it down lost its type and was rejected ``Thiếu 'Hình
thức'`` (the fresh29 tester's F1/F2: a whole ``Cá nhân`` sheet lost). A row is a registration,
as :func:`thidua.ingest.normalise.classify_rows` decides, when its field reads or it has an
STT number and a model."""

from __future__ import annotations

import pytest

from thidua.ingest.files import USED, ingest_file
from thidua.ingest.sections import types_from_headings
from helpers import input_file, write_xlsx

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể/cá nhân", "Chức vụ", "Cấp công đoàn",
          "Công đoàn cơ sở", "Thời gian thực hiện", "Kết quả"]


def _person(stt, position, model=None, field="Kinh tế"):
    return [stt, model or f"Mô hình cá nhân số {stt} tốt", field, f"Nguyễn Văn {stt}", position,
            "Cơ sở", "CĐCS Công ty May", "01/2024 - 12/2024", "Hoàn thành"]


POSITIONS = ["Chủ tịch CĐCS", "Phó Chủ tịch công đoàn", "Kế toán", "CHỦ TỊCH"]


@pytest.mark.parametrize("sheet", ["Cá nhân", "DS Cá nhân", "CÁ NHÂN 2024"])
def test_a_sheet_named_ca_nhan_types_every_row_whatever_its_position(tmp_path, context, sheet):
    rows = [_person(i + 1, p) for i, p in enumerate(POSITIONS)]
    rows += [[], [None, None, None, None, "Người lập biểu", None, "CHỦ TỊCH"],
             [None, None, None, None, "Trần Thị B", None, "Lê Văn C"]]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      header=HEADER, sheet=sheet)
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    assert result.rows == {"read": 7, "valid": 4, "rejected": 0, "ignored": 3}
    assert result.ignored["signature"] == 2 and result.ignored["blank"] == 1
    assert result.registrations["type"].tolist() == ["individual"] * 4
    assert result.registrations["position"].tolist() == POSITIONS


def test_rows_under_section_headings_keep_their_type_past_a_chairman(tmp_path, context):
    rows = [["I. TẬP THỂ"], [1, "Mô hình tập thể số một", "Kinh tế", "CĐCS Công ty A", None,
                              "Cơ sở", "CĐCS Công ty A", "01/2024 - 12/2024", "Hoàn thành"],
            ["II. CÁ NHÂN"], _person(2, "Chủ tịch CĐCS"), _person(3, "Thành viên"),
            [None, None, None, None, "Người lập biểu"]]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      header=HEADER)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 6, "valid": 3, "rejected": 0, "ignored": 3}
    assert result.registrations["type"].tolist() == ["collective", "individual", "individual"]


def test_a_row_without_stt_whose_field_reads_is_data_and_typed(tmp_path, context):
    rows = [_person(None, "Chủ tịch CĐCS"), _person(None, "Phó chủ tịch", field="VH-XH")]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      header=HEADER, sheet="Cá nhân")
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "VHXH"]


def test_a_model_named_tong_with_its_stt_is_typed_not_taken_for_totals(tmp_path, context):
    rows = [_person(1, "Tổ trưởng", model="Tổng kết kinh nghiệm sản xuất an toàn")]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      header=HEADER, sheet="Cá nhân")
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 1, "valid": 1, "rejected": 0, "ignored": 0}
    assert result.registrations["type"].tolist() == ["individual"]


def _never_header(row):
    return False


@pytest.mark.parametrize("is_data, types", [
    (lambda row: False, ["Cá nhân", "", "", ""]),  # a signer line: the rest is the signature
    (lambda row: row[0] is not None, ["Cá nhân", "Cá nhân", "", "Cá nhân"]),
])
def test_is_data_keeps_a_row_typed_past_a_signer_line_and_the_block_signed(is_data, types):
    grid = [["STT", "Tên mô hình"], [1, "A"], [2, "Chủ tịch"], [None, "Người lập biểu"],
            [4, "Tổng số"]]
    assert types_from_headings(grid, 1, 5, 0, _never_header, "Cá nhân", is_data) == types


def test_a_registration_naming_a_signer_does_not_start_the_signature_block():
    grid = [["STT", "Tên mô hình"], [1, "A"], [2, "Chủ tịch"], [None, "tiếp theo dòng trên"]]
    by_stt = lambda row: row[0] is not None  # noqa: E731
    assert types_from_headings(grid, 1, 4, 0, _never_header, "Cá nhân", by_stt) == [
        "Cá nhân", "Cá nhân", "Cá nhân"]
    assert types_from_headings(grid, 1, 4, 0, _never_header, "Cá nhân") == ["Cá nhân", "", ""]


def test_a_numbered_row_whose_field_does_not_read_is_rejected_for_its_field_alone(tmp_path,
                                                                                   context):
    rows = [_person(1, "Chủ tịch CĐCS", field="Môi trường"), _person(2, "Kế toán")]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      header=HEADER, sheet="Cá nhân")
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "column"]].values.tolist() == [[5, "Lĩnh vực"]]
