"""``thidua validate``: checks without rendering, a table per unit, feedback written, exit code."""

import re
import shutil

from typer.testing import CliRunner

from conftest import REGISTRY
from thidua.cli import app
from conftest import CORPUS, CORPUS_REGISTRY
from corpus_expected import CORPUS_TABLE, used_rows
from thidua.report.formatting import number

runner = CliRunner()
WIDE = {"COLUMNS": "250"}


def _table(output: str) -> dict[str, list[str]]:
    """Table lines of the output: unit code → [name, files, valid, rejected, ignored, problems]."""
    lines = {}
    for line in output.splitlines():
        cells = [c.strip() for c in line.split("│")[1:-1]]
        if len(cells) == 7 and cells[0]:
            lines[cells[0]] = cells[1:]
    return lines


def test_validate_over_the_corpus_prints_each_unit_writes_feedback_and_exits_1(corpus, tmp_path):  # noqa: F811
    out = tmp_path / "out"
    result = runner.invoke(app, ["validate", "--year", "2024", "--raw", str(corpus),
                                 "--registry", str(CORPUS_REGISTRY), "--out", str(out)], env=WIDE)
    assert result.exit_code == 1, result.output
    table = _table(result.output)
    assert table["Q-DD"][:5] == ["LĐLĐ quận Đống Đa", "1", "3", "1", "0"]
    assert table["H-SS"][1:5] == ["1", "4", "0", "13"]
    assert table["N-XD"][1:5] == ["2", "4", "0", "0"]
    assert table["N-CT"][1:5] == ["1", "0", "0", "0"]
    assert table["N-CT"][5].startswith("N-CT_mat-khau.xlsx: Tệp được đặt mật khẩu")
    assert table["Q-BD"][1:5] == ["1", "4", "0", "0"]
    rows = used_rows()
    files = [v for v in CORPUS_TABLE.values() if v[1] != "skipped"]
    rejected = sum(1 for v in files if v[1] == "rejected")
    caption = re.sub(r"\s+", " ", result.output)
    assert (f"{len(files)} tệp, {rejected} tệp bị từ chối, "
            f"{len(CORPUS_TABLE) - len(files)} tệp bỏ qua không đọc") in caption
    assert (f"; dòng: {number(rows['read'])} đã đọc, {number(rows['valid'])} hợp lệ, "
            f"{number(rows['rejected'])} bị từ chối, {number(rows['ignored'])} bỏ qua.") in caption
    written = sorted(p.name for p in (out / "kiem-tra" / "phan-hoi").iterdir())
    assert {"H-CM.xlsx", "Q-DD.xlsx", "S-08.xlsx", "V-GT.xlsx"} <= set(written)
    assert f"Đã ghi phản hồi cho {len(written)} đơn vị vào {out / 'kiem-tra' / 'phan-hoi'}" in result.output
    assert not list(out.glob("*.pdf"))


def test_validate_exits_0_when_nothing_is_rejected(tmp_path):
    raw = tmp_path / "2024"
    raw.mkdir()
    for name in ("Q-BD_tieu-de-dong-11.xlsx", "Q-TX_excel-97.xls", "Q-NTL_windows-1258.csv"):
        shutil.copy(CORPUS / name, raw / name)
    result = runner.invoke(app, ["validate", "--year", "2024", "--raw", str(raw),
                                 "--registry", str(REGISTRY), "--out", str(tmp_path / "out")],
                           env=WIDE)
    assert result.exit_code == 0, result.output
    table = _table(result.output)
    assert table["Q-BD"] == ["LĐLĐ quận Ba Đình", "1", "4", "0", "0", ""]
    assert table["Q-TX"] == ["LĐLĐ quận Thanh Xuân", "1", "3", "0", "0", ""]
    assert table["Q-DD"] == ["LĐLĐ quận Đống Đa", "0", "0", "0", "0", "chưa gửi tệp"]
    # Nothing rejected; only Q-TX is told something: its hidden sheet 'Cũ' holds a table that
    # is not counted (spec/submission-form.md, several sheets).
    feedback = tmp_path / "out" / "kiem-tra" / "phan-hoi"
    assert sorted(p.name for p in feedback.iterdir()) == ["Q-TX.xlsx"]


def test_validate_with_nothing_to_check_exits_2_with_one_line(tmp_path):
    result = runner.invoke(app, ["validate", "--year", "2024", "--raw", str(tmp_path / "none"),
                                 "--registry", str(REGISTRY), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert result.stderr == f"thidua: Không có thư mục dữ liệu {tmp_path / 'none'}.\n"
    a_file = tmp_path / "README.md"
    a_file.write_text("không phải thư mục", encoding="utf-8")
    for command in ("validate", "run"):
        result = runner.invoke(app, [command, "--year", "2024", "--raw", str(a_file),
                                     "--registry", str(REGISTRY), "--out", str(tmp_path / "out")])
        assert result.exit_code == 2
        assert result.stderr == (f"thidua: {a_file} là một tệp, không phải thư mục: --raw cần thư mục "
                                 f"chứa tệp của các đơn vị cho một năm (ví dụ data/raw/2024).\n")


def test_validate_fills_the_runs_cache_and_never_trusts_a_damaged_entry(tmp_path):
    from conftest import SAMPLE_DIR

    raw = tmp_path / "raw"
    shutil.copytree(SAMPLE_DIR, raw)
    cache = tmp_path / "cache"
    argv = ["validate", "--year", "2024", "--raw", str(raw), "--registry", str(REGISTRY),
            "--out", str(tmp_path / "out"), "--cache", str(cache)]
    first = runner.invoke(app, argv, env=WIDE)
    entries = sorted(p.name for p in cache.glob("ingest-*"))
    assert len(entries) == 40  # one per file of the bundled year
    for path in cache.glob("ingest-*"):  # a damaged cache entry is read again, never trusted
        path.write_bytes(b"not a pickle")
    second = runner.invoke(app, argv, env=WIDE)
    assert first.exit_code == second.exit_code == 1  # the sample's 12 rejected rows
    assert _table(first.output) == _table(second.output)
    assert "8.533 đã đọc, 8.333 hợp lệ, 12 bị từ chối, 188" in " ".join(second.output.split())
