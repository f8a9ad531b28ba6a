"""Two versions of one list as two sheets of one file: the later counts, the earlier's rows
are ignored, told (fresh tester F's 150: 9 counted for 7; ``thidua.ingest.sheetversions``)."""

from __future__ import annotations

import datetime as dt

import pytest

from corpus_rows import regs, titled
from corpus_writers import Sheet
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.sheetversions import says_later


def _sheet(name: str, rows: list[list], sent: str | None = None) -> Sheet:
    sheet = titled("Q-DD", rows, sent=sent)
    return Sheet(name, sheet.rows, sheet.merges)


def _ingest(tmp_path, context, sheets):
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, sheets)
    return ingest_file(input_file(path), context)


def _corrected() -> list[list]:
    rows = regs(4)[:3]  # the fourth dropped
    rows[0] = [*rows[0][:2], "Văn hóa - xã hội", *rows[0][3:]]  # its field corrected
    return rows


@pytest.mark.parametrize("first, second, sent", [
    ("Lan 1 (20-11)", "Lan 2 (sua 05-12)", ("20/11/2024", "05/12/2024")),
    ("Lần 1", "Lần 2", (None, None)),               # the number alone
    ("DS", "DS (cập nhật)", (None, None)),          # a word marking a later version
    ("Bản A", "Bản B", ("20/11/2024", "05/12/2024")),  # the dates alone
])
def test_the_later_version_of_a_list_counts_and_the_earlier_is_told(tmp_path, context, first,
                                                                    second, sent):
    result = _ingest(tmp_path, context, [_sheet(first, regs(4), sent[0]),
                                         _sheet(second, _corrected(), sent[1])])
    assert result.rows == {"read": 7, "valid": 3, "rejected": 0, "ignored": 4}
    assert result.ignored["copied_sheet"] == 4
    assert result.registrations["field"].tolist()[0] == "VHXH"
    assert (f"Trang '{first}' là bản trước của danh sách ở trang '{second}' (cùng phần lớn mô "
            f"hình, trang '{second}' gửi sau hoặc ghi là bản sửa) nên chỉ tính trang "
            f"'{second}': 4 dòng của trang '{first}' không được tính (bỏ qua). Nếu cả hai trang "
            f"đều là đăng ký, đề nghị gộp vào một trang rồi gửi lại.") in result.notes


def test_the_first_sheet_sent_later_counts(tmp_path, context):
    result = _ingest(tmp_path, context, [_sheet("Bản sửa", _corrected(), "05/12/2024"),
                                         _sheet("Bản đầu", regs(4), "20/11/2024")])
    assert result.rows["valid"] == 3 and result.ignored["copied_sheet"] == 4


@pytest.mark.parametrize("first, second, rows", [
    ("Đợt 1", "Đợt 2", (regs(3), regs(3, start=3))),     # two batches: nothing shared
    ("Tập thể", "Cá nhân", (regs(4)[::2], regs(4)[1::2])),
    ("DS", "DS 2", (regs(4), regs(1, start=3) + regs(3, start=6))),  # one model shared
    ("Trang A", "Trang B", (regs(4), _corrected())),   # nothing says which is later
    ("Lần 1", "Lần 2", (regs(4), regs(1, start=3) + regs(1, start=6))),  # one shared only
])
def test_sheets_that_are_not_two_versions_both_count(tmp_path, context, first, second, rows):
    result = _ingest(tmp_path, context, [_sheet(first, rows[0]), _sheet(second, rows[1])])
    assert result.ignored["copied_sheet"] == 0
    assert not any("là bản trước" in n for n in result.notes)


@pytest.mark.parametrize("name, sent, other, other_sent, later", [
    ("Lần 1", None, "Lần 2", None, True), ("Lần 2", None, "Lần 1", None, False),
    ("Lần 9", None, "Lần 10", None, True), ("v1", None, "v2", None, True),
    ("DS", None, "DS sửa", None, True), ("DS sửa", None, "DS", None, False),
    ("DS", None, "DS chưa sửa", None, False), ("Đợt 1", None, "Tổng hợp 2", None, False),
    ("A", dt.date(2024, 11, 20), "B", dt.date(2024, 12, 5), True),
    ("A", dt.date(2024, 12, 5), "B sửa", dt.date(2024, 11, 20), False),  # dates first
    ("Lần 1", dt.date(2024, 12, 5), "Lần 2", dt.date(2024, 12, 5), True),  # same date: names
])
def test_which_sheet_says_it_is_later(name, sent, other, other_sent, later):
    assert says_later(name, sent, other, other_sent) is later


