import Foundation
import Province
import QueueCore

/// `GET /api/v1/province/centres?period=` as the province app answers it: each centre's live pulse and its figures for
/// the period with their rates, and the province's total (counts summed, rates from summed numerators and
/// denominators). Aggregates only: no officer appears here.
struct ProvinceAnswer: Encodable, Sendable {
    struct Period: Encodable, Sendable {
        let text: String
        let first: String
        let last: String
        let label: String
    }

    /// Shares 0…1, nil when nothing was counted.
    struct Rates: Encodable, Sendable {
        let onTime: Double?
        let sameDay: Double?
        let satisfaction: Double?
        let feedbackHandled: Double?

        init(_ f: CentreFigures) {
            func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
            onTime = share(f.promisesOnTime, f.promisesDue)
            sameDay = share(f.sameDayResolved, f.sameDayCounted)
            satisfaction = share(f.satisfied, f.ratings)
            feedbackHandled = share(f.feedbackHandledOnTime, f.feedbackReceived)
        }
    }

    struct Centre: Encodable, Sendable {
        let code: String
        let name: String
        let serviceDay: String?
        let issuedToday: Int
        let servedToday: Int
        let waiting: Int
        let openCounters: Int
        let longestWaitSeconds: Int
        let deviceAlerts: Int
        let lastSeen: Date
        let figures: CentreFigures
        let rates: Rates
    }

    struct Total: Encodable, Sendable {
        let figures: CentreFigures
        let rates: Rates
    }

    let period: Period
    let centres: [Centre]
    let total: Total

    init(period: ReportPeriod, live: [CentreLive], figures: [CentreFigures]) {
        self.period = Period(text: period.text, first: period.first.iso, last: period.last.iso, label: period.label)
        let byCode = Dictionary(figures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        centres = live.map { centre in
            let own = byCode[centre.code] ?? CentreFigures(code: centre.code)
            return Centre(
                code: centre.code, name: centre.name, serviceDay: centre.serviceDay, issuedToday: centre.issuedToday,
                servedToday: centre.servedToday, waiting: centre.waiting, openCounters: centre.openCounters,
                longestWaitSeconds: centre.longestWaitSeconds, deviceAlerts: centre.deviceAlerts, lastSeen: centre.lastSeen,
                figures: own, rates: Rates(own))
        }
        let sum = figures.reduce(CentreFigures(code: "total"), +)
        total = Total(figures: sum, rates: Rates(sum))
    }
}
