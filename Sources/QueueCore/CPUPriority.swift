#if canImport(Glibc)
    import Glibc
#endif

/// Background work — drawing tickets, making voice clips, hashing passwords, a backup — gives the CPU to the hall's
/// answers first. On Linux the nice value and the policy belong to a thread, and `id` 0 is the calling thread; a
/// process id lowers that process. Lowering needs no privilege. Elsewhere these do nothing.
public enum CPUPriority {
    /// Nice `value` (0 … 19) for `id`.
    public static func nice(_ value: Int32, for id: Int32 = 0) {
        #if os(Linux)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(id), value)
        #endif
    }

    /// `SCHED_IDLE` for `id`: it runs only on a core nothing else wants, and a waking thread takes the core at once
    /// (a nice-19 thread still holds it for its slice).
    public static func idle(for id: Int32 = 0) {
        #if os(Linux)
            var none = sched_param(sched_priority: 0)
            _ = sched_setscheduler(id, 5, &none)  // SCHED_IDLE (5): Glibc does not export the name to Swift
        #endif
    }
}
