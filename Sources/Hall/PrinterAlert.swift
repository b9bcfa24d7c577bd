public import Foundation

/// A printer problem the supervisor must see (out of paper, cover open, offline, a failed job).
public struct PrinterAlert: Codable, Sendable, Equatable {
    public var printer: String
    public var number: String?
    public var message: String
    public var messageEn: String
    public var at: Date

    public init(printer: String, number: String?, message: String, messageEn: String, at: Date) {
        self.printer = printer
        self.number = number
        self.message = message
        self.messageEn = messageEn
        self.at = at
    }
}
