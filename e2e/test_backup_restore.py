"""Backups and restores with the real binary, while a server issues tickets:

- `khongcho backup --data DIR --out FILE` copies the running store, checks it, prints its size and ticket count;
- `khongcho backup --verify FILE` checks a backup (a damaged one: exit 65 and the reason);
- `khongcho restore` refuses while a server holds the directory (exit 75, the holder's PID), then restores once it
  is stopped, keeps the replaced store as `khongcho.sqlite.replaced-<time>`, and the next number of the day
  continues after every number already handed out, those only the replaced store knew included.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
from pathlib import Path

from conftest import BINARY, KhongChoServer

EXIT_CORRUPT = 65
EXIT_DIRECTORY_IN_USE = 75


def khongcho(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_a_backup_taken_while_serving_restores_without_reissuing_a_number(khongcho_server: KhongChoServer, tmp_path: Path):
    server = khongcho_server
    field = server.api("GET", "/api/v1/fields")[0]["code"]
    before = [server.issue(field)["number"] for _ in range(3)]
    backup = tmp_path / "morning.sqlite"

    made = khongcho("backup", "--data", str(server.data), "--out", str(backup))
    assert made.returncode == 0, made.stderr
    assert re.search(rf"{re.escape(str(backup))} \(\d+\.\d MB, 3 phiếu / tickets, ngày cuối / last day \d{{4}}-\d\d-\d\d\)", made.stdout), made.stdout
    again = khongcho("backup", "--data", str(server.data), "--out", str(backup))
    assert again.returncode == 1 and "a backup never overwrites a file" in again.stderr

    verified = khongcho("backup", "--verify", str(backup))
    assert verified.returncode == 0 and "backup is sound" in verified.stdout and "3 phiếu" in verified.stdout

    after = [server.issue(field)["number"] for _ in range(2)]  # handed out after the backup: only the live store knows

    refused = khongcho("restore", "--data", str(server.data), "--from", str(backup))
    assert refused.returncode == EXIT_DIRECTORY_IN_USE, refused.stderr
    assert f"PID {server.process.pid}" in refused.stderr and "Stop it first" in refused.stderr

    server.stop()
    restored = khongcho("restore", "--data", str(server.data), "--from", str(backup))
    assert restored.returncode == 0, restored.stderr
    replaced = sorted(server.data.glob("khongcho.sqlite.replaced-*"))
    replaced = [path for path in replaced if not path.name.endswith(("-wal", "-shm"))]
    assert len(replaced) == 1 and str(replaced[0]) in restored.stdout
    with sqlite3.connect(replaced[0]) as db:
        assert db.execute("SELECT COUNT(*) FROM ticket").fetchone()[0] == 5

    server.start()
    following = server.issue(field)["number"]
    prefix = before[0].rstrip("0123456789")
    assert [int(n[len(prefix):]) for n in before + after + [following]] == [1, 2, 3, 4, 5, 6]
    assert following.startswith(prefix)


def test_a_damaged_backup_is_named_and_never_restored(khongcho_server: KhongChoServer, tmp_path: Path):
    server = khongcho_server
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(b"\x5a" * 8192)
    checked = khongcho("backup", "--verify", str(damaged))
    assert checked.returncode == EXIT_CORRUPT
    assert str(damaged) in checked.stderr and "corrupt or not SQLite" in checked.stderr
    server.stop()
    live = (server.data / "khongcho.sqlite").read_bytes()
    refused = khongcho("restore", "--data", str(server.data), "--from", str(damaged))
    assert refused.returncode == EXIT_CORRUPT and "not restored" in refused.stderr
    assert (server.data / "khongcho.sqlite").read_bytes() == live
    assert not list(server.data.glob("khongcho.sqlite.replaced-*"))
