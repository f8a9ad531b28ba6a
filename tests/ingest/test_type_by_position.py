"""A table with a ``Chức vụ`` column but no ``Hình thức`` column: a row naming a registrant
and a position is an individual's (only an individual holds a position); a row without a
position is still asked its type (tester B's case 135: a persons' table beside the full form,
every row rejected "Thiếu 'Hình thức'"; ``thidua.ingest.rows.position_type``)."""

from __future__ import annotations

import pytest

from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.rows import position_type

TITLE = [["Mã đơn vị: Q-DD"], ["Năm: 2024"]]
PERSONS = ["STT", "Tên mô hình", "Lĩnh vực", "Họ và tên", "Chức vụ", "Công đoàn cơ sở"]
ROWS = [[1, "Tiết kiệm điện nơi làm việc", "Kinh tế", "Nguyễn Văn An", "Chủ tịch CĐCS",
         "CĐCS Trường A"],
        [2, "Dân vận khéo phòng chống dịch", "VH-XH", "Trần Thị Bình", "Tổ trưởng", "CĐCS B"],
        [3, "Tổ an ninh tự quản khu tập thể", "ANQP", "Lê Văn Cường", "", "CĐCS C"]]
NOTE = ("Trang 'DS' không có cột 'Hình thức': các dòng có ghi 'Chức vụ' đã tính là cá nhân; "
        "dòng không ghi chức vụ cần ghi rõ hình thức (Tập thể hoặc Cá nhân). Đề nghị lần sau "
        "ghi hình thức ở từng dòng.")


def _ingest(tmp_path, context, sheets, suffix="xlsx"):
    path = tmp_path / f"Q-DD_dk.{suffix}"
    if suffix == "xlsx":
        write_xlsx(path, sheets)
    else:
        write_csv(path, sheets[0].rows)
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("registrant, position, expected", [
    ("Nguyễn Văn An", "Chủ tịch", "Cá nhân"),
    ("Nguyễn Văn An", "  ", ""),  # no position: a collective, or an individual who left it out
    ("", "Chủ tịch", ""),         # no registrant: nothing to type
    ("Nguyễn Văn An - Chủ tịch CĐCS", "", "Cá nhân"),  # the position after the name
    ("Trần Thị Bình, Tổ trưởng", None, "Cá nhân"),
    ("CĐCS Công ty X - Tổ công đoàn 1", "", ""),
    # fresh tester E (01/12): a collective's contact person, a position saying none, a type
    ("Công đoàn cơ sở Trường A", "Chủ tịch", ""), ("Cong doan co so Truong A", "Chủ tịch", ""),
    ("CĐCS Công ty X", "Chủ tịch CĐCS", ""), ("Tổ Công đoàn số 3", "Tổ trưởng", ""),
    ("Ban Nữ công", "Trưởng ban", ""), ("Công đoàn cơ sở - Trường THCS Láng", "", ""),
    ("Nguyễn Văn An", "Không", ""), ("Nguyễn Văn An", "x", ""), ("Nguyễn Văn An", "-", ""),
    ("Nguyễn Văn An", "Không có", ""),
    # the type itself written in ``Chức vụ`` (tester E's 108) gives the type; ``TT`` and ``CN``
    # may be ``Tổ trưởng``, ``Công nhân``: still asked
    ("Tổ Công đoàn số 3", "Tập thể", "Tập thể"), ("Nguyễn Văn An", "Tập thể", "Tập thể"),
    ("Nguyễn Văn An", "Cá nhân", "Cá nhân"), ("Tổ 3", "tap the", "Tập thể"),
    ("Tổ 3", "T.Thể", "Tập thể"), ("Nguyễn Văn An", "TT", ""), ("Nguyễn Văn An", "CN", ""),
    # the codes written with dots or spaces are still the codes (before 01/12: ``T.T.``,
    # ``C.N.``, four characters, typed the row, and the cell was no position)
    ("Nguyễn Văn An", "C.N.", ""), ("Tổ 3", "T.T.", ""), ("Tổ 3", "T. T.", ""),
    ("", "Tập thể", ""),
    # surnames that a collective's word without diacritics would take
    ("Đoàn Văn Hùng", "Chủ tịch", "Cá nhân"), ("Tô Thị Lan", "Tổ trưởng", "Cá nhân"),
    (None, None, ""),
])
def test_a_position_names_an_individual(registrant, position, expected):
    assert position_type(registrant, position) == expected


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_rows_with_a_position_count_as_individuals_the_others_are_asked(tmp_path, context,
                                                                        suffix):
    result = _ingest(tmp_path, context, [Sheet("DS", [*TITLE, PERSONS, *ROWS])], suffix)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.registrations["type"].tolist() == ["individual", "individual"]
    assert result.registrations["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert result.rejections[["row", "column", "error"]].values.tolist() == [
        [6, "Hình thức", "Thiếu 'Hình thức': cần Tập thể (TT) hoặc Cá nhân (CN)."]]
    sheet = "DS" if suffix == "xlsx" else result.rejections["sheet"].iloc[0]
    assert NOTE.replace("'DS'", f"'{sheet}'") in result.readings


