import DeviceProtocols
public import Foundation
public import Logging
public import QueueCore
public import QueueStore
public import ServiceLifecycle

/// Drives every counter display from the hall's signals, in order: the current number on a call, blank
/// after the ticket ends, "Tạm dừng" while paused, "Cảm ơn quý khách" for a few seconds after a rating.
/// A display that fails is marked offline, raised once as an alert, and re-driven with the current state
/// every `retryInterval` until it answers.
public actor DisplayHub: Service {
    struct Entry {
        let display: CounterDisplay
        var counter: Int?
        var status: DeviceInfo.Status = .ok
        var problem: (vi: String, en: String)?
        var lastSeen: Date?
        var screen: [String] = []
    }

    var entries: [String: Entry] = [:]
    let order: [String]
    var states: [Int: CounterDisplayState] = [:]
    var thanksUntil: [Int: Date] = [:]
    let clock: any WallClock
    let logger: Logger
    let alert: @Sendable (HallAlert) -> Void
    let retryInterval: Duration
    let thanksSeconds: TimeInterval
    nonisolated let signals: AsyncStream<HallSignal>
    nonisolated let inbox: AsyncStream<HallSignal>.Continuation

    public init(
        displays: [CounterDisplay], bindings: [String: Int], clock: any WallClock, logger: Logger,
        retryInterval: Duration = .seconds(2), thanksSeconds: TimeInterval = 5,
        alert: @escaping @Sendable (HallAlert) -> Void
    ) {
        for display in displays {
            entries[display.id] = Entry(display: display, counter: bindings[display.id] ?? display.defaultCounter)
        }
        order = displays.map(\.id)
        self.clock = clock
        self.logger = logger
        self.retryInterval = retryInterval
        self.thanksSeconds = thanksSeconds
        self.alert = alert
        (signals, inbox) = AsyncStream<HallSignal>.makeStream()
    }

    /// Follows the store's committed events and the live notices (pauses, ratings) — in order, through
    /// one inbox — starting from the counters' current state.
    public func follow(database: AppDatabase, events: HallEventHub) async throws {
        for status in try await database.counters() {
            states[status.number] = CounterDisplayState(
                counter: status.number, label: status.current?.number, paused: status.paused)
        }
        let inbox = self.inbox
        events.subscribe { event in
            switch event {
            case .tickets(let tickets): for ticket in tickets { inbox.yield(.ticket(ticket)) }
            case .counter(let status): inbox.yield(.paused(counter: status.number, status.paused))
            case .rating(let thanks): inbox.yield(.thanks(counter: thanks.counter))
            case .alert, .look: break
            }
        }
        for counter in states.keys.sorted() { await drive(counter: counter) }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { for await signal in self.signals { await self.apply(signal) } }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: self.retryInterval)
                        await self.tick()
                    }
                }
            }
        }
    }

    /// One signal: update the counter's state and redraw its displays.
    public func apply(_ signal: HallSignal) async {
        guard let counter = update(signal) else { return }
        await drive(counter: counter)
    }

    func update(_ signal: HallSignal) -> Int? {
        switch signal {
        case .paused(let counter, let paused):
            states[counter, default: CounterDisplayState(counter: counter)].paused = paused
            return counter
        case .thanks(let counter):
            thanksUntil[counter] = clock.now().addingTimeInterval(thanksSeconds)
            return counter
        case .ticket(let event):
            return update(event)
        }
    }

    func update(_ event: PublishedEvent) -> Int? {
        switch event.kind {
        case .called, .recalled, .serving:
            guard let counter = event.counter else { return nil }
            states[counter, default: CounterDisplayState(counter: counter)].label = event.ticket.number
            return counter
        case .done, .noShow, .cancelled, .transferred:
            // A transfer leaves the counter empty-handed (the event no longer names it): find it by label.
            let counter = event.counter ?? states.first { $0.value.label == event.ticket.number }?.key
            guard let counter, states[counter]?.label == event.ticket.number else { return nil }
            states[counter]?.label = nil
            return counter
        case .issued, .rated, .dossierReceived, .resultReturned, .requeued:
            return nil
        }
    }

    /// The state a counter's displays show now (with the thank-you line while it lasts).
    func shown(_ counter: Int) -> CounterDisplayState {
        var state = states[counter] ?? CounterDisplayState(counter: counter)
        if let until = thanksUntil[counter], clock.now() < until { state.message = "Cảm ơn quý khách" }
        return state
    }

    func drive(counter: Int) async {
        for id in order where entries[id]?.counter == counter { await drive(id: id) }
    }

    func drive(id: String) async {
        guard let entry = entries[id] else { return }
        guard let counter = entry.counter else {
            await send(id, encoded(id) { try entry.display.encoder.clear() }, screen: [])
            return
        }
        let state = shown(counter)
        let frame = encoded(id) { try entry.display.encoder.frame(for: state, address: entry.display.address(counter: counter)) }
        await send(id, frame, screen: entry.display.encoder.text(for: state))
    }

    /// The display's bytes, or nil with the reason logged (a profile that cannot encode this frame).
    func encoded(_ id: String, _ encode: () throws -> [UInt8]) -> [UInt8]? {
        do {
            return try encode()
        } catch {
            logger.error("Display \(id) cannot show this frame: \(error)")
            return nil
        }
    }

    func send(_ id: String, _ bytes: [UInt8]?, screen: [String]) async {
        guard let entry = entries[id], let bytes else { return }
        do {
            try await entry.display.port.write(bytes)
            recovered(id, screen: screen)
        } catch {
            failed(id, error)
        }
    }

    func recovered(_ id: String, screen: [String]) {
        guard var entry = entries[id] else { return }
        if entry.status != .ok { logger.info("Display \(id) is back; redrawn") }
        if entry.display.port.simulated, screen != entry.screen {
            logger.info("Display \(id) (simulated) shows: \(screen.map { "[\($0)]" }.joined(separator: " "))")
        }
        entry.status = .ok
        entry.problem = nil
        entry.lastSeen = clock.now()
        entry.screen = screen
        entries[id] = entry
    }

    func failed(_ id: String, _ error: any Error) {
        guard var entry = entries[id] else { return }
        let wasOK = entry.status == .ok
        entry.status = .offline
        entry.problem = ("Bảng số \(id) không nhận dữ liệu: \(error)", "Display \(id) is not answering: \(error)")
        entries[id] = entry
        guard wasOK else { return }
        logger.warning("Display \(id) failed: \(error)")
        alert(
            HallAlert(
                id: "device:\(id)", kind: .device, counter: entry.counter, message: entry.problem?.vi ?? "",
                messageEn: entry.problem?.en ?? "", at: clock.now()))
    }

    /// Re-drives offline displays; clears thank-you lines that have run out. `run()` calls it every
    /// `retryInterval`; tests call it directly.
    public func tick() async {
        let now = clock.now()
        for (counter, until) in thanksUntil where until <= now {
            thanksUntil[counter] = nil
            await drive(counter: counter)
        }
        for id in order where entries[id]?.status != .ok { await drive(id: id) }
    }
}

