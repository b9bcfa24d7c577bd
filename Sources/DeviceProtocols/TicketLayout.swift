public import Foundation

/// The ticket template (assets/ticket/template.json): which parts a ticket has, in which order, how big and
/// how far apart. Sizes are in dots for `referenceWidth` (80 mm paper); narrower paper scales them down, but
/// body text never below `minTextSize`, so 58 mm tickets stay readable instead of merely shrinking.
public struct TicketLayout: Codable, Sendable, Equatable {
    /// Paper width in dots the sizes are written for (576 = 80 mm).
    public var referenceWidth: Int
    /// Smallest text size after scaling, in dots (a text written smaller keeps its own size).
    public var minTextSize: Int
    public var margins: Margins
    public var blocks: [Block]

    public init(referenceWidth: Int, minTextSize: Int, margins: Margins, blocks: [Block]) {
        self.referenceWidth = referenceWidth
        self.minTextSize = minTextSize
        self.margins = margins
        self.blocks = blocks
    }

    /// Reads and checks a template file.
    public static func load(from url: URL) throws(TicketLayoutError) -> TicketLayout {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try decode(data, path: url.path)
    }

    /// Decodes and checks template JSON; `path` only names the source in errors.
    public static func decode(_ data: Data, path: String = "template") throws(TicketLayoutError) -> TicketLayout {
        let layout: TicketLayout
        do {
            layout = try JSONDecoder().decode(TicketLayout.self, from: data)
        } catch let error as DecodingError {
            throw .invalidJSON(path: path, reason: Self.describe(error))
        } catch {
            throw .invalidJSON(path: path, reason: "\(error)")
        }
        try layout.validate(path: path)
        return layout
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            "missing \"\(key.stringValue)\" at \(Self.where(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "\(context.debugDescription) at \(Self.where(context))"
        @unknown default:
            "\(error)"
        }
    }

    private static func `where`(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top level" : path
    }
}

extension TicketLayout {
    /// One part of the ticket, top to bottom. The fields a kind uses are listed with the kind.
    public struct Block: Codable, Sendable, Equatable {
        /// What a layout block draws.
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
            /// `maxWidth` (fraction of the line), `height` (most dots tall): the hall's logo, centred, when it has one.
            case logo
        }

        /// Parts printed only when the ticket has them.
        public enum Condition: String, Codable, Sendable {
            case priority, promise, training
            /// The content has a status link (a promise slip of a ticket with its phone page).
            case statusLink = "status-link"
        }

        /// How a boxed block is framed.
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

extension TicketLayout {
    /// One piece of text in the template: what it says (with `{placeholders}`) and how it is set.
    public struct Text: Codable, Sendable, Equatable {
        /// Where a line of text sits across the paper.
        public enum Alignment: String, Codable, Sendable {
            case left, center, right
        }

        /// What to do when a line is wider than the paper.
        public enum Fit: String, Codable, Sendable {
            /// Break into lines, shrinking towards `minSize` while it needs more than `maxLines`.
            case wrap
            /// Stay on one line, shrinking towards `minSize`; wraps only if even that is too wide.
            case shrink
        }

        public var text: String
        /// Em height in dots at the reference width.
        public var size: Int
        /// Smallest size when shrinking or scaling for narrow paper; default: the template's `minTextSize`.
        public var minSize: Int?
        public var weight: TextRasterizer.Weight?
        public var align: Alignment?
        public var fit: Fit?
        public var maxLines: Int?
        /// Horizontal scale of the glyphs (0.85 condenses the big number so it can be taller).
        public var widthScale: Double?
        /// Extra dots between wrapped lines.
        public var lineGap: Int?
        /// Take only the inked height, not the font's full line height: the big number has no descenders,
        /// and the empty band under it would waste paper.
        public var trim: Bool?

