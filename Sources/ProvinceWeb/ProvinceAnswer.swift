import Foundation
import Hall
import Province
import QueueCore

/// `GET /api/v1/province/centres?period=` as the province app answers it: each centre's live pulse and its figures for
/// the period with their rates, the fields ranked across the province against their targets, and the province's
/// total (counts summed, rates from summed numerators and denominators). Aggregates only: no officer appears here.
struct ProvinceAnswer: Encodable, Sendable {
    struct Period: Encodable, Sendable {
        let text: String
        let first: String
        let last: String
        let label: String

        init(_ period: ReportPeriod) {
            (text, first, last, label) = (period.text, period.first.iso, period.last.iso, period.label)
        }
    }

    /// Shares 0…1 (nil when nothing was counted) and the mean wait from issue to first call.
    struct Rates: Encodable, Sendable {
        let onTime: Double?
        let sameDay: Double?
        let satisfaction: Double?
        let feedbackHandled: Double?
        let meanWaitMinutes: Double?

        init(_ f: CentreFigures) {
            func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
            onTime = share(f.promisesOnTime, f.promisesDue)
            sameDay = share(f.sameDayResolved, f.sameDayCounted)
            satisfaction = share(f.satisfied, f.ratings)
            feedbackHandled = share(f.feedbackHandledOnTime, f.feedbackReceived)
            meanWaitMinutes = f.waited == 0 ? nil : Double(f.waitSeconds) / Double(f.waited) / 60
        }

        /// Every rate is present: `null` when nothing was counted.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(onTime, forKey: .onTime)
            try container.encode(sameDay, forKey: .sameDay)
            try container.encode(satisfaction, forKey: .satisfaction)
            try container.encode(feedbackHandled, forKey: .feedbackHandled)
            try container.encode(meanWaitMinutes, forKey: .meanWaitMinutes)
        }

        enum CodingKeys: String, CodingKey {
            case onTime, sameDay, satisfaction, feedbackHandled, meanWaitMinutes
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

        init(_ live: CentreLive, figures: CentreFigures) {
            (code, name, serviceDay, issuedToday, servedToday) = (live.code, live.name, live.serviceDay, live.issuedToday, live.servedToday)
            (waiting, openCounters, longestWaitSeconds) = (live.waiting, live.openCounters, live.longestWaitSeconds)
            (deviceAlerts, lastSeen, self.figures, rates) = (live.deviceAlerts, live.lastSeen, figures, Rates(figures))
        }
    }

    struct Total: Encodable, Sendable {
        let figures: CentreFigures
        let rates: Rates
    }

    let period: Period
    let targets: ProvinceTargets
    let centres: [Centre]
    /// Every field across the province, ranked (see `FieldRow.ranked`).
    let fields: [FieldRow]
    let total: Total

    init(period: ReportPeriod, live: [CentreLive], figures: [CentreFigures], fields: [CentreFigures], targets: ProvinceTargets) {
        self.period = Period(period)
        self.targets = targets
        let byCode = Dictionary(figures.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        centres = live.map { Centre($0, figures: byCode[$0.code] ?? CentreFigures(code: $0.code)) }
        self.fields = FieldRow.ranked(fields, targets: targets)
        let sum = figures.reduce(CentreFigures(code: "total"), +)
        total = Total(figures: sum, rates: Rates(sum))
    }
}

/// One field's figures against its targets (satisfaction 85 % for land, construction and investment, else the
/// overall 95 %; on time 98 %), with its place in the ranking.
struct FieldRow: Encodable, Sendable {
    let field: String
    let rank: Int
    let figures: CentreFigures
    let rates: ProvinceAnswer.Rates
    let satisfactionTarget: Double
    let onTimeTarget: Double
    /// Whether each rate meets its target; nil when nothing was counted.
    let meetsSatisfaction: Bool?
    let meetsOnTime: Bool?

    /// Best first: the satisfaction margin over the field's own target, then the on-time rate, then the code;
    /// fields with no rating come last. Ratings and feedback not tied to a field count in the totals, not here.
    static func ranked(_ figures: [CentreFigures], targets: ProvinceTargets) -> [FieldRow] {
        let scored = figures.filter { !$0.code.isEmpty }.map { f -> (CentreFigures, ProvinceAnswer.Rates, Double) in
            (f, ProvinceAnswer.Rates(f), targets.satisfaction(field: f.code))
        }
        let ordered = scored.sorted { a, b in
            let marginA = a.1.satisfaction.map { $0 - a.2 } ?? -2
            let marginB = b.1.satisfaction.map { $0 - b.2 } ?? -2
            if marginA != marginB { return marginA > marginB }
            if (a.1.onTime ?? -1) != (b.1.onTime ?? -1) { return (a.1.onTime ?? -1) > (b.1.onTime ?? -1) }
            return a.0.code < b.0.code
        }
        return ordered.enumerated().map { index, item in
            FieldRow(
                field: item.0.code, rank: index + 1, figures: item.0, rates: item.1, satisfactionTarget: item.2,
                onTimeTarget: targets.onTime, meetsSatisfaction: item.1.satisfaction.map { $0 >= item.2 },
                meetsOnTime: item.1.onTime.map { $0 >= targets.onTime })
        }
    }
}

/// The targets the province judges by, from its `targets.json` (the centres' file format).
struct ProvinceTargets: Encodable, Sendable {
    let onTime: Double
    let satisfaction: Double
    let satisfactionByField: [String: Double]

    init(_ service: ServiceTargets) {
        onTime = service.promisesOnTime
        satisfaction = service.satisfaction.overall
        satisfactionByField = service.satisfaction.fields
    }

    func satisfaction(field: String) -> Double { satisfactionByField[field] ?? satisfaction }
}

/// `GET /api/v1/province/centres/{code}?period=`: one centre's live pulse, its figures and its fields ranked.
struct CentreAnswer: Encodable, Sendable {
    let period: ProvinceAnswer.Period
    let centre: ProvinceAnswer.Centre
    let fields: [FieldRow]
}
