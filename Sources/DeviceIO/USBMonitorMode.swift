/// How `USBDeviceMonitor` notices changes.
public enum USBMonitorMode: String, Sendable {
    /// libusb hot-plug callbacks when `libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG)`, polling otherwise.
    /// A periodic rescan runs in both cases, so a missed callback costs at most one poll interval.
    case automatic
    /// Enumerate every poll interval only, for platforms (or sandboxes) where callbacks do not arrive.
    case polling
}
