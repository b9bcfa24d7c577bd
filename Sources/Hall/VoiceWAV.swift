public import Foundation

/// A PCM WAV sound: its sample format and raw sample bytes. Parses what espeak-ng (and most tools) write,
/// walking the RIFF chunks instead of assuming a 44-byte header, and writes the canonical 44-byte form with
/// correct sizes — so clips can be joined byte for byte.
public struct VoiceWAV: Sendable, Equatable {
    /// The PCM format of a clip: channels, sample rate and bits per sample.
    public struct Format: Sendable, Equatable, CustomStringConvertible {
        public var channels: Int
        public var sampleRate: Int
        public var bitsPerSample: Int

        public init(channels: Int, sampleRate: Int, bitsPerSample: Int) {
            self.channels = channels
            self.sampleRate = sampleRate
            self.bitsPerSample = bitsPerSample
        }

        /// Bytes per sample frame (all channels).
        public var blockAlign: Int { channels * ((bitsPerSample + 7) / 8) }
        public var byteRate: Int { sampleRate * blockAlign }
        public var description: String { "\(sampleRate) Hz, \(channels) ch, \(bitsPerSample) bit" }
    }

    public var format: Format
    /// The `data` chunk: interleaved little-endian samples, a whole number of frames.
    public var samples: Data

    public init(format: Format, samples: Data) {
        self.format = format
        self.samples = samples
    }

    /// Seconds of sound, from the sample count and rate.
    public var duration: Double {
        format.byteRate == 0 ? 0 : Double(samples.count) / Double(format.byteRate)
    }

    /// `milliseconds` of silence in `format` (0 for signed 16/24/32-bit samples, 0x80 for unsigned 8-bit).
    public static func silence(milliseconds: Int, format: Format) -> VoiceWAV {
        let frames = (format.sampleRate * max(0, milliseconds) + 500) / 1000
        let value: UInt8 = format.bitsPerSample == 8 ? 0x80 : 0
        return VoiceWAV(format: format, samples: Data(repeating: value, count: frames * format.blockAlign))
    }

    /// The clips one after the other, `gapMilliseconds` of silence between two clips (none before the first
    /// or after the last). All clips must share one format.
    public static func concatenate(_ clips: [VoiceWAV], gapMilliseconds: Int) throws -> VoiceWAV {
        guard let format = clips.first?.format else {
            throw VoiceError.invalidWAV("không có đoạn nào / no clips to join")
        }
        if let other = clips.first(where: { $0.format != format }) {
            throw VoiceError.incompatibleClips("\(format) ≠ \(other.format)")
        }
        let gap = silence(milliseconds: gapMilliseconds, format: format).samples
        var samples = Data()
        samples.reserveCapacity(clips.reduce(0) { $0 + $1.samples.count } + gap.count * max(0, clips.count - 1))
        for (index, clip) in clips.enumerated() {
            if index > 0 { samples.append(gap) }
            samples.append(clip.samples)
        }
        return VoiceWAV(format: format, samples: samples)
    }
}

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

/// espeak-ng ends every clip with about 0.4 s of silence; joined as is, five clips would leave two seconds
/// of dead air in a call. Clips are trimmed once, when they enter the cache.
extension VoiceWAV {
    /// The sound without leading and trailing near-silence (every channel below `threshold` of full scale),
    /// keeping `marginMilliseconds` at each end so words are not clipped. An all-silent clip stays as is.
    public func trimmingSilence(threshold: Double = 0.01, marginMilliseconds: Int = 20) -> VoiceWAV {
        let frameBytes = format.blockAlign
        let frames = samples.count / frameBytes
        guard frames > 0, format.bitsPerSample == 16 else { return self }
        let limit = Int(threshold * 32768)
        let loud: (Int) -> Bool = { frame in
            let base = frame * frameBytes
            return (0..<format.channels).contains { channel in
                let low = UInt16(samples[samples.startIndex + base + 2 * channel])
                let high = UInt16(samples[samples.startIndex + base + 2 * channel + 1])
                return abs(Int(Int16(bitPattern: low | high << 8))) > limit
            }
        }
        guard let first = (0..<frames).first(where: loud), let last = (0..<frames).last(where: loud) else { return self }
        let margin = format.sampleRate * marginMilliseconds / 1000
        let start = max(0, first - margin)
        let end = min(frames, last + 1 + margin)
        let from = samples.startIndex + start * frameBytes
        return VoiceWAV(format: format, samples: samples.subdata(in: from..<from + (end - start) * frameBytes))
    }
}
