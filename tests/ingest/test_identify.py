import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from thidua.ingest.identify import (
    TitleBlock,
    code_note,
    parse_title,
    registry_code,
    unit_by_name,
    resolve_unit,
    resolve_year,
)
from thidua.ingest.read import FileRejected

KNOWN = {"Q-DD", "Q-BD", "N-YT"}


def test_title_block_lines_are_read_and_other_lines_ignored():
    title = parse_title(["LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",
                         "DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2024",
                         "Mã đơn vị: q-dd", "NĂM: 2024", "Ngày gửi: 5/12/2024"])
    assert title == TitleBlock("Q-DD", 2024, dt.date(2024, 12, 5))


@pytest.mark.parametrize("text, date", [
    ("05/12/2024", dt.date(2024, 12, 5)), ("2024-12-01", dt.date(2024, 12, 1)),
    ("ngày 05 tháng 12 năm 2024", dt.date(2024, 12, 5)), ("31/02/2024", None), ("hôm qua", None),
])
def test_sent_date_formats(text, date):
    from thidua.ingest.identify import parse_sent_date

    assert parse_sent_date(text) == date


def test_an_unreadable_or_implausible_sent_date_is_ignored_with_a_remark_not_a_rejection():
    from thidua.ingest.identify import checked_sent_date

    title = parse_title(["Ngày gửi: hôm qua"])
    assert title.sent_date is None and title.sent_text == "hôm qua"
    assert checked_sent_date(title, 2024) == (None, "Dòng 'Ngày gửi: hôm qua' không đọc được (cần "
                                              "ghi đủ ngày, tháng, năm, ví dụ 05/12/2024 hoặc 05 "
                                              "tháng 12 năm 2024); đã dùng thời gian sửa tệp thay "
                                              "cho ngày gửi.")
    far = parse_title(["Ngày gửi: 15/03/2031"])
    assert checked_sent_date(far, 2024) == (None, "Ngày gửi 15/03/2031 nằm ngoài năm 2024 và năm "
                                            "2025; đã dùng thời gian sửa tệp thay cho ngày gửi.")
    assert checked_sent_date(parse_title(["Ngày gửi: 10/01/2025"]), 2024) == (dt.date(2025, 1, 10), None)


def test_unit_from_column_then_title_then_file_name():
    none = pd.Series(dtype="str")
    assert resolve_unit(pd.Series(["N-YT", "N-YT"]), TitleBlock(), Path("x.xlsx"), KNOWN, KNOWN, 2024) == "N-YT"
    assert resolve_unit(none, TitleBlock("Q-BD"), Path("danh-sach.xlsx"), KNOWN, KNOWN, 2024) == "Q-BD"
    assert resolve_unit(none, TitleBlock(), Path("q-dd_dang-ky.xlsx"), KNOWN, KNOWN, 2024) == "Q-DD"


def test_disagreeing_sources_are_an_error_naming_both():
    with pytest.raises(FileRejected, match=r"dòng 'Mã đơn vị:' ở tiêu đề: Q-BD; tên tệp: Q-DD"):
        resolve_unit(pd.Series(dtype="str"), TitleBlock("Q-BD"), Path("Q-DD_dk.xlsx"), KNOWN, KNOWN, 2024)


def test_a_file_name_that_is_no_code_is_not_a_source():
    assert resolve_unit(pd.Series(dtype="str"), TitleBlock("Q-BD"), Path("BaoCao_DVK.xlsx"),
                        KNOWN, KNOWN, 2024) == "Q-BD"


def test_unknown_code_for_the_year_and_no_code_at_all():
    with pytest.raises(FileRejected, match="'P-KIMLIEN' không có trong danh mục đơn vị của năm 2024"):
        resolve_unit(pd.Series(dtype="str"), TitleBlock("P-KIMLIEN"), Path("a.xlsx"), KNOWN, KNOWN, 2024)
    with pytest.raises(FileRejected, match="Không xác định được đơn vị gửi"):
        resolve_unit(pd.Series(dtype="str"), TitleBlock(), Path("a.xlsx"), KNOWN, KNOWN, 2024)


def test_year_in_title_must_match_the_folder():
    assert resolve_year(TitleBlock(year=2024), 2024) == 2024
    assert resolve_year(TitleBlock(), 2024) == 2024
    with pytest.raises(FileRejected, match=r"Năm ở tiêu đề \(2023\) khác năm của thư mục \(2024\)"):
        resolve_year(TitleBlock(year=2023), 2024)


@pytest.mark.parametrize("name", ["Q-BD dang ky 2024.xlsx", "Q-BD.dang-ky.xls",
                                  "q-bd dang ky.xlsx"])
