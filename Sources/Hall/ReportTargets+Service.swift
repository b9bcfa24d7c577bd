public import QueueCore

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
