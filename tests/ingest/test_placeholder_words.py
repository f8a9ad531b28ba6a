"""Words that say "nothing" (``x``, ``Không``, ``N/A``, ``0``, a dash) in a cell the form needs
are that cell left empty (fresh tester J's J140, J139): a collective named ``x`` and an
individual whose ``Chức vụ`` is ``Không`` were counted (registrations invented), and a
``Công đoàn cơ sở`` of ``Không`` made a blank level ``Cơ sở``. A real value that holds such a
word (``Tổ X``, ``Không gian xanh``) stays what it is."""

from __future__ import annotations

import pytest

from helpers import read_form, row

NAME = "Thiếu 'Tên tập thể/cá nhân'"
POSITION = "Thiếu 'Chức vụ'"


def _read(tmp_path, context, rows):
    return read_form(tmp_path, context, rows)


@pytest.mark.parametrize("word", ["x", "X", "-", "Không", "KHÔNG", "N/A", "n/a", "NA", "0",
                                  "Không có", "chưa có", "..."])
def test_a_collective_named_by_a_word_of_nothing_is_missing_its_name(tmp_path, context, word):
    result = _read(tmp_path, context, [row(model="Mô hình A"), row(model="Mô hình B", registrant=word, stt=2)])
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.registrations["model"].tolist() == ["Mô hình A"]
    assert result.rejections["error"].str.startswith(NAME).tolist() == [True]


@pytest.mark.parametrize("word", ["x", "Không", "N/A", "0", "-", "không có"])
def test_an_individual_whose_position_is_a_word_of_nothing_is_missing_it(tmp_path, context, word):
    result = _read(tmp_path, context, [
        row(model="Mô hình A", type_="Cá nhân", registrant="Nguyễn Văn An", position="Tổ trưởng"),
        row(model="Mô hình B", type_="Cá nhân", registrant="Lê Thị Bình", position=word, stt=2)])
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.registrations["registrant"].tolist() == ["Nguyễn Văn An"]
    assert result.rejections["error"].str.startswith(POSITION).tolist() == [True]


@pytest.mark.parametrize("word", ["Không", "x", "0", "N/A", "-"])
def test_a_grassroots_union_of_nothing_leaves_a_blank_level_to_the_upper_level(tmp_path, context, word):
    result = _read(tmp_path, context, [
        row(model="Mô hình A", level=None, grassroots="CĐCS Trường Tiểu học Láng"),
        row(model="Mô hình B", level=None, grassroots=word, stt=2)])
    assert result.rows["valid"] == 2
    assert result.registrations["level"].tolist() == ["co_so", "cap_tren_co_so"]


@pytest.mark.parametrize("registrant, position", [
    ("Tổ X", None), ("Không gian xanh - CĐCS Ánh Dương", None), ("Nhóm 0 đồng", None),
    ("CĐCS Công ty X", None), ("NA Hoàng", None)])
def test_a_name_holding_such_a_word_stays_a_name(tmp_path, context, registrant, position):
    result = _read(tmp_path, context, [row(registrant=registrant, position=position)])
    assert result.rows == {"read": 1, "valid": 1, "rejected": 0, "ignored": 0}
    assert result.registrations["registrant"].tolist() == [registrant]


def test_an_individual_position_holding_such_a_word_stays_a_position(tmp_path, context):
    result = _read(tmp_path, context, [row(type_="Cá nhân", registrant="Trần Văn X",
                                           position="Không chuyên trách")])
    assert result.rows["valid"] == 1
    assert result.registrations["position"].tolist() == ["Không chuyên trách"]


@pytest.mark.parametrize("word", ["N/A", "n/a", "NA", "none", "nil", "Không xác định", "Không rõ"])
def test_a_result_saying_not_applicable_is_no_result_yet(tmp_path, context, word):
    """``Kết quả`` ``N/A``: no result yet, the spec's default ``Chưa đánh giá`` (before: the
    registration was rejected as a result outside the accepted set)."""
    result = _read(tmp_path, context, [row(model="Mô hình A", result="Hoàn thành"),
                                       row(model="Mô hình B", result=word, stt=2)])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    assert result.registrations["result"].tolist() == ["hoan_thanh", "chua_danh_gia"]


