public import DeviceProtocols
public import Foundation
public import Logging
public import QueueCore
public import QueueStore

/// How long printing may hold the one who asked.
public struct PrintDeadlines: Sendable {
    /// How long a kiosk waits for its job before the answer says `queued` (the job goes on and is recorded).
    public var answer: Duration
    /// How long a status probe may take before the job is tried anyway.
    public var status: Duration

    public init(answer: Duration = .milliseconds(1500), status: Duration = .milliseconds(800)) {
        self.answer = answer
        self.status = status
    }
}

/// The print queue of one printer: jobs go out one at a time, in order. Every job is stored as `queued`
/// the moment it is submitted, so a crash leaves a record (marked failed at the next start). Before and after
/// each job the printer's status is checked; a job that cannot print (no paper, cover open, offline, write failed or
/// timed out) is recorded as failed and raised as an alert, and stays listed until reprinted.
///
/// A ticket never waits behind another ticket's job: with an unfinished job ahead the answer is `queued` at
/// once, and otherwise it comes within `deadlines.answer` whatever the printer does.
public actor TicketPrinter {
    public nonisolated let port: any PrinterPort
    let database: AppDatabase
    let clock: any WallClock
    let alert: @Sendable (PrinterAlert) -> Void
    let logger: Logger
    let deadlines: PrintDeadlines
    private var tail: Task<PrintOutcome, Never>?
    /// Jobs submitted and not ended yet.
    public private(set) var unfinished = 0
    /// Set at shutdown: jobs that have not started stay `queued` in the store (see `stop(within:)`).
    public private(set) var isStopping = false
    /// Jobs not started because the printer was stopping.
    private var leftQueued = 0
    /// When the printer last answered: attached, or took a job's bytes (the admin's devices page shows it).
    public private(set) var lastSeen: Date?

    public init(
        port: any PrinterPort, database: AppDatabase, clock: any WallClock, deadlines: PrintDeadlines = PrintDeadlines(),
        logger: Logger = Logger(label: "khongcho.printer"), alert: @escaping @Sendable (PrinterAlert) -> Void
    ) {
        self.port = port
        self.database = database
        self.clock = clock
        self.deadlines = deadlines
        self.logger = logger
        self.alert = alert
        self.lastSeen = clock.now()
    }

    func seen(_ instant: Date) { lastSeen = instant }

    /// The admin's test page ("Thử in"): queued behind the tickets like any job, checked against the printer's
    /// status, never stored as a ticket's print job. Answers within 10 s, else `queued`.
    public func printTest(_ bytes: [UInt8], jobName: String) async -> PrintOutcome {
        unfinished += 1
        let previous = tail
        let job = Task { [port, clock, deadlines] in
            _ = await previous?.value
            let outcome: PrintOutcome
            do {
                if let status = await Self.probe(port, within: deadlines.status, printer: self), !status.canPrint {
                    throw PrintFailure(message: status.vietnameseSummary, messageEn: status.englishSummary)
                }
                try await port.write(bytes, job: jobName)
                self.seen(clock.now())
                outcome = PrintOutcome(status: .printed, message: "Đã in trang thử / Test page printed")
            } catch {
                let failure = PrintFailure(error)
                outcome = PrintOutcome(status: .failed, message: "\(failure.message) / \(failure.messageEn)")
            }
            self.ended()
            return outcome
        }
        tail = job
        return await withDeadline(.seconds(10)) { await job.value }
            ?? PrintOutcome(status: .queued, message: "Trang thử đang chờ máy in / The test page waits for the printer")
    }

    /// Queues `bytes` for `ticket` (see `submit(ticket:jobName:render:)`).
    public func submit(_ bytes: [UInt8], ticket: Ticket, jobName: String? = nil) async -> PrintOutcome {
        await submit(ticket: ticket, jobName: jobName) { bytes }
    }

    /// Stores the job as `queued`, then queues it: `render` makes its bytes when the job's turn comes, so drawing,
    /// encoding and the virtual printer's PNG never hold the one who asked. Answers the job's outcome when it ends
    /// within `deadlines.answer`, else `queued`; `queued` at once when another job is still unfinished.
    /// `jobName` names the printout (the virtual printer's PNG); the ticket's day and label by default.
    /// `storedJob` is a job already stored with the ticket (`AppDatabase.issueTicket(…printer:)`): it is not stored again.
    public func submit(
        ticket: Ticket, storedJob: Int64? = nil, jobName: String? = nil, render: @escaping @Sendable () throws -> [UInt8]
    ) async -> PrintOutcome {
        let jobID: Int64?
        if let storedJob {
            jobID = storedJob
        } else {
            jobID = await Self.record(ticket: ticket, port: port, database: database, clock: clock, printer: self)
        }
        let ahead = unfinished
        unfinished += 1
        let previous = tail
        let name = jobName ?? "\(ticket.serviceDay)-\(ticket.label)"
        let queuedAt = ContinuousClock.now
        let job = Task { [port, database, clock, deadlines] in
            _ = await previous?.value
            await PrintLane.shared.awaitQuiet(queuedAt: queuedAt, queuedBehind: self.unfinished - 1)
            guard !self.isStopping else {
                self.leftQueued += 1
                self.ended()
                return PrintOutcome(
                    status: .queued,
                    message: "Máy chủ đang dừng; phiếu chờ in lại / The server is stopping; the ticket waits to be reprinted")
            }
            let outcome = await Self.run(
                render, ticket: ticket, jobID: jobID, jobName: name, port: port, database: database, clock: clock,
                statusWithin: deadlines.status, printer: self)
            self.ended()
            return outcome
        }
        tail = job
        guard ahead == 0 else {
            return PrintOutcome(
                status: .queued, message: "Đang chờ in sau \(ahead) phiếu trước / Waiting behind \(ahead) earlier ticket(s)")
        }
        return await withDeadline(deadlines.answer) { await job.value }
            ?? PrintOutcome(
                status: .queued,
                message: "Máy in chưa nhận xong phiếu, phiếu sẽ ra khi máy in sẵn sàng / The printer has not taken the ticket yet")
    }

    /// Waits until every job submitted so far has ended (tests, and before a clean shutdown).
    public func drained() async {
        while let last = tail {
            _ = await last.value
            if tail == last { return }
        }
    }

    /// Shutdown: the job at hand finishes and is recorded while the store is still open; the jobs behind it are not
    /// started and stay stored as `queued`, so the next start lists them for reprint (never a ticket printed and
    /// then recorded as failed because the store had closed under it). Waits at most `limit`; answers how many jobs
    /// were left queued or unfinished.
    public func stop(within limit: Duration) async -> Int {
        isStopping = true
        if let last = tail, await withDeadline(limit, { _ = await last.value }) == nil {
            return leftQueued + unfinished
        }
        return leftQueued
    }

    private func ended() { unfinished -= 1 }

    /// Stores the job as `queued` before it waits for the printer; a store failure is logged and counted.
    static func record(ticket: Ticket, port: any PrinterPort, database: AppDatabase, clock: any WallClock, printer: TicketPrinter)
        async -> Int64?
    {
        do {
            return try await database.addPrintJob(ticket: ticket.id, printer: port.id, at: clock.now())
        } catch {
            await printer.unrecorded(ticket: ticket.label, step: "store the job", error: error)
            return nil
        }
    }

    static func run(
        _ render: @escaping @Sendable () throws -> [UInt8], ticket: Ticket, jobID: Int64?, jobName: String, port: any PrinterPort,
        database: AppDatabase,
        clock: any WallClock, statusWithin: Duration, printer: TicketPrinter
    ) async -> PrintOutcome {
        do {
            // A printer that cannot answer in time is tried anyway: the write reports its own failure.
            if let status = await probe(port, within: statusWithin, printer: printer), !status.canPrint {
                throw PrintFailure(message: status.vietnameseSummary, messageEn: status.englishSummary)
            }
            let bytes: [UInt8]
            do {
                bytes = try await PrintLane.shared.run(render)
            } catch {
                throw PrintFailure(message: "Không dựng được phiếu in: \(error)", messageEn: "The ticket could not be drawn: \(error)")
            }
            try await port.write(bytes, job: jobName)
            await printer.seen(clock.now())
            // Asked again once the bytes are in: paper that ran out during this ticket (or a first answer that came
            // too late) must not be reported to the citizen as a printed ticket.
            if let status = await probe(port, within: statusWithin, printer: printer), !status.canPrint {
                throw PrintFailure(message: status.vietnameseSummary, messageEn: status.englishSummary)
            }
            await finish(jobID, .printed, error: nil, ticket: ticket.label, database: database, clock: clock, printer: printer)
            return PrintOutcome(status: .printed, message: "Đã in phiếu / Ticket printed")
        } catch {
            let failure = PrintFailure(error)
            await finish(
                jobID, .failed, error: "\(failure.message) / \(failure.messageEn)", ticket: ticket.label, database: database,
                clock: clock, printer: printer)
            await printer.raise(failure, number: ticket.label)
            return PrintOutcome(status: .failed, message: failure.message)
        }
    }

    /// The printer's status, or nil when it has none, cannot be read, or takes longer than `limit`.
    static func probe(_ port: any PrinterPort, within limit: Duration, printer: TicketPrinter) async -> PrinterStatus? {
        let answer: Result<PrinterStatus?, any Error>? = await withDeadline(limit) {
            do { return .success(try await port.status()) } catch { return .failure(error) }
        }
        switch answer {
        case .success(let status)?: return status
        case .failure(let error)?:
            printer.logger.warning("Printer status unreadable", metadata: ["printer": "\(port.id)", "error": "\(error)"])
            return nil
        case nil: return nil
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

    init(message: String, messageEn: String) {
        self.message = message
        self.messageEn = messageEn
    }

    /// Any error of a job, in words for the kiosk: a device's own advice when it has some.
    init(_ error: any Error) {
        switch error {
        case let failure as PrintFailure: self = failure
        case let device as any BilingualError:
            self.init(message: "Không in được: \(device.message)", messageEn: "Printing failed: \(device.englishMessage)")
        default: self.init(message: "Không in được: \(error)", messageEn: "Printing failed: \(error)")
        }
    }
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
