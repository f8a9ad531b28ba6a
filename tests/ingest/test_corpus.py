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
from corpus_expected import CORPUS_TABLE
from thidua.ingest.files import USED




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
    assert sorted(result.rejected_rows.index.get_level_values("row")) == sorted(
        {r for r, _ in rejected})


def test_the_non_data_rows_are_ignored_by_reason(results):
    assert results["H-SS_dong-khong-phai-du-lieu.xlsx"].ignored == {
        "blank": 5, "totals": 1, "subheading": 3, "signature": 4, "header": 0, "hidden": 0,
        "example": 0, "continuation": 0, "copied_sheet": 0,
        "title": 0, "struck": 0, "withdrawn": 0, "other_year": 0, "excerpt": 0, "dropdown_list": 0}


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
    row = rows.droplevel("sheet").loc[9]
    assert row[["Hình thức", "Số điện thoại", "Email liên hệ"]].tolist() == [
        "Khác", "=0912 000 111", "@cdcs"]
    spelled = results["Q-DD_tieu-de-hai-dong.xlsx"]
    # the group header C3:D3 is merged over both columns: each is labelled under it (16.1)
    assert list(spelled.rejected_rows.columns)[:5] == [
        "STT", "Tên mô hình", "Thông tin đăng ký / Lĩnh vực", "Thông tin đăng ký / Hình thức",
        "Người thực hiện / Tên tập thể/cá nhân"]


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


def test_the_manifest_splits_each_file_s_ignored_rows_by_reason(corpus_run):
    """``spec/outputs.md``: ignored rows are split by reason in the manifest's inputs."""
    out, _ = corpus_run
    manifest = next(json.loads(p.read_text(encoding="utf-8")) for p in out.rglob("manifest.json"))
    inputs = {i["path"]: i for i in manifest["inputs"]}
    assert inputs["H-SS_dong-khong-phai-du-lieu.xlsx"]["ignored_by"] == {
        "blank": 5, "totals": 1, "subheading": 3, "signature": 4}
    assert "ignored_by" not in inputs["Q-BD_tieu-de-dong-11.xlsx"]  # nothing ignored, no key
    for entry in inputs.values():
        assert sum(entry.get("ignored_by", {}).values()) == entry["rows"]["ignored"], entry["path"]


def test_a_file_chosen_by_modification_time_is_in_the_manifest_and_the_outcome(corpus_run):
    """Issue 13.3: N-YT's two files have no 'Ngày gửi:'; the newer mtime wins, and says so."""
    out, outcome = corpus_run
    manifest = next(json.loads(p.read_text(encoding="utf-8")) for p in out.rglob("manifest.json"))
    chosen = {i["path"]: i["chosen_by"] for i in manifest["inputs"] if "chosen_by" in i}
    assert chosen["N-YT_ban-sua.xlsx"] == "mtime"
    assert "N-YT_ban-dau.xlsx" not in chosen  # the superseded file records no choice
    assert set(chosen.values()) <= {"sent_date", "mtime", "name"}
    by_mtime = sorted(path for path, rule in chosen.items() if rule == "mtime")
    assert sorted(line.split(": dùng tệp ")[1].split(",")[0] for line in outcome["choices"]) == by_mtime
    assert ("Công đoàn ngành Y tế Hà Nội (N-YT): dùng tệp N-YT_ban-sua.xlsx, chọn theo thời gian "
            "sửa tệp vì không đọc được dòng 'Ngày gửi:' để phân biệt các tệp của đơn vị."
            ) in outcome["choices"]
