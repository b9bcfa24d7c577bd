/// What a request's `Authorization` header holds, parsed strictly: the scheme `Bearer` (any case, RFC 7235),
/// exactly one space, and a token of the RFC 6750 characters (`A–Z a–z 0–9 - . _ ~ + /`, then `=` padding).
/// Anything else — two spaces, a tab, another scheme, a second header — is malformed, never trimmed into
/// shape, so a request is refused instead of half-understood.
public enum BearerCredential: Sendable, Equatable {
    case absent
    case malformed
    case token(String)

    public init(headers values: [String]) {
        guard let value = values.first else {
            self = .absent
            return
        }
        guard values.count == 1, value.utf8.count > 7, value.prefix(7).lowercased() == "bearer " else {
            self = .malformed
            return
        }
        self = Self.isToken(value.dropFirst(7)) ? .token(String(value.dropFirst(7))) : .malformed
    }

    /// A token alone (e.g. the `?token=` of a printable page), with the same characters as in the header.
    init(token: String) {
        self = Self.isToken(Substring(token)) ? .token(token) : .malformed
    }

    static func isToken(_ text: Substring) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...512).contains(bytes.count) else { return false }
        let body = bytes.prefix { $0 != UInt8(ascii: "=") }
        guard !body.isEmpty, bytes[body.count...].allSatisfy({ $0 == UInt8(ascii: "=") }) else { return false }
        return body.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
            case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"): true
            default: false
            }
        }
    }
}
