public import Foundation
public import QueueCore
public import QueueStore

/// The no-wait targets (`assets/targets.json`): wait targets by day type, satisfaction and promise targets,
/// and the alert thresholds. A field's own wait target comes from the catalog.
public struct ServiceTargets: Codable, Sendable, Equatable {
    /// The satisfaction target: the general one and the lower one for the listed field groups.
    public struct Satisfaction: Codable, Sendable, Equatable {
        public var overall: Double
        /// Lower targets for hard fields (land, construction, investment: 85 %).
        public var fields: [String: Double]

        public init(overall: Double, fields: [String: Double]) {
            self.overall = overall
            self.fields = fields
        }
    }

    /// On Fridays (the no-wait day) every field's wait target is at most this.
    public var waitMinutesOnNoWaitFriday: Int?
    public var satisfaction: Satisfaction
    public var promisesOnTime: Double
    /// A counter idle this long while its fields have people waiting raises an alert.
    public var idleCounterMinutes: Int
    /// A same-day promise this close to its time and not yet returned raises an alert.
    public var promiseRiskMinutes: Int
    /// Working days to handle a feedback item (phản ánh, kiến nghị); absent in older files: 10.
    public var feedbackWorkingDays: Int?

    public init(
        waitMinutesOnNoWaitFriday: Int? = 10,
        satisfaction: Satisfaction = Satisfaction(overall: 0.95, fields: ["dat-dai": 0.85, "xay-dung": 0.85, "dau-tu": 0.85]),
        promisesOnTime: Double = 0.98, idleCounterMinutes: Int = 5, promiseRiskMinutes: Int = 30, feedbackWorkingDays: Int? = 10
    ) {
        self.waitMinutesOnNoWaitFriday = waitMinutesOnNoWaitFriday
        self.satisfaction = satisfaction
        self.promisesOnTime = promisesOnTime
        self.idleCounterMinutes = idleCounterMinutes
        self.promiseRiskMinutes = promiseRiskMinutes
        self.feedbackWorkingDays = feedbackWorkingDays
    }

    /// The feedback deadline in working days.
    public var feedbackDeadlineDays: Int { feedbackWorkingDays ?? 10 }

    /// The field's wait target on the day of `now`.
    public func waitTarget(for field: Field, at now: Date) -> Int {
        guard let friday = waitMinutesOnNoWaitFriday, DayKey(now).weekday == 5 else { return field.waitTargetMinutes }
        return min(field.waitTargetMinutes, friday)
    }

    /// Shares between 0 and 1, minutes within a working day.
    public func validate() throws(QueueError) {
        guard (0...1).contains(satisfaction.overall), (0...1).contains(promisesOnTime),
            satisfaction.fields.values.allSatisfy({ (0...1).contains($0) })
        else { throw QueueError.invalid("Tỷ lệ phải từ 0 đến 1 (0 % đến 100 %).", "Shares must be between 0 and 1 (0 % to 100 %).") }
        let fridayInRange = waitMinutesOnNoWaitFriday.map { (1...240).contains($0) } ?? true
        guard (1...60).contains(feedbackDeadlineDays) else {
            throw QueueError.invalid(
                "Hạn xử lý phản ánh phải từ 1 đến 60 ngày làm việc.", "The feedback deadline must be 1 to 60 working days.")
        }
        guard (1...600).contains(idleCounterMinutes), (1...600).contains(promiseRiskMinutes), fridayInRange else {
            throw QueueError.invalid(
                "Số phút phải từ 1 đến 600 (chờ ngày Thứ Sáu: 1 đến 240).", "Minutes must be 1 to 600 (the Friday wait: 1 to 240).")
        }
    }

    public static func load(_ url: URL) throws -> ServiceTargets {
        guard FileManager.default.fileExists(atPath: url.path) else { return ServiceTargets() }
        do {
            let targets = try JSONDecoder().decode(ServiceTargets.self, from: Data(contentsOf: url))
            try targets.validate()
            return targets
        } catch {
            throw QueueError.invalid(
                "Tệp mục tiêu \(url.path) không hợp lệ: \(error). Sửa tệp hoặc xóa để dùng mặc định.",
                "Targets file \(url.path) is invalid: \(error). Fix it or delete it to use the defaults.")
        }
    }
}

extension AppDatabase {
    /// Today's supervisor figures against these targets (the day type decides each field's wait target).
    public func supervisorFigures(at now: Date, targets: ServiceTargets) async throws -> SupervisorFigures {
        try await supervisorFigures(
            at: now, targetMinutes: { targets.waitTarget(for: $0, at: now) }, satisfactionTarget: targets.satisfaction.overall)
    }
}

extension ReportTargets {
    /// The report's targets: each field's wait target and the field order from the catalog, the satisfaction
    /// and on-time promise targets from `assets/targets.json` (so a centre edits them in one place).
    public init(catalog: Catalog, service: ServiceTargets) {
        self.init(catalog: catalog)
        promisesOnTime = service.promisesOnTime
        satisfaction = service.satisfaction.overall
        satisfactionByField = service.satisfaction.fields
    }
}
