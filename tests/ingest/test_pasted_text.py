"""Text as it arrives from a web page, Word or a CSV viewer (fresh tester L's L055, L061,
L062, L063, L064, L065, L069, L070, L074, L140, L142): HTML references and tags, Excel's
``_xHHHH_`` escapes, Word's line breaks, quotes and bullets around a period, curly quotes in a
repeated name, and cells of nothing but a symbol."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import read_form, row
from thidua.ingest.duplicates import duplicate_key
from thidua.ingest.periods import parse_period, unwrapped
from thidua.ingest.registrant import split_position
from thidua.text import clean_text

YEAR = (dt.date(2024, 1, 1), dt.date(2024, 12, 31))


def _read(tmp_path, context, rows):
    return read_form(tmp_path, context, rows)


@pytest.mark.parametrize("text, clean", [
    ("Kinh&nbsp;tế", "Kinh tế"), ("T&#7853;p th&#7875;", "Tập thể"), ("C&aacute; nh&acirc;n", "Cá nhân"),
    ("X&acirc;y d&#x1EF1;ng", "Xây dựng"), ("Đối thoại &amp; thương lượng", "Đối thoại & thương lượng"),
    ("<b>Kinh tế</b>", "Kinh tế"), ("<p>Văn hóa - xã hội</p>", "Văn hóa - xã hội"),
    ('<span style="color:red">ANQP</span>', "ANQP"), ("<DIV>XDHTCT</DIV>", "XDHTCT"),
    ("Tập thể<br/>", "Tập thể"), ("Nguyễn Văn An_x000B_Chủ tịch", "Nguyễn Văn An Chủ tịch"),
    # Excel's escape of an underscore (hexadecimal, two digits above nine), a formatting tag
    # inside a word (no line end)
    ("Mã_x005F_x000B_", "Mã_x000B_"), ("Kinh t<b>ế</b>", "Kinh tế"),
    # look-alikes: no reference, no formatting tag
    ("R&D và A&B", "R&D và A&B"), ("<VHXH>", "<VHXH>"), ("Tổ 3 & 4", "Tổ 3 & 4"),
    ("a<b", "a<b"), ("&abc", "&abc"), ("x_x00_y", "x_x00_y"), ("<script>x</script>", "<script>x</script>"),
])
def test_escapes_are_undone_in_every_cell(text, clean):
    assert clean_text(text) == clean


@pytest.mark.parametrize("text", ["Nguyễn Văn An\u2028Chủ tịch CĐCS", "Nguyễn Văn An\u2029Chủ tịch CĐCS",
                                  "Nguyễn Văn An_x000B_Chủ tịch CĐCS", "Nguyễn Văn An\x0bChủ tịch CĐCS",
                                  "Nguyễn Văn An<br>Chủ tịch CĐCS", "Nguyễn Văn An\nChủ tịch CĐCS"])
def test_a_position_after_any_line_break_is_the_position(text):
    assert split_position(text) == ("Nguyễn Văn An", "Chủ tịch CĐCS")


def test_a_name_on_two_lines_without_a_position_is_no_split():
    assert split_position("Nguyễn Văn\u2028An") is None


@pytest.mark.parametrize("text", [
    '"01/2024 - 12/2024"', "“01/2024 - 12/2024”", "(01/2024 - 12/2024)", "[01/2024 - 12/2024]",
    "«01/2024 - 12/2024»", "‘01/2024 - 12/2024’", "'01/2024 - 12/2024'", "{01/2024 - 12/2024}",
    "- 01/2024 - 12/2024", "* 01/2024 - 12/2024", "+ 01/2024 - 12/2024", "• 01/2024 - 12/2024",
    "•01/2024 - 12/2024", "– 01/2024 - 12/2024", '• "01/2024 - 12/2024"', "“(01/2024 - 12/2024)”"])
def test_a_period_wrapped_in_quotes_or_after_a_bullet_is_read(text):
    assert parse_period(text, 2024) == YEAR


@pytest.mark.parametrize("text, left", [
    ("01/2024 - 12/2024 (đang thực hiện)", "01/2024 - 12/2024 (đang thực hiện)"),
    ("(Quý 1) - (Quý 4)", "(Quý 1) - (Quý 4)"), ("-01/2024", "-01/2024"), ('"a" và "b"', '"a" và "b"'),
    ("()", "()"), ("“x”", "x"),
    # an opening mark again right after the first: no wrap of the whole; three wraps at most
    ("((01/2024 - 12/2024)", "((01/2024 - 12/2024)"),
    ("(01/2024 - 12/2024()", "(01/2024 - 12/2024()"),
    ("()01/2024 - 12/2024)", "()01/2024 - 12/2024)"),
    ("(01/2024) - 12/2024)", "(01/2024) - 12/2024)"),
    ("(01/2024 - 12/2024))", "(01/2024 - 12/2024))"),
    ('“"([01/2024 - 12/2024])"”', "[01/2024 - 12/2024]")])
def test_only_marks_wrapping_the_whole_cell_are_taken_off(text, left):
    assert unwrapped(text) == left


def test_curly_quotes_and_references_do_not_hide_a_repeated_name():
    assert duplicate_key("Mô hình “Bữa cơm công đoàn” – nghĩa tình") == duplicate_key(
        'Mô hình "Bữa cơm công đoàn" - nghĩa tình')
    assert duplicate_key("Mô hình «An toàn» ") == duplicate_key("mô hình an toàn")
    assert duplicate_key("Đối thoại &amp; thương lượng") == duplicate_key("Đối thoại & thương lượng")
    assert duplicate_key("Tổ 3 và 4") != duplicate_key("Tổ 3 và 5")


def test_web_text_in_a_file_is_read_and_a_repeat_rejected(tmp_path, context):
    result = _read(tmp_path, context, [
        row(model="Đối thoại &amp; thương lượng tập thể", field="Kinh&nbsp;tế", type_="<b>Tập thể</b>",
            period='"01/2024 - 12/2024"', stt=1),
        row(model="Mô hình “Bữa cơm công đoàn” – nghĩa tình", field="V&#259;n h&oacute;a - x&atilde; h&#7897;i",
            type_="T&#7853;p th&#7875;", period="• 01/2024 - 12/2024", stt=2),
        row(model="Đối thoại & thương lượng tập thể", stt=3),
        row(model='Mô hình "Bữa cơm công đoàn" - nghĩa tình', field="VHXH", stt=4)])
    assert result.rows == {"read": 4, "valid": 2, "rejected": 2, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "VHXH"]
    assert result.registrations["model"].tolist() == ["Đối thoại & thương lượng tập thể",
                                                      "Mô hình “Bữa cơm công đoàn” – nghĩa tình"]
    assert result.rejections["row"].tolist() == [7, 8]  # the repeats of rows 5 and 6


@pytest.mark.parametrize("symbol", ["•", "*", "?", "✓", "√", "#", "▪", "“”", "+", "...?"])
def test_a_symbol_alone_is_no_registrant_nor_position(tmp_path, context, symbol):
    result = _read(tmp_path, context, [
        row(model="Mô hình A", registrant=symbol, stt=1),
        row(model="Mô hình B", type_="Cá nhân", registrant="Lê Thị Bình", position=symbol, stt=2),
        row(model="Mô hình C", type_="Cá nhân", registrant="Trần Văn Cường", position="Tổ trưởng", stt=3)])
    assert result.rows == {"read": 3, "valid": 1, "rejected": 2, "ignored": 0}
    assert result.rejections["error"].str.extract(r"^(Thiếu '[^']+')")[0].tolist() == [
        "Thiếu 'Tên tập thể/cá nhân'", "Thiếu 'Chức vụ'"]
