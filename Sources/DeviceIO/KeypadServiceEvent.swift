public import Foundation
public import DeviceProtocols

/// What `KeypadService` reports: keypads coming and going (for `/admin/devices`) and decoded actions.
public enum KeypadServiceEvent: Sendable {
    /// Opened and claimed; reports are being read.
    case connected(KeypadMatch)
    /// A decoded press, stamped with the instant its report arrived.
    case action(KeypadMatch, KeypadAction, at: Date)
    /// Opening failed (e.g. `.access`: the udev rule is missing); retried on the next plug-in.
    case openFailed(KeypadMatch, USBError)
    /// The reader ended: nil when the service stopped, `.noDevice` when the keypad was unplugged.
    case disconnected(KeypadMatch, USBError?)
}
