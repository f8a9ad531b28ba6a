"""A sheet written as a form (``label | value`` lines, one registration per form) is read as
a table of its forms, told (fresh tester E's 413: three sheets ``MH1`` … ``MH3``, each one
registration, the file was rejected "Không tìm thấy dòng tiêu đề"; ``thidua.ingest.formsheet``)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_writers import Num, Sheet, write_ods, write_xls, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.formsheet import as_table, form_line, form_note

TITLE = [["LIÊN ĐOÀN LAO ĐỘNG QUẬN ĐỐNG ĐA"], ['ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2024'],
         ["Mã đơn vị: Q-DD"], ["Năm: 2024"], []]
WRITERS = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}


def form(model, field, type_, registrant, position=None, *, colon=":", numbered=False):
    lines = [("Tên mô hình", model), ("Lĩnh vực", field), ("Hình thức", type_),
             ("Tên tập thể/cá nhân", registrant), ("Chức vụ", position),
             ("Cấp công đoàn", "Cấp trên trực tiếp cơ sở"),
             ("Thời gian thực hiện", "01/2024 - 12/2024"), ("Kết quả", "Hoàn thành")]
    return [[*([f"{i}."] if numbered else []), f"{label}{colon}", value]
            for i, (label, value) in enumerate(lines, start=1) if value is not None]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_one_registration_per_sheet_written_as_a_form(tmp_path, context, suffix):
    sheets = [Sheet("MH1", [*TITLE, *form("Bữa cơm công đoàn nghĩa tình", "Kinh tế", "Tập thể",
                                          "Công đoàn cơ sở Trường Tiểu học số 1")]),
              Sheet("MH2", [*TITLE, *form("Góc đọc sách công nhân", "VH-XH", "Cá nhân",
                                          "Đỗ Văn Nam", "Chủ tịch CĐCS")]),
              Sheet("MH3", [*TITLE, *form("Tổ an ninh tự quản khu trọ", "ANQP", "Tập thể",
                                          "Tổ công đoàn số 3")])]
    path = tmp_path / f"Q-DD_dk.{suffix}"
    WRITERS[suffix](path, sheets)
    result = ingest_file(input_file(path), context)
    assert result.status == "used" and result.unit == "Q-DD"
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    valid = result.registrations
    assert valid["model"].tolist() == ["Bữa cơm công đoàn nghĩa tình", "Góc đọc sách công nhân",
                                       "Tổ an ninh tự quản khu trọ"]
    assert valid["field"].tolist() == ["KT", "VHXH", "ANQP"]
    assert valid["type"].tolist() == ["collective", "individual", "collective"]
    assert valid["position"].tolist()[1] == "Chủ tịch CĐCS"
    assert valid["level"].tolist() == ["cap_tren_co_so"] * 3
    assert valid.index.tolist() == [7, 7, 7]  # the second line of each form
    assert (
        "Trang 'MH2' ghi đăng ký theo kiểu phiếu (tên cột | nội dung), không theo bảng: mỗi "
        "phiếu đã đọc là một đăng ký: dòng 6–13 (ghi là dòng 7); các thông báo lỗi ghi dòng "
        "trong ngoặc. Đề nghị lần sau ghi theo bảng của biểu DVK-01, mỗi đăng ký một dòng."
    ) in result.notes


def test_forms_stacked_down_one_sheet_numbered_merged_with_headings_and_a_signature(
        tmp_path, context):
    """Two forms, their lines numbered ``1.`` …, the values merged over B:E, a heading
    between the forms and a signature under them; the second form lacks its field: read,
    and rejected for it as a table's row would be."""
    first = form("Bữa cơm công đoàn nghĩa tình", "Kinh tế", "Tập thể", "Tổ công đoàn số 1",
                 numbered=True)
    second = [line for line in form("Góc đọc sách công nhân", "", "Cá nhân", "Trần Thị Bình",
                                    "Tổ trưởng", numbered=True) if "Lĩnh vực" not in line[1]]
    rows = [*TITLE, ["PHIẾU ĐĂNG KÝ SỐ 1"], *first, ["PHIẾU ĐĂNG KÝ SỐ 2"], *second, [],
            [None, "Người lập biểu", None, "THỦ TRƯỞNG ĐƠN VỊ"], [None, "Nguyễn Thị Lan"]]
    starts = [i + 1 for i, row in enumerate(rows) if len(row) == 3]
    merges = [f"C{r}:E{r}" for r in starts]
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("Phiếu", rows, merges)])
    result = ingest_file(input_file(path), context)
    assert result.rows["valid"] == 1 and result.rows["rejected"] == 1
    assert result.registrations["registrant"].tolist() == ["Tổ công đoàn số 1"]
    assert result.rejections[["row", "column"]].values.tolist() == [[16, "Lĩnh vực"]]
    assert any("dòng 7–13 (ghi là dòng 8), dòng 15–21 (ghi là dòng 16)" in n
               for n in result.notes)


