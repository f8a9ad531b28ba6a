"""Ditto marks (``nt``, ``như trên``, ``"``, ``〃``, ``-//-``): a cell saying "as above" takes
the value of the registration row above it, told (:mod:`thidua.ingest.ditto`). Read as
written, ``nt`` in ``Lĩnh vực`` or ``Hình thức`` rejected the registration, and in
``Tên tập thể/cá nhân`` or ``Chức vụ`` made a registrant or a position named ``nt``."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers import read_form, row
from thidua.ingest.files import ingest_file
from thidua.ingest.ditto import filled_from_ditto, is_ditto



def _read(tmp_path, context, rows):
    return read_form(tmp_path, context, rows)


@pytest.mark.parametrize("text", [
    "nt", "NT", "Nt", "n.t", "N.T.", "n/t", "-nt-", "- nt -", "(nt)", "nt trên", "NT TRÊN",
    "như trên", "Như trên", "NHƯ TRÊN", "nhu tren", "-như trên-", "(như trên)", '"', '""',
    "''", "“", "”", "〃", "″", "//", "-//-", '-"-', " nt ", "nt.", "=nt=",
    # fresh tester N's N208 and their neighbours: dashes of any length, quotes apart, words
    '–"–', '—"—', '- " -', '— " —', '" "', "“ ”", '" " "', "〃 〃", "„", ",,", "-,,-", "—//—",
    "–nt–", "—nt—", "như dòng trên", "Như dòng trên", "NHƯ DÒNG TRÊN", "nhu dong tren",
    "như tr", "như tr.", "Như tr.", "như ở trên", "giống trên", "giống dòng trên",
    "Giống dòng trên", "(như dòng trên)", "-như dòng trên-"])
def test_a_cell_of_nothing_but_a_ditto_mark_is_one(text):
    assert is_ditto(text)


@pytest.mark.parametrize("text", [
    "NT Xanh", "Nhà trẻ NT", "Tổ công tác như trên", "ntl", "Q-NTL", "ANT", "n", "t", "-", "x",
    "0", "=", "nt nt nt nt nt", "như", "trên", "Kinh tế", "TT", "CN", "Không", "", None, 1.0,
    '" " " "', "--", "—", ",", "như trên nữa", "như thế", "giống", "dòng trên", "Như Trang",
    "như trên đã nêu", "Giống lúa mới", "tr", '"Xanh"', "như trên ,,"])
def test_a_value_holding_such_letters_is_a_value(text):
    assert not is_ditto(text)


def _frame(cells: list[str | None], labels: list[str]) -> tuple[pd.DataFrame, pd.Series]:
    index = pd.Index(range(10, 10 + len(cells)), name="row")
    return (pd.DataFrame({"field": cells}, index=index, dtype=object),
            pd.Series(labels, index=index))


def test_a_mark_takes_the_registration_right_above():
    raw, labels = _frame(["Kinh tế", "nt", '"', "VHXH", "blank-row", "nt", "nt", None, "nt"],
                         ["data", "data", "data", "data", "blank", "data", "data", "data", "data"])
    filled, taken = filled_from_ditto(raw, labels)
    assert filled["field"].tolist() == ["Kinh tế", "Kinh tế", "Kinh tế", "VHXH", "blank-row",
                                        "VHXH", "VHXH", None, ""]
    assert taken == {"field": {11: 10, 12: 10, 15: 13, 16: 13, 18: None}}
    assert raw["field"].tolist()[1] == "nt"  # the input is not modified


def test_a_mark_with_nothing_above_it_in_its_table_is_an_empty_cell():
    """The first row, under a repeated header row or a sub-heading (L128), and (L012) under
    a registration leaving the column blank: nothing to repeat, the cell is empty."""
    raw, labels = _frame(["nt", "Kinh tế", "Tên mô hình", "nt", "VHXH", "như trên",
                          "II. VĂN HÓA - XÃ HỘI", "nt"],
                         ["data", "data", "header", "data", "data", "data", "subheading", "data"])
    filled, taken = filled_from_ditto(raw, labels)
    assert filled["field"].tolist() == ["", "Kinh tế", "Tên mô hình", "", "VHXH", "VHXH",
                                        "II. VĂN HÓA - XÃ HỘI", ""]
    assert taken == {"field": {10: None, 13: None, 15: 14, 17: None}}


def test_no_mark_leaves_the_frame_as_it_is():
    raw, labels = _frame(["Kinh tế", "NT Xanh"], ["data", "data"])
    filled, taken = filled_from_ditto(raw, labels)
    assert filled is raw and taken == {}


def test_ditto_marks_in_every_column_of_a_file_are_read_and_told(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Tiếng loa an toàn", field="An ninh - quốc phòng", type_="Cá nhân",
            registrant="Nguyễn Văn An", position="Tổ trưởng tổ tự quản", stt=1),
        row(model="nt", field="nt", type_='"', registrant="Trần Thị Bình", position="nt", stt=2),
        row(model="Góc sách công nhân", field="Như trên", type_="〃", registrant="Lê Văn Cường",
            position="-//-", level="nt", grassroots="nt", period="nt", result="nt", stt=3),
        row(model="Bữa cơm Công đoàn", field="Kinh tế", type_="Tập thể",
            registrant="CĐCS Công ty May 10", stt=4),
        row(model="Chợ phiên Công đoàn", field="nt", type_="nt", registrant="nt", stt=5)])
    assert result.rows == {"read": 5, "valid": 5, "rejected": 0, "ignored": 0}
    got = result.registrations
    assert got["model"].tolist() == ["Tiếng loa an toàn", "Tiếng loa an toàn", "Góc sách công nhân",
                                     "Bữa cơm Công đoàn", "Chợ phiên Công đoàn"]
    assert got["field"].tolist() == ["ANQP", "ANQP", "ANQP", "KT", "KT"]
    assert got["type"].tolist() == ["individual"] * 3 + ["collective"] * 2
    assert got["registrant"].tolist() == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
                                          "CĐCS Công ty May 10", "CĐCS Công ty May 10"]
    assert got["position"].tolist()[:3] == ["Tổ trưởng tổ tự quản"] * 3
    note = next(n for n in result.notes if "như trên" in n)
    assert note == (
        "Ô ghi dấu 'như trên' (nt, \", -//-) đã hiểu là giống dòng trên: cột 'Tên mô hình' "
        "dòng 6 lấy theo dòng 5 (Tiếng loa an toàn); cột 'Lĩnh vực' dòng 6, 7 lấy theo dòng 5 "
        "(An ninh - quốc phòng); cột 'Lĩnh vực' dòng 9 lấy theo dòng 8 (Kinh tế); cột 'Hình "
        "thức' dòng 6, 7 lấy theo dòng 5 (Cá nhân); cột 'Hình thức' dòng 9 lấy theo dòng 8 "
        "(Tập thể); cột 'Tên tập thể/cá nhân' dòng 9 lấy theo dòng 8 (CĐCS Công ty May 10); "
        "cột 'Chức vụ' dòng 6, 7 lấy theo dòng 5 (Tổ trưởng tổ tự quản); cột 'Cấp công đoàn' "
        "dòng 7 lấy theo dòng 6 (Cơ sở); cột 'Công đoàn cơ sở' dòng 7 lấy theo dòng 6 (CĐCS "
        "Công ty TNHH Ánh Dương); cột 'Thời gian thực hiện' dòng 7 lấy theo dòng 6 (01/2024 - "
        "12/2024); cột 'Kết quả' dòng 7 lấy theo dòng 6 (Hoàn thành).")


def test_a_ditto_mark_on_the_first_row_is_a_missing_value(tmp_path, context):
    result = _read(tmp_path, context, [row(field="nt", stt=1), row(model="Mô hình B", stt=2)])
    assert result.rows == {"read": 2, "valid": 1, "rejected": 1, "ignored": 0}
    assert result.rejections["column"].tolist() == ["Lĩnh vực"]
    assert result.rejections["error"].str.startswith("Thiếu 'Lĩnh vực'").tolist() == [True]
    assert any(n.endswith("cột 'Lĩnh vực' dòng 5: dòng trên không ghi gì, coi như ô để trống.")
               for n in result.notes)


def test_a_mark_under_a_field_heading_takes_the_heading_s_field(tmp_path, context):
    """L128: ``nt`` on the first row under ``II. VĂN HÓA - XÃ HỘI`` is no repeat of the row
    above the heading (Kinh tế) but a blank under the heading: its field. L132: ``nt`` under
    a blank level is a blank level, its default."""
    result = _read(tmp_path, context, [
        ["I. LĨNH VỰC KINH TẾ"] + [None] * 10,
        row(model="Mô hình A", field=None, stt=1),
        ["II. VĂN HÓA - XÃ HỘI"] + [None] * 10,
        row(model="Mô hình B", field="nt", level=None, grassroots=None, stt=2),
        row(model="Mô hình C", field="nt", level="nt", grassroots=None, stt=3)])
    assert result.rows == {"read": 5, "valid": 3, "rejected": 0, "ignored": 2}
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "VHXH"]
    assert result.registrations["level"].tolist()[1:] == ["cap_tren_co_so", "cap_tren_co_so"]


def test_a_name_holding_nt_is_a_name(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Mô hình A", registrant="CĐCS Trường Mầm non NT", stt=1),
        row(model="NT Xanh - nhà trọ an toàn", registrant="Nhà trẻ NT", stt=2)])
    assert result.rows["valid"] == 2
    assert result.registrations["registrant"].tolist() == ["CĐCS Trường Mầm non NT", "Nhà trẻ NT"]
    assert not any("như trên" in n for n in result.notes)


def test_a_position_mark_under_a_collective_is_a_missing_position(tmp_path, context):
    """L012: an individual's ``Chức vụ`` ``nt`` right under a collective (no position to
    repeat) is no position named ``nt``: the registration is rejected asking for it."""
    result = _read(tmp_path, context, [
        row(model="Mô hình A", type_="Cá nhân", registrant="Nguyễn Văn An",
            position="Chủ tịch CĐCS", stt=1),
        row(model="Mô hình B", stt=2),
        row(model="Mô hình C", type_="Cá nhân", registrant="Lê Thị Bình", position="nt", stt=3),
        row(model="Mô hình D", type_="Cá nhân", registrant="Trần Văn Cường", position="nt", stt=4)])
    assert result.rows == {"read": 4, "valid": 2, "rejected": 2, "ignored": 0}
    assert result.rejections["error"].str.startswith("Thiếu 'Chức vụ'").tolist() == [True, True]
    assert result.rejections["row"].tolist() == [7, 8]  # D's mark repeats C's, which has none
    assert result.registrations["model"].tolist() == ["Mô hình A", "Mô hình B"]


def test_ditto_marks_in_a_csv_as_excel_saves_them_are_read(tmp_path, context):
    """Excel saves a cell holding ``"`` as ``""""`` in a CSV; ``nt`` stays ``nt``."""
    from helpers import input_file

    lines = ["Mã đơn vị: Q-BD;;;;", "Năm: 2024;;;;",
             "STT;Tên mô hình;Lĩnh vực;Hình thức;Tên tập thể/cá nhân",
             "1;Bữa cơm Công đoàn;Kinh tế;Tập thể;CĐCS Công ty May 10",
             '2;Chợ phiên Công đoàn;"""";nt;CĐCS Công ty Dệt 8-3',
             "3;Góc sách công nhân;Văn hóa - xã hội;như trên;CĐCS Trường Tiểu học A"]
    path = tmp_path / "Q-BD_2024.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "KT", "VHXH"]
    assert result.registrations["type"].tolist() == ["collective"] * 3


