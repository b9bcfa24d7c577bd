"""Shared pytest fixtures for the end-to-end tests: a real `khongcho serve` process.

- `khongcho_server`: a fresh server (free port, empty temporary data directory, demo accounts, no rate
  limit, the repository's assets, simulated devices) for one test; stopped with SIGTERM afterwards.
  It is a `KhongChoServer`: `.base_url`, `.api(method, path, body, token)`, `.login(user)`,
  `.stop()`, `.start()` (same port and data directory) and `.restart()`.
- `base_url`: just the server's base URL, e.g. "http://127.0.0.1:40123".

Binary: $KHONGCHO_BIN, default <repo>/.build/debug/khongcho (run `swift build` first).
Only the standard library is used here, so API-only tests need nothing but pytest.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import warnings
from pathlib import Path
from typing import Any, Iterator

import pytest

REPO = Path(__file__).resolve().parent.parent
BINARY = Path(os.environ.get("KHONGCHO_BIN", REPO / ".build" / "debug" / "khongcho"))
ASSETS = REPO / "assets"
DEMO_PASSWORD = "khongcho-demo"
START_TIMEOUT = 30.0
# Every test server runs on the training clock from a Monday morning, so tickets are issued whatever the hour or day
# the suite runs at (after closing the kiosk answers 409 hall_closed).
OPEN_HOUR = "2026-12-07T08:00:00+07:00"
TRAINING_CLOCK = ["--now", OPEN_HOUR]
# Graceful-shutdown budget before SIGKILL (seconds).
STOP_TIMEOUT = float(os.environ.get("KHONGCHO_STOP_TIMEOUT", "10"))


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ApiError(Exception):
    def __init__(self, status: int, body: Any):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class KhongChoServer:
    """One `khongcho serve` process; stop and start it again on the same port and data directory."""

    def __init__(self, data: Path, log: Path, port: int | None = None, issue_rate_limit: int = 0,
                 extra_args: list[str] | None = None, preexec_fn=None):
        self.data = data
        # Runs in the child before exec (e.g. resource.setrlimit to start the server under a lower limit).
        self.preexec_fn = preexec_fn
        self.log = log
        self.port = port or free_port()
        self.issue_rate_limit = issue_rate_limit
        self.extra_args = extra_args or []
        self.process: subprocess.Popen | None = None
        self._log_file = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def command(self) -> list[str]:
        return [
            str(BINARY), "serve", "--data", str(self.data), "--host", "127.0.0.1", "--port", str(self.port),
            "--demo-accounts", "--issue-rate-limit", str(self.issue_rate_limit), "--assets", str(ASSETS), "--devices", "simulated",
            # No nightly backup: what a test sees must not depend on the hour it runs at (after 21:00 Vietnam
            # time every start would write DATA/backups/ first).
            "--backup-at", "off",
            *([] if "--now" in self.extra_args else TRAINING_CLOCK),
            *self.extra_args,
        ]

    def start(self) -> None:
        if not BINARY.is_file():
            pytest.fail(f"no server binary at {BINARY}: run `swift build` or set KHONGCHO_BIN")
        self._log_file = open(self.log, "ab")
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                self.process = subprocess.Popen(
                    self.command(), stdout=self._log_file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                    preexec_fn=self.preexec_fn)
                break
            except OSError as error:
                # ETXTBSY: `swift build` is relinking the binary right now; it is done in a moment.
                if error.errno != 26 or time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        self.wait_healthy()

    def wait_healthy(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                code = self.process.returncode if self.process else None
                pytest.fail(f"server exited ({code}) while starting:\n{self.log_text()}")
            try:
                with urllib.request.urlopen(f"{self.base_url}/api/v1/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.05)
        self.kill()
        pytest.fail(f"server not healthy within {START_TIMEOUT} s:\n{self.log_text()}")

    def stop(self) -> None:
        """SIGTERM and wait (graceful shutdown); SIGKILL if it does not end in time."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            started = time.monotonic()
            try:
                self.process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=STOP_TIMEOUT)
                warnings.warn(f"khongcho did not exit within {STOP_TIMEOUT:.0f} s of SIGTERM "
                              f"(killed after {time.monotonic() - started:.1f} s)", stacklevel=2)
        self._close_log()

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=STOP_TIMEOUT)
        self._close_log()

    def restart(self) -> None:
        self.stop()
        self.start()

    def _close_log(self) -> None:
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")[-20000:]
        except OSError:
            return ""

    # ---- API helpers ----

    def api(self, method: str, path: str, body: Any = None, token: str | None = None) -> Any:
        """Calls the JSON API; returns the decoded body (None for 204); raises ApiError for 4xx/5xx."""
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base_url}{path}", data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                raw = response.read()
                return json.loads(raw) if raw else None
        except urllib.error.HTTPError as error:
            raw = error.read()
            try:
                decoded = json.loads(raw) if raw else None
            except ValueError:
                decoded = raw.decode(errors="replace")
            raise ApiError(error.code, decoded) from None

    def login(self, username: str, password: str = DEMO_PASSWORD) -> str:
        return self.api("POST", "/api/v1/auth/login", {"username": username, "password": password})["token"]

    def issue(self, field: str, priority: str = "none") -> dict:
        return self.api("POST", "/api/v1/tickets", {"field": field, "priority": priority})

    def call_next(self, counter: int, token: str) -> dict | None:
        return self.api("POST", f"/api/v1/counters/{counter}/next", token=token)


@pytest.fixture
def khongcho_server(tmp_path: Path) -> Iterator[KhongChoServer]:
    server = KhongChoServer(tmp_path / "data", tmp_path / "server.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def base_url(khongcho_server: KhongChoServer) -> str:
    return khongcho_server.base_url