def test_label_and_value_in_one_cell_and_a_period_under_a_date_format(tmp_path, context):
    lines = [["Tên mô hình: Tủ sách pháp luật tại phân xưởng"], ["Lĩnh vực: Kinh tế"],
             ["Hình thức: Tập thể"], ["Tên tập thể/cá nhân: Tổ công đoàn số 2"],
             ["Thời gian thực hiện", Num(45292, "mm/yyyy", "01/2024")]]
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [*TITLE, *lines])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 1, "valid": 1, "rejected": 0, "ignored": 0}
    row = result.registrations.iloc[0]
    assert (row["model"], row["field"], row["type"]) == ("Tủ sách pháp luật tại phân xưởng",
                                                         "KT", "collective")
    assert row["period_start"] == dt.datetime(2024, 1, 1)


@pytest.mark.parametrize("row, expected", [
    (["Tên mô hình:", "Bữa cơm"], ("model", "Bữa cơm")),
    (["", "Lĩnh vực", "", "Kinh tế"], ("field", "Kinh tế")),
    (["2.", "Hình thức :", "Tập thể"], ("type", "Tập thể")),
    (["b)", "Họ và tên", "Nguyễn Văn A"], ("registrant", "Nguyễn Văn A")),
    (["Tên mô hình: Bữa cơm công đoàn"], ("model", "Bữa cơm công đoàn")),
    (["Ghi chú:"], ("note", "")),
    (["Thời gian thực hiện", 45292], ("period", 45292)),
    # not a form's line: a header row, the title's code and year, a signature, a value
    (["Tên mô hình", "Lĩnh vực", "Hình thức"], None),
    (["Mã đơn vị:", "Q-DD"], None), (["Năm:", 2024], None), (["STT", 1], None),
    (["Người lập biểu", "Thủ trưởng"], None), (["Kinh tế", "Tập thể"], None), ([], None),
    (["Đơn vị: Công đoàn Trường A"], None),
])
def test_a_form_s_line(row, expected):
    assert form_line(row) == expected


@pytest.mark.parametrize("lines", [
    # too few lines, or no model
    [["Tên mô hình:", "Bữa cơm công đoàn"], ["Lĩnh vực:", "Kinh tế"]],
    [["Lĩnh vực:", "Kinh tế"], ["Hình thức:", "Tập thể"], ["Tên tập thể/cá nhân:", "Tổ 1"],
     ["Kết quả:", "Hoàn thành"]],
    # a model with only one of the other needed columns
    [["Tên mô hình:", "Bữa cơm công đoàn"], ["Lĩnh vực:", "Kinh tế"], ["Ghi chú:", "x"],
     ["Kết quả:", "Hoàn thành"]],
    # a column guide (fresh tester E's 410): its field and type read as no one value
    [["Cột", "Cách ghi"], ["Tên mô hình", "Ghi tên mô hình"],
     ["Lĩnh vực", "KT, VHXH, ANQP, XDHTCT"], ["Hình thức", "Tập thể hoặc Cá nhân"],
     ["Tên tập thể/cá nhân", "Ghi tên"]],
    # one good form and one that is not: the sheet is not a sheet of forms
    [["Tên mô hình:", "Bữa cơm công đoàn"], ["Lĩnh vực:", "Kinh tế"], ["Hình thức:", "TT"],
     ["Tên mô hình:", "Góc đọc sách"], ["Ghi chú:", "x"], ["Kết quả:", "Hoàn thành"]],
])
def test_lines_that_are_no_forms_leave_the_sheet_without_a_table(lines):
    assert as_table([*TITLE, *lines]) is None


