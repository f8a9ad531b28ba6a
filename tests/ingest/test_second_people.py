"""One model carried by two people, the second person on the row under it with STT, model,
field and type left blank "as above" (fresh tester G's 105, 501: the row was read as the
signature block's first for ``Phó Chủ tịch CĐCS``, and it and the rows after it were lost
silently). The row counts as a registration of the model above, told
(:func:`thidua.ingest.continuation.second_people`); a ``Chủ tịch`` row above the last
numbered registration is never the signature block (:func:`thidua.ingest.normalise.
classify_rows`)."""

from __future__ import annotations

import pandas as pd
import pytest

from corpus_rows import reg, signature, titled
from corpus_writers import write_xlsx
from helpers import input_file
from thidua.ingest.continuation import second_people
from thidua.ingest.files import ingest_file

BLANK = [None] * 11


def person(name: str, position: str | None, **cells) -> list:
    """A row naming only a person (and the cells given: ``level``, ``period``, ``result``)."""
    row = list(BLANK)
    row[4], row[5] = name, position
    for column, value in cells.items():
        row[{"level": 6, "period": 8, "result": 9}[column]] = value
    return row


def _ingest(tmp_path, context, rows):
    path = tmp_path / "Q-DD_dk.xlsx"
    write_xlsx(path, [titled("Q-DD", rows)])
    return ingest_file(input_file(path), context)


def test_a_second_person_mid_table_and_at_its_end_counts(tmp_path, context):
    rows = [reg(0), reg(1), person("Lê Thị Bích Ngọc", "Phó Chủ tịch CĐCS"), reg(2, stt=3),
            reg(3, stt=4), person("Trần Quốc Việt", "Ủy viên BCH CĐCS"), *signature()]
    result = _ingest(tmp_path, context, rows)
    assert result.rows["valid"] == 6 and result.rows["rejected"] == 0
    frame = result.registrations
    assert frame.loc[9, ["model", "field", "type"]].tolist() == \
        frame.loc[8, ["model", "field", "type"]].tolist()
    assert frame.loc[9, "registrant"] == "Lê Thị Bích Ngọc"
    assert frame.loc[12, "model"] == frame.loc[11, "model"]
    assert ("Các dòng chỉ ghi người thực hiện (STT để trống hoặc chỉ ghi số phụ 1.1, dấu -), "
            "để trống tên mô hình, lĩnh vực, hình thức "
            "ngay dưới một đăng ký đã được hiểu là người cùng thực hiện mô hình đó, mỗi người "
            "một đăng ký: dòng 9 (mô hình của dòng 8), dòng 12 (mô hình của dòng 11). Nếu không "
            "phải vậy, đề nghị sửa lại; lần sau đề nghị ghi đủ thông tin ở từng dòng."
            ) in result.readings
    assert result.ignored["signature"] == 3  # the signature block itself still ignored


def test_a_second_person_with_cells_of_their_own_and_a_chain_of_three(tmp_path, context):
    rows = [reg(1, stt=1), person("Lê Thị Ngọc", "Kỹ sư", level="Cơ sở", period="03/2024 - 12/2024",
                                  result="Tiêu biểu"),
            person("Lê Minh Tuấn", "Công nhân")]
    result = _ingest(tmp_path, context, rows)
    assert result.rows["valid"] == 3
    frame = result.registrations
    assert frame["model"].nunique() == 1
    assert frame.loc[8, ["result", "level"]].tolist() == ["tieu_bieu", "co_so"]


def test_a_person_under_a_collective_s_row_is_asked_the_type(tmp_path, context):
    rows = [reg(0), person("Nguyễn Văn An", "Chủ tịch CĐCS"), reg(2, stt=2)]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 1)
    assert result.rejections[["row", "column"]].values.tolist() == [[8, "Hình thức"]]


def _frame(rows: list[dict]) -> pd.DataFrame:
    columns = ["stt", "model", "field", "type", "registrant", "position"]
    return pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows],
                        index=pd.RangeIndex(5, 5 + len(rows), name="row"), dtype=object)


WHOLE = {"stt": "1", "model": "Tủ sách", "field": "KT", "type": "CN", "registrant": "An",
         "position": "Kỹ sư"}


