"""An original that the office saved again, or downloaded again, never undoes a unit's
correction (fresh tester K's K158, K159, K190, K201; :mod:`thidua.ingest.firstseen`): a file
is dated by the first time its rows were seen, in the version published before or, for the
same bytes, in another file of the run. A file whose rows changed keeps its own time."""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace

import openpyxl
import pytest
import pandas as pd
from typer.testing import CliRunner

from conftest import REGISTRY
from helpers import row, write_xlsx
from test_selection_mutants import result
from thidua.ingest.files import REJECTED, SUPERSEDED, USED
from thidua.ingest.firstseen import dated_by_content, rows_sha256, seen_before
from thidua.ingest.selection import file_table, select_submissions
from thidua.publish.versions import _file_changes
from thidua.cli import app
from thidua.runner import run_year

UTC = dt.timezone.utc
T2, T5, T9 = (dt.datetime(2024, 12, d, 8, tzinfo=UTC) for d in (2, 5, 9))
EIGHT = [(f"Mô hình số {i}", f"CĐCS {i}") for i in range(8)]
NINE = EIGHT + [("Mô hình bổ sung", "CĐCS 9")]


def _published(results) -> list[dict]:
    """The manifest's inputs of a run that chose among ``results``."""
    table = file_table(select_submissions(results))
    return [{"path": r["file"], "unit": r["unit"], "status": r["status"],
             "modified": r["modified"], "rows_sha256": r["rows_sha256"],
             **({"first_seen": r["first_seen"]} if isinstance(r["first_seen"], str) else {})}
            for r in table.to_dict("records")]


def _chosen(results, seen=None) -> dict[str, str]:
    return {r.file: r.status for r in select_submissions(dated_by_content(results, seen))}


def _after_saving_again(original, v2) -> dict[str, str]:
    """The statuses of a run after the one that chose between ``original`` and ``v2``, the
    office having opened ``original`` and saved it again on 09/12 (its rows unchanged)."""
    seen = seen_before(_published([original, v2]))
    saved = replace(original, input=replace(original.input, modified=T9))
    return _chosen([saved, v2], seen)


# --- what a file says ------------------------------------------------------------------------
def test_the_rows_fingerprint_is_the_rows_not_the_name_nor_the_bytes():
    one = result("a.xlsx", models=EIGHT, sha256="x")
    assert rows_sha256(one) == rows_sha256(result("b (1).xlsx", models=EIGHT, sha256="y",
                                                  modified=T9))
    edited = [("Mô hình số 0 (sửa)", "CĐCS 0"), *EIGHT[1:]]
    assert rows_sha256(one) != rows_sha256(result("a.xlsx", models=edited, sha256="x"))
    assert rows_sha256(one) != rows_sha256(result("a.xlsx", models=EIGHT[::-1]))  # order
    assert rows_sha256(one) != rows_sha256(result("a.xlsx", models=EIGHT, unit="Q-CG"))
    assert rows_sha256(one) != rows_sha256(result("a.xlsx", models=EIGHT, sent=T5.date()))
    # the file a row came from is not what it says
    frame = one.registrations.assign(file="a.xlsx")
    assert rows_sha256(replace(one, registrations=frame)) == rows_sha256(
        replace(one, registrations=one.registrations.assign(file="khac.xlsx")))
    assert len(rows_sha256(one)) == 64


def test_a_cell_holding_a_list_is_fingerprinted_by_its_text():
    frame = pd.DataFrame({"model": ["A"], "registrant": [["x", "y"]]})
    one, other = (replace(result("a.xlsx"), registrations=f) for f in (
        frame, frame.assign(registrant=[["x", "z"]])))
    assert rows_sha256(one) != rows_sha256(other)


