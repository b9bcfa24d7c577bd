public import Foundation

/// A PCM WAV sound: its sample format and raw sample bytes. Parses what espeak-ng (and most tools) write,
/// walking the RIFF chunks instead of assuming a 44-byte header, and writes the canonical 44-byte form with
/// correct sizes — so clips can be joined byte for byte.
public struct VoiceWAV: Sendable, Equatable {
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
