public import Foundation
public import QueueCore

/// Turns one phrase into a WAV file. A protocol so tests can count calls (a cache hit must not synthesise
/// again) and run without espeak-ng.
public protocol VoiceSynthesiser: Sendable {
    /// A short name of the voice and its settings, part of every cache key: changing the speed or the
    /// synthesiser must not reuse clips made with the old one.
    var identity: String { get }
    /// Writes `text` spoken in `language` as a PCM WAV file at `file`.
    func synthesise(_ text: String, language: CallAnnouncement.Language, to file: URL) async throws
}
