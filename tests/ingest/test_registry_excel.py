"""A unit registry saved by Excel (``docs/contracts.md``, ``## unit-registry.md``, "Registry
saved by Excel"; fresh tester W's W901, W902): dates day first (``01/10/2025`` is 1 October,
never 10 January), ``;`` or a tab as separator, UTF-8 with or without a byte-order mark or
UTF-16; what cannot be read so is refused in one Vietnamese line naming the file, the line,
the column and the value (:mod:`thidua.ingest.registrydates`,
:mod:`thidua.ingest.registrytext`)."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import unicodedata
import warnings

import pandas as pd
import pytest
from conftest import REGISTRY, SAMPLE_DIR

from thidua.cli import main
from thidua.ingest.registry import RegistryError, expected_units, load_registry
from thidua.ingest.registry_check import check_registry, describe
from thidua.ingest.registrytext import separator

HEAD = "code,name,level,kind,valid_from,valid_to,successors,members,grassroots_unions\n"
OLD = "Q-DD,LĐLĐ quận Đống Đa,cap_tren_co_so,quan_huyen,{start},{end},P-A;P-B,100,10\n"
WARD = "P-{x},Công đoàn phường {x},cap_tren_co_so,xa_phuong,{start},,,50,5\n"
START = "cần ngày bắt đầu dạng dd/mm/yyyy (ví dụ 01/10/2025) hoặc yyyy-mm-dd"
END = "cần ngày kết thúc dạng dd/mm/yyyy (ví dụ 30/06/2025) hoặc yyyy-mm-dd, trống nếu còn hoạt động"


def write(tmp_path, text: str, name: str = "units.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def registry_text(start: str, end: str, a: str, b: str) -> str:
    return HEAD + OLD.format(start=start, end=end) + WARD.format(x="A", start=a) + WARD.format(x="B", start=b)


def refused(path) -> str:
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return str(caught.value)


def _bundled_rows() -> tuple[list[str], list[list[str]]]:
    """The bundled registry's comment lines and its rows (header first), as csv reads them."""
    lines = REGISTRY.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    return comments, list(csv.reader(lines[len(comments):]))


