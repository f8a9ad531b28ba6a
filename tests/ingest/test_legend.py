"""A coded column written as numbers with a legend on the sheet (fresh tester F's 132:
``Lĩnh vực`` = ``1`` … ``4``, ``Lĩnh vực: 1 - Kinh tế; 2 - …`` under the table; every row was
rejected): the numbers are read by the legend, told; the legend line is no registration;
without a legend, or with one that contradicts itself, the numbers are rejected as before
(:mod:`thidua.ingest.legend`)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.legend import is_legend, legend_key, legend_pairs, sheet_legends

FIELDS = "Lĩnh vực: 1 - Kinh tế; 2 - Văn hóa - xã hội; 3 - An ninh - quốc phòng; 4 - Xây dựng HTCT"
TITLE = [["DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2024"], ["Mã đơn vị: Q-CG"], ["Năm: 2024"]]


def _rows(fields=(1, 1, 2, 2, 3, 3, 4, 4), **over):
    return [reg(i, field=f, **over) for i, f in enumerate(fields)]


def _ingest(tmp_path, context, rows, header=HEADER, title=TITLE):
    path = tmp_path / "Q-CG_2024.xlsx"
    write_xlsx(path, [Sheet("DS", [*title, list(header), *rows])])
    return ingest_file(input_file(path), context)


def _by_field(result):
    return result.registrations["field"].value_counts().sort_index().to_dict()


def test_numbers_read_by_a_legend_under_the_table(tmp_path, context):
    result = _ingest(tmp_path, context, [*_rows(), [], [FIELDS]])
    assert result.status == USED
    assert result.rows == {"read": 10, "valid": 8, "rejected": 0, "ignored": 2}
    assert _by_field(result) == {"ANQP": 2, "KT": 2, "VHXH": 2, "XDHTCT": 2}
    assert ("Trang 'DS': cột 'Lĩnh vực' ghi bằng số ở dòng 5, 6, 7, 8, 9, 10, 11, 12; đã đọc "
            "theo chú thích trong tệp (1 = Kinh tế; 2 = Văn hóa - xã hội; 3 = An ninh - quốc "
            "phòng; 4 = Xây dựng HTCT). Đề nghị lần sau ghi rõ lĩnh vực ở từng dòng."
            ) in result.readings


@pytest.mark.parametrize("where", ["header", "title", "two cells", "lines", "text numbers"])
def test_the_legend_where_units_write_it(tmp_path, context, where):
    header, title, rows = list(HEADER), list(TITLE), _rows()
    if where == "header":
        header[2] = "Lĩnh vực (1: KT, 2: VHXH, 3: ANQP, 4: XDHTCT)"
    elif where == "title":
        title.append(["Ghi chú: " + FIELDS])
    elif where == "two cells":
        rows += [[], ["Lĩnh vực:", "(1) Kinh tế, (2) VH-XH, (3) AN-QP, (4) XD HTCT"]]
    elif where == "lines":
        rows += [[], ["Ghi chú:"], ["1. Kinh tế"], ["2. Văn hóa - xã hội"],
                 ["3. An ninh - quốc phòng"], ["4. Xây dựng hệ thống chính trị"]]
    else:
        rows = _rows(fields=("1", "01", "(2)", "2.", 3, 3.0, "4", 4)) + [[FIELDS]]
    result = _ingest(tmp_path, context, rows, header, title)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 8, 0)
    assert _by_field(result) == {"ANQP": 2, "KT": 2, "VHXH": 2, "XDHTCT": 2}


def test_a_type_legend(tmp_path, context):
    rows = [reg(i, type_=("1" if i % 2 == 0 else "2")) for i in range(4)]
    result = _ingest(tmp_path, context, [*rows, ["Hình thức: 1 - Tập thể, 2 - Cá nhân"]])
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    assert result.registrations["type"].tolist() == ["collective", "individual"] * 2


def test_without_a_legend_numbers_are_rejected(tmp_path, context):
    result = _ingest(tmp_path, context, _rows(fields=(1, 2)))
    assert (result.rows["valid"], result.rows["rejected"]) == (0, 2)
    assert result.rejections["value"].tolist() == ["1", "2"]
    assert result.rejections["error"].iloc[0].endswith(
        "Ô ghi bằng số: đề nghị ghi rõ bằng chữ (ví dụ 'Kinh tế'), hoặc ghi chú thích số nào là "
        "giá trị nào dưới bảng (ví dụ 'Lĩnh vực: 1 - Kinh tế; 2 - …').")


@pytest.mark.parametrize("column, header, value, hint", [
    ("type", "Hình thức", "2", "ví dụ 'Tập thể'"), ("level", "Cấp", 3.0, "ví dụ 'Cơ sở'"),
    ("result", "Kết quả", "(1)", "ví dụ 'Hoàn thành'"), ("field", "LV", "Kinh tê", None),
    ("model", "Tên mô hình", "1", None), ("field", "Lĩnh vực", 1.5, None)])
def test_a_number_s_hint_only_for_a_coded_column_s_number(column, header, value, hint):
    from thidua.ingest.legend import number_hint
    got = number_hint(column, header, value)
    assert (hint in got and f"'{header}: 1 - " in got) if hint else got == ""


def test_a_number_the_legend_does_not_give_is_rejected(tmp_path, context):
    result = _ingest(tmp_path, context, [*_rows(fields=(1, 5)), ["Lĩnh vực: 1 - KT; 2 - VHXH"]])
    assert (result.rows["valid"], result.rows["rejected"]) == (1, 1)
    assert result.rejections["value"].tolist() == ["5"]


def test_a_legend_contradicting_itself_reads_nothing(tmp_path, context):
    rows = [*_rows(fields=(1, 2)), ["Lĩnh vực: 1 - Kinh tế; 2 - Văn hóa - xã hội"],
            ["Ghi chú: 1 - Văn hóa - xã hội; 2 - Kinh tế"]]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (0, 2)


@pytest.mark.parametrize("text, pairs", [
    ("1 - Kinh tế; 2 - Văn hóa - xã hội", [("1", "Kinh tế"), ("2", "Văn hóa - xã hội")]),
    ("(1) KT, (2) VHXH", [("1", "KT"), ("2", "VHXH")]),
    ("1: Tập thể 2: Cá nhân", [("1", "Tập thể"), ("2", "Cá nhân")]),
    ("1. Kinh tế\n2. Văn hóa", [("1", "Kinh tế"), ("2", "Văn hóa")]),
    ("1) Cơ sở; 2) Thành phố", [("1", "Cơ sở"), ("2", "Thành phố")]),
    ("3 = An ninh", [("3", "An ninh")]),
    ("01/2024 - 12/2024", []), ("Năm 2024 - 2025", []), ("1.5 triệu đồng", []),
    ("Tổ 12", []), ("1 -", [])])
def test_legend_pairs(text, pairs):
    assert legend_pairs(text) == pairs


@pytest.mark.parametrize("value, key", [
    (1, "1"), (1.0, "1"), (4.0, "4"), ("1", "1"), ("01", "1"), ("(2)", "2"), ("3.", "3"),
    (" 4 ", "4"), ("LV1", "lv1"), ("lv 01", "lv1"), ("LV.2", "lv2"), ("LV-3", "lv3"),
    ("(LV4)", "lv4"), ("abc12", "abc12"),
    (1.5, None), (True, None), ("", None), (None, None), ("KT", None), ("1a", None),
    (100, None), (-1, None), ("123", None), ("LV", None), ("abcd1", None), ("LV123", None)])
def test_legend_key(value, key):
    assert legend_key(value) == key


@pytest.mark.parametrize("text, legend", [
    (FIELDS, True), ("Hình thức: 1 - Tập thể; 2 - Cá nhân", True),
    ("Kết quả: 1 - Hoàn thành; 2 - Tiêu biểu", True),
    ("Cấp: 1 - Thành phố; 2 - Cấp trên cơ sở; 3 - Cơ sở", True),
    ("1 - Kinh tế", False),  # one value: a numbered heading, no legend
    ("1 - Kinh tế; 2 - abc; 3 - xyz", False),  # more that do not read than do
    ("1 - Kinh tế; 2 - VHXH; 3 - khác", True),
    ("Ghi chú: các mô hình đăng ký lần 2", False)])
def test_is_legend(text, legend):
    assert is_legend(text) is legend


def test_sheet_legends_per_column_and_first_spelling():
    grid = [["Lĩnh vực: 1 - KT; 2 - VHXH", "Hình thức: 1 - Tập thể; 2 - Cá nhân"],
            ["1 - Kinh tế"], [1, "Bữa cơm 3 - Tổ"]]
    assert sheet_legends(grid, ("field", "type")) == {
        "field": {"1": "KT", "2": "VHXH"}, "type": {"1": "Tập thể", "2": "Cá nhân"}}
    assert sheet_legends([["1 - KT; 1 - VHXH"]], ("field",)) == {}  # one number, two values
    assert sheet_legends([["1 - KT; 2 - KT"]], ("field",)) == {}  # one value, two numbers
    assert sheet_legends([["1 - KT"]], ("field",)) == {}  # one value


def test_sheet_legends_of_four_values_and_a_label_in_the_cell_before():
    # in this process (the file tests read the sheet in the parsing worker)
    grid = [["Ghi chú:", "1 - Kinh tế; 2 - VHXH; 3 - AN-QP; 4 - XD HTCT"], [1, "x"]]
    assert sheet_legends(grid, ("field",)) == {
        "field": {"1": "Kinh tế", "2": "VHXH", "3": "AN-QP", "4": "XD HTCT"}}
    assert legend_key(0) == "0" and legend_key(0.0) == "0" and legend_key("0") == "0"


def test_legend_note_word_for_word():
    from thidua.ingest.legend import legend_note
    legend = {"2": "Cá nhân", "1": "Tập thể"}
    assert legend_note("", "Hình thức", legend, list(range(5, 17))) == (
        "Cột 'Hình thức' ghi bằng số ở dòng 5, 6, 7, 8, 9, 10, 11, 12, 13, 14 và 2 dòng khác; đã "
        "đọc theo chú thích trong tệp (1 = Tập thể; 2 = Cá nhân). Đề nghị lần sau ghi rõ hình "
        "thức ở từng dòng.")
    assert legend_note("DS", "LV", {"1": "KT"}, [5]).startswith("Trang 'DS': cột 'LV' ghi bằng "
                                                               "số ở dòng 5; ")


def test_a_list_going_on_without_the_header_reads_the_first_sheet_s_legend(tmp_path, context):
    # fresh tester H's H41: ``Trang 2`` (no header) goes on with numbers whose legend is
    # under ``Trang 1``'s table: its rows were lost without a word
    path = tmp_path / "Q-CG_2024.xlsx"
    first = [*TITLE, list(HEADER), *_rows(fields=(1, 2, 3, 4)), [FIELDS]]
    going_on = [reg(i, stt=i + 1, field=f) for i, f in zip(range(4, 7), (1, 2, 4))]
    write_xlsx(path, [Sheet("Trang 1", first), Sheet("Trang 2", going_on)])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (7, 0)
    assert _by_field(result) == {"ANQP": 1, "KT": 2, "VHXH": 2, "XDHTCT": 2}
    assert any(n.startswith("Trang 'Trang 2': cột 'Lĩnh vực' ghi bằng số ở dòng 1, 2, 3;")
               for n in result.readings)


def test_a_legend_under_its_label_in_two_cells_right_under_the_table(tmp_path, context):
    # fresh tester H's H22: ``Ghi chú - Lĩnh vực:`` | ``1 - Kinh tế`` right under the last
    # row, the next numbers below: its first line (its cell reads as a field) was rejected
    label = [None, "Ghi chú - Lĩnh vực:", "1 - Kinh tế"]
    lines = [[None, None, f"{n} - {name}"] for n, name in
             ((2, "Văn hóa - xã hội"), (3, "An ninh - quốc phòng"), (4, "Xây dựng HTCT"))]
    result = _ingest(tmp_path, context, [*_rows(), label, *lines])
    assert (result.rows["valid"], result.rows["rejected"]) == (8, 0)
    assert _by_field(result) == {"ANQP": 2, "KT": 2, "VHXH": 2, "XDHTCT": 2}


@pytest.mark.parametrize("text, legend", [
    ("1 - KT; 2 - VHXH; 3 - a; 4 - b", True),         # half of the pairs read: enough
    ("1 - KT; 2 - VHXH; 3 - a; 4 - b; 5 - c", False),  # under half
])
def test_a_legend_is_half_values_at_least(text, legend):
    assert is_legend(text) is legend


def test_legend_note_names_ten_rows_then_how_many_more():
    from thidua.ingest.legend import legend_note
    ten = legend_note("", "LV", {"1": "KT"}, list(range(1, 11)))
    assert "dòng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10; " in ten and "dòng khác" not in ten
    assert "dòng 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 và 1 dòng khác; " in legend_note(
        "", "LV", {"1": "KT"}, list(range(1, 12)))


# --- fresh tester O's O156: a template's own codes (``LV1`` … ``LV4``) with their legend ------


@pytest.mark.parametrize("header, cells", [
    ("Lĩnh vực (LV1: Kinh tế; LV2: VH-XH; LV3: AN-QP; LV4: XD HTCT)", ("LV1", "LV2", "LV3", "LV4")),
    ("Lĩnh vực (LV1: Kinh tế; LV2: VH-XH; LV3: AN-QP; LV4: XD HTCT)", ("lv1", "LV 2", "LV.3", "(LV4)")),
    ("Lĩnh vực (LV.01 - Kinh tế, LV.02 - Văn hóa - xã hội, LV.03 - ANQP, LV.04 - XDHTCT)",
     ("LV.01", "LV.02", "LV.03", "LV.04")),
    ("Lĩnh vực (F1 = KT; F2 = VHXH; F3 = ANQP; F4 = XDHTCT)", ("F1", "F2", "F3", "F4")),
])
def test_codes_of_letters_and_a_number_read_by_the_legend(tmp_path, context, header, cells):
    head = list(HEADER)
    head[2] = header
    rows = _rows(fields=tuple(c for c in cells for _ in range(2)))
    result = _ingest(tmp_path, context, rows, head)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 8, 0)
    assert _by_field(result) == {"ANQP": 2, "KT": 2, "VHXH": 2, "XDHTCT": 2}
    told = next(r for r in result.readings if "ghi bằng mã" in r)
    key = cells[0].strip("()").split(".")[0].split(" ")[0].upper().rstrip("0123456789")
    assert told.startswith("Trang 'DS': cột 'Lĩnh vực' ghi bằng mã ở dòng 5, 6, 7, 8, 9, 10, 11, "
                           f"12; đã đọc theo chú thích trong tệp ({key}1 = ")


def test_codes_without_their_legend_are_rejected_without_the_numbers_hint(tmp_path, context):
    result = _ingest(tmp_path, context, _rows(fields=("LV1", "LV2")))
    assert (result.rows["valid"], result.rows["rejected"]) == (0, 2)
    errors = result.rejections["error"].tolist()
    assert errors[0].startswith("'LV1' không hợp lệ ở cột 'Lĩnh vực': cần một trong: Kinh tế (KT)")
    assert not any("Ô ghi bằng số" in e for e in errors)


def test_codes_whose_letters_differ_from_the_legend_s_are_not_read():
    grid = [["Lĩnh vực (LV1: Kinh tế; LV2: VH-XH)"]]
    assert sheet_legends(grid, ("field",)) == {"field": {"lv1": "Kinh tế", "lv2": "VH-XH"}}
    assert legend_key("LV1") in sheet_legends(grid, ("field",))["field"]
    assert legend_key("L1") not in sheet_legends(grid, ("field",))["field"]
    assert legend_key("1") not in sheet_legends(grid, ("field",))["field"]


def test_legend_pairs_of_codes():
    assert legend_pairs("LV1: Kinh tế; LV2: VH-XH; (LV3) AN-QP, LV 4 - XD HTCT") == [
        ("lv1", "Kinh tế"), ("lv2", "VH-XH"), ("lv3", "AN-QP"), ("lv4", "XD HTCT")]
    assert legend_pairs("VH-XH; QP-AN") == []  # letters without a number are no key


def test_the_note_lists_keys_in_their_order_and_says_numbers_or_codes():
    from thidua.ingest.legend import legend_note
    assert "(2 = VHXH; 10 = KT)" in legend_note("", "LV", {"10": "KT", "2": "VHXH"}, [1])
    assert "ghi bằng số" in legend_note("", "LV", {"10": "KT", "2": "VHXH"}, [1])
    assert "(LV2 = VHXH; LV10 = KT)" in legend_note("", "LV", {"lv10": "KT", "lv2": "VHXH"}, [1])
    assert "ghi bằng mã" in legend_note("", "LV", {"lv10": "KT", "lv2": "VHXH"}, [1])
    assert "ghi bằng mã" in legend_note("", "LV", {"1": "KT", "lv2": "VHXH"}, [1])  # mixed
