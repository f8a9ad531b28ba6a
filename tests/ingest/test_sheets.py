"""What a sheet's cells really hold (issues 16.1, 9.2, 9.4, 16.5, 16.6): merged cells, the text
Excel shows, 1904 dates, hidden rows, formulas without saved results, sheets filled down to
the end. The corpus files are ``tests/fixtures/corpus_sheets.py``; their exact counts are in
its ``EXPECTED`` (checked by ``test_corpus.py``); here the values behind the counts."""

from __future__ import annotations

import datetime as dt
import io
import resource
import time
import zipfile

import pytest

from conftest import CORPUS
from corpus_rows import regs, titled
from corpus_writers import write_ods, write_xls, write_xlsx, xlsx_bytes
from helpers import input_file
from thidua.ingest.cells import sheet_facts
from thidua.ingest.files import ingest_file
from thidua.ingest.numfmt import format_number
from thidua.ingest.read import column_labels, parse_sheet, raw_rows
from thidua.publish.feedback import feedback_workbooks

SAVE = ("Đề nghị mở tệp bằng Excel hoặc LibreOffice, lưu lại (để lưu cả kết quả của công thức) "
        "rồi gửi lại.")


# --- 16.1 merged cells ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["S-01_o-gop.xlsx", "S-02_o-gop.xls", "S-03_o-gop.ods"])
def test_a_merged_cell_counts_for_every_row_it_spans(results, name):
    reg_ = results[name].registrations
    assert reg_.loc[[7, 8, 9], "field"].tolist() == ["KT", "KT", "KT"]
    assert reg_.loc[[10, 11], "type"].tolist() == ["individual", "individual"]
    assert reg_.loc[[12, 13], "level"].tolist() == ["thanh_pho", "thanh_pho"]
    assert reg_.loc[[14, 15], "result"].tolist() == ["tieu_bieu", "tieu_bieu"]
    assert reg_.loc[16, "grassroots_union"] == "CĐCS Bệnh viện Đa khoa Sông Hồng"
    assert (reg_["result"] == "tieu_bieu").sum() == 2


def test_a_merge_fills_its_range_only_and_an_empty_cell_elsewhere_is_an_error(results):
    result = results["S-04_o-gop-thieu.xlsx"]
    assert result.registrations.loc[8, "field"] == "KT"  # C7:C8 from row 7 (reg(1) is VHXH)
    assert result.rejections[["row", "column"]].values.tolist() == [[9, "Lĩnh vực"]]
    assert result.rejections["error"][0].startswith("Thiếu 'Lĩnh vực': cần ")
    assert result.registrations.loc[10, "result"] == "chua_danh_gia"  # empty, not merged


def test_merges_in_the_title_block_are_not_spread_and_header_labels_stay_right(results):
    sheet = parse_sheet((CORPUS / "Q-DD_tieu-de-hai-dong.xlsx").read_bytes(), ".xlsx")
    assert [v for v in sheet.grid[0] if v] == ["Mã đơn vị: Q-DD"]
    labels = column_labels(sheet)
    assert labels["stt"] == "STT" and labels["model"] == "Tên mô hình"
    assert labels["type"] == "Thông tin đăng ký / Hình thức"
    assert sheet.table.header_rows == (2, 3, 4)


def test_a_header_merged_over_two_rows_is_one_header(tmp_path):
    header2 = [None] * 11
    sheet = titled("S-01", regs(2))
    sheet.rows.insert(6, header2)  # header rows 6-7, every header cell merged down
    sheet.merges += [f"{c}6:{c}7" for c in "ABCDEFGHIJK"]
    path = tmp_path / "S-01_x.xlsx"
    write_xlsx(path, [sheet])
    parsed = parse_sheet(path.read_bytes(), ".xlsx")
    assert parsed.table.header_rows == (5, 6)
    assert column_labels(parsed)["field"] == "Lĩnh vực"
    assert raw_rows(parsed).index.tolist() == [8, 9]


def test_a_merge_down_to_the_last_excel_row_makes_no_rows(tmp_path):
    sheet = titled("S-01", regs(3))
    sheet.merges.append("J9:J1048576")
    path = tmp_path / "S-01_y.xlsx"
    write_xlsx(path, [sheet])
    raw = raw_rows(parse_sheet(path.read_bytes(), ".xlsx"))
    assert raw.index.tolist() == [7, 8, 9]


# --- 9.2 what Excel shows ------------------------------------------------------------------
@pytest.mark.parametrize("code,text", [
    ("0000", "0300"), ("General", "300"), ("@", "300"), ("#,##0", "1,234,567"),
    ("0.0", "3.1"), ("00", "07"), ('"ĐV"000', "ĐV007"), ("0%", "13%"), ("dd/mm/yyyy", None)])
