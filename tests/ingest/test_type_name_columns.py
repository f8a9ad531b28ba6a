"""Two name columns, one per type (``Tên tập thể`` | ``Họ tên cá nhân``, ``Tên tập thể`` |
``Tên cá nhân``, ``Tập thể`` | ``Cá nhân`` holding the names), with or without a ``Hình thức``
column: each row fills one; without a type column the column a name is in gives its type; a
row filling both is told (fresh tester J's J127, J132: the individuals were rejected "Thiếu
'Tên tập thể/cá nhân'", the collectives "Thiếu 'Hình thức'"; ``thidua.ingest.typegroups``)."""

from __future__ import annotations

import pytest

from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.table import find_table
from thidua.ingest.typegroups import TYPE_GROUPS_NOTE, name_columns, typed_by_column, typed_note

TITLE = [["Mã đơn vị: Q-DD"], ["Năm: 2024"]]
#: (model, field, type, collective's name, individual's name, position)
ROWS = [("Tủ sách pháp luật", "Văn hóa - xã hội", "Cá nhân", "", "Trần Thị Lan", "Phó Chủ tịch"),
        ("Phát triển đoàn viên", "Kinh tế", "Tập thể", "CĐCS Công ty A", "", ""),
        ("Sáng kiến tiết kiệm điện", "Kinh tế", "Cá nhân", "", "Hoàng Văn Nam", "Chủ tịch CĐCS")]
PAIRS = [("Tên tập thể", "Họ tên cá nhân"), ("Tên tập thể", "Tên cá nhân"),
         ("Tập thể", "Cá nhân"), ("Tên tập thể", "Họ và tên"),
         ("TÊN TẬP THỂ", "HỌ VÀ TÊN CÁ NHÂN")]


def _grid(pair, rows=ROWS, typed=True):
    """The header and rows: STT | model | field | [Hình thức] | the two names | position."""
    head = ["STT", "Tên mô hình", "Lĩnh vực", *(["Hình thức"] if typed else []), *pair,
            "Chức vụ"]
    body = [[i + 1, m, f, *([t] if typed else []), a, b, p]
            for i, (m, f, t, a, b, p) in enumerate(rows)]
    return [head, *body]


def _read(tmp_path, context, grid):
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [*TITLE, *grid])])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("pair", PAIRS)
@pytest.mark.parametrize("typed", [True, False])
def test_each_row_counts_with_the_name_of_its_column(tmp_path, context, pair, typed):
    result = _read(tmp_path, context, _grid(pair, typed=typed))
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == ("used", 3, 0)
    assert result.registrations["type"].tolist() == ["individual", "collective", "individual"]
    assert result.registrations["registrant"].tolist() == ["Trần Thị Lan", "CĐCS Công ty A",
                                                           "Hoàng Văn Nam"]
    assert result.registrations["position"].tolist()[::2] == ["Phó Chủ tịch", "Chủ tịch CĐCS"]


def test_the_unit_is_told_how_its_two_columns_were_read():
    grid = _grid(PAIRS[0])
    assert typed_note(grid, find_table(grid)) == (
        "tên tập thể và tên cá nhân ở hai cột riêng ('Tên tập thể', 'Họ tên cá nhân'): đã đọc "
        "thành một cột 'Tên tập thể/cá nhân', hình thức theo cột 'Hình thức' (ô trống: theo cột "
        "có tên). Đề nghị lần sau dùng đúng biểu DVK-01 (một cột 'Tên tập thể/cá nhân').")
    untyped = _grid(PAIRS[1], typed=False)
    assert typed_note(untyped, find_table(untyped)) == TYPE_GROUPS_NOTE
    form = [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân"],
            [1, "Mô hình A", "Kinh tế", "Tập thể", "CĐCS A"]]
    assert typed_note(form, find_table(form)) == ""  # one name column: nothing to tell


def test_both_names_without_a_type_column_reject_the_row_asking_which(tmp_path, context):
    rows = [*ROWS, ("Ngày thứ Bảy tình nguyện", "Kinh tế", "", "CĐCS B", "Lê Văn C", "Tổ trưởng")]
    result = _read(tmp_path, context, _grid(PAIRS[1], rows, typed=False))
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 1)
    assert result.rejections[["row", "column", "value"]].values.tolist() == [
        [7, "Hình thức", "Tập thể, Cá nhân"]]
    assert "có phải là 'Tập thể' hay 'Cá nhân'?" in result.rejections["error"].iloc[0]


def test_both_names_beside_a_type_take_that_type_s_name_told(tmp_path, context):
    rows = [*ROWS, ("Ngày thứ Bảy tình nguyện", "Kinh tế", "Cá nhân", "CĐCS B", "Lê Văn C",
                    "Tổ trưởng")]
    grid = _grid(PAIRS[0], rows)
    result = _read(tmp_path, context, grid)
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.registrations["registrant"].tolist()[-1] == "Lê Văn C"
    assert " Dòng 7 ghi cả tên tập thể và tên cá nhân: đã lấy tên theo cột 'Hình thức'; đề " \
        "nghị kiểm tra." in typed_note([*TITLE, *grid], find_table([*TITLE, *grid]))


