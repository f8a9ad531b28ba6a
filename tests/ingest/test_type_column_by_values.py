"""A column headed in the unit's own words (``Kiểu đăng ký``) but holding ``Tập thể`` /
``Cá nhân`` is the ``Hình thức`` column when the header names none (every row was rejected
"Thiếu 'Hình thức'"; ``thidua/ingest/valuecolumns.py``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.table import find_table
from thidua.ingest.valuecolumns import type_column

TITLE = [["Mã đơn vị: Q-HK"], ["Năm: 2024"]]


def _header(word: str) -> list[str]:
    return [*HEADER[:3], word, *HEADER[4:]]


def _grid(word: str, types: list[str]) -> list[list]:
    rows = regs(len(types))
    for row, kind in zip(rows, types):
        row[3] = kind
    return [_header(word), *rows]


@pytest.mark.parametrize("types, found", [
    (["Tập thể", "Cá nhân", "TT", "CN"], 3),
    (["Tập thể", "Cá nhân", "Cá nhân", "x"], 3),       # 3 of 4 read: the column, "x" rejected
    (["Tập thể", "", "", ""], None),                   # one alone proves nothing
    (["Tập thể", "Cá nhân", "ghi chú", "khác"], None),  # half: a note column
    (["Tập thể", "Cá nhân", "Tập thể", "cá nhân"], 3),
])
def test_an_unknown_column_of_types_is_found(types, found):
    grid = _grid("Kiểu đăng ký", types)
    assert type_column(grid, find_table(grid), 1, len(grid)) == found


def test_a_table_with_its_type_column_is_left_as_it_is():
    grid = [[*HEADER, "Kiểu cũ"], *[[*r, r[3]] for r in regs(4)]]
    assert type_column(grid, find_table(grid), 1, len(grid)) is None


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_every_row_counts_with_the_type_its_column_gives(tmp_path, context, suffix):
    path = tmp_path / f"Q-HK_dk.{suffix}"
    lines = [*TITLE, *_grid("Kiểu đăng ký", ["Tập thể", "Cá nhân", "TT", "khác"])]
    write_xlsx(path, [Sheet("DS", lines)]) if suffix == "xlsx" else write_csv(path, lines)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "individual", "collective"]
    assert result.rejections[["row", "column", "value"]].values.tolist() == [
        [7, "Hình thức", "khác"]]
    sheet = "DS" if suffix == "xlsx" else result.rejections["sheet"].iloc[0]
    assert (f"Trang '{sheet}': cột 'Kiểu đăng ký' không có tên như biểu DVK-01 nhưng ghi hình "
            f"thức (Tập thể/Cá nhân) nên đã đọc như cột 'Hình thức'. Đề nghị lần sau đặt tên "
            f"cột là 'Hình thức'.") in result.readings
    assert not [n for n in result.remarks if n.startswith("Không tìm thấy cột")]


def test_a_column_of_notes_is_not_taken_and_the_file_says_the_type_is_missing(tmp_path,
                                                                               context):
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [*TITLE, *_grid("Kiểu", ["Tập thể", "mới", "cũ", ""])])])
    result = ingest_file(input_file(path), context)
    assert not any("đã đọc như cột 'Hình thức'" in n for n in result.readings)
    # the rows are typed by their position instead (test_type_by_position.py)
    assert result.registrations["type"].tolist() == ["individual"] * 2
    assert result.rejections["column"].tolist() == ["Hình thức"] * 2


def _headed(header: str, said: list[str]) -> list[list]:
    """Two collectives under ``I. TẬP THỂ``, two individuals under ``II. CÁ NHÂN``, the
    column ``header`` saying ``said`` on the four rows."""
    head = ["STT", "Tên mô hình", "Lĩnh vực", header, "Tên tập thể/cá nhân", "Chức vụ"]
    rows = [[1, "Tủ sách công nhân khu trọ", "Kinh tế", said[0], "Tổ công đoàn số 1", ""],
            [2, "Sân chơi cho con công nhân", "VHXH", said[1], "Công đoàn Trường A", ""],
            [1, "Tiết kiệm điện nơi làm việc", "ANQP", said[2], "Nguyễn Văn An", "Tổ trưởng"],
            [2, "Góc đọc sách công nhân", "XDHTCT", said[3], "Trần Thị Bình", "Kế toán"]]
    return [*TITLE, head, ["I. TẬP THỂ"], *rows[:2], ["II. CÁ NHÂN"], *rows[2:]]


@pytest.mark.parametrize("header", ["Đối tượng", "Kiểu đăng ký", "Loại hình"])
def test_section_headings_overrule_a_column_of_types_that_contradicts_them(tmp_path, context,
                                                                           header):
    """Fresh tester E's 202: ``Đối tượng`` (whom the model serves) = ``Tập thể`` on every row
    typed the two individuals under ``II. CÁ NHÂN`` as collectives, silently."""
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", _headed(header, ["Tập thể"] * 4))])
    result = ingest_file(input_file(path), context)
    assert result.rows["valid"] == 4
    assert result.registrations["type"].tolist() == ["collective"] * 2 + ["individual"] * 2
    assert (f"Trang 'DS': cột '{header}' ghi Tập thể/Cá nhân khác với đề mục (TẬP THỂ / CÁ "
            f"NHÂN) của bảng nên không đọc như cột 'Hình thức': hình thức lấy theo đề mục. Đề "
            f"nghị kiểm tra lại.") in result.readings
    assert not any("đã đọc như cột 'Hình thức'" in n for n in result.readings)


@pytest.mark.parametrize("header, said, types", [
    # the column agrees with the headings: it stays the type column
    ("Kiểu đăng ký", ["Tập thể", "Tập thể", "Cá nhân", "Cá nhân"], ["collective"] * 2
     + ["individual"] * 2),
    # the form's own header is never overruled: its types count (the unit's own word)
    ("Hình thức", ["Tập thể"] * 4, ["collective"] * 4),
    # a column giving both types types its rows itself, even against a heading (fresh tester
    # G's 901: an individual listed under ``I. TẬP THỂ`` after its union)
    ("Loại hình", ["Tập thể", "Tập thể", "Tập thể", "Cá nhân"], ["collective"] * 3
     + ["individual"]),
    ("Đối tượng", ["Tập thể", "Tập thể", "Cá nhân", "Tập thể"], ["collective"] * 2
     + ["individual", "collective"]),
])
def test_a_column_agreeing_with_the_headings_or_headed_hinh_thuc_keeps_its_types(
        tmp_path, context, header, said, types):
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", _headed(header, said))])
    result = ingest_file(input_file(path), context)
    assert result.registrations["type"].tolist() == types
    assert not any("khác với đề mục" in n for n in result.readings)


@pytest.mark.parametrize("header, said", [("#REF!", "cột D (tiêu đề '#REF!')"),
                                          ("", "cột D"), ("#N/A", "cột D (tiêu đề '#N/A')")])
def test_a_column_of_types_under_a_blank_or_broken_header_is_found(tmp_path, context, header,
                                                                    said):
    """Fresh tester M's M128: the header ``Hình thức`` was a formula whose source was deleted
    (``#REF!``): the individuals were typed by their position, the collectives rejected
    "Thiếu 'Hình thức'"."""
    grid = _grid(header, ["Tập thể", "Cá nhân", "Tập thể", "Cá nhân"])
    assert type_column(grid, find_table(grid), 1, len(grid)) == 3
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [*TITLE, *grid])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["type"].tolist() == ["collective", "individual"] * 2
    assert (f"Trang 'DS': {said} không có tên như biểu DVK-01 nhưng ghi hình thức (Tập "
            f"thể/Cá nhân) nên đã đọc như cột 'Hình thức'. Đề nghị lần sau đặt tên cột là 'Hình "
            f"thức'.") in result.readings


def test_a_blank_headed_column_of_other_values_is_no_type_column():
    grid = _grid("", ["ghi chú", "khác", "Tập thể", "mới"])
    assert type_column(grid, find_table(grid), 1, len(grid)) is None
