"""An emulated USB ESC/POS printer for umockdev: the device side of libusb's usbfs ioctls.

`PrinterMock` answers the ioctls libusb (Linux backend) sends to /dev/bus/usb/BBB/DDD the way a
0416:5011 printer behind the kernel would: it records every bulk OUT byte, answers a status request
`10 04 n` on bulk IN with a configurable byte (or stays silent), serves string descriptors over
control transfers, honours DISCARDURB (libusb's timeouts), and can be "unplugged" after N bytes so
the next transfer fails with ENODEV like a pulled cable.

`EmulatedBus` owns the `UMockdev.Testbed`: plug the printer under an address, unplug it (removal
uevent), plug it back under a new address, and give the environment a child process needs
(`LD_PRELOAD` of libumockdev-preload plus `UMOCKDEV_DIR`) to see this bus instead of the real one.
The process holding the testbed must itself run under `umockdev-wrapper`: umockdev builds each uevent
by reading the device back through libudev, which only finds the testbed's sysfs with the preload.

The ioctl handler runs on umockdev's worker thread; everything it shares with the test is guarded
by `PrinterMock.lock`.
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

# <linux/usbdevice_fs.h> request numbers on x86_64 (see /work/shared/reference/devices.md §6.3).
USBDEVFS_CONTROL = 0xC0185500
USBDEVFS_GETDRIVER = 0x41045508
USBDEVFS_SUBMITURB = 0x8038550A
USBDEVFS_DISCARDURB = 0x0000550B
USBDEVFS_REAPURB = 0x4008550C
USBDEVFS_REAPURBNDELAY = 0x4008550D
USBDEVFS_CLAIMINTERFACE = 0x8004550F
USBDEVFS_RELEASEINTERFACE = 0x80045510
USBDEVFS_IOCTL = 0xC0105512
USBDEVFS_RESET = 0x00005514
USBDEVFS_CLEAR_HALT = 0x80045515
USBDEVFS_GET_CAPABILITIES = 0x8004551A
USBDEVFS_DISCONNECT_CLAIM = 0x8108551B

NAMES = {
    USBDEVFS_CONTROL: "CONTROL", USBDEVFS_GETDRIVER: "GETDRIVER", USBDEVFS_SUBMITURB: "SUBMITURB",
    USBDEVFS_DISCARDURB: "DISCARDURB", USBDEVFS_REAPURB: "REAPURB", USBDEVFS_REAPURBNDELAY: "REAPURBNDELAY",
    USBDEVFS_CLAIMINTERFACE: "CLAIMINTERFACE", USBDEVFS_RELEASEINTERFACE: "RELEASEINTERFACE",
    USBDEVFS_IOCTL: "IOCTL", USBDEVFS_RESET: "RESET", USBDEVFS_CLEAR_HALT: "CLEAR_HALT",
    USBDEVFS_GET_CAPABILITIES: "GET_CAPABILITIES", USBDEVFS_DISCONNECT_CLAIM: "DISCONNECT_CLAIM",
}

# USBDEVFS_CAP_*: bulk scatter-gather, no packet-size limit, reap after disconnect, zero packet, bulk continuation.
CAPABILITIES = 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x20 | 0x80
URB_TYPE_CONTROL = 2
URB_TYPE_BULK = 3
URB_SIZE = 56  # struct usbdevfs_urb on 64-bit: type@0 endpoint@1 status@4 buffer@16 buffer_length@24 actual_length@28

# Real-time status answers (DLE EOT n). Fixed bits: bit 1 and bit 4 set, bit 0 and bit 7 clear.
ONLINE = {1: 0x16, 2: 0x12, 3: 0x12, 4: 0x12}
PAPER_OUT = {1: 0x1E, 2: 0x32, 3: 0x12, 4: 0x72}  # offline; paper-end stop; both paper sensors
SILENT: dict[int, int] = {}

RECORD = Path(__file__).with_name("printer-0416-5011.umockdev")
SYSPATH = "/sys/devices/pci0000:00/0000:00:14.0/usb1/1-1"
INTERFACE_SYSPATH = SYSPATH + "/1-1:1.0"


class Urb:
    """A submitted URB: the client's struct and buffer, resolved into this process."""

    def __init__(self, arg):
        self.data = arg.resolve(0, URB_SIZE)
        raw = bytes(self.data.retrieve())
        self.type, self.endpoint = raw[0], raw[1]
        self.length = struct.unpack_from("<i", raw, 24)[0]
        self.buffer = self.data.resolve(16, self.length) if self.length > 0 else None
        self.payload = bytes(self.buffer.retrieve()) if self.buffer is not None else b""

    @property
    def address(self) -> int:
        return self.data.client_addr

    @property
    def is_in(self) -> bool:
        return bool(self.endpoint & 0x80)

    def finish(self, status: int = 0, reply: bytes = b"", offset: int = 0, actual: int | None = None) -> "Urb":
        if reply:
            self.buffer.update(offset, reply)
        self.data.update(4, struct.pack("<i", status))
        self.data.update(28, struct.pack("<i", len(reply) if actual is None else actual))
        return self