def test_numbers_are_formatted_as_excel_shows_them(code, text):
    value = {"#,##0": 1234567, "0.0": 3.14159, "00": 7, '"ĐV"000': 7, "0%": 0.125}.get(code, 300)
    assert format_number(value, code) == text


@pytest.mark.parametrize("name", ["S-05_so-hien-thi.xlsx", "S-06_so-hien-thi.xls",
                                  "S-07_so-hien-thi.ods"])
def test_text_columns_take_the_displayed_text_and_dates_their_date_system(results, name):
    reg_ = results[name].registrations
    assert reg_.loc[7, "note"] == "0300"
    assert reg_.loc[8, "note"] == "1,234,567"
    assert reg_.loc[8, "period_start"] == dt.datetime(2024, 3, 15)  # 1904 workbook
    assert reg_.loc[9, "note"] == ("0200" if name.endswith("xlsx") else "12")


def test_stt_shows_its_leading_zero_and_an_xls_date_formula_is_a_date(results):
    rows = results["S-06_so-hien-thi.xls"].registrations
    assert rows.loc[9, "period_start"] == dt.datetime(2024, 6, 1)
    sheet = parse_sheet((CORPUS / "S-05_so-hien-thi.xlsx").read_bytes(), ".xlsx")
    assert raw_rows(sheet)["stt"].tolist() == ["01", "02", 3]


# --- 9.4 hidden rows -----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["S-08_dong-an.xlsx", "S-09_dong-an.xls", "S-10_dong-an.ods"])
def test_hidden_rows_are_ignored_and_told(results, name):
    result = results[name]
    assert result.ignored["hidden"] == 2
    assert result.registrations.index.tolist() == [7, 9, 11]
    assert ("2 dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng 8, 10. Nếu đó là mô "
            "hình đăng ký, đề nghị bỏ ẩn các dòng này (Excel: chọn các dòng, bấm chuột phải > "
            "Bỏ ẩn) rồi gửi lại.") in result.notes


def test_the_feedback_workbook_lists_the_hidden_rows(results):
    import openpyxl
    books = feedback_workbooks([results["S-08_dong-an.xlsx"]], 2024)
    ws = openpyxl.load_workbook(io.BytesIO(books["S-08"]))["Lỗi và lưu ý cả tệp"]
    lines = [row for row in ws.iter_rows(values_only=True)]
    assert any("dòng 8, 10" in (row[3] or "") for row in lines)


def _filtered_xlsx(path, *, filter_mode: bool, column: bool):
    """A unit's file with rows 9 and 11 hidden; ``column``: an AutoFilter with a criterion
    (Excel hides the rows it filters out); ``filter_mode``: the sheet says a filter is on."""
    import openpyxl
    from helpers import HEADER, row

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for line in ("Mã đơn vị: Q-BD", "Năm: 2024", ""):
        ws.append([line])
    ws.append(HEADER)
    for n, result in enumerate(["Hoàn thành", "Tiêu biểu", "Hoàn thành", "Tiêu biểu"], start=1):
        ws.append(row(model=f"Mô hình số {n} của đơn vị", result=result, stt=n))
    for r in (6, 8):
        ws.row_dimensions[r].hidden = True
    if column:
        ws.auto_filter.ref = "A4:K8"
        ws.auto_filter.add_filter_column(9, ["Hoàn thành"])
    if filter_mode:
        ws.sheet_properties.filterMode = True
    wb.save(path)
    return path


FILTER_ADVICE = ("2 dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng 6, 8. Trang tính được "
                 "lưu khi đang lọc (Lọc/Filter), nên các dòng này có thể bị bộ lọc ẩn. Nếu đó là mô "
                 "hình đăng ký, đề nghị xóa bộ lọc (Excel: Dữ liệu > Xóa bộ lọc), bỏ ẩn các dòng còn "
                 "ẩn (chọn các dòng, bấm chuột phải > Bỏ ẩn) rồi gửi lại.")
UNHIDE_ADVICE = ("2 dòng bị ẩn trong trang tính không được tính (bỏ qua): dòng 6, 8. Nếu đó là mô "
                 "hình đăng ký, đề nghị bỏ ẩn các dòng này (Excel: chọn các dòng, bấm chuột phải > "
                 "Bỏ ẩn) rồi gửi lại.")


