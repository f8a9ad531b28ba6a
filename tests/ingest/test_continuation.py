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
