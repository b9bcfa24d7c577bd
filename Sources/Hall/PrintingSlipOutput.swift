public import DeviceProtocols
import Foundation
import QueueCore
public import QueueStore

/// Prints return-promise slips on the printer bound to the counter (device bindings), or on the virtual
/// printer when the counter has none — the slip is then a PNG the officer can print or show.
public struct PrintingSlipOutput: SlipOutput {
    public let renderer: TicketRenderer
    let registry: PrinterRegistry
    let database: AppDatabase
    /// The centre's name as the admin last saved it.
    let look: HallLook
    let virtualPrinterID: String?
    /// The base of the slip's QR link (the public link tickets carry).
    let publicURL: String

    public init(
        renderer: TicketRenderer, registry: PrinterRegistry, database: AppDatabase, look: HallLook, virtualPrinterID: String?,
        publicURL: String = ""
    ) {
        self.publicURL = publicURL
        self.renderer = renderer
        self.registry = registry
        self.database = database
        self.look = look
        self.virtualPrinterID = virtualPrinterID
    }

    public func printSlip(_ slip: PromiseSlip) async -> PrintOutcome {
        do {
            guard let printer = try await printer(forCounter: slip.counter) else {
                return PrintOutcome(status: .none, message: "Quầy không có máy in. / The counter has no printer.")
            }
            guard let ticketID = slip.ticketId, let ticket = try await database.ticket(id: ticketID) else {
                return PrintOutcome(status: .failed, message: "Không tìm thấy phiếu của hồ sơ. / The dossier's ticket is missing.")
            }
            let bitmap = try renderer.render(content(for: slip), for: printer.port.profile)
            let bytes = try EscPosEncoder.ticketJob(bitmap: bitmap, profile: printer.port.profile)
            return await printer.submit(bytes, ticket: ticket, jobName: "\(ticket.serviceDay)-hen-tra-\(slip.dossierId)")
        } catch {
            return PrintOutcome(status: .failed, message: "Không in được phiếu hẹn / The slip could not be printed: \(error)")
        }
    }

    /// The printer bound to the counter, else the virtual one. A binding that cannot be read throws: the slip
    /// then fails with that reason (listed to reprint) instead of quietly coming out of another printer.
    func printer(forCounter counter: Int?) async throws -> TicketPrinter? {
        if let counter, let bound = try await database.deviceBindings().first(where: { $0.value == counter })?.key,
            let printer = registry.printer(id: bound)
        {
            return printer
        }
        return virtualPrinterID.flatMap(registry.printer(id:))
    }

    public func content(for slip: PromiseSlip) -> TicketContent {
        var content = TicketContent(
            centreName: look.current.centreName, fieldName: slip.fieldName, number: slip.ticket, issuedAt: Self.stamp(slip.receivedAt),
            peopleAhead: 0, estimatedWaitMinutes: 0,
            statusURL: slip.statusToken.isEmpty ? "" : "\(publicURL)/t/\(slip.statusToken)")
        content.extra = [
            "procedure": slip.procedureName, "procedureCode": slip.procedureCode, "receivedAt": Self.stamp(slip.receivedAt),
            "promisedAt": Self.stamp(slip.promisedAt), "explanation": slip.explanation, "dossier": String(slip.dossierId),
            "counter": slip.counter.map(String.init) ?? "-",
        ]
        return content
    }

    static func stamp(_ date: Date) -> String { "\(VietnamTime.clockTime(date)) \(DayKey(date).vietnamese)" }
}
