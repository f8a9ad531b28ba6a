"""Another unit's (or year's) list pasted under a sheet's header, below a line of its own
naming the unit or the year (``docs/contracts.md``, "A title line below the header";
:mod:`thidua.ingest.titlelines`, :mod:`thidua.ingest.unitnames`): the file is rejected,
naming the sheet, the row and the line; its rows are never counted for the file's unit."""

from __future__ import annotations

import pytest

from corpus_rows import HEADER, regs
from corpus_writers import Sheet, write_xlsx
from helpers import input_file
from thidua.ingest.files import REJECTED, USED, ingest_file
from thidua.ingest.titleblock import is_title_line
from thidua.ingest.unitnames import unit_named

NAMES = {"Q-BD": "Liên đoàn Lao động quận Ba Đình", "Q-HK": "Liên đoàn Lao động quận Hoàn Kiếm",
         "N-YT": "Công đoàn ngành Y tế Hà Nội", "N-DM": "Công đoàn ngành Dệt - May Hà Nội",
         "CQ": "Công đoàn Cơ quan Liên đoàn Lao động thành phố Hà Nội"}
TITLE = [["Mã đơn vị: Q-HK"], ["Năm: 2024"]]


def ingest(tmp_path, context, rows, name="Q-HK_dk.xlsx", sheets=None):
    write_xlsx(tmp_path / name, sheets or [Sheet("DS", rows)])
    return ingest_file(input_file(tmp_path / name), context)


def other_unit(line: str, row: int, code: str = "Q-BD", unit: str = "Q-HK",
               source: str = "ghi ở tiêu đề", sheet: str = "DS") -> str:
    return (f"Tệp bị từ chối: Trang '{sheet}', dòng {row} ghi '{line}' dưới dòng tiêu đề của "
            f"bảng (đơn vị '{code}' trong danh mục), khác đơn vị '{unit}' của tệp ({source}): "
            f"các dòng bên dưới có thể là danh sách của đơn vị khác dán vào. Mỗi tệp chỉ của "
            f"một đơn vị: đề nghị chuyển các dòng của đơn vị '{code}' sang tệp của đơn vị đó "
            f"(hoặc xóa dòng {row} nếu các dòng là của đơn vị '{unit}') rồi gửi lại.")


@pytest.mark.parametrize("text, code", [
    ("LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH", "Q-BD"), ("Liên đoàn lao động quận Ba Đình", "Q-BD"),
    ("LĐLĐ q. Ba Đình", "Q-BD"), ("Đơn vị: LĐLĐ quận Ba Đình", "Q-BD"),
    ("Tên đơn vị báo cáo: Liên đoàn lao động Quận Hoàn Kiếm", "Q-HK"),
    ("II. Công đoàn ngành Y tế Hà Nội (N-YT)", "N-YT"), ("1. LĐLĐ Q.BA ĐÌNH", "Q-BD"),
    ("LĐLĐ quận Ba Đình - Q-BD", "Q-BD"), ("Công đoàn ngành Y tế", "N-YT"),
    ("CÔNG ĐOÀN NGÀNH DỆT-MAY HÀ NỘI", "N-DM"), ("Công đoàn ngành Dệt - May", "N-DM"),
    ("Công đoàn Cơ quan LĐLĐ TP Hà Nội", "CQ"),
])
def test_a_line_holding_a_unit_s_whole_name_names_it(text, code):
    assert unit_named(text, NAMES) == code
    assert unit_named(text, tuple(NAMES.items())) == code


@pytest.mark.parametrize("text", [
    "Phối hợp với LĐLĐ quận Ba Đình",  # a model mentioning a unit names none
    "Ba Đình", "Hà Nội", "Liên đoàn Lao động thành phố Hà Nội",  # the Federation itself
    "Liên đoàn Lao động quận Ba Đình tổ chức chợ phiên", "", "LĐLĐ quận " + "Ba Đình " * 40,
])
def test_a_line_only_mentioning_a_unit_or_naming_none_names_no_unit(text):
    assert unit_named(text, NAMES) is None


