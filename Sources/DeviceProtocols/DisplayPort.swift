public import Foundation

/// Where a counter display's bytes go: one raw write per frame.
public protocol DisplayPort: Sendable {
    /// `simulated`, or the tty path.
    var name: String { get }
    var simulated: Bool { get }
    func write(_ bytes: [UInt8]) async throws
}
