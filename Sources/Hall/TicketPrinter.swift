public import Foundation
public import DeviceProtocols
public import QueueCore
public import QueueStore
public import Logging

/// The print queue of one printer: jobs go out one at a time, in order. Before each job the printer's
/// status is checked; a job that cannot print (no paper, cover open, offline, write failed) is recorded as
/// failed and raised as an alert, and stays listed until reprinted.
public actor TicketPrinter {
    public nonisolated let port: any PrinterPort
    let database: AppDatabase
    let clock: any WallClock
    let alert: @Sendable (PrinterAlert) -> Void
    let logger: Logger
    /// How long the kiosk waits for a job before answering "printing…".
    let answerWithin: Duration
    private var tail: Task<PrintOutcome, Never>?

    public init(
        port: any PrinterPort, database: AppDatabase, clock: any WallClock, answerWithin: Duration = .milliseconds(1500),
        logger: Logger = Logger(label: "khongcho.printer"), alert: @escaping @Sendable (PrinterAlert) -> Void
    ) {
        self.port = port
        self.database = database
        self.clock = clock
        self.answerWithin = answerWithin
        self.logger = logger
        self.alert = alert
    }

    /// Queues `bytes` for `ticket`; answers with the job's outcome, or "queued" when it takes longer than
    /// `answerWithin` (the job still completes and is recorded).
    /// `jobName` names the printout (the virtual printer's PNG); the ticket's day and label by default.
    public func submit(_ bytes: [UInt8], ticket: Ticket, jobName: String? = nil) async -> PrintOutcome {
        let previous = tail
        let name = jobName ?? "\(ticket.serviceDay)-\(ticket.label)"
        let job = Task { [port, database, clock] in
            _ = await previous?.value
            return await Self.run(bytes, ticket: ticket, jobName: name, port: port, database: database, clock: clock, printer: self)
        }
        tail = job
        return await withDeadline(answerWithin) { await job.value }
            ?? PrintOutcome(status: .queued, message: "Đang in phiếu… / Printing…")
    }

    static func run(
        _ bytes: [UInt8], ticket: Ticket, jobName: String, port: any PrinterPort, database: AppDatabase, clock: any WallClock,
        printer: TicketPrinter
    ) async -> PrintOutcome {
        let jobID = try? await database.addPrintJob(ticket: ticket.id, printer: port.id, at: clock.now())
        do {
            if let status = try await withDeadline(.milliseconds(800), { try? await port.status() }) ?? nil,
                !status.canPrint
            {
                throw PrintFailure(message: status.vietnameseSummary, messageEn: status.englishSummary)
            }
            try await port.write(bytes, job: jobName)
            if let jobID { try? await database.finishPrintJob(jobID, state: .printed, error: nil, at: clock.now()) }
            return PrintOutcome(status: .printed, message: "Đã in phiếu / Ticket printed")
        } catch {
            let failure = error as? PrintFailure
                ?? PrintFailure(message: "Không in được: \(error)", messageEn: "Printing failed: \(error)")
            if let jobID {
                try? await database.finishPrintJob(jobID, state: .failed, error: failure.messageEn, at: clock.now())
            }
            await printer.raise(failure, number: ticket.label)
            return PrintOutcome(status: .failed, message: failure.message)
        }
    }

    func raise(_ failure: PrintFailure, number: String) {
        logger.warning("Print job failed", metadata: ["printer": "\(port.id)", "ticket": "\(number)", "why": "\(failure.messageEn)"])
        alert(PrinterAlert(printer: port.id, number: number, message: failure.message, messageEn: failure.messageEn, at: clock.now()))
    }
}

struct PrintFailure: Error {
    let message: String
    let messageEn: String
}
