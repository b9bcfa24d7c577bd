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
