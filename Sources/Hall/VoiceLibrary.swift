import Crypto
public import Foundation
public import QueueCore

/// Builds the audio of a voice call from phrase clips synthesised once and kept under `directory`
/// (the server passes `var/voice/`). A clip is made on first use — or ahead of time by `warmUp()` — trimmed
/// of espeak-ng's trailing silence, written atomically, and reused for every later call; a call is its
/// clips joined with a short pause.
///
/// Clip files are named by a hash of (synthesiser, language, phrase), never by the phrase itself, so no
/// text can choose a path.
public actor VoiceLibrary {
    public nonisolated let directory: URL
    public nonisolated let synthesiser: any VoiceSynthesiser
    /// Pause between two clips of one call.
    public nonisolated let gapMilliseconds: Int
    /// Clips kept in memory (the first in, first out); the rest are read back from disk.
    let memoryLimit: Int
    var memory: [String: VoiceWAV] = [:]
    var memoryOrder: [String] = []
    /// Clips being made now, so two calls needing the same clip run espeak-ng once.
    var pending: [String: Task<VoiceWAV, any Error>] = [:]
    /// How far the start-up warm-up has got (`GET /api/v1/health` shows it).
    public private(set) var readiness = VoiceReadiness.notStarted

    public init(
        directory: URL, synthesiser: any VoiceSynthesiser = EspeakSynthesiser(), gapMilliseconds: Int = 120,
        memoryLimit: Int = 512
    ) {
        self.directory = directory
        self.synthesiser = synthesiser
        self.gapMilliseconds = gapMilliseconds
        self.memoryLimit = memoryLimit
    }

    /// The call as one WAV file (canonical 44-byte header).
    public func wav(for announcement: CallAnnouncement) async throws -> Data {
        try await audio(for: announcement).encoded()
    }

    /// The call's clips joined, `gapMilliseconds` apart.
    public func audio(for announcement: CallAnnouncement) async throws -> VoiceWAV {
        var clips: [VoiceWAV] = []
        for phrase in announcement.spokenPhrases {
            clips.append(try await clip(phrase, language: announcement.language))
        }
        return try VoiceWAV.concatenate(clips, gapMilliseconds: gapMilliseconds)
    }

    /// Makes every clip of the fixed vocabulary (phrases, letters, 0…99) that is not cached yet, one at a
    /// time, so the first calls of the day are not delayed. Returns how many clips are ready.
    @discardableResult
    public func warmUp(languages: [CallAnnouncement.Language] = CallAnnouncement.Language.allCases) async throws -> Int {
        let phrases = languages.flatMap { language in CallAnnouncement.fixedVocabulary(language).map { (language, $0) } }
        readiness = .warming(done: 0, total: phrases.count)
        do {
            for (index, (language, phrase)) in phrases.enumerated() {
                _ = try await clip(phrase, language: language, keep: false)
                readiness = .warming(done: index + 1, total: phrases.count)
            }
        } catch {
            readiness = .failed(error as? VoiceError ?? .synthesisFailed("\(error)"))
            throw error
        }
        readiness = .ready(clips: phrases.count)
        return phrases.count
    }

    /// One phrase's clip: from memory, else from the cache directory, else synthesised now. `keep: false` (the
    /// warm-up) leaves it on disk only: memory holds the clips calls use, not the whole vocabulary (idle RSS).
    public func clip(_ phrase: String, language: CallAnnouncement.Language, keep: Bool = true) async throws -> VoiceWAV {
        let key = Self.cacheKey(phrase, language: language, synthesiser: synthesiser.identity)
        if let cached = memory[key] { return cached }
        if let running = pending[key] { return try await running.value }
        let file = directory.appendingPathComponent("\(key).wav")
        let task = Task { [directory, synthesiser] in
            try await Self.load(phrase, language: language, file: file, directory: directory, synthesiser: synthesiser)
        }
        pending[key] = task
        defer { pending[key] = nil }
        let clip = try await task.value
        if keep { remember(clip, key: key) }
        return clip
    }

    func remember(_ clip: VoiceWAV, key: String) {
        guard memory[key] == nil else { return }
        memory[key] = clip
        memoryOrder.append(key)
        while memoryOrder.count > memoryLimit {
            memory[memoryOrder.removeFirst()] = nil
        }
    }

    /// `<language>-<32 hex digits of SHA-256(synthesiser, language, phrase)>`: a safe file name.
    public static func cacheKey(_ phrase: String, language: CallAnnouncement.Language, synthesiser: String) -> String {
        let digest = SHA256.hash(data: Data("\(synthesiser)\n\(language.rawValue)\n\(phrase)".utf8))
        return language.rawValue + "-" + digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// Reads the cached clip, or synthesises, trims and stores it (via a temporary file and a rename, so a
    /// crash never leaves half a clip under the final name). An unreadable cached file is made again.
    static func load(
        _ phrase: String, language: CallAnnouncement.Language, file: URL, directory: URL,
        synthesiser: any VoiceSynthesiser
    ) async throws -> VoiceWAV {
        if let data = FileManager.default.contents(atPath: file.path), let clip = try? VoiceWAV(parsing: data) {
            return clip
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw VoiceError.cacheUnwritable(directory.path, error.localizedDescription)
        }
        let raw = directory.appendingPathComponent(".\(UUID().uuidString).raw.wav")
        defer { try? FileManager.default.removeItem(at: raw) }
        try await synthesiser.synthesise(phrase, language: language, to: raw)
        guard let data = FileManager.default.contents(atPath: raw.path), !data.isEmpty else {
            throw VoiceError.synthesisFailed("không có tệp WAV / no WAV file written")
        }
        let clip = try VoiceWAV(parsing: data).trimmingSilence()
        guard !clip.samples.isEmpty else { throw VoiceError.synthesisFailed("âm thanh rỗng / empty audio") }
        let temporary = directory.appendingPathComponent(".\(UUID().uuidString).wav")
        do {
            try clip.encoded().write(to: temporary)
            _ = try? FileManager.default.removeItem(at: file)
            try FileManager.default.moveItem(at: temporary, to: file)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw VoiceError.cacheUnwritable(directory.path, error.localizedDescription)
        }
        return clip
    }
}

/// Why a voice call could not be built. The hall display falls back to text only, so these are for the
/// log and the admin: what happened and what to install or fix.
public struct VoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why a voice clip could not be made or read.
    public enum Code: String, Sendable, CaseIterable {
        /// `espeak-ng` is not installed (or not on `PATH`).
        case synthesiserMissing = "synthesiser_missing"
        /// `espeak-ng` ran but failed (unknown voice, crash) or wrote no audio.
        case synthesisFailed = "synthesis_failed"
        /// A clip is not a PCM WAV file this module can read.
        case invalidWAV = "invalid_wav"
        /// Clips with different sample formats cannot be joined without resampling.
        case incompatibleClips = "incompatible_clips"
        /// The clip cache directory cannot be created or written.
        case cacheUnwritable = "cache_unwritable"
        /// The server was started without a voice library.
        case notConfigured = "not_configured"
    }

    public let code: Code
    /// Vietnamese: what happened and what to do.
    public let message: String
    /// English: what happened and what to do.
    public let englishMessage: String

    public init(_ code: Code, message: String, englishMessage: String) {
        self.code = code
        self.message = message
        self.englishMessage = englishMessage
    }

    public var description: String { "\(code.rawValue): \(englishMessage)" }

    public static let synthesiserMissing = VoiceError(
        .synthesiserMissing,
        message: "Chưa cài espeak-ng nên không đọc được số gọi; màn hình chỉ hiện chữ. "
            + "Cài bằng: sudo apt-get install espeak-ng (có sẵn giọng tiếng Việt “vi”).",
        englishMessage: "espeak-ng is not installed, so calls cannot be spoken; the display shows text only. "
            + "Install it with: sudo apt-get install espeak-ng (includes the Vietnamese voice 'vi').")

    public static let notConfigured = VoiceError(
        .notConfigured,
        message: "Máy chủ chưa bật đọc số gọi; màn hình chỉ hiện chữ.",
        englishMessage: "Voice calls are not enabled on this server; the display shows text only.")

    static func synthesisFailed(_ detail: String) -> VoiceError {
        VoiceError(
            .synthesisFailed,
            message: "espeak-ng không tạo được âm thanh (\(detail)). Kiểm tra giọng “vi”/“en”: espeak-ng --voices.",
            englishMessage: "espeak-ng produced no audio (\(detail)). Check the 'vi'/'en' voices: espeak-ng --voices.")
    }

    static func invalidWAV(_ detail: String) -> VoiceError {
        VoiceError(
            .invalidWAV, message: "Tệp âm thanh WAV không hợp lệ: \(detail).",
            englishMessage: "Invalid WAV audio: \(detail).")
    }

    static func incompatibleClips(_ detail: String) -> VoiceError {
        VoiceError(
            .incompatibleClips, message: "Các đoạn âm thanh khác định dạng, không ghép được: \(detail).",
            englishMessage: "Audio clips have different formats and cannot be joined: \(detail).")
    }

    static func cacheUnwritable(_ path: String, _ detail: String) -> VoiceError {
        VoiceError(
            .cacheUnwritable, message: "Không ghi được thư mục âm thanh “\(path)”: \(detail).",
            englishMessage: "Cannot write the voice cache directory '\(path)': \(detail).")
    }
}