extension DisplayHub {
    public var infos: [DeviceInfo] {
        order.compactMap { id in
            guard let entry = entries[id] else { return nil }
            return DeviceInfo(
                id: id, kind: .display, profile: entry.display.profile.id, name: entry.display.profile.name,
                port: entry.display.port.name, counter: entry.counter, status: entry.status,
                statusText: entry.problem?.vi ?? "Đang hoạt động", statusTextEn: entry.problem?.en ?? "Working",
                lastSeen: entry.lastSeen, simulated: entry.display.port.simulated, screen: entry.screen)
        }
    }

    public func has(_ id: String) -> Bool { entries[id] != nil }

    public func bind(_ id: String, counter: Int?) async {
        entries[id]?.counter = counter
        await drive(id: id)
    }

    /// Lights every cell for 3 s, then shows the counter again.
    public func test(_ id: String) async throws {
        guard let entry = entries[id] else { return }
        let address = entry.display.address(counter: entry.counter ?? 0)
        try await entry.display.port.write(try entry.display.encoder.testPattern(address: address))
        try? await Task.sleep(for: .seconds(3))
        await drive(id: id)
    }
}

/// What changes a counter's display: a ticket event, a pause, a rating to thank for.
public enum HallSignal: Sendable {
    case ticket(PublishedEvent)
    case paused(counter: Int, Bool)
    case thanks(counter: Int)
}
