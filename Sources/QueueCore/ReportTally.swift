/// The running counts of one report row. A value type kept in arrays and mutated in place, so adding a ticket
/// allocates nothing except when its wait array grows.
struct ReportTally: Sendable {
    var issued = 0
    var served = 0
    var noShows = 0
    var transferred = 0
    var waits: [Int32] = []
    var waitSum: Int64 = 0
    var withinTarget = 0
    var serviceTimed = 0
    var serviceSum: Double = 0
    var sameDayPromises = 0
    var sameDayResolved = 0
    var promisesDue = 0
    var promisesOnTime = 0
    var level1 = 0
    var level2 = 0
    var level3 = 0
    var level4 = 0
    /// Whether anything at all was counted (rows with nothing are left out unless pinned).
    var touched = false

    @inline(__always)
    mutating func add(_ state: TicketState, transferred moved: Bool, wait: Int32, within: Bool, service: Double) {
        touched = true
        issued += 1
        if state == .done { served += 1 } else if state == .noShow { noShows += 1 }
        if moved { transferred += 1 }
        if wait >= 0 {
            waits.append(wait)
            waitSum += Int64(wait)
            if within { withinTarget += 1 }
        }
        if service >= 0 {
            serviceTimed += 1
            serviceSum += service
        }
    }

    mutating func add(rating level: Int) {
        touched = true
        switch level {
        case 1: level1 += 1
        case 2: level2 += 1
        case 3: level3 += 1
        case 4: level4 += 1
        default: break
        }
    }

    mutating func add(sameDay: Bool?, due: Bool?) {
        touched = true
        if let sameDay {
            sameDayPromises += 1
            if sameDay { sameDayResolved += 1 }
        }
        if let due {
            promisesDue += 1
            if due { promisesOnTime += 1 }
        }
    }

    func figures(key: String, promiseTarget: Double, satisfactionTarget: Double) -> ReportFigures {
        var order = waits
        let (p50, p90, max) = Self.percentiles(&order)
        let ratings = level1 + level2 + level3 + level4
        let satisfied = level1 + level2
        let onTimeRate = Self.rate(promisesOnTime, promisesDue)
        let satisfactionRate = Self.rate(satisfied, ratings)
        return ReportFigures(
            key: key, issued: issued, served: served, noShows: noShows, transferred: transferred, waited: waits.count,
            waitMeanSeconds: waits.isEmpty ? nil : Double(waitSum) / Double(waits.count),
            waitP50Seconds: p50, waitP90Seconds: p90, waitMaxSeconds: max, withinTarget: withinTarget,
            withinTargetShare: Self.rate(withinTarget, waits.count), serviceTimed: serviceTimed,
            serviceMeanSeconds: serviceTimed == 0 ? nil : serviceSum / Double(serviceTimed),
            sameDayPromises: sameDayPromises, sameDayResolved: sameDayResolved,
            sameDayRate: Self.rate(sameDayResolved, sameDayPromises), promisesDue: promisesDue,
            promisesOnTime: promisesOnTime, promisesOnTimeRate: onTimeRate, promisesOnTimeTarget: promiseTarget,
            promisesOnTimeMet: onTimeRate.map { $0 >= promiseTarget }, ratings: ratings,
            ratingLevels: [level1, level2, level3, level4], satisfied: satisfied, satisfactionRate: satisfactionRate,
            satisfactionTarget: satisfactionTarget, satisfactionMet: satisfactionRate.map { $0 >= satisfactionTarget })
    }

    /// Nearest-rank 1-based rank ⌈p × n / 100⌉ of percentile `percent` among `count` values.
    static func nearestRank(percent: Int, count: Int) -> Int { max(1, (percent * count + 99) / 100) }

    /// p50, p90 (nearest rank) and maximum, by selection rather than a full sort: a year's total row holds a
    /// million waits, and two linear-time selections cost a fraction of sorting them. Reorders `waits`.
    static func percentiles(_ waits: inout [Int32]) -> (Int?, Int?, Int?) {
        guard !waits.isEmpty else { return (nil, nil, nil) }
        let count = waits.count
        return waits.withUnsafeMutableBufferPointer { buffer in
            let max = Int(select(buffer, rank: count - 1, upTo: count - 1))
            let p90Index = nearestRank(percent: 90, count: count) - 1
            let p90 = Int(select(buffer, rank: p90Index, upTo: count - 1))
            // After selecting p90 everything before its index is ≤ it, so p50 is found among those.
            let p50 = Int(select(buffer, rank: nearestRank(percent: 50, count: count) - 1, upTo: p90Index))
            return (p50, p90, max)
        }
    }

    /// The value of 0-based `rank` in ascending order within `buffer[0...upTo]` (quickselect with a median-of-three
    /// pivot and a three-way partition, so runs of equal waits — many zeros — stay linear).
    static func select(_ buffer: UnsafeMutableBufferPointer<Int32>, rank: Int, upTo last: Int) -> Int32 {
        var low = 0
        var high = last
        while low < high {
            let a = buffer[low]
            let b = buffer[(low + high) / 2]
            let c = buffer[high]
            let pivot = Swift.max(Swift.min(a, b), Swift.min(Swift.max(a, b), c))
            var less = low
            var index = low
            var greater = high
            while index <= greater {
                let value = buffer[index]
                if value < pivot {
                    buffer.swapAt(less, index)
                    less += 1
                    index += 1
                } else if value > pivot {
                    buffer.swapAt(index, greater)
                    greater -= 1
                } else {
                    index += 1
                }
            }
            if rank < less {
                high = less - 1
            } else if rank > greater {
                low = greater + 1
            } else {
                return pivot
            }
        }
        return buffer[low]
    }

    static func rate(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
}

extension ReportTally {
    /// Adds another tally of the same row (counted on another thread) into this one.
    mutating func merge(_ other: ReportTally) {
        guard other.touched else { return }
        touched = true
        issued += other.issued
        served += other.served
        noShows += other.noShows
        transferred += other.transferred
        waits += other.waits
        waitSum += other.waitSum
        withinTarget += other.withinTarget
        serviceTimed += other.serviceTimed
        serviceSum += other.serviceSum
        sameDayPromises += other.sameDayPromises
        sameDayResolved += other.sameDayResolved
        promisesDue += other.promisesDue
        promisesOnTime += other.promisesOnTime
        level1 += other.level1
        level2 += other.level2
        level3 += other.level3
        level4 += other.level4
    }
}
