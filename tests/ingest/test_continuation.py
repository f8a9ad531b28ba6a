"""A cell's text carried over two rows (Word paste, Enter instead of Alt+Enter) is joined to
the registration above it, counted as ignored (``continuation``) and told; a row that looks
like a registration of its own is never joined (``thidua.ingest.continuation``)."""

from __future__ import annotations

import openpyxl
import pytest

from helpers import input_file
from thidua.ingest.continuation import continuation_note
from thidua.ingest.files import ingest_file

HEADER = ["STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
          "Cấp công đoàn", "Kết quả", "Ghi chú"]


def registration(stt, model, registrant="Nguyễn Văn A", position="Đoàn viên", note=None,
                 field="Kinh tế", type_="Cá nhân"):
    return [stt, model, field, type_, registrant, position, "Cơ sở", "Hoàn thành", note]


def line(model=None, registrant=None, position=None, note=None):
    """A row of text only: no STT, no choice."""
    return [None, model, None, None, registrant, position, None, None, note]


def ingest(tmp_path, rows, header=HEADER, suffix=".xlsx", context=None):
    path = tmp_path / f"S-01_dong-tiep{suffix}"
    table = [["Mã đơn vị: S-01"], ["Năm: 2024"], header, *rows]
    if suffix == ".csv":
        path.write_text("\n".join(";".join("" if c is None else str(c) for c in r) for r in table),
                        encoding="utf-8")
    else:
        wb = openpyxl.Workbook()
        for r in table:
            wb.active.append(r)
        wb.save(path)
    return ingest_file(input_file(path), context)


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_model_name_over_two_rows_is_one_registration(tmp_path, corpus_context, suffix):
    result = ingest(tmp_path, [registration(1, "Bữa cơm công đoàn ấm áp"),
                               line(model="dành cho công nhân nhà trọ"),
                               registration(2, "Tủ sách pháp luật", "Trần Thị B")],
                    suffix=suffix, context=corpus_context)
    assert result.registrations["model"].tolist() == [
        "Bữa cơm công đoàn ấm áp dành cho công nhân nhà trọ", "Tủ sách pháp luật"]
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    assert result.ignored["continuation"] == 1
    assert continuation_note({5: 4}) in result.readings


def test_a_chain_of_lines_and_several_cells_join_in_order(tmp_path, corpus_context):
    result = ingest(tmp_path, [registration(1, "Phong trào thi đua", "Ban Nữ công", None,
                                            "Ghi chú một", type_="Tập thể"),
                               line(model="lao động giỏi, lao động", registrant="LĐLĐ huyện"),
                               line(model="sáng tạo", note="tiếp"),
                               registration(2, "Tủ sách pháp luật", "Trần Thị B")],
                    context=corpus_context)
    first = result.registrations.iloc[0]
    assert first["model"] == "Phong trào thi đua lao động giỏi, lao động sáng tạo"
    assert first["registrant"] == "Ban Nữ công LĐLĐ huyện"
    assert first["note"] == "Ghi chú một tiếp"
    assert result.rows == {"read": 4, "valid": 2, "rejected": 0, "ignored": 2}
    assert continuation_note({5: 4, 6: 4}) in result.readings


def test_a_position_on_the_next_line_is_read_as_the_position(tmp_path, corpus_context):
    result = ingest(tmp_path, [registration(1, "Góc văn hóa công nhân", "Trần Thị C", None),
                               line(registrant="(Tổ trưởng tổ sản xuất)")],
                    context=corpus_context)
    reg = result.registrations.iloc[0]
    assert (reg["registrant"], reg["position"]) == ("Trần Thị C", "Tổ trưởng tổ sản xuất")
    assert result.rows["rejected"] == 0


@pytest.mark.parametrize("own, models", [
    (line(model="Tủ sách pháp luật", registrant="Trần Thị B"), ["Bữa cơm công đoàn"]),
    # a person of their own: a second person of the model above since 01/12 (tester G's 501,
    # test_second_people.py), never a line of the name above
    (line(registrant="Nguyễn Thị B", position="Ủy viên"), ["Bữa cơm công đoàn"] * 2)])