def test_a_type_cell_left_blank_takes_the_name_s_column_and_a_written_one_is_kept(
        tmp_path, context):
    rows = [(*ROWS[0][:2], "", *ROWS[0][3:]), (*ROWS[1][:2], "Cá nhân", *ROWS[1][3:]), ROWS[2]]
    grid = _grid(PAIRS[0], rows)
    result = _read(tmp_path, context, grid)
    assert result.registrations["type"].tolist() == ["individual", "individual"]
    assert result.registrations.index.tolist() == [4, 6]
    # the collective's name under an individual's type: the unit's type kept (no position)
    assert result.rejections[["row", "column"]].values.tolist() == [[5, "Chức vụ"]]
    # the collective's name under an individual's type: kept as written, told
    assert " Dòng 5 ghi tên ở cột của hình thức khác với cột 'Hình thức': đã đọc theo cột " \
        "'Hình thức'; đề nghị kiểm tra." in typed_note([*TITLE, *grid],
                                                        find_table([*TITLE, *grid]))


@pytest.mark.parametrize("grid", [
    # one name column of either type: the registrant, as it always was
    [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Họ và tên", "Chức vụ"],
     [1, "A", "Kinh tế", "Cá nhân", "Lê Văn A", "Tổ trưởng"]],
    [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên cá nhân"], [1, "A", "Kinh tế", "CN", "Lê A"]],
    # a registrant column of its own: two more columns are something else
    [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Tập thể", "Cá nhân"],
     [1, "A", "Kinh tế", "TT", "CĐCS X", "CĐCS X", ""]],
    # tick boxes beside a type column
    [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tập thể", "Cá nhân", "Người thực hiện"],
     [1, "A", "Kinh tế", "TT", "x", "", "CĐCS X"], [2, "B", "Kinh tế", "CN", "", "x", "Lê A"]],
    # tick boxes beside a type column and no name column: no names to read
    [["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tập thể", "Cá nhân"],
     [1, "A", "Kinh tế", "TT", "x", ""], [2, "B", "Kinh tế", "CN", "", "x"]],
    # a representative's name beside the collective's: no individual's column
    [["STT", "Tên mô hình", "Lĩnh vực", "Tên tập thể", "Họ và tên người đại diện"],
     [1, "A", "Kinh tế", "CĐCS X", "Lê Văn A"]],
])
def test_look_alikes_are_read_as_before(grid):
    assert name_columns(grid, find_table(grid)) is None


def test_beside_hinh_thuc_the_rows_are_rewritten_in_this_process():
    # (the file-reading tests run ``typed_by_column`` in the parsing worker)
    rows = [("Mô hình A", "Kinh tế", "Cá nhân", "", "Trần Thị Lan", "Tổ trưởng"),
            ("Mô hình B", "Kinh tế", "Tập thể", "CĐCS A", "", ""),
            ("Mô hình C", "Kinh tế", "Cá nhân", "CĐCS B", "Lê Văn Cường", "Tổ phó"),  # both
            ("Mô hình D", "Kinh tế", "Tập thể", "CĐCS D", "Phạm Thị Dung", ""),  # both
            ("Mô hình E", "Kinh tế", "", "CĐCS E", "", ""),  # no type: the name's column
            ("Mô hình F", "Kinh tế", "", "", "Ngô Văn Giang", "Tổ viên"),
            ("Mô hình G", "Kinh tế", "", "CĐCS G", "Đỗ Văn Hải", ""),
            ("Mô hình H", "Kinh tế", "Cá nhân", "CĐCS H", "", "")]  # the other type's column
    grid = _grid(PAIRS[0], rows=rows)
    out, table = typed_by_column(grid, find_table(grid))
    assert table.columns == {0: "stt", 1: "model", 2: "field", 3: "type", 4: "registrant",
                             6: "position"}
    assert out[0] == ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "",
                      "Chức vụ", ""]
    assert [row[4] for row in out[1:]] == [
        "Trần Thị Lan", "CĐCS A", "Lê Văn Cường", "CĐCS D", "CĐCS E", "Ngô Văn Giang",
        "CĐCS G / Đỗ Văn Hải", "CĐCS H"]
    assert [row[3] for row in out[1:]] == [
        "Cá nhân", "Tập thể", "Cá nhân", "Tập thể", "Tập thể", "Cá nhân", "Tập thể, Cá nhân",
        "Cá nhân"]
    assert {row[5] for row in out[1:]} == {row[7] for row in out} == {""}
    assert typed_note(grid, find_table(grid)).split("). ", 1)[1] == (
        "Dòng 4, 5 ghi cả tên tập thể và tên cá nhân: đã lấy tên theo cột 'Hình thức'; đề nghị "
        "kiểm tra. Dòng 9 ghi tên ở cột của hình thức khác với cột 'Hình thức': đã đọc theo cột "
        "'Hình thức'; đề nghị kiểm tra. Đề nghị lần sau dùng đúng biểu DVK-01 (một cột 'Tên tập "
        "thể/cá nhân').")


def test_the_note_reads_the_first_row_and_short_rows():
    grid = _grid(PAIRS[0], rows=[("Mô hình A", "Kinh tế", "Cá nhân", "CĐCS A", "Lê Văn Cường", ""),
                                 ("Mô hình B", "Kinh tế", "Cá nhân", "CĐCS B", "", "")])
    grid.append([3, "Mô hình C", "Kinh tế", "Tập thể", "CĐCS C"])  # ends before the second name
    assert typed_note(grid, find_table(grid)).split("). ", 1)[1] == (
        "Dòng 2 ghi cả tên tập thể và tên cá nhân: đã lấy tên theo cột 'Hình thức'; đề nghị "
        "kiểm tra. Dòng 3 ghi tên ở cột của hình thức khác với cột 'Hình thức': đã đọc theo cột "
        "'Hình thức'; đề nghị kiểm tra. Đề nghị lần sau dùng đúng biểu DVK-01 (một cột 'Tên tập "
        "thể/cá nhân').")
