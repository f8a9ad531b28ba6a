"""A summary table under the list, under its heading (``TỔNG HỢP THEO LĨNH VỰC``), with its own
header (``STT | Lĩnh vực | Tập thể | Cá nhân | Cộng``) in the form's first columns: its header
and lines are totals, ignored and counted so, never rows rejected "'Tập thể' không hợp lệ ở
cột 'Lĩnh vực'" (fresh tester L's L087; :mod:`thidua.ingest.summarytable`;
``docs/contracts.md``, "Totals lines")."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.summarytable import summary_table_rows

WIDTH = len(HEADER)


def _read(tmp_path, context, heading: str, lines: list[list]):
    rows = [reg(i) for i in range(8)]
    pad = [line + [None] * (WIDTH - len(line)) for line in lines]
    path = tmp_path / "Q-TH_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-TH"], ["Năm: 2024"], HEADER, *rows, [None] * WIDTH,
                                   [heading] + [None] * (WIDTH - 1), *pad])])
    return ingest_file(input_file(path), context)


BY_FIELD = [["STT", "Lĩnh vực", "Tập thể", "Cá nhân", "Cộng"], [1, "Kinh tế", 1, 1, 2],
            [2, "Văn hóa - xã hội", 1, 1, 2], [3, "An ninh - quốc phòng", 1, 1, 2],
            [4, "Xây dựng hệ thống chính trị", 1, 1, 2], [None, "Cộng", 4, 4, 8]]
BY_TYPE = [["TT", "Hình thức", "Số lượng"], ["1.", "Tập thể", 4], ["2.", "Cá nhân", 4],
           ["Tổng", None, 8]]
ACROSS = [["Hình thức", "KT", "VHXH", "ANQP", "XDHTCT", "Tổng số"],
          ["Tập thể", 1, 1, 1, 1, 4], ["Cá nhân", 1, 1, 1, 1, 4]]


@pytest.mark.parametrize("heading, lines", [
    ("TỔNG HỢP THEO LĨNH VỰC", BY_FIELD), ("Bảng tổng hợp", BY_TYPE),
    ("II. THỐNG KÊ SỐ MÔ HÌNH", ACROSS)])
def test_a_summary_table_under_its_heading_is_ignored_and_counted(tmp_path, context, heading,
                                                                   lines):
    result = _read(tmp_path, context, heading, lines)
    assert result.rows == {"read": 10 + len(lines), "valid": 8, "rejected": 0,
                           "ignored": 2 + len(lines)}
    assert result.ignored["totals"] == 1 + len(lines)  # the heading and every line
    assert result.rejections.empty


def test_a_registration_under_the_summary_heading_ends_it(tmp_path, context):
    row = reg(9, stt=9, model="Mô hình chăm lo bữa cơm ca cho công nhân")
    result = _read(tmp_path, context, "TỔNG HỢP THEO LĨNH VỰC", [*BY_FIELD[:3], row])
    assert (result.rows["valid"], result.rows["rejected"], result.ignored["totals"]) == (9, 0, 4)
    # a line like the summary's after it is no longer under the heading: rejected
    result = _read(tmp_path, context, "TỔNG HỢP THEO LĨNH VỰC", [*BY_FIELD[:3], row, BY_FIELD[3]])
    assert (result.rows["valid"], result.rows["rejected"], result.ignored["totals"]) == (9, 1, 4)
    assert set(result.rejections["row"]) == {18}


def test_a_row_after_a_blank_row_under_the_table_is_read_again(tmp_path, context):
    lines = [*BY_FIELD[:2], [None] * WIDTH, [9, None, "Kinh tế", "Tập thể"]]
    result = _read(tmp_path, context, "TỔNG HỢP THEO LĨNH VỰC", lines)
    assert (result.rows["valid"], result.rows["rejected"]) == (8, 1)
    assert set(result.rejections["row"]) == {17}
    assert sorted(result.rejections["column"]) == ["Tên mô hình", "Tên tập thể/cá nhân"]


def test_the_same_lines_without_a_summary_heading_are_still_rejected(tmp_path, context):
    result = _read(tmp_path, context, "DANH SÁCH BỔ SUNG", BY_FIELD[:2])
    assert (result.rows["valid"], result.rows["rejected"]) == (8, 2)
    assert "'Tập thể' không hợp lệ ở cột 'Lĩnh vực'" in " ".join(result.rejections["error"])


def test_summary_table_rows_stop_at_a_header_a_subheading_or_a_blank_after_lines():
    text = pd.DataFrame({"stt": ["Tổng hợp", "", "STT", "1", "2", "", "3"],
                         "model": ["", "", "Lĩnh vực", "Kinh tế", "VHXH", "", "ANQP"]},
                        index=range(20, 27))
    labels = pd.Series(["totals", "blank", "data", "data", "data", "blank", "data"],
                       index=text.index)
    assert summary_table_rows(text, labels) == [22, 23, 24]
    for stop in ("header", "subheading", "signature"):
        assert summary_table_rows(text, labels.mask(labels.index == 23, stop)) == [22]
    assert summary_table_rows(text, labels.mask(labels.index == 20, "subheading")) == []
    other = text.copy()
    other.loc[20, "stt"] = "Danh sách bổ sung"
    assert summary_table_rows(other, labels) == []