def _others_doing(rows: list[list]) -> list[list]:
    """The same models carried by other registrants (a popular model's name recurs: ``Bữa cơm
    công đoàn`` in many unions)."""
    return [[*row[:4], f"{row[4]} (đơn vị khác)", *row[5:]] for row in rows]


@pytest.mark.parametrize("first, second, sent", [
    ("Đợt 1", "Đợt 2", (None, None)), ("Đợt 1", "Đợt 2", ("20/11/2024", "05/12/2024")),
    ("Cụm 1", "Cụm 2", (None, None)), ("Cấp trên cơ sở", "Cơ sở (cập nhật)", (None, None)),
])
def test_popular_models_under_other_registrants_are_no_second_version(tmp_path, context, first,
                                                                       second, sent):
    # fresh tester G's 201–204: the sheets share models' names, not registrations; the
    # earlier sheet was ignored whole (26 registrations lost over five files)
    result = _ingest(tmp_path, context, [_sheet(first, regs(4), sent[0]),
                                         _sheet(second, _others_doing(regs(3)), sent[1])])
    assert result.rows == {"read": 7, "valid": 7, "rejected": 0, "ignored": 0}
    assert not any("là bản trước" in n for n in result.notes)


def test_chairmen_carrying_their_unions_models_on_a_later_sheet(tmp_path, context):
    # G's 601: ``Tập thể`` (sent 20/11) | ``Cá nhân`` (sent 05/12), the same models
    collective = [r for r in regs(8) if r[3] == "Tập thể"]
    individual = [[*r[:3], "Cá nhân", f"Nguyễn Văn {i}", "Chủ tịch CĐCS", *r[6:]]
                  for i, r in enumerate(collective)]
    result = _ingest(tmp_path, context, [_sheet("Tập thể", collective, "20/11/2024"),
                                         _sheet("Cá nhân", individual, "05/12/2024")])
    assert (result.rows["valid"], result.ignored.get("copied_sheet", 0)) == (8, 0)


def test_half_the_larger_list_shared_is_enough(tmp_path, context):
    result = _ingest(tmp_path, context, [_sheet("Lần 1", regs(4)),
                                         _sheet("Lần 2", regs(2) + regs(2, start=6))])
    assert result.rows["valid"] == 4 and result.ignored["copied_sheet"] == 4


def test_a_short_supplement_re_listing_rows_of_the_list_is_no_version(tmp_path, context):
    # fresh tester H's H46, H75: the long list was ignored whole as the supplement's
    # "earlier version"; both count now, the rows listed again rejected as duplicates
    result = _ingest(tmp_path, context, [_sheet("Danh sách", regs(8), "20/11/2024"),
                                         _sheet("Bổ sung", regs(2, start=6) + regs(2, start=8),
                                                "05/12/2024")])
    assert (result.rows["valid"], result.rows["rejected"]) == (10, 2)
    assert result.ignored["copied_sheet"] == 0


# --- in this process (the parsing worker runs the rest): mutation round of 01/12 ------------
def _models(*names: str, registrant: str = "CĐCS A"):
    import pandas as pd
    return pd.DataFrame({"model": list(names), "registrant": [registrant] * len(names)})


