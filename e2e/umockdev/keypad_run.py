#!/usr/bin/python3
"""Runs one Swift keypad scenario against the emulated keypad and writes what happened to report.json.

    umockdev-wrapper /usr/bin/python3 e2e/umockdev/keypad_run.py --binary <khongchoPackageTests.xctest> \
        --sync <empty directory> keypad-read|keypad-service

The Swift side is Tests/DeviceIOTests/KeypadUMockdevScenarioTests.swift (filter KeypadUMockdevScenarioTests),
started with the testbed's environment plus KHONGCHO_UMOCKDEV_SCENARIO and KHONGCHO_UMOCKDEV_SYNC. It leaves
marker files in the sync directory and this driver types or (un)plugs in answer:

keypad-read     keypad at 001:007 from the start; the reader idles 350 ms first (its reads time out: DISCARDURB
                in report.json's calls). On "ready": digit-row 1 pressed and released, a rollover
                phantom, keypad 3 held over three reports, released. On "read-done": the cable is pulled.
keypad-service  empty bus. On "ready": keypad plugged at 001:007. On "connected-1": keypad 2 pressed.
                On "action-1": unplugged. On "disconnected-1": plugged back at 001:008.
                On "connected-2": keypad 4 pressed.

Exit status 0 means the report was written, not that the scenario passed: check the Swift exit code
(`returncode`) and the markers in report.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import keypad_mock as kp


class Run:
    def __init__(self, sync: Path):
        self.sync = sync
        self.bus = kp.KeypadBus()
        self.done: set[str] = set()

    def seen(self, marker: str) -> bool:
        return (self.sync / marker).exists()

    def once(self, name: str, action) -> None:
        if name not in self.done:
            self.done.add(name)
            action()


def setup_read(run: Run) -> None:
    run.bus.plug(7, kp.KeypadMock())


def step_read(run: Run) -> None:
    keypad = run.bus.keypads[7]

    def type_keys() -> None:
        keypad.press(0x1E)
        keypad.rollover()
        keypad.hold(0x5B, repeats=3)
        keypad.release()

    if run.seen("ready"):
        run.once("typed", type_keys)
    if run.seen("read-done"):
        run.once("unplugged", run.bus.unplug)


def step_service(run: Run) -> None:
    if run.seen("ready"):
        run.once("plugged-1", lambda: run.bus.plug(7, kp.KeypadMock()))
    if run.seen("connected-1"):
        run.once("typed-1", lambda: run.bus.keypads[7].press(0x5A))
    if run.seen("action-1"):
        run.once("unplugged-1", run.bus.unplug)
    if run.seen("disconnected-1"):
        run.once("plugged-2", lambda: run.bus.plug(8, kp.KeypadMock()))
    if run.seen("connected-2"):
        run.once("typed-2", lambda: run.bus.keypads[8].press(0x5C))


SCENARIOS = {
    "keypad-read": (setup_read, step_read),
    "keypad-service": (lambda run: None, step_service),
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--sync", required=True, type=Path)
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    args = parser.parse_args()

    setup, step = SCENARIOS[args.scenario]
    run = Run(args.sync)
    setup(run)
    env = run.bus.environment(os.environ)
    env["KHONGCHO_UMOCKDEV_SCENARIO"] = args.scenario
    env["KHONGCHO_UMOCKDEV_SYNC"] = str(args.sync)
    command = [args.binary, "--testing-library", "swift-testing", "--filter", "KeypadUMockdevScenarioTests"]
    timed_out = False
    with open(args.sync / "swift.log", "wb") as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + args.timeout
        while process.poll() is None:
            if time.monotonic() > deadline:
                timed_out = True
                process.kill()
                process.wait()
                break
            step(run)
            time.sleep(0.01)

    keypads = {}
    for devnum, keypad in run.bus.keypads.items():
        with keypad.lock:
            keypads[str(devnum)] = {
                "delivered": [report.hex() for report in keypad.delivered],
                "controls": [list(control) for control in keypad.controls],
                "calls": sorted(set(name for name, _ in keypad.calls)),
                "unplugged": keypad.unplugged.is_set(),
            }
    markers = sorted(path.name for path in args.sync.iterdir() if "." not in path.name)
    report = {
        "scenario": args.scenario, "returncode": process.returncode, "timed_out": timed_out,
        "markers": markers, "actions": sorted(run.done), "keypads": keypads,
    }
    (args.sync / "report.json").write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
