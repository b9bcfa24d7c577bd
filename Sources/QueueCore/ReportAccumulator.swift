public import Foundation

/// Builds a period's figures in one pass over its tickets, ratings and promises.
///
/// Made for a year of a busy centre (a million tickets well under a second in release): each ticket's field,
/// counter and staff member are interned to array slots once (the last field seen is cached, since the store
/// returns tickets grouped), hours and weekdays index fixed arrays, and the only per-ticket memory is the wait
/// appended to each of its rows' `Int32` arrays, sorted once at the end for the percentiles.
///
/// The caller passes the period's tickets (by service day) and ratings; promises may be passed wholesale, the
/// accumulator keeps those received (same-day rate) or due (on-time rate) in the period — see `ReportFigures`.
public struct ReportAccumulator: Sendable {
    public let period: ReportPeriod
    public let targets: ReportTargets
    /// When the report is made: a promise due later than this and not yet returned is not counted yet.
    public let asOf: Date

    var total = ReportTally()
    var fields: [ReportTally] = []
    var fieldCodes: [String] = []
    var fieldWaitTargets: [Int32] = []
    var fieldIndex: [String: Int] = [:]
    var lastField = ""
    var lastFieldSlot = -1
    var counters: [ReportTally] = []
    var counterNumbers: [Int] = []
    var counterIndex: [Int: Int] = [:]
    /// Slot by counter number for the usual 0…999, sparing a hash per ticket.
    var counterSlots = [Int32](repeating: -1, count: 1000)
    var staff: [ReportTally] = []
    var staffNames: [String] = []
    var staffIndex: [String: Int] = [:]
    var hours = [ReportTally](repeating: ReportTally(), count: 24)
    var weekdays = [ReportTally](repeating: ReportTally(), count: 7)
    var pinnedFields = 0

    public init(period: ReportPeriod, targets: ReportTargets = ReportTargets(), asOf: Date) {
        self.period = period
        self.targets = targets
        self.asOf = asOf
        for code in targets.fieldOrder where fieldIndex[code] == nil { _ = fieldSlot(code) }
        pinnedFields = fields.count
    }

    /// Counts one ticket in the total and in its field, counter, staff, hour and weekday rows.
    public mutating func add(_ ticket: ReportTicket) {
        let field = fieldSlot(ticket.field)
        var wait: Int32 = -1
        if let called = ticket.calledAt {
            wait = Int32(clamping: max(0, Int(called.timeIntervalSince(ticket.issuedAt).rounded())))
        }
        let within = wait >= 0 && wait <= fieldWaitTargets[field]
        var service = -1.0
        if ticket.state == .done, let start = ticket.servingAt, let end = ticket.endedAt {
            service = max(0, end.timeIntervalSince(start))
        }
        let state = ticket.state
        let moved = ticket.transferred
        total.add(state, transferred: moved, wait: wait, within: within, service: service)
        fields[field].add(state, transferred: moved, wait: wait, within: within, service: service)
        if let number = ticket.counter {
            counters[counterSlot(number)].add(state, transferred: moved, wait: wait, within: within, service: service)
        }
        if let name = ticket.staff {
            staff[staffSlot(name)].add(state, transferred: moved, wait: wait, within: within, service: service)
        }
        if (0..<24).contains(ticket.issueHour) {
            hours[ticket.issueHour].add(state, transferred: moved, wait: wait, within: within, service: service)
        }
        if (1...7).contains(ticket.issueWeekday) {
            weekdays[ticket.issueWeekday - 1].add(state, transferred: moved, wait: wait, within: within, service: service)
        }
    }

    /// Counts one rating (levels outside 1…4 are ignored) in the total, its field, counter and staff rows and the
    /// hour and weekday it was given.
    public mutating func add(_ rating: ReportRating) {
        guard (1...4).contains(rating.level) else { return }
        total.add(rating: rating.level)
        if let code = rating.field { fields[fieldSlot(code)].add(rating: rating.level) }
        if let number = rating.counter { counters[counterSlot(number)].add(rating: rating.level) }
        if let name = rating.staff { staff[staffSlot(name)].add(rating: rating.level) }
        let reading = VietnamTime.reading(rating.at)
        hours[reading.hour].add(rating: rating.level)
        weekdays[reading.weekday - 1].add(rating: rating.level)
    }

