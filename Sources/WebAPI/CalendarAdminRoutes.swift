import Foundation
import Hall
import Hummingbird
import NIOCore
import QueueCore
import QueueStore

/// The admin edits or adds a calendar year (holidays and swapped working days). The year is validated as
/// part of the whole calendar before it is stored; promises use it at once.
struct CalendarAdminRoutes {
    let database: AppDatabase
    let book: CalendarBook
    let clock: any WallClock

    struct YearSummary: Encodable, Sendable {
        let year: Int
        let holidays: Int
        let swappedWorkingDays: Int
        let edited: Bool
    }

    struct YearList: Encodable, Sendable { let years: [YearSummary] }

    func register(on routes: RouteTable) {
        routes.add(.get, "/api/v1/admin/calendar") { _, context in
            _ = try context.requireRole(.admin)
            let edited = book.editedYears
            return JSON(
                YearList(
                    years: book.current.years.values.sorted { $0.year < $1.year }.map {
                        YearSummary(
                            year: $0.year, holidays: $0.holidays.count, swappedWorkingDays: $0.swappedWorkingDays.count,
                            edited: edited.contains($0.year))
                    }))
        }
        routes.add(.get, "/api/v1/admin/calendar/{year}") { _, context in
            _ = try context.requireRole(.admin)
            let year = try yearParameter(context)
            guard let calendar = book.current.years[year] else {
                throw APIError(.notFound, .notFound, "Chưa có lịch năm \(year).", "No calendar for \(year) yet.")
            }
            return JSON(calendar)
        }
        routes.add(.put, "/api/v1/admin/calendar/{year}") { request, context in
            let admin = try context.requireRole(.admin)
            let year = try yearParameter(context)
            let body = try await request.body.collect(upTo: context.maxUploadSize)
            let calendar = try CalendarYear.decode(Data(body.readableBytesView))
            guard calendar.year == year else {
                throw QueueError.invalid(
                    "Nội dung là lịch năm \(calendar.year) nhưng địa chỉ là năm \(year).",
                    "The body is the \(calendar.year) calendar but the address says \(year).")
            }
            try calendar.checkText()
            let updated = try book.replacing(calendar)
            try await database.saveCalendarYear(
                calendar, replacing: book.current.years[year], by: admin.username, client: context.clientAddress, at: clock.now())
            book.install(updated, edited: year)
            return JSON(calendar)
        }
    }

    func yearParameter(_ context: AppRequestContext) throws -> Int {
        guard let year = context.parameters.get("year", as: Int.self), (2000...2100).contains(year) else {
            throw QueueError.invalid("Năm phải là số từ 2000 đến 2100.", "The year must be a number from 2000 to 2100.")
        }
        return year
    }
}
