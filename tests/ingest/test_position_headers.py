"""The position column headed with the individual's workplace, as other form versions do:
``Chức vụ, đơn vị công tác``, ``Chức vụ, nơi công tác``, ``Chức vụ/Đơn vị công tác``,
``Chức vụ, đơn vị công tác (nếu là cá nhân)`` (fresh tester J's J021, J110, J021b: every
individual was rejected "Thiếu 'Chức vụ'" although the column was filled). A workplace alone
names no column (``spec/submission-form.md``, "The header row"; ``docs/contracts.md``)."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import USED, ingest_file
from thidua.ingest.headers import header_name

POSITION_HEADERS = [
    "Chức vụ, đơn vị công tác", "Chức vụ, nơi công tác", "Chức vụ/Đơn vị công tác",
    "Chức vụ, đơn vị công tác (nếu là cá nhân)", "CHỨC VỤ, ĐƠN VỊ CÔNG TÁC",
    "Chức vụ, nơi làm việc", "Chức danh, cơ quan công tác", "Chức vụ của cá nhân",
    "Chức vụ, đơn vị", "Chức vụ/đơn vị", "Chức vụ (đối với cá nhân)", "Chức vụ - Đơn vị"]


@pytest.mark.parametrize("text", POSITION_HEADERS)
def test_a_position_header_with_the_workplace_names_the_position(text):
    assert header_name(text) == "position"


@pytest.mark.parametrize("text, name", [
    ("Đơn vị công tác", None), ("Nơi công tác", None), ("Công tác", None),
    ("Tên tập thể/cá nhân, đơn vị công tác", None), ("Lĩnh vực công tác", None),
    ("Thời gian công tác", None), ("Tên tập thể/cá nhân", "registrant"),
    # the name and the position in one column of an older form: the registrant's, the position
    # read from the cell (fresh tester J's J126, test_registrant_position_header.py)
    ("Họ và tên, chức vụ", "registrant"),
    ("Lĩnh vực cá nhân", None)])
def test_the_workplace_words_follow_no_other_column_s_head(text, name):
    assert header_name(text) == name


@pytest.mark.parametrize("text", ["Chức vụ, đơn vị công tác", "Chức vụ/Đơn vị công tác",
                                  "Chức vụ, đơn vị công tác (nếu là cá nhân)"])
def test_the_individuals_under_such_a_header_count_with_their_position(tmp_path, context, text):
    rows = regs(4)
    path = tmp_path / "Q-HBT_dk.xlsx"
    header = [*HEADER[:5], text, *HEADER[6:]]
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HBT"], ["Năm: 2024"], header, *rows])])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"], result.rows["rejected"]) == (USED, 4, 0)
    assert result.registrations["position"].tolist()[1::2] == ["Tổ trưởng tổ Công đoàn", "Công nhân"]