def test_a_type_column_left_blank_is_not_filled_from_the_position(tmp_path, context):
    header = [*PERSONS[:3], "Hình thức", *PERSONS[3:]]
    rows = [[*r[:3], "", *r[3:]] for r in ROWS]
    result = _ingest(tmp_path, context, [Sheet("DS", [*TITLE, header, *rows])])
    assert result.rows == {"read": 3, "valid": 0, "rejected": 3, "ignored": 0}
    assert not any("đã tính là cá nhân" in n for n in result.readings)


def test_section_headings_and_the_sheet_s_name_come_before_the_position(tmp_path, context):
    rows = [ROWS[0], ["II. CÁ NHÂN"], ROWS[1], ROWS[2]]
    headed = _ingest(tmp_path, context, [Sheet("DS", [*TITLE, ["I. TẬP THỂ"], PERSONS, *rows])])
    assert headed.registrations["type"].tolist() == ["collective", "individual"]
    assert headed.rejections["column"].tolist() == ["Chức vụ"]  # an individual's, left out
    assert not any("đã tính là cá nhân" in n for n in headed.readings)
    named = _ingest(tmp_path, context, [Sheet("Tập thể", [*TITLE, PERSONS, *ROWS])])
    assert named.registrations["type"].tolist() == ["collective"] * 3
    assert not any("đã tính là cá nhân" in n for n in named.readings)


def test_a_persons_table_beside_the_full_form_is_read(tmp_path, context):
    """Tester B's 135: the full form in A:F, a table of persons without ``Hình thức`` in H:L."""
    left = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ"]
    lines = [*TITLE, [*left, "", *PERSONS[:5]],
             [1, "Sân chơi cho con công nhân", "Kinh tế", "Tập thể", "CĐCS Công ty X", "", "",
              *ROWS[0][:5]],
             [2, "Bếp ăn công đoàn", "VH-XH", "TT", "CĐCS Công ty Y", "", "", *ROWS[1][:5]],
             ["", "", "", "", "", "", "", *ROWS[2][:5]]]
    result = _ingest(tmp_path, context, [Sheet("DS", lines)])
    assert result.rows == {"read": 5, "valid": 4, "rejected": 1, "ignored": 0}
    assert sorted(result.registrations["type"].tolist()) == ["collective"] * 2 + ["individual"] * 2
    assert result.rejections[["sheet", "column"]].values.tolist() == [
        ["DS (bảng từ cột H)", "Hình thức"]]
    assert NOTE.replace("'DS'", "'DS (bảng từ cột H)'") in result.readings


def test_a_position_written_after_the_name_types_the_row_and_is_split(tmp_path, context):
    rows = [[1, "Tiết kiệm điện nơi làm việc", "Kinh tế", "Nguyễn Văn An - Chủ tịch CĐCS", ""],
            [2, "Tổ an ninh tự quản khu tập thể", "ANQP", "CĐCS Công ty X", ""]]
    result = _ingest(tmp_path, context, [Sheet("DS", [*TITLE, PERSONS[:5], *rows])])
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.registrations[["type", "registrant", "position"]].values.tolist() == [
        ["individual", "Nguyễn Văn An", "Chủ tịch CĐCS"]]
    assert result.rejections[["row", "column"]].values.tolist() == [[5, "Hình thức"]]


