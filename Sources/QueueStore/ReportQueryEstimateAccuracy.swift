/// How well the wait printed on each ticket matched the wait that followed, over a report's period.
///
/// Error = estimate − actual wait (first call − issue), in seconds: `biasSeconds` is its mean (positive: tickets
/// promised more waiting than happened), `meanAbsoluteErrorSeconds` the mean of its size. Only tickets that were
/// called and carry an estimate count (tickets issued before estimates were stored have none).
public struct ReportEstimateAccuracy: Codable, Sendable, Equatable {
    /// One field and hour: the printed estimate against the real wait.
    public struct Row: Codable, Sendable, Equatable {
        public var key: String
        public var tickets: Int
        public var meanAbsoluteErrorSeconds: Double?
        public var biasSeconds: Double?

        public init(key: String, tickets: Int, meanAbsoluteErrorSeconds: Double?, biasSeconds: Double?) {
            self.key = key
            self.tickets = tickets
            self.meanAbsoluteErrorSeconds = meanAbsoluteErrorSeconds
            self.biasSeconds = biasSeconds
        }

        private enum CodingKeys: String, CodingKey {
            case key, tickets, meanAbsoluteErrorSeconds, biasSeconds
        }

        /// Writes `null` for empty rows rather than dropping the key, like `ReportFigures`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(tickets, forKey: .tickets)
            try container.encode(meanAbsoluteErrorSeconds, forKey: .meanAbsoluteErrorSeconds)
            try container.encode(biasSeconds, forKey: .biasSeconds)
        }
    }

    public var total: Row
    /// Fields in the same order as the report's field rows; fields with no measured ticket are left out.
    public var byField: [Row]

    public init(total: Row, byField: [Row]) {
        self.total = total
        self.byField = byField
    }
}
