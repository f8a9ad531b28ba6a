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
    tmp_path.mkdir(exist_ok=True)
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


def test_a_newer_file_repeating_one_registration_tells_the_others_by_name(tmp_path, context):
    # ``Bữa cơm …`` of the same registrant again, its case and spacing changed; the other two
    # registrations of the older file are in no figure: told how many and which (fault 24.1)
    again = reg(0, model=reg(0)[1].upper() + "  ")
    older, newer = two_files(tmp_path, context, [again, *regs(2, start=3)])
    assert (older.status, newer.status) == (SUPERSEDED, USED)
    assert newer.rows["valid"] == 3  # the newest file still wins
    note = ("2 trong 3 mô hình của tệp Q-DD_dot1.xlsx không có trong các mô hình hợp lệ của tệp "
            "Q-DD_dot2.xlsx mới hơn nên không được tính: 'Tủ sách pháp luật tại phân xưởng', "
            "'Chợ phiên Công đoàn'. Nếu vẫn đăng ký các mô hình này, hãy gộp hai tệp vào một tệp "
            "và gửi lại.")
    assert (older.problem, newer.choice) == (note, note)


def test_beyond_three_models_the_note_names_three_and_counts_the_rest(tmp_path, context):
    older, newer = three_files(tmp_path, context, regs(6), [reg(0), *regs(2, start=7)])
    assert older.problem == (
        "5 trong 6 mô hình của tệp Q-DD_a.xlsx không có trong các mô hình hợp lệ của tệp "
        "Q-DD_b.xlsx mới hơn nên không được tính: 'Tủ sách pháp luật tại phân xưởng', 'Chợ "
        "phiên Công đoàn', 'Góp vốn xoay vòng giúp đoàn viên khó khăn' và 2 mô hình khác. Nếu "
        "vẫn đăng ký các mô hình này, hãy gộp hai tệp vào một tệp và gửi lại.")
    assert newer.choice == older.problem


def test_the_same_model_by_another_registrant_is_a_correction_not_a_loss(tmp_path, context):
    """Was told as left out until fresh tester F's 205, 210 (a registrant's typo fixed, a
    type corrected): the advice to merge both files would count the model twice. A model
    the newer file no longer holds at all is still told."""
    moved = reg(1, registrant="Trần Thị Bích")  # model 1, now someone else's
    older, newer = two_files(tmp_path, context, [reg(0), moved, reg(2)])
    assert older.problem is None
    older, newer = two_files(tmp_path / "dropped", context, [reg(0), reg(2)])
    assert older.problem == (
        "1 trong 3 mô hình của tệp Q-DD_dot1.xlsx không có trong các mô hình hợp lệ của tệp "
        "Q-DD_dot2.xlsx mới hơn nên không được tính: 'Tủ sách pháp luật tại phân xưởng'. Nếu "
        "vẫn đăng ký các mô hình này, hãy gộp hai tệp vào một tệp và gửi lại.")


def test_a_newer_strict_superset_or_the_same_file_again_says_nothing(tmp_path, context):
    # the same three, spelt otherwise (case, end punctuation), and one more
    again = [reg(i, model=reg(i)[1].lower() + ".") for i in range(3)]
    older, newer = two_files(tmp_path, context, [*again, reg(5)])
    assert (older.status, older.problem, newer.choice) == (SUPERSEDED, None, "")
    older, newer = two_files(tmp_path / "same", context, regs(3))
    assert (older.status, older.problem, newer.choice) == (SUPERSEDED, None, "")


def three_files(tmp_path, context, *contents: list[list]):
    """Files ``Q-DD_a.xlsx``, ``Q-DD_b.xlsx``, … sent on the 1st, 2nd, … of December, each
    one sheet of the rows given."""
    paths = []
    for n, rows in enumerate(contents):
        path = tmp_path / f"Q-DD_{'abc'[n]}.xlsx"
        path.parent.mkdir(exist_ok=True)
        write_xlsx(path, [titled("Q-DD", rows, sent=f"0{n + 1}/12/2024")])
        paths.append(path)
    return select_submissions([ingest_file(input_file(p), context) for p in paths])


def test_three_files_each_lost_registration_is_told_once_by_the_newest_file_holding_it(
        tmp_path, context):
    # a: 0 1 2 | b: 0 1 3 (a correction that drops 2) | c: 0 4 (a second batch repeating 0)
    first, second, third = three_files(tmp_path, context, regs(3),
                                       [reg(0), reg(1), reg(3)], [reg(0), reg(4)])
    assert [r.status for r in (first, second, third)] == [SUPERSEDED, SUPERSEDED, USED]
    a = ("1 trong 3 mô hình của tệp Q-DD_a.xlsx không có trong các mô hình hợp lệ của tệp "
         "Q-DD_c.xlsx mới hơn nên không được tính: 'Chợ phiên Công đoàn'. Nếu vẫn đăng ký các "
         "mô hình này, hãy gộp hai tệp vào một tệp và gửi lại.")
    b = ("2 trong 3 mô hình của tệp Q-DD_b.xlsx không có trong các mô hình hợp lệ của tệp "
         "Q-DD_c.xlsx mới hơn nên không được tính: 'Tủ sách pháp luật tại phân xưởng', 'Góp "
         "vốn xoay vòng giúp đoàn viên khó khăn'. Nếu vẫn đăng ký các mô hình này, hãy gộp hai "
         "tệp vào một tệp và gửi lại.")
    # model 1 is told by b (the newer of the two holding it), not again by a
    assert (first.problem, second.problem) == (a, b)
    assert third.choice == f"{a} {b}"


