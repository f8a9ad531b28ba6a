"""A table written on its side (the form's headers down one column, one registration per
column) is read column by column, told (fresh tester G's 310: read as one form, column B only,
three registrations lost silently; ``thidua.ingest.transposed``)."""

from __future__ import annotations

import pytest

from corpus_writers import Rich, Sheet, write_ods, write_xls, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.transposed import as_table, sideways

TITLE = [["LIÊN ĐOÀN LAO ĐỘNG QUẬN NAM TỪ LIÊM"], ['ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2024'],
         ["Mã đơn vị: Q-NTL"], ["Năm: 2024"], []]
WRITERS = {"xlsx": write_xlsx, "xls": write_xls, "ods": write_ods}
LABELS = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
          "Cấp công đoàn", "Thời gian thực hiện", "Kết quả", "Ghi chú"]
FIELDS = ["Kinh tế", "Văn hóa - xã hội", "ANQP", "XDHTCT"]


def registration(i: int) -> dict[str, object]:
    individual = i % 2 == 0
    return {"STT": i, "Tên mô hình": f"Mô hình dân vận khéo số {i}",
            "Lĩnh vực": FIELDS[(i - 1) % 4], "Hình thức": "Cá nhân" if individual else "Tập thể",
            "Tên tập thể/cá nhân": f"Nguyễn Văn Mạnh {i}" if individual else f"Công đoàn Trường {i}",
            "Chức vụ": "Chủ tịch CĐCS" if individual else None,
            "Cấp công đoàn": "Cấp trên trực tiếp cơ sở",
            "Thời gian thực hiện": "01/2024 - 12/2024", "Kết quả": "Hoàn thành", "Ghi chú": None}


def sideways_rows(n: int, *, labels=LABELS, gap: int | None = None, lead: int = 0,
                  label_span: int = 1) -> list[list]:
    """The rows of ``n`` registrations on their side: the labels in column ``lead`` (merged
    over ``label_span`` columns), a blank column before the registration numbered ``gap``."""
    regs = [registration(i) for i in range(1, n + 1)]
    rows = []
    for label in labels:
        row = [None] * lead + [label] + [None] * (label_span - 1)
        for i, reg in enumerate(regs, start=1):
            if i == gap:
                row.append(None)
            row.append(reg[label])
        rows.append(row)
    return rows


