"""SIGTERM is a clean stop: live streams get `event: shutdown` before they end, the process exits 0 within 5 s
even with streams and keep-alive connections open, and the WAL is checkpointed into the database file."""

from __future__ import annotations

import signal
import socket
import sqlite3
import time
from concurrent.futures import ThreadPoolExecutor

from conftest import KhongChoServer


def test_sigterm_tells_live_streams_checkpoints_and_exits_0_within_5_s(khongcho_server: KhongChoServer):
    server = khongcho_server
    field = server.api("GET", "/api/v1/fields")[0]["code"]
    stream = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    stream.sendall(b"GET /api/v1/events HTTP/1.1\r\nHost: t\r\nAccept: text/event-stream\r\n\r\n")
    idle = socket.create_connection(("127.0.0.1", server.port), timeout=10)  # a kept-alive connection doing nothing
    idle.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: t\r\n\r\n")
    assert b"200" in idle.recv(4096)
    issued = [server.issue(field)["number"] for _ in range(3)]
    received = b""
    while received.count(b"event: ticket") < 3:
        received += stream.recv(65536)

    started = time.monotonic()
    server.process.send_signal(signal.SIGTERM)
    while not received.endswith(b"0\r\n\r\n"):  # read to the end of the chunked stream
        chunk = stream.recv(65536)
        if not chunk:
            break
        received += chunk
    code = server.process.wait(timeout=10)
    took = time.monotonic() - started
    assert code == 0, server.log_text()
    assert took < 5, f"took {took:.1f} s"
    tail = received.decode(errors="replace")
    assert "event: shutdown" in tail and "The server is restarting" in tail, tail[-600:]
    assert tail.index("event: shutdown") > tail.rindex("event: ticket")

    wal = server.data / "khongcho.sqlite-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    with sqlite3.connect(f"file:{server.data / 'khongcho.sqlite'}?mode=ro", uri=True) as db:
        assert sorted(row[0] for row in db.execute("SELECT label FROM ticket")) == sorted(issued)
    assert "KhôngChờ stopped" in server.log_text()


def test_sigterm_with_tickets_still_printing_records_every_printout(khongcho_server: KhongChoServer):
    """A rush still printing at SIGTERM: the job at hand finishes and is recorded before the store closes, the ones
    behind it stay `queued` (the next start lists them for reprint); no printout is ever recorded as failed."""
    server = khongcho_server
    field = server.api("GET", "/api/v1/fields")[0]["code"]
    with ThreadPoolExecutor(8) as kiosks:  # eight kiosks at once: the simulated printer's queue builds up
        list(kiosks.map(lambda _: server.issue(field), range(40)))
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=10) == 0, server.log_text()
    with sqlite3.connect(f"file:{server.data / 'khongcho.sqlite'}?mode=ro", uri=True) as db:
        states = dict(db.execute("SELECT state, COUNT(*) FROM printJob GROUP BY state").fetchall())
    printed = sorted((server.data / "printed").glob("*.png"))
    assert set(states) <= {"printed", "queued"}, states
    assert states.get("printed", 0) + states.get("queued", 0) == 40
    assert states.get("printed", 0) == len(printed), (states, len(printed))
    assert states.get("queued", 0) > 0, f"no queue had built up at SIGTERM: {states}"
    assert "Could not record" not in server.log_text()
