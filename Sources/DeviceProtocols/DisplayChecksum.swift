/// The check values LED boards append to a frame (devices.md 4). Each is computed over the frame sections the
/// profile names; 16-bit kinds are written in the profile's byte order.
public enum DisplayChecksum: String, Sendable, Equatable, CaseIterable {
    case none
    /// XOR of the bytes.
    case xor
    /// Sum of the bytes, modulo 256.
    case sum8
    /// Ones' complement of `sum8` (the "complemented 8-bit sum" some boards use).
    case sum8Complement = "sum8-complement"
    /// CRC-16/MODBUS: poly 0x8005 reflected (0xA001), init 0xFFFF, no final XOR; check("123456789") = 0x4B37.
    /// Modbus RTU sends it low byte first.
    case crc16Modbus = "crc16-modbus"
    /// CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, not reflected, no final XOR; check("123456789") = 0x29B1.
    case crc16CCITT = "crc16-ccitt"

    /// 0, 1 or 2 bytes on the wire.
    public var width: Int {
        switch self {
        case .none: 0
        case .xor, .sum8, .sum8Complement: 1
        case .crc16Modbus, .crc16CCITT: 2
        }
    }

    /// The check value (8-bit kinds in the low byte; 0 for `.none`).
    public func value(of bytes: some Sequence<UInt8>) -> UInt16 {
        switch self {
        case .none: 0
        case .xor: UInt16(bytes.reduce(0, ^))
        case .sum8: UInt16(bytes.reduce(UInt8(0), &+))
        case .sum8Complement: UInt16(~bytes.reduce(UInt8(0), &+))
        case .crc16Modbus: Self.crc16Modbus(bytes)
        case .crc16CCITT: Self.crc16CCITT(bytes)
        }
    }

    static func crc16Modbus(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xA001 : crc >> 1 }
        }
        return crc
    }

    static func crc16CCITT(_ bytes: some Sequence<UInt8>) -> UInt16 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc ^= UInt16(byte) << 8
            for _ in 0..<8 { crc = crc & 0x8000 != 0 ? (crc << 1) ^ 0x1021 : crc << 1 }
        }
        return crc
    }
}
