"""Two tables on one sheet, each under its own header (``I. TẬP THỂ`` then ``II. CÁ NHÂN`` with
a ``Chức vụ`` column of its own): each row is read under its own table's header."""

from __future__ import annotations

import openpyxl
import pytest

from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.read import column_labels, parse_sheet, raw_rows

COLLECTIVE_HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
                     "Cấp công đoàn", "Kết quả"]
INDIVIDUAL_HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Họ và tên", "Chức vụ",
                     "Cấp công đoàn", "Kết quả"]


def write(path, blocks: list[list]) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DVK"
    for row in [["Mã đơn vị: S-01"], ["Năm: 2024"], *blocks]:
        ws.append(row)
    wb.save(path)


def collective(i: int) -> list:
    return [i, f"Mô hình tập thể số {i} giúp đoàn viên", "Kinh tế", "Tập thể",
            f"Tổ công đoàn số {i}", "Cơ sở", "Hoàn thành"]


def individual(i: int) -> list:
    return [i, f"Mô hình cá nhân số {i} vì người lao động", "Văn hóa - xã hội", "Cá nhân",
            f"Nguyễn Văn {chr(64 + i)}", "Tổ trưởng", "Cơ sở", "Tiêu biểu"]


@pytest.fixture
def two_tables(tmp_path):
    path = tmp_path / "S-01_hai-bang.xlsx"
    write(path, [["I. TẬP THỂ"], COLLECTIVE_HEADER, collective(1), collective(2),
                 ["II. CÁ NHÂN"], INDIVIDUAL_HEADER, individual(1), individual(2), individual(3)])
    return path


def test_each_table_is_read_under_its_own_header(two_tables, corpus_context):
    result = ingest_file(input_file(two_tables), corpus_context)
    assert result.rows == {"read": 7, "valid": 5, "rejected": 0, "ignored": 2}
    assert result.ignored["subheading"] == 1 and result.ignored["header"] == 1
    reg = result.registrations
    assert reg.index.tolist() == [5, 6, 9, 10, 11]
    assert reg["type"].tolist() == ["collective"] * 2 + ["individual"] * 3
    assert reg["registrant"].tolist()[2:] == ["Nguyễn Văn A", "Nguyễn Văn B", "Nguyễn Văn C"]
    assert reg["position"].tolist()[2:] == ["Tổ trưởng"] * 3
    assert reg["result"].tolist() == ["hoan_thanh"] * 2 + ["tieu_bieu"] * 3


def test_a_column_only_the_second_table_has_is_empty_above_and_labelled_by_its_header(two_tables):
    sheet = parse_sheet(two_tables.read_bytes(), ".xlsx")
    raw = raw_rows(sheet)
    assert raw.loc[5, "position"] == "" and raw.loc[9, "position"] == "Tổ trưởng"
    labels = column_labels(sheet)
    assert labels["position"] == "Chức vụ"
    assert labels["registrant"] == "Tên tập thể/cá nhân"


def test_a_rejected_row_of_the_second_table_names_its_own_column(tmp_path, corpus_context):
    bad = individual(2)
    bad[5] = None  # no position for an individual
    path = tmp_path / "S-01_thieu.xlsx"
    write(path, [COLLECTIVE_HEADER, collective(1), INDIVIDUAL_HEADER, individual(1), bad])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 4, "valid": 2, "rejected": 1, "ignored": 1}
    line = result.rejections.iloc[0]
    assert (line["row"], line["column"]) == (7, "Chức vụ")
    assert list(result.rejected_rows.columns)[-1] == "Chức vụ"


def test_the_same_header_repeated_changes_nothing(tmp_path, corpus_context):
    path = tmp_path / "S-01_lap.xlsx"
    write(path, [COLLECTIVE_HEADER, collective(1), COLLECTIVE_HEADER, collective(2)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}


@pytest.mark.parametrize("field_header", ["LV", "lv", "Lĩnh vực"])
def test_a_later_table_naming_the_field_by_another_of_its_names_is_found(tmp_path, corpus_context,
                                                                         field_header):
    later = [field_header if h == "Lĩnh vực" else h for h in INDIVIDUAL_HEADER]
    path = tmp_path / "S-01_hai-bang.xlsx"
    write(path, [["I. TẬP THỂ"], COLLECTIVE_HEADER, collective(1), collective(2),
                 ["II. CÁ NHÂN"], later, individual(1), individual(2)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 6, "valid": 4, "rejected": 0, "ignored": 2}
    reg = result.registrations
    assert reg["position"].tolist()[2:] == ["Tổ trưởng", "Tổ trưởng"]
    assert reg["field"].tolist() == ["KT", "KT", "VHXH", "VHXH"]
