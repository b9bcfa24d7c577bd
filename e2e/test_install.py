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


def test_a_settings_file_sets_serve_and_flags_win(tmp_path: Path):
    from conftest import ASSETS, free_port, KhongChoServer
    file_port, flag_port = free_port(), free_port()
    settings = tmp_path / "khongcho.yaml"
    settings.write_text(f"# KhôngChờ\nport: {file_port}\nhost: 127.0.0.1\ndata: {tmp_path / 'from-file'}\n"
                        f"assets: {ASSETS}\ndevices: none\ndemo-accounts: true\ntrusted-proxy: [10.0.0.0/8]\n")
    server = KhongChoServer(tmp_path / "unused", tmp_path / "serve.log", port=flag_port)
    server.command = lambda: [str(BINARY), "serve", "--config", str(settings), "--port", str(flag_port)]
    server.start()
    try:
        token = server.login("admin")  # demo accounts came from the file
        assert token
        assert (tmp_path / "from-file" / "khongcho.sqlite").exists() and not (tmp_path / "unused").exists()
        assert f"serving on http://127.0.0.1:{flag_port}" in server.log_text()
    finally:
        server.stop()


def test_a_json_settings_file_with_numbers_is_read(tmp_path: Path):
    settings = tmp_path / "khongcho.json"
    settings.write_text('{"max-connections": -5, "demo-accounts": false}')
    result = subprocess.run([str(BINARY), "serve", "--config", str(settings)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 64 and "--max-connections" in result.stderr  # the file's value reached serve's checks


def test_a_bad_settings_file_names_the_file_and_the_key(tmp_path: Path):
    for text, expected in (("prot: 8080\n", "unknown keys prot"), ("port: [\n", "not valid YAML or JSON"),
                           ("- port\n", "expected key: value pairs"), ("trust-proxy: maybe\n", "must be true or false")):
        settings = tmp_path / "bad.yaml"
        settings.write_text(text)
        result = subprocess.run([str(BINARY), "serve", "--config", str(settings)], capture_output=True, text=True, timeout=60)
        assert result.returncode == 78, (text, result.stderr)
        assert str(settings) in result.stderr and expected in result.stderr, (text, result.stderr)


def test_every_serve_option_can_be_set_from_the_file(tmp_path: Path):
    import re
    help_text = subprocess.run([str(BINARY), "serve", "--help"], capture_output=True, text=True, timeout=60).stdout
    names = sorted(set(re.findall(r"--([a-z][a-z-]+)", help_text)) - {"config", "help", "version"})
    assert len(names) >= 25, names
    for name in names:
        settings = tmp_path / "one.yaml"
        settings.write_text(f"{name}: x\n")
        result = subprocess.run([str(BINARY), "serve", "--config", str(settings), "--max-connections", "-5"],
                                capture_output=True, text=True, timeout=60)
        assert "unknown keys" not in result.stderr, (name, result.stderr)
        assert result.returncode != 0, name


def test_the_shipped_settings_file_is_accepted_as_is():
    shipped = Path(__file__).resolve().parent.parent / "deploy" / "khongcho.yaml"
    result = subprocess.run([str(BINARY), "serve", "--config", str(shipped), "--max-connections", "-5"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 64 and "--max-connections" in result.stderr, result.stderr  # the file passed, the flag did not
    for line in shipped.read_text().splitlines():  # and each example, once uncommented, is a known key
        if line.startswith("# ") and ":" in line and not line.startswith("# KhôngChờ") and line[2].islower():
            key = line[2:].split(":")[0]
            assert re_key(key), line


def re_key(key: str) -> bool:
    help_text = subprocess.run([str(BINARY), "serve", "--help"], capture_output=True, text=True, timeout=60).stdout
    return f"--{key} " in help_text or f"--{key}\n" in help_text
