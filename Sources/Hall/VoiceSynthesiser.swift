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
        // Every descriptor is a file this function opens and closes itself, on every path: no Pipe (whose read
        // end lived as long as Foundation kept the Process, one leaked descriptor per clip at first start).
        let textFile = file.appendingPathExtension("txt")
        let errorFile = file.appendingPathExtension("err")
        defer { Self.remove(textFile, errorFile) }
        try Data(text.utf8).write(to: textFile)
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw VoiceError.synthesisFailed("không tạo được \(errorFile.lastPathComponent) / cannot create it")
        }
        let input = try FileHandle(forReadingFrom: textFile)
        defer { Self.close(input) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { Self.close(errors) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/null"))
        defer { Self.close(output) }
        let status = try await run(
            ["-v", language.rawValue, "-s", String(speed), "-w", file.path, "--stdin"], executable: executable, input: input,
            output: output, errors: errors)
        guard status == 0 else {
            let message = (FileManager.default.contents(atPath: errorFile.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
            let detail = message.trimmingCharacters(in: .whitespacesAndNewlines)
            throw VoiceError.synthesisFailed("mã thoát / exit status \(status)\(detail.isEmpty ? "" : ": \(detail)")")
        }
    }

    /// Runs espeak-ng at the lowest CPU priority and returns its exit status.
    func run(_ arguments: [String], executable: URL, input: FileHandle, output: FileHandle, errors: FileHandle) async throws -> Int32 {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        defer { process.terminationHandler = nil }
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
                // Clips are made in the background (warm-up at start): they must never slow the kiosk or calls.
                // Nice 19 alone still let the warm-up take a fifth of the CPU from 20 issuing kiosks; SCHED_IDLE (5)
                // runs espeak-ng only on a core nothing else wants.
                CPUPriority.nice(19, for: process.processIdentifier)
                CPUPriority.idle(for: process.processIdentifier)
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: VoiceError.synthesisFailed("\(error)"))
            }
        }
    }

    /// Closing a handle this function opened; a failure here loses nothing (the clip is checked afterwards).
    static func close(_ handle: FileHandle) {
        do { try handle.close() } catch { return }
    }

    /// The text and error files beside the clip; a leftover is harmless (overwritten next time).
    static func remove(_ files: URL...) {
        for file in files {
            do { try FileManager.default.removeItem(at: file) } catch { continue }
        }
    }
}
