"""Coded values written in English (a foreign-invested company's union in an industrial zone,
fresh tester O's O158 and O172): ``Economy``, ``Culture and society``, ``Security and
defence``, ``Political system``; ``Collective``, ``Individual``, ``Group``; ``City``,
``Grassroots``; ``Completed``, ``Exemplary``. Before, each registration was rejected ("không
hợp lệ ở cột 'Lĩnh vực'"). They are read by meaning (``schemas/form.py``,
``VALUE_READINGS``) and always told ("đã hiểu là …"), never read silently."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import write_csv
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.values import read_value

READ = [
    ("field", "Economy", "KT"), ("field", "Economic", "KT"), ("field", "ECONOMICS", "KT"),
    ("field", "Economic development", "KT"),
    ("field", "Culture and society", "VHXH"), ("field", "Culture - Society", "VHXH"),
    ("field", "culture & society", "VHXH"), ("field", "Socio-cultural", "VHXH"),
    ("field", "Security and defence", "ANQP"), ("field", "Defense and security", "ANQP"),
    ("field", "Security", "ANQP"),
    ("field", "Political system", "XDHTCT"), ("field", "Building the political system", "XDHTCT"),
    ("type", "Collective", "collective"), ("type", "Group", "collective"),
    ("type", "Team", "collective"), ("type", "Individual", "individual"),
    ("type", "Personal", "individual"), ("type", "Person", "individual"),
    ("level", "City", "thanh_pho"), ("level", "District level", "cap_tren_co_so"),
    ("level", "Grassroots", "co_so"), ("level", "Grassroots union", "co_so"),
    ("result", "Completed", "hoan_thanh"), ("result", "Done", "hoan_thanh"),
    ("result", "Exemplary", "tieu_bieu"), ("result", "Not completed", "khong_hoan_thanh"),
    ("result", "Failed", "khong_hoan_thanh"), ("result", "Not evaluated", "chua_danh_gia"),
    ("result", "In progress", "chua_danh_gia"),
]


@pytest.mark.parametrize("column, text, code", READ)
def test_an_english_value_is_read_by_its_meaning_and_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, "interpreted")


@pytest.mark.parametrize("column, text", [
    ("field", "Economy and security"),  # two fields: never one of them
    ("type", "Collective individual"),
    ("result", "Excellent"),  # a bare grade, as "Xuất sắc" (schemas/form.py)
    ("field", "Environment"),
])
def test_what_names_two_values_or_none_is_not_read(column, text):
    assert read_value(column, text).code is None


def test_a_list_written_in_english_counts_every_registration(tmp_path, context):
    rows = regs(4)
    for row, (field, type_) in zip(rows, [("Economy", "Collective"),
                                          ("Culture and society", "Individual"),
                                          ("Security and defence", "Group"),
                                          ("Political system", "Person")]):
        row[2], row[3] = field, type_
        row[5] = row[5] or ("Chủ tịch" if type_ in ("Individual", "Person") else "")
    path = tmp_path / "Q-HK_dk.csv"
    write_csv(path, [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 4, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]
    assert result.registrations["type"].tolist() == [
        "collective", "individual", "collective", "individual"]
    assert any("'Economy' (dòng 4) đã hiểu là 'Kinh tế'" in r for r in result.readings)
