#!/usr/bin/env python3
"""KhôngChờ benchmark: start-up time, memory, ticket issuing under load, and call → display latency.

Standard library only. Loopback only, bounded loops, stops by itself (about 1–2 minutes).

    swift build -c release && python3 bench/bench.py          # what `make bench` runs
    KHONGCHO_BIN=.build/debug/khongcho python3 bench/bench.py  # another binary
    python3 bench/bench.py --strict                            # exit 1 when a target is missed

Every server is started fresh on its own temporary data directory with
--issue-rate-limit 0 --demo-accounts --max-connections-per-client 0 --backup-at off, on a free loopback port, and
with the devices `make run` has without hardware (--devices simulated: every ticket is stored as a print job,
rendered, encoded and printed by the simulated printer to a PNG) unless a figure says --devices none. Each section
prints the exact server command it measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("KHONGCHO_BIN", REPO / ".build" / "release" / "khongcho"))
HOST = "127.0.0.1"
ADMIN_PASSWORD = "khongcho-demo"

# Targets from the design brief.
TARGET_ISSUE_P99_MS = 15.0
TARGET_ISSUE_RPS = 3000.0
TARGET_CALL_P99_MS = 50.0
TARGET_IDLE_RSS_MB = 60.0
TARGET_START_MS = 1000.0


# --------------------------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def health_ok(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5) as sock:
            sock.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
            return sock.recv(64).startswith(b"HTTP/1.1 200")
    except OSError:
        return False


class Server:
    """A `khongcho serve` process on a fresh (or given) data directory."""

    def __init__(self, data: Path, log: Path, timeout: float = 20.0, devices: str = "simulated"):
        self.port = free_port()
        self.log = log
        self.log_file = open(log, "ab")
        # Every bench client comes from 127.0.0.1, where a hall's 200 displays come from 200 addresses: no
        # per-client connection cap here.
        command = [str(BINARY), "serve", "--data", str(data), "--host", HOST, "--port", str(self.port),
                   "--issue-rate-limit", "0", "--devices", devices, "--demo-accounts", "--assets", str(REPO / "assets"),
                   "--devices-directory", str(REPO / "devices"), "--max-connections-per-client", "0", "--backup-at", "off",
                   # The training clock on a Monday morning: tickets are issued whatever the hour the bench runs at.
                   "--now", "2026-12-07T08:00:00+07:00"]
        self.command = command
        started = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=self.log_file, stderr=subprocess.STDOUT,
                                        stdin=subprocess.DEVNULL)
        deadline = started + timeout
        while not health_ok(self.port):
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; log:\n{log.read_text(errors='replace')}")
            if time.perf_counter() > deadline:
                self.stop()
                raise RuntimeError(f"server not healthy after {timeout} s; log:\n{log.read_text(errors='replace')}")
            time.sleep(0.002)
        self.start_ms = (time.perf_counter() - started) * 1000

    def settle(self, timeout: float = 120.0) -> float:
        """Waits until the server's start-up work is done (espeak-ng making the voice clips, about 4 s on a fresh data
        directory; /api/v1/health shows its progress) and returns the seconds waited. Halls open after it; a figure
        taken during it measures the warm-up beside the load."""
        started = time.perf_counter()
        while time.perf_counter() - started < timeout:
            with urllib.request.urlopen(f"http://{HOST}:{self.port}/api/v1/health", timeout=5) as answer:
                parts = json.load(answer)["parts"]
            voice = next((part for part in parts if part["part"] == "voice"), None)
            progress = (voice or {}).get("progress")
            if voice is None or voice["status"] != "ok" or (progress and progress["done"] == progress["total"]):
                return time.perf_counter() - started
            time.sleep(0.1)
        raise RuntimeError(f"voice clips not ready after {timeout} s; log: {self.log}")

    def rss_mb(self) -> float:
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log_file.close()


# ----------------------------------------------------------------------------------------- HTTP client


class HTTPError(Exception):
    pass


class Client:
    """A minimal keep-alive HTTP/1.1 client over one asyncio connection (Content-Length bodies only)."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, port: int):
        self.reader, self.writer, self.port = reader, writer, port
        self.token: str | None = None

    @classmethod
    async def connect(cls, port: int) -> "Client":
        reader, writer = await asyncio.open_connection(HOST, port)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return cls(reader, writer, port)

    def build(self, method: str, path: str, body: dict | None = None) -> bytes:
        payload = json.dumps(body).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Length: {len(payload)}\r\n"
        if body is not None:
            head += "Content-Type: application/json\r\n"
        if self.token:
            head += f"Authorization: Bearer {self.token}\r\n"
        return head.encode() + b"\r\n" + payload

    async def send(self, raw: bytes) -> tuple[int, bytes]:
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        match = re.search(rb"(?i)\r\ncontent-length:\s*(\d+)", head)
        length = int(match.group(1)) if match else 0
        body = await self.reader.readexactly(length) if length else b""
        return status, body

    async def json(self, method: str, path: str, body: dict | None = None, expect: tuple[int, ...] = (200,)):
        status, raw = await self.send(self.build(method, path, body))
        if status not in expect:
            raise HTTPError(f"{method} {path}: {status} {raw[:300]!r}")
        return status, (json.loads(raw) if raw else None)

    async def login(self, username: str = "admin") -> None:
        _, answer = await self.json("POST", "/api/v1/auth/login", {"username": username, "password": ADMIN_PASSWORD})
        self.token = answer["token"]

    def close(self) -> None:
        self.writer.close()


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


