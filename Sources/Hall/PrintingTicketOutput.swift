public import DeviceProtocols
import Foundation
import Logging
public import QueueCore
public import QueueStore

/// Prints tickets: hands the ticket to that printer's queue, which renders it (Vietnamese raster text + QR) at the
/// printer's paper width and encodes it as ESC/POS when its turn comes. With no printer attached the kiosk still shows the
/// number and QR; the answer says why nothing was printed and the supervisor gets an alert.
public struct PrintingTicketOutput: TicketOutput {
    public let renderer: TicketRenderer
    public let registry: PrinterRegistry
    /// The centre's name, footer and logo as the admin last saved them.
    public let look: HallLook
    public let publicURL: String
    let alert: @Sendable (PrinterAlert) -> Void
    let clock: any WallClock
    /// Where a job stored with its ticket is marked failed when its printer went away before it could be queued.
    let database: AppDatabase?
    /// The training clock runs (`serve --now`): every ticket is marked ĐÀO TẠO / TRAINING.
    public var training = false

    public init(
        renderer: TicketRenderer, registry: PrinterRegistry, look: HallLook, publicURL: String, clock: any WallClock,
        database: AppDatabase? = nil, alert: @escaping @Sendable (PrinterAlert) -> Void
    ) {
        self.database = database
        self.renderer = renderer
        self.registry = registry
        self.look = look
        self.publicURL = publicURL
        self.clock = clock
        self.alert = alert
    }

    public func printerID(forKiosk kiosk: String?) -> String? { registry.printer(forKiosk: kiosk)?.port.id }
    public func assignPrinter(_ printer: String?, toKiosk kiosk: String) { registry.assign(printer, toKiosk: kiosk) }

    public func print(_ request: PrintRequest) async -> PrintOutcome {
        guard let printer = registry.printer(forKiosk: request.kiosk) else {
            await failStoredJob(request)
            alert(
                PrinterAlert(
                    printer: "-", number: request.ticket.label, message: "Không có máy in nào được kết nối.",
                    messageEn: "No printer is connected.", at: clock.now()))
            return PrintOutcome(status: .failed, message: "Máy in chưa kết nối; vui lòng ghi lại số trên màn hình.")
        }
        // Drawn in the printer's queue, not here: the kiosk's answer never waits on rendering.
        let content = content(for: request)
        let profile = printer.port.profile
        return await printer.submit(ticket: request.ticket, storedJob: request.printJobID) { [renderer] in
            try EscPosEncoder.ticketJob(bitmap: try renderer.render(content, for: profile), profile: profile)
        }
    }

    /// The printer was unplugged between the issue and its job: the stored job is failed, so it is listed to reprint.
    func failStoredJob(_ request: PrintRequest) async {
        guard let job = request.printJobID, let database else { return }
        do {
            try await database.finishPrintJob(
                job, state: .failed, error: "Máy in đã bị rút ra / The printer was unplugged", at: clock.now())
        } catch {
            Logger(label: "khongcho.printer").error(
                "Could not record the print job as failed", metadata: ["ticket": "\(request.ticket.label)", "error": "\(error)"])
        }
    }

    public func preview(_ request: PrintRequest) async -> [UInt8]? {
        let width = registry.printer(forKiosk: request.kiosk)?.port.profile.paperWidthDots ?? 576
        guard let bitmap = try? renderer.render(content(for: request), paperWidthDots: width) else { return nil }
        return PNGWriter.encode(bitmap)
    }

    /// The admin's test page: the ticket layout with the hall's name, logo and footer and "THỬ IN / TEST PRINT".
    public func testPage(for profile: PrinterProfile) throws -> [UInt8] {
        let look = look.current
        var content = TicketContent(
            centreName: look.centreName, fieldName: "THỬ IN / TEST PRINT", number: "A000",
            issuedAt: "\(VietnamTime.clockTime(clock.now())) — \(DayKey(clock.now()).vietnamese)", peopleAhead: 0,
            estimatedWaitMinutes: 0, statusURL: "\(publicURL)/t/test", thankYouLine: "Máy in hoạt động tốt")
        content.footer = look.footer
        content.logo = look.logo
        content.training = training ? true : nil
        return try EscPosEncoder.ticketJob(bitmap: try renderer.render(content, for: profile), profile: profile)
    }

    public func content(for request: PrintRequest) -> TicketContent {
        let ticket = request.ticket
        let day = ticket.serviceDay.split(separator: "-")
        let date = day.count == 3 ? "\(day[2])/\(day[1])/\(day[0])" : ticket.serviceDay
        let look = look.current
        var content = TicketContent(
            centreName: look.centreName, fieldName: request.fieldName, number: ticket.label,
            priorityLabel: ticket.priority.isPriority ? ticket.priority.vietnameseName : nil,
            issuedAt: "\(VietnamTime.clockTime(ticket.issuedAt)) — \(date)", peopleAhead: request.ahead,
            estimatedWaitMinutes: request.estimatedWaitMinutes, statusURL: "\(publicURL)/t/\(ticket.token)")
        content.training = training ? true : nil
        content.footer = look.footer
        content.logo = look.logo
        return content
    }
}
