"""Value-by-value checks of :mod:`thidua.ingest.summarytable` in this process: each word a
summary table may hold, the heading alone in its row, and where its rows start and end."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.summarytable import _summary_word, is_summary_heading, summary_table_rows


@pytest.mark.parametrize("text", [
    "STT", "TT", "Lĩnh vực", "Hình thức", "Cộng", "Tổng", "Tổng cộng", "Tổng số", "Số lượng",
    "Số mô hình", "SL", "Ghi chú", "Cộng:", "Tổng số:", "STT.", " Cộng ", "12", "1.234", "3,5",
    "Kinh tế", "VHXH", "Tập thể", "Cá nhân", "CN",
])
def test_a_summary_s_words(text):
    assert _summary_word(text)


@pytest.mark.parametrize("text", [
    "Ghi", "Tổng hợp", "Kinh", "Mô hình", "Cơ sở", "12a", "Nguyễn Văn An", "Đạt",
    "Cá nhân xuất sắc",  # not read exactly as a type
])
def test_not_a_summary_s_words(text):
    assert not _summary_word(text)


@pytest.mark.parametrize("texts, heading", [
    (["TỔNG HỢP THEO LĨNH VỰC"], True),
    (["TỔNG HỢP THEO LĨNH VỰC"] * 3, True),  # merged across the row
    (["Thống kê"], True), (["Bảng tổng hợp"], True), (["II. THỐNG KÊ SỐ MÔ HÌNH"], True),
    (["3) Tổng hợp"], True), (["Tổng hợp " + "x" * 59], True),
    (["Tổng hợp " + "x" * 60], False),
    (["TỔNG HỢP THEO LĨNH VỰC", "Kinh tế"], False),
    (["Kinh tế", "TỔNG HỢP THEO LĨNH VỰC"], False),
    (["Danh sách tổng hợp"], False), (["Tổng hợpx"], False),
])
def test_a_summary_heading_alone_in_its_row(texts, heading):
    assert is_summary_heading(texts) is heading


def _sheet(rows: list[tuple[str, list[str]]], start: int = 20):
    text = pd.DataFrame([cells + [""] * (3 - len(cells)) for _, cells in rows],
                        columns=["stt", "model", "field"], index=range(start, start + len(rows)))
    labels = pd.Series([label for label, _ in rows], index=text.index)
    return text, labels


def test_the_rows_start_right_after_the_heading():
    text, labels = _sheet([("data", ["1", "Kinh tế"]), ("totals", ["Tổng hợp"]),
                           ("data", ["1", "Kinh tế"]), ("data", ["2", "VHXH"]),
                           ("data", ["3", "ANQP"])])
    assert summary_table_rows(text, labels) == [22, 23, 24]


def test_blank_rows_before_its_lines_and_its_totals_line_are_passed_over():
    text, labels = _sheet([("totals", ["Tổng hợp"]), ("blank", []), ("blank", []),
                           ("data", ["1", "Kinh tế"]), ("totals", ["Cộng", "", "8"]),
                           ("data", ["2", "VHXH"]), ("blank", []), ("data", ["3", "ANQP"])])
    assert summary_table_rows(text, labels) == [23, 25]


def test_a_row_holding_anything_else_ends_it_and_empty_cells_are_no_word():
    text, labels = _sheet([("totals", ["Tổng hợp"]), ("data", ["1", "", "Kinh tế"]),
                           ("data", ["2", "Mô hình mới", "VHXH"]), ("data", ["3", "ANQP"])])
    assert summary_table_rows(text, labels) == [21]


def test_two_summary_headings_each_with_its_lines_and_a_totals_row_that_is_none():
    text, labels = _sheet([("totals", ["Tổng cộng", "", "8"]), ("data", ["1", "Kinh tế"]),
                           ("totals", ["Thống kê"]), ("data", ["1", "Tập thể"]),
                           ("header", ["STT", "Tên mô hình"]),
                           ("totals", ["Tổng hợp"]), ("data", ["2", "Cá nhân"])])
    assert summary_table_rows(text, labels) == [23, 26]


def test_a_heading_over_a_row_of_other_text_is_none():
    text, labels = _sheet([("totals", ["Tổng hợp", "Kinh tế"]), ("data", ["1", "Kinh tế"])])
    assert summary_table_rows(text, labels) == []
    text, labels = _sheet([("totals", ["", "Tổng hợp", ""]), ("data", ["1", "Kinh tế"])])
    assert summary_table_rows(text, labels) == [21]
