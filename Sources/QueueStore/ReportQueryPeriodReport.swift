public import Foundation
public import QueueCore

/// A period's report as the API, CLI, CSV and HTML present it: the figures, the period with its printed label,
/// the centre's and fields' names (so a reader needs no catalog) and the accuracy of the printed wait estimates.
public struct PeriodReport: Codable, Sendable, Equatable {
    /// A field's display names, in catalog order.
    public struct FieldName: Codable, Sendable, Equatable {
        public var code: String
        public var name: String
        public var nameEn: String

        public init(code: String, name: String, nameEn: String) {
            self.code = code
            self.name = name
            self.nameEn = nameEn
        }
    }

    /// Put before the centre's name on a training store's reports.
    public static let trainingLabel = "ĐÀO TẠO / TRAINING"

    public var period: ReportPeriod
    public var centreName: String
    /// When the report was made: promises due later and not yet returned are not counted yet.
    public var asOf: Date
    public var fields: [FieldName]
    public var targets: ReportTargets
    public var figures: ReportBreakdown
    public var estimateAccuracy: ReportEstimateAccuracy
    /// Tickets called ahead of the queue in the period, with the officer's reason, in call order.
    public var outOfOrderCalls: [OutOfOrderCall]
    /// Officers' display names by username, for the staff rows (usernames without one are shown as they are).
    public var staffNames: [String: String]
    /// Feedback handling and the reasons behind "not satisfied" ratings.
    public var citizenVoice: CitizenVoiceFigures

    public init(
        period: ReportPeriod, centreName: String, asOf: Date, fields: [FieldName], targets: ReportTargets,
        figures: ReportBreakdown, estimateAccuracy: ReportEstimateAccuracy, outOfOrderCalls: [OutOfOrderCall] = [],
        staffNames: [String: String] = [:], citizenVoice: CitizenVoiceFigures = CitizenVoiceFigures()
    ) {
        self.period = period
        self.centreName = centreName
        self.asOf = asOf
        self.fields = fields
        self.targets = targets
        self.figures = figures
        self.estimateAccuracy = estimateAccuracy
        self.outOfOrderCalls = outOfOrderCalls
        self.staffNames = staffNames
        self.citizenVoice = citizenVoice
    }

    /// The field's Vietnamese and English names, or its code twice for a field no longer in the catalog.
    public func fieldName(_ code: String) -> FieldName {
        fields.first { $0.code == code } ?? FieldName(code: code, name: code, nameEn: code)
    }
}