def test_seen_before_takes_the_earliest_time_of_counted_files_only():
    entries = [{"unit": "Q-HM", "rows_sha256": "r1", "status": "used",
                "modified": "2024-12-09T08:00:00+00:00", "first_seen": "2024-12-02T08:00:00+00:00"},
               {"unit": "Q-HM", "rows_sha256": "r1", "status": "superseded",
                "modified": "2024-12-01T08:00:00+00:00"},
               {"unit": "Q-HM", "rows_sha256": "r2", "status": "rejected",
                "modified": "2024-11-01T08:00:00+00:00"},
               {"unit": "", "rows_sha256": "r3", "status": "used",
                "modified": "2024-11-01T08:00:00+00:00"},
               {"unit": "Q-HM", "status": "used", "modified": "2024-11-01T08:00:00+00:00"}]
    assert seen_before(entries) == {("Q-HM", "r1"): dt.datetime(2024, 12, 1, 8, tzinfo=UTC)}


# --- the choice ------------------------------------------------------------------------------
def test_an_original_saved_again_does_not_undo_the_correction():
    """K158: run 1 counts v2 (mtime 05/12) over the original (02/12); the office saves the
    original on 09/12, its rows unchanged: v2 still counts, and the sentence says why."""
    original, v2 = (result("Q-HM_2024.xlsx", models=EIGHT, modified=T2, sha256="o"),
                    result("Q-HM_2024_v2.xlsx", models=NINE, modified=T5, sha256="v"))
    seen = seen_before(_published([original, v2]))
    saved = replace(original, input=replace(original.input, modified=T9), sha256="o2")
    got = {r.file: r for r in select_submissions(dated_by_content([saved, v2], seen))}
    assert (got["Q-HM_2024_v2.xlsx"].status, got["Q-HM_2024.xlsx"].status) == (USED, SUPERSEDED)
    assert got["Q-HM_2024.xlsx"].first_seen == T2
    assert got["Q-HM_2024_v2.xlsx"].choice == (
        "Đơn vị có 2 tệp; dùng tệp Q-HM_2024_v2.xlsx (chọn theo thời gian sửa tệp, vì tệp "
        "Q-HM_2024_v2.xlsx, Q-HM_2024.xlsx không có dòng 'Ngày gửi:' đọc được; tệp "
        "Q-HM_2024.xlsx lưu lại ngày 09/12/2024 nhưng vẫn là các dòng đã có từ ngày "
        "02/12/2024, nên tính theo ngày đó).")
    # without what was published, the spec's order: the newer modification time wins
    assert _chosen([saved, v2]) == {"Q-HM_2024.xlsx": USED, "Q-HM_2024_v2.xlsx": SUPERSEDED}


def test_an_original_whose_rows_changed_counts_by_its_new_time():
    """The look-alike: the office (or the unit) changed a cell of the original: it is a new
    sending and, by the spec's order, the newer file."""
    original, v2 = (result("Q-HM_2024.xlsx", models=EIGHT, modified=T2),
                    result("Q-HM_2024_v2.xlsx", models=NINE, modified=T5))
    seen = seen_before(_published([original, v2]))
    edited = result("Q-HM_2024.xlsx", models=[*EIGHT[:-1], ("Mô hình mới", "CĐCS 7")],
                    modified=T9)
    assert _chosen([edited, v2], seen) == {"Q-HM_2024.xlsx": USED, "Q-HM_2024_v2.xlsx": SUPERSEDED}


def test_a_sent_date_in_the_correction_still_wins_after_the_original_is_saved_again():
    """K159: v2 says ``Ngày gửi: 05/12/2024``, the original none; saved again on 09/12."""
    original = result("Q-HD_2024.xlsx", models=EIGHT, modified=T2)
    v2 = result("Q-HD_2024_v2.xlsx", models=NINE, modified=T5, sent=T5.date())
    assert _after_saving_again(original, v2) == {"Q-HD_2024.xlsx": SUPERSEDED,
                                                 "Q-HD_2024_v2.xlsx": USED}


