/// A device error that says what happened and what to do in Vietnamese and English, so the kiosk and the
/// supervisor's screen show the device's own advice rather than a type name.
public protocol BilingualError: Error {
    /// Vietnamese: what happened and what to do.
    var message: String { get }
    /// English: what happened and what to do.
    var englishMessage: String { get }
}
