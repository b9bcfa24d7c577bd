/// A change on the bus, as seen by `USBDeviceMonitor`.
public enum USBDeviceEvent: Hashable, Sendable {
    /// A device appeared (or was already there when the stream was opened).
    case arrived(USBDeviceInfo)
    /// A device disappeared; anything open on it now fails with `USBError.Code.noDevice`.
    case left(USBDeviceInfo)

    public var device: USBDeviceInfo {
        switch self {
        case .arrived(let device), .left(let device): device
        }
    }
}
