"""A unit's file whose name or folder marks it as an old copy or a draft (``cũ/``, ``(cũ)``,
``_nhap``, ``backup``) never wins over one that does not, whatever its dates; alone it still
counts (the eighth tester's F4; ``spec/submission-form.md``, "Corrections", extended in
``docs/contracts.md``). And the sentence saying why a dated file won over an undated one
names the sent date that decided (the eighth tester's F9)."""

from __future__ import annotations

import datetime as dt

import pytest

from test_selection_mutants import D1, D5, SAME, T1, T9, by_name, result
from thidua.ingest.files import SUPERSEDED, USED
from thidua.ingest.selection import is_old_file


@pytest.mark.parametrize("file, old", [
    ("cũ/Q-HK_x.xlsx", True), ("Q-HK_x (cũ).xlsx", True), ("Q-HK_nhap.xlsx", True),
    ("Q-HK_ban-nhap.xlsx", True), ("backup/Q-HK.xlsx", True), ("Nháp/Q-HK.xlsx", True),
    ("Q-HK old.xlsx", True), ("Q-HK_x.xlsx", False), ("quan/Q-HK.xlsx", False),
    ("Q-HK_x_sua.xlsx", False), ("Q-HK_cuoi.xlsx", False), ("2024/Q-HK_dang-ky.xlsx", False)])
def test_a_file_marked_old_or_draft_by_its_name_or_folder(file, old):
    assert is_old_file(file) is old


@pytest.mark.parametrize("old", ["cũ/Q-HK_x.xlsx", "Q-HK_x (cũ).xlsx", "Q-HK_nhap.xlsx"])
def test_an_old_or_draft_file_never_wins_over_one_that_is_not(old):
    got = by_name([result("Q-HK_x.xlsx", sent=D1, modified=T1, models=SAME),
                   result(old, sent=D5, modified=T9, models=SAME)])
    assert (got["Q-HK_x.xlsx"].status, got[old].status) == (USED, SUPERSEDED)
    assert got["Q-HK_x.xlsx"].chosen_by == "not_old"
    assert got["Q-HK_x.xlsx"].choice == (
        f"Đơn vị có 2 tệp; dùng tệp Q-HK_x.xlsx (chọn tệp không ghi là bản cũ hay bản nháp, vì "
        f"tên hoặc thư mục của tệp {old} cho biết là bản cũ hay bản nháp).")


def test_an_old_file_alone_still_counts():
    got = by_name([result("cũ/Q-HK_x.xlsx", sent=D5, models=SAME)])
    assert got["cũ/Q-HK_x.xlsx"].status == USED


def test_a_dated_file_winning_over_an_undated_one_names_its_sent_date():
    got = by_name([result("a.xlsx", sent=dt.date(2024, 12, 20), modified=T1, models=SAME),
                   result("b.xlsx", modified=T9, models=SAME)])
    assert (got["a.xlsx"].status, got["a.xlsx"].chosen_by) == (USED, "sent_date")
    assert got["a.xlsx"].choice == (
        "Đơn vị có 2 tệp; dùng tệp a.xlsx (chọn theo ngày gửi ghi trong tệp a.xlsx (20/12/2024), "
        "sau ngày sửa tệp b.xlsx (09/12/2024), tệp không có dòng 'Ngày gửi:' đọc được).")


@pytest.mark.parametrize("file, old", [
    # ``nhập`` (entered, merged) is no ``nháp`` (draft): fresh tester K's K161, K163, K164, K200
    ("Q-HK_nhập liệu lại.xlsx", False), ("Q-HK_đã nhập thêm 3 mô hình.xlsx", False),
    ("Nhập liệu đợt 2/Q-HK.xlsx", False), ("Q-HK_sau sáp nhập.xlsx", False),
    ("Q-HK_nhap lieu lai.xlsx", False), ("Q-HK_da nhap them.xlsx", False),
    ("Q-HK_sau sap nhap.xlsx", False), ("Q-HK_duoc nhap.xlsx", False),
    ("Q-HK_nhap du lieu.xlsx", False), ("Q-HK (nhập).xlsx", False),
    # a draft all the same, with or without diacritics
    ("Q-HK_nhap.xlsx", True), ("Q-HK_NHAP.xlsx", True), ("Q-HK (nháp).xlsx", True),
    ("Q-HK_Bản nháp.xlsx", True), ("Q-HK_nhap 2.xlsx", True), ("nhap/Q-HK.xlsx", True),
    ("Q-HK  nhap.xlsx", True), ("Q-HK\u00a0NHAP.xlsx", True),  # spaces as one, in capitals
    # ``hủy`` with what was removed after it is a cleaning, not a cancelled list: K204
    ("Q-HK_đã hủy dòng trùng.xlsx", False), ("Q-HK_huỷ các mô hình lặp.xlsx", False),
    ("Q-HK đã hủy 2 dòng.xlsx", False),
    ("Q-HK (đã hủy).xlsx", True), ("Q-HK - Hủy.xlsx", True), ("Q-HK hủy bỏ.xlsx", True),
    ("Đã huỷ/Q-HK.xlsx", True),
])
def test_entered_merged_or_cleaned_is_no_draft_nor_cancelled(file, old):
    assert is_old_file(file) is old
