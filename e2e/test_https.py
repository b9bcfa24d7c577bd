"""HTTPS on the LAN, end to end: `khongcho tls init` makes the centre's authority and a server certificate, `serve
--tls-cert/--tls-key/--tls-port` answers on both ports, and a client that trusts only ca.crt (as a counter PC would
after the printed steps) signs in over HTTPS with full verification. The plain port keeps the citizen side and refuses
or redirects the rest."""

from __future__ import annotations

import json
import socket
import ssl
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import BINARY, DEMO_PASSWORD, KhongChoServer, free_port

EXIT_CONFIGURATION = 78


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def tls_init(directory: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(BINARY), "tls", "init", "--directory", str(directory), "--only", "--name", "localhost", "--address", "127.0.0.1", *extra],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)


def call(url: str, method: str = "GET", body: dict | None = None, token: str | None = None,
         context: ssl.SSLContext | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, method=method, headers=headers,
                                     data=json.dumps(body).encode() if body is not None else None)
    opener = urllib.request.build_opener(NoRedirect(), urllib.request.HTTPSHandler(context=context))
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def https_server(tmp_path: Path):
    made = tls_init(tmp_path / "tls")
    assert made.returncode == 0, made.stderr
    tls_port = free_port()
    server = KhongChoServer(tmp_path / "data", tmp_path / "server.log", extra_args=[
        "--tls-cert", str(tmp_path / "tls" / "server.crt"), "--tls-key", str(tmp_path / "tls" / "server.key"),
        "--tls-port", str(tls_port)])
    server.start()
    server.tls_port = tls_port
    server.tls_directory = tmp_path / "tls"
    server.tls_init_output = made.stdout
    try:
        yield server
    finally:
        server.stop()


def test_tls_init_prints_the_files_and_the_steps_to_trust_the_authority(https_server) -> None:
    out = https_server.tls_init_output
    directory = https_server.tls_directory
    assert f"new authority: {directory / 'ca.crt'}" in out, out
    assert f"--tls-cert {directory / 'server.crt'} --tls-key {directory / 'server.key'}" in out, out
    assert "certutil -addstore -f Root ca.crt" in out and "update-ca-certificates" in out, out
    assert oct((directory / "ca.key").stat().st_mode & 0o777) == "0o600"
    before = (directory / "ca.crt").read_bytes()
    again = tls_init(directory)
    assert again.returncode == 0 and "authority kept" in again.stdout, again.stdout + again.stderr
    assert (directory / "ca.crt").read_bytes() == before


def test_staff_sign_in_goes_over_verified_https_and_never_over_plain_http(https_server) -> None:
    server = https_server
    trusted = ssl.create_default_context(cafile=str(server.tls_directory / "ca.crt"))
    secure = f"https://localhost:{server.tls_port}"
    credentials = {"username": "admin", "password": DEMO_PASSWORD}

    status, _, body = call(f"{secure}/api/v1/auth/login", "POST", credentials, context=trusted)
    assert status == 200, body
    token = json.loads(body)["token"]
    status, _, body = call(f"{secure}/api/v1/counters", token=token, context=trusted)
    assert status == 200, body
    status, _, body = call(f"{secure}/staff", context=trusted)
    assert status == 200 and b"<html" in body.lower()

    # A client that trusts only the system's authorities refuses the certificate: it is the centre's own.
    with pytest.raises(urllib.error.URLError) as refused:
        call(f"{secure}/api/v1/health", context=ssl.create_default_context())
    assert isinstance(refused.value.reason, ssl.SSLCertVerificationError), refused.value

    status, _, body = call(f"{server.base_url}/api/v1/auth/login", "POST", credentials)
    error = json.loads(body)["error"]
    assert status == 403 and error["code"] == "https_required", body
    assert f"https://127.0.0.1:{server.tls_port}/api/v1/auth/login" in error["message"], error
    status, _, body = call(f"{server.base_url}/api/v1/counters", token=token)
    assert status == 403 and json.loads(body)["error"]["code"] == "https_required", body
    for page in ["/staff", "/supervisor", "/admin/devices", "/staff.html"]:
        status, headers, _ = call(f"{server.base_url}{page}")
        assert status == 308 and headers["Location"] == f"https://127.0.0.1:{server.tls_port}{page}", (page, status, headers)


def test_the_citizen_side_stays_on_plain_http(https_server) -> None:
    server = https_server
    for page in ["/kiosk", "/display", "/kiosk.js", "/display.css"]:
        status, _, _ = call(f"{server.base_url}{page}")
        assert status == 200, page
    field = server.api("GET", "/api/v1/fields")[0]["code"]
    ticket = server.issue(field)
    for path in [f"/t/{ticket['token']}", f"/api/v1/public/tickets/{ticket['token']}", "/rate/1", "/api/v1/hall"]:
        status, _, body = call(f"{server.base_url}{path}")
        assert status == 200, (path, body)


def test_a_key_that_does_not_match_the_certificate_stops_serve_with_exit_78(tmp_path: Path) -> None:
    assert tls_init(tmp_path / "tls").returncode == 0
    finished = subprocess.run(
        [str(BINARY), "serve", "--data", str(tmp_path / "data"), "--port", str(free_port()), "--devices", "none",
         "--tls-cert", str(tmp_path / "tls" / "server.crt"), "--tls-key", str(tmp_path / "tls" / "ca.key")],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert finished.returncode == EXIT_CONFIGURATION, finished.stderr
    assert "không phải khoá của chứng chỉ" in finished.stderr and "is not the key of" in finished.stderr, finished.stderr
    assert not (tmp_path / "data").exists(), "nothing may be created before the settings are known good"
