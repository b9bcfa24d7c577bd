import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `DIR/khongcho.lock`, held with `flock` for the whole life of `serve`: one server per data directory. The file
/// holds the PID of the server that has it; the kernel drops the lock when that process ends, however it ends
/// (SIGKILL and power cuts included), so a stale file never blocks a start.
final class DataDirectoryLock {
    static let name = "khongcho.lock"
    let path: String
    private var descriptor: Int32

    /// Another server holds the directory.
    struct Held: Error {
        let path: String
        let pid: String
    }

    /// Takes the lock or throws `Held` (with the holder's PID) at once, without waiting.
    init(directory: URL) throws {
        path = directory.appendingPathComponent(Self.name).path
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Self.failure("open \(path)") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno == EWOULDBLOCK ? nil : Self.failure("flock \(path)")
            let holder = Self.read(descriptor)
            close(descriptor)
            throw failure ?? Held(path: path, pid: holder.isEmpty ? "?" : holder)
        }
        let pid = "\(getpid())\n"
        guard ftruncate(descriptor, 0) == 0, pid.withCString({ write(descriptor, $0, strlen($0)) }) == pid.utf8.count else {
            let failure = Self.failure("write \(path)")
            close(descriptor)
            throw failure
        }
    }

    deinit { release() }

    /// Gives the directory up (also done by the kernel when the process ends).
    func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private static func read(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        return String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func failure(_ what: String) -> NSError {
        NSError(
            domain: NSPOSIXErrorDomain, code: Int(errno),
            userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(errno)))"])
    }
}
