/// Why a voice call could not be built. The hall display falls back to text only, so these are for the
/// log and the admin: what happened and what to install or fix.
public struct VoiceError: Error, Sendable, Equatable, CustomStringConvertible {
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

    public static let synthesiserMissing = VoiceError(.synthesiserMissing,
        message: "Chưa cài espeak-ng nên không đọc được số gọi; màn hình chỉ hiện chữ. "
            + "Cài bằng: sudo apt-get install espeak-ng (có sẵn giọng tiếng Việt “vi”).",
        englishMessage: "espeak-ng is not installed, so calls cannot be spoken; the display shows text only. "
            + "Install it with: sudo apt-get install espeak-ng (includes the Vietnamese voice 'vi').")

    public static let notConfigured = VoiceError(.notConfigured,
        message: "Máy chủ chưa bật đọc số gọi; màn hình chỉ hiện chữ.",
        englishMessage: "Voice calls are not enabled on this server; the display shows text only.")

    static func synthesisFailed(_ detail: String) -> VoiceError {
        VoiceError(.synthesisFailed,
            message: "espeak-ng không tạo được âm thanh (\(detail)). Kiểm tra giọng “vi”/“en”: espeak-ng --voices.",
            englishMessage: "espeak-ng produced no audio (\(detail)). Check the 'vi'/'en' voices: espeak-ng --voices.")
    }

    static func invalidWAV(_ detail: String) -> VoiceError {
        VoiceError(.invalidWAV, message: "Tệp âm thanh WAV không hợp lệ: \(detail).",
            englishMessage: "Invalid WAV audio: \(detail).")
    }

    static func incompatibleClips(_ detail: String) -> VoiceError {
        VoiceError(.incompatibleClips, message: "Các đoạn âm thanh khác định dạng, không ghép được: \(detail).",
            englishMessage: "Audio clips have different formats and cannot be joined: \(detail).")
    }

    static func cacheUnwritable(_ path: String, _ detail: String) -> VoiceError {
        VoiceError(.cacheUnwritable, message: "Không ghi được thư mục âm thanh “\(path)”: \(detail).",
            englishMessage: "Cannot write the voice cache directory '\(path)': \(detail).")
    }
}
