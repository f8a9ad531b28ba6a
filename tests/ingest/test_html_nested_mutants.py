"""Tables nested in a web page's cells, value by value (:mod:`thidua.ingest.htmltable`: laid
out as Excel opens the page, eight levels deep at most; an extension of
``spec/submission-form.md``, "The file"). Found by the mutation run of ``htmltable``
(issue 14)."""

from __future__ import annotations

from thidua.ingest.htmltable import html_grid


def _read(body: str):
    grid, facts = html_grid(f"<html><body>{body}</body></html>".encode("utf-8"))
    return grid, facts.merges, facts.hidden


def _nested(levels: int) -> str:
    page = "x"
    for k in range(levels, 0, -1):
        page = f"<table><tr><td>L{k}{page}</td></tr></table>"
    return page


def test_tables_are_laid_out_eight_levels_inside_the_outer_one_and_deeper_ones_read_as_text():
    grid, _, _ = _read(_nested(9))  # the outer table and eight inside it: each level a row
    assert grid == [["L1"], ["L2"], ["L3"], ["L4"], ["L5"], ["L6"], ["L7"], ["L8"], ["L9x"], [""]]
    grid, _, _ = _read(_nested(10))  # the tenth is its cell's text
    assert grid == [["L1"], ["L2"], ["L3"], ["L4"], ["L5"], ["L6"], ["L7"], ["L8"], ["L9L10x"],
                    [""]]


def test_a_table_in_a_header_cell_is_laid_out_as_in_a_data_cell():
    grid, _, _ = _read("<table><tr><th>h<table><tr><td>x</td></tr></table></th><td>b</td></tr>"
                       "</table>")
    assert grid == [["h", "b"], ["x", ""], ["", ""]]


def test_a_nested_table_in_a_lower_row_starts_under_its_cell_s_text_and_pushes_rows_down():
    grid, _, _ = _read("<table><tr><td>t</td></tr><tr><td>a<table><tr><td>x</td></tr>"
                       "<tr><td>y</td></tr></table></td><td>b</td></tr><tr><td>c</td></tr>"
                       "</table>")
    assert grid == [["t", ""], ["a", "b"], ["x", ""], ["y", ""], ["c", ""], ["", ""]]


def test_a_nested_table_without_text_around_it_takes_its_cell_s_row_only():
    grid, _, _ = _read("<table><tr><td>t</td></tr><tr><td><table><tr><td>x</td><td>w</td></tr>"
                       "</table></td><td>b</td></tr><tr><td>c</td></tr></table>")
    assert grid == [["t", "", ""], ["x", "w", "b"], ["c", "", ""], ["", "", ""]]


def test_a_nested_table_s_merges_and_hidden_rows_are_the_sheet_s():
    grid, merges, hidden = _read(
        "<table><tr><td>a<table><tr><td colspan=2>x</td></tr><tr style='display:none'>"
        "<td>y</td><td>z</td></tr></table></td><td>b</td></tr><tr><td>c</td></tr></table>")
    assert grid == [["a", "", "b"], ["x", "", ""], ["y", "z", ""], ["c", "", ""], ["", "", ""]]
    assert merges == ((1, 0, 1, 1),) and hidden == ((2, 3),)


def test_a_merged_cell_holding_inline_markup_is_merged_as_any_other():
    grid, merges, _ = _read("<table><tr><td colspan='2'><b>x</b> <i>y</i></td><td>z</td></tr>"
                            "<tr><td>1</td><td>2</td><td>3</td></tr></table>")
    assert grid == [["x y", "", "z"], ["1", "2", "3"], ["", "", ""]]
    assert merges == ((0, 0, 0, 1),)


def test_text_after_a_block_in_a_cell_is_a_line_of_its_own_and_no_row_outside_the_table():
    grid, _, _ = _read("<table><tr><td><p>Mã đơn vị: Q-DD</p>Năm: 2024</td><td>b</td></tr>"
                       "</table><p>Ghi chú</p>")
    assert grid == [["Mã đơn vị: Q-DD\nNăm: 2024", "b"], ["", ""], ["Ghi chú", ""]]
