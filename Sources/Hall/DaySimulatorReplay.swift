import Foundation
public import QueueCore
import QueueStore

extension SimulatedArrival {
    /// Reads a past day to replay: CSV lines `issuedAt,field,serviceSeconds`, an optional header line, `#`
    /// comments and blank lines skipped. `issuedAt` is a clock time on `day` (`08:05` or `08:05:30`, Vietnam
    /// time) or a full ISO 8601 instant (`2026-03-06T08:05:30+07:00`).
    public static func replay(csv text: String, day: DayKey) throws -> [SimulatedArrival] {
        var arrivals: [SimulatedArrival] = []
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if offset == 0 || arrivals.isEmpty, cells.first?.lowercased() == "issuedat" { continue }
            guard cells.count == 3, !cells[1].isEmpty, let at = instant(cells[0], day: day),
                let seconds = Double(cells[2]), seconds >= 0, seconds.isFinite
            else {
                throw QueueError.invalid(
                    "Dòng \(offset + 1) của tệp phát lại không hợp lệ: “\(line)” (cần giờ-cấp,lĩnh-vực,số-giây-phục-vụ).",
                    "Replay line \(offset + 1) is invalid: '\(line)' (expected issuedAt,field,serviceSeconds).")
            }
            arrivals.append(SimulatedArrival(at: at, field: cells[1], serviceSeconds: seconds))
        }
        return stableSorted(arrivals)
    }

    static func instant(_ text: String, day: DayKey) -> Date? {
        if text.contains("T") { return ISO8601DateFormatter().date(from: text) }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2 || parts.count == 3, let hour = parts[0], let minute = parts[1],
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        let second = parts.count == 3 ? parts[2] : 0
        guard let second, (0..<60).contains(second) else { return nil }
        return day.date(atMinute: hour * 60 + minute).addingTimeInterval(Double(second))
    }
}