def test_a_type_written_in_the_position_column_types_the_row_and_is_no_position(
        tmp_path, context):
    """Tester E's 108: the collectives' ``Chức vụ`` says ``Tập thể``: they are collectives,
    without a position, told; a ``Cá nhân`` there is an individual still missing a position."""
    rows = [*ROWS[:2], [3, "Tổ an ninh tự quản khu tập thể", "ANQP", "Tổ bảo vệ số 1", "Tập thể",
                        "CĐCS C"],
            [4, "Sân chơi cho con công nhân", "Kinh tế", "Công đoàn Trường B", "tập thể", ""],
            [5, "Góc đọc sách công nhân", "VHXH", "Phạm Văn Dũng", "Cá nhân", "CĐCS D"]]
    result = _ingest(tmp_path, context, [Sheet("DS", [*TITLE, PERSONS, *rows])])
    assert result.rows == {"read": 5, "valid": 4, "rejected": 1, "ignored": 0}
    valid = result.registrations
    assert valid["type"].tolist() == ["individual", "individual", "collective", "collective"]
    assert valid["position"].tolist()[:2] == ["Chủ tịch CĐCS", "Tổ trưởng"]
    assert valid["position"].isna().tolist() == [False, False, True, True]
    assert result.rejections[["row", "column"]].values.tolist() == [[8, "Chức vụ"]]
    note = NOTE.replace(" Đề nghị", " Ô 'Chức vụ' ghi hình thức (Tập thể/Cá nhân) đã hiểu là "
                        "hình thức của dòng, không phải chức vụ. Đề nghị")
    assert note in result.readings


def test_a_position_naming_the_row_s_own_type_is_no_position_beside_a_type_column(
        tmp_path, context):
    """With a ``Hình thức`` column: a collective's ``Chức vụ`` = ``Tập thể`` is dropped; an
    individual's ``Cá nhân`` too (the row then lacks its position); ``Tổ trưởng`` is kept, and
    a position contradicting the type is left as written."""
    header = [*PERSONS[:3], "Hình thức", *PERSONS[3:]]
    rows = [[1, "Tiết kiệm điện nơi làm việc", "KT", "Tập thể", "Tổ 1", "Tập thể", "CĐCS A"],
            [2, "Góc đọc sách công nhân", "KT", "Cá nhân", "Lê Văn Cường", "Cá nhân", "CĐCS A"],
            [3, "Góc đọc sách công nhân 2", "KT", "Cá nhân", "Lê Thị Hoa", "TT", "CĐCS A"],
            [4, "Góc đọc sách công nhân 3", "KT", "Tập thể", "Tổ 2", "Cá nhân", "CĐCS A"]]
    result = _ingest(tmp_path, context, [Sheet("DS", [*TITLE, header, *rows])])
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    assert result.registrations["position"].fillna("-").tolist() == ["-", "TT", "Cá nhân"]
    assert result.rejections[["row", "column"]].values.tolist() == [[5, "Chức vụ"]]


@pytest.mark.parametrize("text, kind", [
    ("Tập thể", "collective"), ("Cá nhân", "individual"), ("  Cá  nhân ", "individual"),
    ("T.Thể", "collective"), ("tap the", "collective"), ("canhan", "individual"),
    # a code, with or without dots and spaces (``Tổ trưởng``, ``Công nhân`` as often)
    ("TT", None), ("CN", None), ("TT.", None), ("T.T.", None), ("C.N.", None), ("TT .", None),
    ("T. T.", None), ("a. TT", None), ("b. CN", None),  # a numbered code: three letters
    # no type: a position, a type not read exactly, nothing
    ("Tổ trưởng", None), ("Cá nhân x", None), ("Cnhan", None), (None, None), ("", None)])
def test_a_position_cell_naming_a_type_in_more_than_three_letters(text, kind):
    """``registrant.type_in_position`` in this process (the parsing worker runs it for
    ``ingest_file``)."""
    from thidua.ingest.registrant import type_in_position
    assert type_in_position(text) == kind
