"""``python -m thidua.cli`` knows every command the ``thidua`` script knows: the commands added
at the end of ``thidua/cli.py`` (``registry``, ``history``) were added after its ``__main__``
block ran, so ``python -m thidua.cli registry check`` said "Không có lệnh 'registry'"."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REGISTRY


@pytest.mark.parametrize("command", ["registry", "history", "cache", "run"])
def test_python_m_thidua_cli_knows_every_command(command):
    done = subprocess.run([sys.executable, "-m", "thidua.cli", command, "--help"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"Cách dùng: thidua {command}" in " ".join(done.stdout.split())


def test_python_m_thidua_cli_checks_the_registry():
    done = subprocess.run([sys.executable, "-m", "thidua.cli", "registry", "check", str(REGISTRY)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith("units.csv: hợp lệ (")