def test_the_same_sent_day_keeps_the_order_of_the_first_times():
    """K201: both say ``Ngày gửi: 05/12/2024``, the original edited at 09:00 that day, v2 at
    15:00; the original saved again on 09/12 stays before v2."""
    nine, three = (dt.datetime(2024, 12, 5, h, tzinfo=UTC) for h in (9, 15))
    original = result("Q-NTL_2024.xlsx", models=EIGHT, modified=nine, sent=T5.date())
    v2 = result("Q-NTL_2024_v2.xlsx", models=NINE, modified=three, sent=T5.date())
    assert _after_saving_again(original, v2) == {"Q-NTL_2024.xlsx": SUPERSEDED,
                                                 "Q-NTL_2024_v2.xlsx": USED}


def test_the_first_attachment_downloaded_again_is_no_new_sending():
    """K190, in one run: ``Q-TX_2024 (2).xlsx`` has the bytes of ``Q-TX_2024.xlsx`` (20/11):
    the correction ``(1)`` of 05/12 counts, and ``(2)`` is dated 20/11."""
    t20 = dt.datetime(2024, 11, 20, 8, tzinfo=UTC)
    files = [result("Q-TX_2024.xlsx", models=EIGHT, modified=t20, sha256="first"),
             result("Q-TX_2024 (1).xlsx", models=NINE, modified=T5, sha256="second"),
             result("Q-TX_2024 (2).xlsx", models=EIGHT, modified=T9, sha256="first")]
    got = {r.file: r for r in select_submissions(files)}
    assert {f: r.status for f, r in got.items()} == {
        "Q-TX_2024.xlsx": SUPERSEDED, "Q-TX_2024 (1).xlsx": USED, "Q-TX_2024 (2).xlsx": SUPERSEDED}
    assert (got["Q-TX_2024 (2).xlsx"].first_seen, got["Q-TX_2024.xlsx"].first_seen) == (t20, None)
    # the same rows under other bytes, in one run: nothing says which came first
    other_bytes = replace(files[2], sha256="third")
    assert _chosen([files[0], files[1], other_bytes])["Q-TX_2024 (2).xlsx"] == USED


def test_a_rejected_or_unknown_file_is_never_dated():
    files = [result("a.xlsx", status=REJECTED, models=EIGHT, modified=T9, sha256="s"),
             result("b.xlsx", models=EIGHT, modified=T2, sha256="s"),
             result("c.xlsx", unit=None, models=EIGHT, modified=T9, sha256="s")]
    dated = dated_by_content(files)
    assert [(r.rows_sha256 != "", r.first_seen) for r in dated] == [
        (False, None), (True, None), (False, None)]
    assert dated_by_content(dated) == dated  # idempotent


def test_the_change_line_says_saved_again_when_the_rows_are_the_same():
    before = [{"path": "a.xlsx", "sha256": "1", "rows_sha256": "r", "status": "used", "unit": "Q"}]
    same = [{**before[0], "sha256": "2", "status": "superseded"}]
    other = [{**before[0], "sha256": "2", "rows_sha256": "q"}]
    assert [c["detail"] for c in _file_changes(before, same)] == [
        "lưu lại, các dòng không đổi (không dùng: đơn vị có tệp mới hơn)"]
    assert [c["detail"] for c in _file_changes(before, other)] == ["thay nội dung tệp"]
    assert [c["detail"] for c in _file_changes([{**before[0], "rows_sha256": None}], other)] == [
        "thay nội dung tệp"]


# --- the whole run ---------------------------------------------------------------------------
def _at(path, when):
    os.utime(path, (when.timestamp(), when.timestamp()))


