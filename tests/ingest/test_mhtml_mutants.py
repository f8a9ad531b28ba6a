"""An MHTML workbook unpacked in this process (:mod:`thidua.ingest.mhtml`; ``ingest_file`` reads
it in a worker process, which a mutation run cannot see): the limits just inside and outside
with their messages word for word, each part's charset and location, which pages are a sheet's
and under which name (issue 14)."""

from __future__ import annotations

import pytest

from test_mhtml import BOUNDARY, _archive, _frameset, _part, _table
from thidua.ingest import mhtml
from thidua.ingest.mhtml import FileRejected, check_mhtml, mhtml_pages

NO_PAGE = ("Tệp là trang web lưu một tệp (.mht) nhưng không có trang nào; đề nghị mở tệp bằng "
           "Excel, lưu dạng .xlsx rồi gửi lại.")
NO_TABLE = ("Tệp là trang web lưu một tệp (.mht) nhưng không có bảng nào; đề nghị gửi biểu "
            "DVK-01 dạng Excel (.xlsx).")
PAGE = "<html><body><table><tr><td>{}</td></tr></table></body></html>"


def rejected(call, *args) -> str:
    with pytest.raises(FileRejected) as caught:
        call(*args)
    return str(caught.value)


def raw_part(headers: str, body: bytes) -> bytes:
    return f"--{BOUNDARY}\r\n{headers}\r\n\r\n".encode("ascii") + body + b"\r\n\r\n"


def raw_archive(*parts: bytes) -> bytes:
    return (f"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"{BOUNDARY}\""
            f"\r\n\r\n").encode("ascii") + b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def css(i: int) -> str:
    return _part(f"DS_files/p{i}.css", "td {}", kind="text/css")


def test_the_parts_just_inside_and_outside_their_limit_word_for_word(monkeypatch):
    monkeypatch.setattr(mhtml, "MAX_PARTS", 3)
    assert [p.name for p in mhtml_pages(_archive(css(0), css(1), _part("DS.htm", _table())))
            ] == [""]
    assert rejected(mhtml_pages, _archive(css(0), css(1), css(2), _part("DS.htm", _table()))
                    ).startswith("Tệp vượt quá giới hạn số phần của trang web lưu một tệp (.mht): "
                                 "4 phần (giới hạn 3 phần); ")


def test_the_pages_just_inside_and_outside_the_sheets_limit_css_not_counted(monkeypatch):
    monkeypatch.setattr(mhtml, "MAX_SHEETS", 1)
    three = [_part(f"p{i}.htm", PAGE.format(i)) for i in range(3)]
    assert check_mhtml(_archive(*three, css(0), css(1))) is None
    assert rejected(check_mhtml, _archive(*three, _part("p3.htm", PAGE.format(3)))).startswith(
        "Tệp vượt quá giới hạn số trang tính: 4 trang (giới hạn 1 trang); ")


def test_a_message_without_pages_or_without_tables_says_which():
    assert rejected(mhtml_pages, _archive(css(0))) == NO_PAGE
    assert rejected(mhtml_pages, _archive(_part("DS.htm", "<html><body>Thư</body></html>"))
                    ) == NO_TABLE


def test_each_part_s_charset_none_unknown_and_wrong():
    text = PAGE.format("Lĩnh vực")
    plain = raw_part("Content-Location: a.htm\r\nContent-Type: text/html", text.encode())
    unknown = raw_part("Content-Location: a.htm\r\nContent-Type: text/html; charset=x-none",
                       text.encode())
    wrong = raw_part("Content-Location: a.htm\r\nContent-Type: text/html; charset=ascii",
                     text.encode())
    for part in (plain, unknown, wrong):
        (page,) = mhtml_pages(raw_archive(part))
        assert page.html.decode("utf-8").strip() == text
    broken = raw_part("Content-Location: a.htm\r\nContent-Type: text/html; charset=x-none",
                      b"<table><tr><td>L\xffnh</td></tr></table>")
    assert mhtml_pages(raw_archive(broken))[0].html.decode().strip() == (
        "<table><tr><td>L\ufffdnh</td></tr></table>")


def listed(*sheets: tuple[str, str, bool], pages: dict[str, str]) -> bytes:
    return _archive(_part("DS.htm", _frameset(*sheets)),
                    *(_part(loc, body) for loc, body in pages.items()))


def test_listed_sheets_in_the_workbook_s_order_by_the_end_of_their_location():
    data = listed(("B", "sheet002.htm", True), ("A &amp; C", "sheet001.htm", False),
                  pages={"DS_files/sheet001.htm": PAGE.format(1),
                         "DS_files/sheet002.htm": PAGE.format(2)})
    assert [(p.name, p.visible, p.html.decode().strip()) for p in mhtml_pages(data)] == [
        ("B", True, PAGE.format(2)), ("A & C", False, PAGE.format(1))]


