"""Wide text told and decoded in this process (:mod:`thidua.ingest.widetext`; ``ingest_file``
reads a file in a worker process, which a mutation run cannot see): UTF-32 told by its bytes
just inside and outside the 8.192 looked at, two characters at least, a character cut short, a
byte that is not NUL where three are due; the reasons of text that does not decode word for
word (UTF-32 cut one, two or three bytes into a character, UTF-16 cut between the halves of a
pair, a broken character named by its byte); UTF-16 that is no markup left as it is; a second
byte-order mark dropped (issue 14)."""

from __future__ import annotations

import pytest

from test_wide_text import CUT, LE, PAGE, UTF16, WEB, _xml
from thidua.ingest.limits import number
from thidua.ingest.widetext import TEXT, as_utf8, undecodable, utf32_pattern
from thidua.ingest.workbook import FileRejected


def rejected(data: bytes, suffix: str = ".xls") -> str:
    with pytest.raises(FileRejected) as caught:
        as_utf8(data, suffix)
    return str(caught.value)


# --- UTF-32 told by its bytes ----------------------------------------------------------------

@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_two_whole_characters_are_enough_one_is_not(codec):
    assert utf32_pattern("<h".encode(codec)) == codec  # 8 bytes
    assert utf32_pattern("<h".encode(codec)[:7]) is None  # one whole character
    assert utf32_pattern("<".encode(codec)) is None


@pytest.mark.parametrize(("data", "codec"), [
    ("<h".encode("utf-32-le") + b"\x00", "utf-32-le"),  # 9 bytes: a character starting NUL
    ("<h".encode("utf-32-be") + "\U0001f600".encode("utf-32-be")[:2], "utf-32-be"),  # 00 01
    ("<html>".encode("utf-32-le")[:-1], "utf-32-le"),
    ("<html>".encode("utf-32-be")[:-3], "utf-32-be"),
])
def test_a_character_cut_short_at_the_end_is_left_out(data, codec):
    """A file cut short is told as what it was (and then rejected as cut short)."""
    assert utf32_pattern(data) == codec


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_only_the_first_8192_bytes_are_looked_at(codec):
    assert utf32_pattern(("a" * 2047 + "\x00").encode(codec)) is None  # bytes 8.189-8.192
    assert utf32_pattern(("a" * 2048 + "\x00").encode(codec)) == codec  # bytes 8.193-8.196
    assert utf32_pattern(("a" * 2048 + "\x00").encode(codec)[:8195]) == codec


@pytest.mark.parametrize("byte", [b"\x01", b"X", b"\xff"])
@pytest.mark.parametrize(("codec", "at"), [("utf-32-le", 2), ("utf-32-le", 3),
                                           ("utf-32-be", 0), ("utf-32-be", 1)])
def test_a_byte_not_nul_where_three_nuls_are_due_is_not_utf32(codec, at, byte):
    data = bytearray("<html>".encode(codec))
    assert utf32_pattern(bytes(data)) == codec
    data[4 + at:5 + at] = byte  # in the second character, "h"
    assert utf32_pattern(bytes(data)) is None


@pytest.mark.parametrize("data", [
    "<html>".encode("utf-16-be"), "XXXX".encode("utf-16-le"), "XXXX".encode("utf-16-be"),
    "<\x00html>".encode("utf-32-be"),  # a NUL character
])
def test_utf16_text_and_a_nul_character_are_not_utf32(data):
    assert utf32_pattern(data) is None


def test_a_control_character_is_a_character():
    assert utf32_pattern("<\x01html>".encode("utf-32-be")) == "utf-32-be"
    assert utf32_pattern("<\x01html>".encode("utf-32-le")) == "utf-32-le"


# --- the reasons of text that does not decode ------------------------------------------------

@pytest.mark.parametrize("cut", [1, 2, 3])
def test_utf32_cut_into_its_last_character_is_said_so(cut):
    data = "<html>".encode("utf-32")[:-cut]  # 28 bytes whole (its mark, six characters)
    message = CUT.format(kind=WEB, name="UTF-32",
                         odd=f", {28 - cut} byte: số byte không chia hết cho 4")
    assert undecodable(data) == message
    assert rejected(data) == message


def test_utf16_cut_between_the_halves_of_a_pair_is_cut_short_with_an_even_length():
    data = UTF16["le-bom"]("<html>\U0001f600")[:-2]  # the high half: 16 bytes
    message = CUT.format(kind=WEB, name="UTF-16", odd="")
    assert undecodable(data) == message
    assert rejected(data) == message


@pytest.mark.parametrize(("at", "told"), [(0, 1), (100, 101)])
def test_a_broken_character_is_named_by_its_first_byte(at, told):
    data = UTF16["le"](PAGE)
    data = data[:at] + b"\x01\xdc" + data[at + 2:]  # a low half alone, U+DC01
    kind = WEB if at else TEXT  # its "<" broken: no page
    message = (f"Tệp là {kind}, lưu bằng mã UTF-16, nhưng có ký tự hỏng ở byte thứ {told} "
               f"(không giải mã được) nên chữ trong tệp không đọc được. Đề nghị mở tệp bằng "
               f"Excel, lưu dạng .xlsx (hoặc xuất lại tệp từ phần mềm) rồi gửi lại.")
    assert undecodable(data) == message
    if kind == WEB:  # (a text table is the CSV reader's, which rejects it the same)
        assert rejected(data) == message
    else:
        assert as_utf8(data, ".xls") is data


def test_a_broken_character_of_a_marked_file_counts_the_mark():
    data = UTF16["le-bom"](PAGE)
    data = data[:100] + b"\x00\xdc" + data[102:]
    assert f"ở byte thứ {number(101)} (không" in rejected(data)


def test_wide_text_that_decodes_has_no_reason():
    assert undecodable(UTF16["le-bom"](PAGE)) is None
    assert undecodable("<html>".encode("utf-32-be")) is None
    assert undecodable(PAGE.encode("utf-8")[:-1]) is None  # no wide text


# --- what is passed on ----------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".xls", ".csv"])
@pytest.mark.parametrize("data", [UTF16["le-bom"]("\x07\x07abc"), b"\xff\xfe"])
def test_utf16_that_is_no_markup_is_left_as_it_is_even_when_not_text(data, suffix):
    """The CSV reader or the workbook reader says what it is."""
    assert as_utf8(data, suffix) is data


def test_a_second_byte_order_mark_is_dropped_too():
    """A writer that put the mark before text that had one: the declaration is still seen."""
    twin = as_utf8(LE + LE + _xml().encode("utf-16-le"), ".xls")
    assert twin == _xml('<?xml version="1.0" encoding="UTF-8"?>').encode("utf-8")
    assert as_utf8(LE + "\ufeff<html>".encode("utf-16-le") + LE, ".xls") == \
        "<html>\ufeff".encode("utf-8")  # one at the end is text


def test_utf32_is_passed_on_whatever_it_is():
    data = "a;b\r\n1;2\r\n".encode("utf-32-le")
    assert as_utf8(data, ".csv") == b"a;b\r\n1;2\r\n"
    assert as_utf8(data, ".xls") == b"a;b\r\n1;2\r\n"