def test_a_re_run_after_the_office_saved_the_original_keeps_the_correction(tmp_path):
    raw, out, cache = tmp_path / "raw" / "2024", tmp_path / "out", tmp_path / "cache"
    rows = [row(model=f"Mô hình số {i}", stt=i) for i in range(1, 4)]
    original = write_xlsx(raw / "Q-HM_2024.xlsx", rows, title=["Năm: 2024"])
    v2 = write_xlsx(raw / "Q-HM_2024_v2.xlsx", rows + [row(model="Mô hình bổ sung", stt=4)],
                    title=["Năm: 2024"])
    _at(original, T2)
    _at(v2, T5)
    first = run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert first["summary"]["registrations"]["total"] == 4
    before = original.read_bytes()
    book = openpyxl.load_workbook(original)  # the office opens it and presses Save
    book.properties.lastModifiedBy = "Văn phòng LĐLĐ"
    book.save(original)
    assert original.read_bytes() != before
    _at(original, T9)
    second = run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert (second["status"], second["version"]) == ("published", 2)
    assert second["summary"]["registrations"]["total"] == 4
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    inputs = {i["path"]: i for i in manifest["inputs"]}
    assert (inputs["Q-HM_2024.xlsx"]["status"], inputs["Q-HM_2024_v2.xlsx"]["status"]) == (
        "superseded", "used")
    assert inputs["Q-HM_2024.xlsx"]["first_seen"] == T2.isoformat()
    assert "first_seen" not in inputs["Q-HM_2024_v2.xlsx"]
    said = [line for line in manifest["changes"] if line.startswith("Tệp Q-HM_2024.xlsx")]
    assert len(said) == 1 and "lưu lại, các dòng không đổi" in said[0]
    # ``thidua validate`` makes the run's choice: v2's 4 rows are the unit's valid rows
    checked = CliRunner().invoke(app, ["validate", "--year", "2024", "--raw", str(raw),
                                       "--registry", str(REGISTRY), "--out", str(out),
                                       "--cache", str(cache)])
    line = next(t for t in checked.output.splitlines() if "Q-HM" in t)
    assert [c.strip() for c in line.split("│")[3:7]] == ["2", "4", "0", "0"]


# --- the mutation run's survivors (issue 14) -------------------------------------------------
def test_the_fingerprint_holds_the_column_names_and_the_excel_rows():
    one = result("a.xlsx", models=EIGHT)
    renamed = replace(one, registrations=one.registrations.rename(columns={"model": "remark"}))
    moved = replace(one, registrations=one.registrations.set_axis(
        one.registrations.index + 1))  # the same rows one Excel row lower
    assert len({rows_sha256(one), rows_sha256(renamed), rows_sha256(moved)}) == 3


def test_seen_before_reads_every_entry_and_keeps_the_earliest_in_any_order():
    t = "2024-12-0{}T08:00:00+00:00".format
    entries = [{"unit": "Q-HM", "rows_sha256": "r1", "status": "rejected", "modified": t(1)},
               {"unit": "Q-HM", "rows_sha256": "r1", "status": "used", "modified": t(9),
                "first_seen": t(2)},
               {"unit": "Q-HM", "rows_sha256": "r1", "status": "superseded", "modified": t(5)},
               {"unit": "Q-CG", "rows_sha256": "r2", "status": "used", "modified": t(3)}]
    assert seen_before(entries) == {("Q-HM", "r1"): dt.datetime(2024, 12, 2, 8, tzinfo=UTC),
                                    ("Q-CG", "r2"): dt.datetime(2024, 12, 3, 8, tzinfo=UTC)}


def test_a_first_seen_already_set_is_kept_when_earlier_than_what_was_published():
    dated = replace(result("a.xlsx", models=EIGHT, modified=T9), first_seen=T2)
    again = dated_by_content([dated], {("Q-DD", rows_sha256(dated)): T5})
    assert again[0].first_seen == T2


# --- a list sent again on purpose: a later version's number in its name --------------------
SIX = EIGHT[:6]


