public import Foundation

/// One result-return promise: when the dossier was received, when the result was promised, when (if yet) it was
/// returned, and whether the procedure was a same-day one.
public struct ReportPromise: Sendable, Equatable {
    public var field: String
    public var receivedAt: Date
    public var promisedAt: Date
    public var returnedAt: Date?
    public var sameDay: Bool

    public init(field: String, receivedAt: Date, promisedAt: Date, returnedAt: Date? = nil, sameDay: Bool) {
        self.field = field
        self.receivedAt = receivedAt
        self.promisedAt = promisedAt
        self.returnedAt = returnedAt
        self.sameDay = sameDay
    }
}
