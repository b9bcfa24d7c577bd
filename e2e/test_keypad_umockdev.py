"""A USB rating keypad, emulated with umockdev, typing into a real `khongcho serve` (libusb path end to end).

The emulated keypad (e2e/umockdev/keypad_mock.py, HOLTEK 04d9:1203 on bus 1 port 2) lives in a driver
process run under `umockdev-wrapper`: this very file with `--drive`. The driver holds the testbed and answers
one command per stdin line (`plug DEVNUM`, `press USAGE`, `unplug`, `quit`) with one JSON line. Its keypad is
`SafeKeypad`, KeypadMock made safe for several clients at once (see its docstring: serve opens the keypad from
two USB monitors and the reader, and the plain mock hung or aborted the server about half the time). The server is
started by the test with the testbed's environment (LD_PRELOAD of libumockdev-preload, UMOCKDEV_DIR), as
`serve --devices auto --hid-keypads all`, so DeviceIO's KeypadService finds the keypad through libusb and
reads its interrupt endpoint; the test then drives the server through the HTTP API only.

Binary: $KHONGCHO_BIN, default <repo>/.build/debug/khongcho (see conftest.py).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KEYPAD_ID = "usb-04d9:1203-1-2"  # USBDeviceInfo.stableName: vendor:product and bus-port, the same after a replug
DIGIT_ONE = 0x1E                 # "1" on the digit row: rating 1 (rất hài lòng) in devices/keypads/rating-4key.json
DEBOUNCE_SECONDS = 2.0           # rating-4key.json debounceSeconds
WAIT = 10.0


# ---------------------------------------------------------------------------------------------- driver side


def drive() -> int:
    """The umockdev side: runs under umockdev-wrapper, owns the testbed, types on command."""
    sys.path.insert(0, str(HERE / "umockdev"))
    import faulthandler
    import signal

    import errno

    import keypad_mock as kp
    from gi.repository import GLib

    faulthandler.register(signal.SIGUSR1, all_threads=True)  # a hung run: `kill -USR1` dumps every thread

    class Completions:
        """Finished URBs, one queue per open file descriptor (umockdev client), as usbfs keeps them."""

        def __init__(self, keypad):
            self.keypad = keypad
            self.queues: dict[int, list] = {}

        def queue(self, client: int) -> list:
            return self.queues.setdefault(client, [])

        def append(self, urb) -> None:
            owner = self.keypad.owners.pop(urb.address, self.keypad.client)
            self.queue(owner).append(urb)

        def pop(self, index: int = -1):
            return self.queue(self.keypad.client).pop(index)

        def __bool__(self) -> bool:
            return bool(self.queue(self.keypad.client))

        def __len__(self) -> int:
            return len(self.queue(self.keypad.client))

    class SafeKeypad(kp.KeypadMock):
        """KeypadMock for a server that opens the keypad from several threads and libusb contexts at once
        (serve runs two USB monitors, each reading string descriptors of a new device, and the reader).
        KeypadMock alone, with umockdev 0.17 + PyGObject 3.42, hung or aborted the server about half the time:
        - it keeps one completion queue for the device, so one client reaped another's URB and the owner
          waited forever: completions are kept per client (Completions), routed by URB address;
        - it finished interrupt URBs from the typing thread, writing into the client's memory while the
          worker thread used the same stream ("Stream has outstanding operation"): typing and unplugging
          only queue here, and URBs are finished on the worker thread at the next reap;
        - an IoctlClient could lose its last reference with its stream open ("Destroying IoctlClient with
          open stream!") and the server aborted on EOF: every client is kept;
        - a request that still fails with a GLib error is answered EAGAIN, never left unanswered."""

        def __init__(self):
            super().__init__()
            self.clients: dict[int, object] = {}
            self.owners: dict[int, int] = {}
            self.client = 0
            self.retried: list[str] = []
            self._done = Completions(self)
            self._pull_pending = False

        def do_handle_ioctl(self, client) -> bool:
            key = hash(client)
            self.clients.setdefault(key, client)
            self.client = key  # only the umockdev worker thread calls this
            try:
                return super().do_handle_ioctl(client)
            except GLib.Error as error:
                with self.lock:
                    self.retried.append(f"{client.get_request():#x}: {error}")
                client.complete(-1, errno.EAGAIN)
                return True

        def _submit(self, urb):
            self.owners[urb.address] = self.client
            return super()._submit(urb)

        def send(self, *reports: bytes) -> None:
            with self.lock:
                self.drained.clear()
                self._queue.extend(bytes(r) for r in reports)

        def unplug(self) -> None:
            with self.lock:
                self._pull_pending = True
                self.unplugged.set()

        def _reap(self, arg):
            if self._pull_pending:
                for urb in self._waiting_in:
                    self._done.append(urb.finish(status=-errno.ESHUTDOWN, actual=0))
                self._waiting_in.clear()
                self._pull_pending = False
            elif self._queue:
                self._answer_waiting()
            return super()._reap(arg)

    bus = kp.KeypadBus()
    env = bus.environment({})
    print(json.dumps({"LD_PRELOAD": env["LD_PRELOAD"], "UMOCKDEV_DIR": env["UMOCKDEV_DIR"]}), flush=True)
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        answer: dict = {"ok": True}
        if words[0] == "plug":
            bus.plug(int(words[1]), SafeKeypad())
        elif words[0] == "press":
            keypad = bus.keypads[bus.plugged]
            keypad.press(int(words[1], 0))
            answer["drained"] = keypad.wait_drained(WAIT)
            answer["delivered"] = [report.hex() for report in keypad.delivered]
        elif words[0] == "unplug":
            bus.unplug()
        elif words[0] == "quit":
            print(json.dumps(answer), flush=True)
            return 0
        else:
            answer = {"ok": False, "error": f"unknown command {words[0]!r}"}
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__" and "--drive" in sys.argv:
    sys.exit(drive())


# ---------------------------------------------------------------------------------------------- pytest side

import pytest  # noqa: E402

from conftest import DEMO_PASSWORD, KhongChoServer  # noqa: E402

pytest.importorskip("gi", reason="python3-gi is needed for umockdev")
if shutil.which("umockdev-wrapper") is None:
    pytest.skip("umockdev is not installed (apt-get install umockdev gir1.2-umockdev-1.0)", allow_module_level=True)


class KeypadDriver:
    """The driver process, seen from the test."""

    def __init__(self, log: Path):
        self._stderr = open(log, "wb")
        self.process = subprocess.Popen(
            ["umockdev-wrapper", sys.executable, str(Path(__file__).resolve()), "--drive"],
            cwd=HERE / "umockdev", stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, text=True)
        self.environment = self._answer()

    def _answer(self) -> dict:
        line = self.process.stdout.readline()
        if not line:
            self.process.wait(timeout=5)
            pytest.fail(f"umockdev driver ended ({self.process.returncode}): {Path(self._stderr.name).read_text()}")
        return json.loads(line)

    def command(self, *words) -> dict:
        self.process.stdin.write(" ".join(str(word) for word in words) + "\n")
        self.process.stdin.flush()
        answer = self._answer()
        assert answer["ok"], answer
        return answer

    def press(self, usage: int) -> dict:
        answer = self.command("press", hex(usage))
        assert answer["drained"], f"the server never read the key reports: {answer}"
        return answer

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.command("quit")
                self.process.wait(timeout=10)
            except (OSError, ValueError, subprocess.TimeoutExpired, AssertionError):
                self.process.kill()
                self.process.wait()
        self._stderr.close()


class KeypadServer(KhongChoServer):
    """`khongcho serve` with USB devices (`auto`) and every boot keyboard claimed as a keypad."""

    def command(self) -> list[str]:
        command = super().command()
        command[command.index("--devices") + 1] = "auto"
        return command + ["--hid-keypads", "all", "--devices-directory", str(HERE.parent / "devices")]


@pytest.fixture
def driver(tmp_path: Path):
    keypads = KeypadDriver(tmp_path / "driver.log")
    try:
        yield keypads
    finally:
        keypads.close()


@pytest.fixture
def server(driver: KeypadDriver, tmp_path: Path, monkeypatch):
    """Started with the keypad already plugged in at 001:007, as on a real counter."""
    driver.command("plug", 7)
    for name, value in driver.environment.items():
        monkeypatch.setenv(name, value)
    khongcho = KeypadServer(tmp_path / "data", tmp_path / "server.log")
    khongcho.start()
    for name in driver.environment:
        monkeypatch.delenv(name)  # only the server runs under the preload
    try:
        yield khongcho
    finally:
        khongcho.stop()


def wait_for(what: str, probe, timeout: float = WAIT, server: KhongChoServer | None = None):
    """Polls `probe` until it returns something truthy; fails with the last value (and the server log)."""
    deadline = time.monotonic() + timeout
    value = None
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.05)
    log = f"\nserver log:\n{server.log_text()}" if server else ""
    pytest.fail(f"{what}: not within {timeout} s (last: {value!r}){log}")


def keypad(server: KhongChoServer, admin: str) -> dict | None:
    devices = server.api("GET", "/api/v1/admin/devices", token=admin)["devices"]
    found = [device for device in devices if device["kind"] == "rating-keypad" and device["port"].startswith("usb ")]
    assert len(found) <= 1, found
    return found[0] if found else None


def ratings(server: KhongChoServer, admin: str) -> list[dict]:
    return server.api("GET", "/api/v1/ratings", token=admin)["ratings"]


def served_ticket(server: KhongChoServer) -> dict:
    """A001 issued, called at counter 1 by quay1 and being served there."""
    ticket = server.issue("dat-dai")
    assert ticket["number"] == "A001", ticket
    staff = server.login("quay1", DEMO_PASSWORD)
    called = server.call_next(1, staff)
    assert called["id"] == ticket["id"], called
    server.api("POST", f"/api/v1/tickets/{ticket['id']}/serve", token=staff)
    return ticket


def test_keypad_rating_lands_on_the_served_ticket_then_unplug_and_replug(server: KhongChoServer, driver: KeypadDriver):
    admin = server.login("admin", DEMO_PASSWORD)
    found = wait_for("USB keypad listed on /api/v1/admin/devices", lambda: keypad(server, admin), server=server)
    assert found["id"] == KEYPAD_ID
    assert found["profile"] == "rating-4key"
    assert found["port"] == "usb 1-2"
    assert found["status"] == "ok"
    assert "counter" not in found  # unbound: the API leaves the key out
    assert found["simulated"] is False

    bound = server.api("PUT", f"/api/v1/admin/devices/{KEYPAD_ID}/binding", {"counter": 1}, token=admin)
    assert (bound["id"], bound["counter"]) == (KEYPAD_ID, 1)
    ticket = served_ticket(server)

    pressed_at = time.monotonic()
    answer = driver.press(DIGIT_ONE)
    assert answer["delivered"][-2:] == ["00001e0000000000", "0000000000000000"]
    stored = wait_for("the keypad's rating in GET /api/v1/ratings", lambda: ratings(server, admin), server=server)
    assert len(stored) == 1, stored
    rating = stored[0]
    assert (rating["level"], rating["ticket"], rating["ticketId"], rating["counter"]) == (1, "A001", ticket["id"], 1)
    assert (rating["source"], rating["device"], rating["staff"]) == ("keypad", KEYPAD_ID, "quay1")

    # The same key again at once (a citizen pressing twice): counted once.
    driver.press(DIGIT_ONE)
    assert time.monotonic() - pressed_at < DEBOUNCE_SECONDS, "too slow to test the debounce window"
    time.sleep(0.5)
    assert ratings(server, admin) == stored

    driver.command("unplug")
    gone = wait_for("keypad shown unplugged",
                    lambda: (lambda d: d if d and d["status"] == "unplugged" else None)(keypad(server, admin)), server=server)
    assert (gone["id"], gone["counter"]) == (KEYPAD_ID, 1)

    driver.command("plug", 8)  # a replug gets a new address on the bus, same port
    back = wait_for("keypad back to ok",
                    lambda: (lambda d: d if d and d["status"] == "ok" else None)(keypad(server, admin)), server=server)
    assert (back["id"], back["port"], back["counter"]) == (KEYPAD_ID, "usb 1-2", 1)


def test_unbound_keypad_stores_nothing(server: KhongChoServer, driver: KeypadDriver):
    admin = server.login("admin", DEMO_PASSWORD)
    found = wait_for("USB keypad listed on /api/v1/admin/devices", lambda: keypad(server, admin), server=server)
    assert (found["id"], found.get("counter"), found["status"]) == (KEYPAD_ID, None, "ok")
    served_ticket(server)

    driver.press(DIGIT_ONE)
    # The press did reach the keypad hub (so "nothing stored" is not just "nothing read")…
    wait_for("the server noting the unbound keypad", lambda: f"Keypad {KEYPAD_ID} is not bound to a counter" in server.log_text(),
             server=server)
    time.sleep(0.3)
    # …and no rating came of it, attached or not.
    assert ratings(server, admin) == []
    assert "counter" not in keypad(server, admin)
