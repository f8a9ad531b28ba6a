"""Every refusal of every command is one Vietnamese line on stderr, exit 2, never a traceback
(issue 13.1): a table of bad arguments, each run through the console script's ``main``."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import REGISTRY, SAMPLE_DIR
from helpers import SUMMARY
from thidua.cli import main
from thidua.settings import REPO_ROOT

#: Words that would mean Click, Typer or Python spoke English to the user.
ENGLISH = ("Traceback", "Error", "Missing", "Invalid", "Usage", "No such", "Got unexpected",
           "Input should", "requires", "is not", "Try '")
HEAD = "code,name,level,kind,valid_from,valid_to,successors,members,grassroots_unions\n"


def refusal(capsys, argv: list[str], code: int = 2) -> str:
    """Run ``thidua argv``; assert one line on stderr, in Vietnamese, and the exit ``code``."""
    assert main(argv) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("thidua: "), err
    assert not any(word in err for word in ENGLISH), err
    return err.strip()


@pytest.fixture
def registries(tmp_path):
    files = {
        "empty": "",
        "no_header": "Q-BD,Ba Đình,cap_tren_co_so,quan_huyen,1990-01-01,,,1,1\n",
        "reversed": HEAD + "Q-BD,Ba Đình,cap_tren_co_so,quan_huyen,2024-05-01,2024-01-31,,1,1\n",
        "open_quote": HEAD + "Q-BD,Ba Đình,cap_tren_co_so,quan_huyen,1990-01-01,,,1,1\n"
                             '"Q-HK,Hoàn Kiếm,cap_tren_co_so,quan_huyen,1990-01-01,,,1,1\n',
        "extra_cell": "# danh mục mẫu\n" + HEAD + "Q-BD,Ba Đình,cap_tren_co_so,quan_huyen,1990-01-01,,,1,1\n"
                                                "Q-HK,Hoàn Kiếm, Hà Nội,cap_tren_co_so,quan_huyen,1990-01-01,,,1,1\n",
        "overlap": HEAD + "Q-BD,Ba Đình,cap_tren_co_so,quan_huyen,1990-01-01,2024-12-31,,1,1\n"
                          "Q-BD,Ba Đình mới,cap_tren_co_so,quan_huyen,2024-06-01,,,1,1\n",
    }
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.csv"
        paths[name].write_text(text, encoding="utf-8")
    return paths


@pytest.mark.parametrize("command", ["run", "validate", "diff", "distribute"])
@pytest.mark.parametrize("year, said", [
    ("99999", "Giá trị không hợp lệ cho --year: cần một số không lớn hơn 2100"),
    ("-1", "Giá trị không hợp lệ cho --year: cần một số không nhỏ hơn 1990"),
    ("0", "Giá trị không hợp lệ cho --year: cần một số không nhỏ hơn 1990"),
    ("2024.5", "Giá trị không hợp lệ cho --year: cần một số nguyên"),
    ("hai nghìn", "Giá trị không hợp lệ cho --year: cần một số nguyên"),
])
def test_a_year_outside_1990_2100_is_refused_by_every_command(capsys, command, year, said):
    assert refusal(capsys, [command, "--year", year]) == f"thidua: {said} (xem: thidua {command} --help)"


@pytest.mark.parametrize("argv, said", [
    (["run"], "Thiếu tùy chọn --year (xem: thidua run --help)"),
    (["validate", "--yeer", "2024"], "Không có tùy chọn --yeer; có phải ý bạn là --year? (xem: thidua validate --help)"),
    (["run", "--year"], "Tùy chọn --year cần một giá trị"),
    (["run", "--year", "2024", "thêm"], "Thừa tham số: thêm (xem: thidua run --help)"),
    (["in-bao-cao"], "Không có lệnh 'in-bao-cao'. (xem: thidua --help)"),
    (["diff", "--year", "2024", "--from", "0"], "Giá trị không hợp lệ cho --from: cần một số không nhỏ hơn 1 (xem: thidua diff --help)"),
    (["distribute", "--year", "2024", "--version", "0"], "Giá trị không hợp lệ cho --version: cần một số không nhỏ hơn 1 (xem: thidua distribute --help)"),
    (["distribute", "--year", "2024", "--version", "-2"], "Giá trị không hợp lệ cho --version: cần một số không nhỏ hơn 1 (xem: thidua distribute --help)"),
    (["distribute", "--year", "2024", "--version", "hai"], "Giá trị không hợp lệ cho --version: cần một số nguyên (xem: thidua distribute --help)"),
    (["run", "--year", "2024", "--date", "31-12-2024"], "--date '31-12-2024' không phải ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy."),
    (["run", "--year", "2024", "--date", "31/02/2024"], "--date '31/02/2024': ngày 31/02/2024 không có (tháng 02/2024 có 29 ngày)."),
    (["run", "--year", "2024", "--date", "10/13/2024"], "--date '10/13/2024': ngày 10/13/2024 không có (tháng chỉ từ 01 đến 12); có vẻ ghi theo kiểu tháng/ngày/năm (bảng tính đặt ngôn ngữ Mỹ, ví dụ Google Sheets): nếu là ngày 13 tháng 10, đề nghị ghi 13/10/2024 (ngày/tháng/năm) hoặc đổi ngôn ngữ bảng tính sang Việt Nam."),
    (["run", "--year", "2024", "--raw", "/"], "--raw / là thư mục gốc của ổ đĩa; hãy chỉ thư mục chứa tệp của các đơn vị cho một năm (ví dụ data/raw/2024)."),
    (["validate", "--year", "2024", "--raw", "/"], "--raw / là thư mục gốc của ổ đĩa; hãy chỉ thư mục chứa tệp của các đơn vị cho một năm (ví dụ data/raw/2024)."),
    (["run", "--year", "2025", "--as-of", "30-06-2025"], "--as-of '30-06-2025' không phải ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy."),
    (["validate", "--year", "2025", "--as-of", "hôm qua"], "--as-of 'hôm qua' không phải ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy."),
    (["registry", "check"], "Thiếu tham số TỆP (xem: thidua registry check --help)"),
    (["registry", "kiem-tra"], "Không có lệnh 'kiem-tra'. (xem: thidua registry --help)"),
    (["registry", "check", "/khong/co/units.csv"], "Không tìm thấy danh mục đơn vị: /khong/co/units.csv"),
    (["run", "--year", "2024", "--year", "2025"], "tùy chọn --year được nhập 2 lần với giá trị khác nhau (2024, 2025); mỗi tùy chọn chỉ được nhập một lần."),
    (["validate", "-y", "2024", "--year=2025"], "tùy chọn --year được nhập 2 lần với giá trị khác nhau (2024, 2025); mỗi tùy chọn chỉ được nhập một lần."),
    (["validate", "--year", "2024", "--raw", "a", "--raw=b"], "tùy chọn --raw được nhập 2 lần với giá trị khác nhau (a, b); mỗi tùy chọn chỉ được nhập một lần."),
    (["diff", "--year", "2024", "--from", "1", "--to", "2", "--from", "2"], "tùy chọn --from được nhập 2 lần với giá trị khác nhau (1, 2); mỗi tùy chọn chỉ được nhập một lần."),
    (["cache", "prune", "--cache", "a", "--cache", "b"], "tùy chọn --cache được nhập 2 lần với giá trị khác nhau (a, b); mỗi tùy chọn chỉ được nhập một lần."),
    (["run", "--year", "2024", "--as-of", "2023-12-31"], "--as-of 31/12/2023 không thuộc năm báo cáo 2024: hãy chọn một ngày từ 01/01/2024 đến 31/12/2024 (mặc định 31/12/2024)."),
    (["validate", "--year", "2024", "--as-of", "01/01/2025"], "--as-of 01/01/2025 không thuộc năm báo cáo 2024: hãy chọn một ngày từ 01/01/2024 đến 31/12/2024 (mặc định 31/12/2024)."),
    (["cache", "prune", "--cache", "/khong/co"], "--cache /khong/co không phải thư mục có sẵn: hãy chỉ thư mục bộ nhớ đệm mà thidua run dùng (mặc định data/out/.cache)."),
    (["history", "--out-root", "/khong/co"], "không có năm nào đã công bố trong /khong/co (cần /khong/co/<năm>/summary.json); hãy lập báo cáo bằng: thidua run --year <năm>."),
])
def test_usage_mistakes_are_one_vietnamese_line(capsys, argv, said):
    assert refusal(capsys, argv) == f"thidua: {said}"


@pytest.mark.parametrize("command", ["run", "validate"])
def test_an_output_folder_inside_the_raw_folder_is_refused(capsys, tmp_path, command):
    said = refusal(capsys, [command, "--year", "2024", "--raw", str(tmp_path), "--out", str(tmp_path / "ket-qua")])
    assert said == (f"thidua: --out {tmp_path / 'ket-qua'} nằm trong --raw {tmp_path}: báo cáo sẽ bị đọc lại "
                    f"như tệp của đơn vị; hãy chọn thư mục kết quả ở ngoài thư mục tệp đơn vị.")


@pytest.mark.parametrize("fault, said", [
    ("empty", "rỗng: cần dòng tiêu đề code,name,level,kind,valid_from,valid_to,successors,members,"
              "grassroots_unions và mỗi đơn vị một dòng."),
    ("no_header", "không có dòng tiêu đề: dòng 1 phải là code,name,level,kind,valid_from,valid_to,"
                  "successors,members,grassroots_unions."),
    ("open_quote", "không đọc được: dấu ngoặc kép mở ở dòng 3 không được đóng (mỗi ô có dấu phẩy hoặc "
                   "xuống dòng phải nằm giữa hai dấu ngoặc kép)."),
    ("extra_cell", "không đọc được: dòng 4 có 10 ô, nhiều hơn 9 cột của dòng tiêu đề (ô có dấu phẩy phải "
                   "nằm giữa hai dấu ngoặc kép)."),
    ("reversed", "không hợp lệ: dòng 2, mã 'Q-BD': valid_to 2024-01-31 trước valid_from 2024-05-01"),
    ("overlap", "không hợp lệ: dòng 2, mã 'Q-BD' có hai thời kỳ hoạt động chồng lên nhau (mỗi ngày một "
                "đơn vị chỉ có một dòng); dòng 3, mã 'Q-BD' có hai thời kỳ hoạt động chồng lên nhau "
                "(mỗi ngày một đơn vị chỉ có một dòng)"),
])
def test_an_unusable_registry_is_named_in_one_line(capsys, tmp_path, registries, fault, said):
    argv = ["validate", "--year", "2024", "--raw", str(SAMPLE_DIR), "--registry", str(registries[fault]),
            "--out", str(tmp_path / "out")]
    assert refusal(capsys, argv) == f"thidua: Danh mục đơn vị {registries[fault]} {said}"


def test_diff_into_a_folder_it_cannot_write_says_so(capsys, tmp_path):
    for number in (1, 2):
        folder = tmp_path / "versions" / f"v{number}"
        folder.mkdir(parents=True)
        (folder / "manifest.json").write_text(json.dumps({"version": number, "inputs": []}))
        (folder / "summary.json").write_text(json.dumps(SUMMARY))
    (tmp_path / "diff-v1-v2.csv").mkdir()  # root may write anywhere: a folder in the way refuses
    said = refusal(capsys, ["diff", "--year", "2024", "--out", str(tmp_path), "--csv"])
    assert said == f"thidua: Không ghi được {tmp_path / 'diff-v1-v2.csv'}: là một thư mục, không phải tệp"
    assert refusal(capsys, ["diff", "--year", "2024", "--out", str(tmp_path), "--from", "1",
                            "--to", "1"]) == ("thidua: --from và --to cùng là bản số 1: hãy chọn "
                                              "hai bản khác nhau.")
    assert main(["diff", "--year", "2024", "--out", str(tmp_path / "khong-co")]) == 2
    assert capsys.readouterr().err.startswith("thidua: Cần ít nhất hai bản để so sánh;")


def test_an_unreachable_prefect_server_is_one_line_not_a_traceback(tmp_path):
    """A real process with ``PREFECT_API_URL`` on a port where nothing listens."""
    env = {**os.environ, "PREFECT_API_URL": "http://127.0.0.1:9/api", "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run([sys.executable, "-m", "thidua.cli", "run", "--year", "2024", "--registry",
                           str(REGISTRY), "--out", str(tmp_path / "out")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr == ("thidua: Không kết nối được máy chủ Prefect tại http://127.0.0.1:9/api "
                           "(ConnectError); hãy chạy `prefect server start`, hoặc bỏ biến PREFECT_API_URL "
                           "để chạy không cần máy chủ.\n")
    assert not (tmp_path / "out").exists()


def test_help_is_in_vietnamese(capsys):
    assert main(["run", "--help"]) == 0
    out = re.sub(r"[\s│]+", " ", capsys.readouterr().out)  # the help as read, wrapped or not
    assert "Cách dùng: thidua run" in out and "Tùy chọn" in out and "Hiện hướng dẫn này rồi thoát." in out
    assert "Show this message" not in out and "Usage:" not in out and "[required]" not in out


def _published(out, numbers: int) -> None:
    """Versions 1..numbers of a 2024 report in ``out``, each PDF listed in its manifest."""
    import hashlib

    for number in range(1, numbers + 1):
        folder = out / "versions" / f"v{number}"
        folder.mkdir(parents=True)
        pdf = f"%PDF v{number}".encode()
        (folder / "bao-cao-dan-van-kheo-2024.pdf").write_bytes(pdf)
        (folder / "manifest.json").write_text(json.dumps({
            "version": number, "report_date": f"2024-12-{4 + number:02d}", "outputs": [
                {"path": "bao-cao-dan-van-kheo-2024.pdf", "sha256": hashlib.sha256(pdf).hexdigest()}]}))


@pytest.mark.parametrize("extra, said", [
    (["--version", "5"], "Không có bản số 5 của báo cáo năm 2024 (hiện có: v1, v2)."),
    (["--version", "1"], "Bản số 1 của báo cáo năm 2024 không còn hiệu lực: đã được thay thế bởi bản "
                         "số 2 ngày 06/12/2024; hãy gửi bản đang có hiệu lực (bỏ --version) hoặc thêm "
                         "--force nếu thật sự cần gửi bản cũ."),
])
def test_distribute_refuses_a_version_missing_or_no_longer_in_force(capsys, tmp_path, extra, said):
    _published(tmp_path, 2)
    assert refusal(capsys, ["distribute", "--year", "2024", "--out", str(tmp_path), *extra]) == \
        f"thidua: {said}"


@pytest.fixture
def signing_files(tmp_path):
    """A key file that exists (its content does not matter before it is opened), a file that
    is not a certificate, a PDF, and a wrong settings file."""
    files = {"p12": tmp_path / "ky-so.p12", "notcert": tmp_path / "goc.pem",
             "pdf": tmp_path / "bao-cao.pdf", "toml": tmp_path / "report.toml"}
    files["p12"].write_bytes(b"not a key")
    files["notcert"].write_text("không phải chứng thư", encoding="utf-8")
    files["pdf"].write_bytes(b"%PDF-1.7\n")
    files["toml"].write_text("[signer]\nname = 5\n", encoding="utf-8")
    return files


@pytest.mark.parametrize("argv, said", [
    (["sign", "--year", "2024"], "Thiếu tùy chọn --p12 (xem: thidua sign --help)"),
    (["sign", "--year", "1800", "--p12", "{p12}"], "Giá trị không hợp lệ cho --year: cần một số không nhỏ hơn 1990 (xem: thidua sign --help)"),
    (["sign", "--year", "2024", "--p12", "{p12}", "--out", "{tmp}"], "Chưa có mật khẩu của tệp khóa ký số: đặt biến môi trường THIDUA_P12_PASSWORD (hoặc THIDUA_P12_SECRET là tên khối Secret của Prefect chứa mật khẩu)."),
    # the missing key file is said first, before the password it would need (fresh tester W)
    (["sign", "--year", "2024", "--p12", "{tmp}/khong-co.p12", "--out", "{tmp}"], "Không có tệp khóa ký số {tmp}/khong-co.p12 (--p12 cần tệp PKCS#12 .p12 hoặc .pfx)."),
    (["verify"], "Thiếu tham số TỆP.pdf (xem: thidua verify --help)"),
    (["verify", "{tmp}/khong-co.pdf"], "Không có tệp {tmp}/khong-co.pdf (cần một tệp PDF)."),
    (["verify", "{pdf}", "--trust", "{notcert}"], "Tệp --trust {notcert} không phải chứng thư số X.509 (PEM hoặc DER)."),
    (["verify", "{pdf}", "--trust", "{tmp}/khong-co.pem"], "Không có tệp chứng thư gốc --trust {tmp}/khong-co.pem (cần tệp .pem hoặc .cer của tổ chức chứng thực)."),
    (["run", "--year", "2024", "--sign"], "--sign cần --p12 TỆP: tệp khóa ký số PKCS#12 của người ký."),
    (["run", "--year", "2024", "--p12", "{p12}"], "--p12 chỉ dùng cùng --sign (ký số sau khi lập báo cáo)."),
    (["run", "--year", "2024", "--sign", "--p12", "{tmp}/khong-co.p12"], "Không có tệp khóa ký số {tmp}/khong-co.p12 (--p12 cần tệp PKCS#12 .p12 hoặc .pfx)."),
    (["run", "--year", "2024", "--sign", "--p12", "{p12}"], "Chưa có mật khẩu của tệp khóa ký số {p12}: đặt biến môi trường THIDUA_P12_PASSWORD (hoặc THIDUA_P12_SECRET là tên khối Secret của Prefect)."),
    (["run", "--year", "2024", "--number", "12a"], "--number: số văn bản '12a' không hợp lệ; cần chữ số, ví dụ 125 (hoặc để trống)."),
    (["run", "--year", "2024", "--settings", "{toml}"], "{toml}: thiếu khóa 'issuer.parent' (tên cơ quan chủ quản, một dòng chữ)."),
])
def test_signing_mistakes_are_one_vietnamese_line(capsys, monkeypatch, tmp_path, signing_files,
                                                  argv, said):
    monkeypatch.delenv("THIDUA_P12_PASSWORD", raising=False)
    monkeypatch.delenv("THIDUA_P12_SECRET", raising=False)
    names = {"tmp": str(tmp_path), **{k: str(v) for k, v in signing_files.items()}}
    argv = [a.format(**names) for a in argv]
    assert refusal(capsys, argv) == "thidua: " + said.format(**names)


def test_a_wrong_key_password_is_one_line_naming_the_file(capsys, monkeypatch, tmp_path, signing_files):
    monkeypatch.setenv("THIDUA_P12_PASSWORD", "sai")
    said = refusal(capsys, ["sign", "--year", "2024", "--p12", str(signing_files["p12"]),
                            "--out", str(tmp_path)])
    assert said.startswith(f"thidua: Không mở được tệp khóa ký số {signing_files['p12']}")


@pytest.mark.parametrize("argv, said", [
    (["--workers", "0"], "Giá trị không hợp lệ cho --workers: cần một số không nhỏ hơn 1 "
                         "(xem: thidua run --help)"),
    (["--workers", "hai"], "Giá trị không hợp lệ cho --workers: cần một số nguyên "
                           "(xem: thidua run --help)"),
    (["--dask-address", "tcp://127.0.0.1:9"],
     "Không kết nối được cụm Dask tại tcp://127.0.0.1:9 (không có dask scheduler trả lời "
     "trong 5 giây); hãy chạy `dask scheduler` và `dask worker` ở đó, hoặc bỏ --dask-address."),
    (["--dask-address", "may-chu:8786"],
     "--dask-address 'may-chu:8786' không phải địa chỉ của dask scheduler; hãy ghi dạng "
     "tcp://máy:cổng, ví dụ tcp://10.0.0.5:8786."),
])
def test_bad_workers_and_dask_addresses_are_refused_before_anything_is_read(capsys, tmp_path,
                                                                           argv, said):
    out = tmp_path / "out"
    assert refusal(capsys, ["run", "--year", "2024", "--raw", str(SAMPLE_DIR), "--registry",
                            str(REGISTRY), "--out", str(out), *argv]) == f"thidua: {said}"
    assert not (out / "versions").exists()


@pytest.mark.parametrize("text, said", [
    ("{bad", "không đúng dạng JSON ở dòng 1, cột 2."),
    ('{"year": 2023}', "không phải summary.json"),
])
def test_a_broken_previous_year_is_placed_in_vietnamese(capsys, tmp_path, text, said):
    previous = tmp_path / "nam-truoc.json"
    previous.write_text(text, encoding="utf-8")
    argv = ["run", "--year", "2024", "--raw", str(SAMPLE_DIR), "--out", str(tmp_path / "out"),
            "--previous", str(previous)]
    err = refusal(capsys, argv)
    assert str(previous) in err and said in err


def test_a_broken_settings_file_is_placed_in_vietnamese(capsys, tmp_path):
    settings = tmp_path / "bao-cao.toml"
    settings.write_text("[document]\nnumber = = 1\n", encoding="utf-8")
    argv = ["run", "--year", "2024", "--raw", str(SAMPLE_DIR), "--out", str(tmp_path / "out"),
            "--settings", str(settings)]
    assert refusal(capsys, argv) == (f"thidua: Tệp thiết lập báo cáo {settings} không đúng dạng TOML ở "
                                     f"dòng 2, cột 10.")


@pytest.mark.parametrize("command", [
    ["diff"], ["distribute"], ["run", "--raw", "RAW"], ["validate", "--raw", "RAW"],
    ["sign", "--p12", "KEY"]])
def test_an_output_folder_of_another_year_is_refused(capsys, tmp_path, command):
    """Fresh tester U: ``thidua diff --year 2023 --out <2024's folder>`` printed 2024's
    changes as 2023's; every command that reads or adds versions refuses it."""
    out = tmp_path / "out"
    _published(out, 2)
    for version in (1, 2):  # the manifests say their year (spec/outputs.md)
        path = out / "versions" / f"v{version}" / "manifest.json"
        path.write_text(json.dumps({**json.loads(path.read_text()), "year": 2024}))
        (path.parent / "summary.json").write_text(json.dumps(SUMMARY))
    (tmp_path / "raw").mkdir()
    (tmp_path / "key.p12").write_bytes(b"not a key")
    argv = [a.replace("RAW", str(tmp_path / "raw")).replace("KEY", str(tmp_path / "key.p12"))
            for a in command]
    said = refusal(capsys, [argv[0], "--year", "2023", "--out", str(out), *argv[1:]])
    assert said == (f"thidua: --out {out} là thư mục kết quả năm 2024, không phải năm 2023; hãy "
                    f"chọn --year 2024, hoặc thư mục kết quả của năm 2023.")
