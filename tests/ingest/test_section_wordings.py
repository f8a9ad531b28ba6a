"""Section headings in a unit's own words (``II. MÔ HÌNH CỦA CÁ NHÂN``, ``I`` | ``Mô hình của
tập thể``, ``Các mô hình thuộc lĩnh vực kinh tế``) and a printed page's number typed into the
sheet (``Trang 1``, merged across the row) are not data: ignored, never rejected (tester B's
F3; ``spec/submission-form.md``, "Rows that are not data")."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.normalise import classify_rows, page_line
from thidua.ingest.values import read_value


def frame(records: list[dict], start_row: int = 7) -> pd.DataFrame:
    out = pd.DataFrame.from_records(records).astype(object)
    out.index = pd.RangeIndex(start_row, start_row + len(out), name="row")
    return out


@pytest.mark.parametrize("column, text, code", [
    ("type", "II. MÔ HÌNH CỦA CÁ NHÂN", "individual"), ("type", "Mô hình của tập thể", "collective"),
    ("type", "Mô hình do cá nhân thực hiện", "individual"), ("type", "Các mô hình tập thể", "collective"),
    ("type", "Cá nhân thực hiện", "individual"),
    ("field", "Thuộc lĩnh vực kinh tế", "KT"), ("field", "Mô hình lĩnh vực kinh tế", "KT"),
    ("field", "Các mô hình thuộc lĩnh vực Văn hóa - xã hội", "VHXH"),
])
def test_a_heading_s_own_words_around_a_type_or_field_read_as_it(column, text, code):
    assert (read_value(column, text).code, read_value(column, text).how) == (code, "exact")


@pytest.mark.parametrize("column, text", [("type", "Của"), ("type", "Thực hiện"),
                                          ("field", "Mô hình"), ("field", "Thuộc")])
def test_the_words_alone_are_no_value(column, text):
    assert read_value(column, text).code is None


@pytest.mark.parametrize("texts", [["Trang 1"], ["Trang 1"] * 6, ["Trang 2/3"], ["TRANG 12 / 15"],
                                   ["Trang 1 trên 2"], ["Trang số 2"], ["Tờ 2"], ["Page 1 of 2"],
                                   ["- 3 -"], ["– 14 –"]])
def test_a_page_s_number_is_a_page_line(texts):
    assert page_line(texts)


@pytest.mark.parametrize("texts", [["Trang trại bò sữa"], ["Trang 1a"], ["1"], ["Trang 1", "x"],
                                   ["Trang"], ["Trang 1234"]])
def test_anything_else_is_no_page_line(texts):
    assert not page_line(texts)


def test_headings_and_page_lines_are_ignored_and_data_around_them_is_data():
    row = {"stt": 1, "model": "Bữa cơm Công đoàn", "field": "KT", "type": "TT",
           "registrant": "CĐCS Công ty A"}
    blank = {"stt": "", "model": "", "field": "", "type": "", "registrant": ""}
    raw = frame([
        {**blank, "stt": "I. MÔ HÌNH CỦA TẬP THỂ"}, row,
        {**blank, "stt": "II", "model": "MÔ HÌNH CỦA CÁ NHÂN"},
        {"stt": "Trang 1", "model": "Trang 1", "field": "Trang 1", "type": "Trang 1",
         "registrant": "Trang 1"},  # merged across the row
        {**row, "stt": 2, "type": "CN", "registrant": "Nguyễn Văn A"},
        {**blank, "model": "Trang 2/2"},
        {**row, "stt": 3, "model": "Trang trại bò sữa sạch"},
    ])
    assert classify_rows(raw).tolist() == ["subheading", "data", "subheading", "header", "data",
                                           "header", "data"]


def test_two_stacked_tables_with_their_own_headings_and_a_page_line_lose_nothing(tmp_path,
                                                                                context):
    collectives = [reg(i) for i in (0, 2, 4)]
    individuals = [reg(i) for i in (1, 3, 5, 7)]
    lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], [], ["I. MÔ HÌNH CỦA TẬP THỂ"], HEADER,
             *collectives, [], ["Trang 1"] * len(HEADER), ["II. MÔ HÌNH CỦA CÁ NHÂN"], HEADER,
             *individuals]
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", lines, merges=["A10:K10"])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (7, 0)
    assert result.registrations["type"].value_counts().to_dict() == {"individual": 4,
                                                                     "collective": 3}
    assert result.rows["ignored"] == result.rows["read"] - 7


def test_sections_worded_so_give_the_type_when_there_is_no_type_column(tmp_path, context):
    header = [h for h in HEADER if h != "Hình thức"]
    at = HEADER.index("Hình thức")

    def strip(row: list) -> list:
        return row[:at] + row[at + 1:]
    lines = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], header, ["I", "Mô hình của tập thể"],
             *[strip(reg(i)) for i in (0, 2)], ["II", "Mô hình của cá nhân"],
             *[strip(reg(i)) for i in (1, 3, 5)]]
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", lines)])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (5, 0)
    assert result.registrations["type"].tolist() == ["collective"] * 2 + ["individual"] * 3