def test_a_mark_of_twenty_characters_is_one_and_of_twenty_one_none():
    """The quick filter before the pattern lets the longest mark read (N208's ``như dòng
    trên`` is 13 characters, ``giống dòng trên`` 15) and stops the text one longer."""
    assert is_ditto("- giống dòng trên --") and len("- giống dòng trên --") == 20
    assert not is_ditto("-- giống dòng trên --")
    raw, labels = _frame(["Kinh tế", "- giống dòng trên --"], ["data", "data"])
    assert filled_from_ditto(raw, labels)[0]["field"].tolist() == ["Kinh tế", "Kinh tế"]


def test_the_marks_of_n208_in_the_field_column_are_read_and_told(tmp_path, context):
    """Fresh tester N's N208: ``-"-`` was read, ``—"—`` (em dash), ``như dòng trên`` and
    ``" "`` (a quote, a space, a quote) rejected "'—"—' không hợp lệ ở cột 'Lĩnh vực'"."""
    result = _read(tmp_path, context, [
        row(model="Mô hình A", field="Kinh tế", stt=1),
        row(model="Mô hình B", field='-"-', stt=2),
        row(model="Mô hình C", field="Văn hóa - xã hội", stt=3),
        row(model="Mô hình D", field='—"—', stt=4),
        row(model="Mô hình E", field="An ninh - quốc phòng", stt=5),
        row(model="Mô hình F", field="như dòng trên", stt=6),
        row(model="Mô hình G", field="Xây dựng hệ thống chính trị", stt=7),
        row(model="Mô hình H", field='" "', stt=8),
        row(model="Mô hình I", field="–\"–", stt=9),
        row(model="Mô hình J", field="như tr.", stt=10),
        row(model="Mô hình K", field=",,", stt=11)])
    assert result.rows == {"read": 11, "valid": 11, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "KT", "VHXH", "VHXH", "ANQP",
                                                      "ANQP", "XDHTCT"] + ["XDHTCT"] * 4
    assert any(n.endswith("cột 'Lĩnh vực' dòng 6 lấy theo dòng 5 (Kinh tế); cột 'Lĩnh vực' "
                          "dòng 8 lấy theo dòng 7 (Văn hóa - xã hội); cột 'Lĩnh vực' dòng 10 "
                          "lấy theo dòng 9 (An ninh - quốc phòng); cột 'Lĩnh vực' dòng 12, 13, "
                          "14, 15 lấy theo dòng 11 (Xây dựng hệ thống chính trị).")
               for n in result.notes)
