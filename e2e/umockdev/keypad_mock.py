"""An emulated USB HID boot keyboard (numeric keypad) for umockdev: the device side of libusb's usbfs ioctls.

`KeypadMock` answers what DeviceIO's `KeypadReader` sends to /dev/bus/usb/001/DDD: capabilities, claim with
auto-detach, release, control transfers (string descriptors, HID SET_PROTOCOL / SET_IDLE) and interrupt IN
URBs on endpoint 0x81, each completed with the next queued 8-byte boot report. With nothing queued an IN URB
waits, and libusb's timeout discards it (DISCARDURB), exactly like a real keypad nobody touches.

Typing is queueing reports:

    keypad = KeypadMock()
    keypad.press(0x1E)              # "1" on the digit row: key-down report, then all-released report
    keypad.press(0x5B)              # "3" on the numeric keypad
    keypad.type_digits("12")       # keypad 1, keypad 2 (0x59, 0x5A), then keypad Enter 0x58
    keypad.send(bytes(8))           # any raw report
    keypad.rollover()               # the ErrorRollOver phantom 00 00 01 01 01 01 01 01
    keypad.unplug()                 # waiting and later URBs fail like a pulled cable (ESHUTDOWN / ENODEV)

Plugging it into a testbed (also one that already holds the emulated printer: the keypad sits on port 1-2):

    plug_keypad(testbed, keypad, devnum=7)       # attach the ioctl handler, then add the sysfs record
    unplug_keypad(testbed, keypad)               # cable pulled + remove uevents (interface, then device)

or standalone: `bus = KeypadBus(); bus.plug(7, keypad); env = bus.environment(os.environ)`.
The process holding the testbed must run under `umockdev-wrapper` (see usb_printer_mock.EmulatedBus).
The ioctl handler runs on umockdev's worker thread; state shared with the test is guarded by `lock`.
"""

from __future__ import annotations

import errno
import re
import struct
import threading
from pathlib import Path

import gi

gi.require_version("UMockdev", "1.0")
from gi.repository import UMockdev  # noqa: E402

import usb_printer_mock as usb  # noqa: E402  (shared usbfs constants and the Urb wrapper)

URB_TYPE_INTERRUPT = 1
RELEASED = bytes(8)
PHANTOM = bytes([0, 0, 1, 1, 1, 1, 1, 1])
ENTER = 0x28
KEYPAD_ENTER = 0x58

RECORD = Path(__file__).with_name("keypad-04d9-1203.umockdev")
SYSPATH = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-2"
INTERFACE_SYSPATH = SYSPATH + "/1-2:1.0"
VENDOR_ID, PRODUCT_ID = 0x04D9, 0x1203


def report(*usages: int, modifiers: int = 0) -> bytes:
    """An 8-byte boot keyboard report holding `usages` (at most six)."""
    assert len(usages) <= 6
    return bytes([modifiers, 0, *usages] + [0] * (6 - len(usages)))


def digit_usage(digit: str, keypad: bool = True) -> int:
    """Usage ID of a digit: keypad page 0x59…0x62 ("1"…"9", "0") or digit row 0x1E…0x27."""
    index = (int(digit) - 1) % 10
    return (0x59 if keypad else 0x1E) + index


