#!/usr/bin/python3
"""`make soak`: the hall under a long mixed load and a hostile LAN, then its health at the end.

For `--minutes` (10 by default) one `khongcho serve` (simulated printer on, soft open-file limit 1,024 as
`ulimit -Sn 1024`) takes at the same time:

- kiosks: 2 clients from 127.0.0.1 issue a ticket every 0.4 s each (5 a second in all); latency = request
  written → whole answer read, the printer included (the answer's `printed` says how it went);
- staff: all 6 demo counters call, serve and finish the next ticket every 0.5 s, from 127.0.0.1, so the queue
  stays short as in a real hall (a queue growing without end would grow the hall state, not leak);
- displays: 20 clients, each from its own address 127.0.2.N, read `GET /api/v1/hall` every second;
- SSE: 50 clients, each from 127.0.1.N, on `/api/v1/events`, reconnecting when dropped;
- a login flood: 32 clients send wrong passwords back to back, moving to a fresh address (127.3+.N.K) every 20
  tries and spreading them over 5 usernames, so the throttle never answers for them and every try costs a bcrypt
  check (cost 8 for the demo accounts, 12 for the decoy of an unknown name): the flood the issue path must survive;
- half-open sockets: from minute 2 to minute 8 (scaled with `--minutes`), 1,500 sockets from 127.0.0.2 each
  send half a request head and hold it, reopened a second after the server closes them.

The kiosks and staff run in this process; everything else in a second one, so the attackers' busy event
loop never shows up in the issue latency.

It prints issue p50/p99/max (all run, and while the sockets are held), errors, the login answers, and the
server's descriptor count and RSS: at start (steady state, after a fifth of the run), at the end under load, and once every
client is gone (live streams whose client left close at their next heartbeat, within 15 s). It fails (exit 1) on any 5xx to a legitimate client, RSS growth ≥ 20 %, descriptors not back
to the baseline, a ticket that took ≥ 1 s while the sockets were held, or an issue p99 over 100 ms while the login
flood ran without the sockets (the first and last fifth of the run).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("KHONGCHO_BIN", REPO / ".build" / "release" / "khongcho"))
PASSWORD = "khongcho-demo"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    def __init__(self, data: Path, log: Path):
        self.port = free_port()
        self.log = open(log, "ab")

        def low_file_limit() -> None:
            _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
            resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard))

        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--data", str(data), "--port", str(self.port), "--issue-rate-limit", "0",
             "--devices", "simulated", "--demo-accounts", "--assets", str(REPO / "assets"),
             "--devices-directory", str(REPO / "devices"), "--now", "2026-12-07T08:00:00+07:00"],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, preexec_fn=low_file_limit,
            env={**os.environ, "MALLOC_ARENA_MAX": "2"})  # as deploy/khongcho.service and `make run` start it

    def fds(self) -> int:
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Tally:
    def __init__(self) -> None:
        self.issue: list[tuple[float, float]] = []   # (when, seconds)
        self.statuses: dict[str, dict[int, int]] = {}
        self.failures: dict[str, int] = {}
        self.printed: dict[str, int] = {}

    def status(self, who: str, code: int) -> None:
        counts = self.statuses.setdefault(who, {})
        counts[code] = counts.get(code, 0) + 1

    def failure(self, who: str, error: BaseException) -> None:
        key = f"{who}: {type(error).__name__}"
        self.failures[key] = self.failures.get(key, 0) + 1

    def server_errors(self, legitimate: list[str]) -> int:
        return sum(n for who in legitimate for code, n in self.statuses.get(who, {}).items() if code >= 500)


class Client:
    """Keep-alive HTTP/1.1 over one connection from a chosen source address."""

    def __init__(self, port: int, source: str):
        self.port, self.source = port, source
        self.reader = self.writer = None
        self.token: str | None = None

    async def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port, local_addr=(self.source, 0))
        payload = json.dumps(body).encode() if body is not None else b""
        head = f"{method} {path} HTTP/1.1\r\nHost: soak\r\nContent-Length: {len(payload)}\r\n"
        if body is not None:
            head += "Content-Type: application/json\r\n"
        if self.token:
            head += f"Authorization: Bearer {self.token}\r\n"
        self.writer.write(head.encode() + b"\r\n" + payload)
        try:
            answer = await asyncio.wait_for(self.reader.readuntil(b"\r\n\r\n"), 30)
            status = int(answer[9:12])
            length = next((int(line.split(b":")[1]) for line in answer.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            data = await asyncio.wait_for(self.reader.readexactly(length), 30) if length else b""
            if b"connection: close" in answer.lower():
                self.close()
            return status, data
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def kiosk(port: int, tally: Tally, stop: asyncio.Event) -> None:
    client = Client(port, "127.0.0.1")
    fields = ["dat-dai", "ho-tich", "chung-thuc", "kinh-doanh", "an-sinh", "xay-dung"]
    index = 0
    while not stop.is_set():
        started = time.perf_counter()
        try:
            status, data = await client.request("POST", "/api/v1/tickets", {"field": fields[index % len(fields)]})
            tally.status("kiosk", status)
            if status == 201:
                tally.issue.append((time.monotonic(), time.perf_counter() - started))
                printed = json.loads(data)["printed"]["status"]
                tally.printed[printed] = tally.printed.get(printed, 0) + 1
        except Exception as error:  # noqa: BLE001 - counted and reported
            tally.failure("kiosk", error)
        index += 1
        await asyncio.sleep(max(0.0, 0.4 - (time.perf_counter() - started)))


async def staff(port: int, counter: int, tally: Tally, stop: asyncio.Event) -> None:
    client = Client(port, "127.0.0.1")
    status, data = await client.request("POST", "/api/v1/auth/login", {"username": f"quay{counter}", "password": PASSWORD})
    client.token = json.loads(data)["token"]
    while not stop.is_set():
        try:
            status, data = await client.request("POST", f"/api/v1/counters/{counter}/next")
            tally.status("staff", status)
            if status == 200:
                ticket = json.loads(data)["id"]
                for step, body in (("serve", None), ("done", {"outcome": "returned"})):
                    status, _ = await client.request("POST", f"/api/v1/tickets/{ticket}/{step}", body)
                    tally.status("staff", status)
        except Exception as error:  # noqa: BLE001
            tally.failure("staff", error)
        await asyncio.sleep(0.5)


async def display(port: int, source: str, tally: Tally, stop: asyncio.Event) -> None:
    client = Client(port, source)
    while not stop.is_set():
        try:
            status, _ = await client.request("GET", "/api/v1/hall")
            tally.status("display", status)
        except Exception as error:  # noqa: BLE001
            tally.failure("display", error)
        await asyncio.sleep(1.0)


async def sse(port: int, source: str, tally: Tally, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
            writer.write(b"GET /api/v1/events HTTP/1.1\r\nHost: soak\r\nAccept: text/event-stream\r\n\r\n")
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 30)
            tally.status("sse", int(head[9:12]))
            while not stop.is_set():
                try:
                    if not await asyncio.wait_for(reader.read(65536), 1.0):
                        break
                except asyncio.TimeoutError:
                    continue
            writer.close()
        except Exception as error:  # noqa: BLE001
            tally.failure("sse", error)
            await asyncio.sleep(1.0)


FLOOD_USERNAMES = ["admin", "giamsat", "quay1", "khach-la", "nobody"]  # two unknown: the server hashes a decoy


async def login_flood(port: int, flooder: int, tally: Tally, stop: asyncio.Event) -> None:
    """Wrong passwords back to back that the throttle never stops, so every one costs a hash: 4 tries for each
    of 5 usernames (under the 5-per-pair lock) from one address (20, under its 30), then the next address."""
    address = 0
    while not stop.is_set():
        address += 1
        client = Client(port, f"127.{3 + address // 250}.{flooder}.{1 + address % 250}")
        for username in FLOOD_USERNAMES:
            for _ in range(4):
                if stop.is_set():
                    break
                try:
                    status, _ = await client.request(
                        "POST", "/api/v1/auth/login", {"username": username, "password": "wrong"})
                    tally.status("login-flood", status)
                except Exception as error:  # noqa: BLE001
                    tally.failure("login-flood", error)
                    await asyncio.sleep(0.1)
        client.close()


async def half_open(port: int, count: int, tally: Tally, until: asyncio.Event) -> None:
    """`count` sockets from 127.0.0.2, each with half a request head, reopened when the server lets go."""
    async def hold() -> None:
        while not until.is_set():
            try:
                reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=("127.0.0.2", 0))
                writer.write(b"POST /api/v1/tickets HTTP/1.1\r\nHost: soak\r\n")
                tally.status("half-open", 0)
                closed = asyncio.ensure_future(reader.read())
                stopped = asyncio.ensure_future(until.wait())
                await asyncio.wait([closed, stopped], return_when=asyncio.FIRST_COMPLETED)
                stopped.cancel()
                closed.cancel()
                writer.close()
                await asyncio.sleep(1.0)  # then open it again, as a stubborn device would
            except Exception as error:  # noqa: BLE001
                tally.failure("half-open", error)
                await asyncio.sleep(0.5)
    await asyncio.gather(*(hold() for _ in range(count)))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


async def attack(port: int, args: argparse.Namespace, began: float, tally: Tally) -> None:
    """Everything but the kiosks and the staff: displays, SSE, the login flood and the half-open window."""
    stop, sockets_gone = asyncio.Event(), asyncio.Event()
    total = args.minutes * 60
    tasks = [asyncio.ensure_future(display(port, f"127.0.2.{n}", tally, stop)) for n in range(1, 21)]
    tasks += [asyncio.ensure_future(sse(port, f"127.0.1.{n}", tally, stop)) for n in range(1, 51)]
    tasks += [asyncio.ensure_future(login_flood(port, n, tally, stop)) for n in range(1, 33)]
    await asyncio.sleep(max(0.0, began + total * 0.2 - time.monotonic()))
    held = asyncio.ensure_future(half_open(port, args.half_open, tally, sockets_gone))
    await asyncio.sleep(max(0.0, began + total * 0.8 - time.monotonic()))
    sockets_gone.set()
    await held
    await asyncio.sleep(max(0.0, began + total - time.monotonic()))
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)


def attacker(port: int, args: argparse.Namespace, began: float, answers: multiprocessing.Queue) -> None:
    """The attack in a process of its own, so its busy event loop never delays the kiosk's measurement."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))  # the 1,500 sockets are on this side
    tally = Tally()
    asyncio.run(attack(port, args, began, tally))
    answers.put((tally.statuses, tally.failures))


