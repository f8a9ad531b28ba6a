"""One unit's list split over two files (``Đợt 1`` | ``Đợt 2``): the newest file still wins
(``spec/submission-form.md``, "Corrections"), but when it shares no registration (model and
registrant) with the older one, the unit is told (``docs/contracts.md``): the older file's
``problem`` (manifest, ``thidua validate``'s problem column), the chosen file's ``choice``
(feedback workbook, report)."""

from __future__ import annotations

import io

import openpyxl

from corpus_rows import reg, regs, titled
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.files import SUPERSEDED, USED, ingest_file
from thidua.ingest.selection import file_table, select_submissions
from thidua.publish.feedback import feedback_workbooks, unit_overview

NOTE = ("Tệp Q-DD_dot1.xlsx (3 mô hình) không được tính vì đơn vị đã gửi tệp Q-DD_dot2.xlsx "
        "sau; nếu là hai đợt của một danh sách, hãy gộp vào một tệp và gửi lại.")


def two_files(tmp_path, context, second: list[list]):
    paths = []
    for name, rows, sent in (("Q-DD_dot1.xlsx", regs(3), "01/12/2024"),
                             ("Q-DD_dot2.xlsx", second, "05/12/2024")):
        write_xlsx(tmp_path / name, [titled("Q-DD", rows, sent=sent)])
        paths.append(tmp_path / name)
    return select_submissions([ingest_file(input_file(p), context) for p in paths])


def test_a_newer_file_sharing_no_registration_still_wins_and_the_older_half_is_told(
        tmp_path, context):
    older, newer = two_files(tmp_path, context, regs(3, start=3))
    assert (older.status, newer.status) == (SUPERSEDED, USED)
    assert newer.rows["valid"] == 3  # the rule is kept: the newest file counts
    assert older.problem == NOTE
    assert newer.choice == NOTE
    assert file_table([older, newer])["problem"].tolist()[0] == NOTE


def test_a_newer_file_repeating_one_registration_is_a_correction_and_says_nothing(
        tmp_path, context):
    # ``Bữa cơm …`` of the same registrant again, its case and spacing changed
    again = reg(0, model=reg(0)[1].upper() + "  ")
    older, newer = two_files(tmp_path, context, [again, *regs(2, start=3)])
    assert (older.status, newer.status) == (SUPERSEDED, USED)
    assert (older.problem, newer.choice) == (None, "")


def test_the_note_is_in_validate_s_problem_column_and_in_the_unit_s_feedback(
        tmp_path, context, registry):
    from thidua.ingest.registry import expected_units
    from thidua.report.figures import compute_figures

    results = two_files(tmp_path, context, regs(3, start=3))
    expected = expected_units(registry, 2024)
    overview = unit_overview(compute_figures(2024, results, expected).files, expected)
    assert overview.loc["Q-DD", "problems"] == f"Q-DD_dot1.xlsx: {NOTE}"
    book = openpyxl.load_workbook(io.BytesIO(feedback_workbooks(results, 2024)["Q-DD"]))
    lines = [[c.value for c in row] for row in book["Lỗi cả tệp"].iter_rows(min_row=2)]
    assert lines == [["Q-DD_dot2.xlsx", "Danh sách", "Lưu ý", NOTE]]
