"""The training clock: `serve --now` starts the hall at a chosen instant, marks every page and printed ticket
ĐÀO TẠO / TRAINING, and never mixes with a real hall's data directory."""
from __future__ import annotations

import sqlite3
import subprocess
import time
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

from conftest import BINARY, ApiError, KhongChoServer, free_port

EXIT_CONFIGURATION = 78
MONDAY_MORNING = "2026-12-07T08:00:00+07:00"


def serve_refused(data: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BINARY), "serve", "--data", str(data), "--port", str(free_port()), "--devices", "none", "--backup-at", "off",
         *extra], capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def test_the_hall_runs_from_the_chosen_instant_and_says_training(tmp_path: Path) -> None:
    server = KhongChoServer(tmp_path / "data", tmp_path / "server.log", extra_args=["--now", MONDAY_MORNING])
    server.start()
    try:
        field = server.api("GET", "/api/v1/fields")[0]["code"]
        ticket = server.issue(field)
        issued = datetime.fromisoformat(ticket["issuedAt"])
        start = datetime.fromisoformat(MONDAY_MORNING)
        assert start <= issued < start + timedelta(minutes=2), ticket["issuedAt"]
        with urllib.request.urlopen(f"{server.base_url}/kiosk", timeout=5) as response:
            page = response.read().decode()
        assert 'data-testid="training-banner"' in page and "ĐÀO TẠO / TRAINING" in page
        # The simulated printer's paper: the ticket was printed (the bar itself is checked pixel by pixel in Swift).
        printed = tmp_path / "data" / "printed"
        deadline = time.monotonic() + 20
        while not any(printed.glob("*.png")) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert any(printed.glob(f"2026-12-07-{ticket['number']}*.png")), sorted(p.name for p in printed.glob("*"))
    finally:
        server.stop()
    refused = serve_refused(tmp_path / "data")
    assert refused.returncode == EXIT_CONFIGURATION, refused.stderr
    assert "dữ liệu đào tạo" in refused.stderr and "training data" in refused.stderr, refused.stderr
    # Served again with any --now, it starts there.
    again = KhongChoServer(tmp_path / "data", tmp_path / "again.log", extra_args=["--now", "2026-12-08T09:30:00+07:00"])
    again.start()
    try:
        assert again.issue(field)["issuedAt"].startswith("2026-12-08T09:3")
    finally:
        again.stop()


def test_a_real_halls_data_never_runs_on_the_training_clock(tmp_path: Path) -> None:
    """A store with tickets and no use recorded yet (as any store from before the rule) holds real tickets."""
    server = KhongChoServer(tmp_path / "data", tmp_path / "server.log")
    server.start()
    server.issue(server.api("GET", "/api/v1/fields")[0]["code"])
    server.stop()
    with sqlite3.connect(tmp_path / "data" / "khongcho.sqlite") as db:
        db.execute("DELETE FROM storeUse")
    refused = serve_refused(tmp_path / "data", "--now", MONDAY_MORNING)
    assert refused.returncode == EXIT_CONFIGURATION, refused.stderr
    assert "phiếu thật" in refused.stderr and "real tickets" in refused.stderr, refused.stderr


def test_a_malformed_instant_is_refused_with_an_example(tmp_path: Path) -> None:
    refused = serve_refused(tmp_path / "data", "--now", "monday 8am")
    assert refused.returncode != 0
    assert "2026-12-07T08:00:00+07:00" in refused.stderr, refused.stderr
    assert not (tmp_path / "data").exists()


def test_after_closing_the_kiosk_gets_409_and_when_to_come_back(tmp_path: Path) -> None:
    server = KhongChoServer(tmp_path / "data", tmp_path / "server.log", extra_args=["--now", "2026-12-07T20:18:00+07:00"])
    server.start()
    try:
        field = server.api("GET", "/api/v1/fields")[0]["code"]
        try:
            server.issue(field)
            raise AssertionError("a ticket was issued at 20:18")
        except ApiError as refused:
            assert refused.status == 409, refused.body
            error = refused.body["error"]
        assert error["code"] == "hall_closed"
        assert error["nextOpening"] == "2026-12-08T08:00:00+07:00", error
        assert "08:00 Thứ Ba 08/12/2026" in error["message"], error
    finally:
        server.stop()
