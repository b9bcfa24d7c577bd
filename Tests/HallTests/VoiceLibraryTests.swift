import Foundation
import Hall
import KioskTesting
import QueueCore
import Testing

@Suite("Voice library")
struct VoiceLibraryTests {
    @Test func callIsClipsAndGapsAndCacheHitsDoNotSynthesiseAgain() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let synthesiser = CountingSynthesiser()
        let library = VoiceLibrary(directory: directory, synthesiser: synthesiser, gapMilliseconds: 100)
        let call = try CallAnnouncement(label: "A012", counter: 3)
        let audio = try await library.audio(for: call)
        #expect(synthesiser.calls == ["vi:mời công dân có số", "vi:a", "vi:mười hai", "vi:đến quầy số", "vi:ba"])
        // Each clip is trimmed to its sound plus 20 ms (441 frames) each side; 4 gaps of 2205 frames.
        let clipFrames = call.spokenPhrases.reduce(0) { $0 + CountingSynthesiser.frames($1) + 2 * 441 }
        #expect(audio.samples.count == (clipFrames + 4 * 2205) * 2)

        _ = try await library.wav(for: call)
        _ = try await library.wav(for: CallAnnouncement(label: "C003", counter: 12, recall: true))
        // Only the new phrases were made: "xin mời lần nữa", "công dân có số", "xê" ("ba" and "mười hai" are cached).
        #expect(synthesiser.count == 8)

        // A new library on the same directory reads the clips back from disk instead of synthesising.
        let again = VoiceLibrary(directory: directory, synthesiser: synthesiser, gapMilliseconds: 100)
        #expect(try await again.audio(for: call) == audio)
        #expect(synthesiser.count == 8)
    }

    @Test func cacheFilesAreHashNamesNotText() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = VoiceLibrary(directory: directory, synthesiser: CountingSynthesiser())
        _ = try await library.clip("../../etc/passwd đến quầy", language: .vietnamese)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(name.wholeMatch(of: /vi-[0-9a-f]{32}\.wav/) != nil, "\(name)")
        #expect(
            name == VoiceLibrary.cacheKey(
                "../../etc/passwd đến quầy", language: .vietnamese,
                synthesiser: "counting-test") + ".wav")
        #expect(
            VoiceLibrary.cacheKey("ba", language: .vietnamese, synthesiser: "a")
                != VoiceLibrary.cacheKey("ba", language: .vietnamese, synthesiser: "b"))
    }

    @Test func concurrentCallsShareOneSynthesis() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let synthesiser = CountingSynthesiser()
        let library = VoiceLibrary(directory: directory, synthesiser: synthesiser)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 { group.addTask { _ = try await library.clip("mười hai", language: .vietnamese) } }
            try await group.waitForAll()
        }
        #expect(synthesiser.count == 1)
    }

    @Test func warmUpMakesTheFixedVocabularyOnce() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let synthesiser = CountingSynthesiser()
        let library = VoiceLibrary(directory: directory, synthesiser: synthesiser)
        #expect(await library.readiness == .notStarted)
        #expect(try await library.warmUp() == 130 + 129)
        #expect(await library.readiness == .ready(clips: 259))
        #expect(synthesiser.count == 130 + 129)
        _ = try await library.audio(for: CallAnnouncement(label: "B042", counter: 7, language: .english))
        #expect(synthesiser.count == 130 + 129)
    }

    @Test func missingEspeakIsAClearError() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = VoiceLibrary(directory: directory, synthesiser: EspeakSynthesiser(executable: nil))
        await #expect(throws: VoiceError.synthesiserMissing) {
            try await library.wav(for: CallAnnouncement(label: "A012", counter: 3))
        }
        #expect(VoiceError.synthesiserMissing.message.contains("apt-get install espeak-ng"))
        #expect(VoiceError.synthesiserMissing.englishMessage.contains("apt-get install espeak-ng"))
    }

    @Test func failingSynthesiserIsReported() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = VoiceLibrary(
            directory: directory,
            synthesiser: EspeakSynthesiser(executable: URL(fileURLWithPath: "/bin/false")))
        do {
            _ = try await library.clip("ba", language: .vietnamese)
            Issue.record("expected an error")
        } catch let error as VoiceError {
            #expect(error.code == .synthesisFailed)
            #expect(error.englishMessage.contains("exit status 1"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)  // no half clip left
    }

    /// Real espeak-ng: a call is a mono 16-bit WAV of a plausible length with real sound in it.
    @Test(.enabled(if: EspeakSynthesiser.locate() != nil, "needs espeak-ng (apt-get install espeak-ng)"))
    func espeakSpeaksACall() async throws {
        let directory = temporaryVoiceDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let library = VoiceLibrary(directory: directory)
        let file = try await library.wav(for: CallAnnouncement(label: "A012", counter: 3))
        // To listen: KHONGCHO_VOICE_SAMPLES=/tmp swift test --filter espeakSpeaksACall, then play /tmp/call-vi.wav.
        if let samples = ProcessInfo.processInfo.environment["KHONGCHO_VOICE_SAMPLES"] {
            let folder = URL(fileURLWithPath: samples)
            try file.write(to: folder.appendingPathComponent("call-vi.wav"))
            try await library.wav(for: CallAnnouncement(label: "B105", counter: 12, language: .english, recall: true))
                .write(to: folder.appendingPathComponent("recall-en.wav"))
        }
        let audio = try VoiceWAV(parsing: file)
        #expect(audio.format.channels == 1 && audio.format.bitsPerSample == 16)
        #expect(VoiceWAVTests.uint32(file, 40) == file.count - 44)
        // Duration from the header: data size ÷ byte rate.
        let duration = Double(VoiceWAVTests.uint32(file, 40)) / Double(VoiceWAVTests.uint32(file, 28))
        #expect(duration > 1.5 && duration < 6, "\(duration) s")
        let peak = stride(from: 0, to: audio.samples.count - 1, by: 2).reduce(0) { peak, index in
            max(peak, abs(Int(Int16(bitPattern: UInt16(audio.samples[index]) | UInt16(audio.samples[index + 1]) << 8))))
        }
        #expect(peak > 3000, "peak \(peak)")
        let english = try await library.audio(for: CallAnnouncement(label: "A012", counter: 3, language: .english))
        #expect(english.duration > 1 && english.duration < 6, "\(english.duration) s")
    }
}