class KeypadMock(UMockdev.IoctlBase):
    """The keypad behind one device node. Inspect `calls`, `controls`, `delivered` after the run."""

    def __init__(self, strings: dict[int, str] | None = None):
        super().__init__()
        self.lock = threading.Lock()
        self.strings = strings or {1: "HOLTEK", 2: "USB Number Keypad"}
        self.calls: list[tuple] = []       # (name, details) for every ioctl but reap polling
        self.controls: list[tuple] = []    # (bmRequestType, bRequest, wValue, wIndex) of every control URB
        self.delivered: list[bytes] = []   # reports handed to the host, in order
        self.unplugged = threading.Event()
        self.drained = threading.Event()   # set whenever the queue is empty after a delivery
        self._queue: list[bytes] = []
        self._waiting_in: list[usb.Urb] = []
        self._done: list[usb.Urb] = []

    # -- typing (any thread) --

    def send(self, *reports: bytes) -> None:
        with self.lock:
            self.drained.clear()
            self._queue.extend(bytes(r) for r in reports)
            self._answer_waiting()

    def press(self, usage: int, modifiers: int = 0) -> None:
        """One key-down and the release after it."""
        self.send(report(usage, modifiers=modifiers), RELEASED)

    def hold(self, *usages: int, repeats: int = 1) -> None:
        """The same held state `repeats` times (a keypad re-sending while a key stays down). No release."""
        self.send(*[report(*usages)] * repeats)

    def release(self) -> None:
        self.send(RELEASED)

    def rollover(self) -> None:
        self.send(PHANTOM)

    def type_digits(self, digits: str, enter: bool = True, keypad: bool = True) -> None:
        """Digits as separate presses, then Enter (keypad Enter 0x58, or 0x28 with keypad=False)."""
        for digit in digits:
            self.press(digit_usage(digit, keypad))
        if enter:
            self.press(KEYPAD_ENTER if keypad else ENTER)

    def unplug(self) -> None:
        with self.lock:
            for urb in self._waiting_in:
                self._done.append(urb.finish(status=-errno.ESHUTDOWN, actual=0))
            self._waiting_in.clear()
            self.unplugged.set()

    def wait_drained(self, timeout: float) -> bool:
        """True once every queued report went to the host."""
        return self.drained.wait(timeout)

    def names(self) -> list[str]:
        with self.lock:
            return [name for name, _ in self.calls]

    # -- umockdev entry point (worker thread) --

    def do_handle_ioctl(self, client) -> bool:
        request = client.get_request()
        arg = client.get_arg()
        with self.lock:
            result, err = self._dispatch(request, arg)
        client.complete(result, err)
        return True

    def _dispatch(self, request: int, arg) -> tuple[int, int]:
        if request in (usb.USBDEVFS_REAPURBNDELAY, usb.USBDEVFS_REAPURB):
            return self._reap(arg)
        self.calls.append((usb.NAMES.get(request, hex(request)), None))
        if self.unplugged.is_set():
            return -1, errno.ENODEV
        if request == usb.USBDEVFS_GET_CAPABILITIES:
            arg.resolve(0, 4).update(0, struct.pack("<I", usb.CAPABILITIES))
            return 0, 0
        if request in (usb.USBDEVFS_CLAIMINTERFACE, usb.USBDEVFS_RELEASEINTERFACE, usb.USBDEVFS_DISCONNECT_CLAIM,
                       usb.USBDEVFS_IOCTL, usb.USBDEVFS_CLEAR_HALT, usb.USBDEVFS_RESET):
            return 0, 0
        if request == usb.USBDEVFS_GETDRIVER:
            return -1, errno.ENODATA
        if request == usb.USBDEVFS_SUBMITURB:
            return self._submit(usb.Urb(arg))
        if request == usb.USBDEVFS_DISCARDURB:
            return self._discard(struct.unpack_from("<Q", bytes(arg.retrieve()))[0])
        return -1, errno.ENOTTY

    def _submit(self, urb: usb.Urb) -> tuple[int, int]:
        if urb.type == usb.URB_TYPE_CONTROL:
            self._done.append(self._control(urb))
        elif urb.type == URB_TYPE_INTERRUPT and urb.is_in:
            self._waiting_in.append(urb)
            self._answer_waiting()
        else:
            return -1, errno.EINVAL
        return 0, 0

    def _answer_waiting(self) -> None:
        while self._waiting_in and self._queue:
            urb = self._waiting_in.pop(0)
            data = self._queue.pop(0)[:urb.length]
            self.delivered.append(data)
            self._done.append(urb.finish(reply=data))
        if not self._queue:
            self.drained.set()

    def _control(self, urb: usb.Urb):
        request_type, request, value, index, length = struct.unpack_from("<BBHHH", urb.payload)
        self.controls.append((request_type, request, value, index))
        if request_type == 0x80 and request == 6 and value >> 8 == 3:  # GET_DESCRIPTOR(STRING)
            string_index = value & 0xFF
            if string_index == 0:
                body = struct.pack("<H", 0x0409)
            elif string_index in self.strings:
                body = self.strings[string_index].encode("utf-16-le")
            else:
                return urb.finish(status=-errno.EPIPE, actual=0)
            descriptor = bytes([2 + len(body), 3]) + body
            return urb.finish(reply=descriptor[:length], offset=8)
        if request_type == 0x21 and request in (0x0A, 0x0B):  # HID SET_IDLE / SET_PROTOCOL: accepted
            return urb.finish(actual=0)
        return urb.finish(status=-errno.EPIPE, actual=0)

    def _discard(self, address: int) -> tuple[int, int]:
        for urb in self._waiting_in:
            if urb.address == address:
                self._waiting_in.remove(urb)
                self._done.append(urb.finish(status=-errno.ENOENT, actual=0))
                return 0, 0
        return -1, errno.EINVAL

    def _reap(self, arg) -> tuple[int, int]:
        if self._done:
            arg.resolve(0, 8).set_ptr(0, self._done.pop(0).data)
            return 0, 0
        return (-1, errno.ENODEV) if self.unplugged.is_set() else (-1, errno.EAGAIN)


