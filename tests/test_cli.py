from typer.testing import CliRunner

from conftest import REGISTRY
from flows.cli import app

runner = CliRunner()


def test_every_command_has_help():
    result = runner.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    assert "--year" in result.output and "--registry" in result.output


def test_run_on_an_empty_folder_fails_with_a_one_line_reason(prefect_api, tmp_path):
    raw = tmp_path / "2024"
    raw.mkdir()
    result = runner.invoke(app, ["run", "--year", "2024", "--raw", str(raw),
                                 "--registry", str(REGISTRY), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == f"thidua: Thư mục {raw} không có tệp nào.\n"
    assert not (tmp_path / "out").exists()


def test_run_with_an_unusable_registry_fails(prefect_api, tmp_path):
    bad = tmp_path / "units.csv"
    bad.write_text("code,name\nq dd,Đống Đa\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "--year", "2024", "--raw", str(tmp_path),
                                 "--registry", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"thidua: Danh mục đơn vị {bad} không hợp lệ")
    assert result.stderr.count("\n") == 1
