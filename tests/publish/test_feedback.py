"""Feedback workbooks: a unit's rejected rows as it wrote them, its rejected files, as text only."""

import io

import openpyxl
import pytest

from thidua.publish.feedback import (UNKNOWN_UNIT, feedback_workbooks, unit_overview, write_feedback)
from thidua.report.figures import compute_figures
from thidua.ingest.registry import expected_units, load_registry
from conftest import CORPUS_REGISTRY
from corpus_expected import CORPUS_TABLE


@pytest.fixture(scope="module")
def books(results):  # noqa: F811
    return {code: openpyxl.load_workbook(io.BytesIO(data))
            for code, data in feedback_workbooks(list(results.values()), 2024).items()}


def _values(ws):
    return [[c.value for c in row] for row in ws.iter_rows()]


#: Units of the corpus with something to tell: a rejected row or file (base variants), hidden
#: rows (S-08…S-10), values read by approximation (V-GT), a file chosen by modification time
#: (N-YT), a hidden sheet holding the table, named as not counted (Q-LB, Q-TX, Q-TH); and
#: units with nothing to tell.
TOLD = {"H-CM", "H-DA", "H-MD", "H-ML", "H-PT", "H-QO", "H-THT", "H-TO", "H-TTH",
        UNKNOWN_UNIT, "N-CT", "N-DM", "N-GD", "N-GTVT", "N-NN", "P-KIMLIEN", "Q-DD", "Q-HM", "VC",
        "S-08", "S-09", "S-10", "V-GT", "N-YT", "Q-LB", "Q-TX", "Q-TH"}
NOTHING_TO_TELL = {"Q-BD", "Q-CG", "Q-HK", "Q-HBT", "CQ", "S-05", "N-XD",
                   "H-GL"}  # its header on row 31, read since 01/12


def test_one_workbook_per_unit_with_something_to_tell(books):
    assert TOLD <= set(books)
    assert not NOTHING_TO_TELL & set(books)
    rejected_units = {v[2] or UNKNOWN_UNIT for v in CORPUS_TABLE.values()
                      if v[1] == "rejected" or (v[1] == "used" and v[3][2])}
    assert rejected_units <= set(books)
    assert [ws.title for ws in books["Q-HM"].worksheets] == ["Tóm tắt", "Dòng bị từ chối",
                                                               "Lỗi và lưu ý cả tệp"]


def test_a_rejected_row_comes_back_with_the_unit_s_values_row_and_reason(books):
    ws = books["Q-HM"]["Dòng bị từ chối"]
    header, line = _values(ws)
    assert header == ["Tệp", "Trang tính", "Dòng (Excel)", "Cột có lỗi", "Giá trị đã ghi", "Lý do",
                      "STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân",
                      "Chức vụ", "Cấp công đoàn", "Công đoàn cơ sở", "Thời gian thực hiện",
                      "Kết quả", "Ghi chú", "Số điện thoại", "Email liên hệ"]
    assert line == ["Q-HM_cot-la.xlsx", "Danh sách", 9, "Hình thức", "Khác",
                    "'Khác' không hợp lệ ở cột 'Hình thức': cần Tập thể (TT) hoặc Cá nhân (CN).",
                    3, "Chợ phiên Công đoàn", "An ninh - quốc phòng", "Khác",
                    "CĐCS Bệnh viện Đa khoa Sông Hồng", None, "Cơ sở",
                    "CĐCS Bệnh viện Đa khoa Sông Hồng", "01/2024 - 12/2024", "Hoàn thành", None,
                    "=0912 000 111", "@cdcs"]
    filled = [ws.cell(1, c.column).value for c in ws[2] if c.fill.fgColor.rgb == "00FFC7CE"]
    assert filled == ["Hình thức"]


def test_a_misspelled_header_is_marked_under_the_unit_s_own_header(books):
    ws = books["Q-DD"]["Dòng bị từ chối"]
    filled = [ws.cell(1, c.column).value for c in ws[2] if c.fill.fgColor.rgb == "00FFC7CE"]
    assert filled == ["Thông tin đăng ký / Lĩnh vực"]