def record_for(devnum: int) -> str:
    """The keypad's record on bus 1 port 2 under address `devnum` (a replug gets a new address)."""
    text = RECORD.read_text()
    text = re.sub(r"bus/usb/001/\d{3}", f"bus/usb/001/{devnum:03d}", text)
    text = re.sub(r"(?m)^E: DEVNUM=\d+$", f"E: DEVNUM={devnum:03d}", text)
    text = re.sub(r"(?m)^E: MINOR=\d+$", f"E: MINOR={devnum - 1}", text)
    text = re.sub(r"(?m)^A: dev=189:\d+$", f"A: dev=189:{devnum - 1}", text)
    text = re.sub(r"(?m)^A: devnum=\d+\\n$", f"A: devnum={devnum}\\\\n", text)
    return text


def plug_keypad(testbed, keypad: KeypadMock, devnum: int = 7) -> None:
    """Handler first, so libusb can open the node as soon as the add uevent arrives."""
    testbed.attach_ioctl(f"/dev/bus/usb/001/{devnum:03d}", keypad)
    testbed.add_from_string(record_for(devnum))


def unplug_keypad(testbed, keypad: KeypadMock) -> None:
    """Pulls the cable: transfers fail first, then the remove uevents (interface before device)."""
    keypad.unplug()
    for syspath in (INTERFACE_SYSPATH, SYSPATH):
        testbed.uevent(syspath, "remove")
        testbed.remove_device(syspath)


class KeypadBus:
    """A testbed with (at most) one keypad plugged in, for tests that need no printer."""

    def __init__(self):
        self.testbed = UMockdev.Testbed.new()
        if not UMockdev.in_mock_environment():
            raise RuntimeError("run this process under umockdev-wrapper (LD_PRELOAD=libumockdev-preload.so.0)")
        self.keypads: dict[int, KeypadMock] = {}
        self.plugged: int | None = None

    def plug(self, devnum: int, keypad: KeypadMock) -> None:
        plug_keypad(self.testbed, keypad, devnum)
        self.keypads[devnum] = keypad
        self.plugged = devnum

    def unplug(self) -> None:
        if self.plugged is not None:
            unplug_keypad(self.testbed, self.keypads[self.plugged])
            self.plugged = None

    def environment(self, base: dict[str, str]) -> dict[str, str]:
        env = dict(base)
        preload = env.get("LD_PRELOAD", "")
        if "libumockdev-preload" not in preload:
            env["LD_PRELOAD"] = "libumockdev-preload.so.0" + (":" + preload if preload else "")
        env["UMOCKDEV_DIR"] = self.testbed.get_root_dir()
        return env
