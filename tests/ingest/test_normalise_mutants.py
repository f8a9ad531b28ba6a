"""Which rows are data and each value's canonical form (:mod:`thidua.ingest.normalise`,
``spec/submission-form.md`` "Rows that are not data"), each rule on rows written in the
test, its limits just inside and outside (issue 14: the mutation run of ``normalise``)."""

from __future__ import annotations

import pandas as pd
import pytest

from thidua.ingest.normalise import (classify_rows, filled_down, filled_down_note, is_signature,
                                     is_subheading, is_totals, normalise_frames, normalise_rows,
                                     subheading_field)


def frame(records: list[dict], start_row: int = 7) -> pd.DataFrame:
    out = pd.DataFrame.from_records(records).astype(object)
    out.index = pd.RangeIndex(start_row, start_row + len(out), name="row")
    return out


ROW = {"stt": 1, "model": "Bữa cơm Công đoàn", "field": "Kinh tế", "type": "Tập thể",
       "registrant": "CĐCS Công ty A"}


# --- totals, sub-headings, the signature block --------------------------------------------------
@pytest.mark.parametrize("texts, expected", [
    (["Tổng cộng"], True), (["Cộng:"], True), (["cộng toàn đơn vị"], True),
    (["Tổng số 12 mô hình"], True), (["Tổng cộng: 1.234"], True), (["Cộng tập thể: 2"], True),
    (["Tổng cộng mục II"], True), (["Cộng phần A"], True), (["Cộng lĩnh vực kinh tế"], True),
    (["Cộng tập thể"], True), (["Cộng nhóm 3"], True),
    (["1", "2", "Tổng cộng"], True),                     # in the third distinct cell
    (["1", "1", "2", "Tổng cộng"], True),                # repeated cells count once
    (["1", "2", "3", "Tổng cộng"], False),               # the fourth
    (["Cộng tập thể", "12"], True),                      # its count in another cell
    (["Cộng sổ", "12"], True), (["12", "Cộng sổ"], False), (["Cộng sổ"], False),
    (["Tổng công ty May 10"], False), (["Tổng kết 5 năm"], False), (["Cộng đồng xanh"], False),
    (["Cộng tác viên"], False), (["Cộng một hai ba bốn năm sáu: 3"], False),
    (["Cộng sổ tay"], False),
])
def test_totals_rows(texts, expected):
    assert is_totals(texts) is expected


@pytest.mark.parametrize("texts, type_text, expected, field", [
    (["I. LĨNH VỰC KINH TẾ"], "", True, "KT"),
    (["II", "Văn hóa - xã hội"], "", True, "VHXH"),
    (["Kinh tế"], "", True, "KT"),                        # one cell naming a field
    (["Kinh tế", "x"], "", False, None),                  # two cells, no numbering
    (["A. TẬP THỂ"], "", True, None), (["Danh sách cá nhân"], "", True, None),
    (["2", "Mô hình cá nhân"], "", True, None),
    (["2", "Cá nhân"], "Cá nhân", False, None),           # a type in two cells beside a type
    (["A. TẬP THỂ"], "Tập thể", True, None),              # merged over the Hình thức column
    (["Tập thể"], "Tập thể", False, None),                # a lone type value is data
    (["CÁ NHÂN"], "", True, None),                        # a type alone outside its column:
    (["Tập thể"], "", True, None),                        # a heading (fresh29's case 111)
    (["I", "II", "Kinh tế"], "", False, None), ([], "", False, None),
])
def test_sub_headings_and_the_field_they_name(texts, type_text, expected, field):
    assert is_subheading(texts, type_text) is expected
    assert subheading_field(texts) == field


def test_a_sub_heading_s_field_skips_empty_cells():
    assert subheading_field(["", "III", "", "An ninh - quốc phòng"]) == "ANQP"
    assert subheading_field(["", ""]) is None


