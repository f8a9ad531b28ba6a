"""Several registrations in one cell, the forms fresh tester N found lost (N201, N202, N206,
N207): models ranked by letters, Roman numerals or their own number (``a) …⏎b) …``,
``Mô hình 1: …⏎Mô hình 2: …``), people joined by ``&``, ``/`` or a dash between two names
(``Nguyễn Văn An & Trần Thị Bình``). Read before, one registration, silently
(:mod:`thidua.ingest.severalmodels`, :mod:`thidua.ingest.severalpeople`)."""

from __future__ import annotations

import pytest

from helpers import read_form, row
from thidua.ingest.severalmodels import models_in_cell
from thidua.ingest.severalpeople import people_and_positions, people_in_cell

A, B = "Hỗ trợ đoàn viên tiêu thụ nông sản", "Phiên chợ nông sản của đoàn viên"
AN, BINH = "Nguyễn Văn An", "Trần Thị Bình"


@pytest.mark.parametrize("first, second", [
    ("a) ", "b) "), ("a. ", "b. "), ("(a) ", "(b) "), ("A. ", "B. "), ("a)", "b)"),
    ("i) ", "ii) "), ("I. ", "II. "), ("(i) ", "(ii) "), ("1.", "2."), ("(1) ", "(2) "),
    ("1: ", "2: "), ("Mô hình 1: ", "Mô hình 2: "), ("mô hình 1:", "mô hình 2:"),
    ("Mo hinh 1: ", "Mo hinh 2: "), ("MH1: ", "MH2: "), ("MH 1. ", "MH 2. "),
    ("Mô hình số 1 - ", "Mô hình số 2 - "), ("Mô hình thứ nhất: ", "Mô hình thứ hai: "),
    ("Mô hình thứ 1) ", "Mô hình thứ 2) "), ("— ", "— "), ("○ ", "○ "), ("➢ ", "➢ ")])
def test_models_ranked_by_letters_numerals_or_their_own_number_are_each_a_model(first, second):
    assert models_in_cell(f"{first}{A}\n{second}{B}") == [A, B]


def test_letters_in_a_vietnamese_or_a_latin_order_and_a_third_model():
    lines = ["Bữa cơm công đoàn", "Mái ấm công đoàn", "Góc sách công nhân", "Tủ sách pháp luật",
             "Chợ phiên cuối tuần", "Vườn rau sạch"]
    vietnamese = "\n".join(f"{c}) {n}" for c, n in zip(["a", "b", "c", "d", "đ", "e"], lines))
    latin = "\n".join(f"{c}) {n}" for c, n in zip("abcdef", lines))
    assert models_in_cell(vietnamese) == models_in_cell(latin) == lines
    assert models_in_cell("Mô hình thứ nhất: Bữa cơm công đoàn\nMô hình thứ hai: Mái ấm công "
                          "đoàn\nMô hình thứ ba: Góc sách công nhân") == lines[:3]


@pytest.mark.parametrize("first, second", [
    ("b) ", "c) "), ("a) ", "c) "), ("a) ", "2) "), ("Mô hình 2: ", "Mô hình 3: "),
    ("1.5 ", "2.5 "), ("a) ", "a) "), ("ii) ", "iii) "), ("Mô hình 1: ", "MH 3: "),
    ("a) ", "- "), ("", ""), ("Mô hình thứ hai: ", "Mô hình thứ nhất: ")])
def test_ranks_out_of_order_or_of_two_kinds_stay_one_model(first, second):
    assert models_in_cell(f"{first}{A}\n{second}{B}") is None


@pytest.mark.parametrize("model", [
    f"a) {A}\nb) {B}", f"Mô hình 1: {A}\nMô hình 2: {B}"])
def test_n206_n207_a_model_cell_of_two_ranked_models_is_two_registrations(tmp_path, context,
                                                                          model):
    result = read_form(tmp_path, context, [
        row(model="Bữa cơm Công đoàn", stt=1),
        row(model=model, type_="Cá nhân", registrant=AN, position="Chủ tịch CĐCS", stt=2)])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got.index.tolist() == [5, 6, 6]
    assert got["model"].tolist() == ["Bữa cơm Công đoàn", A, B]
    assert got["registrant"].tolist()[1:] == [AN, AN]
    note = next(n for n in result.notes if "nhiều mô hình" in n)
    assert f"(dòng 6: {A}, {B})" in note


@pytest.mark.parametrize("text, second", [
    (f"{AN} & {BINH}", BINH), (f"{AN}&{BINH}", BINH), (f"{AN} / {BINH}", BINH),
    (f"{AN}/{BINH}", BINH), (f"{AN} - {BINH}", BINH), (f"{AN} – {BINH}", BINH),
    (f"{AN} — {BINH}", BINH), (f"Đ/c {AN} / Đ/c {BINH}", BINH), (f"Đ/C {AN}/Đ/C {BINH}", BINH),
    (f"{AN} - Trương Thị Bình", "Trương Thị Bình")])
def test_two_names_joined_by_an_ampersand_a_slash_or_a_dash_are_two_people(text, second):
    assert people_in_cell(text)[0] == [AN, second]


def test_three_people_and_people_with_positions_by_these_separators():
    assert people_in_cell(f"{AN} & {BINH} & Lê Văn Cường")[0] == [AN, BINH, "Lê Văn Cường"]
    assert people_and_positions(f"{AN} - Chủ tịch CĐCS / {BINH} - Kế toán")[0] == [
        (AN, "Chủ tịch CĐCS"), (BINH, "Kế toán")]


@pytest.mark.parametrize("text", [
    f"{AN} - Chủ tịch CĐCS", f"{AN} - Đoàn Viên Ưu Tú", f"{AN} - Hà Nội",
    f"{AN} - Công ty Xanh", f"{AN}-{BINH}", "Phòng Kế toán / Phòng Hành chính",
    "Ban Nữ công & Ban Tuyên giáo", f"{AN} / Chủ tịch CĐCS"])
def test_a_name_and_its_position_town_or_organisation_stays_one_registrant(text):
    """A dash more often ends a name before its position (N200 judged a choice): a cell is
    split at it only when every part is a person's name and none a position."""
    assert people_and_positions(text) is None


@pytest.mark.parametrize("cell", [f"{AN} & {BINH}", f"{AN} / {BINH}", f"{AN} - {BINH}"])
def test_n201_n202_two_people_in_one_cell_are_two_individuals(tmp_path, context, cell):
    result = read_form(tmp_path, context, [
        row(model="Bữa cơm Công đoàn", stt=1),
        row(model=A, type_="Cá nhân", registrant=cell, position="Chủ tịch CĐCS", stt=2)])
    assert result.rows == {"read": 2, "valid": 2, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got.index.tolist() == [5, 6, 6]
    assert got["registrant"].tolist()[1:] == [AN, BINH]
    assert got["position"].tolist()[1:] == ["Chủ tịch CĐCS"] * 2
    note = next(n for n in result.notes if "nhiều người" in n)
    assert f"(dòng 6: {AN} (Chủ tịch CĐCS), {BINH} (Chủ tịch CĐCS))" in note
