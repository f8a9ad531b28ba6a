import datetime as dt

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from thidua.ingest.normalise import says_nothing, classify_rows, normalise_rows
from thidua.ingest.periods import parse_period
from thidua.text import clean_text


def frame(records: list[dict], start_row: int = 7) -> pd.DataFrame:
    out = pd.DataFrame.from_records(records).astype(object)
    out.index = pd.RangeIndex(start_row, start_row + len(out), name="row")
    return out


def test_rows_that_are_not_data_are_labelled_not_rejected():
    raw = frame([
        {"stt": "I. LĨNH VỰC KINH TẾ", "model": "", "field": "", "type": ""},
        {"stt": 1, "model": "Bữa cơm Công đoàn", "field": "KT", "type": "TT"},
        {"stt": 2, "model": "", "field": "", "type": ""},  # template row with only STT
        {"stt": "", "model": "", "field": "", "type": ""},
        {"stt": "Tổng cộng", "model": 1, "field": "", "type": ""},
        {"stt": "", "model": "Người lập biểu", "field": "", "type": ""},
        {"stt": "", "model": "Nguyễn Thị Hoa", "field": "", "type": ""},
        {"stt": "", "model": "Hà Nội, ngày 20 tháng 11 năm 2024", "field": "", "type": ""},
    ])
    assert classify_rows(raw).tolist() == ["subheading", "data", "blank", "blank", "totals",
                                           "signature", "signature", "signature"]


def test_a_position_named_chu_tich_in_a_data_row_is_still_data():
    raw = frame([{"model": "Tủ sách Công đoàn", "field": "KT", "type": "CN",
                  "position": "Chủ tịch CĐCS"}])
    assert classify_rows(raw).tolist() == ["data"]


@pytest.mark.parametrize("spelling, code", [
    ("KT", "KT"), ("Kinh tế", "KT"), ("kinh te", "KT"),
    ("Văn hóa - xã hội", "VHXH"), ("Văn hoá – Xã hội", "VHXH"), ("VH-XH", "VHXH"),
    ("An ninh - quốc phòng", "ANQP"), ("Quốc phòng - an ninh", "ANQP"), ("QP-AN", "ANQP"),
    ("AN-QP", "ANQP"), ("Xây dựng hệ thống chính trị", "XDHTCT"), ("XD HTCT", "XDHTCT"),
])
def test_every_field_spelling_of_the_form_maps_to_its_code(spelling, code):
    out = normalise_rows(frame([{"field": spelling}]))
    assert out["field"].tolist() == [code]


def test_types_levels_and_results_map_and_default():
    out = normalise_rows(frame([
        {"type": "TT", "level": "Cấp trên cơ sở", "result": "Tiêu biểu", "grassroots_union": ""},
        {"type": "Cá nhân", "level": "", "result": "", "grassroots_union": "CĐCS Trường A"},
        {"type": "CN", "level": "", "result": "Hoàn thành", "grassroots_union": ""},
        {"type": "cá nhân", "level": "Thành phố", "result": "Không hoàn thành", "grassroots_union": ""},
    ]))
    assert out["type"].tolist() == ["collective", "individual", "individual", "individual"]
    assert out["level"].tolist() == ["cap_tren_co_so", "co_so", "cap_tren_co_so", "thanh_pho"]
    assert out["result"].tolist() == ["tieu_bieu", "chua_danh_gia", "hoan_thanh", "khong_hoan_thanh"]


def test_unknown_values_stay_as_written_for_the_error_message():
    out = normalise_rows(frame([{"field": " Môi  trường ", "type": ""}]))
    assert out.at[7, "field"] == "Môi trường"
    assert pd.isna(out.at[7, "type"])


