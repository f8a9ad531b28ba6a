"""Several people in one registrant cell (:mod:`thidua.ingest.severalpeople`), on values and
frames built in this process (the file-reading tests of ``test_several_people.py`` run
:func:`several_people` and its note in the parsing worker, which a mutation run cannot see):
each separator and lead, a name's bounds, the positions split or kept, the rows left alone,
the note word for word."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from thidua.ingest.normalise import says_nothing
from thidua.ingest.severalpeople import (is_person_name, people_in_cell, several_people,
                                         several_people_note)


@pytest.mark.parametrize("text, names", [
    ("- Nguyễn Văn An\n- Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("• Nguyễn Văn An\r\n• Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Nguyễn Văn An\u2028Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("1.Nguyễn Văn An\n2) Trần Thị Bình\n10. Lê Văn Cường",
     ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]),
    ("Đồng chí Nguyễn Văn An và đồng chí Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("đc. Nguyễn Văn An + Đc Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Nguyễn Văn An VÀ Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("  Nguyễn Văn An ,Trần Thị Bình  ", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Nguyễn Văn An; Trần Thị Bình, Lê Văn Cường", None),  # ``;`` first: one part is no name
    # lines not all names: no other separator is read (a comma would leave a name holding
    # a line break)
    ("Nguyễn Văn An, Trần Thị Bình\nLê Văn Cường", None),
    ("Nguyễn Văn An;\n", None),  # one name
])
def test_each_separator_and_lead(text, names):
    found = people_in_cell(text)
    assert (found and found[0]) == names


def test_the_separator_found_is_returned():
    assert people_in_cell("Nguyễn Văn An; Trần Thị Bình")[1].pattern == r"\s*;\s*"
    assert people_in_cell("Nguyễn Văn An\nTrần Thị Bình")[1].pattern == r"\s*[\r\n\u2028\u2029]+\s*"


def test_a_name_s_bounds():
    assert is_person_name("Nguyễn Văn An") and not is_person_name("Nguyễn An")
    assert is_person_name("Nguyễn Thị Phương Lan Anh Đào")  # six words
    assert not is_person_name("Nguyễn Thị Phương Lan Anh Đào Hoa")  # seven
    assert not is_person_name("Nguyễn Văn An2") and not is_person_name("Nguyễn Văn A.")
    assert not is_person_name("Nguyễn văn An") and not is_person_name("Nguyễn Văn an")
    assert is_person_name("Nguyen Van An")
    assert not is_person_name("Minh Văn An")  # no family name first
    # an organisation's word of one, two or three words anywhere, the last word too
    assert not is_person_name("Nguyễn Văn Phòng") and not is_person_name("Phòng Văn An")
    assert not is_person_name("Lê Chi Đoàn Minh") and not is_person_name("Lê Văn Chi Đoàn")
    assert not is_person_name("Lê Đoàn Thanh Niên") and not is_person_name("Nguyễn Hợp Tác Xã")
    assert is_person_name("Lê Đoàn Thanh") and is_person_name("Nguyễn Hợp Tác")
    # the same before other words (not only a slice cut short by the name's end)
    assert not is_person_name("Trần Phòng Kế Toán")
    assert not is_person_name("Lê Đoàn Thanh Niên Minh")
    assert not is_person_name("Nguyễn Hợp Tác Xã Minh")


def _frames(rows: dict[int, tuple], position: bool = True):
    """``valid`` and ``raw`` of rows ``{row: (type, registrant as written, position as
    written, position normalised)}``: the valid registrant the cell as written."""
    valid = pd.DataFrame.from_dict(
        {r: {"model": "Tiếng loa an toàn", "field": "ANQP", "type": t, "registrant": w,
             **({"position": p} if position else {})} for r, (t, w, _, p) in rows.items()},
        orient="index")
    raw = pd.DataFrame.from_dict(
        {r: {"model": "Tiếng loa an toàn", "registrant": w, **({"position": p} if position else {})}
         for r, (_, w, p, _) in rows.items()}, orient="index")
    return valid, raw


def test_an_individual_s_row_is_one_row_per_person_with_its_position():
    valid, raw = _frames({
        5: ("collective", "Nguyễn Văn An, Trần Thị Bình", None, math.nan),
        6: ("individual", "Nguyễn Văn An, Trần Thị Bình", "Chủ tịch, Phó Chủ tịch", "chủ tịch"),
        7: ("individual", "1. Lê Văn Cường\n2. Phạm Thị Dung", "Tổ trưởng", "Tổ trưởng CĐ"),
        8: ("individual", "Hoàng Thị Lan", "Tổ phó", "Tổ phó")})
    out, split = several_people(valid, raw)
    assert out.index.tolist() == [5, 6, 6, 7, 7, 8]
    assert out["registrant"].tolist() == [
        "Nguyễn Văn An, Trần Thị Bình", "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
        "Phạm Thị Dung", "Hoàng Thị Lan"]
    # split as written when as many; else the normalised cell for every person
    assert out["position"].tolist()[1:] == ["Chủ tịch", "Phó Chủ tịch", "Tổ trưởng CĐ",
                                            "Tổ trưởng CĐ", "Tổ phó"]
    assert split == {6: [("Nguyễn Văn An", "Chủ tịch", None),
                         ("Trần Thị Bình", "Phó Chủ tịch", None)],
                     7: [("Lê Văn Cường", "Tổ trưởng CĐ", None),
                         ("Phạm Thị Dung", "Tổ trưởng CĐ", None)]}


def test_positions_split_by_lines_or_kept_when_not_as_many():
    valid, raw = _frames({
        6: ("individual", "Nguyễn Văn An, Trần Thị Bình", "Chủ tịch\nPhó Chủ tịch", "x"),
        7: ("individual", "Lê Văn Cường; Phạm Thị Dung", "Tổ trưởng; Tổ phó; Thư ký", "Tổ"),
        8: ("individual", "Hoàng Thị Lan và Đỗ Văn Nam", math.nan, math.nan),
        9: ("individual", "Vũ Thị Hà + Đặng Văn Bình", 12.0, "Tổ viên")})
    out, split = several_people(valid, raw)
    assert split[6] == [("Nguyễn Văn An", "Chủ tịch", None), ("Trần Thị Bình", "Phó Chủ tịch", None)]
    assert split[7] == [("Lê Văn Cường", "Tổ", None), ("Phạm Thị Dung", "Tổ", None)]
    assert split[8] == [("Hoàng Thị Lan", None, None), ("Đỗ Văn Nam", None, None)]
    assert split[9] == [("Vũ Thị Hà", "Tổ viên", None), ("Đặng Văn Bình", "Tổ viên", None)]
    positions = out["position"].tolist()
    assert positions[:4] == ["Chủ tịch", "Phó Chủ tịch", "Tổ", "Tổ"]
    assert all(isinstance(p, float) and math.isnan(p) for p in positions[4:6])
    assert positions[6:] == ["Tổ viên", "Tổ viên"]


def test_a_position_part_saying_nothing_keeps_the_cell_for_every_person():
    # ``Chủ tịch, -``: the second person would be counted with no position, one the
    # validation (which read the whole cell) never saw missing
    valid, raw = _frames({
        6: ("individual", "Nguyễn Văn An, Trần Thị Bình", "Chủ tịch, -", "Chủ tịch, -"),
        7: ("individual", "Lê Văn Cường; Phạm Thị Dung", "Tổ trưởng; Không", "Tổ trưởng; Không"),
        8: ("individual", "Hoàng Thị Lan\nĐỗ Văn Nam", "?\nTổ phó", "? Tổ phó"),
        9: ("individual", "Vũ Thị Hà, Đặng Văn Bình", "Tổ viên, N/A", "Tổ viên, N/A")})
    out, split = several_people(valid, raw)
    assert out["position"].tolist() == ["Chủ tịch, -"] * 2 + ["Tổ trưởng; Không"] * 2 + [
        "? Tổ phó"] * 2 + ["Tổ viên, N/A"] * 2
    assert [p for row in split.values() for _, p, _ in row] == out["position"].tolist()


def test_says_nothing():
    for text in ("-", "", "  ", "Không", "x", "N/A", "?", "•", "0", "Chưa có"):
        assert says_nothing(text), text
    for text in ("Tổ phó", "CT", "1", "Phó chủ tịch"):
        assert not says_nothing(text), text


def test_without_a_position_column_each_person_has_none():
    valid, raw = _frames({6: ("individual", "Nguyễn Văn An, Trần Thị Bình", None, None)},
                         position=False)
    out, split = several_people(valid, raw)
    assert list(out.columns) == ["model", "field", "type", "registrant"]
    assert out["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert split == {6: [("Nguyễn Văn An", None, None), ("Trần Thị Bình", None, None)]}
    # a position written but none kept in the valid rows: the written one split
    raw["position"] = ["Chủ tịch, Phó Chủ tịch"]
    assert several_people(valid, raw)[1][6][1] == ("Trần Thị Bình", "Phó Chủ tịch", None)
    # none written, one kept: kept for both
    valid2, raw2 = _frames({6: ("individual", "Nguyễn Văn An, Trần Thị Bình", None, "Tổ phó")})
    raw2 = raw2.drop(columns="position")
    assert several_people(valid2, raw2)[1][6] == [("Nguyễn Văn An", "Tổ phó", None),
                                                  ("Trần Thị Bình", "Tổ phó", None)]


def test_a_person_repeating_another_row_is_named_with_it():
    valid, raw = _frames({
        5: ("individual", "Trần Thị Bình", "Tổ phó", "Tổ phó"),
        6: ("individual", "Nguyễn Văn An, Trần Thị Bình", "Tổ trưởng, Tổ phó", "x")})
    out, split = several_people(valid, raw)
    assert out.index.tolist() == [5, 6]
    assert out["registrant"].tolist() == ["Trần Thị Bình", "Nguyễn Văn An"]
    assert split == {6: [("Nguyễn Văn An", "Tổ trưởng", None), ("Trần Thị Bình", "Tổ phó", 5)]}


def test_rows_left_alone():
    valid, raw = _frames({6: ("individual", "Nguyễn Văn An, Trần Thị Bình", "Tổ trưởng", "T")})
    # no rows, no registrant as written, no type: nothing to split
    for v, r in ((valid.iloc[:0], raw), (valid, raw.drop(columns="registrant")),
                 (valid.drop(columns="type"), raw)):
        out, split = several_people(v, r)
        assert out is v and split == {}
    # a valid row the sheet's raw rows have not, a collective, one person: as they are
    out, split = several_people(valid, raw.rename(index={6: 7}))
    assert out is valid and split == {}
    collective, raw2 = _frames({6: ("collective", "Nguyễn Văn An, Trần Thị Bình", None, "T")})
    assert several_people(collective, raw2)[0] is collective
    one, raw3 = _frames({6: ("individual", "Nguyễn Văn An", None, "T"),
                         7: ("individual", 3.0, None, "T")})
    assert several_people(one, raw3) == (one, {})


def test_the_note_word_for_word():
    assert several_people_note({}) is None
    assert several_people_note({
        9: [("Lê Văn Cường", None, None), ("Phạm Thị Dung", "", 5)],
        6: [("Nguyễn Văn An", "Chủ tịch", None), ("Trần Thị Bình", "Tổ phó", 5)]}) == (
        "Ô 'Tên tập thể/cá nhân' của cá nhân ghi nhiều người trong một ô, mỗi người được tính "
        "là một đăng ký cá nhân của cùng mô hình, mang số dòng của ô ấy (dòng 6: Nguyễn Văn An "
        "(Chủ tịch), Trần Thị Bình (Tổ phó): trùng với dòng 5, không tính lại; dòng 9: Lê Văn "
        "Cường, Phạm Thị Dung: trùng với dòng 5, không tính lại). Đề nghị từ nay ghi mỗi người "
        "một dòng.")


@pytest.mark.parametrize("text", ["Nguyễn Văn An,\nTrần Thị Bình", "Nguyễn Văn An;\nTrần Thị Bình;",
                                  "1. Nguyễn Văn An,\n2. Trần Thị Bình,"])
def test_a_comma_or_semicolon_ending_a_line_ends_the_name(text):
    """A comma or semicolon typed at the end of each line (the mutation run of 01/12, seventh
    session: the row stayed one person named with both names, silently)."""
    assert people_in_cell(text)[0] == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_a_line_of_a_place_after_a_name_stays_no_person():
    assert people_in_cell("Nguyễn Văn An\nHà Nội,") is None
