"""``thidua run`` in a terminal shows thidua's progress and summary, never Prefect's own notices
(telemetry, "View at", temporary server) among the progress bars (issue 13.5); it names a unit
whose file was chosen by modification time (issue 13.3)."""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys

from conftest import CORPUS, CORPUS_REGISTRY, MTIME
from thidua.settings import REPO_ROOT

#: Environment variables that would silence Prefect's notices by themselves: the test must
#: see what a user at a terminal sees, so the child runs without them (thidua sets its own).
_SILENCERS = ("DO_NOT_TRACK", "CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "TRAVIS",
              "CIRCLECI", "BUILDKITE", "TF_BUILD", "CODEBUILD_BUILD_ID", "BITBUCKET_COMMIT",
              "TEAMCITY_VERSION", "DRONE", "SEMAPHORE", "APPVEYOR", "BUDDY", "CI_NAME",
              "PREFECT_SERVER_ANALYTICS_ENABLED", "PREFECT_API_URL", "PREFECT_LOGGING_LEVEL")
_ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


def _in_a_terminal(argv: list[str], env: dict[str, str], timeout: float = 300) -> tuple[int, str]:
    """Run ``argv`` with stdout and stderr on a pseudo-terminal; ``(exit status, what the
    terminal showed, escape sequences removed)``."""
    main, side = os.openpty()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=side, stderr=side, env=env,
                               cwd=REPO_ROOT)
    os.close(side)
    shown = bytearray()
    while True:
        ready, _, _ = select.select([main], [], [], timeout)
        if not ready:
            process.kill()
            raise TimeoutError(f"no output for {timeout} s")
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    text = _ESCAPES.sub("", shown.decode("utf-8", "replace")).replace("\r", "\n")
    return process.wait(timeout=60), text


def test_a_run_in_a_terminal_shows_no_prefect_notice(tmp_path):
    raw = tmp_path / "2024"
    raw.mkdir()
    for name in ("Q-BD_tieu-de-dong-11.xlsx", "N-YT_ban-dau.xlsx", "N-YT_ban-sua.xlsx"):
        shutil.copy(CORPUS / name, raw / name)
        stamp = MTIME + (86400 if name == "N-YT_ban-sua.xlsx" else 0)  # no 'Ngày gửi:' in
        os.utime(raw / name, (stamp, stamp))  # either N-YT file: the newer mtime is chosen
    env = {k: v for k, v in os.environ.items() if k not in _SILENCERS}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"),  # a first run: notices are due
               PYTHONPATH=str(REPO_ROOT), COLUMNS="120", TERM="xterm")
    status, shown = _in_a_terminal(
        [sys.executable, "-m", "thidua.cli", "run", "--year", "2024", "--raw", str(raw),
         "--registry", str(CORPUS_REGISTRY), "--out", str(tmp_path / "out"), "--cache",
         str(tmp_path / "cache")], env)
    lines = [line.strip() for line in shown.splitlines() if line.strip()]
    assert status == 0, shown
    assert "Đã lập bản số 1: đọc 3 tệp." in lines
    assert any(line.startswith("Đọc tệp") and "3/3" in line for line in lines)  # the bars ran
    assert lines.count(  # a unit's file chosen by modification time is said (issue 13.3)
        "Công đoàn ngành Y tế Hà Nội (N-YT): dùng tệp N-YT_ban-sua.xlsx, chọn theo thời gian sửa "
        "tệp vì không đọc được dòng 'Ngày gửi:' để phân biệt các tệp của đơn vị.") == 1
    foreign = [line for line in lines if re.search(
        r"Prefect collects|anonymous usage|telemetry|DO_NOT_TRACK|View at|Starting temporary "
        r"server|prefect\.io|docs\.prefect|Traceback|Timed out", line, re.IGNORECASE)]
    assert foreign == []