    /// Counts one promise in the total and its field: in the same-day rate when it is a same-day procedure
    /// received in the period, in the on-time rate when it falls due in the period and is returned or overdue.
    public mutating func add(_ promise: ReportPromise) {
        var sameDay: Bool?
        if promise.sameDay, period.contains(DayKey(promise.receivedAt)) {
            sameDay = promise.returnedAt.map { DayKey($0) == DayKey(promise.receivedAt) } ?? false
        }
        var onTime: Bool?
        if period.contains(DayKey(promise.promisedAt)), promise.returnedAt != nil || promise.promisedAt <= asOf {
            onTime = promise.returnedAt.map { $0 <= promise.promisedAt } ?? false
        }
        guard sameDay != nil || onTime != nil else { return }
        total.add(sameDay: sameDay, due: onTime)
        fields[fieldSlot(promise.field)].add(sameDay: sameDay, due: onTime)
    }

    /// Adds what another accumulator of the same period counted (another slice of the tickets, read and counted
    /// on another core) into this one; the figures are the same as if one had counted everything.
    public mutating func merge(_ other: ReportAccumulator) {
        total.merge(other.total)
        for (slot, code) in other.fieldCodes.enumerated() { fields[fieldSlot(code)].merge(other.fields[slot]) }
        for (slot, number) in other.counterNumbers.enumerated() { counters[counterSlot(number)].merge(other.counters[slot]) }
        for (slot, name) in other.staffNames.enumerated() { staff[staffSlot(name)].merge(other.staff[slot]) }
        for hour in 0..<24 { hours[hour].merge(other.hours[hour]) }
        for day in 0..<7 { weekdays[day].merge(other.weekdays[day]) }
    }

    /// The figures of everything added so far.
    public func finish() -> ReportBreakdown {
        let promise = targets.promisesOnTime
        let overall = targets.satisfaction
        let fieldOrder = (0..<fields.count).filter { $0 < pinnedFields || fields[$0].touched }
            .sorted { a, b in
                a < pinnedFields || b < pinnedFields ? a < b : fieldCodes[a] < fieldCodes[b]
            }
        return ReportBreakdown(
            total: total.figures(key: "total", promiseTarget: promise, satisfactionTarget: overall),
            byField: fieldOrder.map { slot in
                fields[slot].figures(
                    key: fieldCodes[slot], promiseTarget: promise,
                    satisfactionTarget: targets.satisfactionTarget(field: fieldCodes[slot]))
            },
            byCounter: counterNumbers.indices.sorted { counterNumbers[$0] < counterNumbers[$1] }.map { slot in
                counters[slot].figures(key: String(counterNumbers[slot]), promiseTarget: promise, satisfactionTarget: overall)
            },
            byStaff: staffNames.indices.sorted { staffNames[$0] < staffNames[$1] }.map { slot in
                staff[slot].figures(key: staffNames[slot], promiseTarget: promise, satisfactionTarget: overall)
            },
            byHour: (0..<24).filter { hours[$0].touched }.map { hour in
                hours[hour].figures(key: VietnamTime.pad(hour), promiseTarget: promise, satisfactionTarget: overall)
            },
            byWeekday: (0..<7).filter { weekdays[$0].touched }.map { index in
                weekdays[index].figures(key: String(index + 1), promiseTarget: promise, satisfactionTarget: overall)
            })
    }

    mutating func fieldSlot(_ code: String) -> Int {
        if lastFieldSlot >= 0, code == lastField { return lastFieldSlot }
        let slot: Int
        if let known = fieldIndex[code] {
            slot = known
        } else {
            slot = fields.count
            fieldIndex[code] = slot
            fields.append(ReportTally())
            fieldCodes.append(code)
            fieldWaitTargets.append(Int32(clamping: targets.waitTargetSeconds(field: code)))
        }
        lastField = code
        lastFieldSlot = slot
        return slot
    }

    mutating func counterSlot(_ number: Int) -> Int {
        if number >= 0, number < counterSlots.count, counterSlots[number] >= 0 { return Int(counterSlots[number]) }
        if let known = counterIndex[number] { return known }
        if number >= 0, number < counterSlots.count { counterSlots[number] = Int32(counters.count) }
        counterIndex[number] = counters.count
        counters.append(ReportTally())
        counterNumbers.append(number)
        return counters.count - 1
    }

    mutating func staffSlot(_ name: String) -> Int {
        if let known = staffIndex[name] { return known }
        staffIndex[name] = staff.count
        staff.append(ReportTally())
        staffNames.append(name)
        return staff.count - 1
    }
}
