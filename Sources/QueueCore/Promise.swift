public import Foundation

/// The result-return appointment (“giấy hẹn trả kết quả”) computed at intake, with the reason in both languages
/// so the ticket and the citizen-facing screen can say why that date.
public struct Promise: Sendable, Equatable {
    public var promisedAt: Date
    public var rule: PromiseRule
    public var explanation: String
    public var explanationEn: String

    public init(promisedAt: Date, rule: PromiseRule, explanation: String, explanationEn: String) {
        self.promisedAt = promisedAt
        self.rule = rule
        self.explanation = explanation
        self.explanationEn = explanationEn
    }
}

/// Which rule produced a promised date, kept so reports can compute on-time rates per rule.
public enum PromiseRule: Codable, Sendable, Equatable, Hashable {
    /// Same-day procedure (group 1 or 0 statutory days): by the closing of the (effective) intake day.
    case sameDay
    /// Listed for the no-wait Friday and received before the cutoff: by Friday's closing.
    case noWaitFridaySameDay
    /// Listed for the no-wait Friday but received at or after the cutoff: by the next working morning.
    case noWaitFridayAfterCutoff
    /// Statutory processing time counted in working days on the calendar.
    case workingDays(Int)
}

extension PromiseRule {
    /// The rule's name in the API, the store and reports.
    public var code: String {
        switch self {
        case .sameDay: "same-day"
        case .noWaitFridaySameDay: "no-wait-friday"
        case .noWaitFridayAfterCutoff: "no-wait-friday-after-cutoff"
        case .workingDays: "working-days"
        }
    }

    /// The statutory working days, for the working-days rule.
    public var workingDays: Int? {
        if case .workingDays(let days) = self { return days }
        return nil
    }

    /// Promised within the day of intake (or by the next morning after a no-wait Friday's cutoff): counted in
    /// the same-day resolution rate.
    public var isSameDay: Bool {
        if case .workingDays = self { return false }
        return true
    }
}
