"""A ``Ngày gửi:`` written without its year (``spec/submission-form.md``, "Corrections": the
newest file per unit wins by its sent date; ``docs/contracts.md``, "Which of a unit's files
counts"). Fresh tester AA's AA47 (``20/11`` vs ``5/12``) and AA57 (``20 tháng 11`` vs ``05
tháng 12``): the date was ignored and the older file won by its modification time. The year is
the report year from July on, the next year before
(:func:`thidua.ingest.titledates.assumed_sent_date`), or that of a full date the title gives
elsewhere; the unit is told."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import input_file
from thidua.ingest.files import SUPERSEDED, USED, ingest_file
from thidua.ingest.selection import select_submissions
from thidua.ingest.titleblock import checked_sent_date, parse_title
from test_sent_date_words import _sent  # one writer of a dated form
from thidua.ingest.titledates import (assumed_sent_date, parse_day_month, undated_line,
                                      undated_problem)

_WHY = "danh sách năm 2024 gửi từ tháng 07/2024 đến tháng 06/2025"


def _assumed(said: str, date: str, why: str = _WHY) -> str:
    return (f"Dòng '{said}' không ghi năm: đã hiểu là ngày {date} ({why}); đề nghị lần sau "
            f"ghi đủ ngày, tháng, năm, ví dụ 'Ngày gửi: {date}'.")


@pytest.mark.parametrize("written, day_month", [
    ("20/11", (20, 11)), ("20-11", (20, 11)), ("20.11", (20, 11)), ("5/12", (5, 12)),
    ("20 tháng 11", (20, 11)), ("ngày 20 tháng 11", (20, 11)), ("05 tháng 12", (5, 12)),
    ("20 thg 11", (20, 11)), ("20 tháng mười một", (20, 11)), ("Thứ Tư, 20/11", (20, 11)),
    ("Hà Nội, ngày 20 tháng 11", (20, 11)), ("31/11", (31, 11)), ("30/2", (30, 2)),
    ("5/13", (5, 13)),
    # not a day and month alone: a full date, a time after it, no day, a remark
    ("20/11/2024", None), ("05 tháng 12 16:40", None), ("tháng 12/2024", None),
    ("05/12: 2024", None), ("ngày 11 tháng 25", None), ("hôm qua", None),
])
def test_a_day_and_month_without_a_year(written, day_month):
    assert parse_day_month(written) == day_month


@pytest.mark.parametrize("day, month, near, expected", [
    (20, 11, None, dt.date(2024, 11, 20)), (5, 12, None, dt.date(2024, 12, 5)),
    (1, 7, None, dt.date(2024, 7, 1)),  # July: the report year
    (30, 6, None, dt.date(2025, 6, 30)),  # June: the next year
    (15, 3, None, dt.date(2025, 3, 15)),
    # a full date elsewhere in the title: its year, or the one nearest it
    (3, 1, dt.date(2024, 12, 28), dt.date(2025, 1, 3)),
    (20, 11, dt.date(2024, 12, 5), dt.date(2024, 11, 20)),
    (28, 12, dt.date(2025, 1, 3), dt.date(2024, 12, 28)),
    (31, 11, None, None), (29, 2, None, None),  # 29/02/2025 does not exist
])
def test_the_year_assumed(day, month, near, expected):
    assert assumed_sent_date(day, month, 2024, near)[1] == expected


@pytest.mark.parametrize("day, month, year, why", [
    (31, 11, 2024, "ngày 31/11 không có (tháng 11 chỉ có 30 ngày)"),
    (30, 2, 2025, "ngày 30/02 không có (tháng 02 chỉ có 28 hoặc 29 ngày)"),
    (29, 2, 2025, "ngày 29/02/2025 không có (tháng 02/2025 có 28 ngày)"),
    (5, 13, 2024, "tháng 13 không có (tháng chỉ từ 01 đến 12)"),
    (0, 11, 2024, "ngày 00/11 không có (tháng 11 chỉ có 30 ngày)"),
    (20, 11, 2024, None), (29, 2, 2024, None),
])
def test_a_day_that_does_not_exist_says_why(day, month, year, why):
    assert undated_problem(day, month, year) == why


@pytest.mark.parametrize("line, expected", [
    ("Ngày gửi: 20/11", (dt.date(2024, 11, 20), _assumed("Ngày gửi: 20/11", "20/11/2024"))),
    ("Ngày gửi: 5/12", (dt.date(2024, 12, 5), _assumed("Ngày gửi: 5/12", "05/12/2024"))),
    ("Ngày gửi: 20-11", (dt.date(2024, 11, 20), _assumed("Ngày gửi: 20-11", "20/11/2024"))),
    ("Ngày gửi: 20.11", (dt.date(2024, 11, 20), _assumed("Ngày gửi: 20.11", "20/11/2024"))),
    ("Ngày gửi: ngày 20 tháng 11", (dt.date(2024, 11, 20),
                                    _assumed("Ngày gửi: ngày 20 tháng 11", "20/11/2024"))),
    ("Ngày gửi: 05 tháng 12", (dt.date(2024, 12, 5),
                               _assumed("Ngày gửi: 05 tháng 12", "05/12/2024"))),
    ("Ngày gửi: 10/01", (dt.date(2025, 1, 10), _assumed("Ngày gửi: 10/01", "10/01/2025"))),
    ("Hà Nội, ngày 20 tháng 11", (dt.date(2024, 11, 20),
                                  _assumed("Hà Nội, ngày 20 tháng 11", "20/11/2024"))),
    ("Ngày gửi: 31/11", (None, "Dòng 'Ngày gửi: 31/11' không đọc được (ngày 31/11 không có "
                               "(tháng 11 chỉ có 30 ngày)); đã dùng thời gian sửa tệp thay cho "
                               "ngày gửi.")),
    ("Ngày gửi: 30/2", (None, "Dòng 'Ngày gửi: 30/2' không đọc được (ngày 30/02 không có "
                              "(tháng 02 chỉ có 28 hoặc 29 ngày)); đã dùng thời gian sửa tệp "
                              "thay cho ngày gửi.")),
])
def test_a_sent_date_without_a_year_is_read_and_told(line, expected):
    title = parse_title([[line]])
    assert title.sent_date is None and title.sent_text is None
    assert checked_sent_date(title, 2024) == expected


def test_a_full_date_elsewhere_gives_the_year():
    """Never guessed when the title gives a full date: the dated line's year, nearest."""
    title = parse_title([["Ngày gửi: 03/01"], ["Hà Nội, ngày 28 tháng 12 năm 2024"]])
    assert title.dated_elsewhere == dt.date(2024, 12, 28)
    assert checked_sent_date(title, 2024) == (dt.date(2025, 1, 3), _assumed(
        "Ngày gửi: 03/01", "03/01/2025", "theo ngày 28/12/2024 ghi ở tiêu đề"))
    title = parse_title([["Ngày lập biểu: 20/11/2025"], ["Ngày gửi: 05/12"]])
    assert checked_sent_date(title, 2024)[0] == dt.date(2025, 12, 5)  # 2025, not 2024's rule


