/// Encoded for report headers as `{kind, text, first, last, label, englishLabel}`; decoded from `text` alone
/// (re-parsed, so a hand-edited JSON cannot smuggle in an inconsistent range).
extension ReportPeriod: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind, text, first, last, label, englishLabel
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .text)
        do {
            try self.init(parsing: text)
        } catch let error as QueueError {
            throw DecodingError.dataCorruptedError(forKey: .text, in: container, debugDescription: error.englishMessage)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encode(first, forKey: .first)
        try container.encode(last, forKey: .last)
        try container.encode(label, forKey: .label)
        try container.encode(englishLabel, forKey: .englishLabel)
    }
}
