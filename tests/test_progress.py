"""The terminal's progress display, summary table and one-line outcome; ``run --quiet``."""

from __future__ import annotations

import io
import re

from rich.console import Console
from typer.testing import CliRunner

from conftest import REGISTRY
from thidua.cli import app
from thidua.progress import (STEPS, TerminalProgress, emit, listening, outcome_line, summary_line,
                             summary_table)
from helpers import SUMMARY, row, write_xlsx

runner = CliRunner()

def _text(terminal_output: str) -> str:
    """Terminal output without its escape sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", terminal_output)


def test_events_reach_listeners_only_while_they_listen():
    got = []
    with listening(lambda kind, data: got.append((kind, data))):
        emit("planned", files=2)
    emit("file_read", file="a.xlsx", status="used")
    assert got == [("planned", {"files": 2})]


def test_a_failing_listener_never_breaks_the_run(caplog):
    def broken(kind, data):
        raise RuntimeError("display gone")

    got = []
    with listening(broken), listening(lambda kind, data: got.append((kind, data))):
        emit("step_done", step="read")
        emit("step_done", step="aggregate")
    assert got == [("step_done", {"step": "read"}), ("step_done", {"step": "aggregate"})]
    failures = [r for r in caplog.records if r.getMessage() == "Lỗi khi hiển thị tiến độ"]
    assert [str(r.exc_info[1]) for r in failures] == ["display gone"] * 2


def test_the_terminal_display_counts_files_and_steps():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    with TerminalProgress(console) as display, listening(display):
        emit("planned", files=3)
        for name in ("Q-DD.xlsx", "Q-BD.xlsx", "Q-HK.xlsx"):
            emit("file_read", file=name, status="used")
        for step in STEPS:
            emit("step_done", step=step)
    final = _text(out.getvalue()).splitlines()[-2:]
    assert "Đọc tệp" in final[0] and "3/3" in final[0]
    assert "Xong: Đăng lên Prefect" in final[1] and "5/5" in final[1]


def test_the_summary_table_shows_fields_totals_units_and_rows():
    out = io.StringIO()
    Console(file=out, width=100).print(summary_table(SUMMARY))
    text = out.getvalue()
    assert re.search(r"Kinh tế\s+│\s+230 │\s+1\.238 │\s+1\.468", text)
    assert re.search(r"Tổng\s+│\s+1\.129 │\s+7\.204 │\s+8\.333", text)
    assert text.rstrip().endswith("┘")  # no caption wrapped at the table's width
    assert summary_line(SUMMARY) == ("39/40 đơn vị đã gửi (97,5%); dòng: 8.533 đã đọc, 8.333 "
                                     "hợp lệ, 12 bị từ chối, 188 bỏ qua")


def test_the_one_line_outcome():
    outcome = {"status": "published", "version": 2, "summary": SUMMARY}
    assert outcome_line(outcome) == (
        "Năm 2024, bản số 2 (mới lập): 8.333 mô hình (1.129 tập thể, 7.204 cá nhân); "
        "39/40 đơn vị đã gửi; 12 dòng bị từ chối.")
    assert "(không đổi)" in outcome_line({**outcome, "status": "unchanged"})


def test_run_quiet_prints_one_line_and_run_ends_with_the_table(tmp_path):
    raw = tmp_path / "raw"
    write_xlsx(raw / "Q-DD_dk.xlsx", [row(), row(model="Tốt", stt=2)], title=["Năm: 2024"])
    options = ["--year", "2024", "--raw", str(raw), "--registry", str(REGISTRY),
               "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache")]
    quiet = runner.invoke(app, ["run", *options, "--quiet"])
    assert quiet.exit_code == 0, quiet.output
    assert quiet.stdout == ("Năm 2024, bản số 1 (mới lập): 1 mô hình (1 tập thể, 0 cá nhân); "
                            "1/40 đơn vị đã gửi; 1 dòng bị từ chối.\n")
    loud = runner.invoke(app, ["run", *options])
    assert loud.exit_code == 0, loud.output
    assert "“Dân vận khéo” năm 2024" in loud.stdout and "┃ Lĩnh vực" in loud.stdout
    assert "Không có gì thay đổi" in loud.stdout


def test_run_distribute_without_smtp_settings_keeps_the_report_and_exits_1(tmp_path):
    raw = tmp_path / "raw"
    write_xlsx(raw / "Q-DD_dk.xlsx", [row()], title=["Năm: 2024"])
    options = ["--year", "2024", "--raw", str(raw), "--registry", str(REGISTRY),
               "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "cache")]
    result = runner.invoke(app, ["run", *options, "--quiet", "--distribute"],
                           env={"THIDUA_SMTP_HOST": "", "THIDUA_SMTP_SECRET": ""})
    assert result.exit_code == 1
    assert result.stdout.startswith("Năm 2024, bản số 1 (mới lập): 1 mô hình")
    assert result.stderr == ("thidua: không gửi được e-mail: Chưa cấu hình gửi thư: thiếu "
                             "THIDUA_SMTP_HOST (hoặc khối Secret của Prefect tên trong "
                             "THIDUA_SMTP_SECRET).\n")
    assert (tmp_path / "out" / "bao-cao-dan-van-kheo-2024.pdf").is_file()


def test_the_files_bar_says_what_it_does_before_counting_and_then_rows_and_rate():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=160)
    with TerminalProgress(console) as display, listening(display):
        display.progress.refresh()
        before = _text(out.getvalue())
        emit("planned", files=3, submissions=2, steps=4)
        emit("file_read", file="Q-DD.xlsx", status="used", rows=500)
        emit("file_read", file="Q-BD.xlsx", status="used", rows=250)
        for step in ("read", "aggregate", "render", "publish"):
            emit("step_done", step=step)
    assert "Đang liệt kê tệp…" in before and "0/?" not in before
    final = _text(out.getvalue()).splitlines()[-2:]
    assert "2/2" in final[0] and "750 dòng" in final[0] and "tệp/s" in final[0]
    assert "4/4" in final[1]