@pytest.mark.parametrize("word", ["x", "0", "Không", "Không có"])
def test_a_result_of_a_tick_or_a_no_is_still_asked(tmp_path, context, word):
    """``x`` is a tick, ``Không`` may be ``Không hoàn thành`` cut short: still rejected."""
    result = _read(tmp_path, context, [row(model="Mô hình B", result=word)])
    assert result.rows["rejected"] == 1
    assert result.rejections["column"].tolist() == ["Kết quả"]


#: What programs write for an empty cell (pandas, JavaScript, a pivot table), in any case.
PROGRAM_EMPTIES = ["nan", "NaN", "NAN", "<NA>", "NaT", "null", "NULL", "undefined", "(blank)",
                   "(trống)", "(Trống)", "(để trống)", "Để trống", "trống"]


@pytest.mark.parametrize("word", PROGRAM_EMPTIES)
def test_a_program_s_empty_in_the_optional_columns_is_empty(tmp_path, context, word):
    result = _read(tmp_path, context, [
        row(model="Mô hình A", level=word, grassroots="CĐCS Trường Tiểu học Láng", period=word,
            result=word, note=word),
        row(model="Mô hình B", level=word, grassroots=word, stt=2)])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got["level"].tolist() == ["co_so", "cap_tren_co_so"]  # the spec's default levels
    assert got["result"].tolist() == ["chua_danh_gia", "hoan_thanh"]
    assert got["period"].isna().tolist() == [True, False] and got["note"].isna().all()


@pytest.mark.parametrize("word", ["nan", "null", "(trống)"])
def test_a_program_s_empty_in_a_required_column_is_missing(tmp_path, context, word):
    result = _read(tmp_path, context, [
        row(model="Mô hình A"), row(model=word, stt=2), row(model="Mô hình C", field=word, stt=3),
        row(model="Mô hình D", type_="Cá nhân", registrant="Lê Thị Bình", position=word, stt=4)])
    assert result.rows["valid"] == 1
    assert [e.split(":")[0] for e in result.rejections["error"]] == [
        "Thiếu 'Tên mô hình'", "Thiếu 'Lĩnh vực'", POSITION]


@pytest.mark.parametrize("name", ["Nan giải việc làm cho công nhân", "Trống đồng văn hóa",
                                  "Null Café đoàn viên"])
def test_a_name_that_starts_with_such_a_word_is_kept(tmp_path, context, name):
    result = _read(tmp_path, context, [row(model=name)])
    assert result.registrations["model"].tolist() == [name]


@pytest.mark.parametrize("word", ["Đang đánh giá", "Chờ đánh giá", "Chờ xét", "Đang xét",
                                  "Chờ kết quả", "đang chờ đánh giá"])
def test_a_result_being_evaluated_is_not_yet_evaluated(tmp_path, context, word):
    result = _read(tmp_path, context, [row(model="Mô hình A", result=word)])
    assert result.rows["valid"] == 1
    assert result.registrations["result"].tolist() == ["chua_danh_gia"]


@pytest.mark.parametrize("period", ["nan - nan", "NaT - NaT", "Từ ngày … đến ngày …",
                                    "Từ ngày ..... đến ngày .....", "dd/mm/yyyy - dd/mm/yyyy",
                                    "mm/yyyy - mm/yyyy", "dd/mm/yyyy", "Từ tháng … đến tháng …"])
def test_a_period_left_unfilled_is_empty(tmp_path, context, period):
    """A script's two empty dates, the template's guide left as it was (fresh tester Z's Z029,
    Z038): no period, the registration counted."""
    result = _read(tmp_path, context, [row(model="Mô hình A", period=period)])
    assert result.rows["valid"] == 1 and result.registrations["period"].isna().all()


@pytest.mark.parametrize("name", ["Đền", "Tới"])
def test_a_registrant_named_like_a_range_s_middle_is_kept(tmp_path, context, name):
    result = _read(tmp_path, context, [row(model="Mô hình A", registrant=f"Tổ {name}")])
    assert result.registrations["registrant"].tolist() == [f"Tổ {name}"]


@pytest.mark.parametrize("word", ["nan", "NaN", "null", "(trống)"])
def test_a_row_of_a_program_s_empties_is_blank(tmp_path, context, word):
    """A pandas export writes a blank row as ``nan`` in every cell (fresh tester Z's Z022)."""
    result = _read(tmp_path, context, [row(model="Mô hình A"), [word] * 11,
                                       row(model="Mô hình B", stt=3)])
    assert result.rows == {"read": 3, "valid": 2, "rejected": 0, "ignored": 1}
    assert result.ignored["blank"] == 1