def test_a_file_name_starting_with_a_code_without_its_underscore_gives_the_unit(name):
    """Fresh tester D's 510 (01/12): such a file was rejected, its message naming the code;
    now read as that unit, told (``test_file_name_unit.py``)."""
    assert resolve_unit(pd.Series(dtype="str"), TitleBlock(), Path(name), KNOWN, KNOWN,
                        2024) == "Q-BD"


def test_folder_year_is_the_nearest_year_folder_within_the_raw_folder():
    from thidua.ingest.identify import folder_year

    assert folder_year(Path("/data/raw/2024/quan/Q-DD.xlsx"), "quan/Q-DD.xlsx") == 2024
    assert folder_year(Path("/data/raw/2024/2023/Q-DD.xlsx"), "2023/Q-DD.xlsx") == 2023
    assert folder_year(Path("/tmp/x/Q-DD.xlsx"), "Q-DD.xlsx") is None
    with pytest.raises(FileRejected, match="thư mục năm 2023 nhưng đang lập báo cáo năm 2024"):
        resolve_year(TitleBlock(), 2023, 2024)


REGISTRY = {"Q-BD", "Q-DD", "H-DA", "N-GD", "TX-ST", "KCN"}


@pytest.mark.parametrize("written,code", [
    ("Q-BD", "Q-BD"), ("q-bd", "Q-BD"), (" Q-BD ", "Q-BD"), ("Q.BD", "Q-BD"), ("Q BD", "Q-BD"),
    ("Q_BD", "Q-BD"), ("Q–BD", "Q-BD"), ("Q—BD", "Q-BD"), ("QBD", "Q-BD"), ("Q-BĐ", "Q-BD"),
    ("q-đđ", "Q-DD"), ("tx.st", "TX-ST"), ("kcn", "KCN"), ("TXST", "TX-ST"),
    ("BD", None), ("Q-BDX", None), ("", None), ("---", None)])
def test_a_unit_code_is_read_in_any_case_and_with_any_separator(written, code):
    assert registry_code(written, REGISTRY) == code


def test_two_codes_that_differ_only_by_separators_read_as_neither():
    assert registry_code("QBD", {"Q-BD", "QB-D"}) is None
    assert registry_code("QB-D", {"Q-BD", "QB-D"}) == "QB-D"


def test_a_code_written_loosely_counts_everywhere_and_is_told():
    title = TitleBlock(unit_code="Q.BD")
    unit = resolve_unit(pd.Series(["q-bd", "Q BD"]), title, Path("qbd_dang-ky.xlsx"),
                        REGISTRY, REGISTRY, 2024)
    assert unit == "Q-BD"
    assert code_note(pd.Series(["q-bd", "Q BD"]), title, unit) == (
        "Mã đơn vị 'Q BD', 'Q.BD' đã hiểu là 'Q-BD' (mã trong danh mục đơn vị); đề "
        "nghị lần sau ghi đúng 'Q-BD'.")
    assert code_note(pd.Series(["Q-BD"]), TitleBlock(unit_code="Q-BD"), "Q-BD") is None
    with pytest.raises(FileRejected, match="không thống nhất"):
        resolve_unit(pd.Series(["q.bd"]), TitleBlock(unit_code="Q-DD"), Path("x.xlsx"),
                     REGISTRY, REGISTRY, 2024)


@pytest.mark.parametrize("cells,year", [
    (["Năm: năm 2024"], 2024), (["Năm: 2024."], 2024), (["Năm báo cáo: Năm 2024"], 2024),
    (["Năm: 2024 (báo cáo)"], 2024), (["Năm:", "2024"], 2024), (["NĂM 2024"], 2024),
    (["Năm học 2023-2024"], None)])
def test_a_year_written_with_words_around_it_is_read(cells, year):
    assert parse_title([cells]).year == year


@pytest.mark.parametrize("cells", [["Năm: 2024-2031"], ["Năm: 2Q24"], ["Năm: sắp tới"]])
def test_a_year_line_that_is_no_one_year_rejects_the_file_saying_what_is_expected(cells):
    with pytest.raises(FileRejected, match=r"cần một năm 4 chữ số, ví dụ 'Năm: 2024'"):
        parse_title([cells])


@pytest.mark.parametrize("cells", [
    ["Mã đơn vị: Q-BD (Ba Đình)"], ["Mã đơn vị: q.bd"], ["Mã ĐV:", "Q-BD"],
    ["Mã đơn vị: Q-BD - LĐLĐ quận Ba Đình"], ["Mã đơn vị: LĐLĐ quận Ba Đình, mã Q-BD"]])
