import Foundation
import QueueCore
import Testing

@Suite("Report periods")
struct ReportPeriodTests {
    @Test(arguments: [
        ("day:2026-03-02", "2026-03-02", "2026-03-02"),
        ("week:2026-W10", "2026-03-02", "2026-03-08"),
        ("week:2026-W01", "2025-12-29", "2026-01-04"),
        ("week:2026-W53", "2026-12-28", "2027-01-03"),
        ("week:2027-W01", "2027-01-04", "2027-01-10"),
        ("month:2026-03", "2026-03-01", "2026-03-31"),
        ("month:2028-02", "2028-02-01", "2028-02-29"),
        ("quarter:2026-Q1", "2025-12-15", "2026-03-14"),
        ("quarter:2026-Q2", "2026-03-15", "2026-06-14"),
        ("quarter:2026-Q3", "2026-06-15", "2026-09-14"),
        ("quarter:2026-Q4", "2026-09-15", "2026-12-14"),
        ("year:2026", "2025-12-15", "2026-12-14"),
        ("custom:2026-01-05..2026-02-10", "2026-01-05", "2026-02-10"),
        ("custom:2026-01-05..2027-02-08", "2026-01-05", "2027-02-08"),
    ])
    func parsesToInclusiveServiceDays(text: String, first: String, last: String) throws {
        let period = try ReportPeriod(parsing: text)
        #expect(period.first.iso == first)
        #expect(period.last.iso == last)
        #expect(period.text == text)
        #expect(try ReportPeriod(parsing: period.text) == period)
    }

    @Test func quartersTileTheReportingYear() throws {
        let year = try ReportPeriod(parsing: "year:2026")
        let quarters = try (1...4).map { try ReportPeriod(parsing: "quarter:2026-Q\($0)") }
        #expect(quarters[0].first == year.first)
        #expect(quarters[3].last == year.last)
        for (a, b) in zip(quarters, quarters.dropFirst()) { #expect(a.last.adding(days: 1) == b.first) }
        #expect(quarters.map(\.dayCount).reduce(0, +) == year.dayCount)
        #expect(year.dayCount == 365)
    }

    @Test func labels() throws {
        #expect(try ReportPeriod(parsing: "quarter:2026-Q1").label == "Quý I/2026 (15/12/2025 – 14/03/2026)")
        #expect(try ReportPeriod(parsing: "quarter:2026-Q4").label == "Quý IV/2026 (15/09/2026 – 14/12/2026)")
        #expect(try ReportPeriod(parsing: "quarter:2026-Q1").englishLabel == "Q1 2026 (15/12/2025 – 14/03/2026)")
        #expect(try ReportPeriod(parsing: "year:2026").label == "Năm 2026 (15/12/2025 – 14/12/2026)")
        #expect(try ReportPeriod(parsing: "week:2026-W10").label == "Tuần 10/2026 (02/03/2026 – 08/03/2026)")
        #expect(try ReportPeriod(parsing: "month:2026-03").label == "Tháng 03/2026 (01/03/2026 – 31/03/2026)")
        #expect(try ReportPeriod(parsing: "day:2026-03-02").label == "Ngày 02/03/2026")
        #expect(try ReportPeriod(parsing: "custom:2026-01-05..2026-02-10").label == "Từ 05/01/2026 đến 10/02/2026")
        #expect(try ReportPeriod(parsing: "custom:2026-01-05..2026-02-10").englishLabel == "From 05/01/2026 to 10/02/2026")
    }

    @Test(arguments: [
        ("", "Malformed period ''"),
        ("quarter:2026", "Malformed period 'quarter:2026'"),
        ("fortnight:2026-01", "Malformed period 'fortnight:2026-01'"),
        ("day:2026-3-2", "Malformed period 'day:2026-3-2'"),
        ("week:2026-10", "Malformed period 'week:2026-10'"),
        ("custom:2026-01-05", "Malformed period 'custom:2026-01-05'"),
        ("day:2026-02-29", "No such date: '2026-02-29'."),
        ("month:2026-13", "No such date: '2026-13'."),
        ("quarter:2026-Q5", "No such date: '2026-Q5'."),
        ("week:2027-W53", "Week 53 does not exist in 2027 (it has 52 ISO weeks)."),
        ("week:2026-W00", "Week 0 does not exist in 2026 (it has 53 ISO weeks)."),
        ("custom:2026-02-10..2026-01-05", "Reversed range: it ends (2026-01-05) before it starts (2026-02-10)."),
        ("custom:2026-01-01..2027-02-05", "Period out of range: the custom range spans 401 days, at most 400 are allowed."),
        ("year:1900", "Period out of range: year 1900 is outside 1971–9998 ('year:1900')."),
    ])
    func refusesBadPeriods(text: String, english: String) {
        #expect {
            try ReportPeriod(parsing: text)
        } throws: { error in
            guard let error = error as? QueueError else { return false }
            return error.code == .invalidInput && error.englishMessage.hasPrefix(english) && !error.message.isEmpty
        }
    }

    @Test func vietnameseMessageForOutOfRange() {
        #expect(
            throws: QueueError.invalid(
                "Kỳ báo cáo vượt giới hạn: khoảng tùy chọn dài 401 ngày, tối đa 400 ngày.",
                "Period out of range: the custom range spans 401 days, at most 400 are allowed.")
        ) {
            try ReportPeriod(parsing: "custom:2026-01-01..2027-02-05")
        }
    }
}

@Suite("Report period JSON")
struct ReportPeriodJSONTests {
    @Test func encodesTheHeaderAndDecodesFromText() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let period = try ReportPeriod(parsing: "quarter:2026-Q1")
        let json = String(decoding: try encoder.encode(period), as: UTF8.self)
        #expect(
            json == """
                {"englishLabel":"Q1 2026 (15/12/2025 – 14/03/2026)","first":"2025-12-15","kind":"quarter",\
                "label":"Quý I/2026 (15/12/2025 – 14/03/2026)","last":"2026-03-14","text":"quarter:2026-Q1"}
                """)
        #expect(try JSONDecoder().decode(ReportPeriod.self, from: Data(json.utf8)) == period)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ReportPeriod.self, from: Data(#"{"text":"quarter:2026-Q9"}"#.utf8))
        }
    }
}
