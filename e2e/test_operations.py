"""Watching the real server: `/metrics` with simulated devices and the real print path, and the request log
(route templates, never a citizen's token)."""

from __future__ import annotations

import time
import urllib.request

from conftest import KhongChoServer


def metrics(server: KhongChoServer) -> set[str]:
    with urllib.request.urlopen(f"{server.base_url}/metrics", timeout=10) as response:
        assert response.headers["Content-Type"] == "text/plain; version=0.0.4; charset=utf-8"
        return {line for line in response.read().decode().splitlines() if not line.startswith("#")}


def test_metrics_follow_tickets_prints_and_devices(khongcho_server: KhongChoServer):
    server = khongcho_server
    fields = [field["code"] for field in server.api("GET", "/api/v1/fields")]
    before = metrics(server)
    assert {f'khongcho_tickets_issued_total{{field="{code}"}} 0' for code in fields} <= before
    assert 'khongcho_device_connected{kind="display",id="sim-display-1"} 1.0' in before

    ticket = server.issue(fields[0])
    server.api("GET", f"/api/v1/public/tickets/{ticket['token']}")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # the print job ends after the answer when it takes longer than 1.5 s
        after = metrics(server)
        if 'khongcho_print_jobs_total{state="printed"} 1' in after:
            break
        time.sleep(0.1)
    assert f'khongcho_tickets_issued_total{{field="{fields[0]}"}} 1' in after
    assert 'khongcho_print_jobs_total{state="queued"} 1' in after
    assert 'khongcho_print_jobs_total{state="printed"} 1' in after
    assert 'khongcho_http_request_duration_seconds_count{route="/api/v1/tickets",status="201"} 1' in after

    log = server.log_text()
    assert "route=/api/v1/public/tickets/{token}" in log and "status=200" in log
    assert ticket["token"] not in log
