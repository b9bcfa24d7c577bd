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
