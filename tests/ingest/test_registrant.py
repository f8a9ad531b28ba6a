"""An individual's position written in the registrant's cell (``Nguyễn Văn A - Chủ tịch
CĐCS``) while ``Chức vụ`` is empty: the registration counts with its position, the unit told."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg, titled
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.registrant import split_position

REGISTRANT, POSITION = HEADER.index("Tên tập thể/cá nhân"), HEADER.index("Chức vụ")


@pytest.mark.parametrize("text,expected", [
    ("Nguyễn Văn A - Chủ tịch CĐCS", ("Nguyễn Văn A", "Chủ tịch CĐCS")),
    ("Nguyễn Văn A – Tổ trưởng tổ Công đoàn", ("Nguyễn Văn A", "Tổ trưởng tổ Công đoàn")),
    ("Nguyễn Văn A, Công nhân", ("Nguyễn Văn A", "Công nhân")),
    ("Nguyễn Văn A (Phó Chủ tịch CĐCS)", ("Nguyễn Văn A", "Phó Chủ tịch CĐCS")),
    ("Phạm Văn Đức, CN", ("Phạm Văn Đức", "CN")),
    ("Nguyễn Văn Phó, Trưởng ca", ("Nguyễn Văn Phó", "Trưởng ca")),
    ("Lê Văn An (Tổ trưởng tổ X)", ("Lê Văn An", "Tổ trưởng tổ X")),  # only the bracket goes
    ("Trần Thị B, Lê Văn C", None),            # two people, no position
    ("Nguyễn Văn A", None), ("A - Chủ tịch", None),
    ("CĐCS Công ty A - Phòng Kế toán", None),  # ``Phòng`` is no ``Phó``
    # the position on the cell's last line (Alt+Enter; fresh tester F's 109)
    ("Nguyễn Văn X\nChủ tịch CĐCS", ("Nguyễn Văn X", "Chủ tịch CĐCS")),
    ("Nguyễn Văn X\r\n  Tổ trưởng  \n", ("Nguyễn Văn X", "Tổ trưởng")),
    ("Nguyễn\nVăn X\nPhó Chủ tịch", ("Nguyễn Văn X", "Phó Chủ tịch")),
    ("Nguyễn Văn X\nPhòng Kế toán", None),   # no position's words
    ("Tổ\nChủ tịch", None),                  # a name of one word
    ("Nguyễn Văn X\n", None),
])
def test_a_name_and_a_position_in_one_cell(text, expected):
    assert split_position(text) == expected


def test_the_position_in_the_registrant_cell_makes_the_row_valid_and_is_told(tmp_path,
                                                                          corpus_context):
    rows = [reg(1), reg(3), reg(5), reg(0)]  # three individuals, one collective
    rows[0][REGISTRANT], rows[0][POSITION] = "Trần Văn Minh - Tổ trưởng tổ Công đoàn", None
    rows[1][REGISTRANT], rows[1][POSITION] = "Lê Thị Ngọc Ánh (Phó Chủ tịch CĐCS)", None
    rows[2][REGISTRANT], rows[2][POSITION] = "Trần Thị B, Lê Văn C", None  # still no position
    path = tmp_path / "S-01_chuc-vu.xlsx"
    write_xlsx(path, [titled("S-01", rows)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 1, "ignored": 0}
    reg_ = result.registrations
    assert reg_["registrant"].tolist()[:2] == ["Trần Văn Minh", "Lê Thị Ngọc Ánh"]
    assert reg_["position"].tolist()[:2] == ["Tổ trưởng tổ Công đoàn", "Phó Chủ tịch CĐCS"]
    assert result.rejections["column"].tolist() == ["Chức vụ"]
    first = min(reg_.index)
    assert (f"Dòng {first}: 'Trần Văn Minh - Tổ trưởng tổ Công đoàn' ở cột 'Tên tập thể/cá "
            f"nhân' đã hiểu là tên 'Trần Văn Minh', chức vụ 'Tổ trưởng tổ Công đoàn'; đề nghị "
            f"lần sau ghi chức vụ ở cột 'Chức vụ'.") in result.readings


def test_a_collective_or_a_given_position_is_left_as_written(tmp_path, corpus_context):
    rows = [reg(0), reg(1)]
    rows[0][REGISTRANT] = "CĐCS Công ty A - Chủ tịch công ty"          # collective: kept whole
    rows[1][REGISTRANT] = "Trần Văn Minh - Tổ trưởng"                  # position given: kept
    path = tmp_path / "S-01_giu-nguyen.xlsx"
    write_xlsx(path, [titled("S-01", rows)])
    result = ingest_file(input_file(path), corpus_context)
    assert result.registrations["registrant"].tolist() == [
        "CĐCS Công ty A - Chủ tịch công ty", "Trần Văn Minh - Tổ trưởng"]
    assert not [r for r in result.readings if "đã hiểu là tên" in r]


def _rows(*records: dict):
    import pandas as pd

    frame = pd.DataFrame.from_records(list(records)).astype(object)
    frame.index = pd.RangeIndex(8, 8 + len(frame), name="row")
    return frame


def test_positions_move_out_of_the_registrant_cell_of_individuals_only_and_are_told():
    from thidua.ingest.registrant import positions_from_registrants

    data = _rows({"type": "Cá nhân", "registrant": "Lê Văn An - Tổ trưởng", "position": None},
                 {"type": "Tập thể", "registrant": "Tổ Công đoàn - Tổ trưởng", "position": ""},
                 {"type": "Cá nhân", "registrant": "Đỗ Bình, Kế toán", "position": "Thủ quỹ"},
                 {"type": "Cá nhân", "registrant": "Trần Thị Lan", "position": "  "},
                 {"type": "ca nhan", "registrant": "Ngô Hà (Chủ tịch CĐCS)", "position": ""})
    out, notes = positions_from_registrants(data)
    assert out["registrant"].tolist() == ["Lê Văn An", "Tổ Công đoàn - Tổ trưởng",
                                          "Đỗ Bình, Kế toán", "Trần Thị Lan", "Ngô Hà"]
    assert out["position"].tolist() == ["Tổ trưởng", "", "Thủ quỹ", "  ", "Chủ tịch CĐCS"]
    assert notes == [
        "Dòng 8: 'Lê Văn An - Tổ trưởng' ở cột 'Tên tập thể/cá nhân' đã hiểu là tên 'Lê Văn "
        "An', chức vụ 'Tổ trưởng'; đề nghị lần sau ghi chức vụ ở cột 'Chức vụ'.",
        "Dòng 12: 'Ngô Hà (Chủ tịch CĐCS)' ở cột 'Tên tập thể/cá nhân' đã hiểu là tên 'Ngô "
        "Hà', chức vụ 'Chủ tịch CĐCS'; đề nghị lần sau ghi chức vụ ở cột 'Chức vụ'."]
    assert data.at[8, "registrant"] == "Lê Văn An - Tổ trưởng"  # the input is not modified


def test_without_a_position_column_one_is_made_and_without_change_the_same_frame_returned():
    from thidua.ingest.registrant import positions_from_registrants

    data = _rows({"type": "Cá nhân", "registrant": "Lê Văn An - Tổ trưởng"},
                 {"type": "Cá nhân", "registrant": "Trần Thị Lan"})
    out, notes = positions_from_registrants(data)
    assert out["position"].tolist() == ["Tổ trưởng", ""] and len(notes) == 1
    assert "position" not in data
    unchanged = _rows({"type": "Cá nhân", "registrant": "Trần Thị Lan", "position": ""})
    out, notes = positions_from_registrants(unchanged)
    assert out is unchanged and notes == []
    no_type = _rows({"registrant": "Lê Văn An - Tổ trưởng"})
    out, notes = positions_from_registrants(no_type)
    assert out is no_type and notes == []
    no_registrant = _rows({"type": "Cá nhân"})
    assert positions_from_registrants(no_registrant)[0] is no_registrant
