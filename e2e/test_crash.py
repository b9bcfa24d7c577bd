"""Durability end to end: kill the server with SIGKILL in the middle of a ticket burst, restart it on the
same data directory, and check that the store kept every number a client was given, with no duplicate and
no gap (numbers are allocated in the same transaction as the ticket is inserted). Also checks that the
server refuses, without touching the file, a corrupt database and a database written by a newer version.

Binary: $KHONGCHO_BIN, default <repo>/.build/debug/khongcho (run `swift build` first).
Seed for the kill moments: $KHONGCHO_CRASH_SEED (printed on failure) to replay a run.
"""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import random
import signal
import socket
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import TRAINING_CLOCK

REPO = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("KHONGCHO_BIN", REPO / ".build" / "debug" / "khongcho"))
ASSETS = REPO / "assets"
ROUNDS = 5
THREADS = 8
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One `khongcho serve` process on a data directory, output captured in a log file."""

    def __init__(self, data: Path, log: Path):
        self.data = data
        self.port = free_port()
        self.log_file = open(log, "ab")
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(self.port),
             "--issue-rate-limit", "0", "--assets", str(ASSETS), "--devices", "none", *TRAINING_CLOCK],
            stdout=self.log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.wait_healthy(log)

    def wait_healthy(self, log: Path) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"server exited with {self.process.returncode} while starting:\n{log.read_text(errors='replace')}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", "/api/v1/health")
                if conn.getresponse().status == 200:
                    conn.close()
                    return
            except OSError:
                pass
            time.sleep(0.02)
        self.kill()
        pytest.fail(f"server not healthy within {START_TIMEOUT} s:\n{log.read_text(errors='replace')}")

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | list | None]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            data = json.dumps(body).encode() if body is not None else None
            conn.request(method, path, body=data, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            raw = response.read()
            return response.status, json.loads(raw) if raw else None
        finally:
            conn.close()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.log_file.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log_file.close()


def require_binary() -> None:
    if not BINARY.is_file():
        pytest.fail(f"no server binary at {BINARY}: run `swift build` or set KHONGCHO_BIN")


class Burst:
    """THREADS clients issuing tickets over keep-alive connections until the server dies or `stop` is set.
    Every 201 response is recorded; a request without a response is simply unknown to the client."""

    def __init__(self, port: int, fields: list[str], rng: random.Random):
        self.port = port
        self.fields = fields
        self.seeds = [rng.randrange(2**32) for _ in range(THREADS)]
        self.issued: list[dict] = []
        self.unexpected: list[str] = []
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self.client, args=(seed,), daemon=True) for seed in self.seeds]

    def start(self) -> None:
        for thread in self.threads:
            thread.start()

    def join(self) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=15)
            assert not thread.is_alive(), "a client thread hung after the server was killed"

    def client(self, seed: int) -> None:
        rng = random.Random(seed)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        deadline = time.monotonic() + 10  # bounded even if the kill never came
        while not self.stop.is_set() and time.monotonic() < deadline:
            field = rng.choice(self.fields)
            priority = rng.choice(["none", "none", "none", "elderly", "disabled"])
            try:
                conn.request("POST", "/api/v1/tickets", body=json.dumps({"field": field, "priority": priority}),
                             headers={"Content-Type": "application/json"})
                response = conn.getresponse()
                raw = response.read()
            except (OSError, http.client.HTTPException):
                return  # the server is gone: this request's fate is unknown, which is allowed
            if response.status == 201:
                ticket = json.loads(raw)
                with self.lock:
                    self.issued.append(ticket)
            else:
                with self.lock:
                    self.unexpected.append(f"{response.status} {raw[:300]!r}")
                return


def read_store(data: Path) -> list[dict]:
    uri = f"file:{data / 'khongcho.sqlite'}?mode=ro"
    db = sqlite3.connect(uri, uri=True, timeout=10)
    try:
        db.row_factory = sqlite3.Row
        rows = db.execute("SELECT id, token, label, serviceDay, field, issuedField, number FROM ticket").fetchall()
        return [dict(row) for row in rows]
    finally:
        db.close()


def check_store(data: Path, returned: dict[tuple[str, str], dict], context: str) -> dict[tuple[str, str], int]:
    """Every returned ticket is stored as returned; labels are unique per day; numbers are 1..N per field and day.
    Returns N per (serviceDay, field)."""
    rows = read_store(data)
    by_label: dict[tuple[str, str], list[dict]] = defaultdict(list)
    numbers: dict[tuple[str, str], list[int]] = defaultdict(list)
    for row in rows:
        by_label[(row["serviceDay"], row["label"])].append(row)
        # Numbers belong to the field the ticket was issued in (a transfer keeps the printed number).
        numbers[(row["serviceDay"], row["issuedField"])].append(row["number"])

    duplicates = {key: len(found) for key, found in by_label.items() if len(found) > 1}
    assert not duplicates, f"{context}: labels stored twice in a day: {duplicates}"

    lost = []
    for key, ticket in returned.items():
        stored = by_label.get(key)
        if not stored:
            lost.append(key)
            continue
        row = stored[0]
        assert row["token"] == ticket["token"] and row["id"] == ticket["id"], (
            f"{context}: {key} was given to a client as id {ticket['id']} but the store has id {row['id']} "
            f"(number reused for another ticket)")
        assert row["issuedField"] == ticket["field"], f"{context}: {key} stored in field {row['issuedField']}, issued in {ticket['field']}"
        assert row["number"] == int(ticket["number"].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), f"{context}: {key} number mismatch"
    assert not lost, f"{context}: {len(lost)} numbers returned to clients are missing from the store: {sorted(lost)[:20]}"

    tops = {}
    for key, found in numbers.items():
        found.sort()
        expected = list(range(1, len(found) + 1))
        if found != expected:
            gaps = sorted(set(expected) - set(found))
            pytest.fail(f"{context}: numbers of {key} are not 1..{len(found)}: gaps {gaps[:20]}, max {found[-1]}")
        tops[key] = len(found)
    return tops


def field_codes(server: Server) -> list[str]:
    status, fields = server.request("GET", "/api/v1/fields")
    assert status == 200 and fields, f"GET /api/v1/fields: {status} {fields}"
    return [field["code"] for field in fields]


def record(returned: dict[tuple[str, str], dict], tickets: list[dict], context: str) -> None:
    for ticket in tickets:
        key = (ticket["issuedAt"][:10], ticket["number"])
        previous = returned.get(key)
        assert previous is None, f"{context}: {key} was returned twice: ids {previous and previous['id']} and {ticket['id']}"
        returned[key] = ticket


def test_sigkill_during_issue_burst_keeps_every_number(tmp_path: Path) -> None:
    require_binary()
    seed = int(os.environ.get("KHONGCHO_CRASH_SEED", random.randrange(2**31)))
    rng = random.Random(seed)
    data = tmp_path / "data"
    log = tmp_path / "server.log"
    returned: dict[tuple[str, str], dict] = {}
    server = Server(data, log)
    fields = field_codes(server)
    try:
        for round_number in range(1, ROUNDS + 1):
            context = f"round {round_number} (seed {seed})"
            burst = Burst(server.port, fields, rng)
            burst.start()
            time.sleep(rng.uniform(0.3, 1.5))
            server.kill()
            burst.join()
            assert not burst.unexpected, f"{context}: unexpected responses: {burst.unexpected[:5]}"
            assert burst.issued, f"{context}: no ticket was issued before the kill"
            record(returned, burst.issued, context)
            print(f"{context}: {len(burst.issued)} tickets returned before SIGKILL")

            server = Server(data, log)
            tops = check_store(data, returned, context)

            # After the restart every field continues from N + 1.
            for field in fields:
                status, ticket = server.request("POST", "/api/v1/tickets", {"field": field})
                assert status == 201, f"{context}: issuing {field} after restart: {status} {ticket}"
                day = ticket["issuedAt"][:10]
                number = int(ticket["number"].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                assert number == tops.get((day, field), 0) + 1, (
                    f"{context}: {field} continued at {ticket['number']}, expected number {tops.get((day, field), 0) + 1}")
                record(returned, [ticket], context)
        tops = check_store(data, returned, f"final (seed {seed})")
        print(f"final: {len(returned)} tickets returned, store numbers per field: {tops}")
    finally:
        server.stop()
    assert len(returned) > ROUNDS * len(fields)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_expecting_failure(data: Path) -> tuple[int, str]:
    """Starts the server on `data` and expects it to refuse to start; returns exit code and combined output."""
    command = [str(BINARY), "serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(free_port()),
               "--issue-rate-limit", "0", "--assets", str(ASSETS), "--devices", "none", *TRAINING_CLOCK]
    try:
        finished = subprocess.run(command, capture_output=True, timeout=30, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as timeout:
        pytest.fail(f"server kept running instead of refusing the database:\n{timeout.stdout!r}\n{timeout.stderr!r}")
    output = finished.stdout.decode(errors="replace") + finished.stderr.decode(errors="replace")
    return finished.returncode, output


def test_corrupt_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    require_binary()
    data = tmp_path / "data"
    data.mkdir()
    database = data / "khongcho.sqlite"
    database.write_bytes(os.urandom(64 * 1024))
    before = sha256(database)

    code, output = run_expecting_failure(data)

    assert code != 0, f"server accepted a corrupt database:\n{output}"
    assert "hỏng" in output or "corrupt" in output.lower(), f"no corrupt-database message:\n{output}"
    assert sha256(database) == before, "the corrupt database file was modified"


def test_database_from_newer_version_is_refused_and_left_untouched(tmp_path: Path) -> None:
    require_binary()
    data = tmp_path / "data"
    server = Server(data, tmp_path / "server.log")
    status, _ = server.request("POST", "/api/v1/tickets", {"field": field_codes(server)[0]})
    assert status == 201
    server.stop()

    database = data / "khongcho.sqlite"
    db = sqlite3.connect(database)
    try:
        db.execute("INSERT INTO grdb_migrations (identifier) VALUES ('v999-future')")
        db.commit()
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    files = sorted(path.name for path in data.iterdir() if path.name.startswith("khongcho.sqlite"))
    before = {name: sha256(data / name) for name in files}

    code, output = run_expecting_failure(data)

    assert code != 0, f"server accepted a database from a newer version:\n{output}"
    assert "mới hơn" in output or "newer" in output.lower(), f"no newer-version message:\n{output}"
    assert sha256(database) == before["khongcho.sqlite"], "the database file was modified"
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        identifiers = [row[0] for row in db.execute("SELECT identifier FROM grdb_migrations")]
        assert "v999-future" in identifiers
    finally:
        db.close()
