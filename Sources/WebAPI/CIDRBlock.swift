/// A block of addresses, `10.0.0.0/8` or `fd00::/8` (a bare address is the block of that one address).
/// Host bits set after the prefix (`10.0.0.1/8`) are refused: the intent is ambiguous where trust is at stake.
public struct CIDRBlock: Sendable, Hashable, CustomStringConvertible {
    public let network: IPAddress
    public let prefixLength: Int

    /// The default trusted proxies: loopback, `127.0.0.0/8` and `::1`.
    public static let loopback: [CIDRBlock] = [
        CIDRBlock(network: IPAddress(bytes: [127, 0, 0, 0]), prefixLength: 8),
        CIDRBlock(network: IPAddress(bytes: Array(repeating: 0, count: 15) + [1]), prefixLength: 128),
    ]

    init(network: IPAddress, prefixLength: Int) {
        self.network = network
        self.prefixLength = prefixLength
    }

    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let address = IPAddress(parts[0]) else { return nil }
        let width = address.bytes.count * 8
        var length = width
        if parts.count == 2 {
            guard (1...3).contains(parts[1].count), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(parts[1]),
                value <= width
            else { return nil }
            length = value
        }
        guard Self.masked(address.bytes, length) == address.bytes else { return nil }
        network = address
        prefixLength = length
    }

    /// Whether `address` is in the block; an IPv4-mapped IPv6 address counts as its IPv4 address.
    public func contains(_ address: IPAddress) -> Bool {
        let address = network.isIPv4 ? address.unmapped : address
        guard address.bytes.count == network.bytes.count else { return false }
        return Self.masked(address.bytes, prefixLength) == network.bytes
    }

    public var description: String { "\(network)/\(prefixLength)" }

    static func masked(_ bytes: [UInt8], _ length: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let bits = max(0, min(8, length - index * 8))
            return bits == 0 ? 0 : byte & UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
        }
    }
}
