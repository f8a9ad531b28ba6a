"""A code typed letter by letter with dashes between (fresh tester's T137, T138, T132, T127:
``K-T``, ``T-T``, ``C-N``, ``C-S``, ``H-T``, ``T-B``, ``K-H-T`` rejected "'T-T' không hợp lệ ở
cột 'Hình thức'" while ``K.T``, ``K T``, ``C/N`` were read): the letters joined, read as the
code they spell and told, as with spaces and slashes (``thidua/ingest/values.py``,
``_SPLIT_LETTERS``; ``docs/contracts.md``, "Accepted values"). Names of two parts
(``VH-XH``, ``QP-AN``, ``Văn hóa - Xã hội``) read as before; letters naming two fields stay
asked."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import ingest_file
from thidua.ingest.values import AMBIGUOUS, EXACT, INTERPRETED, UNKNOWN, Reading, read_value


@pytest.mark.parametrize(("column", "text", "code"), [
    # T137
    ("field", "K-T", "KT"), ("field", "K - T", "KT"), ("field", "k-t", "KT"),
    ("field", "K–T", "KT"), ("field", "K—T", "KT"), ("field", "K_T", "KT"),
    ("field", "K-T.", "KT"), ("field", "Q-P", "ANQP"),
    ("type", "T-T", "collective"), ("type", "C-N", "individual"), ("type", "C - N", "individual"),
    ("type", "T–T", "collective"), ("type", "C–N", "individual"), ("type", "t_t", "collective"),
    # ``C-N.``: before, the dot made ``N.`` the beginning of ``Nhóm``, a collective
    ("type", "C-N.", "individual"),
    # T138, T127
    ("level", "C-S", "co_so"), ("level", "C - S", "co_so"), ("level", "C–S", "co_so"),
    ("level", "T-P", "thanh_pho"),
    ("result", "H-T", "hoan_thanh"), ("result", "H - T", "hoan_thanh"),
    ("result", "H–T", "hoan_thanh"), ("result", "T-B", "tieu_bieu"),
    ("result", "T - B", "tieu_bieu"), ("result", "K-H-T", "khong_hoan_thanh"),
    ("result", "C-Đ-G", "chua_danh_gia"),
])
def test_letters_joined_by_dashes_read_as_their_code_and_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, INTERPRETED)


@pytest.mark.parametrize("text", ["C-T-C-S", "C T C S", "C/T/C/S"])
def test_letters_spelling_a_code_exactly_are_not_asked_as_a_slip_from_two(text):
    # ``CTCS`` is Cấp trên cơ sở by its initials; before, the letters were compared as one
    # slip from ``CĐCS`` and from ``CTTCS`` and asked (T138: ``C-T-C-S``)
    assert read_value("level", text) == Reading("cap_tren_co_so", INTERPRETED)


@pytest.mark.parametrize(("column", "text", "code", "how"), [
    ("field", "VH-XH", "VHXH", EXACT), ("field", "QP-AN", "ANQP", EXACT),
    ("field", "AN-QP", "ANQP", EXACT), ("field", "Văn hóa - Xã hội", "VHXH", EXACT),
    ("field", "V-H-X-H", "VHXH", EXACT), ("field", "X-D-H-T-C-T", "XDHTCT", EXACT),
    ("level", "C-T-T-C-S", "cap_tren_co_so", EXACT), ("type", "T-T.", "collective", EXACT),
])
def test_names_of_two_parts_and_codes_read_before_read_as_before(column, text, code, how):
    assert (read_value(column, text).code, read_value(column, text).how) == (code, how)


@pytest.mark.parametrize(("column", "text", "how", "candidates"), [
    ("field", "KT-XH", AMBIGUOUS, ("KT", "VHXH")),  # two fields: asked, as before
    ("field", "K-T (VHXH)", AMBIGUOUS, ("KT", "VHXH")),  # the hint disagrees: asked
    ("type", "T-T (CN)", AMBIGUOUS, ("collective", "individual")),
    ("type", "K-T", UNKNOWN, ()), ("field", "T-T", UNKNOWN, ()),  # another column's code
    ("result", "K-T", UNKNOWN, ()), ("field", "Q-Z", UNKNOWN, ()), ("field", "K-T-X-H", UNKNOWN, ()),
])
def test_dashed_letters_naming_two_values_or_none_here_are_not_read(column, text, how,
                                                                      candidates):
    reading = read_value(column, text)
    assert (reading.code, reading.how, reading.candidates) == (None, how, candidates)


def test_a_hint_in_brackets_after_dashed_letters_that_agrees_reads():
    assert read_value("type", "C-N (Chủ tịch)") == read_value("type", "C/N")


def test_a_file_with_dashed_codes_counts_every_row_and_tells_each(tmp_path, context):
    rows = [reg(i) for i in range(3)]
    at = {name: HEADER.index(name) for name in ("Lĩnh vực", "Hình thức", "Kết quả")}
    rows[0][at["Lĩnh vực"]] = "K-T"
    rows[1][at["Hình thức"]] = "C-N"
    rows[2][at["Kết quả"]] = "T-B"
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (3, 0)
    assert result.registrations["field"].tolist()[0] == "KT"
    assert result.registrations["type"].tolist()[1] == "individual"
    assert result.registrations["result"].tolist()[2] == "tieu_bieu"
    assert result.interpreted == 3
    assert "Cột 'Lĩnh vực': 'K-T' (dòng 4) đã hiểu là 'Kinh tế'; nếu không đúng, đề nghị sửa " \
           "lại và gửi lại." in result.readings
    assert any(n.startswith("Cột 'Hình thức': 'C-N' (dòng 5) đã hiểu là 'Cá nhân'")
               for n in result.readings)
    assert any(n.startswith("Cột 'Kết quả': 'T-B' (dòng 6) đã hiểu là 'Tiêu biểu'")
               for n in result.readings)