class PrinterMock(UMockdev.IoctlBase):
    """The printer behind one device node. Inspect `out`, `requests`, `calls` after the run."""

    def __init__(self, status: dict[int, int] | None = None, unplug_after: int | None = None,
                 strings: dict[int, str] | None = None, takes_bytes: bool = True):
        """`takes_bytes=False`: a jammed printer that answers status but never completes a print-data bulk
        OUT URB; it stays pending until the host discards it (libusb's timeout), then ends ENOENT, 0 bytes."""
        super().__init__()
        self.takes_bytes = takes_bytes
        self.stalled_out: list[Urb] = []
        self.discarded_out = 0
        self.lock = threading.Lock()
        self.status = dict(ONLINE if status is None else status)
        self.unplug_after = unplug_after
        self.strings = strings or {1: "Winbond", 2: "POS58 Printer", 3: "KC0001"}
        self.out = bytearray()          # every bulk OUT byte except status requests, in order
        self.out_urb_sizes: list[int] = []
        self.requests: list[int] = []   # n of every DLE EOT n received
        self.calls: list[tuple] = []    # (name, details) for every ioctl but the reap polling
        self.unplugged = threading.Event()
        self._replies = bytearray()
        self._waiting_in: list[Urb] = []
        self._done: list[Urb] = []

    # -- umockdev entry point (worker thread) --

    def do_handle_ioctl(self, client) -> bool:
        request = client.get_request()
        arg = client.get_arg()
        with self.lock:
            result, err = self._dispatch(request, arg)
        client.complete(result, err)
        return True

    def _dispatch(self, request: int, arg) -> tuple[int, int]:
        name = NAMES.get(request, hex(request))
        if request not in (USBDEVFS_REAPURBNDELAY, USBDEVFS_REAPURB):
            self.calls.append((name, self._details(request, arg)))
        if request in (USBDEVFS_REAPURBNDELAY, USBDEVFS_REAPURB):
            return self._reap(arg)
        if self.unplugged.is_set():
            return -1, errno.ENODEV
        if request == USBDEVFS_GET_CAPABILITIES:
            arg.resolve(0, 4).update(0, struct.pack("<I", CAPABILITIES))
            return 0, 0
        if request in (USBDEVFS_CLAIMINTERFACE, USBDEVFS_RELEASEINTERFACE, USBDEVFS_DISCONNECT_CLAIM,
                       USBDEVFS_IOCTL, USBDEVFS_CLEAR_HALT, USBDEVFS_RESET):
            return 0, 0
        if request == USBDEVFS_GETDRIVER:
            return -1, errno.ENODATA
        if request == USBDEVFS_SUBMITURB:
            return self._submit(Urb(arg))
        if request == USBDEVFS_DISCARDURB:
            return self._discard(struct.unpack_from("<Q", bytes(arg.retrieve()))[0])
        return -1, errno.ENOTTY

    def _details(self, request: int, arg):
        if request in (USBDEVFS_CLAIMINTERFACE, USBDEVFS_RELEASEINTERFACE):
            return struct.unpack_from("<I", bytes(arg.resolve(0, 4).retrieve()))[0]
        if request == USBDEVFS_DISCONNECT_CLAIM:
            raw = bytes(arg.resolve(0, 264).retrieve())
            interface, flags = struct.unpack_from("<II", raw)
            return interface, flags, raw[8:].split(b"\0", 1)[0].decode()
        if request == USBDEVFS_IOCTL:
            interface, code = struct.unpack_from("<ii", bytes(arg.resolve(0, 16).retrieve()))
            return interface, code & 0xFF
        return None

    # -- URBs --

    def _submit(self, urb: Urb) -> tuple[int, int]:
        if urb.type == URB_TYPE_CONTROL:
            self._done.append(self._control(urb))
        elif urb.type != URB_TYPE_BULK:
            return -1, errno.EINVAL
        elif urb.is_in:
            self._waiting_in.append(urb)
            self._answer_waiting()
        else:
            if self.unplug_after is not None and len(self.out) >= self.unplug_after:
                self._pull_cable()
                return -1, errno.ENODEV
            data = urb.payload
            if not self.takes_bytes and not (len(data) == 3 and data[:2] == b"\x10\x04"):
                self.stalled_out.append(urb)
                return 0, 0
            self._bulk_out(data)
            self._done.append(urb.finish(actual=urb.length))
        return 0, 0

    def _bulk_out(self, data: bytes) -> None:
        # The kiosk sends every status request as its own 3-byte transfer; raster data that happens to
        # contain 10 04 n is print data, not a question.
        if len(data) == 3 and data[:2] == b"\x10\x04":
            self.requests.append(data[2])
            if data[2] in self.status:
                self._replies.append(self.status[data[2]])
            self._answer_waiting()
            return
        self.out += data
        self.out_urb_sizes.append(len(data))

    def _answer_waiting(self) -> None:
        while self._waiting_in and self._replies:
            urb = self._waiting_in.pop(0)
            reply = bytes(self._replies[:urb.length])
            del self._replies[:len(reply)]
            self._done.append(urb.finish(reply=reply))

    def _control(self, urb: Urb) -> Urb:
        request_type, request, value, _index, length = struct.unpack_from("<BBHHH", urb.payload)
        if request_type == 0x80 and request == 6 and value >> 8 == 3:  # GET_DESCRIPTOR(STRING)
            index = value & 0xFF
            if index == 0:
                body = struct.pack("<H", 0x0409)  # supported language: en-US
            elif index in self.strings:
                body = self.strings[index].encode("utf-16-le")
            else:
                return urb.finish(status=-errno.EPIPE, actual=0)
            descriptor = bytes([2 + len(body), 3]) + body
            return urb.finish(reply=descriptor[:length], offset=8)
        return urb.finish(status=-errno.EPIPE, actual=0)  # stall anything else

    def _discard(self, address: int) -> tuple[int, int]:
        for urb in self.stalled_out:
            if urb.address == address:
                self.stalled_out.remove(urb)
                self.discarded_out += 1
                self._done.append(urb.finish(status=-errno.ENOENT, actual=0))
                return 0, 0
        for urb in self._waiting_in:
            if urb.address == address:
                self._waiting_in.remove(urb)
                self._done.append(urb.finish(status=-errno.ENOENT, actual=0))
                return 0, 0
        return -1, errno.EINVAL

    def _reap(self, arg) -> tuple[int, int]:
        if self._done:
            urb = self._done.pop(0)
            arg.resolve(0, 8).set_ptr(0, urb.data)
            return 0, 0
        return (-1, errno.ENODEV) if self.unplugged.is_set() else (-1, errno.EAGAIN)

    def _pull_cable(self) -> None:
        """What the kernel does on disconnect: in-flight URBs end with ESHUTDOWN, every later call ENODEV."""
        for urb in self._waiting_in:
            self._done.append(urb.finish(status=-errno.ESHUTDOWN, actual=0))
        self._waiting_in.clear()
        self.unplugged.set()

    # -- for the test --

    def unplug(self) -> None:
        with self.lock:
            self._pull_cable()

    def names(self) -> list[str]:
        with self.lock:
            return [name for name, _ in self.calls]

    def details(self, name: str) -> list:
        with self.lock:
            return [details for call, details in self.calls if call == name]


