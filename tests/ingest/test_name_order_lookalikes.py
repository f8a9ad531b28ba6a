"""Two faults of the fresh tester A (30/11): a unit's files told apart only by their names kept
the older one (``v2`` after ``v10`` in plain character order, ``20-11-2024`` after
``05-12-2024``), and a model copied with a Cyrillic letter that looks Latin escaped the
duplicate rule (``selection.name_order``, ``duplicates.duplicate_key``)."""

from __future__ import annotations

import os

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.duplicates import duplicate_key
from thidua.ingest.files import ingest_file
from thidua.ingest.selection import name_order, select_submissions


@pytest.mark.parametrize("older, newer", [
    ("Q-HK_v2.xlsx", "Q-HK_v10.xlsx"), ("Q-HK_lan2.xlsx", "Q-HK_lan10.xlsx"),
    ("Q-HK_lan 9.xlsx", "Q-HK_LAN 10.xlsx"), ("lan-2/Q-HK.xlsx", "lan-10/Q-HK.xlsx"),
    ("Q-HK_20-11-2024.xlsx", "Q-HK_05-12-2024.xlsx"), ("Q-HK_20.11.2024.xlsx", "Q-HK_5.12.2024.xlsx"),
    ("Q-HK_20_11_24.xlsx", "Q-HK_05_12_24.xlsx"), ("Q-HK_20112024.xlsx", "Q-HK_05122024.xlsx"),
    ("Q-HK_2024-11-20.xlsx", "Q-HK_2024-12-05.xlsx"), ("Q-HK_20241120.xlsx", "Q-HK_20241205.xlsx"),
    ("Q-HK.xlsx", "Q-HK (1).xlsx"), ("Q-HK (1).xlsx", "Q-HK (2).xlsx"), ("Q-HK_a.xlsx", "Q-HK_b.xlsx"),
    # a version written inside the bracket: after the bracket closed sooner (a space sorted
    # before ``)``: fresh tester Q's R242)
    ("Q-HK (sửa).xlsx", "Q-HK (sửa lần 2).xlsx"), ("Q-HK [v1].xlsx", "Q-HK [v1 bổ sung].xlsx"),
    ("Q-HK_sua.xlsx", "Q-HK_sua_2.xlsx"),
])
def test_a_later_version_or_date_in_the_name_sorts_later(older, newer):
    assert name_order(older) < name_order(newer)


def test_an_impossible_date_in_a_name_is_only_numbers():
    assert name_order("Q-HK_32-13-2024.xlsx") < name_order("Q-HK_33-01-2024.xlsx")


@pytest.mark.parametrize("name, read", [
    ("Q-HK_05-12-2024", "Q-HK_2024-12-05"), ("Q-HK_5.12.24", "Q-HK_2024-12-05"),
    ("Q-HK_05122024", "Q-HK_2024-12-05"), ("Q-HK_01-01-2024", "Q-HK_2024-01-01"),
    ("Q-HK_31_12_2024", "Q-HK_2024-12-31"), ("Q-HK_31121999", "Q-HK_1999-12-31"),
    # no date: as written
    ("Q-HK_32-12-2024", "Q-HK_32-12-2024"), ("Q-HK_00-12-2024", "Q-HK_00-12-2024"),
    ("Q-HK_05-13-2024", "Q-HK_05-13-2024"), ("Q-HK_05-00-2024", "Q-HK_05-00-2024"),
    ("Q-HK_32132024", "Q-HK_32132024"),
])
def test_a_date_in_a_name_is_read_day_first_into_year_month_day(name, read):
    """What :func:`name_order` sorts by (its natural key hides the text)."""
    from thidua.ingest.selection import _NAME_DATE, _date_in_order

    assert _NAME_DATE.sub(_date_in_order, name) == read


