"""A registration written over two rows, every cell merged over the pair but one free-text
column (``Ghi chú``, ``Chức vụ``…) whose second row holds that text's second line: the second
row is part of the registration, its text joined. Before, each second row was rejected as a
duplicate of the first ("Trùng với dòng 8 …": fresh tester J's J072; ``docs/contracts.md``).
A second row with a registrant or a model of its own stays a registration (a model over
three rows with a collective and two people)."""

from __future__ import annotations

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file

NOTE = HEADER.index("Ghi chú")


def _pairs(tmp_path, context, free: str, second):
    """Four registrations on two rows each: every column merged over the pair but ``free``,
    whose second row holds ``second(i)``."""
    rows, merges = [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER], []
    keep = HEADER.index(free)
    for i in range(4):
        first = reg(i, note="Đăng ký mới năm 2024;")
        top = len(rows) + 1
        rows += [first, [None] * len(HEADER)]
        rows[-1][keep] = second(i)
        merges += [f"{chr(65 + c)}{top}:{chr(65 + c)}{top + 1}" for c in range(len(HEADER))
                   if c != keep]
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", rows, merges)])
    return ingest_file(input_file(path), context)


def test_a_remarks_second_line_under_merged_cells_is_the_same_registration(tmp_path, context):
    result = _pairs(tmp_path, context, "Ghi chú", lambda i: "đã báo cáo Thường trực LĐLĐ")
    assert result.status == USED
    assert result.rows["valid"] == 4 and result.rows["rejected"] == 0
    assert result.rejections.empty
    assert set(result.registrations["note"]) == {
        "Đăng ký mới năm 2024; đã báo cáo Thường trực LĐLĐ"}


def test_a_positions_second_line_is_joined_too(tmp_path, context):
    result = _pairs(tmp_path, context, "Chức vụ", lambda i: "kiêm Tổ trưởng" if i % 2 else None)
    assert result.rows["valid"] == 4 and result.rows["rejected"] == 0
    assert result.rejections.empty


def test_a_second_registrant_under_a_merged_model_stays_a_registration(tmp_path, context):
    result = _pairs(tmp_path, context, "Tên tập thể/cá nhân", lambda i: f"Nguyễn Văn Ba {i}")
    assert result.rows["valid"] + result.rows["rejected"] == 8
