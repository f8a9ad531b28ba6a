"""The duplicate rule's messages word for word (:mod:`thidua.ingest.duplicates`,
``spec/submission-form.md``, "Errors": the first is kept, the others are rejected as
duplicates), for the three cases (a first row kept; an exact copy of a rejected first row; a
row repeating a rejected first row but differing elsewhere) and over a file's sheets; written
for the mutants the other validation tests let live (issue 14.5, ``bash scripts/mutation.sh
duplicates``)."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.duplicates import duplicate_key, duplicates_across_sheets
from thidua.ingest.normalise import normalise_rows
from thidua.ingest.validate import validate_rows

GOOD = {"stt": "1", "model": "Tủ sách Công đoàn khu trọ", "field": "VHXH", "type": "Cá nhân",
        "registrant": "Nguyễn Thị Lan", "position": "Tổ trưởng công đoàn",
        "period": "01/2024 - 12/2024", "result": "Hoàn thành"}
SAME = "cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá nhân, chức vụ và công đoàn cơ sở"


def check(records: list[dict]):
    raw = pd.DataFrame.from_records(records).astype(object)
    raw.index = pd.RangeIndex(8, 8 + len(raw), name="row")
    return validate_rows(normalise_rows(raw), raw, year=2024, file="Q-DD.xlsx", sheet="DS")


def lines(rejections: pd.DataFrame) -> list[tuple]:
    return [(r.file, r.sheet, r.row, r.column, r.value, r.error) for r in rejections.itertuples()]


def test_a_row_repeating_a_kept_first_row_names_it_and_keeps_it():
    twin = {**GOOD, "stt": "2", "model": "tủ sách công đoàn khu trọ.",
            "period": "03/2024 - 12/2024"}
    valid, rejections = check([GOOD, twin])
    assert valid.index.tolist() == [8]
    assert lines(rejections) == [
        ("Q-DD.xlsx", "DS", 9, "Tên mô hình", "tủ sách công đoàn khu trọ.",
         f"Trùng với dòng 8: {SAME}; chỉ tính dòng 8.")]


def test_an_exact_copy_of_a_rejected_row_is_told_once_as_its_copy():
    bad = {**GOOD, "result": "Xuất sắc"}
    copy = {**bad, "stt": "2"}  # the same cell for cell but STT
    valid, rejections = check([bad, copy])
    assert valid.empty
    assert [(r[2], r[3], r[5][:30]) for r in lines(rejections)] == [
        (8, "Kết quả", "'Xuất sắc' không hợp lệ ở cột "), (9, "Tên mô hình", "Lặp lại đúng dòng 8 (dòng 8 bị")]
    assert lines(rejections)[1] == (
        "Q-DD.xlsx", "DS", 9, "Tên mô hình", "Tủ sách Công đoàn khu trọ",
        "Lặp lại đúng dòng 8 (dòng 8 bị từ chối, xem lý do ở dòng 8); khi sửa dòng 8, đề "
        "nghị xóa dòng này.")


def test_a_repeat_of_a_rejected_row_differing_elsewhere_keeps_its_own_reasons():
    bad = {**GOOD, "result": "Xuất sắc"}
    other = {**bad, "stt": "2", "period": "quý 5"}  # another period: not a copy
    valid, rejections = check([bad, other])
    assert valid.empty
    assert [(r[2], r[3]) for r in lines(rejections)] == [
        (8, "Kết quả"), (9, "Kết quả"), (9, "Thời gian thực hiện"), (9, "Tên mô hình")]
    assert lines(rejections)[3] == (
        "Q-DD.xlsx", "DS", 9, "Tên mô hình", "Tủ sách Công đoàn khu trọ",
        f"Trùng với dòng 8: {SAME}; dòng 8 cũng bị từ chối: đề nghị sửa một trong hai dòng và "
        f"xóa dòng còn lại.")


def test_the_stt_column_alone_differing_still_makes_an_exact_copy():
    """STT is left out of the copy's comparison (a copy has its own number); every other
    form column counts, the registrant's spelling included."""
    bad = {**GOOD, "result": "Xuất sắc"}
    respelt = {**bad, "stt": "2", "registrant": "NGUYỄN THỊ LAN"}  # one registration, not a copy
    _, rejections = check([bad, {**bad, "stt": "7"}, respelt])
    errors = {r[2]: r[5] for r in lines(rejections) if r[3] == "Tên mô hình"}
    assert errors[9].startswith("Lặp lại đúng dòng 8 ")
    assert errors[10].startswith("Trùng với dòng 8: ") and "cũng bị từ chối" in errors[10]