@pytest.mark.parametrize("texts, expected", [
    (["Người lập biểu"], True), (["THỦ TRƯỞNG ĐƠN VỊ", "Người lập"], True),
    (["Hà Nội, ngày 05 tháng 12 năm 2024"], True), (["ngày ... tháng ... năm 2024"], True),
    (["Ngày 5 tháng 12 năm 2024"], True), (["Ghi chú: số liệu tạm tính"], True),
    (["Lưu ý: x"], True), (["(*) Mô hình mới"], True), (["* Mô hình mới"], True),
    (["Ghi chú: x", "Ghi chú: x"], True),                  # one cell merged across
    (["Ghi chú: x", "y"], False), (["Ghi chú thêm"], False),
    # a note's label in a cell of its own, its text in the next (the fresh29 tester's F10)
    (["Ghi chú:", "- Cột Kết quả để trống nếu chưa đánh giá"], True), (["GHI CHÚ", "x"], True),
    (["Lưu ý :", "x"], True), (["Chú ý:", "x"], True), (["Nguồn:", "x"], True),
    (["Chú thích", "x"], True), (["Ghi chú:", "x", "y"], False), (["Ghi chú:"], True),
    (["Ghi chú thêm:", "x"], True),  # a label of a few words (tester H's H22), since 01/12
    (["Ghi chú về các mô hình tiêu biểu năm trước:", "x"], False), (["Ghi chú thêm", "x"], False),
    (["x", "Ghi chú:"], False),
    (["Bữa cơm Công đoàn"], False), (["Ngày hội Công đoàn tháng 5"], False),
    (["Quận Hoàn Kiếm với rất nhiều chữ trước ngày tháng, ngày 5 tháng 12"], False),
])
def test_the_first_row_of_the_signature_block(texts, expected):
    assert is_signature(texts) is expected


# --- classify_rows ------------------------------------------------------------------------------
def test_each_kind_of_row_is_labelled():
    raw = frame([ROW,
                 {"stt": "STT", "model": "Tên mô hình", "field": "Lĩnh vực", "type": "Hình thức"},
                 {"stt": 3},                                            # a pre-printed number
                 {"model": "Tổng cộng", "type": "2"},
                 {"model": "I. LĨNH VỰC KINH TẾ"},
                 {"model": "Công đoàn cơ sở Công ty X"},
                 {**ROW, "stt": 2, "model": "Tủ sách"},
                 {"model": "Người lập biểu"},
                 {"model": "Nguyễn Văn A"}])                          # under the signer
    assert classify_rows(raw).tolist() == ["data", "header", "blank", "totals", "subheading",
                                           "subheading", "data", "signature", "signature"]


def test_a_header_again_with_one_strange_column_only_beside_four_known_ones():
    base = {"stt": "STT", "model": "Tên mô hình", "field": "Lĩnh vực"}
    four = frame([ROW, {**base, "type": "Hình thức", "note": "Đơn vị công tác"}])
    three = frame([ROW, {**base, "note": "Đơn vị công tác"}])
    numbered = frame([ROW, {**base, "type": "(4)"}])
    two = frame([ROW, {**base, "type": "Hình thức", "note": "X", "position": "Y"}])
    assert classify_rows(four).tolist() == ["data", "header"]
    assert classify_rows(three).tolist() == ["data", "data"]
    assert classify_rows(numbered).tolist() == ["data", "header"]
    assert classify_rows(two).tolist() == ["data", "data"]


def test_a_numbered_registration_naming_a_signer_is_data_and_the_signature_block_sticks():
    raw = frame([ROW, {"stt": "3", "model": "Chủ tịch công đoàn gương mẫu", "note": "x"},
                 {"stt": "3.", "model": "Chủ tịch"}, {"stt": "Chủ tịch", "model": "x"},
                 {"model": "Trần Văn B"}])
    assert classify_rows(raw).tolist() == ["data", "data", "data", "signature", "signature"]


def test_a_row_with_a_field_or_a_type_is_never_signature_and_totals_only_without_registrant():
    raw = frame([ROW, {"model": "Người lập biểu", "field": "Kinh tế"},
                 {"model": "Tổng cộng", "type": "Tập thể", "registrant": "CĐCS B"},
                 {"model": "Tổng cộng", "type": "Tập thể"}])
    assert classify_rows(raw).tolist() == ["data", "data", "data", "totals"]


def test_a_row_of_numbers_only_in_the_form_s_columns_is_no_blank_row():
    # only an STT number alone is blank; a count in another column is looked at (data here)
    raw = frame([ROW, {"stt": 3, "registrant": "15"}, {"stt": 4, "model": "12", "note": "3"},
                 {"stt": 5}])
    assert classify_rows(raw).tolist() == ["data", "data", "data", "blank"]


