"""Which of a unit's files counts (``spec/submission-form.md``, "Corrections"): a ``Ngày gửi:``
date written in words in any form a person writes it (fresh tester N's N107, N172: ``05 tháng 12
năm 2024`` without ``ngày`` was not read and the older file won by its modification time), the
unit told when its ``Ngày gửi:`` cannot be read, and a file whose name says it is the version
before a correction (``chưa sửa``: N100, N180) never counted over its corrected one."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from corpus_rows import regs, titled
from corpus_writers import write_xlsx
from helpers import input_file
from test_selection_mutants import D1, D5, SAME, T1, T9, by_name, result
from thidua.ingest.files import SUPERSEDED, USED, ingest_file
from thidua.ingest.selection import is_newer_file, is_old_file, select_submissions
from thidua.ingest.sheetversions import says_later
from thidua.ingest.titleblock import checked_sent_date, parse_title
from thidua.ingest.titledates import parse_sent_time

D20_11 = dt.date(2024, 11, 20)


@pytest.mark.parametrize("written", [
    "05 tháng 12 năm 2024", "5 tháng 12 năm 2024", "ngày 05 tháng 12 năm 2024",
    "Ngày 5 Tháng 12 Năm 2024", "Hà Nội, ngày 05 tháng 12 năm 2024", "5 tháng 12, 2024",
    "5 tháng 12 2024", "05 tháng 12/2024", "05 tháng 12-2024", "ngày 05, tháng 12, năm 2024",
    "05 tháng 12 năm 24", "5 thg 12, 2024", "05tháng12năm2024", "05 Tháng Mười Hai 2024",
    "05 tháng mười hai năm 2024", "05-12-2024", "05.12.2024", "05/12/2024", "5/12/24",
    "2024-12-05", "ngày 5/12/2024", "Thứ Năm, 05/12/2024", "05 THÁNG 12 NĂM 2024",
    # English dates (periods.english_dates): a program's or an English Excel's
    "Dec 5, 2024", "5-Dec-2024", "05 Dec 2024", "December 5, 2024", "Thu Dec 05 2024",
    "Thu, 5 Dec 2024", "5th December 2024", "Thứ 5, 05/12/2024",
])
def test_a_sent_date_in_any_form_a_person_writes_it(written):
    title = parse_title([[f"Ngày gửi: {written}"]])
    assert (title.sent_date, title.sent_text) == (D5, None)
    assert checked_sent_date(title, 2024) == (D5, None)


@pytest.mark.parametrize("written, time", [
    ("05 tháng 12 năm 2024 16:40", dt.time(16, 40)), ("16h ngày 05 tháng 12 năm 2024", dt.time(16)),
    ("5 thg 12, 2024 9:15", dt.time(9, 15)), ("05 tháng 12 năm 2024", None),
])
def test_a_time_beside_a_date_in_words(written, time):
    assert parse_sent_time(written) == time
    assert parse_title([[f"Ngày gửi: {written}"]]).sent_time == time


_NEEDS = ("cần ghi đủ ngày, tháng, năm, ví dụ 05/12/2024 hoặc 05 tháng 12 năm 2024")


@pytest.mark.parametrize("written, why", [
    ("tháng 12", _NEEDS),  # no day (a day and month without a year: test_sent_date_no_year.py)
    ("tháng 12/2024", _NEEDS),  # no day
    ("05 tháng 12 16:40", _NEEDS),  # ``16`` is the hour, no two-digit year
    ("ngày 11 tháng 25 năm 2024", _NEEDS),  # no month 25, never read as 25/11
    ("ngày 31 tháng 11 năm 2024", "ngày 31/11/2024 không có (tháng 11/2024 có 30 ngày)"),
    ("31 tháng 11, 2024", "ngày 31/11/2024 không có (tháng 11/2024 có 30 ngày)"),
])
def test_a_sent_date_that_cannot_be_read_is_told(written, why):
    title = parse_title([[f"Ngày gửi: {written}"]])
    assert title.sent_date is None
    assert checked_sent_date(title, 2024) == (None, (
        f"Dòng 'Ngày gửi: {written}' không đọc được ({why}); đã dùng thời gian sửa tệp thay "
        f"cho ngày gửi."))


def _sent(path, sent: str, n: int, stamp: int):
    write_xlsx(path, [titled("Q-DD", regs(n), sent=sent)])
    os.utime(path, (stamp, stamp))
    return path


@pytest.mark.parametrize("later, earlier", [
    ("05 tháng 12 năm 2024", "20 tháng 11 năm 2024"),  # N107
    ("5/12/2024", "20 tháng 11 năm 2024"),  # N172
    ("5 thg 12, 2024", "ngày 20/11/2024"), ("05 tháng 12/2024", "20-11-2024"),
])
def test_the_later_sent_date_in_words_wins_over_a_later_modification_time(tmp_path, context,
                                                                          later, earlier):
    """The file sent on 5 December (8 rows) was edited before the one sent on 20 November (5
    rows): the sent dates decide, and nothing is told of them."""
    a = _sent(tmp_path / "Q-DD_a.xlsx", later, 8, 1_733_392_800)
    b = _sent(tmp_path / "Q-DD_b.xlsx", earlier, 5, 1_733_396_400)
    results = [ingest_file(input_file(p), context) for p in (a, b)]
    assert [r.sent_date for r in results] == [D5, D20_11]
    assert not any("Ngày gửi" in n for r in results for n in r.remarks)
    got = {r.file: (r.status, r.rows["valid"], r.chosen_by) for r in select_submissions(results)}
    assert got == {"Q-DD_a.xlsx": (USED, 8, "sent_date"), "Q-DD_b.xlsx": (SUPERSEDED, 5, "")}


def test_an_unreadable_sent_date_is_told_in_the_file_s_remarks(tmp_path, context):
    path = _sent(tmp_path / "Q-DD_a.xlsx", "đầu tháng 12", 3, 1_733_392_800)
    got = ingest_file(input_file(path), context)
    assert (got.sent_date, got.rows["valid"]) == (None, 3)
    assert (f"Dòng 'Ngày gửi: đầu tháng 12' không đọc được ({_NEEDS}); đã dùng thời gian "
            f"sửa tệp thay cho ngày gửi.") in got.remarks


# --- a name saying the file is the version before a correction -------------------------------
@pytest.mark.parametrize("file, old, newer", [
    ("Q-DD_DVK 2024 (chưa sửa).xlsx", True, False), ("Q-DD_DVK 2024 (chua sua).xlsx", True, False),
    ("Q-DD_CHUA_SUA.xlsx", True, False), ("chưa sửa/Q-DD.xlsx", True, False),
    ("Q-DD trước khi sửa.xlsx", True, False), ("Q-DD_truoc khi sua.xlsx", True, False),
    ("Q-DD_chưa chỉnh sửa.xlsx", True, False), ("Q-DD_chua duoc cap nhat.xlsx", True, False),
    ("Q-DD chưa bổ sung.xlsx", True, False), ("Q-DD cần sửa.xlsx", True, False),
    ("Q-DD chưa hoàn chỉnh.xlsx", True, False), ("Q-DD bản cũ.xlsx", True, False),
    ("Q-DD old.xlsx", True, False),
    # not the version before a correction
    ("Q-DD_DVK 2024.xlsx", False, False), ("Q-DD không sửa.xlsx", False, False),
    ("Q-DD bản gốc.xlsx", False, False), ("Q-DD đã sửa.xlsx", False, True),
    ("Q-DD (bản chỉnh sửa).xlsx", False, True), ("Q-DD_chinh sua.xlsx", False, True),
    ("Q-DD (sửa, chưa ký).xlsx", False, True), ("Q-DD_sua 05-12.xlsx", False, True),
])
def test_a_name_saying_before_the_correction(file, old, newer):
    assert (is_old_file(file), is_newer_file(file)) == (old, newer)


@pytest.mark.parametrize("uncorrected", [
    "Q-DD_DVK 2024 (chưa sửa).xlsx", "Q-DD_DVK 2024 (chua sua).xlsx",
    "Q-DD_DVK 2024 trước khi sửa.xlsx", "Q-DD_DVK 2024_chưa chỉnh sửa.xlsx"])
@pytest.mark.parametrize("sent, modified", [(None, T1), (D5, T9)])
def test_the_uncorrected_file_never_counts_over_its_correction(uncorrected, sent, modified):
    """Same modification time (N100, N180), or even sent and edited later: the file saying it
    is not yet corrected is superseded, told."""
    got = by_name([result("Q-DD_DVK 2024.xlsx", sent=D1 if sent else None, modified=T1,
                          models=SAME),
                   result(uncorrected, sent=sent, modified=modified, models=SAME)])
    assert (got["Q-DD_DVK 2024.xlsx"].status, got[uncorrected].status) == (USED, SUPERSEDED)
    assert got["Q-DD_DVK 2024.xlsx"].chosen_by == "not_old"
    assert got["Q-DD_DVK 2024.xlsx"].choice == (
        f"Đơn vị có 2 tệp; dùng tệp Q-DD_DVK 2024.xlsx (chọn tệp không ghi là bản cũ hay bản "
        f"nháp, vì tên hoặc thư mục của tệp {uncorrected} cho biết là bản chưa sửa (trước khi "
        f"sửa)).")


def test_an_uncorrected_file_alone_still_counts():
    got = by_name([result("Q-DD (chưa sửa).xlsx", models=SAME)])
    assert got["Q-DD (chưa sửa).xlsx"].status == USED


def test_the_uncorrected_file_read_end_to_end(tmp_path, context):
    """N180 as files: 8 rows beside 5 rows named ``(chưa sửa)``, one modification time."""
    paths = [_sent(tmp_path / "Q-DD_DVK 2024.xlsx", None, 8, 1_733_392_800),
             _sent(tmp_path / "Q-DD_DVK 2024 (chưa sửa).xlsx", None, 5, 1_733_392_800)]
    results = select_submissions([ingest_file(input_file(p), context) for p in paths])
    got = {r.file: (r.status, r.rows["valid"]) for r in results}
    assert got == {"Q-DD_DVK 2024.xlsx": (USED, 8), "Q-DD_DVK 2024 (chưa sửa).xlsx": (SUPERSEDED, 5)}


@pytest.mark.parametrize("name, other, later", [
    ("DS (chưa sửa)", "DS", True), ("DS", "DS (chưa sửa)", False),
    ("DS chua sua", "DS da sua", True), ("DS", "DS (không sửa)", False),
])
def test_a_sheet_named_before_the_correction_is_the_earlier_version(name, other, later):
    assert says_later(name, None, other, None) is later
