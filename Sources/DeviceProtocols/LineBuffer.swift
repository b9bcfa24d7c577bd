import NIOConcurrencyHelpers

/// The modem's replies as they arrive: complete lines (CR/LF separated, empty ones skipped) and the `> ` prompt,
/// which ends no line.
final class LineBuffer: Sendable {
    private let bytes = NIOLockedValueBox<[UInt8]>([])

    func append(_ more: [UInt8]) { bytes.withLockedValue { $0 += more } }

    func takeLine() -> String? {
        bytes.withLockedValue { buffer in
            while let end = buffer.firstIndex(where: { $0 == 0x0D || $0 == 0x0A }) {
                let line = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeSubrange(...end)
                if !line.isEmpty { return line }
            }
            return nil
        }
    }

    /// Consumes a `> ` prompt at the head of the buffer (after any line breaks).
    func takePrompt() -> Bool {
        bytes.withLockedValue { buffer in
            let start = buffer.firstIndex { $0 != 0x0D && $0 != 0x0A } ?? buffer.endIndex
            guard buffer[start...].starts(with: [0x3E, 0x20]) else { return false }
            buffer.removeSubrange(..<(start + 2))
            return true
        }
    }
}
