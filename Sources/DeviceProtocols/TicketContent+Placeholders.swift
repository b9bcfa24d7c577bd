extension TicketContent {
    /// The placeholders a template may use, with what they stand for.
    public static let placeholderNames = Set([
        "centre", "field", "number", "priority", "time", "ahead", "wait", "promise", "url", "shortUrl", "thanks",
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