def test_the_first_list_sent_again_as_a_later_version_counts():
    """Fresh tester Q's R222: v1 the original (8), v2 ``lan 2`` drops two rows by mistake (6),
    then the unit sends its first list again as ``lan 3`` (8, the original's rows): ``lan 3``
    is a new sending, never dated back to the original's time."""
    t12 = dt.datetime(2024, 12, 12, 8, tzinfo=UTC)
    original = result("Q-DD_dang-ky.xlsx", models=EIGHT, modified=T2, sha256="o")
    second = result("Q-DD_dang-ky lan 2.xlsx", models=SIX, modified=T5, sha256="2")
    seen = seen_before(_published([original, second]))
    third = result("Q-DD_dang-ky lan 3.xlsx", models=EIGHT, modified=t12, sha256="3")
    assert _chosen([original, second, third], seen) == {
        "Q-DD_dang-ky.xlsx": SUPERSEDED, "Q-DD_dang-ky lan 2.xlsx": SUPERSEDED,
        "Q-DD_dang-ky lan 3.xlsx": USED}


def test_the_same_bytes_sent_again_with_a_later_version_s_name_count():
    """R231, in one run: ``lan 3 (gui lai ban dau)`` holds the original's very bytes."""
    t12 = dt.datetime(2024, 12, 12, 8, tzinfo=UTC)
    files = [result("Q-DD_dang-ky.xlsx", models=EIGHT, modified=T2, sha256="o"),
             result("Q-DD_dang-ky lan 2.xlsx", models=SIX, modified=T5, sha256="2"),
             result("Q-DD_dang-ky lan 3 (gui lai ban dau).xlsx", models=EIGHT, modified=t12,
                    sha256="o")]
    assert _chosen(files)["Q-DD_dang-ky lan 3 (gui lai ban dau).xlsx"] == USED


@pytest.mark.parametrize("copy", ["Q-DD_dang-ky (2).xlsx", "Copy of Q-DD_dang-ky.xlsx",
                                  "Q-DD_dang-ky.xlsx"])
def test_a_copy_s_name_is_no_version_and_the_copy_stays_dated_back(copy):
    """A download's ``(2)``, a ``Copy of``, the original's own name saved again: no version
    number, so the copy is dated by the original's time and the correction stays (K190,
    R215)."""
    t12 = dt.datetime(2024, 12, 12, 8, tzinfo=UTC)
    original = result("Q-DD_dang-ky.xlsx", models=EIGHT, modified=T2, sha256="o")
    second = result("Q-DD_dang-ky lan 2.xlsx", models=SIX, modified=T5, sha256="2")
    seen = seen_before(_published([original, second]))
    again = result(copy, models=EIGHT, modified=t12, sha256="o2")
    files = [second, again] if copy == original.file else [original, second, again]
    assert _chosen(files, seen)["Q-DD_dang-ky lan 2.xlsx"] == USED


def test_a_version_number_below_another_file_s_is_still_dated_back():
    """``lan 1`` saved again by the office beside ``lan 2`` (and a draft without a number):
    not the unit's latest version."""
    t1, t12 = (dt.datetime(2024, 12, d, 8, tzinfo=UTC) for d in (1, 12))
    draft = result("Q-DD.xlsx", models=EIGHT[:4], modified=t1, sha256="d")
    first = result("Q-DD lan 1.xlsx", models=EIGHT, modified=T2, sha256="1")
    second = result("Q-DD lan 2.xlsx", models=SIX, modified=T5, sha256="2")
    seen = seen_before(_published([draft, first, second]))
    again = replace(first, input=replace(first.input, modified=t12), sha256="1b")
    assert _chosen([draft, again, second], seen) == {
        "Q-DD.xlsx": SUPERSEDED, "Q-DD lan 1.xlsx": SUPERSEDED, "Q-DD lan 2.xlsx": USED}


@pytest.mark.parametrize("final", ["Q-DD bản chốt.xlsx", "Q-DD cuối cùng.xlsx", "Q-DD_final.xlsx",
                                   "Q-DD gửi lại.xlsx"])
