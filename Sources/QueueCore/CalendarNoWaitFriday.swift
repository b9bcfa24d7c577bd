/// Settings of the no-wait Friday (“Ngày Thứ sáu không chờ”): listed procedures received on a working
/// Friday are returned the same day, but files arriving too late for that are promised for the next
/// working morning instead.
public struct NoWaitFridaySettings: Codable, Sendable, Equatable {
    public var enabled: Bool
    /// Minute of the day from which a Friday intake no longer gets a same-day result (default 15:30).
    /// An intake at exactly the cutoff minute counts as *after* it: the plan's wording is “received before
    /// 15:30”, and staff need the remaining time to finish the files already accepted.
    public var cutoffMinute: Int
    /// Minute of the next working day by which late-Friday files are returned (default 09:00).
    public var nextDayMinute: Int

    public init(enabled: Bool = true, cutoffMinute: Int = 15 * 60 + 30, nextDayMinute: Int = 9 * 60) {
        self.enabled = enabled
        self.cutoffMinute = cutoffMinute
        self.nextDayMinute = nextDayMinute
    }

    public func validate() throws(QueueError) {
        try requireInput((0..<1440).contains(cutoffMinute) && (0..<1440).contains(nextDayMinute),
            "Giờ chốt nhận hồ sơ ngày Thứ sáu không chờ không hợp lệ.",
            "The no-wait Friday cutoff or next-day time is out of range.")
    }
}
