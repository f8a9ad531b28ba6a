import pytest
from typer.testing import CliRunner

from conftest import REGISTRY
from thidua.cli import app

runner = CliRunner()


def test_every_command_has_help():
    result = runner.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    assert "--year" in result.output and "--registry" in result.output


def test_run_on_an_empty_folder_fails_with_a_one_line_reason(tmp_path):
    raw = tmp_path / "2024"
    raw.mkdir()
    result = runner.invoke(app, ["run", "--year", "2024", "--raw", str(raw),
                                 "--registry", str(REGISTRY), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == f"thidua: Thư mục {raw} không có tệp nào.\n"
    assert not (tmp_path / "out").exists()


def test_run_with_an_unusable_registry_fails(tmp_path):
    bad = tmp_path / "units.csv"
    bad.write_text("code,name\nq dd,Đống Đa\n", encoding="utf-8")
    result = runner.invoke(app, ["run", "--year", "2024", "--raw", str(tmp_path),
                                 "--registry", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"thidua: Danh mục đơn vị {bad} không hợp lệ")
    assert result.stderr.count("\n") == 1


def test_registry_errors_are_said_in_vietnamese_and_two_periods_of_one_unit_are_allowed(tmp_path):
    from thidua.ingest.registry import RegistryError, expected_units, load_registry

    head = "code,name,level,kind,valid_from,valid_to,successors,members,grassroots_unions\n"
    good = tmp_path / "good.csv"
    good.write_text(head + "Q-CG,Cầu Giấy,cap_tren_co_so,quan_huyen,1997-01-01,2020-12-31,,1,1\n"
                    "Q-CG,Cầu Giấy,cap_tren_co_so,quan_huyen,2021-01-01,,,2,1\n", encoding="utf-8")
    registry = load_registry(good)
    assert len(registry) == 2
    assert expected_units(registry, 2024)["members"].tolist() == [2]
    bad = tmp_path / "bad.csv"
    bad.write_text(head + "Q-BD,Ba Đình,cap_tren_co_so,quan_huyen,1990-01-01,,,1,1\n" * 2
                   + "q dd,Đống Đa,cap_tren_co_so,quan_huyen,1990-01-01,,,x,1\n", encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(bad)
    assert str(caught.value) == (
        f"Danh mục đơn vị {bad} không hợp lệ: mã 'Q-BD' có hai dòng cùng ngày bắt đầu (mỗi đơn vị "
        "một dòng cho mỗi thời kỳ); dòng 4, cột 'members' = 'x': cần số đoàn viên; dòng 4, cột "
        "'code' = 'q dd': cần mã đơn vị: chữ in hoa không dấu, chữ số, '-'")


def _command_paths(group, prefix=()):
    """Every command and group of the ``thidua`` tree, as the words typed after ``thidua``."""
    yield prefix
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _command_paths(command, prefix + (name,))
        else:
            yield prefix + (name,)


def test_no_help_shows_an_english_value_type(capsys, monkeypatch):
    """Every option's value is named in Vietnamese (NĂM, TỆP, THƯ_MỤC, SỐ…) and a yes/no option
    shows none: typer alone would print ``<bool>``, ``<int range>``, ``<path>``, ``<str>``."""
    import re

    import typer

    from thidua.cli import main

    monkeypatch.setenv("COLUMNS", "200")
    paths = list(_command_paths(typer.main.get_command(app)))
    assert ("run",) in paths and ("cache", "prune") in paths and ("cache",) in paths and () in paths
    for path in paths:
        assert main([*path, "--help"]) == 0, path
        said = capsys.readouterr().out
        usage = f"Cách dùng: {' '.join(('thidua', *path))} [TÙY_CHỌN]"
        assert usage in said, (path, said[:300])
        assert "[OPTIONS]" not in said and "COMMAND" not in said and "[ARGS]" not in said, path
        options = [line for line in said.splitlines() if "--" in line and "│" in line]
        assert any("--help" in line and "Hiện hướng dẫn này" in line for line in options), path
        english = [line for line in options
                   if re.search(r"<(?:bool|int|float|str|path|datetime|uuid|list\[\w+\])(?: range)?>", line)]
        assert english == [], (path, english)
