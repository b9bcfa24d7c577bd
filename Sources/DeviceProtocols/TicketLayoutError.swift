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
