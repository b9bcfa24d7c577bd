import Foundation
import Hall
import QueueCore
import QueueStore

extension AppDatabase {
    /// The hall as screens read it (`/api/v1/hall` and a live stream's snapshot alike), with whether the kiosk
    /// issues now from the calendar in force. A year without a calendar leaves `issuing` out rather than failing
    /// the hall screens: the promise routes report that gap.
    func hallState(at now: Date, calendar: CalendarBook?) async throws -> HallState {
        var state = try await hallState(at: now)
        state.issuing = try? calendar?.current.issuingStatus(at: now)
        return state
    }
}
