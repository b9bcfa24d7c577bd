public import DeviceProtocols
public import Foundation
public import Logging
public import QueueCore
import QueueStore

/// Every rating and caller keypad, simulated or USB: decodes presses and acts at the keypad's counter —
/// a rating goes through the same desk as the tablet page, a caller key does what the staff page does.
public actor KeypadHub {
    struct Entry {
        let profile: KeypadProfile
        var decoder: KeypadDecoder
        var counter: Int?
        let port: String
        let simulated: Bool
        var status: DeviceInfo.Status = .ok
        var note: (vi: String, en: String)?
        var lastSeen: Date?
    }

    var entries: [String: Entry] = [:]
    var order: [String] = []
    let ratings: RatingDesk
    let caller: CallerActions
    let clock: any WallClock
    let logger: Logger

    public init(ratings: RatingDesk, clock: any WallClock, logger: Logger) {
        self.ratings = ratings
        self.caller = CallerActions(database: ratings.database)
        self.clock = clock
        self.logger = logger
    }

    /// Adds (or re-adds after a replug) a keypad; a binding the admin made wins over `counter`.
    public func attach(id: String, profile: KeypadProfile, counter: Int?, port: String, simulated: Bool) async {
        let bound: Int?
        do {
            bound = try await ratings.database.deviceBindings()[id]
        } catch {
            // The keypad still works at `counter`; the admin's binding is applied on the next attach.
            logger.error("Could not read the keypad's counter binding", metadata: ["keypad": "\(id)", "error": "\(error)"])
            bound = nil
        }
        if entries[id] == nil { order.append(id) }
        entries[id] = Entry(
            profile: profile, decoder: KeypadDecoder(profile: profile), counter: bound ?? counter ?? entries[id]?.counter,
            port: port, simulated: simulated, lastSeen: clock.now())
    }

    public func detach(id: String, reason: (vi: String, en: String)) {
        entries[id]?.status = .unplugged
        entries[id]?.note = reason
    }

    public func failed(id: String, reason: (vi: String, en: String)) {
        entries[id]?.status = .error
        entries[id]?.note = reason
    }

    /// A raw boot report from a keypad; answers what each decoded press did.
    @discardableResult
    public func feed(id: String, report: [UInt8], at instant: Date) async -> [String] {
        guard var entry = entries[id] else { return [] }
        let actions = entry.decoder.feed(report: report, at: instant)
        entry.lastSeen = instant
        entries[id] = entry
        var done: [String] = []
        for action in actions { done.append(await handle(action, from: id, at: instant)) }
        return done
    }

    /// A decoded press (from `KeypadService`, which decodes itself).
    @discardableResult
    public func handle(_ action: KeypadAction, from id: String, at instant: Date) async -> String {
        entries[id]?.lastSeen = instant
        guard let counter = entries[id]?.counter else {
            logger.warning("Keypad \(id) is not bound to a counter; \(action) ignored")
            return "Bàn phím chưa gán quầy — bỏ qua \(action)"
        }
        do {
            let result: String
            switch action {
            case .rating(let level):
                let recorded = try await ratings.rate(level: level.rawValue, counter: counter, source: .keypad, device: id, at: instant)
                result =
                    recorded.repeated
                    ? "Bấm lặp, tính một lần" : "Đánh giá \(level.rawValue) → \(recorded.rating.ticket ?? "chưa gắn phiếu")"
            case .caller(let command):
                result = try await caller.perform(command, counter: counter, device: id, at: instant)
            }
            logger.info("Keypad \(id) at counter \(counter): \(action) → \(result)")
            return result
        } catch let error as QueueError {
            logger.notice("Keypad \(id) at counter \(counter): \(action) refused: \(error.englishMessage)")
            return error.message
        } catch {
            return "\(error)"
        }
    }
}

extension KeypadHub {
    public var infos: [DeviceInfo] {
        order.compactMap { id in
            guard let entry = entries[id] else { return nil }
            return DeviceInfo(
                id: id, kind: entry.profile.kind == .rating ? .ratingKeypad : .callerKeypad, profile: entry.profile.id,
                name: entry.profile.name, port: entry.port, counter: entry.counter, status: entry.status,
                statusText: entry.note?.vi ?? (entry.counter == nil ? "Chưa gán quầy" : "Đang hoạt động"),
                statusTextEn: entry.note?.en ?? (entry.counter == nil ? "Not bound to a counter" : "Working"),
                lastSeen: entry.lastSeen, simulated: entry.simulated)
        }
    }

    public func has(_ id: String) -> Bool { entries[id] != nil }

    public func bind(_ id: String, counter: Int?) { entries[id]?.counter = counter }

    /// Types on a simulated keypad; throws for a real one.
    public func type(_ id: String, keys: String) async throws -> [String] {
        guard let entry = entries[id] else { throw DeviceDirectoryError.unknownDevice(id) }
        guard entry.simulated else { throw DeviceDirectoryError.notSimulated(id) }
        guard let reports = KeyTyping.reports(for: keys, profile: entry.profile) else {
            throw QueueError.invalid("Chỉ gõ được chữ số 0–9 và Enter (\\n).", "Only digits 0–9 and Enter (\\n) can be typed.")
        }
        let now = clock.now()
        var done: [String] = []
        for report in reports { done += await feed(id: id, report: report, at: now) }
        return done
    }
}
