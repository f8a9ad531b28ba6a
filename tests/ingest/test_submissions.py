"""Which files are submissions (issue 9.8), hashing what is read (9.9), the newest usable file of
a unit (9.7), CSV separators chosen by the form (16.4) and legacy text whole or not at all (9.5)."""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata

import pytest

from helpers import input_file, row, write_xlsx
from thidua.ingest import discover
from thidua.ingest.discover import discover_files
from thidua.ingest.files import (
    CHANGED_WHILE_READ,
    REJECTED,
    SKIPPED,
    SUPERSEDED,
    USED,
    ingest_file,
)
from thidua.ingest.selection import file_table, select_submissions
from thidua.progress import choice_lines
from thidua.ingest.read import parse_sheet


# --- 9.8: only submissions are read ---------------------------------------------------------

def test_temporary_hidden_and_lock_files_are_listed_as_skipped_never_read(results):
    skipped = {name: r for name, r in results.items() if r.status == SKIPPED}
    assert sorted(skipped) == sorted([
        "~$F-SK_dang-ky.xlsx", ".~lock.F-SK_dang-ky.xlsx#", ".F-SK_ban-an.xlsx",
        "F-SK_dang-ky.tmp", "~F-SK0001.tmp", "F-SK_dang-ky.xlsx.part",
        "F-SK_dang-ky (1).xlsx.crdownload", "Thumbs.db"])
    assert all(r.rows["read"] == 0 and r.sha256 == "" and r.problem is None
               and len(r.rejections) == 0 for r in skipped.values())
    assert skipped["~$F-SK_dang-ky.xlsx"].input.skipped.startswith("tệp khóa tạm của Excel")
    assert skipped[".F-SK_ban-an.xlsx"].input.skipped == discover.SKIP_HIDDEN
    assert skipped["F-SK_dang-ky.xlsx.part"].input.skipped == discover.SKIP_TEMPORARY
    assert results["F-SK_dang-ky.xlsx"].status == USED  # the real file, not superseded by them