def read(tmp_path, context, rows, suffix="xlsx", merges=()):
    path = tmp_path / f"Q-NTL_2024.{suffix}"
    WRITERS[suffix](path, [Sheet("DS", rows, merges=list(merges))])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_four_registrations_on_their_side_read_one_per_column(tmp_path, context, suffix):
    result = read(tmp_path, context, [*TITLE, *sideways_rows(4)], suffix)
    assert result.status == "used" and result.unit == "Q-NTL"
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    valid = result.registrations
    assert valid["model"].tolist() == [f"Mô hình dân vận khéo số {i}" for i in range(1, 5)]
    assert valid["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]
    assert valid["type"].tolist() == ["collective", "individual"] * 2
    assert valid["registrant"].tolist() == ["Công đoàn Trường 1", "Nguyễn Văn Mạnh 2",
                                            "Công đoàn Trường 3", "Nguyễn Văn Mạnh 4"]
    assert valid["position"].tolist()[1] == "Chủ tịch CĐCS"
    assert valid.index.tolist() == [7, 8, 9, 10]  # the rows under the header (Excel 7–10)
    assert (
        "Trang 'DS' ghi bảng bị xoay ngang (tên cột ghi dọc ở cột A, mỗi đăng ký một cột), "
        "không theo bảng: mỗi cột đã đọc là một đăng ký: cột B (ghi là dòng 7), cột C (ghi là "
        "dòng 8), cột D (ghi là dòng 9), cột E (ghi là dòng 10); các thông báo lỗi ghi dòng "
        "trong ngoặc. Đề nghị lần sau ghi theo bảng của biểu DVK-01, mỗi đăng ký một dòng."
    ) in result.notes


def test_two_columns_and_ten_columns(tmp_path, context):
    two = read(tmp_path, context, [*TITLE, *sideways_rows(2)])
    assert two.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    ten = read(tmp_path, context, [*TITLE, *sideways_rows(10)])
    assert ten.rows == {"read": 10, "valid": 10, "rejected": 0, "ignored": 0}
    assert ten.registrations["model"].tolist()[-1] == "Mô hình dân vận khéo số 10"
    assert any("cột F (ghi là dòng 11) và 5 cột khác" in n for n in ten.notes)


def test_ten_columns_under_five_labels_take_the_empty_rows_below(tmp_path, context):
    labels = ["Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ"]
    result = read(tmp_path, context, [*TITLE, *sideways_rows(10, labels=labels)])
    assert result.rows == {"read": 10, "valid": 10, "rejected": 0, "ignored": 0}
    assert result.registrations.index.tolist() == list(range(7, 17))


def test_ten_columns_under_five_labels_above_a_signature_reject_the_file_naming_it(
        tmp_path, context):
    labels = ["Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ"]
    rows = [*TITLE, *sideways_rows(10, labels=labels), [], ["Người lập biểu", None, "Chủ tịch"]]
    result = read(tmp_path, context, rows)
    assert result.status == "rejected" and result.rows["valid"] == 0
    assert result.problem == (
        "Trang 'DS' ghi bảng bị xoay ngang (tên cột ghi dọc ở cột A, mỗi đăng ký một cột): có 10 "
        "cột đăng ký từ dòng 6 đến dòng 10, không đọc chắc chắn được thành bảng. Đề nghị ghi "
        "lại theo bảng của biểu DVK-01 (mỗi đăng ký một dòng; trong Excel: chép vùng bảng, Dán "
        "đặc biệt > Hoán đổi) rồi gửi lại.")


def test_a_blank_column_between_merged_labels_and_labels_not_in_column_a(tmp_path, context):
    gap = read(tmp_path, context, [*TITLE, *sideways_rows(3, gap=3)])
    assert gap.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert any("cột B (ghi là dòng 7), cột C (ghi là dòng 8), cột E (ghi là dòng 9)" in n
               for n in gap.notes)
    merges = [f"B{r}:C{r}" for r in range(6, 6 + len(LABELS))]
    merged = read(tmp_path, context, [*TITLE, *sideways_rows(3, lead=1, label_span=2)],
                  merges=merges)
    assert merged.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert merged.registrations["registrant"].tolist() == [
        "Công đoàn Trường 1", "Nguyễn Văn Mạnh 2", "Công đoàn Trường 3"]
    assert any("tên cột ghi dọc ở cột B" in n and "cột D (ghi là dòng 7)" in n
               for n in merged.notes)


def test_a_header_row_naming_the_columns_above_the_labels(tmp_path, context):
    rows = [*TITLE[:4], ["Nội dung", "Mô hình 1", "Mô hình 2", "Mô hình 3"], *sideways_rows(3)]
    result = read(tmp_path, context, rows)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP"]


def test_a_half_filled_column_is_rejected_as_a_table_s_row_never_dropped(tmp_path, context):
    # the second (an individual's, its position kept): under an individual, a registration
    # without type, name and position would be that person's other model (personmodels)
    rows = [*TITLE, *sideways_rows(3)]
    rows[5 + LABELS.index("Hình thức")][2] = None
    rows[5 + LABELS.index("Tên tập thể/cá nhân")][2] = None
    result = read(tmp_path, context, rows)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 1, "ignored": 0}
    assert result.rejections[["row", "column"]].values.tolist() == [
        [8, "Hình thức"], [8, "Tên tập thể/cá nhân"]]


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_hidden_column_is_a_hidden_registration(tmp_path, context, suffix):
    """Column C hidden: its registration's row (8) is ignored as a hidden row is, told;
    the table written has no hidden column (before: "Cột C 'Lĩnh vực' đang bị ẩn")."""
    path = tmp_path / f"Q-NTL_2024.{suffix}"
    WRITERS[suffix](path, [Sheet("DS", [*TITLE, *sideways_rows(4)], hidden_columns=[2])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.ignored["hidden"] == 1
    assert result.registrations["registrant"].tolist() == [
        "Công đoàn Trường 1", "Công đoàn Trường 3", "Nguyễn Văn Mạnh 4"]
    assert any(n.startswith("1 dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng 8.")
               for n in result.notes)
    assert not any("đang bị ẩn" in n for n in result.notes)


@pytest.mark.parametrize("suffix", sorted(WRITERS))
def test_a_struck_column_is_a_struck_registration_and_a_struck_word_is_dropped(
        tmp_path, context, suffix):
    """The cell facts follow the values: column D struck whole is a registration withdrawn
    (ignored as a struck row is), ``Tập thể / ~~Cá nhân~~`` in column B reads ``Tập thể``."""
    rows = [*TITLE, *sideways_rows(4)]
    type_row = 5 + LABELS.index("Hình thức")
    rows[type_row][1] = Rich(("Tập thể / ", False), ("Cá nhân", True))
    struck = [f"D{6 + i}" for i in range(len(LABELS))]
    path = tmp_path / f"Q-NTL_2024.{suffix}"
    WRITERS[suffix](path, [Sheet("DS", rows, struck=struck)])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.ignored["struck"] == 1
    assert result.registrations["registrant"].tolist() == [
        "Công đoàn Trường 1", "Nguyễn Văn Mạnh 2", "Nguyễn Văn Mạnh 4"]
    assert result.registrations["type"].tolist()[0] == "collective"


def test_one_form_with_a_column_of_remarks_stays_one_registration(tmp_path, context):
    form = [["Tên mô hình:", "Bữa cơm công đoàn nghĩa tình", "(ghi đầy đủ tên mô hình)"],
            ["Lĩnh vực:", "Kinh tế", "(KT, VHXH, ANQP, XDHTCT)"],
            ["Hình thức:", "Tập thể", "(Tập thể hoặc Cá nhân)"],
            ["Tên tập thể/cá nhân:", "Công đoàn cơ sở Trường Tiểu học số 1", "(ghi tên đầy đủ)"],
            ["Cấp công đoàn:", "Cấp trên trực tiếp cơ sở", None],
            ["Kết quả:", "Hoàn thành", "Đã báo cáo"]]
    result = read(tmp_path, context, [*TITLE, *form])
    assert result.rows == {"read": 1, "valid": 1, "rejected": 0, "ignored": 0}
    assert result.registrations["model"].tolist() == ["Bữa cơm công đoàn nghĩa tình"]
    assert any("theo kiểu phiếu" in n for n in result.notes)
    assert not any("xoay ngang" in n for n in result.notes)
    assert sideways([*TITLE, *form]) == []


def test_a_form_beside_a_table_on_its_side_leaves_the_sheet_to_the_forms_reader():
    # a one-form block under a block on its side: never emptied with the rest
    one = [["Tên mô hình:", "Góc đọc sách công nhân"], ["Lĩnh vực:", "VHXH"],
           ["Hình thức:", "Tập thể"], ["Tên tập thể/cá nhân:", "Tổ công đoàn số 9"]]
    assert sideways([*TITLE, *sideways_rows(3), [], ["Phiếu bổ sung"], *one]) == []


def test_look_alikes_that_are_not_on_their_side():
    # two forms side by side (labels in A and D): not a table on its side
    left, right = sideways_rows(1), sideways_rows(1)
    beside = [[*a, None, *b] for a, b in zip(left, right)]
    assert sideways(beside) == []
    # a column guide: one column of hints, no form reads
    guide = [["Tên mô hình", "Ghi tên mô hình", "Ví dụ: Bữa cơm"],
             ["Lĩnh vực", "KT, VHXH, ANQP, XDHTCT", "Kinh tế"],
             ["Hình thức", "Tập thể hoặc Cá nhân", "Tập thể"],
             ["Tên tập thể/cá nhân", "Ghi tên", "Tổ 1"]]
    assert as_table(guide) is None
    # a real table's header row and rows: never taken for labels
    table = [LABELS, *[[registration(i)[k] for k in LABELS] for i in (1, 2)]]
    assert as_table(table) is None


def test_the_rewritten_grid():
    grid = [*TITLE, *sideways_rows(2), [], ["Người lập biểu"]]
    turned = as_table(grid, "DS")
    assert (turned.first, turned.last, turned.placed) == (5, 14, ((1, 6), (2, 7)))
    assert turned.error is None
    assert turned.grid[5][:5] == ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức",
                                  "Tên tập thể/cá nhân"]
    assert turned.grid[6][:5] == [1, "Mô hình dân vận khéo số 1", "Kinh tế", "Tập thể",
                                  "Công đoàn Trường 1"]
    assert turned.grid[7][:3] == [2, "Mô hình dân vận khéo số 2", "Văn hóa - xã hội"]
    assert all(not any(row) for row in turned.grid[8:16])
    assert turned.grid[16][0] == "Người lập biểu"
    assert turned.grid[:5] == [row + [""] * (10 - len(row)) for row in TITLE]
