"""Province mode end to end: two centres (real `khongcho serve` processes) replicate to one real PostgreSQL, a
throw-away cluster made here with initdb (as the `postgres` account when run as root), stopped at the end.

- Both centres issue, call, finish and take ratings; the province's tables hold exactly each centre's own report.
- PostgreSQL stops for 30 s: the centres go on issuing with no error to citizens; within 10 s of its restart the
  province is exact again, nothing doubled.
- A centre is killed with SIGKILL while it replicates: after its restart nothing is lost or doubled.

    cd <repo> && python3 -m pytest -q e2e/test_province.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

import json
import urllib.request

import sys

from conftest import ASSETS, BINARY, OPEN_HOUR, KhongChoServer, free_port

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from pgcluster import Cluster  # noqa: E402
from test_browser import DESKTOP, browser, text_of, wait_text  # noqa: F401
from test_pages_nowait import page_login

DAY = "2026-12-07"  # the training clock's day


@pytest.fixture
def province(tmp_path: Path):
    cluster = Cluster()
    centres = [
        KhongChoServer(tmp_path / code, tmp_path / f"{code}.log", extra_args=["--province", cluster.url, "--centre", code])
        for code in ("XA-BAC", "XA-NAM")
    ]
    for centre in centres:
        centre.data.mkdir()
        centre.start()
    try:
        yield cluster, centres
    finally:
        for centre in centres:
            centre.stop()
        cluster.stop()


def work(server: KhongChoServer, tickets: int) -> None:
    """Issue `tickets` land tickets, serve all but the last, rate each served one."""
    for _ in range(tickets):
        server.issue("dat-dai")
    officer = server.login("quay1")
    for index in range(tickets - 1):
        called = server.call_next(1, officer)
        server.api("POST", f"/api/v1/tickets/{called['id']}/done", {"outcome": "guided"}, token=officer)
        # One rating per ticket, at the counter that served it (presses within 3 s at one counter count once).
        server.api("POST", "/api/v1/ratings", {"counter": 1, "level": index % 4 + 1})
        time.sleep(3.1)


def own_figures(server: KhongChoServer) -> tuple[int, int, int]:
    report = server.api("GET", f"/api/v1/reports?from={DAY}&to={DAY}", token=server.login("giamsat"))
    total = report["figures"]["total"]
    return total["issued"], total["served"], total["ratings"]


def province_figures(cluster: Cluster) -> dict[str, tuple[int, int, int]]:
    tickets = {row[0]: (int(row[1]), int(row[2])) for row in cluster.query(
        "SELECT centre, COUNT(*), COUNT(*) FILTER (WHERE state = 'done') FROM ticket GROUP BY centre")}
    ratings = {row[0]: int(row[1]) for row in cluster.query("SELECT centre, COUNT(*) FROM rating GROUP BY centre")}
    return {code: (issued, served, ratings.get(code, 0)) for code, (issued, served) in tickets.items()}


def wait_exact(cluster: Cluster, centres: list[KhongChoServer], timeout: float) -> float:
    started = time.monotonic()
    expected = {}
    while time.monotonic() - started < timeout:
        expected = {code: own_figures(server) for code, server in zip(("XA-BAC", "XA-NAM"), centres)}
        if province_figures(cluster) == expected:
            return time.monotonic() - started
        time.sleep(0.2)
    raise AssertionError(f"province {province_figures(cluster)} != centres {expected} after {timeout} s")


def test_two_centres_an_outage_and_a_kill(province, browser) -> None:
    cluster, (north, south) = province
    work(north, 6)
    work(south, 4)
    wait_exact(cluster, [north, south], timeout=15)
    status = north.api("GET", "/api/v1/supervisor/replication", token=north.login("giamsat"))
    assert status["centre"] == "XA-BAC"
    page = page_login(browser, north, "/supervisor", DESKTOP, "giamsat")
    wait_text(page, '[data-testid="replication"]', "Đồng bộ tỉnh XA-BAC: chờ gửi 0 · trễ 0 s", timeout=10)
    live = {row[0]: row[1:] for row in cluster.query("SELECT code, service_day, issued_today, waiting FROM centre")}
    assert live["XA-BAC"] == [DAY, "6", "1"] and live["XA-NAM"] == [DAY, "4", "1"]
    assert cluster.query("SELECT COUNT(*) FROM ticket WHERE staff IS NOT NULL AND staff <> 'quay1'") == [["0"]]

    # PostgreSQL away for 30 s: citizens still get their numbers; back within 10 s of its restart, exact.
    cluster.pause()
    outage = time.monotonic()
    while time.monotonic() - outage < 30:
        north.issue("dat-dai")
        south.issue("ho-tich")
        time.sleep(2)
    failing = north.api("GET", "/api/v1/supervisor/replication", token=north.login("giamsat"))
    assert failing["failures"] >= 1 and failing["backlog"] > 0, failing
    cluster.start()
    assert wait_exact(cluster, [north, south], timeout=10) <= 10

    # SIGKILL while it replicates: after the restart, nothing lost or doubled.
    for _ in range(40):
        north.issue("ho-tich")
    north.kill()
    north.start()
    wait_exact(cluster, [north, south], timeout=15)
    doubled = cluster.query("SELECT COUNT(*) - COUNT(DISTINCT (centre, id)) FROM ticket")
    assert doubled == [["0"]]

    # The province office's app reads the same figures: per centre, and the province as their sum.
    port = free_port()
    office = subprocess.Popen([str(BINARY), "province", "serve", "--postgres", cluster.url, "--port", str(port), "--assets",
                               str(ASSETS), "--now", OPEN_HOUR], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        answer = None
        deadline = time.monotonic() + 20
        while answer is None and time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/province/centres?period=day:{DAY}", timeout=2) as r:
                    answer = json.load(r)
            except OSError:
                time.sleep(0.2)
        assert answer is not None, "the province app did not answer"
        assert answer["period"]["text"] == f"day:{DAY}"
        own = {"XA-BAC": own_figures(north), "XA-NAM": own_figures(south)}
        for centre in answer["centres"]:
            figures = centre["figures"]
            assert (figures["issued"], figures["served"], figures["ratings"]) == own[centre["code"]], centre
        total = answer["total"]["figures"]
        assert total["issued"] == sum(f[0] for f in own.values()) and total["ratings"] == sum(f[2] for f in own.values())
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/province/centres.csv?period=day:{DAY}", timeout=5) as r:
            assert r.headers["Content-Type"] == "text/csv; charset=utf-8"
            assert r.headers["Content-Disposition"] == f'attachment; filename="tinh-day-{DAY}.csv"'
            raw = r.read()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = [line.split(",") for line in raw[3:].decode().split("\r\n") if line]
        assert rows[1][:3] == ["Mã (Code)", "Tên (Name)", "Phiếu cấp (Issued)"]
        by_code = {row[0]: row for row in rows[2:]}
        assert int(by_code["XA-BAC"][2]) == own["XA-BAC"][0] and int(by_code["XA-NAM"][2]) == own["XA-NAM"][0]
        assert int(by_code["total"][2]) == total["issued"]
        page = browser(DESKTOP)
        page.get(f"http://127.0.0.1:{port}/province")
        deadline = time.monotonic() + 10
        while "Toàn tỉnh" not in text_of(page, '[data-testid="province-table"]') and time.monotonic() < deadline:
            time.sleep(0.2)
        table = text_of(page, '[data-testid="province-table"]')
        assert "XA-BAC · " in table and "XA-NAM · " in table and "Toàn tỉnh" in table, table
        assert page.find_element("css selector", '[data-testid="province-csv"]').get_attribute("href").endswith(
            "/api/v1/province/centres.csv?period=month%3A2026-12")  # the page opens on the clock's month
    finally:
        office.terminate()
        office.wait(timeout=15)
