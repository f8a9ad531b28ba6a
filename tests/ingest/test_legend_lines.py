"""A legend of the form's codes written under the table (``Chú thích:`` | ``KT: Kinh tế; VHXH:
…`` | ``TT: Tập thể; CN: Cá nhân``, or one code per row: ``KT`` | ``Kinh tế``) is a note,
ignored, never a registration. Before, such lines were rejected (``'KT: Kinh tế; …' ở cột
'Lĩnh vực' chưa rõ``, ``'Kinh tế' không hợp lệ ở cột 'Hình thức'``): fresh tester O's O360
(one rejected) and O361 (six). ``thidua/ingest/legend.py`` (``is_legend_line``),
``thidua/ingest/normalise.py`` (``classify_rows``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.legend import is_legend_line

#: Lines under the table in form order from the model's column (STT is empty): model,
#: field, type, registrant.
LEGENDS = {
    "across cells": [["Chú thích:", "KT: Kinh tế; VHXH: Văn hóa - xã hội; ANQP: An ninh - quốc "
                      "phòng; XDHTCT: Xây dựng hệ thống chính trị", "TT: Tập thể; CN: Cá nhân"]],
    "one code per row": [["Ghi chú:", "KT", "Kinh tế"], ["", "VHXH", "Văn hóa - xã hội"],
                         ["", "ANQP", "An ninh - quốc phòng"],
                         ["", "XDHTCT", "Xây dựng hệ thống chính trị"],
                         ["", "TT", "Tập thể"], ["", "CN", "Cá nhân"]],
    "one code per row, no label": [["", "KT", "Kinh tế"], ["", "TT", "Tập thể"]],
    "label and entries in one cell": [["Ghi chú: KT - Kinh tế, VHXH - Văn hóa, xã hội, "
                                       "TT - Tập thể, CN - Cá nhân"]],
    "meaning then code": [["Kinh tế (KT); Văn hóa - xã hội (VHXH); Tập thể (TT)"]],
    "equals, levels and results": [["Chữ viết tắt: CS = Cơ sở; CTTCS = Cấp trên trực tiếp "
                                    "cơ sở; HT = Hoàn thành"]],
    "numbers, one per row": [["Ký hiệu:", "1", "Kinh tế"], ["", "2", "Văn hóa - xã hội"]],
    "one entry per line of a cell": [["Ghi chú:\nKT: Kinh tế\nVHXH: Văn hóa - xã hội\n"
                                      "TT = Tập thể\nCN = Cá nhân"]],
    "entries run together": [["KT - Kinh tế VHXH - Văn hóa - xã hội", "", "",
                              "Tập thể (TT) Cá nhân (CN)"]],
    # the label alone on its own row, without a colon, the legend's lines under it (fresh
    # tester R's S17, S18, S1I); a synonym of the label (S19)
    "label alone, no colon": [["Chú thích"], ["", "KT", "Kinh tế"], ["", "TT", "Tập thể"]],
    "Ghi chú alone": [["Ghi chú"], ["KT: Kinh tế; VHXH: Văn hóa - xã hội"]],
    "Chú giải": [["Chú giải:", "KT: Kinh tế; VHXH: Văn hóa - xã hội"]],
    "one entry per cell, off the coded columns": [["KT: Kinh tế", "", "", "TT: Tập thể"]],
}


def _read(tmp_path, context, under: list[list]):
    rows = [reg(i) for i in range(4)] + [[""] * len(HEADER)] + \
        [["", *line, *[""] * (len(HEADER) - 1 - len(line))] for line in under]
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("lines", LEGENDS.values(), ids=LEGENDS.keys())
def test_a_legend_of_codes_under_the_table_is_ignored(tmp_path, context, lines):
    result = _read(tmp_path, context, lines)
    # the blank line between the table and its legend is read and ignored too
    assert result.rows == {"read": 5 + len(lines), "valid": 4, "rejected": 0,
                           "ignored": 1 + len(lines)}
    assert {k: v for k, v in result.ignored.items() if v} == {"blank": 1,
                                                              "signature": len(lines)}
    assert sorted(result.registrations["field"]) == ["ANQP", "KT", "VHXH", "XDHTCT"]


@pytest.mark.parametrize("line, rejected", [
    # half a registration under the table: a field and a type of their own, asked its names
    (["", "KT", "Tập thể"], 1),
    (["", "Kinh tế", "Cá nhân"], 1),
    # entries that read as a field and a type in their own columns: issue 9.3 (a row with a
    # field and a type is never ignored) keeps it data, asked its model
    (["", "KT: Kinh tế", "TT: Tập thể", "CN: Cá nhân"], 1),
    # a registration written under the list without a number: counted
    (["Chợ phiên nông sản cho đoàn viên", "Kinh tế", "Tập thể", "CĐCS Công ty Minh Anh"], 0),
])
def test_a_line_that_is_no_legend_stays_data(tmp_path, context, line, rejected):
    result = _read(tmp_path, context, [line])
    assert (result.rows["valid"], result.rows["rejected"]) == (4 + 1 - rejected, rejected)
    assert {k: v for k, v in result.ignored.items() if v} == {"blank": 1}


@pytest.mark.parametrize("texts", [
    ["Chú thích:", "KT: Kinh tế; VHXH: Văn hóa - xã hội", "TT: Tập thể; CN: Cá nhân"],
    ["Ghi chú:", "KT", "Kinh tế"],
    ["VHXH", "Văn hóa - xã hội"],
    ["Ghi chú: KT - Kinh tế, VHXH - Văn hóa, xã hội, TT - Tập thể"],
    ["KT = Kinh tế"],
    ["KT-Kinh tế; TT-Tập thể"],
    ["Kinh tế (KT)"],
    ["1 (Kinh tế); 2 (Văn hóa - xã hội)"],
    ["Chú thích:", "CS - Cơ sở, CTTCS - Cấp trên, trực tiếp cơ sở"],  # the longest entry
    ["Viết tắt: KT - Kinh tế"],
    ["Ghi chú:\nKT: Kinh tế\nVHXH: Văn hóa - xã hội"],  # one entry per line of a cell
    ["KT: Kinh tế; TT: Tập thể;"],  # a separator after the last entry
    ["Quy ước:", "HT: Hoàn thành"],
    ["1", "Kinh tế"],
    ["Giải thích các từ viết tắt:", "CS: Cơ sở; CTTCS: Cấp trên trực tiếp cơ sở"],
])
def test_legend_lines(texts):
    assert is_legend_line(texts)


@pytest.mark.parametrize("texts", [
    ["Ghi chú:", "Danh sách đã được duyệt"],  # a note, not a legend (the signature rule's)
    ["Kinh tế", "Tập thể"],  # two columns' values: a registration's
    ["KT", "Tập thể"],
    ["KT: KT"],  # no meaning given
    ["Kinh tế"],
    ["Chú thích:"],
    ["Nguyễn Văn An", "Kinh tế", "Cá nhân"],
    ["Ghi chú: KT - Kinh tế, xem thêm"],  # one entry and something else
    ["Chợ phiên nông sản: Kinh tế"],  # a model's name is no code of the field
    ["KT: " + "Kinh tế " * 12],  # longer than any entry
])
def test_not_legend_lines(texts):
    assert not is_legend_line(texts)


def test_an_entry_is_at_most_so_long(monkeypatch):
    """Longer texts are never cut into keys and meanings (a note, a model's name: the cuts
    of every place would cost seconds a row)."""
    from thidua.ingest import legend

    monkeypatch.setattr(legend, "_ENTRY_LONGEST", len("kt: kinh te"))
    assert is_legend_line(["KT: Kinh tế"])
    monkeypatch.setattr(legend, "_ENTRY_LONGEST", len("kt: kinh te") - 1)
    assert not is_legend_line(["KT: Kinh tế"])