@pytest.mark.parametrize("drop", [["field", "type"], ["type"], ["field"]])
def test_without_a_field_or_a_type_column_each_kind_of_row_is_still_labelled(drop):
    raw = frame([ROW, {"stt": "STT", "model": "Tên mô hình", "registrant": "Lĩnh vực"},
                 {"model": "Tổng cộng"}, {"model": "Người lập biểu"}, {"model": "Nguyễn Văn A"}])
    assert classify_rows(raw.drop(columns=drop)).tolist() == [
        "data", "header", "totals", "signature", "signature"]


# a total's breakdown, a total in words or in brackets: totals (in this process: a mutation run
# cannot see the parsing worker's)
@pytest.mark.parametrize("rows, expected", [
    ([{"model": "Tổng cộng", "registrant": "3"}, {"model": "Trong đó: Tập thể", "registrant": "2"},
      {"model": "Cá nhân", "registrant": "1"}], ["totals", "totals", "totals"]),
    ([{"model": "Trong đó: Tập thể", "registrant": "2"}], ["totals"]),  # a lead: anywhere
    ([{"model": "Tổng cộng", "registrant": "3"}, {"model": "Cá nhân", "registrant": "1"}],
     ["totals", "totals"]),
    ([{"model": "Cá nhân", "registrant": "1"}], ["data"]),  # bare: only right under a total
    ([{"model": "Tổng cộng", "registrant": "3"}, {"model": "Góc đọc"},
      {"model": "Cá nhân", "registrant": "1"}], ["totals", "data", "data"]),
    ([{"model": "(Danh sách gồm 06 mô hình)"}], ["totals"]),
    ([{"model": "[Tổng cộng]"}, {"model": "(Cộng)"}], ["totals", "totals"]),
])
def test_a_total_s_breakdown_in_words_or_in_brackets_is_totals(rows, expected):
    assert classify_rows(frame([ROW, *rows])).tolist() == ["data", *expected]


# the signature block begins after the last registration numbered with a model
@pytest.mark.parametrize("rows, expected", [
    # a ``Phó Chủ tịch CĐCS`` row above the last registration: no signer (tester G's 105)
    ([{"registrant": "Lê Thị B", "position": "Phó Chủ tịch CĐCS"}, {**ROW, "stt": 2},
      {"model": "Người lập biểu"}], ["data", "data", "signature"]),
    ([{"model": "Chủ tịch"}, {**ROW, "stt": "2."}, {"model": "Người lập biểu"}],
     ["data", "data", "signature"]),
    # a number under the signer without a model is no registration
    ([{"model": "Người lập biểu"}, {"stt": 3}, {"stt": 4, "note": "x"}],
     ["signature", "blank", "signature"]),
])
def test_the_signature_block_comes_after_the_last_numbered_registration(rows, expected):
    assert classify_rows(frame([ROW, *rows])).tolist() == ["data", *expected]


@pytest.mark.parametrize("first", [{**ROW, "stt": ""}, {k: v for k, v in ROW.items() if k != "stt"},
                                   {k: v for k, v in ROW.items() if k != "model"}])
def test_without_a_numbered_registration_the_signature_block_is_found_all_the_same(first):
    assert classify_rows(frame([first, {"note": "Người lập biểu"}])).tolist() == [
        "data", "signature"]


def test_without_a_type_column_a_numbered_type_over_two_cells_is_a_sub_heading():
    raw = frame([ROW, {"stt": "II", "model": "CÁ NHÂN"}, {**ROW, "stt": 2}]).drop(columns="type")
    labels = classify_rows(raw)
    assert labels.tolist() == ["data", "subheading", "data"] and labels.name == "status"


def test_a_type_in_the_type_column_is_no_sub_heading():
    # ``CÁ NHÂN`` as the row's own type (alone, or after a numbering): a registration
    # missing its model, never a heading; outside the column it is one
    raw = frame([ROW, {"type": "CÁ NHÂN"}, {"stt": "II", "type": "CÁ NHÂN"},
                 {"model": "CÁ NHÂN"}])
    assert classify_rows(raw).tolist() == ["data", "data", "data", "subheading"]


