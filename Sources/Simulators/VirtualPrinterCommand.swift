/// One ESC/POS command as the virtual printer understands it, cut from the byte stream by `parse`.
enum VirtualPrinterCommand: Equatable {
    case initialize
    case align(Int)
    case feedLines(Int)
    case feedDots(Int)
    case lineSpacing(Int)
    case defaultLineSpacing
    case lineFeed
    case carriageReturn
    case character(UInt8)
    case cut(partial: Bool, feedDots: Int)
    case raster(mode: Int, bytesPerRow: Int, rows: Int, data: [UInt8])
    /// `GS ( k` with cn = 0x31 (QR): function and its parameters.
    case qr(function: UInt8, parameters: [UInt8])
    case statusRequest(UInt8)

    /// What a parse attempt found at the start of the pending bytes.
    enum Parsed: Equatable {
        case command(VirtualPrinterCommand, length: Int)
        /// The bytes so far are a valid prefix; `command` names it and `missing` is a lower bound.
        case needMore(command: String, missing: Int)
    }

    /// Cuts one command from `bytes[start...]`; `offset` is the stream position of `start`, for errors.
    static func parse(_ bytes: [UInt8], at start: Int, offset: Int) throws(VirtualPrinterError) -> Parsed {
        let available = bytes.count - start
        func byte(_ index: Int) -> UInt8 { bytes[start + index] }
        func need(_ count: Int, _ name: String) -> Parsed? {
            available < count ? .needMore(command: name, missing: count - available) : nil
        }
        let first = byte(0)
        switch first {
        case 0x0A: return .command(.lineFeed, length: 1)
        case 0x0D: return .command(.carriageReturn, length: 1)
        case 0x20...0x7E, 0x80...0xFF: return .command(.character(first), length: 1)
        case 0x1B:
            if let more = need(2, "ESC") { return more }
            return try parseEscape(byte(1), available: available, byte: byte, offset: offset)
        case 0x1D:
            if let more = need(2, "GS") { return more }
            return try parseGroupSeparator(bytes, at: start, offset: offset)
        case 0x10:
            if let more = need(3, "DLE EOT") { return more }
            guard byte(1) == 0x04 else { throw .unknownCommand(offset: offset, bytes: [first, byte(1)]) }
            guard (1...4).contains(byte(2)) else {
                throw .invalidParameter(offset: offset, command: "DLE EOT", value: Int(byte(2)))
            }
            return .command(.statusRequest(byte(2)), length: 3)
        default:
            throw .unknownCommand(offset: offset, bytes: [first])
        }
    }

    private static func parseEscape(
        _ second: UInt8, available: Int, byte: (Int) -> UInt8, offset: Int
    ) throws(VirtualPrinterError) -> Parsed {
        switch second {
        case 0x40: return .command(.initialize, length: 2)
        case 0x32: return .command(.defaultLineSpacing, length: 2)
        case 0x61, 0x64, 0x4A, 0x33:
            let names: [UInt8: String] = [0x61: "ESC a", 0x64: "ESC d", 0x4A: "ESC J", 0x33: "ESC 3"]
            let name = names[second] ?? "ESC"
            guard available >= 3 else { return .needMore(command: name, missing: 3 - available) }
            let n = Int(byte(2))
            switch second {
            case 0x61:
                guard [0, 1, 2, 48, 49, 50].contains(n) else {
                    throw .invalidParameter(offset: offset, command: name, value: n)
                }
                return .command(.align(n % 48), length: 3)
            case 0x64: return .command(.feedLines(n), length: 3)
            case 0x4A: return .command(.feedDots(n), length: 3)
            default: return .command(.lineSpacing(n), length: 3)
            }
        case 0x21, 0x45, 0x2D, 0x4D, 0x74, 0x2A:
            let names: [UInt8: String] = [
                0x21: "ESC ! (print mode)", 0x45: "ESC E (emphasis)", 0x2D: "ESC - (underline)", 0x4D: "ESC M (font)",
                0x74: "ESC t (code table)", 0x2A: "ESC * (column image)",
            ]
            throw .unsupportedCommand(offset: offset, name: names[second] ?? "ESC")
        default:
            throw .unknownCommand(offset: offset, bytes: [0x1B, second])
        }
    }
}

extension VirtualPrinterCommand {
    /// `GS V` (cut), `GS v 0` (raster) and `GS ( k` (QR).
    static func parseGroupSeparator(_ bytes: [UInt8], at start: Int, offset: Int) throws(VirtualPrinterError) -> Parsed {
        let available = bytes.count - start
        func byte(_ index: Int) -> Int { Int(bytes[start + index]) }
        switch byte(1) {
        case 0x56:
            guard available >= 3 else { return .needMore(command: "GS V", missing: 3 - available) }
            switch byte(2) {
            case 0, 48: return .command(.cut(partial: false, feedDots: 0), length: 3)
            case 1, 49: return .command(.cut(partial: true, feedDots: 0), length: 3)
            case 65, 66:
                guard available >= 4 else { return .needMore(command: "GS V \(byte(2))", missing: 4 - available) }
                return .command(.cut(partial: byte(2) == 66, feedDots: byte(3)), length: 4)
            default: throw .invalidParameter(offset: offset, command: "GS V", value: byte(2))
            }
        case 0x76:
            guard available >= 8 else { return .needMore(command: "GS v 0", missing: 8 - available) }
            guard byte(2) == 0x30 else { throw .unknownCommand(offset: offset, bytes: [0x1D, 0x76, UInt8(byte(2))]) }
            let mode = byte(3)
            guard [0, 1, 2, 3, 48, 49, 50, 51].contains(mode) else {
                throw .invalidParameter(offset: offset, command: "GS v 0 mode", value: mode)
            }
            let bytesPerRow = byte(4) | byte(5) << 8
            let rows = byte(6) | byte(7) << 8
            let length = 8 + bytesPerRow * rows
            guard available >= length else { return .needMore(command: "GS v 0", missing: length - available) }
            let data = Array(bytes[(start + 8)..<(start + length)])
            return .command(.raster(mode: mode % 48, bytesPerRow: bytesPerRow, rows: rows, data: data), length: length)
        case 0x28:
            guard available >= 5 else { return .needMore(command: "GS (", missing: 5 - available) }
            guard byte(2) == 0x6B else {
                throw .unsupportedCommand(offset: offset, name: "GS ( \(VirtualPrinterError.hex([UInt8(byte(2))]))")
            }
            let count = byte(3) | byte(4) << 8
            guard count >= 2 else { throw .invalidParameter(offset: offset, command: "GS ( k pL pH", value: count) }
            let length = 5 + count
            guard available >= length else { return .needMore(command: "GS ( k", missing: length - available) }
            guard byte(5) == 0x31 else {
                throw .unsupportedCommand(offset: offset, name: "GS ( k cn=\(byte(5)) (only QR, cn=49, is modelled)")
            }
            let parameters = Array(bytes[(start + 7)..<(start + length)])
            return .command(.qr(function: UInt8(byte(6)), parameters: parameters), length: length)
        case 0x21, 0x42:
            throw .unsupportedCommand(
                offset: offset, name: byte(1) == 0x21 ? "GS ! (character size)" : "GS B (reverse)")
        default:
            throw .unknownCommand(offset: offset, bytes: [0x1D, UInt8(byte(1))])
        }
    }
}