@pytest.mark.parametrize("value, expected", [
    ("01/01/2024 - 31/12/2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("03/2024 - 11/2024", (dt.date(2024, 3, 1), dt.date(2024, 11, 30))),
    ("02/2024 – 02/2024", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
    ("Từ 01/2024 đến 12/2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("Năm 2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    (dt.datetime(2024, 5, 1), (dt.date(2024, 5, 1), dt.date(2024, 5, 1))),
    ("31/02/2024 - 01/03/2024", None),
    ("12/2024 - 01/2024", None),
    ("cả năm", None),                                  # no year to read it in
    ("Từ tháng 3/2024 đến tháng 12/2024", (dt.date(2024, 3, 1), dt.date(2024, 12, 31))),
    ("Tháng 6/2024", (dt.date(2024, 6, 1), dt.date(2024, 6, 30))),
    ("Quý II/2024 - Quý IV/2024", (dt.date(2024, 4, 1), dt.date(2024, 12, 31))),
    ("Từ 01/3/2024 đến 31/12/2024", (dt.date(2024, 3, 1), dt.date(2024, 12, 31))),
    ("T3/2024 - T12/2024", (dt.date(2024, 3, 1), dt.date(2024, 12, 31))),
    ("Quý 2/2024", (dt.date(2024, 4, 1), dt.date(2024, 6, 30))),
    ("Quý I năm 2024", (dt.date(2024, 1, 1), dt.date(2024, 3, 31))),
    ("6 tháng đầu năm 2024", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
    ("6 tháng cuối năm 2024", (dt.date(2024, 7, 1), dt.date(2024, 12, 31))),
    ("Cả năm 2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("01-03-2024 - 31-12-2024", (dt.date(2024, 3, 1), dt.date(2024, 12, 31))),
    ("Quý 5/2024", None), ("Tháng 13/2024", None), ("Quý IV/2024 - Quý I/2024", None),
    ("tháng 3", None),
])
def test_period_formats(value, expected):
    assert parse_period(value) == expected


@pytest.mark.parametrize("value, expected", [
    ("Cả năm", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("6 tháng đầu năm", (dt.date(2024, 1, 1), dt.date(2024, 6, 30))),
    ("6 tháng cuối năm", (dt.date(2024, 7, 1), dt.date(2024, 12, 31))),
    ("Quý II/2023", (dt.date(2023, 4, 1), dt.date(2023, 6, 30))),   # its own year wins
    # a month without a year is of the report year, as ``Quý 4`` is (fresh tester N's N157:
    # ``Tháng 1 - tháng 12`` was rejected); ``3 tháng`` is a length of time (the whole year)
    ("tháng 3", (dt.date(2024, 3, 1), dt.date(2024, 3, 31))),
    ("Tháng 1 - tháng 12", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ("T3 - T9", (dt.date(2024, 3, 1), dt.date(2024, 9, 30))),
    ("tháng 13", None),
])
def test_periods_without_a_year_are_of_the_report_year(value, expected):
    assert parse_period(value, year=2024) == expected


def test_worded_periods_are_valid_and_an_unreadable_one_keeps_its_message():
    from thidua.ingest.validate import validate_rows

    base = {"model": "Bữa cơm Công đoàn", "field": "KT", "type": "TT", "registrant": "CĐCS A"}
    raw = frame([{**base, "model": f"Mô hình số {i}", "period": p} for i, p in enumerate(
        ["Quý II/2024 - Quý IV/2024", "Cả năm", "6 tháng đầu năm", "Quý 5/2024", "Quý IV/2023"])])
    valid, rejected = validate_rows(normalise_rows(raw), raw, year=2024, file="a", sheet="")
    assert valid.index.tolist() == [7, 8, 9]
    assert valid["period_start"].dt.date.tolist() == [dt.date(2024, 4, 1), dt.date(2024, 1, 1),
                                                      dt.date(2024, 1, 1)]
    assert valid["period_end"].dt.date.tolist() == [dt.date(2024, 12, 31), dt.date(2024, 12, 31),
                                                    dt.date(2024, 6, 30)]
    assert rejected["error"].tolist() == [
        "Không đọc được 'Thời gian thực hiện' 'Quý 5/2024': cần dd/mm/yyyy - dd/mm/yyyy, "
        "mm/yyyy - mm/yyyy hoặc một ô ngày, trùng với năm báo cáo.",
        "'Thời gian thực hiện' 'Quý IV/2023' không trùng với năm báo cáo 2024."]


_VIETNAMESE = st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩị"
                               "òóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ", min_size=5, max_size=40)


@given(_VIETNAMESE)
def test_nfc_and_nfd_text_give_identical_rows(text):
    import unicodedata

    composed = normalise_rows(frame([{"model": unicodedata.normalize("NFC", text),
                                      "field": "Văn hóa - xã hội"}]))
    decomposed = normalise_rows(frame([{"model": unicodedata.normalize("NFD", text),
                                        "field": unicodedata.normalize("NFD", "Văn hóa - xã hội")}]))
    pd.testing.assert_frame_equal(composed, decomposed)
    if says_nothing(text):  # ``không``, ``khong co``: a model written so is missing
        assert pd.isna(composed.at[7, "model"])
    else:
        assert composed.at[7, "model"] == (clean_text(text) or composed.at[7, "model"])


@pytest.mark.parametrize("text", ["khong", "không có", "chưa có", "none"])
def test_a_model_that_says_nothing_is_missing_in_both_forms(text):
    """What the property test above found once (``khong``): a placeholder word is no model,
    composed or decomposed."""
    import unicodedata

    for form in ("NFC", "NFD"):
        rows = normalise_rows(frame([{"model": unicodedata.normalize(form, text),
                                      "field": "Kinh tế"}]))
        assert pd.isna(rows.at[7, "model"])


def test_a_note_below_the_table_is_ignored_with_the_signature_block():
    raw = frame([
        {"stt": 1, "model": "Chuyến xe mùa xuân", "field": "VHXH", "type": "TT"},
        {"stt": "", "model": "Tổng cộng: 1 mô hình", "field": "", "type": ""},
        {"stt": "Ghi chú: các mô hình đã được Ban Thường vụ thông qua.", "model": "",
         "field": "", "type": ""},
        {"stt": "* Số liệu tính đến 30/11/2024", "model": "", "field": "", "type": ""},
    ])
    assert classify_rows(raw).tolist() == ["data", "totals", "signature", "signature"]


def test_a_data_row_whose_model_starts_with_ghi_chu_is_still_data():
    raw = frame([{"model": "Ghi chú: tủ sách", "field": "KT", "type": "TT"},
                 {"model": "Ghi chú: tủ sách", "field": "", "type": "", "registrant": "CĐCS A"}])
    assert classify_rows(raw).tolist() == ["data", "data"]


def test_numbered_type_headings_are_subheadings_but_a_lone_type_value_is_data():
    raw = frame([{"stt": "A. TẬP THỂ", "model": "", "field": "", "type": ""},
                 {"stt": "II", "model": "Lĩnh vực văn hóa - xã hội", "field": "", "type": ""},
                 {"stt": "", "model": "", "field": "", "type": "Tập thể"}])
    assert classify_rows(raw).tolist() == ["subheading", "subheading", "data"]


FORM = ["stt", "model", "field", "type", "registrant", "position", "level", "grassroots_union",
        "period", "result", "note"]


def merged(text: str) -> dict:
    """A row merged across the table: after merge filling, every column repeats ``text``."""
    return {c: text for c in FORM}


@pytest.mark.parametrize("text, label", [
    ("Ghi chú: Danh sách gồm 06 mô hình đã được Ban Thường vụ thông qua.", "signature"),
    ("* Ghi chú: danh sách đã được thông qua", "signature"),
    ("Người lập biểu", "signature"),
    ("Hà Nội, ngày 05 tháng 12 năm 2024", "signature"),
    ("Tổng cộng: 6 mô hình", "totals"), ("Cộng tập thể: 2", "totals"), ("Cộng: 5", "totals"),
    ("I. LĨNH VỰC KINH TẾ", "subheading"), ("II. DANH SÁCH CÁ NHÂN", "subheading"),
    ("A. MÔ HÌNH TẬP THỂ", "subheading"),
    ("", "blank"),
])
def test_every_ignored_row_kind_merged_across_the_table_is_ignored(text, label):
    raw = frame([{"stt": 1, "model": "Chuyến xe mùa xuân", "field": "VHXH", "type": "TT"},
                 merged(text)])
    assert classify_rows(raw).tolist() == ["data", label]


def test_two_tables_on_one_sheet():
    header = {"stt": "STT", "model": "Tên mô hình (*)", "field": "Lĩnh vực", "type": "Hình thức",
              "registrant": "Tên tập thể/cá nhân", "position": "Chức vụ", "level": "Cấp công đoàn",
              "grassroots_union": "Công đoàn cơ sở", "period": "Thời gian thực hiện",
              "result": "Kết quả", "note": "Ghi chú"}
    row = {"model": "Chuyến xe mùa xuân", "field": "VHXH", "type": "TT", "registrant": "CĐCS A"}
    raw = frame([
        {"stt": "I. Danh sách tập thể"}, {"stt": 1, **row},
        {"stt": "Cộng tập thể: 2"}, {"model": "Tổng cá nhân: 3"}, {"stt": "Cộng: 5"},
        {"stt": "II. DANH SÁCH CÁ NHÂN"}, {"stt": "A. MÔ HÌNH TẬP THỂ"}, header,
        {"stt": 1, **row, "model": "Tổng công ty Vận tải Thủ Đô chung sức"},
        {"stt": 2, **row, "model": "Tổng công ty Vận tải", "field": ""},  # a model, rejected
        {"stt": "", "model": "Tên mô hình", "field": "Lĩnh vực", "registrant": "Nguyễn Văn A"},
        {"stt": "Cộng đồng xanh 2024"},
    ])
    assert classify_rows(raw).tolist() == [
        "subheading", "data", "totals", "totals", "totals", "subheading", "subheading", "header",
        "data", "data", "data", "data"]


def test_the_header_reason_is_counted_by_name():
    from thidua.ingest.normalise import IGNORED_REASONS

    assert "header" in IGNORED_REASONS


D = dt.date


@pytest.mark.parametrize("value, expected", [
    # one kind word and one year for both ends
    ("Quý I-IV/2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Quý 1-4/2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Quý I - Quý IV/2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Quý II-III năm 2024", (D(2024, 4, 1), D(2024, 9, 30))),
    ("T1-T12/2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Tháng 1-12/2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("tháng 3 - 12/2024", (D(2024, 3, 1), D(2024, 12, 31))),
    ("Tháng 3 đến tháng 11/2024", (D(2024, 3, 1), D(2024, 11, 30))),
    ("01/03 - 30/11/2024", (D(2024, 3, 1), D(2024, 11, 30))),
    ("Tháng 12-1/2024", (D(2023, 12, 1), D(2024, 1, 31))),  # over New Year (ABB4)
    ("Tháng 6-1/2024", None),                       # reversed
    # ISO dates, date cells read as numbers
    ("2024-03-01", (D(2024, 3, 1), D(2024, 3, 1))),
    ("2024-03-01 - 2024-11-30", (D(2024, 3, 1), D(2024, 11, 30))),
    (45352, (D(2024, 3, 1), D(2024, 3, 1))),
    (45352.0, (D(2024, 3, 1), D(2024, 3, 1))),
    ("45352", (D(2024, 3, 1), D(2024, 3, 1))),
    (45352.5, None), (True, None),
    (12, (D(2024, 1, 1), D(2024, 12, 31))),  # twelve months (tester J's J045), no serial date
    # a school year; "until now"; all through the year
    ("Năm học 2023-2024", (D(2023, 9, 1), D(2024, 8, 31))),
    ("NH 2024 - 2025", (D(2024, 9, 1), D(2025, 8, 31))),
    ("Từ năm 2020 đến nay", (D(2020, 1, 1), D(2024, 12, 31))),
    ("Từ 3/2024 đến nay", (D(2024, 3, 1), D(2024, 12, 31))),
    ("Từ năm 2020", (D(2020, 1, 1), D(2024, 12, 31))),  # from a start (W704, W708)
    ("Duy trì từ 2018", (D(2018, 1, 1), D(2024, 12, 31))),
    ("20-26/5/2024", (D(2024, 5, 20), D(2024, 5, 26))),  # days of one month (W705, W709)
    ("Theo KH số 05/KH-CĐCS ngày 10/01/2024", (D(2024, 1, 1), D(2024, 12, 31))),  # W707
    ("Thường xuyên", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Hằng năm", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Liên tục", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Quanh năm", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Trong năm", (D(2024, 1, 1), D(2024, 12, 31))),
])
def test_periods_as_units_write_them(value, expected):
    assert parse_period(value, year=2024) == expected


def test_words_for_the_whole_year_and_until_now_need_the_report_year():
    assert parse_period("Thường xuyên") is None
    assert parse_period("Từ năm 2020 đến nay") is None
    assert parse_period("Từ năm 2020") is None


@pytest.mark.parametrize("row, label", [
    ({"model": "Cộng tập thể", "type": "12"}, "totals"),          # the count in Hình thức
    ({"stt": "Cộng cá nhân", "model": "3", "field": "mô hình"}, "totals"),
    ({"model": "Tổng số", "type": "40", "registrant": ""}, "totals"),
    ({"stt": "Cộng:", "type": "7"}, "totals"),
    ({"model": "Tổng kết phong trào", "type": "5"}, "data"),      # a model, not a subtotal
    ({"model": "Cộng đồng xanh", "type": "3"}, "data"),
    ({"model": "Tổng vệ sinh môi trường", "registrant": "Nguyễn Văn A"}, "data"),
    # a field's subtotal names no registrant: ignored, never rejected (it was data, issue 9.3)
    ({"model": "Cộng tập thể", "field": "Kinh tế", "type": "12"}, "totals"),
    ({"model": "Cộng tập thể", "field": "Kinh tế", "registrant": "CĐCS A"}, "data"),
])
def test_a_subtotal_label_with_its_count_in_another_cell_is_a_totals_row(row, label):
    raw = frame([{"stt": 1, "model": "Chuyến xe mùa xuân", "field": "VHXH", "type": "TT"}, row])
    assert classify_rows(raw).tolist() == ["data", label]


@pytest.mark.parametrize("value, expected", [
    ("Từ tháng 1 đến tháng 12 năm 2024", (D(2024, 1, 1), D(2024, 12, 31))),
    ("Từ ngày 5 tháng 3 năm 2024 đến ngày 30 tháng 11 năm 2024", (D(2024, 3, 5), D(2024, 11, 30))),
    ("tháng 12 năm 2024", (D(2024, 12, 1), D(2024, 12, 31))),
    ("Từ tháng 3 năm 2024 đến nay", (D(2024, 3, 1), D(2024, 12, 31))),
    ("6 tháng cuối năm 2024", (D(2024, 7, 1), D(2024, 12, 31))),   # no month number: a half year
])
def test_periods_in_words(value, expected):
    assert parse_period(value, 2024) == expected