def test_text_that_looks_like_a_formula_is_never_a_formula(books):
    for book in books.values():
        for ws in book.worksheets:
            assert not [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    ws = books["H-PT"]["Dòng bị từ chối"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    for text in ('=HYPERLINK("http://x","Bấm")', "-", "@TT", "=1+2", "+Lĩnh vực khác", "\tcó tab"):
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text


def test_file_problems_say_which_file_still_counts(books):
    lines = _values(books["VC"]["Lỗi và lưu ý cả tệp"])
    assert lines[2] == [
        "VC_ban-loi.xlsx", None, "Tệp bị từ chối",
        "Tệp bị hỏng: nội dung không đầy đủ (có thể do tải lên hoặc gửi thư bị gián đoạn); đề nghị "
        "mở thử tệp trên máy rồi gửi lại. Báo cáo vẫn dùng tệp VC_ban-dung.xlsx của đơn vị."]
    assert lines[1] == [  # issue 9.7: the file in use says why (the choice)
        "VC_ban-dung.xlsx", "Danh sách", "Lưu ý",
        "Tệp mới nhất VC_ban-loi.xlsx bị từ chối (Tệp bị hỏng: nội dung không đầy đủ (có thể do "
        "tải lên hoặc gửi thư bị gián đoạn); đề nghị mở thử tệp trên máy rồi gửi lại); dùng tệp "
        "VC_ban-dung.xlsx gửi ngày 01/12/2024."]
    summary = _values(books["VC"]["Tóm tắt"])
    assert summary[5][:3] == ["VC_ban-dung.xlsx", "Danh sách", "được dùng"]
    assert summary[6][:3] == ["VC_ban-loi.xlsx", None, "bị từ chối cả tệp"]


def test_files_of_no_known_unit_are_gathered_in_one_workbook(books):
    lines = _values(books[UNKNOWN_UNIT]["Lỗi và lưu ý cả tệp"])[1:]
    assert [line[0] for line in lines] == ["cong-van-gui-kem.docx", "don-vi-moi_dang-ky.xlsx",
                                           "hong.xlsx"]


def test_a_converted_legacy_file_carries_a_note(books):
    assert _values(books["H-DA"]["Lỗi và lưu ý cả tệp"])[1][2:] == [
        "Lưu ý", "Chữ trong tệp được gõ bằng bảng mã TCVN3 (ABC); đã tự động chuyển sang "
                 "Unicode. Lần sau đề nghị dùng Unicode (phông Times New Roman)."]


def test_write_feedback_writes_reproducible_files_and_removes_stale_ones(results, tmp_path):  # noqa: F811
    stale = tmp_path / "phan-hoi" / "Q-BD.xlsx"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    paths = write_feedback(tmp_path, list(results.values()), 2024)
    assert [p.name for p in paths][:3] == ["D-01.xlsx", "D-02.xlsx", "D-03.xlsx"]
    assert [p.name for p in paths] == sorted(p.name for p in paths)
    assert {p.stem for p in paths} == set(feedback_workbooks(list(results.values()), 2024))
    assert not stale.exists()
    first = {p.name: p.read_bytes() for p in paths}
    write_feedback(tmp_path, list(results.values()), 2024)
    assert {p.name: p.read_bytes() for p in paths} == first


def test_unit_overview_gives_one_line_per_unit(results):  # noqa: F811
    registry = load_registry(CORPUS_REGISTRY)
    expected = expected_units(registry, 2024)
    figures = compute_figures(2024, list(results.values()), expected)
    overview = unit_overview(figures.files, expected)
    assert overview.loc["Q-DD", ["files", "used", "valid", "rejected", "ignored"]].tolist() == [
        1, "Q-DD_tieu-de-hai-dong.xlsx", 3, 1, 0]
    assert overview.loc["N-XD", ["files", "used", "valid"]].tolist() == [2, "N-XD_lan-2.xlsx", 4]
    assert overview.loc["VC", "problems"].startswith("VC_ban-loi.xlsx: Tệp bị hỏng")
    # every expected unit once, in registry order; then units that sent a file but are not
    # expected this year (P-KIMLIEN exists from 2025), then files of no known unit
    assert overview.index.tolist() == expected["code"].tolist() + ["P-KIMLIEN", UNKNOWN_UNIT]
