import Foundation
import KioskTesting
import QueueCore
import QueueStore
import Testing

@testable import Hall

/// CSV exports open in Excel or LibreOffice: a name a user typed must never run as a formula there.
@Suite("Report CSV")
struct ReportCSVTests {
    /// A field named `=HYPERLINK(…)`, a centre named `@SUM(…)` and an officer whose username starts with `-`:
    /// each text cell gets a leading `'`; the figures beside them are written unchanged.
    @Test func textCellsThatLookLikeFormulasAreNeutralised() async throws {
        var catalog = CatalogBuilder.small()
        catalog.centreName = "@SUM(1+1)"
        catalog.fields[0].name = #"=HYPERLINK("http://evil.example","bấm")"#
        let hall = try await TestHall(catalog: catalog, start: "2026-03-02 08:00")
        let officer = StaffActor(username: "-2+3", counter: 1)
        let issued = try await hall.database.issueTicket(field: "dat-dai", priority: .none, source: nil, at: hall.clock.now())
        hall.clock.set(ManualClock.vietnamDate("2026-03-02 08:05"))
        _ = try await hall.database.callNext(counter: 1, by: officer, at: hall.clock.now())
        _ = try await hall.database.apply(.serve, ticket: issued.ticket.id, by: officer, at: hall.clock.now())
        hall.clock.set(ManualClock.vietnamDate("2026-03-02 08:10"))
        _ = try await hall.database.apply(.done(.returned), ticket: issued.ticket.id, by: officer, at: hall.clock.now())
        let report = try await hall.database.report(
            period: try ReportPeriod(parsing: "day:2026-03-02"),
            targets: ReportTargets(catalog: try await hall.database.catalog(), service: ServiceTargets()),
            asOf: hall.clock.now())
        let lines = String(decoding: ReportCSV.render(report).dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")

        #expect(lines[0] == "Báo cáo tiếp nhận và giải quyết (Reception report),'@SUM(1+1)")
        let field = try #require(lines.firstIndex(of: "Theo lĩnh vực (By field)"))
        #expect(lines[field + 2].hasPrefix(#"dat-dai,"'=HYPERLINK(""http://evil.example"",""bấm"") (Land)",1,1,0,0,5.0,"#))
        let staff = try #require(lines.firstIndex(of: "Theo cán bộ (By staff member)"))
        #expect(lines[staff + 2].hasPrefix("'-2+3,'-2+3,1,1,0,0,5.0,"))
        #expect(!lines.contains { $0.hasPrefix("=") || $0.contains(",=") || $0.contains(",@") || $0.contains(",+") })
        let cells = ReportCSV.row(try #require(report.figures.byStaff.first), name: "-2+3")
        #expect(cells.count == ReportCSV.header.count)
        #expect(cells[0] == .text("-2+3"))
        #expect(cells[2] == .number("1"))
    }

    @Test(arguments: ["=1+2", "+1", "-1", "@A1", "\tx", "\rx"])
    func formulaStartsGetAQuote(text: String) {
        #expect(ReportCSV.encode(.text(text)).hasPrefix("'") || ReportCSV.encode(.text(text)).hasPrefix("\"'"))
    }

    /// Signed figures stay numbers; ordinary text is untouched.
    @Test func figuresAndPlainTextAreWrittenAsTheyAre() {
        #expect(ReportCSV.encode(.number("-1.5")) == "-1.5")
        #expect(ReportCSV.encode(.number("")) == "")
        #expect(ReportCSV.encode(.text("Đất đai (Land)")) == "Đất đai (Land)")
        #expect(ReportCSV.encode(.text("a=b")) == "a=b")
        #expect(ReportCSV.encode(.text("=a,b")) == "\"'=a,b\"")
    }
}