def test_the_first_list_sent_again_as_the_final_one_after_a_correction_counts(final):
    """Fresh tester R's S53, S54, S63, S69: ``Q-DD.xlsx`` (8), ``Q-DD (sửa).xlsx`` drops two
    (6), then the unit sends its first list again as its final one: a word marks it and it was
    saved last, so it counts, though ``(sửa)`` sorts after it by name."""
    t12 = dt.datetime(2024, 12, 12, 8, tzinfo=UTC)
    original = result("Q-DD.xlsx", models=EIGHT, modified=T2, sha256="o")
    fixed = result("Q-DD (sửa).xlsx", models=SIX, modified=T5, sha256="s")
    seen = seen_before(_published([original, fixed]))
    again = result(final, models=EIGHT, modified=t12, sha256="o")
    assert _chosen([original, fixed, again], seen)[final] == USED
    assert _chosen([original, fixed, again])[final] == USED  # the three in one run


@pytest.mark.parametrize("copy", ["Q-DD lần 2 (1).xlsx", "Q-DD lần 2 - Copy.xlsx",
                                  "Copy of Q-DD lần 2.xlsx", "Q-DD lần 2 - Bản sao (2).xlsx"])
def test_an_office_copy_of_a_numbered_file_never_undoes_its_correction(copy):
    """S56, S64: ``lần 1`` (8), ``lần 2`` (6), then a copy of ``lần 2``'s name holding ``lần
    1``'s bytes: a copy's name (:func:`thidua.ingest.selection._copy_of`) numbers nothing new,
    so the copy is dated back and ``lần 2`` stays counted."""
    t12 = dt.datetime(2024, 12, 12, 8, tzinfo=UTC)
    first = result("Q-DD lần 1.xlsx", models=EIGHT, modified=T2, sha256="1")
    second = result("Q-DD lần 2.xlsx", models=SIX, modified=T5, sha256="2")
    seen = seen_before(_published([first, second]))
    again = result(copy, models=EIGHT, modified=t12, sha256="1")
    assert _chosen([first, second, again], seen)["Q-DD lần 2.xlsx"] == USED


def test_the_final_list_beside_its_own_download_copy_still_counts():
    """``bản chốt`` and its download copy ``bản chốt (1)`` (same bytes, saved later): the copy
    is the copy, never the final list itself."""
    t12, t13 = (dt.datetime(2024, 12, d, 8, tzinfo=UTC) for d in (12, 13))
    files = [result("Q-DD.xlsx", models=EIGHT, modified=T2, sha256="o"),
             result("Q-DD (sửa).xlsx", models=SIX, modified=T5, sha256="s"),
             result("Q-DD bản chốt.xlsx", models=EIGHT, modified=t12, sha256="o"),
             result("Q-DD bản chốt (1).xlsx", models=EIGHT, modified=t13, sha256="o")]
    chosen = _chosen(files)
    assert chosen["Q-DD (sửa).xlsx"] == SUPERSEDED
    assert USED in (chosen["Q-DD bản chốt.xlsx"], chosen["Q-DD bản chốt (1).xlsx"])


def test_a_correction_saved_again_after_the_final_list_stays_behind_it():
    """Fresh tester R's S66: ``Q-DD`` (8), ``(sửa)`` (6), ``bản chốt`` (the first list again,
    8) published; then the office saves ``(sửa)`` again and a download copy ``bản chốt (1)``
    comes in. ``(sửa)`` is dated by the first time its own name held its rows
    (``own_first_seen``), so ``bản chốt`` stays counted; before, ``(sửa)`` won by its new
    modification time (6 counted)."""
    t12, t13, t14 = (dt.datetime(2024, 12, d, 8, tzinfo=UTC) for d in (12, 13, 14))
    original = result("Q-DD.xlsx", models=EIGHT, modified=T2, sha256="o")
    fixed = result("Q-DD (sửa).xlsx", models=SIX, modified=T5, sha256="s")
    final = result("Q-DD bản chốt.xlsx", models=EIGHT, modified=t12, sha256="o")
    published = _published(dated_by_content([original, fixed, final]))
    assert {p["path"]: p["status"] for p in published}["Q-DD bản chốt.xlsx"] == USED
    resaved = replace(fixed, input=replace(fixed.input, modified=t13), sha256="s2")
    copy = result("Q-DD bản chốt (1).xlsx", models=EIGHT, modified=t14, sha256="o")
    now = [original, resaved, final, copy]
    dated = dated_by_content(now, seen_before(published), seen_before(published, by="path"))
    assert {r.file: r.own_first_seen for r in dated} == {
        "Q-DD.xlsx": None, "Q-DD (sửa).xlsx": T5, "Q-DD bản chốt.xlsx": None,
        "Q-DD bản chốt (1).xlsx": None}
    assert {r.file: r.status for r in select_submissions(dated)} == {
        "Q-DD.xlsx": SUPERSEDED, "Q-DD (sửa).xlsx": SUPERSEDED, "Q-DD bản chốt.xlsx": USED,
        "Q-DD bản chốt (1).xlsx": SUPERSEDED}
    # without the published version's names, (sửa) saved last wins as a new sending
    plain = dated_by_content(now, seen_before(published))
    assert {r.file: r.status for r in select_submissions(plain)}["Q-DD (sửa).xlsx"] == USED


