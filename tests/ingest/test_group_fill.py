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
    (["Kinh tế", "", "", ""], ["data", "blank", "data", "data"], {10: [12, 13]}),
    (["Kinh tế", "", "", "", ""], ["data", "data", "data", "totals", "data"], {}),  # a total
    # ends a group: the blank under it has no value above it in its group
    (["Kinh tế", "", "", "", ""], ["data", "data", "data", "subheading", "data"], {}),
    (["Kinh tế", "", "", "", ""], ["data", "data", "header", "data", "data"], {}),  # a later
    # table whose first row is blank: no value above it in its table
    (["", "Kinh tế", "", ""], None, {}),  # a blank before any value
    (["Kinh tế", "VH-XH", "ANQP", ""], None, {}),  # one missing: a missing value
    (["Kinh tế", "", "VH-XH", "ANQP", ""], None, {}),  # more written than blank, single
    # blanks: missing values
    (["Kinh tế", "", "", "VH-XH", "ANQP", "XDHTCT"], None, {10: [11, 12]}),
    (["Kinh tế", "", "", "VH-XH", "Kinh tế", ""], None, {10: [11, 12], 14: [15]}),  # groups
    (["Kinh tế", "", "VH-XH", "Kinh tế", ""], None, {}),  # single blanks only: missing values
    (["KT", "VH", "AN", "KT", "", "VH", "AN", "", "KT"], None, {}),  # fresh tester C's g06
    (["TT", "CN", "TT", "CN", "", "TT", "CN", ""], None, {}),  # its g02
    (["Kinh tế", "Kinh tế", "", "VH-XH", "VH-XH", ""], None, {}),  # written twice in a row:
    # a column filled row by row, its blanks missing values
    (["Kinh tế", "", "VH-XH", "ANQP", "XDHTCT"], None, {}),  # one blank: a missing value
    (["Kinh tế", "", "", "Kinh tế", "VH-XH"], None, {}),  # a long group, but a value written
    # again right after the one before it (blanks aside): filled row by row, missing values
    (["Kinh tế", "", "", "VH-XH", "Kinh tế", "VH-XH", "VH-XH"], None, {}),  # a repeat at the end
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


def _typed(types, labels, first=None):
    index = pd.RangeIndex(10, 10 + len(types), name="row")
    raw = pd.DataFrame({"stt": [first or ""] * len(types), "type": types}, index=index,
                       dtype=object)
    return raw, pd.Series(labels, index=index)


def test_blank_types_under_a_type_heading_take_its_type_whatever_the_style():
    """The fresh29 tester's 128: ``A. TẬP THỂ`` rows typed ``Tập thể``, ``B. CÁ NHÂN`` rows
    left blank: they are individuals, never the collective of the row above the heading."""
    types = ["", "Tập thể", "Tập thể", "Tập thể", "", "", ""]
    raw, labels = _typed(types, ["subheading", "data", "data", "data", "subheading", "data",
                                 "data"])
    raw.loc[14, "stt"] = "B. CÁ NHÂN"
    raw.loc[10, "stt"] = "A. TẬP THỂ"
    out, filled = filled_from_group(raw, labels, "type")
    assert filled == {14: [15, 16]}
    assert out["type"].tolist() == ["", "Tập thể", "Tập thể", "Tập thể", "", "Cá nhân",
                                    "Cá nhân"]
    assert group_fill_note(out, "type", filled) == (
        "Cột 'Hình thức' chỉ ghi ở dòng đầu của mỗi nhóm, các dòng dưới để trống: đã hiểu là "
        "giống dòng trên (dòng 15, 16 lấy theo dòng 14 (Cá nhân)). Đề nghị lần sau ghi "
        "'Hình thức' ở từng dòng.")


def test_a_field_heading_gives_no_type():
    raw, labels = _typed(["", "", ""], ["subheading", "data", "data"])
    raw.loc[10, "stt"] = "I. LĨNH VỰC KINH TẾ"
    assert filled_from_group(raw, labels, "type") == (raw, {})


def test_a_file_typing_its_collectives_and_leaving_its_individuals_blank(tmp_path, context):
    rows = [["A. TẬP THỂ"], row(stt=1, model="Mô hình tập thể một"),
            row(stt=2, model="Mô hình tập thể hai"), ["B. CÁ NHÂN"],
            row(stt=3, model="Mô hình cá nhân một", type_=None, registrant="Nguyễn Văn A",
                position="Chủ tịch CĐCS"),
            row(stt=4, model="Mô hình cá nhân hai", type_=None, registrant="Trần Thị B",
                position="Tổ trưởng")]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 6, "valid": 4, "rejected": 0, "ignored": 2}
    assert result.registrations["type"].tolist() == ["collective", "collective", "individual",
                                                    "individual"]


def test_a_type_heading_starts_no_group_of_fields():
    index = pd.RangeIndex(10, 13, name="row")
    raw = pd.DataFrame({"stt": ["B. CÁ NHÂN", "", ""], "field": ["", "", ""]}, index=index,
                       dtype=object)
    labels = pd.Series(["subheading", "data", "data"], index=index)
    assert filled_from_group(raw, labels, "field") == (raw, {})