def test_three_batches_sharing_nothing_each_older_one_is_told(tmp_path, context):
    first, second, third = three_files(tmp_path, context, regs(2), regs(2, start=2),
                                       regs(2, start=4))
    assert first.problem == ("Tệp Q-DD_a.xlsx (2 mô hình) không được tính vì đơn vị đã gửi tệp "
                             "Q-DD_c.xlsx sau; nếu là hai đợt của một danh sách, hãy gộp vào một "
                             "tệp và gửi lại.")
    assert second.problem == first.problem.replace("Q-DD_a", "Q-DD_b")
    assert third.choice == f"{first.problem} {second.problem}"


def test_a_rejected_newer_file_leaves_the_older_in_use_with_nothing_lost_to_tell(
        tmp_path, context):
    # the newer file is the second batch, but its title says 2023: rejected, the older counts
    path = tmp_path / "Q-DD_b.xlsx"
    write_xlsx(path, [titled("Q-DD", [reg(0), reg(4)], sent="02/12/2024", year="2023")])
    write_xlsx(tmp_path / "Q-DD_a.xlsx", [titled("Q-DD", regs(3), sent="01/12/2024")])
    older, newer = select_submissions([ingest_file(input_file(p), context)
                                       for p in (tmp_path / "Q-DD_a.xlsx", path)])
    assert (older.status, newer.status, older.rows["valid"]) == (USED, "rejected", 3)
    assert older.problem is None
    assert older.choice.startswith("Tệp mới nhất Q-DD_b.xlsx bị từ chối (Năm ở tiêu đề (2023) "
                                   "khác năm")
    assert older.choice.endswith("; dùng tệp Q-DD_a.xlsx gửi ngày 01/12/2024.")


def test_the_note_is_in_validate_s_problem_column_and_in_the_unit_s_feedback(
        tmp_path, context, registry):
    from thidua.ingest.registry import expected_units
    from thidua.report.figures import compute_figures

    results = two_files(tmp_path, context, regs(3, start=3))
    expected = expected_units(registry, 2024)
    overview = unit_overview(compute_figures(2024, results, expected).files, expected)
    assert overview.loc["Q-DD", "problems"] == f"Q-DD_dot1.xlsx: {NOTE}"
    book = openpyxl.load_workbook(io.BytesIO(feedback_workbooks(results, 2024)["Q-DD"]))
    lines = [[c.value for c in row] for row in book["Lỗi và lưu ý cả tệp"].iter_rows(min_row=2)]
    assert lines == [["Q-DD_dot2.xlsx", "Danh sách", "Lưu ý", NOTE]]


def test_the_dropped_registrations_are_in_validate_s_problem_column_and_the_feedback(
        tmp_path, context, registry):
    from thidua.ingest.registry import expected_units
    from thidua.report.figures import compute_figures

    results = two_files(tmp_path, context, [reg(0), *regs(2, start=3)])
    note = results[0].problem
    assert note.startswith("2 trong 3 mô hình của tệp Q-DD_dot1.xlsx")
    expected = expected_units(registry, 2024)
    overview = unit_overview(compute_figures(2024, results, expected).files, expected)
    assert overview.loc["Q-DD", "problems"] == f"Q-DD_dot1.xlsx: {note}"
    assert overview.loc["Q-DD", "valid"] == 3
    book = openpyxl.load_workbook(io.BytesIO(feedback_workbooks(results, 2024)["Q-DD"]))
    lines = [[c.value for c in row] for row in book["Lỗi và lưu ý cả tệp"].iter_rows(min_row=2)]
    assert lines == [["Q-DD_dot2.xlsx", "Danh sách", "Lưu ý", note]]


def test_a_large_list_and_its_correction_are_compared_in_one_pass(monkeypatch):
    """Fresh tester Q's R259, R260: a unit's list of 2.050 and its correction dropping the last
    100. The registrations left out are worked out once, each model's registrants grouped
    once; before, each registration asked for the whole comparison again, each model looked
    through every registration (the run did not finish in 10 minutes). Figures and note as
    for a small list."""
    from test_selection_mutants import result

    from thidua.ingest import selection

    models = [(f"Mô hình số {i}", f"CĐCS {i % 40}") for i in range(2_050)]
    older = result("Q-DD.xlsx", models=models)
    newer = result("Q-DD (sửa).xlsx", models=models[:1_950])
    calls = []
    real = selection._left_out
    monkeypatch.setattr(selection, "_left_out",
                        lambda mine, told: calls.append(len(mine)) or real(mine, told))
    note = selection.batch_note(older, newer)
    assert calls == [2_050]
    assert note == ("100 trong 2.050 mô hình của tệp Q-DD.xlsx không có trong các mô hình hợp "
                    "lệ của tệp Q-DD (sửa).xlsx mới hơn nên không được tính: 'Mô hình số 1950', "
                    "'Mô hình số 1951', 'Mô hình số 1952' và 97 mô hình khác. Nếu vẫn đăng ký "
                    "các mô hình này, hãy gộp hai tệp vào một tệp và gửi lại.")
    left = real(selection._registrations(older), set(selection._registrations(newer)))
    assert len(left) == 100
