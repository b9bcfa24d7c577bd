/// Refuses a calendar file that would silently shift deadlines: a typo'd date, a date of another year, a
/// day listed twice, or a "swapped working day" that is already a weekday.
extension CalendarYear {
    public func validate() throws(QueueError) {
        try require((2000...2100).contains(year),
            "Năm \(year) của tệp lịch không hợp lệ.", "Calendar year \(year) is out of range.")
        var seen: Set<DayKey> = []
        for (entry, kind) in holidays.map({ ($0, false) }) + swappedWorkingDays.map({ ($0, true) }) {
            guard let day = entry.day else {
                throw QueueError(.invalidCatalog,
                    message: "Ngày “\(entry.date)” trong lịch năm \(year) không hợp lệ (cần dạng YYYY-MM-DD và là ngày có thật).",
                    englishMessage: "Date '\(entry.date)' in the \(year) calendar is not a valid YYYY-MM-DD date.")
            }
            try require(day.year == year,
                "Ngày “\(entry.date)” không thuộc năm \(year) của tệp lịch.",
                "Date '\(entry.date)' is not in the calendar's year \(year).")
            try require(!entry.name.trimmed.isEmpty,
                "Ngày “\(entry.date)” trong lịch năm \(year) cần có tên.",
                "Date '\(entry.date)' in the \(year) calendar needs a name.")
            try require(seen.insert(day).inserted,
                "Ngày “\(entry.date)” bị khai báo hai lần trong lịch năm \(year).",
                "Date '\(entry.date)' is listed twice in the \(year) calendar.")
            if kind {
                try require(day.isWeekend,
                    "Ngày làm bù “\(entry.date)” phải là thứ Bảy hoặc Chủ nhật.",
                    "Swapped working day '\(entry.date)' must be a Saturday or Sunday.")
            }
        }
    }
}
