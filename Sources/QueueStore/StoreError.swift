/// Why the store refused to open or act, with the fix in the message.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case corruptDatabase = "corrupt_database"
        case newerSchema = "newer_schema"
        case cannotOpen = "cannot_open"
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