def record_for(devnum: int, template: str | None = None) -> str:
    """The printer's record under bus 1, address `devnum` (a replug gets a new address, same port)."""
    text = template if template is not None else RECORD.read_text()
    text = re.sub(r"bus/usb/001/\d{3}", f"bus/usb/001/{devnum:03d}", text)
    text = re.sub(r"(?m)^E: DEVNUM=\d+$", f"E: DEVNUM={devnum:03d}", text)
    text = re.sub(r"(?m)^E: MINOR=\d+$", f"E: MINOR={devnum - 1}", text)
    text = re.sub(r"(?m)^A: dev=189:\d+$", f"A: dev=189:{devnum - 1}", text)
    text = re.sub(r"(?m)^A: devnum=\d+\\n$", f"A: devnum={devnum}\\\\n", text)
    return text


class EmulatedBus:
    """One umockdev testbed holding (at most) the one printer."""

    def __init__(self):
        self.testbed = UMockdev.Testbed.new()  # sets UMOCKDEV_DIR for this process
        if not UMockdev.in_mock_environment():
            raise RuntimeError("run this process under umockdev-wrapper (LD_PRELOAD=libumockdev-preload.so.0)")
        self.printers: dict[int, PrinterMock] = {}
        self.plugged: int | None = None

    def plug(self, devnum: int, printer: PrinterMock) -> None:
        node = f"/dev/bus/usb/001/{devnum:03d}"
        # The handler first, so libusb can open the node as soon as the add uevent arrives.
        self.testbed.attach_ioctl(node, printer)
        self.testbed.add_from_string(record_for(devnum))
        # Inside the mock environment add_from_string sends the "add" uevents itself.
        self.printers[devnum] = printer
        self.plugged = devnum

    def unplug(self) -> None:
        """Pulls the cable: the printer fails its transfers, then the device disappears (remove uevents)."""
        if self.plugged is None:
            return
        self.printers[self.plugged].unplug()
        # Interface before device, as the kernel does; the uevent must go out while sysfs still has the
        # device's properties (umockdev 0.17's remove_device sends none and does not recurse).
        for syspath in (INTERFACE_SYSPATH, SYSPATH):
            self.testbed.uevent(syspath, "remove")
            self.testbed.remove_device(syspath)
        self.plugged = None

    def environment(self, base: dict[str, str]) -> dict[str, str]:
        env = dict(base)
        preload = env.get("LD_PRELOAD", "")
        if "libumockdev-preload" not in preload:
            env["LD_PRELOAD"] = "libumockdev-preload.so.0" + (":" + preload if preload else "")
        env["UMOCKDEV_DIR"] = self.testbed.get_root_dir()
        return env