def test_a_very_hidden_sheet_and_a_sheet_without_a_page_or_a_source():
    very = _frameset(("A", "sheet001.htm", True)).replace(
        "</x:ExcelWorksheet>", "<x:Visible> SheetVeryHidden </x:Visible></x:ExcelWorksheet>")
    data = _archive(_part("DS.htm", very.replace(
        "<x:ExcelWorksheets>", "<x:ExcelWorksheets><x:ExcelWorksheet><x:Name>No source</x:Name>"
        "</x:ExcelWorksheet><x:ExcelWorksheet><x:Name>Lost</x:Name><x:WorksheetSource "
        "HRef=\"DS_files/sheet009.htm\"/></x:ExcelWorksheet>")),
        _part("DS_files/sheet001.htm", PAGE.format(1)))
    assert [(p.name, p.visible) for p in mhtml_pages(data)] == [("A", False)]


def test_a_source_by_its_whole_location_backslashes_and_dot_slash():
    main = ("<html><xml><x:ExcelWorksheet><x:Name> Một </x:Name><x:WorksheetSource "
            "HRef='.\\DS_files\\s1.htm'/></x:ExcelWorksheet><x:ExcelWorksheet><x:Name>Hai"
            "</x:Name><x:WorksheetSource HRef=s2.htm></x:ExcelWorksheet></xml></html>")
    data = raw_archive(
        raw_part("Content-Location: main.htm\r\nContent-Type: text/html", main.encode()),
        raw_part("Content-Location: C:\\Book\\DS_files\\s1.htm \r\nContent-Type: text/html",
                 PAGE.format(1).encode()),
        raw_part("Content-Location: s2.htm\r\nContent-Type: text/html", PAGE.format(2).encode()),
        raw_part("Content-Type: text/html", PAGE.format(3).encode()))
    assert [(p.name, p.html.decode().strip()) for p in mhtml_pages(data)] == [
        ("Một", PAGE.format(1)), ("Hai", PAGE.format(2))]
    # a source named only by its end matches no longer location that does not end in ``/s2``
    other = raw_archive(
        raw_part("Content-Location: main.htm\r\nContent-Type: text/html",
                 main.replace("s2.htm", "2.htm").encode()),
        raw_part("Content-Location: s2.htm\r\nContent-Type: text/html", PAGE.format(2).encode()))
    assert [p.name for p in mhtml_pages(other)] == [""]  # none listed: the pages with a table


def test_one_sheet_named_on_the_main_page_only_when_it_names_exactly_one():
    one = _table().replace("<body>", "<body><x:ExcelWorksheet><x:Name> Danh &amp; sách "
                                     "</x:Name></x:ExcelWorksheet>")
    second = _part("extra.htm", "<html><body><TABLE><tr><td>x</td></tr></TABLE></body></html>")
    pages = mhtml_pages(_archive(_part("DS.htm", one), second, css(0)))
    assert [(p.name, p.visible) for p in pages] == [("Danh & sách", True), ("", True)]
    two = one.replace("<body>", "<body><x:ExcelWorksheet><x:Name>B</x:Name></x:ExcelWorksheet>")
    assert [p.name for p in mhtml_pages(_archive(_part("DS.htm", two)))] == [""]
    # the page with a table is the second part: no name (the name is the main page's)
    main = "<html><body><x:ExcelWorksheet><x:Name>A</x:Name></x:ExcelWorksheet></body></html>"
    assert [p.name for p in mhtml_pages(_archive(_part("DS.htm", main), second))] == [""]


def test_a_sheet_without_a_name_an_empty_page_and_a_folder_starting_with_x():
    main = ("<html><xml><x:ExcelWorksheet><x:WorksheetSource HRef=\"Xuat_files/s1.htm\"/>"
            "</x:ExcelWorksheet><x:ExcelWorksheet><x:Name>Trống</x:Name><x:WorksheetSource "
            "HRef=\"Xuat_files/s2.htm\"/></x:ExcelWorksheet></xml></html>")
    data = raw_archive(
        raw_part("Content-Location: file:///C:/Xuat.htm\r\nContent-Type: text/html",
                 main.encode()),
        raw_part("Content-Location: file:///C:/Xuat_files/s1.htm\r\nContent-Type: text/html",
                 PAGE.format(1).encode()),
        # an empty page: its part ends right at the next boundary
        f"--{BOUNDARY}\r\nContent-Location: file:///C:/Xuat_files/s2.htm\r\nContent-Type: "
        f"text/html\r\n\r\n\r\n".encode())
    assert [(p.name, p.html.strip()) for p in mhtml_pages(data)] == [
        ("", PAGE.format(1).encode()), ("Trống", b"")]
    assert mhtml_pages(data)[1].html == b""



def test_a_part_without_a_location_is_no_listed_sheet():
    main = ("<html><xml><x:ExcelWorksheet><x:Name>A</x:Name><x:WorksheetSource HRef=\"XXXX\"/>"
            "</x:ExcelWorksheet></xml></html>")
    data = raw_archive(raw_part("Content-Location: main.htm\r\nContent-Type: text/html",
                                main.encode()),
                       raw_part("Content-Type: text/html", PAGE.format(1).encode()))
    assert [p.name for p in mhtml_pages(data)] == [""]  # not listed: the pages with a table
