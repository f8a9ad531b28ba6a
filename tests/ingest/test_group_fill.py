"""A field (or a type) written once per group, on the first row, the rows under it left blank
instead of merged (the fresh29 tester's F6): read as the group's, told; a value missing
here and there in a column filled on every row stays missing."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.files import USED, ingest_file
from thidua.ingest.groupfill import MIN_BLANK, filled_from_group, group_fill_note
from helpers import input_file, row, write_xlsx


def _raw(fields, labels=None):
    index = pd.RangeIndex(10, 10 + len(fields), name="row")
    raw = pd.DataFrame({"field": fields, "model": ["m"] * len(fields)}, index=index, dtype=object)
    return raw, pd.Series(labels or ["data"] * len(fields), index=index)


@pytest.mark.parametrize("fields, labels, filled", [
    (["Kinh tế", "", "", "VH-XH", ""], None, {10: [11, 12], 13: [14]}),
    (["Kinh tế", "", "Kinh tế", ""], None, {10: [11], 12: [13]}),  # as many blank as written
    (["Kinh tế", None, "  ", "ANQP"], None, {10: [11, 12]}),
    (["Kinh tế", "", "", "", ""], ["data", "blank", "data", "totals", "data"], {10: [12, 14]}),
    (["Kinh tế", "", "", "", ""], ["data", "data", "header", "data", "data"], {}),  # a later
    # table whose first row is blank: no value above it in its table
    (["", "Kinh tế", "", ""], None, {}),  # a blank before any value
    (["Kinh tế", "VH-XH", "ANQP", ""], None, {}),  # one missing: a missing value
    (["Kinh tế", "", "VH-XH", "ANQP", ""], None, {}),  # more written than blank
    (["Kinh tế", ""], None, {}),  # fewer than two blank
])
def test_which_blanks_take_their_group_s_value(fields, labels, filled):
    raw, labels = _raw(fields, labels)
    out, found = filled_from_group(raw, labels, "field")
    assert found == filled
    for source, rows in filled.items():
        assert out.loc[rows, "field"].tolist() == [fields[source - 10]] * len(rows)
    assert raw["field"].tolist() == fields  # not modified
    assert MIN_BLANK == 2


def test_a_sheet_without_the_column_is_left_as_it_is():
    raw, labels = _raw(["Kinh tế", "", ""])
    assert filled_from_group(raw, labels, "type") == (raw, {})


def test_the_note_names_each_group_s_rows_and_value():
    raw, labels = _raw(["Kinh tế", "", "", "VH-XH", ""])
    out, filled = filled_from_group(raw, labels, "field")
    assert group_fill_note(out, "field", filled) == (
        "Cột 'Lĩnh vực' chỉ ghi ở dòng đầu của mỗi nhóm, các dòng dưới để trống: đã hiểu là "
        "giống dòng trên (dòng 11, 12 lấy theo dòng 10 (Kinh tế); dòng 14 lấy theo dòng 13 "
        "(VH-XH)). Đề nghị lần sau ghi 'Lĩnh vực' ở từng dòng.")
    assert group_fill_note(out, "field", {}) is None


def test_a_file_writing_the_field_once_per_group_keeps_every_registration(tmp_path, context):
    rows = [row(stt=1, model="Mô hình số một tốt", field="Kinh tế"),
            row(stt=2, model="Mô hình số hai tốt", field=None),
            row(stt=3, model="Mô hình số ba tốt", field=None),
            row(stt=4, model="Mô hình số bốn tốt", field="Văn hóa - xã hội", type_="Cá nhân",
                registrant="Nguyễn Văn A", position="Tổ trưởng"),
            row(stt=5, model="Mô hình số năm tốt", field=None, type_=None,
                registrant="Trần Thị B", position="Tổ phó")]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"])
    result = ingest_file(input_file(path), context)
    assert result.status == USED
    # the type is written on four rows of five: the blank one is a missing value, rejected
    assert result.rows == {"read": 5, "valid": 4, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "column"]].values.tolist() == [[9, "Hình thức"]]
    assert result.registrations["field"].tolist() == ["KT", "KT", "KT", "VHXH"]
    told = [r for r in result.readings if r.startswith("Cột 'Lĩnh vực' chỉ ghi")]
    assert len(told) == 1 and "dòng 6, 7 lấy theo dòng 5 (Kinh tế)" in told[0]