@pytest.mark.parametrize("second, label, found", [
    ({"registrant": "Bình", "position": "Kỹ sư"}, "data", {6: 5}),
    ({"registrant": "Bình"}, "data", {6: 5}),                       # a name alone
    ({"registrant": "Bình", "position": "Phó Chủ tịch CĐCS"}, "signature", {6: 5}),
    ({"registrant": "Bình", "position": "Ủy viên BCH công đoàn cơ sở"}, "signature", {6: 5}),
    ({"registrant": "Bình"}, "signature", {}),                      # a signer's name, no position
    # the signer right under the table (fresh tester H's H07, H27): no grassroots position
    ({"registrant": "Bình", "position": "Chủ tịch LĐLĐ quận Hoàng Mai"}, "signature", {}),
    ({"registrant": "Bình", "position": "Chủ tịch"}, "signature", {}),
    ({"registrant": "Người lập biểu: Hoa", "position": "Phó Chủ tịch CĐCS"}, "signature", {}),
    ({"registrant": "Bình", "stt": "2"}, "data", {}),               # numbered: its own row
    ({"registrant": "Bình", "model": "Góc đọc"}, "data", {}),       # its own model
    ({"registrant": "Bình", "field": "VHXH"}, "data", {}),          # its own field
    ({"position": "Kỹ sư"}, "data", {}),                            # nobody named
    ({"registrant": "Bình"}, "blank", {}),
])
def test_which_rows_are_a_second_person(second, label, found):
    raw = _frame([WHOLE, second])
    assert second_people(raw, pd.Series(["data", label], index=raw.index)) == found


def test_only_under_a_whole_registration_or_another_second_person():
    raw = _frame([{**WHOLE, "registrant": ""}, {"registrant": "Bình"}])  # above lacks a name
    assert second_people(raw, pd.Series(["data", "data"], index=raw.index)) == {}
    raw = _frame([WHOLE, {"registrant": "Bình"}, {"registrant": "Chi"}, {}, {"registrant": "D"}])
    labels = pd.Series(["data", "data", "data", "blank", "data"], index=raw.index)
    assert second_people(raw, labels) == {6: 5, 7: 5}  # a blank row ends the chain


def test_a_chairman_s_row_above_the_last_registration_is_no_signature(tmp_path, context):
    # after a blank row a person's row is no second person: rejected, told; before, the
    # signature block began there, silently
    rows = [reg(0), [], person("Lê Thị Bích Ngọc", "Phó Chủ tịch CĐCS"), reg(2, stt=3)]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"], result.ignored.get("signature", 0)) \
        == (2, 1, 0)
    assert set(result.rejections["row"]) == {9}


# --- another model of the registrant above (tester G's 502, 1016) ----------------------------
def model_row(model: str, field: str, type_: str = "Cá nhân", level: str | None = None) -> list:
    row = list(BLANK)
    row[1], row[2], row[3], row[8], row[9] = model, field, type_, "01/2024 - 12/2024", "Hoàn thành"
    row[6] = level
    return row


def person_row(stt: int, name: str, position: str) -> list:
    row = person(name, position, level="Cấp trên trực tiếp cơ sở")
    row[0] = stt
    return row


@pytest.mark.parametrize("position", ["Chủ tịch CĐCS", "Kỹ sư"])
def test_a_person_s_row_then_that_person_s_models(tmp_path, context, position):
    rows = [person_row(1, "Dương Văn Khánh", position), model_row("- Đối thoại định kỳ", "Kinh tế"),
            model_row("- Phòng chống cháy nổ", "Văn hóa - xã hội", level="Cơ sở"),
            person_row(2, "Phan Văn Tài", position), model_row("- Tủ sách pháp luật", "KT"),
            model_row("- Hỗ trợ con công nhân", "XDHTCT"), reg(0, stt=3)]
    result = _ingest(tmp_path, context, rows)
    assert result.rows["valid"] == 5 and result.rows["rejected"] == 0
    frame = result.registrations
    assert frame["registrant"].tolist()[:4] == ["Dương Văn Khánh"] * 2 + ["Phan Văn Tài"] * 2
    assert frame["position"].tolist()[:4] == [position] * 4
    assert frame["level"].tolist()[:4] == ["cap_tren_co_so", "co_so", *["cap_tren_co_so"] * 2]
    assert result.ignored["continuation"] == 2  # each model's first row joined to its person's
    assert any("Các dòng ghi mô hình nhưng để trống STT và tên tập thể/cá nhân ngay dưới một "
               "đăng ký đã được hiểu là mô hình khác của cùng tập thể/cá nhân đó: dòng 9 (người "
               "thực hiện của dòng 7), dòng 12 (người thực hiện của dòng 10)." in n
               for n in result.readings)