def test_the_newest_file_by_name_is_the_one_used(tmp_path, context):
    paths = []
    for name, n in (("Q-HK_v2.xlsx", 3), ("Q-HK_v10.xlsx", 4)):
        path = tmp_path / name
        write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER,
                                       *[reg(i) for i in range(n)]])])
        os.utime(path, (1733389200, 1733389200))  # the same time for both
        paths.append(path)
    chosen = {r.file: r.status for r in select_submissions(
        [ingest_file(input_file(p, tmp_path), context) for p in paths])}
    assert chosen == {"Q-HK_v2.xlsx": "superseded", "Q-HK_v10.xlsx": "used"}


@pytest.mark.parametrize("copy", ["Сamera an ninh khu trọ", "Camera аn ninh khu trọ",
                                  "Camera an ninh khu trọ", "ＣＡＭＥＲＡ an ninh khu trọ"])
def test_a_model_copied_with_look_alike_letters_is_the_same_model(copy):
    assert duplicate_key(copy) == duplicate_key("Camera an ninh khu trọ")


def test_a_copy_with_a_cyrillic_letter_is_rejected_as_a_duplicate(tmp_path, context):
    first = reg(0, model="Camera an ninh khu trọ")
    copy = reg(0, model="Сamera an ninh khu trọ", stt=2)  # Cyrillic С
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, first, copy,
                                   reg(1)])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 1)
    assert result.rejections["error"].iloc[0].startswith("Trùng với dòng 4")


@pytest.mark.parametrize("newer, older", [
    ("bo-sung 05-12/Q-HM.xlsx", "Q-HM.xlsx"), ("Q-HM (cập nhật).xlsx", "Q-HM.xlsx"),
    ("sửa/Q-HM.xlsx", "Q-HM.xlsx"), ("Q-HM ban moi.xlsx", "Q-HM.xlsx"),
    ("Ban cuoi/Q-HM.xlsx", "Gui lan dau/Q-HM.xlsx"), ("Q-HM final.xlsx", "Q-HM.xlsx"),
    ("Gửi lại - Q-HM.xlsx", "Q-HM.xlsx"),  # fresh tester K's K165
    ("Q-HM (bản hoàn chỉnh).xlsx", "Q-HM.xlsx"), ("Q-HM_gui lai.xlsx", "Q-HM_gui lan 1.xlsx"),
    # the final list: ``bản chốt``, ``cuối cùng`` (fresh tester Q's R240)
    ("Q-HM (ban chot cuoi cung).xlsx", "Q-HM.xlsx"), ("Q-HM bản chốt.xlsx", "Q-HM.xlsx"),
    ("Q-HM_danh sach cuoi cung.xlsx", "Q-HM_du kien.xlsx"),
])
def test_a_name_marking_a_later_version_sorts_after_an_unmarked_one(newer, older):
    """Fresh tester D's 513: the supplement in ``bo-sung 05-12/`` lost to the original beside
    it, by the character order of the paths."""
    from thidua.ingest.selection import is_newer_file

    assert is_newer_file(newer) and not is_newer_file(older)
    assert name_order(newer) > name_order(older)


@pytest.mark.parametrize("name", ["Mô hình/Q-HM.xlsx", "Q-HM_bs.xlsx", "Q-HM.xlsx",
                                  "Moitruong/Q-HM.xlsx", "Suất/Q-HM.xlsx",
                                  # fresh tester E's 701, 702, 704, 709: denied or another word
                                  "Q-HM_chua_sua.xlsx", "Q-HM (bản chưa cập nhật).xlsx",
                                  "Q-HM_moi_truong.xlsx", "Q-HM_mo hinh moi.xlsx",
                                  "Q-HM_moi.xlsx"])
def test_words_that_only_look_alike_mark_nothing(name):
    from thidua.ingest.selection import is_newer_file

    assert not is_newer_file(name)


