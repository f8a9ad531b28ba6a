"""Title lines typed in the table's place (:func:`thidua.ingest.titleblock.is_title_line`, an
extension of ``spec/submission-form.md``, "Title block", in ``docs/contracts.md``), row by
row: the rows that tell apart the mutants ``test_title_lines.py`` let live (issue 14.5,
``bash scripts/mutation.sh titleblock``). Each value is read as :func:`parse_title` reads it
after its label: with a colon any code or unreadable date is kept, without one only a value
of its label's shape."""

from __future__ import annotations

import pytest

from thidua.ingest.titleblock import is_title_line, parse_title


@pytest.mark.parametrize("cells", [
    [None, "  ", "Mã đơn vị: Q-HK"],          # blank cells before the first text
    ["   Mã đơn vị: Q-HK"],                    # spaces before the label
    ["Năm", ":", "2023"],                      # the colon in a cell of its own, then a year
    ["Năm:", "2023"],                          # the label's value in the next cell
    ["Mã đơn vị: Quận Ba Đình"],               # after a colon any code is kept
    ["Ngày gửi: hôm qua"],                     # after a colon an unreadable date is kept
    # each line of a cell typed with Alt+Enter is read on its own, whatever its line break
    ["Năm: 2024\nMã đơn vị Q-HK"], ["Năm: 2024\r\nMã đơn vị Q-HK"], ["Năm: 2024\rMã đơn vị Q-HK"],
])
def test_rows_of_labelled_values_are_title_lines(cells):
    assert is_title_line(cells) is True


@pytest.mark.parametrize("cells", [
    ["Năm:"], ["Mã đơn vị:"], ["Năm", ":"],    # a label without a value
    ["Năm:", "Mã đơn vị: Q-HK"],               # a label whose next cell is another label
    ["Năm 2024", ":", "Mã đơn vị: Q-HK"],      # a lone colon after a value is no title text
    ["Năm: 2024", "Mã đơn vị Quận Ba Đình"],   # without a colon, a code must look like one
    ["Năm: 2024", "Ngày gửi hôm qua"],         # … and a date must read
])
def test_rows_with_a_label_saying_nothing_are_not_title_lines(cells):
    assert is_title_line(cells) is False


def test_what_the_title_lines_above_say_as_parse_title_reads_them():
    """The values behind the verdicts above (``Năm: 2024`` then ``Mã đơn vị Q-HK`` typed as
    two lines: two labels; a colon keeps a code of any shape, its absence drops it)."""
    assert parse_title([["Năm: 2024", "Mã đơn vị Q-HK"]]).unit_code == "Q-HK"
    assert parse_title([["Mã đơn vị: Quận Ba Đình"]]).unit_code == "QUẬN BA ĐÌNH"
    assert parse_title([["Mã đơn vị Quận Ba Đình"]]).unit_code is None
    assert parse_title([["Ngày gửi: hôm qua"]]).sent_text == "hôm qua"
    assert parse_title([["Ngày gửi hôm qua"]]).sent_text is None


# --- an invisible character before the label (bug found by the mutant of the fast check) ---
@pytest.mark.parametrize("cells", [
    ["\u200bNăm: 2024"], ["\u00adMã đơn vị: Q-HK - Năm: 2023"], ["\ufeffNgày gửi: 05/12/2024"],
    ["\u200b", "Mã đơn vị: Q-HK"],           # a cell holding a zero-width space only is blank
    ["Ńăm: 2024"],                            # a letter read without its accent, as by _label
])
def test_an_invisible_character_before_a_label_is_no_text(cells):
    """:func:`thidua.text.clean_text` (and so :func:`parse_title`) drops zero-width spaces,
    soft hyphens and BOMs: the row's first letter is the label's, as for ``Năm: 2024``."""
    assert is_title_line(cells) is True


@pytest.mark.parametrize("cells", [["\u200bNguyễn Văn A"], ["\u200b", "Nguyễn Văn A"],
                                   ["\u200b", 1, "Mã đơn vị: Q-HK"]])
def test_an_invisible_character_before_other_text_changes_nothing(cells):
    assert is_title_line(cells) is False