def test_the_duplicate_key_strips_punctuation_and_quotes_at_both_ends_only():
    assert duplicate_key(" “Bữa cơm  Công đoàn.”! ") == "bua com cd"  # ``công đoàn`` shortened (_SHORTENED)
    assert duplicate_key("'Bữa cơm, công đoàn'?;:") == "bua com, cd"
    assert duplicate_key("-‘Bữa cơm’-") == "bua com"
    assert duplicate_key("XBữa cơmX") == "xbua comx"


def _valid(*models: str, first_row: int = 8) -> pd.DataFrame:
    rows = normalise_rows(pd.DataFrame.from_records(
        [{**GOOD, "model": m} for m in models]).astype(object))
    rows.index = pd.RangeIndex(first_row, first_row + len(models), name="row")
    return rows


def test_across_sheets_a_later_sheets_repeat_is_rejected_naming_the_first_sheet_and_row():
    first = _valid("Bữa cơm công đoàn", "Tủ sách khu trọ")
    empty = _valid()
    later = _valid("Sân chơi thiếu nhi", "TỦ SÁCH KHU TRỌ.", first_row=5)
    kept, rejections = duplicates_across_sheets([("DS", first), ("Trống", empty), ("DS2", later)],
                                                file="Q-DD.xlsx")
    assert [k.index.tolist() for k in kept] == [[8, 9], [], [5]]
    assert kept[0] is first and kept[1] is empty
    assert lines(rejections) == [(
        "Q-DD.xlsx", "DS2", 6, "Tên mô hình", "TỦ SÁCH KHU TRỌ.",
        "Trùng với dòng 9 của trang 'DS': cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá "
        "nhân, chức vụ và công đoàn cơ sở; chỉ tính dòng 9 của trang 'DS'.")]


def test_across_sheets_one_sheet_with_rows_compares_nothing():
    only = _valid("Bữa cơm công đoàn", "Bữa cơm công đoàn")  # its own repeats: told in-sheet
    kept, rejections = duplicates_across_sheets([("Trống", _valid()), ("DS", only)],
                                                file="Q-DD.xlsx")
    assert [k.index.tolist() for k in kept] == [[], [8, 9]]
    assert rejections.empty and rejections.columns.tolist() == [
        "file", "sheet", "row", "column", "value", "error"]


def test_across_sheets_a_sheet_without_repeats_is_kept_as_it_is():
    kept, rejections = duplicates_across_sheets(
        [("DS", _valid("Bữa cơm công đoàn")), ("DS2", _valid("Sân chơi thiếu nhi"))],
        file="Q-DD.xlsx")
    assert [k["model"].tolist() for k in kept] == [["Bữa cơm công đoàn"], ["Sân chơi thiếu nhi"]]
    assert rejections.empty


@pytest.mark.parametrize("value, key", [
    ("Ông Nguyễn Văn An", "nguyen van an"), ("Đ/c Nguyễn Văn An", "nguyen van an"),
    ("đồng chí  Trần Thị Bình", "tran thi binh"), ("Anh Ba", "ba"),
    # a form of address before no capital, or alone: kept
    ("Bà mẹ Việt Nam anh hùng", "ba me viet nam anh hung"), ("Chị em phụ nữ", "chi em phu nu"),
    ("Ông", "ong"), (2024, "2024"), (None, ""),
])
def test_a_form_of_address_before_a_name_is_no_part_of_the_key(value, key):
    assert duplicate_key(value) == key
