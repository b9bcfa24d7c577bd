public import DeviceProtocols
public import Foundation
import QueueCore
public import QueueStore

/// A caller keypad's keys do exactly what the staff page's buttons do, at the keypad's counter, as the
/// actor `keypad:<device>` (bound to that counter, so it can act nowhere else).
public struct CallerActions: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Performs `command`; answers what happened in a short Vietnamese line (for the log and admin page).
    public func perform(_ command: CallerCommand, counter: Int, device: String, at now: Date) async throws -> String {
        let actor = StaffActor(username: "keypad:\(device)", counter: counter)
        if command == .next {
            let event = try await database.callNext(counter: counter, by: actor, at: now)
            return event.map { "Gọi \($0.ticket.number)" } ?? "Không còn ai chờ"
        }
        guard let current = try await database.counters().first(where: { $0.number == counter })?.current else {
            throw QueueError.invalid(
                "Quầy \(counter) chưa có phiếu nào; bấm “gọi số” trước.",
                "Counter \(counter) has no ticket; press “next” first.")
        }
        let event = try await database.apply(Self.action(command), ticket: current.id, by: actor, at: now)
        return "\(event.ticket.number): \(event.kind.rawValue)"
    }

    static func action(_ command: CallerCommand) -> TicketAction {
        switch command {
        case .next, .recall: .recall
        case .serve: .serve
        case .done: .done(.returned)
        case .noShow: .noShow
        case .transfer(let field): .transfer(toField: field)
        }
    }
}
