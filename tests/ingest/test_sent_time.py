"""The time of day written with ``Ngày gửi:`` orders two files of a unit sent the same day
(fresh tester D's 516, 519, 520: the earlier file won by its modification time, and the unit
was told it was sent later; ``thidua.ingest.titledates.parse_sent_time``)."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
import pytest

from corpus_rows import HEADER, regs
from helpers import input_file
from test_selection_mutants import by_name, result
from thidua.ingest.files import SUPERSEDED, USED, ingest_file
from thidua.ingest.selection import file_table, select_submissions
from thidua.ingest.titleblock import parse_title
from thidua.ingest.titledates import parse_sent_time

UTC = dt.timezone.utc
D5 = dt.date(2024, 12, 5)
SAME = [("Bữa cơm Công đoàn", "CĐCS A")]


@pytest.mark.parametrize("text, time", [
    ("05/12/2024 16:40", dt.time(16, 40)), ("05/12/2024 9:05", dt.time(9, 5)),
    ("15h ngày 05/12/2024", dt.time(15)), ("8h30 ngày 05/12/2024", dt.time(8, 30)),
    ("ngày 05/12/2024, 9 giờ 15 phút", dt.time(9, 15)), ("3 giờ chiều 05/12/2024", dt.time(15)),
    ("05/12/2024 4:40 PM", dt.time(16, 40)), ("05/12/2024 10:00 sáng", dt.time(10)),
    ("2024-12-05T16:40", dt.time(16, 40)),
    ("ngày 05/12/2024, lúc 9 giờ 15", dt.time(9, 15)), ("16h40, 05/12/2024", dt.time(16, 40)),
    # fresh tester E's 606, 607: a time that is not when the file was sent
    ("05/12/2024 (hạn 17h)", None), ("05/12/2024 thay bản gửi lúc 9h", None),
    ("17h hạn chót, 05/12/2024", None),  # words between a time before the date and it
    # a deadline's word right before a time before the date (mutation round M3's finding)
    ("hạn 17h, 05/12/2024", None), ("Hạn chót: 17h ngày 05/12/2024", None),
    ("trước 17 giờ ngày 05/12/2024", None), ("chậm nhất lúc 17h ngày 05/12/2024", None),
    ("gửi lúc 9h ngày 05/12/2024", dt.time(9)), ("Thành 15h ngày 05/12/2024", dt.time(15)),
    # a remark in brackets between the date and its time is passed over; a time with other
    # words before the date does not hide the one next to it
    ("05/12/2024 (bản chính) 16:40", dt.time(16, 40)),
    ("hạn nộp 17h, gửi 05/12/2024 16:40", dt.time(16, 40)),
    ("05/12/2024 8 giờ tối", dt.time(20)), ("05/12/2024 12:30 PM", dt.time(12, 30)),
    ("16:40", None),
    ("05/12/2024", None), ("05.12.2024", None), ("2024-12-05", None), ("5-12-24", None),
    ("ngày 05 tháng 12 năm 2024", None), ("05/12/2024 25:00", None), ("05/12/2024 9:75", None),
    ("05/12/2024 23:59", dt.time(23, 59)), ("05/12/2024 24:00", None), ("05/12/2024 9:60", None),
])
def test_the_time_of_a_sent_date(text, time):
    assert parse_sent_time(text) == time


def test_the_title_keeps_the_time_with_the_date():
    title = parse_title([["Ngày gửi: 05/12/2024 16:40"]])
    assert (title.sent_date, title.sent_time) == (D5, dt.time(16, 40))
    assert parse_title([["Ngày gửi:", "05/12/2024"]]).sent_time is None


def test_the_later_time_of_the_same_day_wins_whatever_the_modification_times():
    early = dt.datetime(2024, 12, 9, 8, tzinfo=UTC)
    got = by_name([result("sang.xlsx", sent=D5, sent_time=dt.time(9, 15),
                          modified=early + dt.timedelta(days=1), models=SAME),
                   result("chieu.xlsx", sent=D5, sent_time=dt.time(16, 40), modified=early,
                          models=SAME)])
    assert (got["chieu.xlsx"].status, got["sang.xlsx"].status) == (USED, SUPERSEDED)
    assert got["chieu.xlsx"].chosen_by == "sent_date"
    assert got["chieu.xlsx"].choice == (
        "Đơn vị có 2 tệp; dùng tệp chieu.xlsx (chọn theo ngày gửi ghi trong tệp: cùng ngày "
        "05/12/2024, tệp chieu.xlsx gửi lúc 16:40, sau tệp sang.xlsx gửi lúc 09:15).")
    table = file_table(select_submissions([got["chieu.xlsx"], got["sang.xlsx"]]))
    assert table["sent_time"].tolist() == ["16:40", "09:15"]


@pytest.mark.parametrize("hour, winner", [(17, "khong-gio.xlsx"), (8, "co-gio.xlsx")])
def test_a_time_against_a_file_without_one_compares_with_its_edit_that_day(hour, winner):
    """No time written: the modification time stands for it when it is of the sent day."""
    got = by_name([result("co-gio.xlsx", sent=D5, sent_time=dt.time(9, 15),
                          modified=dt.datetime(2024, 12, 5, 10, tzinfo=UTC), models=SAME),
                   result("khong-gio.xlsx", sent=D5,
                          modified=dt.datetime(2024, 12, 5, hour, tzinfo=UTC), models=SAME)])
    assert got[winner].status == USED


def test_a_date_time_cell_in_the_title_orders_the_files(tmp_path, context):
    """Fresh tester D's 519: ``Ngày gửi:`` | a date-time cell ``dd/mm/yyyy hh:mm``."""
    results = []
    for name, at, n, stamp in (("Q-BD_1.xlsx", (9, 15), 4, 2_000_000_000),
                               ("Q-BD_2.xlsx", (16, 40), 5, 1_900_000_000)):
        book = openpyxl.Workbook()
        sheet = book.active
        for row in (["Mã đơn vị: Q-BD"], ["Năm: 2024"],
                    ["Ngày gửi:", dt.datetime(2024, 12, 5, *at)], HEADER, *regs(n)):
            sheet.append(row)
        sheet["B3"].number_format = "dd/mm/yyyy hh:mm"
        book.save(tmp_path / name)
        os.utime(tmp_path / name, (stamp, stamp))  # the morning's file edited last
        results.append(ingest_file(input_file(tmp_path / name), context))
    assert [r.sent_time for r in results] == [dt.time(9, 15), dt.time(16, 40)]
    chosen = {r.file: r.status for r in select_submissions(results)}
    assert chosen == {"Q-BD_1.xlsx": SUPERSEDED, "Q-BD_2.xlsx": USED}


@pytest.mark.parametrize("edited, winner", [
    (dt.datetime(2024, 12, 9, 8, tzinfo=UTC), "khong-gio.xlsx"),  # edited after: the day's end
    (dt.datetime(2024, 12, 1, 8, tzinfo=UTC), "co-gio.xlsx"),     # before: the day's start
])
def test_a_time_against_a_file_without_one_edited_another_day(edited, winner):
    """No time written, edited on another day than the sent day: the file counts as sent at
    the end of the sent day when edited later, at its start when edited earlier."""
    got = by_name([result("co-gio.xlsx", sent=D5, sent_time=dt.time(16, 40),
                          modified=dt.datetime(2024, 12, 5, 17, tzinfo=UTC), models=SAME),
                   result("khong-gio.xlsx", sent=D5, modified=edited, models=SAME)])
    assert {f: r.status for f, r in got.items()} == {
        winner: USED, ({"co-gio.xlsx", "khong-gio.xlsx"} - {winner}).pop(): SUPERSEDED}