@pytest.mark.parametrize("second, label, found", [
    ({"model": "Góc đọc", "field": "VHXH", "type": "CN"}, "data", {6: 5}),
    ({"model": "Góc đọc", "type": "CN"}, "data", {6: 5}),
    ({"model": "Góc đọc", "field": "VHXH"}, "data", {6: 5}),
    ({"model": "dành cho công nhân"}, "data", {}),                  # a line carried over
    ({"model": "Góc đọc", "field": "VHXH", "stt": "2"}, "data", {}),  # numbered: its own
    ({"model": "Góc đọc", "field": "VHXH", "registrant": "Bình"}, "data", {}),
    ({"model": "Góc đọc", "field": "VHXH", "position": "Kỹ sư"}, "data", {}),
    ({"model": "Góc đọc", "field": "VHXH"}, "subheading", {}),
    ({"field": "VHXH", "type": "CN"}, "data", {}),                  # no model of its own
])
def test_which_rows_are_another_model_of_the_registrant_above(second, label, found):
    from thidua.ingest.continuation import second_models
    raw = _frame([WHOLE, second])
    assert second_models(raw, pd.Series(["data", label], index=raw.index)) == found


@pytest.mark.parametrize("drop", ["stt", "model", "registrant", "field", "type"])
def test_both_need_the_stt_column_and_the_four_needed_columns(drop):
    from thidua.ingest.continuation import second_models
    people = _frame([WHOLE, {"registrant": "Bình"}]).drop(columns=[drop])
    models = _frame([WHOLE, {"model": "Góc đọc", "field": "VHXH", "type": "CN"}])
    labels = pd.Series(["data", "data"], index=people.index)
    assert second_people(people, labels) == {}
    assert second_models(models.drop(columns=[drop]), labels) == {}
    assert second_people(people.iloc[:0], labels.iloc[:0]) == {}


def test_without_a_position_column_another_model_is_found_all_the_same():
    from thidua.ingest.continuation import second_models
    raw = _frame([WHOLE, {"model": "Góc đọc", "field": "VHXH"}]).drop(columns=["position"])
    assert second_models(raw, pd.Series(["data", "data"], index=raw.index)) == {6: 5}
    # and a signer's row is never a second person: no grassroots position to read
    raw = _frame([WHOLE, {"registrant": "Bình"}]).drop(columns=["position"])
    assert second_people(raw, pd.Series(["data", "signature"], index=raw.index)) == {}
    assert second_people(raw, pd.Series(["data", "data"], index=raw.index)) == {6: 5}


@pytest.mark.parametrize("order", [[7, 6, 5], [6, 7, 5]])
def test_labels_are_matched_to_rows_by_their_row_not_their_order(order):
    from thidua.ingest.continuation import second_models
    kinds = {5: "data", 6: "data", 7: "blank"}
    labels = pd.Series([kinds[r] for r in order], index=order)
    raw = _frame([WHOLE, {"registrant": "Bình"}, {"stt": "9"}])
    assert second_people(raw, labels) == {6: 5}
    raw = _frame([WHOLE, {"model": "Góc đọc", "field": "VHXH"}, {"stt": "9"}])
    assert second_models(raw, labels) == {6: 5}


def test_a_row_with_nothing_above_it_is_no_second_row():
    from thidua.ingest.continuation import second_models
    # the first row is never read as under the last (a whole registration, ``data``)
    raw = _frame([{"registrant": "Bình"}, WHOLE])
    assert second_people(raw, pd.Series(["data", "data"], index=raw.index)) == {}
    raw = _frame([{"model": "Góc đọc", "field": "VHXH"}, WHOLE])
    assert second_models(raw, pd.Series(["data", "data"], index=raw.index)) == {}


def test_another_model_under_a_row_joined_into_a_registration():
    from thidua.ingest.continuation import second_models
    raw = _frame([WHOLE, {"model": "x"}, {"model": "Góc đọc", "field": "VHXH"}])
    labels = pd.Series(["data", "continuation", "data"], index=raw.index)
    assert second_models(raw, labels, halved={6: 5}) == {7: 5}
    assert second_models(raw, labels) == {}  # the row above neither whole nor joined


