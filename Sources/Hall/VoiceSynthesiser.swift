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

#if canImport(Glibc)
    import Glibc
#endif

/// espeak-ng as the clip synthesiser: `espeak-ng -v vi -s <speed> -w <file> --stdin`. The text goes through
/// standard input (read from a file beside the clip, not a pipe, so an early exit cannot raise SIGPIPE in the
/// server), never the command line, so no phrase can be taken for an option.
public struct EspeakSynthesiser: VoiceSynthesiser {
    /// The `espeak-ng` program, or nil when it is not installed.
    public let executable: URL?
    /// Words per minute; a hall announcement is read a little slower than espeak-ng's 175.
    public let speed: Int

    public init(executable: URL? = EspeakSynthesiser.locate(), speed: Int = 150) {
        self.executable = executable
        self.speed = speed
    }

    public var identity: String { "espeak-ng-s\(speed)" }

    /// `espeak-ng` on `PATH` (then the usual Debian places), if installed.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return path.lazy.map { URL(fileURLWithPath: $0).appendingPathComponent("espeak-ng") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    public func synthesise(_ text: String, language: CallAnnouncement.Language, to file: URL) async throws {
        guard let executable else { throw VoiceError.synthesiserMissing }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-v", language.rawValue, "-s", String(speed), "-w", file.path, "--stdin"]
        let textFile = file.appendingPathExtension("txt")
        try Data(text.utf8).write(to: textFile)
        defer { try? FileManager.default.removeItem(at: textFile) }
        let input = try FileHandle(forReadingFrom: textFile)
        defer { try? input.close() }
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
                // Clips are made in the background (warm-up at start): they must never slow the kiosk or calls.
                #if canImport(Glibc)
                    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), 19)
                #endif
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: VoiceError.synthesisFailed("\(error)"))
            }
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0 else {
            throw VoiceError.synthesisFailed("mã thoát / exit status \(status)\(message.isEmpty ? "" : ": \(message)")")
        }
    }
}
