"""The source lists of a sheet's drop-downs typed under the table (fields in ``C36:C39``,
types in ``D36:D37``, levels, results): ignored as ``dropdown_list``, told, never rejected
"Thiếu 'Tên mô hình' … | Thiếu 'Tên tập thể/cá nhân'" nor "Thiếu 'Chức vụ'" (fresh tester
N's N228, N229; :mod:`thidua.ingest.dropdownlists`)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_rows import reg
from helpers import input_file, write_xlsx
from thidua.ingest.dropdownlists import dropdown_list_blocks
from thidua.ingest.files import ingest_file

ROWS = [reg(i) for i in range(8)]  # Excel rows 5 to 12 (title, blank, header above)
FIELDS = ["Kinh tế", "Văn hóa - xã hội", "An ninh - quốc phòng", "Xây dựng hệ thống chính trị"]
TYPES = ["Tập thể", "Cá nhân"]
LEVELS = ["Thành phố", "Cấp trên trực tiếp cơ sở", "Cơ sở"]
RESULTS = ["Chưa đánh giá", "Hoàn thành", "Tiêu biểu", "Không hoàn thành"]


def line(**cells) -> list:
    """A line of 11 cells (the form's columns A to K), ``C=``, ``D=``, ``G=``, ``J=`` … given."""
    out = [None] * 11
    for letter, value in cells.items():
        out[ord(letter) - ord("A")] = value
    return out


def lists(*columns: tuple[str, list[str]]) -> list[list]:
    """Lines holding each column's list going down from the first line."""
    depth = max(len(values) for _, values in columns)
    return [line(**{c: values[i] for c, values in columns if i < len(values)})
            for i in range(depth)]


def _read(tmp_path, context, under: list[list], gap: int = 3):
    path = write_xlsx(tmp_path / "Q-BD_2024.xlsx", [*ROWS, *[[None] * 11] * gap, *under],
                      title=["Mã đơn vị: Q-BD", "Năm: 2024"])
    return ingest_file(input_file(path), context)


def test_n228_fields_and_types_typed_under_the_table_are_ignored_and_told(tmp_path, context):
    result = _read(tmp_path, context, lists(("C", FIELDS), ("D", TYPES)))
    assert result.rows == {"read": 15, "valid": 8, "rejected": 0, "ignored": 7}
    assert (result.ignored["dropdown_list"], result.ignored["blank"]) == (4, 3)
    assert result.rejections.empty
    assert len(result.registrations) == 8
    assert (
        "Dòng 16, 17, 18, 19 chỉ ghi các giá trị để chọn (cột 'Lĩnh vực': Kinh tế, Văn hóa - xã "
        "hội, An ninh - quốc phòng, Xây dựng hệ thống chính trị; cột 'Hình thức': Tập thể, Cá "
        "nhân), không có tên mô hình hay tên tập thể/cá nhân: đã hiểu là danh sách nguồn của ô "
        "chọn (drop-down) gõ dưới bảng, bỏ qua (không tính là đăng ký). Nếu đó là đăng ký, đề "
        "nghị ghi tên mô hình và tên tập thể/cá nhân; danh sách nguồn nên để ở một trang tính "
        "khác.") in result.notes


@pytest.mark.parametrize("under, gap", [
    (lists(("C", FIELDS), ("D", TYPES), ("G", LEVELS), ("J", RESULTS)), 3),  # N229
    (lists(("C", FIELDS), ("D", TYPES), ("G", LEVELS), ("J", RESULTS)), 0),  # right under it
    (lists(("C", ["KT", "VHXH", "ANQP", "XDHTCT"]), ("D", ["TT", "CN"])), 1),  # as codes
    (lists(("D", TYPES), ("J", RESULTS)), 2),
    (lists(("G", LEVELS), ("D", TYPES)), 2),  # no field: no sub-heading
    ([line(D="Tập thể"), line(C="Kinh tế", D="Cá nhân"), line(C="Văn hóa - xã hội")], 2),
])
def test_n229_lists_in_the_coded_columns_under_the_table_are_ignored(tmp_path, context, under,
                                                                      gap):
    result = _read(tmp_path, context, under, gap)
    assert (result.rows["valid"], result.rows["rejected"]) == (8, 0)
    assert result.ignored["dropdown_list"] == len(under)
    assert result.rows["ignored"] == len(under) + gap
    assert sum("danh sách nguồn của ô chọn" in n for n in result.notes) == 1


@pytest.mark.parametrize("under, rejected", [
    ([line(C="Kinh tế", D="Tập thể")], 1),  # one line: a half-typed registration
    ([line(C="Kinh tế", D="Tập thể"), line(C="Kinh tế", D="Cá nhân")], 2),  # a value twice
    # a gap in C (the field alone is a sub-heading, as before)
    ([line(C="Kinh tế", D="Tập thể"), line(D="Cá nhân"), line(C="Văn hóa - xã hội")], 2),
    ([line(C="Kinh tế", D="Tập thể"), line(C="Văn hóa - xã hội", D="Cá nhân", F="Tổ trưởng")],
     2),  # a position: no list's value
    ([line(A=1, C="Kinh tế", D="Tập thể"), line(A=2, C="Văn hóa - xã hội", D="Cá nhân")], 2),
    ([line(C="Kinh tế", D="Tập thể"), line(C="Văn hóa", D="Cá nhân")], 2),  # not exactly spelt
])
def test_lines_that_are_no_list_are_read_as_before(tmp_path, context, under, rejected):
    result = _read(tmp_path, context, under)
    assert result.ignored["dropdown_list"] == 0
    assert result.rows["rejected"] == rejected
    assert not any("danh sách nguồn của ô chọn" in n for n in result.notes)


def test_a_list_above_a_registration_is_no_list_under_the_table(tmp_path, context):
    result = _read(tmp_path, context, [*lists(("C", FIELDS[:2]), ("D", TYPES)), reg(8)], gap=0)
    assert result.ignored["dropdown_list"] == 0
    assert (result.rows["valid"], result.rows["rejected"]) == (9, 2)


def _frames(cells: list[dict], labels: list[str]):
    index = pd.Index(range(20, 20 + len(cells)))
    columns = ["stt", "model", "field", "type", "registrant", "level", "result"]
    text = pd.DataFrame([{c: d.get(c, "") for c in columns} for d in cells], index=index)
    return text, pd.Series(labels, index=index)


def test_blocks_under_the_last_registration_holding_a_data_line_only():
    reg_ = {"model": "Bữa cơm Công đoàn", "field": "Kinh tế", "type": "Tập thể",
            "registrant": "CĐCS Công ty A"}
    text, labels = _frames(
        [reg_, {"field": "Kinh tế", "type": "Tập thể"}, {"field": "Văn hóa - xã hội",
                                                         "type": "Cá nhân"},
         {}, {"field": "An ninh - quốc phòng"}, {"field": "Xây dựng hệ thống chính trị"},
         {}, {"level": "Thành phố"}, {"level": "Cơ sở", "result": "Hoàn thành"}],
        ["data", "data", "data", "blank", "subheading", "subheading", "blank", "blank", "data"])
    # the fields alone were sub-headings already: no line read as a registration, left so
    assert dropdown_list_blocks(text, labels) == [[21, 22], [27, 28]]
    assert dropdown_list_blocks(text.drop(columns=["model", "registrant"]), labels) == []
    assert dropdown_list_blocks(text.iloc[1:], labels.iloc[1:]) == []  # no registration


def test_the_lines_marked_and_told_in_this_process():
    """The rule on frames built here (the file tests above read in the parsing worker, which
    a mutation run cannot see): N229's four lines under a registration, a blank line apart."""
    from thidua.ingest.dropdownlists import DROPDOWN_LIST, dropdown_list_note, mark_dropdown_lists

    reg_ = {"model": "Bữa cơm Công đoàn", "field": "Kinh tế", "type": "Tập thể",
            "registrant": "CĐCS Công ty A"}
    cells = [reg_, {}, *({"field": f, "type": t, "level": v, "result": r}
                         for f, t, v, r in zip(FIELDS, [*TYPES, "", ""], [*LEVELS, ""], RESULTS))]
    text, labels = _frames([{c: v for c, v in d.items() if v} for d in cells],
                           ["data", "blank", "data", "data", "data", "subheading"])
    marked = mark_dropdown_lists(labels, text)
    assert marked.tolist() == ["data", "blank"] + [DROPDOWN_LIST] * 4
    assert labels.tolist()[2] == "data"  # not modified
    raw = text.replace("", None)
    assert dropdown_list_note(marked, raw) == (
        "Dòng 22, 23, 24, 25 chỉ ghi các giá trị để chọn (cột 'Lĩnh vực': Kinh tế, Văn hóa - xã "
        "hội, An ninh - quốc phòng, Xây dựng hệ thống chính trị; cột 'Hình thức': Tập thể, Cá "
        "nhân; cột 'Cấp công đoàn': Thành phố, Cấp trên trực tiếp cơ sở, Cơ sở; cột 'Kết quả': "
        "Chưa đánh giá, Hoàn thành, Tiêu biểu, Không hoàn thành), không có tên mô hình hay tên "
        "tập thể/cá nhân: đã hiểu là danh sách nguồn của ô chọn (drop-down) gõ dưới bảng, bỏ qua "
        "(không tính là đăng ký). Nếu đó là đăng ký, đề nghị ghi tên mô hình và tên tập thể/cá "
        "nhân; danh sách nguồn nên để ở một trang tính khác.")
    assert dropdown_list_note(labels, raw) is None
    twice = text.copy()
    twice.at[23, "type"] = "Tập thể"  # a value twice in a column: no list
    assert mark_dropdown_lists(labels, twice) is labels
    gap = text.copy()
    gap.loc[23, ["field", "level", "result"]] = ""  # a gap in C, G and J: no list
    assert mark_dropdown_lists(labels, gap) is labels
    misspelt = text.copy()
    misspelt.at[23, "field"] = "Văn hóa"  # no value as the form spells it: the line breaks
    assert mark_dropdown_lists(labels, misspelt).tolist()[2:] == [  # the block; below, a list
        "data", "data", DROPDOWN_LIST, DROPDOWN_LIST]
