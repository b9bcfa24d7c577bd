internal import CLibUSB

extension USBContext {
    /// Lets libusb deliver hot-plug callbacks and finish transfers for up to `timeout`; returns early on events.
    func handleEvents(timeout: Duration) {
        let milliseconds = Int(timeout.libusbMilliseconds)
        var interval = timeval(tv_sec: milliseconds / 1000, tv_usec: (milliseconds % 1000) * 1000)
        _ = libusb_handle_events_timeout_completed(pointer, &interval, nil)
    }

    /// Wakes a thread blocked in `handleEvents` (used to stop the monitor promptly).
    func interruptEventHandler() {
        libusb_interrupt_event_handler(pointer)
    }
}
