"""Contact lines found on frames built in the test, in this process (:mod:`thidua.ingest.contacts`;
``ingest_file`` reads a sheet in a worker process, which a mutation run cannot see): which rows
are looked at, which registration each belongs to, and the unit's line word for word
(issue 14)."""

from __future__ import annotations

import pandas as pd

from thidua.ingest.contacts import contact_lines, contact_note, is_contact, mark_contacts

COLUMNS = ("stt", "model", "field", "type", "registrant", "position", "level", "result")


def text(*rows: dict, start: int = 7, columns=COLUMNS) -> pd.DataFrame:
    """A form's text (``form_text``: ``""`` for an empty cell), one dict a row, from Excel row
    ``start``."""
    frame = pd.DataFrame([{c: r.get(c, "") for c in columns} for r in rows],
                         index=range(start, start + len(rows)))
    return frame


def labels(*names: str, start: int = 7) -> pd.Series:
    return pd.Series(list(names), index=range(start, start + len(names)))


REG = {"stt": "1", "model": "Bữa cơm", "field": "Kinh tế", "type": "Tập thể",
       "registrant": "CĐCS A"}
AGENT = {"registrant": "Đại diện: Nguyễn Văn An", "position": "Chủ tịch CĐCS"}


def test_a_contact_line_belongs_to_the_registration_right_above_past_other_contact_lines():
    frame = text(REG, AGENT, {"registrant": "ĐT: 0912"}, REG, {"model": "Đầu mối: Lê Minh"})
    assert contact_lines(frame, labels("data", "data", "data", "data", "data")) == {
        8: 7, 9: 7, 11: 10}


def test_a_contact_line_in_the_first_row_or_under_a_row_that_is_no_data_names_none():
    assert contact_lines(text(AGENT, REG), labels("data", "data")) == {7: None}
    assert contact_lines(text(REG, {}, AGENT), labels("data", "blank", "data")) == {9: None}
    # the row above is labelled nothing (not in ``labels``): no registration
    assert contact_lines(text(REG, AGENT), labels("data", start=8)) == {8: None}


def test_the_second_row_under_a_registration_in_the_first_row_names_it():
    assert contact_lines(text(REG, AGENT, start=1), labels("data", "data", start=1)) == {2: 1}


def test_only_data_rows_without_stt_and_choices_are_looked_at():
    for own in ({"stt": "2"}, {"field": "Kinh tế"}, {"type": "Cá nhân"}, {"level": "Cơ sở"},
                {"result": "Đạt"}):
        assert contact_lines(text(REG, {**AGENT, **own}), labels("data", "data")) == {}, own
    # a row labelled otherwise (a signature), or not labelled at all
    assert contact_lines(text(REG, AGENT), labels("data", "signature")) == {}
    assert contact_lines(text(REG, AGENT), labels("data")) == {}


def test_the_first_filled_of_model_and_registrant_is_read():
    # the model first: a name there makes the row no contact line
    named = {"model": "Nguyễn Văn An", "registrant": "Đại diện: Nguyễn Văn An"}
    assert contact_lines(text(REG, named), labels("data", "data")) == {}
    assert contact_lines(text(REG, {"model": "Đại diện: X", "registrant": "Trần B"}),
                         labels("data", "data")) == {8: 7}
    assert contact_lines(text(REG, {"model": "Nguyễn Văn An"}), labels("data", "data")) == {}


def test_without_model_and_registrant_columns_or_other_columns_nothing_or_enough_is_found():
    assert contact_lines(text(REG, AGENT, columns=("stt", "field", "position")),
                         labels("data", "data")) == {}
    # only the registrant's column, no STT and no choices: still found
    assert contact_lines(text({"registrant": "CĐCS A"}, {"registrant": "Liên hệ: B"},
                              columns=("registrant",)), labels("data", "data")) == {8: 7}


def test_marked_as_continuation_on_a_copy_and_the_map_returned():
    frame, given = text(REG, AGENT, REG), labels("data", "data", "data")
    marked, found = mark_contacts(given, frame)
    assert marked.tolist() == ["data", "continuation", "data"]
    assert given.tolist() == ["data", "data", "data"]  # the caller's labels untouched
    assert found == {8: 7}
    same, none = mark_contacts(given, text(REG, REG))
    assert same is given and none == {}


def raw(rows: dict[int, dict]) -> pd.DataFrame:
    return pd.DataFrame([{"model": r.get("model"), "registrant": r.get("registrant")}
                         for r in rows.values()], index=list(rows))


MESSAGE = ("Các dòng ghi người đại diện hoặc người liên hệ (không có STT, lĩnh vực, hình thức) "
           "được đọc cùng đăng ký ngay trên, không tính là đăng ký riêng: {}. Nếu đó là một "
           "đăng ký riêng, đề nghị ghi đủ STT, tên mô hình, lĩnh vực, hình thức và bỏ chữ ghi "
           "trước tên.")


def test_the_note_word_for_word_the_model_s_cell_first_the_registration_when_known():
    sheet = raw({8: {"registrant": " Đại diện:  Nguyễn Văn An "}, 9: {"model": "Đầu mối: B",
                                                                     "registrant": "Trần C"}})
    assert contact_note({8: 7, 9: None}, sheet) == MESSAGE.format(
        "dòng 8 ('Đại diện: Nguyễn Văn An', của đăng ký dòng 7), dòng 9 ('Đầu mối: B')")
    assert contact_note({}, sheet) is None


def test_the_note_names_five_lines_then_how_many_more():
    sheet = raw({r: {"registrant": f"ĐT: {r}"} for r in range(8, 15)})
    lines = ", ".join(f"dòng {r} ('ĐT: {r}', của đăng ký dòng 7)" for r in range(8, 13))
    assert contact_note({r: 7 for r in range(8, 15)}, sheet) == MESSAGE.format(
        lines + " và 2 dòng khác")
    five = {r: 7 for r in range(8, 13)}
    assert contact_note(five, sheet) == MESSAGE.format(lines)
    six = {r: 7 for r in range(8, 14)}
    assert contact_note(six, sheet) == MESSAGE.format(lines + " và 1 dòng khác")


def test_a_label_needs_its_colon_dash_or_nothing_after_it():
    assert is_contact("Đại diện") and is_contact("- Đại diện: A") and is_contact("[Email: a")
    assert is_contact("Số điện thoại: 0912") and is_contact("Liên lạc - A")
    assert is_contact("Người đại diện của đơn vị: A") and is_contact("E-mail: a@b.vn")
    assert not is_contact("Đại diện A") and not is_contact("x Đại diện: A")


def test_contact_lines_from_the_first_row_on_name_no_registration():
    assert contact_lines(text(AGENT, {"registrant": "ĐT: 0912"}), labels("data", "data")) == {
        7: None, 8: None}


def test_labels_of_other_rows_are_not_read():
    given = pd.concat([labels("data", "data"), pd.Series(["data"], index=[99])])
    assert contact_lines(text(REG, AGENT), given) == {8: 7}


def test_a_row_with_neither_model_nor_registrant_is_no_contact_line():
    assert contact_lines(text(REG, {"position": "Chủ tịch CĐCS"}, AGENT),
                         labels("data", "data", "data")) == {9: 8}