def test_a_title_code_with_words_around_it_is_read(cells):
    title = parse_title([cells])
    assert resolve_unit(pd.Series(dtype="str"), title, Path("a.xlsx"), REGISTRY, REGISTRY,
                        2024) == "Q-BD"


def test_a_title_naming_two_codes_is_not_guessed():
    title = parse_title([["Mã đơn vị: Q-BD hoặc Q-DD"]])
    with pytest.raises(FileRejected, match="không có trong danh mục"):
        resolve_unit(pd.Series(dtype="str"), title, Path("a.xlsx"), REGISTRY, REGISTRY, 2024)


@pytest.mark.parametrize("cells,field,value", [
    (["Mã số đơn vị: Q-BD"], "unit_code", "Q-BD"), (["Năm thực hiện: 2024"], "year", 2024),
    (["Năm đăng ký: 2024"], "year", 2024),
    (["Ngày báo cáo: 05/12/2024"], "sent_date", dt.date(2024, 12, 5)),
    (["Ngày lập biểu: 05/12/2024"], "sent_date", dt.date(2024, 12, 5)),
    (["Hà Nội, ngày 05 tháng 12 năm 2024"], "sent_date", dt.date(2024, 12, 5)),
    (["Nam Định, ngày 5 tháng 12 năm 2024"], "sent_date", dt.date(2024, 12, 5)),
    (["Hà Nội, ngày … tháng … năm 2024"], "sent_date", None),
    (["Ngày gửi: 01/12/2024", "Hà Nội, ngày 05 tháng 12 năm 2024"], "sent_date",
     dt.date(2024, 12, 1)),                                  # an explicit label wins
    (["(Kèm theo Báo cáo số 12/BC-CĐ ngày 05/12/2024)"], "sent_date", None),
])
def test_title_labels_in_other_words_and_the_dated_line(cells, field, value):
    assert getattr(parse_title([cells]), field) == value


NAMES = {"Q-BD": "Liên đoàn Lao động quận Ba Đình", "Q-DD": "Liên đoàn Lao động quận Đống Đa",
         "N-YT": "Công đoàn ngành Y tế Hà Nội", "TX-ST": "Liên đoàn Lao động thị xã Sơn Tây",
         "CQ": "Công đoàn Cơ quan Liên đoàn Lao động thành phố Hà Nội"}


@pytest.mark.parametrize("lines,code", [
    (("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI", "LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"), "Q-BD"),
    (("LĐLĐ Q. Đống Đa",), "Q-DD"), (("CÔNG ĐOÀN NGÀNH Y TẾ",), "N-YT"),
    (("LĐLĐ TX Sơn Tây",), "TX-ST"), (("CÔNG ĐOÀN CƠ QUAN LĐLĐ THÀNH PHỐ HÀ NỘI",), "CQ"),
    (("LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HÀ NỘI",), None),          # the Federation itself
    (("LĐLĐ quận Ba Đình", "LĐLĐ quận Đống Đa"), None),        # two units: never guessed
    (("LĐLĐ quận Ba",), None), ((), None)])
def test_a_unit_is_found_by_the_name_its_title_gives(lines, code):
    assert unit_by_name(lines, NAMES) == code


