"""Values read by meaning, rows never mistaken (issues 9.1, 9.3, 9.10, 16.3, 16.6)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from thidua.ingest.normalise import classify_rows, filled_down, filled_down_note, normalise_rows
from thidua.ingest.read import find_table
from thidua.ingest.validate import shorten, validate_rows
from thidua.ingest.interpreted import interpreted_notes, interpreted_values
from thidua.ingest.values import (
    AMBIGUOUS,
    EMPTY,
    EXACT,
    INTERPRETED,
    UNKNOWN,
    read_column,
    read_value,
)


def frame(records: list[dict], start_row: int = 7) -> pd.DataFrame:
    out = pd.DataFrame.from_records(records).astype(object)
    out.index = pd.RangeIndex(start_row, start_row + len(out), name="row")
    return out


ROW = {"model": "Bữa cơm Công đoàn ấm áp", "field": "Kinh tế", "type": "Cá nhân",
       "registrant": "Nguyễn Thị Hoa", "position": "Chủ tịch CĐCS", "level": "Cơ sở",
       "grassroots_union": "CĐCS Trường Mầm non Hoa Sen", "period": "01/2024 - 12/2024",
       "result": "Hoàn thành", "note": ""}


def check(records: list[dict]) -> tuple[pd.DataFrame, pd.DataFrame]:
    raw = frame([{**ROW, **r} for r in records])
    return validate_rows(normalise_rows(raw), raw, year=2024, file="a.xlsx", sheet="DS")


# --- item 1: coded values read by meaning ------------------------------------------------
@pytest.mark.parametrize("column, text, code", [
    ("field", "Xây dựng HTCT", "XDHTCT"), ("field", "XD hệ thống chính trị", "XDHTCT"),
    ("field", "XD-HTCT", "XDHTCT"), ("field", "xdhtct", "XDHTCT"),
    ("field", "Quốc phòng, an ninh", "ANQP"), ("field", "An ninh & quốc phòng", "ANQP"),
    ("field", "QP/AN", "ANQP"), ("field", "an ninh và quốc phòng", "ANQP"),
    ("field", "VH - XH", "VHXH"), ("field", "Xã hội, văn hóa", "VHXH"), ("field", "XHVH", "VHXH"),
    ("field", "1. Kinh tế", "KT"), ("field", "Kinh tế (KT)", "KT"), ("field", "(KT)", "KT"),
    ("field", "II. Lĩnh vực văn hóa - xã hội", "VHXH"), ("field", "kinhte", "KT"),
    ("field", "KINH TE", "KT"),
    ("type", "TT", "collective"), ("type", "Tập thể (TT)", "collective"),
    ("type", "Mô hình cá nhân", "individual"), ("type", "ca nhan", "individual"),
    ("level", "CĐCS", "co_so"), ("level", "Công đoàn cơ sở", "co_so"), ("level", "CĐ cơ sở", "co_so"),
    ("level", "Cấp trên TT cơ sở", "cap_tren_co_so"), ("level", "Cấp trên cơ sở", "cap_tren_co_so"),
    ("level", "CTTCS", "cap_tren_co_so"), ("level", "TP", "thanh_pho"),
    ("result", "Ko hoàn thành", "khong_hoan_thanh"), ("result", "KHT", "khong_hoan_thanh"),
    ("result", "Hoàn thành", "hoan_thanh"), ("result", "Chưa đánh giá", "chua_danh_gia"),
])
def test_a_value_written_by_its_words_or_initials_reads_exactly(column, text, code):
    assert read_value(column, text) == (r := read_value(column, text)) and r.how == EXACT
    assert r.code == code


@pytest.mark.parametrize("column, text, code", [
    ("field", "Kinhh tế", "KT"), ("field", "Văn hóa xã hộii", "VHXH"),
    ("field", "Xay dung he thong chinh tr", "XDHTCT"), ("field", "Xây dựng hệ thốngg chính trịi", "XDHTCT"),
    ("type", "Ca nhn", "individual"), ("result", "Hoàn thàn", "hoan_thanh"),
    ("result", "Kông hoàn thành", "khong_hoan_thanh"), ("level", "Co soo", "co_so"),
    ("result", "Khưa đánh giá", "chua_danh_gia"), ("level", "Cấp tên trực tiếp cơ sở", "cap_tren_co_so"),
])
def test_one_or_two_typing_slips_from_one_value_are_interpreted(column, text, code):
    assert read_value(column, text).how == INTERPRETED
    assert read_value(column, text).code == code


@pytest.mark.parametrize("column, text, candidates", [
    ("field", "Kinh tế - xã hội", ("KT", "VHXH")),        # words of two fields
    ("field", "Kinh tế (VHXH)", ("KT", "VHXH")),          # a hint that disagrees
    ("result", "Hoàn thành (Tiêu biểu)", ("hoan_thanh", "tieu_bieu")),
    ("result", "Khg hoàn thành", ("hoan_thanh", "khong_hoan_thanh")),  # two slips vs three
])
def test_a_value_close_to_two_is_ambiguous(column, text, candidates):
    assert read_value(column, text).how == AMBIGUOUS
    assert read_value(column, text).candidates == candidates


@pytest.mark.parametrize("column, text", [
    ("field", "Môi trường"), ("field", "Tập thể"), ("field", "KX"), ("type", "Khác"),
    ("level", "Phường"), ("result", "Xuất sắc"), ("result", "Tốt"), ("field", "Kinh tế " * 30),
])
def test_false_friends_and_strangers_stay_unknown(column, text):
    assert read_value(column, text) == read_value(column, text)
    assert read_value(column, text).how == UNKNOWN and read_value(column, text).code is None


@pytest.mark.parametrize("column, text, code", [
    ("type", "T.Thể", "collective"), ("type", "T.thể", "collective"), ("type", "T. thể", "collective"),
    ("type", "Tập.thể", "collective"), ("type", "C.Nhân", "individual"), ("type", "c.nhân", "individual"),
    ("type", "T.T", "collective"), ("type", "Mô hình T.thể", "collective"),
    ("level", "CĐ CS", "co_so"), ("level", "C.sở", "co_so"), ("level", "Cấp trên TT cơ sở", "cap_tren_co_so"),
    ("level", "C.trên cơ sở", "cap_tren_co_so"), ("level", "Cấp trên C.sở", "cap_tren_co_so"),
    ("result", "H.thành", "hoan_thanh"), ("result", "T.biểu", "tieu_bieu"),
    ("result", "Chưa Đ.giá", "chua_danh_gia"), ("result", "K.hoàn thành", "khong_hoan_thanh"),
    ("result", "Không H.thành", "khong_hoan_thanh"), ("result", "T.biểu.", "tieu_bieu"),
    ("field", "K.tế", "KT"), ("field", "VH.XH", "VHXH"), ("field", "X.D HTCT", "XDHTCT"),
    ("field", "X.dựng H.thống C.trị", "XDHTCT"), ("field", "A.ninh Q.phòng", "ANQP"),
    ("field", "1. K.tế", "KT"), ("field", "vă.hóa xã hội", "VHXH"),  # ``vă.`` is no ``và``
])
def test_a_word_shortened_with_a_dot_reads_exactly(column, text, code):
    assert (read_value(column, text).how, read_value(column, text).code) == (EXACT, code)


@pytest.mark.parametrize("column, text", [
    ("type", "T thể"), ("type", "Tậ thể"), ("type", "Nhân.T"), ("field", "K tế"),
    ("type", "Tx.thể"),                       # not the beginning of a word of the value
])
def test_a_shortened_word_without_its_dot_is_not_an_abbreviation(column, text):
    assert read_value(column, text).how != EXACT


def test_dotted_abbreviations_are_valid_rows_and_a_stranger_is_still_rejected():
    valid, rejected = check([{"type": "T.Thể", "field": "K.tế", "result": "H.thành"},
                             {"type": "c.nhân", "field": "VH.XH", "level": "CĐ CS"},
                             {"type": "T.Khác"}])
    assert valid.index.tolist() == [7, 8]
    assert valid[["type", "field", "result"]].values.tolist() == [
        ["collective", "KT", "hoan_thanh"], ["individual", "VHXH", "hoan_thanh"]]
    assert valid.at[8, "level"] == "co_so"
    assert rejected["error"].tolist() == [
        "'T.Khác' không hợp lệ ở cột 'Hình thức': cần Tập thể (TT) hoặc Cá nhân (CN)."]


def test_false_friends_keep_their_own_value():
    assert read_value("level", "Cấp trên cơ sở").code == "cap_tren_co_so"
    assert read_value("level", "Cơ sở").code == "co_so"
    assert read_value("result", "Không hoàn thành").code == "khong_hoan_thanh"
    assert read_value("result", "Hoàn thành").code == "hoan_thanh"
    assert read_value("result", "Chưa").code == "chua_danh_gia"
    assert read_value("type", "TT").code == "collective"
    assert read_value("field", "").how == EMPTY and read_value("field", None).how == EMPTY


def test_a_whole_column_reads_each_distinct_value_once():
    values = pd.Series(["Kinhh tế", "KT", "Kinhh tế", None] * 2500)
    readings = read_column(values, "field")
    assert [r.code for r in readings[:4]] == ["KT", "KT", "KT", None]
    assert len({id(r) for r in readings}) == 3  # one Reading per distinct text


def test_interpreted_values_are_listed_and_told_once_per_value():
    raw = frame([{"field": "Kinhh tế", "result": "Hoàn thàn"}, {"field": "Kinhh tế", "result": ""},
                 {"field": "KT", "result": "HT"}])
    found = interpreted_values(raw)
    assert found.values.tolist() == [[7, "field", "Kinhh tế", "KT"],
                                     [7, "result", "Hoàn thàn", "hoan_thanh"],
                                     [8, "field", "Kinhh tế", "KT"]]
    assert interpreted_notes(found) == [
        "Cột 'Lĩnh vực': 'Kinhh tế' (dòng 7, 8) đã hiểu là 'Kinh tế'; nếu không đúng, đề nghị "
        "sửa lại và gửi lại.",
        "Cột 'Kết quả': 'Hoàn thàn' (dòng 7) đã hiểu là 'Hoàn thành'; nếu không đúng, đề nghị "
        "sửa lại và gửi lại."]


def test_interpreted_rows_count_and_ambiguous_rows_are_rejected_with_a_question():
    valid, rejected = check([{"field": "Kinhh tế"}, {"field": "Kinh tế - xã hội"},
                             {"field": "Môi trường"}])
    assert valid.index.tolist() == [7] and valid.at[7, "field"] == "KT"
    assert rejected["error"].tolist() == [
        "'Kinh tế - xã hội' ở cột 'Lĩnh vực' chưa rõ: có phải là 'Kinh tế' hay 'Văn hóa - xã "
        "hội'? Đề nghị ghi rõ một trong: Kinh tế (KT), Văn hóa - xã hội (VHXH), An ninh - quốc "
        "phòng (ANQP), Xây dựng hệ thống chính trị (XDHTCT).",
        "'Môi trường' không hợp lệ ở cột 'Lĩnh vực': cần một trong: Kinh tế (KT), Văn hóa - xã "
        "hội (VHXH), An ninh - quốc phòng (ANQP), Xây dựng hệ thống chính trị (XDHTCT)."]


# --- item 2: only real totals rows are totals; a row with field and type is never ignored -----
def test_models_and_registrants_starting_with_tong_are_data():
    raw = frame([
        {**ROW, "model": "Tổng công ty Vận tải chung tay", "result": "Tiêu biểu"},
        {**ROW, "model": "Tổng kết 5 năm phong trào"},
        {**ROW, "model": "Tổng số hóa đơn được số hóa"},
        {**ROW, "stt": "Tổng cộng", "model": "Tổng cộng đồng hành"},
        {**ROW, "registrant": "Tổng công ty Điện lực", "type": "Tập thể"},
        {**ROW, "model": "Người lập biểu tận tâm"},          # signature words, but field + type
        {**ROW, "model": "Lĩnh vực kinh tế", "registrant": "", "position": ""},  # still data
        {"stt": "Tổng cộng", "model": "10 mô hình"},
        {"model": "Tổng số: 10"},
        {"model": "Tổng cộng", "field": "4", "type": ""},
    ])
    assert classify_rows(raw).tolist() == ["data"] * 7 + ["totals"] * 3


def test_a_totals_label_with_a_field_or_type_is_totals_only_without_a_registrant():
    """A field's subtotal (``Tổng cộng`` | ``Kinh tế``) names no registrant: ignored, never
    rejected (``spec/submission-form.md``, "Rows that are not data"). With a registrant, or
    with both a field and a type, the row is data (issue 9.3), rejected for its model."""
    raw = frame([{"model": "Tổng cộng", "field": "Kinh tế"}, {"model": "Tổng cộng", "type": "TT"},
                 {"model": "Tổng cộng", "field": "Kinh tế", "registrant": "CĐCS Công ty A"},
                 {"model": "Tổng cộng", "field": "Kinh tế", "type": "TT"}])
    assert classify_rows(raw).tolist() == ["totals", "totals", "data", "data"]


# --- item 3: rows of nothing but filled-down values ------------------------------------------
def test_rows_of_filled_down_values_are_blank_and_told_once():
    fill = {"level": "Cơ sở", "grassroots_union": "CĐCS Công ty A"}
    raw = frame([{**ROW, **fill}, {**ROW, **fill, "model": "Tủ sách pháp luật"},
                 *[dict(fill) for _ in range(300)], {"stt": 5, **fill},
                 {"level": "Cơ sở", "result": "Hoàn thành"},   # a value of its own: a row
                 {}, {"grassroots_union": "CĐCS Công ty A"}, {"grassroots_union": "CĐCS Công ty A"}])
    labels = classify_rows(raw)
    assert labels.tolist() == ["data", "data"] + ["blank"] * 301 + ["data"] + ["blank"] * 3
    assert filled_down(raw).sum() == 303
    assert filled_down_note(raw, labels) == (
        "Dòng 9 đến 309, 312 đến 313 (303 dòng): chỉ có giá trị điền sẵn, không có tên mô hình, tên tập "
        "thể/cá nhân, lĩnh vực hay hình thức; đã bỏ qua (không tính là đăng ký). Lần sau đề "
        "nghị chỉ điền đến dòng đăng ký cuối cùng.")


def test_a_lone_row_with_values_of_its_own_is_still_rejected():
    raw = frame([{**ROW}, {"level": "Thành phố", "position": "Tổ trưởng"}])
    assert classify_rows(raw).tolist() == ["data", "data"]
    assert filled_down_note(raw, classify_rows(raw)) is None


# --- item 4: an oversized cell rejects its row, not its file (a remark: neither) -------------
def test_a_cell_over_the_limit_rejects_its_row_with_a_short_value():
    valid, rejected = check([{}, {"model": "Mô hình ghi chú dài", "note": "x" * 5_000_000},
                             {"registrant": "Công đoàn " * 25},
                             {"registrant": "A" * 200}, {"position": "y" * 40_000}])
    assert valid.index.tolist() == [7, 8, 10]
    assert pd.isna(valid.at[8, "note"])  # a remark over the limit: read as empty, row counted
    assert rejected[["row", "column"]].values.tolist() == [[9, "Tên tập thể/cá nhân"],
                                                           [11, "Chức vụ"]]
    assert rejected["error"].tolist() == [
        "'Tên tập thể/cá nhân' có 249 ký tự: cần tối đa 200 ký tự.",
        "Ô ở cột 'Chức vụ' có 40.000 ký tự, quá giới hạn 32.767 ký tự của một ô; đề nghị "
        "rút gọn."]
    assert rejected.at[1, "value"] == "y" * 100 + "…"


def test_an_oversized_coded_cell_is_one_short_rejection():
    valid, rejected = check([{"field": "Kinh tế " * 5000}])
    assert len(valid) == 0 and len(rejected) == 1
    assert rejected.at[0, "error"].startswith("Ô ở cột 'Lĩnh vực' có 40.000 ký tự")
    assert len(rejected.at[0, "value"]) == 101


def test_shorten_keeps_values_up_to_500_characters():
    assert shorten("a" * 500) == "a" * 500
    assert shorten("a" * 501) == "a" * 100 + "…"


# --- item 5: a period in two columns --------------------------------------------------------
HEAD = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
        "Thời gian thực hiện", None, "Kết quả"]


@pytest.mark.parametrize("first, second", [("Từ ngày", "Đến ngày"), ("Bắt đầu", "Kết thúc"),
                                           ("Từ", "Đến"), ("Từ tháng", "Đến tháng")])
@pytest.mark.parametrize("parent_filled", [False, True])
def test_a_period_under_a_merged_header_is_two_sub_columns(first, second, parent_filled):
    top = list(HEAD)
    if parent_filled:
        top[7] = "Thời gian thực hiện"
    grid = [top, [None] * 6 + [first, second, None], [1, "Bữa cơm", "KT", "CN", "A", "B",
                                                      "09/2023", "06/2024", "HT"]]
    table = find_table(grid)
    assert table.header_rows == (0, 1) and table.data_start == 2
    assert table.columns[6] == "period_from" and table.columns[7] == "period_to"


@pytest.mark.parametrize("first, second", [("Thời gian bắt đầu", "Thời gian kết thúc"),
                                           ("Từ ngày", "Đến ngày"), ("Ngày bắt đầu", "Ngày kết thúc")])
def test_a_period_in_two_flat_columns(first, second):
    top = HEAD[:6] + [first, second, "Kết quả"]
    table = find_table([top, [1, "Bữa cơm", "KT", "CN", "A", "B", "09/2023", "06/2024", "HT"]])
    assert table.header_rows == (0,)
    assert (table.columns[6], table.columns[7]) == ("period_from", "period_to")


def test_two_period_columns_read_from_the_first_to_the_second():
    raw = frame([{"period_from": dt.datetime(2023, 9, 1), "period_to": dt.datetime(2024, 6, 30)},
                 {"period_from": "09/2023", "period_to": "06/2024"},
                 {"period_from": "2023", "period_to": "2024"},
                 {"period_from": "03/2024", "period_to": ""},
                 {"period_from": "", "period_to": ""}])
    out = normalise_rows(raw)
    assert out["period_start"].dt.date.tolist()[:4] == [dt.date(2023, 9, 1)] * 2 + [
        dt.date(2023, 1, 1), dt.date(2024, 3, 1)]
    assert out["period_end"].dt.date.tolist()[:4] == [dt.date(2024, 6, 30)] * 2 + [
        dt.date(2024, 12, 31), dt.date(2024, 3, 31)]
    assert out["period"].tolist()[1:4] == ["09/2023 - 06/2024", "2023 - 2024", "03/2024"]
    assert pd.isna(out.at[11, "period"]) and pd.isna(out.at[11, "period_start"])


def test_two_period_columns_problems_name_their_column():
    base = {k: v for k, v in ROW.items() if k != "period"}
    raw = frame([{**base, "model": f"Mô hình số {i}", "period_from": a, "period_to": b}
                 for i, (a, b) in enumerate([("09/2023", "06/2024"), ("09/2024", "03/2024"),
                                             ("tháng 13", "12/2024"), ("01/2024", "31/02/2024"),
                                             ("01/2022", "12/2023")])])
    valid, rejected = validate_rows(normalise_rows(raw), raw, year=2024, file="a", sheet="")
    assert valid.index.tolist() == [7]
    assert rejected[["row", "column"]].values.tolist() == [
        [8, "Đến ngày"], [9, "Từ ngày"], [10, "Đến ngày"], [11, "Từ ngày"]]
    assert rejected["error"].tolist() == [
        "'Đến ngày' (03/2024) trước 'Từ ngày' (09/2024): thời gian kết thúc không được trước "
        "thời gian bắt đầu.",
        "Không đọc được 'Từ ngày' 'tháng 13': cần ngày bắt đầu: một ô ngày, dd/mm/yyyy, mm/yyyy "
        "hoặc năm.",
        "'Đến ngày' '31/02/2024': ngày 31/02/2024 không có (tháng 02/2024 có 29 ngày); đề nghị "
        "sửa lại.",
        "'Thời gian thực hiện' ('Từ ngày' – 'Đến ngày') '01/2022 - 12/2023' không trùng với năm "
        "báo cáo 2024."]


# --- the corpus files of this kind (tests/fixtures/corpus_values.py) -------------------------
def test_corpus_value_files_tell_how_values_were_read(results):
    gt = results["V-GT_gia-tri-theo-nghia.xlsx"]
    assert gt.interpreted == 2
    assert [n for n in gt.notes if "đã hiểu là" in n] == [
        "Cột 'Lĩnh vực': 'Kinhh tế' (dòng 12) đã hiểu là 'Kinh tế'; nếu không đúng, đề nghị sửa "
        "lại và gửi lại.",
        "Cột 'Kết quả': 'Hoàn thàn' (dòng 12) đã hiểu là 'Hoàn thành'; nếu không đúng, đề nghị "
        "sửa lại và gửi lại."]
    assert gt.registrations["field"].tolist() == ["XDHTCT", "ANQP", "KT", "KT", "VHXH", "KT",
                                                  "XDHTCT"]
    assert gt.registrations.at[10, "result"] == "khong_hoan_thanh"
    assert results["V-TC_tong-cong-ty.xlsx"].registrations["result"].tolist().count(
        "tieu_bieu") == 1
    dx = results["V-DX_dien-san.xlsx"]
    assert dx.ignored["blank"] == 400 and dx.rows["rejected"] == 0
    assert [n for n in dx.notes if "điền sẵn" in n][0].startswith("Dòng 10 đến 409 (400 dòng)")


def test_corpus_oversized_cells_keep_outputs_small(results):
    oc = results["V-OC_o-qua-dai.csv"]
    assert oc.status == "used"
    assert oc.rejections["value"].str.len().tolist() == [289, 101]
    assert oc.registrations["note"].isna().all()  # the 40.000-character remark: read as empty
    assert any("đã coi như để trống, dòng vẫn được tính" in n for n in oc.notes)
    assert oc.rejections.loc[oc.rejections["row"] == 6, "error"].tolist() == [
        "Ô ở cột 'Lĩnh vực' có 40.000 ký tự, quá giới hạn 32.767 ký tự của một ô; đề nghị rút "
        "gọn."]


def test_summary_counts_interpreted_values(results):
    from thidua.report.figures import compute_figures, summary_dict

    from conftest import CORPUS_REGISTRY
    from thidua.ingest.registry import expected_units, load_registry

    used = [r for r in results.values() if r.file.startswith("V-G")]
    expected = expected_units(load_registry(CORPUS_REGISTRY), 2024)
    summary = summary_dict(compute_figures(2024, used, expected))
    assert summary["values_interpreted"] == 2 + 1 + 1 + 1


def test_feedback_tells_a_unit_how_its_values_were_read(results):
    import io

    import openpyxl

    from thidua.publish.feedback import feedback_workbooks, units_with_rejections

    tc = results["V-GC_gia-tri-theo-nghia.csv"]
    assert "V-GC" in units_with_rejections([tc])
    book = openpyxl.load_workbook(io.BytesIO(feedback_workbooks([tc], 2024)["V-GC"]))
    lines = [[c.value for c in row] for row in book["Lỗi và lưu ý cả tệp"].iter_rows(min_row=2)]
    assert ["V-GC_gia-tri-theo-nghia.csv", None, "Đã hiểu là",
            "Cột 'Lĩnh vực': 'Văn hóa xã hộii' (dòng 5) đã hiểu là 'Văn hóa - xã hội'; nếu không "
            "đúng, đề nghị sửa lại và gửi lại."] in [[v or None for v in line] for line in lines]


# --- user-found faults: merged notes, two tables, dotted values, periods in words ----------
@pytest.mark.parametrize("name", ["V-NX_ghi-chu-gop.xlsx", "V-NS_ghi-chu-gop.xls",
                                  "V-NO_ghi-chu-gop.ods", "V-NC_ghi-chu-gop.csv"])
def test_corpus_merged_notes_are_ignored_not_rejected(results, name):
    result = results[name]
    assert result.rows == {"read": 8, "valid": 3, "rejected": 0, "ignored": 5}
    assert {k: v for k, v in result.ignored.items() if v} == {"totals": 1, "signature": 4}
    assert result.rejections.empty


@pytest.mark.parametrize("name", ["V-HX_hai-bang.xlsx", "V-HS_hai-bang.xls",
                                  "V-HO_hai-bang.ods", "V-HC_hai-bang.csv"])
def test_corpus_two_tables_on_one_sheet(results, name):
    result = results[name]
    assert {k: v for k, v in result.ignored.items() if v} == {
        "blank": 1, "totals": 3, "subheading": 2, "header": 1}
    assert result.registrations["model"].tolist()[-1] == "Tổng công ty Vận tải Thủ Đô chung sức"
    assert result.rejections["error"].tolist() == [
        "'Môi trường' không hợp lệ ở cột 'Lĩnh vực': cần một trong: Kinh tế (KT), Văn hóa - xã "
        "hội (VHXH), An ninh - quốc phòng (ANQP), Xây dựng hệ thống chính trị (XDHTCT)."]


def test_the_manifest_splits_the_repeated_header_by_reason(results):
    from thidua.ingest.selection import file_table

    table = file_table([results["V-HX_hai-bang.xlsx"]])
    assert table.at[0, "ignored_by"] == {"blank": 1, "totals": 3, "subheading": 2, "header": 1}


@pytest.mark.parametrize("name", ["V-AX_viet-tat-cham.xlsx", "V-AS_viet-tat-cham.xls",
                                  "V-AO_viet-tat-cham.ods", "V-AC_viet-tat-cham.csv"])
def test_corpus_dotted_values_read_exactly(results, name):
    result = results[name]
    regs = result.registrations
    assert regs["type"].tolist() == ["collective", "individual", "collective", "individual",
                                     "collective"]
    assert regs["field"].tolist()[:3] == ["KT", "VHXH", "XDHTCT"]
    assert regs["level"].tolist() == ["co_so", "co_so", "cap_tren_co_so", "co_so", "co_so"]
    assert regs["result"].tolist() == ["hoan_thanh", "tieu_bieu", "hoan_thanh", "chua_danh_gia",
                                       "khong_hoan_thanh"]
    assert result.interpreted == 0
    assert result.rejections["value"].tolist() == ["Khác"]


def test_corpus_periods_in_words(results):
    result = results["V-TX_thoi-gian-bang-chu.xlsx"]
    regs = result.registrations
    assert list(zip(regs["period_start"].dt.date, regs["period_end"].dt.date)) == [
        (dt.date(2024, 3, 1), dt.date(2024, 12, 31)), (dt.date(2024, 6, 1), dt.date(2024, 6, 30)),
        (dt.date(2024, 4, 1), dt.date(2024, 12, 31)), (dt.date(2024, 3, 1), dt.date(2024, 12, 31)),
        (dt.date(2024, 3, 1), dt.date(2024, 12, 31)), (dt.date(2024, 4, 1), dt.date(2024, 6, 30)),
        (dt.date(2024, 1, 1), dt.date(2024, 6, 30)), (dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31)), (dt.date(2024, 7, 1), dt.date(2024, 12, 31))]
    assert result.rejections["error"].tolist() == [
        "Không đọc được 'Thời gian thực hiện' 'Quý 5/2024': cần dd/mm/yyyy - dd/mm/yyyy, "
        "mm/yyyy - mm/yyyy hoặc một ô ngày, trùng với năm báo cáo.",
        "'Thời gian thực hiện' 'Tháng 13/2024': tháng 13/2024 không có (tháng chỉ từ 01 đến 12); "
        "đề nghị sửa lại.",
        "'Thời gian thực hiện' 'Quý IV/2023' không trùng với năm báo cáo 2024."]


@pytest.mark.parametrize("column,text,code", [
    ("field", "An ninh trật tự", "ANQP"), ("field", "ANTT", "ANQP"), ("field", "Quốc phòng", "ANQP"),
    ("field", "An ninh", "ANQP"), ("field", "Lĩnh vực an ninh", "ANQP"),
    ("field", "Văn hóa", "VHXH"), ("field", "Xã hội", "VHXH"), ("field", "Y tế", "VHXH"),
    ("field", "Xây dựng Đảng", "XDHTCT"), ("field", "Hệ thống chính trị", "XDHTCT"),
    ("field", "Phát triển kinh tế", "KT"), ("field", "Sản xuất kinh doanh", "KT"),
    ("field", "Xây dựng Đảng, chính quyền", "XDHTCT"), ("field", "XD chính quyền", "XDHTCT"),
    ("field", "Xây dựng hệ thống chính trị cơ sở", "XDHTCT"),
    ("level", "Quận/huyện", "cap_tren_co_so"), ("level", "Quận, huyện, thị xã", "cap_tren_co_so"),
    ("level", "Cấp quận/huyện", "cap_tren_co_so"), ("level", "LĐLĐ quận, huyện", "cap_tren_co_so"),
    ("type", "Nhóm", "collective"), ("type", "Tổ công đoàn", "collective"),
    ("type", "Đoàn viên", "individual"), ("type", "Công đoàn viên", "individual"),
    ("type", "CĐV", "individual"), ("type", "ĐVCĐ", "individual"), ("type", "CNLĐ", "individual"),
    ("type", "Đoàn viên công đoàn", "individual"), ("type", "TTLĐ", "collective"),
    ("level", "Cấp quận", "cap_tren_co_so"), ("level", "Huyện", "cap_tren_co_so"),
    ("level", "Công đoàn ngành", "cap_tren_co_so"), ("level", "Tổ công đoàn", "co_so"),
    ("result", "Hoàn thành tốt", "hoan_thanh"), ("result", "HTXS", "hoan_thanh"),
    ("result", "Hoàn thành xuất sắc", "hoan_thanh"), ("result", "Điển hình", "tieu_bieu"),
    ("result", "Đang thực hiện", "chua_danh_gia"), ("field", "VH", "VHXH"),
    ("type", "Tthể", "collective"), ("result", "Đang đánh giá", "chua_danh_gia"),  # W324, W320
    ("result", "Chờ xét", "chua_danh_gia"),
])
def test_words_that_mean_a_value_count_as_an_interpretation_the_unit_is_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, "interpreted")


@pytest.mark.parametrize("column,text,how", [
    ("field", "Kinh tế - xã hội", "ambiguous"),   # two fields: never guessed
    ("field", "Môi trường", "unknown"), ("level", "Phường", "unknown"),
    ("result", "Xuất sắc", "unknown"), ("result", "Tốt", "unknown"), ("result", "Khá", "unknown"),
    ("field", "Kinh tế", "exact"), ("result", "Tiêu biểu", "exact"),
    ("result", "Chưa hoàn thành", "ambiguous"), ("result", "Chưa đạt", "ambiguous"),
])
def test_names_stay_exact_and_what_means_no_one_value_is_not_read(column, text, how):
    assert read_value(column, text).how == how


@pytest.mark.parametrize("text, code", [
    ("Hoàn thành tốt nhiệm vụ", "hoan_thanh"), ("Hoàn thành nhiệm vụ", "hoan_thanh"),
    ("hoàn thành xuất sắc nhiệm vụ", "hoan_thanh"), ("HTTNV", "hoan_thanh"), ("HTXSNV", "hoan_thanh"),
    ("Không hoàn thành nhiệm vụ", "khong_hoan_thanh")])
def test_a_result_said_with_nhiem_vu_is_read_and_told(text, code):
    reading = read_value("result", text)
    assert (reading.code, reading.how) == (code, "interpreted")


def test_not_yet_completing_the_task_is_asked_about():
    reading = read_value("result", "Chưa hoàn thành nhiệm vụ")
    assert reading.code is None and set(reading.candidates) == {"khong_hoan_thanh", "chua_danh_gia"}


@pytest.mark.parametrize("parent", [False, True])
def test_two_period_columns_problems_name_the_unit_s_own_headers(tmp_path, context, parent):
    from helpers import HEADER, input_file, row, write_xlsx
    from thidua.ingest.files import ingest_file

    at = HEADER.index("Thời gian thực hiện")
    header = HEADER[:at] + ["Bắt đầu", "Kết thúc"] + HEADER[at + 1:]
    rows = [row(model="Bữa cơm Công đoàn", period=None)[:at] + ["01/01/2023", "31/12/2023",
                                                               "Hoàn thành", None],
            row(model="Tủ sách pháp luật", period=None)[:at] + ["31/12/2024", "01/01/2024",
                                                               "Hoàn thành", None]]
    if parent:  # ``Thời gian thực hiện`` over ``Bắt đầu`` | ``Kết thúc``
        rows = [[None] * at + ["Bắt đầu", "Kết thúc"] + [None] * 2, *rows]
        header = HEADER[:at] + ["Thời gian thực hiện", None] + HEADER[at + 1:]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows, title=["Mã đơn vị: Q-DD"], header=header)
    result = ingest_file(input_file(path), context)
    assert result.rejections["error"].tolist() == [
        "'Thời gian thực hiện' ('Bắt đầu' – 'Kết thúc') '01/01/2023 - 31/12/2023' không trùng "
        "với năm báo cáo 2024.",
        "'Kết thúc' (01/01/2024) trước 'Bắt đầu' (31/12/2024): thời gian kết thúc không được "
        "trước thời gian bắt đầu."]
