import DeviceProtocols
public import Foundation
public import Logging
public import QueueCore
public import QueueStore
public import ServiceLifecycle

/// The text-message outbox at work, every `interval` (2 s):
/// 1. deletes the phones of past service days (consent covers one day only);
/// 2. queues "sắp đến lượt" for each waiting ticket with a phone once 2 or fewer people are ahead of it (its turn
///    within the next 3 calls — when the ticket page says the same);
/// 3. sends the due messages through the modem, one at a time. A failed attempt is kept and retried after
///    30 s, 1, 2, 5, 10 minutes; after the sixth it is failed for good. Any failure raises the `sms-modem` device
///    alert with the modem's words, and the next sent message clears it. Nothing is dropped silently.
public struct SMSDispatcher: Service {
    let database: AppDatabase
    let sender: ModemSender
    let alerts: AlertMonitor?
    let clock: any WallClock
    let logger: Logger
    let interval: Duration
    /// Delays before the 2nd…6th attempts.
    public static let retryDelays: [TimeInterval] = [30, 60, 120, 300, 600]
    /// Places ahead at which the near-turn message goes: the ticket page's "sắp đến lượt" rule (ticket.js).
    public static let nearTurnAhead = 2

    public init(
        database: AppDatabase, sender: ModemSender, alerts: AlertMonitor?, clock: any WallClock, logger: Logger,
        interval: Duration = .seconds(2)
    ) {
        self.database = database
        self.sender = sender
        self.alerts = alerts
        self.clock = clock
        self.logger = logger
        self.interval = interval
    }

    public func run() async throws {
        logger.info("SMS through \(sender.name) (\(sender.profile.id), \(sender.profile.charset.rawValue))")
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await tick()
                } catch {
                    logger.error("SMS outbox could not be processed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One pass: purge, queue near-turn messages, send what is due. Tests call it directly.
    public func tick() async throws {
        let now = clock.now()
        try await database.purgeSMSPhones(before: VietnamTime.serviceDay(of: now))
        for watch in try await database.nearTurnWatches(at: now) where watch.ahead <= Self.nearTurnAhead {
            try await database.queueNearTurn(ticket: watch.ticket, text: Self.nearTurnText(watch), at: now)
        }
        for message in try await database.dueSMS(at: now) {
            guard let phone = message.phone else { continue }
            do {
                let reference = try await sender.send(to: phone, text: message.text)
                try await database.markSMSSent(id: message.id, reference: reference, at: clock.now())
                alerts?.clear(id: "sms-modem")
            } catch {
                try await failed(message, error: error)
            }
        }
    }

    func failed(_ message: SMSMessage, error: any Error) async throws {
        let words = (error as? ModemError).map { ($0.message, $0.messageEn) } ?? ("\(error)", "\(error)")
        let retry = message.attempts < Self.retryDelays.count ? clock.now().addingTimeInterval(Self.retryDelays[message.attempts]) : nil
        try await database.markSMSFailed(id: message.id, error: words.1, retryAt: retry, at: clock.now())
        logger.warning(
            "SMS not sent", metadata: ["message": "\(message.id)", "attempt": "\(message.attempts + 1)", "error": "\(words.1)"])
        alerts?.raise(
            HallAlert(
                id: "sms-modem", kind: .device,
                message: "Tin nhắn SMS chưa gửi được (\(retry == nil ? "đã bỏ sau 6 lần" : "sẽ thử lại")): \(words.0)",
                messageEn: "A text message could not be sent (\(retry == nil ? "given up after 6 attempts" : "will retry")): \(words.1)",
                at: clock.now()))
    }

    static func nearTurnText(_ watch: NearTurnWatch) -> String {
        watch.ahead == 0
            ? "Sắp đến lượt số \(watch.label): quý khách là người tiếp theo. Mời về sảnh chờ."
            : "Sắp đến lượt số \(watch.label): còn \(watch.ahead) người trước quý khách. Mời về sảnh chờ."
    }
}
