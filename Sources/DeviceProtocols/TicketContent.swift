/// What one printed ticket says. The integrator fills it from the issued ticket, the live wait estimate and
/// the promise rules; the template (assets/ticket/template.json) decides where and how big each part is.
public struct TicketContent: Sendable, Equatable, Codable {
    /// "Trung tâm Phục vụ hành chính công phường …": printed bold at the top, wrapped.
    public var centreName: String
    /// The field (lĩnh vực), e.g. "Đất đai".
    public var fieldName: String
    /// The ticket label, e.g. "A012": printed very large.
    public var number: String
    /// The priority class in Vietnamese ("Người cao tuổi"), or `nil` for a normal ticket (no priority box).
    public var priorityLabel: String?
    /// When the ticket was issued, already formatted: "08:05 — 02/03/2026".
    public var issuedAt: String
    /// Tickets of this field ahead of this one.
    public var peopleAhead: Int
    /// The live wait estimate in minutes.
    public var estimatedWaitMinutes: Int
    /// The no-wait promise, e.g. "Thứ Sáu không chờ: trả kết quả trong ngày", or `nil` when none applies.
    public var promiseLine: String?
    /// Where the citizen follows the queue on a phone; encoded in the QR code and printed short under it.
    public var statusURL: String
    /// The closing line.
    public var thankYouLine: String
    /// Values for other documents' placeholders (`slipPlaceholderNames` on the promise slip).
    public var extra: [String: String] = [:]

    /// The closing line when the integrator has none of its own (the template prints "Thank you" under it).
    public static let defaultThankYou = "Xin cảm ơn Quý khách!"

    public init(
        centreName: String, fieldName: String, number: String, priorityLabel: String? = nil, issuedAt: String,
        peopleAhead: Int, estimatedWaitMinutes: Int, promiseLine: String? = nil, statusURL: String,
        thankYouLine: String = TicketContent.defaultThankYou
    ) {
        self.centreName = centreName
        self.fieldName = fieldName
        self.number = number
        self.priorityLabel = priorityLabel
        self.issuedAt = issuedAt
        self.peopleAhead = peopleAhead
        self.estimatedWaitMinutes = estimatedWaitMinutes
        self.promiseLine = promiseLine
        self.statusURL = statusURL
        self.thankYouLine = thankYouLine
    }
}
