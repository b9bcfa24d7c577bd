import Foundation
import QueueCore

/// A seeded synthetic history of one centre for `make bench-province`: per day `ticketsPerDay` tickets between 07:30
/// and 17:00 (93 % served, the rest no-shows), a rating for half the served (55 % very satisfied, 35 % satisfied,
/// 7 % not, 3 % very not), a dossier for 30 % of them (40 % same-day, the rest promised in 3–10 days, 97 % of those
/// due returned on time), as COPY text lines for the province's `ticket`, `rating` and `dossier` tables.
struct ProvinceHistory {
    static let ticketColumns = [
        "centre", "id", "service_day", "field", "priority", "state", "issued_at", "first_called_at", "ended_at", "counter", "staff",
        "booked",
    ]
    static let ratingColumns = ["centre", "id", "service_day", "at", "field", "counter", "staff", "level", "reason"]
    static let dossierColumns = [
        "centre", "id", "service_day", "field", "procedure", "same_day", "received_at", "promised_at", "returned_at", "counter", "staff",
    ]

    var tickets: [String] = []
    var ratings: [String] = []
    var dossiers: [String] = []

    /// The centre's lines for `days` (oldest first), none after `today` (promises falling later stay open).
    init(centre: String, days: [DayKey], today: DayKey, ticketsPerDay: Int, fields: [String], seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Ids far above a live centre's own (which start at 1), so the live part never meets the history.
        var (ticketID, ratingID, dossierID): (Int64, Int64, Int64) = (1_000_000_000, 1_000_000_000, 1_000_000_000)
        tickets.reserveCapacity(days.count * ticketsPerDay)
        for day in days {
            let date = day.iso
            for _ in 0..<ticketsPerDay {
                ticketID += 1
                let field = fields[Int(random.next() % UInt64(fields.count))]
                let counter = 1 + Int(random.next() % 8)
                let issued = 450 * 60 + Int(random.next() % (570 * 60))
                let called = issued + Int(random.next() % (40 * 60))
                let ended = called + 180 + Int(random.next() % 720)
                let served = random.next() % 100 < 93
                tickets.append(
                    "\(centre)\t\(ticketID)\t\(date)\t\(field)\tnone\t\(served ? "done" : "no-show")\t\(Self.stamp(date, issued))\t"
                        + "\(Self.stamp(date, called))\t\(Self.stamp(date, ended))\t\(counter)\tcb\(counter)\tf")
                guard served else { continue }
                if random.next() % 2 == 0 {
                    ratingID += 1
                    let roll = random.next() % 100
                    let level = roll < 55 ? 1 : roll < 90 ? 2 : roll < 97 ? 3 : 4
                    ratings.append(
                        "\(centre)\t\(ratingID)\t\(date)\t\(Self.stamp(date, ended + 20))\t\(field)\t\(counter)\tcb\(counter)\t\(level)\t\\N"
                    )
                }
                if random.next() % 100 < 30 {
                    dossierID += 1
                    let sameDay = random.next() % 100 < 40
                    let dueDay = sameDay ? day : day.adding(days: 3 + Int(random.next() % 8))
                    let promised = Self.stamp(dueDay.iso, 16 * 3600 + 1800)
                    var returned = "\\N"
                    if dueDay < today {
                        let late = random.next() % 100 >= 97
                        returned = late ? Self.stamp(dueDay.adding(days: 1).iso, 9 * 3600) : Self.stamp(dueDay.iso, 15 * 3600)
                    }
                    dossiers.append(
                        "\(centre)\t\(dossierID)\t\(date)\t\(field)\tp-\(field)\t\(sameDay ? "t" : "f")\t\(Self.stamp(date, ended))\t"
                            + "\(promised)\t\(returned)\t\(counter)\tcb\(counter)")
                }
            }
        }
    }

    /// `2026-11-03 08:15:07+07` for a second of the Vietnam day.
    static func stamp(_ day: String, _ second: Int) -> String {
        "\(day) \(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))+07"
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
