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
    (["run", "--year", "2024", "--date", "31-12-2024"], "--date '31-12-2024' không phải ngày dạng YYYY-MM-DD hoặc dd/mm/yyyy."),
    (["run", "--year", "2024", "--raw", "/"], "--raw / là thư mục gốc của ổ đĩa; hãy chỉ thư mục chứa tệp của các đơn vị cho một năm (ví dụ data/raw/2024)."),
    (["validate", "--year", "2024", "--raw", "/"], "--raw / là thư mục gốc của ổ đĩa; hãy chỉ thư mục chứa tệp của các đơn vị cho một năm (ví dụ data/raw/2024)."),
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
    assert said.startswith(f"thidua: Không ghi được {tmp_path / 'diff-v1-v2.csv'}: ")
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
