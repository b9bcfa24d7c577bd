#!/usr/bin/python3
"""Runs one Swift USB scenario against the emulated printer and writes what happened to report.json.

    umockdev-wrapper /usr/bin/python3 e2e/umockdev/run_scenario.py --binary <khongchoPackageTests.xctest> \
        --sync <empty directory> <scenario>

Must run under umockdev-wrapper (see usb_printer_mock.EmulatedBus). The scenario's Swift test
(Tests/DeviceIOTests/UMockdevScenarioTests.swift) is started with the testbed's environment and leaves
marker files in the sync directory ("ready", "left-seen", ...); this driver reacts to them (plug, unplug,
replug) and records when it acted and when each marker was written (wall-clock seconds; a marker's time is
its file's mtime, so it is exact even when the driver notices it late), so the pytest side can check the
2-second pick-up goal. Exit status 0 means the report was written, not that the scenario passed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import usb_printer_mock as mock

CHUNK = 4096


class Run:
    def __init__(self, sync: Path):
        self.sync = sync
        self.bus = mock.EmulatedBus()
        self.marks: dict[str, float] = {}
        self.times: dict[str, float] = {}

    def seen(self, marker: str) -> bool:
        if marker not in self.marks:
            try:
                self.marks[marker] = (self.sync / marker).stat().st_mtime_ns / 1e9
            except FileNotFoundError:
                return False
        return True

    def once(self, name: str, action) -> None:
        if name not in self.times:
            self.times[name] = time.time()  # before acting: the latency is measured from here
            action()

    def collect_marks(self) -> None:
        for path in self.sync.iterdir():
            if "." not in path.name:
                self.seen(path.name)


def setup_print(run: Run) -> None:
    run.bus.plug(5, mock.PrinterMock(status=mock.ONLINE))


def setup_paper_out(run: Run) -> None:
    run.bus.plug(5, mock.PrinterMock(status=mock.PAPER_OUT))


def setup_no_status(run: Run) -> None:
    run.bus.plug(5, mock.PrinterMock(status=mock.SILENT))


def setup_stalled(run: Run) -> None:
    run.bus.plug(5, mock.PrinterMock(status=mock.ONLINE, takes_bytes=False))


def setup_unplug_replug(run: Run) -> None:
    run.bus.plug(5, mock.PrinterMock(unplug_after=2 * CHUNK))


def step_unplug_replug(run: Run) -> None:
    first = run.bus.printers[5]
    if first.unplugged.is_set():
        run.once("unplugged", run.bus.unplug)  # the removal uevents, after the transfers already fail
    if run.seen("left-seen"):
        run.once("replugged", lambda: run.bus.plug(6, mock.PrinterMock()))


def step_plug_later(run: Run) -> None:
    if run.seen("ready"):
        run.once("plugged", lambda: run.bus.plug(5, mock.PrinterMock()))
    if run.seen("arrived-seen"):
        run.once("unplugged", run.bus.unplug)


SCENARIOS = {
    "print": (setup_print, None),
    "bulk-display": (setup_print, None),
    "paper-out": (setup_paper_out, None),
    "no-status": (setup_no_status, None),
    "stalled": (setup_stalled, None),
    "unplug-replug": (setup_unplug_replug, step_unplug_replug),
    "plug-later-hotplug": (lambda run: None, step_plug_later),
    "plug-later-polling": (lambda run: None, step_plug_later),
}


def start(command: list[str], env: dict[str, str], log) -> subprocess.Popen:
    deadline = time.monotonic() + 30
    while True:
        try:
            return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        except OSError as error:
            # ETXTBSY: `swift build` is relinking the test binary right now.
            if error.errno != 26 or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--sync", required=True, type=Path)
    parser.add_argument("--timeout", type=float, default=90.0)
    parser.add_argument("scenario", choices=sorted(SCENARIOS))
    args = parser.parse_args()

    setup, step = SCENARIOS[args.scenario]
    run = Run(args.sync)
    setup(run)
    env = run.bus.environment(os.environ)
    env["KHONGCHO_UMOCKDEV_SCENARIO"] = args.scenario
    env["KHONGCHO_UMOCKDEV_SYNC"] = str(args.sync)
    command = [args.binary, "--testing-library", "swift-testing", "--filter", "UMockdevScenarioTests"]
    timed_out = False
    with open(args.sync / "swift.log", "wb") as log:
        process = start(command, env, log)
        deadline = time.monotonic() + args.timeout
        while process.poll() is None:
            if time.monotonic() > deadline:
                timed_out = True
                process.kill()
                process.wait()
                break
            if step is not None:
                step(run)
            time.sleep(0.01)
    run.collect_marks()

    printers = {}
    for devnum, printer in run.bus.printers.items():
        (args.sync / f"printer-{devnum}.out").write_bytes(bytes(printer.out))
        with printer.lock:
            printers[str(devnum)] = {
                "out_urb_sizes": printer.out_urb_sizes,
                "requests": printer.requests,
                "calls": [[name, details] for name, details in printer.calls],
                "unplugged": printer.unplugged.is_set(),
                "discarded_out": printer.discarded_out,
            }
    report = {
        "scenario": args.scenario, "returncode": process.returncode, "timed_out": timed_out,
        "marks": run.marks, "times": run.times, "printers": printers,
    }
    (args.sync / "report.json").write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