def test_the_rewritten_grid_keeps_the_title_and_the_signature_where_they_were():
    grid = [*TITLE, *form("Bữa cơm công đoàn", "Kinh tế", "Tập thể", "Tổ 1"), [],
            ["Người lập biểu"]]
    out, placed = as_table(grid)
    assert placed == [(5, 11, 6)]
    assert out[:5] == [row + [""] * (8 - len(row)) for row in TITLE]
    assert out[5][:6] == ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
                          "Cấp công đoàn"]
    assert out[6][:5] == [1, "Bữa cơm công đoàn", "Kinh tế", "Tập thể", "Tổ 1"]
    assert all(not any(row) for row in out[7:12])
    assert out[13][0] == "Người lập biểu"
    assert form_note("", placed).startswith("Tệp ghi đăng ký theo kiểu phiếu")


# --- in this process (the parsing worker runs the rest): mutation round of 01/12 ------------
@pytest.mark.parametrize("row, expected", [
    (["Ghi chú"], ("note", "")),                                  # a label alone, no colon
    (["Hình thức:", "TT"], ("type", "TT")),  # ``TT`` is also a header of STT: a type here
    (["Tên mô hình", "TT"], None),
    (["Tên mô hình: Bữa cơm: công đoàn"], ("model", "Bữa cơm: công đoàn")),  # the first colon
])
def test_a_form_s_line_more(row, expected):
    assert form_line(row) == expected


def test_three_lines_are_a_form_its_type_unread_its_field_read_and_the_table_padded():
    """Three lines (model, field, type) make a form; a type that reads as nothing is enough
    when the field reads; a column one form lacks is empty in its row; the rows are as wide
    as the sheet (empty cells); the signature right under the last form is kept."""
    wide = [["LIÊN ĐOÀN LAO ĐỘNG QUẬN ĐỐNG ĐA", *[""] * 10]]
    grid = [*wide, ["Tên mô hình:", "Tủ sách pháp luật"], ["Lĩnh vực:", "Kinh tế"],
            ["Hình thức:", "khác"],
            ["Tên mô hình:", "Bữa cơm công đoàn"], ["Lĩnh vực:", "VHXH"], ["Hình thức:", "TT"],
            ["Tên tập thể/cá nhân:", "Tổ 2"], ["Người lập biểu"]]
    out, placed = as_table(grid)
    assert placed == [(1, 3, 2), (4, 7, 5)]
    assert out[1] == ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
                      *[""] * 6]
    assert out[2] == [1, "Tủ sách pháp luật", "Kinh tế", "khác", "", *[""] * 6]
    assert out[5] == [2, "Bữa cơm công đoàn", "VHXH", "TT", "Tổ 2", *[""] * 6]
    assert out[8][0] == "Người lập biểu"
    assert [out[r] for r in (3, 4, 6, 7)] == [[""] * 11] * 4


def test_the_form_note_names_five_forms_then_how_many_more():
    placed = [(r, r + 3, r + 1) for r in range(5, 40, 5)]
    assert form_note("DS", placed) == (
        "Trang 'DS' ghi đăng ký theo kiểu phiếu (tên cột | nội dung), không theo bảng: mỗi "
        "phiếu đã đọc là một đăng ký: dòng 6–9 (ghi là dòng 7), dòng 11–14 (ghi là dòng 12), "
        "dòng 16–19 (ghi là dòng 17), dòng 21–24 (ghi là dòng 22), dòng 26–29 (ghi là dòng 27) "
        "và 2 phiếu khác; các thông báo lỗi ghi dòng trong ngoặc. Đề nghị lần sau ghi theo "
        "bảng của biểu DVK-01, mỗi đăng ký một dòng.")