def test_a_row_that_is_a_registration_of_its_own_is_never_joined(tmp_path, corpus_context, own,
                                                                 models):
    result = ingest(tmp_path, [registration(1, "Bữa cơm công đoàn"), own],
                    context=corpus_context)
    assert result.registrations["model"].tolist() == models
    assert result.rows == {"read": 2, "valid": len(models), "rejected": 2 - len(models),
                           "ignored": 0}
    assert result.ignored["continuation"] == 0
    assert "Nguyễn Thị B" not in result.registrations["registrant"].iloc[0]


@pytest.mark.parametrize("rows", [
    # a blank row between: the text is not the cell above
    [registration(1, "Bữa cơm công đoàn"), [None] * 9, line(model="dành cho công nhân")],
    # the row above has no STT
    [registration(None, "Bữa cơm công đoàn"), line(model="dành cho công nhân")],
    # the line has a choice of its own (a registration that forgot its number)
    [registration(1, "Bữa cơm công đoàn"), [None, "dành cho công nhân", "Kinh tế", None, None,
                                             None, None, None, None]],
])
def test_a_line_that_does_not_follow_a_numbered_registration_stays_a_row(tmp_path, corpus_context,
                                                                        rows):
    result = ingest(tmp_path, rows, context=corpus_context)
    assert result.ignored["continuation"] == 0
    assert "dành cho công nhân" not in " ".join(result.registrations["model"])
    assert result.rows["read"] == result.rows["valid"] + result.rows["rejected"] + result.rows["ignored"]


def test_without_an_stt_column_nothing_is_joined(tmp_path, corpus_context):
    header = HEADER[1:]
    result = ingest(tmp_path, [registration(1, "Bữa cơm công đoàn")[1:],
                               line(model="dành cho công nhân")[1:]],
                    header=header, context=corpus_context)
    assert result.ignored["continuation"] == 0
    assert result.registrations["model"].tolist() == ["Bữa cơm công đoàn"]
    assert result.rows["rejected"] == 1


def test_the_note_lists_five_pairs_then_counts_the_rest():
    note = continuation_note({r: r - 1 for r in range(10, 17)})
    assert note.startswith("Dòng 10 đã được ghép vào dòng 9, dòng 11 vào dòng 10, dòng 12 vào dòng "
                           "11, dòng 13 vào dòng 12, dòng 14 vào dòng 13 và 2 dòng khác: ")
    assert continuation_note({}) is None


# --- a registration written over two rows (fresh tester E's A05) ----------------------------
def model_half(stt, model, field="Kinh tế", type_="Cá nhân"):
    """The first row of a registration over two rows: STT, model, field, type, result."""
    return [stt, model, field, type_, None, None, None, "Hoàn thành", None]


def registrant_half(registrant, position=None, level="Cấp trên trực tiếp cơ sở"):
    """Its second row: no STT, the registrant, its position and level."""
    return [None, None, None, None, registrant, position, level, None, None]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_registration_over_two_rows_is_one_registration(tmp_path, corpus_context, suffix):
    """The model's row then the registrant's: each pair one registration, the second row's
    cells in the first's empty ones, told; an individual's name beside ``Chủ tịch CĐCS`` (read
    as a signature's first row alone) included."""
    from thidua.ingest.continuation import halves_note
    result = ingest(tmp_path, [
        model_half(1, "Bữa cơm công đoàn nghĩa tình", type_="Tập thể"),
        registrant_half("Công đoàn cơ sở Trường Tiểu học số 1"),
        model_half(2, "Mái ấm công đoàn", field="VHXH"),
        registrant_half("Đỗ Văn Nam", "Chủ tịch CĐCS", "Cơ sở"),
        model_half(3, "Sáng kiến cải tiến quy trình", field="ANQP"),
        registrant_half("Ngô Thị Hạnh", "Chủ tịch CĐCS")], suffix=suffix, context=corpus_context)
    assert result.rows == {"read": 6, "valid": 3, "rejected": 0, "ignored": 3}
    valid = result.registrations
    assert valid.index.tolist() == [4, 6, 8]
    assert valid["registrant"].tolist() == ["Công đoàn cơ sở Trường Tiểu học số 1", "Đỗ Văn Nam",
                                            "Ngô Thị Hạnh"]
    assert valid["position"].tolist()[1:] == ["Chủ tịch CĐCS"] * 2
    assert valid["level"].tolist() == ["cap_tren_co_so", "co_so", "cap_tren_co_so"]
    assert valid["type"].tolist() == ["collective", "individual", "individual"]
    assert halves_note({5: 4, 7: 6, 9: 8}) in result.readings
    assert result.ignored["continuation"] == 3


