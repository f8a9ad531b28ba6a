"""The choice among a unit's files (``spec/submission-form.md``, "Corrections") and the
manifest's table of files, on results built in the test (no file read): every rule of
:mod:`thidua.ingest.selection`, each sentence word for word, each boundary both sides
(issue 14: the mutation run of ``selection``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from thidua.ingest.discover import InputFile
from thidua.ingest.files import REJECTED, SKIPPED, SUPERSEDED, USED, FileResult
from thidua.ingest.selection import FILE_COLUMNS, batch_note, file_table, select_submissions

UTC = dt.timezone.utc


def result(name: str, *, status: str = USED, unit: str | None = "Q-DD",
           sent: dt.date | None = None, modified: dt.datetime = dt.datetime(2024, 12, 1, 8, tzinfo=UTC),
           models: list[tuple[str, str]] = (), problem: str | None = None, **rest) -> FileResult:
    """A file's outcome as :func:`thidua.ingest.files.ingest_file` gives it: ``models`` its
    valid registrations as ``(model, registrant)``."""
    frame = (pd.DataFrame(models, columns=["model", "registrant"]) if models
             else pd.DataFrame())
    rows = {"read": len(models), "valid": len(models), "rejected": 0, "ignored": 0}
    return FileResult(InputFile(Path(name), name, "h" + name, 10, modified), status, unit=unit,
                      sent_date=sent, problem=problem, registrations=frame, rows=rows, **rest)


def by_name(results: list[FileResult]) -> dict[str, FileResult]:
    return {r.file: r for r in select_submissions(results)}


D1, D5 = dt.date(2024, 12, 1), dt.date(2024, 12, 5)
T1 = dt.datetime(2024, 12, 1, 8, tzinfo=UTC)
T9 = dt.datetime(2024, 12, 9, 8, tzinfo=UTC)
SAME = [("Bữa cơm Công đoàn", "CĐCS A")]


# --- which file wins, and the sentence saying why --------------------------------------------
def test_a_later_sent_date_wins_over_a_later_modification_time_and_says_nothing():
    got = by_name([result("b.xlsx", sent=D5, modified=T1, models=SAME),
                   result("a.xlsx", sent=D1, modified=T9, models=SAME)])
    assert (got["b.xlsx"].status, got["a.xlsx"].status) == (USED, SUPERSEDED)
    assert (got["b.xlsx"].choice, got["b.xlsx"].chosen_by) == ("", "sent_date")
    assert (got["a.xlsx"].choice, got["a.xlsx"].chosen_by, got["a.xlsx"].problem) == ("", "", None)


def test_a_file_without_a_sent_date_is_dated_by_its_modification_day():
    # b has no Ngày gửi: its mtime's day (09/12) is after a's sent date (05/12)
    got = by_name([result("a.xlsx", sent=D5, modified=T1, models=SAME),
                   result("b.xlsx", modified=T9, models=SAME)])
    assert (got["a.xlsx"].status, got["b.xlsx"].status) == (SUPERSEDED, USED)
    assert got["b.xlsx"].choice == (
        "Đơn vị có 2 tệp; dùng tệp b.xlsx (chọn theo thời gian sửa tệp, vì tệp b.xlsx không "
        "có dòng 'Ngày gửi:' đọc được).")
    assert got["b.xlsx"].chosen_by == "mtime"


def test_the_same_sent_date_falls_back_on_the_modification_time():
    got = by_name([result("a.xlsx", sent=D5, modified=T9, models=SAME),
                   result("b.xlsx", sent=D5, modified=T1, models=SAME)])
    assert (got["a.xlsx"].status, got["b.xlsx"].status) == (USED, SUPERSEDED)
    assert got["a.xlsx"].choice == ("Đơn vị có 2 tệp; dùng tệp a.xlsx (chọn theo thời gian sửa "
                                    "tệp, vì các tệp ghi cùng ngày gửi).")
    assert got["a.xlsx"].chosen_by == "mtime"


def test_two_undated_files_are_both_named():
    got = by_name([result("a.xlsx", modified=T9, models=SAME),
                   result("b.xlsx", modified=T9 + dt.timedelta(seconds=1), models=SAME)])
    assert got["b.xlsx"].status == USED
    assert got["b.xlsx"].choice == (
        "Đơn vị có 2 tệp; dùng tệp b.xlsx (chọn theo thời gian sửa tệp, vì tệp b.xlsx, a.xlsx "
        "không có dòng 'Ngày gửi:' đọc được).")


def test_identical_copies_are_named_as_one_file_counted_once():
    # fresh tester F's 204: the same bytes sent twice, then a ``- Copy``; the one with another
    # content (c) is not named a copy, nor is a rejected file with the same bytes
    got = by_name([result("a.xlsx", modified=T1, models=SAME, sha256="same"),
                   result("a - Copy.xlsx", modified=T9, models=SAME, sha256="same"),
                   result("b.xlsx", modified=T1 + dt.timedelta(hours=1), models=SAME,
                          sha256="same"),
                   result("c.xlsx", modified=T1, models=SAME, sha256="other"),
                   result("d.xlsx", status=REJECTED, modified=T1, sha256="same")])
    assert got["a - Copy.xlsx"].status == USED
    assert got["a - Copy.xlsx"].choice == (
        "Đơn vị có 5 tệp; dùng tệp a - Copy.xlsx (chọn theo thời gian sửa tệp, vì tệp a - "
        "Copy.xlsx, b.xlsx không có dòng 'Ngày gửi:' đọc được). Tệp a.xlsx, b.xlsx có nội "
        "dung giống hệt tệp a - Copy.xlsx (cùng một tệp gửi lại hoặc chép ra dưới tên khác) "
        "nên chỉ tính một lần.")


def test_no_copy_is_named_without_a_hash():
    got = by_name([result("a.xlsx", modified=T1, models=SAME),
                   result("b.xlsx", modified=T9, models=SAME)])
    assert got["b.xlsx"].choice.endswith("đọc được).")


def test_the_same_sent_date_and_time_falls_back_on_the_name():
    got = by_name([result("b.xlsx", sent=D5, models=SAME), result("a.xlsx", sent=D5, models=SAME)])
    assert (got["b.xlsx"].status, got["a.xlsx"].status) == (USED, SUPERSEDED)
    assert got["b.xlsx"].choice == ("Đơn vị có 2 tệp; dùng tệp b.xlsx (chọn theo thứ tự tên tệp, "
                                    "vì các tệp cùng ngày gửi và cùng thời gian sửa).")
    assert got["b.xlsx"].chosen_by == "name"


def test_a_newer_rejected_file_is_named_with_its_reason_and_the_date_of_the_one_used():
    got = by_name([result("a.xlsx", sent=D1, models=SAME),
                   result("c.xlsx", status=REJECTED, sent=D5, problem="Tệp rỗng. "),
                   result("b.xlsx", status=REJECTED, sent=dt.date(2024, 12, 3),
                          problem="Thiếu cột.")])
    assert got["a.xlsx"].status == USED
    assert got["a.xlsx"].choice == ("Tệp mới nhất c.xlsx bị từ chối (Tệp rỗng); dùng tệp a.xlsx "
                                    "gửi ngày 01/12/2024.")
    assert got["a.xlsx"].chosen_by == ""  # no other usable file
    assert [got[f].status for f in ("b.xlsx", "c.xlsx")] == [REJECTED, REJECTED]


def test_a_newer_rejected_file_without_a_reason_and_an_undated_file_used():
    got = by_name([result("a.xlsx", modified=T1, models=SAME),
                   result("c.xlsx", status=REJECTED, modified=T9)])
    assert got["a.xlsx"].choice == (
        "Tệp mới nhất c.xlsx bị từ chối (); dùng tệp a.xlsx sửa ngày 01/12/2024 (không có dòng "
        "'Ngày gửi:' đọc được).")


def test_an_older_rejected_file_is_not_told_and_never_wins():
    got = by_name([result("a.xlsx", status=REJECTED, sent=D1, problem="Thiếu cột."),
                   result("b.xlsx", sent=D5, models=SAME)])
    assert (got["a.xlsx"].status, got["b.xlsx"].status) == (REJECTED, USED)
    assert (got["b.xlsx"].choice, got["b.xlsx"].chosen_by) == ("", "")
    assert got["a.xlsx"].problem == "Thiếu cột."


def test_skipped_entries_and_other_units_are_not_the_units_files():
    got = by_name([result("~$a.xlsx", status=SKIPPED, modified=T9),
                   result("x.xlsx", unit="Q-HK", modified=T9, models=SAME),
                   result("a.xlsx", modified=T1, models=SAME),
                   result("b.xlsx", status=SUPERSEDED, modified=T1 - dt.timedelta(days=1),
                          models=SAME)])
    assert [got[f].status for f in ("~$a.xlsx", "x.xlsx", "a.xlsx", "b.xlsx")] == [
        SKIPPED, USED, USED, SUPERSEDED]
    # three files of Q-DD but one skipped: two
    assert got["a.xlsx"].choice.startswith("Đơn vị có 2 tệp; dùng tệp a.xlsx (chọn theo thời gian")
    assert got["x.xlsx"].choice == ""


def test_the_results_keep_their_order_and_a_second_pass_changes_nothing():
    first = select_submissions([result("b.xlsx", sent=D1, models=SAME),
                                result("a.xlsx", sent=D5, models=[("Khác", "CĐCS B")]),
                                result("c.xlsx", status=REJECTED)])
    assert [r.file for r in first] == ["b.xlsx", "a.xlsx", "c.xlsx"]
    assert [r.status for r in first] == [SUPERSEDED, USED, REJECTED]
    assert select_submissions(first) == first


# --- registrations of a superseded file counted nowhere ---------------------------------------
def models(n: int, start: int = 0) -> list[tuple[str, str]]:
    return [(f"Mô hình số {i}", "CĐCS A") for i in range(start, start + n)]


def test_an_older_file_sharing_nothing_is_told_as_another_batch_with_its_count():
    older = result("a.xlsx", sent=D1, models=models(2))
    older = replace(older, rows={**older.rows, "valid": 1234})
    got = by_name([older, result("b.xlsx", sent=D5, models=models(1, start=5))])
    note = ("Tệp a.xlsx (1.234 mô hình) không được tính vì đơn vị đã gửi tệp b.xlsx sau; nếu là "
            "hai đợt của một danh sách, hãy gộp vào một tệp và gửi lại.")
    assert got["a.xlsx"].problem == note
    assert got["b.xlsx"].choice == note


@pytest.mark.parametrize("lost, named", [
    (3, "'Mô hình số 1', 'Mô hình số 2', 'Mô hình số 3'"),
    (4, "'Mô hình số 1', 'Mô hình số 2', 'Mô hình số 3' và 1 mô hình khác"),
])
def test_three_lost_models_are_named_and_the_rest_counted(lost, named):
    older = result("a.xlsx", sent=D1, models=models(lost + 1))
    newer = result("b.xlsx", sent=D5, models=models(1))
    assert batch_note(older, newer) == (
        f"{lost} trong {lost + 1} mô hình của tệp a.xlsx không có trong các mô hình hợp lệ của "
        f"tệp b.xlsx mới hơn nên không được tính: {named}. Nếu vẫn đăng ký các mô hình này, hãy "
        f"gộp hai tệp vào một tệp và gửi lại.")


def test_a_lost_models_name_is_cut_after_100_characters():
    long = "M" * 100
    older = result("a.xlsx", sent=D1, models=[*models(1), (long, "X"), (long + "N", "Y")])
    note = batch_note(older, result("b.xlsx", sent=D5, models=models(1)))
    assert f": '{long}', '{long}…'. Nếu" in note


def test_the_first_spelling_of_a_repeated_registration_is_named_and_counted_once():
    older = result("a.xlsx", sent=D1, models=[("Chung", "CĐCS A"), ("Tủ sách", "CĐCS A"),
                                              ("tủ  SÁCH.", "cđcs a")])
    note = batch_note(older, result("b.xlsx", sent=D5, models=[("chung", "CĐCS A")]))
    assert note.startswith("1 trong 2 mô hình của tệp a.xlsx không có trong các mô hình hợp lệ "
                           "của tệp b.xlsx mới hơn nên không được tính: 'Tủ sách'. Nếu")


def test_nothing_is_told_when_every_registration_is_kept_or_told_for_a_later_file():
    older = result("a.xlsx", sent=D1, models=models(2))
    assert batch_note(older, result("b.xlsx", sent=D5, models=models(3))) is None
    later = result("c.xlsx", sent=D5, models=models(2))
    assert batch_note(older, result("b.xlsx", sent=D5, models=models(1)), (later,)) is None
    # one registration told for the later file, the other here
    assert batch_note(older, result("b.xlsx", sent=D5, models=models(1)),
                      (result("c.xlsx", sent=D5, models=models(1, start=1)),)) is None
    assert batch_note(result("e.xlsx"), result("b.xlsx", models=models(1))) is None


@pytest.mark.parametrize("frame", [pd.DataFrame({"model": ["A"]}),
                                   pd.DataFrame({"registrant": ["A"]})])
def test_a_file_without_a_model_or_registrant_column_has_nothing_to_tell(frame):
    older = replace(result("a.xlsx"), registrations=frame)
    assert batch_note(older, result("b.xlsx", models=models(1))) is None


def test_three_files_each_lost_registration_is_told_once_oldest_first():
    a = result("a.xlsx", sent=D1, models=models(2) + models(1, start=3))  # 3 lost, 1 in b
    b = result("b.xlsx", sent=dt.date(2024, 12, 3), models=models(2, start=1))  # shares none
    c = result("c.xlsx", sent=D5, models=models(1) + models(1, start=5))
    got = by_name([c, b, a])
    assert got["a.xlsx"].problem == (
        "1 trong 3 mô hình của tệp a.xlsx không có trong các mô hình hợp lệ của tệp c.xlsx mới "
        "hơn nên không được tính: 'Mô hình số 3'. Nếu vẫn đăng ký các mô hình này, hãy gộp hai "
        "tệp vào một tệp và gửi lại.")
    assert got["b.xlsx"].problem == (
        "Tệp b.xlsx (2 mô hình) không được tính vì đơn vị đã gửi tệp c.xlsx sau; nếu là hai "
        "đợt của một danh sách, hãy gộp vào một tệp và gửi lại.")
    assert got["c.xlsx"].choice == f"{got['a.xlsx'].problem} {got['b.xlsx'].problem}"
    assert got["c.xlsx"].chosen_by == "sent_date"


# --- the manifest's table of files -----------------------------------------------------------
def test_the_table_of_files_has_one_typed_row_per_file_in_input_order():
    chosen = result("b.xlsx", sent=D5, modified=T9, models=SAME, sheet="DS", encoding="VNI",
                    ignored={"blank": 2, "totals": 0}, sheets=({"sheet": "DS", "read": 1},),
                    transient=False)
    skipped = FileResult(InputFile(Path("~$b.xlsx"), "~$b.xlsx", "", 0, T1, "tệp khóa"), SKIPPED,
                         unit=None)
    table = file_table([chosen, skipped])
    assert table.columns.tolist() == FILE_COLUMNS
    assert table.dtypes[["size", "read", "valid", "rejected", "ignored"]].tolist() == ["int64"] * 5
    first = table.iloc[0].to_dict()
    assert first == {
        "file": "b.xlsx", "sha256": "", "size": 10, "modified": "2024-12-09T08:00:00+00:00",
        "unit": "Q-DD", "sent_date": "2024-12-05", "sent_time": None, "status": USED, "sheet": "DS",
        "encoding": "VNI", "problem": None, "read": 1, "valid": 1, "rejected": 0, "ignored": 0,
        "reason": "", "choice": "", "chosen_by": "", "transient": False,
        "ignored_by": {"blank": 2}, "sheets": [{"sheet": "DS", "read": 1}],
        "rows_sha256": "", "first_seen": None}
    second = table.iloc[1]
    assert (second["file"], second["status"], second["reason"], second["size"]) == (
        "~$b.xlsx", SKIPPED, "tệp khóa", 0)
    assert pd.isna(second["sent_date"]) and pd.isna(second["unit"])
    assert (second["ignored_by"], second["sheets"]) == ({}, [])


def test_a_model_kept_under_another_registrant_was_corrected_not_left_out():
    """Fresh tester F's 205, 210: the newer file fixes a registrant's name (``Lonng`` →
    ``Long``) or turns an individual's model into a collective's: not told as left out (the
    advice to merge both files would count it twice). One newer registration answers one
    older: a model held twice before and once now still tells one left out."""
    older = result("a.xlsx", sent=D1, models=[("Tủ sách", "Hoàng Đức Lonng"), ("Chung", "A"),
                                              ("Bữa cơm", "Lê Văn B")])
    newer = result("b.xlsx", sent=D5, models=[("Tủ sách", "Hoàng Đức Long"), ("Chung", "A"),
                                              ("Bữa cơm", "CĐCS Trường A")])
    assert batch_note(older, newer) is None
    twice = result("a.xlsx", sent=D1, models=[("Tủ sách", "Nguyễn Văn A"),
                                              ("Tủ sách", "Trần Thị B"), ("Chung", "A")])
    once = result("b.xlsx", sent=D5, models=[("Tủ sách", "Nguyễn Văn An"), ("Chung", "A")])
    assert batch_note(twice, once).startswith(
        "1 trong 3 mô hình của tệp a.xlsx không có trong các mô hình hợp lệ của tệp b.xlsx mới "
        "hơn nên không được tính: 'Tủ sách'.")
    # the model matched exactly is no spare for another registrant's
    exact = result("b.xlsx", sent=D5, models=[("Tủ sách", "Nguyễn Văn A"), ("Chung", "A")])
    assert batch_note(twice, exact).startswith("1 trong 3 mô hình")

def test_a_model_kept_under_its_own_registrant_beside_a_new_one_leaves_the_other_out():
    """Fresh tester G's 407: ``M`` by An and by Yến, then ``M`` by Yến and by Cường (a third
    person beside Yến): An is left out (5 of 6), not taken as corrected by Cường. Where the
    model is kept under its own registrant, only a typo of a name is a correction; where no
    registrant of the model is kept, a new one still answers one old (a type corrected)."""
    older = result("a.xlsx", sent=D1, models=[
        ("Hỗ trợ con công nhân", "Nguyễn Văn An"), ("Hỗ trợ con công nhân", "Trịnh Thị Yến"),
        ("Chợ phiên", "CĐCS A"), ("Góc đọc sách", "Hà Thị Phương"), ("Góc văn hóa", "CĐCS B"),
        ("Tiết kiệm điện", "Trần Thị Lan")])
    newer = result("b.xlsx", sent=D5, models=[
        ("Hỗ trợ con công nhân", "Trịnh Thị Yến"), ("Hỗ trợ con công nhân", "Lê Văn Cường"),
        ("Tổ tự quản", "CĐCS C"), ("Phát triển đoàn viên", "Phạm Thị Hoa")])
    assert batch_note(older, newer) == (
        "5 trong 6 mô hình của tệp a.xlsx không có trong các mô hình hợp lệ của tệp b.xlsx mới "
        "hơn nên không được tính: 'Hỗ trợ con công nhân', 'Chợ phiên', 'Góc đọc sách' và 2 mô "
        "hình khác. Nếu vẫn đăng ký các mô hình này, hãy gộp hai tệp vào một tệp và gửi lại.")
    # beside the kept registrant, a typo of the other's name fixed is a correction
    fixed = result("b.xlsx", sent=D5, models=[
        ("Hỗ trợ con công nhân", "Trịnh Thị Yến"), ("Hỗ trợ con công nhân", "Nguyễn Văn Aan"),
        *[m for m in older.registrations.itertuples(index=False, name=None)][2:]])
    assert batch_note(older, fixed) is None
    # no registrant of the model kept: the new one answers the old (a type corrected)
    moved = result("b.xlsx", sent=D5, models=[
        ("Hỗ trợ con công nhân", "CĐCS Trường A"), ("Hỗ trợ con công nhân", "CĐCS Trường B"),
        *[m for m in older.registrations.itertuples(index=False, name=None)][2:]])
    assert batch_note(older, moved) is None
    gone = result("b.xlsx", sent=D5, models=[
        ("Hỗ trợ con công nhân", "CĐCS Trường A"),
        *[m for m in older.registrations.itertuples(index=False, name=None)][2:]])
    assert batch_note(older, gone).startswith("1 trong 6 mô hình")


# --- 01/12 re-run's survivors ----------------------------------------------------------------
def test_a_file_not_marked_old_wins_over_a_newer_old_copy_and_says_why():
    got = by_name([result("Q-DD.xlsx", sent=D1, modified=T1, models=SAME),
                   result("cũ/Q-DD.xlsx", sent=D5, modified=T9, models=SAME)])
    assert (got["Q-DD.xlsx"].status, got["cũ/Q-DD.xlsx"].status) == (USED, SUPERSEDED)
    assert (got["Q-DD.xlsx"].choice, got["Q-DD.xlsx"].chosen_by) == (
        "Đơn vị có 2 tệp; dùng tệp Q-DD.xlsx (chọn tệp không ghi là bản cũ hay bản nháp, vì "
        "tên hoặc thư mục của tệp cũ/Q-DD.xlsx cho biết là bản cũ hay bản nháp).", "not_old")


def test_between_two_old_copies_the_later_sent_date_wins_and_says_nothing():
    got = by_name([result("cũ/a.xlsx", sent=D1, modified=T9, models=SAME),
                   result("cũ/b.xlsx", sent=D5, modified=T1, models=SAME)])
    assert (got["cũ/b.xlsx"].status, got["cũ/b.xlsx"].choice) == (USED, "")
    assert got["cũ/b.xlsx"].chosen_by == "sent_date"


def test_a_sent_date_after_the_other_file_s_edit_day_wins_and_says_both_dates():
    got = by_name([result("a.xlsx", sent=D5, modified=T1, models=SAME),
                   result("b.xlsx", modified=T1, models=SAME)])
    assert (got["a.xlsx"].status, got["b.xlsx"].status) == (USED, SUPERSEDED)
    assert got["a.xlsx"].choice == (
        "Đơn vị có 2 tệp; dùng tệp a.xlsx (chọn theo ngày gửi ghi trong tệp a.xlsx (05/12/2024), "
        "sau ngày sửa tệp b.xlsx (01/12/2024), tệp không có dòng 'Ngày gửi:' đọc được).")


def test_a_newer_rejected_file_names_the_time_the_used_one_was_sent():
    got = by_name([result("a.xlsx", sent=D5, sent_time=dt.time(9, 15), models=SAME),
                   result("b.xlsx", status=REJECTED, sent=D5, sent_time=dt.time(16, 40),
                          problem="Thiếu cột 'Tên mô hình'.")])
    assert got["a.xlsx"].choice == ("Tệp mới nhất b.xlsx bị từ chối (Thiếu cột 'Tên mô hình'); "
                                    "dùng tệp a.xlsx gửi ngày 05/12/2024 lúc 09:15.")


def test_the_table_of_no_file_has_every_column():
    table = file_table([])
    assert (table.columns.tolist(), len(table)) == (FILE_COLUMNS, 0)
    assert table["size"].dtype == "int64"


def test_a_rejected_file_s_reason_loses_only_its_final_dot_and_spaces():
    got = by_name([result("a.xlsx", sent=D1, models=SAME),
                   result("b.xlsx", status=REJECTED, sent=D5, problem="Tệp không phải XLSX. ")])
    assert got["a.xlsx"].choice == ("Tệp mới nhất b.xlsx bị từ chối (Tệp không phải XLSX); "
                                    "dùng tệp a.xlsx gửi ngày 01/12/2024.")


def test_a_choice_made_before_is_made_again_when_a_newer_file_comes():
    """Idempotent, and a file's earlier choice does not stick: the former winner, superseded
    now, says no choice; a file superseded before and newest now is used."""
    first = by_name([result("a.xlsx", sent=D1, modified=T9, models=SAME),
                     result("b.xlsx", modified=T9, models=SAME)])
    assert (first["b.xlsx"].status, first["b.xlsx"].chosen_by) == (USED, "name")
    again = by_name([first["b.xlsx"], result("c.xlsx", sent=dt.date(2024, 12, 20), modified=T9,
                                              models=SAME)])
    assert (again["b.xlsx"].status, again["b.xlsx"].choice, again["b.xlsx"].chosen_by) == (
        SUPERSEDED, "", "")
    back = by_name([replace(first["a.xlsx"], sent_date=dt.date(2024, 12, 20))])
    assert (back["a.xlsx"].status, back["a.xlsx"].choice) == (USED, "")


@pytest.mark.parametrize("name, newer", [
    ("dot 1/bo sung/Q-HM.xlsx", True),   # the second of two folders
    ("", False),                         # no name at all
    ("bo sung.xlsx", True), ("Q-HM.bo sung", False),  # the suffix is no word of the name
])
def test_every_folder_and_the_name_without_its_suffix_are_read(name, newer):
    from thidua.ingest.selection import is_newer_file

    assert is_newer_file(name) is newer
