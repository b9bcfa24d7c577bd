extension TicketLayout {
    /// Blank dots around the ticket (at the reference width).
    public struct Margins: Codable, Sendable, Equatable {
        public var top: Int
        public var side: Int
        public var bottom: Int

        public init(top: Int, side: Int, bottom: Int) {
            self.top = top
            self.side = side
            self.bottom = bottom
        }
    }
}