def test_the_registrant_s_row_first_then_the_model_s(tmp_path, corpus_context):
    result = ingest(tmp_path, [
        [1, None, None, None, "Trần Thị Bình", "Tổ trưởng", "Cơ sở", None, None],
        [None, "Góc đọc sách công nhân", "Kinh tế", "Cá nhân", None, None, None, "Hoàn thành",
         None],
        registration(2, "Tủ sách pháp luật", "Lê Văn C")], context=corpus_context)
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    first = result.registrations.iloc[0]
    assert (first["model"], first["registrant"], first["field"]) == (
        "Góc đọc sách công nhân", "Trần Thị Bình", "KT")


@pytest.mark.parametrize("rows, rejected", [
    # a whole registration without its STT under another: two registrations, never one
    ([registration(1, "Bữa cơm công đoàn"), registration(None, "Tủ sách", "Trần Thị B")], 0),
    # a model's row without registrant, then a row with another model and a registrant: the
    # cells overlap (model), so both stay rows of their own
    ([model_half(1, "Bữa cơm công đoàn"),
      [None, "Tủ sách pháp luật", None, None, "Trần Thị B", "Tổ trưởng", None, None, None]], 2),
    # the second row also gives a field: the cells overlap
    ([model_half(1, "Bữa cơm công đoàn"),
      [None, None, "Kinh tế", None, "Trần Thị B", "Tổ trưởng", None, None, None]], 2),
    # the first row is complete: the row under it (a signer) is not its other half
    ([registration(1, "Bữa cơm công đoàn"),
      [None, None, None, None, "Người lập biểu", None, None, None, None]], 0),
    # the two rows give different levels: not two halves of one registration
    ([[1, "Bữa cơm công đoàn", "Kinh tế", "Cá nhân", None, None, "Cơ sở", None, None],
      registrant_half("Trần Thị Bình", "Tổ trưởng", "Thành phố")], 2),
    # together they still lack the type: not a registration written over two rows
    ([[1, "Bữa cơm công đoàn", "Kinh tế", None, None, None, None, None, None],
      registrant_half("Trần Thị Bình", "Tổ trưởng")], 2),
    # both rows numbered: two rows, each rejected for what it lacks
    ([model_half(1, "Bữa cơm công đoàn"), [2, None, None, None, "Trần Thị B", "Tổ trưởng",
                                           None, None, None]], 2),
])
def test_rows_that_are_not_two_halves_are_not_joined(tmp_path, corpus_context, rows, rejected):
    result = ingest(tmp_path, rows, context=corpus_context)
    assert result.rows["rejected"] == rejected
    assert not any("ghi trên hai dòng" in n for n in result.readings)


# --- halves, join_halves, halves_note in this process (the parsing worker runs them for
# ingest_file, where a mutation run cannot see them) ----------------------------------------
COLUMNS = ["stt", "model", "field", "type", "registrant", "position", "level", "result", "note"]


def frame(rows, first=4, columns=COLUMNS):
    """``raw`` as :func:`thidua.ingest.read.raw_rows` gives it: Excel rows from ``first``."""
    import pandas as pd
    return pd.DataFrame(rows, columns=columns, index=range(first, first + len(rows)),
                        dtype="object")


