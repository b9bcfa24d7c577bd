public import Foundation

/// Reading and writing the RIFF container.
extension VoiceWAV {
    /// Parses a RIFF/WAVE file with a PCM `fmt ` chunk (format tag 1) and a `data` chunk; other chunks
    /// (`LIST`, `fact`…) are skipped. A `data` size larger than the file (a WAV streamed to a pipe, with
    /// 0xFFFFFFFF as size) is clamped to the bytes present, and a trailing partial frame is dropped.
    public init(parsing bytes: Data) throws {
        let bytes = Data(bytes)  // index from 0 even when given a slice
        guard bytes.count >= 12, bytes.prefix(4) == Data("RIFF".utf8), bytes[8..<12] == Data("WAVE".utf8) else {
            throw VoiceError.invalidWAV("thiếu đầu RIFF/WAVE / missing RIFF/WAVE header")
        }
        var format: Format?
        var offset = 12
        while offset + 8 <= bytes.count {
            let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let declared = Int(Self.uint32(bytes, offset + 4))
            let start = offset + 8
            let size = min(declared, bytes.count - start)
            switch id {
            case "fmt ":
                guard size >= 16 else { throw VoiceError.invalidWAV("chunk fmt quá ngắn / fmt chunk too short") }
                let tag = Self.uint16(bytes, start)
                guard tag == 1 else { throw VoiceError.invalidWAV("không phải PCM (mã \(tag)) / not PCM (tag \(tag))") }
                let parsed = Format(
                    channels: Int(Self.uint16(bytes, start + 2)), sampleRate: Int(Self.uint32(bytes, start + 4)),
                    bitsPerSample: Int(Self.uint16(bytes, start + 14)))
                guard parsed.channels > 0, parsed.sampleRate > 0, [8, 16, 24, 32].contains(parsed.bitsPerSample) else {
                    throw VoiceError.invalidWAV("định dạng lạ \(parsed) / unsupported format \(parsed)")
                }
                format = parsed
            case "data":
                guard let format else { throw VoiceError.invalidWAV("chunk data trước fmt / data chunk before fmt") }
                let whole = size - size % format.blockAlign
                self.init(format: format, samples: bytes.subdata(in: start..<start + whole))
                return
            default:
                break
            }
            offset = start + size + (size % 2)  // chunks are padded to an even length
        }
        throw VoiceError.invalidWAV("thiếu chunk fmt hoặc data / missing fmt or data chunk")
    }

    /// The canonical 44-byte-header WAV file: RIFF size = 36 + data size, one `fmt ` (16) and one `data` chunk.
    public func encoded() -> Data {
        var out = Data(capacity: 44 + samples.count + 1)
        out.append(contentsOf: Array("RIFF".utf8))
        Self.append32(&out, UInt32(36 + samples.count + samples.count % 2))
        out.append(contentsOf: Array("WAVEfmt ".utf8))
        Self.append32(&out, 16)
        Self.append16(&out, 1)
        Self.append16(&out, UInt16(format.channels))
        Self.append32(&out, UInt32(format.sampleRate))
        Self.append32(&out, UInt32(format.byteRate))
        Self.append16(&out, UInt16(format.blockAlign))
        Self.append16(&out, UInt16(format.bitsPerSample))
        out.append(contentsOf: Array("data".utf8))
        Self.append32(&out, UInt32(samples.count))
        out.append(samples)
        if samples.count % 2 == 1 { out.append(0) }
        return out
    }

    static func uint16(_ bytes: Data, _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    static func uint32(_ bytes: Data, _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    static func append16(_ out: inout Data, _ value: UInt16) {
        out.append(contentsOf: [UInt8(value & 0xFF), UInt8(value >> 8)])
    }

    static func append32(_ out: inout Data, _ value: UInt32) {
        out.append(contentsOf: (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) })
    }
}