# --- share_models and shared_note in this process (a mutation run cannot see the parsing
# worker's calls) -----------------------------------------------------------------------------
SHARED = ["stt", "model", "field", "type", "registrant", "position", "level",
          "grassroots_union", "result"]


def _raw(rows: list[dict], columns=SHARED) -> pd.DataFrame:
    return pd.DataFrame([{c: r.get(c) for c in columns} for r in rows],
                        index=pd.RangeIndex(5, 5 + len(rows), name="row"), dtype=object)


def test_share_models_gives_each_row_what_it_shares_and_leaves_its_own_cells():
    from thidua.ingest.continuation import share_models
    raw = _raw([
        {"stt": 1, "model": "Tủ sách", "field": "KT", "type": "Cá nhân", "registrant": "An",
         "position": "Kỹ sư", "level": "Cơ sở", "grassroots_union": "CĐCS A", "result": "Đạt"},
        {"registrant": "Bình", "position": "Phó Chủ tịch CĐCS", "result": "Tiêu biểu"},  # 6
        {"stt": 2, "model": "Góc đọc", "field": "VHXH", "type": "Tập thể",
         "registrant": "Tổ 1"},                                                        # 7
        {"registrant": "Chi", "position": "Kỹ sư"},          # 8: a person under a collective
        {"registrant": "Dung"},                               # 9: no position: the type too
        {"stt": 3, "model": "Đối thoại", "field": "KT", "type": "CN", "registrant": "Hà",
         "position": "Tổ trưởng", "level": "Cơ sở", "grassroots_union": "CĐ B"},      # 10
        {"model": "Hỗ trợ", "field": "XDHTCT", "level": "Cấp trên trực tiếp cơ sở"},  # 11
    ])
    labels = pd.Series(["data", "signature", "data", "data", "data", "data", "data"],
                       index=raw.index)
    before, labels_before = raw.copy(), labels.copy()
    out, out_labels, people, models = share_models(raw, labels)
    assert (people, models) == ({6: 5, 8: 7, 9: 7}, {11: 10})
    assert out.loc[6].tolist() == [None, "Tủ sách", "KT", "Cá nhân", "Bình",
                                   "Phó Chủ tịch CĐCS", None, None, "Tiêu biểu"]
    assert out.loc[8].tolist() == [None, "Góc đọc", "VHXH", None, "Chi", "Kỹ sư", None, None,
                                   None]  # its type asked, not guessed
    assert out.loc[9].tolist() == [None, "Góc đọc", "VHXH", "Tập thể", "Dung", None, None,
                                   None, None]
    assert out.loc[11].tolist() == [None, "Hỗ trợ", "XDHTCT", None, "Hà", "Tổ trưởng",
                                    "Cấp trên trực tiếp cơ sở", "CĐ B", None]
    assert out.loc[[5, 7, 10]].equals(before.loc[[5, 7, 10]])
    assert out_labels.tolist() == ["data"] * 7
    assert list(out.columns) == SHARED and (out.dtypes == object).all()
    assert raw.equals(before) and labels.equals(labels_before)  # the caller's frames kept


def test_share_models_into_columns_of_numbers_and_without_a_position_column():
    from thidua.ingest.continuation import share_models
    columns = ["stt", "model", "field", "type", "registrant"]
    raw = _raw([{"stt": 1, "model": 7, "field": 1, "type": "Tập thể", "registrant": "Tổ 1"},
                {"registrant": "Bình"}], columns).astype({"field": "float64"})
    labels = pd.Series(["data", "data"], index=raw.index)
    out, _, people, models = share_models(raw, labels)
    assert (people, models) == ({6: 5}, {})
    # no position to say a person: the collective's type is shared too
    assert out.loc[6].tolist() == [None, 7, 1.0, "Tập thể", "Bình"]
    assert out["field"].dtype == object and raw["field"].dtype == "float64"


def test_share_models_finds_a_second_person_under_a_registration_over_two_rows():
    from thidua.ingest.continuation import share_models
    # row 6 (the registrant's half) joined into row 5 (``halves``): row 7 shares row 5's model
    raw = _raw([{"stt": 1, "model": "Tủ sách", "field": "KT", "type": "CN", "registrant": "An"},
                {"registrant": "An"}, {"registrant": "Bình"}])
    labels = pd.Series(["data", "continuation", "data"], index=raw.index)
    out, out_labels, people, _ = share_models(raw, labels, halved={6: 5})
    assert people == {7: 5} and out.at[7, "model"] == "Tủ sách"
    assert out_labels.tolist() == ["data", "continuation", "data"]