def labelled(raw, *kinds):
    import pandas as pd
    return pd.Series(list(kinds) or ["data"] * len(raw), index=raw.index)


def two_halves(stt=1, registrant="Ngô Thị Hạnh", level="Cơ sở"):
    return [model_half(stt, "Bữa cơm công đoàn"), registrant_half(registrant, "Tổ trưởng", level)]


def test_halves_joins_each_model_s_row_with_the_registrant_s_row_under_it():
    from thidua.ingest.continuation import halves
    raw = frame([*two_halves(1), registration(2, "Tủ sách"), *two_halves(3, "Lê Văn C")])
    assert halves(raw, labelled(raw)) == {5: 4, 8: 7}
    raw = frame([*two_halves(1), *two_halves(2, "Lê Văn C"), *two_halves(3, "Đỗ Văn Nam")])
    assert halves(raw, labelled(raw)) == {5: 4, 7: 6, 9: 8}
    # the registrant's row first, then the model's: the same
    raw = frame([[1, None, None, None, "Ngô Thị Hạnh", "Tổ trưởng", "Cơ sở", None, None],
                 model_half(None, "Bữa cơm")])
    assert halves(raw, labelled(raw)) == {5: 4}


@pytest.mark.parametrize("drop", ["stt", "model", "registrant", "field", "type"])
def test_halves_needs_the_stt_column_and_the_four_needed_columns(drop):
    from thidua.ingest.continuation import halves
    raw = frame(two_halves()).drop(columns=[drop])
    assert halves(raw, labelled(raw)) == {}
    assert halves(frame([]), labelled(frame([]))) == {}


def test_halves_reads_only_a_data_row_under_a_numbered_data_row():
    from thidua.ingest.continuation import halves
    raw = frame(two_halves())
    assert halves(raw, labelled(raw, "data", "data")) == {5: 4}
    assert halves(raw, labelled(raw, "heading", "data")) == {}
    assert halves(raw, labelled(raw, "data", "heading")) == {}
    assert halves(raw, labelled(raw, "data", "blank")) == {}
    # a row without a label is no data row
    import pandas as pd
    assert halves(raw, pd.Series(["data"], index=[4])) == {}
    assert halves(raw, pd.Series(["data"], index=[5])) == {}
    # an STT of spaces only is no number: the row above is not numbered
    spaced = frame([model_half("  ", "Bữa cơm công đoàn"), registrant_half("Ngô Thị Hạnh")])
    assert halves(spaced, labelled(spaced)) == {}
    # the second row numbered too: two rows
    both = frame([model_half(1, "Bữa cơm"), [2, *registrant_half("Ngô Thị Hạnh")[1:]]])
    assert halves(both, labelled(both)) == {}
    # the first data row has no row above it
    alone = frame([registrant_half("Ngô Thị Hạnh"), model_half(1, "Bữa cơm")])
    assert halves(alone, labelled(alone)) == {}


def test_a_signature_s_first_row_is_a_half_only_when_it_names_a_registrant():
    from thidua.ingest.continuation import halves
    raw = frame(two_halves())
    assert halves(raw, labelled(raw, "data", "signature")) == {5: 4}
    unnamed = frame([model_half(1, "Bữa cơm"), [None, None, None, None, None, "Nguyễn Văn A",
                                                 "Cơ sở", None, None]])
    # named by its position only: a signature; as data it would be a half (model, field and
    # type above; position and level here) only with a registrant, which it lacks: none
    assert halves(unnamed, labelled(unnamed, "data", "signature")) == {}
    # a registrant of spaces only names no one
    spaced = frame([model_half(1, "Bữa cơm"), registrant_half("   ", "Tổ trưởng")])
    assert halves(spaced, labelled(spaced, "data", "signature")) == {}
    # a signer's line in the model's column under a registration without its model: the
    # signature block, not the model (it names no registrant)
    signer = frame([[1, None, "Kinh tế", "Cá nhân", "Ngô Thị Hạnh", None, "Cơ sở", None, None],
                    [None, "Người lập biểu", None, None, None, None, None, None, None]])
    assert halves(signer, labelled(signer, "data", "signature")) == {}
    assert halves(signer, labelled(signer, "data", "data")) == {5: 4}


