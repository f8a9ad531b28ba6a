"""The tables under a heading of another year (:mod:`thidua.ingest.otheryears`), on rows and
labels built in this process (the file-reading tests of ``test_other_years.py`` run it in the
parsing worker, which a mutation run cannot see): which heading opens a table and which ends
it, the rows under it, their labels, the note word for word."""

from __future__ import annotations

import pandas as pd

from thidua.ingest.otheryears import (OTHER_YEAR, mark_other_years, other_year_note,
                                      other_year_tables)


def _sheet(rows: list[tuple[int, str, list]]):
    """``raw`` and ``labels`` of ``(Excel row, label, cells)``."""
    raw = pd.DataFrame([cells for _, _, cells in rows], index=[r for r, _, _ in rows])
    labels = pd.Series([label for _, label, _ in rows], index=raw.index)
    return raw, labels


_DATA = ["1", "Bữa cơm công đoàn", "Kinh tế"]


def _blank():
    return ["", "", ""]


def _heading(text: str, *more: str) -> list:
    return [text, *more, *[""] * (2 - len(more))]


def test_a_heading_of_another_year_under_the_list_opens_a_table_to_the_next_heading():
    raw, labels = _sheet([
        (4, "header", ["STT", "Tên mô hình", "Lĩnh vực"]),
        (5, "data", _DATA), (6, "data", _DATA),
        (7, "blank", _blank()),
        (8, "subheading", _heading("  DANH SÁCH NĂM 2023  (để đối chiếu)")),
        (9, "header", ["STT", "Tên mô hình", "Lĩnh vực"]),
        (10, "data", _DATA), (11, "hidden", _DATA), (12, "data", _DATA),
        (13, "subheading", _heading("Năm 2024")),  # the report year: its rows counted
        (14, "data", _DATA),
        (15, "subheading", _heading("DỰ KIẾN NĂM 2025")),
        (16, "data", _DATA)])
    tables = other_year_tables(raw, labels, 2024)
    assert tables == [(8, "DANH SÁCH NĂM 2023 (để đối chiếu)", 2023, [10, 12]),
                      (15, "DỰ KIẾN NĂM 2025", 2025, [16])]
    marked = mark_other_years(labels, tables)
    assert marked.tolist() == ["header", "data", "data", "blank", "subheading", "header",
                               OTHER_YEAR, "hidden", OTHER_YEAR, "subheading", "data",
                               "subheading", OTHER_YEAR]
    assert OTHER_YEAR == "other_year"
    assert labels.tolist()[6] == "data"  # not modified
    # read again once marked (for the note): the same tables
    assert other_year_tables(raw, marked, 2024) == tables


def test_a_heading_before_any_data_or_without_rows_under_it_is_no_table():
    raw, labels = _sheet([
        (3, "subheading", _heading("Năm 2023")),  # over the list itself: the title's
        (5, "data", _DATA),
        (6, "subheading", _heading("Năm 2022")),
        (7, "blank", _blank())])
    assert other_year_tables(raw, labels, 2024) == []
    # a data row marked already counts as data seen
    raw, labels = _sheet([(5, OTHER_YEAR, _DATA), (6, "subheading", _heading("Năm 2022")),
                          (7, "data", _DATA)])
    assert other_year_tables(raw, labels, 2024) == [(6, "Năm 2022", 2022, [7])]


def test_a_heading_is_a_sub_heading_of_one_text():
    raw, labels = _sheet([
        (5, "data", _DATA),
        (6, "title", _heading("Năm 2023")),  # not a sub-heading: no heading
        (7, "data", _DATA),
        (8, "subheading", _heading("Năm 2023", "ghi chú")),  # two texts: no heading
        (9, "data", _DATA),
        (10, "subheading", _heading("Năm 2022", "Năm 2022")),  # the same text twice: one
        (11, "data", _DATA)])
    assert other_year_tables(raw, labels, 2024) == [(10, "Năm 2022", 2022, [11])]
    # a sub-heading naming no year (or two) ends an earlier table
    raw, labels = _sheet([
        (5, "data", _DATA), (6, "subheading", _heading("Năm 2023")), (7, "data", _DATA),
        (8, "subheading", _heading("CÁC MÔ HÌNH TIÊU BIỂU")), (9, "data", _DATA),
        (10, "subheading", _heading("Năm 2022")), (11, "data", _DATA),
        (12, "subheading", _heading("Năm 2022 và 2023")), (13, "data", _DATA)])
    assert other_year_tables(raw, labels, 2024) == [(6, "Năm 2023", 2023, [7]),
                                                    (10, "Năm 2022", 2022, [11])]


def test_nothing_to_mark():
    labels = pd.Series(["data"], index=[5])
    assert mark_other_years(labels, []) is labels


def test_the_note_word_for_word():
    assert other_year_note([], 2024) is None
    assert other_year_note([(18, "DANH SÁCH NĂM 2023 (để đối chiếu)", 2023, [20, 21, 23]),
                            (30, "Năm 2025", 2025, [31])], 2024) == (
        "Dòng 18 'DANH SÁCH NĂM 2023 (để đối chiếu)' ghi năm 2023, khác năm báo cáo 2024: 3 "
        "dòng dưới nó (dòng 20 đến 23) không tính là đăng ký năm 2024, đã bỏ qua. Dòng 30 "
        "'Năm 2025' ghi năm 2025, khác năm báo cáo 2024: 1 dòng dưới nó (dòng 31) không tính "
        "là đăng ký năm 2024, đã bỏ qua. Nếu đó là đăng ký năm 2024, đề nghị sửa năm ở dòng "
        "tiêu đề; danh sách năm khác đề nghị gửi riêng vào năm đó.")
    assert other_year_note([(8, "Năm 2023", 2023, [10, 11])], 2024).startswith(
        "Dòng 8 'Năm 2023' ghi năm 2023, khác năm báo cáo 2024: 2 dòng dưới nó (dòng 10 đến 11)")
