/// The targets a report measures against, configurable per field.
///
/// Defaults are the no-wait rules': promises on time ≥ 98 %; satisfaction ≥ 95 % overall and ≥ 85 % for the
/// land (`dat-dai`), construction (`xay-dung`) and investment (`dau-tu`) fields; waits within 15 minutes unless
/// the field says otherwise (`init(catalog:)` takes each field's own target).
public struct ReportTargets: Sendable, Equatable, Codable {
    public var defaultWaitMinutes: Int
    public var waitMinutes: [String: Int]
    public var promisesOnTime: Double
    public var satisfaction: Double
    public var satisfactionByField: [String: Double]
    /// Field codes in display order; these fields get a row even when they had no tickets.
    public var fieldOrder: [String]

    public static let defaultSatisfactionByField = ["dat-dai": 0.85, "xay-dung": 0.85, "dau-tu": 0.85]

    public init(
        defaultWaitMinutes: Int = 15, waitMinutes: [String: Int] = [:], promisesOnTime: Double = 0.98,
        satisfaction: Double = 0.95, satisfactionByField: [String: Double] = Self.defaultSatisfactionByField,
        fieldOrder: [String] = []
    ) {
        self.defaultWaitMinutes = defaultWaitMinutes
        self.waitMinutes = waitMinutes
        self.promisesOnTime = promisesOnTime
        self.satisfaction = satisfaction
        self.satisfactionByField = satisfactionByField
        self.fieldOrder = fieldOrder
    }

    /// Wait targets and field order from the catalog, the other targets at their defaults.
    public init(catalog: Catalog) {
        self.init(
            waitMinutes: Dictionary(catalog.fields.map { ($0.code, $0.waitTargetMinutes) }, uniquingKeysWith: { a, _ in a }),
            fieldOrder: catalog.fields.map(\.code))
    }

    public func waitTargetSeconds(field: String) -> Int { (waitMinutes[field] ?? defaultWaitMinutes) * 60 }

    public func satisfactionTarget(field: String) -> Double { satisfactionByField[field] ?? satisfaction }
}