@pytest.mark.parametrize("cells", [
    ["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], ["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"] * 11,
    [None, "Đơn vị: Liên đoàn Lao động quận Ba Đình"],
    ["LĐLĐ QUẬN BA ĐÌNH", None, "Mã đơn vị: Q-BD"], ["LĐLĐ QUẬN BA ĐÌNH Mã đơn vị: Q-BD"],
    ["Mã đơn vị", "Q-BD"], ["Mã ĐV", None, "Q-BD"], ["II", "Công đoàn ngành Y tế Hà Nội"],
    ["B.", None, "LĐLĐ quận Ba Đình"], [1, "LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], [None, "Q-BD"],
    ["LĐLĐ quận Ba Đình", None, None, None, "Q-BD"], ["q.bd"],
    [None, "Liên đoàn Lao động quận Ba Đình", None, "chuyển sang"],
])
def test_a_unit_s_name_or_a_code_after_its_label_is_a_title_line(cells):
    assert is_title_line(cells, NAMES)


@pytest.mark.parametrize("cells", [
    ["Phối hợp với LĐLĐ quận Ba Đình"], [1, "Bữa cơm Công đoàn", "LĐLĐ quận Ba Đình"],
    ["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH", "Kinh tế", "Tập thể", "Công đoàn cơ sở X"],
    ["Mã đơn vị", "chưa có"], ["Năm", "2023"], ["Mã đơn vị điện tử", "Kinh tế"],
    ["II"], ["II", "Kinh tế"], ["VC"], ["QBD"], ["Ghi chú", "LĐLĐ quận Ba Đình"],
    ["LĐLĐ quận Ba Đình", "Kinh tế", "Tập thể"],
])
def test_a_row_with_more_than_a_name_or_a_label_is_no_title_line(cells):
    assert not is_title_line(cells, NAMES)


def test_without_names_a_unit_s_name_is_no_title_line():
    assert not is_title_line(["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"])


@pytest.mark.parametrize("line, written", [
    (["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], "LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"),
    ([None, "Đơn vị: Liên đoàn Lao động quận Ba Đình"], "Đơn vị: Liên đoàn Lao động quận Ba Đình"),
    (["Mã đơn vị", "Q-BD"], "Mã đơn vị Q-BD"),
    (["Mã đơn vị: Q-BD"], "Mã đơn vị: Q-BD"),
    (["Mã ĐV - q.bd"], "Mã ĐV - q.bd"),
    (["LĐLĐ quận Ba Đình (Q-BD)"] * 11, "LĐLĐ quận Ba Đình (Q-BD)"),
])
def test_another_unit_s_list_under_its_own_line_rejects_the_file(tmp_path, context, line,
                                                                 written):
    rows = [*TITLE, HEADER, *regs(3), line, *regs(3, start=3)]
    result = ingest(tmp_path, context, rows)
    assert (result.status, result.unit) == (REJECTED, "Q-HK")
    assert result.rows == {"read": 0, "valid": 0, "rejected": 0, "ignored": 0}
    assert result.rejections["error"].tolist() == [other_unit(written, 7)]


def test_the_unit_before_the_line_is_the_file_name_s_when_the_title_has_no_code(
        tmp_path, context):
    rows = [HEADER, *regs(2), ["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], *regs(2, start=2)]
    result = ingest(tmp_path, context, rows)
    assert result.rejections["error"].tolist() == [
        other_unit("LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH", 4, source="theo tên tệp")]


def test_the_unit_before_the_line_may_be_named_by_name_in_the_title(tmp_path, context):
    rows = [["LIÊN ĐOÀN LAO ĐỘNG QUẬN HOÀN KIẾM"], ["Năm: 2024"], HEADER, *regs(2),
            ["Mã đơn vị:", "Q-BD"], *regs(2, start=2)]
    result = ingest(tmp_path, context, rows, name="danh sach.xlsx")
    assert result.rejections["error"].tolist() == [
        other_unit("Mã đơn vị: Q-BD", 6, source="theo tên đơn vị ở tiêu đề")]


def test_a_line_above_and_one_below_naming_two_units_never_counts_the_later(tmp_path, context):
    """Without a code in the file name, the title above says Q-HK and a line below Q-BD: the
    file is never counted for Q-BD (the last code read) nor for Q-HK."""
    rows = [*TITLE, HEADER, *regs(2), ["Mã đơn vị: Q-BD"], *regs(2, start=2)]
    result = ingest(tmp_path, context, rows, name="danh sach.xlsx")
    assert result.status == REJECTED
    assert result.rejections["error"].tolist() == [other_unit("Mã đơn vị: Q-BD", 6)]


def test_a_code_line_below_naming_an_unknown_code_says_it_is_not_in_the_registry(
        tmp_path, context):
    rows = [*TITLE, HEADER, *regs(2), ["Mã đơn vị: Q-XX"], *regs(2, start=2)]
    result = ingest(tmp_path, context, rows)
    assert "(mã 'Q-XX', không có trong danh mục), khác đơn vị 'Q-HK'" in \
        result.rejections["error"].iloc[0]


@pytest.mark.parametrize("line", [
    ["LIÊN ĐOÀN LAO ĐỘNG QUẬN HOÀN KIẾM"], ["Mã đơn vị", "Q-HK"], ["Đơn vị: LĐLĐ Q. Hoàn Kiếm"],
    ["Mã đơn vị: q.hk"],
])
def test_a_line_naming_the_file_s_own_unit_is_a_title_line_ignored(tmp_path, context, line):
    rows = [*TITLE, HEADER, *regs(3), line, *regs(2, start=3)]
    result = ingest(tmp_path, context, rows)
    assert (result.status, result.unit) == (USED, "Q-HK")
    assert result.rows == {"read": 6, "valid": 5, "rejected": 0, "ignored": 1}
    assert result.ignored["title"] == 1


def test_another_year_s_list_under_its_own_line_rejects_the_file(tmp_path, context):
    rows = [*TITLE, HEADER, *regs(2), ["Năm: 2023"], *regs(2, start=2)]
    result = ingest(tmp_path, context, rows)
    assert result.rejections["error"].tolist() == [
        "Tệp bị từ chối: Trang 'DS', dòng 6 ghi 'Năm: 2023' dưới dòng tiêu đề của bảng (năm "
        "2023), khác năm 2024 của tệp (ghi ở tiêu đề): các dòng bên dưới có thể là danh sách "
        "của năm khác dán vào. Mỗi tệp chỉ báo cáo một năm: đề nghị xóa các dòng của năm 2023 "
        "(hoặc dòng 6 nếu các dòng là của năm 2024) rồi gửi lại."]


def test_a_year_above_in_the_heading_counts_as_the_file_s_year(tmp_path, context):
    rows = [["DANH SÁCH ĐĂNG KÝ MÔ HÌNH DÂN VẬN KHÉO NĂM 2024"], ["Mã đơn vị: Q-HK"], HEADER,
            *regs(2), ["Năm: 2023"], *regs(2, start=2)]
    result = ingest(tmp_path, context, rows)
    assert "(năm 2023), khác năm 2024 của tệp (ghi ở tiêu đề)" in result.rejections["error"][0]


def test_a_later_sheet_s_line_naming_another_unit_is_that_sheet_s_title(tmp_path, context):
    """A later sheet with no title above its header and a line under it naming another unit:
    the line is that sheet's title (:mod:`thidua.ingest.sheettitle`): its rows are rejected,
    naming the line, the first sheet's counted."""
    first = Sheet("Trang 1", [*TITLE, HEADER, *regs(2)])
    later = Sheet("Trang 2", [HEADER, *regs(2, start=2), ["LĐLĐ QUẬN BA ĐÌNH"], *regs(2, start=4)])
    result = ingest(tmp_path, context, None, sheets=[first, later])
    assert (result.status, result.unit) == (USED, "Q-HK")
    assert [(s["sheet"], s["valid"], s["rejected"], s["ignored"]) for s in result.sheets] == [
        ("Trang 1", 2, 0, 0), ("Trang 2", 0, 4, 1)]
    assert set(result.rejections["value"]) == {"LĐLĐ QUẬN BA ĐÌNH"}
    assert result.rejections["error"].iloc[0].startswith(
        "Trang 'Trang 2' của tệp Q-HK_dk.xlsx ghi 'LĐLĐ QUẬN BA ĐÌNH' ở tiêu đề (đơn vị 'Q-BD' "
        "trong danh mục), khác đơn vị của tệp 'Q-HK'")


def test_a_later_sheet_whose_lines_below_name_two_units_rejects_the_file(tmp_path, context):
    first = Sheet("Trang 1", [*TITLE, HEADER, *regs(2)])
    later = Sheet("Trang 2", [HEADER, ["Mã đơn vị: Q-HK"], *regs(2, start=2),
                              ["LĐLĐ QUẬN BA ĐÌNH"], *regs(2, start=4)])
    result = ingest(tmp_path, context, None, sheets=[first, later])
    assert result.rejections["error"].tolist() == [
        other_unit("LĐLĐ QUẬN BA ĐÌNH", 5, sheet="Trang 2", source="ghi ở dòng 2")]


def test_a_later_sheet_of_another_unit_repeating_its_name_below_is_that_sheet_s_only(
        tmp_path, context):
    """A later sheet titled ``Mã đơn vị: Q-BD`` whose line below says the same unit: the
    sheet's rows are rejected (:mod:`thidua.ingest.sheettitle`), the file's own counted."""
    first = Sheet("Trang 1", [*TITLE, HEADER, *regs(2)])
    later = Sheet("Trang 2", [["Mã đơn vị: Q-BD"], HEADER, *regs(1, start=2),
                              ["LĐLĐ QUẬN BA ĐÌNH"], *regs(1, start=3)])
    result = ingest(tmp_path, context, None, sheets=[first, later])
    assert (result.status, result.unit) == (USED, "Q-HK")
    assert [(s["sheet"], s["valid"], s["rejected"]) for s in result.sheets] == [
        ("Trang 1", 2, 0), ("Trang 2", 0, 2)]


SIGNATURE = [[None, "Nơi nhận:"], [None, "- Liên đoàn Lao động quận Ba Đình;"], [None, "- Lưu VP."],
             [None, None, None, None, None, None, None, None, "TM. BAN THƯỜNG VỤ"]]


@pytest.mark.parametrize("after", [
    SIGNATURE,  # the recipients every administrative document lists (Nghị định 30/2020)
    [[None, "Nơi nhận:"], [None, "- LĐLĐ thành phố Hà Nội;"], [None, "- Công đoàn ngành Y tế Hà Nội;"]],
    [[None, None, None, None, None, None, None, None, "LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"]],
    [["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], [None, "Người lập biểu"], [None, "Nguyễn Văn A"]],
])
def test_a_unit_named_with_no_registration_under_it_heads_no_list(tmp_path, context, after):
    """A signature block or a ``Nơi nhận:`` list naming another unit after the table: the
    registrations are counted, the name line ignored (never glued to the row above)."""
    result = ingest(tmp_path, context, [*TITLE, HEADER, *regs(3), *after])
    assert (result.status, result.unit) == (USED, "Q-HK")
    assert result.rows["valid"] == 3
    assert result.rejections.empty
    assert not any("ghép" in note for note in result.readings)


@pytest.mark.parametrize("line, written", [
    ([None, "Q-BD"], "Q-BD"), ([1, "Liên đoàn Lao động quận Ba Đình"], "1 Liên đoàn Lao động quận Ba Đình"),
    (["LĐLĐ quận Ba Đình", None, None, None, "Q-BD"], "LĐLĐ quận Ba Đình Q-BD"),
    ([None, "Liên đoàn Lao động quận Ba Đình", None, None, None, None, None, None, None, None,
      "chuyển sang"], "Liên đoàn Lao động quận Ba Đình chuyển sang"),
])
def test_a_numbered_or_coded_unit_line_with_rows_under_it_rejects_the_file(tmp_path, context,
                                                                          line, written):
    rows = [*TITLE, HEADER, *regs(3), line, *regs(2, start=3)]
    result = ingest(tmp_path, context, rows)
    assert result.rejections["error"].tolist() == [other_unit(written, 7)]


def test_the_file_s_own_unit_numbered_over_its_rows_is_ignored(tmp_path, context):
    rows = [*TITLE, HEADER, [2, "Liên đoàn Lao động quận Hoàn Kiếm"], *regs(3)]
    result = ingest(tmp_path, context, rows)
    assert result.rows == {"read": 4, "valid": 3, "rejected": 0, "ignored": 1}
    assert result.ignored["title"] == 1


@pytest.mark.parametrize("line, code", [
    ("LĐLĐ Ba Đình", "Q-BD"), ("QUẬN BA ĐÌNH", "Q-BD"), ("Quận Ba Đình", "Q-BD"),
    ("Liên đoàn Lao động Ba Đình", "Q-BD"), ("Công đoàn quận Ba Đình", "Q-BD"),
    ("Công đoàn Y tế Hà Nội", "N-YT"), ("CĐN Giáo dục", "N-GD"), ("Đơn vị: Q-BD", "Q-BD"),
    ("Đơn vị: LĐLĐ Ba Đình", "Q-BD"), ("Công đoàn Viên chức TP", "VC"),
    ("Liên đoàn Lao động quận Ba Đình (03 mô hình)", "Q-BD"),
])
def test_a_unit_s_short_name_on_a_line_names_it(line, code):
    """The sixth tester's F2, F3: short forms were glued onto the model above (or ignored as a
    group line) and the rows under them counted for the file's unit."""
    from thidua.ingest.unitnames import unit_in_line

    names = {**NAMES, "N-GD": "Công đoàn ngành Giáo dục Hà Nội",
             "VC": "Công đoàn Viên chức thành phố Hà Nội"}
    assert unit_in_line(line, names) == code


@pytest.mark.parametrize("line", [
    "Ba Đình",  # a place alone may end a wrapped model name
    "Công đoàn phường Đống Đa", "Công đoàn cơ sở phường Ba Đình",  # a ward's union, no district
    "Huyện Ba Đình", "Công đoàn cơ sở Công ty X", "Đơn vị: Trường THCS Trưng Vương",
    "Công đoàn đồng hành cùng người lao động", "Công đoàn Công ty May 10",
])
def test_a_place_alone_or_a_union_of_another_kind_names_no_unit(line):
    from thidua.ingest.unitnames import unit_in_line

    names = {**NAMES, "Q-DD": "Liên đoàn Lao động quận Đống Đa"}
    assert unit_in_line(line, names) is None


@pytest.mark.parametrize("line", ["LĐLĐ Ba Đình", "Đơn vị: Q-BD", "QUẬN BA ĐÌNH"])
def test_a_short_named_unit_s_list_under_the_header_rejects_the_file(tmp_path, context, line):
    rows = [*TITLE, HEADER, *regs(3), [None, line], *regs(2, start=3)]
    result = ingest(tmp_path, context, rows)
    assert result.status == REJECTED
    assert result.rejections["error"].tolist() == [other_unit(line, 7)]
