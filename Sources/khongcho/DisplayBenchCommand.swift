import ArgumentParser
import DeviceIO
import DeviceProtocols
import Foundation
import Glibc
import Hall
import Logging
import NIOConcurrencyHelpers
import QueueCore
import QueueStore
import ServiceLifecycle
import Simulators
import WebAPI

/// Times a staff call to the two things a citizen sees: the bytes written to the counter's display and the
/// `ticket` event on the live stream the hall screens follow. Everything runs in this process — store,
/// display hub, HTTP server — so the figures are the server's own path, not a client's overhead; only the
/// SSE reader is a separate thread on a real socket. The store is the durable file store (fsync on every call).
struct DisplayBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "display-bench",
        abstract: "Đo độ trễ gọi số → bảng số quầy và sự kiện SSE / benchmark staff call → counter display bytes and SSE event.")

    @Option(help: "Counters active, each with its own simulated 2×20 display.") var counters = 20
    @Option(help: "Calls measured, round-robin over the counters (after one warm-up call per counter).") var calls = 2000
    @Option(help: "Device profiles directory (displays/*.json).") var devices = InstallPaths.devices
    @Option(help: "Assets directory (the server's pages; not used by the figures).") var assets = InstallPaths.assets
    @Flag(help: "Print one JSON object instead of the table.") var json = false

    /// Longest wait for one call's display write and SSE event before it counts as missing.
    static let deliveryTimeout = Duration.seconds(2)

    func validate() throws {
        guard (1...702).contains(counters) else { throw ValidationError("--counters must be 1…702 (one ticket prefix each)") }
        guard calls >= 1 else { throw ValidationError("--calls must be at least 1") }
    }

    func run() async throws {
        let profiles = try DisplayProfiles.load(directory: URL(fileURLWithPath: devices).appendingPathComponent("displays"))
        guard let vfd = profiles.first(where: { $0.id == "epson-dmd-2x20" }) else {
            throw ValidationFailure(
                "Không có hồ sơ bảng số “epson-dmd-2x20” trong \(devices)/displays / no display profile 'epson-dmd-2x20'")
        }
        var logger = Logger(label: "khongcho.display-bench")
        logger.logLevel = .warning  // the simulated displays log every screen at info; that is not the path measured

        // The durable store `serve` opens (WAL, synchronous=FULL), in a directory removed afterwards.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("khongcho-display-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }  // a scratch copy: nothing of value is lost
        let database = try AppDatabase.open(directory: scratch)
        try database.seedCatalogIfEmpty(Self.catalog(counters: counters))
        let ports = (1...counters).map { _ in SimulatedDisplayPort(keep: calls + counters + 16) }
        let displays = try ports.enumerated().map { index, port in
            try CounterDisplay(id: "bench-display-\(index + 1)", profile: vfd, port: port, defaultCounter: index + 1)
        }
        let events = HallEventHub(database: database)
        let broadcaster = EventBroadcaster(events: events)
        let hub = DisplayHub(displays: displays, bindings: [:], clock: SystemWallClock(), logger: logger, alert: { _ in })
        try await hub.follow(database: database, events: events)

        var settings = ServerSettings(assetsDirectory: URL(fileURLWithPath: assets))
        settings.port = try Self.freePort()
        settings.issueRateLimit = 0
        let app = KioskApp(database: database, settings: settings, events: events, broadcaster: broadcaster).application(
            settings: settings, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app, hub, broadcaster], logger: logger))
        let server = Task { try await group.run() }

        let reader: EventReader
        do {
            reader = try await EventReader.connect(port: settings.port)
        } catch {
            await group.triggerGracefulShutdown()
            throw error
        }
        reader.start()
        let result: Result
        do {
            var run = Run(database: database, ports: ports, reader: reader)
            try await run.call(times: counters, measured: false)  // warm-up: first statement, first frame per counter
            try await run.call(times: calls, measured: true)
            result = Result(
                counters: counters, calls: run.displayMs.count + run.missingDisplay, display: Self.summary(run.displayMs),
                sse: Self.summary(run.sseMs), missingDisplay: run.missingDisplay, missingSSE: run.missingSSE)
        } catch {
            reader.stop()
            await group.triggerGracefulShutdown()
            throw error
        }
        reader.stop()
        await group.triggerGracefulShutdown()
        try await server.value
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            result.printTable()
        }
    }

    /// NaN figures when every call went missing (PrintBench.Summary needs one value at least).
    static func summary(_ values: [Double]) -> PrintBench.Summary {
        PrintBench.Summary(values.isEmpty ? [.nan] : values)
    }

    /// N counters, each serving its own field (prefixes A…Z, then AA…ZZ), open all day.
    static func catalog(counters: Int) -> Catalog {
        let fields = (1...counters).map { number in
            Field(code: "linh-vuc-\(number)", name: "Lĩnh vực \(number)", nameEn: "Field \(number)", prefix: prefix(number))
        }
        return Catalog(
            centreName: "Trung tâm đo hiệu năng", fields: fields, procedures: [],
            counters: (1...counters).map { Counter(number: $0, name: "Quầy \($0)", fields: ["linh-vuc-\($0)"]) },
            sessions: [OfficeSession(start: "00:00", end: "23:59")])
    }

    static func prefix(_ number: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let index = number - 1
        return index < 26 ? String(letters[index]) : String([letters[index / 26 - 1], letters[index % 26]])
    }

    /// A port nobody listens on right now (the kernel's pick; closed again before the server binds it).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ValidationFailure("socket(): errno \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { throw ValidationFailure("bind 127.0.0.1:0: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The measuring loop: one call at a time, each measured on its own (the previous ticket of that counter
    /// is ended and its blank screen written before the next call starts).
    struct Run {
        let database: AppDatabase
        let ports: [SimulatedDisplayPort]
        let reader: EventReader
        var next = 0
        var current: [Int: Int64] = [:]
        var displayMs: [Double] = []
        var sseMs: [Double] = []
        var missingDisplay = 0
        var missingSSE = 0

        init(database: AppDatabase, ports: [SimulatedDisplayPort], reader: EventReader) {
            self.database = database
            self.ports = ports
            self.reader = reader
        }

        mutating func call(times: Int, measured: Bool) async throws {
            let clock = ContinuousClock()
            for _ in 0..<times {
                let counter = next % ports.count + 1
                next += 1
                let port = ports[counter - 1]
                let actor = StaffActor(username: "quay\(counter)", counter: counter)
                var settle: [Int64] = []
                var writesBefore = port.writes.count
                if let previous = current[counter] {
                    settle.append(try await database.apply(.noShow, ticket: previous, by: actor, at: Date()).id)
                    current[counter] = nil
                }
                settle.append(
                    try await database.issueTicket(field: "linh-vuc-\(counter)", priority: .none, source: "bench", at: Date()).event.id)
                let blanked = settle.count == 2
                _ = await Self.wait(until: clock.now + DisplayBench.deliveryTimeout) {
                    settle.allSatisfy { reader.arrival($0) != nil } && (!blanked || port.writes.count > writesBefore)
                }
                writesBefore = port.writes.count
                let start = clock.now
                guard let event = try await database.callNext(counter: counter, by: actor, at: Date()) else {
                    throw ValidationFailure("Quầy \(counter) không có phiếu để gọi / counter \(counter) had nothing to call")
                }
                current[counter] = event.ticket.id
                let label = Array(event.ticket.number.utf8)
                func written() -> ContinuousClock.Instant? {
                    port.writes.dropFirst(writesBefore).first { $0.bytes.contains(label) }?.at
                }
                _ = await Self.wait(until: start + DisplayBench.deliveryTimeout) { written() != nil && reader.arrival(event.id) != nil }
                guard measured else { continue }
                if let at = written() { displayMs.append(PrintBench.milliseconds(at - start)) } else { missingDisplay += 1 }
                if let at = reader.arrival(event.id) { sseMs.append(PrintBench.milliseconds(at - start)) } else { missingSSE += 1 }
            }
        }

        /// Polls `done` every 100 µs; the instants measured are taken where the bytes land, not here.
        static func wait(until deadline: ContinuousClock.Instant, _ done: () -> Bool) async -> Bool {
            while !done() {
                if ContinuousClock.now >= deadline { return false }
                try? await Task.sleep(for: .microseconds(100))
            }
            return true
        }
    }

    /// One `GET /api/v1/events` client on a blocking socket and its own thread: it notes the instant each
    /// complete event block (`id: N` … blank line) arrived, keyed by event id.
    final class EventReader: Sendable {
        let fd: Int32
        private let arrivals = NIOLockedValueBox<[Int64: ContinuousClock.Instant]>([:])

        private init(fd: Int32) {
            self.fd = fd
        }

        /// Connects (retrying while the server starts, up to 10 s) and sends the request.
        static func connect(port: Int) async throws -> EventReader {
            let deadline = ContinuousClock.now + .seconds(10)
            while true {
                let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
                guard fd >= 0 else { throw ValidationFailure("socket(): errno \(errno)") }
                var address = sockaddr_in()
                address.sin_family = sa_family_t(AF_INET)
                address.sin_port = in_port_t(UInt16(port).bigEndian)
                address.sin_addr.s_addr = inet_addr("127.0.0.1")
                let connected = withUnsafePointer(to: &address) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                    }
                }
                if connected {
                    var one: Int32 = 1
                    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                    let request = Array("GET /api/v1/events HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n".utf8)
                    guard send(fd, request, request.count, Int32(MSG_NOSIGNAL)) == request.count else {
                        close(fd)
                        throw ValidationFailure("Không gửi được yêu cầu SSE / could not send the SSE request: errno \(errno)")
                    }
                    return EventReader(fd: fd)
                }
                close(fd)
                if ContinuousClock.now > deadline {
                    throw ValidationFailure("Máy chủ không nghe ở cổng \(port) / server not listening on port \(port)")
                }
                try await Task.sleep(for: .milliseconds(20))
            }
        }

        func start() {
            let thread = Thread { [self] in readLoop() }
            thread.name = "display-bench-sse"
            thread.start()
        }

        /// Ends the read loop (recv returns 0) and, with it, the stream on the server side.
        func stop() {
            shutdown(fd, Int32(SHUT_RDWR))
        }

        func arrival(_ id: Int64) -> ContinuousClock.Instant? {
            arrivals.withLockedValue { $0[id] }
        }

        private func readLoop() {
            defer { close(fd) }
            var raw: [UInt8] = []
            var body: [UInt8] = []
            var chunked: Bool?
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = recv(fd, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                let now = ContinuousClock.now
                raw.append(contentsOf: buffer[0..<count])
                if chunked == nil {
                    guard let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { continue }
                    let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).lowercased()
                    chunked = head.contains("transfer-encoding: chunked")
                    raw.removeSubrange(..<end.upperBound)
                }
                if chunked == true {
                    Self.dechunk(&raw, into: &body)
                } else {
                    body += raw
                    raw.removeAll()
                }
                var ids: [Int64] = []
                while let end = body.firstRange(of: [10, 10]) {
                    let block = String(decoding: body[..<end.lowerBound], as: UTF8.self)
                    body.removeSubrange(..<end.upperBound)
                    if let line = block.split(separator: "\n").first(where: { $0.hasPrefix("id: ") }), let id = Int64(line.dropFirst(4)) {
                        ids.append(id)
                    }
                }
                if !ids.isEmpty { arrivals.withLockedValue { for id in ids { $0[id] = now } } }
            }
        }

        /// Moves every complete chunk of `raw` (hex size CRLF data CRLF) into `body`.
        static func dechunk(_ raw: inout [UInt8], into body: inout [UInt8]) {
            while let lineEnd = raw.firstRange(of: [13, 10]) {
                let sizeText = String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
                guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { return }
                let dataStart = lineEnd.upperBound
                guard raw.count >= dataStart + size + 2 else { return }
                body += raw[dataStart..<dataStart + size]
                raw.removeSubrange(..<(dataStart + size + 2))
            }
        }
    }

    struct Result: Encodable {
        let counters: Int, calls: Int
        let display: PrintBench.Summary, sse: PrintBench.Summary
        let missingDisplay: Int, missingSSE: Int

        func printTable() {
            func ms(_ value: Double) -> String { String(format: "%9.3f", value) }
            print(
                "display-bench — \(counters) quầy / counters, \(calls) lần gọi / calls (sau \(counters) lần gọi khởi động / after \(counters) warm-up calls)"
            )
            print("                                          p50       p99       max  (ms)")
            for (name, summary) in [("gọi → bảng số / call → display bytes", display), ("gọi → sự kiện SSE / call → SSE event", sse)] {
                print(
                    name.padding(toLength: 38, withPad: " ", startingAt: 0) + ms(summary.p50) + " " + ms(summary.p99) + " "
                        + ms(summary.max))
            }
            print("thiếu / missing (quá 2 s / over 2 s): bảng số / display \(missingDisplay), SSE \(missingSSE)")
        }
    }
}