@pytest.mark.parametrize("filter_mode,column,advice", [
    (True, True, FILTER_ADVICE),    # Excel's own save of a filtered list
    (False, True, FILTER_ADVICE),   # a criterion without the sheet's flag
    (True, False, FILTER_ADVICE),   # the sheet's flag alone
    (False, False, UNHIDE_ADVICE),  # rows hidden by hand
])
def test_rows_hidden_by_a_filter_are_told_how_to_clear_the_filter(tmp_path, context, filter_mode, column,
                                                                  advice):
    """Excel's "Unhide" does not show rows a filter hides: the unit is told to clear the filter.
    The rows are still ignored as hidden (issue 9.4), and counted so."""
    path = _filtered_xlsx(tmp_path / "Q-BD_dvk-2024.xlsx", filter_mode=filter_mode, column=column)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 4, "valid": 2, "rejected": 0, "ignored": 2}
    assert result.registrations.index.tolist() == [5, 7]
    assert advice in result.notes


def test_an_ods_row_hidden_by_a_filter_marks_the_sheet_filtered(tmp_path):
    """OpenDocument marks a row a filter hides with ``table:visibility="filter"`` (a row hidden
    by hand is ``collapse``)."""
    from corpus_writers import Sheet

    write_ods(tmp_path / "a.ods", [Sheet("DS", [["a"], ["b"], ["c"]], hidden_rows=[2])])
    data = (tmp_path / "a.ods").read_bytes()
    assert sheet_facts(data, "DS").filtered is False
    assert sheet_facts(data, "DS").hidden == ((1, 2),)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for item in source.infolist():
            content = source.read(item)
            if item.filename == "content.xml":
                assert b'table:visibility="collapse"' in content
                content = content.replace(b'table:visibility="collapse"', b'table:visibility="filter"')
            copy.writestr(item, content)
    assert sheet_facts(out.getvalue(), "DS").filtered is True
    assert sheet_facts(out.getvalue(), "DS").hidden == ((1, 2),)


# --- 16.5 formulas without a saved result ---------------------------------------------------
@pytest.mark.parametrize("name,field,result", [
    ("S-11_cong-thuc-chua-luu.xlsx", "=VLOOKUP(B8,'Danh mục'!A:B,2,0)",
     '=IF(H9="","","Hoàn thành")'),
    ("S-12_cong-thuc-chua-luu.ods", "=VLOOKUP(B8;[.A1:.B2];2;0)",
     '=IF(H9="";"";"Hoàn thành")')])
def test_a_formula_without_its_result_is_rejected_saying_so(results, name, field, result):
    lines = results[name].rejections[["row", "column", "value", "error"]].values.tolist()
    assert lines == [
        [8, "Lĩnh vực", field, "Ô C8 là công thức chưa được lưu kết quả, nên không đọc được giá "
                               f"trị của cột 'Lĩnh vực'. {SAVE}"],
        [9, "Kết quả", result, "Ô J9 là công thức chưa được lưu kết quả, nên không đọc được giá "
                               f"trị của cột 'Kết quả'. {SAVE}"]]
    assert results[name].registrations.index.tolist() == [7]


def test_a_whole_table_of_formulas_rejects_the_file_saying_so(results):
    result = results["S-13_toan-cong-thuc.xlsx"]
    assert result.problem.startswith("Cả 2 dòng của bảng có ô là công thức chưa được lưu kết quả")
    assert result.problem.endswith(SAVE)


# --- 16.6 sheets filled down, declared to the last row: bounded time and memory --------------
def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_a_dimension_and_styled_rows_to_the_last_excel_row_read_only_the_data(tmp_path, corpus_context):
    data = xlsx_bytes([titled("S-01", regs(3))])
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w",
                                                                   zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = body.replace(b'<dimension ref="A1:K9" />', b'<dimension ref="A1:K1048576" />')
                styled = b"".join(b'<row r="%d" s="1" customFormat="1" hidden="1"/>' % r
                                  for r in range(10, 1048577))
                body = body.replace(b"</sheetData>", styled + b"</sheetData>")
            dst.writestr(info, body)
    path = tmp_path / "S-01_dai.xlsx"
    path.write_bytes(out.getvalue())
    before = _peak_mb()  # time is the benchmark's to measure, never a unit test's
    result = ingest_file(input_file(path), corpus_context)
    assert _peak_mb() - before < 300
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert sheet_facts(path.read_bytes(), "Danh sách", 9).hidden == ()  # rows past the data
    assert sheet_facts(path.read_bytes(), "Danh sách", 12).hidden == ((9, 12),)