def test_a_dated_line_with_its_year_is_used_as_before():
    title = parse_title([["Hà Nội, ngày 05 tháng 12 năm 2024"]])
    assert (title.sent_date, title.sent_undated) == (dt.date(2024, 12, 5), None)
    assert undated_line("Hà Nội, ngày 05 tháng 12 năm 2024") is None
    assert undated_line("Hà Nội, ngày 20 tháng 11 năm") == (20, 11)  # the year left blank
    assert undated_line("Số: 12/CĐ, ngày 20 tháng 11") is None


@pytest.mark.parametrize("a_sent, b_sent", [
    ("20/11", "5/12"),  # AA47
    ("20 tháng 11", "05 tháng 12"),  # AA57
    ("20/11/2024", "05/12"),  # AA56
])
def test_the_later_sent_date_without_a_year_wins_over_a_later_modification_time(
        tmp_path, context, a_sent, b_sent):
    a = _sent(tmp_path / "Q-DD_a.xlsx", a_sent, 8, 1_733_300_000)  # newer modification time
    b = _sent(tmp_path / "Q-DD_b.xlsx", b_sent, 6, 1_733_000_000)
    results = [ingest_file(input_file(p), context) for p in (a, b)]
    assert [r.sent_date for r in results] == [dt.date(2024, 11, 20), dt.date(2024, 12, 5)]
    assert _assumed(f"Ngày gửi: {b_sent}", "05/12/2024") in results[1].remarks
    got = {r.file: (r.status, r.rows["valid"], r.chosen_by) for r in select_submissions(results)}
    assert got == {"Q-DD_a.xlsx": (SUPERSEDED, 8, ""), "Q-DD_b.xlsx": (USED, 6, "sent_date")}
