"""A coded value of which some words were typed with the Vietnamese mode of the keyboard off
and the others with it on (fresh tester's T131: ``Vawn hóa - xax hội``, ``Xây dựng heej
thoongs chính trị``, ``Xaay duwngj hệ thống chính trị`` rejected "không hợp lệ" while the
same words all typed off, ``Vawn hoas - xax hooji``, were read): the words typed off are
turned back, the others kept, the value read and told (``thidua/ingest/keyboard.py``,
``typed_off``; ``docs/contracts.md``, "Accepted values")."""

from __future__ import annotations

import unicodedata
from itertools import combinations

import pytest

from corpus_rows import HEADER, reg
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from schemas.form import VALUE_NAMES
from thidua.ingest.files import ingest_file
from thidua.ingest.keyboard import typed_off
from thidua.ingest.values import AMBIGUOUS, INTERPRETED, UNKNOWN, read_value

#: The keys of each mark: (Telex, VNI). Circumflex is the vowel typed twice in Telex.
_MARKS = {"\u0301": ("s", "1"), "\u0300": ("f", "2"), "\u0309": ("r", "3"),
          "\u0303": ("x", "4"), "\u0323": ("j", "5"), "\u0302": (None, "6"),
          "\u031b": ("w", "7"), "\u0306": ("w", "8")}


def keys_of(word: str, vni: bool = False) -> str:
    """The keys a writer presses for ``word`` with the Vietnamese mode off: a vowel's shape
    right after it (``aa``, ``aw``, ``a8``), ``dd``/``d9`` for ``đ``, the tone at the word's
    end (``Vawn``, ``duwngj``, ``Va8n``, ``te61``)."""
    out, tone = [], ""
    for char in word:
        base, *marks = unicodedata.normalize("NFD", char)
        if base in "đĐ":
            out.append(("D" if base == "Đ" else "d") + ("9" if vni else "d"))
            continue
        out.append(base)
        for mark in marks:
            telex, digit = _MARKS[mark]
            if mark in "\u0301\u0300\u0309\u0303\u0323":
                tone = digit if vni else telex
            else:
                out.append(digit if vni else (telex or base.lower()))
    return "".join(out) + tone


def _mixed(text: str, vni: bool = False, upto: int = 2):
    """``text`` with one word, then two words, typed off (each word that has a mark)."""
    words = text.split(" ")
    marked = [i for i, w in enumerate(words) if keys_of(w, vni) != w]
    for n in range(1, upto + 1):
        for chosen in combinations(marked, n):
            yield " ".join(keys_of(w, vni) if i in chosen else w for i, w in enumerate(words))


CASES = [(column, typed, code) for column, names in VALUE_NAMES.items()
         for code, name in names.items() for typed in _mixed(name)]


def test_the_keys_are_what_a_writer_types():
    assert [keys_of(w) for w in ("Văn", "xã", "hệ", "thống", "dựng", "Xây", "Đảng")] == \
        ["Vawn", "xax", "heej", "thoongs", "duwngj", "Xaay", "Ddangr"]
    assert [keys_of(w, vni=True) for w in ("Văn", "tế", "đánh")] == ["Va8n", "te61", "d9anh1"]
    assert len(CASES) > 60


@pytest.mark.parametrize(("column", "text", "code"), CASES)
def test_every_value_with_one_or_two_words_typed_off_in_telex_is_read_and_told(column, text,
                                                                                code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, INTERPRETED)


@pytest.mark.parametrize(("column", "text", "code"), [
    (column, typed, code) for column, names in VALUE_NAMES.items()
    for code, name in names.items() for typed in _mixed(name, vni=True, upto=1)])
def test_every_value_with_a_word_typed_off_in_vni_is_read_and_told(column, text, code):
    reading = read_value(column, text)
    assert (reading.code, reading.how) == (code, INTERPRETED)


@pytest.mark.parametrize(("column", "text", "code"), [
    # T131, as the tester wrote them
    ("field", "Vawn hóa - xax hội", "VHXH"), ("field", "Xây dựng heej thoongs chính trị", "XDHTCT"),
    ("field", "Xaay duwngj hệ thống chính trị", "XDHTCT"),
    ("field", "An ninh - quốc phofng", "ANQP"), ("field", "Va8n hóa - xã hội", "VHXH"),
    ("field", "Xây dựng Ddangr", "XDHTCT"), ("type", "Tập theer", "collective"),
    ("level", "Cấp treen cơ sở", "cap_tren_co_so"), ("result", "Hoàn thanhf", "hoan_thanh"),
])
def test_the_testers_mixed_values_read_and_told(column, text, code):
    assert (read_value(column, text).code, read_value(column, text).how) == (code, INTERPRETED)


@pytest.mark.parametrize(("text", "meant"), [
    ("Vawn hóa - xax hội", ("Văn hóa - xã hội",)),
    ("Xây dựng heej thoongs chính trị", ("Xây dựng hệ thống chính trị",)),
    ("Va8n hóa", ("Văn hóa",)), ("Kinh tế", ()), ("Kinh tees ✓", ()), ("Văn hóa ✓ xax", ()),
])
def test_typed_off_turns_back_the_ascii_words_and_keeps_the_others(text, meant):
    assert typed_off(text) == meant


