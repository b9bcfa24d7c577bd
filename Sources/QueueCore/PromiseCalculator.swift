public import Foundation

/// Computes the promised return instant for a procedure received at a given moment.
///
/// Order of rules: the no-wait Friday first (it is the special day's whole point), then same-day procedures,
/// then statutory working days. A file received on a non-working day or after closing is treated as received
/// on the next working day, whose own day is then not counted for working-day procedures.
public struct PromiseCalculator: Sendable {
    public let calendar: WorkingCalendar

    public init(calendar: WorkingCalendar) {
        self.calendar = calendar
    }

    public func promise(for procedure: Procedure, receivedAt intake: Date) throws(QueueError) -> Promise {
        let day = DayKey(intake)
        let minute = WorkingCalendar.minuteOfDay(intake)
        let settings = calendar.noWaitFriday
        if settings.enabled, procedure.noWaitFriday, day.weekday == 5, try calendar.isWorkingDay(day) {
            if minute < settings.cutoffMinute, let closing = try calendar.closingMinute(on: day), minute < closing {
                return Promise(
                    promisedAt: day.date(atMinute: closing), rule: .noWaitFridaySameDay,
                    explanation: "Thứ sáu không chờ: trả kết quả trong ngày, trước \(Self.clock(closing)) ngày \(day.vietnamese).",
                    explanationEn: "No-wait Friday: result the same day, by \(Self.clock(closing)) on \(day.iso).")
            }
            let next = try calendar.nextWorkingDay(after: day)
            let cutoff = Self.clock(settings.cutoffMinute)
            let morning = Self.clock(settings.nextDayMinute)
            return Promise(
                promisedAt: next.date(atMinute: settings.nextDayMinute), rule: .noWaitFridayAfterCutoff,
                explanation:
                    "Thứ sáu không chờ: hồ sơ nhận từ \(cutoff) trở đi được trả trước \(morning) ngày làm việc tiếp theo (\(next.vietnamese)).",
                explanationEn:
                    "No-wait Friday: files received from \(cutoff) on are returned by \(morning) on the next working day (\(next.iso)).")
        }
        let received = try effectiveIntakeDay(day: day, minute: minute)
        if procedure.sameDayGroup == 1 || procedure.workingDays == 0 {
            let closing = try closing(on: received)
            let late = received != day
            return Promise(
                promisedAt: received.date(atMinute: closing), rule: .sameDay,
                explanation: "Trả kết quả trong ngày, trước \(Self.clock(closing)) ngày \(received.vietnamese)"
                    + (late ? " (hồ sơ nhận ngoài giờ hoặc ngày nghỉ được tính vào ngày làm việc tiếp theo)." : "."),
                explanationEn: "Same-day result, by \(Self.clock(closing)) on \(received.iso)"
                    + (late ? " (received outside hours or on a day off, so counted from the next working day)." : "."))
        }
        let count = procedure.workingDays
        let due = try calendar.addWorkingDays(count, to: received)
        let closing = try closing(on: due)
        return Promise(
            promisedAt: due.date(atMinute: closing), rule: .workingDays(count),
            explanation:
                "Thời hạn \(count) ngày làm việc kể từ ngày nhận \(received.vietnamese) (không tính ngày nghỉ, lễ, Tết): trả trước \(Self.clock(closing)) ngày \(due.vietnamese).",
            explanationEn:
                "\(count) working days from receipt on \(received.iso) (weekends and holidays excluded): by \(Self.clock(closing)) on \(due.iso)."
        )
    }

    /// The day a file counts as received: the intake day if it is a working day and the hall has not closed,
    /// otherwise the next working day.
    func effectiveIntakeDay(day: DayKey, minute: Int) throws(QueueError) -> DayKey {
        if let closing = try calendar.closingMinute(on: day), minute < closing { return day }
        return try calendar.nextWorkingDay(after: day)
    }

    private func closing(on day: DayKey) throws(QueueError) -> Int {
        // Only called for working days, which always have a closing minute.
        try calendar.closingMinute(on: day) ?? 0
    }

    static func clock(_ minute: Int) -> String {
        "\(VietnamTime.pad(minute / 60)):\(VietnamTime.pad(minute % 60))"
    }
}