async def run(args: argparse.Namespace, server: Server, baseline: int) -> dict:
    tally, stop = Tally(), asyncio.Event()
    total = args.minutes * 60
    began = time.monotonic()
    answers: multiprocessing.Queue = multiprocessing.Queue()
    attackers = multiprocessing.Process(target=attacker, args=(server.port, args, began, answers))
    attackers.start()
    tasks = [asyncio.ensure_future(kiosk(server.port, tally, stop)) for _ in range(2)]
    tasks += [asyncio.ensure_future(staff(server.port, counter, tally, stop)) for counter in range(1, 7)]
    figures: dict = {"attack_began": began + total * 0.2, "attack_ended": began + total * 0.8}
    while (elapsed := time.monotonic() - began) < total:
        # Steady state: by then SQLite's page caches (2 MB per connection) and the glyph caches have filled.
        if "start" not in figures and elapsed >= total * 0.2:
            figures["start"] = {"fds": server.fds(), "rss_mb": server.rss_mb()}
        if "fds_while_held" not in figures and elapsed >= total * 0.75:
            figures["fds_while_held"] = server.fds()
        print(f"\r  {elapsed:5.0f}/{total:.0f} s  tickets {len(tally.issue)}  fds {server.fds()}  "
              f"rss {server.rss_mb():.1f} MB", end="", file=sys.stderr, flush=True)
        await asyncio.sleep(5)
    print(file=sys.stderr)
    figures["end"] = {"fds": server.fds(), "rss_mb": server.rss_mb()}
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    statuses, failures = await asyncio.get_running_loop().run_in_executor(None, answers.get)
    attackers.join()
    tally.statuses.update(statuses)
    tally.failures.update(failures)
    # A live stream whose client left is noticed at its next write: the heartbeat, every 15 s.
    settle = time.monotonic() + 30
    while server.fds() > baseline + 2 and time.monotonic() < settle:
        await asyncio.sleep(1)
    figures["after"] = {"fds": server.fds(), "rss_mb": server.rss_mb(), "seconds": 30 - (settle - time.monotonic())}
    figures["tally"] = tally
    return figures


