"""The corpus: one file per variant of ``spec/submission-form.md``, each with the exact counts it
must give (``tests/fixtures/make_corpus.py`` writes the files; this table is the expectation).

Columns of :data:`CORPUS_TABLE`: file → (variant, status after choosing the newest file per
unit, unit, (read, valid, rejected, ignored), rejected (Excel row, column) pairs, file problem).
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import CORPUS, CORPUS_REGISTRY
from make_corpus import topics
from thidua.ingest.files import REJECTED, SUPERSEDED, USED

NO_HEADER = ("Không tìm thấy dòng tiêu đề của biểu DVK-01 (dòng có cả 'Tên mô hình' và "
             "'Lĩnh vực') trong 30 dòng đầu của trang tính nào đang hiển thị.")
TRUNCATED = ("Tệp bị hỏng: nội dung không đầy đủ (có thể do tải lên hoặc gửi thư bị gián đoạn); "
             "đề nghị mở thử tệp trên máy rồi gửi lại.")
ZERO = (0, 0, 0, 0)

CORPUS_TABLE = {
    # --- where the table is, and how its header is written ------------------------------------
    "Q-BD_tieu-de-dong-11.xlsx": ("header on row 11 under a merged title block", USED, "Q-BD",
                                  (4, 4, 0, 0), [], None),
    "Q-CG_tieu-de-dong-30.xlsx": ("header on row 30, the last row searched", USED, "Q-CG",
                                  (2, 2, 0, 0), [], None),
    "H-GL_tieu-de-dong-31.xlsx": ("header on row 31: not found", REJECTED, "H-GL", ZERO, [],
                                  NO_HEADER),
    "Q-DD_tieu-de-hai-dong.xlsx": ("header over two rows, merged cells, a (1)…(11) row",
                                   USED, "Q-DD", (4, 3, 1, 0), [(9, "Lĩnh vực")], None),
    "Q-HK_thu-tu-cot.xlsx": ("columns in another order", USED, "Q-HK", (3, 3, 0, 0), [], None),
    "Q-HBT_cach-viet-tieu-de.xlsx": ("header and value spellings: case, accents, (*), breaks",
                                     USED, "Q-HBT", (5, 5, 0, 0), [], None),
    "Q-HM_cot-la.xlsx": ("unknown columns kept for feedback", USED, "Q-HM", (3, 2, 1, 0),
                         [(9, "Hình thức")], None),
    # --- sheets and formats ---------------------------------------------------------------
    "Q-LB_trang-an-va-huong-dan.xlsx": ("hidden sheet and instruction sheet skipped", USED,
                                        "Q-LB", (3, 3, 0, 0), [], None),
    "Q-TX_excel-97.xls": (".xls, hidden sheet, date cell", USED, "Q-TX", (3, 3, 0, 0), [], None),
    "Q-TH_libreoffice.ods": (".ods, hidden sheet, date cell", USED, "Q-TH", (3, 3, 0, 0), [],
                             None),
    "CQ_xlsx-dat-duoi-xls.xls": (".xlsx content under an .xls name", USED, "CQ", (2, 2, 0, 0),
                                 [], None),
    "Q-HD_utf8.csv": ("CSV UTF-8, comma, code line above", USED, "Q-HD", (3, 3, 0, 0), [], None),
    "Q-BTL_utf8-bom-cham-phay.csv": ("CSV UTF-8 with BOM, semicolon", USED, "Q-BTL",
                                     (3, 3, 0, 0), [], None),
    "Q-NTL_windows-1258.csv": ("CSV Windows-1258, semicolon", USED, "Q-NTL", (3, 3, 0, 0), [],
                               None),
    # --- text ---------------------------------------------------------------------------
    "TX-ST_unicode-to-hop.xlsx": ("NFD text everywhere", USED, "TX-ST", (3, 3, 0, 0), [], None),
    "H-DA_tcvn3.xlsx": ("TCVN3 (ABC) text, converted", USED, "H-DA", (5, 4, 1, 0),
                        [(11, "Lĩnh vực")], None),
    "H-HD_vni.xlsx": ("VNI text, converted", USED, "H-HD", (4, 4, 0, 0), [], None),
    "H-DP_tcvn3.csv": ("CSV in TCVN3 bytes, converted", USED, "H-DP", (3, 3, 0, 0), [], None),
    "H-ML_hai-bang-ma.xlsx": ("TCVN3 and VNI mixed: rejected naming both", REJECTED, "H-ML",
                              ZERO, [], "Chữ trong tệp được gõ bằng hai bảng mã cũ khác nhau "
                              "(VNI và TCVN3 (ABC)), không chuyển được chắc chắn sang Unicode; đề "
                              "nghị chuyển toàn bộ tệp sang Unicode (Unikey: Công cụ chuyển mã) "
                              "và phông chữ Times New Roman rồi gửi lại."),
    # --- rows ---------------------------------------------------------------------------
    "H-SS_dong-khong-phai-du-lieu.xlsx": ("sub-headings, blank, totals, signature: ignored",
                                          USED, "H-SS", (17, 4, 0, 13), [], None),
    "H-CM_thoi-gian.xlsx": ("period as date cell or text; outside the year; unreadable", USED,
                            "H-CM", (6, 4, 2, 0),
                            [(11, "Thời gian thực hiện"), (12, "Thời gian thực hiện")], None),
    "H-TT_stt.xlsx": ("STT as number or text", USED, "H-TT", (5, 5, 0, 0), [], None),
    "H-TO_trung-lap.xlsx": ("a duplicate row", USED, "H-TO", (4, 3, 1, 0), [(7, "Tên mô hình")],
                            None),
    "H-PT_cong-thuc.xlsx": ("values that look like formulas", USED, "H-PT", (4, 1, 3, 0),
                            [(6, "Lĩnh vực"), (7, "Tên mô hình"), (8, "Lĩnh vực")], None),
    # --- unit and year --------------------------------------------------------------------
    "dang-ky-dvk_ma-o-cot.xlsx": ("unit code from the column", USED, "H-PX", (3, 3, 0, 0), [],
                                  None),
    "bao-cao-dan-van-kheo-2024.xlsx": ("unit code from the title block", USED, "H-UH",
                                       (3, 3, 0, 0), [], None),
    "quan-huyen/H-BV_thu-muc-con.xlsx": ("in a sub-folder, code from the file name", USED,
                                         "H-BV", (2, 2, 0, 0), [], None),
    "H-MD_ma-khong-khop.xlsx": ("title and file name disagree", REJECTED, "H-MD", ZERO, [],
                                "Mã đơn vị không thống nhất (dòng 'Mã đơn vị:' ở tiêu đề: H-TO; "
                                "tên tệp: H-MD)."),
    "H-THT_cot-nhieu-ma.xlsx": ("two codes in the code column", REJECTED, "H-THT", ZERO, [],
                                "Cột 'Mã đơn vị' có nhiều mã khác nhau (H-PT, H-THT); mỗi tệp chỉ "
                                "của một đơn vị."),
    "H-QO_nam-2023.xlsx": ("title year 2023 in the 2024 folder", REJECTED, "H-QO", ZERO, [],
                           "Năm ở tiêu đề (2023) khác năm của thư mục (2024); đề nghị kiểm tra lại "
                           "tệp hoặc chuyển tệp vào đúng thư mục năm."),
    "2023/H-TTH_thu-muc-nam-cu.xlsx": ("in a 2023 sub-folder of 2024", REJECTED, "H-TTH", ZERO,
                                       [], "Tệp nằm trong thư mục năm 2023 nhưng đang lập báo cáo "
                                       "năm 2024; đề nghị chuyển tệp vào đúng thư mục năm."),
    "P-KIMLIEN_dang-ky.xlsx": ("a registry code not valid in 2024", REJECTED, "P-KIMLIEN", ZERO,
                               [], "Mã đơn vị 'P-KIMLIEN' không có trong danh mục đơn vị của năm "
                               "2024 (mã lấy từ dòng 'Mã đơn vị:' ở tiêu đề): theo danh mục, đơn vị "
                               "này không hoạt động trong năm 2024 (đã giải thể, sáp nhập hoặc "
                               "thành lập sau)."),
    "don-vi-moi_dang-ky.xlsx": ("a code in no registry", REJECTED, None, ZERO, [],
                                "Mã đơn vị 'Q-XYZ' không có trong danh mục đơn vị của năm 2024 (mã "
                                "lấy từ dòng 'Mã đơn vị:' ở tiêu đề); đề nghị ghi đúng mã đơn vị do "
                                "LĐLĐ thành phố cấp."),
    # --- files that cannot be used ---------------------------------------------------------
    "hong.xlsx": ("corrupt (cut short)", REJECTED, None, ZERO, [], TRUNCATED),
    "N-CT_mat-khau.xlsx": ("password-protected", REJECTED, "N-CT", ZERO, [],
                           "Tệp được đặt mật khẩu, không mở được; đề nghị gỡ mật khẩu (Excel: Tệp > "
                           "Thông tin > Bảo vệ sổ làm việc) rồi gửi lại."),
    "N-DM_rong.xlsx": ("empty file (0 bytes)", REJECTED, "N-DM", ZERO, [],
                       "Tệp rỗng (0 byte), không có dữ liệu; đề nghị gửi lại tệp đã lưu đầy đủ."),
    "N-GD_trang-trang.xlsx": ("workbook with an empty sheet", REJECTED, "N-GD", ZERO, [],
                              "Tệp rỗng, không có dữ liệu. Nếu số liệu trong tệp được tính bằng công thức, "
                              "hãy mở tệp bằng Excel, lưu lại (để lưu cả giá trị) rồi gửi lại."),
    "cong-van-gui-kem.docx": ("not a spreadsheet (Word)", REJECTED, None, ZERO, [],
                              "Định dạng tệp '.docx' không được nhận; chỉ nhận .xlsx, .xlsm, .xls, "
                              ".ods, .csv."),
    "N-GTVT_cong-van.xlsx": ("a cover letter: no header row", REJECTED, "N-GTVT", ZERO, [],
                             NO_HEADER),
    "N-NN_la-pdf.xlsx": ("a PDF named .xlsx", REJECTED, "N-NN", ZERO, [],
                         "Tệp là tệp PDF, không phải bảng tính đọc được; đề nghị gửi biểu DVK-01 "
                         "dạng Excel (.xlsx)."),
    # --- corrections ----------------------------------------------------------------------
    "N-XD_lan-1.xlsx": ("older 'Ngày gửi:'", SUPERSEDED, "N-XD", (3, 3, 0, 0), [], None),
    "N-XD_lan-2.xlsx": ("newer 'Ngày gửi:'", USED, "N-XD", (4, 4, 0, 0), [], None),
    "N-YT_ban-dau.xlsx": ("no sent date, older mtime", SUPERSEDED, "N-YT", (2, 2, 0, 0), [], None),
    "N-YT_ban-sua.xlsx": ("no sent date, newer mtime", USED, "N-YT", (3, 3, 0, 0), [], None),
    "KCN_a.xlsx": ("same sent date and mtime, first name", SUPERSEDED, "KCN", (2, 2, 0, 0), [],
                   None),
    "KCN_b.xlsx": ("same sent date and mtime, last name", USED, "KCN", (3, 3, 0, 0), [], None),
    "VC_ban-dung.xlsx": ("older but usable", USED, "VC", (2, 2, 0, 0), [], None),
    "VC_ban-loi.xlsx": ("newer but corrupt: never supersedes", REJECTED, "VC", ZERO, [],
                        TRUNCATED),
}
for _topic in topics():  # each kind of fault adds its own files and expectations
    CORPUS_TABLE.update(_topic.EXPECTED)


def test_the_corpus_has_one_named_file_per_variant_and_no_other():
    files = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file())
    assert files == sorted(CORPUS_TABLE)
    assert len(files) >= 25


@pytest.mark.parametrize("name", sorted(CORPUS_TABLE))
def test_each_corpus_file_gives_its_exact_counts(results, name):
    variant, status, unit, counts, rejected, problem = CORPUS_TABLE[name]
    result = results[name]
    assert (result.status, result.unit) == (status, unit), variant
    assert tuple(result.rows[k] for k in ("read", "valid", "rejected", "ignored")) == counts
    assert result.rows["read"] == result.rows["valid"] + result.rows["rejected"] + \
        result.rows["ignored"]
    lines = result.rejections
    assert list(zip(lines["row"].dropna().astype(int), lines.dropna(subset=["row"])["column"])) \
        == rejected
    assert result.problem == problem
    if problem:
        assert lines["error"].tolist() == [f"Tệp bị từ chối: {problem}"]
    assert sorted(result.rejected_rows.index) == sorted({r for r, _ in rejected})


def test_the_non_data_rows_are_ignored_by_reason(results):
    assert results["H-SS_dong-khong-phai-du-lieu.xlsx"].ignored == {
        "blank": 5, "totals": 1, "subheading": 3, "signature": 4}


def test_legacy_text_is_converted_and_named(results):
    tcvn3 = results["H-DA_tcvn3.xlsx"]
    assert tcvn3.encoding == "TCVN3 (ABC)"
    assert tcvn3.registrations["field"].tolist() == ["KT", "VHXH", "ANQP", "XDHTCT"]
    assert tcvn3.registrations["model"].tolist()[:2] == [
        "Bữa cơm Công đoàn ấm áp", "Tủ sách pháp luật tại phân xưởng"]
    assert tcvn3.rejections[["value", "error"]].values.tolist() == [[
        "Môi trường", "'Môi trường' không hợp lệ ở cột 'Lĩnh vực': cần một trong: Kinh tế (KT), "
        "Văn hóa - xã hội (VHXH), An ninh - quốc phòng (ANQP), Xây dựng hệ thống chính trị "
        "(XDHTCT)."]]
    assert tcvn3.notes == ["Chữ trong tệp được gõ bằng bảng mã TCVN3 (ABC); đã tự động chuyển "
                           "sang Unicode. Lần sau đề nghị dùng Unicode (phông Times New Roman)."]
    vni = results["H-HD_vni.xlsx"]
    assert vni.encoding == "VNI"
    assert vni.registrations["registrant"].tolist()[1] == "Trần Văn Minh"
    assert results["H-DP_tcvn3.csv"].encoding == "TCVN3 (ABC)"
    assert results["Q-NTL_windows-1258.csv"].encoding == "Windows-1258"


def test_nfd_file_gives_the_same_registrations_as_nfc(results):
    nfd = results["TX-ST_unicode-to-hop.xlsx"].registrations
    nfc = results["Q-HD_utf8.csv"].registrations
    columns = ["model", "field", "type", "registrant", "position", "level", "result"]
    assert nfd[columns].values.tolist() == nfc[columns].values.tolist()


def test_hidden_sheets_never_count(results):
    for name in ("Q-LB_trang-an-va-huong-dan.xlsx", "Q-TX_excel-97.xls", "Q-TH_libreoffice.ods"):
        assert results[name].sheet == "Danh sách"
    assert "Ngày thứ Bảy tình nguyện" not in set(
        results["Q-LB_trang-an-va-huong-dan.xlsx"].registrations["model"])


def test_period_date_cells_are_read_as_dates(results):
    periods = results["H-CM_thoi-gian.xlsx"].registrations[["period_start", "period_end"]]
    assert periods.iloc[0].dt.date.tolist() == [dt.date(2024, 9, 2), dt.date(2024, 9, 2)]
    assert periods.iloc[1].dt.date.tolist() == [dt.date(2024, 3, 1), dt.date(2024, 11, 30)]


def test_rejected_rows_keep_the_unit_s_own_columns_and_values(results):
    rows = results["Q-HM_cot-la.xlsx"].rejected_rows
    assert list(rows.columns) == [
        "STT", "Tên mô hình", "Lĩnh vực", "Hình thức", "Tên tập thể/cá nhân", "Chức vụ",
        "Cấp công đoàn", "Công đoàn cơ sở", "Thời gian thực hiện", "Kết quả", "Ghi chú",
        "Số điện thoại", "Email liên hệ"]
    assert rows.loc[9, ["Hình thức", "Số điện thoại", "Email liên hệ"]].tolist() == [
        "Nhóm", "=0912 000 111", "@cdcs"]
    spelled = results["Q-DD_tieu-de-hai-dong.xlsx"]
    assert list(spelled.rejected_rows.columns)[:4] == [
        "STT", "Tên mô hình", "Thông tin đăng ký / Lĩnh vực", "Hình thức"]


@pytest.fixture(scope="module")
def corpus_run(prefect_api, corpus, tmp_path_factory):
    from flows.annual_report import annual_report

    out = tmp_path_factory.mktemp("corpus-out")
    outcome = annual_report(year=2024, raw_dir=str(corpus), registry=str(CORPUS_REGISTRY),
                            out_dir=str(out))
    return out, outcome


def test_thidua_run_over_the_whole_corpus_still_produces_the_report(corpus_run):
    out, outcome = corpus_run
    used = [v for v in CORPUS_TABLE.values() if v[1] == USED]
    summary = outcome["summary"]
    assert summary["rows"] == {k: sum(v[3][i] for v in used)
                               for i, k in enumerate(("read", "valid", "rejected", "ignored"))}
    assert summary["registrations"]["total"] == summary["rows"]["valid"]
    assert summary["rows"]["read"] == sum(summary["rows"][k] for k in ("valid", "rejected", "ignored"))
    manifest = next(json.loads(p.read_text(encoding="utf-8")) for p in out.rglob("manifest.json"))
    statuses = {i["path"]: i["status"] for i in manifest["inputs"]}
    assert statuses == {name: v[1] for name, v in CORPUS_TABLE.items()}
    assert any(p.name == "bao-cao-dan-van-kheo-2024.pdf" for p in out.rglob("*.pdf"))
