import Foundation

/// Turns recorded tickets of past weeks into the planner's inputs: mean arrivals per field and issue hour per
/// working day observed, and mean service minutes per field.
///
/// Arrivals are averaged over the distinct service days seen in the history (days with no ticket at all, such
/// as holidays, do not dilute the average); service minutes are done − serving start over done tickets.
public struct StaffingHistory: Sendable {
    private var counts: [String: [Int: Int]] = [:]
    private var serviceSeconds: [String: (sum: Double, count: Int)] = [:]
    private var days = Set<DayKey>()

    public init() {}

    public mutating func add(_ ticket: ReportTicket) {
        days.insert(ticket.serviceDay)
        counts[ticket.field, default: [:]][ticket.issueHour, default: 0] += 1
        if ticket.state == .done, let start = ticket.servingAt, let end = ticket.endedAt {
            let seconds = max(0, end.timeIntervalSince(start))
            serviceSeconds[ticket.field, default: (0, 0)].sum += seconds
            serviceSeconds[ticket.field, default: (0, 0)].count += 1
        }
    }

    /// Distinct service days in the history.
    public var dayCount: Int { days.count }

    /// `arrivals[field][hour]`: tickets per hour on an average observed day.
    public var arrivalsPerHour: [String: [Int: Double]] {
        guard !days.isEmpty else { return [:] }
        return counts.mapValues { hours in hours.mapValues { Double($0) / Double(days.count) } }
    }

    /// Mean service minutes per field (fields without a timed service are absent).
    public var meanServiceMinutes: [String: Double] {
        serviceSeconds.compactMapValues { $0.count == 0 ? nil : $0.sum / Double($0.count) / 60 }
    }

    /// The planner's table for this history, with the catalog's wait targets.
    public func plan(_ planner: StaffingPlanner = StaffingPlanner(), catalog: Catalog) -> [StaffingRow] {
        planner.plan(
            arrivals: arrivalsPerHour, meanServiceMinutes: meanServiceMinutes,
            waitTargetMinutes: Dictionary(
                catalog.fields.map { ($0.code, Double($0.waitTargetMinutes)) }, uniquingKeysWith: { a, _ in a }))
    }
}