@pytest.mark.parametrize(("column", "text", "how", "candidates"), [
    # two fields once turned back: asked (before, ``Văn hóa - Kinh tees`` was ``Văn hóa`` by
    # its first words)
    ("field", "Văn hóa - Kinh tees", AMBIGUOUS, ("KT", "VHXH")),
    ("field", "Vawn hóa - Kinh tế", AMBIGUOUS, ("KT", "VHXH")),
    ("field", "Tập theer", UNKNOWN, ()), ("result", "Xuất sawcs", UNKNOWN, ()),
])
def test_mixed_values_naming_two_values_or_another_columns_are_not_read(column, text, how,
                                                                        candidates):
    reading = read_value(column, text)
    assert (reading.code, reading.how, reading.candidates) == (None, how, candidates)


def test_a_file_with_a_mixed_value_counts_the_row_and_tells_it(tmp_path, context):
    rows = [reg(i) for i in range(2)]
    at = HEADER.index("Lĩnh vực")
    rows[0][at] = "Vawn hóa - xax hội"
    rows[1][at] = "Xây dựng heej thoongs chính trị"
    path = tmp_path / "Q-HK_dk.xlsx"
    write_xlsx(path, [Sheet("DS", [["Mã đơn vị: Q-HK"], ["Năm: 2024"], HEADER, *rows])])
    result = ingest_file(input_file(path), context)
    assert (result.rows["valid"], result.rows["rejected"]) == (2, 0)
    assert result.registrations["field"].tolist() == ["VHXH", "XDHTCT"]
    assert result.interpreted == 2
    assert "Cột 'Lĩnh vực': 'Vawn hóa - xax hội' (dòng 4) đã hiểu là 'Văn hóa - xã hội'; nếu " \
           "không đúng, đề nghị sửa lại và gửi lại." in result.readings
    assert any(n.startswith("Cột 'Lĩnh vực': 'Xây dựng heej thoongs chính trị' (dòng 5) đã "
                            "hiểu là 'Xây dựng hệ thống chính trị'") for n in result.readings)


@pytest.mark.parametrize(("column", "text", "code"), [
    ("type", "Tập theer (CĐCS)", "collective"), ("level", "Cơ sowr (CĐCS)", "co_so"),
    ("field", "Kinh tees (KT)", "KT"), ("result", "Tiêu bieeur (đề nghị khen)", "tieu_bieu"),
    ("level", "Cơ sowr - Công ty Nam Thành", "co_so"), ("type", "Cas nhaan - Chủ tịch", "individual"),
    ("field", "Vawn hoas - xax hooji (VHXH)", "VHXH"),
])
def test_a_word_typed_off_beside_brackets_or_words_of_the_unit_is_read_and_told(column, text,
                                                                                 code):
    """Fresh tester U's U081, U084, U085, U096: each fix alone read, the two together
    rejected ("'Tập theer (CĐCS)' không hợp lệ")."""
    found = read_value(column, text)
    assert (found.code, found.how, found.candidates) == (code, INTERPRETED, ())


@pytest.mark.parametrize(("column", "text", "candidates"), [
    ("field", "Kinh tees (VHXH)", ("KT", "VHXH")),    # a hint naming another field: asked
    ("field", "Kinh tees - Văn hóa", ("KT", "VHXH")),  # two fields, one typed off: asked
])
def test_typed_off_with_another_value_beside_it_is_asked(column, text, candidates):
    found = read_value(column, text)
    assert (found.code, found.how, tuple(found.candidates)) == (None, AMBIGUOUS, candidates)


@pytest.mark.parametrize(("column", "text", "code"), [
    ("field", "Kinh tees – KT", "KT"), ("type", "Cas nhaan – Chủ tịch", "individual"),
    ("level", "Cow sowr – Công ty Nam Thành", "co_so"), ("result", "Hoanf thanhf – đã nghiệm thu",
                                                          "hoan_thanh"),
    ("type", "Ta65p the63 – LĐLĐ quận", "collective"),                       # VNI, en dash
    ("field", "Kinh tees/KT", "KT"), ("type", "Cas nhaan / CN", "individual"),
    ("level", "Cow sowr/CĐCS", "co_so"), ("result", "Hoanf thanhf / HT", "hoan_thanh"),
    ("field", '"Kinh tees"', "KT"), ("type", "“Cas nhaan”", "individual"),
    ("field", "[Kinh tees]", "KT"), ("type", "+ Cas nhaan", "individual"),
    ("type", "Cas nhaan!", "individual"), ("type", "Cas nhaan *", "individual"),
    ("type", "Cas nhaan|CN", "individual"),
])
def test_typed_off_beside_punctuation_a_writer_puts_around_a_value_is_read(column, text, code):
    """Fresh tester V's V016–V019: an en dash, a slash, quotes, square brackets or ``!`` beside
    a word typed off rejected the row, though each was read in Unicode."""
    found = read_value(column, text)
    assert (found.code, found.how, found.candidates) == (code, INTERPRETED, ())


@pytest.mark.parametrize("text, meant", [
    ("Kinh tees – KT", ("Kinh tế – KT",)), ("“Cas nhaan”", ("“Cá nhân”",)),
    ("[Kinh tees]", ("[Kinh tế]",)), ("Kinh tees ✓", ()), ("Kinh te", ()),
])
def test_punctuation_stands_between_words_typed_off(text, meant):
    assert typed_off(text) == meant
