import Foundation
import Hall
import Testing

@Suite("Voice WAV files")
struct VoiceWAVTests {
    static let mono16 = VoiceWAV.Format(channels: 1, sampleRate: 22050, bitsPerSample: 16)

    static func uint32(_ data: Data, _ offset: Int) -> Int {
        (0..<4).reduce(0) { $0 | Int(data[offset + $1]) << (8 * $1) }
    }

    /// A clip of `frames` frames filled with one sample value, like a short synthesised word.
    static func clip(frames: Int, value: Int16 = 1000, format: VoiceWAV.Format = mono16) -> VoiceWAV {
        let bytes = (0..<frames * format.channels).flatMap { _ in
            [UInt8(truncatingIfNeeded: value), UInt8(truncatingIfNeeded: value >> 8)]
        }
        return VoiceWAV(format: format, samples: Data(bytes))
    }

    @Test func canonicalHeaderIsByteExact() {
        let wav = VoiceWAV(format: Self.mono16, samples: Data([0x01, 0x02, 0x03, 0x04])).encoded()
        #expect(
            Array(wav) == [
                0x52, 0x49, 0x46, 0x46, 40, 0, 0, 0, 0x57, 0x41, 0x56, 0x45,  // RIFF, 36 + 4, WAVE
                0x66, 0x6D, 0x74, 0x20, 16, 0, 0, 0, 1, 0, 1, 0,  // "fmt ", 16, PCM, mono
                0x22, 0x56, 0, 0, 0x44, 0xAC, 0, 0, 2, 0, 16, 0,  // 22050 Hz, 44100 B/s, align 2, 16 bit
                0x64, 0x61, 0x74, 0x61, 4, 0, 0, 0, 0x01, 0x02, 0x03, 0x04,  // data, 4
            ])
    }

    /// Joined data = clip 1 + gap + clip 2 + gap + clip 3, byte for byte; the header sizes match.
    @Test func concatenationSizesAndBytes() throws {
        let clips = [Self.clip(frames: 100, value: 1000), Self.clip(frames: 37, value: -5), Self.clip(frames: 1, value: 7)]
        let joined = try VoiceWAV.concatenate(clips, gapMilliseconds: 100)
        let gapBytes = 2205 * 2  // 100 ms at 22050 Hz, 2 bytes a frame
        #expect(joined.samples.count == (100 + 37 + 1) * 2 + 2 * gapBytes)
        var expected = clips[0].samples
        expected.append(Data(count: gapBytes))
        expected.append(clips[1].samples)
        expected.append(Data(count: gapBytes))
        expected.append(clips[2].samples)
        #expect(joined.samples == expected)
        let file = joined.encoded()
        #expect(file.count == 44 + expected.count)
        #expect(Self.uint32(file, 4) == file.count - 8)
        #expect(Self.uint32(file, 40) == expected.count)
        #expect(try VoiceWAV(parsing: file) == joined)
        #expect(abs(joined.duration - (138.0 / 22050 + 0.2)) < 1e-9)
    }

    @Test func eightBitSilenceIsMidScale() throws {
        let format = VoiceWAV.Format(channels: 2, sampleRate: 8000, bitsPerSample: 8)
        let silence = VoiceWAV.silence(milliseconds: 10, format: format)
        #expect(silence.samples == Data(repeating: 0x80, count: 160))
    }

    @Test func differentFormatsAreRefused() {
        let other = VoiceWAV.Format(channels: 1, sampleRate: 16000, bitsPerSample: 16)
        #expect(throws: VoiceError.self) {
            try VoiceWAV.concatenate([Self.clip(frames: 1), Self.clip(frames: 1, format: other)], gapMilliseconds: 0)
        }
        #expect(throws: VoiceError.self) { try VoiceWAV.concatenate([], gapMilliseconds: 0) }
    }

    /// Extra chunks are skipped, an odd chunk is padded, and a streamed data size (0xFFFFFFFF) is clamped.
    @Test func parsesRealWorldHeaders() throws {
        var file = Data("RIFF".utf8) + Data([0xFF, 0xFF, 0xFF, 0xFF]) + Data("WAVE".utf8)
        file += Data("LIST".utf8) + Data([3, 0, 0, 0, 0x61, 0x62, 0x63, 0])  // odd size, one pad byte
        file += Data("fmt ".utf8) + Data([18, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1F, 0, 0, 0x80, 0x3E, 0, 0, 2, 0, 16, 0, 0, 0])
        file += Data("data".utf8) + Data([0xFF, 0xFF, 0xFF, 0xFF]) + Data([1, 2, 3, 4, 5])
        let wav = try VoiceWAV(parsing: file)
        #expect(wav.format == VoiceWAV.Format(channels: 1, sampleRate: 8000, bitsPerSample: 16))
        #expect(wav.samples == Data([1, 2, 3, 4]))  // the half frame at the end is dropped
    }

    @Test(arguments: [
        Data(), Data("RIFX0000WAVE".utf8), Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEdata\u{4}\u{0}\u{0}\u{0}abcd".utf8),
        Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEfmt \u{10}\u{0}\u{0}\u{0}".utf8) + Data([3, 0, 1, 0]) + Data(count: 12),
    ])
    func refusesBrokenFiles(data: Data) {
        #expect(throws: VoiceError.self) { try VoiceWAV(parsing: data) }
    }

    @Test func trimKeepsTheSoundAndAMargin() {
        var samples = Data(count: 1000 * 2)  // 1000 silent frames
        samples.append(Self.clip(frames: 500, value: 8000).samples)
        samples.append(Data(count: 3000 * 2))
        let trimmed = VoiceWAV(format: Self.mono16, samples: samples).trimmingSilence(marginMilliseconds: 20)
        #expect(trimmed.samples.count == (441 + 500 + 441) * 2)  // 20 ms = 441 frames each side
        let silent = VoiceWAV(format: Self.mono16, samples: Data(count: 200))
        #expect(silent.trimmingSilence() == silent)
    }
}
