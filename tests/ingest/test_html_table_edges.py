"""A web page's grid value by value (thidua/ingest/htmltable.py), for what the mutation run
left unchecked: spans as a browser reads them, each block of text outside the tables its own
row, blank rows after tables, and each limit just inside and just outside (the limits lowered
for the test, as ``monkeypatch`` allows: a real page at 100 000 rows is too slow)."""

from __future__ import annotations

import pytest

from thidua.ingest import htmltable
from thidua.ingest.htmltable import html_grid
from thidua.ingest.workbook import FileRejected

TAIL = ("; đề nghị chỉ giữ biểu DVK-01 với các dòng đăng ký, xóa các trang tính và ô thừa, lưu "
        "lại bằng Excel dạng .xlsx rồi gửi lại.")


def _grid(page: str):
    return html_grid(page.encode("utf-8"))


@pytest.mark.parametrize("span, width", [("", 1), ("0", 1), ("-2", 1), ("x3", 1), ("1", 1),
                                         ("2", 2), (" 2px", 2), ("3", 3)])
def test_a_colspan_is_its_leading_digits_at_least_one(span, width):
    attr = f" colspan='{span}'" if span else ""
    grid, facts = _grid(f"<table><tr><td{attr}>a</td><td>b</td></tr></table>")
    assert grid == [["a", *[""] * (width - 1), "b"], [""] * (width + 1)]
    assert facts.merges == (((0, 0, 0, width - 1),) if width > 1 else ())


def test_a_cell_spanning_rows_and_columns_pushes_the_next_rows_cells_right():
    grid, facts = _grid("<table><tr><td rowspan=2 colspan=2>a</td><td>b</td></tr>"
                        "<tr><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>")
    assert grid == [["a", "", "b"], ["", "", "c"], ["d", "e", ""], ["", "", ""]]
    assert facts.merges == ((0, 0, 1, 1),)


def test_a_line_break_with_nothing_after_it_adds_no_line_and_two_leave_an_empty_one():
    grid, _ = _grid("<table><tr><td>a<br></td><td> b <br><br> c </td><td>\n x\n y </td>"
                    "</tr></table>")
    assert grid[0] == ["a", "b\n\nc", "x y"]


@pytest.mark.parametrize("tag", ["h1", "h2", "h4", "h5", "h6", "caption"])
def test_every_block_outside_a_table_is_a_row_of_its_own(tag):
    grid, _ = _grid(f"<{tag}>Mã đơn vị: Q-DD</{tag}><table><tr><td>a</td></tr></table>")
    assert grid == [["Mã đơn vị: Q-DD"], ["a"], [""]]


def test_blocks_inside_a_block_are_each_a_row_not_one_run_of_text():
    grid, _ = _grid("<div><p>Mã đơn vị: Q-DD</p><p>Năm: 2024</p></div>"
                    "<div><div><h3>Ngày gửi: 05/12/2024</h3></div></div>"
                    "<table><tr><td>a</td></tr></table>")
    assert grid == [["Mã đơn vị: Q-DD"], ["Năm: 2024"], ["Ngày gửi: 05/12/2024"], ["a"], [""]]


def test_an_empty_block_is_no_row_and_a_block_holding_a_table_is_only_its_table():
    grid, _ = _grid("<p></p><p> </p><div>Bảng<table><tr><td>a</td><td>b</td></tr></table></div>"
                    "<p>Người lập biểu</p>")
    assert grid == [["a", "b"], ["", ""], ["Người lập biểu", ""]]


def test_each_table_is_followed_by_a_blank_row_and_rows_count_on():
    grid, facts = _grid("<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr>"
                        "<tr style='display : NONE'><td>c</td></tr>"
                        "<tr style='color: red'><td>d</td></tr></table>")
    assert grid == [["a"], [""], ["b"], ["c"], ["d"], [""]]
    assert facts.hidden == ((3, 4),)


def test_an_empty_table_is_one_empty_cell():
    assert _grid("<table></table>") == ([[""]], htmltable.SheetFacts())


def test_a_nested_tables_rows_are_laid_out_below_its_cells_text_not_mixed_into_the_table():
    # as Excel opens the page: the cell's own text, the inner table's rows below it, the
    # outer table's next row after them (s23-c's nested layout), then the blank row
    grid, _ = _grid("<table><tr><td>a<table><tr><td>x</td></tr><tr><td>y</td></tr></table></td>"
                    "<td>b</td></tr><tr><td>c</td></tr></table>")
    assert grid == [["a", "b"], ["x", ""], ["y", ""], ["c", ""], ["", ""]]


def test_an_element_in_a_row_that_is_no_cell_is_skipped():
    grid, _ = _grid("<table><tr><span>lạc</span><td>a</td><th>b</th></tr></table>")
    assert grid == [["a", "b"], ["", ""]]


def test_a_page_lxml_cannot_read_is_rejected_saying_why_and_what_to_do():
    with pytest.raises(FileRejected) as caught:
        html_grid(b"")
    assert str(caught.value) == ("Không đọc được trang web (HTML) được đặt đuôi bảng tính "
                                 "(Document is empty); đề nghị mở tệp bằng Excel, lưu dạng .xlsx "
                                 "rồi gửi lại.")


