"""Control characters, noncharacters and halves of surrogate pairs in cells: text copied out of a
PDF or a terminal keeps them, Excel saves them escaped (``_x0002_``), a CSV holds them raw. Read,
they are dropped (a pair escaped in halves is its character); written, no workbook may hold
them. Before, one exemplary model so written stopped the whole year's run with "lỗi không mong
đợi (IllegalCharacterError)" (fresh tester M's M098, M101, M107, M108, M119;
``docs/contracts.md``)."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from helpers import read_form, row
from thidua.report.appendix import COLUMNS, exemplary_workbook
from thidua.text import clean_text, printable, xml_text


@pytest.mark.parametrize("cell, text", [
    ("Tủ sách pháp luật_x0002_ cho người", "Tủ sách pháp luật cho người"),
    ("Bữa cơm\x07 công đoàn", "Bữa cơm công đoàn"), ("Trần Thị\x0bLan", "Trần Thị Lan"),
    ("\x1b[31mĐỏ\x1b[0m rực", "Đỏ rực"), ("\x1b[1;32mXanh", "Xanh"), ("Mái ấm_xFFFF_ cho", "Mái ấm cho"),
    ("đoàn viên _xD83D_", "đoàn viên"), ("Kim Liên _xD83D__xDC4D_", "Kim Liên 👍"),
    ("a_x0000_b", "ab"), ("x\x7fy\x9fz", "xyz"), ("x\ufffey", "xy"), ("dòng\x85hai", "dòng hai"),
    ("Bình thường", "Bình thường"), ("Tab\tvà\ndòng", "Tab và dòng"),
])
def test_controls_are_dropped_when_a_cell_is_read(cell, text):
    assert clean_text(cell) == text


def test_printable_text_is_returned_as_it_is():
    text = "Công đoàn 👍 (1)"
    assert printable(text) is text
    assert printable("a\ud83d\udc4db\ud83dc") == "a👍bc"


def test_a_workbook_cell_never_holds_what_xml_refuses():
    assert xml_text("a\x0bb\x0cc\x1fd\x00e\x1b[0m") == "a b c de"
    rows = pd.DataFrame([[1, "Kinh tế", "Mô hình\x02 số\ufffe một\ud83d", "Trần Thị\x0bLan",
                          "Cá nhân", "Q-BD", "LĐLĐ\x1b[1m Ba Đình", "Q-BD\x07.xlsx", 8]],
                        columns=COLUMNS, dtype=object)
    sheet = openpyxl.load_workbook(io.BytesIO(exemplary_workbook(rows))).active
    assert [c.value for c in sheet[2]] == [1, "Kinh tế", "Mô hình số một", "Trần Thị Lan",
                                           "Cá nhân", "Q-BD", "LĐLĐ Ba Đình", "Q-BD.xlsx", 8]


def test_a_registration_with_escaped_controls_is_counted_and_clean(tmp_path, context):
    result = read_form(tmp_path, context, [
        row(model="Tủ sách pháp luật_x0002_ cho người lao động", result="Tiêu biểu", stt=1),
        row(model="Mái ấm công đoàn_xFFFF_ cho đoàn viên", registrant="CĐCS Kim Liên _xD83D__xDC4D_",
            stt=2)])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got["model"].tolist() == ["Tủ sách pháp luật cho người lao động",
                                     "Mái ấm công đoàn cho đoàn viên"]
    assert got["registrant"].tolist()[1] == "CĐCS Kim Liên 👍"


@pytest.mark.parametrize("hidden", ["\u2060", "\u2061", "\u2064", "\u180e", "\u034f", "\u206f",
                                    "\ufff9", "\u200b\u200d\u2060"])
def test_invisible_format_characters_make_no_second_registration(tmp_path, context, hidden):
    """Fresh tester M's M083: a model with a word joiner at its end looked the same as the row
    above and was counted twice."""
    result = read_form(tmp_path, context, [
        row(model="Bữa cơm công đoàn văn minh", stt=1),
        row(model=f"Bữa cơm công đoàn v{hidden}ăn minh{hidden}", stt=2)])
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.rejections["error"].tolist()[0].startswith("Trùng với dòng 5")
