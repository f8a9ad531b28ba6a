"""The program's own feedback workbook found among the units' files (the office saved
``kiem-tra/phan-hoi/Q-DD.xlsx`` into the raw folder, or the unit sent it back with its rejected
rows corrected in it): rejected as no list, and the unit's list stays counted. Before, its sheet
``Dòng bị từ chối`` was read as the unit's newest list and superseded the real one (fresh
tester Q's R151: Q-DD counted 0 instead of 7). ``thidua/ingest/ownfiles.py``."""

from __future__ import annotations

import datetime as dt
import io
import os

import openpyxl
import pytest

from helpers import HEADER, input_file, row, write_xlsx
from thidua.ingest.discover import discover_files
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.ownfiles import OWN_FEEDBACK
from thidua.ingest.selection import select_submissions
from thidua.publish.feedback import unit_workbook

ROWS = [row(stt=i, model=f"Mô hình số {i} của đơn vị") for i in range(1, 4)] + [
    row(stt=4, model="Mô hình thiếu hình thức", type_=None)]  # rejected: Hình thức missing


def _folder(tmp_path, context, edit=None):
    """The unit's list (3 valid, 1 rejected), and a day later its feedback workbook saved
    beside it as ``Q-DD (phản hồi).xlsx`` (``edit`` applied to it first, as Excel would)."""
    raw = tmp_path / "raw"
    listed = write_xlsx(raw / "Q-DD_dk.xlsx", ROWS, title=["Mã đơn vị: Q-DD", "Năm: 2024"])
    first = ingest_file(input_file(listed, raw), context)
    data = unit_workbook("Q-DD", 2024, [first])
    if edit:
        book = openpyxl.load_workbook(io.BytesIO(data))
        edit(book)
        out = io.BytesIO()
        book.save(out)
        data = out.getvalue()
    back = raw / "Q-DD (phản hồi).xlsx"
    back.write_bytes(data)
    day = dt.datetime(2024, 12, 5).timestamp()
    os.utime(listed, (day, day))
    os.utime(back, (day + 86_400, day + 86_400))
    return select_submissions([ingest_file(f, context) for f in discover_files(raw)])


def _corrected(book):
    """The unit fixes its rejected row in the feedback's own sheet, and saves."""
    sheet = book["Dòng bị từ chối"]
    header = [c.value for c in sheet[1]]
    for cells in sheet.iter_rows(min_row=2):
        if cells[header.index("Hình thức")].value in (None, ""):
            cells[header.index("Hình thức")].value = "Tập thể"


def _creator_lost(book):
    """Saved again by Excel on the office's machine: its author is no longer the program."""
    book.properties.creator = book.properties.lastModifiedBy = "Văn phòng LĐLĐ"


@pytest.mark.parametrize("edit", [None, _corrected, _creator_lost],
                         ids=["as written", "rows corrected in it", "saved again"])
def test_the_feedback_workbook_is_rejected_and_the_unit_s_list_still_counts(tmp_path, context,
                                                                           edit):
    results = {r.file: r for r in _folder(tmp_path, context, edit)}
    back = results["Q-DD (phản hồi).xlsx"]
    assert (back.status, back.problem) == (REJECTED, OWN_FEEDBACK)
    listed = results["Q-DD_dk.xlsx"]
    assert (listed.status, listed.rows["valid"], listed.rows["rejected"]) == (USED, 3, 1)


def test_a_unit_s_own_list_with_a_notes_column_is_no_feedback(tmp_path, context):
    """A list with a ``Lý do`` column of its own (why a model was chosen) is read as ever: only
    the feedback's three columns together, or its title, mark it."""
    rows = [[*r, "Để nhân rộng"] for r in ROWS[:3]]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD", "Năm: 2024"],
                      header=[*HEADER, "Lý do"])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.rows["valid"]) == (USED, 3)