def test_halves_needs_disjoint_cells_each_half_holding_some_needed_column():
    from thidua.ingest.continuation import halves
    # a complete registration without level, then a row of only its level: the lower row
    # holds none of the needed columns, so it is no half
    raw = frame([[1, "Bữa cơm", "Kinh tế", "Cá nhân", "Ngô Thị Hạnh", None, None, None, None],
                 [None, None, None, None, None, None, "Cơ sở", None, None]])
    assert halves(raw, labelled(raw)) == {}
    # a numbered row of only its level and result, then a whole registration without STT
    raw = frame([[1, None, None, None, None, None, "Cơ sở", "Hoàn thành", None],
                 [None, "Bữa cơm", "Kinh tế", "Cá nhân", "Ngô Thị Hạnh", None, None, None, None]])
    assert halves(raw, labelled(raw)) == {}
    # the two rows both give the level: overlap, none
    raw = frame([[1, "Bữa cơm", "Kinh tế", "Cá nhân", None, None, "Cơ sở", None, None],
                 registrant_half("Ngô Thị Hạnh", None, "Cơ sở")])
    assert halves(raw, labelled(raw)) == {}
    # together without the type: none; a cell of spaces is empty (no overlap, no value)
    raw = frame([[1, "Bữa cơm", "Kinh tế", "  ", None, None, None, None, None],
                 registrant_half("Ngô Thị Hạnh", None, "Cơ sở")])
    assert halves(raw, labelled(raw)) == {}
    raw = frame([[1, "Bữa cơm", "Kinh tế", "Cá nhân", None, None, "  ", None, None],
                 registrant_half("Ngô Thị Hạnh", None, "Cơ sở")])
    assert halves(raw, labelled(raw)) == {5: 4}


def test_a_half_s_second_row_is_no_first_half_and_other_columns_count_only_if_form_s():
    from thidua.ingest.continuation import halves
    # a pair that is no two halves (the cells overlap) does not end the search
    raw = frame([model_half(1, "Bữa cơm"), registration(None, "Tủ sách", "Trần Thị B"),
                 *two_halves(2)])
    assert halves(raw, labelled(raw)) == {7: 6}
    # three rows: the third could complete the second only if the second were a first half
    raw = frame([model_half(1, "Bữa cơm"), registrant_half("Ngô Thị Hạnh"),
                 [None, "Tủ sách", "Kinh tế", "Cá nhân", None, None, None, None, None]])
    assert halves(raw, labelled(raw)) == {5: 4}
    # a column not of the form (a helper column the unit added) filled on both rows: no overlap
    extra = frame([[*model_half(1, "Bữa cơm"), "x"], [*registrant_half("Ngô Thị Hạnh"), "y"]],
                  columns=[*COLUMNS, "extra"])
    assert halves(extra, labelled(extra)) == {5: 4}
    # the STT is no cell of the halves' comparison, and text given is used as is
    from thidua.ingest.normalise import form_text
    raw = frame(two_halves())
    text = form_text(raw)
    text.loc[5, "registrant"] = ""
    assert halves(raw, labelled(raw, "data", "signature"), text) == {}
    assert halves(raw, labelled(raw, "data", "signature")) == {5: 4}


