import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The CPU share of this process's login session. Linux (with autogroups, the default on Debian) first splits the
/// CPU equally between sessions and only then by nice value inside each, so a `khongcho backup` typed over SSH at
/// nice 19 still took as much CPU as the whole of `serve`, which systemd runs in a session of its own. Lowering the
/// session's own nice (`/proc/self/autogroup`) to 19 gives the backup's session the share a nice-19 process would
/// have; the officer's shell in that session runs at it too until the command ends and puts the old value back.
/// Measured beside 500 tickets/s on the 2-core box, the backup started in a session of its own (`setsid`), 3 rounds
/// each: issue p99 7.2–8.2 ms without this, 6.1–6.4 ms with it (2.6–4.5 ms alone); the backup took 6.8–7.3 s and
/// 7.3–9.1 s. Without autogroups (no such file) or where the kernel refuses the change there is nothing to do.
public struct SessionShare: Sendable {
    public static let file = "/proc/self/autogroup"

    /// The session's nice value before `lower()` changed it, if it did.
    public let previous: Int?

    /// Lowers the session's share to nice 19; `restore()` puts the old value back. Left as it is: a process in the
    /// root autogroup (never moved by setsid: the file reads empty), a session the kernel will not change or that
    /// takes the write and ignores it, and one already raised above 0, which only a privileged process could put back.
    public static func lower() -> SessionShare {
        guard let nice = current(), (0..<19).contains(nice), set(19) == 0, current() == 19 else {
            return SessionShare(previous: nil)
        }
        return SessionShare(previous: nice)
    }

    public func restore() {
        guard let previous else { return }
        let refusal = Self.set(previous)
        guard refusal != 0 else { return }
        let reason = String(cString: strerror(refusal))
        FileHandle.standardError.write(
            Data(
                ("Không trả lại được mức ưu tiên CPU của phiên (nice \(previous)): \(reason); phiên này giữ nice 19 đến khi đăng xuất.\n"
                    + "Could not put the session's CPU share back (nice \(previous)): \(reason); this session stays at nice 19 until you log out.\n")
                    .utf8))
    }

    /// The session's nice value now; nil without autogroups.
    public static func current() -> Int? {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return niceValue(in: text)
    }

    /// `/autogroup-9995 nice 0` → 0.
    public static func niceValue(in text: String) -> Int? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard let index = words.firstIndex(of: "nice"), index + 1 < words.count else { return nil }
        return Int(words[index + 1])
    }

    /// Writes `nice`: 0, or the errno the kernel answered with. The kernel refuses any change (`EAGAIN`) within
    /// 100 ms of the last one anywhere on the box to a process without CAP_SYS_ADMIN, so that answer is retried for
    /// up to a second.
    static func set(_ nice: Int) -> Int32 {
        let text = "\(nice)\n"
        var refusal: Int32 = 0
        for _ in 0..<20 {
            refusal = writeOnce(text)
            guard refusal == EAGAIN else { return refusal }
            usleep(50_000)
        }
        return refusal
    }

    private static func writeOnce(_ text: String) -> Int32 {
        let fd = open(file, O_WRONLY)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        let written = text.withCString { write(fd, $0, strlen($0)) }
        return written < 0 ? errno : 0
    }
}
