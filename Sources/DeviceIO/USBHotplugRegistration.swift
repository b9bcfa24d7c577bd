internal import CLibUSB
import NIOConcurrencyHelpers
import Synchronization

/// A libusb hot-plug callback that only raises a flag. libusb forbids blocking calls (such as reading string
/// descriptors) inside the callback, so the monitor loop rescans after `libusb_handle_events` returns.
final class USBHotplugRegistration: Sendable {
    private let changed = Atomic<Bool>(false)
    private let handle = NIOLockedValueBox<libusb_hotplug_callback_handle?>(nil)

    func register(in context: USBContext) throws(USBError) {
        var callbackHandle: libusb_hotplug_callback_handle = 0
        let events = Int32(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED.rawValue | LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT.rawValue)
        let result = libusb_hotplug_register_callback(
            context.pointer, events, 0, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            { _, _, _, userData in
                guard let userData else { return 0 }
                Unmanaged<USBHotplugRegistration>.fromOpaque(userData).takeUnretainedValue().markChanged()
                return 0  // stay registered
            },
            Unmanaged.passUnretained(self).toOpaque(), &callbackHandle)
        try USBError.check(result, "libusb_hotplug_register_callback")
        handle.withLockedValue { $0 = callbackHandle }
    }

    /// Must run before this object is released: libusb holds an unretained pointer to it.
    func deregister(from context: USBContext) {
        guard let callbackHandle = handle.withLockedValue({ $0.take() }) else { return }
        libusb_hotplug_deregister_callback(context.pointer, callbackHandle)
    }

    func markChanged() {
        changed.store(true, ordering: .releasing)
    }

    /// True once per burst of callbacks.
    func takeChanged() -> Bool {
        changed.exchange(false, ordering: .acquiringAndReleasing)
    }
}