def test_a_title_line_with_a_zero_width_space_after_the_table_is_ignored_never_rejected(
        tmp_path, context):
    from corpus_rows import HEADER, regs
    from corpus_writers import Sheet, write_xlsx
    from helpers import input_file
    from thidua.ingest.files import USED, ingest_file

    line = ["\u200bMã đơn vị: Q-DD", None, None, None, None, None, None, None, "Năm: 2024"]
    write_xlsx(tmp_path / "Q-DD_dk.xlsx", [Sheet("DS", [HEADER, *regs(3), line])])
    result = ingest_file(input_file(tmp_path / "Q-DD_dk.xlsx"), context)
    assert (result.status, result.unit) == (USED, "Q-DD")
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.ignored["title"] == 1
    assert result.rejections.empty


def test_a_unit_s_name_alone_is_a_title_line_only_with_the_registry_s_names():
    """``names`` reaches :func:`title_line_kind`: a line holding only a unit's whole name is a
    title line with the registry's names, and none without them (``test_pasted_units.py``
    checks the names' forms)."""
    names = {"Q-BD": "Liên đoàn Lao động quận Ba Đình"}
    assert is_title_line(["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], names) is True
    assert is_title_line(["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"]) is False


@pytest.mark.parametrize("cells, expected", [
    # a cell's first line holding only an invisible character is no line: the fast check
    # reads the first line with text, as the rest does (it read the blank one: not a title)
    (["\u200b\nNăm: 2024"], True), (["\ufeff\r\nMã đơn vị: Q-HK"], True),
    (["\u200b\nNguyễn Văn A"], False),
])
def test_the_first_line_with_text_of_a_cell_is_the_one_checked_first(cells, expected):
    assert is_title_line(cells) is expected


NAMES = {"Q-BD": "Liên đoàn Lao động quận Ba Đình", "N-YT": "Công đoàn ngành Y tế Hà Nội"}


def test_a_unit_s_line_has_three_texts_at_most():
    """A numbering, a name and a code (three texts) name a unit; a fourth text makes the row
    a registration (the fast check: a unit's line holds few texts)."""
    assert is_title_line(["II", "Công đoàn ngành Y tế Hà Nội", "N-YT"], NAMES) is True
    assert is_title_line(["II", "Liên đoàn Lao động quận Ba Đình", "Q-BD",
                          "LĐLĐ quận Ba Đình"], NAMES) is False


def test_a_value_cell_that_is_no_text_is_read_as_shown():
    """A number or a date cell after ``Mã đơn vị`` is read as :func:`thidua.text.clean_text`
    shows it (``12``, ``05/12/2024``), never as Python writes it (``12.0``, ``2024-12-05``):
    a code's shape decides without a colon."""
    import datetime as dt

    assert is_title_line(["Mã đơn vị", 12.0]) is True
    assert is_title_line(["Mã đơn vị", dt.date(2024, 12, 5)]) is False


@pytest.mark.parametrize("cells", [
    ["Mã đơn vị: Q-BD", "II"],                          # a numbering last numbers nothing
    ["Liên đoàn Lao động quận Ba Đình", "Năm: hai nghìn"],  # the text after a unit is read
    ["Liên đoàn Lao động quận Ba Đình", "x", "Năm: 2024"],  # … each text, none skipped
])
def test_a_unit_s_name_then_other_text_is_no_title_line(cells):
    assert is_title_line(cells, NAMES) is False


@pytest.mark.parametrize("cells, kind", [
    (["Q-BD", "II", "N-YT"], "unit"),  # a numbering between two units' codes
    (["Liên đoàn Lao động quận Ba Đình", "2", "Công đoàn ngành Y tế Hà Nội"], "unit"),
    (["Năm: 2024", "II", "N-YT"], "labels"),  # labels before a numbered unit: labels
])
def test_a_numbering_after_the_first_text_is_passed_over_once(cells, kind):
    """A numbering after another text (not only first in the row) is skipped and the reading
    goes on with the text after it (the re-run of 30/11 late evening: a numbering was never
    met after the first text; going back to the second text instead loops)."""
    from thidua.ingest.titleblock import title_line_kind

    assert title_line_kind(cells, NAMES) == kind