def warm_up(port: int) -> None:
    """Ten reads at once, then a pause: the store's pool opens its reader connections (kept for the server's life,
    so they belong to the baseline, as do the voice clips loaded at start)."""
    async def reads() -> None:
        clients = [Client(port, "127.0.0.1") for _ in range(10)]
        await asyncio.gather(*(client.request("GET", "/api/v1/hall") for client in clients))
        for client in clients:
            client.close()
    asyncio.run(reads())
    time.sleep(3)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--half-open", type=int, default=1500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khongcho-soak-") as directory:
        server = Server(Path(directory) / "data", Path(directory) / "serve.log")
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.process.poll() is not None:
                    print(Path(directory, "serve.log").read_text(errors="replace"))
                    return 1
                time.sleep(0.1)
        time.sleep(6)  # voice clips load in the first seconds
        warm_up(server.port)
        baseline = server.fds()
        try:
            figures = asyncio.run(run(args, server, baseline))
        finally:
            server.stop()
    tally: Tally = figures["tally"]
    latencies = [seconds * 1000 for _, seconds in tally.issue]
    held = [seconds * 1000 for when, seconds in tally.issue
            if figures.get("attack_began", 0) <= when <= figures.get("attack_ended", 0)]
    flood_only = [seconds * 1000 for when, seconds in tally.issue
                  if not figures.get("attack_began", 0) <= when <= figures.get("attack_ended", 0)]
    growth = (figures["end"]["rss_mb"] / figures["start"]["rss_mb"] - 1) * 100
    errors_5xx = tally.server_errors(["kiosk", "staff", "display", "sse", "login-flood"])
    print(f"soak: {args.minutes:g} min, {len(latencies)} tickets issued; printed: {tally.printed}")
    print(f"  issue p50 {percentile(latencies, 50):.1f} ms, p99 {percentile(latencies, 99):.1f} ms, "
          f"max {max(latencies):.1f} ms")
    print(f"  issue while only the login flood ran (no half-open sockets): p50 {percentile(flood_only, 50):.1f} ms, "
          f"p99 {percentile(flood_only, 99):.1f} ms, max {max(flood_only or [0]):.1f} ms ({len(flood_only)} tickets)")
    print(f"  issue while {args.half_open} half-open sockets were held: p50 {percentile(held, 50):.1f} ms, "
          f"p99 {percentile(held, 99):.1f} ms, max {max(held or [0]):.1f} ms ({len(held)} tickets)")
    for who, counts in sorted(tally.statuses.items()):
        print(f"  {who}: " + ", ".join(f"{code or 'opened'}×{n}" for code, n in sorted(counts.items())))
    print(f"  client-side failures: {tally.failures or 'none'}")
    print(f"  5xx to legitimate clients: {errors_5xx}")
    print(f"  fds: baseline {baseline}, start {figures['start']['fds']}, held {figures.get('fds_while_held')}, "
          f"end {figures['end']['fds']}, {figures['after']['seconds']:.0f} s after the clients left {figures['after']['fds']}")
    print(f"  RSS: start {figures['start']['rss_mb']:.1f} MB, end {figures['end']['rss_mb']:.1f} MB "
          f"({growth:+.1f} %), after {figures['after']['rss_mb']:.1f} MB")
    failed = []
    if errors_5xx:
        failed.append("5xx to legitimate clients")
    if growth >= 20:
        failed.append("RSS grew 20 % or more")
    if figures["after"]["fds"] > baseline + 2:
        failed.append("descriptors not back to the baseline")
    if held and max(held) >= 1000:
        failed.append("a ticket took 1 s or more while the sockets were held")
    if flood_only and percentile(flood_only, 99) > 100:
        failed.append("issue p99 over 100 ms during the login flood")
    if tally.failures.get("kiosk: TimeoutError") or not latencies:
        failed.append("kiosk requests timed out")
    print("soak: " + ("FAILED: " + "; ".join(failed) if failed else "passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