def test_without_form_columns_every_row_is_blank():
    raw = pd.DataFrame({"x": ["a", ""]}, index=pd.RangeIndex(7, 9, name="row"), dtype=object)
    assert classify_rows(raw).tolist() == ["blank", "blank"]
    assert filled_down(raw).tolist() == [False, False]


# --- rows of nothing but filled-down values -----------------------------------------------------
def test_a_filled_down_row_repeats_the_row_above_or_below_in_every_cell():
    fill = {"level": "Cơ sở", "grassroots_union": "CĐCS A"}
    raw = frame([{**ROW, **fill}, dict(fill), {"stt": "12", **fill}, {"stt": "x", **fill},
                 {"level": "Cơ sở"}, {"level": "Cơ sở", "grassroots_union": "CĐCS B"},
                 {"grassroots_union": "CĐCS B"}, {"model": "", "field": ""}, {"stt": "13"}])
    # a row of nothing but an STT number fills nothing down (a blank row)
    assert filled_down(raw).tolist() == [False, True, True, False, True, True, True, False,
                                         False]


def test_the_note_on_filled_down_rows_names_five_ranges_then_more():
    raw = frame([{"grassroots_union": "CĐCS A"}] * 12)
    labels = pd.Series(["blank", "data"] * 6, index=raw.index)
    assert filled_down_note(raw, labels) == (
        "Dòng 7, 9, 11, 13, 15, … (6 dòng): chỉ có giá trị điền sẵn, không có tên mô hình, tên "
        "tập thể/cá nhân, lĩnh vực hay hình thức; đã bỏ qua (không tính là đăng ký). Lần sau "
        "đề nghị chỉ điền đến dòng đăng ký cuối cùng.")
    five = pd.Series(["blank", "data"] * 5 + ["data", "data"], index=raw.index)
    assert filled_down_note(raw, five).startswith("Dòng 7, 9, 11, 13, 15 (5 dòng): ")


# --- canonical values ---------------------------------------------------------------------------
def test_each_value_in_its_canonical_form_and_the_level_derived():
    raw = frame([{"model": "  Bữa  cơm ", "field": "kinh te", "type": "TT", "level": "",
                  "grassroots_union": "CĐCS A", "result": "", "period": "03/2024"},
                 {"model": "", "field": "Môi trường", "type": "", "level": "Thành phố",
                  "result": "Tiêu biểu", "period": "xyz"}])
    out = normalise_rows(raw)
    columns = ["model", "field", "type", "level", "result", "period"]
    assert out.loc[7, columns].tolist() == ["Bữa cơm", "KT", "collective", "co_so",
                                            "chua_danh_gia", "03/2024"]
    assert out.loc[8, columns[1:]].dropna().tolist() == ["Môi trường", "thanh_pho", "tieu_bieu",
                                                         "xyz"]
    assert pd.isna(out.at[8, "model"]) and pd.isna(out.at[8, "type"])
    assert out["period_start"].tolist()[0] == pd.Timestamp("2024-03-01")
    assert out["period_end"].tolist()[0] == pd.Timestamp("2024-03-31")
    assert out[["period_start", "period_end"]].loc[8].isna().all()
    assert out["period_start"].dtype.kind == out["period_end"].dtype.kind == "M"
    missing = normalise_rows(frame([{"model": "A"}]))
    assert missing.at[7, "level"] == "cap_tren_co_so" and pd.isna(missing.at[7, "note"])


def test_a_placeholder_is_empty_outside_the_coded_columns_and_a_position_naming_the_type():
    raw = frame([{"model": "-", "registrant": "/", "type": "Tập thể", "position": "Tập thể",
                  "result": "-", "note": "…"},
                 {"model": "A", "type": "Tập thể", "position": "Cá nhân", "level": "--",
                  "grassroots_union": "CĐCS A"},
                 {"model": "B", "type": "Cá nhân", "position": "Kỹ sư", "grassroots_union": "."}])
    out = normalise_rows(raw)
    columns = ["model", "registrant", "position", "result", "note", "level"]
    # a required model or registrant of a dash is missing, asked (tester J's J140); the field
    # and the type keep what is written, to be asked as a value
    assert out[columns].fillna("NA").values.tolist() == [
        ["NA", "NA", "NA", "chua_danh_gia", "NA", "cap_tren_co_so"],  # its own type: no position
        ["A", "NA", "Cá nhân", "chua_danh_gia", "NA", "co_so"],     # another type: kept
        ["B", "NA", "Kỹ sư", "chua_danh_gia", "NA", "cap_tren_co_so"]]


