"""What the mutation run of thidua/ingest/validate.py (30/11) found unchecked by its tests, value
by value on rows written in the test: the unit's own headers of a period in two columns in
every message about them (:func:`own_headers`, ``validate_rows``' and ``validate_sheets``'
``own``), a value of another coded column told, and sheets of several report years validated
in one pandera call per year."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
import pytest

from thidua.ingest.normalise import normalise_rows
from thidua.ingest.validate import own_headers, validate_rows, validate_sheets

GOOD = {"model": "Tủ sách Công đoàn khu trọ", "field": "VHXH", "type": "Tập thể",
        "registrant": "CĐCS Công ty A", "period_from": "01/2024", "period_to": "12/2024",
        "result": "Hoàn thành"}
FIELD = ("cần một trong: Kinh tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc phòng (ANQP), "
         "Xây dựng hệ thống chính trị (XDHTCT).")
START = "cần ngày bắt đầu: một ô ngày, dd/mm/yyyy, mm/yyyy hoặc năm."


def _sheet(records: list[dict], first_row: int = 8):
    raw = pd.DataFrame.from_records(records).astype(object)
    raw.index = pd.RangeIndex(first_row, first_row + len(raw), name="row")
    return normalise_rows(raw), raw


#: A period outside the year, one start unreadable, an end before its start.
PERIODS = [GOOD, {**GOOD, "model": "Mô hình B", "period_from": "01/01/2023",
                  "period_to": "31/12/2023"},
           {**GOOD, "model": "Mô hình C", "period_from": "abc"},
           {**GOOD, "model": "Mô hình D", "period_from": "31/12/2024", "period_to": "01/01/2024"}]


def _errors(own: dict[str, str] | None, *, together: bool = False) -> list[list]:
    rows, raw = _sheet(PERIODS)
    if together:
        valid, rejected = validate_sheets([(rows, raw, 2024, "Q-DD.xlsx", "DS")], [own or {}])[0]
    else:
        valid, rejected = validate_rows(rows, raw, year=2024, file="Q-DD.xlsx", sheet="DS",
                                        own=own)
    assert valid.index.tolist() == [8]
    return rejected[["row", "error"]].values.tolist()


def test_the_own_headers_of_a_period_in_two_columns_are_their_lowest_text():
    assert own_headers({"model": "Tên mô hình", "period": "Thời gian",
                        "period_from": "Thời gian thực hiện / Bắt đầu",
                        "period_to": "Kết thúc"}) == {"period_from": "Bắt đầu",
                                                      "period_to": "Kết thúc"}
    assert own_headers({"period_from": "", "period_to": "Thời gian / Ngày bắt đầu / Đến ngày"}
                       ) == {"period_to": "Đến ngày"}
    assert own_headers({"model": "Tên mô hình", "period": "Thời gian thực hiện"}) == {}


def test_every_message_about_a_period_in_two_columns_names_the_units_own_headers():
    own = {"period_from": "Bắt đầu", "period_to": "Kết thúc"}
    expected = [
        [9, "'Thời gian thực hiện' ('Bắt đầu' – 'Kết thúc') '01/01/2023 - 31/12/2023' không "
            "trùng với năm báo cáo 2024."],
        [10, f"Không đọc được 'Bắt đầu' 'abc': {START}"],
        [11, "'Kết thúc' (01/01/2024) trước 'Bắt đầu' (31/12/2024): thời gian kết thúc không "
             "được trước thời gian bắt đầu."]]
    assert _errors(own) == expected
    assert _errors(own, together=True) == expected


def test_an_own_header_not_given_is_the_forms():
    assert _errors({"period_from": "Bắt đầu"}) == [
        [9, "'Thời gian thực hiện' ('Bắt đầu' – 'Đến ngày') '01/01/2023 - 31/12/2023' không "
            "trùng với năm báo cáo 2024."],
        [10, f"Không đọc được 'Bắt đầu' 'abc': {START}"],
        [11, "'Đến ngày' (01/01/2024) trước 'Bắt đầu' (31/12/2024): thời gian kết thúc không "
             "được trước thời gian bắt đầu."]]
    assert _errors(None) == _errors({}, together=True) == [
        [9, "'Thời gian thực hiện' ('Từ ngày' – 'Đến ngày') '01/01/2023 - 31/12/2023' không "
            "trùng với năm báo cáo 2024."],
        [10, f"Không đọc được 'Từ ngày' 'abc': {START}"],
        [11, "'Đến ngày' (01/01/2024) trước 'Từ ngày' (31/12/2024): thời gian kết thúc không "
             "được trước thời gian bắt đầu."]]


def test_a_value_of_another_coded_column_is_told_so():
    rows, raw = _sheet([GOOD, {**GOOD, "model": "Mô hình B", "field": "TT"},
                        {**GOOD, "model": "Mô hình C", "type": "Kinh tế"}])
    valid, rejected = validate_rows(rows, raw, year=2024, file="Q-DD.xlsx", sheet="DS")
    assert valid.index.tolist() == [8]
    assert rejected[["row", "column", "value", "error"]].values.tolist() == [
        [9, "Lĩnh vực", "TT", f"'TT' không hợp lệ ở cột 'Lĩnh vực': {FIELD} 'TT' là giá trị của "
                              "cột 'Hình thức': có ghi nhầm cột không?"],
        [10, "Hình thức", "Kinh tế", "'Kinh tế' không hợp lệ ở cột 'Hình thức': cần Tập thể (TT) "
                                     "hoặc Cá nhân (CN). 'Kinh tế' là giá trị của cột 'Lĩnh vực': "
                                     "có ghi nhầm cột không?"]]


def test_sheets_of_several_years_take_one_pandera_call_a_year_and_each_its_failures(
        monkeypatch):
    calls = []
    validate = pa.DataFrameSchema.validate

    def counted(self, frame, *args, **kwargs):
        calls.append(len(frame))
        return validate(self, frame, *args, **kwargs)

    monkeypatch.setattr(pa.DataFrameSchema, "validate", counted)
    old = {**GOOD, "period_from": "01/2023", "period_to": "12/2023"}
    sheets = [(*_sheet([old]), 2023, "a.xlsx", "2023"),
              (*_sheet([GOOD, {**GOOD, "model": "Mô hình B", "field": "Bóng"}], 5), 2024,
               "b.xlsx", "DS1"),
              (*_sheet([{**GOOD, "model": "Mô hình C", "result": "Xuất sắc"}], 9), 2024,
               "b.xlsx", "DS2")]
    together = validate_sheets(sheets)
    # the 2023 sheet alone, the two 2024 sheets in one call, no other (a failure of no row
    # would send each 2024 sheet through alone; one no rejection names, its valid rows again)
    assert calls == [1, 3]
    assert [v.index.tolist() for v, _ in together] == [[8], [5], []]
    assert [r[["file", "sheet", "row", "column", "value"]].values.tolist()
            for _, r in together] == [[], [["b.xlsx", "DS1", 6, "Lĩnh vực", "Bóng"]],
                                      [["b.xlsx", "DS2", 9, "Kết quả", "Xuất sắc"]]]


def test_rows_the_normaliser_cannot_give_are_a_program_error_alone_or_with_their_year():
    def broken(model: str, first_row: int):
        rows, raw = _sheet([{**GOOD, "model": model}], first_row)
        return rows.assign(model=5), raw  # a number where the schema wants text

    # together, the column is of numbers too: a failure of no row, each sheet then alone
    for sheets in ([broken("Mô hình A", 8)], [broken("Mô hình A", 8), broken("Mô hình B", 5)]):
        with pytest.raises(pa.errors.SchemaError) as raised:
            validate_sheets([(*s, 2024, "a.xlsx", f"DS{k}") for k, s in enumerate(sheets)])
        assert raised.value.reason_code == pa.errors.SchemaErrorReason.WRONG_DATATYPE
        assert str(raised.value) == ("expected series 'model' to have type string[pyarrow], "
                                     "got int64")


def test_a_cell_whose_letters_became_question_marks_rejects_its_row_naming_file_and_sheet():
    lost = ("có chữ tiếng Việt bị mất (thành dấu '?'): dòng này được lưu bằng bảng mã không có "
            "chữ tiếng Việt. Đề nghị gõ lại dòng này, lưu tệp dạng 'CSV UTF-8 (Comma delimited)' "
            "hoặc .xlsx rồi gửi lại.")
    rows, raw = _sheet([GOOD, {**GOOD, "model": "S?ng ki?n ti?t ki?m ?i?n"},
                        {**GOOD, "model": "#NAME?", "registrant": "C?ng ?o?n"},
                        {**GOOD, "model": "Có gì mới?"}])
    valid, rejected = validate_rows(rows, raw, year=2024, file="Q-DD.xlsx", sheet="DS")
    assert valid.index.tolist() == [8, 11]
    assert rejected.values.tolist() == [
        ["Q-DD.xlsx", "DS", 9, "Tên mô hình", "S?ng ki?n ti?t ki?m ?i?n", f"Ô 'Tên mô hình' {lost}"],
        ["Q-DD.xlsx", "DS", 10, "Tên mô hình", "#NAME?", "Ô 'Tên mô hình' có lỗi công thức "
         "#NAME?: sửa công thức hoặc ghi giá trị (cần tên mô hình, từ 5 đến 500 ký tự)."],
        ["Q-DD.xlsx", "DS", 10, "Tên tập thể/cá nhân", "C?ng ?o?n", f"Ô 'Tên tập thể/cá nhân' {lost}"]]


def test_a_duplicate_is_said_in_its_file_and_sheet():
    rows, raw = _sheet([GOOD, GOOD])
    valid, rejected = validate_rows(rows, raw, year=2024, file="Q-DD.xlsx", sheet="DS")
    assert valid.index.tolist() == [8]
    assert rejected.values.tolist() == [
        ["Q-DD.xlsx", "DS", 9, "Tên mô hình", "Tủ sách Công đoàn khu trọ",
         "Trùng với dòng 8: cùng tên mô hình, lĩnh vực, hình thức, tập thể/cá nhân, chức vụ và "
         "công đoàn cơ sở; chỉ tính dòng 8."]]