def test_share_models_without_second_rows_gives_the_same_frames():
    from thidua.ingest.continuation import share_models
    raw = _raw([{"stt": 1, "model": "Tủ sách", "field": "KT", "type": "CN", "registrant": "An"},
                {"stt": 2, "model": "Góc", "field": "KT", "type": "CN", "registrant": "Bình"}])
    labels = pd.Series(["data", "data"], index=raw.index)
    out, out_labels, people, models = share_models(raw, labels)
    assert out is raw and out_labels is labels and (people, models) == ({}, {})


def test_shared_note_word_for_word():
    from thidua.ingest.continuation import shared_note
    assert shared_note({}) is None and shared_note({}, {}) is None
    six = {10 + i: 9 for i in range(6)}
    tail = " Nếu không phải vậy, đề nghị sửa lại; lần sau đề nghị ghi đủ thông tin ở từng dòng."
    people = ("Các dòng chỉ ghi người thực hiện (STT để trống hoặc chỉ ghi số phụ 1.1, dấu -), "
            "để trống tên mô hình, lĩnh vực, hình thức "
              "ngay dưới một đăng ký đã được hiểu là người cùng thực hiện mô hình đó, mỗi người "
              "một đăng ký: dòng 10 (mô hình của dòng 9), dòng 11 (mô hình của dòng 9), dòng 12 "
              "(mô hình của dòng 9), dòng 13 (mô hình của dòng 9), dòng 14 (mô hình của dòng 9) "
              "và 1 dòng khác.")
    models = ("Các dòng ghi mô hình nhưng để trống STT và tên tập thể/cá nhân ngay dưới một đăng "
              "ký đã được hiểu là mô hình khác của cùng tập thể/cá nhân đó: dòng 21 (người thực "
              "hiện của dòng 20).")
    assert shared_note(six) == people + tail
    assert shared_note({}, {21: 20}) == models + tail
    assert shared_note(six, {21: 20}) == people + " " + models + tail
    five = dict(list(six.items())[:5])
    assert shared_note(five).endswith("dòng 14 (mô hình của dòng 9)." + tail)
# --- a wrapped name after a row the other rules filled (fresh tester H's H70) -----------------
def wrapped(text: str, column: int = 1) -> list:
    row = list(BLANK)
    row[column] = text
    return row


def test_a_second_model_s_name_wrapped_onto_the_next_row_is_joined(tmp_path, context):
    rows = [reg(0), reg(1), model_row("Tủ sách pháp luật cho công nhân", "Văn hóa - xã hội"),
            wrapped("khu trọ và người lao động tự do"), model_row("Góc đọc sách", "Kinh tế"),
            reg(2, stt=3)]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (5, 0)
    assert result.ignored["continuation"] == 1
    frame = result.registrations
    assert frame.loc[9, "model"] == ("Tủ sách pháp luật cho công nhân khu trọ và người lao "
                                      "động tự do")
    assert frame.loc[[9, 11], "registrant"].tolist() == ["Trần Văn Minh"] * 2  # row 10 joined
    assert ("Dòng 10 đã được ghép vào dòng 9: các dòng này không có STT, lĩnh vực, hình thức, "
            "chỉ có phần chữ tiếp theo của ô bên trên, nên được đọc cùng đăng ký bên trên. Lần "
            "sau đề nghị ghi cả nội dung trong một ô (Alt+Enter để xuống dòng trong ô)."
            ) in result.readings
    assert any("dòng 9 (người thực hiện của dòng 8), dòng 11 (người thực hiện của dòng 8)." in n
               for n in result.readings)


def test_a_second_person_under_a_wrapped_model_shares_it_whole(tmp_path, context):
    rows = [reg(0), reg(1, model="Tủ sách pháp luật"), wrapped("tại phân xưởng may"),
            person("Lê Thị Bích Ngọc", "Phó Chủ tịch CĐCS"), reg(2, stt=3)]
    result = _ingest(tmp_path, context, rows)
    assert (result.rows["valid"], result.rows["rejected"]) == (4, 0)
    frame = result.registrations
    assert frame.loc[10, ["model", "registrant"]].tolist() == ["Tủ sách pháp luật tại phân "
                                                               "xưởng may", "Lê Thị Bích Ngọc"]