def test_a_word_of_nothing_is_empty_in_the_columns_it_may_say_nothing():
    """``x``, ``Không``, ``N/A``, ``0`` (tester J's J140, J139) in a model, registrant,
    position, grassroots union, level or period: empty; in the field, the type, the result and
    the note kept (``x`` ticks a result); a name holding such a word kept."""
    raw = frame([{"model": "x", "registrant": "Không", "type": "Cá nhân", "position": "N/A",
                  "grassroots_union": "0", "level": "không có", "period": "Chưa rõ.",
                  "field": "x", "result": "x", "note": "Không"},
                 {"model": "Tổ X", "registrant": "NA Hoàng", "type": "X", "position": 0,
                  "grassroots_union": 0.0, "level": "none", "period": "nil", "note": "0"},
                 {"model": "Không gian xanh", "registrant": "CĐCS A", "type": "Tập thể",
                  "position": "Không chuyên trách", "grassroots_union": "x.", "level": "X ."}])
    out = normalise_rows(raw)
    columns = ["model", "registrant", "position", "grassroots_union", "period", "field", "type",
               "result", "note"]
    assert out[columns].fillna("NA").values.tolist() == [
        ["NA", "NA", "NA", "NA", "NA", "x", "individual", "x", "Không"],  # x: asked
        ["Tổ X", "NA Hoàng", "NA", "NA", "NA", "NA", "X", "chua_danh_gia", "0"],
        ["Không gian xanh", "CĐCS A", "Không chuyên trách", "NA", "NA", "NA", "collective",
         "chua_danh_gia", "NA"]]
    assert out["level"].tolist() == ["cap_tren_co_so"] * 3  # no grassroots union: the upper


@pytest.mark.parametrize("value, blank", [
    (0, ""), (0.0, ""), ("0", ""), (" x ", ""), ("X.", ""), ("N/A", ""), ("Chưa xác định", ""),
    ("-", ""), ("…", ""), (1, 1), (False, False), (True, True), ("Tổ X", "Tổ X"),
    ("x x", "x x"), ("0 đồng", "0 đồng"), (None, None),
])
def test_a_word_or_number_of_nothing(value, blank):
    from thidua.ingest.normalise import _nothing_blank

    assert _nothing_blank(value) == blank
    assert type(_nothing_blank(value)) is type(blank)


def test_a_period_in_two_columns_wins_only_where_given():
    raw = frame([{"period": "05/2024", "period_from": "01/2024", "period_to": "03/2024"},
                 {"period": "05/2024", "period_from": "", "period_to": None}])
    out = normalise_rows(raw)
    assert out["period"].tolist() == ["01/2024 - 03/2024", "05/2024"]
    assert out["period_start"].tolist() == [pd.Timestamp("2024-01-01"), pd.Timestamp("2024-05-01")]
    assert out["period_end"].tolist() == [pd.Timestamp("2024-03-31"), pd.Timestamp("2024-05-31")]
    only_to = normalise_rows(frame([{"period_to": "2024"}]))
    assert only_to["period"].tolist() == ["2024"]
    only_from = normalise_rows(frame([{"period_from": "01/2024"}]))
    assert only_from[["period", "period_start", "period_end"]].values.tolist() == [
        ["01/2024", pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-31")]]


def test_one_frame_or_none_is_normalised_alone_and_many_keep_their_own_index():
    one = frame([{"model": "A", "field": "KT"}])
    assert normalise_frames([]) == []
    (alone,) = normalise_frames([one])
    pd.testing.assert_frame_equal(alone, normalise_rows(one))
    two = frame([{"model": "B", "note": "x"}, {"model": "C"}], start_row=3)
    first, second = normalise_frames([one, two])
    assert (first.index.tolist(), second.index.tolist()) == ([7], [3, 4])
    assert second["model"].tolist() == ["B", "C"] and first["field"].tolist() == ["KT"]
    assert second["field"].isna().all() and first["note"].isna().all()