# ------------------------------------------------------------------------------------------ measurements


@dataclass
class IssueResult:
    count: int
    seconds: float
    latencies_ms: list[float]
    errors: list[str] = field(default_factory=list)
    started: float = 0.0

    @property
    def throughput(self) -> float:
        return self.count / self.seconds if self.seconds else float("nan")


def server_data(server: "Server") -> Path:
    return Path(server.command[server.command.index("--data") + 1])


def wait_printed(directory: Path, count: int, started: float, timeout: float) -> float:
    """Waits until `count` printouts are in `directory`; tickets per second since `started` (perf_counter)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        done = sum(1 for _ in directory.glob("*.png")) if directory.is_dir() else 0
        if done >= count:
            break
        time.sleep(0.2)
    done = sum(1 for _ in directory.glob("*.png")) if directory.is_dir() else 0
    return done / (time.perf_counter() - started)


BUSY_LOOP = ("import os\nos.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))\n"
             "while True:\n    pass\n")


@dataclass
class BackupRounds:
    """Issue latencies pooled over the rounds: alone, beside a do-nothing busy loop, and during `khongcho backup`."""
    quiet: IssueResult
    busy: IssueResult
    during: IssueResult
    backup_s: list[float]


def pooled(results: list[IssueResult]) -> IssueResult:
    return IssueResult(sum(r.count for r in results), sum(r.seconds for r in results),
                       [value for r in results for value in r.latencies_ms], [e for r in results for e in r.errors],
                       results[0].started)


async def issue_during_backup(server: "Server", data: Path, out: Path, clients: int, rate: float,
                              rounds: int = 2) -> BackupRounds:
    """Tickets at `rate` per second, open loop (see `paced_issue_load`), in `rounds` rounds of three windows: 8 s
    alone, 8 s beside a do-nothing busy loop at idle priority (`SCHED_IDLE`: what any runnable process costs the
    hall on this box — the floor for work that must run beside it), then for as long as `khongcho backup` of `data`
    runs. Interleaving keeps the windows fair to each other (each round adds tickets to the day). At 20 clients flat
    out the box has no core to spare, so any work beside it lengthens every answer; a hall's kiosks never come near."""
    client = await Client.connect(server.port)
    _, fields = await client.json("GET", "/api/v1/fields")
    client.close()
    codes = [f["code"] for f in fields]
    await issue_load(server.port, 200, clients, codes, 60)  # warm-up
    quiet, busy, during, backup_s = [], [], [], []
    for round_index in range(rounds):
        quiet.append(await paced_issue_load(server.port, rate, clients, codes, seconds=8))
        loop = subprocess.Popen([sys.executable, "-c", BUSY_LOOP])
        try:
            busy.append(await paced_issue_load(server.port, rate, clients, codes, seconds=8))
        finally:
            loop.kill()
            loop.wait()
        target = out.with_name(f"{out.stem}-{round_index}{out.suffix}")
        started = time.perf_counter()
        backup = await asyncio.create_subprocess_exec(str(BINARY), "backup", "--data", str(data), "--out", str(target),
                                                      stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        finished = asyncio.ensure_future(backup.communicate())
        during.append(await paced_issue_load(server.port, rate, clients, codes, until=finished))
        backup_s.append(time.perf_counter() - started)
        _, stderr = finished.result()
        if backup.returncode != 0:
            raise RuntimeError(f"khongcho backup failed ({backup.returncode}): {stderr.decode(errors='replace')}")
        target.unlink()
    result = BackupRounds(pooled(quiet), pooled(busy), pooled(during), backup_s)
    for window in (result.quiet, result.busy, result.during):
        if window.errors:
            raise HTTPError(f"issue errors beside the backup: {window.errors[:3]}")
    return result


async def paced_issue_load(port: int, rate: float, clients: int, fields: list[str], seconds: float | None = None,
                           until: "asyncio.Future | None" = None) -> IssueResult:
    """Open loop: a ticket is due every 1/`rate` s whatever the answers (kiosks do not wait for each other), sent on
    the first free one of `clients` keep-alive connections; its latency counts from when it was due, so a stall is
    counted in full. Runs for `seconds`, or until `until` is done."""
    pool = [await Client.connect(port) for _ in range(clients)]
    free: asyncio.Queue = asyncio.Queue()
    for connection in pool:
        free.put_nowait(connection)
    requests = [pool[0].build("POST", "/api/v1/tickets", {"field": code}) for code in fields]
    latencies: list[float] = []
    errors: list[str] = []

    async def one(index: int, due: float) -> None:
        connection = await free.get()
        try:
            status, body = await connection.send(requests[index % len(requests)])
            latencies.append((time.perf_counter() - due) * 1000)
            if status != 201:
                errors.append(f"{status} {body[:200]!r}")
        finally:
            free.put_nowait(connection)

    started = time.perf_counter()
    sent: list[asyncio.Future] = []
    while not errors:
        due = started + len(sent) / rate
        if (seconds is not None and due - started >= seconds) or (until is not None and until.done()):
            break
        if due > time.perf_counter():
            await asyncio.sleep(due - time.perf_counter())
        sent.append(asyncio.ensure_future(one(len(sent), due)))
    try:
        await asyncio.wait_for(asyncio.gather(*sent), 60)
    finally:
        for connection in pool:
            connection.close()
    return IssueResult(len(latencies), time.perf_counter() - started, latencies, errors, started)


async def issue_load(port: int, total: int, concurrency: int, fields: list[str], timeout: float) -> IssueResult:
    """`concurrency` keep-alive clients share `total` issues; each issue's latency is send → full response."""
    clients = [await Client.connect(port) for _ in range(concurrency)]
    requests = [clients[0].build("POST", "/api/v1/tickets", {"field": code}) for code in fields]
    remaining = total
    latencies: list[float] = []
    errors: list[str] = []

    async def worker(index: int) -> None:
        nonlocal remaining
        client = clients[index]
        turn = index
        while remaining > 0 and not errors:
            remaining -= 1
            raw = requests[turn % len(requests)]
            turn += 1
            sent = time.perf_counter()
            status, body = await client.send(raw)
            latencies.append((time.perf_counter() - sent) * 1000)
            if status != 201:
                errors.append(f"{status} {body[:200]!r}")

    started = time.perf_counter()
    try:
        await asyncio.wait_for(asyncio.gather(*(worker(i) for i in range(concurrency))), timeout)
    finally:
        for client in clients:
            client.close()
    return IssueResult(len(latencies), time.perf_counter() - started, latencies, errors, started)


class SSEListener(asyncio.Protocol):
    """One display: reads the live stream and notes when each `called` event arrives (parsing kept minimal,
    so 200 of them on one event loop add little to the measured latency)."""

    EVENT = re.compile(rb'"kind":"(called|done)","ticket":\{[^}]*?"id":(\d+)')

    def __init__(self, ready: asyncio.Future):
        self.ready = ready
        self.buffer = b""
        self.headers_done = False
        self.called_at: dict[int, float] = {}
        self.done_at: dict[int, float] = {}
        self.transport: asyncio.Transport | None = None
        self.closed = False

    def connection_made(self, transport) -> None:
        self.transport = transport
        transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        transport.write(b"GET /api/v1/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n")

    def data_received(self, data: bytes) -> None:
        now = time.perf_counter()
        self.buffer += data
        if not self.headers_done:
            if b"\r\n\r\n" not in self.buffer:
                return
            head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
            self.headers_done = True
            if not self.ready.done():
                if head.startswith(b"HTTP/1.1 200"):
                    self.ready.set_result(True)
                else:
                    self.ready.set_exception(HTTPError(f"events: {head[:200]!r}"))
        if b"\n\n" not in self.buffer:
            return
        complete, _, self.buffer = self.buffer.rpartition(b"\n\n")
        for match in self.EVENT.finditer(complete):
            (self.called_at if match.group(1) == b"called" else self.done_at).setdefault(int(match.group(2)), now)

    def connection_lost(self, exc) -> None:
        self.closed = True
        if not self.ready.done():
            self.ready.set_exception(HTTPError(f"events connection lost: {exc}"))


@dataclass
class CallResult:
    clients: int
    calls: int
    latencies_ms: list[float]
    missing: int
    call_http_ms: list[float]
    rss_with_clients_mb: float


async def call_latency(server: Server, listeners_count: int, calls: int, timeout: float, settle: bool = True) -> CallResult:
    """Times POST next → `called` event at each of `listeners_count` SSE clients. With `settle`, every display
    also receives the `done` of the previous ticket before the next call (each call measured on its own);
    without it, the next call follows the `done` response at once (staff working back to back)."""
    loop = asyncio.get_running_loop()
    listeners: list[SSEListener] = []
    transports = []
    try:
        for _ in range(listeners_count):
            ready = loop.create_future()
            transport, listener = await loop.create_connection(lambda: SSEListener(ready), HOST, server.port)
            transports.append(transport)
            listeners.append(listener)
            await asyncio.wait_for(ready, 5)

        staff = await Client.connect(server.port)
        await staff.login("admin")
        kiosk = await Client.connect(server.port)
        # A realistic queue: enough waiting tickets for every call, all in the fields counter 1 serves.
        _, counters = await staff.json("GET", "/api/v1/counters")
        counter = counters[0]
        for index in range(calls + 5):
            await kiosk.json("POST", "/api/v1/tickets", {"field": counter["fields"][index % len(counter["fields"])]},
                             expect=(201,))
        await asyncio.sleep(0.3)  # let the issue events reach every display before measuring
        rss_with_clients = server.rss_mb()

        next_request = staff.build("POST", f"/api/v1/counters/{counter['number']}/next")
        latencies: list[float] = []
        call_http: list[float] = []
        missing = 0
        deadline = time.perf_counter() + timeout
        for _ in range(calls):
            sent = time.perf_counter()
            status, body = await staff.send(next_request)
            call_http.append((time.perf_counter() - sent) * 1000)
            if status != 200:
                raise HTTPError(f"next: {status} {body[:200]!r}")
            ticket = json.loads(body)["id"]
            # Wait (bounded) until every display has the event, so calls never overlap.
            wait_until = min(deadline, time.perf_counter() + 2.0)
            while time.perf_counter() < wait_until and any(ticket not in l.called_at for l in listeners):
                await asyncio.sleep(0.001)
            for listener in listeners:
                arrived = listener.called_at.get(ticket)
                if arrived is None:
                    missing += 1
                else:
                    latencies.append((arrived - sent) * 1000)
            await staff.json("POST", f"/api/v1/tickets/{ticket}/serve")
            await staff.json("POST", f"/api/v1/tickets/{ticket}/done", {"outcome": "returned"})
            # Let every display take the `done` too, so the next call is measured on its own.
            wait_until = min(deadline, time.perf_counter() + 2.0)
            while settle and time.perf_counter() < wait_until and any(ticket not in l.done_at for l in listeners):
                await asyncio.sleep(0.001)
            if time.perf_counter() > deadline:
                break
        staff.close()
        kiosk.close()
        return CallResult(listeners_count, len(call_http), latencies, missing, call_http, rss_with_clients)
    finally:
        for transport in transports:
            transport.close()


# ------------------------------------------------------------------------------------------------ main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--issues", type=int, default=4000, help="tickets in the measured issue run (default 4000)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent keep-alive issuing clients (default 20)")
    parser.add_argument("--fill", type=int, default=10_000, help="tickets in the store before the RSS reading (default 10000)")
    parser.add_argument("--displays", type=int, default=200, help="connected SSE clients (default 200)")
    parser.add_argument("--calls", type=int, default=50, help="calls measured at the displays (default 50)")
    parser.add_argument("--starts", type=int, default=3, help="start-ups to take the median of (default 3)")
    parser.add_argument("--backup-tickets", type=int, default=1_000_000,
                        help="history served while `khongcho backup` runs under issue load (default 1000000; 0 = skip)")
    parser.add_argument("--backup-rate", type=float, default=500,
                        help="tickets per second issued before and during the backup, open loop (default 500)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a figure misses its target")
    options = parser.parse_args()

    if not BINARY.is_file():
        print(f"bench: no server binary at {BINARY}; run `swift build -c release` or set KHONGCHO_BIN", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="khongcho-bench-"))
    log = work / "server.log"
    figures: dict[str, float] = {}
    print(f"KhôngChờ bench — {BINARY}  ({os.cpu_count()} CPUs, data in {work})\n")

    try:
        # 1. Start-up: fresh data directory (migrations, demo catalog, demo accounts), then restarts on it.
        fresh, again = [], []
        for index in range(options.starts):
            server = Server(work / f"start-{index}", log)
            fresh.append(server.start_ms)
            server.stop()
            server = Server(work / f"start-{index}", log)
            again.append(server.start_ms)
            server.stop()
        figures["start_fresh_ms"] = statistics.median(fresh)
        figures["start_existing_ms"] = statistics.median(again)
        print(f"start (spawn → first 200 from /api/v1/health), median of {options.starts}:")
        print(f"  fresh data directory  {figures['start_fresh_ms']:7.1f} ms   (each: {', '.join(f'{v:.0f}' for v in fresh)})")
        print(f"  existing data         {figures['start_existing_ms']:7.1f} ms   (each: {', '.join(f'{v:.0f}' for v in again)})")

        # 2. Idle memory and ticket issuing: as `make run` serves without hardware (simulated printer on), then
        #    with --devices none for comparison.
        for devices in ["simulated", "none"]:
            key = "" if devices == "simulated" else "none_"
            server = Server(work / f"issue-{devices}", log, devices=devices)
            nonlocal_started: list[float] = []
            try:
                settled = server.settle()
                time.sleep(0.5)
                if devices == "simulated":
                    figures["idle_rss_mb"] = server.rss_mb()
                    print(f"\nidle RSS after start      {figures['idle_rss_mb']:7.1f} MB   (--devices simulated)")

                async def issue_phases():
                    client = await Client.connect(server.port)
                    _, fields = await client.json("GET", "/api/v1/fields")
                    client.close()
                    codes = [f["code"] for f in fields]
                    warm = await issue_load(server.port, 200, options.clients, codes, 30)  # warm-up
                    nonlocal_started.append(warm.started)
                    measured = await issue_load(server.port, options.issues, options.clients, codes, 120)
                    rest = max(0, options.fill - options.issues - 200) if devices == "simulated" else 0
                    filled = await issue_load(server.port, rest, options.clients, codes, 300) if rest else None
                    return measured, filled

                measured, filled = asyncio.run(issue_phases())
                if measured.errors or (filled and filled.errors):
                    raise HTTPError(f"issue errors: {(measured.errors + (filled.errors if filled else []))[:3]}")
                figures.update({f"{key}issue_count": measured.count, f"{key}issue_rps": measured.throughput,
                                f"{key}issue_p50_ms": percentile(measured.latencies_ms, 50),
                                f"{key}issue_p99_ms": percentile(measured.latencies_ms, 99),
                                f"{key}issue_max_ms": max(measured.latencies_ms)})
                print(f"\nticket issue over HTTP, --devices {devices}, {options.clients} keep-alive clients, "
                      f"{measured.count} tickets (after 200 warm-up), {os.cpu_count()} cores, load driver on the same box:")
                print(f"  server: {' '.join(server.command)}")
                print(f"  measured once its start-up work was done (voice clips ready {settled:.1f} s after its first answer)")
                print(f"  throughput {figures[f'{key}issue_rps']:8.0f} req/s   p50 {figures[f'{key}issue_p50_ms']:6.2f} ms   "
                      f"p99 {figures[f'{key}issue_p99_ms']:6.2f} ms   max {figures[f'{key}issue_max_ms']:6.2f} ms")
                if filled:
                    print(f"  next {filled.count} (queue growing to {options.fill} waiting): {filled.throughput:.0f} req/s, "
                          f"p50 {percentile(filled.latencies_ms, 50):.2f} ms, p99 {percentile(filled.latencies_ms, 99):.2f} ms")
                if devices == "simulated":
                    time.sleep(0.5)
                    figures["rss_after_fill_mb"] = server.rss_mb()
                    print(f"RSS after {options.fill} tickets   {figures['rss_after_fill_mb']:7.1f} MB")
                    # The print queue renders and prints behind the answers: how fast it got through them all.
                    printed_dir = server_data(server) / "printed"
                    issued = 200 + measured.count + (filled.count if filled else 0)
                    drained = wait_printed(printed_dir, issued, started=nonlocal_started[0], timeout=600)
                    figures["printed_per_s"] = drained
                    print(f"  simulated printer: {issued} tickets rendered, encoded, printed to PNG at {drained:.0f} tickets/s "
                          f"from the first issue to the last PNG (one print queue: one core at most)")
            finally:
                server.stop()

        # 3. Call → display at N connected SSE clients, each on a fresh server with a realistic queue.
        server = Server(work / "calls", log)
        try:
            server.settle()
            result = asyncio.run(call_latency(server, options.displays, options.calls, 60, settle=True))
        finally:
            server.stop()
        server = Server(work / "calls-b2b", log)
        try:
            server.settle()
            rapid = asyncio.run(call_latency(server, options.displays, max(1, options.calls // 2), 60, settle=False))
        finally:
            server.stop()
        figures.update(call_p50_ms=percentile(result.latencies_ms, 50), call_p99_ms=percentile(result.latencies_ms, 99),
                       call_max_ms=max(result.latencies_ms, default=float("nan")),
                       call_missing=result.missing + rapid.missing,
                       call_http_p50_ms=percentile(result.call_http_ms, 50), rss_sse_mb=result.rss_with_clients_mb,
                       rapid_p50_ms=percentile(rapid.latencies_ms, 50), rapid_p99_ms=percentile(rapid.latencies_ms, 99),
                       rapid_http_p50_ms=percentile(rapid.call_http_ms, 50))
        print(f"\ncall → display, {result.clients} SSE clients × {result.calls} calls "
              f"({len(result.latencies_ms)} deliveries, {result.missing} missing), each call on its own:")
        print(f"  p50 {figures['call_p50_ms']:6.2f} ms   p99 {figures['call_p99_ms']:6.2f} ms   max {figures['call_max_ms']:6.2f} ms"
              f"   (POST next response alone: p50 {figures['call_http_p50_ms']:.2f} ms)")
        print(f"  back to back (next right after done, {rapid.calls} calls): p50 {figures['rapid_p50_ms']:.2f} ms   "
              f"p99 {figures['rapid_p99_ms']:.2f} ms   (POST next response: p50 {figures['rapid_http_p50_ms']:.2f} ms)")
        print(f"RSS with {result.clients} SSE clients  {figures['rss_sse_mb']:7.1f} MB")

        # 4. Call → bytes to each counter display (20 counters, in process, simulated display ports).
        done = subprocess.run([str(BINARY), "display-bench", "--counters", "20", "--calls", "2000", "--json",
                               "--devices", str(REPO / "devices"), "--assets", str(REPO / "assets")],
                              capture_output=True, text=True, timeout=600, check=True)
        hall = json.loads(done.stdout)
        figures.update(hall_display_p50_ms=hall["display"]["p50"], hall_display_p99_ms=hall["display"]["p99"],
                       hall_sse_p50_ms=hall["sse"]["p50"], hall_sse_p99_ms=hall["sse"]["p99"],
                       hall_missing=hall["missingDisplay"] + hall["missingSSE"])
        print(f"\ncall → counter display bytes, in process, durable file store, 20 counters × {hall['calls']} calls: p50 "
              f"{figures['hall_display_p50_ms']:.2f} ms  p99 {figures['hall_display_p99_ms']:.2f} ms; "
              f"SSE p50 {figures['hall_sse_p50_ms']:.2f} ms  p99 {figures['hall_sse_p99_ms']:.2f} ms")
        # 5. A year of history (report-bench's 1M tickets) served, then `khongcho backup` of it while 20 clients issue.
        if options.backup_tickets:
            year_dir = work / "year"
            subprocess.run([str(BINARY), "report-bench", "--tickets", str(options.backup_tickets), "--data", str(year_dir),
                            "--runs", "1", "--assets", str(REPO / "assets")],
                           capture_output=True, text=True, timeout=3600, check=True)
            server = Server(year_dir, log, timeout=120)
            try:
                server.settle()
                rounds = asyncio.run(issue_during_backup(server, year_dir, work / "year-backup.sqlite",
                                                         options.clients, options.backup_rate))
            finally:
                server.stop()
            figures.update(backup_s=max(rounds.backup_s), backup_quiet_p99_ms=percentile(rounds.quiet.latencies_ms, 99),
                           backup_busy_p99_ms=percentile(rounds.busy.latencies_ms, 99),
                           backup_during_p99_ms=percentile(rounds.during.latencies_ms, 99),
                           backup_quiet_rps=rounds.quiet.throughput, backup_during_rps=rounds.during.throughput)
            print(f"\nbackup of {options.backup_tickets} tickets while serving (--devices simulated), {options.backup_rate:.0f} "
                  f"tickets/s due on {options.clients} keep-alive connections (open loop; latency from when each was due), "
                  f"{len(rounds.backup_s)} rounds of: 8 s alone, 8 s beside a do-nothing busy loop at SCHED_IDLE, the backup:")
            print(f"  command: {BINARY} backup --data {year_dir} --out {work / 'year-backup-N.sqlite'}")
            print(f"  backups took {', '.join(f'{s:.1f}' for s in rounds.backup_s)} s; issue p99 alone "
                  f"{figures['backup_quiet_p99_ms']:.2f} ms ({rounds.quiet.count} tickets), beside the busy loop "
                  f"{figures['backup_busy_p99_ms']:.2f} ms ({rounds.busy.count}), during the backups "
                  f"{figures['backup_during_p99_ms']:.2f} ms ({rounds.during.count}, {rounds.during.throughput:.0f} req/s)")
    except Exception as error:  # noqa: BLE001 - a bench reports what broke and where the log is
        print(f"\nbench failed: {error}\nserver log: {log}", file=sys.stderr)
        return 1

    rows = [
        ("start, fresh data (median)", figures["start_fresh_ms"], "ms", TARGET_START_MS),
        ("start, existing data (median)", figures["start_existing_ms"], "ms", TARGET_START_MS),
        ("idle RSS", figures["idle_rss_mb"], "MB", TARGET_IDLE_RSS_MB),
        (f"issue p99 @ {options.clients} clients, printer on", figures["issue_p99_ms"], "ms", TARGET_ISSUE_P99_MS),
        ("issue throughput, printer on", figures["issue_rps"], "req/s", TARGET_ISSUE_RPS),
        (f"issue p99 @ {options.clients}, --devices none", figures["none_issue_p99_ms"], "ms", None),
        ("issue throughput, --devices none", figures["none_issue_rps"], "req/s", None),
        ("simulated printer, tickets printed", figures["printed_per_s"], "req/s", None),
        (f"RSS after {options.fill} tickets", figures["rss_after_fill_mb"], "MB", None),
        (f"call→display p99 @ {options.displays} SSE", figures["call_p99_ms"], "ms", TARGET_CALL_P99_MS),
        (f"call→display p50 @ {options.displays} SSE", figures["call_p50_ms"], "ms", None),
        ("call→display p99, back to back", figures["rapid_p99_ms"], "ms", None),
        (f"RSS with {options.displays} SSE clients", figures["rss_sse_mb"], "MB", None),
        ("call→counter display p99 @ 20 ctrs", figures["hall_display_p99_ms"], "ms", 100.0),
        ("call→counter display p50 @ 20 ctrs", figures["hall_display_p50_ms"], "ms", None),
        ("call→SSE p99, in process @ 20 ctrs", figures["hall_sse_p99_ms"], "ms", None),
    ]
    if "backup_s" in figures:
        rows += [
            (f"backup of {options.backup_tickets} tickets, serving", figures["backup_s"], "s", 10.0),
            ("issue p99 alone (backup rounds)", figures["backup_quiet_p99_ms"], "ms", None),
            ("issue p99 beside an idle busy loop", figures["backup_busy_p99_ms"], "ms", None),
            # "Unchanged" is judged against what any runnable process costs the hall on this box (the busy loop's
            # p99), within the spread of repeated windows (a fifth); bench/README.md says why not against "alone".
            ("issue p99 during the backup", figures["backup_during_p99_ms"], "ms",
             round(figures["backup_busy_p99_ms"] * 1.2, 1)),
            ("issue throughput before the backup", figures["backup_quiet_rps"], "req/s", None),
            ("issue throughput during the backup", figures["backup_during_rps"], "req/s", None),
        ]
    # 4. Printing: render + encode in the binary, python-escpos on the same raster (bench/print_bench.py).
    import print_bench  # next to this file; never raises, prints its own section
    print_rows, print_figures = print_bench.run(BINARY)
    rows += print_rows
    figures.update(print_figures)
    missed = 0
    print("\n" + "=" * 68)
    print(f"{'figure':<36}{'measured':>14}{'target':>11}  ok")
    print("-" * 68)
    for name, value, unit, target in rows:
        verdict = ""
        if target is not None:
            good = value >= target if unit == "req/s" else value <= target
            missed += not good
            verdict = "PASS" if good else "MISS"
        shown = f"{value:.0f} {unit}" if unit == "req/s" else f"{value:.1f} {unit}"
        goal = ("—" if target is None else f"≥ {target:g}" if unit == "req/s" else f"≤ {target:g} {unit}")
        print(f"{name:<36}{shown:>14}{goal:>11}  {verdict}")
    if figures["call_missing"]:
        missed += 1
        print(f"{'call events never delivered':<36}{figures['call_missing']:>14}{'0':>11}  MISS")
    if figures.get("hall_missing"):
        missed += 1
        print(f"{'counter display writes missing':<36}{figures['hall_missing']:>14}{'0':>11}  MISS")
    print("=" * 68)
    print("Latencies are measured by a Python client on the same machine and include its own overhead.")
    if options.json:
        options.json.write_text(json.dumps(figures, indent=2) + "\n")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if options.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
