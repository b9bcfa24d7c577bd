extension TicketLayout {
    /// One part of the ticket, top to bottom. The fields a kind uses are listed with the kind.
    public struct Block: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            /// `text`: a paragraph.
            case text
            /// `thickness`, optional `dash` (dash length; solid without it): a horizontal line.
            case rule
            /// `lines`, `style`, `padding`: lines inside a box, e.g. the inverted priority mark.
            case box
            /// `label`, optional `sublabel` (the English line), `value`: label left, value right.
            case row
            /// `data`, `maxWidth` (fraction of the line), `maxScale` (dots per module): a QR code, centred.
            case qr
            /// `height`: blank paper.
            case space
        }

        /// Parts printed only when the ticket has them.
        public enum Condition: String, Codable, Sendable {
            case priority, promise
        }

        public enum BoxStyle: String, Codable, Sendable {
            /// White text on black: stands out on a ticket (the priority mark).
            case inverted
            /// Black frame around black text.
            case outline
        }

        public var kind: Kind
        public var when: Condition?
        public var spaceBefore: Int?
        public var spaceAfter: Int?
        public var text: Text?
        public var lines: [Text]?
        public var style: BoxStyle?
        public var padding: Int?
        public var label: Text?
        public var sublabel: Text?
        public var value: Text?
        public var thickness: Int?
        public var dash: Int?
        public var data: String?
        public var maxWidth: Double?
        public var maxScale: Int?
        public var height: Int?

        public init(kind: Kind) {
            self.kind = kind
        }

        /// All texts of this block, for checking placeholders.
        var texts: [Text] {
            [text, label, sublabel, value].compactMap { $0 } + (lines ?? [])
        }
    }
}