def test_fifo_links_out_output_folder_and_unreadable_folder_are_skipped(tmp_path, context,
                                                                        monkeypatch):
    raw, outside = tmp_path / "2024", tmp_path / "khac"
    write_xlsx(raw / "Q-DD_dk.xlsx", [row()])
    write_xlsx(outside / "Q-BD_dk.xlsx", [row()])
    os.mkfifo(raw / "Q-HK_ong.xlsx")  # opening it would hang discovery
    (raw / "Q-BD_ngoai.xlsx").symlink_to(outside / "Q-BD_dk.xlsx")
    (raw / "Q-HBT_lien-ket.xlsx").symlink_to(raw / "Q-DD_dk.xlsx")  # inside: a submission
    (raw / "thu-muc-ngoai").symlink_to(outside)
    out = raw / "ket-qua"
    write_xlsx(out / "phan-hoi" / "Q-DD.xlsx", [row()])
    cache = raw / "cu" / "bo-nho"
    (cache).mkdir(parents=True)
    write_xlsx(raw / "cu" / "ket-qua-cu" / "x.xlsx", [row()])
    (raw / "cu" / "ket-qua-cu" / discover.OUTPUT_MARKER).write_text("")
    (raw / "khoa").mkdir()
    write_xlsx(raw / "khoa" / "Q-CG_dk.xlsx", [row()])
    real_scandir = os.scandir

    def scandir(path):  # as root every folder opens: simulate one that does not
        if str(path).endswith("khoa"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(discover.os, "scandir", scandir)
    found = {f.file: f.skipped for f in discover_files(raw, exclude=(out, cache))}
    assert found == {
        "Q-BD_ngoai.xlsx": discover.SKIP_OUTSIDE, "Q-DD_dk.xlsx": "",
        "Q-HBT_lien-ket.xlsx": "", "Q-HK_ong.xlsx": discover.SKIP_SPECIAL,
        "cu/bo-nho": discover.SKIP_OUTPUT, "cu/ket-qua-cu": discover.SKIP_OUTPUT,
        "ket-qua": discover.SKIP_OUTPUT, "khoa": discover.SKIP_UNREADABLE_FOLDER,
        "thu-muc-ngoai": discover.SKIP_OUTSIDE}
    results = {r.file: r for r in select_submissions(
        [ingest_file(f, context) for f in discover_files(raw, exclude=(out, cache))])}
    assert results["Q-HBT_lien-ket.xlsx"].status == USED
    assert results["Q-HK_ong.xlsx"].status == SKIPPED
    table = file_table(list(results.values())).set_index("file")
    assert table.loc["khoa", "reason"] == discover.SKIP_UNREADABLE_FOLDER


def test_a_new_lock_file_alone_makes_no_new_version(tmp_path):
    from thidua.pipeline import plan_run
    from conftest import REGISTRY

    raw = tmp_path / "2024"
    write_xlsx(raw / "Q-DD_dk.xlsx", [row()])
    before = plan_run(2024, raw, REGISTRY).fingerprint(None)
    (raw / ".~lock.Q-DD_dk.xlsx#").write_text("x")
    (raw / "~$Q-DD_dk.xlsx").write_bytes(b"x")
    assert plan_run(2024, raw, REGISTRY).fingerprint(None) == before


# --- 9.9: hash what is read ------------------------------------------------------------------

def test_the_result_carries_the_hash_of_the_bytes_parsed_not_those_discovered(tmp_path, context):
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", [row()])
    source = input_file(path)
    write_xlsx(path, [row(), row(model="Tủ sách pháp luật tại phân xưởng", stt=2)])  # a sync client
    result = ingest_file(source, context)
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() != source.sha256
    assert result.rows["valid"] == 2
    assert file_table([result])["sha256"].tolist() == [result.sha256]


def test_the_checked_ingest_refuses_a_result_of_other_bytes(tmp_path, context):
    from thidua.pipeline import ContentChanged, ingest_checked

    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", [row()])
    source = input_file(path)
    assert ingest_checked(source, context).sha256 == source.sha256
    write_xlsx(path, [row(), row(model="Tủ sách pháp luật tại phân xưởng", stt=2)])
    with pytest.raises(ContentChanged) as caught:
        ingest_checked(source, context)
    assert caught.value.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    empty = tmp_path / "Q-BD_rong.xlsx"
    empty.write_bytes(b"")
    assert ingest_checked(input_file(empty), context).status == REJECTED  # empty: its own hash


def _run(raw, out, cache, **options):
    from flows.annual_report import annual_report
    from conftest import REGISTRY

    return annual_report(year=2024, raw_dir=str(raw), registry=str(REGISTRY), out_dir=str(out),
                         cache_dir=str(cache), **options)


def test_the_flow_never_caches_figures_for_bytes_it_did_not_hash(prefect_api, tmp_path,
                                                                  monkeypatch):
    import thidua.ingest.files as files

    raw, out, cache = tmp_path / "raw" / "2024", tmp_path / "out", tmp_path / "cache"
    path = write_xlsx(raw / "Q-DD_dk.xlsx", [row()])
    one_row = path.read_bytes()
    write_xlsx(path, [row(), row(model="Tủ sách pháp luật tại phân xưởng", stt=2)])
    two_rows = path.read_bytes()
    path.write_bytes(one_row)
    real = files.read_bytes
    monkeypatch.setattr(files, "read_bytes", lambda p: two_rows)  # rewritten after discovery
    outcome = _run(raw, out, cache)
    assert outcome["summary"]["rows"]["valid"] == 2
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"][0]["sha256"] == hashlib.sha256(two_rows).hexdigest()
    monkeypatch.setattr(files, "read_bytes", real)
    outcome = _run(raw, out, cache)  # the file as discovered first: never served 2 rows
    assert outcome["summary"]["rows"]["valid"] == 1
    calls = iter(range(100))
    monkeypatch.setattr(files, "read_bytes", lambda p: one_row + bytes([next(calls)])
                        if p.name == "Q-DD_dk.xlsx" else real(p))
    write_xlsx(path, [row(stt=9)])  # content the cache has never seen
    write_xlsx(raw / "Q-BD_dk.xlsx", [row()])
    outcome = _run(raw, out, cache)  # keeps changing: rejected for this run
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    changed = {i["path"]: i for i in manifest["inputs"]}["Q-DD_dk.xlsx"]
    assert (changed["status"], changed["problem"]) == ("rejected", CHANGED_WHILE_READ)


def test_a_file_the_reader_failed_on_is_rejected_but_never_cached(prefect_api, tmp_path,
                                                                 monkeypatch):
    """A crash or a time or memory limit depends on the machine: the file is rejected for
    this run with the reader's reason, and the next run reads it again (issue 9.6)."""
    import thidua.ingest.files as files
    from thidua.ingest.isolation import ReaderFailed, time_exceeded

    raw, out, cache = tmp_path / "raw" / "2024", tmp_path / "out", tmp_path / "cache"
    write_xlsx(raw / "Q-DD_dk.xlsx", [row(), row(model="Tủ sách pháp luật tại phân xưởng", stt=2)])
    write_xlsx(raw / "Q-BD_dk.xlsx", [row()])
    real = files.parse_isolated

    def slow_on_q_dd(data, suffix):
        if len(data) == (raw / "Q-DD_dk.xlsx").stat().st_size:
            raise ReaderFailed(time_exceeded(60))
        return real(data, suffix)

    monkeypatch.setattr(files, "parse_isolated", slow_on_q_dd)
    outcome = _run(raw, out, cache)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    failed = {i["path"]: i for i in manifest["inputs"]}["Q-DD_dk.xlsx"]
    assert (failed["status"], failed["problem"]) == ("rejected", time_exceeded(60))
    assert outcome["summary"]["rows"]["valid"] == 1
    monkeypatch.setattr(files, "parse_isolated", real)
    outcome = _run(raw, out, cache)  # same inputs: still a new version, the file read again
    assert (outcome["status"], outcome["version"], outcome["files_read"]) == ("published", 2, 1)
    assert outcome["summary"]["rows"]["valid"] == 3
    assert _run(raw, out, cache)["status"] == "unchanged"  # now complete: nothing to redo


# --- 9.7: a unit's newest file rejected: its newest usable file counts --------------------------

@pytest.mark.parametrize("unit,used,rejected,dated", [
    ("F-NR1", "F-NR1_ban-dau.xlsx", "F-NR1_gui-lai.xlsx", "gửi ngày 01/12/2024"),
    ("F-NR2", "F-NR2_ban-dau.csv", "F-NR2_gui-lai.xlsx", "gửi ngày 02/12/2024"),
    ("F-NR3", "F-NR3_ban-dau.ods", "F-NR3_gui-lai.xlsx", "gửi ngày 03/12/2024"),
    ("F-NR4", "F-NR4_ban-dau.xls", "F-NR4_gui-lai.xlsx",
     "sửa ngày 10/12/2024 (không có dòng 'Ngày gửi:' đọc được)"),
])
def test_the_newest_rejected_file_leaves_the_older_usable_one_in_use(results, unit, used,
                                                                      rejected, dated):
    problem = results[rejected].problem.rstrip(". ")
    assert results[used].choice == (f"Tệp mới nhất {rejected} bị từ chối ({problem}); dùng "
                                    f"tệp {used} {dated}.")
    assert results[used].choice in results[used].notes


def manifest_inputs(results) -> list[dict]:
    """The ``inputs`` of the manifest a run over ``results`` writes."""
    from thidua.ingest.registry import expected_units, load_registry
    from thidua.publish.outputs import manifest_dict
    from thidua.report.figures import compute_figures

    import datetime as dt
    from conftest import REGISTRY

    expected = expected_units(load_registry(REGISTRY), 2024)
    figures = compute_figures(2024, results, expected)
    return manifest_dict(figures, "r", dt.datetime(2024, 12, 20, tzinfo=dt.timezone.utc))["inputs"]


def test_a_choice_by_modification_time_is_said(tmp_path, context):
    old = write_xlsx(tmp_path / "Q-DD_a.xlsx", [row()])
    new = write_xlsx(tmp_path / "Q-DD_b.xlsx", [row()], title=["Ngày gửi: 05/12/2024"])
    os.utime(old, (1_734_000_000, 1_734_000_000))  # 2024-12-12, no sent date
    chosen = select_submissions([ingest_file(input_file(p), context) for p in (old, new)])
    assert [r.status for r in chosen] == [USED, SUPERSEDED]
    assert chosen[0].choice == ("Đơn vị có 2 tệp; dùng tệp Q-DD_a.xlsx (chọn theo thời gian sửa "
                                "tệp, vì tệp Q-DD_a.xlsx không có dòng 'Ngày gửi:' đọc được).")
    assert select_submissions(chosen) == chosen  # idempotent
    assert [r.chosen_by for r in chosen] == ["mtime", ""]
    inputs = manifest_inputs(chosen)
    assert [i.get("chosen_by") for i in inputs] == ["mtime", None]  # only when chosen so
    assert choice_lines(inputs, {"Q-DD": "Liên đoàn Lao động quận Đống Đa"}) == [
        "Liên đoàn Lao động quận Đống Đa (Q-DD): dùng tệp Q-DD_a.xlsx, chọn theo thời gian sửa "
        "tệp vì không đọc được dòng 'Ngày gửi:' để phân biệt các tệp của đơn vị."]


@pytest.mark.parametrize("titles,stamps,chosen_by,used", [
    ((["Ngày gửi: 05/12/2024"], ["Ngày gửi: 09/12/2024"]), (2, 1), "sent_date", 1),
    (([], []), (1, 2), "mtime", 1),
    ((["Ngày gửi: 05/12/2024"], ["Ngày gửi: 05/12/2024"]), (2, 1), "mtime", 0),
    (([], []), (1, 1), "name", 1),
])
def test_the_rule_that_chose_a_units_file_is_recorded(tmp_path, context, titles, stamps,
                                                      chosen_by, used):
    paths = [write_xlsx(tmp_path / f"Q-DD_{n}.xlsx", [row()], title=t)
             for n, t in zip("ab", titles)]
    for path, day in zip(paths, stamps):  # day 1 or 2 after 2024-12-12
        os.utime(path, (1_734_000_000 + day * 86400,) * 2)
    chosen = select_submissions([ingest_file(input_file(p), context) for p in paths])
    assert [r.status for r in chosen] == [USED if i == used else SUPERSEDED for i in (0, 1)]
    assert chosen[used].chosen_by == chosen_by and chosen[1 - used].chosen_by == ""
    lines = choice_lines(file_table(chosen).to_dict("records"), {})
    assert lines == ([f"Q-DD (Q-DD): dùng tệp {paths[used].name}, chọn theo thời gian sửa tệp vì "
                      "không đọc được dòng 'Ngày gửi:' để phân biệt các tệp của đơn vị."]
                     if chosen_by == "mtime" else [])


def test_a_units_only_file_records_no_choice(tmp_path, context):
    (only,) = select_submissions([ingest_file(input_file(write_xlsx(tmp_path / "Q-DD.xlsx",
                                                                    [row()])), context)])
    assert only.status == USED and only.chosen_by == "" and only.choice == ""


# --- 16.4: CSV separators chosen by the form --------------------------------------------------

NOTES = ['Phối hợp "Hội LHPN", "Đoàn Thanh niên"', "Kinh phí; nhân lực: tự túc",
         "Hai giai đoạn,\nmỗi giai đoạn 6 tháng", "Mô hình | nhân rộng"]


@pytest.mark.parametrize("name,encoding", [
    ("F-CS1_cham-phay-bom.csv", "UTF-8 (BOM)"), ("F-CS2_phay.csv", "UTF-8"),
    ("F-CS3_tab.csv", "UTF-8"), ("F-CS4_gach-dung-1258.csv", "Windows-1258"),
    ("F-CS5_cham-phay-1258.csv", "Windows-1258")])
def test_csv_notes_with_quotes_and_separators_survive_every_separator(results, name, encoding):
    result = results[name]
    assert result.encoding == encoding
    assert result.registrations["note"].tolist() == [
        unicodedata.normalize("NFC", " ".join(n.split())) for n in NOTES]


def test_a_quote_in_the_first_lines_no_longer_fools_the_separator():
    lines = ["STT;Tên mô hình;Lĩnh vực;Hình thức;Tên tập thể/cá nhân;Chức vụ;Ghi chú",
             '1;Bữa cơm Công đoàn;Kinh tế;TT;CĐCS A;;"Phối hợp ""Hội LHPN"", ""Đoàn TN"""']
    sheet = parse_sheet("\r\n".join(lines).encode("utf-8"), ".csv")
    assert sheet.grid[1][6] == 'Phối hợp "Hội LHPN", "Đoàn TN"' and sheet.table.header_rows == (0,)


# --- 9.5: legacy text whole words or nothing ---------------------------------------------------

def test_a_vni_row_left_half_decoded_is_rejected_naming_the_encoding(results):
    result = results["F-VN_vni-i-dau-rieng.xlsx"]
    assert result.encoding == "VNI"
    assert result.registrations["model"].tolist() == [
        "Phát huy tinh thần chính trị", "Gìn giữ nghĩa tình", "Chỉ dẫn kỹ thuật an toàn"]
    assert result.rejections[["row", "column", "error"]].values.tolist() == [[
        9, "Tên mô hình", "Ô 'Tên mô hình' còn ký tự của bảng mã VNI chưa chuyển được "
        "('Hoêa'); đề nghị chuyển tệp sang Unicode (Unikey: Công cụ chuyển mã) rồi gửi lại."]]


# --- an instruction or sample sheet is never the data sheet beside one with a header ---------
@pytest.mark.parametrize("name,sheet", [
    ("F-HD1_huong-dan-truoc.xlsx", "Danh sách"), ("F-HD2_mau-truoc.xls", "Sheet1"),
    ("F-HD3_chi-co-mau.ods", "Biểu mẫu"), ("F-HD4_vi-du.csv", "")])
def test_the_data_sheet_is_never_an_instruction_or_sample_sheet(results, name, sheet):
    from corpus_files import REMARKS

    result = results[name]
    assert (result.status, result.sheet) == (USED, sheet)
    assert result.remarks == REMARKS[name]
    assert not result.registrations["model"].str.contains("Ví dụ").any()
    assert result.ignored["example"] == result.rows["ignored"]


@pytest.mark.parametrize("sheet_name", [
    "Hướng dẫn", "HUONG DAN", "Huongdan", "HD điền", "HD1", "Mẫu", "Mẫu DVK-01", "Biểu mẫu 01",
    "Ví dụ", "VD", "Example", "Instructions", "Template", "sample sheet", "mau_dvk"])
def test_a_sheet_named_as_instructions_or_a_sample_gives_way(tmp_path, context, sheet_name):
    from corpus_rows import HEADER, reg, regs, titled
    from corpus_writers import Sheet, write_xlsx as write_sheets

    path = tmp_path / "Q-DD_dk.xlsx"
    write_sheets(path, [Sheet(sheet_name, [HEADER, reg(0, stt=1, model="Mô hình ví dụ mẫu")]),
                        titled("Q-DD", regs(2))])
    result = ingest_file(input_file(path), context)
    assert (result.sheet, result.rows["valid"]) == ("Danh sách", 2)
    assert result.remarks == (f"Đã dùng trang 'Danh sách'; bỏ qua trang '{sheet_name}' (trang "
                              f"hướng dẫn/mẫu)",)


@pytest.mark.parametrize("sheet_name", ["Danh sách", "Sheet1", "Đăng ký 2024", "Thẩm định",
                                        "Mạc Đĩnh Chi", "Hà Đông"])
def test_an_ordinary_sheet_first_stays_the_data_sheet(tmp_path, context, sheet_name):
    from corpus_rows import HEADER, regs
    from corpus_writers import Sheet, write_xlsx as write_sheets

    path = tmp_path / "Q-DD_dk.xlsx"
    write_sheets(path, [Sheet(sheet_name, [["Mã đơn vị: Q-DD"], HEADER, *regs(3)]),
                        Sheet("Bản cũ", [HEADER, *regs(1)])])
    result = ingest_file(input_file(path), context)
    assert (result.sheet, result.rows["valid"]) == (sheet_name, 3)
    assert result.remarks == (
        f"Đã dùng trang '{sheet_name}'; bỏ qua trang 'Bản cũ' (tên trang cho biết là bản cũ/bản "
        f"nháp). Nếu bảng ở trang bị bỏ qua là đăng ký của đơn vị (không phải bản cũ), đề nghị "
        f"đổi tên trang (bỏ chữ 'cũ'/'nháp'…) rồi gửi lại tệp",)


@pytest.mark.parametrize("stt,first", [("Ví dụ", None), ("VD", None), ("vd 1", None),
                                       ("Ví dụ:", None), (1, "VD: Mô hình ABC")])
def test_an_example_row_is_ignored_never_counted(tmp_path, context, stt, first):
    rows = [row(stt=stt, **({"model": first} if first else {})), row(model="Mô hình thật")]
    path = write_xlsx(tmp_path / "Q-DD_dk.xlsx", rows)
    result = ingest_file(input_file(path), context)
    assert result.rows == {"read": 2, "valid": 1, "rejected": 0, "ignored": 1}
    assert result.ignored["example"] == 1
    assert result.registrations["model"].tolist() == ["Mô hình thật"]


# --- the format comes from the content, not the suffix ---------------------------------------
@pytest.mark.parametrize("name", ["F-ND1_xlsx-duoi-csv.csv", "F-ND2_xls-duoi-csv.csv",
                                  "F-ND3_ods-duoi-csv.csv"])
def test_a_workbook_under_a_csv_name_is_read_as_a_workbook(results, name):
    result = results[name]
    assert (result.status, result.sheet, result.rows["valid"]) == (USED, "Danh sách", 2)


@pytest.mark.parametrize("suffix", [".xlsx", ".xls", ".ods"])
def test_csv_text_under_a_workbook_suffix_is_read_as_csv(suffix):
    data = ("Mã đơn vị: Q-DD\r\nSTT;Tên mô hình;Lĩnh vực;Hình thức;Tên tập thể/cá nhân\r\n"
            "1;Bữa cơm Công đoàn;KT;TT;CĐCS Công ty A\r\n").encode("utf-8-sig")
    sheet = parse_sheet(data, suffix)
    assert (sheet.sheet, sheet.encoding, sheet.table.data_start) == ("", "UTF-8 (BOM)", 2)


@pytest.mark.parametrize("name", ["Q-TH_2024.xltx", "Q-TH_2024.XLTX", "Q-TH_2024.xltm"])
def test_an_excel_template_saved_as_is_is_read(tmp_path, context, name):
    # fresh tester G's 301: a unit fills the template and sends it as ``.xltx`` (the same
    # package as ``.xlsx``); it was refused "Định dạng tệp '.xltx' không được nhận"
    from corpus_rows import regs, titled
    from corpus_writers import write_xlsx
    from helpers import input_file
    from thidua.ingest.files import ingest_file
    path = tmp_path / name
    write_xlsx(path, [titled("Q-TH", regs(3))])
    result = ingest_file(input_file(path), context)
    assert (result.status, result.unit, result.rows["valid"]) == ("used", "Q-TH", 3)