def test_join_halves_moves_the_second_row_s_cells_into_the_first_and_ignores_it():
    from thidua.ingest.continuation import CONTINUATION, join_halves
    raw = frame([*two_halves(1), registration(2, "Tủ sách"),
                 [3, "Mái ấm", "VHXH", "Cá nhân", None, None, None, "Hoàn thành", "  "],
                 [None, None, None, None, "Lê Văn C", 5, "Cơ sở", None, " "]])
    labels = labelled(raw)
    joined, new_labels, found = join_halves(raw, labels)
    assert found == {5: 4, 8: 7}
    assert joined.loc[4].tolist() == [1, "Bữa cơm công đoàn", "Kinh tế", "Cá nhân",
                                      "Ngô Thị Hạnh", "Tổ trưởng", "Cơ sở", "Hoàn thành", None]
    # a number goes as it is into a column of text; a cell of spaces moves nothing
    assert joined.loc[7].tolist() == [3, "Mái ấm", "VHXH", "Cá nhân", "Lê Văn C", 5, "Cơ sở",
                                      "Hoàn thành", "  "]
    assert joined.loc[6].tolist() == raw.loc[6].tolist()
    assert new_labels.tolist() == ["data", CONTINUATION, "data", "data", CONTINUATION]
    # the second rows keep their cells; what was given is not modified
    assert joined.loc[5, "registrant"] == "Ngô Thị Hạnh"
    assert raw.loc[4, "registrant"] is None and labels.tolist() == ["data"] * 5


def test_join_halves_into_a_column_of_numbers_and_without_halves():
    import pandas as pd
    from thidua.ingest.continuation import join_halves
    raw = frame(two_halves())
    raw["position"] = pd.Series([float("nan"), 7.0], index=raw.index)  # read as numbers
    raw["stt"] = pd.Series([1.0, float("nan")], index=raw.index)
    joined, _, found = join_halves(raw, labelled(raw))
    assert found == {5: 4} and joined.at[4, "position"] == 7
    # every form column of the joined rows holds any value (object), the STT as it was
    assert joined["position"].dtype == object and joined["stt"].dtype == "float64"
    # a column outside the form is neither moved nor retyped
    raw["extra"] = pd.Series([float("nan"), 3.0], index=raw.index)
    joined, _, found = join_halves(raw, labelled(raw))
    assert found == {5: 4} and joined["extra"].dtype == "float64"
    assert joined["extra"].isna().tolist() == [True, False]
    raw = frame([registration(1, "Bữa cơm"), registration(2, "Tủ sách")])
    labels = labelled(raw)
    same = join_halves(raw, labels)
    assert same[0] is raw and same[1] is labels and same[2] == {}


def test_halves_note_word_for_word():
    from thidua.ingest.continuation import halves_note
    assert halves_note({}) is None
    assert halves_note({5: 4, 9: 8}) == (
        "Dòng 5 đã được ghép vào dòng 4, dòng 9 vào dòng 8: mỗi đăng ký được ghi trên hai dòng "
        "(dòng có STT ghi một phần, dòng dưới không có STT ghi phần còn lại) nên hai dòng được "
        "đọc là một đăng ký. Lần sau đề nghị ghi mỗi đăng ký trên một dòng.")


# --- continuations, join_continuations, continuation_note in this process ---------------------
def test_continuations_join_text_lines_to_the_numbered_registration_above_in_a_chain():
    from thidua.ingest.continuation import continuations
    raw = frame([registration(1, "Phong trào thi đua", "Ban Nữ công", None, "Ghi chú một",
                              type_="Tập thể"),
                 line(model="lao động giỏi, lao động", registrant="LĐLĐ huyện"),
                 line(model="sáng tạo", note="tiếp"),
                 registration(2, "Tủ sách pháp luật", "Trần Thị B"),
                 line(position="(Tổ trưởng)")])
    assert continuations(raw, labelled(raw)) == {5: 4, 6: 4, 8: 7}