@pytest.mark.parametrize("rows, rejected", [
    # after a blank row the model's row is no second model: nothing joined to it
    ([reg(0), reg(1), [], model_row("Tủ sách pháp luật", "KT"), wrapped("tại phân xưởng"),
      reg(2, stt=3)], [10, 11]),
    # a name under a second model is no line of its model: its registrant is the row above's
    ([reg(0), reg(1), model_row("Tủ sách pháp luật", "KT"), wrapped("khu trọ công nhân", 4),
      reg(2, stt=3)], [10]),
])
def test_look_alikes_of_a_wrapped_second_model_are_not_joined(tmp_path, context, rows, rejected):
    result = _ingest(tmp_path, context, rows)
    assert result.ignored.get("continuation", 0) == 0
    assert sorted(set(result.rejections["row"])) == rejected


@pytest.mark.parametrize("first, second", [("1.1", "1.2"), ("-", "-"), ("•", "+")])
def test_people_rows_numbered_under_the_model_or_dashed_are_its_people(
        tmp_path, context, first, second):
    """A person's row under a whole registration whose STT is a sub-number (``1.1``) or a dash
    alone (``-``), model, field and type blank: a person of the model above (fresh tester L's
    L040, L047: rejected "Thiếu 'Tên mô hình'", 2 lost each)."""
    one, two = person("Trịnh Thị Yến", "Ủy viên BCH CĐCS"), person("Mai Xuân Trường", "Tổ trưởng")
    one[0], two[0] = first, second
    result = _ingest(tmp_path, context, [reg(1, stt="1"), one, two, reg(2, stt="2")])
    frame = result.registrations
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    first_row = frame.index[0]
    assert frame["registrant"].tolist()[1:3] == ["Trịnh Thị Yến", "Mai Xuân Trường"]
    assert frame["position"].tolist()[1:3] == ["Ủy viên BCH CĐCS", "Tổ trưởng"]
    assert frame["model"].tolist()[1:3] == [frame.loc[first_row, "model"]] * 2
    assert frame["type"].tolist()[:3] == ["individual"] * 3
    assert (f"mỗi người một đăng ký: dòng {first_row + 1} (mô hình của dòng {first_row}), "
            f"dòng {first_row + 2} (mô hình của dòng {first_row}).") in " ".join(result.notes)


def test_people_rows_with_a_bullet_under_a_model_row_without_a_person_are_its_people(
        tmp_path, context):
    """A model's row (STT, model, field, ``Cá nhân``, no registrant) then its people as
    ``- Nguyễn Văn An`` | ``Chủ tịch CĐCS``: the first completes the model's row, the next
    are people of that model, as without the bullet (fresh tester L's L037: both were joined
    into the model's row as text carried over, two people made one registrant)."""
    model = reg(1, stt=1, registrant=None, position=None)
    rows = [model, person("- Mai Xuân Trường", "Chủ tịch CĐCS"),
            person("- Hà Thị Phương", "Phó Chủ tịch CĐCS"), reg(2, stt=2)]
    result = _ingest(tmp_path, context, rows)
    frame = result.registrations
    assert len(frame) == 3
    # the names as written, bullet kept (as every bulleted name: the duplicate key drops it)
    assert frame["registrant"].tolist()[:2] == ["- Mai Xuân Trường", "- Hà Thị Phương"]
    assert frame["position"].tolist()[:2] == ["Chủ tịch CĐCS", "Phó Chủ tịch CĐCS"]
    assert frame["model"].tolist()[0] == frame["model"].tolist()[1]
    first = frame.index[0]
    notes = " ".join(result.notes)
    assert f"Dòng {first + 1} đã được ghép vào dòng {first}: mỗi đăng ký được ghi trên hai dòng" \
        in notes
    assert f"mỗi người một đăng ký: dòng {first + 2} (mô hình của dòng {first})." in notes


def test_a_wrapped_line_starting_with_a_dash_is_still_carried_over(tmp_path, context):
    """A model's second line typed on the row below, starting ``- `` and lower case, is joined
    (a bullet does not make one text cell a person)."""
    wrapped = list(BLANK)
    wrapped[1] = "- giai đoạn 2 cho công nhân nhà trọ"
    result = _ingest(tmp_path, context, [reg(1, stt=1), wrapped, reg(2, stt=2)])
    frame = result.registrations
    assert len(frame) == 2
    assert frame["model"].tolist()[0].endswith("- giai đoạn 2 cho công nhân nhà trọ")
