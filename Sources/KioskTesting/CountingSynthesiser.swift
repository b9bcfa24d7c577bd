public import Foundation
public import Hall
public import QueueCore

/// A synthesiser that writes a fixed tone per phrase (length from the phrase) and records each call.
public final class CountingSynthesiser: VoiceSynthesiser, @unchecked Sendable {
    let lock = NSLock()
    public var calls: [String] = []
    public let identity = "counting-test"

    public init() {}
    public var count: Int { lock.withLock { calls.count } }

    /// 10 ms of sound per character, preceded by 50 ms and followed by 400 ms of silence, like espeak-ng.
    public static func frames(_ text: String) -> Int { text.count * 220 }

    public func synthesise(_ text: String, language: CallAnnouncement.Language, to file: URL) async throws {
        lock.withLock { calls.append("\(language.rawValue):\(text)") }
        let format = VoiceWAV.Format(channels: 1, sampleRate: 22050, bitsPerSample: 16)
        var samples = Data(count: 1102 * 2)
        samples.append(Data((0..<Self.frames(text)).flatMap { _ in [UInt8(0x10), UInt8(0x27)] }))  // 10000
        samples.append(Data(count: 8820 * 2))
        try VoiceWAV(format: format, samples: samples).encoded().write(to: file)
    }
}

/// A fresh voice directory under the temporary folder.
public func temporaryVoiceDirectory() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("khongcho-voice-\(UUID().uuidString)")
}