def test_a_page_without_a_table_is_rejected_with_the_whole_message():
    with pytest.raises(FileRejected) as caught:
        _grid("<h3>Danh sách</h3>")
    assert str(caught.value) == ("Tệp là trang web (HTML) không có bảng nào; đề nghị gửi biểu "
                                 "DVK-01 dạng Excel (.xlsx).")


def test_rows_up_to_the_limit_are_read_one_more_is_rejected(monkeypatch):
    monkeypatch.setattr(htmltable, "MAX_ROWS", 4)
    rows = "".join(f"<tr><td>{i}</td></tr>" for i in range(2))
    grid, _ = _grid(f"<table>{rows}</table><table><tr><td>x</td></tr></table>")
    assert [row[0] for row in grid] == ["0", "1", "", "x", ""]
    with pytest.raises(FileRejected) as caught:
        _grid(f"<table>{rows}</table><table><tr><td>x</td></tr><tr><td>y</td></tr></table>")
    assert str(caught.value) == ("Tệp vượt quá giới hạn số dòng của trang web: hơn 4 dòng "
                                 "(giới hạn 4 dòng)" + TAIL)


def test_a_rowspan_is_capped_at_the_row_limit(monkeypatch):
    monkeypatch.setattr(htmltable, "MAX_ROWS", 3)
    _, facts = _grid("<table><tr><td rowspan=99>a</td></tr><tr></tr><tr></tr></table>")
    assert facts.merges == ((0, 0, 2, 0),)


def test_columns_up_to_the_limit_are_read_one_more_is_rejected(monkeypatch):
    monkeypatch.setattr(htmltable, "MAX_COLUMNS", 4)
    grid, facts = _grid("<table><tr><td colspan=99>a</td></tr>"
                        "<tr><td colspan=3>b</td><td>c</td></tr></table>")
    assert grid[:2] == [["a", "", "", ""], ["b", "", "", "c"]]
    assert facts.merges == ((0, 0, 0, 3), (1, 0, 1, 2))
    with pytest.raises(FileRejected) as caught:
        _grid("<table><tr><td colspan=3>b</td><td colspan=2>c</td></tr></table>")
    assert str(caught.value) == ("Tệp vượt quá giới hạn số cột của trang web: hơn 4 cột "
                                 "(giới hạn 4 cột)" + TAIL)


def test_cells_up_to_the_limit_are_read_one_more_is_rejected(monkeypatch):
    monkeypatch.setattr(htmltable, "MAX_CELLS", 4)
    # two cells and the blank row after the table: a grid of exactly 4 cells
    assert _grid("<table><tr><td>a</td><td>b</td></tr></table>")[0] == [["a", "b"], ["", ""]]
    # 4 cells laid out, within the limit while reading; the grid with its blank row is not
    with pytest.raises(FileRejected) as caught:
        _grid("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>")
    assert str(caught.value) == ("Tệp vượt quá giới hạn số ô của trang web: 6 ô (3 dòng × 2 cột) "
                                 "(giới hạn 4 ô)" + TAIL)
    # a fifth cell stops the reading there
    with pytest.raises(FileRejected) as caught:
        _grid("<table><tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr></table>")
    assert str(caught.value) == ("Tệp vượt quá giới hạn số ô của trang web: hơn 4 ô "
                                 "(giới hạn 4 ô)" + TAIL)


def test_inline_markup_in_a_cell_breaks_no_line():
    grid, _ = _grid("<table><tr><td><b>Tủ sách</b> pháp <i>luật</i><br>cho <span>công nhân</span>"
                    "</td></tr></table>")
    assert grid[0] == ["Tủ sách pháp luật\ncho công nhân"]


def test_rows_inside_thead_and_tbody_are_the_tables_rows():
    grid, facts = _grid("<table><thead><tr><th>STT</th><th colspan=2>Tên</th></tr></thead>"
                        "<tbody><tr><td>1</td><td>a</td><td>b</td></tr></tbody>"
                        "<tfoot><tr><td>Cộng</td></tr></tfoot></table>")
    assert grid == [["STT", "Tên", ""], ["1", "a", "b"], ["Cộng", "", ""], ["", "", ""]]
    assert facts.merges == ((0, 1, 0, 2),)


def test_a_block_inside_a_tables_cell_is_that_cell_only():
    grid, _ = _grid("<table><tr><td><p>Ghi chú</p></td><td><div>x</div></td></tr></table>")
    assert grid == [["Ghi chú", "x"], ["", ""]]



@pytest.mark.parametrize("cell", [
    "<p>Mã đơn vị: Q-HK</p><p>Năm: 2024</p>", "<div>Mã đơn vị: Q-HK</div><div>Năm: 2024</div>",
    "<p> Mã đơn vị: Q-HK </p>\n<p>Năm: 2024</p><p></p>", "Mã đơn vị: Q-HK<p>Năm: 2024</p>",
    "<ul><li>Mã đơn vị: Q-HK</li><li>Năm: 2024</li></ul>", "<p>Mã đơn vị: Q-HK<br>Năm: 2024</p>",
])
def test_blocks_inside_a_cell_are_its_lines(cell):
    # the third tester's F1: ``<p>`` paragraphs in one cell were glued into ``Q-HKNăm: 2024``
    grid, _ = _grid(f"<table><tr><td>{cell}</td></tr></table>")
    assert grid[0] == ["Mã đơn vị: Q-HK\nNăm: 2024"]