def test_an_ods_with_a_million_repeated_empty_rows_reads_only_the_data(tmp_path, corpus_context):
    path = tmp_path / "S-03_dai.ods"
    write_ods(path, [titled("S-03", regs(3))])
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i.filename) for i in src.infolist()}
    parts["content.xml"] = parts["content.xml"].replace(
        b"</table:table>", b'<table:table-row table:number-rows-repeated="1048000">'
        b'<table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table>')
    with zipfile.ZipFile(path, "w") as dst:
        for name, body in parts.items():
            dst.writestr(name, body)
    result = ingest_file(input_file(path), corpus_context)
    assert result.rows["read"] == 3 and result.rows["valid"] == 3


def test_a_column_filled_to_row_5000_is_read_fast(tmp_path, corpus_context):
    rows = [*regs(3)] + [[None] * 6 + ["Cơ sở"] for _ in range(5000 - 9)]
    path = tmp_path / "S-01_lap-day.xlsx"
    write_xlsx(path, [titled("S-01", rows)])
    start = time.perf_counter()
    result = ingest_file(input_file(path), corpus_context)
    assert time.perf_counter() - start < 30
    assert result.rows["read"] == 5000 - 6
    assert result.rows == {"read": 4994, "valid": 3, "rejected": 0, "ignored": 4991}
    assert sum(result.rows[k] for k in ("valid", "rejected", "ignored")) == result.rows["read"]




# --- hidden columns --------------------------------------------------------------------------
@pytest.mark.parametrize("writer,suffix", [(write_xlsx, ".xlsx"), (write_xls, ".xls"), (write_ods, ".ods")])
def test_hidden_columns_are_known_in_every_format(tmp_path, writer, suffix):
    from corpus_writers import Sheet

    path = tmp_path / f"a{suffix}"
    writer(path, [Sheet("DS", [["a", "b", "c", "d", "e"], [1, 2, 3, 4, 5]], hidden_columns=[1, 3])])
    assert sheet_facts(path.read_bytes(), "DS").hidden_columns == (1, 3)
    writer(path, [Sheet("DS", [["a", "b", "c"]])])
    assert sheet_facts(path.read_bytes(), "DS").hidden_columns == ()


def _twin_rows(hidden_first: bool) -> list[list]:
    """A unit's sheet with two ``Lĩnh vực`` columns: C holds last year's values, L the right
    ones (or the other way round)."""
    from helpers import HEADER, row

    header = [*HEADER[:2], "Lĩnh vực", *HEADER[3:], "Lĩnh vực"]
    old, right = ("Môi trường", "Kinh tế") if hidden_first else ("Kinh tế", "Môi trường")
    rows = [["Mã đơn vị: Q-BD"], ["Năm: 2024"], [], header]
    for n in range(1, 4):
        data = row(model=f"Mô hình số {n} của đơn vị", stt=n)
        rows.append([*data[:2], old, *data[3:], right])
    return rows


@pytest.mark.parametrize("writer,suffix", [(write_xlsx, ".xlsx"), (write_xls, ".xls"), (write_ods, ".ods")])
def test_a_visible_column_wins_over_a_hidden_one_of_the_same_header(tmp_path, context, writer, suffix):
    """A hidden ``Lĩnh vực`` column of last year's values beside the visible one: the visible
    one is read, and the unit told which column was read and why (the fault: every row was
    rejected for the hidden column's values, the message naming neither column)."""
    from corpus_writers import Sheet

    path = tmp_path / f"Q-BD_dvk-2024{suffix}"
    writer(path, [Sheet("Danh sách", _twin_rows(hidden_first=True), hidden_columns=[2])])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "KT", "KT"]
    assert ("Cột C (bị ẩn) và cột L cùng tiêu đề 'Lĩnh vực': đã đọc cột L, không đọc cột C. Nếu "
            "cột không được đọc mới là cột đúng, đề nghị xóa cột kia rồi gửi lại.") in result.notes


def test_two_visible_columns_of_one_header_read_the_left_one_and_say_so(tmp_path, context):
    from corpus_writers import Sheet

    path = tmp_path / "Q-BD_dvk-2024.xlsx"
    write_xlsx(path, [Sheet("Danh sách", _twin_rows(hidden_first=False))])
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 3, "valid": 3, "rejected": 0, "ignored": 0}
    assert result.registrations["field"].tolist() == ["KT", "KT", "KT"]
    assert ("Cột L và cột C cùng tiêu đề 'Lĩnh vực': đã đọc cột C, không đọc cột L. Nếu cột không "
            "được đọc mới là cột đúng, đề nghị xóa cột kia rồi gửi lại.") in result.notes