def test_the_supplement_is_used_and_the_unit_told_why(tmp_path, context):
    (tmp_path / "bo-sung 05-12").mkdir()
    paths = [tmp_path / "Q-HM.xlsx", tmp_path / "bo-sung 05-12" / "Q-HM.xlsx"]
    for path, n in zip(paths, (2, 3)):
        write_xlsx(path, [Sheet("DS", [["Năm: 2024"], HEADER, *[reg(i) for i in range(n)]])])
        os.utime(path, (1_900_000_000, 1_900_000_000))
    from thidua.ingest.discover import discover_files

    got = {r.file: r for r in select_submissions(
        [ingest_file(source, context) for source in discover_files(tmp_path)])}
    assert got["bo-sung 05-12/Q-HM.xlsx"].status == "used"
    assert got["Q-HM.xlsx"].status == "superseded"
    assert got["bo-sung 05-12/Q-HM.xlsx"].chosen_by == "name"
    assert "ghi là bản bổ sung, sửa hoặc cập nhật" in got["bo-sung 05-12/Q-HM.xlsx"].choice


@pytest.mark.parametrize("name, read", [
    ("20-11/Q-DD_2024", "11-20/Q-DD_2024"), ("Q-BD_2024 (gửi 5-12)", "Q-BD_2024 (gửi 12-05)"),
    ("Q-LB_2024_20.11", "Q-LB_2024_11-20"), ("Q-LB_2024_05_12", "Q-LB_2024_12-05"),
    ("Q-TX_2024_ngay 5 thang 12", "Q-TX_2024_12-05"), ("Q-TX_Ngày 20 tháng 11", "Q-TX_11-20"),
    ("Q-TX_nga\u0300y 5 tha\u0301ng 12", "Q-TX_12-05"),  # a name in NFD, as macOS writes it
    ("Q-TX_ngay_05_thang_12", "Q-TX_12-05"),
    # no day and month: as written (a version, a month and year, a year with a date, no date)
    ("Q-HK_v1.2", "Q-HK_v1.2"), ("Q-HK_1.10.5", "Q-HK_1.10.5"), ("Q-HK 01-2024", "Q-HK 01-2024"),
    ("Q-HK_05-12-2024", "Q-HK_2024-12-05"), ("Q-HK_2024-11-20", "Q-HK_2024-11-20"),
    ("Q-HK_32-12", "Q-HK_32-12"), ("Q-HK_5-13", "Q-HK_5-13"), ("Q-HK_0-12", "Q-HK_0-12"),
    ("Q-HK_ngay 32 thang 1", "Q-HK_ngay 32 thang 1"), ("Q-HK-20-11", "Q-HK-11-20"),
    ("Q-HK_2024-5-12", "Q-HK_2024-5-12"),  # a year first: no day and month of its own
    ("Q-HK_31-12", "Q-HK_12-31"), ("Q-HK_1-1", "Q-HK_01-01"), ("Q-HK_5-0", "Q-HK_5-0"),
    ("Q-HK_1-12 ngay 31 thang 1", "Q-HK_12-01 01-31"),  # the limits; both kinds in one name
])
def test_a_day_and_month_without_a_year_is_read_month_first(name, read):
    """Fresh tester K's K084, K132, K136, K137: ``20-11`` sorted after ``05-12`` as plain
    numbers, so a file sent on 20 November was used over the one of 5 December."""
    from thidua.ingest.selection import dated_name

    assert dated_name(name) == read


@pytest.mark.parametrize("older, newer", [
    ("20-11/Q-DD_2024.xlsx", "05-12/Q-DD_2024.xlsx"),
    ("Q-BD_2024 (gửi 20-11).xlsx", "Q-BD_2024 (gửi 5-12).xlsx"),
    ("Q-LB_2024_20.11.xlsx", "Q-LB_2024_05.12.xlsx"),
    ("Q-TX_2024_ngay 20 thang 11.xlsx", "Q-TX_2024_ngay 5 thang 12.xlsx"),
    ("Q-HK_v1.2.xlsx", "Q-HK_v1.10.xlsx"),
])
def test_a_later_day_and_month_in_the_name_sorts_later(older, newer):
    assert name_order(older) < name_order(newer)