def test_seen_before_by_path_keeps_each_name_s_earliest_time():
    entries = [{"path": "a.xlsx", "unit": "Q-DD", "rows_sha256": "r", "status": USED,
                "modified": T5.isoformat(), "first_seen": T2.isoformat()},
               {"path": "b.xlsx", "unit": "Q-DD", "rows_sha256": "r", "status": SUPERSEDED,
                "modified": T9.isoformat()},
               {"path": "c.xlsx", "unit": "Q-DD", "rows_sha256": "r", "status": REJECTED,
                "modified": T2.isoformat()}]
    assert seen_before(entries, by="path") == {("a.xlsx", "r"): T2, ("b.xlsx", "r"): T9}
    assert seen_before(entries) == {("Q-DD", "r"): T2}


def test_a_re_run_after_the_office_saved_the_correction_again_keeps_the_final_list(tmp_path):
    """S66 through ``thidua run`` and ``thidua validate``: the published version's names
    reach the choice (``seen_before(…, by="path")``)."""
    raw, out, cache = tmp_path / "raw" / "2024", tmp_path / "out", tmp_path / "cache"
    rows = [row(model=f"Mô hình số {i}", stt=i) for i in range(1, 5)]
    original = write_xlsx(raw / "Q-HM.xlsx", rows, title=["Năm: 2024"])
    fixed = write_xlsx(raw / "Q-HM (sửa).xlsx", rows[:2], title=["Năm: 2024"])
    final = write_xlsx(raw / "Q-HM bản chốt.xlsx", rows, title=["Năm: 2024"])
    for path, when in ((original, T2), (fixed, T5), (final, T9)):
        _at(path, when)
    first = run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert first["summary"]["registrations"]["total"] == 4
    book = openpyxl.load_workbook(fixed)  # the office opens the correction and presses Save
    book.properties.lastModifiedBy = "Văn phòng LĐLĐ"
    book.save(fixed)
    _at(fixed, dt.datetime(2024, 12, 10, 8, tzinfo=UTC))
    second = run_year(2024, str(raw), str(REGISTRY), str(out), cache_dir=str(cache))
    assert (second["status"], second["summary"]["registrations"]["total"]) == ("published", 4)
    inputs = {i["path"]: i["status"] for i in json.loads(
        (out / "manifest.json").read_text(encoding="utf-8"))["inputs"]}
    assert (inputs["Q-HM bản chốt.xlsx"], inputs["Q-HM (sửa).xlsx"]) == ("used", "superseded")
    checked = CliRunner().invoke(app, ["validate", "--year", "2024", "--raw", str(raw),
                                       "--registry", str(REGISTRY), "--out", str(out),
                                       "--cache", str(cache)])
    line = next(t for t in checked.output.splitlines() if "Q-HM" in t)
    assert [c.strip() for c in line.split("│")[3:5]] == ["3", "4"]
