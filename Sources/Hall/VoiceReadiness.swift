/// Where the voice clips stand after start: espeak-ng makes the fixed vocabulary's clips in the background, so
/// the first calls of the day are not delayed; until then (or when it failed) the display shows text only.
public enum VoiceReadiness: Sendable, Equatable {
    case notStarted
    case warming(done: Int, total: Int)
    case ready(clips: Int)
    case failed(VoiceError)

    /// Clips made and clips to make: (done, total); nil before the warm-up started or after it failed.
    public var progress: (done: Int, total: Int)? {
        switch self {
        case .warming(let done, let total): (done, total)
        case .ready(let clips): (clips, clips)
        case .notStarted, .failed: nil
        }
    }
}
