/// A period's figures in total and by each dimension, as `ReportAccumulator.finish()` returns them.
///
/// Row keys: `total` for the whole; field codes (catalog order first, then others by code); counter numbers
/// ascending; staff usernames ascending; hours `00`…`23`; weekdays `1` (Monday) … `7` (Sunday). Fields in
/// `ReportTargets.fieldOrder` always get a row; other rows appear only when something happened in them.
public struct ReportBreakdown: Codable, Sendable, Equatable {
    public var total: ReportFigures
    public var byField: [ReportFigures]
    public var byCounter: [ReportFigures]
    public var byStaff: [ReportFigures]
    public var byHour: [ReportFigures]
    public var byWeekday: [ReportFigures]

    public init(
        total: ReportFigures, byField: [ReportFigures], byCounter: [ReportFigures], byStaff: [ReportFigures],
        byHour: [ReportFigures], byWeekday: [ReportFigures]
    ) {
        self.total = total
        self.byField = byField
        self.byCounter = byCounter
        self.byStaff = byStaff
        self.byHour = byHour
        self.byWeekday = byWeekday
    }
}
