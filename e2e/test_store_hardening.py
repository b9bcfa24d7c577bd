"""The store under rough handling, end to end with the real binary:

- a ticket-table page with a destroyed b-tree header is refused at start (PRAGMA quick_check): exit code 65,
  a message naming the file and the exact restore command for the newest backup, the file untouched;
- a second `serve` on the same data directory exits 75 and names the PID holding DIR/khongcho.lock;
- the database deleted or replaced while running is put back from the open connection: no number is handed
  out twice, a restart included, and the supervisor sees a `store` alert;
- tickets the day counter does not know (a restore, an import, the report-bench history) never make issuing
  fail: the counter catches up at start and on a collision.

Binary: $KHONGCHO_BIN, default <repo>/.build/debug/khongcho (run `swift build` first).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from conftest import ASSETS, BINARY, TRAINING_CLOCK, KhongChoServer, free_port

EXIT_CORRUPT = 65
EXIT_DIRECTORY_IN_USE = 75


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def serve_command(data: Path) -> list[str]:
    return [str(BINARY), "serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(free_port()),
            "--assets", str(ASSETS), "--devices", "none", *TRAINING_CLOCK]


def run_refused(data: Path) -> subprocess.CompletedProcess:
    """Starts `serve` and expects it to give up on its own (it must not serve)."""
    try:
        return subprocess.run(serve_command(data), capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"serve did not refuse to start within 60 s: {error.stdout!r} {error.stderr!r}")


def first_field(server: KhongChoServer) -> str:
    return server.api("GET", "/api/v1/fields")[0]["code"]


def today_vietnam() -> str:
    return (datetime.now(timezone.utc) + timedelta(hours=7)).strftime("%Y-%m-%d")


def checkpoint(database: Path) -> None:
    """Everything into the main file (the server is stopped), so the bytes changed below are what a reader sees."""
    db = sqlite3.connect(database)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def destroy_ticket_root_page(database: Path) -> None:
    """Overwrites the b-tree page header of the ticket table's root page, as a torn write would."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        root = db.execute("SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = 'ticket'").fetchone()[0]
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
    finally:
        db.close()
    assert root > 1
    with open(database, "r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * 12)
        file.flush()
        os.fsync(file.fileno())


def store_with_damaged_ticket_page(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    server = KhongChoServer(data, tmp_path / "server.log")
    server.start()
    try:
        field = first_field(server)
        for _ in range(3):
            server.issue(field)
    finally:
        server.stop()
    database = data / "khongcho.sqlite"
    checkpoint(database)
    destroy_ticket_root_page(database)
    return data, database


def test_damaged_ticket_page_is_refused_with_the_restore_command(tmp_path: Path) -> None:
    data, database = store_with_damaged_ticket_page(tmp_path)
    backups = data / "backups"
    backups.mkdir()
    older, newest = backups / "khongcho-2026-12-01.sqlite", backups / "khongcho-2026-12-02.sqlite"
    older.write_bytes(b"older")
    newest.write_bytes(b"newest")
    os.utime(older, (time.time() - 7200, time.time() - 7200))
    os.utime(newest, (time.time() - 3600, time.time() - 3600))
    before = sha256(database)

    finished = run_refused(data)

    output = finished.stderr + finished.stdout
    assert finished.returncode == EXIT_CORRUPT, f"exit {finished.returncode}, wanted {EXIT_CORRUPT}:\n{output}"
    assert str(database) in finished.stderr, f"the message does not name the file:\n{output}"
    assert f"khongcho restore --data {data} --from {newest}" in finished.stderr, f"no restore command:\n{output}"
    # Vietnamese first, then English.
    assert finished.stderr.index("không khởi động") < finished.stderr.index("did not start"), output
    assert sha256(database) == before, "the damaged file was modified"
    assert not (data / "khongcho.sqlite-wal").exists() or (data / "khongcho.sqlite-wal").stat().st_size == 0


def test_damaged_ticket_page_without_backup_says_so(tmp_path: Path) -> None:
    data, database = store_with_damaged_ticket_page(tmp_path)

    finished = run_refused(data)

    assert finished.returncode == EXIT_CORRUPT, finished.stderr
    assert "Không có bản sao lưu" in finished.stderr and "No backup exists" in finished.stderr, finished.stderr
    assert "khongcho restore --data" not in finished.stderr, finished.stderr


def test_second_server_on_the_same_directory_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = KhongChoServer(data, tmp_path / "first.log")
    first.start()
    try:
        assert (data / "khongcho.lock").read_text().strip() == str(first.process.pid)
        finished = run_refused(data)
        assert finished.returncode == EXIT_DIRECTORY_IN_USE, finished.stderr
        assert f"PID {first.process.pid}" in finished.stderr, finished.stderr
        assert first.api("GET", "/api/v1/health") is not None
        # A server killed outright leaves its lock file behind, but not its lock: the next start works.
        first.kill()
        second = KhongChoServer(data, tmp_path / "second.log")
        second.start()
        try:
            assert (data / "khongcho.lock").read_text().strip() == str(second.process.pid)
        finally:
            second.stop()
    finally:
        first.stop()


def wait_for(condition, timeout: float = 8.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


def store_alerts(server: KhongChoServer) -> list[dict]:
    token = server.login("giamsat")
    overview = server.api("GET", "/api/v1/supervisor/overview", token=token)
    return [alert for alert in overview["alerts"] if alert.get("kind") == "store"]


def test_deleted_database_is_put_back_and_numbers_go_on(tmp_path: Path) -> None:
    data = tmp_path / "data"
    database = data / "khongcho.sqlite"
    server = KhongChoServer(data, tmp_path / "server.log")
    server.start()
    try:
        field = first_field(server)
        assert [server.issue(field)["number"] for _ in range(2)] == ["A001", "A002"]
        # Deleted with its journal: the next ticket finds out first and puts the file back.
        for suffix in ("", "-wal", "-shm"):
            os.remove(f"{database}{suffix}")
        assert server.issue(field)["number"] == "A003"
        assert database.exists()
        # Deleted again, nobody issuing: the 2-second watch puts it back on its own.
        inode = database.stat().st_ino
        os.remove(database)
        assert wait_for(lambda: database.exists() and database.stat().st_ino != inode), "the file was not put back"
        assert server.issue(field)["number"] == "A004"
        alerts = store_alerts(server)
        assert alerts and "bị xoá" in alerts[0]["message"] and "deleted" in alerts[0]["messageEn"], alerts
        server.restart()
        assert server.issue(field)["number"] == "A005", "a number was handed out twice after a restart"
    finally:
        server.stop()


def test_replaced_database_is_moved_aside_and_put_back(tmp_path: Path) -> None:
    data = tmp_path / "data"
    database = data / "khongcho.sqlite"
    server = KhongChoServer(data, tmp_path / "server.log")
    server.start()
    try:
        field = first_field(server)
        assert [server.issue(field)["number"] for _ in range(2)] == ["A001", "A002"]
        other = data / "other.sqlite"
        db = sqlite3.connect(other)
        db.execute("CREATE TABLE somethingElse (x)")
        db.execute("INSERT INTO somethingElse VALUES (42)")
        db.commit()
        db.close()
        os.replace(other, database)
        assert wait_for(lambda: any(p.name.startswith("khongcho.sqlite.replaced-") for p in data.iterdir())), \
            f"the foreign file was not moved aside: {sorted(p.name for p in data.iterdir())}"
        aside = next(p for p in data.iterdir() if p.name.startswith("khongcho.sqlite.replaced-"))
        kept = sqlite3.connect(f"file:{aside}?mode=ro", uri=True)
        assert kept.execute("SELECT x FROM somethingElse").fetchone() == (42,)
        kept.close()
        assert server.issue(field)["number"] == "A003"
        assert store_alerts(server), "no store alert for the supervisor"
        server.restart()
        assert server.issue(field)["number"] == "A004", "a number was handed out twice after a restart"
    finally:
        server.stop()


def add_tickets(database: Path, day: str, field: str, prefix: str, numbers: range) -> None:
    """Tickets written behind the server's back, as a restore of another copy or an import leaves them."""
    db = sqlite3.connect(database, timeout=10)
    try:
        with db:
            for number in numbers:
                db.execute(
                    "INSERT INTO ticket (token, serviceDay, issuedField, field, number, label, priority, state, issuedAt) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'none', 'done', 0)",
                    (f"imported-{day}-{prefix}{number}", day, field, field, number, f"{prefix}{number:03d}"))
    finally:
        db.close()


def test_tickets_the_counter_does_not_know_never_make_a_500(tmp_path: Path) -> None:
    data = tmp_path / "data"
    database = data / "khongcho.sqlite"
    server = KhongChoServer(data, tmp_path / "server.log")
    server.start()
    try:
        field = first_field(server)
        assert server.issue(field)["number"] == "A001"
        day = sqlite3.connect(f"file:{database}?mode=ro", uri=True).execute("SELECT serviceDay FROM ticket").fetchone()[0]
        # While running: the next number collides, and is skipped.
        add_tickets(database, day, field, "A", range(2, 6))
        assert server.issue(field)["number"] == "A006"
        server.stop()
        # While stopped: the start catches the counter up.
        add_tickets(database, day, field, "A", range(7, 11))
        server.start()
        assert server.issue(field)["number"] == "A011"
    finally:
        server.stop()


def test_report_bench_history_is_past_days_with_counters(tmp_path: Path) -> None:
    data = tmp_path / "bench"
    finished = subprocess.run(
        [str(BINARY), "report-bench", "--tickets", "3000", "--runs", "1", "--data", str(data), "--assets", str(ASSETS)],
        capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr + finished.stdout
    assert "quick_check" in finished.stdout, finished.stdout
    db = sqlite3.connect(f"file:{data / 'khongcho.sqlite'}?mode=ro", uri=True)
    try:
        last_day = db.execute("SELECT MAX(serviceDay) FROM ticket").fetchone()[0]
        unknown = db.execute(
            "SELECT COUNT(*) FROM (SELECT serviceDay, issuedField, MAX(number) AS n FROM ticket GROUP BY 1, 2) t "
            "LEFT JOIN dailySequence s ON s.serviceDay = t.serviceDay AND s.field = t.issuedField "
            "WHERE s.lastNumber IS NOT t.n").fetchone()[0]
    finally:
        db.close()
    assert last_day < today_vietnam(), f"history reaches {last_day}: only past days may be generated"
    assert unknown == 0, "day counters do not match the generated tickets"
    # Served on a day the history may not reach: the first Monday from today on (the suite's training Monday may
    # already be history, since it is generated up to yesterday).
    today = datetime.strptime(today_vietnam(), "%Y-%m-%d")
    monday = (today + timedelta(days=-today.weekday() % 7)).strftime("%Y-%m-%d")
    server = KhongChoServer(data, tmp_path / "server.log", extra_args=["--now", f"{monday}T08:00:00+07:00"])
    server.start()
    try:
        for field in server.api("GET", "/api/v1/fields"):
            issued = server.issue(field["code"])
            assert issued["number"] == f"{field['prefix']}001", issued
    finally:
        server.stop()


def test_report_bench_without_data_leaves_nothing_behind(tmp_path: Path) -> None:
    """Without --data the year goes to a temporary store (317 MiB for 1M tickets), removed once the figures are out."""
    finished = subprocess.run(
        [str(BINARY), "report-bench", "--tickets", "500", "--runs", "1", "--assets", str(ASSETS)],
        capture_output=True, text=True, timeout=300, env={**os.environ, "TMPDIR": str(tmp_path)})
    assert finished.returncode == 0, finished.stderr + finished.stdout
    assert "temporary, removed at the end" in finished.stdout, finished.stdout
    assert "Sao lưu / backup" in finished.stdout, finished.stdout
    assert list(tmp_path.iterdir()) == []
