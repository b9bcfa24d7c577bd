#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's open-file limit (`RLIMIT_NOFILE`). `serve` raises the soft limit to the hard one at start: every
/// connection, the store, the USB devices and the voice clips take descriptors, and the connection caps — not
/// a default soft limit of 1,024 — must decide who is served.
enum FileDescriptorLimit {
    /// The soft limit before and after, and the hard limit.
    struct Raise: Equatable {
        let before: UInt64
        let after: UInt64
        let hard: UInt64
    }

    /// Descriptors kept out of the connection cap for everything else (store, logs, devices, voice).
    static let reserve = 128

    /// Raises the soft limit to the hard limit; nil when the limit cannot be read. When it cannot be raised,
    /// `after` is the unchanged soft limit.
    static func raiseToHard() -> Raise? {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return nil }
        let before = UInt64(limit.rlim_cur)
        let hard = UInt64(limit.rlim_max)
        guard before < hard else { return Raise(before: before, after: before, hard: hard) }
        limit.rlim_cur = limit.rlim_max
        guard setrlimit(resource, &limit) == 0 else { return Raise(before: before, after: before, hard: hard) }
        return Raise(before: before, after: hard, hard: hard)
    }

    /// `requested` connections, lowered so that `reserve` descriptors stay free under `softLimit`; 0 (no cap)
    /// becomes that bound too.
    static func connectionCap(requested: Int, softLimit: UInt64) -> Int {
        let bound = softLimit > UInt64(Int.max) ? Int.max : max(16, Int(softLimit) - reserve)
        return requested <= 0 ? bound : min(requested, bound)
    }

    #if canImport(Glibc)
        private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
        private static let resource = RLIMIT_NOFILE
    #endif
}