def test_five_forms_are_all_named_and_a_form_with_only_its_type_read_is_one():
    placed = [(r, r + 3, r + 1) for r in range(5, 30, 5)]
    assert form_note("", placed).endswith("dòng 26–29 (ghi là dòng 27); các thông báo lỗi "
                                          "ghi dòng trong ngoặc. Đề nghị lần sau ghi theo bảng "
                                          "của biểu DVK-01, mỗi đăng ký một dòng.")
    grid = [["Tên mô hình:", "Tủ sách pháp luật"], ["Lĩnh vực:", "Thể loại khác"],
            ["Hình thức:", "Tập thể"]]
    assert as_table(grid)[1] == [(0, 2, 1)]


def test_a_page_introducing_a_model_of_the_table_is_not_counted_again(tmp_path, context):
    # fresh tester G's 107: a second sheet ``MH tiêu biểu`` describing the exemplary model
    # already in the table, as ``1. Tên mô hình:`` | … lines: it was read as a registration,
    # its other lines rejected, and the model counted twice once they were fixed
    from corpus_rows import regs, titled
    table = titled("Q-HM", regs(4))
    model = regs(4)[2]
    page = [["GIỚI THIỆU MÔ HÌNH TIÊU BIỂU ĐỀ NGHỊ KHEN THƯỞNG"], [],
            ["1. Tên mô hình:", model[1].upper()], ["2. Lĩnh vực:", model[2]],
            ["3. Hình thức:", model[3]], ["4. Tên tập thể:", "CĐCS Trường Tiểu học số 103"],
            ["5. Kết quả đạt được:", "Tổ chức 12 bữa cơm cho 1.200 đoàn viên."]]
    first = regs(4)[0]  # forms of one model of the table and a new one: not a description
    other = [["1. Tên mô hình:", first[1]], ["2. Lĩnh vực:", first[2]],
             ["3. Hình thức:", first[3]], ["4. Tên tập thể/cá nhân:", first[4]], [],
             ["1. Tên mô hình:", "Một mô hình chưa có trong bảng"], ["2. Lĩnh vực:", "Kinh tế"],
             ["3. Hình thức:", "Tập thể"], ["4. Tên tập thể/cá nhân:", "CĐCS Công ty X"]]
    path = tmp_path / "Q-HM_dk.xlsx"
    write_xlsx(path, [Sheet("DS", table.rows, table.merges), Sheet("MH tiêu biểu", page),
                      Sheet("MH mới", other)])
    result = ingest_file(input_file(path), context)
    # both forms of ``MH mới`` count (the first differs from the table's row by its level,
    # which the duplicate rule reads), nothing of ``MH tiêu biểu``
    assert (result.rows["valid"], result.rows["rejected"]) == (6, 0)
    assert [s["sheet"] for s in result.sheets] == ["DS", "MH mới"]
    assert result.notes[0] == ("Đã dùng trang 'DS', trang 'MH mới'; bỏ qua trang 'MH tiêu "
                               "biểu' (chỉ giới thiệu lại mô hình đã có ở trang 'DS')")


def test_a_file_of_forms_alone_still_counts(tmp_path, context):
    path = tmp_path / "Q-HM_dk.xlsx"
    write_xlsx(path, [Sheet("MH1", [["1. Tên mô hình:", "Mô hình A của đơn vị"],
                                    ["2. Lĩnh vực:", "Kinh tế"], ["3. Hình thức:", "Tập thể"],
                                    ["4. Tên tập thể/cá nhân:", "CĐCS Công ty X"]])])
    result = ingest_file(input_file(path), context)
    assert result.rows["valid"] == 1