def test_a_unit_named_but_not_coded_is_identified_and_told(tmp_path):
    title = parse_title([["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], ["Năm: 2024"]])
    none = pd.Series(dtype="str")
    unit = resolve_unit(none, title, Path("danh-sach.xlsx"), REGISTRY, REGISTRY, 2024,
                        names=NAMES)
    assert unit == "Q-BD"
    assert code_note(none, title, unit, Path("danh-sach.xlsx")) == (
        "Tệp không ghi mã đơn vị; đã xác định đơn vị 'Q-BD' theo tên đơn vị ở tiêu đề; đề "
        "nghị lần sau ghi 'Mã đơn vị: Q-BD' ở tiêu đề.")
    # a code anywhere wins over the name, and then no such note
    coded = parse_title([["LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH"], ["Mã đơn vị: Q-DD"]])
    assert resolve_unit(none, coded, Path("a.xlsx"), REGISTRY, REGISTRY, 2024,
                        names=NAMES) == "Q-DD"
    with pytest.raises(FileRejected, match="Không xác định được đơn vị gửi"):
        resolve_unit(none, title, Path("a.xlsx"), REGISTRY, REGISTRY, 2024)  # no names given


# --- edges found by mutation testing (issue 14.5) ---------------------------------------------

@pytest.mark.parametrize("text, date", [
    ("45631", dt.date(2024, 12, 5)), ("45631.0", dt.date(2024, 12, 5)),  # Excel's day number
    ("36526", dt.date(2000, 1, 1)), ("36525", None), ("73050", dt.date(2099, 12, 31)),
    ("73051", None), ("5/1/24", dt.date(2024, 1, 5)), ("05.12.24", dt.date(2024, 12, 5)),
    ("1-2-99", dt.date(2099, 2, 1)), ("ngày 5 tháng 1 năm 25", dt.date(2025, 1, 5)),
])
def test_sent_date_as_a_day_number_from_2000_to_2099_and_with_a_two_digit_year(text, date):
    from thidua.ingest.identify import parse_sent_date

    assert parse_sent_date(text) == date


@pytest.mark.parametrize("sent, kept", [
    ("01/01/2024", True), ("31/12/2023", False), ("31/12/2025", True), ("01/01/2026", False)])
def test_a_sent_date_is_kept_from_the_first_day_of_the_year_to_the_last_of_the_next(sent, kept):
    from thidua.ingest.identify import checked_sent_date

    day = dt.datetime.strptime(sent, "%d/%m/%Y").date()
    assert checked_sent_date(parse_title([f"Ngày gửi: {sent}"]), 2024) == (
        (day, None) if kept else
        (None, f"Ngày gửi {sent} nằm ngoài năm 2024 và năm 2025; đã dùng thời gian sửa tệp "
               f"thay cho ngày gửi."))


def test_labels_with_a_space_before_the_colon_a_time_or_words_after_them():
    assert parse_title(["Ngày gửi: 05/12/2024 10:30"]).sent_date == dt.date(2024, 12, 5)
    assert parse_title(["Ngày gửi ngày 05 tháng 12 năm 2024"]).sent_date == dt.date(2024, 12, 5)
    with pytest.raises(FileRejected) as caught:  # after a colon, even spaced: must be a year
        parse_title(["Năm : hai nghìn"])
    assert str(caught.value) == ("Dòng 'Năm: hai nghìn' ở phần tiêu đề không phải là một năm "
                                 "(cần một năm 4 chữ số, ví dụ 'Năm: 2024').")


def test_a_label_alone_takes_the_next_cell_unless_it_is_a_label_or_there_is_none():
    assert parse_title([["Mã đơn vị:", "Năm: 2024"]]) == TitleBlock(None, 2024)
    assert parse_title([["Ngày gửi:"]]) == TitleBlock()
    assert parse_title([["Năm", "Ngày gửi:", "05/12/2024", "Mã đơn vị:", "Q-DD"]]) == \
        TitleBlock("Q-DD", None, dt.date(2024, 12, 5))


@pytest.mark.parametrize("lines, title", [
    (["Mã đơn vị Q DD"], TitleBlock("QDD")),  # without a colon: the code's spaces dropped
    (["Mã đơn vị Q-DD (Đống Đa)"], TitleBlock("Q-DD")),  # a bracketed name after it dropped
    (["Mã đơn vị Quận Đống Đa"], TitleBlock()),  # words, no code shape: nothing said
    (["Năm 2024 kế hoạch"], TitleBlock()),  # a year with other words: not the year
    (["Năm báo cáo 2024."], TitleBlock(year=2024)),
    ([["Mã đơn vị: Q-DD", "Năm: 2024"]], TitleBlock("Q-DD", 2024)),  # a row of cells
])
def test_title_lines_without_a_colon_count_only_in_their_labels_shape(lines, title):
    parsed = parse_title(lines)
    assert parsed == title
    assert parsed.lines == tuple(c for row in lines for c in ([row] if isinstance(row, str)
                                                                else row))


def test_the_code_of_a_file_name_is_what_comes_before_its_first_underscore():
    from thidua.ingest.identify import code_from_filename

    assert code_from_filename(Path("Q-DD_ban_sua.xlsx"), {"Q-DD"}) == "Q-DD"


# --- resolve_unit, message by message ------------------------------------------------------
NO_UNIT = ("Không xác định được đơn vị gửi: cần cột 'Mã đơn vị', dòng 'Mã đơn vị: …' ở tiêu đề, "
           "hoặc tên tệp bắt đầu bằng mã đơn vị (ví dụ Q-DD_dang-ky.xlsx)")


def _rejected(column, title, name, known=KNOWN, accepted=KNOWN, **kw) -> str:
    with pytest.raises(FileRejected) as caught:
        resolve_unit(pd.Series(column, dtype="object"), title, Path(name), known, accepted, 2024,
                     **kw)
    return str(caught.value)


@pytest.mark.parametrize("name, said", [
    ("a.xlsx", ""),
    ("Bao cao_dvk.xlsx", ""),  # a prefix of spaces and words is no code
    ("QX-1_dk.xlsx", " (phần đầu tên tệp 'QX-1' không phải mã đơn vị trong danh mục)"),
    ("qx_dk.xlsx", " (phần đầu tên tệp 'qx' không phải mã đơn vị trong danh mục)"),
    ("Q-BDX dang ky.xlsx", ""),
])
def test_no_code_anywhere_says_what_the_file_name_lacks(name, said):
    assert _rejected([None, ""], TitleBlock(), name) == NO_UNIT + said + "."


def test_a_unit_named_in_the_title_is_the_files_only_without_any_code():
    names = {"Q-BD": "Liên đoàn Lao động quận Ba Đình", "Q-DD": "Liên đoàn Lao động quận Đống Đa"}
    title = TitleBlock(lines=("LIÊN ĐOÀN LAO ĐỘNG QUẬN BA ĐÌNH", "Năm 2024"))
    none = pd.Series(dtype="object")
    assert resolve_unit(none, title, Path("a.xlsx"), KNOWN, KNOWN, 2024, names=names) == "Q-BD"
    assert resolve_unit(pd.Series(["Q-DD"]), title, Path("a.xlsx"), KNOWN, KNOWN, 2024,
                        names=names) == "Q-DD"
    assert _rejected([], title, "a.xlsx") == NO_UNIT + "."  # no names given
    assert _rejected([], title, "a.xlsx", names={}) == NO_UNIT + "."


def test_three_sources_that_disagree_are_each_named_in_order():
    assert _rejected(["Q-BD"], TitleBlock("q dd"), "N-YT_dk.xlsx") == (
        "Mã đơn vị không thống nhất (cột 'Mã đơn vị': Q-BD; dòng 'Mã đơn vị:' ở tiêu đề: Q-DD; "
        "tên tệp: N-YT).")


def test_a_code_not_in_the_registry_names_where_it_was_found():
    assert _rejected(["XY-Z", "XY-Z"], TitleBlock(), "a.xlsx") == (
        "Mã đơn vị 'XY-Z' không có trong danh mục đơn vị của năm 2024 (mã lấy từ cột 'Mã đơn vị'); "
        "đề nghị ghi đúng mã đơn vị do LĐLĐ thành phố cấp.")


def test_a_registry_unit_not_active_in_the_year_is_told_when_it_was():
    accepted = {"Q-DD", "N-YT"}
    assert _rejected([], TitleBlock("Q-BD"), "a.xlsx", accepted=accepted,
                     periods={"Q-BD": "từ 01/01/2025"}) == (
        "Mã đơn vị 'Q-BD' không có trong danh mục đơn vị của năm 2024 (mã lấy từ dòng 'Mã đơn vị:' "
        "ở tiêu đề): theo danh mục, đơn vị này hoạt động từ 01/01/2025, không ngày nào trong năm "
        "2024 (đã giải thể, sáp nhập hoặc thành lập sau); đề nghị gửi tệp vào đúng năm hoặc ghi mã "
        "của đơn vị kế thừa.")
    assert _rejected([], TitleBlock(), "Q-BD_dk.xlsx", accepted=accepted) == (
        "Mã đơn vị 'Q-BD' không có trong danh mục đơn vị của năm 2024 (mã lấy từ tên tệp): theo "
        "danh mục, đơn vị này không hoạt động trong năm 2024 (đã giải thể, sáp nhập hoặc thành "
        "lập sau); đề nghị gửi tệp vào đúng năm hoặc ghi mã của đơn vị kế thừa.")


@pytest.mark.parametrize("written, code", [
    ("Q-BD - LĐLĐ quận Ba Đình", "Q-BD"), ("(q.bd)", "Q-BD"), ("Q-BD; Q-BD", "Q-BD"),
    ("Q-BD, Q-DD", "Q-BD, Q-DD"), ("X Y", "X Y")])
def test_the_titles_code_is_its_one_registry_word_else_as_written(written, code):
    """A value naming no unit is quoted as typed, spaces kept (fresh tester N's N209)."""
    if code in KNOWN:
        assert resolve_unit(pd.Series(dtype="object"), TitleBlock(written), Path("a.xlsx"),
                            KNOWN, KNOWN, 2024) == code
    else:
        assert f"Mã đơn vị '{code}' không có trong danh mục" in _rejected(
            [], TitleBlock(written), "a.xlsx")