@pytest.mark.parametrize("rows, kinds", [
    # a line of its own: two capitalised cells (a model and a registrant; a name, a position)
    ([registration(1, "Bữa cơm"), line(model="Tủ sách pháp luật", registrant="Trần Thị B")],
     None),
    ([registration(1, "Bữa cơm"), line(registrant="Trần Thị B", position="Tổ trưởng")], None),
    # a choice filled, an STT, a cell of another form column: no line carried over
    ([registration(1, "Bữa cơm"), [None, "dành cho", "Kinh tế", None, None, None, None, None,
                                   None]], None),
    ([registration(1, "Bữa cơm"), [None, "dành cho", None, None, None, None, None, "Đạt",
                                   None]], None),
    ([registration(1, "Bữa cơm"), [3, "dành cho", None, None, None, None, None, None, None]],
     None),
    # no text in a joined column
    ([registration(1, "Bữa cơm"), line()], None),
    # the row above is no data row, has no STT, or no choice
    ([registration(1, "Bữa cơm"), line(model="dành cho")], ("heading", "data")),
    ([registration(1, "Bữa cơm"), line(model="dành cho")], ("data", "heading")),
    ([registration(None, "Bữa cơm"), line(model="dành cho")], None),
    ([[1, "Bữa cơm", None, None, "Trần Thị B", None, None, None, None], line(model="dành cho")],
     None),
    # the first row has no row above it
    ([line(model="dành cho"), registration(1, "Bữa cơm")], None),
])
def test_rows_that_continue_nothing(rows, kinds):
    from thidua.ingest.continuation import continuations
    raw = frame(rows)
    assert continuations(raw, labelled(raw, *kinds) if kinds else labelled(raw)) == {}


def test_a_single_capitalised_cell_or_one_lower_case_among_two_is_a_line_carried_over():
    from thidua.ingest.continuation import _own_registration, continuations
    assert _own_registration(["Tủ sách", "Trần Thị B"]) is True
    assert _own_registration(["Tủ sách", "", "Trần Thị B"]) is True
    assert _own_registration(["Tủ sách", ""]) is False
    assert _own_registration(["lao động giỏi", "LĐLĐ huyện"]) is False
    assert _own_registration(["(Tổ trưởng)", "Trần Thị B"]) is False
    assert _own_registration([]) is False
    raw = frame([registration(1, "Bữa cơm"), line(model="Dành cho công nhân")])
    assert continuations(raw, labelled(raw)) == {5: 4}
    # a row of its own does not end the search: a later line still joins
    raw = frame([registration(1, "Bữa cơm"), line(model="Tủ sách", registrant="Trần Thị B"),
                 registration(2, "Góc đọc"), line(model="cho công nhân")])
    assert continuations(raw, labelled(raw)) == {7: 6}


def test_continuations_need_stt_a_choice_and_a_joined_column():
    from thidua.ingest.continuation import continuations
    raw = frame([registration(1, "Bữa cơm"), line(model="dành cho")])
    assert continuations(raw.drop(columns=["stt"]), labelled(raw)) == {}
    assert continuations(frame([]), labelled(frame([]))) == {}
    assert continuations(raw.drop(columns=["field", "type", "level", "result"]),
                         labelled(raw)) == {}
    assert continuations(raw.drop(columns=["model", "registrant", "position", "note"]),
                         labelled(raw)) == {}
    # one choice column and one joined column are enough
    only = raw[["stt", "model", "field"]]
    assert continuations(only, labelled(raw)) == {5: 4}
    # every data row numbered: nothing
    numbered = frame([registration(1, "Bữa cơm"), registration(2, "Tủ sách")])
    assert continuations(numbered, labelled(numbered)) == {}
    # a row without a label is no data row; a label of a row not in ``raw`` is passed over;
    # the text given is used as it is
    import pandas as pd
    assert continuations(raw, pd.Series(["data"], index=[4])) == {}
    assert continuations(raw, pd.Series(["data"] * 3, index=[3, 4, 5])) == {5: 4}
    assert continuations(raw, pd.Series(["data"] * 3, index=[5, 4, 9])) == {5: 4}
    from thidua.ingest.normalise import form_text
    text = form_text(raw)
    text.loc[5, "model"] = ""
    assert continuations(raw, labelled(raw), text) == {}


