"""Words before a coded value (fresh tester's T126: level ``Thuộc cấp cơ sở`` rejected its
registration "không hợp lệ"): ``Thuộc``, ``Thuộc về``, ``Là`` before a value
(:data:`schemas.form.VALUE_LEADS`) are read past, the value told (``thidua/ingest/values.py``,
``_LEAD``; ``docs/contracts.md``, "Accepted values"); what follows them must read as a value,
two values stay asked. ``Đơn vị cơ sở`` (a grassroots unit) is ``Cơ sở``, told."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.values import AMBIGUOUS, EXACT, INTERPRETED, UNKNOWN, read_value


@pytest.mark.parametrize(("column", "text", "code"), [
    ("level", "Thuộc cấp cơ sở", "co_so"), ("level", "thuộc cấp cơ sở", "co_so"),
    ("level", "THUỘC CẤP CƠ SỞ", "co_so"), ("level", "thuoc cap co so", "co_so"),
    ("level", "Thuộc cơ sở", "co_so"), ("level", "Thuộc: Cơ sở", "co_so"),
    ("level", "Là cơ sở", "co_so"), ("level", "Thuộc cấp trên cơ sở", "cap_tren_co_so"),
    ("level", "Thuộc về cấp trên trực tiếp cơ sở", "cap_tren_co_so"),
    ("level", "Là cấp trên", "cap_tren_co_so"), ("level", "Thuộc cấp thành phố", "thanh_pho"),
    ("level", "Thuộc LĐLĐ quận", "cap_tren_co_so"),  # then a word meaning a value
    ("level", "Thuộc CĐCS Trường THCS Láng", "co_so"),  # then a value and words of its own
    ("level", "Đơn vị cơ sở", "co_so"),
    ("type", "Là cá nhân", "individual"), ("type", "Thuộc tập thể", "collective"),
    ("field", "Là kinh tế", "KT"), ("result", "Là hoàn thành", "hoan_thanh"),
])
def test_a_value_after_lead_words_is_read_and_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, INTERPRETED)


@pytest.mark.parametrize(("column", "text", "code"), [
    ("type", "- Là cá nhân", "individual"), ("type", "• Thuộc tập thể", "collective"),
    ("level", "- Thuộc cấp cơ sở", "co_so"), ("level", "+ Thuộc: Cơ sở", "co_so"),
])
def test_lead_words_after_a_bullet_are_read_and_told(column, text, code):
    """Fresh tester U's U092: ``- Là cá nhân`` was rejected though ``- Cá nhân`` and ``Là cá
    nhân`` were read."""
    found = read_value(column, text)
    assert (found.code, found.how, found.candidates) == (code, INTERPRETED, ())


@pytest.mark.parametrize(("column", "text", "how", "candidates"), [
    ("type", "Là tập thể, cá nhân", AMBIGUOUS, ("collective", "individual")),
    ("field", "Là Văn hóa - Kinh tế", AMBIGUOUS, ("KT", "VHXH")),
    ("field", "Thuộc KT-XH", AMBIGUOUS, ("KT", "VHXH")),
    ("level", "Thuộc", UNKNOWN, ()), ("level", "Thuộc Công ty ABC", UNKNOWN, ()),
    ("level", "Làm cơ sở", UNKNOWN, ()),  # ``Làm`` is no ``Là``
    ("type", "Là KT", UNKNOWN, ()),  # a field's code, in the type column
    ("result", "Là xuất sắc", UNKNOWN, ()),  # a bare grade stays rejected
    ("result", "Xuất sắc", UNKNOWN, ()),
])
def test_lead_words_before_two_values_or_none_read_nothing(column, text, how, candidates):
    reading = read_value(column, text)
    assert (reading.code, reading.how, reading.candidates) == (None, how, candidates)


def test_thuoc_before_a_field_is_still_a_filler_read_as_written():
    assert read_value("field", "Thuộc kinh tế") == read_value("field", "Kinh tế")
    assert read_value("field", "Thuộc kinh tế").how == EXACT


def test_a_file_with_a_level_after_lead_words_counts_the_row_and_tells_it(tmp_path, context):
    rows = [reg(i) for i in range(2)]
    at = HEADER.index("Cấp công đoàn")
    rows[0][at] = "Thuộc cấp cơ sở"
    rows[1][at] = "Thuộc cấp trên cơ sở"
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 0)
    assert result.registrations["level"].tolist() == ["co_so", "cap_tren_co_so"]
    assert result.interpreted == 2
    assert "Cột 'Cấp công đoàn': 'Thuộc cấp cơ sở' (dòng 4) đã hiểu là 'Cơ sở'; nếu không " \
           "đúng, đề nghị sửa lại và gửi lại." in result.readings
    assert any(n.startswith("Cột 'Cấp công đoàn': 'Thuộc cấp trên cơ sở' (dòng 5) đã hiểu là "
                            "'Cấp trên trực tiếp cơ sở'") for n in result.readings)
