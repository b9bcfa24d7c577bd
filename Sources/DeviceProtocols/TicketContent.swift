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
    /// Printed with the training clock (`serve --now`): the ticket says "ĐÀO TẠO / TRAINING" above all else.
    public var training: Bool?
    /// The hall's footer line (admin page), printed at the foot; `nil` or empty prints nothing.
    public var footer: String?
    /// The hall's logo (admin page), drawn where the template has a `logo` block.
    public var logo: PNGImage?
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

extension TicketContent {
    /// The placeholders a template may use, with what they stand for.
    public static let placeholderNames = Set([
        "centre", "field", "number", "priority", "time", "ahead", "wait", "promise", "url", "shortUrl", "thanks", "footer",
    ]).union(slipPlaceholderNames)

    /// Extra placeholders of the return-promise slip (assets/ticket/promise-slip.json), filled from `extra`.
    public static let slipPlaceholderNames: Set<String> = [
        "procedure", "procedureCode", "receivedAt", "promisedAt", "explanation", "dossier", "counter",
    ]

    /// Values for the template's `{name}` placeholders (absent optional parts are empty).
    var placeholderValues: [String: String] {
        [
            "centre": centreName,
            "field": fieldName,
            "number": number,
            "priority": priorityLabel ?? "",
            "time": issuedAt,
            "ahead": String(peopleAhead),
            "wait": String(estimatedWaitMinutes),
            "promise": promiseLine ?? "",
            "url": statusURL,
            "shortUrl": Self.shortened(statusURL),
            "thanks": thankYouLine,
            "footer": footer ?? "",
        ].merging(extra) { _, extra in extra }
    }

    /// The URL as a person would type it: without the scheme, "www." or a trailing slash.
    static func shortened(_ url: String) -> String {
        var short = Substring(url)
        for prefix in ["https://", "http://"] where short.lowercased().hasPrefix(prefix) {
            short = short.dropFirst(prefix.count)
        }
        if short.lowercased().hasPrefix("www.") { short = short.dropFirst(4) }
        while short.hasSuffix("/") { short = short.dropLast() }
        return String(short)
    }

    /// `text` with every `{name}` replaced by its value; unknown names are left as written.
    func substitute(_ text: String) -> String {
        let values = placeholderValues
        var result = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else {
                result += rest[open...]
                return result
            }
            let name = String(rest[rest.index(after: open)..<close])
            result += values[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The placeholder names written in `text`.
    static func placeholders(in text: String) -> [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