def test_the_later_version_is_found_in_this_process():
    from thidua.ingest.sheetversions import later_version
    rows = {"Lần 1": _models("Tủ sách", "Bữa cơm", "Chợ phiên", ""),
            "Lần 2": _models("tủ sách.", "BỮA CƠM", "Góc đọc"),
            "Lần 3": _models("Tủ sách", "Bữa cơm", "Góc đọc", "Sân chơi"),
            "Khác": _models("Một", "Hai")}
    sent = {"Lần 1": None, "Lần 2": None, "Lần 3": None, "Khác": None}
    # the last later version of several; blanks and spellings aside
    assert later_version("Lần 1", rows, sent, ["Lần 2", "Lần 3", "Khác"]) == "Lần 3"
    assert later_version("Lần 2", rows, sent, ["Lần 1", "Lần 3"]) == "Lần 3"
    assert later_version("Lần 3", rows, sent, ["Lần 1", "Lần 2"]) is None
    assert later_version("Khác", rows, sent, ["Lần 1"]) is None
    dated = {**sent, "Lần 1": dt.date(2024, 12, 5), "Lần 2": dt.date(2024, 11, 20)}
    assert later_version("Lần 2", rows, dated, ["Lần 1"]) == "Lần 1"  # dates over names
    assert later_version("Lần 1", {**rows, "Lần 2": _models("Tủ sách")}, sent, ["Lần 2"]) is None
    assert later_version("Lần 1", {**rows, "Lần 2": pd_empty()}, sent, ["Lần 2"]) is None


def test_a_registration_is_its_model_and_its_registrant_in_this_process():
    import pandas as pd
    from thidua.ingest.sheetversions import later_version
    rows = {"Lần 1": _models("Tủ sách", "Bữa cơm", "Chợ phiên"),
            "Lần 2": _models("Tủ sách", "Bữa cơm", "Chợ phiên", registrant="CĐCS B"),
            "Lần 3": pd.DataFrame({"model": ["Tủ sách", "Bữa cơm"]})}  # no registrant column
    assert later_version("Lần 1", rows, {}, ["Lần 2"]) is None  # the same names, others'
    assert later_version("Lần 3", {**rows, "Lần 4": rows["Lần 3"]}, {}, ["Lần 4"]) == "Lần 4"


def pd_empty():
    import pandas as pd
    return pd.DataFrame({"other": ["x"]})  # no model column


@pytest.mark.parametrize("name, other, later", [
    ("Lần 01", "Lần 1", False),       # the same number
    ("DS sửa", "DS cập nhật", False),  # both marked, no number: neither
])
def test_names_that_say_nothing_more(name, other, later):
    assert says_later(name, None, other, None) is later


@pytest.mark.parametrize("mine, theirs, later", [
    (("A", "B", "C", "D"), ("A", "B", "X", "Y"), "Lần 2"),      # 2 of 4 each: exactly half
    (("A", "B", "C", "D"), ("A", "B", "X", "Y", "Z"), None),    # 2 of 5 (the larger list)
    (("A", "B", "C", "D", "E", "F"), ("A", "B", "X", "Y"), None),  # 2 of 6, 2 of the other 4
    # a short sheet re-listing two rows of a long list (fresh tester H's H46, H48, H75)
    (("A", "B", "C", "D", "E", "F", "G", "H"), ("A", "B"), None),
    (("A", "B", "C"), ("A", "B", "C", "D"), "Lần 2"),           # 3 of 4: a row added
])
def test_half_of_the_larger_list_in_this_process(mine, theirs, later):
    from thidua.ingest.sheetversions import later_version
    rows = {"Lần 1": _models(*mine), "Lần 2": _models(*theirs)}
    assert later_version("Lần 1", rows, {}, ["Lần 2"]) == later


def test_the_earlier_version_s_line_word_for_word_in_this_process():
    from thidua.ingest.sheetversions import earlier_version_note
    assert earlier_version_note("Lần 1", "Lần 2", 4) == (
        "Trang 'Lần 1' là bản trước của danh sách ở trang 'Lần 2' (cùng phần lớn mô hình, trang "
        "'Lần 2' gửi sau hoặc ghi là bản sửa) nên chỉ tính trang 'Lần 2': 4 dòng của trang "
        "'Lần 1' không được tính (bỏ qua). Nếu cả hai trang đều là đăng ký, đề nghị gộp vào một "
        "trang rồi gửi lại.")


def test_a_list_without_registrants_is_one_whose_registrants_are_blank_in_this_process():
    import pandas as pd
    from thidua.ingest.sheetversions import later_version
    rows = {"Lần 1": pd.DataFrame({"model": ["Tủ sách", "Bữa cơm"]}),
            "Lần 2": _models("Tủ sách", "Bữa cơm", registrant="")}
    assert later_version("Lần 1", rows, {}, ["Lần 2"]) == "Lần 2"