# --- a form's own lines after its last column (fresh tester H's H47) ------------------------
def test_the_last_form_s_description_lines_are_part_of_it(tmp_path, context):
    """Each form ends with lines naming no column of the table (``5. Kết quả đạt được:`` |
    text, ``Hiệu quả:`` alone, ``Cách làm: …`` in one cell): the last form's were left as rows
    of the table and rejected with three "Thiếu …"; now every form's are part of it. A
    signature right under the last form stays the signature, a title line stays read."""
    extra = [["5.", "Kết quả đạt được:", "Thu hút nhiều đoàn viên tham gia."], ["Hiệu quả:"],
             ["Cách làm: họp tổ hằng tháng"]]
    rows = [*TITLE, *form("Bữa cơm công đoàn nghĩa tình", "Kinh tế", "Tập thể",
                          "Tổ công đoàn số 1"), *extra, [],
            *form("Góc đọc sách công nhân", "VH-XH", "Cá nhân", "Đỗ Văn Nam", "Chủ tịch CĐCS"),
            *extra, ["Người lập biểu:", "Nguyễn Thị Lan"]]
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [Sheet("Phiếu", rows)])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 0)
    assert any("dòng 6–15 (ghi là dòng 7), dòng 17–27 (ghi là dòng 18)" in n
               for n in result.notes)


@pytest.mark.parametrize("row, part", [
    (["5.", "Kết quả đạt được:", "Thu hút nhiều đoàn viên tham gia."], True),
    (["Hiệu quả:"], True),
    (["Cách làm: họp tổ hằng tháng"], True),
    (["Người lập biểu:", "Nguyễn Thị Lan"], False),      # the signature
    (["Năm: 2024"], False),                               # a title line
    (["Kết quả đạt được", "Thu hút nhiều đoàn viên"], False),  # no colon: no label
    (["Một câu rất dài gồm hơn tám chữ trước dấu hai chấm đây: x"], False),
    (["Hiệu quả:", "a", "b"], False),                     # three cells: a row of a table
])
def test_which_lines_are_a_form_s_own(row, part):
    from thidua.ingest.formsheet import label_line
    assert label_line(row) is part


@pytest.mark.parametrize("row, line", [
    (["5.", "Kết quả đạt được:", "Thu hút nhiều đoàn viên tham gia."], None),  # achievements
    (["Kết quả thực hiện:", "Tốt, được đoàn viên hưởng ứng"],  # the form's header spelled
     ("result", "Tốt, được đoàn viên hưởng ứng")),
    (["Kết quả:", "Thu hút nhiều đoàn viên"], ("result", "Thu hút nhiều đoàn viên")),  # the form's
    (["Kết quả đạt được:", "Tiêu biểu"], ("result", "Tiêu biểu")),  # reads as a result
])
def test_achievements_are_no_result(row, line):
    assert form_line(row) == line


@pytest.mark.parametrize("row, expected", [
    (["Tên mô hình", ":", "Bữa cơm công đoàn"], ("model", "Bữa cơm công đoàn")),
    (["1.", "Lĩnh vực", "：", "Kinh tế"], ("field", "Kinh tế")),
    (["Hình thức", "-", "Tập thể"], ("type", "Tập thể")),
    (["Ghi chú", ":"], ("note", "")),
    (["Tên mô hình", ":", "Tên mô hình"], None),  # a header row all the same
])
def test_a_colon_in_a_cell_of_its_own_between_label_and_value(row, expected):
    """Fresh tester J's J086: cards ``label | : | value`` (colons aligned in column B) were
    read as forms whose every value was ``:``; the sheet was rejected "no header"."""
    assert form_line(row) == expected


def test_cards_with_their_colons_in_a_column_of_their_own_are_read(tmp_path, context):
    def card(model, field, type_, registrant):
        return [[label, ":", value] for label, value in (
            ("Tên mô hình", model), ("Lĩnh vực", field), ("Hình thức", type_),
            ("Tên tập thể/cá nhân", registrant), ("Kết quả", "Hoàn thành"))]
    sheets = [Sheet("MH1", [*TITLE, *card("Bữa cơm công đoàn", "Kinh tế", "Tập thể", "CĐCS A")]),
              Sheet("MH2", [*TITLE, *card("Góc đọc sách", "VH-XH", "Tập thể", "Tổ công đoàn 3")])]
    path = tmp_path / "Q-DD_dk.xlsx"
    WRITERS["xlsx"](path, sheets)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist() == ["Bữa cơm công đoàn", "Góc đọc sách"]
    assert result.registrations["field"].tolist() == ["KT", "VHXH"]