def test_a_line_with_another_form_column_filled_is_no_continuation():
    """A column of the form that is neither a choice nor joined (``Mã đơn vị``) filled on the
    line: not a line carried over; left empty: one."""
    from thidua.ingest.continuation import continuations
    columns = [*COLUMNS, "unit_code"]
    raw = frame([[*registration(1, "Bữa cơm"), "Q-DD"], [*line(model="dành cho"), "Q-DD"]],
                columns=columns)
    assert continuations(raw, labelled(raw)) == {}
    raw = frame([[*registration(1, "Bữa cơm"), "Q-DD"], [*line(model="dành cho"), " "]],
                columns=columns)
    assert continuations(raw, labelled(raw)) == {5: 4}
    # a column outside the form filled does not matter
    raw = frame([[*registration(1, "Bữa cơm"), "x"], [*line(model="dành cho"), "y"]],
                columns=[*COLUMNS, "extra"])
    assert continuations(raw, labelled(raw)) == {5: 4}


def test_join_continuations_appends_each_line_s_text_to_its_registration():
    from thidua.ingest.continuation import CONTINUATION, join_continuations
    raw = frame([registration(1, "Phong trào thi đua", "Ban Nữ công", None, "Ghi chú một",
                              type_="Tập thể"),
                 line(model="  lao động giỏi ", registrant="LĐLĐ huyện", position=" "),
                 line(model="sáng tạo", note="tiếp", position="(kiêm nhiệm)"),
                 registration(2, "Tủ sách", "Trần Thị B")])
    labels = labelled(raw)
    joined, new_labels, found = join_continuations(raw, labels)
    assert found == {5: 4, 6: 4}
    assert joined.loc[4, ["model", "registrant", "position", "note"]].tolist() == [
        "Phong trào thi đua lao động giỏi sáng tạo", "Ban Nữ công LĐLĐ huyện", "(kiêm nhiệm)",
        "Ghi chú một tiếp"]
    assert joined.loc[7].tolist() == raw.loc[7].tolist()
    assert joined.loc[5, "model"] == "  lao động giỏi "  # the line itself is left as written
    assert new_labels.tolist() == ["data", CONTINUATION, CONTINUATION, "data"]
    assert labels.tolist() == ["data"] * 4 and raw.loc[4, "model"] == "Phong trào thi đua"
    # a column of numbers takes the text
    import pandas as pd
    raw = frame([registration(1, "Bữa cơm"), line(model="dành cho")])
    raw["note"] = pd.Series([5.0, 7.0], index=raw.index)
    joined, _, _ = join_continuations(raw, labelled(raw))
    assert joined.loc[4, "note"] == "5 7" and joined["note"].dtype == object
    # nothing to join: what was given
    raw = frame([registration(1, "Bữa cơm"), registration(2, "Tủ sách")])
    labels = labelled(raw)
    same = join_continuations(raw, labels)
    assert same[0] is raw and same[1] is labels and same[2] == {}


def test_the_note_of_joined_rows_word_for_word_up_to_five_pairs():
    from thidua.ingest.continuation import continuation_note
    assert continuation_note({5: 4}) == (
        "Dòng 5 đã được ghép vào dòng 4: các dòng này không có STT, lĩnh vực, hình thức, chỉ có "
        "phần chữ tiếp theo của ô bên trên, nên được đọc cùng đăng ký bên trên. Lần sau đề nghị "
        "ghi cả nội dung trong một ô (Alt+Enter để xuống dòng trong ô).")
    five = continuation_note({r: r - 1 for r in range(10, 15)})
    assert five.startswith("Dòng 10 đã được ghép vào dòng 9, dòng 11 vào dòng 10, dòng 12 vào "
                           "dòng 11, dòng 13 vào dòng 12, dòng 14 vào dòng 13: ")
    six = continuation_note({r: r - 1 for r in range(10, 16)})
    assert six.startswith("Dòng 10 đã được ghép vào dòng 9, dòng 11 vào dòng 10, dòng 12 vào "
                          "dòng 11, dòng 13 vào dòng 12, dòng 14 vào dòng 13 và 1 dòng khác: ")
