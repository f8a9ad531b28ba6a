"""A table without a ``Hình thức`` column, split into sections ``I. TẬP THỂ`` / ``II. CÁ NHÂN``:
each row takes the type of its section's heading."""

from __future__ import annotations

import openpyxl
import pytest

from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.sections import heading_type

COLLECTIVE = ["STT", "Tên tập thể", "Tên mô hình", "Lĩnh vực", "Cấp công đoàn", "Kết quả"]
INDIVIDUAL = ["STT", "Họ và tên", "Chức vụ", "Đơn vị công tác", "Tên mô hình", "Lĩnh vực",
              "Cấp công đoàn", "Kết quả"]
FIELDS = ["Kinh tế", "Văn hóa - xã hội", "An ninh - quốc phòng", "Xây dựng hệ thống chính trị"]


def _write(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [["Mã đơn vị: S-01"], ["Năm: 2024"], *rows]:
        ws.append(row)
    wb.save(path)


def _collective(i):
    return [i, f"Tổ công đoàn số {i}", f"Mô hình tập thể số {i} vì đoàn viên", FIELDS[i % 4],
            "Cơ sở", "Hoàn thành"]


def _individual(i):
    return [i, f"Nguyễn Văn {chr(65 + i)}", "Tổ trưởng", "Công ty A",
            f"Mô hình cá nhân số {i} vì người lao động", FIELDS[i % 4], "Cơ sở", "Tiêu biểu"]


def test_two_sections_with_their_own_headers_give_each_row_its_type(tmp_path, corpus_context):
    path = tmp_path / "S-01_hai-phan.xlsx"
    _write(path, [["I. TẬP THỂ"], COLLECTIVE, *[_collective(i) for i in range(4)], [],
                  ["II. CÁ NHÂN"], INDIVIDUAL, *[_individual(i) for i in range(4)]])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows["valid"] == 8 and result.rows["rejected"] == 0
    reg = result.registrations
    assert reg["type"].tolist() == ["collective"] * 4 + ["individual"] * 4
    assert reg["registrant"].tolist()[4:] == ["Nguyễn Văn A", "Nguyễn Văn B", "Nguyễn Văn C",
                                              "Nguyễn Văn D"]
    assert reg["position"].tolist()[4:] == ["Tổ trưởng"] * 4
    assert result.rows["read"] == result.rows["valid"] + result.rows["ignored"]


def test_one_header_and_section_rows_in_two_cells(tmp_path, corpus_context):
    header = ["STT", "Tên tập thể/cá nhân", "Chức vụ", "Tên mô hình", "Lĩnh vực", "Kết quả"]
    rows = [["I", "Tập thể"], [1, "Tổ công đoàn A", None, "Mô hình tập thể số một", "Kinh tế",
                               "Hoàn thành"],
            ["II", "Cá nhân"], [1, "Trần Thị B", "Công nhân", "Mô hình cá nhân số một",
                                "Văn hóa - xã hội", "Hoàn thành"],
            [2, "Lê Văn C", "Kỹ sư", "Mô hình cá nhân số hai", "Kinh tế", "Tiêu biểu"]]
    path = tmp_path / "S-01_muc.xlsx"
    _write(path, [header, *rows])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 5, "valid": 3, "rejected": 0, "ignored": 2}
    assert result.registrations["type"].tolist() == ["collective", "individual", "individual"]


@pytest.mark.parametrize("row,kind", [
    (["I. TẬP THỂ"], "Tập thể"), (["II. CÁ NHÂN"], "Cá nhân"), (["I", "Tập thể"], "Tập thể"),
    (["B. Cá nhân:"] * 6, "Cá nhân"), (["Tập thể"], "Tập thể"),
    (["I. LĨNH VỰC KINH TẾ"], None), (["Tổng cộng"], None), ([1, "Tập thể", "Kinh tế"], None),
    ([], None)])
def test_what_is_a_type_heading(row, kind):
    assert heading_type(row) == kind


FIELD_HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
                "Kết quả"]


def _blank_field(i, field=None):
    return [i, f"Mô hình số {i} của đoàn viên", field, "Cá nhân", f"Nguyễn Văn {chr(65 + i)}",
            "Tổ trưởng", "Hoàn thành"]


def test_a_blank_field_takes_the_field_of_its_subheading_and_the_unit_is_told(tmp_path,
                                                                             corpus_context):
    path = tmp_path / "S-01_nhom-linh-vuc.xlsx"
    _write(path, [FIELD_HEADER, ["I. LĨNH VỰC KINH TẾ"], _blank_field(1), _blank_field(2),
                  ["II", "Văn hóa - xã hội"], _blank_field(3),
                  _blank_field(4, "An ninh - quốc phòng")])  # its own field wins
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 6, "valid": 4, "rejected": 0, "ignored": 2}
    assert result.registrations["field"].tolist() == ["KT", "KT", "VHXH", "ANQP"]
    assert ("Cột 'Lĩnh vực' để trống, đã lấy lĩnh vực theo dòng tiêu đề nhóm: dòng 5 đến 6 lấy "
            "theo dòng 4 'I. LĨNH VỰC KINH TẾ' (Kinh tế); dòng 8 lấy theo dòng 7 'II Văn hóa - xã "
            "hội' (Văn hóa - xã hội). Đề nghị lần sau ghi lĩnh vực ở từng dòng.") in result.readings


def test_a_type_heading_keeps_the_field_and_a_new_table_ends_it(tmp_path, corpus_context):
    path = tmp_path / "S-01_nhom.xlsx"
    _write(path, [FIELD_HEADER, ["I. LĨNH VỰC KINH TẾ"], ["A. TẬP THỂ"], _blank_field(1),
                  FIELD_HEADER, _blank_field(2)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.registrations["field"].tolist() == ["KT"]
    assert result.rows["rejected"] == 1  # row 8, under a new header, has no field: rejected
    assert result.rejections["row"].tolist() == [8]


def test_without_subheadings_a_blank_field_is_still_rejected(tmp_path, corpus_context):
    path = tmp_path / "S-01_trong.xlsx"
    _write(path, [FIELD_HEADER, _blank_field(1)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows["rejected"] == 1 and result.registrations.empty

