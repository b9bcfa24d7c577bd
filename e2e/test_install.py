"""The installed layout: commands that only read never create a data directory where they were run, and the
defaults point at /var/lib/khongcho (data) and /usr/share/khongcho (assets, devices) — `make run` passes the
checkout's own paths. (`make deploy-check` runs systemd-analyze verify on deploy/khongcho.service.)"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import BINARY


def test_plan_without_data_creates_nothing_and_says_where_it_looked(tmp_path: Path):
    existed = Path("/var/lib/khongcho").exists()
    for command in (["plan"], ["report", "--period", "day:2026-03-02"], ["user", "list"]):
        result = subprocess.run([str(BINARY), *command], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                                stdin=subprocess.DEVNULL)
        assert result.returncode != 0, command
        assert "There is no KhôngChờ store in /var/lib/khongcho" in result.stderr, (command, result.stderr)
        assert os.listdir(tmp_path) == [], (command, os.listdir(tmp_path))
    assert Path("/var/lib/khongcho").exists() == existed


def test_help_names_the_installed_defaults():
    result = subprocess.run([str(BINARY), "serve", "--help"], capture_output=True, text=True, timeout=60)
    assert "(default: /var/lib/khongcho)" in result.stdout