def _excel(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _day_first(rows: list[list[str]]) -> list[list[str]]:
    """``rows`` with each date written as Excel writes it under a Vietnamese Windows."""
    def vn(value: str) -> str:
        return f"{dt.date.fromisoformat(value):%d/%m/%Y}" if value else ""
    return [rows[0]] + [row[:4] + [vn(row[4]), vn(row[5])] + row[6:] for row in rows[1:]]


# --- W901: dates -------------------------------------------------------------------------

def test_the_bundled_registry_re_saved_day_first_reads_as_the_bundled_one(tmp_path, registry):
    comments, rows = _bundled_rows()
    text = "\ufeff" + "".join(c + ",,,,,,,\r\n" for c in comments) + _excel(_day_first(rows))
    assert "P-KIMLIEN,Công đoàn phường Kim Liên" in text and ",01/10/2025,," in text
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")  # no English warning of pandas guessing the order
        again = load_registry(write(tmp_path, text))
    assert [str(w.message) for w in warned] == []
    pd.testing.assert_frame_equal(again, registry)
    # fresh tester W's W901: 132 units expected on 30/06/2025 when 01/10/2025 was 10 January
    on_30_june = expected_units(again, 2025, as_of=dt.date(2025, 6, 30))
    assert len(on_30_june) == 40 and on_30_june["valid_to"].eq(pd.Timestamp("2025-06-30")).all()
    assert len(expected_units(again, 2025)) == 93


@pytest.mark.parametrize("written", [
    "01/10/2025", "1/10/2025", "01-10-2025", "01.10.2025", "2025-10-01", "2025/10/01",
    "2025-10-1", "01/10/2025 0:00", "01/10/2025 00:00:00", "2025-10-01 00:00:00",
    "2025-10-01T00:00", "01/10/2025 13:45", " 01/10/2025 ", "01/10/2025\u00a0",
])
def test_each_shape_of_a_date_reads_day_first(tmp_path, written):
    # beside 01/01/1990 and 13/7/2025, which read one way only (a year first date among them
    # makes the column mixed: only dates reading two ways are refused there)
    path = write(tmp_path, registry_text("01/01/1990", "30/06/2025", written, "13/7/2025"))
    registry = load_registry(path)
    assert registry["valid_from"].tolist() == [pd.Timestamp("1990-01-01"), pd.Timestamp("2025-10-01"),
                                               pd.Timestamp("2025-07-13")]
    assert registry["valid_to"].tolist()[0] == pd.Timestamp("2025-06-30")
    assert expected_units(registry, 2025, as_of=dt.date(2025, 7, 13))["code"].tolist() == ["P-B"]
    assert expected_units(registry, 2025)["code"].tolist() == ["P-A", "P-B"]


def test_an_empty_or_blank_end_means_the_unit_still_exists(tmp_path):
    text = HEAD + "Q-DD,Đống Đa,cap_tren_co_so,quan_huyen,01/01/1990,   ,,1,1\n"
    registry = load_registry(write(tmp_path, text))
    assert registry["valid_to"].isna().all()
    assert expected_units(registry, 2026)["code"].tolist() == ["Q-DD"]


def test_a_column_of_year_first_dates_beside_a_day_first_date_no_other_way_reads(tmp_path):
    path = write(tmp_path, registry_text("1990-01-01", "30/06/2025", "2025-10-01", "13/07/2025"))
    assert load_registry(path)["valid_from"].tolist()[2] == pd.Timestamp("2025-07-13")


@pytest.mark.parametrize("start, end, said", [
    ("01/01/90", "30/06/2025",
     (f"dòng 2, cột 'valid_from' = '01/01/90': năm chỉ có 2 chữ số, không rõ là 1990 hay 2090; hãy "
      f"ghi năm đủ 4 chữ số; {START}")),
    ("31/02/1990", "30/06/2025",
     (f"dòng 2, cột 'valid_from' = '31/02/1990': ngày 31/02/1990 không có (tháng 02/1990 có 28 "
      f"ngày); {START}")),
    ("1990-13-01", "30/06/2025",
     f"dòng 2, cột 'valid_from' = '1990-13-01': tháng 13 không có (tháng chỉ từ 01 đến 12); {START}"),
    ("1/1/1990", "6/30/2025",
     (f"dòng 2, cột 'valid_to' = '6/30/2025': ngày 06/30/2025 không có (tháng chỉ từ 01 đến 12); có "
      f"vẻ ghi theo kiểu tháng/ngày/năm (bảng tính đặt ngôn ngữ Mỹ, ví dụ Google Sheets): nếu là "
      f"ngày 30 tháng 06, đề nghị ghi 30/06/2025 (ngày/tháng/năm) hoặc đổi ngôn ngữ bảng tính sang "
      f"Việt Nam; {END}")),
    ("hôm qua", "30/06/2025", f"dòng 2, cột 'valid_from' = 'hôm qua': không phải ngày; {START}"),
    ("01/01/1990 25:00", "30/06/2025",
     f"dòng 2, cột 'valid_from' = '01/01/1990 25:00': không phải ngày; {START}"),
    ("01/01/1990", "06/2025", f"dòng 2, cột 'valid_to' = '06/2025': không phải ngày; {END}"),
])
def test_a_date_that_reads_no_way_is_refused_naming_line_column_and_value(tmp_path, start, end, said):
    path = write(tmp_path, registry_text(start, end, "01/10/2025", "01/07/2025"))
    assert refused(path) == f"Danh mục đơn vị {path} không hợp lệ: {said}"


def test_a_column_mixing_year_first_and_day_first_refuses_the_dates_that_read_two_ways(tmp_path):
    path = write(tmp_path, "# ví dụ\n" + registry_text("1990-01-01", "2025-06-30", "01/10/2025", "2025-07-01"))
    assert refused(path) == (
        f"Danh mục đơn vị {path} không hợp lệ: dòng 4, cột 'valid_from' = '01/10/2025': cột này ghi "
        f"ngày theo hai kiểu (năm trước, như '1990-01-01' ở dòng 3, và ngày trước), nên không rõ là "
        f"ngày 01 tháng 10 hay ngày 10 tháng 01 năm 2025; hãy ghi mọi ngày của cột theo một kiểu; "
        f"{START}")


def test_date_faults_are_said_row_by_row(tmp_path):
    path = write(tmp_path, registry_text("01/01/1990", "31/06/2025", "32/10/2025", "01/07/2025"))
    assert refused(path) == (
        f"Danh mục đơn vị {path} không hợp lệ: dòng 2, cột 'valid_to' = '31/06/2025': ngày 31/06/2025 "
        f"không có (tháng 06/2025 có 30 ngày); {END}; dòng 3, cột 'valid_from' = '32/10/2025': ngày "
        f"32/10/2025 không có (tháng 10/2025 có 31 ngày); {START}")


def test_more_than_five_date_faults_are_counted(tmp_path):
    text = HEAD + "".join(WARD.format(x=n, start="32/01/2025") for n in "ABCDEFG")
    said = refused(write(tmp_path, text))
    assert said.count("ngày 32/01/2025 không có") == 5 and said.endswith("; và 2 lỗi khác")


def test_registry_check_names_each_date_fault_on_its_line_and_nothing_else_of_its_row(tmp_path):
    text = registry_text("hôm qua", "31/06/2025", "01/10/2025", "01/07/25")
    path = write(tmp_path, text)
    with warnings.catch_warnings(record=True) as warned:
        warnings.simplefilter("always")  # a fault is never handed to pandas, which would guess
        problems = check_registry(path)
    assert [str(w.message) for w in warned] == []
    # the unread end is no open period: no overlap, no gap is made up for Q-DD
    assert [describe(path, p) for p in problems] == [
        f"units.csv, dòng 2, cột valid_from: 'hôm qua' không hợp lệ: không phải ngày; {START}",
        (f"units.csv, dòng 2, cột valid_to: '31/06/2025' không hợp lệ: ngày 31/06/2025 không có "
         f"(tháng 06/2025 có 30 ngày); {END}"),
        (f"units.csv, dòng 4, cột valid_from: '01/07/25' không hợp lệ: năm chỉ có 2 chữ số, không rõ "
         f"là 1925 hay 2025; hãy ghi năm đủ 4 chữ số; {START}"),
    ]


def test_registry_check_passes_the_bundled_registry_re_saved_day_first(tmp_path):
    comments, rows = _bundled_rows()
    assert check_registry(write(tmp_path, "".join(c + "\n" for c in comments) + _excel(_day_first(rows)))) == []


def test_a_date_fault_is_one_line_of_the_command(tmp_path, capsys):
    path = write(tmp_path, registry_text("01/01/90", "30/06/2025", "01/10/2025", "01/07/2025"))
    assert main(["validate", "--year", "2024", "--raw", str(SAMPLE_DIR), "--registry", str(path),
                 "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == (
        f"thidua: Danh mục đơn vị {path} không hợp lệ: dòng 2, cột 'valid_from' = '01/01/90': năm "
        f"chỉ có 2 chữ số, không rõ là 1990 hay 2090; hãy ghi năm đủ 4 chữ số; {START}\n")


def test_another_fault_quotes_the_dates_as_written(tmp_path):
    path = write(tmp_path, registry_text("01/05/2024", "31/01/2024", "01/10/2025", "01/07/2025"))
    assert refused(path) == (f"Danh mục đơn vị {path} không hợp lệ: dòng 2, mã 'Q-DD': valid_to "
                             f"31/01/2024 trước valid_from 01/05/2024")


# --- W902: separator and encoding --------------------------------------------------------

def test_the_bundled_registry_saved_with_semicolons_reads_as_the_bundled_one(tmp_path, registry):
    comments, rows = _bundled_rows()
    # as Excel saves it where ',' is the decimal mark: the comments split at their commas into
    # cells, a cell holding ';' quoted (so a comment line may start with '"#')
    text = "\ufeff" + _excel([c.split(",") + [""] * 3 for c in comments] + rows, delimiter=";")
    assert '\r\n"# 40 đơn vị năm 2024' in text and ';"P-BADINH;P-NGOCHA;P-GIANGVO";' in text
    again = load_registry(write(tmp_path, text))
    pd.testing.assert_frame_equal(again, registry)
    assert check_registry(write(tmp_path, text)) == []


def test_a_tab_separated_utf16_registry_reads(tmp_path, registry):
    comments, rows = _bundled_rows()
    text = "".join(c + "\r\n" for c in comments) + _excel(_day_first(rows), delimiter="\t")
    path = write(tmp_path, "\ufeff" + text, encoding="utf-16-le")  # Excel's "Unicode Text"
    pd.testing.assert_frame_equal(load_registry(path), registry)


def test_a_sep_line_first_is_skipped_and_counted(tmp_path):
    text = "sep=;\n" + registry_text("01/01/1990", "30/06/2025", "01/10/2025", "01/07/2025").replace(
        ",", ";").replace("P-A;P-B;100", '"P-A;P-B";100')
    registry = load_registry(write(tmp_path, text))
    assert registry["line"].tolist() == [3, 4, 5] and registry["successors"][0] == "P-A;P-B"


def test_a_comma_file_keeps_semicolons_inside_its_cells(tmp_path):
    text = registry_text("01/01/1990", "30/06/2025", "01/10/2025", "01/07/2025").replace(
        "P-A;P-B", '"P-A; P-B"')
    assert load_registry(write(tmp_path, text))["successors"].tolist()[0] == "P-A; P-B"


@pytest.mark.parametrize("header, sep", [
    (HEAD.strip(), ","),
    (HEAD.strip().replace(",", ";"), ";"),
    (HEAD.strip().replace(",", "\t"), "\t"),
    ('"code";"name";"level";"kind";"valid_from";"valid_to";"successors";"members";"grassroots_unions"', ";"),
    ("code;name,level", ","),  # one name each way: the tie goes to ','
    ("mã;tên;cấp", ","),  # no column name: ',' (then "không có dòng tiêu đề")
])
def test_the_header_line_decides_the_separator(header, sep):
    assert separator(header) == sep


def test_a_cell_with_the_separator_unquoted_names_the_separator(tmp_path):
    text = registry_text("01/01/1990", "30/06/2025", "01/10/2025", "01/07/2025").replace(",", ";").replace(
        "P-A;P-B;100", '"P-A;P-B";100').replace("phường A;", "phường A; Hà Nội;")
    path = write(tmp_path, text)
    assert refused(path) == (f"Danh mục đơn vị {path} không đọc được: dòng 3 có 10 ô, nhiều hơn 9 cột "
                             f"của dòng tiêu đề (ô có dấu chấm phẩy phải nằm giữa hai dấu ngoặc kép).")


def _cp1258(text: str) -> bytes:
    """``text`` as Windows-1258 bytes, as a Vietnamese Windows writes them: a letter the code
    page lacks as its letter without tone mark, then the tone mark (``ụ`` → ``u`` + U+0323)."""
    out = b""
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", c)
            tones = "".join(m for m in parts if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(m for m in parts if m not in tones))
            out += (base + tones).encode("cp1258")
    return out


def test_a_registry_that_is_not_utf8_is_refused_naming_its_line_and_encoding(tmp_path):
    text = "# ví dụ\n" + registry_text("01/01/1990", "30/06/2025", "01/10/2025", "01/07/2025")
    path = tmp_path / "units.csv"
    path.write_bytes(_cp1258(text))  # Excel's "CSV (Comma delimited)" under a Vietnamese Windows
    assert path.read_bytes().startswith(b"# v\xed du\xf2\ncode,")
    assert refused(path) == (
        f"Danh mục đơn vị {path} không phải văn bản UTF-8: dòng 1 có byte 0xED không đọc được (tệp có "
        f"lẽ được lưu theo bảng mã Windows-1258); cần CSV mã UTF-8: hãy mở bằng Excel và lưu dạng "
        f"'CSV UTF-8 (Comma delimited)'.")
    with pytest.raises(RegistryError, match="không phải văn bản UTF-8: dòng 1"):
        check_registry(path)


def test_a_registry_misread_in_a_windows_code_page_and_saved_again_is_refused(tmp_path):
    text = HEAD + "Q-HK,Liên đoàn Lao động quận Hoàn Kiếm,cap_tren_co_so,quan_huyen,01/01/1990,,,1,1\n" \
        "Q-CG,Liên đoàn Lao động quận Cầu Giấy,cap_tren_co_so,quan_huyen,01/01/1990,,,1,1\n"
    path = write(tmp_path, text.encode("utf-8").decode("cp1252"))
    assert refused(path) == (
        f"Chữ tiếng Việt trong danh mục đơn vị {path} bị lỗi mã từ dòng 2 (ví dụ 'Q-HK,LiÃªn Ä‘oÃ\u00a0n "
        f"Lao Ä‘á»™ng quáº­n HoÃ\u00a0n Kiáº¿m,cap_tren_c'): tệp UTF-8 đã bị mở bằng bảng mã Windows-1258 rồi lưu "
        f"lại; hãy dùng tệp gốc, hoặc mở tệp bằng Excel qua Dữ liệu > Từ Văn bản/CSV, chọn mã 65001: "
        f"Unicode (UTF-8), rồi lưu dạng 'CSV UTF-8 (Comma delimited)'.")


@pytest.mark.parametrize("start, kind", [(b"PK\x03\x04", "tệp bảng tính .xlsx/.ods"),
                                         (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "tệp Excel .xls")])
def test_a_workbook_given_as_registry_is_refused(tmp_path, start, kind):
    path = tmp_path / "units.xlsx"
    path.write_bytes(start + b"\x00" * 64)
    assert refused(path) == (f"Danh mục đơn vị {path} là {kind}, không phải CSV: hãy mở bằng Excel "
                             f"và lưu dạng 'CSV UTF-8 (Comma delimited)'.")


def test_a_byte_order_mark_and_crlf_lines_read(tmp_path):
    text = registry_text("01/01/1990", "30/06/2025", "01/10/2025", "01/07/2025").replace("\n", "\r\n")
    path = tmp_path / "units.csv"
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    assert load_registry(path)["code"].tolist() == ["Q-DD", "P-A", "P-B"]


@pytest.mark.parametrize("blank", [",,,,,,,,", ";;;;;;;;", " , , ,", ""])
def test_a_row_of_nothing_but_separators_is_skipped(tmp_path, blank):
    """Excel saves an empty formatted row as separators alone, at the end or between units
    (fresh tester Z's Z051: the whole registry was refused, "cột 'members' = 'nan'")."""
    text = registry_text("1990-01-01", "2025-06-30", "2025-07-01", "2025-07-01")
    head, *rows = text.splitlines(keepends=True)
    sep = ";" if blank.startswith(";") else ","
    first = rows[0].replace("P-A;P-B", "PAB").replace(",", sep).replace("PAB", '"P-A;P-B"')
    lines = [head.replace(",", sep), first,
             blank + "\n", *(r.replace(",", sep) for r in rows[1:]), blank + "\n", blank + "\n"]
    got = load_registry(write(tmp_path, "".join(lines)))
    assert got["code"].tolist() == ["Q-DD", "P-A", "P-B"]
    assert got["line"].tolist() == [2, 4, 5]  # each unit's own line in the file


@pytest.mark.parametrize("members, unions, number", [
    ('"29,140"', '"1,234"', (29140, 1234)), ("29.140", "1.234", (29140, 1234)),
    ("29 140", "412", (29140, 412)), ('"1,029,140"', "7", (1029140, 7)),
    ("29140", "412", (29140, 412)),
])
def test_counts_written_with_thousands_separators_are_read(tmp_path, members, unions, number):
    """``29.140`` (Excel in a Vietnamese locale), ``29,140`` (an English one), ``29 140``
    (fresh tester Z's Z050: the registry was refused "cần số đoàn viên")."""
    row = f"Q-DD,LĐLĐ quận Đống Đa,cap_tren_co_so,quan_huyen,1990-01-01,,,{members},{unions}\n"
    got = load_registry(write(tmp_path, HEAD + row))
    assert (int(got.at[0, "members"]), int(got.at[0, "grassroots_unions"])) == number


@pytest.mark.parametrize("members", ["29.14", "2.9140", "29,1400", "1.000.00"])
def test_a_count_that_is_no_grouped_number_is_still_refused(tmp_path, members):
    row = f'Q-DD,LĐLĐ quận Đống Đa,cap_tren_co_so,quan_huyen,1990-01-01,,,"{members}",10\n'
    assert f"cột 'members' = '{members}'" in refused(write(tmp_path, HEAD + row))


def test_the_first_byte_that_is_not_utf8_is_named_by_its_line(tmp_path):
    """The line counted from the file's start (mutation review: the test above has it on
    line 1, where any count gives 1)."""
    body = (HEAD + "Q-HK,Hoan Kiem,cap_tren_co_so,quan_huyen,01/01/1990,,,1,1\n").encode() + \
        "Q-CG,Liên đoàn Lao động quận Cầu Giấy,cap_tren_co_so,quan_huyen,01/01/1990,,,1,1\n" \
        .encode("cp1258", errors="replace")
    path = tmp_path / "units.csv"
    path.write_bytes(body)
    assert "không phải văn bản UTF-8: dòng 3 có byte 0xEA không đọc được" in refused(path)


def test_a_registry_that_cannot_be_read_says_why(tmp_path):
    from thidua.ingest import registrytext

    path = tmp_path / "units.csv"
    path.mkdir()  # a folder of that name: the system's reason, in Vietnamese
    with pytest.raises(RegistryError) as caught:
        registrytext.registry_text(path)
    assert str(caught.value) == (f"Không đọc được danh mục đơn vị {path}: là một thư mục, "
                                 f"không phải tệp")
