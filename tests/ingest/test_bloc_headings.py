"""Bloc, part and workplace headings inside the table (``docs/contracts.md``, "Bloc, part and
workplace headings"; :mod:`thidua.ingest.blocheadings`): ``I`` | ``KHỐI CƠ SỞ``, ``PHẦN I:
KHỐI DOANH NGHIỆP``, ``2`` | ``Trường Tiểu học Ánh Dương`` are sub-headings, ignored, never
rejected registrations nor glued onto the model above (fresh tester AA's AA08, AA10, AA11,
AA12, AA39, AA3A–AA3D, AA4B, AA4C, AA58); a registration whose model starts with ``Khối`` or
``Công ty`` stays a registration."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_rows import HEADER, reg, regs
from corpus_writers import Sheet, write_csv, write_xlsx
from helpers import input_file
from thidua.ingest.blocheadings import is_bloc_heading, is_heading_line, is_workplace_line
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.normalise import classify_rows

TITLE = [["Mã đơn vị: Q-HK"], ["Năm: 2024"]]
COLUMNS = ["stt", "model", "field", "type", "registrant", "position", "level",
           "grassroots_union", "period", "result", "note"]


def ingest(tmp_path, context, rows, merges=(), csv=False):
    if csv:
        write_csv(tmp_path / "Q-HK_dk.csv", [*TITLE, HEADER, *rows])
        return ingest_file(input_file(tmp_path / "Q-HK_dk.csv"), context)
    write_xlsx(tmp_path / "Q-HK_dk.xlsx", [Sheet("DS", [*TITLE, HEADER, *rows], list(merges))])
    return ingest_file(input_file(tmp_path / "Q-HK_dk.xlsx"), context)


def frame(rows: list[list], start_row: int = 5) -> pd.DataFrame:
    """Rows in :data:`HEADER` order as :func:`thidua.ingest.read.raw_rows` gives them."""
    out = pd.DataFrame([list(r) + [None] * (len(COLUMNS) - len(r)) for r in rows],
                       columns=COLUMNS).astype(object).fillna("")
    out.index = pd.RangeIndex(start_row, start_row + len(out), name="row")
    return out


@pytest.mark.parametrize("texts", [
    ["I", "KHỐI CƠ SỞ"], ["II. KHỐI CẤP TRÊN CƠ SỞ"], ["Khối cấp trên cơ sở"],
    ["KHỐI DOANH NGHIỆP"], ["Khối HCSN"], ["KHỐI TRƯỜNG HỌC"], ["1.", "Khối doanh nghiệp"],
    ["A. KHỐI HÀNH CHÍNH SỰ NGHIỆP"], ["a)", "Khối trường học"], ["PHẦN I: KHỐI DOANH NGHIỆP"],
    ["Phần thứ nhất"], ["Phần thứ hai: Cơ quan LĐLĐ quận"], ["PHẦN II", "KHỐI HCSN"],
    ["I", "KHỐI CƠ SỞ (06 mô hình)"], ["Khối cơ sở - 06 mô hình"], ["KHỐI VẬN TẢI (05 mô hình)"],
    ["I. KHỐI CƠ SỞ"] * 11, ["Khối doanh nghiệp ngoài nhà nước"], ["PHẦN 1 - KHỐI CƠ SỞ"],
])
def test_a_bloc_or_a_part_named_alone_is_a_heading(texts):
    assert is_bloc_heading(texts)


@pytest.mark.parametrize("texts", [
    ["Khối đoàn kết công nhân"], ["1", "Khối đoàn kết công nhân"], ["KHỐI ĐOÀN KẾT CÔNG NHÂN"],
    ["Phần mềm quản lý đoàn viên"], ["Phần thưởng cho con đoàn viên"], ["Bữa cơm công đoàn"],
    ["Khối cơ sở", "Kinh tế", "Tập thể"], ["Nguyễn Văn A", "KHỐI CƠ SỞ"], [],
])
def test_a_model_or_a_row_of_more_is_no_bloc_heading(texts):
    assert not is_bloc_heading(texts)


@pytest.mark.parametrize("texts, expected", [
    (["2", "Trường Tiểu học Ánh Dương"], True), (["3", "Công ty TNHH Thực phẩm Nam Thành"], True),
    (["Cơ quan LĐLĐ quận"], True), (["4", "Công ty Cổ phần May Thăng Long"], True),
    (["Bệnh viện Đa khoa Đống Đa"], True), (["Cơ quan LĐLĐ quận"] * 11, True),
    (["Trường học hạnh phúc"], False), (["3", "Công ty và công nhân cùng phát triển"], False),
    (["Trung tâm hỗ trợ công nhân"], False), (["Công đoàn đồng hành cùng người lao động"], False),
])
def test_a_workplace_s_name_alone_is_a_workplace_line(texts, expected):
    assert is_workplace_line(texts) is expected


def test_a_level_repeated_in_its_column_is_no_value_of_the_heading():
    assert is_heading_line({"model": "KHỐI CƠ SỞ", "level": "Cơ sở"})
    assert is_heading_line({"stt": "1", "model": "CĐCS Trường THCS Trưng Vương", "level": "Cơ sở"})
    assert not is_heading_line({"model": "KHỐI CƠ SỞ", "registrant": "Nguyễn Văn A"})
    assert not is_heading_line({"registrant": "Trường THCS Lê Lợi"})  # a registrant's 2nd line
    assert not is_heading_line({"registrant": "Công đoàn cơ sở Trường Tiểu học số 1",
                                "level": "Cấp trên trực tiếp cơ sở"})  # a registration's 2nd half


def test_classify_rows_labels_each_heading_a_subheading_and_keeps_registrations():
    """In-process: the labels of :func:`classify_rows` over a frame."""
    raw = frame([
        ["I", "KHỐI CƠ SỞ"],                                   # 5: right under the header
        reg(0),
        ["", "Khối trường học", "", "", "", "", "Cơ sở"],        # 7: level repeated, no STT
        reg(1),
        ["PHẦN II: KHỐI HÀNH CHÍNH SỰ NGHIỆP (02 mô hình)"] * 11,  # 9: merged across
        ["2", "Trường Tiểu học Ánh Dương"],                      # 10: a workplace line
        reg(2),
        ["3", "Công đoàn ngành Giáo dục quận"],                  # 12: a group line
        reg(3, model="Khối đoàn kết công nhân"),                # 13: a model, field and type
        ["4", "Khối đoàn kết công nhân"],                        # 14: a model lacking the rest
        ["5", "Công ty và công nhân cùng phát triển"],           # 15: a model lacking the rest
    ])
    assert classify_rows(raw).tolist() == [
        "subheading", "data", "subheading", "data", "subheading", "subheading", "data",
        "subheading", "data", "data", "data"]


@pytest.mark.parametrize("first, later", [
    (["I", "KHỐI CƠ SỞ"], ["II", "KHỐI CẤP TRÊN CƠ SỞ"]),
    ([None, "PHẦN I: KHỐI DOANH NGHIỆP"], [None, "PHẦN II: KHỐI HÀNH CHÍNH SỰ NGHIỆP"]),
    ([None, "Khối doanh nghiệp ngoài nhà nước"], [None, "Khối trường học"]),
    (["A.", "Khối HCSN (06 mô hình)"], ["B.", "Khối cấp trên cơ sở (02 mô hình)"]),
    ([None, "KHỐI CƠ SỞ", None, None, None, None, "Cơ sở"],
     [None, "KHỐI CẤP TRÊN CƠ SỞ", None, None, None, None, "Cấp trên trực tiếp cơ sở"]),
    (["1", "Công ty TNHH Thực phẩm Nam Thành"], ["2", "Trường Tiểu học Ánh Dương"]),
    ([None, "CĐCS Công ty Cổ phần May Thăng Long"], [None, "Cơ quan LĐLĐ quận"]),
    (["1", "CĐ Trường THCS Trưng Vương"], ["2", "Tổ công đoàn Phân xưởng 2"]),
])
@pytest.mark.parametrize("csv", [False, True])
def test_headings_first_and_between_rows_are_ignored_never_glued(tmp_path, context, first,
                                                                  later, csv):
    """The first heading right under the header was rejected with three "Thiếu …", a later
    one without ``STT`` glued onto the model above (AA12, AA39, AA3B)."""
    rows = [first, *regs(3), later, *regs(2, start=3)]
    result = ingest(tmp_path, context, rows, csv=csv)
    assert (result.status, result.rows) == (USED, {"read": 7, "valid": 5, "rejected": 0,
                                                   "ignored": 2})
    assert result.ignored["subheading"] == 2
    assert result.registrations["model"].tolist() == [reg(i)[1] for i in range(5)]
    assert not any("ghép" in note for note in result.readings)


def test_a_heading_merged_across_the_table_is_ignored(tmp_path, context):
    """AA10: ``I. KHỐI CƠ SỞ`` merged A:K, read in every column (a level, a type, a result
    that are none)."""
    rows = [["I. KHỐI CƠ SỞ"], *regs(2), ["II. KHỐI CẤP TRÊN TRỰC TIẾP CƠ SỞ"], reg(2)]
    result = ingest(tmp_path, context, rows, merges=["A4:K4", "A7:K7"])
    assert result.rows == {"read": 5, "valid": 3, "rejected": 0, "ignored": 2}
    assert result.ignored["subheading"] == 2


def test_a_model_starting_with_khoi_stays_a_registration(tmp_path, context):
    """``Khối đoàn kết công nhân`` with its field and type is counted; with nothing else it
    stays a row to reject, as ``Công ty và công nhân cùng phát triển`` does."""
    rows = [reg(0, model="Khối đoàn kết công nhân"), reg(1), ["3", "Khối đoàn kết công nhân"],
            ["4", "Công ty và công nhân cùng phát triển"]]
    result = ingest(tmp_path, context, rows)
    assert result.rows == {"read": 4, "valid": 2, "rejected": 2, "ignored": 0}
    assert result.registrations["model"].tolist()[0] == "Khối đoàn kết công nhân"