        public init(
            text: String, size: Int, minSize: Int? = nil, weight: TextRasterizer.Weight? = nil, align: Alignment? = nil,
            fit: Fit? = nil, maxLines: Int? = nil, widthScale: Double? = nil, lineGap: Int? = nil, trim: Bool? = nil
        ) {
            self.text = text
            self.size = size
            self.minSize = minSize
            self.weight = weight
            self.align = align
            self.fit = fit
            self.maxLines = maxLines
            self.widthScale = widthScale
            self.lineGap = lineGap
            self.trim = trim
        }
    }
}

extension TicketLayout {
    /// Checks what JSON decoding cannot: each block has the fields its kind needs, sizes are sane and every
    /// placeholder exists. Done at load time so a bad template fails at start-up, not on a citizen's ticket.
    func validate(path: String) throws(TicketLayoutError) {
        guard (200...4000).contains(referenceWidth) else {
            throw .invalidLayout(path: path, reason: "referenceWidth \(referenceWidth) must be 200...4000 dots")
        }
        guard (6...200).contains(minTextSize) else {
            throw .invalidLayout(path: path, reason: "minTextSize \(minTextSize) must be 6...200 dots")
        }
        guard margins.top >= 0, margins.bottom >= 0, margins.side >= 0, margins.side * 2 < referenceWidth / 2 else {
            throw .invalidLayout(path: path, reason: "margins must be non-negative and leave at least half the width")
        }
        guard !blocks.isEmpty else { throw .invalidLayout(path: path, reason: "no blocks") }
        for (index, block) in blocks.enumerated() {
            if let reason = block.problem {
                throw .invalidBlock(path: path, index: index, reason: "\(block.kind.rawValue): \(reason)")
            }
            if let name = Self.unknownPlaceholder(in: block) {
                throw .unknownPlaceholder(path: path, index: index, name: name)
            }
        }
    }

    private static func unknownPlaceholder(in block: Block) -> String? {
        let written = block.texts.map(\.text) + [block.data].compactMap { $0 }
        return written.flatMap(TicketContent.placeholders(in:)).first { !TicketContent.placeholderNames.contains($0) }
    }
}

extension TicketLayout.Block {
    /// What is wrong with this block, or `nil`.
    var problem: String? {
        if let spaceBefore, spaceBefore < 0 { return "spaceBefore must not be negative" }
        if let spaceAfter, spaceAfter < 0 { return "spaceAfter must not be negative" }
        if let bad = texts.lazy.compactMap(\.problem).first { return bad }
        switch kind {
        case .text: return text == nil ? "needs \"text\"" : nil
        case .rule: return (thickness ?? 1) < 1 || (dash ?? 1) < 1 ? "thickness and dash must be at least 1" : nil
        case .box: return (lines ?? []).isEmpty ? "needs \"lines\"" : ((padding ?? 0) < 0 ? "padding must not be negative" : nil)
        case .row: return label == nil || value == nil ? "needs \"label\" and \"value\"" : nil
        case .qr: return qrProblem
        case .space: return (height ?? -1) < 0 ? "needs a non-negative \"height\"" : nil
        case .logo:
            if let maxWidth, !(maxWidth > 0 && maxWidth <= 1) { return "maxWidth is a fraction of the line, 0...1" }
            return (height ?? 1) < 1 ? "height must be at least 1" : nil
        }
    }

    private var qrProblem: String? {
        if data == nil { return "needs \"data\" (e.g. \"{url}\")" }
        if let maxWidth, !(maxWidth > 0 && maxWidth <= 1) { return "maxWidth is a fraction of the line, 0...1" }
        if let maxScale, maxScale < 1 { return "maxScale must be at least 1" }
        return nil
    }
}

extension TicketLayout.Text {
    /// What is wrong with this text's settings, or `nil`.
    var problem: String? {
        if !(4...600).contains(size) { return "text size \(size) must be 4...600 dots" }
        if let minSize, !(4...600).contains(minSize) { return "minSize \(minSize) must be 4...600 dots" }
        if let maxLines, maxLines < 1 { return "maxLines must be at least 1" }
        if let widthScale, !(0.3...2).contains(widthScale) { return "widthScale must be 0.3...2" }
        if let lineGap, lineGap < 0 { return "lineGap must not be negative" }
        return nil
    }
}

/// Why a ticket template could not be used; each message names the file and the part to fix.
public enum TicketLayoutError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalidJSON(path: String, reason: String)
    case invalidBlock(path: String, index: Int, reason: String)
    case unknownPlaceholder(path: String, index: Int, name: String)
    case invalidLayout(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "Không đọc được mẫu phiếu — cannot read the ticket template \(path): \(reason). "
                + "Check the path (default assets/ticket/template.json)."
        case .invalidJSON(let path, let reason):
            "Mẫu phiếu sai định dạng — ticket template \(path) is not valid: \(reason)."
        case .invalidBlock(let path, let index, let reason):
            "Mẫu phiếu sai — ticket template \(path), block \(index): \(reason)."
        case .unknownPlaceholder(let path, let index, let name):
            "Mẫu phiếu sai — ticket template \(path), block \(index) uses {\(name)}; known placeholders: "
                + TicketContent.placeholderNames.sorted().map { "{\($0)}" }.joined(separator: ", ") + "."
        case .invalidLayout(let path, let reason):
            "Mẫu phiếu sai — ticket template \(path): \(reason)."
        }
    }
}
