public import DeviceProtocols
public import Foundation
public import Logging
public import QueueCore
public import QueueStore

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
        let jobID: Int64?
        do {
            jobID = try await database.addPrintJob(ticket: ticket.id, printer: port.id, at: clock.now())
        } catch {
            await printer.unrecorded(ticket: ticket.label, step: "store the job", error: error)
            jobID = nil
        }
        do {
            // A printer that cannot answer (or takes longer than 800 ms) is tried anyway: the write reports its own failure.
            if let status = await withDeadline(.milliseconds(800), { try? await port.status() }) ?? nil,
                !status.canPrint
            {
                throw PrintFailure(message: status.vietnameseSummary, messageEn: status.englishSummary)
            }
            try await port.write(bytes, job: jobName)
            await finish(jobID, .printed, error: nil, ticket: ticket.label, database: database, clock: clock, printer: printer)
            return PrintOutcome(status: .printed, message: "Đã in phiếu / Ticket printed")
        } catch {
            let failure =
                error as? PrintFailure
                ?? PrintFailure(message: "Không in được: \(error)", messageEn: "Printing failed: \(error)")
            await finish(jobID, .failed, error: failure.messageEn, ticket: ticket.label, database: database, clock: clock, printer: printer)
            await printer.raise(failure, number: ticket.label)
            return PrintOutcome(status: .failed, message: failure.message)
        }
    }

    /// Records how a job ended; a store failure is logged and counted, never dropped silently.
    static func finish(
        _ jobID: Int64?, _ state: PrintJob.State, error: String?, ticket: String, database: AppDatabase, clock: any WallClock,
        printer: TicketPrinter
    ) async {
        guard let jobID else { return }
        do {
            try await database.finishPrintJob(jobID, state: state, error: error, at: clock.now())
        } catch let failure {
            await printer.unrecorded(ticket: ticket, step: "record the job as \(state.rawValue)", error: failure)
        }
    }

    /// Print jobs whose record could not be written (the printout itself went ahead): logged and counted.
    public private(set) var unrecordedJobs = 0

    func unrecorded(ticket: String, step: String, error: any Error) {
        unrecordedJobs += 1
        logger.error(
            "Could not \(step) in the store", metadata: ["printer": "\(port.id)", "ticket": "\(ticket)", "error": "\(error)"])
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

/// A printer problem the supervisor must see (out of paper, cover open, offline, a failed job).
public struct PrinterAlert: Codable, Sendable, Equatable {
    public var printer: String
    public var number: String?
    public var message: String
    public var messageEn: String
    public var at: Date

    public init(printer: String, number: String?, message: String, messageEn: String, at: Date) {
        self.printer = printer
        self.number = number
        self.message = message
        self.messageEn = messageEn
        self.at = at
    }
}

/// Runs `operation` but gives up waiting after `limit`, returning nil (the operation keeps running).
/// The kiosk must answer promptly even when a printer hangs.
func withDeadline<T: Sendable>(
    _ limit: Duration, _ operation: @escaping @Sendable () async -> T
) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        let work = Task { await operation() }
        group.addTask { await work.value }
        group.addTask {
            try? await Task.sleep(for: limit)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
